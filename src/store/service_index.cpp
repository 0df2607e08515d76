#include "store/service_index.h"

#include "store/row_batch.h"
#include "store/search_index.h"
#include "store/text_match.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "directory/folding.h"

namespace tilti::store {
namespace {

constexpr size_t kMaxQueryBytes = 1000;
constexpr size_t kMaxQueryWords = 8;

// The SQL of one indexed kind of record. Both SELECTs are ordered by the record id (the
// translation primary key starts with entity, entity_id), so the texts of a record are merged
// from the two streams without holding either in memory.
struct IndexedKind {
  std::string_view records;       // id, name, alternate_name, description
  std::string_view translations;  // entity_id, value
  std::string_view clear;
  std::string_view insert;  // up to VALUES; each row is (text, id)
  std::string_view table;  // the index table
};

constexpr IndexedKind kServices{
    "SELECT id, name, alternate_name, description FROM service ORDER BY id",
    "SELECT entity_id, value FROM translation WHERE entity = 'service' "
    "AND field IN ('name', 'alternate_name', 'description') ORDER BY entity_id, field, locale",
    "DELETE FROM service_search",
    "INSERT INTO service_search (text, service_id) VALUES ",
    "service_search",
};

constexpr IndexedKind kOrganizations{
    "SELECT id, name, alternate_name, description FROM organization ORDER BY id",
    "SELECT entity_id, value FROM translation WHERE entity = 'organization' "
    "AND field IN ('name', 'alternate_name', 'description') ORDER BY entity_id, field, locale",
    "DELETE FROM organization_search",
    "INSERT INTO organization_search (text, organization_id) VALUES ",
    "organization_search",
};

// Fold is ICU work; imported directories repeat the same service names and descriptions
// thousands of times, so each distinct text is folded once per rebuild.
class FoldCache {
 public:
  const std::string& Fold(std::string_view text) {
    auto it = folded_.find(std::string(text));
    if (it == folded_.end()) {
      it = folded_.emplace(std::string(text), directory::Fold(text)).first;
    }
    return it->second;
  }

