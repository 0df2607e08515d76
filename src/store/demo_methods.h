#pragma once
// The methodology library's demo documents (demo/methods.json): what seed 004 says of the LIBRI
// partnership handbook, as version 1 without a file (the seeds do not hold the document itself).
// Loading twice keeps one copy (ids derive from each document's key) and never touches versions
// added in the back office.
#include <string_view>

#include "core/clock.h"
#include "store/database.h"

namespace tilti::store {

// Returns how many documents the file has. Throws std::runtime_error naming the problem when
// the file is malformed.
int LoadDemoMethods(Database& db, std::string_view json_text, SysTime now);

}  // namespace tilti::store
