#pragma once
// URL names of organisations and locations: one namespace for both (a library's slug names its
// page), unique, stable once given.
#include <string>
#include <string_view>

#include "store/sql.h"

namespace tilti::store {

// A free slug made from `folded` text (directory::Fold: lower-case ASCII words): "barking
// library" -> "barking-library", or "barking-library-2" when that is taken by an organisation
// or a location; at most 80 characters before the suffix; "library" when nothing is left.
std::string UniqueSlug(Connection& c, std::string folded);

// A free slug of a record of `table` (its column `slug`) made from `text` in any language:
// "open-up", or "open-up-2" when taken; never "new" (the back office's form for a new one);
// `fallback` when nothing is left of the text. `table` must be a constant of the calling code.
std::string FreeSlugIn(Connection& c, std::string_view table, std::string_view text,
                       std::string_view fallback);

}  // namespace tilti::store
