#include "web/event_views.h"

#include <boost/json.hpp>
#include <cstdio>
#include <map>

#include "core/riga_time.h"
#include "core/time_zone.h"
#include "web/json_ld.h"
#include "web/library_views.h"
#include "web/share_links.h"

namespace tilti::web {
namespace {

using namespace std::chrono;

std::string TimeRange(const i18n::Formatter& f, const store::OccurrenceItem& o) {
  return f.Time(o.starts_at) + "–" + f.Time(o.ends_at);
}

}  // namespace

std::string WhenText(const i18n::Formatter& f, SysTime starts_at, SysTime ends_at) {
  return f.Weekday(starts_at) + ", " + f.LongDate(starts_at) + ", " + f.Time(starts_at) + "–" +
         f.Time(ends_at);
}

namespace {

// The languages as the reader's language names them ("latviešu, ukraiņu").
std::string LanguageList(const Site& site, std::string_view lang,
                         const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) out += (out.empty() ? "" : ", ") + site.LanguageNameIn(code, lang);
  return out;
}

Data ItemData(const Site& site, const i18n::LocaleInfo& locale, const store::OccurrenceItem& o) {
  const i18n::Formatter& f = site.FormatterFor(locale.code);
  Data d(Data::type::object);
  d.set("href", OccurrenceHref(locale.code, o));
  d.set("time", TimeRange(f, o));
  d.set("start_time", f.Time(o.starts_at));
  d.set("datetime", FormatRfc3339(o.starts_at));
  d.set("title", site.TextData(o.title, locale));
  d.set("library", site.TextData(o.library_name, locale));
  if (!o.town.empty()) d.set("town", site.TextData(o.town, locale));
  d.set("category", site.TextData(o.category, locale));
  d.set("online", o.online);
  d.set("interpreter", o.interpreter);
  d.set("registration", o.registration != events::RegistrationMode::kNone);
  d.set("sample", o.is_sample);
  d.set("cancelled", o.cancelled);
  if (o.cancelled && !o.cancel_reason.empty()) d.set("cancel_reason", o.cancel_reason);
  if (!o.languages.empty()) d.set("languages", LanguageList(site, locale.code, o.languages));
  if (o.distance_km) {
    d.set("distance", site.Tr(locale.code, "events.distance_km",
                              {{"km", f.Number(*o.distance_km, 1)}}));
  }
  return d;
}

// An ISO 8601 local date-time with its offset ("2026-12-04T16:00:00+02:00"), as schema.org
// wants event times.
std::string LocalIso(SysTime t) {
  const CivilDateTime c = ToRiga(t);
  const long offset = RigaUtcOffset(t).count() / 60;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00%c%02ld:%02ld", c.year, c.month,
                c.day, c.hour, c.minute, offset < 0 ? '-' : '+', std::labs(offset) / 60,
                std::labs(offset) % 60);
  return buf;
}

}  // namespace

std::string OccurrenceHref(std::string_view lang, const store::OccurrenceItem& o) {
  return "/" + std::string(lang) + "/events/" + o.event_id +
         "?on=" + events::FormatLocalStart(o.original);
}

Data EventDaysView(const Site& site, const i18n::LocaleInfo& locale,
                   const std::vector<store::OccurrenceItem>& items, SysTime now) {
  const i18n::Formatter& f = site.FormatterFor(locale.code);
  const std::string today = events::FormatDate(RigaDate(now));
  const std::string tomorrow = events::FormatDate(AddDays(RigaDate(now), 1));
  Data days(Data::type::list);
  Data current(Data::type::object);
  Data list(Data::type::list);
  std::string current_date;
  auto flush = [&] {
    if (current_date.empty()) return;
    current.set("events", list);
    days.push_back(current);
    current = Data(Data::type::object);
    list = Data(Data::type::list);
  };
  for (const auto& o : items) {
    if (o.local_date != current_date) {
      flush();
      current_date = o.local_date;
      const std::string long_date = f.Weekday(o.starts_at) + ", " + f.LongDate(o.starts_at);
      std::string heading = long_date;
      if (o.local_date == today) heading = site.Tr(locale.code, "events.today", {{"date", long_date}});
      if (o.local_date == tomorrow) {
        heading = site.Tr(locale.code, "events.tomorrow", {{"date", long_date}});
      }
      current.set("heading", heading);
      current.set("date", o.local_date);
    }
    list.push_back(ItemData(site, locale, o));
  }
  flush();
  return days;
}

