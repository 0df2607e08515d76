#include "store/event_store.h"

#include <gtest/gtest.h>

#include "store/audit_store.h"
#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

using namespace std::chrono;
using events::LocalStart;

const SysTime kNow = ParseStoredRfc3339("2026-11-22T10:00:00Z").value();

LocalStart At(int y, unsigned m, unsigned d, int hh, int mm) {
  return LocalStart{year_month_day{year{y}, month{m}, day{d}}, minutes{hh * 60 + mm}};
}

class EventStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { demo_ = new DemoDatabaseForTests(); }
  static void TearDownTestSuite() {
    delete demo_;
    demo_ = nullptr;
  }
  Database& db() { return demo_->db(); }
  std::string One(const std::string& sql, const std::string& arg = "") {
    auto lease = db().Read();
    Statement st = lease->Prepare(sql);
    if (!arg.empty()) st.Bind(1, arg);
    return st.Step() ? st.Text(0) : "";
  }
  EventRecord Weekly() {
    EventRecord e;
    e.organization_id = One("SELECT id FROM organization WHERE slug = 'ogres-centrala-biblioteka'");
    e.location_id = One("SELECT id FROM location WHERE organization_id = ?1", e.organization_id);
    e.title = "Latviešu valodas sarunu klubs";
    e.category_id = One("SELECT id FROM taxonomy_term WHERE code = 'conversation-club'");
    e.audience_ids = {One("SELECT id FROM taxonomy_term WHERE code = 'seniors'")};
    e.spoken_languages = {"lv"};
    e.interpreted_languages = {"uk"};
    e.capacity = 12;
    e.registration = events::RegistrationMode::kOpen;
    e.series.first = At(2026, 11, 25, 16, 0);  // a Wednesday; the rule says Fridays
    e.series.duration_minutes = 60;
    e.series.rrule = "FREQ=WEEKLY;BYDAY=FR;UNTIL=20270331T205959Z";
    return e;
  }
  int Count(const std::string& sql, const std::string& arg) { return std::stoi(One(sql, arg)); }
  static DemoDatabaseForTests* demo_;
  Author anna{"acc-anna", "Anna"};
};
DemoDatabaseForTests* EventStore::demo_ = nullptr;

TEST_F(EventStore, SaveMaterialisesFromTheRulesFirstDateAndAudits) {
  const std::string id = db().Write([&](Connection& c) { return SaveEvent(c, Weekly(), anna, kNow); });
  auto e = LoadEvent(*db().Read(), id);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->series.first, At(2026, 11, 27, 16, 0)) << "DTSTART moved onto the first Friday";
  EXPECT_EQ(e->sequence, 0);
  EXPECT_EQ(e->interpreted_languages, std::vector<std::string>{"uk"});
  // Fridays from 27 Nov 2026 to 26 Mar 2027: 18 dates.
  EXPECT_EQ(Count("SELECT count(*) FROM occurrence WHERE event_id = ?1", id), 18);
  EXPECT_EQ(One("SELECT starts_at FROM occurrence WHERE event_id = ?1 ORDER BY starts_at", id),
            "2026-11-27T14:00:00Z");
  EXPECT_EQ(One("SELECT value FROM translation WHERE entity = 'event' AND entity_id = ?1 AND "
                "field = 'title' AND source = 'original'", id),
            "Latviešu valodas sarunu klubs");
  EXPECT_FALSE(HistoryOf(*db().Read(), "event", id, 50).empty());
}

TEST_F(EventStore, ExceptionsRematerialiseAndBumpSequence) {
  const std::string id = db().Write([&](Connection& c) { return SaveEvent(c, Weekly(), anna, kNow); });
  const LocalStart dec4 = At(2026, 12, 4, 16, 0);
  db().Write([&](Connection& c) {
    SaveSeriesException(c, id, {dec4, events::ExceptionKind::kCancelled, "Slimība", {}, {}, 0, {}}, anna, kNow);
  });
  const std::string occ = OccurrenceId(id, dec4);
  EXPECT_EQ(One("SELECT status || '/' || cancel_reason FROM occurrence WHERE id = ?1", occ), "cancelled/Slimība");
  EXPECT_EQ(LoadEvent(*db().Read(), id)->sequence, 1);
  db().Write([&](Connection& c) {
    SaveSeriesException(c, id, {At(2026, 12, 11, 16, 0), events::ExceptionKind::kRemoved, "", {}, {}, 0, {}}, anna, kNow);
  });
  EXPECT_EQ(Count("SELECT count(*) FROM occurrence WHERE event_id = ?1", id), 17);
  db().Write([&](Connection& c) { RemoveSeriesException(c, id, dec4, anna, kNow); });
  EXPECT_EQ(One("SELECT status FROM occurrence WHERE id = ?1", occ), "scheduled");
  EXPECT_EQ(LoadExceptions(*db().Read(), id).size(), 1u);
  EXPECT_EQ(LoadEvent(*db().Read(), id)->sequence, 3);
}

