#include "store/diagnostic_store.h"

#include "core/ids.h"
#include "core/text.h"
#include "store/localized_sql.h"

namespace tilti::store {
namespace {

constexpr std::string_view kUnspecified = "unspecified";

std::optional<std::string> Opt(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

bool Exists(Connection& c, const std::string& sql, std::string_view a, std::string_view b) {
  Statement st = c.Prepare(sql);
  st.Bind(1, a).Bind(2, b);
  return st.Step();
}

bool IsTargetGroupKey(Connection& c, std::string_view key) {
  if (key == kUnspecified) return true;
  Statement st = c.Prepare(
      "SELECT 1 FROM taxonomy_term tt JOIN taxonomy t ON t.id = tt.taxonomy_id "
      "WHERE tt.id = ?1 AND t.code = 'target-group'");
  st.Bind(1, key);
  return st.Step();
}

void ReadCounts(Connection& c, DiagnosticActivity& a) {
  Statement st = c.Prepare(
      "SELECT taxonomy_term_id, count FROM diagnostic_participants WHERE activity_id = ?1");
  st.Bind(1, a.id);
  while (st.Step()) {
    a.counts[st.Text(0)] = st.Int(1);
    a.total += st.Int(1);
  }
}

constexpr const char* kActivitySql =
    "SELECT id, held_on, method, notes, findings, source_locale FROM diagnostic_activity "
    "WHERE organization_id = ?1 ";

DiagnosticActivity ReadActivity(const Statement& st) {
  DiagnosticActivity a;
  a.id = st.Text(0);
  a.held_on = st.Text(1);
  a.method = st.Text(2);
  a.notes = st.Text(3);
  a.findings = st.Text(4);
  a.source_locale = st.Text(5);
  return a;
}

std::string OrgName(std::string_view alias) {
  const std::string a(alias);
  return BestText("organization", a + ".id", "name", a + ".name", a + ".source_locale");
}

const std::string& ActionSql() {
  static const std::string sql =
      "SELECT a.id, a.goal_id, a.title, a.status, a.source_locale, coalesce(a.initiative_id, ''), "
      "coalesce(a.event_id, ''), coalesce(a.service_id, ''), coalesce(i.slug, ''), "
      "CASE WHEN i.id IS NULL THEN '' ELSE " +
      BestText("initiative", "i.id", "name", "i.name", "i.source_locale") + " END, " +
      "CASE WHEN e.id IS NULL THEN '' ELSE " +
      BestText("event", "e.id", "title", "e.title", "e.source_locale") +
      " END, CASE WHEN s.id IS NULL THEN '' ELSE " +
      BestText("service", "s.id", "name", "s.name", "s.source_locale") +
      " END FROM strategy_action a JOIN strategy_goal g ON g.id = a.goal_id "
      "LEFT JOIN initiative i ON i.id = a.initiative_id LEFT JOIN event e ON e.id = a.event_id "
      "LEFT JOIN service s ON s.id = a.service_id WHERE g.organization_id = ?4 ";
  return sql;
}

StrategyAction ReadAction(const Statement& st) {
  StrategyAction a;
  a.id = st.Text(0);
  a.goal_id = st.Text(1);
  a.title = st.Text(2);
  a.status = st.Text(3);
  a.source_locale = st.Text(4);
  a.initiative_id = st.Text(5);
  a.event_id = st.Text(6);
  a.service_id = st.Text(7);
  a.initiative_slug = st.Text(8);
  a.initiative_name = SplitLocalized(st.TextView(9));
  a.event_title = SplitLocalized(st.TextView(10));
  a.service_name = SplitLocalized(st.TextView(11));
  return a;
}

std::vector<StrategyLinkChoice> Choices(Connection& c, const std::string& sql,
                                        std::string_view organization_id,
                                        const LocaleChain& chain) {
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  st.Bind(4, organization_id);
  std::vector<StrategyLinkChoice> out;
  while (st.Step()) out.push_back({st.Text(0), SplitLocalized(st.TextView(1))});
  return out;
}

const std::string& InitiativeChoiceSql() {
  static const std::string sql =
      "SELECT i.id, " + BestText("initiative", "i.id", "name", "i.name", "i.source_locale") +
      " FROM initiative i JOIN initiative_organization io ON io.initiative_id = i.id "
      "WHERE io.organization_id = ?4 ORDER BY i.starts_on NULLS FIRST, i.name";
  return sql;
}
const std::string& EventChoiceSql() {
  static const std::string sql =
      "SELECT e.id, " + BestText("event", "e.id", "title", "e.title", "e.source_locale") +
      " FROM event e WHERE e.organization_id = ?4 ORDER BY e.title, e.starts_on";
  return sql;
}
const std::string& ServiceChoiceSql() {
  static const std::string sql = "SELECT s.id, " +
                                 BestText("service", "s.id", "name", "s.name", "s.source_locale") +
                                 " FROM service s WHERE s.organization_id = ?4 ORDER BY s.name";
  return sql;
}

}  // namespace

std::optional<DiagnosticLibrary> DiagnosticLibraryBySlug(Connection& c, std::string_view slug,
                                                         const LocaleChain& chain) {
  static const std::string sql = "SELECT o.id, o.slug, " + OrgName("o") +
                                 ", o.kind = 'library' FROM organization o WHERE o.slug = ?4";
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  st.Bind(4, slug);
  if (!st.Step()) return std::nullopt;
  return DiagnosticLibrary{st.Text(0), st.Text(1), SplitLocalized(st.TextView(2)), st.Int(3) != 0};
}

std::vector<DiagnosticActivity> DiagnosticActivitiesOf(Connection& c,
                                                       std::string_view organization_id) {
  Statement st = c.Prepare(std::string(kActivitySql) + "ORDER BY held_on, created");
  st.Bind(1, organization_id);
  std::vector<DiagnosticActivity> out;
  while (st.Step()) out.push_back(ReadActivity(st));
  for (auto& a : out) ReadCounts(c, a);
  return out;
}

std::optional<DiagnosticActivity> LoadDiagnosticActivity(Connection& c,
                                                         std::string_view organization_id,
                                                         std::string_view id) {
  Statement st = c.Prepare(std::string(kActivitySql) + "AND id = ?2");
  st.Bind(1, organization_id).Bind(2, id);
  if (!st.Step()) return std::nullopt;
  DiagnosticActivity a = ReadActivity(st);
  ReadCounts(c, a);
  return a;
}

Result<std::string> SaveDiagnosticActivity(Connection& c, std::string_view organization_id,
                                           std::string_view id,
                                           const programme::DiagnosticActivityValues& v,
                                           std::string_view source_locale,
                                           std::string_view account_id, std::string_view now) {
  if (!id.empty() &&
      !Exists(c, "SELECT 1 FROM diagnostic_activity WHERE id = ?1 AND organization_id = ?2", id,
              organization_id)) {
    return Error{ErrorCode::kNotFound, "diagnostic activity of another library"};
  }
  std::vector<FieldError> errors;
  for (const auto& [key, n] : v.counts) {
    if (!IsTargetGroupKey(c, key)) errors.push_back({"count-" + key, "diagnostics.error.count"});
  }
  if (!errors.empty())
    return Error{ErrorCode::kInvalidInput, "diagnostic groups", std::move(errors)};
  const std::string aid = id.empty() ? RandomUuid() : std::string(id);
  Statement st = c.Prepare(
      "INSERT INTO diagnostic_activity (id, organization_id, held_on, method, notes, findings, "
      "source_locale, "
      "recorded_by, created, last_modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) "
      "ON CONFLICT (id) DO UPDATE SET held_on = excluded.held_on, method = excluded.method, "
      "notes = excluded.notes, findings = excluded.findings, recorded_by = excluded.recorded_by, "
      "last_modified = excluded.last_modified");
  st.Bind(1, aid).Bind(2, organization_id).Bind(3, v.held_on).Bind(4, v.method).Bind(5, v.notes);
  st.Bind(6, v.findings).Bind(7, source_locale).Bind(8, account_id).Bind(9, now).Run();
  Statement clear = c.Prepare("DELETE FROM diagnostic_participants WHERE activity_id = ?1");
  clear.Bind(1, aid).Run();
  Statement add = c.Prepare(
      "INSERT INTO diagnostic_participants (activity_id, taxonomy_term_id, count) VALUES (?1, ?2, "
      "?3)");
  for (const auto& [key, n] : v.counts) {
    add.Bind(1, aid).Bind(2, key).Bind(3, n).Run();
    add.Reset();
  }
  return aid;
}

std::optional<DiagnosticReport> LoadDiagnosticReport(Connection& c,
                                                     std::string_view organization_id) {
  Statement st = c.Prepare(
      "SELECT markdown, source_locale, last_modified, published FROM diagnostic_report WHERE "
      "organization_id = ?1");
  st.Bind(1, organization_id);
  if (!st.Step()) return std::nullopt;
  return DiagnosticReport{st.Text(0), st.Text(1), st.Text(2), st.Int(3) != 0};
}

void SaveDiagnosticReport(Connection& c, std::string_view organization_id,
                          const programme::DiagnosticReportForm& form,
                          std::string_view source_locale, std::string_view account_id,
                          std::string_view now) {
  Statement st = c.Prepare(
      "INSERT INTO diagnostic_report (organization_id, markdown, source_locale, published, "
      "updated_by, last_modified) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (organization_id) DO UPDATE SET markdown = "
      "excluded.markdown, "
      "source_locale = excluded.source_locale, published = excluded.published, updated_by = "
      "excluded.updated_by, "
      "last_modified = excluded.last_modified");
  st.Bind(1, organization_id)
      .Bind(2, form.markdown)
      .Bind(3, source_locale)
      .Bind(4, form.published ? 1 : 0);
  st.Bind(5, account_id).Bind(6, now).Run();
}

std::vector<StrategyGoal> StrategyOf(Connection& c, std::string_view organization_id,
                                     const LocaleChain& chain) {
  Statement st = c.Prepare(
      "SELECT id, title, description, source_locale FROM strategy_goal WHERE organization_id = ?1 "
      "ORDER BY position, title");
  st.Bind(1, organization_id);
  std::vector<StrategyGoal> goals;
  while (st.Step()) goals.push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3), {}});
  if (goals.empty()) return goals;
  Statement actions = c.Prepare(ActionSql() + "ORDER BY a.position, a.title");
  BindChain(actions, chain);
  actions.Bind(4, organization_id);
  while (actions.Step()) {
    StrategyAction a = ReadAction(actions);
    for (auto& g : goals) {
      if (g.id == a.goal_id) {
        g.actions.push_back(std::move(a));
        break;
      }
    }
  }
  return goals;
}

