#include "store/diagnostic_store.h"

#include <gtest/gtest.h>

#include "store/attendance_store.h"
#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

constexpr const char* kNow = "2026-11-30T08:00:00Z";

class DiagnosticStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { demo_ = std::make_unique<DemoDatabaseForTests>(); }
  static void TearDownTestSuite() { demo_.reset(); }
  Database& db() { return demo_->db(); }
  std::string One(const std::string& sql) {
    auto lease = db().Read();
    Statement st = lease->Prepare(sql);
    return st.Step() ? st.Text(0) : "";
  }
  std::string OrgId(const std::string& slug) {
    return One("SELECT id FROM organization WHERE slug = '" + slug + "'");
  }
  static inline std::unique_ptr<DemoDatabaseForTests> demo_;
};

TEST_F(DiagnosticStore, TheDemoHasNoDiagnostics) {
  EXPECT_EQ(One("SELECT count(*) FROM diagnostic_activity"), "0");
  EXPECT_EQ(One("SELECT count(*) FROM diagnostic_report"), "0");
  EXPECT_EQ(One("SELECT count(*) FROM strategy_goal"), "0");
}

TEST_F(DiagnosticStore, AnActivityKeepsHeadCountsByGroupAndStaysWithItsLibrary) {
  const std::string ogre = OrgId("ogres-centrala-biblioteka");
  const std::string other = OrgId("siguldas-novada-biblioteka");
  ASSERT_FALSE(ogre.empty());
  ASSERT_FALSE(other.empty());
  const auto groups = TargetGroups(*db().Read(), {"lv"});
  ASSERT_GE(groups.size(), 2u);
  programme::DiagnosticActivityValues v{"2025-10-02",
                                        "focus-group",
                                        "Anonīmi",
                                        "Vajag vakaros",
                                        {{groups[0].id, 7}, {std::string(kUnspecifiedGroup), 2}}};
  auto saved = db().Write(
      [&](Connection& c) { return SaveDiagnosticActivity(c, ogre, "", v, "lv", "acc-1", kNow); });
  ASSERT_TRUE(saved.ok());
  auto loaded = LoadDiagnosticActivity(*db().Read(), ogre, saved.value());
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->method, "focus-group");
  EXPECT_EQ(loaded->total, 9);
  EXPECT_EQ(loaded->counts.at(groups[0].id), 7);
  // Another library neither sees nor changes it.
  EXPECT_FALSE(LoadDiagnosticActivity(*db().Read(), other, saved.value()).has_value());
  auto foreign = db().Write([&](Connection& c) {
    return SaveDiagnosticActivity(c, other, saved.value(), v, "lv", "acc-2", kNow);
  });
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(DiagnosticActivitiesOf(*db().Read(), other).empty());

  // A change replaces the counts; a forged group key changes nothing.
  v.counts = {{groups[1].id, 3}};
  ASSERT_TRUE(db().Write([&](Connection& c) {
                    return SaveDiagnosticActivity(c, ogre, saved.value(), v, "en", "acc-1", kNow);
                  })
                  .ok());
  auto changed = LoadDiagnosticActivity(*db().Read(), ogre, saved.value());
  EXPECT_EQ(changed->counts, (std::map<std::string, int64_t>{{groups[1].id, 3}}));
  EXPECT_EQ(changed->source_locale, "lv") << "a change keeps the texts' language";
  v.counts = {{"not-a-group", 1}};
  v.method = "interviews";
  auto forged = db().Write([&](Connection& c) {
    return SaveDiagnosticActivity(c, ogre, saved.value(), v, "lv", "acc-1", kNow);
  });
  ASSERT_FALSE(forged.ok());
  EXPECT_EQ(forged.error().fields.at(0).field, "count-not-a-group");
  EXPECT_EQ(LoadDiagnosticActivity(*db().Read(), ogre, saved.value())->method, "focus-group");
}

