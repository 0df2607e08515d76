#include "store/freshness_queries.h"

#include <boost/json.hpp>
#include <cstdio>

#include "store/localized_sql.h"

namespace tilti::store {
std::string MonthsBefore(std::chrono::year_month_day today, int months) {
  using namespace std::chrono;
  year_month_day d = today - std::chrono::months{months};
  if (!d.ok()) d = d.year() / d.month() / last;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

std::vector<StaleRecord> StaleRecords(Connection& c, const LocaleChain& chain,
                                      const OrganizationScope& filter, std::string_view cutoff,
                                      size_t limit, size_t offset) {
  // A library's date is the oldest of its organisation and locations, '' when any was never
  // checked (least() over '' sorts first). Services stand alone. Both halves are filtered before
  // the names are looked up, so only the page's rows pay for BestText. Two texts of the query:
  // "every organisation" scans, "these organisations" goes through the primary key and
  // service_organization (an OR of the two would scan for a librarian too).
  auto query = [](std::string_view org_filter, std::string_view service_filter) {
    return "WITH libs AS ("
           "  SELECT o.id AS org, least(coalesce(o.assured_date, ''),"
           "    coalesce((SELECT min(coalesce(l.assured_date, '')) FROM location l"
           "              WHERE l.organization_id = o.id), coalesce(o.assured_date, ''))) AS d"
           "  FROM organization o WHERE o.slug IS NOT NULL" + std::string(org_filter) + "),"
           " stale AS ("
           "  SELECT 'library' AS kind, org AS id, org, d FROM libs WHERE d < ?6"
           "  UNION ALL"
           "  SELECT 'service', s.id, s.organization_id, coalesce(s.assured_date, '') FROM service s"
           "  WHERE coalesce(s.assured_date, '') < ?6" + std::string(service_filter) +
           "  ORDER BY 4, 1, 2 LIMIT ?7 OFFSET ?8)"
           " SELECT st.kind, st.id, st.org, coalesce(o.slug, ''),"
           " CASE st.kind WHEN 'service' THEN " +
           BestText("service", "st.id", "name", "s.name", "s.source_locale") +
           " ELSE '' END, " + BestText("organization", "o.id", "name", "o.name", "o.source_locale") +
           ", st.d FROM stale st JOIN organization o ON o.id = st.org"
           " LEFT JOIN service s ON st.kind = 'service' AND s.id = st.id"
           " ORDER BY st.d, st.kind, st.id";
  };
  static const std::string every = query(" AND ?4 = 1 AND ?5 = ?5", "");
  static const std::string these =
      query(" AND ?4 = 0 AND o.id IN (SELECT value FROM json_each(?5))",
            " AND s.organization_id IN (SELECT value FROM json_each(?5))");
  const std::string& sql = filter.all ? every : these;
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, static_cast<int64_t>(filter.all ? 1 : 0)).Bind(5, IdsJson(filter.ids));
  st.Bind(6, cutoff).Bind(7, static_cast<int64_t>(limit)).Bind(8, static_cast<int64_t>(offset));
  std::vector<StaleRecord> out;
  while (st.Step()) {
    StaleRecord r;
    r.kind = st.Text(0);
    r.id = st.Text(1);
    r.organization_id = st.Text(2);
    r.slug = st.Text(3);
    r.library_name = SplitLocalized(st.TextView(5));
    r.name = r.kind == "service" ? SplitLocalized(st.TextView(4)) : r.library_name;
    r.assured_date = st.Text(6);
    out.push_back(std::move(r));
  }
  st.Reset();
  return out;
}

int ConfirmLibraryChecked(Connection& c, std::string_view organization_id, std::string_view date,
                          const Author& author, std::string_view now_rfc3339) {
  struct Row {
    std::string type, id, before;
  };
  std::vector<Row> rows;
  Statement& read = c.Cached(
      "SELECT 'organization', id, coalesce(assured_date, '') FROM organization WHERE id = ?1"
      " UNION ALL SELECT 'location', id, coalesce(assured_date, '') FROM location"
      " WHERE organization_id = ?1 AND EXISTS (SELECT 1 FROM organization WHERE id = ?1)");
  read.Bind(1, organization_id);
  while (read.Step()) rows.push_back({read.Text(0), read.Text(1), read.Text(2)});
  read.Reset();
  if (rows.empty()) return 0;
  c.Cached("UPDATE organization SET assured_date = ?2 WHERE id = ?1")
      .Bind(1, organization_id)
      .Bind(2, date)
      .Run();
  c.Cached("UPDATE location SET assured_date = ?2 WHERE organization_id = ?1")
      .Bind(1, organization_id)
      .Bind(2, date)
      .Run();
  for (const Row& r : rows) {
    RecordChanges(c, r.type, r.id, "confirm", {{"assured_date", r.before, std::string(date)}},
                  author, now_rfc3339);
  }
  return static_cast<int>(rows.size());
}

bool ConfirmServiceChecked(Connection& c, std::string_view service_id, std::string_view date,
                           const Author& author, std::string_view now_rfc3339) {
  Statement& read = c.Cached("SELECT coalesce(assured_date, '') FROM service WHERE id = ?1");
  read.Bind(1, service_id);
  if (!read.Step()) {
    read.Reset();
    return false;
  }
  std::string before = read.Text(0);
  read.Reset();
  c.Cached("UPDATE service SET assured_date = ?2 WHERE id = ?1")
      .Bind(1, service_id)
      .Bind(2, date)
      .Run();
  RecordChanges(c, "service", service_id, "confirm", {{"assured_date", before, std::string(date)}},
                author, now_rfc3339);
  return true;
}

}  // namespace tilti::store
