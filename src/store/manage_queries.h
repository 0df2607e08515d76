#pragma once
// What the back-office dashboard lists: the libraries an account works on and the queues
// waiting for it. Read-only.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "store/sql.h"

namespace tilti::store {

// The organisations a back-office list is about: every one (a coordinator) or these ids.
// (Not the HSDS API's OrganizationFilter of hsds_queries.h, which filters by text and term.)
struct OrganizationScope {
  bool all = false;
  std::vector<std::string> ids;
};
// The ids as a JSON array, to bind for `IN (SELECT value FROM json_each(?))`.
std::string IdsJson(const std::vector<std::string>& ids);

struct ManagedLibrary {
  std::string organization_id, slug;
  LocalizedText name;
  std::string assured_date;   // "" when never checked
  std::string last_modified;  // RFC 3339
  int64_t open_reports = 0;
  int64_t pending_changes = 0;
};

// The libraries (and other organisations with a slug) of `filter`, in name order (the
// organisation's own name, binary order: the page sorts with the reader's collation), at most
// `limit`. With a non-empty `query`, only those whose name (in any locale) contains it, case-
// insensitively for ASCII.
std::vector<ManagedLibrary> LibrariesToManage(Connection& c, const LocaleChain& chain,
                                              const OrganizationScope& filter,
                                              std::string_view query, size_t limit);

// Open reports and pending proposals of `filter`'s organisations.
int64_t CountOpenReports(Connection& c, const OrganizationScope& filter);
int64_t CountPendingChanges(Connection& c, const OrganizationScope& filter);

}  // namespace tilti::store
