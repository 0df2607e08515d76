// "Report outdated information" about a library: a form anyone can send, without an account.
// GET shows the form, POST validates and queues the report (or shows the form again with what
// was typed and the problems), then redirects to a thank-you page.
#include <chrono>

#include "core/ids.h"
#include "directory/report.h"
#include "store/directory_queries.h"
#include "store/report_store.h"
#include "web/csrf.h"
#include "web/handlers.h"

namespace tilti::web {
namespace {

// Per address: 5 reports in 10 minutes; per library: 30 an hour (a flood from many places).
constexpr int64_t kPerAddressMax = 5, kPerAddressWindow = 600;
constexpr int64_t kPerLibraryMax = 30, kPerLibraryWindow = 3600;

std::string LibraryPath(const i18n::LocaleInfo& locale, std::string_view slug) {
  return "/" + locale.code + "/libraries/" + std::string(slug);
}

// The address is pseudonymised before it is stored as a rate-limit key.
std::string AddressKey(std::string_view address) {
  return "report:addr:" + Fnv1a64Hex(address);
}

// Renders the form: `input` is what was typed, `errors` the problems (none on first view).
http::Response RenderForm(const Site& site, const i18n::LocaleInfo& locale,
                          const http::Request& request, const directory::LibrarySummary& library,
                          const directory::ReportInput& input,
                          const std::vector<FieldError>& errors, int status) {
  CsrfToken token = CsrfTokenFor(request);
  Data page(Data::type::object);
  page.set("library_name", site.TextData(library.name, locale));
  page.set("library_href", LibraryPath(locale, library.slug));
  page.set("action", LibraryPath(locale, library.slug) + "/report");
  page.set("csrf", token.value);
  page.set("message", input.message);
  Data topics(Data::type::list);
  for (const std::string& code : directory::ReportTopics()) {
    Data t(Data::type::object);
    t.set("id", "topic-" + code);
    t.set("value", code);
    t.set("label", site.Tr(locale.code, "report.topic." + code));
    t.set("checked", code == input.topic);
    topics.push_back(t);
  }
  page.set("topics", topics);
  Data summary(Data::type::list);
  for (const FieldError& e : errors) {
    std::string text = site.Tr(locale.code, e.message_key);
    std::string anchor = e.field == "topic" ? "topic-" + directory::ReportTopics().front()
                                            : e.field;
    Data item(Data::type::object);
    item.set("text", text);
    item.set("href", "#" + anchor);
    summary.push_back(item);
    if (e.field == "topic" || e.field == "message") page.set(e.field + "_error", text);
  }
  page.set("errors", summary);
  page.set("has_errors", !errors.empty());
  std::string title = site.Tr(locale.code, "report.title");
  if (!errors.empty()) title = site.Tr(locale.code, "form.error_title", {{"title", title}});
  PageFrame frame{&locale, "libraries/" + library.slug + "/report", title, status};
  http::Response response = site.RenderPage(request, frame, "report", std::move(page));
  response.Set("Cache-Control", "no-store");
  if (token.is_new) {
    // RenderPage may have set the language cookie; a second Set-Cookie header is needed.
    response.headers.emplace_back(
        "Set-Cookie", CsrfCookie(token, site.options().public_url.starts_with("https://")));
  }
  return response;
}

std::optional<directory::LibrarySummary> FindLibrary(const Site& site,
                                                     const i18n::LocaleInfo& locale,
                                                     std::string_view slug) {
  auto found = store::LibrariesBySlugs(*site.db().Read(), site.Chain(locale), {std::string(slug)});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

}  // namespace

http::Response ReportForm(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request) {
  auto library = FindLibrary(site, locale, request.Param("slug"));
  if (!library) return site.ErrorPage(404, request);
  return RenderForm(site, locale, request, *library, {}, {}, 200);
}

http::Response ReportSubmit(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request) {
  auto library = FindLibrary(site, locale, request.Param("slug"));
  if (!library) return site.ErrorPage(404, request);
  directory::ReportInput input;
  std::string form_token;
  for (auto& [name, value] : http::ParseQuery(request.body)) {
    if (name == "topic") input.topic = value;
    if (name == "message") input.message = value;
    if (name == kCsrfField) form_token = value;
  }
  if (!CsrfOk(request, form_token, site.options().public_url)) {
    // Nothing is lost: the form comes back with what was typed and a fresh token.
    return RenderForm(site, locale, request, *library, input,
                      {{"message", "report.error.expired"}}, 400);
  }
  auto report = directory::ValidateReport(input);
  if (!report.ok()) {
    return RenderForm(site, locale, request, *library, input, report.error().fields, 400);
  }
  SysTime now = site.clock().Now();
  const int64_t unix_now = now.time_since_epoch().count();
  bool accepted = site.db().Write([&](store::Connection& c) {
    auto ref = store::LibraryRefBySlug(c, library->slug);
    if (!ref) return false;
    std::vector<store::RateLimit> limits = {
        {AddressKey(request.remote_address), kPerAddressWindow, kPerAddressMax},
        {"report:lib:" + ref->organization_id, kPerLibraryWindow, kPerLibraryMax}};
    if (!store::TakeRateLimits(c, limits, unix_now)) return false;
    store::InsertReport(c, RandomUuid(), *ref, report.value(), locale.code, FormatRfc3339(now));
    return true;
  });
  if (!accepted) {
    return RenderForm(site, locale, request, *library, input,
                      {{"message", "report.error.rate_limited"}}, 429);
  }
  http::Response r;
  r.status = 303;
  r.Set("Location", LibraryPath(locale, library->slug) + "/report/thanks");
  return r;
}

http::Response ReportThanks(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request) {
  auto library = FindLibrary(site, locale, request.Param("slug"));
  if (!library) return site.ErrorPage(404, request);
  Data page(Data::type::object);
  page.set("library_href", LibraryPath(locale, library->slug));
  page.set("library_name", site.TextData(library->name, locale));
  PageFrame frame{&locale, "libraries/" + library->slug + "/report/thanks",
                  site.Tr(locale.code, "report.thanks_title")};
  return site.RenderPage(request, frame, "report_thanks", std::move(page));
}

}  // namespace tilti::web
