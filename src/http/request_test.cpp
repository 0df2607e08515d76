#include "http/request.h"

#include <gtest/gtest.h>

namespace tilti::http {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(ParseQuery, SplitsPairsInOrder) {
  EXPECT_EQ(ParseQuery("q=Ogre&page=2&q=Riga"),
            (Pairs{{"q", "Ogre"}, {"page", "2"}, {"q", "Riga"}}));
}

TEST(ParseQuery, PlusIsSpaceAndEncodedPlusIsPlus) {
  EXPECT_EQ(ParseQuery("q=Jelgavas+zin%C4%81tniskā&x=a%2Bb"),
            (Pairs{{"q", "Jelgavas zinātniskā"}, {"x", "a+b"}}));
}

TEST(ParseQuery, DecodesUtf8Escapes) {
  EXPECT_EQ(ParseQuery("q=R%C4%93zekne"), (Pairs{{"q", "Rēzekne"}}));
  EXPECT_EQ(ParseQuery("q=%D0%AE%D1%80%D0%BC%D0%B0%D0%BB%D0%B0"), (Pairs{{"q", "Юрмала"}}));
}

TEST(ParseQuery, KeepsMalformedEscapesLiterally) {
  EXPECT_EQ(ParseQuery("a=%zz&b=100%&c=%4&d=%4g"),
            (Pairs{{"a", "%zz"}, {"b", "100%"}, {"c", "%4"}, {"d", "%4g"}}));
}

TEST(ParseQuery, NameWithoutValueAndEmptyPieces) {
  EXPECT_EQ(ParseQuery("flag&&=v&x="), (Pairs{{"flag", ""}, {"", "v"}, {"x", ""}}));
  EXPECT_TRUE(ParseQuery("").empty());
  EXPECT_TRUE(ParseQuery("&&").empty());
}

TEST(ParseQuery, OnlyFirstEqualsSeparates) {
  EXPECT_EQ(ParseQuery("a=b=c"), (Pairs{{"a", "b=c"}}));
}

TEST(RequestHeader, IsCaseInsensitiveAndReturnsFirst) {
  Request r;
  r.headers = {{"accept-language", "lv"}, {"cookie", "a=1"}, {"cookie", "b=2"}};
  EXPECT_EQ(r.Header("Accept-Language"), "lv");
  EXPECT_EQ(r.Header("COOKIE"), "a=1");
  EXPECT_FALSE(r.Header("host").has_value());
}

TEST(RequestParam, EmptyWhenAbsent) {
  Request r;
  r.params["lang"] = "lv";
  EXPECT_EQ(r.Param("lang"), "lv");
  EXPECT_EQ(r.Param("slug"), "");
}

TEST(ResponseSet, ReplacesEveryHeaderOfThatName) {
  Response r;
  r.headers = {{"Set-Cookie", "a=1"}, {"Vary", "Accept"}, {"set-cookie", "b=2"}};
  r.Set("SET-COOKIE", "c=3");
  EXPECT_EQ(r.headers, (Pairs{{"Vary", "Accept"}, {"SET-COOKIE", "c=3"}}));
  EXPECT_EQ(r.Header("set-cookie"), "c=3");
  EXPECT_FALSE(r.Header("Location").has_value());
}

}  // namespace
}  // namespace tilti::http

namespace tilti::http {
namespace {

TEST(RequestCookie, FindsANamedCookieAmongOthers) {
  Request r;
  r.headers = {{"cookie", "a=1; tilti_lang=uk;tilti_csrf=abc"}};
  EXPECT_EQ(r.Cookie("tilti_lang").value_or(""), "uk");
  EXPECT_EQ(r.Cookie("tilti_csrf").value_or(""), "abc");
  EXPECT_FALSE(r.Cookie("tilti").has_value()) << "a prefix is not a name";
  EXPECT_FALSE(Request{}.Cookie("a").has_value());
}

}  // namespace
}  // namespace tilti::http
