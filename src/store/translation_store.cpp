#include "store/translation_store.h"

#include <algorithm>
#include <map>
#include <set>

#include <boost/json.hpp>

#include "store/directory_changes.h"
#include "store/localized_sql.h"
#include "store/ownership_queries.h"

namespace tilti::store {
namespace {

const std::vector<std::string> kTextFields = {"name", "description"};
const std::vector<std::string> kEventFields = {"title", "description", "accessibility_note"};
const std::vector<std::string> kResourceFields = {"name", "description", "what_to_expect"};
const std::vector<std::string> kNone;

// The record's organisation, source locale and source texts per entity; the entity is checked
// by the caller, so only these three constant queries are ever prepared.
const char* RecordSql(std::string_view entity) {
  if (entity == "organization") {
    return "SELECT id, source_locale, name, coalesce(description, '') FROM organization"
           " WHERE id = ?1";
  }
  if (entity == "location") {
    return "SELECT coalesce(organization_id, ''), source_locale, coalesce(name, ''),"
           " coalesce(description, '') FROM location WHERE id = ?1";
  }
  if (entity == "event") {
    return "SELECT organization_id, source_locale, title, description, accessibility_note"
           " FROM event WHERE id = ?1";
  }
  if (entity == "resource") {
    return "SELECT organization_id, source_locale, name, description, what_to_expect"
           " FROM resource WHERE id = ?1";
  }
  return "SELECT organization_id, source_locale, name, coalesce(description, '') FROM service"
         " WHERE id = ?1";
}

// The records of the organisations chosen by `org_condition` (an SQL condition on o.id, a
// constant of this file) and their fields with work in the locale bound at `locale_param`
// ("?6"): missing (an original, no row) or outdated.
std::string WorkCte(std::string_view org_condition, std::string_view locale_param) {
  const std::string cond(org_condition);
  const std::string locale(locale_param);
  return "WITH rec(entity, entity_id, org, rname) AS ("
         " SELECT 'organization', o.id, o.id, o.name FROM organization o WHERE " + cond +
         " UNION ALL SELECT 'location', l.id, l.organization_id, coalesce(l.name, '')"
         "  FROM location l JOIN organization o ON o.id = l.organization_id WHERE " + cond +
         " UNION ALL SELECT 'service', s.id, s.organization_id, s.name"
         "  FROM service s JOIN organization o ON o.id = s.organization_id WHERE " + cond +
         " UNION ALL SELECT 'event', e.id, e.organization_id, e.title"
         "  FROM event e JOIN organization o ON o.id = e.organization_id WHERE " + cond +
         " UNION ALL SELECT 'resource', r.id, r.organization_id, r.name"
         "  FROM resource r JOIN organization o ON o.id = r.organization_id WHERE " + cond +
         "), work(org, entity, entity_id, rname, missing, outdated) AS ("
         " SELECT rec.org, rec.entity, rec.entity_id, rec.rname,"
         "  count(*) FILTER (WHERE t.locale IS NULL),"
         "  count(*) FILTER (WHERE coalesce(t.outdated, 0) = 1 AND t.source <> 'original')"
         " FROM rec JOIN translation src ON src.entity = rec.entity"
         "  AND src.entity_id = rec.entity_id AND src.source = 'original'"
         "  AND src.field IN ('name', 'description', 'title', 'accessibility_note', 'what_to_expect') AND src.locale <> " + locale +
         " AND src.value <> ''"
         " LEFT JOIN translation t ON t.entity = src.entity AND t.entity_id = src.entity_id"
         "  AND t.field = src.field AND t.locale = " + locale +
         " GROUP BY rec.org, rec.entity, rec.entity_id, rec.rname"
         " HAVING count(*) FILTER (WHERE t.locale IS NULL OR (coalesce(t.outdated, 0) = 1"
         "  AND t.source <> 'original')) > 0) ";
}

constexpr std::string_view kInFilter =
    "(?4 = 1 OR o.id IN (SELECT value FROM json_each(?5)))";
constexpr std::string_view kInFilterFrom1 =
    "(?1 = 1 OR o.id IN (SELECT value FROM json_each(?2)))";

struct Row {
  bool exists = false;
  std::string value, source;
  bool outdated = false;
};

Row TargetRow(Connection& c, std::string_view entity, std::string_view id,
              std::string_view field, std::string_view locale) {
  Statement& st = c.Cached(
      "SELECT value, source, outdated FROM translation WHERE entity = ?1 AND entity_id = ?2"
      " AND field = ?3 AND locale = ?4");
  st.Bind(1, entity).Bind(2, id).Bind(3, field).Bind(4, locale);
  Row r;
  if (st.Step()) r = {true, st.Text(0), st.Text(1), st.Int(2) != 0};
  st.Reset();
  return r;
}

// Writes one field; returns the audit change when the text changed, or nullopt. *touched is
// set when a row was written or removed.
std::optional<FieldChange> WriteField(Connection& c, std::string_view entity,
                                      std::string_view id, std::string_view locale,
                                      const TranslationEdit& edit, std::string_view now,
                                      bool* touched) {
  const Row row = TargetRow(c, entity, id, edit.field, locale);
  if (row.exists && row.source == "original") return std::nullopt;
  const std::string audit_field = edit.field + "@" + std::string(locale);
  if (edit.value.empty()) {
    if (!row.exists) return std::nullopt;
    Statement& del = c.Cached(
        "DELETE FROM translation WHERE entity = ?1 AND entity_id = ?2 AND field = ?3"
        " AND locale = ?4 AND source <> 'original'");
    del.Bind(1, entity).Bind(2, id).Bind(3, edit.field).Bind(4, locale).Run();
    del.Reset();
    *touched = true;
    return FieldChange{audit_field, row.value, ""};
  }
  if (row.exists && row.value == edit.value && row.source == "human" && !row.outdated) {
    return std::nullopt;
  }
  Statement& up = c.Cached(
      "INSERT INTO translation (entity, entity_id, field, locale, value, source, outdated,"
      " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'human', 0, ?6)"
      " ON CONFLICT (entity, entity_id, field, locale) DO UPDATE SET value = excluded.value,"
      " source = 'human', outdated = 0, updated_at = excluded.updated_at"
      " WHERE translation.source <> 'original'");
  up.Bind(1, entity).Bind(2, id).Bind(3, edit.field).Bind(4, locale).Bind(5, edit.value);
  up.Bind(6, now).Run();
  up.Reset();
  *touched = true;
  if (row.value == edit.value) return std::nullopt;  // confirmed, not changed
  return FieldChange{audit_field, row.value, edit.value};
}

// The fields' current originals: field -> (text, locale), from the 'original' rows, else the
// record's own columns.
struct Source {
  std::string organization_id, source_locale, name;
  std::map<std::string, std::pair<std::string, std::string>> texts;
};

std::optional<Source> ReadSource(Connection& c, std::string_view entity, std::string_view id) {
  if (!IsTranslatableEntity(entity)) return std::nullopt;
  Statement st = c.Prepare(RecordSql(entity));
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  Source s;
  s.organization_id = st.Text(0);
  s.source_locale = st.Text(1);
  s.name = st.Text(2);
  // The fields are the statement's columns from the third on, in TranslatableFields order.
  const auto& fields = TranslatableFields(entity);
  for (size_t i = 0; i < fields.size(); ++i) {
    s.texts[fields[i]] = {st.Text(static_cast<int>(2 + i)), s.source_locale};
  }
  Statement& o = c.Cached(
      "SELECT field, value, locale FROM translation WHERE entity = ?1 AND entity_id = ?2"
      " AND source = 'original'");
  o.Bind(1, entity).Bind(2, id);
  while (o.Step()) {
    auto it = s.texts.find(o.Text(0));
    if (it != s.texts.end()) it->second = {o.Text(1), o.Text(2)};
  }
  o.Reset();
  return s;
}

}  // namespace

bool IsTranslatableEntity(std::string_view entity) {
  return entity == "organization" || entity == "location" || entity == "service" ||
         entity == "event" || entity == "resource";
}

const std::vector<std::string>& TranslatableFields(std::string_view entity) {
  if (entity == "event") return kEventFields;
  if (entity == "resource") return kResourceFields;
  return IsTranslatableEntity(entity) ? kTextFields : kNone;
}

std::optional<TranslatableRecord> ReadTranslatable(Connection& c, std::string_view entity,
                                                   std::string_view id,
                                                   std::string_view locale) {
  auto source = ReadSource(c, entity, id);
  if (!source) return std::nullopt;
  TranslatableRecord r;
  r.entity = std::string(entity);
  r.id = std::string(id);
  r.organization_id = source->organization_id;
  r.source_locale = source->source_locale;
  r.name = source->name;
  for (const std::string& field : TranslatableFields(entity)) {
    TranslationField f;
    f.field = field;
    std::tie(f.source_text, f.source_locale) = source->texts[field];
    const Row row = TargetRow(c, entity, id, field, locale);
    if (row.exists) {
      f.value = row.value;
      f.source = row.source;
      f.outdated = row.outdated && row.source != "original";
    }
    r.fields.push_back(std::move(f));
  }
  return r;
}

namespace {

// SaveTranslations without DirectoryTextsChanged; *organization_id is set when it wrote.
int SaveRecord(Connection& c, std::string_view entity, std::string_view id,
               std::string_view locale, const std::vector<TranslationEdit>& edits,
               const Author& author, std::string_view now_rfc3339,
               std::string* organization_id) {
  auto source = ReadSource(c, entity, id);
  if (!source) return 0;
  const auto& fields = TranslatableFields(entity);
  std::vector<FieldChange> changes;
  bool touched = false;
  int changed = 0;
  for (const TranslationEdit& edit : edits) {
    if (std::find(fields.begin(), fields.end(), edit.field) == fields.end()) continue;
    if (source->texts[edit.field].second == locale) continue;  // the original's own locale
    bool wrote = false;
    if (auto change = WriteField(c, entity, id, locale, edit, now_rfc3339, &wrote)) {
      changes.push_back(std::move(*change));
    }
    if (wrote) ++changed;
    touched = touched || wrote;
  }
  if (!touched) return 0;
  RecordChanges(c, entity, id, "translate", changes, author, now_rfc3339);
  // Event pages and feeds are cached by the events' version.
  if (entity == "event") {
    c.Cached("UPDATE event_version SET version = version + 1 WHERE id = 1").Run();
  }
  *organization_id = source->organization_id;
  return changed;
}

}  // namespace

int SaveTranslations(Connection& c, std::string_view entity, std::string_view id,
                     std::string_view locale, const std::vector<TranslationEdit>& edits,
                     const Author& author, std::string_view now_rfc3339) {
  std::string organization_id;
  int changed = SaveRecord(c, entity, id, locale, edits, author, now_rfc3339, &organization_id);
  if (changed > 0) DirectoryTextsChanged(c, organization_id);
  return changed;
}

Backlog TranslationBacklog(Connection& c, const LocaleChain& chain, std::string_view locale,
                           const OrganizationScope& filter, size_t limit, size_t offset,
                           size_t records_per_organization) {
  static const std::string sql =
      WorkCte(kInFilter, "?6") +
      ", per_org AS (SELECT org, sum(missing) AS m, sum(outdated) AS od FROM work GROUP BY org)"
      // The page first, so the names are looked up for its rows only, not for every
      // organisation with work; the totals from the same (materialised) per_org.
      ", page AS (SELECT p.org, p.m, p.od, o.name AS oname FROM per_org p"
      "   JOIN organization o ON o.id = p.org ORDER BY o.name, o.id LIMIT ?7 OFFSET ?8)"
      ", totals AS (SELECT count(*) AS n, sum(m) AS tm, sum(od) AS tod FROM per_org)"
      " SELECT o.id, coalesce(o.slug, ''), " +
      BestText("organization", "o.id", "name", "o.name", "o.source_locale") +
      ", page.m, page.od, totals.n, totals.tm, totals.tod"
      " FROM page JOIN organization o ON o.id = page.org, totals"
      " ORDER BY page.oname, o.id";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, static_cast<int64_t>(filter.all ? 1 : 0)).Bind(5, IdsJson(filter.ids));
  st.Bind(6, locale).Bind(7, static_cast<int64_t>(limit)).Bind(8, static_cast<int64_t>(offset));
  Backlog b;
  std::vector<std::string> ids;
  while (st.Step()) {
    OrganizationBacklog o;
    o.organization_id = st.Text(0);
    o.slug = st.Text(1);
    o.name = SplitLocalized(st.TextView(2));
    o.missing = st.Int(3);
    o.outdated = st.Int(4);
    b.organizations = st.Int(5);
    b.missing = st.Int(6);
    b.outdated = st.Int(7);
    ids.push_back(o.organization_id);
    b.page.push_back(std::move(o));
  }
  st.Reset();
  if (b.page.empty()) return b;

