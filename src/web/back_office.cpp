#include "web/back_office.h"

#include <algorithm>
#include <cctype>

#include <spdlog/spdlog.h>

#include "store/account_store.h"
#include "store/booking_store.h"
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
    case Scope::kEvent: return "event";
    case Scope::kOccurrence: return "occurrence";
    case Scope::kResource: return "resource";
    case Scope::kBooking: return "booking";
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
    case A::kEditEvents: return "edit-events";
    case A::kTakeRegistrations: return "take-registrations";
    case A::kReview: return "review";
    case A::kManageUsers: return "manage-users";
    case A::kEditTaxonomies: return "edit-taxonomies";
    case A::kCreateOrganizations: return "create-organizations";
    case A::kSeeEverything: return "see-everything";
    case A::kEditProgramme: return "edit-programme";
  }
  return "view";
}

FormFields::FormFields(std::string_view body) : pairs_(http::ParseQuery(body)) {}

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "type/subtype; a=b; c=\"d\"" -> the lower-cased type and the parameters (names lower-cased,
// quoted values unquoted).
std::string MediaType(std::string_view header,
                      std::vector<std::pair<std::string, std::string>>& params) {
  size_t semi = header.find(';');
  std::string type = Lower(Trim(header.substr(0, semi)));
  while (semi != std::string_view::npos) {
    header.remove_prefix(semi + 1);
    std::string_view rest = Trim(header);
    size_t eq = rest.find('=');
    if (eq == std::string_view::npos) break;
    std::string name = Lower(Trim(rest.substr(0, eq)));
    rest = Trim(rest.substr(eq + 1));
    std::string value;
    if (rest.starts_with("\"")) {
      size_t i = 1;
      for (; i < rest.size() && rest[i] != '"'; ++i) {
        if (rest[i] == '\\' && i + 1 < rest.size()) ++i;
        value += rest[i];
      }
      header = rest.substr(std::min(i + 1, rest.size()));
      semi = header.find(';');
    } else {
      semi = rest.find(';');
      value = std::string(Trim(rest.substr(0, semi)));
      header = rest;
    }
    params.emplace_back(std::move(name), std::move(value));
  }
  return type;
}

// RFC 2046 5.1.1: 1 to 70 characters of a restricted set.
bool GoodBoundary(std::string_view b) {
  if (b.empty() || b.size() > 70 || b.back() == ' ') return false;
  for (unsigned char c : b) {
    if (!std::isalnum(c) && std::string_view("'()+_,-./:=? ").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

constexpr size_t kMaxPartHeaders = 8 * 1024;

}  // namespace

FormFields::FormFields(std::string_view content_type, std::string_view body) {
  std::vector<std::pair<std::string, std::string>> params;
  if (MediaType(content_type, params) != "multipart/form-data") {
    pairs_ = http::ParseQuery(body);
    return;
  }
  std::string boundary;
  for (const auto& [n, v] : params) {
    if (n == "boundary") boundary = v;
  }
  if (!GoodBoundary(boundary)) return;
  const std::string delimiter = "--" + boundary;
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<FormFile> files;
  // The preamble ends at the first delimiter, at the start or after a CRLF.
  size_t pos = body.starts_with(delimiter) ? 0 : body.find("\r\n" + delimiter);
  if (pos == std::string_view::npos) return;
  pos += body.starts_with(delimiter) ? delimiter.size() : delimiter.size() + 2;
  const std::string next_delimiter = "\r\n" + delimiter;
  for (size_t parts = 0;; ++parts) {
    if (body.substr(pos).starts_with("--")) break;  // the close delimiter
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (!body.substr(pos).starts_with("\r\n") || parts >= kMaxParts) return;
    pos += 2;
    const size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos || headers_end - pos > kMaxPartHeaders) return;
    std::string_view headers = body.substr(pos, headers_end - pos);
    const size_t content_start = headers_end + 4;
    const size_t content_end = body.find(next_delimiter, content_start);
    if (content_end == std::string_view::npos) return;
    FormFile part;
    bool is_file = false, has_disposition = false;
    while (!headers.empty()) {
      size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers.remove_prefix(eol == std::string_view::npos ? headers.size() : eol + 2);
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) return;
      std::string name = Lower(Trim(line.substr(0, colon)));
      std::string_view value = Trim(line.substr(colon + 1));
      if (name == "content-disposition") {
        std::vector<std::pair<std::string, std::string>> disposition;
        if (MediaType(value, disposition) != "form-data") return;
        has_disposition = true;
        for (auto& [n, v] : disposition) {
          if (n == "name") part.name = v;
          if (n == "filename") {
            is_file = true;
            size_t slash = v.find_last_of("/\\");
            part.filename = slash == std::string::npos ? v : v.substr(slash + 1);
          }
        }
      } else if (name == "content-type") {
        part.content_type = std::string(value);
      }
    }
    if (!has_disposition || part.name.empty()) return;
    part.content = std::string(body.substr(content_start, content_end - content_start));
    if (is_file) {
      files.push_back(std::move(part));
    } else {
      pairs.emplace_back(std::move(part.name), std::move(part.content));
    }
    pos = content_end + next_delimiter.size();
  }
  pairs_ = std::move(pairs);
  files_ = std::move(files);
}

const FormFile* FormFields::File(std::string_view name) const {
  for (const FormFile& f : files_) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

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

store::OrganizationScope OwnOrganizations(const accounts::Actor& actor) {
  store::OrganizationScope f;
  f.all = accounts::Can(actor, accounts::Action::kSeeEverything);
  if (!f.all) f.ids = actor.organization_ids;
  return f;
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
    case Scope::kEvent:
      return store::OrganizationOfEvent(*c, request.Param("id"));
    case Scope::kOccurrence:
      return store::OrganizationOfOccurrence(*c, request.Param("id"));
    case Scope::kResource:
      return store::OrganizationOfResource(*c, request.Param("id"));
    case Scope::kBooking:
      return store::OrganizationOfBooking(*c, request.Param("id"));
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
    bool partners = false;  // partners see only these (and the dashboard)
  };
  static constexpr Item kItems[] = {
      {"", "manage.nav.dashboard", false, true},
      {"/reviews", "manage.nav.reviews", true},
      {"/reports", "manage.nav.reports", false},
      {"/freshness", "manage.nav.freshness", false},
      {"/translations", "manage.nav.translations", false},
      {"/statistics", "manage.nav.statistics", false},
      {"/bookings/usage", "manage.nav.bookings_usage", false},
      {"/training", "manage.nav.training", false, true},
      {"/practices", "manage.nav.practices", false, true},
      {"/programme", "manage.nav.programme", true},
      {"/methods", "manage.nav.methods", true},
      {"/taxonomies", "manage.nav.taxonomies", true},
      {"/users", "manage.nav.users", true},
  };
  const bool coordinator = actor.role == accounts::Role::kCoordinator;
  Data items(Data::type::list);
  for (const Item& item : kItems) {
    if (item.coordinator_only && !coordinator) continue;
    if (actor.role == accounts::Role::kPartner && !item.partners) continue;
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
