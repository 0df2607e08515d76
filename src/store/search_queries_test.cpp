#include "store/search_queries.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "core/embedded.h"
#include "core/riga_time.h"
#include "directory/demo_dataset.h"
#include "store/database.h"
#include "store/demo_database_for_tests.h"
#include "store/hours_queries.h"
#include "store/search_snapshot.h"

namespace tilti::store {
namespace {

namespace fs = std::filesystem;
using directory::ParseSearchFilters;

const SysTime kNow = FromRiga(2026, 11, 23, 12, 0);  // a Monday noon

directory::TextLess ByBytes() {
  return [](const std::string& a, const std::string& b) { return a < b; };
}

class SearchQueries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = std::make_unique<DemoDatabaseForTests>();
    db_ = &demo_->db();
  }
  static void TearDownTestSuite() { demo_.reset(); }

  static LibrarySearchResults Search(const std::vector<std::pair<std::string, std::string>>& params,
                                     const LocaleChain& chain = {"en", "lv"}) {
    return SearchDirectory(*db_->Read(), chain, ParseSearchFilters(params), kNow, ByBytes());
  }
  static std::vector<std::string> Slugs(const LibrarySearchResults& r) {
    std::vector<std::string> out;
    for (const auto& x : r.results) out.push_back(x.library.slug);
    return out;
  }
  static inline std::unique_ptr<DemoDatabaseForTests> demo_;
  static inline Database* db_ = nullptr;
};

TEST_F(SearchQueries, NoFiltersListsEveryLibrarySortedByName) {
  auto r = Search({});
  EXPECT_EQ(r.total, 10u);
  ASSERT_EQ(r.results.size(), 10u);
  for (size_t i = 1; i < r.results.size(); ++i) {
    EXPECT_LE(r.results[i - 1].library.name.text, r.results[i].library.name.text);
  }
  EXPECT_EQ(r.pagination.pages, 1);
}

TEST_F(SearchQueries, OptionsComeFromTheTaxonomiesInTheReadersLanguage) {
  auto o = LoadFilterOptions(*db_->Read(), {"uk", "en", "lv"});
  ASSERT_FALSE(o.services.empty());
  EXPECT_EQ(o.services[0].code, "free-internet");
  EXPECT_EQ(o.services[0].name.text, "Безкоштовний інтернет і Wi-Fi");
  EXPECT_EQ(o.services[0].name.locale, "uk");
  EXPECT_FALSE(o.audiences.empty());
  ASSERT_FALSE(o.access.empty());
  EXPECT_EQ(o.access[0].code, "step-free-entrance");
  EXPECT_EQ(o.municipalities.size(), 10u);  // those with a library
}

TEST_F(SearchQueries, FiltersByServiceTypeAndSaysWhatMatched) {
  auto all = Search({{"service", "public-computers"}});
  EXPECT_EQ(all.total, 10u);
  auto r = Search({{"service", "public-computers"}, {"service", "children-activities"}});
  ASSERT_EQ(r.total, 1u);
  EXPECT_EQ(r.results[0].library.slug, "jekabpils-novada-galvena-biblioteka");
  ASSERT_EQ(r.results[0].matched_terms.size(), 2u);
  EXPECT_EQ(r.results[0].matched_terms[0].text, "Public computers");
}

TEST_F(SearchQueries, FiltersByMunicipalityAnyOfSeveral) {
  auto r = Search({{"municipality", "LV-DGV"}, {"municipality", "LV-067"}});
  EXPECT_EQ(Slugs(r), (std::vector<std::string>{"latgales-centrala-biblioteka",
                                                "ogres-centrala-biblioteka"}));
}

