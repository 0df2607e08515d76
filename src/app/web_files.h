#pragma once
// Where templates, catalogues and static files come from: the copies built into the binary,
// or a folder given with --web-dir (for development, and for tests of broken files).
#include <deque>
#include <string>
#include <vector>

#include "core/embedded.h"
#include "core/error.h"

namespace tilti::app {

// Owns file contents read from disk and exposes them as embedded::File views.
class FileSet {
 public:
  // Reads every regular file below `dir`, with paths relative to it.
  static Result<FileSet> FromDirectory(const std::string& dir);
  static FileSet FromEmbedded(const std::vector<embedded::File>& files);
  const std::vector<embedded::File>& files() const { return files_; }

 private:
  std::deque<std::string> storage_;  // deque: growing never moves the strings views point to
  std::vector<embedded::File> files_;
};

}  // namespace tilti::app
