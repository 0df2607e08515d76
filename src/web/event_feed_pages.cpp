// Calendar feeds (QUALITY C1–C4): /{lang}/events.ics?<filter> (what the list shows, 1 month
// back to 18 months ahead), the short per-library feed /f/{slug}.{lang}.ics, and one event's
// series or one date at /{lang}/events/{id}/calendar.ics[?on=...]. Texts in the feed's language
// with the usual fallbacks; UIDs are the event's id, the same in every language.
#include <algorithm>
#include <chrono>
#include <functional>

#include "core/riga_time.h"
#include "events/icalendar.h"
#include "exchange/atom.h"
#include "store/directory_queries.h"
#include "store/event_queries.h"
#include "store/event_store.h"
#include "web/csrf.h"
#include "web/event_views.h"
#include "web/handlers.h"
#include "web/query_params.h"

namespace tilti::web {
namespace {

using namespace std::chrono;

constexpr size_t kFeedEvents = 2000;
constexpr size_t kAtomEntries = 50;

http::Response Calendar(std::string body, std::string filename) {
  http::Response r;
  r.Set("Content-Type", "text/calendar; charset=utf-8");
  r.Set("Content-Disposition", "inline; filename=\"" + filename + "\"");
  r.Set("Cache-Control", "public, max-age=300");
  r.Set("X-Content-Type-Options", "nosniff");
  r.body = std::move(body);
  return r;
}

// The feed of every event matching `filter`, cached per query and event version; `name` (the
// calendar's name) is only worked out when the feed is not in the cache.
http::Response FilteredFeed(const Site& site, const i18n::LocaleInfo& locale,
                            const events::EventFilter& filter,
                            const std::function<std::string(store::Connection&)>& name,
                            const std::string& filename) {
  const std::string key = "ics:" + locale.code + ":" + events::FilterToQuery(filter);
  const int64_t version = site.EventsVersion();
  if (auto hit = site.answers().Get(key, version)) return Calendar(hit->body, filename);
  auto db = site.db().Read();
  const SysTime now = site.clock().Now();
  const LocaleChain chain = site.Chain(locale);
  std::vector<events::CalendarEvent> out;
  for (const std::string& id :
       store::EventIdsMatching(*db, filter, now - days{31}, now + days{31 * 19}, kFeedEvents)) {
    auto record = store::LoadEvent(*db, id);
    auto detail = store::LoadEventDetail(*db, id, chain);
    if (!record || !detail) continue;
    out.push_back(CalendarEventOf(site, locale, *record, *detail, store::LoadExceptions(*db, id)));
  }
  std::string body = events::WriteCalendar(name(*db), out);
  site.answers().Put(key, version, {200, "text/calendar; charset=utf-8", body});
  return Calendar(std::move(body), filename);
}

}  // namespace

http::Response EventsAtom(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request) {
  std::map<std::string, std::string, std::less<>> params;
  for (auto& [k, v] : http::ParseQuery(request.query)) params.try_emplace(k, v);
  const events::EventFilter filter = events::FilterFromQuery(params);
  const std::string query = events::FilterToQuery(filter);
  const std::string key = "atom:" + locale.code + ":" + query;
  const int64_t version = site.EventsVersion();
  auto respond = [](std::string body) {
    http::Response r;
    r.Set("Content-Type", "application/atom+xml; charset=utf-8");
    r.Set("Cache-Control", "public, max-age=300");
    r.Set("X-Content-Type-Options", "nosniff");
    r.body = std::move(body);
    return r;
  };
  if (auto hit = site.answers().Get(key, version)) return respond(hit->body);
  auto db = site.db().Read();
  const SysTime now = site.clock().Now();
  const LocaleChain chain = site.Chain(locale);
  const i18n::Formatter& f = site.FormatterFor(locale.code);
  const std::string base = site.options().public_url + "/" + locale.code + "/events";
  // The newest events that still have a date ahead (or in the last month).
  std::vector<store::EventRecord> records;
  for (const std::string& id :
       store::EventIdsMatching(*db, filter, now - days{31}, now + days{31 * 19}, kFeedEvents)) {
    if (auto r = store::LoadEvent(*db, id)) records.push_back(std::move(*r));
  }
  std::sort(records.begin(), records.end(),
            [](const auto& a, const auto& b) { return a.created > b.created; });
  if (records.size() > kAtomEntries) records.resize(kAtomEntries);
  exchange::AtomFeed feed;
  feed.title = site.Tr(locale.code, "events.atom_title");
  feed.lang = locale.code;
  feed.self = base + ".atom" + (query.empty() ? "" : "?" + query);
  feed.id = feed.self;
  feed.alternate = base + (query.empty() ? "" : "?" + query);
  for (const auto& r : records) {
    auto detail = store::LoadEventDetail(*db, r.id, chain);
    if (!detail) continue;
    exchange::AtomEntry e;
    e.id = "urn:uuid:" + r.id;
    e.title = detail->title.text;
    e.link = base + "/" + r.id;
    e.category = detail->category_code;
    e.published = r.created;
    e.updated = r.last_modified;
    auto next = store::OccurrencesOfEvent(*db, r.id, now, chain, 1);
    if (!next.empty()) {
      e.summary = WhenText(f, next.front().starts_at, next.front().ends_at) + ". ";
    }
    if (detail->cancelled) e.summary += site.Tr(locale.code, "events.event_cancelled") + " ";
    e.summary += detail->description.text;
    feed.updated = std::max(feed.updated, e.updated);
    feed.entries.push_back(std::move(e));
  }
  std::string body = exchange::WriteAtom(feed);
  site.answers().Put(key, version, {200, "application/atom+xml; charset=utf-8", body});
  return respond(std::move(body));
}

http::Response EventsFeed(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request) {
  std::map<std::string, std::string, std::less<>> params;
  for (auto& [k, v] : http::ParseQuery(request.query)) params.try_emplace(k, v);
  const events::EventFilter filter = events::FilterFromQuery(params);
  const std::string name = site.Tr(locale.code, "events.title");
  return FilteredFeed(site, locale, filter, [&](store::Connection&) { return name; },
                      "tilti-events." + locale.code + ".ics");
}

http::Response ShortFeed(const Site& site, http::Request& request) {
  // {slug}.{lang}.ics
  const std::string file(request.Param("file"));
  if (!file.ends_with(".ics")) return site.ErrorPage(404, request);
  const std::string stem = file.substr(0, file.size() - 4);
  const size_t dot = stem.rfind('.');
  if (dot == std::string::npos || dot == 0) return site.ErrorPage(404, request);
  const std::string slug = stem.substr(0, dot), lang = stem.substr(dot + 1);
  const i18n::LocaleInfo* locale = nullptr;
  for (const auto& l : site.messages().Locales()) {
    if (l.code == lang) locale = &l;
  }
  if (locale == nullptr) return site.ErrorPage(404, request);
  const LocaleChain chain = site.Chain(*locale);
  // A saved filter ("feed-…"), named like the events page.
  if (auto saved = store::SavedFeedQuery(*site.db().Read(), slug)) {
    std::map<std::string, std::string, std::less<>> params;
    for (auto& [k, v] : http::ParseQuery(*saved)) params.try_emplace(k, v);
    const std::string name = site.Tr(locale->code, "events.title");
    return FilteredFeed(site, *locale, events::FilterFromQuery(params),
                        [&](store::Connection&) { return name; }, file);
  }
  // Any library has a feed, also before its first event: people subscribe ahead.
  if (!store::LibraryExists(*site.db().Read(), slug)) return site.ErrorPage(404, request);
  events::EventFilter filter;
  filter.library = slug;
  return FilteredFeed(
      site, *locale, filter,
      [&](store::Connection& c) {
        auto library = store::LibraryBySlug(c, chain, slug, RigaDate(site.clock().Now()));
        return library ? library->name.text : slug;
      },
      file);
}

// /{lang}/events/short-feed?<filter>: a short, stable feed address for the filter. GET shows
// it when it exists, else offers to make it (a POST with the form token); nothing is written
// on GET.
http::Response ShortFeedPage(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request) {
  // GET: the filter in the query string; POST: in the form's field q, beside its token.
  std::string filter_query = request.query, form_token;
  if (request.method == "POST") {
    filter_query.clear();
    for (auto& [k, v] : http::ParseQuery(request.body)) {
      if (k == "q") filter_query = v;
      if (k == kCsrfField) form_token = v;
    }
  }
  std::map<std::string, std::string, std::less<>> params;
  for (auto& [k, v] : http::ParseQuery(filter_query)) params.try_emplace(k, v);
  events::EventFilter filter = events::FilterFromQuery(params);
  // A subscription follows the calendar: no fixed dates, no one's position.
  filter.from.reset();
  filter.to.reset();
  filter.latitude.reset();
  filter.longitude.reset();
  const std::string query = events::FilterToQuery(filter);
  const std::string self = "/" + locale.code + "/events/short-feed?" + query;
  CsrfToken token = CsrfTokenFor(request);
  if (request.method == "POST") {
    if (!CsrfOk(request, form_token, site.options().public_url)) {
      return site.ErrorPage(400, request);
    }
    site.db().Write([&](store::Connection& c) { store::SaveFeed(c, query, site.clock().Now()); });
    http::Response r;
    r.status = 303;
    r.Set("Location", self);
    return r;
  }
  Data page(Data::type::object);
  page.set("events_href", "/" + locale.code + "/events" + (query.empty() ? "" : "?" + query));
  page.set("action", "/" + locale.code + "/events/short-feed");
  page.set("query", query);
  page.set("csrf", token.value);
  if (auto slug = store::FeedSlugOfQuery(*site.db().Read(), query)) {
    const std::string url = site.options().public_url + "/f/" + *slug + "." + locale.code + ".ics";
    page.set("short_url", url);
    const size_t scheme = url.find("://");
    page.set("webcal_href", "webcal" + url.substr(scheme));
  }
  PageFrame frame{&locale, "events/short-feed?" + query, site.Tr(locale.code, "events.short_title")};
  http::Response response = site.RenderPage(request, frame, "short_feed", std::move(page));
  response.Set("Cache-Control", "no-store");
  if (token.is_new) {
    response.headers.emplace_back("Set-Cookie", CsrfCookie(token, site.options().public_url.starts_with("https://")));
  }
  return response;
}

http::Response EventCalendar(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request) {
  const std::string id(request.Param("id"));
  const std::string on = QueryParam(request, "on", 20);
  auto db = site.db().Read();
  auto record = store::LoadEvent(*db, id);
  auto detail = store::LoadEventDetail(*db, id, site.Chain(locale));
  if (!record || !detail) return site.ErrorPage(404, request);
  events::CalendarEvent c = CalendarEventOf(site, locale, *record, *detail, store::LoadExceptions(*db, id));
  if (!on.empty()) {
    auto original = events::ParseLocalStart(on);
    auto date = original ? store::OccurrenceOf(*db, id, *original, site.Chain(locale)) : std::nullopt;
    if (!date) return site.ErrorPage(404, request);
    NarrowToDate(c, on, date->starts_at, date->ends_at, date->cancelled);
  }
  return Calendar(events::WriteCalendar(detail->title.text, {c}),
                  "event-" + id.substr(0, 8) + ".ics");
}

}  // namespace tilti::web
