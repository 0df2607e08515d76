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
      {{"backup", "--db", "x.db"}, "backup: --out is needed"},
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

TEST(ParseConfig, UserAddTakesEmailNameRoleAndRepeatedLibraries) {
  auto r = ParseConfig({"user", "add", "--email", "anna@example.org", "--name=Anna Bērziņa",
                        "--role", "librarian", "--library", "lib-a", "--library", "lib-b",
                        "--password-stdin", "--db", "/tmp/u.db"},
                       {});
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r.value().command, "user");
  EXPECT_EQ(r.value().user_action, "add");
  EXPECT_EQ(r.value().email, "anna@example.org");
  EXPECT_EQ(r.value().name, "Anna Bērziņa");
  EXPECT_EQ(r.value().role, "librarian");
  EXPECT_EQ(r.value().libraries, (std::vector<std::string>{"lib-a", "lib-b"}));
  EXPECT_TRUE(r.value().password_stdin);
  EXPECT_TRUE(ParseConfig({"user", "list"}, {}).ok());
  EXPECT_TRUE(ParseConfig({"user", "disable", "--email", "a@b.lv"}, {}).ok());
  EXPECT_TRUE(ParseConfig({"user", "enable", "--email", "a@b.lv"}, {}).ok());
  EXPECT_TRUE(ParseConfig({"user", "reset-password", "--email", "a@b.lv"}, {}).ok());
  EXPECT_TRUE(ParseConfig({"user", "add", "--email", "a@b.lv", "--name", "A", "--role",
                           "partner", "--organization", "ngo"},
                          {})
                  .ok());
  EXPECT_TRUE(ParseConfig({"user", "--help"}, {}).ok()) << "help needs no action";
  EXPECT_NE(HelpText("user").find("reset-password"), std::string::npos);
  EXPECT_NE(HelpText("").find("user"), std::string::npos);
}

TEST(ParseConfig, UserCommandRefusesMissingAndMisplacedFlags) {
  struct Case {
    std::vector<std::string> args;
    std::string expected;
  } cases[] = {
      {{"user"}, "an action is needed"},
      {{"user", "remove"}, "unknown action \"remove\""},
      {{"user", "add", "--name", "A", "--role", "partner"}, "--email is needed"},
      {{"user", "add", "--email", "a@b.lv", "--role", "partner"}, "--name is needed"},
      {{"user", "add", "--email", "a@b.lv", "--name", "A"}, "--role is needed"},
      {{"user", "add", "--email", "a@b.lv", "--name", "A", "--role", "admin"},
       "unknown role \"admin\""},
      {{"user", "add", "--email", "a@b.lv", "--name", "A", "--role", "librarian"},
       "at least one --library"},
      {{"user", "add", "--email", "a@b.lv", "--name", "A", "--role", "coordinator", "--library",
        "x"},
       "coordinator sees every library"},
      {{"user", "add", "--email", "a@b.lv", "--name", "A", "--role", "partner", "--library", "x"},
       "use --organization"},
      {{"user", "add", "--email", "a@b.lv", "--name", "A", "--role", "librarian", "--library",
        "x", "--organization", "y"},
       "use --library"},
      {{"user", "add", "--email", "a@b.lv", "--name", "A", "--role", "partner", "--password",
        "hunter2hunter2"},
       "never taken as a flag"},
      {{"user", "reset-password", "--email", "a@b.lv", "--password=x"}, "never taken as a flag"},
      {{"user", "disable"}, "--email is needed"},
      {{"user", "disable", "--email", "a@b.lv", "--password-stdin"}, "not taken here"},
      {{"user", "enable", "--email", "a@b.lv", "--password-stdin"}, "not taken here"},
      {{"user", "list", "--email", "a@b.lv"}, "not taken here"},
      {{"user", "add", "--email"}, "--email needs a value"},
      {{"user", "add", "--email="}, "an e-mail address is needed"},
      {{"user", "list", "extra"}, "unexpected argument"},
      {{"serve", "--email", "a@b.lv"}, "--email: unknown option"},
      {{"serve", "--password-stdin"}, "unknown option"},
  };
  for (const auto& c : cases) {
    auto r = ParseConfig(c.args, {});
    ASSERT_FALSE(r.ok()) << c.expected;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(r.error().detail.find(c.expected), std::string::npos)
        << r.error().detail << " / expected: " << c.expected;
  }
}

TEST(SplitListen, AcceptsBracketedIpv6) {
  auto r = SplitListen("[::1]:8080");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().first, "::1");
  EXPECT_EQ(r.value().second, 8080);
}

}  // namespace
}  // namespace tilti::app
