#include "store/library_finder.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/riga_time.h"
#include "core/time_zone.h"
#include "directory/folding.h"
#include "directory/holidays.h"
#include "store/directory_queries.h"
#include "store/hours_queries.h"
#include "store/localized_sql.h"
#include "store/search_index.h"

namespace tilti::store {
namespace {


std::vector<FilterOption> TermOptionsOf(Connection& c, const LocaleChain& chain,
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

// What the filter form offers (see SearchFilterOptions), with the languages and municipalities
// that have libraries taken from the snapshot instead of scanning the directory.
}  // namespace

SearchFilterOptions FilterOptionsOf(Connection& c, const SearchSnapshot& s,
                                    const LocaleChain& chain) {
  SearchFilterOptions o;
  o.services = TermOptionsOf(c, chain, "service-type");
  o.audiences = TermOptionsOf(c, chain, "target-group");
  o.access = TermOptionsOf(c, chain, "accessibility");
  for (const std::string& code : s.language_codes()) {
    Statement& st = c.Cached("SELECT max(name) FROM language WHERE code = ?1");
    st.Bind(1, code);
    std::string name = st.Step() && !st.IsNull(0) ? st.Text(0) : code;
    st.Reset();
    o.languages.push_back({code, {name, ""}});
  }
  static const std::string sql =
      "SELECT m.id, " + BestText("municipality", "m.id", "name", "m.name", "'lv'") +
      " FROM municipality m ORDER BY m.id";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  const auto& with_libraries = s.municipalities();
  while (st.Step()) {
    std::string id = st.Text(0);
    if (std::binary_search(with_libraries.begin(), with_libraries.end(), id)) {
      o.municipalities.push_back({std::move(id), SplitLocalized(st.TextView(1))});
    }
  }
  return o;
}

namespace {

void KeepKnownCodes(std::vector<std::string>& values, const std::vector<FilterOption>& options) {
  std::erase_if(values, [&](const std::string& v) {
    return std::none_of(options.begin(), options.end(),
                        [&](const FilterOption& o) { return o.code == v; });
  });
}

// The place `near` names: of the places whose name folds to the same text, towns first, then
// the larger population.
std::optional<PlaceMatch> FindNamedPlace(Connection& c, const SearchSnapshot& s,
                                         const LocaleChain& chain, std::string_view near) {
  const auto* ids = s.PlacesNamed(directory::Fold(near));
  if (!ids) return std::nullopt;
  static const std::string sql =
      "SELECT p.id, " + BestPlaceName("p") +
      ", p.latitude, p.longitude, p.is_town, coalesce(p.population, 0) FROM place p "
      "WHERE p.id = ?4";
  std::optional<PlaceMatch> best;
  std::pair<int64_t, int64_t> best_key{-1, -1};
  for (int64_t id : *ids) {
    Statement& st = c.Cached(sql);
    BindChain(st, chain);
    st.Bind(4, id);
    if (st.Step()) {
      std::pair<int64_t, int64_t> key{st.Int(4), st.Int(5)};
      if (!best || key > best_key) {
        best = PlaceMatch{st.Int(0), SplitLocalized(st.TextView(1)), st.Double(2), st.Double(3)};
        best_key = key;
      }
    }
    st.Reset();
  }
  return best;
}

bool HasAll(const std::vector<uint32_t>& have, const std::vector<uint32_t>& want) {
  for (uint32_t w : want) {
    if (!std::binary_search(have.begin(), have.end(), w)) return false;
  }
  return true;
}

// Ids of the wanted codes; nullopt when one is unknown to the snapshot (no library has it).
template <typename Lookup>
std::optional<std::vector<uint32_t>> IdsOf(const std::vector<std::string>& codes, Lookup lookup) {
  std::vector<uint32_t> ids;
  for (const auto& code : codes) {
    auto id = lookup(code);
    if (!id) return std::nullopt;
    ids.push_back(*id);
  }
  return ids;
}

// Whether the library is open at `now`, on its own wall clock. A timetable without dates is
// answered from the snapshot, each time zone's local time computed once; the others (validity
// dates, dated exceptions, another holiday calendar) by store/hours_queries.
class OpenNow {
 public:
  OpenNow(Connection& c, const SearchSnapshot& s, SysTime now)
      : c_(c), s_(s), now_(now), local_(s.zones().size()) {}

  bool operator()(const SnapshotLibrary& lib) {
    if (!lib.has_hours) return false;
    if (lib.dated) {
      auto hours = HoursOfLocation(c_, lib.location_id, RigaDate(now_), &zones_);
      return hours && hours->StatusAt(now_).open;
    }
    const std::optional<Local>& local = LocalOf(lib.zone);
    if (!local) return false;  // a zone nobody knows: hours unknown
    if (lib.latvian_holidays && local->latvian_holiday) return false;
    for (const auto& r : s_.weeks()[lib.week][local->weekday - 1]) {
      if (r.opens_min <= local->minute && local->minute < r.closes_min) return true;
    }
    return false;
  }

