#pragma once
// An online copy of the embedded database (`tilti backup`): SQLite's backup API copies one
// consistent snapshot (a single read transaction) while the server keeps reading and writing. The copy is
// written beside its destination as "<to>.partial", checked, then renamed into place, so a
// backup file is either whole or absent.
#include <string>

#include "core/error.h"

namespace tilti::store {

// Copies the database at `from` to the new file `to`. Errors:
//   kInvalidInput  `to` exists already (a backup never overwrites), or is `from` itself
//   kNotFound      `from` is missing or is not an SQLite database
//   kUnavailable   the copy could not be written or did not pass its integrity check
//                  (nothing is left at `to` then)
// Returns the number of pages copied.
Result<int> BackupDatabase(const std::string& from, const std::string& to);

}  // namespace tilti::store
