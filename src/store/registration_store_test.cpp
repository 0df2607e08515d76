#include "store/registration_store.h"

#include <gtest/gtest.h>

#include "store/attendance_store.h"
#include "store/demo_database_for_tests.h"
#include "store/event_store.h"

namespace tilti::store {
namespace {

using namespace std::chrono;
using events::PlaceStatus;

const SysTime kNow = ParseStoredRfc3339("2026-11-22T10:00:00Z").value();

class RegistrationStore : public ::testing::Test {
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
  // Three Friday sessions with `capacity` places each.
  std::string Event(std::optional<int> capacity,
                    events::RegistrationMode mode = events::RegistrationMode::kOpen) {
    EventRecord e;
    e.organization_id = One("SELECT id FROM organization WHERE slug = 'ogres-centrala-biblioteka'");
    e.location_id = One("SELECT id FROM location WHERE organization_id = ?1", e.organization_id);
    e.title = "Sarunu klubs";
    e.category_id = One("SELECT id FROM taxonomy_term WHERE code = 'conversation-club'");
    e.spoken_languages = {"lv"};
    e.capacity = capacity;
    e.registration = mode;
    e.series.first = {year_month_day{year{2026}, month{11}, day{27}}, minutes{16 * 60}};
    e.series.duration_minutes = 60;
    e.series.rrule = "FREQ=WEEKLY;BYDAY=FR;COUNT=3";
    const std::string id =
        db().Write([&](Connection& c) { return SaveEvent(c, e, {"acc", "Anna"}, kNow); });
    first_ = One("SELECT id FROM occurrence WHERE event_id = ?1 ORDER BY starts_at", id);
    return id;
  }
  // Registers a party; returns the token hash (the registration's key here).
  std::string Reg(const std::string& event, int party, bool series = false,
                  const std::string& name = "Olena") {
    NewRegistration r;
    r.event_id = event;
    if (!series) r.occurrence_id = first_;
    r.token_hash = std::string(64, '0');
    const std::string n = std::to_string(++counter_);
    r.token_hash.replace(64 - n.size(), n.size(), n);
    r.form.name = name;
    r.form.party_size = party;
    r.form.language = "uk";
    r.form.needs = {"step-free"};
    auto result = db().Write([&](Connection& c) { return Register(c, r, kNow); });
    EXPECT_TRUE(result.ok());
    return r.token_hash;
  }
  RegistrationView View(const std::string& hash) {
    return RegistrationByTokenHash(*db().Read(), hash).value();
  }
  std::string Status(const std::string& hash) {
    return std::string(events::PlaceStatusName(View(hash).places.at(0).status));
  }
  int Confirmed() { return std::stoi(One("SELECT confirmed FROM occurrence WHERE id = ?1", first_)); }
  static DemoDatabaseForTests* demo_;
  std::string first_;
  static inline int counter_ = 0;
};
DemoDatabaseForTests* RegistrationStore::demo_ = nullptr;

TEST_F(RegistrationStore, ConfirmsWhilePlacesRemainThenWaitlistsInOrder) {
  const std::string event = Event(4);
  const auto a = Reg(event, 2), b = Reg(event, 2), c = Reg(event, 1), d = Reg(event, 3);
  EXPECT_EQ(Status(a), "confirmed");
  EXPECT_EQ(Status(b), "confirmed");
  EXPECT_EQ(Status(c), "waitlisted");
  EXPECT_EQ(View(c).places[0].waitlist_position, 1);
  EXPECT_EQ(View(d).places[0].waitlist_position, 2);
  EXPECT_EQ(Confirmed(), 4);
  const auto v = View(a);
  EXPECT_EQ(v.name, "Olena");
  EXPECT_EQ(v.needs, std::vector<std::string>{"step-free"});
  EXPECT_FALSE(v.whole_series);
  ASSERT_EQ(v.places.size(), 1u);
}

TEST_F(RegistrationStore, CancellingPromotesTheWaitlistFirstComeFirstServed) {
  const std::string event = Event(4);
  const auto a = Reg(event, 1), b = Reg(event, 3), c = Reg(event, 2), d = Reg(event, 1);
  EXPECT_EQ(Status(c), "waitlisted");
  EXPECT_EQ(Status(d), "waitlisted");
  // One place frees: the party of 2 at the head does not fit, and the party of 1 behind it
  // does not overtake.
  db().Write([&](Connection& conn) { CancelPlaces(conn, View(a).id, first_, kNow); });
  EXPECT_EQ(Status(a), "cancelled");
  EXPECT_EQ(Status(c), "waitlisted");
  EXPECT_EQ(View(d).places[0].waitlist_position, 2);
  EXPECT_EQ(Confirmed(), 3);
  // Three more free: both waiting parties get places.
  db().Write([&](Connection& conn) { CancelPlaces(conn, View(b).id, std::nullopt, kNow); });
  EXPECT_EQ(Status(c), "confirmed");
  EXPECT_EQ(Status(d), "confirmed");
  EXPECT_EQ(View(c).places[0].waitlist_position, 0);
  EXPECT_EQ(Confirmed(), 3);
}

TEST_F(RegistrationStore, ASmallerPartyFreesPlacesALargerOneNeedsThem) {
  const std::string event = Event(4);
  const auto a = Reg(event, 2), b = Reg(event, 2), c = Reg(event, 1);
  EXPECT_EQ(Status(c), "waitlisted");
  auto form = events::RegistrationForm{"Olena", "", 3, "uk", {}, ""};
  auto grown = db().Write([&](Connection& conn) { return ChangeRegistration(conn, View(a).id, form, kNow); });
  ASSERT_FALSE(grown.ok());
  EXPECT_EQ(grown.error().fields.at(0).message_key, "registration.error.no_room_for_party");
  EXPECT_EQ(View(a).party_size, 2) << "nothing changed";
  form.party_size = 1;
  form.contact = "olena@example.org";
  ASSERT_TRUE(db().Write([&](Connection& conn) { return ChangeRegistration(conn, View(a).id, form, kNow); }).ok());
  EXPECT_EQ(View(a).contact, "olena@example.org");
  EXPECT_EQ(Status(b), "confirmed");
  EXPECT_EQ(Status(c), "confirmed") << "the freed place went to the waitlist";
  EXPECT_EQ(Confirmed(), 4);
}

TEST_F(RegistrationStore, WholeSeriesHoldsAPlaceAtEveryFutureDate) {
  const std::string event = Event(2);
  const auto a = Reg(event, 2, /*series=*/true);
  const auto v = View(a);
  EXPECT_TRUE(v.whole_series);
  ASSERT_EQ(v.places.size(), 3u);
  for (const auto& p : v.places) EXPECT_EQ(p.status, PlaceStatus::kConfirmed);
  EXPECT_EQ(Status(Reg(event, 1)), "waitlisted");
  EXPECT_EQ(db().Write([&](Connection& c) { return CancelPlaces(c, v.id, std::nullopt, kNow); }), 3);
}

TEST_F(RegistrationStore, AWholeSeriesRegistrationFollowsNewDates) {
  const std::string event = Event(5);
  const auto a = Reg(event, 1, /*series=*/true);
  const auto gone = Reg(event, 1, /*series=*/true);
  db().Write([&](Connection& c) { CancelPlaces(c, View(gone).id, std::nullopt, kNow); });
  auto e = LoadEvent(*db().Read(), event).value();
  e.series.rrule = "FREQ=WEEKLY;BYDAY=FR;COUNT=5";
  db().Write([&](Connection& c) { SaveEvent(c, e, {"acc", "Anna"}, kNow); });
  const auto v = View(a);
  ASSERT_EQ(v.places.size(), 5u) << "the two new Fridays too";
  for (const auto& p : v.places) EXPECT_EQ(p.status, PlaceStatus::kConfirmed);
  EXPECT_EQ(View(gone).places.size(), 3u) << "a registration cancelled everywhere stays cancelled";
}

TEST_F(RegistrationStore, ApprovalModeWaitsForTheLibrary) {
  const std::string event = Event(2, events::RegistrationMode::kApproval);
  const auto a = Reg(event, 2), b = Reg(event, 1);
  EXPECT_EQ(Status(a), "pending");
  EXPECT_EQ(Confirmed(), 0);
  auto decide = [&](const std::string& hash, bool approve) {
    return db().Write([&](Connection& c) { return DecidePending(c, first_, View(hash).id, approve, kNow); });
  };
  ASSERT_TRUE(decide(a, true).ok());
  EXPECT_EQ(Status(a), "confirmed");
  ASSERT_TRUE(decide(b, true).ok());
  EXPECT_EQ(Status(b), "waitlisted") << "approved, but the places are taken";
  EXPECT_FALSE(decide(b, false).ok()) << "only a pending request can be decided";
  const auto c = Reg(event, 1);
  ASSERT_TRUE(decide(c, false).ok());
  EXPECT_EQ(Status(c), "declined");
  auto list = RegistrationsOf(*db().Read(), first_);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].status, PlaceStatus::kConfirmed);
  EXPECT_EQ(list[1].status, PlaceStatus::kWaitlisted);
  EXPECT_EQ(list[1].waitlist_position, 1);
  EXPECT_EQ(list[2].status, PlaceStatus::kDeclined);
}

