#include "store/search_index.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_set>

#include "directory/folding.h"
#include "store/row_batch.h"
#include "store/service_index.h"
#include "store/text_match.h"

namespace tilti::store {
namespace {

// ---- writing ----

constexpr std::string_view kDeleteLibraryDocuments =
    "DELETE FROM search_document WHERE entity = 'location'";

// The library locations whose documents are written, as the CTE `lib(loc, org, place_id,
// municipality_id)` the document queries below start from. A rebuild goes through every
// library location in batches of kBatch by id (?1 the last id written, ?2 the batch size), so
// each query's result and sort stay small; an edit takes one organisation's (?1).
constexpr std::string_view kBatchLibraries = R"(lib(loc, org, place_id, municipality_id) AS
MATERIALIZED (SELECT l.id, o.id, l.place_id, l.municipality_id
  FROM location l JOIN organization o ON o.id = l.organization_id
 WHERE o.kind = 'library' AND l.id > ?1 ORDER BY l.id LIMIT ?2))";
constexpr std::string_view kOrganizationLibraries = R"(lib(loc, org, place_id, municipality_id) AS
MATERIALIZED (SELECT l.id, o.id, l.place_id, l.municipality_id
  FROM location l JOIN organization o ON o.id = l.organization_id
 WHERE o.kind = 'library' AND o.id = ?1))";
constexpr int64_t kBatch = 2000;

// The three parts of every document as (location id, text) rows, ordered by location and then
// text (byte order on both databases), so each document's words come in the same order after
// an edit as after a rebuild, on SQLite as on PostgreSQL. UNION drops a text repeated verbatim
// (a base column and its 'original' translation row); NULLs are skipped by the reader.
// Each text is reached from `lib` by keys only (CROSS JOIN keeps SQLite's loops in that order;
// PostgreSQL reads it as a plain join), so the cost per library does not grow with the
// directory.
//
// Names: the organisation's and the location's names and alternate names, in every language.
constexpr std::string_view kNames = R"(
SELECT lib.loc, o.name FROM lib CROSS JOIN organization o WHERE o.id = lib.org
UNION SELECT lib.loc, o.alternate_name FROM lib CROSS JOIN organization o WHERE o.id = lib.org
UNION SELECT lib.loc, l.name FROM lib CROSS JOIN location l WHERE l.id = lib.loc
UNION SELECT lib.loc, l.alternate_name FROM lib CROSS JOIN location l WHERE l.id = lib.loc
UNION SELECT lib.loc, t.value FROM lib CROSS JOIN translation t
 WHERE t.entity = 'organization' AND t.entity_id = lib.org AND t.field IN ('name', 'alternate_name')
UNION SELECT lib.loc, t.value FROM lib CROSS JOIN translation t
 WHERE t.entity = 'location' AND t.entity_id = lib.loc AND t.field IN ('name', 'alternate_name')
ORDER BY 1, 2)";

// Places: the gazetteer's names of its town and municipality, and the town and region of its
// address (the only place names of an imported library outside Latvia).
constexpr std::string_view kPlaces = R"(
SELECT lib.loc, p.name FROM lib CROSS JOIN place p WHERE p.id = lib.place_id
UNION SELECT lib.loc, pn.name FROM lib CROSS JOIN place_name pn WHERE pn.place_id = lib.place_id
UNION SELECT lib.loc, m.name FROM lib CROSS JOIN municipality m WHERE m.id = lib.municipality_id
UNION SELECT lib.loc, t.value FROM lib CROSS JOIN translation t
 WHERE t.entity = 'municipality' AND t.entity_id = lib.municipality_id AND t.field = 'name'
UNION SELECT lib.loc, a.city FROM lib CROSS JOIN address a WHERE a.location_id = lib.loc
UNION SELECT lib.loc, a.state_province FROM lib CROSS JOIN address a WHERE a.location_id = lib.loc
ORDER BY 1, 2)";