 private:
  struct Local {
    int weekday = 1;
    int minute = 0;
    bool latvian_holiday = false;
  };

  const std::optional<Local>& LocalOf(uint32_t zone) {
    auto& slot = local_[zone];
    if (!slot) {
      slot.emplace();
      if (auto tz = zones_.Get(s_.zones()[zone])) {
        CivilDateTime t = tz->ToLocal(now_);
        auto date = DateOf(t);
        slot->emplace(Local{IsoWeekday(date), t.hour * 60 + t.minute,
                            directory::LatvianPublicHolidays()(date).has_value() ||
                                s_.IsLatvianHolidayEntry(date)});
      }
    }
    return *slot;
  }

  Connection& c_;
  const SearchSnapshot& s_;
  SysTime now_;
  TimeZoneCache zones_;
  std::vector<std::optional<std::optional<Local>>> local_;  // per zone, computed on first use
};

// Whether the library is open at minute `minute` of local date `date`, on its own wall clock
// (a London library and a Riga one are both asked about the same 10:00, each its own). A
// timetable without dates is answered from the snapshot; the others by store/hours_queries.
class OpenAt {
 public:
  OpenAt(Connection& c, const SearchSnapshot& s, std::chrono::year_month_day date, int minute)
      : c_(c),
        s_(s),
        date_(date),
        minute_(minute),
        weekday_(IsoWeekday(date)),
        latvian_holiday_(directory::LatvianPublicHolidays()(date).has_value() ||
                         s.IsLatvianHolidayEntry(date)),
        known_zone_(s.zones().size()) {}

  bool operator()(const SnapshotLibrary& lib) {
    if (!lib.has_hours) return false;
    if (lib.dated) {
      auto hours = HoursOfLocation(c_, lib.location_id, date_, &zones_);
      if (!hours) return false;
      for (const auto& r : hours->Day(date_).periods) {
        if (r.opens_min <= minute_ && minute_ < r.closes_min) return true;
      }
      return false;
    }
    // A zone nobody knows: its hours are unknown (as HoursOfLocation and OpenNow say).
    auto& known = known_zone_[lib.zone];
    if (!known) known = s_.zones()[lib.zone] == "Europe/Riga" || zones_.Get(s_.zones()[lib.zone]);
    if (!*known) return false;
    if (lib.latvian_holidays && latvian_holiday_) return false;
    for (const auto& r : s_.weeks()[lib.week][weekday_ - 1]) {
      if (r.opens_min <= minute_ && minute_ < r.closes_min) return true;
    }
    return false;
  }

