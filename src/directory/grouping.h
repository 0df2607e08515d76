#pragma once
#include <functional>
#include <string>
#include <vector>

#include "directory/library.h"

namespace tilti::directory {

using TextLess = std::function<bool(const std::string&, const std::string&)>;

// Groups libraries by municipality. Groups are ordered by municipality name and libraries
// within a group by name, both with `less` (the reader's collation). Libraries without a
// municipality form a last group with an empty id.
std::vector<MunicipalityGroup> GroupByMunicipality(std::vector<LibrarySummary> libraries,
                                                   const TextLess& less);

// Sorts libraries by name with `less`.
void SortByName(std::vector<LibrarySummary>& libraries, const TextLess& less);

}  // namespace tilti::directory