  // The records with work of this page's organisations, a few per organisation. No locale
  // chain here, so the parameters start at ?1 (PostgreSQL wants every one up to the highest).
  static const std::string records_sql =
      WorkCte("o.id IN (SELECT value FROM json_each(?1))", "?2") +
      "SELECT org, entity, entity_id, rname, missing, outdated FROM (SELECT *, row_number()"
      " OVER (PARTITION BY org ORDER BY CASE WHEN entity = 'organization' THEN 0 ELSE 1 END,"
      " entity, rname, entity_id)"
      " AS n FROM work) AS numbered WHERE n <= ?3 ORDER BY org, n";
  Statement& r = c.Cached(records_sql);
  r.Bind(1, IdsJson(ids)).Bind(2, locale);
  r.Bind(3, static_cast<int64_t>(records_per_organization));
  std::map<std::string, std::vector<BacklogRecord>> by_org;
  while (r.Step()) {
    by_org[r.Text(0)].push_back({r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5)});
  }
  r.Reset();
  for (auto& o : b.page) o.records = std::move(by_org[o.organization_id]);
  return b;
}

std::vector<PendingTranslation> PendingTranslations(Connection& c, std::string_view locale,
                                                    const OrganizationScope& filter,
                                                    size_t limit) {
  // Without a locale chain its parameters start at ?1 (PostgreSQL wants every parameter up to
  // the highest one used): ?1 = 1 for every organisation, else ?2 lists them; ?3 the locale.
  static const std::string sql =
      "WITH rec(entity, entity_id) AS ("
      " SELECT 'organization', o.id FROM organization o WHERE " + std::string(kInFilterFrom1) +
      " UNION ALL SELECT 'location', l.id FROM location l JOIN organization o"
      "  ON o.id = l.organization_id WHERE " + std::string(kInFilterFrom1) +
      " UNION ALL SELECT 'service', s.id FROM service s JOIN organization o"
      "  ON o.id = s.organization_id WHERE " + std::string(kInFilterFrom1) +
      " UNION ALL SELECT 'event', e.id FROM event e JOIN organization o"
      "  ON o.id = e.organization_id WHERE " + std::string(kInFilterFrom1) +
      " UNION ALL SELECT 'resource', r.id FROM resource r JOIN organization o"
      "  ON o.id = r.organization_id WHERE " + std::string(kInFilterFrom1) +
      ") SELECT src.entity, src.entity_id, src.field, src.value, src.locale,"
      " coalesce(t.value, ''), coalesce(t.outdated, 0)"
      " FROM rec JOIN translation src ON src.entity = rec.entity"
      "  AND src.entity_id = rec.entity_id AND src.source = 'original'"
      "  AND src.field IN ('name', 'description', 'title', 'accessibility_note', 'what_to_expect') AND src.locale <> ?3 AND src.value <> ''"
      " LEFT JOIN translation t ON t.entity = src.entity AND t.entity_id = src.entity_id"
      "  AND t.field = src.field AND t.locale = ?3"
      " WHERE t.locale IS NULL OR (t.outdated = 1 AND t.source <> 'original')"
      " ORDER BY src.entity, src.entity_id, src.field LIMIT ?4";
  Statement& st = c.Cached(sql);
  st.Bind(1, static_cast<int64_t>(filter.all ? 1 : 0)).Bind(2, IdsJson(filter.ids));
  st.Bind(3, locale).Bind(4, static_cast<int64_t>(limit));
  std::vector<PendingTranslation> out;
  while (st.Step()) {
    out.push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5),
                   st.Int(6) != 0});
  }
  st.Reset();
  return out;
}

