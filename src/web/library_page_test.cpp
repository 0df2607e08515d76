// The library page rendered by the real handler over a demo database, with a fixed clock:
// opening hours, "open now" and holidays, in more than one language.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "core/embedded.h"
#include "core/riga_time.h"
#include "directory/demo_dataset.h"
#include "store/demo_database_for_tests.h"
#include "store/directory_queries.h"
#include "store/hours_queries.h"
#include "store/import_store.h"
#include "store/migrations.h"
#include "web/handlers.h"
#include "web/site.h"

namespace tilti::web {
namespace {

namespace fs = std::filesystem;
constexpr char kOgre[] = "ogres-centrala-biblioteka";

class LibraryPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = std::make_unique<store::DemoDatabaseForTests>();
    db_ = &demo_->db();
    // Monday to Friday 10:00-18:00; Saturday 10:00-14:00; Sunday closed.
    std::vector<directory::Period> periods;
    for (int wd = 1; wd <= 5; ++wd) periods.push_back(directory::MakePeriod(wd, 600, 1080).value());
    periods.push_back(directory::MakePeriod(6, 600, 840).value());
    auto lib = store::LibraryBySlug(*db_->Read(), {"lv"}, kOgre, RigaDate(clock_.Now()));
    ASSERT_TRUE(lib.has_value());
    db_->Write([&](store::Connection& c) {
      store::ReplaceWeeklyHours(c, lib->location_id, periods, "2026-11-01T00:00:00Z");
      // Test data, not demo data: a feature and two languages, one only on some days.
      c.Prepare(
           "INSERT INTO attribute (id, link_id, taxonomy_term_id, link_entity) SELECT 'a-test', "
           "?1, id, 'location' FROM taxonomy_term WHERE code = 'step-free-entrance'")
          .Bind(1, lib->location_id)
          .Run();
      c.Prepare(
           "INSERT INTO language (id, location_id, code, weekdays) VALUES ('l-uk', ?1, 'uk', "
           "'MO,WE'), ('l-en', ?1, 'en', NULL)")
          .Bind(1, lib->location_id)
          .Run();
      // Test data: dated exceptions after the week of 23 November (a Wednesday closed, a
      // Saturday with other hours) and one beyond the page's window.
      c.Prepare(
           "INSERT INTO schedule_exception (id, location_id, date, closed, opens_at, closes_at, "
           "note) VALUES ('x-1', ?1, '2026-12-09', 1, NULL, NULL, 'Inventory <check>'), "
           "('x-2', ?1, '2026-12-12', 0, '11:00', '15:00', NULL), "
           "('x-3', ?1, '2027-03-01', 1, NULL, NULL, 'Far away')")
          .Bind(1, lib->location_id)
          .Run();
    });
    messages_ = std::make_unique<i18n::Messages>(std::move(i18n::Messages::Load(embedded::web()).value()));
    auto templates = TemplateSet::Load(embedded::web(), [](std::string_view) { return true; });
    ASSERT_TRUE(templates.ok()) << templates.error().detail;
    site_ = std::make_unique<Site>(SiteOptions{}, *messages_, std::move(templates.value()),
                                   std::make_unique<StaticAssets>(embedded::web()), *db_,
                                   metrics_, clock_);
  }
  static void TearDownTestSuite() {
    site_.reset();
    demo_.reset();
  }

  static std::string Render(std::string_view lang, std::string_view slug) {
    http::Request r;
    r.method = "GET";
    r.path = "/" + std::string(lang) + "/libraries/" + std::string(slug);
    r.params = {{"lang", std::string(lang)}, {"slug", std::string(slug)}};
    http::Response response = LibraryPage(*site_, *messages_->Find(lang), r);
    EXPECT_EQ(response.status, 200);
    return response.body;
  }
  static void SetRigaTime(int y, int m, int d, int h, int min) {
    clock_.Set(FromRiga(y, m, d, h, min));
  }

