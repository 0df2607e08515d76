#include "accounts/permissions.h"

#include <gtest/gtest.h>

namespace tilti::accounts {
namespace {

constexpr Action kAll[] = {Action::kSeeOwn, Action::kView,      Action::kEditDirect,     Action::kEditText,
                           Action::kAddService, Action::kTranslate,     Action::kConfirmChecked,
                           Action::kModerate,   Action::kReview,        Action::kManageUsers,
                           Action::kEditTaxonomies, Action::kCreateOrganizations,
                           Action::kSeeEverything, Action::kEditEvents,
                           Action::kTakeRegistrations};

Actor Make(Role role, std::vector<std::string> orgs = {}) {
  return Actor{"acc-1", "Someone", role, std::move(orgs)};
}

TEST(Permissions, CoordinatorMayDoEverythingEverywhere) {
  Actor c = Make(Role::kCoordinator);
  for (Action a : kAll) {
    EXPECT_TRUE(Can(c, a, "org-a"));
    EXPECT_TRUE(Can(c, a, ""));
  }
}

TEST(Permissions, LibrarianOnlyOnTheirOwnOrganisations) {
  Actor l = Make(Role::kLibrarian, {"org-a"});
  for (Action a : {Action::kView, Action::kEditDirect, Action::kEditText, Action::kAddService,
                   Action::kTranslate, Action::kConfirmChecked, Action::kModerate,
                   Action::kEditEvents, Action::kTakeRegistrations}) {
    EXPECT_TRUE(Can(l, a, "org-a"));
    EXPECT_FALSE(Can(l, a, "org-b")) << "another library's object";
    EXPECT_FALSE(Can(l, a, "")) << "no organisation named";
  }
  for (Action a : {Action::kReview, Action::kManageUsers, Action::kEditTaxonomies,
                   Action::kCreateOrganizations, Action::kSeeEverything,
                   Action::kEditProgramme}) {
    EXPECT_FALSE(Can(l, a, "org-a")) << "site-wide actions are the coordinators'";
  }
}

TEST(Permissions, PartnerSeesAndProposesOnly) {
  Actor p = Make(Role::kPartner, {"org-a"});
  EXPECT_TRUE(Can(p, Action::kView, "org-a"));
  EXPECT_TRUE(Can(p, Action::kEditText, "org-a"));
  EXPECT_TRUE(Can(p, Action::kAddService, "org-a"));
  for (Action a : {Action::kEditDirect, Action::kTranslate, Action::kConfirmChecked,
                   Action::kModerate, Action::kReview, Action::kManageUsers,
                   Action::kEditEvents, Action::kTakeRegistrations}) {
    EXPECT_FALSE(Can(p, a, "org-a"));
  }
  EXPECT_FALSE(Can(p, Action::kView, "org-b"));
  EXPECT_TRUE(ProposesOnly(p));
  EXPECT_EQ(ApplyMode(p, Action::kEditText, ReviewPolicy{false, false}), Apply::kReview);
}

TEST(Permissions, EveryAccountSeesItsOwnDashboard) {
  EXPECT_TRUE(Can(Make(Role::kPartner, {"org-a"}), Action::kSeeOwn));
  EXPECT_TRUE(Can(Make(Role::kLibrarian), Action::kSeeOwn)) << "even without memberships";
}

TEST(Permissions, NobodyWithoutAnAccount) {
  Actor none;
  none.role = Role::kCoordinator;
  for (Action a : kAll) EXPECT_FALSE(Can(none, a, "org-a"));
}

TEST(Permissions, ReviewPolicyDecidesForLibrariansOnly) {
  Actor l = Make(Role::kLibrarian, {"org-a"});
  ReviewPolicy strict;
  EXPECT_EQ(ApplyMode(l, Action::kEditDirect, strict), Apply::kNow) << "hours and contacts";
  EXPECT_EQ(ApplyMode(l, Action::kEditText, strict), Apply::kReview);
  EXPECT_EQ(ApplyMode(l, Action::kAddService, strict), Apply::kReview);
  ReviewPolicy open{false, false};
  EXPECT_EQ(ApplyMode(l, Action::kEditText, open), Apply::kNow);
  EXPECT_EQ(ApplyMode(l, Action::kAddService, open), Apply::kNow);
  EXPECT_EQ(ApplyMode(Make(Role::kCoordinator), Action::kAddService, strict), Apply::kNow);
}

TEST(Permissions, PracticesChangeByTheirAuthorOrLibraryUntilPublished) {
  const PracticeOwnership draft{"acc-1", "org-a", false};
  const PracticeOwnership published{"acc-1", "org-a", true};
  const PracticeOwnership abroad{"acc-9", "", false};
  Actor author = Make(Role::kPartner);  // no memberships: the author alone
  EXPECT_TRUE(MayChangePractice(author, draft));
  EXPECT_FALSE(MayChangePractice(author, published));
  EXPECT_TRUE(MaySeePractice(author, published));
  EXPECT_FALSE(MaySeePractice(author, abroad));
  Actor colleague{"acc-2", "Colleague", Role::kLibrarian, {"org-a"}};
  EXPECT_TRUE(MayChangePractice(colleague, draft));
  EXPECT_FALSE(MayChangePractice(colleague, published));
  Actor other{"acc-3", "Other", Role::kLibrarian, {"org-b"}};
  EXPECT_FALSE(MaySeePractice(other, draft));
  EXPECT_FALSE(MayChangePractice(other, draft));
  EXPECT_FALSE(MayChangePractice(other, abroad));  // "" is nobody's library
  Actor coordinator{"acc-4", "Coordinator", Role::kCoordinator, {}};
  EXPECT_TRUE(MayChangePractice(coordinator, published));
  EXPECT_TRUE(MayChangePractice(coordinator, abroad));
  EXPECT_FALSE(MayChangePractice(Actor{}, draft));  // signed out
}

}  // namespace
}  // namespace tilti::accounts