TEST_F(SearchQueries, FiltersByALanguageSpokenAtTheLocationOrInAService) {
  db_->Write([&](Connection& c) {
    c.Exec(
        "INSERT INTO language (id, location_id, name, code) SELECT 'lang-test-1', l.id, "
        "'українська', 'uk' FROM location l JOIN organization o ON o.id = l.organization_id "
        "WHERE o.slug = 'saldus-novada-biblioteka'");
    c.Exec(
        "INSERT INTO language (id, service_id, name, code) SELECT 'lang-test-2', s.id, "
        "'English', 'en' FROM service s JOIN organization o ON o.id = s.organization_id "
        "WHERE o.slug = 'saldus-novada-biblioteka' LIMIT 1");
  });
  auto o = LoadFilterOptions(*db_->Read(), {"en"});
  ASSERT_EQ(o.languages.size(), 2u);
  EXPECT_EQ(o.languages[0].code, "en");
  EXPECT_EQ(Slugs(Search({{"language", "uk"}})),
            std::vector<std::string>{"saldus-novada-biblioteka"});
  EXPECT_EQ(Slugs(Search({{"language", "uk"}, {"language", "en"}})),
            std::vector<std::string>{"saldus-novada-biblioteka"});
  EXPECT_EQ(Search({{"language", "uk"}, {"municipality", "LV-DGV"}}).total, 0u);
  db_->Write([&](Connection& c) { c.Exec("DELETE FROM language WHERE id LIKE 'lang-test-%'"); });
}

TEST_F(SearchQueries, DropsUnknownCodesInsteadOfFindingNothing) {
  auto r = Search({{"service", "no-such-service"}, {"municipality", "LV-999"}, {"language", "xx"}});
  EXPECT_TRUE(r.filters.services.empty());
  EXPECT_TRUE(r.filters.municipalities.empty());
  EXPECT_TRUE(r.filters.languages.empty());
  EXPECT_EQ(r.total, 10u);
}

TEST_F(SearchQueries, CombinesQueryAndFiltersWithAnd) {
  auto r = Search({{"q", "Ventspils"}, {"service", "children-activities"}});
  EXPECT_EQ(r.total, 0u);
  auto q = Search({{"q", "Ventspils"}});
  ASSERT_EQ(q.total, 1u);
  EXPECT_EQ(q.results[0].matched_words, std::vector<std::string>{"ventspils"});
}

TEST_F(SearchQueries, NearAPlaceInCyrillicSortsByDistance) {
  auto r = Search({{"near", "Даугавпилс"}, {"radius", "300"}}, {"ru", "lv"});
  ASSERT_TRUE(r.place.has_value());
  EXPECT_EQ(r.place->name.text, "Даугавпилс");
  ASSERT_GE(r.results.size(), 2u);
  EXPECT_EQ(r.results[0].library.slug, "latgales-centrala-biblioteka");
  ASSERT_TRUE(r.results[0].distance_km.has_value());
  EXPECT_LT(*r.results[0].distance_km, 5);
  for (size_t i = 1; i < r.results.size(); ++i) {
    EXPECT_LE(*r.results[i - 1].distance_km, *r.results[i].distance_km);
    EXPECT_LE(*r.results[i].distance_km, 300);
  }
  // Rēzekne is ~80 km away: inside 300 km, outside 50 km.
  auto near50 = Search({{"near", "Daugavpils"}});
  for (const auto& x : near50.results) EXPECT_LE(*x.distance_km, 50);
}

TEST_F(SearchQueries, CoordinatesWithinARadius) {
  // Riga centre: Salaspils (~18 km) and Ogre (~35 km) are within 40 km, Sigulda (~45 km) not.
  auto r = Search({{"lat", "56.9496"}, {"lon", "24.1052"}, {"radius", "40"}});
  EXPECT_EQ(Slugs(r),
            (std::vector<std::string>{"salaspils-novada-biblioteka", "ogres-centrala-biblioteka"}));
}

TEST_F(SearchQueries, UnknownPlaceGivesSuggestionsAndNoResults) {
  auto r = Search({{"near", "Daugavpilz"}});
  EXPECT_TRUE(r.place_not_found);
  EXPECT_EQ(r.total, 0u);
  ASSERT_FALSE(r.place_suggestions.empty());
  EXPECT_EQ(r.place_suggestions[0].name.text, "Daugavpils");
}

