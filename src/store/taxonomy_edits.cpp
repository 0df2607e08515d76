#include "store/taxonomy_edits.h"

#include "core/ids.h"
#include "store/directory_changes.h"
#include "store/localized_sql.h"

namespace tilti::store {
namespace {

constexpr std::string_view kSourceLocale = "lv";

std::map<std::string, std::string, std::less<>> NamesOf(Connection& c, std::string_view id) {
  Statement& st = c.Cached(
      "SELECT locale, value FROM translation WHERE entity = 'taxonomy_term' AND entity_id = ?1 "
      "AND field = 'name'");
  st.Bind(1, id);
  std::map<std::string, std::string, std::less<>> out;
  while (st.Step()) out[st.Text(0)] = st.Text(1);
  st.Reset();
  return out;
}

void WriteName(Connection& c, std::string_view id, std::string_view locale,
               std::string_view value, std::string_view now) {
  if (value.empty()) {
    c.Cached("DELETE FROM translation WHERE entity = 'taxonomy_term' AND entity_id = ?1 AND "
             "field = 'name' AND locale = ?2")
        .Bind(1, id).Bind(2, locale).Run();
    return;
  }
  c.Cached("INSERT INTO translation (entity, entity_id, field, locale, value, source, outdated, "
           "updated_at) VALUES ('taxonomy_term', ?1, 'name', ?2, ?3, ?4, 0, ?5) "
           "ON CONFLICT (entity, entity_id, field, locale) DO UPDATE SET value = excluded.value, "
           "source = excluded.source, outdated = 0, updated_at = excluded.updated_at")
      .Bind(1, id).Bind(2, locale).Bind(3, value)
      .Bind(4, locale == kSourceLocale ? "original" : "human").Bind(5, now).Run();
  if (locale == "en") {
    c.Cached("UPDATE taxonomy_term SET name = ?2 WHERE id = ?1").Bind(1, id).Bind(2, value).Run();
  }
}

}  // namespace

std::vector<TaxonomyTerms> AllTaxonomies(Connection& c, const LocaleChain& chain) {
  static const std::string sql =
      "SELECT tx.id, tx.code, " + BestText("taxonomy", "tx.id", "name", "tx.name", "'en'") +
      " FROM taxonomy tx ORDER BY tx.code";
  std::vector<std::pair<std::string, TaxonomyTerms>> taxonomies;
  {
    Statement& st = c.Cached(sql);
    BindChain(st, chain);
    while (st.Step()) {
      taxonomies.push_back({st.Text(0), {st.Text(1), SplitLocalized(st.TextView(2)), {}}});
    }
    st.Reset();
  }
  Statement& terms = c.Cached(
      "SELECT tt.id, tt.code FROM taxonomy_term tt WHERE tt.taxonomy_id = ?1 "
      "ORDER BY tt.position, tt.code");
  std::vector<TaxonomyTerms> out;
  for (auto& [id, t] : taxonomies) {
    terms.Bind(1, id);
    std::vector<std::pair<std::string, std::string>> rows;
    while (terms.Step()) rows.emplace_back(terms.Text(0), terms.Text(1));
    terms.Reset();
    for (auto& [term_id, code] : rows) t.terms.push_back({code, NamesOf(c, term_id)});
    out.push_back(std::move(t));
  }
  return out;
}

std::optional<TermRecord> TermByCode(Connection& c, std::string_view taxonomy_code,
                                     std::string_view term_code) {
  Statement& st = c.Cached(
      "SELECT tt.id FROM taxonomy_term tt JOIN taxonomy t ON t.id = tt.taxonomy_id "
      "WHERE t.code = ?1 AND tt.code = ?2");
  st.Bind(1, taxonomy_code).Bind(2, term_code);
  std::optional<TermRecord> out;
  if (st.Step()) out = TermRecord{st.Text(0), std::string(taxonomy_code), std::string(term_code), {}};
  st.Reset();
  if (out) out->names = NamesOf(c, out->id);
  return out;
}

int SaveTermNames(Connection& c, const TermRecord& before,
                  const std::map<std::string, std::string, std::less<>>& names,
                  const Author& author, std::string_view now) {
  std::vector<FieldChange> changes;
  for (const auto& [locale, value] : names) {
    auto it = before.names.find(locale);
    changes.push_back({"name@" + locale, it == before.names.end() ? "" : it->second, value});
  }
  int n = RecordChanges(c, "taxonomy_term", before.id, "update", changes, author, now);
  if (n == 0) return 0;
  for (const auto& [locale, value] : names) {
    auto it = before.names.find(locale);
    if (it == before.names.end() ? !value.empty() : it->second != value) {
      WriteName(c, before.id, locale, value, now);
    }
  }
  // Term names are in every library's search text.
  DirectoryTextsChanged(c, "");
  return n;
}

bool AddTerm(Connection& c, std::string_view taxonomy_code, std::string_view term_code,
             const std::map<std::string, std::string, std::less<>>& names, const Author& author,
             std::string_view now) {
  if (TermByCode(c, taxonomy_code, term_code)) return false;
  Statement& tax = c.Cached("SELECT id FROM taxonomy WHERE code = ?1");
  tax.Bind(1, taxonomy_code);
  if (!tax.Step()) {
    tax.Reset();
    return false;
  }
  const std::string taxonomy_id = tax.Text(0);
  tax.Reset();
  // The same id rule as migration 0002, so a term added here and later by a migration agree.
  const std::string id = DeterministicUuid("taxonomy_term:" + std::string(taxonomy_code) + "/" +
                                           std::string(term_code));
  auto en = names.find("en");
  auto lv = names.find("lv");
  const std::string english = en != names.end() && !en->second.empty()
                                  ? en->second
                                  : (lv != names.end() ? lv->second : std::string(term_code));
  c.Cached("INSERT INTO taxonomy_term (id, code, name, taxonomy, taxonomy_id, position) "
           "VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(position), 0) + 1 FROM "
           "taxonomy_term WHERE taxonomy_id = ?5))")
      .Bind(1, id).Bind(2, term_code).Bind(3, english).Bind(4, taxonomy_code)
      .Bind(5, taxonomy_id).Run();
  std::vector<FieldChange> changes = {{"code", "", std::string(term_code)}};
  for (const auto& [locale, value] : names) {
    if (!value.empty()) WriteName(c, id, locale, value, now);
    changes.push_back({"name@" + locale, "", value});
  }
  RecordChanges(c, "taxonomy_term", id, "create", changes, author, now);
  DirectoryDetailsChanged(c);  // a new term is in no record yet: only the filters change
  return true;
}

}  // namespace tilti::store
