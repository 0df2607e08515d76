#include "store/hours_queries.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <tuple>

#include "core/ids.h"
#include "store/database.h"

namespace tilti::store {
namespace {

namespace fs = std::filesystem;
using directory::Period;
using directory::TimeRange;
using std::chrono::year_month_day;

constexpr char kLoc[] = "loc-1";
constexpr char kOther[] = "loc-2";

year_month_day D(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

int Min(int h, int m = 0) { return h * 60 + m; }

// A fresh migrated database per test, with two locations and no schedules.
class HoursQueries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("TZ", "America/New_York", 1);
    tzset();
  }

  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tilti-hours-" + std::to_string(std::random_device{}()) +
                                        "-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    DatabaseOptions o;
    o.path = (dir_ / "t.db").string();
    o.create_if_missing = true;
    o.read_connections = 1;
    auto db = Database::Open(o);
    ASSERT_TRUE(db.ok()) << db.error().detail;
    db_ = std::move(db.value());
    auto migrated = db_->Migrate(BuiltinSqliteMigrations());
    ASSERT_TRUE(migrated.ok()) << migrated.error().detail;
    Sql("INSERT INTO location (id, name, last_modified) VALUES "
        "('loc-1', 'A', '2026-01-01T00:00:00Z'), ('loc-2', 'B', '2026-01-01T00:00:00Z')");
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  void Sql(const std::string& sql) {
    db_->Write([&](Connection& c) { c.Exec(sql); });
  }

  // A weekly schedule row of the location itself.
  void Weekly(const char* id, const char* byday, const char* opens, const char* closes,
              const char* valid_from = nullptr, const char* valid_to = nullptr) {
    db_->Write([&](Connection& c) {
      Statement st = c.Prepare(
          "INSERT INTO schedule (id, location_id, freq, byday, opens_at, closes_at, valid_from, "
          "valid_to) VALUES (?1, ?2, 'WEEKLY', ?3, ?4, ?5, ?6, ?7)");
      st.Bind(1, id).Bind(2, kLoc).Bind(3, byday);
      opens ? st.Bind(4, opens) : st.BindNull(4);
      closes ? st.Bind(5, closes) : st.BindNull(5);
      valid_from ? st.Bind(6, valid_from) : st.BindNull(6);
      valid_to ? st.Bind(7, valid_to) : st.BindNull(7);
      st.Run();
    });
  }

