#pragma once
// The back office's request plumbing, shared by every back-office handler. Routes declare each
// back-office page with what it does (an accounts::Action) and which object it acts on (a
// Scope); the guard in routes.cpp then, before the handler runs:
//   1. sends a visitor without a live session to the sign-in page (303, with ?next=),
//   2. refuses a POST without the form's CSRF token or with a foreign Origin (403),
//   3. finds the organisation the object belongs to (404 when there is no such object),
//   4. asks accounts::Can and refuses (403) when the actor may not;
// every refusal is logged with the request id, the account and the route. Handlers receive a
// BackOffice with the actor, the CSRF token and the posted form, and answer through
// RenderBackOfficePage, which makes every answer private and uncacheable.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "accounts/permissions.h"
#include "http/request.h"
#include "store/audit_store.h"
#include "store/manage_queries.h"
#include "web/csrf.h"
#include "web/site.h"

namespace tilti::web {

// What the object of a back-office route is, i.e. how its organisation is found.
enum class Scope {
  kSiteWide,        // no object: site-wide pages (dashboards, queues, users)
  kLibrary,         // {slug}: a library (organisation slug)
  kService,         // {id}: a service
  kReport,          // {id}: a report of outdated information
  kPendingChange,   // {id}: a proposal in the review queue
  kAccount,         // {id}: an account (site-wide actions only)
  kTranslatable,    // {entity}/{id}: a record with texts (organization, location, service...)
  kEvent,           // {id}: an event (series)
  kOccurrence,      // {id}: one occurrence of an event
  kResource,        // {id}: a bookable resource
  kBooking,         // {id}: one booking of a resource
};
std::string_view ScopeName(Scope scope);
std::string_view ActionName(accounts::Action action);

// A file sent in a multipart/form-data form (input type=file).
struct FormFile {
  std::string name;          // the form field's name
  std::string filename;      // as the browser sent it, without any directory part
  std::string content_type;  // "" when the part gave none
  std::string content;
};

// The fields of a posted form (application/x-www-form-urlencoded or multipart/form-data), in
// order.
class FormFields {
 public:
  FormFields() = default;
  // An application/x-www-form-urlencoded body.
  explicit FormFields(std::string_view body);
  // A body of the given Content-Type: multipart/form-data (with its boundary) is read into
  // fields and files; anything else is read as urlencoded. A malformed multipart body (no or a
  // bad boundary, a part without a name, more than kMaxParts parts, a part's headers over
  // 8 KiB, no closing delimiter) gives no fields and no files at all.
  FormFields(std::string_view content_type, std::string_view body);
  static constexpr size_t kMaxParts = 200;
  // The first value of `name`, "" if absent.
  std::string Get(std::string_view name) const;
  // Every value of `name` (checkboxes), in order.
  std::vector<std::string> All(std::string_view name) const;
  bool Has(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& pairs() const { return pairs_; }
  // The first file sent as `name`; nullptr when none.
  const FormFile* File(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> pairs_;
  std::vector<FormFile> files_;
};

// What a back-office handler receives from the guard.
struct BackOffice {
  accounts::Actor actor;
  CsrfToken csrf;
  std::string organization_id;  // of the route's object; "" for site-wide routes
  FormFields form;              // the posted form (empty for GET)
  store::Author Author() const { return {actor.account_id, actor.display_name}; }
};

// The organisations the actor's site-wide lists are about: every one for those who may see
// everything (coordinators), else their own.
store::OrganizationScope OwnOrganizations(const accounts::Actor& actor);

// The actor of the request's live session; nullopt when nobody is signed in.
std::optional<accounts::Actor> ActorOf(const Site& site, const http::Request& request);

// The organisation `scope`'s object belongs to, from the request's path parameters; nullopt
// when there is no such object. "" for kSiteWide and kAccount.
std::optional<std::string> OrganizationOfObject(const Site& site, Scope scope,
                                                const http::Request& request);

// 303 See Other to `location`, private and uncacheable.
http::Response SeeOther(std::string location);
// The sign-in page, asking to come back to the request's page afterwards.
http::Response ToSignIn(const i18n::LocaleInfo& locale, const http::Request& request);
// 403 in the user's language, logged as a refusal with the request id, the account and `why`.
http::Response Refused(const Site& site, const http::Request& request,
                       const accounts::Actor* actor, std::string_view why);

// Renders a back-office page: the layout, the back-office navigation for the actor, `page`
// with "csrf" set; Cache-Control private, no-store; the CSRF cookie when it is new.
http::Response RenderBackOfficePage(const Site& site, const http::Request& request,
                                    const BackOffice& bo, const PageFrame& frame,
                                    std::string_view template_name, Data page);

// The path of a back-office page: "/{lang}/manage" + tail.
std::string ManagePath(const i18n::LocaleInfo& locale, std::string_view tail = "");

// An audit history as page data: date (in the reader's language), who, what, before, after.
Data HistoryData(const Site& site, const i18n::LocaleInfo& locale,
                 const std::vector<store::AuditEntry>& entries);

}  // namespace tilti::web
