#pragma once
// Local diagnostics and the local strategy of a library (issue 7, migration 0016): what the
// back-office pages and the public diagnostics page read and write. Every function takes the
// library's organisation id and never touches another library's rows: an id that belongs to
// another library is "not found". Texts are returned as stored (in their source_locale); they
// are not translated (out of scope for now).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/localized_text.h"
#include "programme/diagnostics.h"
#include "store/sql.h"

namespace tilti::store {

struct DiagnosticLibrary {
  std::string id, slug;
  LocalizedText name;  // in the reader's locale chain
  bool is_library = false;
};
// The organisation with this slug; nullopt when there is none.
std::optional<DiagnosticLibrary> DiagnosticLibraryBySlug(Connection& c, std::string_view slug,
                                                         const LocaleChain& chain);

struct DiagnosticActivity {
  std::string id, held_on, method, notes, findings, source_locale;
  std::map<std::string, int64_t> counts;  // target-group term id or "unspecified" -> people
  int64_t total = 0;
};
// The library's activities by date (oldest first).
std::vector<DiagnosticActivity> DiagnosticActivitiesOf(Connection& c,
                                                       std::string_view organization_id);
// One of the library's activities; nullopt when there is none or it is another library's.
std::optional<DiagnosticActivity> LoadDiagnosticActivity(Connection& c,
                                                         std::string_view organization_id,
                                                         std::string_view id);
// Writes a checked activity and replaces its head counts; new when `id` is empty (then
// `source_locale` is the texts' language; a change keeps the stored one). Errors:
// kNotFound when `id` is not one of the library's activities; kInvalidInput with
// "count-<key>" diagnostics.error.count when a key is neither a 'target-group' term nor
// "unspecified" (a forged form). Nothing is written on error.
Result<std::string> SaveDiagnosticActivity(Connection& c, std::string_view organization_id,
                                           std::string_view id,
                                           const programme::DiagnosticActivityValues& values,
                                           std::string_view source_locale,
                                           std::string_view account_id, std::string_view now);

struct DiagnosticReport {
  std::string markdown, source_locale, last_modified;
  bool published = false;
};
// nullopt when the library has written none.
std::optional<DiagnosticReport> LoadDiagnosticReport(Connection& c,
                                                     std::string_view organization_id);
void SaveDiagnosticReport(Connection& c, std::string_view organization_id,
                          const programme::DiagnosticReportForm& form,
                          std::string_view source_locale, std::string_view account_id,
                          std::string_view now);

struct StrategyAction {
  std::string id, goal_id, title, status, source_locale;
  std::string initiative_id, event_id, service_id;  // "" when not linked
  std::string initiative_slug;
  LocalizedText initiative_name, event_title, service_name;  // the linked record's, reader's chain
};
struct StrategyGoal {
  std::string id, title, description, source_locale;
  std::vector<StrategyAction> actions;  // in order
};
// The library's strategy: goals in order, each with its actions.
std::vector<StrategyGoal> StrategyOf(Connection& c, std::string_view organization_id,
                                     const LocaleChain& chain);
// One goal (without its actions) or action of the library; nullopt when not the library's.
std::optional<StrategyGoal> LoadStrategyGoal(Connection& c, std::string_view organization_id,
                                             std::string_view id);
std::optional<StrategyAction> LoadStrategyAction(Connection& c, std::string_view organization_id,
                                                 std::string_view id);

// Writes a checked goal (new when `id` is empty: last in order). kNotFound when `id` is not
// one of the library's goals.
Result<std::string> SaveStrategyGoal(Connection& c, std::string_view organization_id,
                                     std::string_view id, const programme::StrategyGoalForm& form,
                                     std::string_view source_locale, std::string_view now);
// Writes a checked action. kNotFound when `id` is not one of the library's actions;
// kInvalidInput when the goal is not the library's ("goal" diagnostics.error.goal_missing) or
// a link is not among the library's choices below ("initiative", "event" or "service":
// diagnostics.error.unknown_link). Nothing is written on error.
Result<std::string> SaveStrategyAction(Connection& c, std::string_view organization_id,
                                       std::string_view id,
                                       const programme::StrategyActionForm& form,
                                       std::string_view source_locale, std::string_view now);

// What an action may be linked to: the initiatives the library takes part in, its events and
// its services, by name.
struct StrategyLinkChoice {
  std::string id;
  LocalizedText name;
};
std::vector<StrategyLinkChoice> LibraryInitiativeChoices(Connection& c,
                                                         std::string_view organization_id,
                                                         const LocaleChain& chain);
std::vector<StrategyLinkChoice> LibraryEventChoices(Connection& c, std::string_view organization_id,
                                                    const LocaleChain& chain);
std::vector<StrategyLinkChoice> LibraryServiceChoices(Connection& c,
                                                      std::string_view organization_id,
                                                      const LocaleChain& chain);

// Whether the library's public diagnostics page has something to show: a published report or
// a strategy goal.
bool HasPublicDiagnostics(Connection& c, std::string_view organization_id);

// The coordinator dashboard: each library with any diagnostic work, by name — how many
// activities, how many people took part (head counts), whether the report is published and how
// many strategy goals there are.
struct DiagnosticsProgress {
  std::string slug;
  LocalizedText library;
  int64_t activities = 0, participants = 0, goals = 0;
  bool report_published = false;
};
std::vector<DiagnosticsProgress> DiagnosticsPerLibrary(Connection& c, const LocaleChain& chain);

}  // namespace tilti::store
