#pragma once
// The demo's guide for newcomers (demo/guides.json): seed 000 in Latvian, word for word, as the
// guide about what public libraries give. Other locales have no text on purpose, so the pages
// show the Latvian marked as such and the back office lists them as needing translation.
#include <string_view>

#include "core/clock.h"
#include "store/database.h"

namespace tilti::store {

// Saves each guide of the file that is not there yet (a guide a coordinator has since edited is
// left alone). Returns how many were added. Throws std::runtime_error naming the problem when
// the file is malformed.
int LoadDemoGuides(Database& db, std::string_view json_text, SysTime now);

}  // namespace tilti::store
