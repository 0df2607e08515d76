#pragma once
// The queue of reports of outdated information, and database-backed rate limits (shared by
// every node, unlike counters in one process's memory).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "directory/report.h"
#include "store/audit_store.h"
#include "store/manage_queries.h"
#include "store/sql.h"

namespace tilti::store {

// At most `max` hits per `window_seconds` for `key` (fixed windows).
struct RateLimit {
  std::string key;
  int64_t window_seconds;
  int64_t max;
};

// Counts one hit against every limit, unless one of them is already full: then counts
// nothing and returns false. Call inside a write transaction (it reads, then writes). Also
// drops the key's windows older than the current one.
bool TakeRateLimits(Connection& c, const std::vector<RateLimit>& limits, int64_t now_unix);

struct LibraryRef {
  std::string organization_id;
  std::string location_id;  // "" when the library has no location
};
// The records a library slug names; nullopt if there is no such library.
std::optional<LibraryRef> LibraryRefBySlug(Connection& c, std::string_view slug);

// Stores a report in the open queue. `id` is a fresh UUID.
void InsertReport(Connection& c, std::string_view id, const LibraryRef& library,
                  const directory::Report& report, std::string_view locale,
                  std::string_view now_rfc3339);

struct QueuedReport {
  std::string id, organization_id, topic, message, locale, status, created_at;
};
// Open reports, oldest first (the coordinator's queue).
std::vector<QueuedReport> OpenReports(Connection& c, size_t limit);

// --- The moderation queue (back office).

// A report with what the queue and its page show about it.
struct ReportDetail {
  std::string id, organization_id, slug;  // slug of the organisation ("" if it has none)
  LocalizedText library_name;             // best for the reader's chain
  std::string topic, message, locale, status, created_at;
  std::string closed_at, closed_by, closed_by_name, closing_note;  // "" while open
};

// One page of the queue: the reports of `filter`'s organisations with status `status`
// ('open' or 'closed'); open ones oldest first, closed ones most recently closed first. At most
// `limit` from `offset`. One query (library names included).
std::vector<ReportDetail> ReportsInQueue(Connection& c, const LocaleChain& chain,
                                         const OrganizationScope& filter,
                                         std::string_view status, size_t limit, size_t offset);

// One report; nullopt when there is none with that id.
std::optional<ReportDetail> ReportById(Connection& c, const LocaleChain& chain,
                                       std::string_view id);

// Closes an open report: status, closed_at, closed_by (account id) and the note, and writes the
// audit rows (resource_type 'report', action 'update'). Returns false, changing nothing, when
// the report does not exist or is already closed. Run inside a write transaction.
bool CloseReport(Connection& c, std::string_view id, const Author& author, std::string_view note,
                 std::string_view now_rfc3339);

// Opens a closed report again (the closing fields are cleared; the history keeps them).
// Returns false when it does not exist or is not closed.
bool ReopenReport(Connection& c, std::string_view id, const Author& author,
                  std::string_view now_rfc3339);

}  // namespace tilti::store