ImportOutcome ImportTranslations(Connection& c, std::string_view locale,
                                 const std::vector<ImportedTranslation>& entries,
                                 const std::function<bool(const std::string&)>& may_translate,
                                 const Author& author, std::string_view now_rfc3339) {
  ImportOutcome outcome;
  std::map<std::pair<std::string, std::string>, std::optional<Source>> sources;
  for (const ImportedTranslation& e : entries) {
    auto key = std::make_pair(e.entity, e.id);
    auto it = sources.find(key);
    if (it == sources.end()) it = sources.emplace(key, ReadSource(c, e.entity, e.id)).first;
    const auto& fields = TranslatableFields(e.entity);
    if (!it->second || std::find(fields.begin(), fields.end(), e.field) == fields.end()) {
      outcome.problems.emplace_back(e.line, ImportProblem::kUnknownEntry);
      continue;
    }
    if (!may_translate(it->second->organization_id)) {
      outcome.problems.emplace_back(e.line, ImportProblem::kNotPermitted);
      continue;
    }
    const auto& [text, source_locale] = it->second->texts[e.field];
    if (source_locale == locale) {
      outcome.problems.emplace_back(e.line, ImportProblem::kSourceLocale);
    } else if (text != e.source_text) {
      outcome.problems.emplace_back(e.line, ImportProblem::kSourceChanged);
    }
  }
  if (!outcome.problems.empty()) return outcome;
  // Grouped per record so each record is audited once and each organisation reindexed once.
  std::map<std::pair<std::string, std::string>, std::vector<TranslationEdit>> edits;
  for (const ImportedTranslation& e : entries) {
    if (e.translation.empty()) continue;
    edits[{e.entity, e.id}].push_back({e.field, e.translation});
  }
  std::set<std::string> organizations;
  for (const auto& [key, list] : edits) {
    std::string organization_id;
    outcome.imported += SaveRecord(c, key.first, key.second, locale, list, author, now_rfc3339,
                                   &organization_id);
    if (!organization_id.empty()) organizations.insert(organization_id);
  }
  for (const std::string& o : organizations) DirectoryTextsChanged(c, o);
  return outcome;
}

