#include "directory/library_edits.h"

#include <gtest/gtest.h>

namespace tilti::directory {
namespace {

std::vector<std::string> Keys(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.message_key);
  return out;
}

using Strings = std::vector<std::string>;

TEST(LibraryEdits, TextsAreTrimmedAndChecked) {
  auto ok = CheckLibraryTexts("  Ogres Centrālā bibliotēka ", "", "Line one\nLine two");
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(ok.value.name, "Ogres Centrālā bibliotēka");
  EXPECT_EQ(ok.value.description, "Line one\nLine two") << "line breaks stay in descriptions";
  EXPECT_EQ(Keys(CheckLibraryTexts("  ", "", "").errors), Strings{"name:edit.error.name_missing"});
  EXPECT_EQ(Keys(CheckLibraryTexts("a\nb", "", "").errors),
            Strings{"name:edit.error.control_characters"});
  EXPECT_EQ(Keys(CheckLibraryTexts(std::string(200, 'a'), "", "").errors), Strings{});
  EXPECT_EQ(Keys(CheckLibraryTexts(std::string(201, 'a'), "", "").errors),
            Strings{"name:edit.error.too_long"});
  // Characters, not bytes: 200 Cyrillic letters are 400 bytes and still fit.
  std::string cyrillic;
  for (int i = 0; i < 200; ++i) cyrillic += "ж";
  EXPECT_TRUE(CheckLibraryTexts(cyrillic, "", "").ok());
  EXPECT_TRUE(CheckLibraryTexts("<script>alert(1)</script>", "", "\"><img src=x>").ok())
      << "markup is text: it is escaped on output, not refused";
}

TEST(LibraryEdits, ContactsNormaliseAndRefuseOtherSchemes) {
  auto ok = CheckLibraryContacts(" info@ogre.lv ", "www.ogrebiblioteka.lv",
                                 "+371 650-22 222\n\n(650) 12345\n+371 650-22 222");
  ASSERT_TRUE(ok.ok()) << Keys(ok.errors).size();
  EXPECT_EQ(ok.value.email, "info@ogre.lv");
  EXPECT_EQ(ok.value.website, "https://www.ogrebiblioteka.lv");
  EXPECT_EQ(ok.value.phones, (Strings{"+371 650 22 222", "650 12345"})) << "repeats dropped";
  EXPECT_EQ(Keys(CheckLibraryContacts("not-an-address", "", "").errors),
            Strings{"email:edit.error.email_invalid"});
  for (const char* bad : {"javascript:alert(1)", "data:text/html,x", "ftp://x.lv", "https://",
                          "https://localhost", "http://x.lv/\"onmouseover=\""}) {
    EXPECT_EQ(Keys(CheckLibraryContacts("", bad, "").errors),
              Strings{"website:edit.error.website_invalid"})
        << bad;
  }
  auto bad_phone = CheckLibraryContacts("", "", "65000000\ncall me maybe");
  EXPECT_EQ(Keys(bad_phone.errors), Strings{"phones:edit.error.phone_invalid"});
  EXPECT_EQ(bad_phone.value.phones.back(), "call me maybe") << "what was typed is kept";
}

TEST(LibraryEdits, PlaceTakesTypedAndPastedCoordinates) {
  auto ok = CheckLibraryPlace("Brīvības iela 33", "Ogre", "5001", "56,8162", "24,6051");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value.postal_code, "LV-5001");
  EXPECT_DOUBLE_EQ(*ok.value.latitude, 56.8162);
  EXPECT_DOUBLE_EQ(*ok.value.longitude, 24.6051);
  auto pasted = CheckLibraryPlace("Brīvības iela 33", "Ogre", "", "56.8162, 24.6051", "");
  ASSERT_TRUE(pasted.ok());
  EXPECT_DOUBLE_EQ(*pasted.value.longitude, 24.6051);
  auto none = CheckLibraryPlace("Brīvības iela 33", "Ogre", "", "", "");
  EXPECT_TRUE(none.ok());
  EXPECT_FALSE(none.value.latitude.has_value());
  EXPECT_EQ(Keys(CheckLibraryPlace("", "", "", "", "").errors),
            (Strings{"address_1:edit.error.street_missing", "city:edit.error.city_missing"}));
  EXPECT_EQ(Keys(CheckLibraryPlace("a", "b", "", "91", "24").errors),
            Strings{"latitude:edit.error.latitude_invalid"});
  EXPECT_EQ(Keys(CheckLibraryPlace("a", "b", "", "56", "east").errors),
            Strings{"longitude:edit.error.longitude_invalid"});
  EXPECT_EQ(Keys(CheckLibraryPlace("a", "b", "", "56.9", "").errors),
            Strings{"longitude:edit.error.coordinates_half"});
}

