#include "web/i18n_negotiate.h"

#include <gtest/gtest.h>

namespace tilti::web::i18n {
namespace {

const std::vector<std::string> kAvailable = {"lv", "ru", "uk", "en"};

std::string Pick(std::optional<std::string_view> cookie, std::optional<std::string_view> header) {
  return Negotiate(cookie, header, kAvailable, "lv");
}

TEST(I18nNegotiate, CookieWinsWhenAvailable) {
  EXPECT_EQ(Pick("ru", "en-GB,en;q=0.9"), "ru");
  EXPECT_EQ(Pick("UK", std::nullopt), "uk");
}

TEST(I18nNegotiate, UnavailableOrGarbageCookieIsIgnored) {
  EXPECT_EQ(Pick("de", "uk"), "uk");
  EXPECT_EQ(Pick("../../etc", "en"), "en");
  EXPECT_EQ(Pick("*", "en"), "en");
  EXPECT_EQ(Pick("", std::nullopt), "lv");
}

TEST(I18nNegotiate, HighestQualityWins) {
  EXPECT_EQ(Pick(std::nullopt, "en;q=0.5, ru;q=0.9"), "ru");
  EXPECT_EQ(Pick(std::nullopt, "de-DE, en;q=0.3, uk;q=0.4"), "uk");
  EXPECT_EQ(Pick(std::nullopt, "en;q=0.999, ru;q=1.000"), "ru");
}

TEST(I18nNegotiate, TiesKeepHeaderOrder) {
  EXPECT_EQ(Pick(std::nullopt, "ru, uk"), "ru");
  EXPECT_EQ(Pick(std::nullopt, "uk;q=0.8, ru;q=0.8"), "uk");
}

TEST(I18nNegotiate, RegionalVariantsMatchTheLanguage) {
  EXPECT_EQ(Pick(std::nullopt, "uk-UA,uk;q=0.9,en-US;q=0.8"), "uk");
  EXPECT_EQ(Pick(std::nullopt, "EN-gb"), "en");
  EXPECT_EQ(Pick(std::nullopt, "ru-LV"), "ru");
  EXPECT_EQ(Negotiate(std::nullopt, "pt", {"en", "pt-BR"}, "en"), "pt-BR");
  EXPECT_EQ(Negotiate(std::nullopt, "pt-PT, pt-BR", {"pt-PT", "pt-BR"}, "pt-BR"), "pt-PT");
}

TEST(I18nNegotiate, StarMeansTheDefault) {
  EXPECT_EQ(Pick(std::nullopt, "de, *;q=0.5"), "lv");
  EXPECT_EQ(Negotiate(std::nullopt, "*", kAvailable, "en"), "en");
}

TEST(I18nNegotiate, QualityZeroExcludes) {
  EXPECT_EQ(Pick(std::nullopt, "ru;q=0"), "lv");
  EXPECT_EQ(Pick(std::nullopt, "ru;q=0, uk;q=0.1"), "uk");
  EXPECT_EQ(Pick(std::nullopt, "uk;q=0, uk-UA"), "lv");
  EXPECT_EQ(Pick(std::nullopt, "lv;q=0, *"), "ru");  // the default is ruled out: next available
}

TEST(I18nNegotiate, NothingUsableGivesTheDefault) {
  EXPECT_EQ(Pick(std::nullopt, std::nullopt), "lv");
  EXPECT_EQ(Pick(std::nullopt, ""), "lv");
  EXPECT_EQ(Pick(std::nullopt, "de-DE, fr;q=0.8"), "lv");
}

TEST(I18nNegotiate, SurvivesGarbageHeaders) {
  const std::string_view garbage[] = {
      ";;;,,,=q",
      "en;q=abc",
      "en;q=1.5",
      "en;q=-1",
      "en;q=0.1234",
      "ru;;q=",
      "toolonglanguage",
      "e\xffn, \x01ru",
      std::string_view("\0\0en", 4),
      ",,,,,,",
      "en-",
      "-en",
      "q=0.5",
  };
  for (std::string_view header : garbage) {
    EXPECT_NO_THROW(Pick(std::nullopt, header)) << header;
    EXPECT_EQ(Pick(std::nullopt, header), "lv") << header;
  }
  EXPECT_EQ(Pick(std::nullopt, "xx;q=abc, uk"), "uk");  // one bad range does not spoil the rest
  EXPECT_EQ(Pick(std::nullopt, "en;foo=bar"), "en");    // unknown parameters are ignored
}

TEST(I18nNegotiate, HugeHeadersAreCutShort) {
  std::string huge;
  for (int i = 0; i < 10000; ++i) huge += "de;q=0.9, ";
  huge += "ru";
  EXPECT_EQ(Pick(std::nullopt, huge), "lv");
  std::string many_ranges;
  for (int i = 0; i < 40; ++i) many_ranges += "fr, ";
  EXPECT_EQ(Pick(std::nullopt, many_ranges + "uk"), "lv");  // beyond the first 32 ranges
}

}  // namespace
}  // namespace tilti::web::i18n
