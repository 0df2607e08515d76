#pragma once
// The demo's good practices (demo/practices.json): what seed 003 tells of Jēkabpils' OPEN UP
// project, published, in Latvian. Loading twice keeps one copy (a practice whose slug exists is
// left as it is, with whatever the back office changed).
#include <string_view>

#include "core/clock.h"
#include "store/database.h"

namespace tilti::store {

// Returns how many practices the file has. Throws std::runtime_error naming the problem when
// the file is malformed or names a library or target group the directory does not have.
int LoadDemoPractices(Database& db, std::string_view json_text, SysTime now);

}  // namespace tilti::store
