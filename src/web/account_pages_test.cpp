// Signing in, the session cookie and signing out, through the real handlers over a demo
// database: the rules (rate-limit keys, retry time, cookie attributes) and the failure paths
// an end-to-end test cannot reach (a busy hasher, a disabled account, an old hash's rehash).
#include <gtest/gtest.h>

#include "accounts/password.h"
#include "accounts/session_token.h"
#include "core/embedded.h"
#include "core/ids.h"
#include "core/riga_time.h"
#include "store/account_store.h"
#include "store/demo_database_for_tests.h"
#include "web/csrf.h"
#include "web/handlers.h"
#include "web/session.h"
#include "web/sign_in.h"
#include "web/site.h"

namespace tilti::web {
namespace {

constexpr char kPassword[] = "correct horse battery";
constexpr char kCsrf[] = "0123456789abcdef0123456789abcdef";

TEST(SignInRules, LimitsAreKeyedByPseudonymsOfTheAccountAndTheAddress) {
  auto limits = SignInLimits("anna@example.lv", "192.0.2.7");
  ASSERT_EQ(limits.size(), 2u);
  EXPECT_EQ(limits[0].max, 5);
  EXPECT_EQ(limits[1].max, 20);
  EXPECT_EQ(limits[0].window_seconds, 900);
  for (const auto& l : limits) {
    EXPECT_EQ(l.key.find("anna"), std::string::npos) << l.key;
    EXPECT_EQ(l.key.find("192.0.2.7"), std::string::npos) << l.key;
  }
  EXPECT_EQ(SignInLimits("anna@example.lv", "x")[0].key, limits[0].key);
  EXPECT_NE(SignInLimits("olga@example.lv", "192.0.2.7")[0].key, limits[0].key);
  EXPECT_EQ(SignInLimits("olga@example.lv", "192.0.2.7")[1].key, limits[1].key);
}

TEST(SignInRules, SaysWholeMinutesUntilTheWindowEnds) {
  EXPECT_EQ(MinutesUntilSignInAllowed(900 * 1000), 15);
  EXPECT_EQ(MinutesUntilSignInAllowed(900 * 1000 + 1), 15);  // 14 min 59 s, rounded up
  EXPECT_EQ(MinutesUntilSignInAllowed(900 * 1000 + 61), 14);
  EXPECT_EQ(MinutesUntilSignInAllowed(900 * 1001 - 1), 1);  // never "0 minutes"
}

TEST(SessionCookie, IsHttpOnlyLaxAndSecureOnlyOverHttps) {
  const std::string token(43, 'A');
  EXPECT_EQ(SessionCookie(token, false, 43200),
            "tilti_session=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200");
  EXPECT_EQ(SessionCookie(token, true, 60),
            "tilti_session=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure");
  EXPECT_EQ(ExpiredSessionCookie(true),
            "tilti_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
}

class AccountPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = std::make_unique<store::DemoDatabaseForTests>();
    messages_ =
        std::make_unique<i18n::Messages>(std::move(i18n::Messages::Load(embedded::web()).value()));
    site_ = MakeSite("http://127.0.0.1:8080");
    secure_site_ = MakeSite("https://tilti.example");
  }
  static void TearDownTestSuite() {
    site_.reset();
    secure_site_.reset();
    demo_.reset();
  }
  static std::unique_ptr<Site> MakeSite(std::string public_url) {
    auto templates = TemplateSet::Load(embedded::web(), [](std::string_view) { return true; });
    EXPECT_TRUE(templates.ok());
    SiteOptions options;
    options.public_url = std::move(public_url);
    return std::make_unique<Site>(options, *messages_, std::move(templates.value()),
                                  std::make_unique<StaticAssets>(embedded::web()), demo_->db(),
                                  metrics_, clock_);
  }

  // An account with `hash` (a hash of kPassword); returns its id.
  static std::string AddAccount(std::string_view email, std::string_view hash) {
    store::NewAccount a{RandomUuid(), std::string(email), "Test " + std::string(email),
                        "coordinator", std::string(hash)};
    demo_->db().Write(
        [&](store::Connection& c) { EXPECT_TRUE(store::InsertAccount(c, a, clock_.Now()).ok()); });
    return a.id;
  }

  static http::Request Post(std::string_view lang, std::string_view email,
                            std::string_view password, std::string_view address) {
    http::Request r;
    r.method = "POST";
    r.path = "/" + std::string(lang) + "/account/sign-in";
    r.params = {{"lang", std::string(lang)}};
    r.headers = {{"cookie", "tilti_csrf=" + std::string(kCsrf)}};
    r.remote_address = std::string(address);
    r.body = "csrf=" + std::string(kCsrf) + "&email=" + std::string(email) +
             "&password=" + std::string(password);
    return r;
  }

