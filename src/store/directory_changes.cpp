#include "store/directory_changes.h"

#include "store/search_index.h"
#include "store/search_snapshot.h"

namespace tilti::store {

void DirectoryTextsChanged(Connection& c, std::string_view organization_id) {
  (void)organization_id;
  // Rebuilds every document for now (milliseconds for a country's libraries); see
  // search_index.h for the cost at European scale.
  RebuildLibraryIndex(c);
}

void DirectoryDetailsChanged(Connection& c) { BumpDirectoryVersion(c); }

}  // namespace tilti::store
