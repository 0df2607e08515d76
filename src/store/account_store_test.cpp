#include "store/account_store.h"

#include <gtest/gtest.h>

#include "store/database.h"
#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

using std::chrono::seconds;

// Fixed 64-hex "token hashes": the store only ever sees hashes.
std::string HashOf(char c) { return std::string(64, c); }

class AccountStore : public ::testing::Test {
 protected:
  void SetUp() override {
    temp_ = std::make_unique<MigratedDatabaseForTests>();
    db_ = &temp_->db();
    db_->Write([](Connection& c) {
      c.Exec(
          "INSERT INTO organization (id, slug, kind, name, last_modified) VALUES "
          "('o1', 'lib-a', 'library', 'Bibliotēka A', '2026-01-01T00:00:00Z'), "
          "('o2', 'lib-b', 'library', 'Bibliotēka B', '2026-01-01T00:00:00Z'), "
          "('o3', 'ngo', 'ngo', 'Biedrība', '2026-01-01T00:00:00Z')");
    });
    ASSERT_TRUE(Add("a1", "anna@example.org", "librarian").ok());
  }
  void TearDown() override { temp_.reset(); }
  Status Add(const std::string& id, const std::string& email, const std::string& role) {
    return db_->Write([&](Connection& c) {
      return InsertAccount(c, {id, email, "Anna Bērziņa", role, "$argon2id$secret-hash"},
                           clock_.Now());
    });
  }
  Status Login(const std::string& account, char hash, const SessionPolicy& p = {}) {
    return db_->Write(
        [&](Connection& c) { return CreateSession(c, account, HashOf(hash), clock_.Now(), p); });
  }
  std::optional<SessionInfo> Find(char hash, const SessionPolicy& p = {}) {
    return db_->Write([&](Connection& c) { return FindSession(c, HashOf(hash), clock_.Now(), p); });
  }
  void Advance(int64_t s) { clock_.Set(clock_.Now() + seconds(s)); }
  int64_t Count(const std::string& sql) {
    auto lease = db_->Read();
    Statement st = lease->Prepare(sql);
    st.Step();
    return st.Int(0);
  }

  std::unique_ptr<MigratedDatabaseForTests> temp_;
  Database* db_ = nullptr;
  FixedClock clock_{SysTime(seconds(1'800'000'000))};
};

TEST_F(AccountStore, InsertsAndFindsByEmailCaseInsensitively) {
  auto lease = db_->Read();
  auto a = FindAccountByEmail(*lease, "ANNA@Example.org");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, "a1");
  EXPECT_EQ(a->role, "librarian");
  EXPECT_FALSE(a->disabled);
  EXPECT_EQ(a->created_at, FormatRfc3339(clock_.Now()));
  EXPECT_EQ(a->password_changed_at, a->created_at);
  EXPECT_FALSE(FindAccountByEmail(*lease, "nobody@example.org"));
  EXPECT_EQ(PasswordHashOf(*lease, "a1"), "$argon2id$secret-hash");
  EXPECT_FALSE(PasswordHashOf(*lease, "nope"));
}

TEST_F(AccountStore, DuplicateEmailIsAConflictInAnyCase) {
  auto s = Add("a2", "anna@example.org", "partner");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  // A row written around the normalisation still collides (COLLATE NOCASE).
  EXPECT_THROW(db_->Write([](Connection& c) {
                 c.Exec(
                     "INSERT INTO account VALUES ('a3', 'ANNA@EXAMPLE.ORG', 'x', 'partner', 'h', "
                     "0, 't', 't', 't')");
               }),
               SqlError);
  EXPECT_EQ(Count("SELECT count(*) FROM account"), 1);
}

TEST_F(AccountStore, UnknownRoleIsRefused) {
  auto s = Add("a2", "bob@example.org", "admin");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(Count("SELECT count(*) FROM account"), 1);
}

TEST_F(AccountStore, ListsAccountsByEmailWithMembershipsAndNoHash) {
  ASSERT_TRUE(Add("a0", "aaron@example.org", "coordinator").ok());
  db_->Write([](Connection& c) {
    ASSERT_TRUE(AddMembership(c, "a1", "o2").ok());
    ASSERT_TRUE(AddMembership(c, "a1", "o1").ok());
    ASSERT_TRUE(AddMembership(c, "a1", "o1").ok()) << "adding twice is a no-op";
  });
  auto lease = db_->Read();
  auto all = ListAccounts(*lease);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].email, "aaron@example.org");
  EXPECT_TRUE(all[0].memberships.empty());
  ASSERT_EQ(all[1].memberships.size(), 2u);
  EXPECT_EQ(all[1].memberships[0].slug, "lib-a");
  EXPECT_EQ(all[1].memberships[1].slug, "lib-b");
}