std::optional<StrategyGoal> LoadStrategyGoal(Connection& c, std::string_view organization_id,
                                             std::string_view id) {
  Statement st = c.Prepare(
      "SELECT id, title, description, source_locale FROM strategy_goal WHERE organization_id = ?1 "
      "AND id = ?2");
  st.Bind(1, organization_id).Bind(2, id);
  if (!st.Step()) return std::nullopt;
  return StrategyGoal{st.Text(0), st.Text(1), st.Text(2), st.Text(3), {}};
}

std::optional<StrategyAction> LoadStrategyAction(Connection& c, std::string_view organization_id,
                                                 std::string_view id) {
  Statement st = c.Prepare(ActionSql() + "AND a.id = ?5");
  BindChain(st, {});
  st.Bind(4, organization_id).Bind(5, id);
  if (!st.Step()) return std::nullopt;
  return ReadAction(st);
}

Result<std::string> SaveStrategyGoal(Connection& c, std::string_view organization_id,
                                     std::string_view id, const programme::StrategyGoalForm& form,
                                     std::string_view source_locale, std::string_view now) {
  if (!id.empty() &&
      !Exists(c, "SELECT 1 FROM strategy_goal WHERE id = ?1 AND organization_id = ?2", id,
              organization_id)) {
    return Error{ErrorCode::kNotFound, "strategy goal of another library"};
  }
  const std::string gid = id.empty() ? RandomUuid() : std::string(id);
  Statement st = c.Prepare(
      "INSERT INTO strategy_goal (id, organization_id, position, title, description, "
      "source_locale, last_modified) "
      "VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM strategy_goal WHERE "
      "organization_id = ?2), "
      "?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = "
      "excluded.description, "
      "last_modified = excluded.last_modified");
  st.Bind(1, gid)
      .Bind(2, organization_id)
      .Bind(3, TrimSpace(form.title))
      .Bind(4, TrimSpace(form.description));
  st.Bind(5, source_locale).Bind(6, now).Run();
  return gid;
}

