#include "directory/grouping.h"

#include <algorithm>
#include <map>

namespace tilti::directory {

void SortByName(std::vector<LibrarySummary>& libraries, const TextLess& less) {
  std::stable_sort(libraries.begin(), libraries.end(),
                   [&](const LibrarySummary& a, const LibrarySummary& b) {
                     return less(a.name.text, b.name.text);
                   });
}

std::vector<MunicipalityGroup> GroupByMunicipality(std::vector<LibrarySummary> libraries,
                                                   const TextLess& less) {
  std::map<std::string, MunicipalityGroup> by_id;
  for (auto& lib : libraries) {
    auto& g = by_id[lib.municipality_id];
    g.municipality_id = lib.municipality_id;
    g.name = lib.municipality_name;
    g.libraries.push_back(std::move(lib));
  }
  std::vector<MunicipalityGroup> groups;
  for (auto& [id, g] : by_id) {
    SortByName(g.libraries, less);
    groups.push_back(std::move(g));
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [&](const MunicipalityGroup& a, const MunicipalityGroup& b) {
                     if (a.municipality_id.empty() != b.municipality_id.empty()) {
                       return b.municipality_id.empty();
                     }
                     return less(a.name.text, b.name.text);
                   });
  return groups;
}

}  // namespace tilti::directory
