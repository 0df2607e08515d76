#include "http/request_target.h"

#include <gtest/gtest.h>

namespace tilti::http {
namespace {

TEST(ParseRequestTarget, SplitsPathAndRawQuery) {
  auto t = ParseRequestTarget("/lv/libraries?q=R%C4%93zekne+x&p=2");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/lv/libraries");
  EXPECT_EQ(t->query, "q=R%C4%93zekne+x&p=2");
}

TEST(ParseRequestTarget, DecodesPathButKeepsPlus) {
  auto t = ParseRequestTarget("/lv/libraries/r%C4%93zekne+1");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/lv/libraries/rēzekne+1");
  EXPECT_EQ(t->query, "");
}

TEST(ParseRequestTarget, RejectsMalformedEscapesAndNul) {
  EXPECT_FALSE(ParseRequestTarget("/a%zz"));
  EXPECT_FALSE(ParseRequestTarget("/a%4"));
  EXPECT_FALSE(ParseRequestTarget("/a%"));
  EXPECT_FALSE(ParseRequestTarget("/a%00b"));
}

TEST(ParseRequestTarget, QueryIsNotValidated) {
  auto t = ParseRequestTarget("/a?x=%zz");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->query, "x=%zz");
}

TEST(ParseRequestTarget, AcceptsAbsoluteFormAndAsterisk) {
  auto t = ParseRequestTarget("http://example.lv:8080/lv/?a=1");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/lv/");
  EXPECT_EQ(t->query, "a=1");
  t = ParseRequestTarget("HTTPS://example.lv?a=1");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/");
  EXPECT_EQ(t->query, "a=1");
  t = ParseRequestTarget("*");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "*");
}

TEST(ParseRequestTarget, RejectsOtherForms) {
  EXPECT_FALSE(ParseRequestTarget("example.lv:443"));
  EXPECT_FALSE(ParseRequestTarget("lv/libraries"));
  EXPECT_FALSE(ParseRequestTarget(""));
}

}  // namespace
}  // namespace tilti::http