TEST_F(AccountStore, MembershipNeedsAnExistingAccountAndOrganisationAndCanBeRemoved) {
  db_->Write([](Connection& c) {
    EXPECT_EQ(AddMembership(c, "a1", "missing").error().code, ErrorCode::kNotFound);
    EXPECT_EQ(AddMembership(c, "missing", "o1").error().code, ErrorCode::kNotFound);
    ASSERT_TRUE(AddMembership(c, "a1", "o3").ok());
    EXPECT_TRUE(RemoveMembership(c, "a1", "o3"));
    EXPECT_FALSE(RemoveMembership(c, "a1", "o3"));
  });
  auto lease = db_->Read();
  EXPECT_EQ(OrganizationBySlug(*lease, "ngo")->kind, "ngo");
  EXPECT_EQ(OrganizationBySlug(*lease, "lib-a")->id, "o1");
  EXPECT_FALSE(OrganizationBySlug(*lease, "nope"));
}

TEST_F(AccountStore, SessionIsFoundByTokenHashWithItsAccount) {
  ASSERT_TRUE(Login("a1", 'a').ok());
  auto s = Find('a');
  ASSERT_TRUE(s);
  EXPECT_EQ(s->account_id, "a1");
  EXPECT_EQ(s->email, "anna@example.org");
  EXPECT_EQ(s->role, "librarian");
  EXPECT_EQ(s->expires_at, clock_.Now() + seconds(12 * 3600));
  EXPECT_FALSE(Find('b'));
}

TEST_F(AccountStore, SessionEndsAfterIdleTimeoutButActivityKeepsItAlive) {
  SessionPolicy p;
  p.idle_seconds = 1800;
  p.touch_seconds = 60;
  ASSERT_TRUE(Login("a1", 'a', p).ok());
  Advance(1799);
  ASSERT_TRUE(Find('a', p)) << "one second before idle expiry";
  Advance(1799);
  ASSERT_TRUE(Find('a', p)) << "the last request moved the idle expiry";
  Advance(1800);
  EXPECT_FALSE(Find('a', p)) << "idle for exactly the timeout";
  EXPECT_EQ(Count("SELECT count(*) FROM session"), 0) << "an expired session is deleted";
}