  void ExceptionRow(const char* id, const char* date, bool closed, const char* opens,
                    const char* closes, const char* note) {
    db_->Write([&](Connection& c) {
      Statement st = c.Prepare(
          "INSERT INTO schedule_exception (id, location_id, date, closed, opens_at, closes_at, "
          "note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      st.Bind(1, id).Bind(2, kLoc).Bind(3, date).Bind(4, closed ? 1 : 0);
      opens ? st.Bind(5, opens) : st.BindNull(5);
      closes ? st.Bind(6, closes) : st.BindNull(6);
      note ? st.Bind(7, note) : st.BindNull(7);
      st.Run();
    });
  }

  std::optional<directory::WeeklyHours> Read(year_month_day today,
                                             std::string_view location = kLoc) {
    auto lease = db_->Read();
    return HoursOfLocation(*lease, location, today);
  }

  std::string Scalar(const std::string& sql) {
    auto lease = db_->Read();
    Statement st = lease->Prepare(sql);
    EXPECT_TRUE(st.Step()) << sql;
    return st.IsNull(0) ? "NULL" : st.Text(0);
  }

  fs::path dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(HoursQueries, NoScheduleMeansHoursUnknown) {
  EXPECT_FALSE(Read(D(2026, 11, 16)).has_value());
  EXPECT_FALSE(Read(D(2026, 11, 16), "no-such-location").has_value());
}

TEST_F(HoursQueries, ReadsWeeklyRowsWithSeveralDays) {
  Weekly("s1", "MO,TU,WE,TH,FR", "10:00", "18:00");
  Weekly("s2", "SA", "10:00:00", "15:00:00");
  auto hours = Read(D(2026, 11, 16));
  ASSERT_TRUE(hours.has_value());
  EXPECT_EQ(hours->periods().size(), 6u);
  // Monday 16 November 2026 at 12:00 in Riga is 10:00Z.
  const SysTime noon = FromRiga(2026, 11, 16, 12, 0);
  const directory::OpenStatus s = hours->StatusAt(noon);
  EXPECT_TRUE(s.open);
  EXPECT_EQ(s.closes_at->hour, 18);
  const auto week = hours->Week(noon);
  EXPECT_EQ(week[5].periods, (std::vector<TimeRange>{{Min(10), Min(15)}}));  // Saturday
  EXPECT_TRUE(week[6].closed);                                               // Sunday
  EXPECT_EQ(week[2].holiday_key, "holiday.proclamation");  // 18 November, computed
  EXPECT_TRUE(week[2].closed);
  EXPECT_FALSE(Read(D(2026, 11, 16), kOther).has_value()) << "another location's rows";
}

TEST_F(HoursQueries, RespectsValidFromAndValidTo) {
  Weekly("winter", "MO", "10:00", "18:00", nullptr, "2026-05-31");
  Weekly("summer", "MO", "10:00", "15:00", "2026-06-01", "2026-08-31");
  auto hours = Read(D(2026, 5, 25));
  ASSERT_TRUE(hours.has_value());
  EXPECT_EQ(hours->Day(D(2026, 5, 25)).periods, (std::vector<TimeRange>{{Min(10), Min(18)}}));
  EXPECT_EQ(hours->Day(D(2026, 6, 1)).periods, (std::vector<TimeRange>{{Min(10), Min(15)}}));
  // In September neither applies, on any day of the window: the hours are unknown.
  EXPECT_FALSE(Read(D(2026, 9, 14)).has_value());
  // Before summer only the winter row applies within the window.
  auto april = Read(D(2026, 4, 6));
  ASSERT_TRUE(april.has_value());
  EXPECT_EQ(april->periods().size(), 1u);
}

TEST_F(HoursQueries, SkipsRowsItCannotRead) {
  Weekly("ok", "MO", "10:00", "18:00");
  Weekly("bad-time", "TU", "10", "18:00");
  Weekly("backwards", "WE", "18:00", "10:00");
  Weekly("bad-day", "XX,1TH", "10:00", "18:00");
  Weekly("bad-date", "FR", "10:00", "18:00", "someday");
  Weekly("no-time", "SA", nullptr, nullptr);
  Sql("INSERT INTO schedule (id, location_id, freq, interval, byday, opens_at, closes_at) "
      "VALUES ('fortnightly', 'loc-1', 'WEEKLY', 2, 'SU', '10:00', '14:00'), "
      "('monthly', 'loc-1', 'MONTHLY', 1, 'SU', '10:00', '14:00')");
  auto hours = Read(D(2026, 11, 16));
  ASSERT_TRUE(hours.has_value());
  EXPECT_EQ(hours->periods(),
            (std::vector<Period>{{.weekday = 1, .opens_min = Min(10), .closes_min = Min(18)}}));
}

TEST_F(HoursQueries, IgnoresSchedulesOfServices) {
  Sql("INSERT INTO organization (id, kind, name, last_modified) VALUES "
      "('org', 'library', 'Org', '2026-01-01T00:00:00Z')");
  Sql("INSERT INTO service (id, organization_id, name, last_modified) VALUES "
      "('svc', 'org', 'Language café', '2026-01-01T00:00:00Z')");
  Sql("INSERT INTO schedule (id, service_id, location_id, freq, byday, opens_at, closes_at) "
      "VALUES ('svc-hours', 'svc', 'loc-1', 'WEEKLY', 'TH', '17:00', '19:00')");
  EXPECT_FALSE(Read(D(2026, 11, 16)).has_value());
}

TEST_F(HoursQueries, MidnightClosingIsTheEndOfTheDay) {
  Weekly("late", "FR", "20:00", "00:00");
  auto hours = Read(D(2026, 11, 16));
  ASSERT_TRUE(hours.has_value());
  EXPECT_EQ(hours->Day(D(2026, 11, 20)).periods, (std::vector<TimeRange>{{Min(20), Min(24)}}));
}

TEST_F(HoursQueries, CombinesExceptionRowsOfADate) {
  Weekly("s1", "MO,TU,WE,TH,FR", "10:00", "18:00");
  ExceptionRow("e1", "2026-11-17", true, nullptr, nullptr, "Inventarizācija");
  ExceptionRow("e2", "2026-11-18", false, "12:00", "14:00", "Svētku koncerts");
  ExceptionRow("e3", "2026-11-18", false, "15:00", "17:00", nullptr);
  ExceptionRow("e4", "2026-11-19", false, "09:00", "11:00", nullptr);
  ExceptionRow("e5", "2026-11-19", true, nullptr, nullptr, nullptr);  // closed wins
  ExceptionRow("e6", "2026-12-24", false, nullptr, nullptr, "Atvērts kā parasti");
  ExceptionRow("far", "2027-01-05", true, nullptr, nullptr, nullptr);  // beyond the window
  auto hours = Read(D(2026, 11, 16));
  ASSERT_TRUE(hours.has_value());

  auto day = hours->Day(D(2026, 11, 17));
  EXPECT_TRUE(day.closed);
  EXPECT_TRUE(day.is_exception);
  EXPECT_EQ(day.note, "Inventarizācija");

  day = hours->Day(D(2026, 11, 18));  // a holiday, open by exception at two times
  EXPECT_EQ(day.periods, (std::vector<TimeRange>{{Min(12), Min(14)}, {Min(15), Min(17)}}));
  EXPECT_EQ(day.note, "Svētku koncerts");
  EXPECT_EQ(day.holiday_key, "holiday.proclamation");

  EXPECT_TRUE(hours->Day(D(2026, 11, 19)).closed);
  EXPECT_FALSE(hours->Day(D(2027, 1, 5)).is_exception);

  // Read on 14 December, Christmas Eve (a Thursday) is open as usual by the exception.
  auto december = Read(D(2026, 12, 14));
  ASSERT_TRUE(december.has_value());
  day = december->Day(D(2026, 12, 24));
  EXPECT_EQ(day.holiday_key, "holiday.christmas_eve");
  EXPECT_EQ(day.periods, (std::vector<TimeRange>{{Min(10), Min(18)}}));
  EXPECT_TRUE(december->Day(D(2026, 12, 25)).closed);  // Christmas, no exception
}

TEST_F(HoursQueries, DatedHolidayEntriesCloseTheLibrary) {
  Weekly("s1", "MO,TU,WE,TH,FR", "10:00", "18:00");
  // A one-off day off, e.g. after a hockey medal; not computable from the law.
  Sql("INSERT INTO holiday (calendar_id, date, name_key) VALUES "
      "('LV', '2026-11-20', 'holiday.one_off')");
  auto hours = Read(D(2026, 11, 16));
  ASSERT_TRUE(hours.has_value());
  const auto day = hours->Day(D(2026, 11, 20));
  EXPECT_TRUE(day.closed);
  EXPECT_EQ(day.holiday_key, "holiday.one_off");
  const auto s = hours->StatusAt(FromRiga(2026, 11, 19, 19, 0));
  EXPECT_EQ(s.next_opening->day, 23);  // Friday off, weekend, Monday
}

TEST_F(HoursQueries, DatedDaysListExceptionsAndHolidaysThatCloseAnOpenDay) {
  Weekly("s1", "MO,TU,WE,TH,FR", "10:00", "18:00");
  ExceptionRow("before", "2026-11-29", true, nullptr, nullptr, "too early");
  ExceptionRow("e1", "2026-12-02", true, nullptr, nullptr, "Inventarizācija");
  ExceptionRow("e2", "2026-12-05", false, "11:00", "15:00", "Ziemassvētku tirdziņš");  // Saturday
  ExceptionRow("e3", "2026-12-24", false, nullptr, nullptr, "Atvērts kā parasti");
  ExceptionRow("after", "2027-01-22", true, nullptr, nullptr, "too late");
  ExceptionRow("other", "2026-12-03", true, nullptr, nullptr, nullptr);
  db_->Write([&](Connection& c) {
    c.Exec("UPDATE schedule_exception SET location_id = 'loc-2' WHERE id = 'other'");
  });
  std::vector<directory::DayHours> days;
  {
    auto lease = db_->Read();
    days = DatedDaysOfLocation(*lease, kLoc, D(2026, 11, 30), D(2027, 1, 21));
  }
  std::vector<year_month_day> dates;
  for (const auto& d : days) dates.push_back(d.date);
  // 25 and 26 December are a Friday and Saturday: only Friday was an opening day; 31 December
  // (Thursday) and 1 January (Friday) close open days. 3 December is another location's.
  EXPECT_EQ(dates, (std::vector<year_month_day>{D(2026, 12, 2), D(2026, 12, 5), D(2026, 12, 24),
                                                D(2026, 12, 25), D(2026, 12, 31),
                                                D(2027, 1, 1)}));
  ASSERT_EQ(days.size(), 6u);
  EXPECT_TRUE(days[0].closed);
  EXPECT_EQ(days[0].note, "Inventarizācija");
  EXPECT_EQ(days[1].periods, (std::vector<TimeRange>{{Min(11), Min(15)}}));
  EXPECT_FALSE(days[1].closed);
  EXPECT_EQ(days[2].holiday_key, "holiday.christmas_eve");
  EXPECT_EQ(days[2].periods, (std::vector<TimeRange>{{Min(10), Min(18)}}));
  EXPECT_TRUE(days[3].closed);
  EXPECT_FALSE(days[3].is_exception);
  EXPECT_EQ(days[3].holiday_key, "holiday.christmas");
  for (const auto& d : days) EXPECT_FALSE(d.is_today);
}

TEST_F(HoursQueries, ReadsTheHoursInTheLocationsTimeZone) {
  Weekly("s1", "MO,TU,WE,TH,FR", "09:00", "17:00");
  Sql("UPDATE location SET time_zone = 'Europe/London', holiday_calendar_id = NULL "
      "WHERE id = 'loc-1'");
  auto hours = Read(D(2026, 11, 23));
  ASSERT_TRUE(hours.has_value());
  EXPECT_EQ(hours->time_zone().id(), "Europe/London");
  // Monday 23 November 2026, 11:30 in Riga is 09:30 in London.
  EXPECT_TRUE(hours->StatusAt(FromRiga(2026, 11, 23, 11, 30)).open);
  EXPECT_FALSE(hours->StatusAt(FromRiga(2026, 11, 23, 10, 30)).open);
  // A Riga location with the same rows is open at 10:30 Riga time, closed at 18:30.
  Sql("UPDATE location SET time_zone = 'Europe/Riga' WHERE id = 'loc-1'");
  auto riga = Read(D(2026, 11, 23));
  ASSERT_TRUE(riga.has_value());
  EXPECT_TRUE(riga->time_zone().IsRiga());
  EXPECT_TRUE(riga->StatusAt(FromRiga(2026, 11, 23, 10, 30)).open);
  EXPECT_FALSE(riga->StatusAt(FromRiga(2026, 11, 23, 18, 30)).open);
}

TEST_F(HoursQueries, AnUnknownTimeZoneMeansHoursUnknown) {
  Weekly("s1", "MO,TU,WE,TH,FR", "09:00", "17:00");
  Sql("UPDATE location SET time_zone = 'Europe/Atlantis' WHERE id = 'loc-1'");
  EXPECT_FALSE(Read(D(2026, 11, 23)).has_value());
  TimeZoneCache zones;
  auto lease = db_->Read();
  EXPECT_FALSE(HoursOfLocation(*lease, kLoc, D(2026, 11, 23), &zones).has_value());
}

TEST_F(HoursQueries, LatvianHolidaysCloseOnlyLocationsOfTheLatvianCalendar) {
  Weekly("s1", "MO,TU,WE,TH,FR", "09:00", "17:00");
  Sql("INSERT INTO holiday_calendar (id, name, country) VALUES ('CH-ZH', 'Zürich', 'CH')");
  Sql("INSERT INTO holiday (calendar_id, date, name_key) VALUES "
      "('LV', '2026-11-20', 'holiday.one_off'), ('CH-ZH', '2026-11-19', 'holiday.local')");
  // Wednesday 18 November 2026 is Latvia's Independence Day (computed).
  const SysTime noon_in_zurich = FromRiga(2026, 11, 18, 13, 0);
  Sql("UPDATE location SET time_zone = 'Europe/Zurich', holiday_calendar_id = NULL "
      "WHERE id = 'loc-1'");
  auto swiss = Read(D(2026, 11, 16));
  ASSERT_TRUE(swiss.has_value());
  EXPECT_TRUE(swiss->StatusAt(noon_in_zurich).open);
  EXPECT_FALSE(swiss->Day(D(2026, 11, 18)).holiday_key.has_value());
  EXPECT_FALSE(swiss->Day(D(2026, 11, 20)).closed);
  // Another calendar: its table entries, not Latvia's.
  Sql("UPDATE location SET holiday_calendar_id = 'CH-ZH' WHERE id = 'loc-1'");
  auto zurich = Read(D(2026, 11, 16));
  ASSERT_TRUE(zurich.has_value());
  EXPECT_FALSE(zurich->Day(D(2026, 11, 18)).closed);
  EXPECT_TRUE(zurich->Day(D(2026, 11, 19)).closed);
  EXPECT_FALSE(zurich->Day(D(2026, 11, 20)).closed);
  // The Latvian calendar (the default) closes it on both Latvian days.
  Sql("UPDATE location SET holiday_calendar_id = 'LV' WHERE id = 'loc-1'");
  auto latvian = Read(D(2026, 11, 16));
  ASSERT_TRUE(latvian.has_value());
  EXPECT_FALSE(latvian->StatusAt(noon_in_zurich).open);
  EXPECT_TRUE(latvian->Day(D(2026, 11, 20)).closed);
  // Dated days follow the calendar too.
  Sql("UPDATE location SET holiday_calendar_id = NULL WHERE id = 'loc-1'");
  auto lease = db_->Read();
  EXPECT_TRUE(DatedDaysOfLocation(*lease, kLoc, D(2026, 11, 16), D(2026, 11, 30)).empty());
}

TEST_F(HoursQueries, DatedDaysAreEmptyWithoutATimetableOrAWindow) {
  ExceptionRow("e1", "2026-12-02", true, nullptr, nullptr, "Inventarizācija");
  auto lease = db_->Read();
  EXPECT_TRUE(DatedDaysOfLocation(*lease, kLoc, D(2026, 11, 30), D(2027, 1, 21)).empty());
  EXPECT_TRUE(DatedDaysOfLocation(*lease, kLoc, D(2026, 12, 3), D(2026, 12, 1)).empty());
}

TEST_F(HoursQueries, ReplaceWeeklyHoursRoundTrips) {
  Period summer{.weekday = 6,
                .opens_min = Min(10),
                .closes_min = Min(14),
                .valid_from = D(2026, 6, 1),
                .valid_to = D(2026, 8, 31)};
  const std::vector<Period> periods = {
      {.weekday = 1, .opens_min = Min(10), .closes_min = Min(13)},
      {.weekday = 1, .opens_min = Min(14), .closes_min = Min(19)},
      {.weekday = 5, .opens_min = Min(20), .closes_min = Min(24)},
      summer,
  };
  db_->Write([&](Connection& c) { ReplaceWeeklyHours(c, kLoc, periods, "2026-11-16T08:00:00Z"); });
  EXPECT_EQ(Scalar("SELECT last_modified FROM location WHERE id = 'loc-1'"),
            "2026-11-16T08:00:00Z");
  EXPECT_EQ(Scalar("SELECT closes_at FROM schedule WHERE byday = 'FR'"), "24:00");
  EXPECT_EQ(Scalar("SELECT count(*) FROM schedule WHERE location_id = 'loc-1'"), "4");
  EXPECT_EQ(Scalar("SELECT id FROM schedule WHERE byday = 'MO' AND opens_at = '14:00'"),
            DeterministicUuid("schedule:loc-1:MO:14:00"));
  EXPECT_EQ(Scalar("SELECT id FROM schedule WHERE byday = 'SA'"),
            DeterministicUuid("schedule:loc-1:SA:10:00:2026-06-01"));

  auto hours = Read(D(2026, 6, 1));
  ASSERT_TRUE(hours.has_value());
  auto sorted = [](std::vector<Period> v) {
    std::sort(v.begin(), v.end(), [](const Period& a, const Period& b) {
      return std::tie(a.weekday, a.opens_min) < std::tie(b.weekday, b.opens_min);
    });
    return v;
  };
  EXPECT_EQ(sorted(hours->periods()), sorted(periods));
}

TEST_F(HoursQueries, ReplaceWeeklyHoursTouchesNothingWhenUnchanged) {
  const std::vector<Period> periods = {{.weekday = 2, .opens_min = Min(9), .closes_min = Min(17)}};
  db_->Write([&](Connection& c) { ReplaceWeeklyHours(c, kLoc, periods, "2026-11-16T08:00:00Z"); });
  db_->Write([&](Connection& c) { ReplaceWeeklyHours(c, kLoc, periods, "2026-11-17T08:00:00Z"); });
  EXPECT_EQ(Scalar("SELECT last_modified FROM location WHERE id = 'loc-1'"),
            "2026-11-16T08:00:00Z");
}

TEST_F(HoursQueries, ReplaceWeeklyHoursReplacesOnlyTheLocationsOwnWeeklyRows) {
  Weekly("old", "MO,TU", "08:00", "16:00");
  Sql("INSERT INTO organization (id, kind, name, last_modified) VALUES "
      "('org', 'library', 'Org', '2026-01-01T00:00:00Z')");
  Sql("INSERT INTO service (id, organization_id, name, last_modified) VALUES "
      "('svc', 'org', 'Language café', '2026-01-01T00:00:00Z')");
  Sql("INSERT INTO schedule (id, service_id, location_id, freq, byday, opens_at, closes_at) "
      "VALUES ('svc-hours', 'svc', 'loc-1', 'WEEKLY', 'TH', '17:00', '19:00')");
  Sql("INSERT INTO schedule (id, location_id, freq, byday, opens_at, closes_at) VALUES "
      "('other-loc', 'loc-2', 'WEEKLY', 'MO', '10:00', '12:00'), "
      "('monthly', 'loc-1', 'MONTHLY', '1SA', '10:00', '12:00')");
  db_->Write([&](Connection& c) {
    ReplaceWeeklyHours(c, kLoc, {{.weekday = 3, .opens_min = Min(11), .closes_min = Min(19)}},
                       "2026-11-16T08:00:00Z");
  });
  EXPECT_EQ(Scalar("SELECT count(*) FROM schedule WHERE id = 'old'"), "0");
  EXPECT_EQ(Scalar("SELECT count(*) FROM schedule WHERE id IN ('svc-hours', 'other-loc', "
                   "'monthly')"),
            "3");
  auto hours = Read(D(2026, 11, 16));
  ASSERT_TRUE(hours.has_value());
  EXPECT_EQ(hours->periods(),
            (std::vector<Period>{{.weekday = 3, .opens_min = Min(11), .closes_min = Min(19)}}));

  // An empty timetable removes the weekly rows: the hours become unknown.
  db_->Write([&](Connection& c) { ReplaceWeeklyHours(c, kLoc, {}, "2026-11-18T08:00:00Z"); });
  EXPECT_FALSE(Read(D(2026, 11, 16)).has_value());
  EXPECT_EQ(Scalar("SELECT last_modified FROM location WHERE id = 'loc-1'"),
            "2026-11-18T08:00:00Z");
}

TEST_F(HoursQueries, ReplaceWeeklyHoursRejectsAnInvalidTimetableAndWritesNothing) {
  Weekly("old", "MO", "08:00", "16:00");
  const std::vector<Period> overlapping = {
      {.weekday = 1, .opens_min = Min(10), .closes_min = Min(13)},
      {.weekday = 1, .opens_min = Min(12), .closes_min = Min(14)},
  };
  EXPECT_THROW(db_->Write([&](Connection& c) {
    ReplaceWeeklyHours(c, kLoc, overlapping, "2026-11-16T08:00:00Z");
  }),
               std::invalid_argument);
  EXPECT_EQ(Scalar("SELECT count(*) FROM schedule WHERE id = 'old'"), "1");
}

TEST_F(HoursQueries, ReplaceWeeklyHoursOfAMissingLocationIsAConstraintError) {
  EXPECT_THROW(db_->Write([&](Connection& c) {
    ReplaceWeeklyHours(c, "no-such-location",
                       {{.weekday = 1, .opens_min = Min(10), .closes_min = Min(12)}},
                       "2026-11-16T08:00:00Z");
  }),
               SqlError);
}

}  // namespace
}  // namespace tilti::store
