#include "web/routes.h"

#include "api/hsds_api.h"
#include "core/log.h"
#include "web/handlers.h"
#include "web/session.h"
#include "web/uploads.h"

namespace tilti::web {
namespace {

// Any other path under /api/v1 answers 404 problem JSON; the dispatcher also needs to know it.
constexpr std::string_view kApiCatchAll = "/api/v1/{rest...}";

bool IsApiPath(std::string_view path) {
  return path == "/api/v1" || path.starts_with("/api/v1/");
}

std::string AllowHeader(const std::vector<std::string>& allowed) {
  std::string allow;
  for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
  return allow;
}

// The API's clients read RFC 9457 problem JSON, people read the HTML page in their language:
// the same outcome is sent in the form its reader expects.
http::Response NotFound(const Site& site, const http::Request& request) {
  if (!IsApiPath(request.path)) return site.ErrorPage(404, request);
  return api::ToResponse(request, api::Problem(404, "Not Found", "There is no such API endpoint."));
}

http::Response MethodNotAllowed(const Site& site, const http::Request& request,
                                const std::vector<std::string>& allowed) {
  const std::string allow = AllowHeader(allowed);
  http::Response response =
      IsApiPath(request.path)
          ? api::ToResponse(request, api::MethodNotAllowed(request.method, allow))
          : site.ErrorPage(405, request);
  response.Set("Allow", allow);
  return response;
}

http::Response InternalError(const Site& site, const http::Request& request) {
  if (!IsApiPath(request.path)) return site.ErrorPage(500, request);
  return api::ToResponse(
      request, api::Problem(500, "Internal Server Error",
                            "The server could not answer this request; it has been logged."));
}

// Wraps a page handler: resolves {lang}, answering 404 for a language we do not have.
http::Handler Localized(const Site& site, PageHandler page) {
  return [&site, page](http::Request& request) {
    const i18n::LocaleInfo* locale = site.LocaleOf(request);
    if (locale == nullptr) return site.ErrorPage(404, request);
    return page(site, *locale, request);
  };
}

http::Handler Plain(const Site& site, http::Response (*handler)(const Site&, http::Request&)) {
  return [&site, handler](http::Request& request) { return handler(site, request); };
}

// The guard of every back-office route (web/back_office.h): signed in, CSRF on POST, the object
// exists, the actor may. Each refusal is logged by Refused.
http::Handler Guarded(const Site& site, const BackOfficeRoute& route) {
  return [&site, &route](http::Request& request) -> http::Response {
    const i18n::LocaleInfo* locale = site.LocaleOf(request);
    if (locale == nullptr) return site.ErrorPage(404, request);
    std::optional<accounts::Actor> actor = ActorOf(site, request);
    if (!actor) {
      spdlog::info("refused rid={} account=- {} {}: not signed in", request.request_id,
                   request.method, request.path);
      return ToSignIn(*locale, request);
    }
    BackOffice bo;
    bo.actor = std::move(*actor);
    bo.csrf = CsrfTokenFor(request);
    if (request.method != "GET") {
      bo.form = FormFields(request.Header("content-type").value_or(""), request.body);
      if (!CsrfOk(request, bo.form.Get(kCsrfField), site.options().public_url)) {
        return Refused(site, request, &bo.actor, "CSRF token missing or wrong, or foreign Origin");
      }
    }
    std::optional<std::string> organization = OrganizationOfObject(site, route.scope, request);
    if (!organization) {
      http::Response r = site.ErrorPage(404, request);
      r.Set("Cache-Control", kPrivateNoStore);
      return r;
    }
    if (!accounts::Can(bo.actor, route.action, *organization)) {
      return Refused(site, request, &bo.actor,
                     std::string(ActionName(route.action)) + " on " +
                         std::string(ScopeName(route.scope)) + " " + *organization);
    }
    bo.organization_id = std::move(*organization);
    // Every back-office answer, error pages included, is private and never stored.
    http::Response response = route.handler(site, *locale, request, bo);
    response.Set("Cache-Control", "private, no-store");
    return response;
  };
}

}  // namespace

http::Router BuildRoutes(const Site& site) {
  http::Router r;
  // Operations and assets.
  r.Add("GET", "/healthz", Plain(site, Health));
  r.Add("GET", "/metrics", Plain(site, MetricsText));
  r.Add("GET", "/static/{file...}", Plain(site, StaticAsset));
  r.Add("GET", "/files/{name}", Plain(site, StoredFile));
  // The phrasebook's service worker, at the root so its scope may cover /{lang}/phrasebook;
  // before "/{lang}", which would take it for a language.
  r.Add("GET", "/phrasebook-sw.js", Plain(site, PhrasebookWorker));
  // HSDS API (/api/v1)
  r.Add("GET", "/api/v1", Plain(site, ApiRoot));
  r.Add("GET", "/api/v1/", Plain(site, ApiRoot));
  r.Add("GET", "/api/v1/profile", Plain(site, ApiProfile));
  r.Add("GET", "/api/v1/services", Plain(site, ApiServices));
  r.Add("GET", "/api/v1/services/{id}", Plain(site, ApiService));
  r.Add("GET", "/api/v1/organizations", Plain(site, ApiOrganizations));
  r.Add("GET", "/api/v1/organizations/{id}", Plain(site, ApiOrganization));
  r.Add("GET", "/api/v1/service_at_locations", Plain(site, ApiServiceAtLocations));
  r.Add("GET", "/api/v1/service_at_locations/{id}", Plain(site, ApiServiceAtLocation));
  r.Add("GET", "/api/v1/taxonomies", Plain(site, ApiTaxonomies));
  r.Add("GET", "/api/v1/taxonomies/{id}", Plain(site, ApiTaxonomy));
  r.Add("GET", "/api/v1/taxonomy_terms", Plain(site, ApiTaxonomyTerms));
  r.Add("GET", "/api/v1/taxonomy_terms/{id}", Plain(site, ApiTaxonomyTerm));
  r.Add("GET", std::string(kApiCatchAll), Plain(site, ApiNotFound));
  // end HSDS API
  // Language choice.
  r.Add("GET", "/", Plain(site, RootRedirect));
  r.Add("GET", "/{lang}", Plain(site, LanguageRootRedirect));
  r.Add("GET", "/{lang}/admin", Plain(site, AdminRedirect));
  r.Add("GET", "/{lang}/admin/{rest...}", Plain(site, AdminRedirect));
  // Public pages.
  r.Add("GET", "/{lang}/", Localized(site, HomePage));
  r.Add("GET", "/{lang}/libraries", Localized(site, LibrariesPage));
  r.Add("GET", "/{lang}/libraries/{slug}", Localized(site, LibraryPage));
  r.Add("GET", "/{lang}/libraries/{slug}/qr.svg", Localized(site, LibraryQrCode));
  r.Add("GET", "/{lang}/libraries/{slug}/diagnostics", Localized(site, LibraryDiagnosticsPage));
  r.Add("GET", "/{lang}/phrasebook", Localized(site, PhrasebookPage));
  r.Add("GET", "/{lang}/phrasebook/{id}", Localized(site, PhraseShowPage));
  r.Add("GET", "/{lang}/phrasebook/audio/{id}/{file}", Localized(site, PhraseAudio));
  r.Add("GET", "/{lang}/services/{id}", Localized(site, ServicePage));
  r.Add("GET", "/{lang}/libraries/{slug}/report", Localized(site, ReportForm));
  r.Add("POST", "/{lang}/libraries/{slug}/report", Localized(site, ReportSubmit));
  r.Add("GET", "/{lang}/libraries/{slug}/report/thanks", Localized(site, ReportThanks));
  r.Add("GET", "/{lang}/accessibility", Localized(site, AccessibilityPage));
  r.Add("GET", "/{lang}/privacy", Localized(site, PrivacyPage));
  // Events: feeds.
  r.Add("GET", "/{lang}/events.ics", Localized(site, EventsFeed));
  r.Add("GET", "/{lang}/events.atom", Localized(site, EventsAtom));
  r.Add("GET", "/{lang}/events/short-feed", Localized(site, ShortFeedPage));
  r.Add("POST", "/{lang}/events/short-feed", Localized(site, ShortFeedPage));
  r.Add("GET", "/{lang}/events/{id}/calendar.ics", Localized(site, EventCalendar));
  r.Add("GET", "/f/{file}", Plain(site, ShortFeed));
  // Events: registration.
  r.Add("GET", "/{lang}/events/{id}/register", Localized(site, RegisterForm));
  r.Add("POST", "/{lang}/events/{id}/register", Localized(site, RegisterSubmit));
  r.Add("GET", "/{lang}/registrations/{token}", Localized(site, RegistrationPage));
  r.Add("POST", "/{lang}/registrations/{token}", Localized(site, RegistrationUpdate));
  r.Add("GET", "/{lang}/registrations/{token}/calendar.ics", Localized(site, RegistrationCalendar));
  r.Add("GET", "/{lang}/initiatives", Localized(site, InitiativesList));
  r.Add("GET", "/{lang}/initiatives/{slug}", Localized(site, InitiativePage));
  r.Add("GET", "/{lang}/methods", Localized(site, MethodsList));
  r.Add("GET", "/{lang}/methods/{slug}", Localized(site, MethodPage));
  r.Add("GET", "/{lang}/methods/{slug}/versions/{number}", Localized(site, MethodVersionPage));
  r.Add("GET", "/{lang}/practices", Localized(site, PracticesList));
  r.Add("GET", "/{lang}/practices.atom", Localized(site, PracticesAtom));
  r.Add("GET", "/{lang}/practices/{slug}", Localized(site, PracticePage));
  r.Add("GET", "/{lang}/partnerships", Localized(site, PartnershipsPage));
  r.Add("GET", "/{lang}/guides", Localized(site, GuidesList));
  r.Add("GET", "/{lang}/guides/{slug}", Localized(site, GuidePage));
  r.Add("GET", "/{lang}/guides/{slug}/audio/{file}", Localized(site, GuideAudio));
  r.Add("GET", "/{lang}/resources", Localized(site, ResourcesList));
  r.Add("GET", "/{lang}/resources/{id}", Localized(site, ResourcePage));
  r.Add("GET", "/{lang}/resources/{id}/book", Localized(site, BookDay));
  r.Add("POST", "/{lang}/resources/{id}/book", Localized(site, BookHold));
  r.Add("GET", "/{lang}/resources/{id}/book/{hold}", Localized(site, BookDetails));
  r.Add("POST", "/{lang}/resources/{id}/book/{hold}", Localized(site, BookDetails));
  r.Add("GET", "/{lang}/resources/{id}/book/{hold}/check", Localized(site, BookCheck));
  r.Add("POST", "/{lang}/resources/{id}/book/{hold}/check", Localized(site, BookCheck));
  r.Add("GET", "/{lang}/bookings/{token}", Localized(site, BookingPage));
  r.Add("POST", "/{lang}/bookings/{token}", Localized(site, BookingUpdate));
  r.Add("GET", "/{lang}/bookings/{token}/calendar.ics", Localized(site, BookingCalendar));
  // Events: pages.
  r.Add("GET", "/{lang}/events", Localized(site, EventsPage));
  r.Add("GET", "/{lang}/events/{id}", Localized(site, EventPage));
  r.Add("GET", "/{lang}/events/{id}/qr.svg", Localized(site, EventQrCode));
  // Back office: accounts.
  r.Add("GET", "/{lang}/account/sign-in", Localized(site, SignInForm));
  r.Add("POST", "/{lang}/account/sign-in", Localized(site, SignInSubmit));
  r.Add("GET", "/{lang}/account", Localized(site, AccountPage));
  r.Add("POST", "/{lang}/account/sign-out", Localized(site, SignOut));
  r.Add("GET", "/{lang}/account/forgot", Localized(site, ForgotForm));
  r.Add("POST", "/{lang}/account/forgot", Localized(site, ForgotSubmit));
  r.Add("GET", "/{lang}/account/reset/{token}", Localized(site, ResetForm));
  r.Add("POST", "/{lang}/account/reset/{token}", Localized(site, ResetSubmit));
  // Back office: every page behind the guard.
  for (const BackOfficeRoute& route : BackOfficeRoutes()) {
    r.Add(std::string(route.method), std::string(route.pattern), Guarded(site, route));
  }
  return r;
}

const std::vector<BackOfficeRoute>& BackOfficeRoutes() {
  using A = accounts::Action;
  static const std::vector<BackOfficeRoute> routes = {
      {"GET", "/{lang}/manage", A::kSeeOwn, Scope::kSiteWide, ManageDashboard},
      // --- editing ---
      {"GET", "/{lang}/manage/libraries/{slug}", A::kView, Scope::kLibrary, ManageLibrary},
      {"GET", "/{lang}/manage/libraries/{slug}/texts", A::kEditText, Scope::kLibrary, EditLibraryTexts},
      {"POST", "/{lang}/manage/libraries/{slug}/texts", A::kEditText, Scope::kLibrary, EditLibraryTexts},
      {"GET", "/{lang}/manage/libraries/{slug}/contacts", A::kEditDirect, Scope::kLibrary, EditLibraryContacts},
      {"POST", "/{lang}/manage/libraries/{slug}/contacts", A::kEditDirect, Scope::kLibrary, EditLibraryContacts},
      {"GET", "/{lang}/manage/libraries/{slug}/place", A::kEditDirect, Scope::kLibrary, EditLibraryPlace},
      {"POST", "/{lang}/manage/libraries/{slug}/place", A::kEditDirect, Scope::kLibrary, EditLibraryPlace},
      {"GET", "/{lang}/manage/libraries/{slug}/hours", A::kEditDirect, Scope::kLibrary, EditLibraryHours},
      {"POST", "/{lang}/manage/libraries/{slug}/hours", A::kEditDirect, Scope::kLibrary, EditLibraryHours},
      {"GET", "/{lang}/manage/libraries/{slug}/exceptions", A::kEditDirect, Scope::kLibrary, EditLibraryExceptions},
      {"POST", "/{lang}/manage/libraries/{slug}/exceptions", A::kEditDirect, Scope::kLibrary, EditLibraryExceptions},
      {"GET", "/{lang}/manage/libraries/{slug}/features", A::kEditDirect, Scope::kLibrary, EditLibraryFeatures},
      {"POST", "/{lang}/manage/libraries/{slug}/features", A::kEditDirect, Scope::kLibrary, EditLibraryFeatures},
      {"GET", "/{lang}/manage/libraries/{slug}/services/new", A::kAddService, Scope::kLibrary, NewService},
      {"POST", "/{lang}/manage/libraries/{slug}/services/new", A::kAddService, Scope::kLibrary, NewService},
      {"GET", "/{lang}/manage/services/{id}", A::kAddService, Scope::kService, EditService},
      {"POST", "/{lang}/manage/services/{id}", A::kAddService, Scope::kService, EditService},
      {"GET", "/{lang}/manage/reviews", A::kReview, Scope::kSiteWide, ReviewQueue},
      {"GET", "/{lang}/manage/reviews/{id}", A::kReview, Scope::kPendingChange, ReviewChange},
      {"POST", "/{lang}/manage/reviews/{id}", A::kReview, Scope::kPendingChange, ReviewChange},
      {"GET", "/{lang}/manage/organizations/new", A::kCreateOrganizations, Scope::kSiteWide, NewOrganization},
      {"POST", "/{lang}/manage/organizations/new", A::kCreateOrganizations, Scope::kSiteWide, NewOrganization},
      {"GET", "/{lang}/manage/taxonomies", A::kEditTaxonomies, Scope::kSiteWide, ManageTaxonomies},
      {"GET", "/{lang}/manage/taxonomies/{taxonomy}/terms/{term}", A::kEditTaxonomies, Scope::kSiteWide, EditTaxonomyTerm},
      {"POST", "/{lang}/manage/taxonomies/{taxonomy}/terms/{term}", A::kEditTaxonomies, Scope::kSiteWide, EditTaxonomyTerm},
      {"GET", "/{lang}/manage/taxonomies/{taxonomy}/new-term", A::kEditTaxonomies, Scope::kSiteWide, NewTaxonomyTerm},
      {"POST", "/{lang}/manage/taxonomies/{taxonomy}/new-term", A::kEditTaxonomies, Scope::kSiteWide, NewTaxonomyTerm},
      // --- users and password resets ---
      {"GET", "/{lang}/manage/users", A::kManageUsers, Scope::kSiteWide, UsersList},
      {"GET", "/{lang}/manage/users/invite", A::kManageUsers, Scope::kSiteWide, InviteForm},
      {"POST", "/{lang}/manage/users/invite", A::kManageUsers, Scope::kSiteWide, InviteSubmit},
      {"GET", "/{lang}/manage/users/{id}", A::kManageUsers, Scope::kAccount, UserPage},
      {"POST", "/{lang}/manage/users/{id}/disable", A::kManageUsers, Scope::kAccount, UserDisable},
      {"POST", "/{lang}/manage/users/{id}/enable", A::kManageUsers, Scope::kAccount, UserEnable},
      {"POST", "/{lang}/manage/users/{id}/reset-link", A::kManageUsers, Scope::kAccount,
       UserResetLink},
      // --- translations ---
      {"GET", "/{lang}/manage/translations", A::kSeeOwn, Scope::kSiteWide, TranslationsDashboard},
      {"GET", "/{lang}/manage/translations/export", A::kSeeOwn, Scope::kSiteWide,
       TranslationsExport},
      {"GET", "/{lang}/manage/translations/import", A::kSeeOwn, Scope::kSiteWide,
       TranslationsImport},
      {"POST", "/{lang}/manage/translations/import", A::kSeeOwn, Scope::kSiteWide,
       TranslationsImport},
      {"GET", "/{lang}/manage/translations/{entity}/{id...}", A::kTranslate,
       Scope::kTranslatable, TranslationEditPage},
      {"POST", "/{lang}/manage/translations/{entity}/{id...}", A::kTranslate,
       Scope::kTranslatable, TranslationEditPage},
      // --- reports and freshness ---
      {"GET", "/{lang}/manage/reports", A::kSeeOwn, Scope::kSiteWide, ReportsQueue},
      {"GET", "/{lang}/manage/reports/{id}", A::kModerate, Scope::kReport, ReportShow},
      {"POST", "/{lang}/manage/reports/{id}", A::kModerate, Scope::kReport, ReportClose},
      {"POST", "/{lang}/manage/reports/{id}/reopen", A::kModerate, Scope::kReport, ReportReopen},
      {"POST", "/{lang}/manage/libraries/{slug}/checked", A::kConfirmChecked, Scope::kLibrary,
       LibraryChecked},
      {"POST", "/{lang}/manage/services/{id}/checked", A::kConfirmChecked, Scope::kService,
       ServiceChecked},
      {"GET", "/{lang}/manage/freshness", A::kSeeOwn, Scope::kSiteWide, FreshnessView},
      // --- events: editing ---
      {"GET", "/{lang}/manage/libraries/{slug}/events", A::kEditEvents, Scope::kLibrary, LibraryEvents},
      {"GET", "/{lang}/manage/libraries/{slug}/events/new", A::kEditEvents, Scope::kLibrary, NewEvent},
      {"POST", "/{lang}/manage/libraries/{slug}/events/new", A::kEditEvents, Scope::kLibrary, NewEvent},
      {"GET", "/{lang}/manage/libraries/{slug}/programme", A::kView, Scope::kLibrary, LibraryProgramme},
      {"GET", "/{lang}/manage/events/{id}", A::kEditEvents, Scope::kEvent, EditEvent},
      {"POST", "/{lang}/manage/events/{id}", A::kEditEvents, Scope::kEvent, EditEvent},
      {"GET", "/{lang}/manage/events/{id}/dates/{on}", A::kEditEvents, Scope::kEvent, EditEventDate},
      {"POST", "/{lang}/manage/events/{id}/dates/{on}", A::kEditEvents, Scope::kEvent, EditEventDate},
      {"GET", "/{lang}/manage/events/{id}/split", A::kEditEvents, Scope::kEvent, SplitEvent},
      {"POST", "/{lang}/manage/events/{id}/split", A::kEditEvents, Scope::kEvent, SplitEvent},
      {"POST", "/{lang}/manage/events/{id}/cancel", A::kEditEvents, Scope::kEvent, CancelWholeEvent},
      {"POST", "/{lang}/manage/events/{id}/duplicate", A::kEditEvents, Scope::kEvent, DuplicateEventPage},
      // --- events: registrations and attendance ---
      {"GET", "/{lang}/manage/libraries/{slug}/registrations", A::kTakeRegistrations, Scope::kLibrary, LibraryRegistrations},
      {"GET", "/{lang}/manage/occurrences/{id}", A::kTakeRegistrations, Scope::kOccurrence, OccurrenceRegistrations},
      {"POST", "/{lang}/manage/occurrences/{id}/registrations", A::kTakeRegistrations, Scope::kOccurrence, OccurrenceRegistrationAction},
      {"POST", "/{lang}/manage/occurrences/{id}/head-counts", A::kTakeRegistrations, Scope::kOccurrence, OccurrenceHeadCounts},
      {"GET", "/{lang}/manage/statistics", A::kSeeOwn, Scope::kSiteWide, EventStatistics},
      // --- bookings ---
      {"GET", "/{lang}/manage/libraries/{slug}/bookings", A::kTakeRegistrations, Scope::kLibrary, LibraryBookings},
      {"POST", "/{lang}/manage/bookings/{id}", A::kTakeRegistrations, Scope::kBooking, BookingAction},
      {"POST", "/{lang}/manage/resources/{id}/blocks", A::kTakeRegistrations, Scope::kResource, ResourceBlocks},
      {"POST", "/{lang}/manage/resources/{id}/blocks/remove", A::kTakeRegistrations, Scope::kResource, ResourceBlocks},
      {"GET", "/{lang}/manage/resources/{id}/book", A::kTakeRegistrations, Scope::kResource, DeskBook},
      {"POST", "/{lang}/manage/resources/{id}/book", A::kTakeRegistrations, Scope::kResource, DeskBook},
      {"GET", "/{lang}/manage/bookings/usage", A::kSeeOwn, Scope::kSiteWide, BookingUsagePage},
      {"GET", "/{lang}/manage/libraries/{slug}/resources/new", A::kEditDirect, Scope::kLibrary, NewResource},
      {"POST", "/{lang}/manage/libraries/{slug}/resources/new", A::kEditDirect, Scope::kLibrary, NewResource},
      {"GET", "/{lang}/manage/resources/{id}/edit", A::kEditDirect, Scope::kResource, EditResource},
      {"POST", "/{lang}/manage/resources/{id}/edit", A::kEditDirect, Scope::kResource, EditResource},
      // --- diagnostics and strategy ---
      // Object routes stay under the library path (Scope::kLibrary); handlers answer 404 for another
      // library's object. "new" and "report" come before "{id}": the first matching route wins.
      {"GET", "/{lang}/manage/libraries/{slug}/diagnostics", A::kEditDirect, Scope::kLibrary, ManageDiagnostics},
      {"GET", "/{lang}/manage/libraries/{slug}/diagnostics/new", A::kEditDirect, Scope::kLibrary, NewDiagnosticActivity},
      {"POST", "/{lang}/manage/libraries/{slug}/diagnostics/new", A::kEditDirect, Scope::kLibrary, NewDiagnosticActivity},
      {"GET", "/{lang}/manage/libraries/{slug}/diagnostics/report", A::kEditDirect, Scope::kLibrary, EditDiagnosticReport},
      {"POST", "/{lang}/manage/libraries/{slug}/diagnostics/report", A::kEditDirect, Scope::kLibrary, EditDiagnosticReport},
      {"GET", "/{lang}/manage/libraries/{slug}/diagnostics/{id}", A::kEditDirect, Scope::kLibrary, EditDiagnosticActivity},
      {"POST", "/{lang}/manage/libraries/{slug}/diagnostics/{id}", A::kEditDirect, Scope::kLibrary, EditDiagnosticActivity},
      {"GET", "/{lang}/manage/libraries/{slug}/strategy/goals/new", A::kEditDirect, Scope::kLibrary, NewStrategyGoal},
      {"POST", "/{lang}/manage/libraries/{slug}/strategy/goals/new", A::kEditDirect, Scope::kLibrary, NewStrategyGoal},
      {"GET", "/{lang}/manage/libraries/{slug}/strategy/goals/{id}", A::kEditDirect, Scope::kLibrary, EditStrategyGoal},
      {"POST", "/{lang}/manage/libraries/{slug}/strategy/goals/{id}", A::kEditDirect, Scope::kLibrary, EditStrategyGoal},
      {"GET", "/{lang}/manage/libraries/{slug}/strategy/actions/new", A::kEditDirect, Scope::kLibrary, NewStrategyAction},
      {"POST", "/{lang}/manage/libraries/{slug}/strategy/actions/new", A::kEditDirect, Scope::kLibrary, NewStrategyAction},
      {"GET", "/{lang}/manage/libraries/{slug}/strategy/actions/{id}", A::kEditDirect, Scope::kLibrary, EditStrategyAction},
      {"POST", "/{lang}/manage/libraries/{slug}/strategy/actions/{id}", A::kEditDirect, Scope::kLibrary, EditStrategyAction},
      // --- programme ---
      {"GET", "/{lang}/manage/programme", A::kSeeEverything, Scope::kSiteWide, ProgrammeDashboard},
      {"GET", "/{lang}/manage/initiatives/new", A::kEditProgramme, Scope::kSiteWide, NewInitiative},
      {"POST", "/{lang}/manage/initiatives/new", A::kEditProgramme, Scope::kSiteWide, NewInitiative},
      {"GET", "/{lang}/manage/initiatives/{slug}", A::kEditProgramme, Scope::kSiteWide, ManageInitiative},
      {"GET", "/{lang}/manage/initiatives/{slug}/edit", A::kEditProgramme, Scope::kSiteWide, EditInitiative},
      {"GET", "/{lang}/manage/initiatives/{slug}/partnerships/new", A::kEditProgramme, Scope::kSiteWide, NewPartnership},
      {"POST", "/{lang}/manage/initiatives/{slug}/partnerships/new", A::kEditProgramme, Scope::kSiteWide, NewPartnership},
      {"GET", "/{lang}/manage/partnerships/{id}", A::kEditProgramme, Scope::kSiteWide, EditPartnership},
      {"POST", "/{lang}/manage/partnerships/{id}", A::kEditProgramme, Scope::kSiteWide, EditPartnership},
      {"GET", "/{lang}/manage/initiatives/{slug}/news/new", A::kEditProgramme, Scope::kSiteWide, NewNews},
      {"POST", "/{lang}/manage/initiatives/{slug}/news/new", A::kEditProgramme, Scope::kSiteWide, NewNews},
      {"GET", "/{lang}/manage/news/{id}", A::kEditProgramme, Scope::kSiteWide, EditNews},
      {"POST", "/{lang}/manage/news/{id}", A::kEditProgramme, Scope::kSiteWide, EditNews},
      {"GET", "/{lang}/manage/methods", A::kEditProgramme, Scope::kSiteWide, ManageMethods},
      {"GET", "/{lang}/manage/methods/new", A::kEditProgramme, Scope::kSiteWide, NewMethod},
      {"POST", "/{lang}/manage/methods/new", A::kEditProgramme, Scope::kSiteWide, NewMethod},
      {"GET", "/{lang}/manage/methods/{slug}/edit", A::kEditProgramme, Scope::kSiteWide, EditMethod},
      {"POST", "/{lang}/manage/methods/{slug}/edit", A::kEditProgramme, Scope::kSiteWide, EditMethod},
      {"GET", "/{lang}/manage/methods/{slug}/versions/new", A::kEditProgramme, Scope::kSiteWide, NewMethodVersion},
      {"POST", "/{lang}/manage/methods/{slug}/versions/new", A::kEditProgramme, Scope::kSiteWide, NewMethodVersion},
      {"GET", "/{lang}/manage/initiatives/{slug}/images/new", A::kEditProgramme, Scope::kSiteWide, NewGalleryImage},
      {"POST", "/{lang}/manage/initiatives/{slug}/images/new", A::kEditProgramme, Scope::kSiteWide, NewGalleryImage},
      {"GET", "/{lang}/manage/images/{id}", A::kEditProgramme, Scope::kSiteWide, EditGalleryImage},
      {"POST", "/{lang}/manage/images/{id}", A::kEditProgramme, Scope::kSiteWide, EditGalleryImage},
      {"POST", "/{lang}/manage/images/{id}/move", A::kEditProgramme, Scope::kSiteWide, MoveGalleryImage},
      {"POST", "/{lang}/manage/images/{id}/remove", A::kEditProgramme, Scope::kSiteWide, RemoveGalleryImage},
      {"POST", "/{lang}/manage/initiatives/{slug}/edit", A::kEditProgramme, Scope::kSiteWide, EditInitiative},
      {"GET", "/{lang}/manage/initiatives/{slug}/hackathons/new", A::kEditProgramme, Scope::kSiteWide, NewHackathon},
      {"POST", "/{lang}/manage/initiatives/{slug}/hackathons/new", A::kEditProgramme, Scope::kSiteWide, NewHackathon},
      {"GET", "/{lang}/manage/hackathons/{id}", A::kEditProgramme, Scope::kSiteWide, EditHackathon},
      {"POST", "/{lang}/manage/hackathons/{id}", A::kEditProgramme, Scope::kSiteWide, EditHackathon},
      {"GET", "/{lang}/manage/initiatives/{slug}/ideas/new", A::kEditProgramme, Scope::kSiteWide, NewIdea},
      {"POST", "/{lang}/manage/initiatives/{slug}/ideas/new", A::kEditProgramme, Scope::kSiteWide, NewIdea},
      {"GET", "/{lang}/manage/ideas/{id}", A::kEditProgramme, Scope::kSiteWide, EditIdea},
      {"POST", "/{lang}/manage/ideas/{id}", A::kEditProgramme, Scope::kSiteWide, EditIdea},
      // --- training (issue 8) ---
      // Every signed-in account learns (kSeeOwn: its own progress only); coordinators edit.
      // "new" comes before "{module}", "lessons/new" before "lessons/{lesson}", "questions/new"
      // before "questions/{question}": the first matching route wins.
      {"GET", "/{lang}/manage/training", A::kSeeOwn, Scope::kSiteWide, TrainingList},
      {"GET", "/{lang}/manage/training/new", A::kEditProgramme, Scope::kSiteWide, NewTrainingModule},
      {"POST", "/{lang}/manage/training/new", A::kEditProgramme, Scope::kSiteWide, NewTrainingModule},
      {"GET", "/{lang}/manage/training/{module}", A::kSeeOwn, Scope::kSiteWide, TrainingModulePage},
      {"GET", "/{lang}/manage/training/{module}/edit", A::kEditProgramme, Scope::kSiteWide, EditTrainingModule},
      {"POST", "/{lang}/manage/training/{module}/edit", A::kEditProgramme, Scope::kSiteWide, EditTrainingModule},
      {"GET", "/{lang}/manage/training/{module}/certificate", A::kSeeOwn, Scope::kSiteWide, TrainingCertificate},
      {"GET", "/{lang}/manage/training/{module}/lessons/new", A::kEditProgramme, Scope::kSiteWide, NewTrainingLesson},
      {"POST", "/{lang}/manage/training/{module}/lessons/new", A::kEditProgramme, Scope::kSiteWide, NewTrainingLesson},
      {"GET", "/{lang}/manage/training/{module}/lessons/{lesson}", A::kSeeOwn, Scope::kSiteWide, TrainingLessonPage},
      {"POST", "/{lang}/manage/training/{module}/lessons/{lesson}", A::kSeeOwn, Scope::kSiteWide, TrainingLessonPage},
      {"GET", "/{lang}/manage/training/{module}/lessons/{lesson}/edit", A::kEditProgramme, Scope::kSiteWide, EditTrainingLesson},
      {"POST", "/{lang}/manage/training/{module}/lessons/{lesson}/edit", A::kEditProgramme, Scope::kSiteWide, EditTrainingLesson},
      {"GET", "/{lang}/manage/training/{module}/lessons/{lesson}/questions/new", A::kEditProgramme, Scope::kSiteWide, NewTrainingQuestion},
      {"POST", "/{lang}/manage/training/{module}/lessons/{lesson}/questions/new", A::kEditProgramme, Scope::kSiteWide, NewTrainingQuestion},
      {"GET", "/{lang}/manage/training/{module}/lessons/{lesson}/questions/{question}", A::kEditProgramme, Scope::kSiteWide, EditTrainingQuestion},
      {"POST", "/{lang}/manage/training/{module}/lessons/{lesson}/questions/{question}", A::kEditProgramme, Scope::kSiteWide, EditTrainingQuestion},
      // --- good practices: anyone signed in submits; the handlers check who may see and change
      // each one (accounts::MaySeePractice, MayChangePractice); "new" before "{slug}" ---
      {"GET", "/{lang}/manage/practices", A::kSeeOwn, Scope::kSiteWide, ManagePractices},
      {"GET", "/{lang}/manage/practices/new", A::kSeeOwn, Scope::kSiteWide, NewPractice},
      {"POST", "/{lang}/manage/practices/new", A::kSeeOwn, Scope::kSiteWide, NewPractice},
      {"GET", "/{lang}/manage/practices/{slug}", A::kSeeOwn, Scope::kSiteWide, ManagePractice},
      {"GET", "/{lang}/manage/practices/{slug}/edit", A::kSeeOwn, Scope::kSiteWide, EditPractice},
      {"POST", "/{lang}/manage/practices/{slug}/edit", A::kSeeOwn, Scope::kSiteWide, EditPractice},
      {"GET", "/{lang}/manage/practices/{slug}/images/new", A::kSeeOwn, Scope::kSiteWide, NewPracticeImage},
      {"POST", "/{lang}/manage/practices/{slug}/images/new", A::kSeeOwn, Scope::kSiteWide, NewPracticeImage},
      {"POST", "/{lang}/manage/practices/{slug}/images/{id}/remove", A::kSeeOwn, Scope::kSiteWide, RemovePracticeImage},
      {"GET", "/{lang}/manage/practices/{slug}/translations/{locale}", A::kSeeOwn, Scope::kSiteWide, TranslatePractice},
      {"POST", "/{lang}/manage/practices/{slug}/translations/{locale}", A::kSeeOwn, Scope::kSiteWide, TranslatePractice},
      {"POST", "/{lang}/manage/practices/{slug}/review", A::kReview, Scope::kSiteWide, ReviewPractice},
      // --- guides for newcomers: "new" before "{slug}" (the first matching route wins) ---
      {"GET", "/{lang}/manage/guides", A::kEditProgramme, Scope::kSiteWide, ManageGuides},
      {"GET", "/{lang}/manage/guides/new", A::kEditProgramme, Scope::kSiteWide, NewGuide},
      {"POST", "/{lang}/manage/guides/new", A::kEditProgramme, Scope::kSiteWide, NewGuide},
      {"GET", "/{lang}/manage/guides/{slug}", A::kEditProgramme, Scope::kSiteWide, EditGuide},
      {"POST", "/{lang}/manage/guides/{slug}", A::kEditProgramme, Scope::kSiteWide, EditGuide},
      {"GET", "/{lang}/manage/guides/{slug}/video", A::kEditProgramme, Scope::kSiteWide, EditGuideVideo},
      {"POST", "/{lang}/manage/guides/{slug}/video", A::kEditProgramme, Scope::kSiteWide, EditGuideVideo},
      {"GET", "/{lang}/manage/guides/{slug}/translations/{locale}", A::kEditProgramme, Scope::kSiteWide, TranslateGuide},
      {"POST", "/{lang}/manage/guides/{slug}/translations/{locale}", A::kEditProgramme, Scope::kSiteWide, TranslateGuide},
  };
  return routes;
}

http::Handler MakeDispatcher(const http::Router& router, const Site& site) {
  return [&router, &site](http::Request& request) -> http::Response {
    http::Router::Match match = router.Find(request);
    http::Response response;
    try {
      switch (match.outcome) {
        case http::Router::Outcome::kMatched:
          response = (*match.handler)(request);
          break;
        case http::Router::Outcome::kMethodNotAllowed:
          // Only the GET catch-all knows an unknown API path: that is 404 whatever the method
          // (RFC 9110 15.5.6: 405 is for a resource that exists but not with this method).
          if (match.pattern == kApiCatchAll) {
            match.outcome = http::Router::Outcome::kNotFound;
            response = NotFound(site, request);
          } else {
            response = MethodNotAllowed(site, request, match.allowed);
          }
          break;
        case http::Router::Outcome::kNotFound:
          response = NotFound(site, request);
          break;
      }
    } catch (const std::exception& e) {
      spdlog::error("rid={} {} {}: {}", request.request_id, request.method, match.pattern,
                    e.what());
      response = InternalError(site, request);
    }
    response.route = match.outcome == http::Router::Outcome::kNotFound ? "-" : match.pattern;
    return response;
  };
}

}  // namespace tilti::web