// Writes the source text of entity.field: the record's own column is written by the caller;
// this keeps the 'original' translation row in step (its trigger flags the other locales'
// rows outdated when the text changes), or removes it when the text is emptied.
void WriteOriginal(Connection& c, std::string_view entity, std::string_view id,
                   std::string_view field, std::string_view locale, std::string_view value,
                   std::string_view now) {
  if (value.empty()) {
    c.Cached("DELETE FROM translation WHERE entity = ?1 AND entity_id = ?2 AND field = ?3 "
             "AND source = 'original'")
        .Bind(1, entity).Bind(2, id).Bind(3, field).Run();
    return;
  }
  c.Cached(
       "INSERT INTO translation (entity, entity_id, field, locale, value, source, outdated, "
       "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'original', 0, ?6) "
       "ON CONFLICT (entity, entity_id, field, locale) DO UPDATE SET value = excluded.value, "
       "source = 'original', outdated = 0, updated_at = excluded.updated_at "
       "WHERE translation.value IS DISTINCT FROM excluded.value "
       "OR translation.source <> 'original'")
      .Bind(1, entity).Bind(2, id).Bind(3, field).Bind(4, locale).Bind(5, value).Bind(6, now)
      .Run();
}

std::vector<TextTranslation> TranslationsOf(Connection& c, std::string_view entity, std::string_view id,
                                            std::string_view locale,
                                            const std::vector<std::pair<std::string, std::string>>& sources) {
  Statement& st = c.Cached(
      "SELECT value, outdated FROM translation WHERE entity = ?1 AND entity_id = ?2 AND field = ?3"
      " AND locale = ?4 AND source <> 'original'");
  std::vector<TextTranslation> out;
  for (const auto& [field, source] : sources) {
    if (source.empty()) continue;
    TextTranslation t{field, source, "", false};
    st.Bind(1, entity).Bind(2, id).Bind(3, field).Bind(4, locale);
    if (st.Step()) {
      t.value = st.Text(0);
      t.outdated = st.Int(1) != 0;
    }
    st.Reset();
    out.push_back(std::move(t));
  }
  return out;
}

void WriteHumanTranslations(Connection& c, std::string_view entity, std::string_view id,
                            std::string_view locale,
                            const std::vector<std::pair<std::string, std::string>>& texts,
                            std::string_view now) {
  for (const auto& [field, value] : texts) {
    if (value.empty()) {
      c.Cached(
           "DELETE FROM translation WHERE entity = ?1 AND entity_id = ?2 AND field = ?3 AND locale = ?4"
           " AND source <> 'original'")
          .Bind(1, entity).Bind(2, id).Bind(3, field).Bind(4, locale)
          .Run();
      continue;
    }
    c.Cached(
         "INSERT INTO translation (entity, entity_id, field, locale, value, source, outdated, updated_at)"
         " VALUES (?1, ?2, ?3, ?4, ?5, 'human', 0, ?6)"
         " ON CONFLICT (entity, entity_id, field, locale) DO UPDATE SET value = excluded.value,"
         " source = 'human', outdated = 0, updated_at = excluded.updated_at"
         " WHERE translation.source <> 'original'")
        .Bind(1, entity).Bind(2, id).Bind(3, field).Bind(4, locale).Bind(5, value).Bind(6, now)
        .Run();
  }
}

}  // namespace tilti::store
