#pragma once
// The queue of reports of outdated information, and database-backed rate limits (shared by
// every node, unlike counters in one process's memory).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directory/report.h"
#include "store/sqlite.h"

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

}  // namespace tilti::store
