#pragma once
// Files compiled into the binary (see cmake/embed.cmake): templates, catalogues, static
// assets and migrations. The bytes live in read-only memory for the life of the process.
#include <string_view>
#include <vector>

namespace tilti::embedded {

struct File {
  std::string_view path;  // relative to its root folder, '/'-separated
  std::string_view bytes;
};

const std::vector<File>& migrations_sqlite();
const std::vector<File>& migrations_postgres();
const std::vector<File>& web();
const std::vector<File>& demo();

}  // namespace tilti::embedded