TEST_F(RegistrationStore, AttendanceAndRefusals) {
  const std::string event = Event(std::nullopt);
  const auto a = Reg(event, 5);
  EXPECT_EQ(Status(a), "confirmed") << "no limit";
  const std::string id = View(a).id;
  ASSERT_TRUE(db().Write([&](Connection& c) { return MarkAttended(c, first_, id, true, kNow); }).ok());
  EXPECT_EQ(View(a).places[0].attended, std::optional<bool>(true));
  EXPECT_FALSE(db().Write([&](Connection& c) { return MarkAttended(c, first_, "nobody", true, kNow); }).ok());

  NewRegistration r;
  r.event_id = "no-such-event";
  r.token_hash = std::string(64, 'f');
  r.form = {"X", "", 1, "lv", {}, ""};
  auto missing = db().Write([&](Connection& c) { return Register(c, r, kNow); });
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  r.event_id = Event(3, events::RegistrationMode::kNone);
  auto closed = db().Write([&](Connection& c) { return Register(c, r, kNow); });
  EXPECT_EQ(closed.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(RegistrationByTokenHash(*db().Read(), std::string(64, 'f')));
}

TEST_F(RegistrationStore, TheDatabaseItselfRefusesOverbooking) {
  Event(2);
  auto over = [&] {
    db().Write([&](Connection& c) {
      c.Prepare("UPDATE occurrence SET confirmed = 3 WHERE id = ?1").Bind(1, first_).Run();
    });
  };
  EXPECT_THROW(over(), std::exception);
  EXPECT_EQ(Confirmed(), 0);
}

}  // namespace
}  // namespace tilti::store

