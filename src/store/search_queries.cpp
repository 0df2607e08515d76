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
#include "store/search_index.h"

namespace tilti::store {
namespace {

// At most this many text hits feed the filters; more than the directory will ever hold.
constexpr size_t kMaxTextHits = 5000;
// Gazetteer names whose length differs from the folded query's by more than this cannot fold
// to it (folding changes a name's length by a letter or two: я -> ja, ь -> nothing).
constexpr int kPlaceLengthSlack = 4;

std::string JsonList(const std::vector<std::string>& values) {
  boost::json::array list;
  for (const auto& v : values) list.emplace_back(v);
  return boost::json::serialize(list);
}

std::vector<FilterOption> TermOptions(Connection& c, const LocaleChain& chain,
                                      std::string_view taxonomy_code) {
  static const std::string sql =
      "SELECT tt.code, " + BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
      " FROM taxonomy_term tt JOIN taxonomy tx ON tx.id = tt.taxonomy_id WHERE tx.code = ?4 "
      "ORDER BY tt.position, tt.code";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, taxonomy_code);
  std::vector<FilterOption> out;
  while (st.Step()) out.push_back({st.Text(0), SplitLocalized(st.TextView(1))});
  return out;
}

// Keeps the values that are codes of `options`.
void KeepKnown(std::vector<std::string>& values, const std::vector<FilterOption>& options) {
  std::erase_if(values, [&](const std::string& v) {
    return std::none_of(options.begin(), options.end(),
                        [&](const FilterOption& o) { return o.code == v; });
  });
}

// SQL that is true when the library (o, l) has every term of taxonomy `taxonomy` whose codes
// are the JSON list bound at `param`: on one of its active services (run by the organization
// or offered at the location), on the location or on the organization.
std::string HasAllTerms(std::string_view taxonomy, std::string_view param) {
  std::string p(param);
  return "(SELECT count(DISTINCT tt.code) FROM attribute a "
         "JOIN taxonomy_term tt ON tt.id = a.taxonomy_term_id "
         "JOIN taxonomy tx ON tx.id = tt.taxonomy_id WHERE tx.code = '" +
         std::string(taxonomy) + "' AND tt.code IN (SELECT value FROM json_each(" + p +
         ")) AND ("
         "(a.link_entity = 'service' AND a.link_id IN (SELECT s.id FROM service s "
         "WHERE s.status = 'active' AND (s.organization_id = o.id OR s.id IN (SELECT "
         "sal.service_id FROM service_at_location sal WHERE sal.location_id = l.id)))) "
         "OR (a.link_entity = 'location' AND a.link_id = l.id) "
         "OR (a.link_entity = 'organization' AND a.link_id = o.id))) = json_array_length(" +
         p + ")";
}

struct Candidate {
  std::string slug;
  std::string location_id;
  std::optional<double> latitude, longitude;
};

// Libraries (one row per location) passing the taxonomy, language and municipality filters.
std::vector<Candidate> FilteredLibraries(Connection& c, const directory::SearchFilters& f) {
  static const std::string sql =
      "SELECT o.slug, l.id, l.latitude, l.longitude FROM organization o "
      "JOIN location l ON l.organization_id = o.id WHERE o.kind = 'library' "
      "AND (json_array_length(?1) = 0 OR " +
      HasAllTerms("service-type", "?1") +
      ") "
      "AND (json_array_length(?2) = 0 OR " +
      HasAllTerms("target-group", "?2") +
      ") "
      "AND (json_array_length(?3) = 0 OR " +
      HasAllTerms("accessibility", "?3") +
      ") "
      "AND (json_array_length(?4) = 0 OR (SELECT count(DISTINCT lg.code) FROM language lg "
      "WHERE lg.code IN (SELECT value FROM json_each(?4)) AND (lg.location_id = l.id OR "
      "lg.service_id IN (SELECT s.id FROM service s WHERE s.status = 'active' AND "
      "(s.organization_id = o.id OR s.id IN (SELECT sal.service_id FROM service_at_location "
      "sal WHERE sal.location_id = l.id))))) = json_array_length(?4)) "
      "AND (json_array_length(?5) = 0 OR l.municipality_id IN (SELECT value FROM json_each(?5))) "
      "ORDER BY o.slug, l.id";
  Statement& st = c.Cached(sql);
  st.Bind(1, JsonList(f.services))
      .Bind(2, JsonList(f.audiences))
      .Bind(3, JsonList(f.access))
      .Bind(4, JsonList(f.languages))
      .Bind(5, JsonList(f.municipalities));
  std::vector<Candidate> out;
  while (st.Step()) out.push_back({st.Text(0), st.Text(1), st.OptDouble(2), st.OptDouble(3)});
  return out;
}

// Ids of the locations inside the box (the R*Tree of migration 0005).
std::set<std::string> LocationsInBox(Connection& c, const directory::GeoBox& box) {
  Statement& st = c.Cached(
      "SELECT k.location_id FROM location_geo g JOIN location_geo_key k ON k.id = g.id "
      "WHERE g.max_lat >= ?1 AND g.min_lat <= ?2 AND g.max_lon >= ?3 AND g.min_lon <= ?4");
  st.Bind(1, box.min_lat).Bind(2, box.max_lat).Bind(3, box.min_lon).Bind(4, box.max_lon);
  std::set<std::string> out;
  while (st.Step()) out.insert(st.Text(0));
  return out;
}

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
      "SELECT p.id, coalesce((SELECT pn.name || char(31) || pn.locale FROM place_name pn "
      "WHERE pn.place_id = p.id AND pn.locale IN (?1, ?2, ?3) ORDER BY CASE pn.locale WHEN ?1 "
      "THEN 0 WHEN ?2 THEN 1 ELSE 2 END LIMIT 1), p.name || char(31) || 'lv'), p.latitude, "
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

SearchFilterOptions LoadFilterOptions(Connection& c, const LocaleChain& chain) {
  SearchFilterOptions o;
  o.services = TermOptions(c, chain, "service-type");
  o.audiences = TermOptions(c, chain, "target-group");
  o.access = TermOptions(c, chain, "accessibility");
  {
    Statement& st = c.Cached(
        "SELECT code, coalesce(max(name), code) FROM language GROUP BY code ORDER BY code");
    while (st.Step()) o.languages.push_back({st.Text(0), {st.Text(1), ""}});
  }
  static const std::string sql =
      "SELECT m.id, " + BestText("municipality", "m.id", "name", "m.name", "'lv'") +
      " FROM municipality m WHERE m.id IN (SELECT l.municipality_id FROM location l JOIN "
      "organization o ON o.id = l.organization_id WHERE o.kind = 'library') ORDER BY m.id";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  while (st.Step()) o.municipalities.push_back({st.Text(0), SplitLocalized(st.TextView(1))});
  return o;
}

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

LibrarySearchResults SearchDirectory(Connection& c, const LocaleChain& chain,
                                     const directory::SearchFilters& filters, SysTime now,
                                     const directory::TextLess& less) {
  LibrarySearchResults r;
  r.options = LoadFilterOptions(c, chain);
  r.filters = filters;
  directory::SearchFilters& f = r.filters;
  KeepKnown(f.services, r.options.services);
  KeepKnown(f.audiences, r.options.audiences);
  KeepKnown(f.access, r.options.access);
  KeepKnown(f.languages, r.options.languages);
  KeepKnown(f.municipalities, r.options.municipalities);

  // Where "near" is, if anywhere.
  std::optional<std::pair<double, double>> origin;
  if (f.lat && f.lon) {
    origin = {*f.lat, *f.lon};
  } else if (!f.near.empty()) {
    r.place = FindPlace(c, chain, f.near);
    if (r.place) {
      origin = {r.place->latitude, r.place->longitude};
    } else {
      r.place_not_found = true;
      r.place_suggestions = SimilarPlaces(c, chain, f.near, 5);
    }
  }

  struct Row {
    Candidate candidate;
    std::optional<double> distance_km;
    size_t text_rank = 0;
    std::vector<std::string> matched_words;
  };
  std::vector<Row> rows;
  for (auto& cand : FilteredLibraries(c, f)) rows.push_back({std::move(cand), {}, 0, {}});

  if (!f.query.empty()) {
    std::map<std::string, std::pair<size_t, std::vector<std::string>>> hits;  // slug -> rank
    size_t rank = 0;
    for (auto& hit : SearchLibraries(c, f.query, kMaxTextHits)) {
      hits.emplace(std::move(hit.organization_slug),
                   std::pair{rank++, std::move(hit.matched_terms)});
    }
    std::erase_if(rows, [&](Row& row) {
      auto it = hits.find(row.candidate.slug);
      if (it == hits.end()) return true;
      row.text_rank = it->second.first;
      row.matched_words = it->second.second;
      return false;
    });
  }

  if (r.place_not_found) rows.clear();
  if (origin) {
    auto box = directory::BoundingBox(origin->first, origin->second, f.radius_km);
    auto inside = LocationsInBox(c, box);
    std::erase_if(rows, [&](Row& row) {
      const Candidate& cand = row.candidate;
      if (!inside.contains(cand.location_id) || !cand.latitude || !cand.longitude) return true;
      row.distance_km =
          directory::HaversineKm(origin->first, origin->second, *cand.latitude, *cand.longitude);
      return *row.distance_km > f.radius_km;
    });
  }

  if (f.open_now) {
    // Each library in its own time zone: StatusAt reads `now` on the library's clock, so a
    // London library open 09:00–17:00 is open at 11:30 Riga time (09:30 in London).
    auto today = RigaDate(now);
    TimeZoneCache zones;
    std::erase_if(rows, [&](const Row& row) {
      auto hours = HoursOfLocation(c, row.candidate.location_id, today, &zones);
      return !hours || !hours->StatusAt(now).open;
    });
  }

  // One row per library: its nearest location.
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.candidate.slug != b.candidate.slug) return a.candidate.slug < b.candidate.slug;
    return a.distance_km.value_or(0) < b.distance_km.value_or(0);
  });
  rows.erase(
      std::unique(rows.begin(), rows.end(),
                  [](const Row& a, const Row& b) { return a.candidate.slug == b.candidate.slug; }),
      rows.end());

  std::vector<std::string> slugs;
  for (const auto& row : rows) slugs.push_back(row.candidate.slug);
  std::map<std::string, directory::LibrarySummary> summaries;
  for (auto& s : LibrariesBySlugs(c, chain, slugs)) summaries.emplace(s.slug, std::move(s));
  std::erase_if(rows, [&](const Row& row) { return !summaries.contains(row.candidate.slug); });

  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (origin && *a.distance_km != *b.distance_km) return *a.distance_km < *b.distance_km;
    if (!f.query.empty() && a.text_rank != b.text_rank) return a.text_rank < b.text_rank;
    const auto& na = summaries.at(a.candidate.slug).name.text;
    const auto& nb = summaries.at(b.candidate.slug).name.text;
    if (less(na, nb)) return true;
    if (less(nb, na)) return false;
    return a.candidate.slug < b.candidate.slug;
  });

  std::vector<LocalizedText> matched_terms;
  auto add_names = [&](const std::vector<std::string>& codes,
                       const std::vector<FilterOption>& options) {
    for (const auto& o : options) {
      if (std::find(codes.begin(), codes.end(), o.code) != codes.end()) {
        matched_terms.push_back(o.name);
      }
    }
  };
  add_names(f.services, r.options.services);
  add_names(f.audiences, r.options.audiences);
  add_names(f.access, r.options.access);

  r.total = rows.size();
  r.pagination = directory::Paginate(r.total, f.page);
  for (size_t i = r.pagination.offset; i < r.pagination.offset + r.pagination.count; ++i) {
    Row& row = rows[i];
    r.results.push_back({std::move(summaries.at(row.candidate.slug)), row.distance_km,
                         matched_terms, std::move(row.matched_words)});
  }
  if (r.total == 0 && !f.query.empty()) r.did_you_mean = DidYouMean(c, f.query);
  return r;
}

}  // namespace tilti::store
