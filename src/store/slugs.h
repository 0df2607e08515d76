#pragma once
// URL names of organisations and locations: one namespace for both (a library's slug names its
// page), unique, stable once given.
#include <string>

#include "store/sqlite.h"

namespace tilti::store {

// A free slug made from `folded` text (directory::Fold: lower-case ASCII words): "barking
// library" -> "barking-library", or "barking-library-2" when that is taken by an organisation
// or a location; at most 80 characters before the suffix; "library" when nothing is left.
std::string UniqueSlug(Connection& c, std::string folded);

}  // namespace tilti::store
