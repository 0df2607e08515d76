#include "store/search_queries.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>
#include <utility>

#include "core/riga_time.h"
#include "directory/folding.h"
#include "store/directory_queries.h"
#include "store/hours_queries.h"
#include "store/localized_sql.h"
#include "store/library_finder.h"
#include "store/search_index.h"
#include "store/search_snapshot.h"

namespace tilti::store {
namespace {

// Gazetteer names whose length differs from the folded query's by more than this cannot fold
// to it (folding changes a name's length by a letter or two: я -> ja, ь -> nothing).
constexpr int kPlaceLengthSlack = 4;



struct PlaceRow {
  int64_t id;
  std::string folded;
  bool is_town;
  int64_t population;
};

// Every name (Latvian and translated) of a place of about the length of `folded`, folded.
std::vector<PlaceRow> PlaceNamesNear(Connection& c, std::string_view folded) {
  Statement& st = c.Cached(
      "SELECT p.id, p.name, p.is_town, coalesce(p.population, 0) FROM place p "
      "WHERE length(p.name) BETWEEN ?1 AND ?2 "
      "UNION ALL SELECT p.id, pn.name, p.is_town, coalesce(p.population, 0) FROM place_name pn "
      "JOIN place p ON p.id = pn.place_id WHERE length(pn.name) BETWEEN ?1 AND ?2");
  int64_t n = 0;
  for (unsigned char ch : folded) n += (ch & 0xC0) != 0x80;
  st.Bind(1, n - kPlaceLengthSlack).Bind(2, n + kPlaceLengthSlack);
  std::vector<PlaceRow> out;
  while (st.Step()) {
    out.push_back({st.Int(0), directory::Fold(st.TextView(1)), st.Int(2) != 0, st.Int(3)});
  }
  return out;
}

bool BetterPlace(const PlaceRow& a, const PlaceRow& b) {
  if (a.is_town != b.is_town) return a.is_town;
  if (a.population != b.population) return a.population > b.population;
  return a.id < b.id;
}

PlaceMatch ReadPlace(Connection& c, const LocaleChain& chain, int64_t id) {
  static const std::string sql =
      "SELECT p.id, coalesce((SELECT pn.name || '\x1f' || pn.locale FROM place_name pn "
      "WHERE pn.place_id = p.id AND pn.locale IN (?1, ?2, ?3) ORDER BY CASE pn.locale WHEN ?1 "
      "THEN 0 WHEN ?2 THEN 1 ELSE 2 END LIMIT 1), p.name || '\x1f' || 'lv'), p.latitude, "
      "p.longitude FROM place p WHERE p.id = ?4";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, id);
  PlaceMatch m;
  if (st.Step()) m = {st.Int(0), SplitLocalized(st.TextView(1)), st.Double(2), st.Double(3)};
  st.Reset();
  return m;
}

int TypoBudget(std::string_view word) {
  size_t n = 0;
  for (unsigned char ch : word) n += (ch & 0xC0) != 0x80;
  return n <= 4 ? 1 : n <= 7 ? 2 : 3;
}

}  // namespace


std::optional<PlaceMatch> FindPlace(Connection& c, const LocaleChain& chain,
                                    std::string_view name) {
  std::string folded = directory::Fold(name);
  if (folded.empty()) return std::nullopt;
  std::optional<PlaceRow> best;
  for (auto& row : PlaceNamesNear(c, folded)) {
    if (row.folded == folded && (!best || BetterPlace(row, *best))) best = std::move(row);
  }
  if (!best) return std::nullopt;
  return ReadPlace(c, chain, best->id);
}

std::vector<PlaceMatch> SimilarPlaces(Connection& c, const LocaleChain& chain,
                                      std::string_view name, size_t limit) {
  std::string folded = directory::Fold(name);
  if (folded.empty()) return {};
  constexpr int kMax = 3;
  std::map<int64_t, std::pair<int, PlaceRow>> nearest;  // place id -> (distance, row)
  for (auto& row : PlaceNamesNear(c, folded)) {
    int d = directory::EditDistance(folded, row.folded, kMax);
    if (d > kMax) continue;
    auto it = nearest.find(row.id);
    if (it == nearest.end() || d < it->second.first) nearest[row.id] = {d, std::move(row)};
  }
  std::vector<std::pair<int, PlaceRow>> ranked;
  for (auto& [id, v] : nearest) ranked.push_back(std::move(v));
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return BetterPlace(a.second, b.second);
  });
  // Places of the same name (a town and its GeoNames twin) are offered once.
  std::vector<PlaceMatch> out;
  for (size_t i = 0; i < ranked.size() && out.size() < limit; ++i) {
    auto place = ReadPlace(c, chain, ranked[i].second.id);
    if (std::none_of(out.begin(), out.end(),
                     [&](const PlaceMatch& p) { return p.name.text == place.name.text; })) {
      out.push_back(std::move(place));
    }
  }
  return out;
}

std::string DidYouMean(Connection& c, std::string_view query) {
  auto words = directory::Tokens(directory::Fold(query));
  if (words.empty()) return "";
  bool changed = false;
  for (auto& word : words) {
    Statement& known = c.Cached("SELECT 1 FROM search_term WHERE term = ?1");
    known.Bind(1, word);
    bool in_vocabulary = known.Step();
    known.Reset();
    if (in_vocabulary) continue;
    int budget = TypoBudget(word);
    int64_t n = 0;
    for (unsigned char ch : word) n += (ch & 0xC0) != 0x80;
    Statement& st = c.Cached(
        "SELECT term, documents FROM search_term WHERE length BETWEEN ?1 AND ?2 ORDER BY term");
    st.Bind(1, n - budget).Bind(2, n + budget);
    std::string best;
    int best_distance = budget + 1;
    int64_t best_documents = -1;
    while (st.Step()) {
      std::string_view term = st.TextView(0);
      int d = directory::EditDistance(word, term, budget);
      int64_t docs = st.Int(1);
      if (d < best_distance || (d == best_distance && d <= budget && docs > best_documents)) {
        best = std::string(term);
        best_distance = d;
        best_documents = docs;
      }
    }
    if (best_distance <= budget) {
      word = best;
      changed = true;
    }
  }
  if (!changed) return "";
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  if (SearchLibraries(c, out, 1).empty()) return "";
  return out;
}

SearchFilterOptions LoadFilterOptions(Connection& c, const LocaleChain& chain) {
  auto snapshot = SearchSnapshot::Build(c, {});
  return FilterOptionsOf(c, *snapshot, chain);
}

LibrarySearchResults SearchDirectory(Connection& c, const LocaleChain& chain,
                                     const directory::SearchFilters& filters, SysTime now,
                                     const directory::TextLess& less) {
  const std::string locale = chain.empty() ? "lv" : chain.front();
  auto snapshot = SearchSnapshot::Build(c, {NameOrder{locale, chain, less}});
  return FindLibraries(c, *snapshot, chain, locale, filters, now);
}

}  // namespace tilti::store
