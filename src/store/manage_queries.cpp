#include "store/manage_queries.h"

#include <boost/json.hpp>

#include "store/localized_sql.h"

namespace tilti::store {
namespace {

// ?4 = 1 for every organisation, else ?5 is the JSON array of ids.
constexpr std::string_view kInFilter =
    "(?4 = 1 OR o.id IN (SELECT value FROM json_each(?5)))";

// The same for the counts, whose statements have no locale chain: PostgreSQL wants every
// parameter up to the highest one used, so these start at ?1.
constexpr std::string_view kCountFilter =
    "(?1 = 1 OR o.id IN (SELECT value FROM json_each(?2)))";

int64_t Count(Connection& c, const std::string& sql, const OrganizationScope& filter) {
  Statement& st = c.Cached(sql);
  st.Bind(1, static_cast<int64_t>(filter.all ? 1 : 0)).Bind(2, IdsJson(filter.ids));
  int64_t n = st.Step() ? st.Int(0) : 0;
  st.Reset();
  return n;
}

}  // namespace

std::string IdsJson(const std::vector<std::string>& ids) {
  boost::json::array list;
  for (const auto& id : ids) list.emplace_back(id);
  return boost::json::serialize(list);
}

std::vector<ManagedLibrary> LibrariesToManage(Connection& c, const LocaleChain& chain,
                                              const OrganizationScope& filter,
                                              std::string_view query, size_t limit) {
  static const std::string sql =
      "SELECT o.id, o.slug, " + BestText("organization", "o.id", "name", "o.name", "o.source_locale") +
      ", coalesce(o.assured_date, ''), o.last_modified,"
      " (SELECT count(*) FROM report r WHERE r.organization_id = o.id AND r.status = 'open'),"
      " (SELECT count(*) FROM pending_change p WHERE p.organization_id = o.id"
      "   AND p.status = 'pending')"
      " FROM organization o WHERE o.slug IS NOT NULL AND " + std::string(kInFilter) +
      " AND (?6 = '' OR instr(lower(o.name), lower(?6)) > 0 OR EXISTS (SELECT 1 FROM translation t"
      "   WHERE t.entity = 'organization' AND t.entity_id = o.id AND t.field = 'name'"
      "   AND instr(lower(t.value), lower(?6)) > 0))"
      " ORDER BY o.name, o.id LIMIT ?7";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, static_cast<int64_t>(filter.all ? 1 : 0)).Bind(5, IdsJson(filter.ids));
  st.Bind(6, query).Bind(7, static_cast<int64_t>(limit));
  std::vector<ManagedLibrary> out;
  while (st.Step()) {
    ManagedLibrary m;
    m.organization_id = st.Text(0);
    m.slug = st.Text(1);
    m.name = SplitLocalized(st.TextView(2));
    m.assured_date = st.Text(3);
    m.last_modified = st.Text(4);
    m.open_reports = st.Int(5);
    m.pending_changes = st.Int(6);
    out.push_back(std::move(m));
  }
  st.Reset();
  return out;
}

int64_t CountOpenReports(Connection& c, const OrganizationScope& filter) {
  static const std::string sql =
      "SELECT count(*) FROM report r JOIN organization o ON o.id = r.organization_id"
      " WHERE r.status = 'open' AND " + std::string(kCountFilter);
  return Count(c, sql, filter);
}

int64_t CountPendingChanges(Connection& c, const OrganizationScope& filter) {
  static const std::string sql =
      "SELECT count(*) FROM pending_change p JOIN organization o ON o.id = p.organization_id"
      " WHERE p.status = 'pending' AND " + std::string(kCountFilter);
  return Count(c, sql, filter);
}

}  // namespace tilti::store