// Body: descriptions, and the active services LibraryBySlug shows (the organisation's and those
// at the location) with their texts and the names of every taxonomy term attached to them, to
// the location or to the organisation (service types, target groups, accessibility...).
constexpr std::string_view kBodyParts = R"(,
svc(loc, id) AS MATERIALIZED (
  SELECT lib.loc, s.id FROM lib CROSS JOIN service s
   WHERE s.organization_id = lib.org AND s.status = 'active'
  UNION SELECT lib.loc, s.id FROM lib CROSS JOIN service_at_location sal CROSS JOIN service s
   WHERE sal.location_id = lib.loc AND s.id = sal.service_id AND s.status = 'active'
), term(loc, id) AS MATERIALIZED (
  SELECT svc.loc, a.taxonomy_term_id FROM svc CROSS JOIN attribute a
   WHERE a.link_entity = 'service' AND a.link_id = svc.id
  UNION SELECT lib.loc, a.taxonomy_term_id FROM lib CROSS JOIN attribute a
   WHERE a.link_entity = 'location' AND a.link_id = lib.loc
  UNION SELECT lib.loc, a.taxonomy_term_id FROM lib CROSS JOIN attribute a
   WHERE a.link_entity = 'organization' AND a.link_id = lib.org
)
SELECT lib.loc, o.description FROM lib CROSS JOIN organization o WHERE o.id = lib.org
UNION SELECT lib.loc, l.description FROM lib CROSS JOIN location l WHERE l.id = lib.loc
UNION SELECT lib.loc, t.value FROM lib CROSS JOIN translation t
 WHERE t.entity = 'organization' AND t.entity_id = lib.org AND t.field = 'description'
UNION SELECT lib.loc, t.value FROM lib CROSS JOIN translation t
 WHERE t.entity = 'location' AND t.entity_id = lib.loc AND t.field = 'description'
UNION SELECT svc.loc, s.name FROM svc CROSS JOIN service s WHERE s.id = svc.id
UNION SELECT svc.loc, s.alternate_name FROM svc CROSS JOIN service s WHERE s.id = svc.id
UNION SELECT svc.loc, s.description FROM svc CROSS JOIN service s WHERE s.id = svc.id
UNION SELECT svc.loc, t.value FROM svc CROSS JOIN translation t
 WHERE t.entity = 'service' AND t.entity_id = svc.id
   AND t.field IN ('name', 'alternate_name', 'description')
UNION SELECT term.loc, tt.name FROM term CROSS JOIN taxonomy_term tt WHERE tt.id = term.id
UNION SELECT term.loc, t.value FROM term CROSS JOIN translation t
 WHERE t.entity = 'taxonomy_term' AND t.entity_id = term.id AND t.field = 'name'
ORDER BY 1, 2)";

constexpr std::string_view kInsertDocuments =
    "INSERT INTO search_document (names, places, body, entity, entity_id) VALUES ";

constexpr std::string_view kRefreshTerms = R"(
DELETE FROM search_term;
INSERT INTO search_term (term, length, documents)
  SELECT term, length(term), doc FROM search_document_terms;)";

// One part's (location id, text) rows, read location by location.
class PartReader {
 public:
  explicit PartReader(Statement& st) : st_(st), more_(st.Step()) {}
  ~PartReader() { st_.Reset(); }
  PartReader(const PartReader&) = delete;
  PartReader& operator=(const PartReader&) = delete;

  // Folds the texts of location `loc` and joins the distinct folds with spaces (a text that
  // differs only in script or diacritics from an earlier one adds nothing, so it does not
  // inflate the term frequencies bm25 sees). Locations are asked for in id order.
  std::string Folded(std::string_view loc) {
    std::string out;
    std::unordered_set<std::string> seen;
    while (more_ && st_.TextView(0) < loc) more_ = st_.Step();
    while (more_ && st_.TextView(0) == loc) {
      if (!st_.IsNull(1)) {
        std::string folded = directory::Fold(st_.TextView(1));
        if (!folded.empty() && seen.insert(folded).second) {
          if (!out.empty()) out += ' ';
          out += folded;
        }
      }
      more_ = st_.Step();
    }
    return out;
  }

 private:
  Statement& st_;
  bool more_;
};

// Writes the search documents of the library locations `lib` selects (kBatchLibraries or
// kOrganizationLibraries, its parameters bound by `bind`), in location id order. Returns each
// document's folded text (names, places and body), by location id.
std::vector<std::pair<std::string, std::string>> WriteDocuments(
    Connection& c, std::string_view lib, const std::function<void(Statement&)>& bind) {
  const std::string with = "WITH " + std::string(lib);
  Statement& locations = c.Cached(with + " SELECT loc FROM lib ORDER BY loc");
  Statement& names = c.Cached(with + std::string(kNames));
  Statement& places = c.Cached(with + std::string(kPlaces));
  Statement& body = c.Cached(with + std::string(kBodyParts));
  std::vector<std::pair<std::string, std::string>> written;
  bind(locations);
  while (locations.Step()) written.emplace_back(locations.Text(0), "");
  locations.Reset();
  for (Statement* st : {&names, &places, &body}) bind(*st);
  PartReader n(names), p(places), b(body);
  RowBatch insert(c, kInsertDocuments, "(#, #, #, 'location', #)");
  for (auto& [loc, text] : written) {
    std::string name_text = n.Folded(loc), place_text = p.Folded(loc), body_text = b.Folded(loc);
    text = name_text + " " + place_text + " " + body_text;
    insert.Add({std::move(name_text), std::move(place_text), std::move(body_text), loc});
  }
  insert.Flush();
  return written;
}

