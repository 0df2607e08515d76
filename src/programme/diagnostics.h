#pragma once
// Local diagnostics and the local strategy of a library (issue 7, seed 004 lines 95-130: a local
// mobility event, data gathering by interviews and focus groups, a diagnostic report; then the
// local strategy): the closed lists and the checks the back-office forms must pass.
// Pure: no I/O; the store checks that linked records exist and belong to the library.
// No personal data is asked for: participants are head counts by target group, and the notes
// are meant to be anonymised (the form says so; nothing here can tell).
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace tilti::programme {

inline constexpr std::array<std::string_view, 5> kDiagnosticMethods = {
    "mobility-event", "interviews", "focus-group", "survey", "other"};
inline constexpr std::array<std::string_view, 4> kStrategyActionStatuses = {"planned", "running",
                                                                            "done", "dropped"};
bool IsDiagnosticMethod(std::string_view s);
bool IsStrategyActionStatus(std::string_view s);

inline constexpr long kMaxDiagnosticText = 5000;   // characters, notes and findings each
inline constexpr long kMaxReportMarkdown = 50000;  // characters
inline constexpr long kMaxStrategyTitle = 200;     // characters
inline constexpr long kMaxStrategyDescription = 5000;
inline constexpr int64_t kMaxDiagnosticCount = 100000;

struct DiagnosticActivityForm {
  std::optional<std::string> held_on;  // YYYY-MM-DD; nullopt when the typed date was not a date
  std::string method, notes, findings;
  // Target-group key (a term id or "unspecified") -> the head count as typed ("" = none).
  std::vector<std::pair<std::string, std::string>> typed_counts;
};

struct DiagnosticActivityValues {
  std::string held_on, method, notes, findings;  // notes and findings trimmed
  std::map<std::string, int64_t> counts;         // only the groups with a count typed
};

// Field errors (kInvalidInput), in the form's order:
//   "held_on"      diagnostics.error.date           not a real date
//   "method"       diagnostics.error.method         not one of kDiagnosticMethods
//   "count-<key>"  diagnostics.error.count          not a whole number from 0 to 100000
//   "notes", "findings"  diagnostics.error.text_too_long   over kMaxDiagnosticText
Result<DiagnosticActivityValues> CheckDiagnosticActivity(const DiagnosticActivityForm& form);

struct DiagnosticReportForm {
  std::string markdown;
  bool published = false;
};
// Field errors: "markdown" diagnostics.error.report_too_long (over kMaxReportMarkdown) or
// diagnostics.error.report_empty (publishing an empty report).
Status CheckDiagnosticReport(const DiagnosticReportForm& form);

struct StrategyGoalForm {
  std::string title, description;
};
// Field errors: "title" diagnostics.error.title_missing / diagnostics.error.title_too_long;
// "description" diagnostics.error.text_too_long.
Status CheckStrategyGoal(const StrategyGoalForm& form);

struct StrategyActionForm {
  std::string goal_id, title, status;
  std::string initiative_id, event_id, service_id;  // "" when not linked
};
// Field errors: "goal" diagnostics.error.goal_missing; "title" as for a goal; "status"
// diagnostics.error.status (not one of kStrategyActionStatuses); "initiative"
// diagnostics.error.needs_link: an action that is 'running' or 'done' must say what carries it
// (an initiative, an event or a service), so that the public strategy shows where it happens;
// 'planned' and 'dropped' actions need none.
Status CheckStrategyAction(const StrategyActionForm& form);

}  // namespace tilti::programme