  static inline std::unique_ptr<store::DemoDatabaseForTests> demo_;
  static inline store::Database* db_ = nullptr;
  static inline std::unique_ptr<i18n::Messages> messages_;
  static inline Metrics metrics_;
  static inline FixedClock clock_{FromRiga(2026, 11, 23, 11, 0)};
  static inline std::unique_ptr<Site> site_;
};

TEST_F(LibraryPageTest, SaysOpenNowAndWhenItClosesInTheReadersLanguage) {
  SetRigaTime(2026, 11, 23, 11, 0);  // a Monday
  std::string en = Render("en", kOgre);
  EXPECT_NE(en.find("Open now, closes at 18:00"), std::string::npos);
  EXPECT_NE(en.find("10:00–18:00"), std::string::npos);
  EXPECT_NE(en.find("class=\"today\""), std::string::npos);
  std::string lv = Render("lv", kOgre);
  EXPECT_NE(lv.find("18:00"), std::string::npos);
  EXPECT_EQ(lv.find("Open now"), std::string::npos) << "the Latvian page is not in English";
}

TEST_F(LibraryPageTest, SaturdayEveningPointsToMonday) {
  SetRigaTime(2026, 11, 28, 20, 0);  // Saturday after closing; Sunday closed
  EXPECT_NE(Render("en", kOgre).find("Closed now, opens on Monday at 10:00"), std::string::npos);
}

TEST_F(LibraryPageTest, APublicHolidayClosesTheLibraryAndIsNamed) {
  SetRigaTime(2026, 11, 18, 11, 0);  // Proclamation Day, a Wednesday
  std::string en = Render("en", kOgre);
  EXPECT_NE(en.find("Closed now, opens tomorrow at 10:00"), std::string::npos);
  EXPECT_NE(en.find("Proclamation Day of the Republic of Latvia"), std::string::npos);
}

TEST_F(LibraryPageTest, HoursAcrossTheClockChangeAreLocalTime) {
  SetRigaTime(2026, 3, 29, 9, 30);  // Sunday, the day summer time starts
  EXPECT_NE(Render("en", kOgre).find("Closed now, opens tomorrow at 10:00"), std::string::npos);
  SetRigaTime(2026, 10, 26, 17, 59);  // the Monday after winter time starts
  EXPECT_NE(Render("en", kOgre).find("Open now, closes at 18:00"), std::string::npos);
  // 28 March 2027 is both the clock change and Easter Sunday: Monday is Easter Monday.
  SetRigaTime(2027, 3, 28, 9, 30);
  EXPECT_NE(Render("en", kOgre).find("Closed now, opens on Tuesday at 10:00"), std::string::npos);
}

TEST_F(LibraryPageTest, HasShareLinksDirectionsQrCodeAndJsonLd) {
  SetRigaTime(2026, 11, 23, 11, 0);
  std::string uk = Render("uk", kOgre);
  EXPECT_NE(uk.find("href=\"https://t.me/share/url?url="), std::string::npos);
  EXPECT_NE(uk.find("href=\"https://wa.me/?text="), std::string::npos);
  EXPECT_NE(uk.find("href=\"viber://forward?text="), std::string::npos);
  EXPECT_NE(uk.find("href=\"mailto:?subject="), std::string::npos);
  EXPECT_NE(uk.find("https://www.openstreetmap.org/directions?to="), std::string::npos);
  EXPECT_NE(uk.find("src=\"/uk/libraries/ogres-centrala-biblioteka/qr.svg\""), std::string::npos);
  auto start = uk.find("<script type=\"application/ld+json\">");
  ASSERT_NE(start, std::string::npos);
  start += std::string("<script type=\"application/ld+json\">").size();
  std::string json = uk.substr(start, uk.find("</script>", start) - start);
  EXPECT_NE(json.find("\"@type\":\"Library\""), std::string::npos) << json;
  EXPECT_NE(json.find("https://schema.org/Saturday"), std::string::npos) << json;

  http::Request r;
  r.method = "GET";
  r.params = {{"lang", "uk"}, {"slug", kOgre}};
  http::Response qr = LibraryQrCode(*site_, *messages_->Find("uk"), r);
  EXPECT_EQ(qr.status, 200);
  EXPECT_EQ(qr.Header("content-type").value_or(""), "image/svg+xml");
  EXPECT_EQ(qr.body.rfind("<svg", 0), 0u);
  r.params["slug"] = "no-such-library";
  EXPECT_EQ(LibraryQrCode(*site_, *messages_->Find("uk"), r).status, 404);
}