TEST_F(SearchQueries, FindPlacePrefersTowns) {
  auto p = FindPlace(*db_->Read(), {"lv"}, "rezekne");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->name.text, "Rēzekne");
  EXPECT_FALSE(FindPlace(*db_->Read(), {"lv"}, "").has_value());
  EXPECT_FALSE(FindPlace(*db_->Read(), {"lv"}, "Xyzzyville").has_value());
}

TEST_F(SearchQueries, OpenNowKeepsOnlyLibrariesOpenAtThatInstant) {
  // The demo libraries have no hours: none is known to be open.
  EXPECT_EQ(Search({{"open", "now"}}).total, 0u);
  std::string location_id;
  {
    auto c = db_->Read();
    Statement st = c->Prepare(
        "SELECT l.id FROM location l JOIN organization o ON o.id = l.organization_id "
        "WHERE o.slug = 'ogres-centrala-biblioteka'");
    ASSERT_TRUE(st.Step());
    location_id = st.Text(0);
  }
  auto mon = directory::MakePeriod(1, 9 * 60, 18 * 60);
  ASSERT_TRUE(mon.ok());
  db_->Write([&](Connection& c) {
    ReplaceWeeklyHours(c, location_id, {mon.value()}, "2026-11-22T00:00:00Z");
  });
  EXPECT_EQ(Slugs(Search({{"open", "now"}})),
            std::vector<std::string>{"ogres-centrala-biblioteka"});
  db_->Write(
      [&](Connection& c) { ReplaceWeeklyHours(c, location_id, {}, "2026-11-22T00:00:00Z"); });
}

TEST_F(SearchQueries, OpenNowReadsEachLibrarysHoursOnItsOwnClock) {
  std::string location_id;
  {
    auto c = db_->Read();
    Statement st = c->Prepare(
        "SELECT l.id FROM location l JOIN organization o ON o.id = l.organization_id "
        "WHERE o.slug = 'ogres-centrala-biblioteka'");
    ASSERT_TRUE(st.Step());
    location_id = st.Text(0);
  }
  // Monday 09:00–11:00. kNow is Monday 12:00 in Riga: closed in Riga, but 10:00 in London.
  auto mon = directory::MakePeriod(1, 9 * 60, 11 * 60);
  ASSERT_TRUE(mon.ok());
  db_->Write([&](Connection& c) {
    ReplaceWeeklyHours(c, location_id, {mon.value()}, "2026-11-22T00:00:00Z");
  });
  EXPECT_EQ(Search({{"open", "now"}}).total, 0u);
  auto set_zone = [&](const char* zone) {
    db_->Write([&](Connection& c) {
      c.Cached("UPDATE location SET time_zone = ?2 WHERE id = ?1")
          .Bind(1, location_id)
          .Bind(2, zone)
          .Run();
    });
  };
  set_zone("Europe/London");
  EXPECT_EQ(Slugs(Search({{"open", "now"}})),
            std::vector<std::string>{"ogres-centrala-biblioteka"});
  set_zone("America/Chicago");  // 04:00 there
  EXPECT_EQ(Search({{"open", "now"}}).total, 0u);
  set_zone("Europe/Riga");
  db_->Write(
      [&](Connection& c) { ReplaceWeeklyHours(c, location_id, {}, "2026-11-22T00:00:00Z"); });
}

