#include "bookings/slots.h"

#include <algorithm>

#include "core/riga_time.h"

namespace tilti::bookings {
namespace {

using namespace std::chrono;
using directory::TimeRange;

constexpr std::string_view kKindNames[] = {"room", "workstation", "consultation",
                                           "interpreter_session"};

// `a` minus every range of `cut` (both sorted, non-overlapping).
std::vector<TimeRange> Subtract(const std::vector<TimeRange>& a, const std::vector<TimeRange>& cut) {
  std::vector<TimeRange> out;
  for (TimeRange r : a) {
    for (const TimeRange& c : cut) {
      if (c.closes_min <= r.opens_min || c.opens_min >= r.closes_min) continue;
      if (c.opens_min > r.opens_min) out.push_back({r.opens_min, c.opens_min});
      r.opens_min = std::max(r.opens_min, c.closes_min);
      if (r.opens_min >= r.closes_min) break;
    }
    if (r.opens_min < r.closes_min) out.push_back(r);
  }
  return out;
}

std::vector<TimeRange> Intersect(const std::vector<TimeRange>& a, const std::vector<TimeRange>& b) {
  std::vector<TimeRange> out;
  for (const TimeRange& x : a) {
    for (const TimeRange& y : b) {
      const int from = std::max(x.opens_min, y.opens_min), to = std::min(x.closes_min, y.closes_min);
      if (from < to) out.push_back({from, to});
    }
  }
  return directory::MergeRanges(std::move(out));
}

std::vector<TimeRange> PeriodsOn(const std::vector<ResourcePeriod>& periods, int weekday, bool quiet) {
  std::vector<TimeRange> out;
  for (const ResourcePeriod& p : periods) {
    if (p.weekday == weekday && p.quiet == quiet) out.push_back({p.opens_min, p.closes_min});
  }
  return directory::MergeRanges(std::move(out));
}

}  // namespace

std::string_view ResourceKindName(ResourceKind kind) { return kKindNames[static_cast<int>(kind)]; }

std::optional<ResourceKind> ParseResourceKind(std::string_view name) {
  for (size_t i = 0; i < std::size(kKindNames); ++i) {
    if (kKindNames[i] == name) return static_cast<ResourceKind>(i);
  }
  return std::nullopt;
}

Status ValidateRules(const SlotRules& rules, const std::vector<ResourcePeriod>& periods) {
  std::vector<FieldError> errors;
  if (rules.slot_minutes < 10 || rules.slot_minutes > 480) {
    errors.push_back({"slot_minutes", "bookings.error.slot_minutes"});
  }
  if (rules.buffer_minutes < 0 || rules.buffer_minutes > 240) {
    errors.push_back({"buffer_minutes", "bookings.error.buffer_minutes"});
  }
  if (rules.book_ahead_days < 1 || rules.book_ahead_days > 365) {
    errors.push_back({"book_ahead_days", "bookings.error.book_ahead_days"});
  }
  if (rules.min_notice_minutes < 0 || rules.min_notice_minutes > 7 * 24 * 60) {
    errors.push_back({"min_notice_minutes", "bookings.error.min_notice"});
  }
  for (size_t i = 0; i < periods.size(); ++i) {
    const ResourcePeriod& p = periods[i];
    if (p.weekday < 1 || p.weekday > 7 || p.opens_min < 0 || p.closes_min > directory::kMinutesPerDay ||
        p.opens_min >= p.closes_min) {
      errors.push_back({"periods." + std::to_string(i) + ".closes_at", "bookings.error.period"});
    }
  }
  if (errors.empty()) return Ok();
  return Error{ErrorCode::kInvalidInput, "resource rules", std::move(errors)};
}

std::vector<TimeRange> BookableRanges(const directory::DayHours& day,
                                      const std::vector<ResourcePeriod>& periods) {
  if (day.closed) return {};
  std::vector<TimeRange> open = day.periods;
  const bool has_own = std::any_of(periods.begin(), periods.end(),
                                   [](const ResourcePeriod& p) { return !p.quiet; });
  if (has_own) open = Intersect(open, PeriodsOn(periods, day.weekday, false));
  return Subtract(open, PeriodsOn(periods, day.weekday, true));
}

std::vector<Slot> LaySlots(year_month_day date, const std::vector<TimeRange>& ranges,
                           const SlotRules& rules, const TimeZone& zone) {
  std::vector<Slot> out;
  if (rules.slot_minutes <= 0) return out;
  for (const TimeRange& r : ranges) {
    for (int start = r.opens_min; start + rules.slot_minutes <= r.closes_min;
         start += rules.slot_minutes + std::max(0, rules.buffer_minutes)) {
      const int end = start + rules.slot_minutes;
      out.push_back({date, start, end, zone.FromLocal(date, minutes{start}),
                     zone.FromLocal(date, minutes{end})});
    }
  }
  return out;
}

bool WithinBookingWindow(const Slot& slot, const SlotRules& rules, const TimeZone& zone,
                         SysTime now) {
  if (slot.starts_at < now + minutes{rules.min_notice_minutes}) return false;
  return sys_days{slot.date} <= sys_days{zone.LocalDate(now)} + days{rules.book_ahead_days};
}

std::vector<year_month_day> BookableDates(const SlotRules& rules, const TimeZone& zone,
                                          SysTime now) {
  std::vector<year_month_day> out;
  const year_month_day today = zone.LocalDate(now);
  for (int i = 0; i <= rules.book_ahead_days; ++i) out.push_back(AddDays(today, i));
  return out;
}

bool Overlaps(const Slot& slot, const Busy& busy) {
  return slot.starts_at < busy.ends_at && busy.starts_at < slot.ends_at;
}

}  // namespace tilti::bookings