TEST_F(LibraryPageTest, ShowsAccessibilityFeaturesAndLanguagesByWeekday) {
  std::string en = Render("en", kOgre);
  EXPECT_NE(en.find("Step-free entrance"), std::string::npos);
  EXPECT_NE(en.find("<li>Українська (Monday, Wednesday)</li>"), std::string::npos);
  EXPECT_NE(en.find("<li>English</li>"), std::string::npos);
  std::string lv = Render("lv", kOgre);
  EXPECT_NE(lv.find("Valodas, kurās runā darbinieki"), std::string::npos);
  EXPECT_NE(lv.find("Українська (pirmdiena, trešdiena)"), std::string::npos) << "weekday names in Latvian";
  EXPECT_EQ(lv.find("Step-free entrance"), std::string::npos) << "the feature is named in Latvian";
}

// The section of the page after the week table: the dated days beyond it.
std::string DatedDays(const std::string& html) {
  const size_t start = html.find("<dl class=\"facts dated-days\">");
  if (start == std::string::npos) return "";
  return html.substr(start, html.find("</dl>", start) - start);
}

TEST_F(LibraryPageTest, ListsTheNextExceptionsAndHolidaysAfterTheWeekInTheReadersLanguage) {
  SetRigaTime(2026, 11, 23, 11, 0);  // a Monday: the week view ends on Sunday 29 November
  std::string en = Render("en", kOgre);
  EXPECT_NE(en.find("<h3>Changes to the usual hours</h3>"), std::string::npos);
  std::string days = DatedDays(en);
  EXPECT_NE(days.find("<dt>Wednesday, 9 December 2026</dt><dd>Closed – Inventory &lt;check&gt;"),
            std::string::npos)
      << days;
  EXPECT_NE(days.find("<dt>Saturday, 12 December 2026</dt><dd>11:00–15:00</dd>"),
            std::string::npos)
      << days;
  EXPECT_NE(days.find("<dt>Friday, 25 December 2026</dt><dd>Closed – Christmas Day</dd>"),
            std::string::npos)
      << days;
  EXPECT_NE(days.find("<dt>Friday, 1 January 2027</dt>"), std::string::npos) << days;
  // Sunday 27 December and 3 January are not opening days anyway; 1 March is beyond 60 days.
  EXPECT_EQ(days.find("Far away"), std::string::npos);
  EXPECT_EQ(days.find("Sunday"), std::string::npos) << days;
  // In date order.
  EXPECT_LT(days.find("9 December"), days.find("12 December"));
  EXPECT_LT(days.find("12 December"), days.find("25 December"));

  std::string ru = Render("ru", kOgre);
  days = DatedDays(ru);
  EXPECT_NE(ru.find("<h3>Изменения в обычном графике работы</h3>"), std::string::npos);
  EXPECT_NE(days.find("среда, 9 декабря 2026"), std::string::npos) << days;
  EXPECT_NE(days.find("Закрыто – Inventory &lt;check&gt;"), std::string::npos) << days;
  EXPECT_NE(days.find("Первый день Рождества"), std::string::npos) << days;
  EXPECT_EQ(ru.find("Christmas Day"), std::string::npos) << "the Russian page is not in English";
}