// ---- searching ----

constexpr size_t kMaxQueryBytes = 1000;
constexpr size_t kMaxQueryWords = 8;
constexpr size_t kMaxTypoCandidates = 16;
constexpr int kMinTypoLength = 5;

// Relevance, lower is better: bm25 with names x10, places x5, body x1 (SQLite), or PostgreSQL's
// ts_rank with the same weights on the A, B and C parts of the document, negated.
std::string Rank(Dialect d) {
  return d == Dialect::kPostgres
             ? "-ts_rank('{0, 0.1, 0.5, 1.0}', search_document.document, CAST(?1 AS tsquery))"
             : "bm25(search_document, 10.0, 5.0, 1.0)";
}

std::string SearchSql(Dialect d) {
  return "SELECT o.slug, " + Rank(d) +
         ", search_document.names, search_document.places, search_document.body "
         "FROM search_document "
         "JOIN location l ON l.id = search_document.entity_id "
         "JOIN organization o ON o.id = l.organization_id "
         "WHERE " + MatchCondition(d, "search_document", "?1") +
         " AND search_document.entity = 'location' AND o.kind = 'library' ORDER BY 2, 1";
}

// What one query word may match.
struct Clause {
  std::string word;
  bool prefix = false;                   // the last word: also any word starting with it
  std::vector<std::string> corrections;  // when non-empty: these words instead (typo)

  bool Accepts(std::string_view term) const {
    if (!corrections.empty()) {
      return std::find(corrections.begin(), corrections.end(), term) != corrections.end();
    }
    return prefix ? term.starts_with(word) : term == word;
  }
};

int CodePointLength(std::string_view s) {
  return static_cast<int>(
      std::count_if(s.begin(), s.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
}

bool InVocabulary(Connection& c, const std::string& word, bool prefix) {
  if (!prefix) {
    Statement& st = c.Cached("SELECT 1 FROM search_term WHERE term = ?1");
    st.Bind(1, word);
    const bool found = st.Step();
    st.Reset();
    return found;
  }
  // The smallest term >= word starts with word if any term does.
  Statement& st = c.Cached("SELECT term FROM search_term WHERE term >= ?1 ORDER BY term LIMIT 1");
  st.Bind(1, word);
  const bool found = st.Step() && st.TextView(0).starts_with(word);
  st.Reset();
  return found;
}

// Vocabulary words within the allowed edit distance of `word`, closest and most common first.
// For the last word (prefix) a word also qualifies when one of its beginnings is that close,
// so a misspelt half-typed word still finds its completions.
std::vector<std::string> TypoCandidates(Connection& c, const std::string& word, bool prefix) {
  const int n = CodePointLength(word);
  const int max = n >= 8 ? 2 : 1;
  Statement& st =
      c.Cached("SELECT term, documents FROM search_term WHERE length BETWEEN ?1 AND ?2");
  st.Bind(1, n - max).Bind(2, prefix ? int64_t{1} << 30 : int64_t{n + max});
  std::vector<std::tuple<int, int64_t, std::string>> found;  // distance, -documents, term
  while (st.Step()) {
    const std::string_view term = st.TextView(0);
    const int d = prefix ? directory::PrefixEditDistance(word, term, max)
                         : directory::EditDistance(word, term, max);
    if (d <= max) found.emplace_back(d, -st.Int(1), std::string(term));
  }
  st.Reset();
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& [d, docs, term] : found) {
    if (out.size() == kMaxTypoCandidates) break;
    out.push_back(std::move(term));
  }
  return out;
}


std::string MatchExpression(Dialect d, const std::vector<Clause>& clauses) {
  std::vector<std::vector<MatchWord>> all;
  for (const Clause& clause : clauses) {
    std::vector<MatchWord>& any = all.emplace_back();
    if (!clause.corrections.empty()) {
      for (const std::string& word : clause.corrections) any.push_back({word, false});
    } else {
      any.push_back({clause.word, clause.prefix});
    }
  }
  return MatchQuery(d, all);
}

// The query as clauses, or nothing when some word cannot match any document.
std::optional<std::vector<Clause>> Plan(Connection& c, std::string_view query) {
  std::vector<std::string> words =
      directory::Tokens(directory::Fold(query.substr(0, std::min(query.size(), kMaxQueryBytes))));
  if (words.empty()) return std::nullopt;
  if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
  std::vector<Clause> clauses;
  for (size_t i = 0; i < words.size(); ++i) {
    Clause clause{std::move(words[i]), i + 1 == words.size(), {}};
    if (!InVocabulary(c, clause.word, clause.prefix)) {
      if (CodePointLength(clause.word) < kMinTypoLength) return std::nullopt;
      clause.corrections = TypoCandidates(c, clause.word, clause.prefix);
      if (clause.corrections.empty()) return std::nullopt;
    }
    clauses.push_back(std::move(clause));
  }
  return clauses;
}

// For each clause, the first word of the document's folded text that it accepts.
std::vector<std::string> MatchedTerms(const std::vector<Clause>& clauses, std::string_view text) {
  std::vector<std::string> out;
  for (const Clause& clause : clauses) {
    std::string_view found = clause.word;  // not reached: FTS5 matched every clause
    for (size_t start = 0; start < text.size();) {
      size_t end = std::min(text.find(' ', start), text.size());
      if (end > start && clause.Accepts(text.substr(start, end - start))) {
        found = text.substr(start, end - start);
        break;
      }
      start = end + 1;
    }
    out.emplace_back(found);
  }
  return out;
}

}  // namespace

