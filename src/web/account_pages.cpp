// Signing in and out of the back office, and the account page. Every response here depends on
// who is asking, so it is sent with "private, no-store" and never goes through the response
// cache. Passwords and session tokens are never logged nor echoed back.
#include <algorithm>
#include <chrono>

#include "accounts/account_rules.h"
#include "accounts/session_token.h"
#include "store/account_store.h"
#include "store/directory_queries.h"
#include "store/report_store.h"
#include "web/csrf.h"
#include "web/handlers.h"
#include "web/session.h"
#include "web/sign_in.h"

namespace tilti::web {
namespace {

// Verified when the address has no usable account, so that the answer takes as long as for a
// wrong password (argon2id with the hasher's cost, of a random password nobody knows).
constexpr std::string_view kDummyHash =
    "$argon2id$v=19$m=65536,t=2,p=1$SocByNUWD9eU8CTLB9Adjg$"
    "P4ZmE3DNlg2SjCI2P+sH3baLoGJOWyEY4u9wwz6mWMc";

std::string SignInPath(const i18n::LocaleInfo& locale) {
  return "/" + locale.code + "/account/sign-in";
}

http::Response Redirect(std::string location) {
  http::Response r;
  r.status = 303;
  r.Set("Location", location);
  r.Set("Cache-Control", kPrivateNoStore);
  return r;
}

// Adds the CSRF cookie when the token is new (RenderPage may already have set the language
// cookie, so this is a second Set-Cookie header).
void SetCsrfCookie(const Site& site, const CsrfToken& token, http::Response& response) {
  if (token.is_new) {
    response.headers.emplace_back("Set-Cookie", CsrfCookie(token, ServedOverHttps(site)));
  }
}

struct SignInInput {
  std::string email;     // as typed, shown again
  std::string password;  // never shown again
};

// The form, with what was typed (the e-mail address only) and the problems, each a field
// error with its text already in the page's language (some messages take arguments).
http::Response RenderSignIn(const Site& site, const i18n::LocaleInfo& locale,
                            const http::Request& request, std::string_view email,
                            const std::vector<std::pair<FieldError, std::string>>& errors,
                            int status, std::string_view next = "") {
  CsrfToken token = CsrfTokenFor(request);
  Data page(Data::type::object);
  page.set("action", SignInPath(locale));
  page.set("csrf", token.value);
  page.set("email", std::string(email));
  if (auto safe = SafeNextPath(next)) page.set("next", *safe);
  page.set("forgot_href", "/" + locale.code + "/account/forgot");
  Data summary(Data::type::list);
  for (const auto& [e, text] : errors) {
    Data item(Data::type::object);
    item.set("text", text);
    item.set("href", "#" + e.field);
    summary.push_back(item);
    if (e.field == "email" || e.field == "password") page.set(e.field + "_error", text);
  }
  page.set("errors", summary);
  page.set("has_errors", !errors.empty());
  std::string title = site.Tr(locale.code, "sign_in.title");
  if (!errors.empty()) title = site.Tr(locale.code, "form.error_title", {{"title", title}});
  PageFrame frame{&locale, "account/sign-in", title, status};
  http::Response response = site.RenderPage(request, frame, "sign_in", std::move(page));
  response.Set("Cache-Control", kPrivateNoStore);
  SetCsrfCookie(site, token, response);
  return response;
}

http::Response SignInError(const Site& site, const i18n::LocaleInfo& locale,
                           const http::Request& request, std::string_view email, std::string field,
                           std::string key, int status, const i18n::Args& args = {},
                           std::string_view next = "") {
  std::string text = site.Tr(locale.code, key, args);
  return RenderSignIn(site, locale, request, email, {{{std::move(field), std::move(key)}, text}},
                      status, next);
}

// The field errors of an attempt before anything is looked up: missing or malformed values.
std::vector<FieldError> CheckSignIn(const SignInInput& input, const std::string& normalized) {
  std::vector<FieldError> errors;
  if (normalized.empty()) {
    errors.push_back({"email", "sign_in.error.email_missing"});
  } else if (!accounts::CheckEmail(normalized).empty()) {
    errors.push_back({"email", "sign_in.error.email_invalid"});
  }
  if (input.password.empty()) errors.push_back({"password", "sign_in.error.password_missing"});
  return errors;
}

}  // namespace

http::Response SignInForm(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request) {
  std::string next;
  for (auto& [name, value] : http::ParseQuery(request.query)) {
    if (name == "next") next = value;
  }
  return RenderSignIn(site, locale, request, "", {}, 200, next);
}

http::Response SignInSubmit(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request) {
  SignInInput input;
  std::string form_token, next;
  for (auto& [name, value] : http::ParseQuery(request.body)) {
    if (name == "email") input.email = value;
    if (name == "password") input.password = value;
    if (name == kCsrfField) form_token = value;
    if (name == "next") next = value;
  }
  if (!CsrfOk(request, form_token, site.options().public_url)) {
    return SignInError(site, locale, request, input.email, "email", "sign_in.error.expired", 400,
                       {}, next);
  }
  const std::string email = accounts::NormalizeEmail(input.email);
  if (auto errors = CheckSignIn(input, email); !errors.empty()) {
    std::vector<std::pair<FieldError, std::string>> shown;
    for (FieldError& e : errors) {
      std::string text = site.Tr(locale.code, e.message_key);
      shown.emplace_back(std::move(e), std::move(text));
    }
    return RenderSignIn(site, locale, request, input.email, shown, 400, next);
  }

  const SysTime now = site.clock().Now();
  const int64_t unix_now =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  struct Found {
    bool allowed = false;
    std::optional<store::AccountRow> account;
    std::string hash;
  };
  Found found = site.db().Write([&](store::Connection& c) {
    Found f;
    f.allowed = store::TakeRateLimits(c, SignInLimits(email, request.remote_address), unix_now);
    if (!f.allowed) return f;
    f.account = store::FindAccountByEmail(c, email);
    if (f.account && !f.account->disabled) {
      f.hash = store::PasswordHashOf(c, f.account->id).value_or("");
    }
    return f;
  });
  if (!found.allowed) {
    http::Response r =
        SignInError(site, locale, request, input.email, "email", "sign_in.error.rate_limited", 429,
                    {{"minutes", MinutesUntilSignInAllowed(unix_now)}}, next);
    r.Set("Retry-After", std::to_string(MinutesUntilSignInAllowed(unix_now) * 60));
    return r;
  }
  // Unknown, disabled and wrong all cost one verification and get the same answer.
  const bool usable = !found.hash.empty();
  auto verified = site.hasher().Verify(usable ? found.hash : kDummyHash, input.password);
  if (!verified.ok()) {
    http::Response r =
        SignInError(site, locale, request, input.email, "email", "sign_in.error.busy", 503, {},
                    next);
    r.Set("Retry-After", "5");
    return r;
  }
  if (!usable || !verified.value()) {
    return SignInError(site, locale, request, input.email, "email", "sign_in.error.not_right", 400,
                       {}, next);
  }

  // A stronger cost than the stored hash's: store a new hash (before the session is made,
  // since replacing a hash ends the account's sessions). Busy now only means "next time".
  std::optional<std::string> rehash;
  if (site.hasher().NeedsRehash(found.hash)) {
    if (auto h = site.hasher().Hash(input.password); h.ok()) rehash = std::move(h.value());
  }
  const accounts::NewSessionToken token = accounts::MakeSessionToken();
  const std::optional<std::string> old_session = SessionTokenHashOf(request);
  const store::SessionPolicy policy;
  Status created = site.db().Write([&](store::Connection& c) {
    if (rehash) store::SetPasswordHash(c, found.account->id, *rehash, now);
    // A new token at every sign-in; the one the browser had (if any) ends.
    if (old_session) store::RevokeSession(c, *old_session);
    return store::CreateSession(c, found.account->id, token.hash, now, policy);
  });
  if (!created.ok()) {  // disabled between the two transactions
    return SignInError(site, locale, request, input.email, "email", "sign_in.error.not_right", 400);
  }
  // Back to the page that asked for a sign-in (only a path of this site), else the back office.
  http::Response r = Redirect(SafeNextPath(next).value_or("/" + locale.code + "/manage"));
  r.headers.emplace_back(
      "Set-Cookie", SessionCookie(token.token, ServedOverHttps(site), policy.absolute_seconds));
  return r;
}

http::Response AccountPage(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request) {
  auto session = CurrentSession(site, request);
  if (!session) return Redirect(SignInPath(locale));
  auto account = store::FindAccountById(*site.db().Read(), session->account_id);
  if (!account) return Redirect(SignInPath(locale));

  CsrfToken token = CsrfTokenFor(request);
  Data page(Data::type::object);
  page.set("signed_in_as",
           site.Tr(locale.code, "account.signed_in_as", {{"name", account->display_name}}));
  page.set("display_name", account->display_name);
  page.set("email", account->email);
  page.set("role", site.Tr(locale.code, "account.role." + account->role));
  std::vector<std::string> slugs;
  for (const auto& m : account->memberships) slugs.push_back(m.slug);
  auto libraries = store::LibrariesBySlugs(*site.db().Read(), site.Chain(locale), slugs);
  Data members(Data::type::list);
  for (const auto& m : account->memberships) {
    Data item(Data::type::object);
    auto lib = std::find_if(libraries.begin(), libraries.end(),
                            [&](const auto& l) { return l.slug == m.slug; });
    if (lib != libraries.end()) {
      item.set("name", site.TextData(lib->name, locale));
      item.set("href", "/" + locale.code + "/libraries/" + m.slug);
    } else {
      // Not a library (a partner organisation): its name as recorded.
      item.set("name", site.TextData(LocalizedText{m.name, ""}, locale));
    }
    members.push_back(item);
  }
  page.set("memberships", members);
  page.set("has_memberships", !account->memberships.empty());
  page.set("sign_out_action", "/" + locale.code + "/account/sign-out");
  page.set("manage_href", "/" + locale.code + "/manage");
  page.set("csrf", token.value);
  PageFrame frame{&locale, "account", site.Tr(locale.code, "account.title")};
  http::Response response = site.RenderPage(request, frame, "account", std::move(page));
  response.Set("Cache-Control", kPrivateNoStore);
  SetCsrfCookie(site, token, response);
  return response;
}

http::Response SignOut(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  std::string form_token;
  for (auto& [name, value] : http::ParseQuery(request.body)) {
    if (name == kCsrfField) form_token = value;
  }
  if (!CsrfOk(request, form_token, site.options().public_url)) {
    http::Response r = site.ErrorPage(400, request);
    r.Set("Cache-Control", kPrivateNoStore);
    return r;
  }
  if (auto hash = SessionTokenHashOf(request)) {
    site.db().Write([&](store::Connection& c) { store::RevokeSession(c, *hash); });
  }
  http::Response r = Redirect("/" + locale.code + "/");
  r.headers.emplace_back("Set-Cookie", ExpiredSessionCookie(ServedOverHttps(site)));
  return r;
}

}  // namespace tilti::web
