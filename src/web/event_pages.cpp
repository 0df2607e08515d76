// The public events pages: /{lang}/events (list by day or ?view=month), /{lang}/events/{id}
// (one event; ?on=YYYY-MM-DDTHH:MM picks the date) and its QR code.
#include <chrono>

#include "core/riga_time.h"
#include "store/event_queries.h"
#include "store/search_queries.h"
#include "web/event_views.h"
#include "web/handlers.h"
#include "web/query_params.h"

namespace tilti::web {
namespace {

using namespace std::chrono;

// How far ahead the list looks when no end date is given, and how many dates it shows.
constexpr days kListDays{62};
constexpr size_t kListLimit = 150;
constexpr size_t kMonthLimit = 2000;

std::map<std::string, std::string, std::less<>> QueryMap(const http::Request& request) {
  std::map<std::string, std::string, std::less<>> m;
  for (auto& [k, v] : http::ParseQuery(request.query)) m.try_emplace(k, v);
  return m;
}

std::optional<year_month> ParseMonth(std::string_view s) {
  auto d = events::ParseDate(std::string(s) + "-01");
  if (!d) return std::nullopt;
  return d->year() / d->month();
}

std::string MonthParam(year_month m) {
  return events::FormatDate(m / day{1}).substr(0, 7);
}

}  // namespace

http::Response EventsPage(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request) {
  const SysTime now = site.clock().Now();
  auto params = QueryMap(request);
  std::vector<std::string> bad;
  events::EventFilter filter = events::FilterFromQuery(params, &bad);
  const std::string near = QueryParam(request, "near");
  const bool month_view = params.count("view") && params["view"] == "month";
  std::optional<year_month> month;
  if (month_view) {
    month = params.count("month") ? ParseMonth(params["month"]) : std::nullopt;
    if (params.count("month") && !month) bad.emplace_back("month");
    if (!month) month = RigaDate(now).year() / RigaDate(now).month();
  }
  // The answer depends on the query, the events, the directory and the minute (what
  // "upcoming" means). When the minute turns, one reader renders the new answer while the
  // others get the previous minute's (ResponseCache::GetOrStale).
  const std::string key = "events:" + locale.code + "?" + request.query;
  const int64_t version = CombinedVersion(
      {site.EventsVersion(), site.DirectoryVersion(),
       std::chrono::duration_cast<std::chrono::minutes>(now.time_since_epoch()).count()});
  if (auto hit = site.answers().GetOrStale(key, version)) {
    return site.HtmlResponse(request, locale, 200, hit->body);
  }
  auto db = site.db().Read();
  const LocaleChain chain = site.Chain(locale);
  Data page(Data::type::object);
  if (!near.empty() && !filter.latitude) {
    if (auto place = store::FindPlace(*db, chain, near)) {
      filter.latitude = place->latitude;
      filter.longitude = place->longitude;
      page.set("near_place", site.Tr(locale.code, "events.near_place", {{"place", place->name.text}}));
    } else {
      bad.emplace_back("near");
    }
  }
  SysTime from = now, to = now + kListDays;
  size_t limit = kListLimit;
  if (month) {
    const year_month_day first{*month / day{1}};
    from = FromRiga(first, minutes{0});
    to = FromRiga(year_month_day{sys_days{*month / last} + days{1}}, minutes{0});
    limit = kMonthLimit;
  } else {
    if (filter.from) from = std::max(now, FromRiga(*filter.from, minutes{0}));
    if (filter.to) to = FromRiga(AddDays(*filter.to, 1), minutes{0});
  }
  std::vector<store::OccurrenceItem> items =
      to > from ? store::ListOccurrences(*db, filter, from, to, chain, limit + 1)
                : std::vector<store::OccurrenceItem>{};
  const bool more = items.size() > limit;
  if (more) items.resize(limit);
  const std::string query = events::FilterToQuery(filter);
  const std::string base = "/" + locale.code + "/events";
  page.set("filters", EventFilterView(site, locale, filter, store::FilterChoices(*db, chain)));
  page.set("near", near);
  page.set("action", base);
  page.set("has_bad", !bad.empty());
  page.set("bad_note", site.Tr(locale.code, "events.bad_filters", {{"count", static_cast<int>(bad.size())}}));
  page.set("list_href", base + (query.empty() ? "" : "?" + query));
  page.set("ics_href", base + ".ics" + (query.empty() ? "" : "?" + query));
  page.set("atom_href", base + ".atom" + (query.empty() ? "" : "?" + query));
  const std::string feed_url = site.options().public_url + base + ".ics" + (query.empty() ? "" : "?" + query);
  page.set("feed_url", feed_url);
  const size_t scheme = feed_url.find("://");
  page.set("webcal_href", "webcal" + feed_url.substr(scheme == std::string::npos ? 0 : scheme));
  if (!filter.library.empty() && query == "library=" + filter.library) {
    page.set("short_feed", "/f/" + filter.library + "." + locale.code + ".ics");
  } else {
    // A subscription follows the calendar: no fixed dates, no one's position.
    events::EventFilter subscription = filter;
    subscription.from.reset();
    subscription.to.reset();
    subscription.latitude.reset();
    subscription.longitude.reset();
    const std::string sub_query = events::FilterToQuery(subscription);
    if (!sub_query.empty()) page.set("short_feed_page", base + "/short-feed?" + sub_query);
  }
  page.set("count", site.Tr(locale.code, "events.count", {{"count", static_cast<int>(items.size())}}));
  page.set("has_items", !items.empty());
  if (month) {
    page.set("month_view", true);
    page.set("month", MonthTableView(site, locale, *month, items, filter));
    const std::string q = query.empty() ? "" : "&" + query;
    const year_month prev = *month - months{1}, next = *month + months{1};
    page.set("prev_month_href", base + "?view=month&month=" + MonthParam(prev) + q);
    page.set("next_month_href", base + "?view=month&month=" + MonthParam(next) + q);
    page.set("prev_month", site.FormatterFor(locale.code).MonthYear(FromRiga(prev / day{1}, minutes{720})));
    page.set("next_month", site.FormatterFor(locale.code).MonthYear(FromRiga(next / day{1}, minutes{720})));
  } else {
    page.set("days", EventDaysView(site, locale, items, now));
    page.set("month_href", base + "?view=month" + (query.empty() ? "" : "&" + query));
    if (more) {
      events::EventFilter later = filter;
      later.from = events::ParseDate(items.back().local_date);
      page.set("more_href", base + "?" + events::FilterToQuery(later));
    }
  }
  PageFrame frame{&locale, "events" + (request.query.empty() ? "" : "?" + request.query),
                  site.Tr(locale.code, "events.title")};
  std::string body = site.RenderBody(frame, "events", std::move(page));
  site.answers().Put(key, version, {200, "text/html; charset=utf-8", body});
  return site.HtmlResponse(request, locale, 200, std::move(body));
}

http::Response EventPage(const Site& site, const i18n::LocaleInfo& locale,
                         http::Request& request) {
  const std::string id(request.Param("id"));
  const SysTime now = site.clock().Now();
  const LocaleChain chain = site.Chain(locale);
  const std::string on = QueryParam(request, "on", 20);
  auto db = site.db().Read();
  auto event = store::LoadEventDetail(*db, id, chain);
  if (!event) return site.ErrorPage(404, request);
  std::vector<store::OccurrenceItem> next = store::OccurrencesOfEvent(*db, id, now, chain, 12);
  std::optional<store::OccurrenceItem> selected;
  if (!on.empty()) {
    auto original = events::ParseLocalStart(on);
    if (original) selected = store::OccurrenceOf(*db, id, *original, chain);
    if (!selected) return site.ErrorPage(404, request);
  } else {
    for (const auto& o : next) {
      if (!o.cancelled) {
        selected = o;
        break;
      }
    }
    if (!selected && !next.empty()) selected = next.front();
  }
  PageFrame frame{&locale, "events/" + id + (on.empty() ? "" : "?on=" + on), event->title.text};
  return site.RenderPage(request, frame, "event", EventView(site, locale, *event, selected, next, now));
}

http::Response EventQrCode(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request) {
  const std::string id(request.Param("id"));
  if (!store::LoadEventDetail(*site.db().Read(), id, site.Chain(locale))) {
    return site.ErrorPage(404, request);
  }
  return QrSvgResponse(site, request, site.options().public_url + "/" + locale.code + "/events/" + id);
}

}  // namespace tilti::web
