#pragma once
// Opening hours of a location in the database (directory/opening_hours.h is the model):
// - the location's own HSDS `schedule` rows (location_id set, service_id and
//   service_at_location_id NULL) with freq 'WEEKLY': byday like 'MO,TU', opens_at/closes_at
//   'HH:MM' wall-clock time of the location's time zone, valid_from/valid_to 'YYYY-MM-DD'
//   (inclusive, NULL = open);
// - its `schedule_exception` rows (local dates);
// - `location.time_zone` (IANA id, 'Europe/Riga' by default): the zone of those times;
// - `location.holiday_calendar_id`: the public holidays that close it. 'LV' (the default): the
//   holidays directory/holidays.h computes plus the dated entries of the `holiday` table for
//   'LV' (one-off days off the Saeima or the Cabinet decide). Another calendar id: that
//   calendar's `holiday` table entries only. NULL (imported libraries abroad): no holidays.
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "core/time_zone.h"
#include "directory/opening_hours.h"
#include "store/sql.h"

namespace tilti::store {

// The location's opening hours, in its own time zone, as seen on date `today`: the caller's
// Riga date (e.g. RigaDate(clock.Now())) or the location's own; any zone's date is within one
// day of Riga's. Exceptions and holiday-table entries are read for the dates from `today` - 1
// to `today` + directory::kLookaheadDays + 1, enough for StatusAt and Week at any instant of
// that day.
//
// nullopt ("hours unknown") when the location has no weekly schedule row that applies on any of
// those dates (none at all, or only expired ones), or when its time_zone is not an IANA zone
// ICU knows (its times cannot be placed, so they are not guessed at).
//
// `zones`, when given, loads each zone other than Europe/Riga once across calls (a search over
// many locations); Europe/Riga never needs a lookup.
//
// Rows that cannot be read are skipped, never guessed at: a byday entry other than MO..SU, a
// time that is not 'HH:MM' (or 'HH:MM:00'), closes_at not after opens_at, a valid_from/valid_to
// that is not a date, an `interval` other than NULL or 1. closes_at '00:00' means midnight at
// the end of the day (24:00). `until`, `count` and MONTHLY rules are not read.
//
// Exception rows of one date combine: any row with closed = 1 closes the day; otherwise the
// rows with opens_at and closes_at are that day's hours; a row with closed = 0 and no times
// keeps the usual weekly hours (e.g. open on a public holiday). The first non-empty note
// counts.
std::optional<directory::WeeklyHours> HoursOfLocation(Connection& c, std::string_view location_id,
                                                      std::chrono::year_month_day today,
                                                      TimeZoneCache* zones = nullptr);

// The same for the local dates `first`..`last` (their exceptions and holiday entries are read).
// With `periods_instead`, those weekly periods take the place of the location's own timetable,
// with the location's exceptions, holidays and zone: a bookable resource's own hours at a
// location whose opening hours are not known.
std::optional<directory::WeeklyHours> HoursOfLocationBetween(
    Connection& c, std::string_view location_id, std::chrono::year_month_day first,
    std::chrono::year_month_day last,
    const std::vector<directory::Period>* periods_instead = nullptr,
    TimeZoneCache* zones = nullptr);

// The dates from `first` to `last` (inclusive, local dates) on which the location does not keep
// its weekly timetable, in date order, as WeeklyHours::Day describes them (is_today false):
// - every date with a dated exception (closed, other hours, or open as usual on a public
//   holiday; then holiday_key names it too);
// - every public holiday of the location's calendar (computed, or a `holiday` table entry; none
//   when its holiday_calendar_id is NULL) that closes a date on which the
//   weekly timetable would have been open. A holiday on a day the library is closed anyway
//   changes nothing for a visitor and is left out.
// Exception rows are read and combined as HoursOfLocation reads them. Empty when the hours are
// unknown on all those dates (no weekly schedule row applies): the page then shows no hours at
// all, so it would have nothing to compare an exception with.
std::vector<directory::DayHours> DatedDaysOfLocation(Connection& c, std::string_view location_id,
                                                     std::chrono::year_month_day first,
                                                     std::chrono::year_month_day last);

// Replaces the location's own weekly schedule rows with `periods`, one row per period:
// freq 'WEEKLY', byday one of MO..SU, opens_at/closes_at 'HH:MM' (a closing at midnight is
// '24:00'), valid_from/valid_to 'YYYY-MM-DD' or NULL, and the id
// DeterministicUuid("schedule:<location_id>:<MO..SU>:<opens HH:MM>"), with ":<valid_from>"
// appended when the period has one, so re-imports keep ids. Schedules of services and rows
// of other frequencies are left alone; exceptions too. An empty `periods` removes the weekly
// timetable (the hours become unknown).
//
// When the rows change, location.last_modified becomes `now_rfc3339`; writing the same
// timetable again changes nothing. Run inside Database::Write so the delete and the inserts
// commit together. `periods` must pass directory::ValidatePeriods (validate at the edge):
// otherwise throws std::invalid_argument and writes nothing. Throws SqlError on a database
// failure, e.g. a constraint error when the location does not exist.
void ReplaceWeeklyHours(Connection& c, std::string_view location_id,
                        const std::vector<directory::Period>& periods,
                        std::string_view now_rfc3339);

// Readers of the `schedule` table's fields as HoursOfLocation reads them, for the other readers
// of that table (store/search_snapshot):
// 'YYYY-MM-DD' (anything after the tenth character is ignored) that is a real date;
std::optional<std::chrono::year_month_day> ParseScheduleDate(std::string_view text);
// opens_at/closes_at as a range ('00:00' closing is midnight at the end of the day); nullopt
// when either is missing or unreadable or the range is empty;
std::optional<directory::TimeRange> ParseScheduleRange(const std::optional<std::string>& opens,
                                                       const std::optional<std::string>& closes);
// the ISO weekdays of a byday list such as 'MO,TU' (entries it does not know are left out).
std::vector<int> ParseScheduleWeekdays(std::string_view byday);

}  // namespace tilti::store
