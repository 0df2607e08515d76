#include "store/event_queries.h"

#include <cmath>
#include <stdexcept>

#include "core/ids.h"
#include "store/hsds_queries.h"
#include "store/localized_sql.h"

namespace tilti::store {
namespace {

using namespace events;

// Around "near me": events of libraries within this distance, soonest first.
constexpr double kNearKm = 30.0;

const std::string& ItemColumns() {
  static const std::string sql =
      "SELECT o.id, o.event_id, o.original_start, o.starts_at, o.ends_at, o.local_date, "
      "o.status, coalesce(o.cancel_reason, ''), o.capacity, o.confirmed, " +
      BestText("event", "e.id", "title", "e.title", "e.source_locale") + ", tt.code, " +
      BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") + ", org.slug, " +
      BestText("organization", "org.id", "name", "org.name", "org.source_locale") +
      ", CASE WHEN p.id IS NULL THEN '' ELSE " + BestPlaceName("p") +
      " END, e.location_id IS NOT NULL, e.online_url IS NOT NULL, EXISTS (SELECT 1 FROM "
      "event_language il WHERE il.event_id = e.id AND il.kind = 'interpreted'), coalesce((SELECT "
      "group_concat(language_code) FROM event_language sl WHERE sl.event_id = e.id AND sl.kind = "
      "'spoken'), ''), e.registration, e.is_sample, l.latitude, l.longitude "
      "FROM occurrence o JOIN event e ON e.id = o.event_id "
      "JOIN organization org ON org.id = o.organization_id "
      "JOIN taxonomy_term tt ON tt.id = e.category_id "
      "LEFT JOIN location l ON l.id = e.location_id LEFT JOIN place p ON p.id = l.place_id ";
  return sql;
}

std::vector<std::string> SplitComma(std::string_view s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t comma = s.find(',', pos);
    if (comma == std::string_view::npos) comma = s.size();
    if (comma > pos) out.emplace_back(s.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

OccurrenceItem ReadItem(Statement& st) {
  OccurrenceItem it;
  it.occurrence_id = st.Text(0);
  it.event_id = st.Text(1);
  it.original = ParseLocalStart(st.TextView(2)).value_or(LocalStart{});
  it.starts_at = ParseStoredRfc3339(st.TextView(3)).value_or(SysTime{});
  it.ends_at = ParseStoredRfc3339(st.TextView(4)).value_or(SysTime{});
  it.local_date = st.Text(5);
  it.cancelled = st.TextView(6) == "cancelled";
  it.cancel_reason = st.Text(7);
  if (!st.IsNull(8)) it.capacity = static_cast<int>(st.Int(8));
  it.confirmed = static_cast<int>(st.Int(9));
  it.title = SplitLocalized(st.TextView(10));
  it.category_code = st.Text(11);
  it.category = SplitLocalized(st.TextView(12));
  it.library_slug = st.Text(13);
  it.library_name = SplitLocalized(st.TextView(14));
  it.town = SplitLocalized(st.TextView(15));
  it.on_site = st.Int(16) != 0;
  it.online = st.Int(17) != 0;
  it.interpreter = st.Int(18) != 0;
  it.languages = SplitComma(st.TextView(19));
  it.registration = ParseRegistrationMode(st.TextView(20)).value_or(RegistrationMode::kNone);
  it.is_sample = st.Int(21) != 0;
  return it;
}

// The WHERE clause of a filter and its values, bound from ?4 on (?1..?3 are the locale chain).
struct Where {
  std::string sql;
  std::vector<std::string> text;  // bound in order
};

// The conditions of a filter on occurrences starting in [from, to), or, without a window, on
// events only (alias e).
Where FilterWhere(const EventFilter& f, std::optional<std::pair<SysTime, SysTime>> window) {
  Where w;
  auto cond = [&](const std::string& sql_with_placeholder, std::string value) {
    std::string sql = sql_with_placeholder;
    const std::string p = "?" + std::to_string(4 + w.text.size());
    for (size_t at = sql.find("?X"); at != std::string::npos; at = sql.find("?X")) {
      sql.replace(at, 2, p);
    }
    w.sql += " AND " + sql;
    w.text.push_back(std::move(value));
  };
  w.sql = "WHERE 1 = 1";
  if (window) {
    cond("o.starts_at >= ?X", FormatRfc3339(window->first));
    cond("o.starts_at < ?X", FormatRfc3339(window->second));
  }
  if (!f.library.empty()) {
    cond(std::string(window ? "o" : "e") +
             ".organization_id = (SELECT id FROM organization WHERE slug = ?X)",
         f.library);
  }
  if (!f.municipality.empty()) {
    cond("coalesce(l.municipality_id, org.municipality_id) = ?X", f.municipality);
  }
  if (!f.category.empty()) cond("tt.code = ?X", f.category);
  if (!f.audience.empty()) {
    cond("EXISTS (SELECT 1 FROM event_audience ea JOIN taxonomy_term at ON at.id = "
         "ea.taxonomy_term_id WHERE ea.event_id = e.id AND at.code = ?X)",
         f.audience);
  }
  if (!f.language.empty()) {
    cond("EXISTS (SELECT 1 FROM event_language fl WHERE fl.event_id = e.id AND "
         "fl.language_code = ?X)",
         f.language);
  }
  if (f.interpreter) w.sql += " AND EXISTS (SELECT 1 FROM event_language xl WHERE xl.event_id = e.id AND xl.kind = 'interpreted')";
  if (f.attendance == Attendance::kOnline) w.sql += " AND e.online_url IS NOT NULL";
  if (f.attendance == Attendance::kOnSite) w.sql += " AND e.location_id IS NOT NULL";
  if (f.latitude && f.longitude) {
    // A box around the point first (cheap), the true distance after.
    const double dlat = kNearKm / 111.0;
    const double dlon = kNearKm / (111.0 * std::max(0.1, std::cos(*f.latitude * M_PI / 180)));
    w.sql += " AND l.latitude BETWEEN " + std::to_string(*f.latitude - dlat) + " AND " +
             std::to_string(*f.latitude + dlat) + " AND l.longitude BETWEEN " +
             std::to_string(*f.longitude - dlon) + " AND " + std::to_string(*f.longitude + dlon);
  }
  return w;
}

void BindWhere(Statement& st, const Where& w) {
  for (size_t i = 0; i < w.text.size(); ++i) st.Bind(static_cast<int>(4 + i), w.text[i]);
}


// With a rare event-level filter (an audience, a language, an interpreter...) scanning the
// occurrences by time reads most of the window to find a few; when at most this many events
// match, their dates are read through occurrence(event_id, starts_at) instead.
constexpr size_t kFewEvents = 300;

bool HasEventLevelFilter(const EventFilter& f) {
  return !f.municipality.empty() || !f.category.empty() || !f.audience.empty() ||
         !f.language.empty() || f.interpreter || f.attendance != Attendance::kAny ||
         f.latitude.has_value();
}

// The ids of the events matching the filter's event-level conditions, at most `limit`.
std::vector<std::string> MatchingEventIds(Connection& c, const EventFilter& f, size_t limit) {
  const Where w = FilterWhere(f, std::nullopt);
  Statement& st = c.Cached(
      "SELECT e.id FROM event e JOIN organization org ON org.id = e.organization_id "
      "JOIN taxonomy_term tt ON tt.id = e.category_id "
      "LEFT JOIN location l ON l.id = e.location_id " + w.sql +
      " AND CAST(?1 AS TEXT) IS NOT NULL AND CAST(?2 AS TEXT) IS NOT NULL"
      " AND CAST(?3 AS TEXT) IS NOT NULL LIMIT ?" + std::to_string(4 + w.text.size()));
  BindChain(st, LocaleChain{"lv"});
  BindWhere(st, w);
  st.Bind(static_cast<int>(4 + w.text.size()), static_cast<int64_t>(limit));
  std::vector<std::string> out;
  while (st.Step()) out.push_back(st.Text(0));
  st.Reset();
  return out;
}

}  // namespace

std::vector<OccurrenceItem> ListOccurrences(Connection& c, const EventFilter& filter, SysTime from,
                                            SysTime to, const LocaleChain& chain, size_t limit) {
  Where w = FilterWhere(filter, std::pair{from, to});
  if (HasEventLevelFilter(filter)) {
    const std::vector<std::string> ids = MatchingEventIds(c, filter, kFewEvents + 1);
    if (ids.empty()) return {};
    if (ids.size() <= kFewEvents) {
      std::string json = "[";
      for (const auto& id : ids) json += (json.size() > 1 ? ",\"" : "\"") + id + "\"";
      json += "]";
      w = Where{"WHERE o.event_id IN (SELECT value FROM json_each(?4)) AND o.starts_at >= ?5 "
                "AND o.starts_at < ?6",
                {json, FormatRfc3339(from), FormatRfc3339(to)}};
    }
  }
  Statement& st = c.Cached(ItemColumns() + w.sql + " ORDER BY o.starts_at, o.id LIMIT ?" +
                           std::to_string(4 + w.text.size()));
  BindChain(st, chain);
  BindWhere(st, w);
  st.Bind(static_cast<int>(4 + w.text.size()), static_cast<int64_t>(limit));
  std::vector<OccurrenceItem> out;
  while (st.Step()) {
    OccurrenceItem it = ReadItem(st);
    if (filter.latitude && filter.longitude) {
      if (st.IsNull(22) || st.IsNull(23)) continue;
      const double km = hsds::DistanceKm(*filter.latitude, *filter.longitude, st.Double(22), st.Double(23));
      if (km > kNearKm) continue;
      it.distance_km = km;
    }
    out.push_back(std::move(it));
  }
  st.Reset();
  return out;
}

std::vector<std::string> EventIdsMatching(Connection& c, const EventFilter& filter, SysTime from,
                                          SysTime to, size_t limit) {
  const Where w = FilterWhere(filter, std::pair{from, to});
  Statement& st = c.Cached(
      "SELECT DISTINCT o.event_id FROM occurrence o JOIN event e ON e.id = o.event_id "
      "JOIN organization org ON org.id = o.organization_id "
      "JOIN taxonomy_term tt ON tt.id = e.category_id "
      "LEFT JOIN location l ON l.id = e.location_id " +
      // ?1..?3 are unused here but keep the numbering of FilterWhere.
      w.sql + " AND CAST(?1 AS TEXT) IS NOT NULL AND CAST(?2 AS TEXT) IS NOT NULL"
      " AND CAST(?3 AS TEXT) IS NOT NULL ORDER BY o.event_id LIMIT ?" +
      std::to_string(4 + w.text.size()));
  BindChain(st, LocaleChain{"lv"});
  BindWhere(st, w);
  st.Bind(static_cast<int>(4 + w.text.size()), static_cast<int64_t>(limit));
  std::vector<std::string> out;
  while (st.Step()) out.push_back(st.Text(0));
  st.Reset();
  return out;
}

std::optional<EventDetail> LoadEventDetail(Connection& c, std::string_view event_id,
                                           const LocaleChain& chain) {
  static const std::string sql =
      "SELECT e.id, e.organization_id, org.slug, " +
      BestText("organization", "org.id", "name", "org.name", "org.source_locale") +
      ", e.location_id, CASE WHEN l.id IS NULL THEN '' ELSE " +
      BestText("location", "l.id", "name", "coalesce(l.name, '')", "org.source_locale") +
      " END, coalesce((SELECT a.address_1 || ', ' || a.city FROM address a WHERE a.location_id = "
      "l.id AND a.address_type = 'physical' LIMIT 1), ''), l.latitude, l.longitude, "
      "e.online_url, " +
      BestText("event", "e.id", "title", "e.title", "e.source_locale") + ", " +
      BestText("event", "e.id", "description", "e.description", "e.source_locale") + ", " +
      BestText("event", "e.id", "accessibility_note", "e.accessibility_note", "e.source_locale") +
      ", tt.code, " + BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
      ", e.age_min, e.age_max, e.capacity, e.registration, e.starts_on, e.start_time, "
      "e.duration_minutes, e.time_zone, coalesce(e.rrule, ''), e.status, "
      "coalesce(e.cancel_reason, ''), e.is_sample, e.sequence, e.created, e.last_modified "
      "FROM event e JOIN organization org ON org.id = e.organization_id "
      "JOIN taxonomy_term tt ON tt.id = e.category_id "
      "LEFT JOIN location l ON l.id = e.location_id WHERE e.id = ?4";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, event_id);
  if (!st.Step()) return std::nullopt;
  EventDetail d;
  d.id = st.Text(0);
  d.organization_id = st.Text(1);
  d.library_slug = st.Text(2);
  d.library_name = SplitLocalized(st.TextView(3));
  d.location_id = st.OptText(4);
  d.location_name = SplitLocalized(st.TextView(5));
  d.address = st.Text(6);
  d.latitude = st.OptDouble(7);
  d.longitude = st.OptDouble(8);
  d.online_url = st.OptText(9);
  d.title = SplitLocalized(st.TextView(10));
  d.description = SplitLocalized(st.TextView(11));
  d.accessibility_note = SplitLocalized(st.TextView(12));
  d.category_code = st.Text(13);
  d.category = SplitLocalized(st.TextView(14));
  auto opt_int = [&](int col) -> std::optional<int> {
    if (st.IsNull(col)) return std::nullopt;
    return static_cast<int>(st.Int(col));
  };
  d.age_min = opt_int(15);
  d.age_max = opt_int(16);
  d.capacity = opt_int(17);
  d.registration = ParseRegistrationMode(st.TextView(18)).value_or(RegistrationMode::kNone);
  d.series.first = LocalStart{ParseDate(st.TextView(19)).value_or(std::chrono::year_month_day{}),
                              ParseTimeOfDay(st.TextView(20)).value_or(std::chrono::minutes{0})};
  d.series.duration_minutes = static_cast<int>(st.Int(21));
  d.series.time_zone = st.Text(22);
  d.series.rrule = st.Text(23);
  d.cancelled = st.TextView(24) == "cancelled";
  d.cancel_reason = st.Text(25);
  d.is_sample = st.Int(26) != 0;
  d.sequence = static_cast<int>(st.Int(27));
  d.created = ParseStoredRfc3339(st.TextView(28)).value_or(SysTime{});
  d.last_modified = ParseStoredRfc3339(st.TextView(29)).value_or(SysTime{});
  st.Reset();

  static const std::string audiences =
      "SELECT " + BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
      " FROM event_audience ea JOIN taxonomy_term tt ON tt.id = ea.taxonomy_term_id "
      "WHERE ea.event_id = ?4 ORDER BY tt.position, tt.code";
  Statement& au = c.Cached(audiences);
  BindChain(au, chain);
  au.Bind(4, event_id);
  while (au.Step()) d.audiences.push_back(SplitLocalized(au.TextView(0)));
  au.Reset();
  Statement& la = c.Cached(
      "SELECT language_code, kind FROM event_language WHERE event_id = ?1 ORDER BY language_code");
  la.Bind(1, event_id);
  while (la.Step()) {
    (la.TextView(1) == "spoken" ? d.spoken_languages : d.interpreted_languages)
        .push_back(la.Text(0));
  }
  la.Reset();
  return d;
}

std::vector<OccurrenceItem> OccurrencesOfEvent(Connection& c, std::string_view event_id,
                                               SysTime from, const LocaleChain& chain,
                                               size_t limit) {
  static const std::string sql = ItemColumns() +
                                 "WHERE o.event_id = ?4 AND o.ends_at > ?5 "
                                 "ORDER BY o.starts_at LIMIT ?6";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, event_id).Bind(5, FormatRfc3339(from)).Bind(6, static_cast<int64_t>(limit));
  std::vector<OccurrenceItem> out;
  while (st.Step()) out.push_back(ReadItem(st));
  st.Reset();
  return out;
}

std::optional<OccurrenceItem> OccurrenceById(Connection& c, std::string_view occurrence_id,
                                             const LocaleChain& chain) {
  static const std::string sql = ItemColumns() + "WHERE o.id = ?4";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, occurrence_id);
  std::optional<OccurrenceItem> out;
  if (st.Step()) out = ReadItem(st);
  st.Reset();
  return out;
}