 private:
  Connection& c_;
  const SearchSnapshot& s_;
  std::chrono::year_month_day date_;
  int minute_;
  int weekday_;
  bool latvian_holiday_;
  TimeZoneCache zones_;
  std::vector<std::optional<bool>> known_zone_;
};

}  // namespace

LibrarySearchResults FindLibraries(Connection& c, const SearchSnapshot& s,
                                   const LocaleChain& chain, std::string_view locale,
                                   const directory::SearchFilters& filters, SysTime now) {
  LibrarySearchResults r;
  r.options = FilterOptionsOf(c, s, chain);
  r.filters = filters;
  directory::SearchFilters& f = r.filters;
  KeepKnownCodes(f.services, r.options.services);
  KeepKnownCodes(f.audiences, r.options.audiences);
  KeepKnownCodes(f.access, r.options.access);
  KeepKnownCodes(f.languages, r.options.languages);
  KeepKnownCodes(f.municipalities, r.options.municipalities);

  std::optional<std::pair<double, double>> origin;
  if (f.lat && f.lon) {
    origin = {*f.lat, *f.lon};
  } else if (!f.near.empty()) {
    r.place = FindNamedPlace(c, s, chain, f.near);
    if (r.place) {
      origin = {r.place->latitude, r.place->longitude};
    } else {
      r.place_not_found = true;
      r.place_suggestions = SimilarPlaces(c, chain, f.near, 5);
    }
  }

  // Every wanted term and language must be known: one no library has matches nothing.
  auto term_ids = [&]() -> std::optional<std::vector<uint32_t>> {
    std::vector<uint32_t> ids;
    for (const auto& [taxonomy, codes] :
         {std::pair{"service-type", &f.services}, std::pair{"target-group", &f.audiences},
          std::pair{"accessibility", &f.access}}) {
      for (const auto& code : *codes) {
        auto id = s.TermId(taxonomy, code);
        if (!id) return std::nullopt;
        ids.push_back(*id);
      }
    }
    return ids;
  }();
  auto language_ids = IdsOf(f.languages, [&](const std::string& code) { return s.LanguageId(code); });

  struct Row {
    uint32_t index;
    std::optional<double> distance_km;
    size_t text_rank = 0;
  };
  const auto& libs = s.libraries();
  const size_t order = s.OrderIndex(locale);
  std::optional<OpenNow> open_now;
  if (f.open_now) open_now.emplace(c, s, now);
  std::optional<OpenAt> open_at;
  if (f.open_date) open_at.emplace(c, s, *f.open_date, f.open_minute);
  // Everything but the text and the distance, which choose the candidates.
  auto passes = [&](const SnapshotLibrary& lib) {
    if (!HasAll(lib.terms, *term_ids) || !HasAll(lib.languages, *language_ids)) return false;
    if (!f.municipalities.empty() &&
        std::find(f.municipalities.begin(), f.municipalities.end(), lib.municipality_id) ==
            f.municipalities.end()) {
      return false;
    }
    return (!open_now || (*open_now)(lib)) && (!open_at || (*open_at)(lib));
  };

  std::vector<Row> rows;  // the page's rows, in order (all rows when `sorted` is false)
  bool ranked_text = false;
  if (!term_ids || !language_ids || r.place_not_found) {
    // a code no library has, or a place that does not exist: nothing matches
  } else if (f.query.empty() && !origin) {
    // The common case: every library in name order. One pass counts the total and keeps the
    // page's slice; each library once (its first location).
    r.pagination = directory::Paginate(SIZE_MAX, f.page);  // offset and count of the page
    const size_t offset = r.pagination.offset;
    const size_t per_page = r.pagination.count;
    std::vector<bool> seen(s.organization_count());
    size_t total = 0;
    for (uint32_t i : s.InNameOrder(order)) {
      const SnapshotLibrary& lib = libs[i];
      if (seen[lib.organization] || !passes(lib)) continue;
      seen[lib.organization] = true;
      if (total >= offset && total < offset + per_page) rows.push_back({i, {}, 0});
      ++total;
    }
    r.total = total;
  } else {
    if (!f.query.empty()) {
      auto matches = s.TextSearch(directory::Fold(f.query), [&] {
        return MatchingLibraries(c, f.query, SIZE_MAX);
      });
      ranked_text = matches->ranked;
      size_t rank = 0;
      for (int64_t document : matches->documents) {
        if (auto i = s.LibraryOfDocument(document)) rows.push_back({*i, {}, rank});
        ++rank;
      }
    } else {
      rows.reserve(libs.size());
      for (uint32_t i = 0; i < libs.size(); ++i) rows.push_back({i, {}, 0});
    }
    if (origin) {
      auto box = directory::BoundingBox(origin->first, origin->second, f.radius_km);
      std::erase_if(rows, [&](Row& row) {
        const SnapshotLibrary& lib = libs[row.index];
        if (!lib.latitude || !lib.longitude || *lib.latitude < box.min_lat ||
            *lib.latitude > box.max_lat || *lib.longitude < box.min_lon ||
            *lib.longitude > box.max_lon) {
          return true;
        }
        row.distance_km =
            directory::HaversineKm(origin->first, origin->second, *lib.latitude, *lib.longitude);
        return *row.distance_km > f.radius_km;
      });
    }
    std::erase_if(rows, [&](const Row& row) { return !passes(libs[row.index]); });
    auto name_rank = [&](const Row& row) {
      const auto& rank = libs[row.index].rank;
      return order < rank.size() ? rank[order] : 0u;
    };
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
      if (origin && *a.distance_km != *b.distance_km) return *a.distance_km < *b.distance_km;
      if (ranked_text && a.text_rank != b.text_rank) return a.text_rank < b.text_rank;
      return name_rank(a) < name_rank(b);
    });
    // One row per library: its first in this order (the nearest location).
    std::vector<bool> seen(s.organization_count());
    std::erase_if(rows, [&](const Row& row) {
      if (seen[libs[row.index].organization]) return true;
      seen[libs[row.index].organization] = true;
      return false;
    });
    r.total = rows.size();
    auto page = directory::Paginate(r.total, f.page);
    rows = std::vector<Row>(rows.begin() + static_cast<ptrdiff_t>(page.offset),
                            rows.begin() + static_cast<ptrdiff_t>(page.offset + page.count));
  }
  r.pagination = directory::Paginate(r.total, f.page);

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

  std::vector<std::string> slugs;
  for (const Row& row : rows) slugs.push_back(libs[row.index].slug);
  std::unordered_map<std::string, directory::LibrarySummary> summaries;
  for (auto& summary : LibrariesBySlugs(c, chain, slugs)) {
    summaries.emplace(summary.slug, std::move(summary));
  }
  std::vector<std::vector<std::string>> words(rows.size());
  if (!f.query.empty()) {
    std::vector<int64_t> documents;
    for (const Row& row : rows) documents.push_back(libs[row.index].document);
    words = MatchedWords(c, f.query, documents);
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    auto it = summaries.find(libs[rows[i].index].slug);
    if (it == summaries.end()) continue;  // removed since the snapshot was built
    r.results.push_back({it->second, rows[i].distance_km, matched_terms, std::move(words[i])});
  }
  if (r.total == 0 && !f.query.empty()) r.did_you_mean = DidYouMean(c, f.query);
  return r;
}

}  // namespace tilti::store