void ReindexOrganization(Connection& c, std::string_view organization_id) {
  // The words of the organisation's documents before and after: only their vocabulary rows
  // (search_term) can change.
  std::set<std::string> words;
  auto collect = [&](std::string_view folded) {
    for (std::string& w : directory::Tokens(folded)) words.insert(std::move(w));
  };
  {
    Statement& old = c.Cached(
        "SELECT names || ' ' || places || ' ' || body FROM search_document WHERE entity = "
        "'location' AND entity_id IN (SELECT id FROM location WHERE organization_id = ?1)");
    old.Bind(1, organization_id);
    while (old.Step()) collect(old.TextView(0));
    old.Reset();
  }
  c.Cached("DELETE FROM search_document WHERE entity = 'location' AND entity_id IN "
           "(SELECT id FROM location WHERE organization_id = ?1)")
      .Bind(1, organization_id).Run();
  for (const auto& [location, text] :
       WriteDocuments(c, kOrganizationLibraries,
                      [&](Statement& st) { st.Bind(1, organization_id); })) {
    collect(text);
  }
  // How many documents hold the word: FTS5's vocabulary, or the GIN index on PostgreSQL (its
  // vocabulary view, ts_stat, reads every document).
  Statement& count = c.Cached(
      c.IsPostgres() ? "SELECT count(*) FROM search_document WHERE " +
                           MatchCondition(c.dialect(), "search_document", "?1") +
                           " HAVING count(*) > 0"
                     : std::string("SELECT doc FROM search_document_terms WHERE term = ?1"));
  Statement& upsert = c.Cached(
      "INSERT INTO search_term (term, length, documents) VALUES (?1, length(?1), ?2) "
      "ON CONFLICT (term) DO UPDATE SET documents = excluded.documents");
  Statement& remove = c.Cached("DELETE FROM search_term WHERE term = ?1");
  for (const std::string& w : words) {
    count.Bind(1, c.IsPostgres() ? QuoteTsWord(w) : w);
    if (count.Step()) {
      upsert.Bind(1, w).Bind(2, count.Int(0)).Run();
      upsert.Reset();
    } else {
      remove.Bind(1, w).Run();
      remove.Reset();
    }
    count.Reset();
  }
  c.Exec("UPDATE directory_version SET version = version + 1 WHERE id = 1");
  UpdateServiceIndexOf(c, organization_id);
}

void RebuildLibraryIndex(Connection& c) {
  // PostgreSQL plans from table statistics, which an import or a restore in this same
  // transaction has made stale (a table of ten rows now holds ten thousand): with them it
  // would scan instead of looking up by key, once per library row of a batch. Refreshed
  // first; SQLite's planner does not use them.
  if (c.IsPostgres()) {
    c.Exec("ANALYZE organization, location, service, service_at_location, attribute, "
           "translation, address, place, place_name");
  }
  c.Exec(kDeleteLibraryDocuments);
  std::string last;  // below every id
  for (;;) {
    const auto written = WriteDocuments(c, kBatchLibraries, [&](Statement& st) {
      st.Bind(1, last).Bind(2, kBatch);
    });
    if (written.empty()) break;
    last = written.back().first;
  }
  c.Exec(kRefreshTerms);
  OptimizeTextIndex(c, "search_document");
  // The in-memory search snapshots of every node follow this number (search_snapshot.h).
  c.Exec("UPDATE directory_version SET version = version + 1 WHERE id = 1");
  RebuildServiceIndex(c);  // the HSDS API search (service_index.h)
}

