#pragma once
// Bookable resources (issue 6): which times of a day can be booked. Pure rules, no I/O:
// store/booking_store reads the resource, the location's hours and what is taken, and applies
// them inside one write transaction.
//
// A day's bookable ranges are the location's opening hours that day (its exceptions and public
// holidays included; directory::WeeklyHours decides), narrowed to the resource's own weekly
// hours when it has some, minus its quiet hours (times nobody may book: airing, cleaning,
// staff breaks). Slots are laid from the start of each range: slot_minutes long, the next one
// buffer_minutes after the previous one ends, the last one ending by the range's end. Slots
// that start before now + min_notice_minutes or after the last bookable day (book_ahead_days
// from today) are not offered. All times are the location's wall clock.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "directory/opening_hours.h"

namespace tilti::bookings {

enum class ResourceKind { kRoom, kWorkstation, kConsultation, kInterpreterSession };
std::string_view ResourceKindName(ResourceKind kind);  // "room", "workstation", ...
std::optional<ResourceKind> ParseResourceKind(std::string_view name);

struct SlotRules {
  int slot_minutes = 60;
  int buffer_minutes = 0;
  int book_ahead_days = 28;     // the last bookable date is today + book_ahead_days
  int min_notice_minutes = 60;  // how late one may book before the start
};

// A weekly period of the resource: its own hours (kOpen) or quiet hours (kQuiet).
struct ResourcePeriod {
  int weekday = 1;  // ISO 1 = Monday .. 7 = Sunday
  int opens_min = 0, closes_min = 0;
  bool quiet = false;
};

// Checks rules and periods before they are stored. Field errors (kInvalidInput) carry keys:
//   slot_minutes     bookings.error.slot_minutes     not 10..480
//   buffer_minutes   bookings.error.buffer_minutes   not 0..240
//   book_ahead_days  bookings.error.book_ahead_days  not 1..365
//   min_notice_minutes bookings.error.min_notice     not 0..10080 (a week)
//   periods.N.closes_at  bookings.error.period       empty or outside 00:00–24:00, weekday not 1..7
Status ValidateRules(const SlotRules& rules, const std::vector<ResourcePeriod>& periods);

// The ranges of `day` (the location's hours that day) that can be booked.
std::vector<directory::TimeRange> BookableRanges(const directory::DayHours& day,
                                                 const std::vector<ResourcePeriod>& periods);

struct Slot {
  std::chrono::year_month_day date;
  int starts_min = 0, ends_min = 0;  // wall clock, minutes after midnight
  SysTime starts_at{}, ends_at{};
  bool operator==(const Slot&) const = default;
};

// Every slot of the day laid in `ranges` (not filtered by now or book-ahead).
std::vector<Slot> LaySlots(std::chrono::year_month_day date,
                           const std::vector<directory::TimeRange>& ranges,
                           const SlotRules& rules, const TimeZone& zone);

// Whether a slot may be booked at `now`: after the minimum notice, and its date no later than
// today (the location's date at `now`) + book_ahead_days.
bool WithinBookingWindow(const Slot& slot, const SlotRules& rules, const TimeZone& zone,
                         SysTime now);

// The dates a visitor can choose from at `now`: today .. today + book_ahead_days.
std::vector<std::chrono::year_month_day> BookableDates(const SlotRules& rules,
                                                       const TimeZone& zone, SysTime now);

// A time range taken by something else: a block by the library, or a booked slot of another
// start (after the hours changed). Half-open [starts_at, ends_at).
struct Busy {
  SysTime starts_at{}, ends_at{};
};
bool Overlaps(const Slot& slot, const Busy& busy);

}  // namespace tilti::bookings
