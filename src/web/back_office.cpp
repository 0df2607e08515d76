#include "web/back_office.h"

#include <spdlog/spdlog.h>

#include "store/account_store.h"
#include "store/ownership_queries.h"
#include "web/session.h"

namespace tilti::web {

std::string_view ScopeName(Scope scope) {
  switch (scope) {
    case Scope::kSiteWide: return "site";
    case Scope::kLibrary: return "library";
    case Scope::kService: return "service";
    case Scope::kReport: return "report";
    case Scope::kPendingChange: return "pending-change";
    case Scope::kAccount: return "account";
    case Scope::kTranslatable: return "record";
  }
  return "site";
}

std::string_view ActionName(accounts::Action action) {
  using A = accounts::Action;
  switch (action) {
    case A::kSeeOwn: return "see-own";
    case A::kView: return "view";
    case A::kEditDirect: return "edit-direct";
    case A::kEditText: return "edit-text";
    case A::kAddService: return "add-service";
    case A::kTranslate: return "translate";
    case A::kConfirmChecked: return "confirm-checked";
    case A::kModerate: return "moderate";
    case A::kReview: return "review";
    case A::kManageUsers: return "manage-users";
    case A::kEditTaxonomies: return "edit-taxonomies";
    case A::kCreateOrganizations: return "create-organizations";
    case A::kSeeEverything: return "see-everything";
  }
  return "view";
}

FormFields::FormFields(std::string_view body) : pairs_(http::ParseQuery(body)) {}

std::string FormFields::Get(std::string_view name) const {
  for (const auto& [n, v] : pairs_) {
    if (n == name) return v;
  }
  return "";
}

std::vector<std::string> FormFields::All(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [n, v] : pairs_) {
    if (n == name) out.push_back(v);
  }
  return out;
}

bool FormFields::Has(std::string_view name) const {
  for (const auto& p : pairs_) {
    if (p.first == name) return true;
  }
  return false;
}

std::optional<accounts::Actor> ActorOf(const Site& site, const http::Request& request) {
  auto session = CurrentSession(site, request);
  if (!session) return std::nullopt;
  auto account = store::FindAccountById(*site.db().Read(), session->account_id);
  if (!account || account->disabled) return std::nullopt;
  auto role = accounts::ParseRole(account->role);
  if (!role) return std::nullopt;
  accounts::Actor actor{account->id, account->display_name, *role, {}};
  for (const auto& m : account->memberships) actor.organization_ids.push_back(m.organization_id);
  return actor;
}

std::optional<std::string> OrganizationOfObject(const Site& site, Scope scope,
                                                const http::Request& request) {
  auto c = site.db().Read();
  switch (scope) {
    case Scope::kSiteWide:
    case Scope::kAccount:
      return std::string();
    case Scope::kLibrary:
      return store::OrganizationOfSlug(*c, request.Param("slug"));
    case Scope::kService:
      return store::OrganizationOfService(*c, request.Param("id"));
    case Scope::kReport:
      return store::OrganizationOfReport(*c, request.Param("id"));
    case Scope::kPendingChange:
      return store::OrganizationOfPendingChange(*c, request.Param("id"));
    case Scope::kTranslatable:
      return store::OrganizationOfRecord(*c, request.Param("entity"), request.Param("id"));
  }
  return std::nullopt;
}

http::Response SeeOther(std::string location) {
  http::Response r;
  r.status = 303;
  r.Set("Location", location);
  r.Set("Cache-Control", kPrivateNoStore);
  return r;
}

http::Response ToSignIn(const i18n::LocaleInfo& locale, const http::Request& request) {
  std::string next = request.method == "GET" ? request.target : "";
  std::string location = "/" + locale.code + "/account/sign-in";
  // Only a path of this site is ever a destination (no open redirect): it starts with one '/'.
  if (next.starts_with("/") && !next.starts_with("//")) {
    std::string encoded;
    for (unsigned char ch : next) {
      if (std::isalnum(ch) || ch == '/' || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
        encoded += static_cast<char>(ch);
      } else {
        static constexpr char kHex[] = "0123456789ABCDEF";
        encoded += '%';
        encoded += kHex[ch >> 4];
        encoded += kHex[ch & 15];
      }
    }
    location += "?next=" + encoded;
  }
  return SeeOther(location);
}

