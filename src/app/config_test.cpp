#include "app/config.h"

#include <gtest/gtest.h>

namespace tilti::app {
namespace {

TEST(ParseConfig, DefaultsServeTheDemoDatabaseOnLocalhost) {
  auto c = ParseConfig({"serve"}, {});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value().command, "serve");
  EXPECT_EQ(c.value().db, "data/tilti.db");
  EXPECT_EQ(c.value().listen, "127.0.0.1:8080");
  EXPECT_EQ(c.value().threads, 0);
}

TEST(ParseConfig, FlagsOverrideEnvironmentWhichOverridesDefaults) {
  auto c = ParseConfig({"serve", "--listen", "127.0.0.1:0", "--threads=3"},
                       {{"TILTI_LISTEN", "0.0.0.0:9000"}, {"TILTI_DB", "sqlite:/tmp/x.db"}});
  ASSERT_TRUE(c.ok()) << c.error().detail;
  EXPECT_EQ(c.value().listen, "127.0.0.1:0");
  EXPECT_EQ(c.value().db, "/tmp/x.db");
  EXPECT_EQ(c.value().threads, 3);
}

TEST(ParseConfig, BadInputGivesOneClearMessage) {
  struct Case {
    std::vector<std::string> args;
    std::string expected;
  } cases[] = {
      {{"serve", "--bogus", "1"}, "--bogus: unknown option"},
      {{"serve", "--threads", "many"}, "--threads"},
      {{"serve", "--listen", "localhost"}, "HOST:PORT"},
      {{"serve", "--listen", "127.0.0.1:99999"}, "0 to 65535"},
      {{"serve", "--db"}, "--db needs a value"},
      {{"launch"}, "unknown command"},
      {{"serve", "extra"}, "unexpected argument"},
      {{"serve", "--public-url", "ftp://x"}, "http"},
  };
  for (const auto& c : cases) {
    auto r = ParseConfig(c.args, {});
    ASSERT_FALSE(r.ok()) << c.args.back();
    EXPECT_NE(r.error().detail.find(c.expected), std::string::npos) << r.error().detail;
  }
}

TEST(ParseConfig, BadEnvironmentVariableIsNamed) {
  auto r = ParseConfig({"serve"}, {{"TILTI_THREADS", "-1"}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().detail.find("TILTI_THREADS"), std::string::npos);
}

TEST(ParseConfig, MapTilesAreOffByDefaultAndCheckedWhenGiven) {
  auto none = ParseConfig({"serve"}, {});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none.value().map_tiles, "");
  auto env = ParseConfig({"serve"}, {{"TILTI_MAP_TILES", "https://tile.example/{z}/{x}/{y}.png"}});
  ASSERT_TRUE(env.ok()) << env.error().detail;
  EXPECT_EQ(env.value().map_tiles, "https://tile.example/{z}/{x}/{y}.png");
  auto flag = ParseConfig({"serve", "--map-tiles", "https://{s}.tile.example/{z}/{x}/{y}.png",
                           "--map-attribution", "© Example"},
                          {{"TILTI_MAP_TILES", "https://other.example/{z}/{x}/{y}.png"}});
  ASSERT_TRUE(flag.ok()) << flag.error().detail;
  EXPECT_EQ(flag.value().map_tiles, "https://{s}.tile.example/{z}/{x}/{y}.png");
  EXPECT_EQ(flag.value().map_attribution, "© Example");
  for (std::string bad : {"ftp://tile.example/{z}/{x}/{y}.png", "https://tile.example/{z}/{x}.png",
                          "https://tile.example", "https://tile.ex;ample/{z}/{x}/{y}.png",
                          "https://tile example/{z}/{x}/{y}.png"}) {
    auto r = ParseConfig({"serve", "--map-tiles", bad}, {});
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().detail.find("--map-tiles"), std::string::npos) << r.error().detail;
  }
  auto bad_env = ParseConfig({"serve"}, {{"TILTI_MAP_TILES", "tiles"}});
  ASSERT_FALSE(bad_env.ok());
  EXPECT_NE(bad_env.error().detail.find("TILTI_MAP_TILES"), std::string::npos);
}

TEST(ParseConfig, HelpNeedsNoCommand) {
  auto r = ParseConfig({"--help"}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value().help);
  EXPECT_NE(HelpText("").find("serve"), std::string::npos);
  EXPECT_NE(HelpText("serve").find("--listen"), std::string::npos);
}

TEST(SplitListen, AcceptsBracketedIpv6) {
  auto r = SplitListen("[::1]:8080");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().first, "::1");
  EXPECT_EQ(r.value().second, 8080);
}

}  // namespace
}  // namespace tilti::app
