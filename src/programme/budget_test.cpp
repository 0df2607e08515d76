#include "programme/budget.h"

#include <gtest/gtest.h>

namespace tilti::programme {
namespace {

TEST(Budget, TheSeedsFiguresGiveTheirShares) {
  // Seed 002:11: 124 562,30 EUR — ERDF 99 649,84 (80 %), state 12 456,23 (10 %), municipality
  // 12 456,23 (10 %).
  const auto s = SharesOf({{"ERAF", 9964984}, {"Valsts", 1245623}, {"Pašvaldība", 1245623}}, 12456230);
  EXPECT_TRUE(s.adds_up);
  EXPECT_EQ(s.basis_points, (std::vector<int64_t>{8000, 1000, 1000}));
  // Seed 003:19 prints overlapping sources (the municipality's sum includes EU money): they do
  // not add up to the total and the page says so instead of inventing a split.
  const auto open_up = SharesOf({{"ERAF", 15017864}, {"Pašvaldība", 3771027}}, 17668075);
  EXPECT_FALSE(open_up.adds_up);
  EXPECT_EQ(open_up.sum_cents, 18788891);
}

TEST(Budget, AFormsBudgetMustAddUpToTheCent) {
  EXPECT_TRUE(CheckBudget({{"ERAF", "99 649,84"}, {"Valsts", "12456.23"}, {"Pašvaldība", "12 456,23"}}, "124 562,30").ok());
  const Status off = CheckBudget({{"ERAF", "99649.84"}, {"Valsts", "12456.23"}}, "124562.30");
  ASSERT_FALSE(off.ok());
  EXPECT_EQ(off.error().fields.at(0).field, "total");
  EXPECT_EQ(off.error().fields.at(0).message_key, "programme.error.budget_sum");
  const Status bad = CheckBudget({{"", "12,3,4"}, {"Valsts", "-5"}}, "abc");
  ASSERT_FALSE(bad.ok());
  std::vector<std::string> got;
  for (const auto& e : bad.error().fields) got.push_back(e.field + ":" + e.message_key);
  EXPECT_EQ(got, (std::vector<std::string>{"funding.0.funder:programme.error.funder_missing",
                                           "funding.0.amount:programme.error.amount",
                                           "funding.1.amount:programme.error.amount",
                                           "total:programme.error.total"}));
}

TEST(Budget, EurosAreReadTheWaysPeopleWriteThem) {
  EXPECT_EQ(ParseEuros("124 562,30"), 12456230);
  EXPECT_EQ(ParseEuros("124\xC2\xA0" "562.3"), 12456230);
  EXPECT_EQ(ParseEuros("7"), 700);
  EXPECT_FALSE(ParseEuros("1.234"));
  EXPECT_FALSE(ParseEuros("€5"));
  EXPECT_FALSE(ParseEuros(""));
}

}  // namespace
}  // namespace tilti::programme
