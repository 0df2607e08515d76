#pragma once
// The request handlers. Each is a few lines: parse the request into typed values, call one
// query or service, render. Routes bind them in routes.cpp, the only route table.
#include "http/request.h"
#include "web/site.h"

namespace tilti::web {

// Pages under /{lang}/: the route table has already resolved a valid locale.
using PageHandler = http::Response (*)(const Site&, const i18n::LocaleInfo&, http::Request&);

http::Response HomePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response LibrariesPage(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request);
http::Response LibraryPage(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request);
// A service at a library: /{lang}/services/{id} (a service_at_location id).
http::Response ServicePage(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request);
// The QR code (SVG) of a library page's URL in that language.
http::Response LibraryQrCode(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request);
// Report outdated information about a library (no account needed).
http::Response ReportForm(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request);
http::Response ReportSubmit(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request);
http::Response ReportThanks(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request);
// Back-office accounts: sign in (form and POST), the account page, sign out (POST). Their
// answers depend on the session: "private, no-store", never the response cache.
http::Response SignInForm(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response SignInSubmit(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request);
http::Response AccountPage(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request);
http::Response SignOut(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response AccessibilityPage(const Site& site, const i18n::LocaleInfo& locale,
                                 http::Request& request);
http::Response PrivacyPage(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request);

// Back-office pages behind the guard (routes.cpp, back_office.h): signed in, CSRF-checked
// when posted, and permitted for the route's action on its object. Every answer is private.
struct BackOffice;
using BackOfficeHandler = http::Response (*)(const Site&, const i18n::LocaleInfo&,
                                             http::Request&, const BackOffice&);
// The dashboard: the actor's libraries and the queues waiting for them.
http::Response ManageDashboard(const Site& site, const i18n::LocaleInfo& locale,
                               http::Request& request, const BackOffice& bo);
// --- back office: editing (directory_edit_pages.cpp) ---
// A library's overview (edit links, services, proposals, history), and its forms: GET shows
// the form, POST saves it or shows it again with the error summary.
http::Response ManageLibrary(const Site&, const i18n::LocaleInfo&, http::Request&,
                             const BackOffice&);
http::Response EditLibraryTexts(const Site&, const i18n::LocaleInfo&, http::Request&,
                                const BackOffice&);
http::Response EditLibraryContacts(const Site&, const i18n::LocaleInfo&, http::Request&,
                                   const BackOffice&);
http::Response EditLibraryPlace(const Site&, const i18n::LocaleInfo&, http::Request&,
                                const BackOffice&);
http::Response EditLibraryHours(const Site&, const i18n::LocaleInfo&, http::Request&,
                                const BackOffice&);
http::Response EditLibraryExceptions(const Site&, const i18n::LocaleInfo&, http::Request&,
                                     const BackOffice&);
http::Response EditLibraryFeatures(const Site&, const i18n::LocaleInfo&, http::Request&,
                                   const BackOffice&);
http::Response NewService(const Site&, const i18n::LocaleInfo&, http::Request&,
                          const BackOffice&);
http::Response EditService(const Site&, const i18n::LocaleInfo&, http::Request&,
                           const BackOffice&);
// A new library or partner organisation (coordinators).
http::Response NewOrganization(const Site&, const i18n::LocaleInfo&, http::Request&,
                               const BackOffice&);
// Taxonomies (coordinators): every term's names per locale; one term's names; a new term.
http::Response ManageTaxonomies(const Site&, const i18n::LocaleInfo&, http::Request&,
                                const BackOffice&);
http::Response EditTaxonomyTerm(const Site&, const i18n::LocaleInfo&, http::Request&,
                                const BackOffice&);
http::Response NewTaxonomyTerm(const Site&, const i18n::LocaleInfo&, http::Request&,
                               const BackOffice&);
// The coordinators' review of proposals: the queue, and one proposal to approve or reject.
http::Response ReviewQueue(const Site&, const i18n::LocaleInfo&, http::Request&,
                           const BackOffice&);
http::Response ReviewChange(const Site&, const i18n::LocaleInfo&, http::Request&,
                            const BackOffice&);
// --- back office: users and password resets ---
// Coordinators' pages for accounts (user_admin_pages.cpp): the list with the open "forgot
// password" requests, inviting (a new account and a reset link shown once), one account's page
// and its actions (disable, enable, a new reset link shown once).
http::Response UsersList(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                         const BackOffice& bo);
http::Response InviteForm(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                          const BackOffice& bo);
http::Response InviteSubmit(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request, const BackOffice& bo);
http::Response UserPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                        const BackOffice& bo);
http::Response UserDisable(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request, const BackOffice& bo);
http::Response UserEnable(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request, const BackOffice& bo);
http::Response UserResetLink(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request, const BackOffice& bo);
// Public, not guarded (password_reset_pages.cpp, CSRF checked there): "I forgot my password"
// (the same answer whether or not the address has an account) and a reset link's page.
http::Response ForgotForm(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response ForgotSubmit(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request);
http::Response ResetForm(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response ResetSubmit(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
// --- back office: translations ---
// (translation_pages.cpp) A record's texts in one target locale (?locale=) beside their
// originals (GET, POST); the dashboard of missing and outdated texts per organisation; the
// export of pending translations as PO or XLIFF (?format=), and their import (GET, POST with a
// multipart file upload, all or nothing).
http::Response TranslationEditPage(const Site& site, const i18n::LocaleInfo& locale,
                                   http::Request& request, const BackOffice& bo);
http::Response TranslationsDashboard(const Site& site, const i18n::LocaleInfo& locale,
                                     http::Request& request, const BackOffice& bo);
http::Response TranslationsExport(const Site& site, const i18n::LocaleInfo& locale,
                                  http::Request& request, const BackOffice& bo);
http::Response TranslationsImport(const Site& site, const i18n::LocaleInfo& locale,
                                  http::Request& request, const BackOffice& bo);
// --- back office: reports and freshness ---
// The queue of public reports (moderation_pages.cpp): open ones oldest first, or closed ones.
http::Response ReportsQueue(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request, const BackOffice& bo);
// One report in full; POST closes it with a required note; .../reopen opens it again.
http::Response ReportShow(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request, const BackOffice& bo);
http::Response ReportClose(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request, const BackOffice& bo);
http::Response ReportReopen(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request, const BackOffice& bo);
// "Still true" (freshness_pages.cpp): sets today's assured date on a library (organisation
// and locations) or a service, then 303 to the form's local `next` path.
http::Response LibraryChecked(const Site& site, const i18n::LocaleInfo& locale,
                              http::Request& request, const BackOffice& bo);
http::Response ServiceChecked(const Site& site, const i18n::LocaleInfo& locale,
                              http::Request& request, const BackOffice& bo);
// Records not checked for ?months=N (default 12), oldest first.
http::Response FreshnessView(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request, const BackOffice& bo);
// --- events: pages ---
// A QR code of `url` as an SVG image (library_page.cpp); 404 if the URL is too long for one.
http::Response QrSvgResponse(const Site& site, const http::Request& request, const std::string& url);
// Upcoming events by day, filtered (event_pages.cpp); ?view=month&month=YYYY-MM is a month table.
http::Response EventsPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
// One event: its date (?on=YYYY-MM-DDTHH:MM, else the next), next dates, calendar, sharing.
http::Response EventPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response EventQrCode(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
// --- events: feeds ---
// iCalendar feeds (event_feed_pages.cpp): the filtered feed, one event's series or date.
http::Response EventsFeed(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response EventCalendar(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
// /{lang}/events.atom?<filter>: the newest events (Atom).
http::Response EventsAtom(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
// /{lang}/events/short-feed?<filter>: make or show the short feed address of a filter.
http::Response ShortFeedPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
// /f/{slug}.{lang}.ics: a library's events (or a saved filter's) in one language.
http::Response ShortFeed(const Site& site, http::Request& request);
// --- events: registration ---
// /{lang}/events/{id}/register[?on=…]: register for one date or the whole series, no account.
http::Response RegisterForm(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response RegisterSubmit(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
// /{lang}/registrations/{token}: the person's private page: see, change, cancel.
http::Response RegistrationPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response RegistrationUpdate(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response RegistrationCalendar(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);

// initiatives (issue 7): initiative_pages.cpp
http::Response InitiativesList(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response InitiativePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);

// guides for newcomers (issue 8): guide_pages.cpp (public), guide_edit_pages.cpp (back office)
http::Response GuidesList(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response GuidePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response GuideAudio(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response ManageGuides(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewGuide(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditGuide(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditGuideVideo(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response TranslateGuide(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);

// bookings (issue 6): resource_pages.cpp, booking_pages.cpp
http::Response ResourcesList(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response ResourcePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response BookDay(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response BookHold(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response BookDetails(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response BookCheck(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response BookingPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response BookingUpdate(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response BookingCalendar(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
// --- events: editing ---
// The library's events, create, edit the series, one date, this and following, cancel,
// duplicate, and the printable month programme.
http::Response LibraryEvents(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewEvent(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditEvent(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditEventDate(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response SplitEvent(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response CancelWholeEvent(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response DuplicateEventPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response LibraryProgramme(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
// --- events: registrations and attendance ---
// A library's dates with their registrations; one date's registrations and head counts.
http::Response LibraryRegistrations(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response OccurrenceRegistrations(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
// The front-desk phrasebook (issue 8): the list and search, "show the visitor" one phrase,
// a phrase's audio in one language (WAV), and the service worker for offline use.
http::Response PhrasebookPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response PhraseShowPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response PhraseAudio(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response PhrasebookWorker(const Site& site, http::Request& request);
// Diagnostics and strategy (issue 7).
http::Response LibraryDiagnosticsPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response ManageDiagnostics(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewDiagnosticActivity(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditDiagnosticActivity(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditDiagnosticReport(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewStrategyGoal(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditStrategyGoal(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewStrategyAction(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditStrategyAction(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
// Programme (issue 7): hackathons and ideas in the back office.
http::Response PartnershipsPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response ProgrammeDashboard(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewNews(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditNews(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
// The methodology library (web/method_pages.cpp).
http::Response PracticesList(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response PracticePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response PracticesAtom(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response ManagePractices(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewPractice(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response ManagePractice(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditPractice(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewPracticeImage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response RemovePracticeImage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response TranslatePractice(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response ReviewPractice(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response MethodsList(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response MethodPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response MethodVersionPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response ManageMethods(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewMethod(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditMethod(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewMethodVersion(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
// An initiative's gallery (web/gallery_pages.cpp).
http::Response NewGalleryImage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditGalleryImage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response MoveGalleryImage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response RemoveGalleryImage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewPartnership(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditPartnership(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewInitiative(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditInitiative(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response ManageInitiative(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewHackathon(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditHackathon(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewIdea(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditIdea(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response LibraryBookings(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response BookingAction(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response ResourceBlocks(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewResource(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditResource(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response DeskBook(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response BookingUsagePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response OccurrenceRegistrationAction(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response OccurrenceHeadCounts(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
// Participants by library, category, target group and month (?format=csv).
http::Response EventStatistics(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
// Training for library staff (issue 8): every signed-in account, its own progress.
http::Response TrainingList(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response TrainingModulePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response TrainingLessonPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response TrainingCertificate(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
// Training modules, lessons and questions: coordinators.
http::Response NewTrainingModule(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditTrainingModule(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewTrainingLesson(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditTrainingLesson(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response NewTrainingQuestion(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);
http::Response EditTrainingQuestion(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo);

// Outside the language prefix.
http::Response RootRedirect(const Site& site, http::Request& request);
http::Response LanguageRootRedirect(const Site& site, http::Request& request);
http::Response StaticAsset(const Site& site, http::Request& request);
http::Response AdminRedirect(const Site& site, http::Request& request);
http::Response Health(const Site& site, http::Request& request);
http::Response MetricsText(const Site& site, http::Request& request);

}  // namespace tilti::web

// --- HSDS API ---
// The HSDS 3.0 JSON API under /api/v1 (src/api does the work; these only parse and send).
// Errors are RFC 9457 problem JSON, never the HTML error page.
namespace tilti::web {
http::Response ApiRoot(const Site& site, http::Request& request);
// The profile document the root names (docs/hsds-profile.md, as text/markdown).
http::Response ApiProfile(const Site& site, http::Request& request);
http::Response ApiServices(const Site& site, http::Request& request);
http::Response ApiService(const Site& site, http::Request& request);
http::Response ApiOrganizations(const Site& site, http::Request& request);
http::Response ApiOrganization(const Site& site, http::Request& request);
http::Response ApiServiceAtLocations(const Site& site, http::Request& request);
http::Response ApiServiceAtLocation(const Site& site, http::Request& request);
http::Response ApiTaxonomies(const Site& site, http::Request& request);
http::Response ApiTaxonomy(const Site& site, http::Request& request);
http::Response ApiTaxonomyTerms(const Site& site, http::Request& request);
http::Response ApiTaxonomyTerm(const Site& site, http::Request& request);
// Any other path under /api/v1: 404 problem JSON.
http::Response ApiNotFound(const Site& site, http::Request& request);
}  // namespace tilti::web