std::optional<OccurrenceItem> OccurrenceOf(Connection& c, std::string_view event_id,
                                           const LocalStart& original, const LocaleChain& chain) {
  static const std::string sql = ItemColumns() + "WHERE o.event_id = ?4 AND o.original_start = ?5";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, event_id).Bind(5, FormatLocalStart(original));
  std::optional<OccurrenceItem> out;
  if (st.Step()) out = ReadItem(st);
  st.Reset();
  return out;
}

int64_t EventsVersion(Connection& c) {
  Statement& st = c.Cached("SELECT version FROM event_version WHERE id = 1");
  const int64_t v = st.Step() ? st.Int(0) : 0;
  st.Reset();
  return v;
}

EventFilterChoices FilterChoices(Connection& c, const LocaleChain& chain) {
  EventFilterChoices out;
  auto read = [&](const std::string& sql, std::vector<FilterChoice>& into) {
    Statement& st = c.Cached(sql);
    BindChain(st, chain);
    while (st.Step()) into.push_back({st.Text(0), SplitLocalized(st.TextView(1))});
    st.Reset();
  };
  static const std::string libraries =
      "SELECT org.slug, " + BestText("organization", "org.id", "name", "org.name", "org.source_locale") +
      " FROM organization org WHERE org.id IN (SELECT DISTINCT organization_id FROM event) "
      "AND org.slug IS NOT NULL AND CAST(?1 AS TEXT) IS NOT NULL AND CAST(?2 AS TEXT) IS NOT NULL "
      "AND CAST(?3 AS TEXT) IS NOT NULL ORDER BY org.id";
  read(libraries, out.libraries);
  static const std::string municipalities =
      "SELECT m.id, " + BestText("municipality", "m.id", "name", "m.name", "'lv'") +
      " FROM municipality m WHERE m.id IN (SELECT coalesce(l.municipality_id, "
      "org.municipality_id) FROM event e JOIN organization org ON org.id = e.organization_id "
      "LEFT JOIN location l ON l.id = e.location_id) ORDER BY m.id";
  read(municipalities, out.municipalities);
  static const std::string terms =
      "SELECT tt.code, " + BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
      " FROM taxonomy_term tt JOIN taxonomy t ON t.id = tt.taxonomy_id WHERE t.code = ";
  static const std::string categories = terms + "'event-category' ORDER BY tt.position";
  static const std::string audiences = terms + "'target-group' ORDER BY tt.position";
  read(categories, out.categories);
  read(audiences, out.audiences);
  Statement& la = c.Cached("SELECT DISTINCT language_code FROM event_language ORDER BY 1");
  while (la.Step()) out.languages.push_back(la.Text(0));
  la.Reset();
  return out;
}

