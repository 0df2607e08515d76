#pragma once
// An initiative as the back-office form gives it (issue 7): the checks it must pass before it
// is stored. Pure: dates arrive already parsed (nullopt when typed but not a date); that the
// named organisations exist is the store's to say.
#include <array>
#include <optional>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace tilti::programme {

inline constexpr long kMaxInitiativeName = 300;          // characters
inline constexpr long kMaxInitiativeDescription = 5000;  // characters
inline constexpr long kMaxInitiativeCode = 100;          // short name, programme, call code

struct InitiativeForm {
  std::string name, short_name, description, programme, call_code;
  std::string typed_starts_on, typed_ends_on;              // as typed ("" when left empty)
  std::optional<std::string> starts_on, ends_on;           // YYYY-MM-DD when the typed text is a date
  std::vector<std::pair<std::string, std::string>> funding;  // funder, amount as typed; empty rows dropped
  std::string typed_total;                                 // the budget's total as typed
  std::vector<std::pair<std::string, std::string>> results;  // text, status; empty rows dropped
};

// Where an expected result stands.
inline constexpr std::array<std::string_view, 4> kResultStatuses = {"not-reported", "in-progress",
                                                                    "achieved", "not-achieved"};

// Field errors (kInvalidInput):
//   "name"         programme.error.name_missing / programme.error.name_too_long
//   "short_name", "programme", "call_code"  programme.error.code_too_long
//   "description"  programme.error.initiative_description_too_long
//   "starts_on", "ends_on"  programme.error.date (typed but not a date)
//   "ends_on"      programme.error.dates_order (ends before it starts)
//   "results.N.text"   programme.error.result_missing (a status but no text) / programme.error.result_too_long
//   "results.N.status" programme.error.result_status (not one of kResultStatuses)
//   budget fields as CheckBudget (programme/budget.h) names them, checked only when a total or a
//   funding row was given.
Status CheckInitiative(const InitiativeForm& form);

// A news item of an initiative. Field errors (kInvalidInput):
//   "published_on" programme.error.date (nothing typed, or not a date)
//   "title"        programme.error.news_title_missing / programme.error.name_too_long
//   "body"         programme.error.initiative_description_too_long
struct NewsForm {
  std::optional<std::string> published_on;  // YYYY-MM-DD when the typed text is a date
  std::string title, body;
};
Status CheckNews(const NewsForm& form);

}  // namespace tilti::programme