Result<std::string> SaveStrategyAction(Connection& c, std::string_view organization_id,
                                       std::string_view id,
                                       const programme::StrategyActionForm& form,
                                       std::string_view source_locale, std::string_view now) {
  if (!id.empty() &&
      !Exists(c,
              "SELECT 1 FROM strategy_action a JOIN strategy_goal g ON g.id = a.goal_id "
              "WHERE a.id = ?1 AND g.organization_id = ?2",
              id, organization_id)) {
    return Error{ErrorCode::kNotFound, "strategy action of another library"};
  }
  std::vector<FieldError> errors;
  if (!Exists(c, "SELECT 1 FROM strategy_goal WHERE id = ?1 AND organization_id = ?2", form.goal_id,
              organization_id)) {
    errors.push_back({"goal", "diagnostics.error.goal_missing"});
  }
  if (!form.initiative_id.empty() &&
      !Exists(
          c,
          "SELECT 1 FROM initiative_organization WHERE initiative_id = ?1 AND organization_id = ?2",
          form.initiative_id, organization_id)) {
    errors.push_back({"initiative", "diagnostics.error.unknown_link"});
  }
  if (!form.event_id.empty() &&
      !Exists(c, "SELECT 1 FROM event WHERE id = ?1 AND organization_id = ?2", form.event_id,
              organization_id)) {
    errors.push_back({"event", "diagnostics.error.unknown_link"});
  }
  if (!form.service_id.empty() &&
      !Exists(c, "SELECT 1 FROM service WHERE id = ?1 AND organization_id = ?2", form.service_id,
              organization_id)) {
    errors.push_back({"service", "diagnostics.error.unknown_link"});
  }
  if (!errors.empty())
    return Error{ErrorCode::kInvalidInput, "strategy action links", std::move(errors)};
  const std::string aid = id.empty() ? RandomUuid() : std::string(id);
  Statement st = c.Prepare(
      "INSERT INTO strategy_action (id, goal_id, position, title, status, initiative_id, event_id, "
      "service_id, "
      "source_locale, last_modified) VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM "
      "strategy_action "
      "WHERE goal_id = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO UPDATE SET goal_id = "
      "excluded.goal_id, "
      "title = excluded.title, status = excluded.status, initiative_id = excluded.initiative_id, "
      "event_id = excluded.event_id, service_id = excluded.service_id, last_modified = "
      "excluded.last_modified");
  st.Bind(1, aid).Bind(2, form.goal_id).Bind(3, TrimSpace(form.title)).Bind(4, form.status);
  st.Bind(5, Opt(form.initiative_id)).Bind(6, Opt(form.event_id)).Bind(7, Opt(form.service_id));
  st.Bind(8, source_locale).Bind(9, now).Run();
  return aid;
}