Data MonthTableView(const Site& site, const i18n::LocaleInfo& locale, year_month month,
                    const std::vector<store::OccurrenceItem>& items,
                    const events::EventFilter& filter) {
  const i18n::Formatter& f = site.FormatterFor(locale.code);
  std::map<std::string, Data> by_date;
  std::map<std::string, int> hidden;  // dates over kMonthDayCap: how many more
  for (const auto& o : items) {
    auto [it, fresh] = by_date.try_emplace(o.local_date, Data::type::list);
    if (it->second.list_value().size() < kMonthDayCap) {
      it->second.push_back(ItemData(site, locale, o));
    } else {
      ++hidden[o.local_date];
    }
  }
  Data table(Data::type::object);
  const year_month_day first{month / day{1}};
  table.set("caption", f.MonthYear(FromRiga(first, minutes{12 * 60})));
  Data headers(Data::type::list);
  // 2026-11-23 is a Monday.
  for (int i = 0; i < 7; ++i) {
    Data h(Data::type::object);
    h.set("name", f.Weekday(FromRiga(AddDays(year_month_day{2026y, November, 23d}, i),
                                     minutes{12 * 60})));
    headers.push_back(h);
  }
  table.set("weekdays", headers);
  Data weeks(Data::type::list);
  year_month_day d = AddDays(first, 1 - IsoWeekday(first));
  const year_month_day last{month / std::chrono::last};
  while (d <= last) {
    Data week(Data::type::object);
    Data cells(Data::type::list);
    for (int i = 0; i < 7; ++i, d = AddDays(d, 1)) {
      Data cell(Data::type::object);
      const bool in_month = d.month() == month.month();
      cell.set("in_month", in_month);
      if (in_month) {
        cell.set("day", std::to_string(static_cast<unsigned>(d.day())));
        cell.set("date", events::FormatDate(d));
        if (auto it = by_date.find(events::FormatDate(d)); it != by_date.end()) {
          cell.set("events", it->second);
          cell.set("has_events", true);
        }
        if (auto more = hidden.find(events::FormatDate(d)); more != hidden.end()) {
          events::EventFilter day_filter = filter;
          day_filter.from = day_filter.to = d;
          cell.set("more_href", "/" + locale.code + "/events?" + events::FilterToQuery(day_filter));
          cell.set("more", site.Tr(locale.code, "events.more_on_day", {{"count", more->second}}));
        }
      }
      cells.push_back(cell);
    }
    week.set("days", cells);
    weeks.push_back(week);
  }
  table.set("weeks", weeks);
  return table;
}

Data EventFilterView(const Site& site, const i18n::LocaleInfo& locale,
                     const events::EventFilter& filter, const store::EventFilterChoices& c) {
  Data v(Data::type::object);
  auto options = [&](const std::vector<store::FilterChoice>& choices, const std::string& current) {
    Data list(Data::type::list);
    for (const auto& ch : choices) {
      Data o(Data::type::object);
      o.set("value", ch.code);
      o.set("label", ch.name.text);
      o.set("selected", ch.code == current);
      list.push_back(o);
    }
    return list;
  };
  v.set("libraries", options(c.libraries, filter.library));
  v.set("municipalities", options(c.municipalities, filter.municipality));
  v.set("categories", options(c.categories, filter.category));
  v.set("audiences", options(c.audiences, filter.audience));
  Data langs(Data::type::list);
  for (const auto& code : c.languages) {
    Data o(Data::type::object);
    o.set("value", code);
    o.set("label", site.LanguageNameIn(code, locale.code));
    o.set("selected", code == filter.language);
    langs.push_back(o);
  }
  v.set("languages", langs);
  v.set("interpreter", filter.interpreter);
  v.set("attendance_any", filter.attendance == events::Attendance::kAny);
  v.set("attendance_on_site", filter.attendance == events::Attendance::kOnSite);
  v.set("attendance_online", filter.attendance == events::Attendance::kOnline);
  v.set("from", filter.from ? events::FormatDate(*filter.from) : "");
  v.set("to", filter.to ? events::FormatDate(*filter.to) : "");
  return v;
}