 private:
  std::unordered_map<std::string, std::string> folded_;
};

// Adds the fold of `text` to `out` unless it is empty or already there (a translation equal to
// the base column, or differing only in script or diacritics, adds nothing).
void Append(FoldCache& cache, std::string_view text, std::unordered_set<std::string>& seen,
            std::string& out) {
  const std::string& folded = cache.Fold(text);
  if (folded.empty() || !seen.insert(folded).second) return;
  if (!out.empty()) out += ' ';
  out += folded;
}

void Rebuild(Connection& c, const IndexedKind& kind, FoldCache& cache) {
  c.Exec(kind.clear);
  Statement records = c.Prepare(kind.records);
  Statement translations = c.Prepare(kind.translations);
  RowBatch insert(c, kind.insert, "(#, #)");
  bool more_translations = translations.Step();
  while (records.Step()) {
    const std::string id = records.Text(0);
    std::string text;
    std::unordered_set<std::string> seen;
    for (int col = 1; col <= 3; ++col) {
      if (!records.IsNull(col)) Append(cache, records.TextView(col), seen, text);
    }
    // Translations of ids below this one belong to no service (left over): skip them.
    while (more_translations && translations.TextView(0) < id) {
      more_translations = translations.Step();
    }
    while (more_translations && translations.TextView(0) == id) {
      Append(cache, translations.TextView(1), seen, text);
      more_translations = translations.Step();
    }
    insert.Add({std::move(text), id});
  }
  insert.Flush();
  OptimizeTextIndex(c, kind.table);
}

bool Exists(Connection& c, const std::string& sql) {
  Statement& st = c.Cached(sql);
  const bool found = st.Step() && st.Int(0) != 0;
  st.Reset();
  return found;
}


// The folded text of one record of `kind`, as Rebuild writes it.
std::string TextOf(Connection& c, std::string_view table, std::string_view entity,
                   std::string_view id, FoldCache& cache) {
  std::string text;
  std::unordered_set<std::string> seen;
  Statement record = c.Prepare("SELECT name, alternate_name, description FROM " +
                               std::string(table) + " WHERE id = ?1");
  record.Bind(1, id);
  if (record.Step()) {
    for (int col = 0; col < 3; ++col) {
      if (!record.IsNull(col)) Append(cache, record.TextView(col), seen, text);
    }
  }
  Statement& tr = c.Cached(
      "SELECT value FROM translation WHERE entity = ?1 AND entity_id = ?2 AND field IN "
      "('name', 'alternate_name', 'description') ORDER BY field, locale");
  tr.Bind(1, entity).Bind(2, id);
  while (tr.Step()) Append(cache, tr.TextView(0), seen, text);
  tr.Reset();
  return text;
}

}  // namespace

void UpdateServiceIndexOf(Connection& c, std::string_view organization_id) {
  FoldCache cache;
  // One scan of each table finds the rows (their id columns are not indexed).
  std::vector<std::pair<int64_t, std::string>> rows;
  {
    Statement st = c.Prepare(
        "SELECT rowid, service_id FROM service_search WHERE service_id IN "
        "(SELECT id FROM service WHERE organization_id = ?1)");
    st.Bind(1, organization_id);
    while (st.Step()) rows.emplace_back(st.Int(0), st.Text(1));
  }
  int64_t services = 0;
  {
    Statement st = c.Prepare("SELECT count(*) FROM service WHERE organization_id = ?1");
    st.Bind(1, organization_id);
    if (st.Step()) services = st.Int(0);
  }
  std::optional<int64_t> org_row;
  {
    Statement st = c.Prepare(
        "SELECT rowid FROM organization_search WHERE organization_id = ?1");
    st.Bind(1, organization_id);
    if (st.Step()) org_row = st.Int(0);
  }
  // A new service or organisation has no row: appending one would break the id order of the
  // rowids that paging relies on, so the tables are rebuilt (new records are rare).
  if (static_cast<int64_t>(rows.size()) != services || !org_row) {
    RebuildServiceIndex(c);
    return;
  }
  Statement& us = c.Cached("UPDATE service_search SET text = ?1 WHERE rowid = ?2");
  for (const auto& [rowid, id] : rows) {
    us.Bind(1, TextOf(c, "service", "service", id, cache)).Bind(2, rowid).Run();
    us.Reset();
  }
  c.Cached("UPDATE organization_search SET text = ?1 WHERE rowid = ?2")
      .Bind(1, TextOf(c, "organization", "organization", organization_id, cache))
      .Bind(2, *org_row)
      .Run();
}

namespace {
}  // namespace

void RebuildServiceIndex(Connection& c) {
  FoldCache cache;
  Rebuild(c, kServices, cache);
  Rebuild(c, kOrganizations, cache);
}

bool RebuildServiceIndexIfEmpty(Connection& c) {
  const bool rebuild =
      Exists(
          c,
          "SELECT EXISTS (SELECT 1 FROM service) AND NOT EXISTS (SELECT 1 FROM service_search)") ||
      Exists(c,
             "SELECT EXISTS (SELECT 1 FROM organization) "
             "AND NOT EXISTS (SELECT 1 FROM organization_search)");
  if (rebuild) RebuildServiceIndex(c);
  return rebuild;
}

std::optional<std::string> SearchMatchExpression(Dialect d, std::string_view search) {
  std::vector<std::string> words =
      directory::Tokens(directory::Fold(search.substr(0, std::min(search.size(), kMaxQueryBytes))));
  if (words.empty()) return std::nullopt;
  if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
  std::vector<std::vector<MatchWord>> clauses;
  for (std::string& word : words) clauses.push_back({{std::move(word), true}});
  return MatchQuery(d, clauses);
}

std::vector<std::string> ServicesMatching(Connection& c, std::string_view search) {
  const std::optional<std::string> match = SearchMatchExpression(c.dialect(), search);
  std::vector<std::string> out;
  if (!match) {
    Statement& st = c.Cached("SELECT id FROM service ORDER BY id");
    while (st.Step()) out.push_back(st.Text(0));
    st.Reset();
    return out;
  }
  Statement& st = c.Cached(
      "SELECT service_id FROM service_search WHERE " +
      MatchCondition(c.dialect(), "service_search", "?1") + " ORDER BY service_id");
  st.Bind(1, *match);
  while (st.Step()) out.push_back(st.Text(0));
  st.Reset();
  return out;
}

}  // namespace tilti::store
