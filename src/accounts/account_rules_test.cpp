#include "accounts/account_rules.h"

#include <gtest/gtest.h>

namespace tilti::accounts {
namespace {

std::string EmailKey(std::string_view email) {
  auto errors = CheckEmail(NormalizeEmail(email));
  return errors.empty() ? "" : errors[0].message_key;
}

TEST(AccountRules, RolesRoundTripAndUnknownOnesAreRefused) {
  for (Role r : {Role::kCoordinator, Role::kLibrarian, Role::kPartner}) {
    EXPECT_EQ(ParseRole(RoleName(r)), r);
  }
  EXPECT_FALSE(ParseRole("admin"));
  EXPECT_FALSE(ParseRole("Coordinator"));
  EXPECT_FALSE(ParseRole(""));
}

TEST(AccountRules, EmailIsTrimmedAndLowerCased) {
  EXPECT_EQ(NormalizeEmail("  Anna.Berzina@Example.ORG \n"), "anna.berzina@example.org");
  EXPECT_EQ(NormalizeEmail("Jānis@Example.lv"), "jānis@example.lv") << "non-ASCII kept";
}

TEST(AccountRules, EmailShapeIsChecked) {
  EXPECT_EQ(EmailKey("anna@example.org"), "");
  EXPECT_EQ(EmailKey("a.b+c@sub.example.lv"), "");
  EXPECT_EQ(EmailKey(""), "account.email.missing");
  EXPECT_EQ(EmailKey("   "), "account.email.missing");
  for (const char* bad : {"anna", "@example.org", "anna@", "anna@example", "anna@.org",
                          "anna@example.", "anna@@example.org", "an na@example.org",
                          "anna@exa..mple.org", "anna@example.org\x01x"}) {
    EXPECT_EQ(EmailKey(bad), "account.email.invalid") << bad;
  }
  EXPECT_EQ(EmailKey(std::string(250, 'a') + "@x.lv"), "account.email.invalid");
}

TEST(AccountRules, DisplayNameIsCheckedInCharacters) {
  EXPECT_TRUE(CheckDisplayName("Anna Bērziņa").empty());
  EXPECT_EQ(CheckDisplayName("").at(0).message_key, "account.name.missing");
  EXPECT_EQ(CheckDisplayName("  ").at(0).message_key, "account.name.missing");
  EXPECT_EQ(CheckDisplayName("Anna\nB").at(0).message_key, "account.name.invalid");
  std::string long_name;
  for (int i = 0; i < 200; ++i) long_name += "ž";
  EXPECT_TRUE(CheckDisplayName(long_name).empty()) << "200 characters, 400 bytes";
  EXPECT_EQ(CheckDisplayName(long_name + "a").at(0).message_key, "account.name.too_long");
}

}  // namespace
}  // namespace tilti::accounts
