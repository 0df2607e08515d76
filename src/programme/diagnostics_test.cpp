#include "programme/diagnostics.h"

#include <gtest/gtest.h>

namespace tilti::programme {
namespace {

std::vector<std::string> Fields(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field + ":" + f.message_key);
  return out;
}

TEST(DiagnosticChecks, ClosedListsOfMethodsAndStatuses) {
  EXPECT_TRUE(IsDiagnosticMethod("mobility-event"));
  EXPECT_TRUE(IsDiagnosticMethod("focus-group"));
  EXPECT_FALSE(IsDiagnosticMethod("Interviews"));
  EXPECT_FALSE(IsDiagnosticMethod(""));
  EXPECT_TRUE(IsStrategyActionStatus("dropped"));
  EXPECT_FALSE(IsStrategyActionStatus("idea"));
}

TEST(DiagnosticChecks, AnActivityKeepsOnlyTheCountsTyped) {
  DiagnosticActivityForm form{"2025-10-02",
                              "interviews",
                              "  Anonīmas piezīmes ",
                              "Secinājumi",
                              {{"term-1", " 12 "}, {"term-2", ""}, {"unspecified", "0"}}};
  auto v = CheckDiagnosticActivity(form);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v.value().held_on, "2025-10-02");
  EXPECT_EQ(v.value().notes, "Anonīmas piezīmes");
  EXPECT_EQ(v.value().counts, (std::map<std::string, int64_t>{{"term-1", 12}, {"unspecified", 0}}));
}

TEST(DiagnosticChecks, EveryMistakeOfAnActivityIsNamed) {
  DiagnosticActivityForm form{
      std::nullopt,
      "party",
      std::string(5001, 'x'),
      "",
      {{"term-1", "-3"}, {"term-2", "divi"}, {"term-3", "100001"}, {"term-4", "2.5"}}};
  auto v = CheckDiagnosticActivity(form);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(Fields(v.error()),
            (std::vector<std::string>{
                "held_on:diagnostics.error.date", "method:diagnostics.error.method",
                "count-term-1:diagnostics.error.count", "count-term-2:diagnostics.error.count",
                "count-term-3:diagnostics.error.count", "count-term-4:diagnostics.error.count",
                "notes:diagnostics.error.text_too_long"}));
  // 5000 characters of Cyrillic (10000 bytes) are within the limit: characters count, not bytes.
  std::string cyrillic;
  for (int i = 0; i < 5000; ++i) cyrillic += "ж";
  EXPECT_TRUE(
      CheckDiagnosticActivity({"2025-01-01", "other", "", cyrillic, {{"u", "100000"}}}).ok());
}

TEST(DiagnosticChecks, AReportMayNotBePublishedEmptyOrBeTooLong) {
  EXPECT_TRUE(CheckDiagnosticReport({"", false}).ok());
  EXPECT_TRUE(CheckDiagnosticReport({"# Pārskats", true}).ok());
  auto empty = CheckDiagnosticReport({"  \n ", true});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(Fields(empty.error()),
            (std::vector<std::string>{"markdown:diagnostics.error.report_empty"}));
  auto long_one = CheckDiagnosticReport({std::string(50001, 'a'), false});
  ASSERT_FALSE(long_one.ok());
  EXPECT_EQ(Fields(long_one.error()),
            (std::vector<std::string>{"markdown:diagnostics.error.report_too_long"}));
}

TEST(DiagnosticChecks, AGoalNeedsATitle) {
  EXPECT_TRUE(CheckStrategyGoal({"Vairāk jauniešu bibliotēkā", ""}).ok());
  auto bad = CheckStrategyGoal({"   ", std::string(5001, 'd')});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(Fields(bad.error()),
            (std::vector<std::string>{"title:diagnostics.error.title_missing",
                                      "description:diagnostics.error.text_too_long"}));
  auto long_title = CheckStrategyGoal({std::string(201, 't'), ""});
  ASSERT_FALSE(long_title.ok());
  EXPECT_EQ(Fields(long_title.error()),
            (std::vector<std::string>{"title:diagnostics.error.title_too_long"}));
}

TEST(DiagnosticChecks, AnActionUnderWayNamesWhatCarriesIt) {
  EXPECT_TRUE(CheckStrategyAction({"g", "Sarunu klubs", "planned", "", "", ""}).ok());
  EXPECT_TRUE(CheckStrategyAction({"g", "Sarunu klubs", "dropped", "", "", ""}).ok());
  EXPECT_TRUE(CheckStrategyAction({"g", "Sarunu klubs", "running", "", "event-1", ""}).ok());
  EXPECT_TRUE(CheckStrategyAction({"g", "Sarunu klubs", "done", "", "", "service-1"}).ok());
  EXPECT_TRUE(CheckStrategyAction({"g", "Sarunu klubs", "running", "libri", "", ""}).ok());
  for (const char* status : {"running", "done"}) {
    auto bad = CheckStrategyAction({"g", "Sarunu klubs", status, "", "", ""});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(Fields(bad.error()),
              (std::vector<std::string>{"initiative:diagnostics.error.needs_link"}));
  }
  auto bad = CheckStrategyAction({"", "", "maybe", "", "", ""});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(Fields(bad.error()), (std::vector<std::string>{"goal:diagnostics.error.goal_missing",
                                                           "title:diagnostics.error.title_missing",
                                                           "status:diagnostics.error.status"}));
}

}  // namespace
}  // namespace tilti::programme
