#pragma once
// What every back-office write calls after changing directory records, in the same write
// transaction, so the search index, the HSDS API's search and every node's search snapshot and
// response cache follow at once.
#include <string_view>

#include "store/sql.h"

namespace tilti::store {

// After a change to texts, services, taxonomy links or places of the organisation
// `organization_id` (its own record, its locations or its services): brings the search
// documents up to date and bumps the directory version.
void DirectoryTextsChanged(Connection& c, std::string_view organization_id);

// After a change that only the pages show (hours, contacts, address details, assured dates):
// bumps the directory version so cached pages and snapshots are rebuilt.
void DirectoryDetailsChanged(Connection& c);

}  // namespace tilti::store
