#include "store/report_store.h"

#include <boost/json.hpp>

#include "store/localized_sql.h"

namespace tilti::store {

bool TakeRateLimits(Connection& c, const std::vector<RateLimit>& limits, int64_t now_unix) {
  for (const auto& l : limits) {
    Statement& st = c.Cached("SELECT count FROM rate_limit WHERE key = ?1 AND \"window\" = ?2");
    st.Bind(1, l.key).Bind(2, now_unix / l.window_seconds);
    int64_t used = st.Step() ? st.Int(0) : 0;
    st.Reset();
    if (used >= l.max) return false;
  }
  for (const auto& l : limits) {
    int64_t window = now_unix / l.window_seconds;
    c.Cached("DELETE FROM rate_limit WHERE key = ?1 AND \"window\" < ?2")
        .Bind(1, l.key)
        .Bind(2, window)
        .Run();
    c.Cached(
         "INSERT INTO rate_limit (key, \"window\", count) VALUES (?1, ?2, 1) "
         "ON CONFLICT (key, \"window\") DO UPDATE SET count = rate_limit.count + 1")
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

namespace {

// ?1..?3 are the locale chain (BindChain).
const std::string& DetailSelect() {
  static const std::string sql =
      "SELECT r.id, r.organization_id, coalesce(o.slug, ''), " +
      BestText("organization", "o.id", "name", "o.name", "o.source_locale") +
      ", r.topic, r.message, r.locale, r.status, r.created_at, coalesce(r.closed_at, ''),"
      " coalesce(r.closed_by, ''), coalesce(a.display_name, ''), coalesce(r.closing_note, '')"
      " FROM report r JOIN organization o ON o.id = r.organization_id"
      " LEFT JOIN account a ON a.id = r.closed_by";
  return sql;
}

ReportDetail ReadDetail(Statement& st) {
  ReportDetail d;
  d.id = st.Text(0);
  d.organization_id = st.Text(1);
  d.slug = st.Text(2);
  d.library_name = SplitLocalized(st.TextView(3));
  d.topic = st.Text(4);
  d.message = st.Text(5);
  d.locale = st.Text(6);
  d.status = st.Text(7);
  d.created_at = st.Text(8);
  d.closed_at = st.Text(9);
  d.closed_by = st.Text(10);
  d.closed_by_name = st.Text(11);
  d.closing_note = st.Text(12);
  return d;
}

}  // namespace

std::vector<ReportDetail> ReportsInQueue(Connection& c, const LocaleChain& chain,
                                         const OrganizationScope& filter,
                                         std::string_view status, size_t limit, size_t offset) {
  // Open: oldest first (report_open index); closed: most recently closed first.
  static const std::string sql =
      DetailSelect() +
      " WHERE r.status = ?4 AND (?5 = 1 OR r.organization_id IN (SELECT value FROM json_each(?6)))"
      " ORDER BY CASE WHEN ?4 = 'open' THEN r.created_at END ASC,"
      " CASE WHEN ?4 = 'closed' THEN r.closed_at END DESC, r.id LIMIT ?7 OFFSET ?8";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, status).Bind(5, static_cast<int64_t>(filter.all ? 1 : 0)).Bind(6, IdsJson(filter.ids));
  st.Bind(7, static_cast<int64_t>(limit)).Bind(8, static_cast<int64_t>(offset));
  std::vector<ReportDetail> out;
  while (st.Step()) out.push_back(ReadDetail(st));
  st.Reset();
  return out;
}

std::optional<ReportDetail> ReportById(Connection& c, const LocaleChain& chain,
                                       std::string_view id) {
  static const std::string sql = DetailSelect() + " WHERE r.id = ?4";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, id);
  std::optional<ReportDetail> out;
  if (st.Step()) out = ReadDetail(st);
  st.Reset();
  return out;
}

bool CloseReport(Connection& c, std::string_view id, const Author& author, std::string_view note,
                 std::string_view now_rfc3339) {
  Statement& st = c.Cached(
      "UPDATE report SET status = 'closed', closed_at = ?2, closed_by = ?3, closing_note = ?4"
      " WHERE id = ?1 AND status = 'open'");
  st.Bind(1, id).Bind(2, now_rfc3339).Bind(3, author.account_id).Bind(4, note).Run();
  st.Reset();
  if (c.Changes() != 1) return false;
  RecordChanges(c, "report", id, "update",
                {{"status", "open", "closed"}, {"closing_note", "", std::string(note)}}, author,
                now_rfc3339);
  return true;
}

bool ReopenReport(Connection& c, std::string_view id, const Author& author,
                  std::string_view now_rfc3339) {
  Statement& read = c.Cached(
      "SELECT coalesce(closing_note, '') FROM report WHERE id = ?1 AND status = 'closed'");
  read.Bind(1, id);
  if (!read.Step()) {
    read.Reset();
    return false;
  }
  std::string note = read.Text(0);
  read.Reset();
  c.Cached(
       "UPDATE report SET status = 'open', closed_at = NULL, closed_by = NULL,"
       " closing_note = NULL WHERE id = ?1")
      .Bind(1, id)
      .Run();
  RecordChanges(c, "report", id, "update",
                {{"status", "closed", "open"}, {"closing_note", note, ""}}, author, now_rfc3339);
  return true;
}

}  // namespace tilti::store
