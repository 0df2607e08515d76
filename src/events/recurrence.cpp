#include "events/recurrence.h"

#include <libical/ical.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>

namespace tilti::events {
namespace {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// Enough for 18 months of a daily rule started decades ago; a rule that yields nothing in this
// many steps (e.g. 30 February) is treated as empty.
constexpr int kMaxSteps = 200000;

icaltimetype ToIcal(const LocalStart& s) {
  icaltimetype t = icaltime_null_time();
  t.year = static_cast<int>(s.date.year());
  t.month = static_cast<int>(static_cast<unsigned>(s.date.month()));
  t.day = static_cast<int>(static_cast<unsigned>(s.date.day()));
  t.hour = static_cast<int>(s.time.count() / 60);
  t.minute = static_cast<int>(s.time.count() % 60);
  t.is_date = 0;
  return t;  // floating: the series' wall clock
}

LocalStart FromIcal(const icaltimetype& t) {
  return LocalStart{year_month_day{std::chrono::year{t.year}, std::chrono::month{unsigned(t.month)},
                                   std::chrono::day{unsigned(t.day)}},
                    minutes{t.hour * 60 + t.minute}};
}

struct RecurFree {
  void operator()(icalrecur_iterator* it) const { icalrecur_iterator_free(it); }
};

bool HasAny(const short* values) { return values[0] != ICAL_RECURRENCE_ARRAY_MAX; }

// The rule parsed, with an UTC UNTIL moved onto the series' wall clock; nullopt when libical
// cannot read it.
std::optional<icalrecurrencetype> ParseRule(const Series& series) {
  icalerror_clear_errno();
  icalrecurrencetype r = icalrecurrencetype_from_string(series.rrule.c_str());
  if (icalerrno != ICAL_NO_ERROR || r.freq == ICAL_NO_RECURRENCE) {
    icalerror_clear_errno();
    return std::nullopt;
  }
  if (!icaltime_is_null_time(r.until) && !r.until.is_date && icaltime_is_utc(r.until)) {
    const SysTime until_instant{std::chrono::seconds{icaltime_as_timet(r.until)}};
    const std::optional<TimeZone> zone = TimeZone::Named(series.time_zone);
    const CivilDateTime local = (zone ? *zone : TimeZone()).ToLocal(until_instant);
    icaltimetype u = icaltime_null_time();
    u.year = local.year;
    u.month = local.month;
    u.day = local.day;
    u.hour = local.hour;
    u.minute = local.minute;
    u.second = local.second;
    r.until = u;
  }
  return r;
}

std::optional<RuleError> CheckParsed(const icalrecurrencetype& r) {
  switch (r.freq) {
    case ICAL_SECONDLY_RECURRENCE:
    case ICAL_MINUTELY_RECURRENCE:
    case ICAL_HOURLY_RECURRENCE:
      return RuleError::kTooFrequent;
    default:
      break;
  }
  if (HasAny(r.by_hour) || HasAny(r.by_minute) || HasAny(r.by_second)) return RuleError::kTimeParts;
  return std::nullopt;
}

year_month_day DateOfIcal(const icaltimetype& t) {
  return year_month_day{std::chrono::year{t.year}, std::chrono::month{unsigned(t.month)},
                        std::chrono::day{unsigned(t.day)}};
}

}  // namespace

std::string_view RuleErrorId(RuleError e) {
  switch (e) {
    case RuleError::kMalformed: return "event-rule-malformed";
    case RuleError::kTooFrequent: return "event-rule-too-frequent";
    case RuleError::kTimeParts: return "event-rule-time-parts";
    case RuleError::kNoInstances: return "event-rule-no-instances";
  }
  return "event-rule-malformed";
}

std::optional<RuleError> CheckRule(const Series& series) {
  if (series.rrule.empty()) return std::nullopt;
  std::optional<icalrecurrencetype> r = ParseRule(series);
  if (!r) return RuleError::kMalformed;
  if (auto e = CheckParsed(*r)) return e;
  const year_month_day far{sys_days{series.first.date} + days{366 * 30}};
  if (ExpandRule(series, series.first.date, far, 1).empty()) return RuleError::kNoInstances;
  return std::nullopt;
}

std::vector<LocalStart> ExpandRule(const Series& series, year_month_day from, year_month_day to,
                                   size_t limit) {
  std::vector<LocalStart> out;
  if (series.rrule.empty()) {
    if (series.first.date >= from && series.first.date <= to) out.push_back(series.first);
    return out;
  }
  std::optional<icalrecurrencetype> r = ParseRule(series);
  if (!r || CheckParsed(*r)) throw std::invalid_argument("refused RRULE: " + series.rrule);
  std::unique_ptr<icalrecur_iterator, RecurFree> it(
      icalrecur_iterator_new(*r, ToIcal(series.first)));
  if (!it) {
    icalerror_clear_errno();
    return out;  // libical finds no instance at all (e.g. BYMONTHDAY=30 in February only)
  }
  for (int step = 0; step < kMaxSteps && out.size() < limit; ++step) {
    const icaltimetype t = icalrecur_iterator_next(it.get());
    if (icaltime_is_null_time(t)) break;
    const year_month_day d = DateOfIcal(t);
    if (d > to) break;
    if (d >= from) out.push_back(FromIcal(t));
  }
  icalerror_clear_errno();
  return out;
}

std::vector<Occurrence> Materialise(const Series& series,
                                    const std::vector<SeriesException>& exceptions,
                                    year_month_day from, year_month_day to, const TimeZone& zone) {
  std::vector<Occurrence> out;
  auto place = [&](const LocalStart& original, const LocalStart& local, int duration) {
    Occurrence o;
    o.original = original;
    o.local = local;
    o.starts_at = zone.FromLocal(local.date, local.time);
    // The end is the start's wall clock plus the duration, so a 2-hour evening across the
    // autumn change still ends at the time on the poster (RFC 5545 DTEND with a TZID).
    const long end_minutes = local.time.count() + duration;
    const year_month_day end_date{sys_days{local.date} + days{end_minutes / 1440}};
    o.ends_at = zone.FromLocal(end_date, minutes{end_minutes % 1440});
    if (o.ends_at <= o.starts_at) o.ends_at = o.starts_at + minutes{duration};
    return o;
  };
  // Moved instances may move into or out of the window: expand a little wider, filter after.
  const year_month_day wide_from{sys_days{from} - days{62}};
  const year_month_day wide_to{sys_days{to} + days{62}};
  for (const LocalStart& original : ExpandRule(series, wide_from, wide_to, 100000)) {
    auto ex = std::find_if(exceptions.begin(), exceptions.end(),
                           [&](const SeriesException& e) { return e.original == original; });
    if (ex == exceptions.end()) {
      out.push_back(place(original, original, series.duration_minutes));
      continue;
    }
    switch (ex->kind) {
      case ExceptionKind::kRemoved:
        break;
      case ExceptionKind::kCancelled: {
        Occurrence o = place(original, original, series.duration_minutes);
        o.cancelled = true;
        o.cancel_reason = ex->reason;
        out.push_back(std::move(o));
        break;
      }
      case ExceptionKind::kChanged:
        out.push_back(place(original, ex->moved_to.value_or(original),
                            ex->duration_minutes.value_or(series.duration_minutes)));
        break;
    }
  }
  std::erase_if(out, [&](const Occurrence& o) { return o.local.date < from || o.local.date > to; });
  std::sort(out.begin(), out.end(), [](const Occurrence& a, const Occurrence& b) {
    return std::tie(a.starts_at, a.original) < std::tie(b.starts_at, b.original);
  });
  return out;
}

std::optional<LocalStart> FirstInstance(const Series& series) {
  if (series.rrule.empty()) return series.first;
  const year_month_day far{sys_days{series.first.date} + days{366 * 30}};
  std::vector<LocalStart> first = ExpandRule(series, series.first.date, far, 1);
  if (first.empty()) return std::nullopt;
  return first.front();
}

std::string BuildRule(const SimpleRule& rule, const Series& series, const TimeZone& zone) {
  if (rule.frequency.empty()) return "";
  static constexpr const char* kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  std::string r;
  if (rule.frequency == "daily") {
    r = "FREQ=DAILY";
  } else if (rule.frequency == "weekly") {
    r = "FREQ=WEEKLY;BYDAY=";
    std::vector<int> weekdays = rule.weekdays;
    if (weekdays.empty()) weekdays.push_back(IsoWeekday(series.first.date));
    std::sort(weekdays.begin(), weekdays.end());
    weekdays.erase(std::unique(weekdays.begin(), weekdays.end()), weekdays.end());
    for (size_t i = 0; i < weekdays.size(); ++i) {
      if (weekdays[i] < 1 || weekdays[i] > 7) throw std::invalid_argument("weekday out of range");
      r += (i ? "," : "") + std::string(kDays[weekdays[i] - 1]);
    }
  } else if (rule.frequency == "monthly") {
    r = "FREQ=MONTHLY;BYMONTHDAY=" +
        std::to_string(static_cast<unsigned>(series.first.date.day()));
  } else if (rule.frequency == "monthly-weekday") {
    const unsigned day = static_cast<unsigned>(series.first.date.day());
    const unsigned nth = (day - 1) / 7 + 1;  // 1..5; the fifth is written as "last" (-1)
    const std::string pos = nth >= 5 ? "-1" : std::to_string(nth);
    r = "FREQ=MONTHLY;BYDAY=" + pos + kDays[IsoWeekday(series.first.date) - 1];
  } else {
    throw std::invalid_argument("unknown frequency: " + rule.frequency);
  }
  if (rule.interval > 1) r += ";INTERVAL=" + std::to_string(rule.interval);
  if (rule.count) {
    r += ";COUNT=" + std::to_string(*rule.count);
  } else if (rule.until) {
    // The last second of the until date on the series' wall clock, in UTC (RFC 5545 3.3.10:
    // UNTIL is UTC when DTSTART has a TZID).
    const SysTime end = zone.FromLocal(year_month_day{sys_days{*rule.until} + days{1}}, minutes{0}) -
                        std::chrono::seconds{1};
    r += ";UNTIL=" + FormatUtcBasic(end);
  }
  return r;
}

}  // namespace tilti::events
