#include "app/web_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tilti::app {

Result<FileSet> FileSet::FromDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Error{ErrorCode::kInvalidInput, dir + ": not a directory"};
  }
  FileSet set;
  std::vector<std::string> paths;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file()) paths.push_back(fs::relative(it->path(), dir).generic_string());
  }
  if (ec) return Error{ErrorCode::kInvalidInput, dir + ": " + ec.message()};
  std::vector<std::pair<size_t, size_t>> index;
  for (const auto& rel : paths) {
    std::ifstream in(fs::path(dir) / rel, std::ios::binary);
    if (!in) return Error{ErrorCode::kInvalidInput, dir + "/" + rel + ": cannot read"};
    std::ostringstream ss;
    ss << in.rdbuf();
    set.storage_.push_back(rel);
    set.storage_.push_back(ss.str());
  }
  for (size_t i = 0; i + 1 < set.storage_.size(); i += 2) {
    set.files_.push_back({set.storage_[i], set.storage_[i + 1]});
  }
  return set;
}

FileSet FileSet::FromEmbedded(const std::vector<embedded::File>& files) {
  FileSet set;
  set.files_ = files;
  return set;
}

}  // namespace tilti::app