std::string EventJsonLd(const store::EventDetail& e, const store::OccurrenceItem& date,
                        std::string_view url) {
  boost::json::object o;
  o["@context"] = "https://schema.org";
  o["@type"] = "Event";
  o["url"] = std::string(url);
  o["name"] = date.title.text;
  if (!e.description.empty()) o["description"] = e.description.text;
  o["startDate"] = LocalIso(date.starts_at);
  o["endDate"] = LocalIso(date.ends_at);
  o["eventStatus"] = date.cancelled ? "https://schema.org/EventCancelled"
                                    : "https://schema.org/EventScheduled";
  const bool online = e.online_url.has_value(), on_site = e.location_id.has_value();
  o["eventAttendanceMode"] = online && on_site ? "https://schema.org/MixedEventAttendanceMode"
                             : online          ? "https://schema.org/OnlineEventAttendanceMode"
                                               : "https://schema.org/OfflineEventAttendanceMode";
  boost::json::array locations;
  if (on_site) {
    boost::json::object place{{"@type", "Place"}, {"name", e.library_name.text}};
    if (!e.address.empty()) {
      place["address"] = boost::json::object{{"@type", "PostalAddress"},
                                             {"streetAddress", e.address},
                                             {"addressCountry", "LV"}};
    }
    if (e.latitude && e.longitude) {
      place["geo"] = boost::json::object{
          {"@type", "GeoCoordinates"}, {"latitude", *e.latitude}, {"longitude", *e.longitude}};
    }
    locations.push_back(std::move(place));
  }
  if (online) {
    locations.push_back(boost::json::object{{"@type", "VirtualLocation"}, {"url", *e.online_url}});
  }
  o["location"] = locations.size() == 1 ? locations.front() : boost::json::value(locations);
  o["organizer"] = boost::json::object{{"@type", "Organization"}, {"name", e.library_name.text}};
  if (!e.spoken_languages.empty()) {
    boost::json::array langs;
    for (const auto& l : e.spoken_languages) langs.emplace_back(l);
    o["inLanguage"] = langs.size() == 1 ? langs.front() : boost::json::value(langs);
  }
  if (e.capacity) o["maximumAttendeeCapacity"] = *e.capacity;
  return ScriptSafeJson(boost::json::serialize(o));
}