  static http::Response SignIn(const Site& site, std::string_view lang, std::string_view email,
                               std::string_view address) {
    http::Request r = Post(lang, email, "correct+horse+battery", address);
    return SignInSubmit(site, *messages_->Find(lang), r);
  }

  static std::optional<std::string> SetCookie(const http::Response& r, std::string_view name) {
    for (const auto& [k, v] : r.headers) {
      if (k == "Set-Cookie" && v.starts_with(std::string(name) + "=")) return v;
    }
    return std::nullopt;
  }

  static inline std::unique_ptr<store::DemoDatabaseForTests> demo_;
  static inline std::unique_ptr<i18n::Messages> messages_;
  static inline Metrics metrics_;
  static inline FixedClock clock_{FromRiga(2026, 11, 23, 11, 0)};
  static inline std::unique_ptr<Site> site_, secure_site_;
};

TEST_F(AccountPagesTest, ABusyHasherAnswers503InTheReadersLanguageAndKeepsTheEmail) {
  auto& gate = site_->hasher().gate();
  std::vector<accounts::HashingGate::Permit> held;
  while (gate.free_slots() > 0) held.push_back(std::move(gate.Enter().value()));
  http::Response r = SignIn(*site_, "lv", "busy%40example.lv", "198.51.100.1");
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("Pakalpojums šobrīd ir noslogots"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"busy@example.lv\""), std::string::npos);
  EXPECT_EQ(r.body.find("correct horse"), std::string::npos);
  EXPECT_TRUE(r.Header("Retry-After").has_value());
  EXPECT_FALSE(SetCookie(r, "tilti_session"));
}

TEST_F(AccountPagesTest, ADisabledAccountGetsTheSameAnswerAsAWrongPassword) {
  auto hash = site_->hasher().Hash(kPassword);
  ASSERT_TRUE(hash.ok());
  std::string id = AddAccount("gone@example.lv", hash.value());
  demo_->db().Write(
      [&](store::Connection& c) { store::SetAccountDisabled(c, id, true, clock_.Now()); });
  http::Response r = SignIn(*site_, "en", "gone%40example.lv", "198.51.100.2");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("The email address or password is not right"), std::string::npos);
  EXPECT_FALSE(SetCookie(r, "tilti_session"));
}

TEST_F(AccountPagesTest, AnOldCostHashIsReplacedAtSignInAndTheSessionWorks) {
  accounts::PasswordHasherOptions cheap;
  cheap.cost = accounts::HashCost::ForTests();
  accounts::PasswordHasher old_hasher(cheap);
  auto old_hash = old_hasher.Hash(kPassword);
  ASSERT_TRUE(old_hash.ok());
  std::string id = AddAccount("old@example.lv", old_hash.value());
  ASSERT_TRUE(site_->hasher().NeedsRehash(old_hash.value()));

  http::Response r = SignIn(*site_, "ru", "old%40example.lv", "198.51.100.3");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.Header("Location").value_or(""), "/ru/manage");
  EXPECT_EQ(r.Header("Cache-Control").value_or(""), "private, no-store");
  auto new_hash = store::PasswordHashOf(*demo_->db().Read(), id);
  ASSERT_TRUE(new_hash.has_value());
  EXPECT_NE(*new_hash, old_hash.value());
  EXPECT_FALSE(site_->hasher().NeedsRehash(*new_hash));

  // The cookie names a live session (the rehash did not end it), found by CurrentSession.
  auto cookie = SetCookie(r, "tilti_session");
  ASSERT_TRUE(cookie);
  EXPECT_EQ(cookie->find("Secure"), std::string::npos);
  http::Request page;
  page.headers = {{"cookie", cookie->substr(0, cookie->find(';'))}};
  auto session = CurrentSession(*site_, page);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->account_id, id);

  // Signing in again rotates the token: the old one ends.
  http::Request again = Post("ru", "old%40example.lv", "correct+horse+battery", "198.51.100.3");
  again.headers.front().second += "; " + page.headers.front().second;
  http::Response r2 = SignInSubmit(*site_, *messages_->Find("ru"), again);
  ASSERT_EQ(r2.status, 303);
  EXPECT_FALSE(CurrentSession(*site_, page));
}

TEST_F(AccountPagesTest, TheSessionCookieIsSecureWhenTheSiteIsServedOverHttps) {
  auto hash = site_->hasher().Hash(kPassword);
  ASSERT_TRUE(hash.ok());
  AddAccount("secure@example.lv", hash.value());
  http::Response r = SignIn(*secure_site_, "uk", "secure%40example.lv", "198.51.100.4");
  ASSERT_EQ(r.status, 303) << r.body;
  auto cookie = SetCookie(r, "tilti_session");
  ASSERT_TRUE(cookie);
  EXPECT_NE(cookie->find("; Secure"), std::string::npos);
  EXPECT_NE(cookie->find("SameSite=Lax"), std::string::npos);
}

}  // namespace
}  // namespace tilti::web
