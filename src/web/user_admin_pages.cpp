// Coordinators' pages for back-office accounts: the list (with the open "forgot password"
// requests), inviting someone, and one account's page (disable, enable, a new reset link).
// There is no e-mail server: an invitation or a reset makes a link valid for 7 days that is
// shown once, on the answer to the POST, for the coordinator to pass on; only its SHA-256 is
// stored. Every change is in the audit log (resource type 'account'), never a password, hash
// or token.
#include <cctype>
#include <chrono>
#include <set>

#include "accounts/account_rules.h"
#include "accounts/password.h"
#include "accounts/session_token.h"
#include "core/ids.h"
#include "store/account_store.h"
#include "store/audit_store.h"
#include "store/password_reset_store.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/session.h"

namespace tilti::web {
namespace {

constexpr size_t kShownRequests = 200;
constexpr size_t kMaxSlugs = 100;
constexpr size_t kHistoryRows = 50;

int64_t Unix(SysTime t) { return t.time_since_epoch().count(); }

std::string UsersPath(const i18n::LocaleInfo& locale, std::string_view tail = "") {
  return ManagePath(locale, "/users" + std::string(tail));
}

std::string Role(const Site& site, const i18n::LocaleInfo& locale, std::string_view role) {
  return site.Tr(locale.code, "account.role." + std::string(role));
}

std::string StatusText(const Site& site, const i18n::LocaleInfo& locale, bool disabled) {
  return site.Tr(locale.code, disabled ? "users.status.disabled" : "users.status.active");
}

std::string Slugs(const store::AccountRow& a) {
  std::string list;
  for (const auto& m : a.memberships) list += (list.empty() ? "" : ", ") + m.slug;
  return list;
}

// "23 November 2026, 11:00 UTC" in the reader's language.
std::string When(const Site& site, const i18n::LocaleInfo& locale, const std::string& rfc3339) {
  return site.LongDate(locale.code, rfc3339) +
         (rfc3339.size() >= 16 ? ", " + rfc3339.substr(11, 5) + " UTC" : "");
}

// The slugs typed into the invitation form: one per line (commas and spaces also separate);
// a pasted library address counts as its last path segment.
std::vector<std::string> ParseSlugs(std::string_view text) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  std::string word;
  auto flush = [&] {
    while (!word.empty() && word.back() == '/') word.pop_back();
    if (auto slash = word.rfind('/'); slash != std::string::npos) word = word.substr(slash + 1);
    if (!word.empty() && seen.insert(word).second) out.push_back(word);
    word.clear();
  };
  for (char ch : text) {
    if (ch == '\n' || ch == '\r' || ch == ',' || ch == ' ' || ch == '\t') {
      flush();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
  }
  flush();
  return out;
}

// A fresh reset link for `account_id`: stored (as its hash; older links revoked) and recorded
// in the audit log inside the caller's transaction. Returns the token for the link.
std::string NewResetLink(store::Connection& c, std::string_view account_id, const BackOffice& bo,
                         SysTime now) {
  accounts::NewSessionToken token = accounts::MakeSessionToken();
  store::CreatePasswordReset(c, account_id, token.hash, bo.actor.account_id, Unix(now));
  store::CloseResetRequests(c, account_id, bo.actor.account_id, FormatRfc3339(now));
  const SysTime until = now + std::chrono::seconds(store::kPasswordResetSeconds);
  store::RecordChanges(c, "account", account_id, "update",
                       {{"password_reset_link", "", "valid until " + FormatRfc3339(until)}},
                       bo.Author(), FormatRfc3339(now));
  return token.token;
}

// The answer that shows a new link, once.
http::Response ShowLink(const Site& site, const i18n::LocaleInfo& locale,
                        const http::Request& request, const BackOffice& bo,
                        const store::AccountRow& account, const std::string& token, SysTime now,
                        bool invited) {
  Data page(Data::type::object);
  const std::string prefix = invited ? "users.link.invited" : "users.link.reset";
  page.set("heading", site.Tr(locale.code, prefix + ".heading"));
  page.set("intro", site.Tr(locale.code, prefix + ".intro",
                            {{"name", account.display_name}, {"email", account.email}}));
  page.set("link", site.options().public_url + "/" + locale.code + "/account/reset/" + token);
  const SysTime until = now + std::chrono::seconds(store::kPasswordResetSeconds);
  page.set("valid_until",
           site.Tr(locale.code, "users.link.valid_until",
                   {{"date", When(site, locale, FormatRfc3339(until))}}));
  page.set("account_href", UsersPath(locale, "/" + account.id));
  page.set("users_href", UsersPath(locale));
  PageFrame frame{&locale, "manage/users", site.Tr(locale.code, prefix + ".heading")};
  return RenderBackOfficePage(site, request, bo, frame, "users_link", std::move(page));
}

struct Invitation {
  std::string email, name, role, organizations;  // as typed
};

// The invitation form with what was typed and the errors (already in the page's language).
FormView InviteView(const Site& site, const i18n::LocaleInfo& locale, const Invitation& typed) {
  FormView form(site, locale, site.Tr(locale.code, "users.invite.title"),
                UsersPath(locale, "/invite"));
  form.Intro(site.Tr(locale.code, "users.invite.intro"));
  FormField& email = form.Text("email", site.Tr(locale.code, "users.invite.email"), typed.email);
  email.kind = FormField::Kind::kEmail;
  email.autocomplete = "off";
  FormField& name = form.Text("name", site.Tr(locale.code, "users.invite.name"), typed.name);
  name.hint = site.Tr(locale.code, "users.invite.name_hint");
  name.autocomplete = "off";
  FormField role;
  role.kind = FormField::Kind::kRadios;
  role.name = "role";
  role.label = site.Tr(locale.code, "users.invite.role");
  for (const char* r : {"coordinator", "librarian", "partner"}) {
    role.options.push_back({r, Role(site, locale, r) + " – " +
                                   site.Tr(locale.code, std::string("users.invite.role_hint.") + r),
                            typed.role == r, ""});
  }
  form.Add(std::move(role));
  FormField& orgs = form.TextArea("organizations", site.Tr(locale.code, "users.invite.orgs"),
                                  typed.organizations);
  orgs.hint = site.Tr(locale.code, "users.invite.orgs_hint");
  form.Submit(site.Tr(locale.code, "users.invite.submit"));
  form.Back(UsersPath(locale), site.Tr(locale.code, "form.cancel"));
  return form;
}

http::Response RenderInvite(const Site& site, const http::Request& request, const BackOffice& bo,
                            const FormView& form, int status = 0) {
  PageFrame frame = form.Frame("manage/users/invite");
  if (status != 0) frame.status = status;
  return RenderBackOfficePage(site, request, bo, frame, "form_page", form.Data());
}

std::optional<store::AccountRow> AccountOf(const Site& site, const http::Request& request) {
  return store::FindAccountById(*site.db().Read(), request.Param("id"));
}

http::Response NotFound(const Site& site, const http::Request& request) {
  http::Response r = site.ErrorPage(404, request);
  r.Set("Cache-Control", kPrivateNoStore);
  return r;
}

http::Response RenderUser(const Site& site, const i18n::LocaleInfo& locale,
                          const http::Request& request, const BackOffice& bo,
                          const store::AccountRow& a, std::string notice, int status = 200) {
  Data page(Data::type::object);
  page.set("heading", a.display_name);
  page.set("email", a.email);
  page.set("role", Role(site, locale, a.role));
  page.set("status", StatusText(site, locale, a.disabled));
  page.set("memberships", a.memberships.empty() ? site.Tr(locale.code, "account.no_memberships")
                                                 : Slugs(a));
  page.set("created", When(site, locale, a.created_at));
  page.set("password_changed", When(site, locale, a.password_changed_at));
  if (!notice.empty()) page.set("notice", std::move(notice));
  const std::string base = UsersPath(locale, "/" + a.id);
  const bool self = a.id == bo.actor.account_id;
  if (a.disabled) {
    page.set("enable_action", base + "/enable");
  } else if (!self) {
    page.set("disable_action", base + "/disable");
  }
  page.set("reset_action", base + "/reset-link");
  page.set("users_href", UsersPath(locale));
  auto history = store::HistoryOf(*site.db().Read(), "account", a.id, kHistoryRows);
  page.set("history", HistoryData(site, locale, history));
  page.set("has_history", !history.empty());
  PageFrame frame{&locale, "manage/users", a.display_name, status};
  return RenderBackOfficePage(site, request, bo, frame, "users_account", std::move(page));
}

http::Response SetDisabled(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request, const BackOffice& bo, bool disabled) {
  auto account = AccountOf(site, request);
  if (!account) return NotFound(site, request);
  if (disabled && account->id == bo.actor.account_id) {
    return RenderUser(site, locale, request, bo, *account,
                      site.Tr(locale.code, "users.account.cannot_disable_self"), 400);
  }
  const SysTime now = site.clock().Now();
  site.db().Write([&](store::Connection& c) {
    if (!store::SetAccountDisabled(c, account->id, disabled, now)) return;
    store::RecordChanges(c, "account", account->id, "update",
                         {{"disabled", account->disabled ? "true" : "false",
                           disabled ? "true" : "false"}},
                         bo.Author(), FormatRfc3339(now));
  });
  return SeeOther(UsersPath(locale, "/" + account->id) +
                  (disabled ? "?done=disabled" : "?done=enabled"));
}

}  // namespace

http::Response UsersList(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                         const BackOffice& bo) {
  std::vector<store::AccountRow> accounts;
  std::vector<store::ResetRequest> requests;
  {
    auto c = site.db().Read();
    accounts = store::ListAccounts(*c);
    requests = store::OpenResetRequests(*c, kShownRequests);
  }
  Data page(Data::type::object);
  page.set("invite_href", UsersPath(locale, "/invite"));
  Data list(Data::type::list);
  for (const auto& a : accounts) {
    Data d(Data::type::object);
    d.set("name", a.display_name);
    d.set("href", UsersPath(locale, "/" + a.id));
    d.set("email", a.email);
    d.set("role", Role(site, locale, a.role));
    d.set("status", StatusText(site, locale, a.disabled));
    d.set("memberships", a.memberships.empty() ? std::string("–") : Slugs(a));
    list.push_back(d);
  }
  page.set("accounts", list);
  page.set("has_accounts", !accounts.empty());
  Data open(Data::type::list);
  for (const auto& r : requests) {
    Data d(Data::type::object);
    d.set("name", r.display_name);
    d.set("href", UsersPath(locale, "/" + r.account_id));
    d.set("email", r.email);
    d.set("when", When(site, locale, r.created_at));
    d.set("action", UsersPath(locale, "/" + r.account_id + "/reset-link"));
    open.push_back(d);
  }
  page.set("requests", open);
  page.set("has_requests", !requests.empty());
  PageFrame frame{&locale, "manage/users", site.Tr(locale.code, "users.title")};
  return RenderBackOfficePage(site, request, bo, frame, "users", std::move(page));
}

http::Response InviteForm(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                          const BackOffice& bo) {
  return RenderInvite(site, request, bo, InviteView(site, locale, {}));
}

http::Response InviteSubmit(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request, const BackOffice& bo) {
  Invitation typed{bo.form.Get("email"), bo.form.Get("name"), bo.form.Get("role"),
                   bo.form.Get("organizations")};
  FormView form = InviteView(site, locale, typed);
  const std::string email = accounts::NormalizeEmail(typed.email);
  for (const FieldError& e : accounts::CheckEmail(email)) {
    form.Error("email", site.Tr(locale.code, e.message_key));
  }
  const std::string& name = typed.name;
  for (const FieldError& e : accounts::CheckDisplayName(name)) {
    form.Error("name", site.Tr(locale.code, e.message_key));
  }
  const std::optional<accounts::Role> role = accounts::ParseRole(typed.role);
  if (!role) form.Error("role", site.Tr(locale.code, "users.invite.error.role_missing"));
  const std::vector<std::string> slugs = ParseSlugs(typed.organizations);
  std::vector<std::string> organization_ids;
  {
    auto c = site.db().Read();
    if (accounts::CheckEmail(email).empty() && store::FindAccountByEmail(*c, email)) {
      form.Error("email", site.Tr(locale.code, "account.email.taken"));
    }
    if (role == accounts::Role::kCoordinator && !slugs.empty()) {
      form.Error("organizations", site.Tr(locale.code, "users.invite.error.orgs_for_coordinator"));
    } else if (role && role != accounts::Role::kCoordinator && slugs.empty()) {
      form.Error("organizations", site.Tr(locale.code, "users.invite.error.orgs_missing"));
    } else if (slugs.size() > kMaxSlugs) {
      form.Error("organizations", site.Tr(locale.code, "users.invite.error.orgs_too_many",
                                          {{"count", static_cast<int64_t>(kMaxSlugs)}}));
    } else if (role && role != accounts::Role::kCoordinator) {
      const bool librarian = role == accounts::Role::kLibrarian;
      for (const std::string& slug : slugs) {
        auto org = store::OrganizationBySlug(*c, slug);
        if (!org || (librarian && org->kind != "library")) {
          form.Error("organizations",
                     site.Tr(locale.code,
                             librarian ? "users.invite.error.unknown_library"
                                       : "users.invite.error.unknown_org",
                             {{"slug", slug}}));
        } else {
          organization_ids.push_back(org->id);
        }
      }
    }
  }
  if (form.HasErrors()) return RenderInvite(site, request, bo, form);

  // Nobody knows this password: the account is usable only once the link has been used.
  auto hash = site.hasher().Hash(accounts::GeneratePassword());
  if (!hash.ok()) {
    form.Error("email", site.Tr(locale.code, "sign_in.error.busy"));
    http::Response r = RenderInvite(site, request, bo, form, 503);
    r.Set("Retry-After", "5");
    return r;
  }
  const SysTime now = site.clock().Now();
  store::NewAccount account{RandomUuid(), email, name, typed.role, hash.value()};
  std::string token;
  Status written = site.db().Write([&](store::Connection& c) -> Status {
    if (auto s = store::InsertAccount(c, account, now); !s.ok()) return s;
    for (const auto& id : organization_ids) {
      if (auto s = store::AddMembership(c, account.id, id); !s.ok()) {
        throw std::runtime_error("membership refused: " + s.error().detail);
      }
    }
    std::string memberships;
    for (const auto& slug : slugs) memberships += (memberships.empty() ? "" : ", ") + slug;
    store::RecordChanges(c, "account", account.id, "create",
                         {{"email", "", email},
                          {"display_name", "", name},
                          {"role", "", typed.role},
                          {"memberships", "", memberships}},
                         bo.Author(), FormatRfc3339(now));
    token = NewResetLink(c, account.id, bo, now);
    return Ok();
  });
  if (!written.ok()) {  // taken between the check and the write
    form.Error("email", site.Tr(locale.code, "account.email.taken"));
    return RenderInvite(site, request, bo, form);
  }
  store::AccountRow shown;
  shown.id = account.id;
  shown.email = email;
  shown.display_name = name;
  return ShowLink(site, locale, request, bo, shown, token, now, true);
}

http::Response UserPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                        const BackOffice& bo) {
  auto account = AccountOf(site, request);
  if (!account) return NotFound(site, request);
  std::string notice;
  for (auto& [name, value] : http::ParseQuery(request.query)) {
    if (name == "done" && (value == "disabled" || value == "enabled")) {
      notice = site.Tr(locale.code, "users.account.done_" + value);
    }
  }
  return RenderUser(site, locale, request, bo, *account, std::move(notice));
}

http::Response UserDisable(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request, const BackOffice& bo) {
  return SetDisabled(site, locale, request, bo, true);
}

http::Response UserEnable(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request, const BackOffice& bo) {
  return SetDisabled(site, locale, request, bo, false);
}

http::Response UserResetLink(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request, const BackOffice& bo) {
  auto account = AccountOf(site, request);
  if (!account) return NotFound(site, request);
  const SysTime now = site.clock().Now();
  std::string token = site.db().Write(
      [&](store::Connection& c) { return NewResetLink(c, account->id, bo, now); });
  return ShowLink(site, locale, request, bo, *account, token, now, false);
}

}  // namespace tilti::web
