#pragma once
// "Last checked" (assured_date, YYYY-MM-DD: a person confirmed the record is still true),
// kept apart from last_modified: confirming a record and listing those not confirmed for a
// while (the back office's freshness view).
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "store/audit_store.h"
#include "store/manage_queries.h"
#include "store/sql.h"

namespace tilti::store {

// The date `months` calendar months before `today` as YYYY-MM-DD; a day that month lacks
// becomes its last day (31 March - 1 month = 28 or 29 February). `today` must be ok().
std::string MonthsBefore(std::chrono::year_month_day today, int months);

// A record of the freshness view. kind 'library': an organisation together with its locations
// (confirmed together); kind 'service': one service of it.
struct StaleRecord {
  std::string kind;             // "library" | "service"
  std::string id;               // organisation id or service id
  std::string organization_id;
  std::string slug;             // the organisation's slug ("" if none)
  LocalizedText name;           // the service's name, or the organisation's
  LocalizedText library_name;   // the organisation's name (for both kinds)
  std::string assured_date;     // the oldest of the group; "" when never checked
};

// Records of `filter`'s organisations whose assured_date is before `cutoff` (YYYY-MM-DD) or
// missing: never checked first, then oldest first. A library counts as its oldest date among
// the organisation and its locations. At most `limit` from `offset`; one query.
std::vector<StaleRecord> StaleRecords(Connection& c, const LocaleChain& chain,
                                      const OrganizationScope& filter, std::string_view cutoff,
                                      size_t limit, size_t offset);

// Sets assured_date to `date` on the organisation and all its locations, writing one audit
// row per record (action 'confirm', field 'assured_date'). last_modified is left alone.
// Returns how many records were confirmed (0 when there is no such organisation). Run inside
// a write transaction; the caller then calls DirectoryDetailsChanged.
int ConfirmLibraryChecked(Connection& c, std::string_view organization_id, std::string_view date,
                          const Author& author, std::string_view now_rfc3339);

// The same for one service. Returns false when there is no such service.
bool ConfirmServiceChecked(Connection& c, std::string_view service_id, std::string_view date,
                           const Author& author, std::string_view now_rfc3339);

}  // namespace tilti::store
