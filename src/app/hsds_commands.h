#pragma once
// `tilti export --format hsds-tabular|hsds-json --out PATH` and
// `tilti import --format hsds-tabular|hsds-json PATH`: the HSDS exchange from the command
// line (docs/hsds-exchange.md). Each prints a short report (what was written or read, sizes,
// time) to `out`, and problems, one per line, to `err`.
#include <iostream>
#include <string>
#include <string_view>

#include "store/database.h"

namespace tilti::app {

// The accepted values of --format.
inline constexpr std::string_view kHsdsTabular = "hsds-tabular";
inline constexpr std::string_view kHsdsJson = "hsds-json";

// Dumps the directory (one read snapshot) and writes it: hsds-tabular into the folder
// `out_path` (created if missing), hsds-json into the file `out_path`. Returns 0 on success,
// 1 when the output cannot be written, 2 for an unknown format.
int RunHsdsExport(store::Database& db, std::string_view format, const std::string& out_path,
                  std::ostream& out = std::cout, std::ostream& err = std::cerr);

// Reads `in_path` (a package folder or a JSON file) and loads it all or nothing. Returns 0
// when everything was written, 1 when the input was refused (every problem listed on `err`
// with its file and line or JSON path; the database is unchanged) or unreadable, 2 for an
// unknown format.
int RunHsdsImport(store::Database& db, std::string_view format, const std::string& in_path,
                  std::ostream& out = std::cout, std::ostream& err = std::cerr);

}  // namespace tilti::app
