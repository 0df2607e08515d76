#include "accounts/permissions.h"

#include <algorithm>

namespace tilti::accounts {
namespace {

bool IsMember(const Actor& actor, std::string_view organization_id) {
  if (organization_id.empty()) return false;
  return std::find(actor.organization_ids.begin(), actor.organization_ids.end(),
                   organization_id) != actor.organization_ids.end();
}

bool SiteWide(Action action) {
  switch (action) {
    case Action::kReview:
    case Action::kManageUsers:
    case Action::kEditTaxonomies:
    case Action::kCreateOrganizations:
    case Action::kSeeEverything:
    case Action::kEditProgramme:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool Can(const Actor& actor, Action action, std::string_view organization_id) {
  if (actor.account_id.empty()) return false;
  if (actor.role == Role::kCoordinator) return true;
  if (action == Action::kSeeOwn) return true;
  if (SiteWide(action)) return false;
  if (!IsMember(actor, organization_id)) return false;
  if (actor.role == Role::kLibrarian) return true;
  // A partner sees its organisations and proposes text changes; it never edits hours or
  // contacts directly, translates, confirms or moderates.
  return action == Action::kView || action == Action::kEditText || action == Action::kAddService;
}

Apply ApplyMode(const Actor& actor, Action action, const ReviewPolicy& policy) {
  switch (actor.role) {
    case Role::kCoordinator:
      return Apply::kNow;
    case Role::kPartner:
      return Apply::kReview;
    case Role::kLibrarian:
      if (action == Action::kEditText) return policy.texts ? Apply::kReview : Apply::kNow;
      if (action == Action::kAddService) {
        return policy.new_services ? Apply::kReview : Apply::kNow;
      }
      return Apply::kNow;
  }
  return Apply::kReview;
}

bool MaySeePractice(const Actor& actor, const PracticeOwnership& practice) {
  if (actor.account_id.empty()) return false;
  if (actor.role == Role::kCoordinator) return true;
  return actor.account_id == practice.submitted_by || IsMember(actor, practice.organization_id);
}

bool MayChangePractice(const Actor& actor, const PracticeOwnership& practice) {
  if (actor.account_id.empty()) return false;
  if (actor.role == Role::kCoordinator) return true;
  return !practice.published && MaySeePractice(actor, practice);
}

bool ProposesOnly(const Actor& actor) { return actor.role == Role::kPartner; }

}  // namespace tilti::accounts