TEST_F(EventStore, ARegisteredDateThatLeavesTheSeriesIsCancelledNotDeleted) {
  const std::string id = db().Write([&](Connection& c) { return SaveEvent(c, Weekly(), anna, kNow); });
  const std::string occ = OccurrenceId(id, At(2027, 3, 26, 16, 0));
  const std::string kept = OccurrenceId(id, At(2027, 2, 26, 16, 0));
  db().Write([&](Connection& c) {
    c.Exec("INSERT INTO registration (id, token_hash, event_id, party_size, name, language, created, "
           "last_modified) VALUES ('r1', '" + std::string(64, 'a') + "', '" + id +
           "', 2, 'Olena', 'uk', 'x', 'x')");
    c.Exec("INSERT INTO registration_place (registration_id, occurrence_id, status, last_modified) "
           "VALUES ('r1', '" + occ + "', 'confirmed', 'x')");
    c.Exec("UPDATE occurrence SET confirmed = 2 WHERE id = '" + occ + "'");
    c.Exec("INSERT INTO registration_place (registration_id, occurrence_id, status, last_modified) "
           "VALUES ('r1', '" + kept + "', 'confirmed', 'x')");
    c.Exec("UPDATE occurrence SET confirmed = 2 WHERE id = '" + kept + "'");
  });
  EventRecord shorter = *LoadEvent(*db().Read(), id);
  shorter.series.rrule = "FREQ=WEEKLY;BYDAY=FR;UNTIL=20270228T215959Z";
  shorter.capacity = 1;  // below the 2 confirmed places: the people keep their places
  db().Write([&](Connection& c) { SaveEvent(c, shorter, anna, kNow); });
  EXPECT_EQ(One("SELECT status FROM occurrence WHERE id = ?1", occ), "cancelled");
  EXPECT_EQ(One("SELECT status || '/' || capacity FROM occurrence WHERE id = ?1", kept), "scheduled/2");
  EXPECT_EQ(Count("SELECT count(*) FROM occurrence WHERE event_id = ?1 AND status = 'scheduled'", id), 14);
}

TEST_F(EventStore, CancelSplitAndDuplicate) {
  const std::string id = db().Write([&](Connection& c) { return SaveEvent(c, Weekly(), anna, kNow); });
  EventRecord later = Weekly();
  later.series.first = At(2027, 1, 8, 17, 0);
  const std::string next = db().Write([&](Connection& c) {
    return SplitSeries(c, id, At(2027, 1, 8, 16, 0), later, anna, kNow);
  });
  EXPECT_NE(next, id);
  EXPECT_EQ(One("SELECT max(local_date) FROM occurrence WHERE event_id = ?1", id), "2027-01-01");
  EXPECT_EQ(One("SELECT min(original_start) FROM occurrence WHERE event_id = ?1", next), "2027-01-08T17:00");
  const std::string copy = db().Write([&](Connection& c) { return DuplicateEvent(c, next, anna, kNow); });
  EXPECT_EQ(Count("SELECT count(*) FROM occurrence WHERE event_id = ?1", copy),
            Count("SELECT count(*) FROM occurrence WHERE event_id = ?1", next));
  db().Write([&](Connection& c) { CancelEvent(c, copy, "Telpas remonts", anna, kNow); });
  EXPECT_EQ(Count("SELECT count(*) FROM occurrence WHERE event_id = ?1 AND status = 'scheduled'", copy), 0);
  EXPECT_EQ(One("SELECT DISTINCT cancel_reason FROM occurrence WHERE event_id = ?1", copy), "Telpas remonts");
}

TEST_F(EventStore, ExtendMaterialisationMovesTheHorizon) {
  EventRecord forever = Weekly();
  forever.series.rrule = "FREQ=MONTHLY;BYMONTHDAY=1";
  forever.series.first = At(2026, 12, 1, 10, 0);
  const std::string id = db().Write([&](Connection& c) { return SaveEvent(c, forever, anna, kNow); });
  EXPECT_EQ(One("SELECT materialised_until FROM event WHERE id = ?1", id), "2028-05-22");
  const SysTime later = kNow + days{40};
  EXPECT_EQ(db().Write([&](Connection& c) { return ExtendMaterialisation(c, later, 1); }), 1)
      << "one event per batch";
  while (db().Write([&](Connection& c) { return ExtendMaterialisation(c, later, 2); }) > 0) {
  }
  EXPECT_EQ(db().Write([&](Connection& c) { return ExtendMaterialisation(c, later); }), 0);
  EXPECT_EQ(One("SELECT max(local_date) FROM occurrence WHERE event_id = ?1", id), "2028-07-01");
}

}  // namespace
}  // namespace tilti::store
