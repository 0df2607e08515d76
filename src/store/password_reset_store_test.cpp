#include "store/password_reset_store.h"

#include <gtest/gtest.h>

#include "store/account_store.h"
#include "store/database.h"
#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

const std::string kHashA(64, 'a');
const std::string kHashB(64, 'b');
constexpr int64_t kNow = 1'800'000'000;

class PasswordResetStore : public ::testing::Test {
 protected:
  void SetUp() override {
    temp_ = std::make_unique<MigratedDatabaseForTests>();
    db_ = &temp_->db();
    db_->Write([](Connection& c) {
      const SysTime now{std::chrono::seconds(kNow)};
      for (const char* id : {"acc1", "acc2"}) {
        NewAccount a{id, std::string(id) + "@example.lv", id, "coordinator", "$argon2id$x"};
        ASSERT_TRUE(InsertAccount(c, a, now).ok());
      }
    });
  }
  void TearDown() override { temp_.reset(); }
  std::optional<std::string> Live(const std::string& hash, int64_t now) {
    return db_->Write([&](Connection& c) { return AccountOfLiveReset(c, hash, now); });
  }
  std::optional<std::string> Use(const std::string& hash, int64_t now) {
    return db_->Write([&](Connection& c) { return UsePasswordReset(c, hash, now); });
  }
  std::unique_ptr<MigratedDatabaseForTests> temp_;
  Database* db_ = nullptr;
};

TEST_F(PasswordResetStore, ALinkWorksUntilItExpires) {
  db_->Write([](Connection& c) { CreatePasswordReset(c, "acc1", kHashA, "acc2", kNow, 600); });
  EXPECT_EQ(Live(kHashA, kNow), "acc1");
  EXPECT_EQ(Live(kHashA, kNow + 599), "acc1");
  EXPECT_EQ(Live(kHashA, kNow + 600), std::nullopt) << "expired at created + valid_seconds";
  EXPECT_EQ(Use(kHashA, kNow + 601), std::nullopt) << "an expired link cannot be used";
}

TEST_F(PasswordResetStore, ALinkIsUsedOnlyOnce) {
  db_->Write([](Connection& c) { CreatePasswordReset(c, "acc1", kHashA, "", kNow); });
  EXPECT_EQ(Use(kHashA, kNow + 10), "acc1");
  EXPECT_EQ(Use(kHashA, kNow + 11), std::nullopt);
  EXPECT_EQ(Live(kHashA, kNow + 12), std::nullopt);
}

TEST_F(PasswordResetStore, ANewLinkRevokesTheOlderOnesOfTheSameAccountOnly) {
  const std::string other(64, 'c');
  db_->Write([&](Connection& c) {
    CreatePasswordReset(c, "acc1", kHashA, "", kNow);
    CreatePasswordReset(c, "acc2", other, "", kNow);
    CreatePasswordReset(c, "acc1", kHashB, "", kNow + 5);
  });
  EXPECT_EQ(Live(kHashA, kNow + 6), std::nullopt);
  EXPECT_EQ(Live(kHashB, kNow + 6), "acc1");
  EXPECT_EQ(Live(other, kNow + 6), "acc2");
}

TEST_F(PasswordResetStore, UnknownHashFindsNothingAndATokenIsRefused) {
  EXPECT_EQ(Live(kHashA, kNow), std::nullopt);
  EXPECT_THROW(db_->Write([](Connection& c) {
    CreatePasswordReset(c, "acc1", "a-token-not-its-hash", "", kNow);
  }),
               std::invalid_argument);
}

TEST_F(PasswordResetStore, OneOpenRequestPerAccountUntilHandled) {
  db_->Write([](Connection& c) {
    EXPECT_TRUE(AddResetRequest(c, "r1", "acc1", "2027-01-01T10:00:00Z"));
    EXPECT_FALSE(AddResetRequest(c, "r2", "acc1", "2027-01-01T10:05:00Z"));
    EXPECT_TRUE(AddResetRequest(c, "r3", "acc2", "2027-01-01T10:01:00Z"));
  });
  auto open = db_->Write([](Connection& c) { return OpenResetRequests(c, 10); });
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].id, "r1");
  EXPECT_EQ(open[0].email, "acc1@example.lv");
  EXPECT_EQ(open[1].account_id, "acc2");
  db_->Write([](Connection& c) {
    EXPECT_EQ(CloseResetRequests(c, "acc1", "acc2", "2027-01-01T11:00:00Z"), 1);
    EXPECT_TRUE(AddResetRequest(c, "r4", "acc1", "2027-01-02T10:00:00Z"));
  });
  open = db_->Write([](Connection& c) { return OpenResetRequests(c, 10); });
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].account_id, "acc2");
  EXPECT_EQ(open[1].id, "r4");
}

}  // namespace
}  // namespace tilti::store
