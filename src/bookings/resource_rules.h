#pragma once
// The back-office form of a bookable resource (issue 6): what a librarian types, checked, into a
// draft the store saves. Hours are typed per weekday as ranges, "10:00–13:00, 14:00–18:00" (an
// en dash or a hyphen; empty = none that day), so no weekday number is ever typed. Pure: the
// choices (accessibility features, languages) come in as a context.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bookings/slots.h"
#include "core/error.h"

namespace tilti::bookings {

inline constexpr long kMaxNameChars = 200;
inline constexpr long kMaxTextChars = 5000;
inline constexpr int kMaxResourceCapacity = 200;

struct ResourceInput {  // as typed
  std::string kind, name, description, what_to_expect;
  std::string capacity, slot_minutes, buffer_minutes, book_ahead_days, min_notice_minutes;
  std::string approval;                  // "1" when a librarian approves each booking
  std::array<std::string, 7> hours;      // Monday first: "10:00–18:00", "" = follow the location
  std::array<std::string, 7> quiet;      // Monday first
  std::vector<std::string> languages;    // ISO 639 codes
  std::vector<std::string> features;     // accessibility term codes
};

struct ResourceContext {
  std::map<std::string, std::string> features;  // code -> term id
  std::vector<std::string> languages;            // codes one may choose
};

struct ResourceDraft {
  ResourceKind kind = ResourceKind::kRoom;
  std::string name, description, what_to_expect;
  int capacity = 1;
  SlotRules rules;
  bool approval = false;
  std::vector<ResourcePeriod> periods;
  std::vector<std::string> languages, feature_ids;
};

// Ranges typed for one day: "10:00–13:00, 14:00-18:00" (commas or semicolons between them).
// nullopt when any part is not HH:MM–HH:MM with the end after the start; empty input is none.
std::optional<std::vector<ResourcePeriod>> ParseDayRanges(std::string_view typed, int weekday, bool quiet);
// The day's periods back as typed ("10:00–13:00, 14:00–18:00").
std::string FormatDayRanges(const std::vector<ResourcePeriod>& periods, int weekday, bool quiet);

// Checks the input; field errors (in form order) carry message keys:
//   kind                    bookings.error.kind
//   name                    bookings.error.name_missing, bookings.error.name_too_long
//   description, what_to_expect  bookings.error.text_too_long
//   capacity                bookings.error.capacity (not a whole number 1..kMaxResourceCapacity)
//   slot_minutes, buffer_minutes, book_ahead_days, min_notice_minutes  as ValidateRules
//                           (bookings.error.number when not a whole number)
//   hours-N, quiet-N        bookings.error.ranges (N = 1..7, Monday = 1)
//   languages               bookings.error.language
//   features                bookings.error.feature
Result<ResourceDraft> ValidateResource(const ResourceInput& input, const ResourceContext& context);

// The form's input for a stored resource.
ResourceInput InputOf(const ResourceDraft& draft, const std::map<std::string, std::string>& feature_codes);

}  // namespace tilti::bookings
