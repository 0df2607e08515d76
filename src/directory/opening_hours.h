#pragma once
// Opening hours of a library location: the weekly timetable, dated exceptions and public
// holidays, and the answers the pages need ("open now, closes at 18:00", the week ahead).
// Pure rules, no I/O; store/hours_queries.h reads them from the database.
//
// All times are wall-clock times of the location's own time zone (core/time_zone.h; Europe/Riga
// for every Latvian library), as libraries post them: a period 10:00–18:00 is open while the
// location's clock shows 10:00 to 17:59, also on the days the clocks change (on the
// spring-forward Sunday that is 8 hours of elapsed time; instants are converted with the
// location's TimeZone, never with the process's time zone). A London library open 09:00–17:00
// is open at 09:30 London time, which is 11:30 in Riga.
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/riga_time.h"
#include "core/time_zone.h"

namespace tilti::directory {

inline constexpr int kMinutesPerDay = 24 * 60;
// How many days after today StatusAt looks for the next opening.
inline constexpr int kLookaheadDays = 14;

// Open from `opens_min` (inclusive) to `closes_min` (exclusive), in minutes after local
// midnight: 0 <= opens_min < closes_min <= 1440 (1440 is midnight at the end of the day). A
// range never crosses midnight; a night opening is two ranges, ..–24:00 and 00:00–...
struct TimeRange {
  int opens_min = 0;
  int closes_min = 0;

  bool operator==(const TimeRange&) const = default;
};

// One weekly opening period (an HSDS `schedule` row with freq WEEKLY): every `weekday` from
// `opens_min` to `closes_min`, as in TimeRange, between two optional dates. A location has
// several periods a day for a lunch break; several periods valid on the same date all apply.
struct Period {
  int weekday = 1;  // ISO 8601: 1 = Monday .. 7 = Sunday
  int opens_min = 0;
  int closes_min = 0;
  std::optional<std::chrono::year_month_day> valid_from = {};  // first date; none = always
  std::optional<std::chrono::year_month_day> valid_to = {};    // last date; none = always

  bool operator==(const Period&) const = default;
};

// A dated exception for one local date: closed all day, or open at other hours, or (with
// closed false and no periods) open at the usual weekly hours although it is a public holiday.
struct Exception {
  std::chrono::year_month_day date;
  bool closed = true;
  // When not closed: that day's hours instead of the weekly ones; nullopt = the weekly hours.
  std::optional<std::vector<TimeRange>> periods = {};
  std::optional<std::string> note = {};  // the library's own words, e.g. "Inventarizācija"
};

// The public holiday on a date, as its message key ("holiday.christmas"), or nullopt.
using HolidayLookup = std::function<std::optional<std::string>(std::chrono::year_month_day)>;

// The computed Latvian public holidays of directory/holidays.h as a HolidayLookup.
HolidayLookup LatvianPublicHolidays();

// Validating constructors. Field errors (kInvalidInput) name the field and a message key:
//   "weekday"   hours.error.weekday                    not 1..7
//   "opens_at"  hours.error.time                       not 00:00..23:59
//   "closes_at" hours.error.time                       not 00:01..24:00
//   "closes_at" hours.error.closes_not_after_opens     closes at or before it opens
Result<TimeRange> MakeTimeRange(int opens_min, int closes_min);

// `ranges` sorted by opening, with overlapping and touching ranges joined, so that "open until"
// is the real end of an opening (10:00–12:00 and 12:00–14:00 close at 14:00).
std::vector<TimeRange> MergeRanges(std::vector<TimeRange> ranges);
Result<Period> MakePeriod(int weekday, int opens_min, int closes_min);

// Checks a whole weekly timetable before it is stored: every period as MakePeriod does, plus
//   "valid_from"/"valid_to"  hours.error.date                       not a real date
//   "valid_to"               hours.error.valid_to_before_valid_from
//   "opens_at"               hours.error.overlap    overlaps an earlier period of the same
//                                                   weekday on a date both apply
// Each field name is prefixed with the period's index in `periods`: "periods.2.closes_at".
// Touching periods (10:00–12:00 and 12:00–14:00) do not overlap.
Status ValidatePeriods(const std::vector<Period>& periods);

// "HH:MM" (or "HH:MM:SS" with seconds 00, as HSDS writes times) to minutes after midnight,
// 0..1440; "24:00" is 1440. nullopt for anything else.
std::optional<int> ParseClockTime(std::string_view text);
// Minutes after midnight to "HH:MM", 24-hour; 1440 is "24:00". `minutes` must be 0..1440.
std::string FormatClockTime(int minutes);

// One local date as the week view shows it.
struct DayHours {
  std::chrono::year_month_day date;
  int weekday = 0;                         // ISO 1 = Monday .. 7 = Sunday
  std::vector<TimeRange> periods;          // in order, overlapping ones merged; empty when closed
  bool closed = true;                      // no opening at all that day
  std::optional<std::string> holiday_key;  // the public holiday that day, even if open
  bool is_exception = false;               // the day follows a dated exception, not the timetable
  std::optional<std::string> note;         // the exception's note
  bool is_today = false;
};

// Whether a location is open at one instant, in the location's wall-clock time.
struct OpenStatus {
  CivilDateTime at;  // the location's wall clock at the instant asked about
  bool open = false;
  // When open: when this opening ends, followed across midnight while the next day opens at
  // 00:00 (a range ending at 24:00 ends at the next day's 00:00). nullopt when it does not end
  // within kLookaheadDays days. Always nullopt when closed.
  std::optional<CivilDateTime> closes_at;
  // When closed: the start of the next opening, today or within kLookaheadDays days after
  // today; nullopt if there is none. Always nullopt when open.
  std::optional<CivilDateTime> next_opening;
};

// A location's opening hours. Immutable after construction; const methods are safe to call
// from any thread if the HolidayLookup is.
//
// On each date, in this order:
// 1. an Exception for the date decides (closed; its periods; or the weekly periods);
// 2. else a public holiday (the HolidayLookup) closes the location;
// 3. else the weekly periods of that weekday whose validity includes the date apply.
// Exceptions are known only for the dates passed in: the caller passes at least today to
// today + kLookaheadDays (store/hours_queries does).
class WeeklyHours {
 public:
  // `periods` should pass ValidatePeriods; a period or exception range that would not pass
  // MakePeriod/MakeTimeRange is ignored. For a date given by several exceptions, the first one
  // counts. An empty `holidays` means no holidays. `zone` is the location's time zone: the
  // periods and exceptions are its wall-clock times and dates.
  WeeklyHours(std::vector<Period> periods, std::vector<Exception> exceptions,
              HolidayLookup holidays, TimeZone zone = {});

