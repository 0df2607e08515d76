// The public side of password resets: "I forgot my password" (which never tells whether an
// address has an account) and the reset link's page, where the holder of a link a coordinator
// passed on sets a new password. Not behind the back-office guard (nobody is signed in), so the
// CSRF check is made here. Every answer is "private, no-store"; the token in the path is never
// logged by these handlers, and the page asks browsers not to send it on as a Referer.
#include <chrono>

#include "accounts/account_rules.h"
#include "accounts/password.h"
#include "accounts/session_token.h"
#include "core/ids.h"
#include "store/account_store.h"
#include "store/audit_store.h"
#include "store/password_reset_store.h"
#include "store/report_store.h"
#include "web/back_office.h"
#include "web/csrf.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/session.h"
#include "web/sign_in.h"

namespace tilti::web {
namespace {

using Errors = std::vector<std::pair<std::string, std::string>>;  // field, text

int64_t UnixNow(const Site& site) {
  return std::chrono::duration_cast<std::chrono::seconds>(
             site.clock().Now().time_since_epoch())
      .count();
}

std::string ForgotPath(const i18n::LocaleInfo& locale) {
  return "/" + locale.code + "/account/forgot";
}

// Private, uncacheable, no Referer to other sites (the reset page's URL holds the token;
// "no-referrer" would make browsers post "Origin: null", which the CSRF check refuses), and
// the CSRF cookie.
http::Response Finish(const Site& site, http::Response response, const CsrfToken& token) {
  response.Set("Cache-Control", kPrivateNoStore);
  response.Set("Referrer-Policy", "same-origin");
  if (token.is_new) {
    response.headers.emplace_back("Set-Cookie", CsrfCookie(token, ServedOverHttps(site)));
  }
  return response;
}

std::string Title(const Site& site, const i18n::LocaleInfo& locale, std::string_view key,
                  bool errors) {
  std::string title = site.Tr(locale.code, key);
  if (errors) title = site.Tr(locale.code, "form.error_title", {{"title", title}});
  return title;
}

// A page of one message: heading, paragraphs, an optional link.
http::Response Message(const Site& site, const i18n::LocaleInfo& locale,
                       const http::Request& request, std::string path_tail,
                       std::string_view prefix, int status, std::string link_href = "",
                       std::string_view link_key = "") {
  Data page(Data::type::object);
  page.set("heading", site.Tr(locale.code, std::string(prefix) + ".heading"));
  page.set("body", site.Tr(locale.code, std::string(prefix) + ".body"));
  if (!link_href.empty()) {
    page.set("link_href", std::move(link_href));
    page.set("link_text", site.Tr(locale.code, link_key));
  }
  PageFrame frame{&locale, std::move(path_tail),
                  site.Tr(locale.code, std::string(prefix) + ".heading"), status};
  return Finish(site, site.RenderPage(request, frame, "reset_message", std::move(page)),
                CsrfTokenFor(request));
}

http::Response RenderForgot(const Site& site, const i18n::LocaleInfo& locale,
                            const http::Request& request, std::string_view email,
                            const Errors& errors, int status) {
  CsrfToken token = CsrfTokenFor(request);
  Data page(Data::type::object);
  page.set("action", ForgotPath(locale));
  page.set("csrf", token.value);
  page.set("email", std::string(email));
  SetErrorSummary(page, errors);
  PageFrame frame{&locale, "account/forgot",
                  Title(site, locale, "forgot.title", !errors.empty()), status};
  return Finish(site, site.RenderPage(request, frame, "forgot", std::move(page)), token);
}

// The reset link's path tail (after "/{lang}/"), with the token: the language switcher and
// the form keep it.
std::string ResetTail(const http::Request& request) {
  return "account/reset/" + std::string(request.Param("token"));
}

// The account a well-formed, live link resets; nullopt for anything else.
std::optional<store::AccountRow> AccountOfLink(const Site& site, std::string_view token) {
  if (!accounts::IsWellFormedSessionToken(token)) return std::nullopt;
  const std::string hash = accounts::HashSessionToken(token);
  auto c = site.db().Read();
  auto id = store::AccountOfLiveReset(*c, hash, UnixNow(site));
  if (!id) return std::nullopt;
  return store::FindAccountById(*c, *id);
}

http::Response InvalidLink(const Site& site, const i18n::LocaleInfo& locale,
                           const http::Request& request) {
  return Message(site, locale, request, "account/reset", "reset.invalid", 404, ForgotPath(locale),
                 "reset.invalid.forgot_link");
}

http::Response RenderReset(const Site& site, const i18n::LocaleInfo& locale,
                           const http::Request& request, const store::AccountRow& account,
                           const Errors& errors, int status) {
  CsrfToken token = CsrfTokenFor(request);
  Data page(Data::type::object);
  page.set("action", "/" + locale.code + "/" + ResetTail(request));
  page.set("csrf", token.value);
  page.set("intro", site.Tr(locale.code, "reset.intro", {{"email", account.email}}));
  page.set("email", account.email);
  page.set("hint", site.Tr(locale.code, "reset.password_hint",
                           {{"count", static_cast<int64_t>(accounts::kMinPasswordCodePoints)}}));
  SetErrorSummary(page, errors);
  PageFrame frame{&locale, ResetTail(request), Title(site, locale, "reset.title", !errors.empty()),
                  status};
  return Finish(site, site.RenderPage(request, frame, "reset", std::move(page)), token);
}

}  // namespace

http::Response ForgotForm(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request) {
  return RenderForgot(site, locale, request, "", {}, 200);
}

http::Response ForgotSubmit(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request) {
  FormFields form(request.body);
  const std::string typed = form.Get("email");
  if (!CsrfOk(request, form.Get(kCsrfField), site.options().public_url)) {
    return RenderForgot(site, locale, request, typed,
                        {{"email", site.Tr(locale.code, "forgot.error.expired")}}, 400);
  }
  const std::string email = accounts::NormalizeEmail(typed);
  if (email.empty() || !accounts::CheckEmail(email).empty()) {
    const char* key = email.empty() ? "sign_in.error.email_missing" : "sign_in.error.email_invalid";
    return RenderForgot(site, locale, request, typed, {{"email", site.Tr(locale.code, key)}}, 400);
  }
  const int64_t now = UnixNow(site);
  const bool allowed = site.db().Write([&](store::Connection& c) {
    if (!store::TakeRateLimits(c, ForgotLimits(email, request.remote_address), now)) return false;
    // Written only for a usable account; the answer below is the same either way.
    if (auto account = store::FindAccountByEmail(c, email); account && !account->disabled) {
      store::AddResetRequest(c, RandomUuid(), account->id, FormatRfc3339(site.clock().Now()));
    }
    return true;
  });
  if (!allowed) {
    http::Response r = RenderForgot(
        site, locale, request, typed, {{"email", site.Tr(locale.code, "forgot.error.rate_limited")}},
        429);
    r.Set("Retry-After", std::to_string(kForgotWindowSeconds - now % kForgotWindowSeconds));
    return r;
  }
  return Message(site, locale, request, "account/forgot", "forgot.sent", 200,
                 "/" + locale.code + "/account/sign-in", "forgot.sent.sign_in_link");
}

http::Response ResetForm(const Site& site, const i18n::LocaleInfo& locale,
                         http::Request& request) {
  auto account = AccountOfLink(site, request.Param("token"));
  if (!account) return InvalidLink(site, locale, request);
  return RenderReset(site, locale, request, *account, {}, 200);
}

http::Response ResetSubmit(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request) {
  const std::string token(request.Param("token"));
  auto account = AccountOfLink(site, token);
  if (!account) return InvalidLink(site, locale, request);
  FormFields form(request.body);
  if (!CsrfOk(request, form.Get(kCsrfField), site.options().public_url)) {
    return RenderReset(site, locale, request, *account,
                       {{"password", site.Tr(locale.code, "reset.error.expired")}}, 400);
  }
  const std::string password = form.Get("password");
  const std::string confirm = form.Get("confirm");
  Errors errors;
  if (password.empty()) {
    errors.emplace_back("password", site.Tr(locale.code, "reset.error.password_missing"));
  } else {
    for (const FieldError& e : accounts::CheckPasswordPolicy(password, account->email)) {
      errors.emplace_back("password", site.Tr(locale.code, e.message_key));
    }
  }
  if (confirm.empty()) {
    errors.emplace_back("confirm", site.Tr(locale.code, "reset.error.confirm_missing"));
  } else if (!password.empty() && confirm != password) {
    errors.emplace_back("confirm", site.Tr(locale.code, "reset.error.confirm_different"));
  }
  if (!errors.empty()) return RenderReset(site, locale, request, *account, errors, 400);

  auto hash = site.hasher().Hash(password);
  if (!hash.ok()) {
    http::Response r = RenderReset(site, locale, request, *account,
                                   {{"password", site.Tr(locale.code, "sign_in.error.busy")}}, 503);
    r.Set("Retry-After", "5");
    return r;
  }
  const SysTime now = site.clock().Now();
  const bool done = site.db().Write([&](store::Connection& c) {
    // Used here, in the same transaction as the new hash: a link works once, even when two
    // requests race with it.
    auto id = store::UsePasswordReset(c, accounts::HashSessionToken(token), UnixNow(site));
    if (!id || *id != account->id) return false;
    auto before = store::FindAccountById(c, *id);
    if (!before || !store::SetPasswordHash(c, *id, hash.value(), now)) return false;
    store::CloseResetRequests(c, *id, *id, FormatRfc3339(now));
    store::RecordChanges(c, "account", *id, "update",
                         {{"password_changed_at", before->password_changed_at, FormatRfc3339(now)}},
                         {*id, before->display_name}, FormatRfc3339(now));
    return true;
  });
  if (!done) return InvalidLink(site, locale, request);
  return Message(site, locale, request, "account/reset", "reset.done", 200,
                 "/" + locale.code + "/account/sign-in", "reset.done.sign_in_link");
}

}  // namespace tilti::web