// Open at a chosen local date and time: the Ogre library gets `periods`, then is reset.
class SearchOpenAt : public SearchQueries {
 protected:
  void SetUp() override {
    auto c = db_->Read();
    Statement st = c->Prepare(
        "SELECT l.id FROM location l JOIN organization o ON o.id = l.organization_id "
        "WHERE o.slug = 'ogres-centrala-biblioteka'");
    ASSERT_TRUE(st.Step());
    location_id_ = st.Text(0);
  }
  void TearDown() override {
    db_->Write([&](Connection& c) {
      ReplaceWeeklyHours(c, location_id_, {}, "2026-11-22T00:00:00Z");
      c.Cached("DELETE FROM schedule_exception WHERE location_id = ?1").Bind(1, location_id_).Run();
      c.Cached("UPDATE location SET time_zone = 'Europe/Riga', holiday_calendar_id = 'LV' "
               "WHERE id = ?1")
          .Bind(1, location_id_)
          .Run();
    });
  }
  void Hours(int weekday, int opens_min, int closes_min) {
    auto p = directory::MakePeriod(weekday, opens_min, closes_min);
    ASSERT_TRUE(p.ok());
    db_->Write([&](Connection& c) {
      ReplaceWeeklyHours(c, location_id_, {p.value()}, "2026-11-22T00:00:00Z");
    });
  }
  void Set(const char* sql_assignment, const char* value) {
    db_->Write([&](Connection& c) {
      Statement st =
          c.Prepare(std::string("UPDATE location SET ") + sql_assignment + " WHERE id = ?1");
      st.Bind(1, location_id_);
      value ? st.Bind(2, value) : st.BindNull(2);
      st.Run();
      BumpDirectoryVersion(c);
    });
  }
  std::vector<std::string> OpenAt(const std::string& when) {
    return Slugs(Search({{"open", when}}));
  }
  const std::vector<std::string> kOgre{"ogres-centrala-biblioteka"};
  std::string location_id_;
};

TEST_F(SearchOpenAt, FindsALibraryOpenAtThatLocalDayAndTime) {
  EXPECT_TRUE(OpenAt("2026-11-23T10:00").empty());  // no hours: not known to be open
  Hours(1, 10 * 60, 18 * 60);                        // Monday 10:00-18:00
  EXPECT_EQ(OpenAt("2026-11-23T10:00"), kOgre);      // a Monday
  EXPECT_EQ(OpenAt("2026-11-30T17:59"), kOgre);
  EXPECT_TRUE(OpenAt("2026-11-23T18:00").empty());  // closing time
  EXPECT_TRUE(OpenAt("2026-11-23T09:59").empty());
  EXPECT_TRUE(OpenAt("2026-11-22T12:00").empty());  // a Sunday
  // The form's two fields are the same filter; open=now still reads the clock (Monday 12:00).
  EXPECT_EQ(Slugs(Search({{"open_date", "2026-11-23"}, {"open_time", "10:00"}})), kOgre);
  EXPECT_EQ(Slugs(Search({{"open", "now"}})), kOgre);
  EXPECT_TRUE(Search({{"open", "now"}, {"open", "2026-11-22T12:00"}}).results.empty());
  // A bad value filters nothing (the page shows the error).
  auto bad = Search({{"open", "2026-02-30T10:00"}});
  EXPECT_TRUE(bad.filters.bad_open);
  EXPECT_GT(bad.total, 1u);
}

TEST_F(SearchOpenAt, ALatvianPublicHolidayClosesLatvianLibrariesOnly) {
  Hours(3, 10 * 60, 18 * 60);  // Wednesday; 18 November 2026 is Proclamation Day
  EXPECT_TRUE(OpenAt("2026-11-18T12:00").empty());
  EXPECT_EQ(OpenAt("2026-11-25T12:00"), kOgre);
  // A London library keeps no Latvian holidays.
  Set("time_zone = ?2", "Europe/London");
  Set("holiday_calendar_id = ?2", nullptr);
  EXPECT_EQ(OpenAt("2026-11-18T12:00"), kOgre);
}

TEST_F(SearchOpenAt, JudgesEachLibraryOnItsOwnClock) {
  Hours(1, 9 * 60, 11 * 60);  // Monday 09:00-11:00
  Set("time_zone = ?2", "America/Chicago");
  Set("holiday_calendar_id = ?2", nullptr);
  // Monday 10:00 in Chicago is 10:00 on its own clock, whatever the time in Riga.
  EXPECT_EQ(OpenAt("2026-11-23T10:00"), kOgre);
  EXPECT_TRUE(OpenAt("2026-11-23T12:00").empty());
  EXPECT_TRUE(Search({{"open", "now"}}).results.empty());  // 04:00 in Chicago at kNow
  Set("time_zone = ?2", "Not/AZone");  // hours that cannot be placed are unknown
  EXPECT_TRUE(OpenAt("2026-11-23T10:00").empty());
}

