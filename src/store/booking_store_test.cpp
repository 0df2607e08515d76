#include "store/booking_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <thread>

#include "core/ids.h"
#include "core/riga_time.h"
#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

using namespace std::chrono;

// The demo's sensory reading room (capacity 3, 45 minutes + 15 to air it, Tuesday to Saturday,
// at least 2 hours' notice) and the interpreter-supported session (capacity 1, approval).
const SysTime kNow = ParseStoredRfc3339("2026-11-30T08:00:00Z").value();  // Monday 10:00 in Riga
const year_month_day kTuesday = 2026y / December / 1;
const SysTime kEleven = FromRiga(2026, 12, 1, 11, 0);

class BookingStore : public ::testing::Test {
 protected:
  void SetUp() override { demo_ = std::make_unique<DemoDatabaseForTests>(); }
  Database& db() { return demo_->db(); }
  ResourceView Resource(std::string_view key) {
    return LoadResource(*db().Read(), DeterministicUuid("resource:sample/" + std::string(key)), {"en"}).value();
  }
  std::string One(const std::string& sql) {
    auto lease = db().Read();
    Statement st = lease->Prepare(sql);
    return st.Step() ? st.Text(0) : "";
  }
  events::RegistrationForm Person(std::string name, int party = 1) {
    events::RegistrationForm f;
    f.name = std::move(name);
    f.party_size = party;
    f.language = "uk";
    return f;
  }
  static std::string Hash(int n) {
    std::string h = std::to_string(n);
    return std::string(64 - h.size(), '0') + h;
  }
  // Holds and books in one go, as the desk does.
  Result<std::string> Book(const ResourceView& r, SysTime start, int n, int party = 1,
                           std::string group = "") {
    return db().Write([&](Connection& c) -> Result<std::string> {
      auto held = HoldSlot(c, r, {start, party, Hash(n), std::nullopt}, kNow);
      if (!held.ok()) return held.error();
      return ConfirmHold(c, r, Hash(n), {Hash(100000 + n), Person("Nickname-" + std::to_string(n) + "-kept-private", party), group, std::nullopt}, kNow);
    });
  }
  std::unique_ptr<DemoDatabaseForTests> demo_;
};

TEST_F(BookingStore, TheDayOffersTheSlotsOfTheResourcesOwnHours) {
  const ResourceView room = Resource("augsdaugava-sensory-reading-room");
  const DayView day = SlotsOfDay(*db().Read(), room, kTuesday, kNow);
  ASSERT_TRUE(day.hours_known);
  std::vector<std::string> starts;
  for (const auto& s : day.slots) starts.push_back(FormatRfc3339(s.slot.starts_at));
  // 11:00–17:00 in Riga (UTC+2): 45 minutes and 15 to air the room, the last one 16:00–16:45.
  EXPECT_EQ(starts, (std::vector<std::string>{"2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z",
                                              "2026-12-01T11:00:00Z", "2026-12-01T12:00:00Z",
                                              "2026-12-01T13:00:00Z", "2026-12-01T14:00:00Z"}));
  EXPECT_EQ(day.slots[0].free, 3);
  // Monday: closed; 24 December: a public holiday (Christmas Eve).
  EXPECT_TRUE(SlotsOfDay(*db().Read(), room, 2026y / November / 30, kNow).slots.empty());
  EXPECT_TRUE(SlotsOfDay(*db().Read(), room, 2026y / December / 24, kNow).slots.empty());
  // Thursday's quiet hour 13:00–14:00 is never offered.
  for (const auto& s : SlotsOfDay(*db().Read(), room, 2026y / December / 3, kNow).slots) {
    EXPECT_FALSE(s.slot.starts_min < 14 * 60 && s.slot.ends_min > 13 * 60) << s.slot.starts_min;
  }
}

TEST_F(BookingStore, NeverMoreThanCapacityAndHoldsCountUntilTheyEnd) {
  const ResourceView room = Resource("augsdaugava-sensory-reading-room");
  ASSERT_TRUE(Book(room, kEleven, 1, 2).ok());
  auto third = Book(room, kEleven, 2, 2);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, ErrorCode::kConflict);
  EXPECT_EQ(third.error().fields.at(0).message_key, "bookings.error.slot_taken");
  // A hold of the last place: others see it taken until it ends.
  ASSERT_TRUE(db().Write([&](Connection& c) { return HoldSlot(c, room, {kEleven, 1, Hash(3), std::nullopt}, kNow); }).ok());
  EXPECT_EQ(SlotsOfDay(*db().Read(), room, kTuesday, kNow).slots[0].free, 0);
  EXPECT_EQ(SlotsOfDay(*db().Read(), room, kTuesday, kNow + minutes{11}).slots[0].free, 1);
  EXPECT_EQ(One("SELECT taken FROM slot"), "2");
  // The database refuses an impossible count whatever the code above does.
  EXPECT_THROW(db().Write([](Connection& c) { c.Exec("UPDATE slot SET taken = 4"); }), SqlError);
}

TEST_F(BookingStore, ASlotOutsideTheHoursOrTheWindowCannotBeHeld) {
  const ResourceView room = Resource("augsdaugava-sensory-reading-room");
  auto odd = Book(room, kEleven + minutes{10}, 1);  // 11:10 is not a slot
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.error().code, ErrorCode::kNotFound);
  auto soon = Book(room, FromRiga(2026, 11, 30, 11, 0), 2);  // a Monday, and within 2 hours
  EXPECT_FALSE(soon.ok());
  auto far = Book(room, FromRiga(2027, 1, 5, 11, 0), 3);  // beyond 28 days
  EXPECT_FALSE(far.ok());
}