TEST_F(DiagnosticStore, TheDatabaseRefusesWhatTheFormsWouldNot) {
  const std::string ogre = OrgId("ogres-centrala-biblioteka");
  auto insert = [&](const std::string& method, const std::string& held_on) {
    db().Write([&](Connection& c) {
      Statement st = c.Prepare(
          "INSERT INTO diagnostic_activity (id, organization_id, held_on, method, recorded_by, "
          "created, last_modified) "
          "VALUES (?1, ?2, ?3, ?4, 'x', 'now', 'now')");
      st.Bind(1, "raw-" + method + held_on).Bind(2, ogre).Bind(3, held_on).Bind(4, method).Run();
    });
  };
  EXPECT_THROW(insert("party", "2025-01-01"), SqlError);
  EXPECT_THROW(insert("other", "1.1.2025"), SqlError);
  EXPECT_THROW(db().Write([&](Connection& c) {
    c.Exec("INSERT INTO strategy_goal (id, organization_id, title, last_modified) VALUES ('g', '" +
           ogre + "', '', 'now')");
  }),
               SqlError);
}

TEST_F(DiagnosticStore, TheReportIsPublicOnlyWhenPublished) {
  const std::string jelgava = OrgId("jelgavas-pilsetas-biblioteka");
  ASSERT_FALSE(jelgava.empty());
  EXPECT_FALSE(LoadDiagnosticReport(*db().Read(), jelgava).has_value());
  EXPECT_FALSE(HasPublicDiagnostics(*db().Read(), jelgava));
  db().Write([&](Connection& c) {
    SaveDiagnosticReport(c, jelgava, {"# Pārskats", false}, "lv", "acc", kNow);
  });
  EXPECT_FALSE(HasPublicDiagnostics(*db().Read(), jelgava));
  db().Write([&](Connection& c) {
    SaveDiagnosticReport(c, jelgava, {"# Pārskats", true}, "lv", "acc", kNow);
  });
  EXPECT_TRUE(HasPublicDiagnostics(*db().Read(), jelgava));
  auto r = LoadDiagnosticReport(*db().Read(), jelgava);
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(r->published);
  EXPECT_EQ(r->markdown, "# Pārskats");
}

TEST_F(DiagnosticStore, ActionsLinkOnlyTheLibrarysOwnRecords) {
  const std::string lib = OrgId("salaspils-novada-biblioteka");
  const std::string ogre = OrgId("ogres-centrala-biblioteka");
  ASSERT_FALSE(lib.empty());
  auto goal = db().Write([&](Connection& c) {
    return SaveStrategyGoal(c, lib, "", {" Vairāk jauniešu ", ""}, "lv", kNow);
  });
  ASSERT_TRUE(goal.ok());
  EXPECT_TRUE(HasPublicDiagnostics(*db().Read(), lib));
  const std::string ogre_service =
      One("SELECT id FROM service WHERE organization_id = '" + ogre + "' LIMIT 1");
  ASSERT_FALSE(ogre_service.empty());
  programme::StrategyActionForm form{goal.value(), "Sarunu klubs", "running", "", "", ogre_service};
  auto foreign =
      db().Write([&](Connection& c) { return SaveStrategyAction(c, lib, "", form, "lv", kNow); });
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().fields.at(0).field, "service");
  // Ogre may not put an action under Salaspils's goal either.
  form.service_id = ogre_service;
  auto wrong_goal =
      db().Write([&](Connection& c) { return SaveStrategyAction(c, ogre, "", form, "lv", kNow); });
  ASSERT_FALSE(wrong_goal.ok());
  EXPECT_EQ(wrong_goal.error().fields.at(0).field, "goal");
  EXPECT_EQ(One("SELECT count(*) FROM strategy_action"), "0");

  const auto services = LibraryServiceChoices(*db().Read(), lib, {"lv"});
  ASSERT_FALSE(services.empty());
  form.service_id = services[0].id;
  auto ok =
      db().Write([&](Connection& c) { return SaveStrategyAction(c, lib, "", form, "lv", kNow); });
  ASSERT_TRUE(ok.ok());
  const auto strategy = StrategyOf(*db().Read(), lib, {"en"});
  ASSERT_EQ(strategy.size(), 1u);
  EXPECT_EQ(strategy[0].title, "Vairāk jauniešu");
  ASSERT_EQ(strategy[0].actions.size(), 1u);
  EXPECT_EQ(strategy[0].actions[0].service_id, services[0].id);
  EXPECT_FALSE(strategy[0].actions[0].service_name.text.empty());
  EXPECT_FALSE(LoadStrategyAction(*db().Read(), ogre, ok.value()).has_value());
  EXPECT_FALSE(LoadStrategyGoal(*db().Read(), ogre, goal.value()).has_value());
}

}  // namespace
}  // namespace tilti::store
