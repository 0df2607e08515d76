#include "store/directory_changes.h"

#include "store/search_index.h"
#include "store/search_snapshot.h"

namespace tilti::store {

void DirectoryTextsChanged(Connection& c, std::string_view organization_id) {
  // One organisation's documents when it is known (milliseconds at any scale); everything when
  // the change touches every library (taxonomy term names).
  if (organization_id.empty()) {
    RebuildLibraryIndex(c);
  } else {
    ReindexOrganization(c, organization_id);
  }
}

void DirectoryDetailsChanged(Connection& c) { BumpDirectoryVersion(c); }

}  // namespace tilti::store
