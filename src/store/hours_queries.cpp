#include "store/hours_queries.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

#include "core/ids.h"
#include "core/riga_time.h"
#include "core/time_zone.h"

namespace tilti::store {
namespace {

using directory::Exception;
using directory::Period;
using directory::TimeRange;
using std::chrono::year_month_day;

constexpr std::array<std::string_view, 7> kByDay = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

std::string IsoDate(year_month_day d) {
  const int y = static_cast<int>(d.year());
  const auto m = static_cast<unsigned>(d.month());
  const auto day = static_cast<unsigned>(d.day());
  std::string s = std::to_string(y);
  s.insert(0, s.size() < 4 ? 4 - s.size() : 0, '0');
  s += m < 10 ? "-0" : "-";
  s += std::to_string(m);
  s += day < 10 ? "-0" : "-";
  s += std::to_string(day);
  return s;
}


std::optional<year_month_day> ParseOptDate(const std::optional<std::string>& text, bool* bad) {
  if (!text) return std::nullopt;
  auto d = ParseScheduleDate(*text);
  if (!d) *bad = true;
  return d;
}

// A closing time; '00:00' can only mean the midnight that ends the day.
std::optional<int> ParseClosing(std::string_view text) {
  auto t = directory::ParseClockTime(text);
  if (t == 0) return directory::kMinutesPerDay;
  return t;
}



bool OverlapsWindow(const Period& p, year_month_day first, year_month_day last) {
  return (!p.valid_from || *p.valid_from <= last) && (!p.valid_to || first <= *p.valid_to);
}

std::vector<Period> ReadWeeklyPeriods(Connection& c, std::string_view location_id,
                                      year_month_day first, year_month_day last) {
  Statement& st = c.Cached(
      "SELECT byday, opens_at, closes_at, valid_from, valid_to FROM schedule "
      "WHERE location_id = ?1 AND service_id IS NULL AND service_at_location_id IS NULL "
      "AND freq = 'WEEKLY' AND coalesce(interval, 1) = 1 ORDER BY id");
  st.Bind(1, location_id);
  std::vector<Period> out;
  while (st.Step()) {
    auto range = ParseScheduleRange(st.OptText(1), st.OptText(2));
    bool bad_date = false;
    auto valid_from = ParseOptDate(st.OptText(3), &bad_date);
    auto valid_to = ParseOptDate(st.OptText(4), &bad_date);
    if (!range || bad_date || st.IsNull(0)) continue;
    for (int weekday : ParseScheduleWeekdays(st.TextView(0))) {
      Period p{.weekday = weekday,
               .opens_min = range->opens_min,
               .closes_min = range->closes_min,
               .valid_from = valid_from,
               .valid_to = valid_to};
      if (OverlapsWindow(p, first, last)) out.push_back(p);
    }
  }
  return out;
}

std::vector<Exception> ReadExceptions(Connection& c, std::string_view location_id,
                                      year_month_day first, year_month_day last) {
  Statement& st = c.Cached(
      "SELECT date, closed, opens_at, closes_at, note FROM schedule_exception "
      "WHERE location_id = ?1 AND date BETWEEN ?2 AND ?3 ORDER BY date, opens_at NULLS FIRST");
  st.Bind(1, location_id).Bind(2, IsoDate(first)).Bind(3, IsoDate(last));
  struct Rows {
    bool closed = false;
    bool usual_hours = false;
    std::vector<TimeRange> ranges;
    std::optional<std::string> note;
  };
  std::map<year_month_day, Rows> by_date;
  while (st.Step()) {
    auto date = ParseScheduleDate(st.TextView(0));
    if (!date) continue;
    Rows& rows = by_date[*date];
    auto note = st.OptText(4);
    if (!rows.note && note && !note->empty()) rows.note = std::move(note);
    if (st.Int(1) != 0) {
      rows.closed = true;
    } else if (st.IsNull(2) && st.IsNull(3)) {
      rows.usual_hours = true;
    } else if (auto range = ParseScheduleRange(st.OptText(2), st.OptText(3))) {
      rows.ranges.push_back(*range);
    }
  }
  std::vector<Exception> out;
  for (auto& [date, rows] : by_date) {
    Exception e{.date = date, .closed = rows.closed, .note = std::move(rows.note)};
    if (!rows.closed) {
      if (!rows.ranges.empty()) {
        e.periods = std::move(rows.ranges);
      } else if (!rows.usual_hours) {
        continue;  // only rows that could not be read: no exception at all
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::map<year_month_day, std::string> ReadHolidayEntries(Connection& c,
                                                         std::string_view calendar_id,
                                                         year_month_day first,
                                                         year_month_day last) {
  Statement& st = c.Cached(
      "SELECT date, name_key FROM holiday WHERE calendar_id = ?1 AND date BETWEEN ?2 AND ?3");
  st.Bind(1, calendar_id).Bind(2, IsoDate(first)).Bind(3, IsoDate(last));
  std::map<year_month_day, std::string> out;
  while (st.Step()) {
    if (auto date = ParseScheduleDate(st.TextView(0))) out.emplace(*date, st.Text(1));
  }
  return out;
}

// Where the location keeps its hours: its time zone and holiday calendar. A location that does
// not exist reads as a Latvian one (the columns' defaults).
struct LocationCalendar {
  std::string time_zone = std::string(kRigaZoneId);
  std::optional<std::string> holiday_calendar_id = "LV";
};

LocationCalendar ReadLocationCalendar(Connection& c, std::string_view location_id) {
  Statement& st =
      c.Cached("SELECT time_zone, holiday_calendar_id FROM location WHERE id = ?1");
  st.Bind(1, location_id);
  LocationCalendar out;
  if (st.Step()) {
    if (!st.IsNull(0)) out.time_zone = st.Text(0);
    out.holiday_calendar_id = st.OptText(1);
  }
  return out;
}

// One schedule row as ReplaceWeeklyHours writes it.
struct Row {
  std::string id, byday, opens_at, closes_at;
  std::optional<std::string> valid_from, valid_to;
  auto operator<=>(const Row&) const = default;
};

Row RowOf(std::string_view location_id, const Period& p) {
  Row r;
  r.byday = kByDay[p.weekday - 1];
  r.opens_at = directory::FormatClockTime(p.opens_min);
  r.closes_at = directory::FormatClockTime(p.closes_min);
  if (p.valid_from) r.valid_from = IsoDate(*p.valid_from);
  if (p.valid_to) r.valid_to = IsoDate(*p.valid_to);
  std::string name = "schedule:" + std::string(location_id) + ":" + r.byday + ":" + r.opens_at;
  if (r.valid_from) name += ":" + *r.valid_from;
  r.id = DeterministicUuid(name);
  return r;
}

// The public holidays of a calendar on `first`..`last`: the table's dated entries first, then,
// for 'LV' only, the ones Latvian law defines. No calendar (NULL): no holidays.
directory::HolidayLookup HolidaysOf(Connection& c, const std::optional<std::string>& calendar_id,
                                    year_month_day first, year_month_day last) {
  if (!calendar_id) return {};
  auto entries = ReadHolidayEntries(c, *calendar_id, first, last);
  directory::HolidayLookup computed;
  if (*calendar_id == "LV") computed = directory::LatvianPublicHolidays();
  if (entries.empty() && !computed) return {};
  return [entries = std::move(entries),
          computed = std::move(computed)](year_month_day date) -> std::optional<std::string> {
    if (auto it = entries.find(date); it != entries.end()) return it->second;
    if (computed) return computed(date);
    return std::nullopt;
  };
}

}  // namespace

std::optional<directory::WeeklyHours> HoursOfLocation(Connection& c, std::string_view location_id,
                                                      year_month_day today,
                                                      TimeZoneCache* zones) {
  return HoursOfLocationBetween(c, location_id, AddDays(today, -1),
                                AddDays(today, directory::kLookaheadDays + 1), nullptr, zones);
}

std::optional<directory::WeeklyHours> HoursOfLocationBetween(
    Connection& c, std::string_view location_id, year_month_day first, year_month_day last,
    const std::vector<directory::Period>* periods_instead, TimeZoneCache* zones) {
  std::vector<Period> periods =
      periods_instead ? *periods_instead : ReadWeeklyPeriods(c, location_id, first, last);
  if (periods.empty()) return std::nullopt;
  LocationCalendar calendar = ReadLocationCalendar(c, location_id);
  std::optional<TimeZone> zone;
  if (calendar.time_zone == kRigaZoneId) {
    zone = TimeZone{};  // the hot path: no lookup at all
  } else {
    zone = zones ? zones->Get(calendar.time_zone) : TimeZone::Named(calendar.time_zone);
  }
  if (!zone) return std::nullopt;
  std::vector<Exception> exceptions = ReadExceptions(c, location_id, first, last);
  return directory::WeeklyHours(std::move(periods), std::move(exceptions),
                                HolidaysOf(c, calendar.holiday_calendar_id, first, last),
                                std::move(*zone));
}

std::vector<directory::DayHours> DatedDaysOfLocation(Connection& c, std::string_view location_id,
                                                     year_month_day first, year_month_day last) {
  std::vector<directory::DayHours> out;
  if (last < first) return out;
  std::vector<Period> periods = ReadWeeklyPeriods(c, location_id, first, last);
  if (periods.empty()) return out;
  // The same timetable twice: with exceptions and holidays, and bare, to see what a holiday
  // takes away.
  const directory::WeeklyHours timetable(periods, {}, {});
  const directory::WeeklyHours hours(std::move(periods),
                                     ReadExceptions(c, location_id, first, last),
                                     HolidaysOf(c, ReadLocationCalendar(c, location_id).holiday_calendar_id,
                                                first, last));
  for (year_month_day date = first; date <= last; date = AddDays(date, 1)) {
    directory::DayHours day = hours.Day(date);
    if (day.is_exception || (day.holiday_key && !timetable.Day(date).closed)) {
      out.push_back(std::move(day));
    }
  }
  return out;
}

void ReplaceWeeklyHours(Connection& c, std::string_view location_id,
                        const std::vector<Period>& periods, std::string_view now_rfc3339) {
  if (auto valid = directory::ValidatePeriods(periods); !valid.ok()) {
    std::string detail = "ReplaceWeeklyHours: " + valid.error().detail + ":";
    for (const FieldError& f : valid.error().fields) detail += " " + f.field;
    throw std::invalid_argument(detail);
  }
  std::vector<Row> wanted;
  for (const Period& p : periods) wanted.push_back(RowOf(location_id, p));
  std::sort(wanted.begin(), wanted.end());

  // The location's own weekly rows (ReadWeeklyPeriods reads them, minus other intervals).
  static const std::string kSelect =
      "SELECT id, coalesce(byday, ''), coalesce(opens_at, ''), coalesce(closes_at, ''), "
      "valid_from, valid_to FROM schedule WHERE location_id = ?1 AND service_id IS NULL "
      "AND service_at_location_id IS NULL AND freq = 'WEEKLY'";
  static const std::string kDelete =
      "DELETE FROM schedule WHERE location_id = ?1 AND service_id IS NULL "
      "AND service_at_location_id IS NULL AND freq = 'WEEKLY'";
  std::vector<Row> existing;
  {
    Statement& st = c.Cached(kSelect);
    st.Bind(1, location_id);
    while (st.Step()) {
      existing.push_back(
          {st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.OptText(4), st.OptText(5)});
    }
  }
  std::sort(existing.begin(), existing.end());
  if (existing == wanted) return;

  c.Cached(kDelete).Bind(1, location_id).Run();
  Statement& insert = c.Cached(
      "INSERT INTO schedule (id, location_id, freq, byday, opens_at, closes_at, valid_from, "
      "valid_to) VALUES (?1, ?2, 'WEEKLY', ?3, ?4, ?5, ?6, ?7)");
  for (const Row& r : wanted) {
    insert.Bind(1, r.id).Bind(2, location_id).Bind(3, r.byday).Bind(4, r.opens_at);
    insert.Bind(5, r.closes_at).Bind(6, r.valid_from).Bind(7, r.valid_to).Run();
    insert.Reset();
  }
  c.Cached("UPDATE location SET last_modified = ?2 WHERE id = ?1")
      .Bind(1, location_id)
      .Bind(2, now_rfc3339)
      .Run();
}

// 'YYYY-MM-DD' (anything after the tenth character, e.g. a time, is ignored), a real date.
std::optional<std::chrono::year_month_day> ParseScheduleDate(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::pair<size_t, size_t> spans[3] = {{0, 4}, {5, 2}, {8, 2}};
  for (int i = 0; i < 3; ++i) {
    for (size_t k = spans[i].first; k < spans[i].first + spans[i].second; ++k) {
      if (text[k] < '0' || text[k] > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (text[k] - '0');
    }
  }
  const year_month_day d = std::chrono::year{parts[0]} /
                           std::chrono::month{static_cast<unsigned>(parts[1])} /
                           std::chrono::day{static_cast<unsigned>(parts[2])};
  if (!d.ok()) return std::nullopt;
  return d;
}

std::optional<directory::TimeRange> ParseScheduleRange(const std::optional<std::string>& opens,
                                    const std::optional<std::string>& closes) {
  if (!opens || !closes) return std::nullopt;
  auto o = directory::ParseClockTime(*opens);
  auto c = ParseClosing(*closes);
  if (!o || !c) return std::nullopt;
  auto range = directory::MakeTimeRange(*o, *c);
  if (!range.ok()) return std::nullopt;
  return range.value();
}

// ISO weekdays of a byday list such as 'MO,TU'; entries it does not know are left out.
std::vector<int> ParseScheduleWeekdays(std::string_view byday) {
  std::vector<int> out;
  while (!byday.empty()) {
    const size_t comma = byday.find(',');
    std::string_view token = byday.substr(0, comma);
    byday = comma == std::string_view::npos ? std::string_view{} : byday.substr(comma + 1);
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    for (size_t i = 0; i < kByDay.size(); ++i) {
      if (token.size() == 2 && std::toupper(static_cast<unsigned char>(token[0])) == kByDay[i][0] &&
          std::toupper(static_cast<unsigned char>(token[1])) == kByDay[i][1]) {
        out.push_back(static_cast<int>(i) + 1);
      }
    }
  }
  return out;
}

}  // namespace tilti::store
