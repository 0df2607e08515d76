#pragma once
// Latvian public holidays (svētku dienas), computed for any year from the rules of the law
// "Par svētku, atceres un atzīmējamām dienām" (On holidays, remembrance days and days of
// note), as in force today:
//
//   1 January                 New Year                        holiday.new_year
//   Good Friday               (Western Easter − 2)            holiday.good_friday
//   Easter Sunday             (Gregorian computus)            holiday.easter
//   Easter Monday             (Easter + 1)                    holiday.easter_monday
//   1 May                     Labour Day, Constituent Assembly holiday.labour_day
//   4 May                     Restoration of Independence     holiday.independence_restoration
//   Whit Sunday               Vasarsvētki (Easter + 49)       holiday.whitsun
//   23 June                   Līgo                            holiday.ligo
//   24 June                   Jāņi                            holiday.jani
//   18 November               Proclamation of the Republic    holiday.proclamation
//   24 December               Christmas Eve                   holiday.christmas_eve
//   25 December               Christmas                       holiday.christmas
//   26 December               Second Christmas Day            holiday.second_christmas
//   31 December               New Year's Eve                  holiday.new_years_eve
//
// When 4 May or 18 November falls on a Saturday or Sunday, the next Monday is a day off too
// (holiday.independence_restoration_transfer, holiday.proclamation_transfer; is_transfer).
//
// Mother's Day, the second Sunday of May (holiday.mothers_day), is in the law's list too: it is
// always a Sunday, but a library that opens on Sundays is closed on it like on any holiday.
//
// Not computed, because their dates are not known in advance: the closing day of the General
// Latvian Song and Dance Festival (a holiday by the same law, with the same weekend transfer,
// e.g. Sunday 9 and Monday 10 July 2023), one-off days off the Saeima or the Cabinet decide
// (e.g. after an ice hockey medal), and working days the Cabinet moves to a Saturday. Those
// belong in the `holiday` table (calendar 'LV') as dated entries; store/hours_queries combines
// them with these.
//
// Past years are computed with today's rules too, which is not always what applied then (the
// weekend transfer and Christmas Eve date from 2007). All functions are pure and thread-safe.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace tilti::directory {

struct Holiday {
  std::chrono::year_month_day date;
  std::string name_key;      // message key, e.g. "holiday.jani"
  bool is_transfer = false;  // the Monday after 4 May or 18 November fell on a weekend

  bool operator==(const Holiday&) const = default;
};

// Western (Gregorian) Easter Sunday of `year` (anonymous Gregorian algorithm; any year > 1582).
std::chrono::year_month_day WesternEaster(int year);

// Every public holiday of `year`, in date order: 14 entries, plus one for each of 4 May and
// 18 November that falls on a weekend.
std::vector<Holiday> LatvianHolidays(int year);

// The holiday on `date`, or nullopt on an ordinary day.
std::optional<Holiday> LatvianHolidayOn(std::chrono::year_month_day date);

// True if `date` is a public holiday.
bool IsHoliday(std::chrono::year_month_day date);

}  // namespace tilti::directory