  // The hours on local date `date` (is_today is false).
  DayHours Day(std::chrono::year_month_day date) const;

  // Open or closed at `now`, with when that changes (see OpenStatus).
  OpenStatus StatusAt(SysTime now) const;

  // The seven local dates from today (the location's date at `now`) on; the first has
  // is_today.
  std::vector<DayHours> Week(SysTime now) const;

  const std::vector<Period>& periods() const { return periods_; }
  const TimeZone& time_zone() const { return zone_; }

 private:
  std::vector<TimeRange> WeeklyRangesOn(std::chrono::year_month_day date) const;
  std::optional<CivilDateTime> EndOfOpening(std::chrono::year_month_day date, int closes_min) const;

  std::vector<Period> periods_;
  std::map<std::chrono::year_month_day, Exception> exceptions_;
  HolidayLookup holidays_;
  TimeZone zone_;
};

// What the page says about an OpenStatus: a message key and its arguments. The page turns
// `time` and `weekday` into string arguments of those names and formats `date` (e.g. as a
// long date in the reader's language) into the argument "date".
//   nullopt status (no timetable)         hours.unknown
//   open, end not within the lookahead    hours.open_now
//   open, closes today (24:00 included)   hours.open_now_closes           {time}
//   open, closes tomorrow                 hours.open_now_closes_tomorrow  {time}
//   open, closes later                    hours.open_now_closes_on        {weekday, time}
//   closed, opens later today             hours.closed_opens_today        {time}
//   closed, opens tomorrow                hours.closed_opens_tomorrow     {time}
//   closed, opens in 2..6 days            hours.closed_opens_on           {weekday, time}
//   closed, opens in 7..14 days           hours.closed_opens_on_date      {date, time}
//   closed, no opening within 14 days     hours.closed
// `time` is "HH:MM", 24-hour ("24:00" for a closing at midnight). `weekday` is an ICU select
// keyword, "mon" .. "sun", because the languages inflect it ("pirmdien", "в понедельник").
struct HoursMessage {
  std::string key;
  std::optional<std::string> time = {};
  std::optional<std::string> weekday = {};
  std::optional<std::chrono::year_month_day> date = {};

  bool operator==(const HoursMessage&) const = default;
};
HoursMessage DescribeStatus(const std::optional<OpenStatus>& status);

}  // namespace tilti::directory