TEST_F(BookingStore, ApprovalHoldsThePlaceUntilDeclined) {
  const ResourceView session = Resource("latgale-interpreter");
  const SysTime start = FromRiga(2026, 12, 1, 12, 0);
  auto id = Book(session, start, 1);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(One("SELECT status FROM booking"), "pending");
  EXPECT_FALSE(Book(session, start, 2).ok()) << "a pending request holds the only place";
  ASSERT_TRUE(db().Write([&](Connection& c) { return DecideBooking(c, id.value(), false, "Nav tulka", kNow); }).ok());
  EXPECT_EQ(One("SELECT status || ':' || reason FROM booking"), "declined:Nav tulka");
  EXPECT_TRUE(Book(session, start, 3).ok()) << "declining frees the place";
}

TEST_F(BookingStore, ChangingTheTimeMovesTheBookingInOneTransaction) {
  const ResourceView room = Resource("augsdaugava-sensory-reading-room");
  auto first = Book(room, kEleven, 1, 3);
  ASSERT_TRUE(first.ok());
  const SysTime noon = FromRiga(2026, 12, 1, 12, 0);
  auto moved = db().Write([&](Connection& c) -> Result<std::string> {
    auto held = HoldSlot(c, room, {noon, 3, Hash(9), first.value()}, kNow);
    if (!held.ok()) return held.error();
    return ConfirmHold(c, room, Hash(9), {Hash(90), Person("Nickname-1-moved", 3), "", std::nullopt}, kNow);
  });
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(One("SELECT group_concat(CAST(taken AS TEXT), ',') FROM (SELECT taken FROM slot ORDER BY starts_at) AS s"),
            "0,3");
  EXPECT_EQ(One("SELECT status FROM booking WHERE id = '" + first.value() + "'"), "cancelled");
}

TEST_F(BookingStore, BlocksAndNewHolidaysListAffectedBookingsAndDropNothing) {
  const ResourceView room = Resource("augsdaugava-sensory-reading-room");
  ASSERT_TRUE(Book(room, kEleven, 1).ok());
  ASSERT_TRUE(Book(room, FromRiga(2026, 12, 2, 11, 0), 2).ok());
  EXPECT_TRUE(AffectedBookings(*db().Read(), room.organization_id, kNow).empty());
  db().Write([&](Connection& c) {
    AddBlock(c, {"", room.id, FromRiga(2026, 12, 1, 10, 30), FromRiga(2026, 12, 1, 12, 0), "Remonts"}, "acc", kNow);
    c.Exec("INSERT INTO schedule_exception (id, location_id, date, closed) VALUES ('x1', '" +
           room.location_id + "', '2026-12-02', 1)");
  });
  const auto affected = AffectedBookings(*db().Read(), room.organization_id, kNow);
  ASSERT_EQ(affected.size(), 2u);
  EXPECT_EQ(affected[0].why, "bookings.affected.blocked");
  EXPECT_EQ(affected[1].why, "bookings.affected.closed");
  EXPECT_EQ(One("SELECT count(*) FROM booking WHERE status = 'confirmed'"), "2");
  // The blocked hour is no longer offered.
  for (const auto& s : SlotsOfDay(*db().Read(), room, kTuesday, kNow).slots) {
    EXPECT_NE(s.slot.starts_at, kEleven);
  }
}

TEST_F(BookingStore, RetentionErasesThePersonAndKeepsTheCounts) {
  const ResourceView room = Resource("augsdaugava-sensory-reading-room");
  ASSERT_TRUE(Book(room, kEleven, 1, 2, "seniors").ok());
  ASSERT_TRUE(Book(room, kEleven, 2, 1, "seniors").ok());
  const std::string name = One("SELECT name FROM booking LIMIT 1");
  auto file_holds = [&](const std::string& text) {
    std::ifstream file(db().path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    return bytes.find(text) != std::string::npos;
  };
  // The file checks are SQLite's: PostgreSQL keeps a database in many files of its own.
  const bool sqlite = !db().IsPostgres();
  ASSERT_TRUE(db().CheckpointTruncate());
  if (sqlite) {
    ASSERT_TRUE(file_holds(name)) << "the name is in the database file before retention";
  }
  const OrganizationScope all{true, {}};
  auto usage = [&] { return BookingUsage(*db().Read(), "2026-12", "2026-12", all, {"en"}); };
  ASSERT_EQ(usage().size(), 1u);
  EXPECT_EQ(usage()[0].people, 3);
  // 30 days after the slot: not yet on the 30th day, erased after it.
  const SysTime after = kEleven + days{31};
  EXPECT_EQ(db().Write([&](Connection& c) { return EraseOldBookings(c, kEleven - minutes{1}, kNow); }), 0);
  EXPECT_EQ(db().Write([&](Connection& c) { return EraseOldBookings(c, after - days{30}, after); }), 2);
  EXPECT_EQ(One("SELECT count(*) FROM booking"), "0");
  ASSERT_EQ(usage().size(), 1u);
  EXPECT_EQ(usage()[0].people, 3);
  EXPECT_EQ(usage()[0].bookings, 2);
  EXPECT_EQ(usage()[0].target_group, "seniors");
  ASSERT_TRUE(db().CheckpointTruncate());
  if (sqlite) {
    EXPECT_FALSE(file_holds(name)) << "secure_delete overwrote the erased rows";
  }
}

TEST_F(BookingStore, ConcurrentWritersNeverOverbook) {
  const ResourceView room = Resource("augsdaugava-sensory-reading-room");
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      if (Book(room, kEleven, 1000 + t).ok()) ++ok;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 3);
  EXPECT_EQ(One("SELECT taken FROM slot"), "3");
  EXPECT_EQ(One("SELECT count(*) FROM booking"), "3");
}

}  // namespace
}  // namespace tilti::store
