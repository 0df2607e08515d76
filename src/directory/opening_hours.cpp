#include "directory/opening_hours.h"

#include <algorithm>
#include <array>
#include <utility>

#include "directory/holidays.h"

namespace tilti::directory {
namespace {

using std::chrono::year_month_day;

constexpr std::array<const char*, 7> kWeekdayKeywords = {"mon", "tue", "wed", "thu",
                                                         "fri", "sat", "sun"};

std::vector<FieldError> TimeRangeErrors(int opens_min, int closes_min) {
  std::vector<FieldError> errors;
  const bool opens_ok = opens_min >= 0 && opens_min < kMinutesPerDay;
  const bool closes_ok = closes_min > 0 && closes_min <= kMinutesPerDay;
  if (!opens_ok) errors.push_back({"opens_at", "hours.error.time"});
  if (!closes_ok) errors.push_back({"closes_at", "hours.error.time"});
  if (opens_ok && closes_ok && closes_min <= opens_min) {
    errors.push_back({"closes_at", "hours.error.closes_not_after_opens"});
  }
  return errors;
}

std::vector<FieldError> PeriodErrors(const Period& p) {
  std::vector<FieldError> errors;
  if (p.weekday < 1 || p.weekday > 7) errors.push_back({"weekday", "hours.error.weekday"});
  for (FieldError& e : TimeRangeErrors(p.opens_min, p.closes_min)) errors.push_back(std::move(e));
  return errors;
}

bool IsValid(const Period& p) {
  return PeriodErrors(p).empty() && (!p.valid_from || p.valid_from->ok()) &&
         (!p.valid_to || p.valid_to->ok());
}

bool AppliesOn(const Period& p, year_month_day date) {
  return (!p.valid_from || *p.valid_from <= date) && (!p.valid_to || date <= *p.valid_to);
}


CivilDateTime LocalAt(year_month_day date, int minute_of_day) {
  if (minute_of_day >= kMinutesPerDay) {
    date = AddDays(date, minute_of_day / kMinutesPerDay);
    minute_of_day %= kMinutesPerDay;
  }
  return CivilDateTime{.year = static_cast<int>(date.year()),
                       .month = static_cast<int>(unsigned{date.month()}),
                       .day = static_cast<int>(unsigned{date.day()}),
                       .hour = minute_of_day / 60,
                       .minute = minute_of_day % 60,
                       .second = 0,
                       .weekday = IsoWeekday(date)};
}

int DaysBetween(year_month_day from, year_month_day to) {
  return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

}  // namespace

HolidayLookup LatvianPublicHolidays() {
  return [](year_month_day date) -> std::optional<std::string> {
    auto h = LatvianHolidayOn(date);
    if (!h) return std::nullopt;
    return std::move(h->name_key);
  };
}

std::vector<TimeRange> MergeRanges(std::vector<TimeRange> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const TimeRange& a, const TimeRange& b) { return a.opens_min < b.opens_min; });
  std::vector<TimeRange> out;
  for (const TimeRange& r : ranges) {
    if (!out.empty() && r.opens_min <= out.back().closes_min) {
      out.back().closes_min = std::max(out.back().closes_min, r.closes_min);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

Result<TimeRange> MakeTimeRange(int opens_min, int closes_min) {
  auto errors = TimeRangeErrors(opens_min, closes_min);
  if (!errors.empty()) {
    return Error{ErrorCode::kInvalidInput, "invalid opening time range", std::move(errors)};
  }
  return TimeRange{opens_min, closes_min};
}

Result<Period> MakePeriod(int weekday, int opens_min, int closes_min) {
  Period p{.weekday = weekday, .opens_min = opens_min, .closes_min = closes_min};
  auto errors = PeriodErrors(p);
  if (!errors.empty()) {
    return Error{ErrorCode::kInvalidInput, "invalid opening period", std::move(errors)};
  }
  return p;
}

Status ValidatePeriods(const std::vector<Period>& periods) {
  std::vector<FieldError> errors;
  auto add = [&errors](size_t i, const char* field, const char* key) {
    errors.push_back({"periods." + std::to_string(i) + "." + field, key});
  };
  for (size_t i = 0; i < periods.size(); ++i) {
    const Period& p = periods[i];
    for (const FieldError& e : PeriodErrors(p)) {
      errors.push_back({"periods." + std::to_string(i) + "." + e.field, e.message_key});
    }
    const bool from_ok = !p.valid_from || p.valid_from->ok();
    const bool to_ok = !p.valid_to || p.valid_to->ok();
    if (!from_ok) add(i, "valid_from", "hours.error.date");
    if (!to_ok) add(i, "valid_to", "hours.error.date");
    if (from_ok && to_ok && p.valid_from && p.valid_to && *p.valid_to < *p.valid_from) {
      add(i, "valid_to", "hours.error.valid_to_before_valid_from");
    }
  }
  if (!errors.empty()) {
    return Error{ErrorCode::kInvalidInput, "invalid opening periods", std::move(errors)};
  }
  // Quadratic, but a timetable has a few dozen periods at most.
  for (size_t i = 0; i < periods.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      const Period& a = periods[j];
      const Period& b = periods[i];
      const bool same_dates = (!a.valid_to || !b.valid_from || *b.valid_from <= *a.valid_to) &&
                              (!b.valid_to || !a.valid_from || *a.valid_from <= *b.valid_to);
      if (a.weekday == b.weekday && same_dates && a.opens_min < b.closes_min &&
          b.opens_min < a.closes_min) {
        add(i, "opens_at", "hours.error.overlap");
        break;
      }
    }
  }
  if (!errors.empty()) {
    return Error{ErrorCode::kInvalidInput, "overlapping opening periods", std::move(errors)};
  }
  return Ok();
}

std::optional<int> ParseClockTime(std::string_view text) {
  auto digits = [&text](size_t at) -> std::optional<int> {
    if (text[at] < '0' || text[at] > '9' || text[at + 1] < '0' || text[at + 1] > '9') {
      return std::nullopt;
    }
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
  };
  if (text.size() != 5 && text.size() != 8) return std::nullopt;
  if (text[2] != ':' || (text.size() == 8 && text[5] != ':')) return std::nullopt;
  const auto hours = digits(0), minutes = digits(3);
  if (!hours || !minutes || *minutes > 59) return std::nullopt;
  if (text.size() == 8 && digits(6) != 0) return std::nullopt;
  const int total = *hours * 60 + *minutes;
  if (total > kMinutesPerDay) return std::nullopt;
  return total;
}

std::string FormatClockTime(int minutes) {
  const int h = minutes / 60, m = minutes % 60;
  return {static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
          static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10)};
}

WeeklyHours::WeeklyHours(std::vector<Period> periods, std::vector<Exception> exceptions,
                         HolidayLookup holidays, TimeZone zone)
    : holidays_(std::move(holidays)), zone_(std::move(zone)) {
  for (Period& p : periods) {
    if (IsValid(p)) periods_.push_back(std::move(p));
  }
  for (Exception& e : exceptions) {
    if (!e.date.ok()) continue;
    if (e.periods) {
      std::erase_if(*e.periods, [](const TimeRange& r) {
        return !TimeRangeErrors(r.opens_min, r.closes_min).empty();
      });
    }
    exceptions_.try_emplace(e.date, std::move(e));
  }
}

std::vector<TimeRange> WeeklyHours::WeeklyRangesOn(year_month_day date) const {
  const int weekday = IsoWeekday(date);
  std::vector<TimeRange> ranges;
  for (const Period& p : periods_) {
    if (p.weekday == weekday && AppliesOn(p, date)) ranges.push_back({p.opens_min, p.closes_min});
  }
  return MergeRanges(std::move(ranges));
}

DayHours WeeklyHours::Day(year_month_day date) const {
  DayHours day;
  day.date = date;
  day.weekday = IsoWeekday(date);
  if (holidays_) day.holiday_key = holidays_(date);
  if (auto it = exceptions_.find(date); it != exceptions_.end()) {
    const Exception& e = it->second;
    day.is_exception = true;
    day.note = e.note;
    if (!e.closed) day.periods = e.periods ? MergeRanges(*e.periods) : WeeklyRangesOn(date);
  } else if (!day.holiday_key) {
    day.periods = WeeklyRangesOn(date);
  }
  day.closed = day.periods.empty();
  return day;
}

std::optional<CivilDateTime> WeeklyHours::EndOfOpening(year_month_day date, int closes_min) const {
  // An opening that reaches 24:00 goes on if the next day opens at 00:00.
  for (int days_on = 0; closes_min == kMinutesPerDay; ++days_on) {
    if (days_on == kLookaheadDays) return std::nullopt;
    const year_month_day next = AddDays(date, 1);
    const DayHours next_day = Day(next);
    if (next_day.periods.empty() || next_day.periods.front().opens_min != 0) break;
    date = next;
    closes_min = next_day.periods.front().closes_min;
  }
  return LocalAt(date, closes_min);
}

OpenStatus WeeklyHours::StatusAt(SysTime now) const {
  OpenStatus status;
  status.at = zone_.ToLocal(now);
  const year_month_day today = DateOf(status.at);
  // Compared in seconds so that 17:59:59 is still inside 10:00–18:00 and 18:00:00 is not.
  const int second_of_day = status.at.hour * 3600 + status.at.minute * 60 + status.at.second;
  for (const TimeRange& r : Day(today).periods) {
    if (second_of_day < r.opens_min * 60) {
      status.next_opening = LocalAt(today, r.opens_min);
      return status;
    }
    if (second_of_day < r.closes_min * 60) {
      status.open = true;
      status.closes_at = EndOfOpening(today, r.closes_min);
      return status;
    }
  }
  for (int i = 1; i <= kLookaheadDays; ++i) {
    const year_month_day date = AddDays(today, i);
    const DayHours day = Day(date);
    if (!day.periods.empty()) {
      status.next_opening = LocalAt(date, day.periods.front().opens_min);
      return status;
    }
  }
  return status;
}

std::vector<DayHours> WeeklyHours::Week(SysTime now) const {
  const year_month_day today = zone_.LocalDate(now);
  std::vector<DayHours> week;
  week.reserve(7);
  for (int i = 0; i < 7; ++i) week.push_back(Day(AddDays(today, i)));
  week.front().is_today = true;
  return week;
}

HoursMessage DescribeStatus(const std::optional<OpenStatus>& status) {
  if (!status) return {.key = "hours.unknown"};
  const std::optional<CivilDateTime>& when =
      status->open ? status->closes_at : status->next_opening;
  if (!when) return {.key = status->open ? "hours.open_now" : "hours.closed"};

  const year_month_day today = DateOf(status->at);
  const year_month_day date = DateOf(*when);
  const int days_ahead = DaysBetween(today, date);
  HoursMessage m;
  m.time = FormatClockTime(when->hour * 60 + when->minute);
  if (status->open) {
    if (days_ahead == 0) {
      m.key = "hours.open_now_closes";
    } else if (days_ahead == 1 && when->hour == 0 && when->minute == 0) {
      m.key = "hours.open_now_closes";  // at midnight tonight
      m.time = FormatClockTime(kMinutesPerDay);
    } else if (days_ahead == 1) {
      m.key = "hours.open_now_closes_tomorrow";
    } else {
      m.key = "hours.open_now_closes_on";
      m.weekday = kWeekdayKeywords[when->weekday - 1];
    }
    return m;
  }
  if (days_ahead == 0) {
    m.key = "hours.closed_opens_today";
  } else if (days_ahead == 1) {
    m.key = "hours.closed_opens_tomorrow";
  } else if (days_ahead < 7) {
    m.key = "hours.closed_opens_on";
    m.weekday = kWeekdayKeywords[when->weekday - 1];
  } else {
    m.key = "hours.closed_opens_on_date";
    m.date = date;
  }
  return m;
}

}  // namespace tilti::directory
