// One library's public page: /{lang}/libraries/{slug}
#include "core/riga_time.h"
#include "store/directory_queries.h"
#include "store/event_queries.h"
#include "store/hours_queries.h"
#include "store/booking_store.h"
#include "web/event_views.h"
#include "web/handlers.h"
#include "web/library_views.h"
#include "web/qr_svg.h"
#include "web/resource_views.h"

namespace tilti::web {

http::Response LibraryPage(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request) {
  std::string slug(request.Param("slug"));
  SysTime now = site.clock().Now();
  // The page depends on the library and its hours (the directory's version), its upcoming
  // events (the events' version), the minute (open now, today, what "upcoming" means) and a
  // few things no version covers (its bookable places, a published diagnostic report, places
  // left): a change to those shows at once when this node made it (its count of commits is
  // part of the version) and within a minute when another node did. When the minute turns,
  // one reader renders the new page while the others get the previous one
  // (ResponseCache::GetOrStale). The body holds nothing personal (the layout adds that per
  // request), so one rendering serves every reader.
  const std::string key = "library:" + locale.code + ":" + slug + "?" + request.query;
  const int64_t version = CombinedVersion(
      {site.EventsVersion(), site.DirectoryVersion(),
       std::chrono::duration_cast<std::chrono::minutes>(now.time_since_epoch()).count(),
       static_cast<int64_t>(site.db().Commits())});
  if (auto hit = site.answers().GetOrStale(key, version)) {
    return site.HtmlResponse(request, locale, hit->status, hit->body);
  }
  const auto today = RigaDate(now);
  std::optional<directory::LibraryDetail> library;
  std::vector<directory::DayHours> dated_days;
  std::vector<store::OccurrenceItem> upcoming;
  store::LibraryPlace place;
  std::vector<store::ResourceView> resources;
  {
    auto db = site.db().Read();
    library = store::LibraryBySlug(*db, site.Chain(locale), slug, today);
    if (library) {
      // The week view shows the library's today and the 6 days after it (its own date: in
      // Chicago it may still be yesterday); the list starts where the week ends.
      const auto local_today = library->hours ? library->hours->time_zone().LocalDate(now) : today;
      dated_days = store::DatedDaysOfLocation(*db, library->location_id,
                                              AddDays(local_today, 7),
                                              AddDays(local_today, kDatedDaysAhead));
      place = store::PlaceOfLibrary(*db, library->id, library->location_id);
      upcoming = store::UpcomingAtLibrary(*db, slug, now, site.Chain(locale), 5);
      resources = store::ResourcesOfLibrary(*db, slug, site.Chain(locale));
    }
  }
  if (!library) {
    site.answers().Drop(key);  // gone: no reader may get its previous page (GetOrStale)
    return site.ErrorPage(404, request);
  }
  PageFrame frame{&locale, "libraries/" + slug, library->name.text};
  Data page = LibraryView(site, locale, *library, dated_days, now, place);
  page.set("event_days", EventDaysView(site, locale, upcoming, now));
  page.set("has_events", !upcoming.empty());
  page.set("events_href", "/" + locale.code + "/events?library=" + slug);
  Data bookable(Data::type::list);
  for (const auto& r : resources) bookable.push_back(ResourceSummaryView(site, locale, r));
  page.set("resources", bookable);
  page.set("has_resources", !resources.empty());
  std::string body = site.RenderBody(frame, "library", std::move(page));
  site.answers().Put(key, version, {frame.status, "text/html; charset=utf-8", body});
  return site.HtmlResponse(request, locale, frame.status, std::move(body));
}

http::Response ServicePage(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request) {
  std::string id(request.Param("id"));
  SysTime now = site.clock().Now();
  auto service =
      store::ServiceAtLibraryById(*site.db().Read(), site.Chain(locale), id, RigaDate(now));
  if (!service) return site.ErrorPage(404, request);
  PageFrame frame{&locale, "services/" + id, service->service.name.text};
  return site.RenderPage(request, frame, "service", ServiceView(site, locale, *service, now));
}

http::Response LibraryQrCode(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request) {
  std::string slug(request.Param("slug"));
  if (!store::LibraryExists(*site.db().Read(), slug)) return site.ErrorPage(404, request);
  return QrSvgResponse(site, request, site.options().public_url + "/" + locale.code + "/libraries/" + slug);
}

http::Response QrSvgResponse(const Site& site, const http::Request& request,
                            const std::string& url) {
  auto svg = QrSvg(url);
  if (!svg) return site.ErrorPage(404, request);
  http::Response r;
  r.Set("Content-Type", "image/svg+xml");
  r.Set("Cache-Control", "public, max-age=86400");
  r.Set("Content-Security-Policy", "default-src 'none'");
  r.Set("X-Content-Type-Options", "nosniff");
  r.body = std::move(*svg);
  return r;
}

}  // namespace tilti::web
