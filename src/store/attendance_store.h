#pragma once
// What librarians record after an event and what coordinators count (issue 5): head counts by
// target group per occurrence (for walk-in events, and for everyone who came), the registration
// counts the back-office lists show, and the participation facts the statistics are made of.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/localized_text.h"
#include "store/audit_store.h"
#include "store/manage_queries.h"
#include "store/sql.h"

namespace tilti::store {

// The key of head counts of people whose group was not noted.
inline constexpr std::string_view kUnspecifiedGroup = "unspecified";

struct RegistrationCounts {
  int confirmed_people = 0;
  int waitlisted_parties = 0;
  int pending_parties = 0;
};
// The counts of each of `occurrence_ids` that has any registration.
std::map<std::string, RegistrationCounts> RegistrationCountsOf(
    Connection& c, const std::vector<std::string>& occurrence_ids);

struct TargetGroup {
  std::string id, code;
  LocalizedText name;
};
// The terms of a taxonomy ('target-group', 'event-category'), in their order.
std::vector<TargetGroup> TermsOfTaxonomy(Connection& c, std::string_view taxonomy_code,
                                         const LocaleChain& chain);
inline std::vector<TargetGroup> TargetGroups(Connection& c, const LocaleChain& chain) {
  return TermsOfTaxonomy(c, "target-group", chain);
}

// The head counts recorded for an occurrence: term id (or kUnspecifiedGroup) -> people.
std::map<std::string, int> HeadCounts(Connection& c, std::string_view occurrence_id);

// Replaces the occurrence's head counts (a group without a count is removed), audited as
// resource 'occurrence'. `counts` keys must be target-group term ids or kUnspecifiedGroup.
void SaveHeadCounts(Connection& c, std::string_view occurrence_id,
                    const std::map<std::string, int>& counts, const Author& author, SysTime now);

// People who took part at one occurrence in one group. An occurrence with head counts counts
// them (they cover everyone, registered or not); one without counts counts the parties marked
// as attended, in kUnspecifiedGroup.
struct ParticipationFact {
  std::string month;  // YYYY-MM of the occurrence's local date
  std::string library_slug;
  LocalizedText library;
  std::string category_code;
  LocalizedText category;
  std::string group_code;  // term code, or kUnspecifiedGroup
  LocalizedText group;     // empty for kUnspecifiedGroup
  int64_t people = 0;
};
// The facts of the occurrences of `scope`'s organisations whose local date is in
// [from_date, to_date) (YYYY-MM-DD), one per month × library × category × group.
std::vector<ParticipationFact> Participation(Connection& c, const OrganizationScope& scope,
                                             const LocaleChain& chain, std::string_view from_date,
                                             std::string_view to_date);

}  // namespace tilti::store