TEST_F(LibraryPageTest, DaysInsideTheWeekViewAreNotRepeatedBelowIt) {
  SetRigaTime(2026, 12, 7, 11, 0);  // Monday: 9 and 12 December are in the week table
  std::string days = DatedDays(Render("en", kOgre));
  EXPECT_EQ(days.find("9 December"), std::string::npos) << days;
  EXPECT_EQ(days.find("12 December"), std::string::npos) << days;
  EXPECT_NE(days.find("24 December"), std::string::npos) << days;
}

TEST_F(LibraryPageTest, ALibraryWithoutHoursSaysSoInsteadOfGuessing) {
  std::string en = Render("en", "latgales-centrala-biblioteka");
  EXPECT_NE(en.find("has not given its opening hours"), std::string::npos);
  EXPECT_EQ(en.find("<table class=\"hours\""), std::string::npos);
  EXPECT_EQ(en.find("Changes to the usual hours"), std::string::npos);
}

// Libraries outside Latvia, imported as `tilti import` writes them: their own time zone, no
// Latvian holidays, an address, a country, names in other languages.
exchange::LibraryRecord Imported(std::string source, std::string id, std::string name,
                                 std::string locale, std::string country, std::string zone) {
  exchange::LibraryRecord r;
  r.source = std::move(source);
  r.external_id = std::move(id);
  r.name = std::move(name);
  r.locale = std::move(locale);
  r.country = std::move(country);
  r.time_zone = std::move(zone);
  for (int wd = 1; wd <= 5; ++wd) r.hours.push_back(directory::MakePeriod(wd, 540, 1020).value());
  return r;
}

class ForeignLibraryPageTest : public LibraryPageTest {
 protected:
  static void SetUpTestSuite() {
    LibraryPageTest::SetUpTestSuite();
    auto london = Imported("gb-england", "1", "Barking Library", "en", "GB", "Europe/London");
    london.address_1 = "2 Town Square";
    london.city = "Barking";
    london.postal_code = "IG11 7NB";
    auto zurich = Imported("ch-osm", "node/1", "Pestalozzi-Bibliothek Altstadt", "de", "CH",
                           "Europe/Zurich");
    zurich.address_1 = "Zähringerstrasse 17";
    zurich.city = "Zürich";
    zurich.postal_code = "8001";
    auto unknown = Imported("ch-osm", "node/2", "Biblioteca Poschiavo", "und", "CH",
                            "Europe/Zurich");
    store::ImportLibraries(*db_, {london, zurich, unknown}, "2026-11-01T00:00:00Z");
    auto c = db_->Read();
    store::Statement st = c->Prepare(
        "SELECT o.slug FROM organization o JOIN location l ON l.organization_id = o.id "
        "WHERE l.external_identifier_type IN ('gb-england', 'ch-osm') ORDER BY o.name");
    while (st.Step()) slugs_.push_back(st.Text(0));
    ASSERT_EQ(slugs_.size(), 3u);  // Barking, Biblioteca, Pestalozzi
  }
  static const std::string& London() { return slugs_[0]; }
  static const std::string& Unknown() { return slugs_[1]; }
  static const std::string& Zurich() { return slugs_[2]; }
  static inline std::vector<std::string> slugs_;
};

TEST_F(ForeignLibraryPageTest, ALondonLibraryIsOpenOnLondonTimeAndSaysSo) {
  SetRigaTime(2026, 11, 23, 11, 30);  // Monday, 09:30 in London
  const std::string en = Render("en", London());
  EXPECT_NE(en.find("Open now, closes at 17:00"), std::string::npos);
  EXPECT_NE(en.find("Times are local time in Europe/London"), std::string::npos);
  EXPECT_NE(en.find("09:00–17:00"), std::string::npos);
  const std::string lv = Render("lv", London());
  EXPECT_NE(lv.find("Pašlaik atvērts, slēgsies plkst. 17:00"), std::string::npos);
  EXPECT_NE(lv.find("Laiki norādīti pēc vietējā laika: Europe/London"), std::string::npos);
  // 10:30 Riga is 08:30 in London.
  SetRigaTime(2026, 11, 23, 10, 30);
  EXPECT_NE(Render("en", London()).find("Closed now, opens today at 09:00"), std::string::npos);
  // A Riga library's page says nothing about time zones.
  EXPECT_EQ(Render("en", kOgre).find("Times are local time"), std::string::npos);
}