std::vector<SearchHit> SearchLibraries(Connection& c, std::string_view query, size_t limit) {
  if (limit == 0) return {};
  const std::optional<std::vector<Clause>> clauses = Plan(c, query);
  if (!clauses) return {};
  Statement& st = c.Cached(SearchSql(c.dialect()));
  st.Bind(1, MatchExpression(c.dialect(), *clauses));
  std::vector<SearchHit> hits;
  std::set<std::string, std::less<>> seen;
  while (hits.size() < limit && st.Step()) {
    std::string slug = st.Text(0);
    if (seen.contains(slug)) continue;  // another location of a library already listed
    seen.insert(slug);
    const std::string text = st.Text(2) + ' ' + st.Text(3) + ' ' + st.Text(4);
    hits.push_back({std::move(slug), -st.Double(1), MatchedTerms(*clauses, text)});
  }
  st.Reset();
  return hits;
}

namespace {

// How many documents the clause can match at most, from the vocabulary's counts.
int64_t DocumentsOf(Connection& c, const Clause& clause) {
  int64_t n = 0;
  if (!clause.corrections.empty()) {
    Statement& st = c.Cached("SELECT documents FROM search_term WHERE term = ?1");
    for (const auto& word : clause.corrections) {
      st.Bind(1, word);
      if (st.Step()) n += st.Int(0);
      st.Reset();
    }
    return n;
  }
  if (!clause.prefix) {
    Statement& st = c.Cached("SELECT documents FROM search_term WHERE term = ?1");
    st.Bind(1, clause.word);
    if (st.Step()) n = st.Int(0);
    st.Reset();
    return n;
  }
  // A prefix: the terms that start with it, counted until the limit is certainly passed.
  Statement& st = c.Cached(
      "SELECT documents FROM search_term WHERE term >= ?1 ORDER BY term LIMIT 500");
  st.Bind(1, clause.word);
  while (st.Step() && st.TextView(0).starts_with(clause.word) && n <= kRankedMatchLimit) {
    n += st.Int(0);
  }
  st.Reset();
  return n;
}

}  // namespace

TextMatches MatchingLibraries(Connection& c, std::string_view query, size_t limit) {
  TextMatches out;
  const std::optional<std::vector<Clause>> clauses = Plan(c, query);
  if (!clauses || limit == 0) return out;
  int64_t rarest = INT64_MAX;
  for (const Clause& clause : *clauses) rarest = std::min(rarest, DocumentsOf(c, clause));
  out.ranked = rarest <= kRankedMatchLimit;
  const std::string matching = "SELECT rowid FROM search_document WHERE " +
                               MatchCondition(c.dialect(), "search_document", "?1");
  Statement& st =
      c.Cached(out.ranked ? matching + " ORDER BY " + Rank(c.dialect()) + ", rowid" : matching);
  st.Bind(1, MatchExpression(c.dialect(), *clauses));
  while (out.documents.size() < limit && st.Step()) out.documents.push_back(st.Int(0));
  st.Reset();
  return out;
}

std::vector<std::vector<std::string>> MatchedWords(Connection& c, std::string_view query,
                                                   const std::vector<int64_t>& documents) {
  std::vector<std::vector<std::string>> out(documents.size());
  const std::optional<std::vector<Clause>> clauses = Plan(c, query);
  if (!clauses) return out;
  Statement& st = c.Cached(
      "SELECT names || ' ' || places || ' ' || body FROM search_document WHERE rowid = ?1");
  for (size_t i = 0; i < documents.size(); ++i) {
    st.Bind(1, documents[i]);
    if (st.Step()) out[i] = MatchedTerms(*clauses, st.TextView(0));
    st.Reset();
  }
  return out;
}

bool RebuildLibraryIndexIfEmpty(Connection& c) {
  Statement& st = c.Cached(
      "SELECT EXISTS (SELECT 1 FROM location l JOIN organization o ON o.id = l.organization_id "
      "WHERE o.kind = 'library') AND NOT EXISTS (SELECT 1 FROM search_document)");
  st.Step();
  bool rebuild = st.Int(0) != 0;
  st.Reset();
  if (rebuild) RebuildLibraryIndex(c);
  return rebuild;
}

}  // namespace tilti::store