TEST_F(AccountStore, LastSeenIsWrittenAtMostOncePerTouchInterval) {
  SessionPolicy p;
  p.idle_seconds = 100;
  p.touch_seconds = 60;
  ASSERT_TRUE(Login("a1", 'a', p).ok());
  Advance(59);
  ASSERT_TRUE(Find('a', p));
  EXPECT_EQ(Count("SELECT last_seen_at FROM session"), 1'800'000'000) << "not yet written";
  Advance(41);  // 100 s after login, 41 s after the last request
  EXPECT_FALSE(Find('a', p)) << "idle expiry is exact to within touch_seconds";
}

TEST_F(AccountStore, SessionEndsAtAbsoluteExpiryHoweverBusy) {
  SessionPolicy p;
  p.idle_seconds = 1800;
  p.absolute_seconds = 3 * 3600;
  ASSERT_TRUE(Login("a1", 'a', p).ok());
  for (int i = 0; i < 10; ++i) {
    Advance(1000);
    ASSERT_TRUE(Find('a', p)) << i;
  }
  Advance(799);  // 10,799 s after login
  ASSERT_TRUE(Find('a', p));
  Advance(1);
  EXPECT_FALSE(Find('a', p));
}

TEST_F(AccountStore, RevokedSessionIsGoneAndOthersStay) {
  ASSERT_TRUE(Login("a1", 'a').ok());
  ASSERT_TRUE(Login("a1", 'b').ok());
  EXPECT_TRUE(db_->Write([](Connection& c) { return RevokeSession(c, HashOf('a')); }));
  EXPECT_FALSE(db_->Write([](Connection& c) { return RevokeSession(c, HashOf('a')); }));
  EXPECT_FALSE(Find('a'));
  EXPECT_TRUE(Find('b'));
}

TEST_F(AccountStore, RevokeAllEndsEverySessionOfOneAccountOnly) {
  ASSERT_TRUE(Add("a2", "bob@example.org", "partner").ok());
  ASSERT_TRUE(Login("a1", 'a').ok());
  ASSERT_TRUE(Login("a1", 'b').ok());
  ASSERT_TRUE(Login("a2", 'c').ok());
  EXPECT_EQ(db_->Write([](Connection& c) { return RevokeAllSessions(c, "a1"); }), 2);
  EXPECT_FALSE(Find('a'));
  EXPECT_FALSE(Find('b'));
  EXPECT_TRUE(Find('c'));
}

TEST_F(AccountStore, PasswordResetEndsEverySession) {
  ASSERT_TRUE(Login("a1", 'a').ok());
  Advance(10);
  EXPECT_TRUE(db_->Write(
      [&](Connection& c) { return SetPasswordHash(c, "a1", "$argon2id$new", clock_.Now()); }));
  EXPECT_FALSE(Find('a'));
  EXPECT_FALSE(db_->Write(
      [&](Connection& c) { return SetPasswordHash(c, "nope", "$argon2id$x", clock_.Now()); }));
  auto lease = db_->Read();
  EXPECT_EQ(PasswordHashOf(*lease, "a1"), "$argon2id$new");
  EXPECT_EQ(FindAccountById(*lease, "a1")->password_changed_at, FormatRfc3339(clock_.Now()));
}

TEST_F(AccountStore, DisabledAccountCannotGetOrKeepASession) {
  ASSERT_TRUE(Login("a1", 'a').ok());
  EXPECT_TRUE(db_->Write(
      [&](Connection& c) { return SetAccountDisabled(c, "a1", true, clock_.Now()); }));
  EXPECT_FALSE(Find('a')) << "disabling ended the session";
  auto refused = Login("a1", 'b');
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(Count("SELECT count(*) FROM session"), 0);
  EXPECT_EQ(Login("nope", 'c').error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(db_->Write(
      [&](Connection& c) { return SetAccountDisabled(c, "nope", true, clock_.Now()); }));
}

TEST_F(AccountStore, SessionOfAnAccountDisabledBehindItsBackIsRefused) {
  ASSERT_TRUE(Login("a1", 'a').ok());
  db_->Write([](Connection& c) { c.Exec("UPDATE account SET disabled = 1"); });
  EXPECT_FALSE(Find('a'));
}

TEST_F(AccountStore, ATokenInsteadOfItsHashIsRefusedBeforeItReachesTheDisk) {
  std::string token(43, 'A');
  EXPECT_THROW(db_->Write([&](Connection& c) {
                 return CreateSession(c, "a1", token, clock_.Now()).ok();
               }),
               std::invalid_argument);
  EXPECT_THROW(db_->Write([&](Connection& c) { return FindSession(c, token, clock_.Now()); }),
               std::invalid_argument);
}

TEST_F(AccountStore, DeleteExpiredSessionsKeepsLiveOnes) {
  SessionPolicy shortp;
  shortp.idle_seconds = 10;
  ASSERT_TRUE(Login("a1", 'a', shortp).ok());
  ASSERT_TRUE(Login("a1", 'b').ok());
  Advance(10);
  EXPECT_EQ(db_->Write([&](Connection& c) { return DeleteExpiredSessions(c, clock_.Now()); }), 1);
  EXPECT_TRUE(Find('b'));
}

}  // namespace
}  // namespace tilti::store