std::vector<OccurrenceItem> UpcomingAtLibrary(Connection& c, std::string_view slug, SysTime from,
                                              const LocaleChain& chain, size_t limit) {
  EventFilter f;
  f.library = std::string(slug);
  return ListOccurrences(c, f, from, from + std::chrono::days{366 * 2}, chain, limit);
}

std::vector<OrganizationEvent> EventsOfOrganization(Connection& c, std::string_view organization_id,
                                                    SysTime now, const LocaleChain& chain) {
  static const std::string sql =
      "SELECT e.id, " + BestText("event", "e.id", "title", "e.title", "e.source_locale") + ", " +
      BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
      ", coalesce(e.rrule, '') <> '', e.status = 'cancelled', e.is_sample, "
      "(SELECT min(o.starts_at) FROM occurrence o WHERE o.event_id = e.id AND o.starts_at > ?5 "
      " AND o.status = 'scheduled'), "
      "(SELECT count(*) FROM occurrence o WHERE o.event_id = e.id AND o.starts_at > ?5) "
      "FROM event e JOIN taxonomy_term tt ON tt.id = e.category_id WHERE e.organization_id = ?4 "
      "ORDER BY 7 NULLS LAST, e.created DESC";
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  st.Bind(4, organization_id).Bind(5, FormatRfc3339(now));
  std::vector<OrganizationEvent> out;
  while (st.Step()) {
    OrganizationEvent e;
    e.id = st.Text(0);
    e.title = SplitLocalized(st.TextView(1));
    e.category = SplitLocalized(st.TextView(2));
    e.series = st.Int(3) != 0;
    e.cancelled = st.Int(4) != 0;
    e.is_sample = st.Int(5) != 0;
    if (!st.IsNull(6)) e.next = ParseStoredRfc3339(st.TextView(6));
    e.dates_ahead = static_cast<int>(st.Int(7));
    out.push_back(std::move(e));
  }
  return out;
}

