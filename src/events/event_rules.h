#pragma once
// The back-office event form (issue 5): what a librarian types, checked, into a draft the store
// saves. Pure: the form's choices (categories, target groups, languages, the library's
// locations) come in as a context. Dates are typed as 2026-12-04 or as Latvians write them,
// 4.12.2026; repetition is chosen, not written: none, daily, weekly on weekdays, monthly on the
// same day or on the same weekday (e.g. the second Tuesday), every N, until a date or N times,
// turned into an RRULE by BuildRule and checked by CheckRule.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "events/event.h"

namespace tilti::events {

inline constexpr long kMaxTitleChars = 200;
inline constexpr long kMaxDescriptionChars = 5000;
inline constexpr long kMaxAccessibilityChars = 1000;
inline constexpr int kMaxCapacity = 100000;
inline constexpr int kMaxRepeatCount = 500;

struct EventInput {  // as typed
  std::string title, description, accessibility_note;
  std::string category;                 // term code
  std::vector<std::string> audiences;   // term codes
  std::vector<std::string> languages, interpreted;  // ISO 639 codes
  std::string on_site;                  // "1" when held at the library
  std::string online_url;
  std::string age_min, age_max, capacity;
  std::string registration;             // none | open | approval
  std::string date, start_time, end_time;
  std::string repeat;                   // "" | daily | weekly | monthly | monthly-weekday
  std::string interval;                 // "" = 1
  std::vector<std::string> weekdays;    // "1".."7" (Monday = 1), weekly only
  std::string ends;                     // never | until | count
  std::string until, count;
  // With repeat "custom": the stored rule kept as it is (set by the handler from the stored
  // event, never from the form).
  std::string custom_rule;
};

struct EventContext {
  std::map<std::string, std::string> categories;  // code -> id
  std::map<std::string, std::string> audiences;   // code -> id
  std::vector<std::string> languages;             // codes one may choose
  bool has_location = false;                      // the library has a place to hold it
};

struct EventDraft {
  std::string title, description, accessibility_note;
  std::string category_id;
  std::vector<std::string> audience_ids;
  std::vector<std::string> spoken_languages, interpreted_languages;
  bool on_site = true;
  std::optional<std::string> online_url;
  std::optional<int> age_min, age_max, capacity;
  RegistrationMode registration = RegistrationMode::kNone;
  Series series;
};

// Checks the input. Field errors (in form order) carry message keys "event.error.…"; a rule
// libical refuses is reported on `repeat` with RuleErrorId's key.
Result<EventDraft> ValidateEvent(const EventInput& input, const EventContext& context);

// "2026-12-04" or "4.12.2026" (also with a trailing dot, or "04.12.2026").
std::optional<std::chrono::year_month_day> ParseTypedDate(std::string_view typed);

// The form's input for an existing event (to edit it): the rule read back into the simple
// choices when it is one BuildRule makes; `repeat` = "custom" otherwise (kept as it is).
EventInput InputOf(const EventDraft& draft, const std::map<std::string, std::string>& category_codes,
                   const std::map<std::string, std::string>& audience_codes);

}  // namespace tilti::events
