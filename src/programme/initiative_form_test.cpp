#include "programme/initiative_form.h"

#include <gtest/gtest.h>

namespace tilti::programme {
namespace {

std::vector<std::string> Fields(const Status& s) {
  std::vector<std::string> out;
  if (!s.ok()) for (const auto& f : s.error().fields) out.push_back(f.field + ":" + f.message_key);
  return out;
}

InitiativeForm Libri() {
  InitiativeForm f;
  f.name = "Bibliotēku tilti";
  f.short_name = "LIBRI";
  f.programme = "AMIF";
  f.call_code = "AMIF-2023-TF2-AG-CALL-AMIF";
  f.typed_starts_on = "1.5.2024";
  f.starts_on = "2024-05-01";
  f.typed_ends_on = "30.4.2026";
  f.ends_on = "2026-04-30";
  return f;
}

TEST(InitiativeForm, TheSeedsInitiativePasses) {
  EXPECT_TRUE(CheckInitiative(Libri()).ok());
  InitiativeForm budget = Libri();
  budget.funding = {{"ERAF", "99 649,84"}, {"Valsts", "12 456,23"}, {"Pašvaldība", "12 456,23"}};
  budget.typed_total = "124 562,30";
  EXPECT_TRUE(CheckInitiative(budget).ok());
}

TEST(InitiativeForm, DatesOutOfOrderOrNotDatesAreNamed) {
  InitiativeForm f = Libri();
  f.ends_on = "2024-04-30";
  EXPECT_EQ(Fields(CheckInitiative(f)), (std::vector<std::string>{"ends_on:programme.error.dates_order"}));
  f = Libri();
  f.typed_starts_on = "pavasarī";
  f.starts_on = std::nullopt;
  f.typed_ends_on = "31.2.2026";
  f.ends_on = std::nullopt;
  EXPECT_EQ(Fields(CheckInitiative(f)),
            (std::vector<std::string>{"starts_on:programme.error.date", "ends_on:programme.error.date"}));
  f.typed_starts_on = f.typed_ends_on = "";  // no period at all is allowed
  EXPECT_TRUE(CheckInitiative(f).ok());
}

TEST(InitiativeForm, ABudgetThatDoesNotAddUpIsNamedOnTheTotal) {
  InitiativeForm f = Libri();
  f.funding = {{"ERAF", "99 649,84"}, {"Valsts", "12 456,23"}};
  f.typed_total = "124 562,30";
  EXPECT_EQ(Fields(CheckInitiative(f)), (std::vector<std::string>{"total:programme.error.budget_sum"}));
  f.funding = {{"", "10"}};
  f.typed_total = "";
  EXPECT_EQ(Fields(CheckInitiative(f)),
            (std::vector<std::string>{"funding.0.funder:programme.error.funder_missing", "total:programme.error.total"}));
}

TEST(InitiativeForm, ExpectedResultsNeedTextAndAKnownStatus) {
  InitiativeForm f = Libri();
  f.results = {{"E-PANEMA", "achieved"}, {"", "in-progress"}, {"Labās prakses", "done"}};
  EXPECT_EQ(Fields(CheckInitiative(f)),
            (std::vector<std::string>{"results.1.text:programme.error.result_missing",
                                      "results.2.status:programme.error.result_status"}));
}

TEST(InitiativeForm, NewsNeedsADateAndATitle) {
  EXPECT_TRUE(CheckNews({"2025-04-10", "Latgales Centrālā bibliotēka piedalās projektā", ""}).ok());
  EXPECT_EQ(Fields(CheckNews({std::nullopt, " ", std::string(5001, 'x')})),
            (std::vector<std::string>{"published_on:programme.error.date", "title:programme.error.news_title_missing",
                                      "body:programme.error.initiative_description_too_long"}));
}

TEST(InitiativeForm, NameAndLengths) {
  InitiativeForm f = Libri();
  f.name = "  ";
  f.call_code = std::string(101, 'A');
  f.description = std::string(5001, 'x');
  EXPECT_EQ(Fields(CheckInitiative(f)),
            (std::vector<std::string>{"name:programme.error.name_missing", "call_code:programme.error.code_too_long",
                                      "description:programme.error.initiative_description_too_long"}));
}

}  // namespace
}  // namespace tilti::programme