TEST_F(ForeignLibraryPageTest, ShowsTheAddressAndItsCountryInJsonLd) {
  SetRigaTime(2026, 11, 23, 11, 30);
  for (const char* lang : {"en", "ru"}) {
    const std::string page = Render(lang, London());
    EXPECT_NE(page.find("2 Town Square<br>Barking<br>IG11 7NB"), std::string::npos) << lang;
    EXPECT_NE(page.find("\"addressCountry\":\"GB\""), std::string::npos) << lang;
    EXPECT_NE(page.find("\"streetAddress\":\"2 Town Square\""), std::string::npos) << lang;
    EXPECT_NE(page.find("\"postalCode\":\"IG11 7NB\""), std::string::npos) << lang;
    EXPECT_NE(page.find("\"addressLocality\":\"Barking\""), std::string::npos) << lang;
  }
  EXPECT_NE(Render("en", London()).find("<dt>Address</dt>"), std::string::npos);
  EXPECT_NE(Render("ru", London()).find("<dt>Адрес</dt>"), std::string::npos);
  const std::string zurich = Render("en", Zurich());
  EXPECT_NE(zurich.find("Zähringerstrasse 17<br>8001 Zürich"), std::string::npos);
  EXPECT_NE(zurich.find("\"addressCountry\":\"CH\""), std::string::npos);
  // The Latvian demo libraries have no address rows: no address line, country LV.
  const std::string ogre = Render("en", kOgre);
  EXPECT_EQ(ogre.find("<dt>Address</dt>"), std::string::npos);
  EXPECT_NE(ogre.find("\"addressCountry\":\"LV\""), std::string::npos);
}

TEST_F(ForeignLibraryPageTest, TheFallbackNoteNamesTheLanguageInTheReadersLanguage) {
  const std::string en = Render("en", Zurich());
  EXPECT_NE(en.find("<span lang=\"de\">Pestalozzi-Bibliothek Altstadt</span>"), std::string::npos);
  EXPECT_NE(en.find("(shown in German)"), std::string::npos);
  const std::string ru = Render("ru", Zurich());
  EXPECT_NE(ru.find("(на языке: немецкий)"), std::string::npos);
  const std::string lv = Render("lv", Zurich());
  EXPECT_NE(lv.find("(valodā: vācu)"), std::string::npos);
}

TEST_F(ForeignLibraryPageTest, AnUndeterminedLanguageHasNoNoteAndAnEmptyLang) {
  for (const char* lang : {"en", "uk"}) {
    const std::string page = Render(lang, Unknown());
    EXPECT_NE(page.find("<h1 lang=\"\">Biblioteca Poschiavo</h1>"), std::string::npos) << lang;
    EXPECT_EQ(page.find("lang=\"und\""), std::string::npos) << lang;
    EXPECT_EQ(page.find("fallback-note"), std::string::npos) << lang;
  }
}

TEST_F(ForeignLibraryPageTest, ALatvianHolidayDoesNotCloseASwissLibrary) {
  SetRigaTime(2026, 11, 18, 12, 0);  // Proclamation Day in Latvia; 11:00 in Zurich
  const std::string en = Render("en", Zurich());
  EXPECT_NE(en.find("Open now, closes at 17:00"), std::string::npos);
  EXPECT_EQ(en.find("Proclamation Day"), std::string::npos);
  EXPECT_NE(Render("en", kOgre).find("Closed now, opens tomorrow at 10:00"), std::string::npos);
}

}  // namespace
}  // namespace tilti::web