namespace tilti::store {
namespace {

int64_t TotalParticipation(Database& db) {
  int64_t total = 0;
  for (const auto& f : Participation(*db.Read(), {true, {}}, {"en"}, "2026-11-01", "2027-01-01")) total += f.people;
  return total;
}

TEST_F(RegistrationStore, RetentionErasesThePeopleAndKeepsWhoCame) {
  const std::string event = Event(10);
  const auto once = Reg(event, 2, false, "Retention-Once");
  const auto series = Reg(event, 3, true, "Retention-Series");
  const std::string once_id = View(once).id, series_id = View(series).id;
  db().Write([&](Connection& c) {
    ASSERT_TRUE(MarkAttended(c, first_, once_id, true, kNow).ok());
    ASSERT_TRUE(MarkAttended(c, first_, series_id, true, kNow).ok());
  });
  const int64_t before = TotalParticipation(db());
  // A cutoff after the first Friday: the one-date registration goes, the series one (with
  // dates still to come) stays.
  const SysTime after_first = ParseStoredRfc3339("2026-12-01T00:00:00Z").value();
  // (Other tests of this suite registered for their own first Fridays too.)
  EXPECT_GE(db().Write([&](Connection& c) { return EraseOldRegistrations(c, after_first, kNow); }), 1);
  EXPECT_EQ(One("SELECT count(*) FROM registration WHERE name = 'Retention-Once'"), "0");
  EXPECT_EQ(One("SELECT count(*) FROM registration WHERE name = 'Retention-Series'"), "1");
  EXPECT_EQ(One("SELECT count FROM attendance_count WHERE occurrence_id = ?1", first_), "5");
  EXPECT_EQ(TotalParticipation(db()), before) << "who came is still counted";
  // After the last Friday the series registration goes too; the totals stay.
  const SysTime after_all = ParseStoredRfc3339("2027-01-01T00:00:00Z").value();
  EXPECT_GE(db().Write([&](Connection& c) { return EraseOldRegistrations(c, after_all, kNow); }), 1);
  EXPECT_EQ(One("SELECT count(*) FROM registration WHERE name LIKE 'Retention-%'"), "0");
  EXPECT_EQ(One("SELECT count(*) FROM registration_place WHERE registration_id = ?1", series_id), "0");
  EXPECT_EQ(TotalParticipation(db()), before);
}

}  // namespace
}  // namespace tilti::store