std::vector<StrategyLinkChoice> LibraryInitiativeChoices(Connection& c,
                                                         std::string_view organization_id,
                                                         const LocaleChain& chain) {
  return Choices(c, InitiativeChoiceSql(), organization_id, chain);
}

std::vector<StrategyLinkChoice> LibraryEventChoices(Connection& c, std::string_view organization_id,
                                                    const LocaleChain& chain) {
  return Choices(c, EventChoiceSql(), organization_id, chain);
}

std::vector<StrategyLinkChoice> LibraryServiceChoices(Connection& c,
                                                      std::string_view organization_id,
                                                      const LocaleChain& chain) {
  return Choices(c, ServiceChoiceSql(), organization_id, chain);
}

bool HasPublicDiagnostics(Connection& c, std::string_view organization_id) {
  Statement st = c.Prepare(
      "SELECT EXISTS (SELECT 1 FROM diagnostic_report WHERE organization_id = ?1 AND published = "
      "1) "
      "OR EXISTS (SELECT 1 FROM strategy_goal WHERE organization_id = ?1)");
  st.Bind(1, organization_id);
  return st.Step() && st.Int(0) != 0;
}

std::vector<DiagnosticsProgress> DiagnosticsPerLibrary(Connection& c, const LocaleChain& chain) {
  static const std::string sql =
      "SELECT o.slug, " + BestText("organization", "o.id", "name", "o.name", "o.source_locale") +
      ", (SELECT count(*) FROM diagnostic_activity a WHERE a.organization_id = o.id), "
      "(SELECT coalesce(sum(p.count), 0) FROM diagnostic_participants p JOIN diagnostic_activity a "
      " ON a.id = p.activity_id WHERE a.organization_id = o.id), "
      "(SELECT count(*) FROM strategy_goal g WHERE g.organization_id = o.id), "
      "coalesce((SELECT published FROM diagnostic_report r WHERE r.organization_id = o.id), 0) "
      "FROM organization o WHERE o.kind = 'library' AND (o.id IN (SELECT organization_id FROM diagnostic_activity) "
      "OR o.id IN (SELECT organization_id FROM diagnostic_report) OR o.id IN (SELECT organization_id FROM strategy_goal)) "
      "ORDER BY o.name";
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  std::vector<DiagnosticsProgress> out;
  while (st.Step()) {
    out.push_back({st.Text(0), SplitLocalized(st.TextView(1)), st.Int(2), st.Int(3), st.Int(4), st.Int(5) != 0});
  }
  return out;
}

}  // namespace tilti::store
