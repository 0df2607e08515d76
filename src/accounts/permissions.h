#pragma once
// Who may do what in the back office. Pure: the web layer builds an Actor from the session and
// asks before every read or write of a back-office page; a refusal is answered 403 and logged.
//
//   coordinator  everything, everywhere
//   librarian    the organisations they are a member of (and those organisations' locations,
//                services and reports): edit hours, contacts, languages, accessibility and
//                address directly; propose new services and descriptions (reviewed unless the
//                ReviewPolicy says otherwise); translate; confirm records are still true;
//                moderate the reports about their libraries
//   partner      see their organisations and propose changes to them, nothing more
//
// Site-wide actions (managing users, reviewing proposals, taxonomies, the freshness view of
// every record) belong to coordinators only.
#include <string>
#include <string_view>
#include <vector>

#include "accounts/account_rules.h"

namespace tilti::accounts {

struct Actor {
  std::string account_id;
  std::string display_name;  // as the audit log shows it
  Role role = Role::kPartner;
  std::vector<std::string> organization_ids;  // memberships; empty for coordinators
};

enum class Action {
  kSeeOwn,          // pages that list only the actor's own organisations' things (dashboard,
                    // queues filtered to them): any signed-in account, no object
  kView,            // open the organisation's back-office pages and history
  kEditDirect,      // hours, exceptions, contacts, languages, accessibility, address, coordinates
  kEditText,        // names and descriptions in their source language
  kAddService,      // a new service, or a service's texts
  kTranslate,       // the texts of the organisation's records in other languages
  kConfirmChecked,  // "still true" (assured date)
  kModerate,        // the reports about the organisation
  kEditEvents,      // create, change, cancel and duplicate the organisation's events
  kTakeRegistrations,  // see who registered (personal data), mark attendance, record head counts
  kReview,          // approve or reject proposals (site-wide)
  kManageUsers,     // invite, disable, reset (site-wide)
  kEditTaxonomies,  // taxonomy terms and their names (site-wide)
  kCreateOrganizations,  // new libraries and partner organisations (site-wide)
  kSeeEverything,   // dashboards and queues of every organisation (site-wide)
  kEditProgramme,   // initiatives, hackathons and ideas, partnerships, diagnostics (site-wide)
};

// True when `actor` may do `action` on the organisation `organization_id` ("" for the
// site-wide actions, which ignore it). A disabled account never reaches this: the session is
// gone.
bool Can(const Actor& actor, Action action, std::string_view organization_id = "");

// How a permitted change is applied: at once, or as a proposal waiting for a coordinator.
enum class Apply { kNow, kReview };

// Which changes of librarians go to review (the site's setting, TILTI_REVIEW). Partners'
// changes always do, coordinators' never.
struct ReviewPolicy {
  bool texts = true;         // names and descriptions
  bool new_services = true;  // new services and their texts
};

// How `action` (which `actor` may do, see Can) is applied for `actor` under `policy`.
Apply ApplyMode(const Actor& actor, Action action, const ReviewPolicy& policy);

// Good practices (issue 8): who may change a submission (its texts, images and links). A
// coordinator may change any; its author, or a member of its library, only while it is not
// published (a published practice changes through a coordinator). Anyone signed in may
// submit one.
struct PracticeOwnership {
  std::string submitted_by;     // account id
  std::string organization_id;  // "" for a library not in the directory
  bool published = false;
};
bool MayChangePractice(const Actor& actor, const PracticeOwnership& practice);
// Who may see a submission in the back office: those who may change it, and its author and
// library members after publication.
bool MaySeePractice(const Actor& actor, const PracticeOwnership& practice);

// True when the actor is a partner and may only propose (Can(kView) but no edits of its own).
bool ProposesOnly(const Actor& actor);

}  // namespace tilti::accounts
