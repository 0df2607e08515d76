#include "store/attendance_store.h"

#include "store/localized_sql.h"

namespace tilti::store {

std::map<std::string, RegistrationCounts> RegistrationCountsOf(
    Connection& c, const std::vector<std::string>& occurrence_ids) {
  Statement st = c.Prepare(
      "SELECT p.occurrence_id, "
      "coalesce(sum(CASE WHEN p.status = 'confirmed' THEN r.party_size END), 0), "
      "count(CASE WHEN p.status = 'waitlisted' THEN 1 END), "
      "count(CASE WHEN p.status = 'pending' THEN 1 END) "
      "FROM registration_place p JOIN registration r ON r.id = p.registration_id "
      "WHERE p.occurrence_id IN (SELECT value FROM json_each(?1)) GROUP BY p.occurrence_id");
  st.Bind(1, IdsJson(occurrence_ids));
  std::map<std::string, RegistrationCounts> out;
  while (st.Step()) {
    out[st.Text(0)] = {static_cast<int>(st.Int(1)), static_cast<int>(st.Int(2)),
                       static_cast<int>(st.Int(3))};
  }
  return out;
}

std::vector<TargetGroup> TermsOfTaxonomy(Connection& c, std::string_view taxonomy_code,
                                         const LocaleChain& chain) {
  Statement st = c.Prepare(
      "SELECT tt.id, tt.code, " + BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
      " FROM taxonomy_term tt JOIN taxonomy t ON t.id = tt.taxonomy_id "
      "WHERE t.code = ?4 ORDER BY tt.position, tt.code");
  BindChain(st, chain);
  st.Bind(4, taxonomy_code);
  std::vector<TargetGroup> out;
  while (st.Step()) out.push_back({st.Text(0), st.Text(1), SplitLocalized(st.TextView(2))});
  return out;
}

std::map<std::string, int> HeadCounts(Connection& c, std::string_view occurrence_id) {
  Statement st = c.Prepare(
      "SELECT taxonomy_term_id, count FROM attendance_count WHERE occurrence_id = ?1");
  st.Bind(1, occurrence_id);
  std::map<std::string, int> out;
  while (st.Step()) out[st.Text(0)] = static_cast<int>(st.Int(1));
  return out;
}

void SaveHeadCounts(Connection& c, std::string_view occurrence_id,
                    const std::map<std::string, int>& counts, const Author& author, SysTime now) {
  const std::string now_text = FormatRfc3339(now);
  const std::map<std::string, int> before = HeadCounts(c, occurrence_id);
  std::vector<FieldChange> changes;
  for (const auto& [group, n] : before) {
    if (!counts.count(group)) changes.push_back({"count:" + group, std::to_string(n), ""});
  }
  for (const auto& [group, n] : counts) {
    auto it = before.find(group);
    changes.push_back({"count:" + group, it == before.end() ? "" : std::to_string(it->second),
                       std::to_string(n)});
  }
  c.Prepare("DELETE FROM attendance_count WHERE occurrence_id = ?1").Bind(1, occurrence_id).Run();
  Statement ins = c.Prepare(
      "INSERT INTO attendance_count (occurrence_id, taxonomy_term_id, count, recorded_by, "
      "recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const auto& [group, n] : counts) {
    ins.Bind(1, occurrence_id).Bind(2, group).Bind(3, n).Bind(4, author.account_id);
    ins.Bind(5, now_text).Run();
    ins.Reset();
  }
  RecordChanges(c, "occurrence", occurrence_id, "update", changes, author, now_text);
}

std::vector<ParticipationFact> Participation(Connection& c, const OrganizationScope& scope,
                                             const LocaleChain& chain, std::string_view from_date,
                                             std::string_view to_date) {
  static const std::string sql =
      "WITH counted AS ("
      "  SELECT a.occurrence_id, a.taxonomy_term_id AS grp, a.count AS people "
      "  FROM attendance_count a"
      "  UNION ALL"
      "  SELECT p.occurrence_id, 'unspecified', r.party_size FROM registration_place p"
      "  JOIN registration r ON r.id = p.registration_id WHERE p.attended = 1 AND NOT EXISTS"
      "  (SELECT 1 FROM attendance_count a WHERE a.occurrence_id = p.occurrence_id)) "
      "SELECT substr(o.local_date, 1, 7), org.slug, " +
      BestText("organization", "org.id", "name", "org.name", "org.source_locale") + ", tt.code, " +
      BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
      ", coalesce(g.code, 'unspecified'), CASE WHEN g.id IS NULL THEN '' ELSE " +
      BestText("taxonomy_term", "g.id", "name", "g.name", "'en'") +
      " END, sum(counted.people) "
      "FROM counted JOIN occurrence o ON o.id = counted.occurrence_id "
      "JOIN event e ON e.id = o.event_id JOIN organization org ON org.id = o.organization_id "
      "JOIN taxonomy_term tt ON tt.id = e.category_id "
      "LEFT JOIN taxonomy_term g ON g.id = counted.grp "
      "WHERE o.local_date >= ?4 AND o.local_date < ?5 "
      "AND (?6 = 1 OR o.organization_id IN (SELECT value FROM json_each(?7))) "
      // org.id, tt.id and g.id add no groups (slug and codes are unique) but let PostgreSQL
      // read the names in the same groups.
      "GROUP BY 1, 2, 4, 6, org.id, tt.id, g.id ORDER BY 1, 2 NULLS FIRST, 4, 6";
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  st.Bind(4, from_date).Bind(5, to_date).Bind(6, scope.all ? 1 : 0).Bind(7, IdsJson(scope.ids));
  std::vector<ParticipationFact> out;
  while (st.Step()) {
    ParticipationFact f;
    f.month = st.Text(0);
    f.library_slug = st.Text(1);
    f.library = SplitLocalized(st.TextView(2));
    f.category_code = st.Text(3);
    f.category = SplitLocalized(st.TextView(4));
    f.group_code = st.Text(5);
    if (!st.TextView(6).empty()) f.group = SplitLocalized(st.TextView(6));
    f.people = st.Int(7);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace tilti::store