http::Response Refused(const Site& site, const http::Request& request,
                       const accounts::Actor* actor, std::string_view why) {
  spdlog::warn("refused rid={} account={} role={} {} {}: {}", request.request_id,
               actor ? actor->account_id : "-",
               actor ? accounts::RoleName(actor->role) : "-", request.method, request.path, why);
  http::Response r = site.ErrorPage(403, request);
  r.Set("Cache-Control", kPrivateNoStore);
  return r;
}

std::string ManagePath(const i18n::LocaleInfo& locale, std::string_view tail) {
  return "/" + locale.code + "/manage" + std::string(tail);
}

namespace {

// The back-office navigation: what this actor may open.
Data NavData(const Site& site, const i18n::LocaleInfo& locale, const accounts::Actor& actor,
             std::string_view current_tail) {
  struct Item {
    std::string_view tail, key;
    bool coordinator_only;
  };
  static constexpr Item kItems[] = {
      {"", "manage.nav.dashboard", false},
      {"/reviews", "manage.nav.reviews", true},
      {"/reports", "manage.nav.reports", false},
      {"/freshness", "manage.nav.freshness", false},
      {"/translations", "manage.nav.translations", false},
      {"/taxonomies", "manage.nav.taxonomies", true},
      {"/users", "manage.nav.users", true},
  };
  const bool coordinator = actor.role == accounts::Role::kCoordinator;
  Data items(Data::type::list);
  for (const Item& item : kItems) {
    if (item.coordinator_only && !coordinator) continue;
    if (actor.role == accounts::Role::kPartner && !item.tail.empty()) continue;
    Data d(Data::type::object);
    d.set("href", ManagePath(locale, item.tail));
    d.set("label", site.Tr(locale.code, item.key));
    d.set("current", current_tail == item.tail);
    items.push_back(d);
  }
  return items;
}

}  // namespace

http::Response RenderBackOfficePage(const Site& site, const http::Request& request,
                                    const BackOffice& bo, const PageFrame& frame,
                                    std::string_view template_name, Data page) {
  page.set("csrf", bo.csrf.value);
  std::string tail = frame.path_tail.starts_with("manage") ? frame.path_tail.substr(6) : "";
  page.set("back_office_nav", NavData(site, *frame.locale, bo.actor, tail));
  page.set("signed_in_as", site.Tr(frame.locale->code, "account.signed_in_as",
                                   {{"name", bo.actor.display_name}}));
  http::Response response = site.RenderPage(request, frame, template_name, std::move(page));
  response.Set("Cache-Control", kPrivateNoStore);
  if (bo.csrf.is_new) {
    response.headers.emplace_back("Set-Cookie", CsrfCookie(bo.csrf, ServedOverHttps(site)));
  }
  return response;
}

Data HistoryData(const Site& site, const i18n::LocaleInfo& locale,
                 const std::vector<store::AuditEntry>& entries) {
  Data list(Data::type::list);
  for (const auto& e : entries) {
    Data d(Data::type::object);
    d.set("date", site.LongDate(locale.code, e.date) + " " +
                      (e.date.size() >= 16 ? e.date.substr(11, 5) + " UTC" : ""));
    d.set("who", e.author_name.empty() ? site.Tr(locale.code, "manage.history.command_line")
                                       : e.author_name);
    d.set("action", site.Tr(locale.code, "manage.history.action." + e.action));
    d.set("field", e.field);
    d.set("before", e.before);
    d.set("after", e.after);
    list.push_back(d);
  }
  return list;
}

}  // namespace tilti::web