std::optional<std::string> FeedSlugOfQuery(Connection& c, std::string_view query) {
  Statement& st = c.Cached("SELECT slug FROM event_feed WHERE query = ?1");
  st.Bind(1, query);
  std::optional<std::string> out;
  if (st.Step()) out = st.Text(0);
  st.Reset();
  return out;
}

std::optional<std::string> SavedFeedQuery(Connection& c, std::string_view slug) {
  Statement& st = c.Cached("SELECT query FROM event_feed WHERE slug = ?1");
  st.Bind(1, slug);
  std::optional<std::string> out;
  if (st.Step()) out = st.Text(0);
  st.Reset();
  return out;
}

std::string SaveFeed(Connection& c, std::string_view query, SysTime now) {
  if (auto slug = FeedSlugOfQuery(c, query)) return *slug;
  const std::string hash = Fnv1a64Hex(query);
  for (size_t digits = 10; digits <= hash.size(); digits += 2) {
    const std::string slug = "feed-" + hash.substr(0, digits);
    if (SavedFeedQuery(c, slug)) continue;
    c.Prepare("INSERT INTO event_feed (slug, query, created) VALUES (?1, ?2, ?3)")
        .Bind(1, slug).Bind(2, query).Bind(3, FormatRfc3339(now)).Run();
    return slug;
  }
  throw std::runtime_error("no free feed slug");
}

}  // namespace tilti::store