TEST_F(SearchOpenAt, ReadsDatedExceptionsOfThatDay) {
  Hours(1, 10 * 60, 18 * 60);
  db_->Write([&](Connection& c) {
    Statement st = c.Prepare(
        "INSERT INTO schedule_exception (id, location_id, date, closed, opens_at, closes_at) "
        "VALUES ('exc-short-day', ?1, '2026-11-30', 0, '12:00', '14:00')");
    st.Bind(1, location_id_);
    st.Run();
  });
  EXPECT_EQ(OpenAt("2026-11-23T10:00"), kOgre);       // the usual Monday
  EXPECT_TRUE(OpenAt("2026-11-30T10:00").empty());   // that Monday opens at 12:00
  EXPECT_EQ(OpenAt("2026-11-30T13:00"), kOgre);
  EXPECT_TRUE(OpenAt("2026-11-30T15:00").empty());
}

TEST_F(SearchQueries, PaginatesTwentyPerPageAndAPagePastTheEndIsEmpty) {
  auto r = Search({{"page", "2"}});
  EXPECT_EQ(r.total, 10u);
  EXPECT_TRUE(r.results.empty());
  EXPECT_EQ(r.pagination.page, 2);
  EXPECT_TRUE(r.pagination.has_previous);
}

TEST_F(SearchQueries, DidYouMeanCorrectsTyposTheSearchDoesNotCatch) {
  auto r = Search({{"q", "Vemtspjlz"}});
  EXPECT_EQ(r.total, 0u);
  EXPECT_EQ(r.did_you_mean, "ventspils");
  EXPECT_EQ(DidYouMean(*db_->Read(), "Ogrw"), "ogre");
  EXPECT_EQ(DidYouMean(*db_->Read(), "Ventspils"), "");     // nothing to correct
  EXPECT_EQ(DidYouMean(*db_->Read(), "qqqqqqqqqqqq"), "");  // nothing near
}

TEST_F(SearchQueries, GeoIndexFollowsLocationChanges) {
  auto count_in = [&](double lat, double lon) {
    auto c = db_->Read();
    Statement st = c->Prepare(
        "SELECT count(*) FROM location_geo WHERE min_lat <= ?1 + 0.001 AND max_lat >= ?1 - 0.001 "
        "AND min_lon <= ?2 + 0.001 AND max_lon >= ?2 - 0.001");
    st.Bind(1, lat).Bind(2, lon);
    st.Step();
    return st.Int(0);
  };
  EXPECT_EQ(count_in(57.38988, 21.57288), 1);  // Ventspils, filled by the migration
  db_->Write([&](Connection& c) {
    c.Exec(
        "INSERT INTO location (id, latitude, longitude, last_modified) "
        "VALUES ('geo-test', 10.5, 20.5, 'x')");
  });
  EXPECT_EQ(count_in(10.5, 20.5), 1);
  db_->Write(
      [&](Connection& c) { c.Exec("UPDATE location SET latitude = 11.5 WHERE id = 'geo-test'"); });
  EXPECT_EQ(count_in(10.5, 20.5), 0);
  EXPECT_EQ(count_in(11.5, 20.5), 1);
  db_->Write(
      [&](Connection& c) { c.Exec("UPDATE location SET latitude = NULL WHERE id = 'geo-test'"); });
  EXPECT_EQ(count_in(11.5, 20.5), 0);
  db_->Write([&](Connection& c) {
    c.Exec("UPDATE location SET latitude = 12.5 WHERE id = 'geo-test'");
    c.Exec("DELETE FROM location WHERE id = 'geo-test'");
  });
  EXPECT_EQ(count_in(12.5, 20.5), 0);
  auto c = db_->Read();
  Statement st = c->Prepare("SELECT count(*) FROM location_geo_key WHERE location_id = 'geo-test'");
  st.Step();
  EXPECT_EQ(st.Int(0), 0);
}

}  // namespace
}  // namespace tilti::store
