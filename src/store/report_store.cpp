#include "store/report_store.h"

namespace tilti::store {

bool TakeRateLimits(Connection& c, const std::vector<RateLimit>& limits, int64_t now_unix) {
  for (const auto& l : limits) {
    Statement& st = c.Cached("SELECT count FROM rate_limit WHERE key = ?1 AND window = ?2");
    st.Bind(1, l.key).Bind(2, now_unix / l.window_seconds);
    int64_t used = st.Step() ? st.Int(0) : 0;
    st.Reset();
    if (used >= l.max) return false;
  }
  for (const auto& l : limits) {
    int64_t window = now_unix / l.window_seconds;
    c.Cached("DELETE FROM rate_limit WHERE key = ?1 AND window < ?2")
        .Bind(1, l.key)
        .Bind(2, window)
        .Run();
    c.Cached(
         "INSERT INTO rate_limit (key, window, count) VALUES (?1, ?2, 1) "
         "ON CONFLICT (key, window) DO UPDATE SET count = count + 1")
        .Bind(1, l.key)
        .Bind(2, window)
        .Run();
  }
  return true;
}

std::optional<LibraryRef> LibraryRefBySlug(Connection& c, std::string_view slug) {
  Statement& st = c.Cached(
      "SELECT o.id, coalesce((SELECT l.id FROM location l WHERE l.organization_id = o.id "
      "ORDER BY l.id LIMIT 1), '') FROM organization o WHERE o.kind = 'library' AND o.slug = ?1");
  st.Bind(1, slug);
  if (!st.Step()) return std::nullopt;
  LibraryRef ref{st.Text(0), st.Text(1)};
  st.Reset();
  return ref;
}

void InsertReport(Connection& c, std::string_view id, const LibraryRef& library,
                  const directory::Report& report, std::string_view locale,
                  std::string_view now_rfc3339) {
  Statement& st = c.Cached(
      "INSERT INTO report (id, organization_id, location_id, topic, message, locale, created_at) "
      "VALUES (?1, ?2, nullif(?3, ''), ?4, ?5, ?6, ?7)");
  st.Bind(1, id)
      .Bind(2, library.organization_id)
      .Bind(3, library.location_id)
      .Bind(4, report.topic)
      .Bind(5, report.message)
      .Bind(6, locale)
      .Bind(7, now_rfc3339)
      .Run();
}

std::vector<QueuedReport> OpenReports(Connection& c, size_t limit) {
  Statement& st = c.Cached(
      "SELECT id, organization_id, topic, message, locale, status, created_at FROM report "
      "WHERE status = 'open' ORDER BY created_at, id LIMIT ?1");
  st.Bind(1, static_cast<int64_t>(limit));
  std::vector<QueuedReport> out;
  while (st.Step()) {
    out.push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5),
                   st.Text(6)});
  }
  return out;
}

}  // namespace tilti::store