TEST(LibraryEdits, WeeklyHoursFromTypedRows) {
  std::vector<DayInput> days(7);
  days[0] = {"9:00", "13.00", "14:00", "18:00"};
  days[5] = {"10:00", "15:00", "", ""};
  auto ok = CheckWeeklyHours(days);
  ASSERT_TRUE(ok.ok());
  ASSERT_EQ(ok.value.size(), 3u);
  EXPECT_EQ(ok.value[0], (Period{1, 9 * 60, 13 * 60}));
  EXPECT_EQ(ok.value[2], (Period{6, 10 * 60, 15 * 60}));
  days[1] = {"10:00", "", "", ""};
  days[2] = {"18:00", "10:00", "", ""};
  days[3] = {"10:00", "14:00", "13:00", "16:00"};
  days[4] = {"25:00", "26:00", "", ""};
  EXPECT_EQ(Keys(CheckWeeklyHours(days).errors),
            (Strings{"tu-closes1:hours.error.half_range",
                     "we-closes1:hours.error.closes_not_after_opens",
                     "th-opens2:hours.error.overlap", "fr-opens1:hours.error.time"}));
}

TEST(LibraryEdits, ExceptionsNeedARealFutureDate) {
  auto ok = CheckException("24.12.2026", ExceptionMode::kClosed, "", "", "Ziemassvētki", "2026-11-22");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value.date, "2026-12-24");
  auto open = CheckException("2026-12-31", ExceptionMode::kOtherHours, "10:00", "14:00", "",
                             "2026-11-22");
  EXPECT_TRUE(open.ok());
  EXPECT_EQ(Keys(CheckException("2026-02-30", ExceptionMode::kClosed, "", "", "", "2026-11-22").errors),
            Strings{"date:edit.error.date_invalid"});
  EXPECT_EQ(Keys(CheckException("2026-11-21", ExceptionMode::kClosed, "", "", "", "2026-11-22").errors),
            Strings{"date:edit.error.date_past"});
  EXPECT_EQ(Keys(CheckException("2026-12-31", ExceptionMode::kOtherHours, "14:00", "10:00", "",
                                 "2026-11-22").errors),
            Strings{"closes_at:hours.error.closes_not_after_opens"});
}

TEST(LibraryEdits, AHolidayCanBeOpenAtTheUsualHours) {
  auto usual = CheckException("2026-12-26", ExceptionMode::kUsualHours, "9:00", "", "", "2026-11-22");
  ASSERT_TRUE(usual.ok()) << "times are ignored";
  EXPECT_FALSE(usual.value.closed);
  EXPECT_EQ(usual.value.opens_at, "");
  EXPECT_EQ(usual.value.closes_at, "");
}

TEST(LibraryEdits, ServicesAndChoicesOnlyFromKnownTerms) {
  Strings types = {"free-internet", "sensory-room"}, groups = {"children", "seniors"};
  auto ok = CheckService("Sensorā telpa", "", "", {"sensory-room"}, {"children"}, types, groups);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value.status, "active");
  EXPECT_EQ(Keys(CheckService("x", "", "defunct", {}, {}, types, groups).errors),
            Strings{"status:edit.error.status_invalid"});
  EXPECT_EQ(Keys(CheckService("x", "", "active", {"made-up"}, {}, types, groups).errors),
            Strings{"types:edit.error.term_unknown"});
  auto choices = CheckChoices({"uk", "lv"}, {"lv", "ru", "uk"}, "languages");
  EXPECT_EQ(choices.value, (Strings{"lv", "uk"})) << "in the offered order";
}

}  // namespace
}  // namespace tilti::directory