Data EventView(const Site& site, const i18n::LocaleInfo& locale, const store::EventDetail& e,
               const std::optional<store::OccurrenceItem>& selected,
               const std::vector<store::OccurrenceItem>& next_dates, SysTime now) {
  const i18n::Formatter& f = site.FormatterFor(locale.code);
  const std::string lang = locale.code;
  const std::string base = "/" + lang + "/events/" + e.id;
  Data page(Data::type::object);
  page.set("title", site.TextData(e.title, locale));
  page.set("events_href", "/" + lang + "/events");
  page.set("sample", e.is_sample);
  if (!e.description.empty()) page.set("description", site.TextData(e.description, locale));
  if (!e.accessibility_note.empty()) {
    page.set("accessibility_note", site.TextData(e.accessibility_note, locale));
  }
  page.set("category", site.TextData(e.category, locale));
  page.set("category_href", "/" + lang + "/events?category=" + e.category_code);
  page.set("library", site.TextData(e.library_name, locale));
  page.set("library_href", "/" + lang + "/libraries/" + e.library_slug);
  page.set("library_events_href", "/" + lang + "/events?library=" + e.library_slug);
  if (e.location_id) {
    page.set("on_site", true);
    if (!e.location_name.empty()) page.set("location_name", site.TextData(e.location_name, locale));
    if (!e.address.empty()) page.set("address", e.address);
    if (e.latitude && e.longitude) page.set("directions_href", DirectionsHref(*e.latitude, *e.longitude));
  }
  if (e.online_url && (e.online_url->starts_with("https://") || e.online_url->starts_with("http://"))) {
    page.set("online_url", *e.online_url);
  }
  Data audiences(Data::type::list);
  for (const auto& a : e.audiences) audiences.push_back(site.TextData(a, locale));
  page.set("audiences", audiences);
  page.set("has_audiences", !e.audiences.empty());
  if (!e.spoken_languages.empty()) page.set("languages", LanguageList(site, lang, e.spoken_languages));
  if (!e.interpreted_languages.empty()) {
    page.set("interpreter", LanguageList(site, lang, e.interpreted_languages));
  }
  if (e.age_min || e.age_max) {
    const std::string key = e.age_min && e.age_max ? "events.age_range"
                            : e.age_min            ? "events.age_from"
                                                   : "events.age_to";
    page.set("ages", site.Tr(lang, key, {{"min", e.age_min.value_or(0)}, {"max", e.age_max.value_or(0)}}));
  }
  if (e.cancelled) {
    page.set("event_cancelled", true);
    if (!e.cancel_reason.empty()) page.set("event_cancel_reason", e.cancel_reason);
  }
  page.set("series", !e.series.rrule.empty());
  const std::string url = site.options().public_url + base;
  if (selected) {
    const store::OccurrenceItem& o = *selected;
    const std::string on = events::FormatLocalStart(o.original);
    page.set("when", WhenText(f, o.starts_at, o.ends_at));
    page.set("when_datetime", FormatRfc3339(o.starts_at));
    page.set("date_cancelled", o.cancelled);
    if (o.cancelled && !o.cancel_reason.empty()) page.set("date_cancel_reason", o.cancel_reason);
    page.set("past", o.ends_at <= now);
    page.set("ics_date_href", base + "/calendar.ics?on=" + on);
    const bool open = !o.cancelled && o.starts_at > now &&
                      e.registration != events::RegistrationMode::kNone;
    if (open) {
      page.set("register_href", base + "/register?on=" + on);
      if (!e.series.rrule.empty()) page.set("register_series_href", base + "/register");
      page.set("approval", e.registration == events::RegistrationMode::kApproval);
      if (o.capacity) {
        const int left = std::max(0, *o.capacity - o.confirmed);
        page.set("places", left > 0 ? site.Tr(lang, "events.places_left", {{"count", left}})
                                    : site.Tr(lang, "events.full_waitlist"));
      }
    } else if (e.registration == events::RegistrationMode::kNone) {
      page.set("no_registration", true);
    }
    page.set("ld_json", EventJsonLd(e, o, url + "?on=" + on));
    page.set("has_share", true);
    page.set("share", ShareData(site, locale, url + "?on=" + on,
                                e.title.text + " – " + f.LongDate(o.starts_at)));
  } else {
    page.set("no_dates", true);
  }
  page.set("ics_series_href", base + "/calendar.ics");
  page.set("qr_href", base + "/qr.svg");
  Data dates(Data::type::list);
  for (const auto& o : next_dates) {
    Data d = ItemData(site, locale, o);
    d.set("when", WhenText(f, o.starts_at, o.ends_at));
    d.set("current", selected && selected->occurrence_id == o.occurrence_id);
    dates.push_back(d);
  }
  page.set("dates", dates);
  page.set("has_dates", !next_dates.empty());
  return page;
}

events::CalendarEvent CalendarEventOf(const Site& site, const i18n::LocaleInfo& locale,
                                      const store::EventRecord& record,
                                      const store::EventDetail& detail,
                                      std::vector<events::SeriesException> exceptions) {
  events::CalendarEvent c;
  c.uid = record.id + "@tilti";
  c.dtstamp = record.last_modified;
  c.sequence = record.sequence;
  c.summary = detail.title.text;
  c.description = detail.description.text;
  if (detail.cancelled && !detail.cancel_reason.empty()) {
    c.description = detail.cancel_reason + (c.description.empty() ? "" : "\n\n" + c.description);
  }
  std::string location = detail.location_id ? detail.library_name.text : "";
  if (!detail.address.empty()) location += ", " + detail.address;
  if (detail.online_url) location += (location.empty() ? "" : " / ") + *detail.online_url;
  c.location = location;
  c.latitude = detail.latitude;
  c.longitude = detail.longitude;
  c.url = site.options().public_url + "/" + locale.code + "/events/" + record.id;
  c.categories = detail.category.text;
  c.series = record.series;
  c.cancelled = record.status == events::EventStatus::kCancelled;
  c.exceptions = std::move(exceptions);
  return c;
}

void NarrowToDate(events::CalendarEvent& c, std::string_view on, SysTime starts_at,
                  SysTime ends_at, bool cancelled) {
  const CivilDateTime wall = ToRiga(starts_at);
  c.uid.insert(c.uid.find('@'), "-" + std::string(on));
  c.series.first = events::LocalStart{DateOf(wall), minutes{wall.hour * 60 + wall.minute}};
  c.series.duration_minutes = static_cast<int>(duration_cast<minutes>(ends_at - starts_at).count());
  c.series.rrule.clear();
  c.exceptions.clear();
  c.cancelled = c.cancelled || cancelled;
  c.url += "?on=" + std::string(on);
}

}  // namespace tilti::web
