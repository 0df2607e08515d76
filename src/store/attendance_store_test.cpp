#include "store/attendance_store.h"

#include <gtest/gtest.h>

#include "store/demo_database_for_tests.h"
#include "store/event_store.h"
#include "store/registration_store.h"

namespace tilti::store {
namespace {

using namespace std::chrono;

const SysTime kNow = ParseStoredRfc3339("2026-11-22T10:00:00Z").value();

TEST(AttendanceStore, HeadCountsWinOverAttendedRegistrationsAndAreAudited) {
  DemoDatabaseForTests demo;
  Database& db = demo.db();
  auto one = [&](const std::string& sql) {
    auto lease = db.Read();
    Statement st = lease->Prepare(sql);
    return st.Step() ? st.Text(0) : std::string();
  };
  EventRecord e;
  e.organization_id = one("SELECT id FROM organization WHERE slug = 'ogres-centrala-biblioteka'");
  e.location_id = one("SELECT id FROM location WHERE organization_id = '" + e.organization_id + "'");
  e.title = "Sarunu klubs";
  e.category_id = one("SELECT id FROM taxonomy_term WHERE code = 'conversation-club'");
  e.registration = events::RegistrationMode::kOpen;
  e.series.first = {year_month_day{year{2026}, month{11}, day{27}}, minutes{16 * 60}};
  e.series.duration_minutes = 60;
  e.series.rrule = "FREQ=WEEKLY;BYDAY=FR;COUNT=2";
  const Author anna{"acc-anna", "Anna"};
  const std::string id = db.Write([&](Connection& c) { return SaveEvent(c, e, anna, kNow); });
  const std::string first = one("SELECT id FROM occurrence WHERE event_id = '" + id + "' ORDER BY starts_at");
  const std::string second = one("SELECT id FROM occurrence WHERE event_id = '" + id + "' ORDER BY starts_at DESC");
  auto groups = TargetGroups(*db.Read(), {"en"});
  ASSERT_GE(groups.size(), 2u);

  // A registered party of 3 came to both dates; the first also has head counts.
  NewRegistration r{id, std::nullopt, std::string(64, 'a'), {"Olena", "", 3, "uk", {}, ""}};
  const std::string reg = db.Write([&](Connection& c) { return Register(c, r, kNow).value(); });
  for (const auto& occ : {first, second}) {
    ASSERT_TRUE(db.Write([&](Connection& c) { return MarkAttended(c, occ, reg, true, kNow); }).ok());
  }
  db.Write([&](Connection& c) {
    SaveHeadCounts(c, first, {{groups[0].id, 7}, {std::string(kUnspecifiedGroup), 2}}, anna, kNow);
  });
  EXPECT_EQ(HeadCounts(*db.Read(), first).at(groups[0].id), 7);
  EXPECT_FALSE(HistoryOf(*db.Read(), "occurrence", first, 10).empty());

  OrganizationScope all{true, {}};
  auto facts = Participation(*db.Read(), all, {"en"}, "2026-11-01", "2027-01-01");
  std::map<std::string, int64_t> by;  // month/group -> people
  for (const auto& f : facts) {
    if (f.library_slug == "ogres-centrala-biblioteka" && f.category_code == "conversation-club") {
      by[f.month + "/" + f.group_code] += f.people;
    }
  }
  EXPECT_EQ(by["2026-11/" + groups[0].code], 7);
  EXPECT_EQ(by["2026-11/unspecified"], 2) << "head counts replace the registrations' count";
  EXPECT_EQ(by["2026-12/unspecified"], 3) << "no head counts: the attended party counts";

  OrganizationScope other{false, {"no-such-organization"}};
  EXPECT_TRUE(Participation(*db.Read(), other, {"en"}, "2026-11-01", "2027-01-01").empty());

  auto counts = RegistrationCountsOf(*db.Read(), {first, second, "none"});
  EXPECT_EQ(counts.at(first).confirmed_people, 3);
  EXPECT_EQ(counts.count("none"), 0u);

  // Saving without a group removes it.
  db.Write([&](Connection& c) { SaveHeadCounts(c, first, {{groups[0].id, 8}}, anna, kNow); });
  EXPECT_EQ(HeadCounts(*db.Read(), first).size(), 1u);
}

}  // namespace
}  // namespace tilti::store
