#include "app/user_commands.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <sstream>

#include "store/account_store.h"
#include "store/migrations.h"

namespace tilti::app {
namespace {

namespace fs = std::filesystem;

class UserCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tilti-uc-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    store::DatabaseOptions o;
    o.path = (dir_ / "u.db").string();
    o.create_if_missing = true;
    db_ = std::move(store::Database::Open(o).value());
    ASSERT_TRUE(db_->Migrate(store::BuiltinSqliteMigrations()).ok());
    db_->Write([](store::Connection& c) {
      c.Exec(
          "INSERT INTO organization (id, slug, kind, name, last_modified) VALUES "
          "('o1', 'lib-a', 'library', 'Bibliotēka A', '2026-01-01T00:00:00Z')");
    });
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }
  int Run(std::vector<std::string> args, const std::string& input = "") {
    args.push_back("--db");
    args.push_back((dir_ / "u.db").string());
    auto config = ParseConfig(args, {});
    EXPECT_TRUE(config.ok()) << config.error().detail;
    std::istringstream in(input);
    out_.str("");
    err_.str("");
    return RunUserCommand(*db_, config.value(), hasher_, clock_, in, out_, err_);
  }
  std::string StoredHash(const std::string& email) {
    auto lease = db_->Read();
    auto account = store::FindAccountByEmail(*lease, email);
    EXPECT_TRUE(account);
    return account ? store::PasswordHashOf(*lease, account->id).value_or("") : "";
  }

  static accounts::PasswordHasherOptions Cheap() {
    accounts::PasswordHasherOptions o;
    o.cost = accounts::HashCost::ForTests();
    o.max_concurrent = 1;
    o.max_wait = std::chrono::milliseconds(20);
    return o;
  }

  fs::path dir_;
  std::unique_ptr<store::Database> db_;
  accounts::PasswordHasher hasher_{Cheap()};
  FixedClock clock_{SysTime(std::chrono::seconds(1'800'000'000))};
  std::ostringstream out_, err_;
};

TEST_F(UserCommands, ThePrintedPasswordIsTheOneStoredAndOnlyItsHashIsKept) {
  ASSERT_EQ(Run({"user", "add", "--email", "Anna@Example.org", "--name", "Anna", "--role",
                 "librarian", "--library", "lib-a"}),
            0)
      << err_.str();
  std::string out = out_.str();
  std::string marker = "pass it on safely): ";
  auto at = out.find(marker);
  ASSERT_NE(at, std::string::npos) << out;
  std::string password = out.substr(at + marker.size(), 20);
  std::string hash = StoredHash("anna@example.org");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_EQ(hash.find(password), std::string::npos);
  EXPECT_TRUE(hasher_.Verify(hash, password).value());
  EXPECT_EQ(out.find(hash), std::string::npos);

  ASSERT_EQ(Run({"user", "list"}), 0);
  EXPECT_EQ(out_.str().find("argon2"), std::string::npos) << out_.str();
  EXPECT_NE(out_.str().find("lib-a"), std::string::npos) << out_.str();
}

TEST_F(UserCommands, ResetPasswordFromStdinReplacesTheHashAndEndsSessions) {
  ASSERT_EQ(Run({"user", "add", "--email", "a@example.org", "--name", "A", "--role",
                 "coordinator"}),
            0);
  db_->Write([&](store::Connection& c) {
    ASSERT_TRUE(store::CreateSession(c, store::FindAccountByEmail(c, "a@example.org")->id,
                                     std::string(64, 'a'), clock_.Now())
                    .ok());
  });
  ASSERT_EQ(Run({"user", "reset-password", "--email", "a@example.org", "--password-stdin"},
                "a new passphrase here\n"),
            0)
      << err_.str();
  EXPECT_TRUE(hasher_.Verify(StoredHash("a@example.org"), "a new passphrase here").value());
  EXPECT_EQ(out_.str().find("passphrase"), std::string::npos);
  EXPECT_FALSE(db_->Write([&](store::Connection& c) {
    return store::FindSession(c, std::string(64, 'a'), clock_.Now());
  }));
}

TEST_F(UserCommands, ABusyHasherFailsCleanlyAndCreatesNothing) {
  auto held = hasher_.gate().Enter();
  ASSERT_TRUE(held);
  EXPECT_EQ(Run({"user", "add", "--email", "a@example.org", "--name", "A", "--role", "partner"}),
            1);
  EXPECT_NE(err_.str().find("busy"), std::string::npos) << err_.str();
  EXPECT_EQ(out_.str().find("password"), std::string::npos) << "no password for no account";
  auto lease = db_->Read();
  EXPECT_TRUE(store::ListAccounts(*lease).empty());
}

TEST_F(UserCommands, UnusableEmailOrNameExitsTwo) {
  EXPECT_EQ(Run({"user", "add", "--email", "nope", "--name", "A", "--role", "partner"}), 2);
  EXPECT_NE(err_.str().find("--email"), std::string::npos);
  EXPECT_EQ(Run({"user", "add", "--email", "a@example.org", "--name", "A\x01", "--role",
                 "partner"}),
            2);
  EXPECT_NE(err_.str().find("--name"), std::string::npos);
}

TEST_F(UserCommands, EnableLetsADisabledAccountLogInAgain) {
  ASSERT_EQ(Run({"user", "add", "--email", "a@example.org", "--name", "A", "--role",
                 "coordinator"}),
            0);
  ASSERT_EQ(Run({"user", "disable", "--email", "A@example.org"}), 0);
  EXPECT_TRUE(store::FindAccountByEmail(*db_->Read(), "a@example.org")->disabled);
  ASSERT_EQ(Run({"user", "enable", "--email", "A@example.org"}), 0) << err_.str();
  EXPECT_NE(out_.str().find("enabled a@example.org"), std::string::npos) << out_.str();
  EXPECT_FALSE(store::FindAccountByEmail(*db_->Read(), "a@example.org")->disabled);
  ASSERT_EQ(Run({"user", "enable", "--email", "a@example.org"}), 0);
  EXPECT_NE(out_.str().find("already enabled"), std::string::npos) << out_.str();
  EXPECT_EQ(Run({"user", "enable", "--email", "nobody@example.org"}), 1);
}

}  // namespace
}  // namespace tilti::app
