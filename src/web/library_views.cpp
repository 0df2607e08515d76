#include "web/library_views.h"

#include <cstdio>

#include "core/riga_time.h"
#include "store/diagnostic_store.h"
#include "web/json_ld.h"
#include "web/share_links.h"

namespace tilti::web {
namespace {

std::string JoinTexts(const std::vector<LocalizedText>& texts) {
  std::string out;
  for (const auto& t : texts) {
    if (!out.empty()) out += ", ";
    out += t.text;
  }
  return out;
}



// A day's hours ("10:00–13:00, 14:00–18:00" or "Closed") and its note (the holiday's name,
// then the library's own words), as the week view and the dated days show them.
void SetDayText(const Site& site, const i18n::LocaleInfo& locale, const directory::DayHours& day,
                Data& d) {
  std::string text;
  for (const auto& range : day.periods) {
    if (!text.empty()) text += ", ";
    text += directory::FormatClockTime(range.opens_min) + "–" +
            directory::FormatClockTime(range.closes_min);
  }
  d.set("hours_text", day.closed ? site.Tr(locale.code, "hours.closed_day") : text);
  std::string note = day.holiday_key ? site.Tr(locale.code, *day.holiday_key) : "";
  if (day.note) note += (note.empty() ? "" : " – ") + *day.note;
  if (!note.empty()) d.set("note", note);
}

}  // namespace

// "tel:" wants the number without spaces; Latvian numbers in the seeds have no country code.
std::string TelHref(const std::string& number) {
  std::string digits;
  for (char c : number) {
    if ((c >= '0' && c <= '9') || c == '+') digits += c;
  }
  if (!digits.starts_with("+") && digits.size() == 8) digits = "+371" + digits;
  return "tel:" + digits;
}

// Only http(s) links are shown as links; anything else stays text (no javascript: URLs).
std::string SafeWebHref(const std::string& url) {
  if (url.starts_with("https://") || url.starts_with("http://")) return url;
  if (url.find(':') == std::string::npos) return "https://" + url;
  return "";
}

Data ShareData(const Site& site, const i18n::LocaleInfo& locale, const std::string& url,
               const std::string& title) {
  Data share(Data::type::list);
  for (const ShareLink& link : ShareLinks(url, title)) {
    Data d(Data::type::object);
    d.set("href", link.href);
    d.set("label", site.Tr(locale.code, "share." + link.service));
    share.push_back(d);
  }
  return share;
}

std::vector<std::string> AddressLines(const store::PostalAddress& a) {
  std::vector<std::string> lines;
  auto add = [&lines](std::string line) {
    if (!line.empty()) lines.push_back(std::move(line));
  };
  auto join = [](const std::string& x, std::string_view sep, const std::string& y) {
    return x.empty() ? y : y.empty() ? x : x + std::string(sep) + y;
  };
  add(a.address_1);
  if (a.address_2) add(*a.address_2);
  if (a.country == "US" || a.country == "CA" || a.country == "AU") {
    add(join(a.city, ", ", join(a.state_province, " ", a.postal_code)));
  } else if (a.country == "GB" || a.country == "IE") {
    add(a.city);
    add(a.postal_code);
  } else {
    add(join(a.postal_code, " ", a.city));
  }
  return lines;
}

Data DatedDaysView(const Site& site, const i18n::LocaleInfo& locale,
                   const std::vector<directory::DayHours>& days) {
  const i18n::Formatter& f = site.FormatterFor(locale.code);
  Data list(Data::type::list);
  for (const directory::DayHours& day : days) {
    Data d(Data::type::object);
    const SysTime noon = FromRiga(day.date, std::chrono::hours{12});
    d.set("date", f.Weekday(noon) + ", " + f.LongDate(noon));
    d.set("closed", day.closed);
    SetDayText(site, locale, day, d);
    list.push_back(d);
  }
  return list;
}

Data HoursView(const Site& site, const i18n::LocaleInfo& locale,
               const std::optional<directory::WeeklyHours>& hours, SysTime now) {
  Data view(Data::type::object);
  std::optional<directory::OpenStatus> status;
  if (hours) status = hours->StatusAt(now);
  directory::HoursMessage m = directory::DescribeStatus(status);
  i18n::Args args;
  if (m.time) args.emplace_back("time", *m.time);
  if (m.weekday) args.emplace_back("weekday", *m.weekday);
  if (m.date) {
    args.emplace_back("date", site.FormatterFor(locale.code).LongDate(FromRiga(*m.date, {})));
  }
  view.set("status", site.Tr(locale.code, m.key, args));
  Data week(Data::type::list);
  if (hours) {
    const i18n::Formatter& f = site.FormatterFor(locale.code);
    for (const directory::DayHours& day : hours->Week(now)) {
      Data d(Data::type::object);
      SysTime noon = FromRiga(day.date, std::chrono::hours{12});
      d.set("day", f.Weekday(noon) + ", " + f.ShortDate(noon));
      SetDayText(site, locale, day, d);
      d.set("is_today", day.is_today);
      week.push_back(d);
    }
  }
  view.set("week", week);
  view.set("has_week", hours.has_value());
  if (hours && !hours->time_zone().IsRiga()) {
    view.set("zone_note", site.Tr(locale.code, "hours.local_time_zone",
                                  {{"zone", std::string(hours->time_zone().id())}}));
  }
  return view;
}

Data LibraryView(const Site& site, const i18n::LocaleInfo& locale,
                 const directory::LibraryDetail& lib,
                 const std::vector<directory::DayHours>& dated_days, SysTime now,
                 const store::LibraryPlace& place) {
  Data page(Data::type::object);
  const std::string path = "/" + locale.code + "/libraries/" + lib.slug;
  const std::string url = site.options().public_url + path;
  page.set("share", ShareData(site, locale, url, lib.name.text));
  page.set("qr_href", path + "/qr.svg");
  page.set("report_href", path + "/report");
  page.set("ld_json", LibraryJsonLd(lib, url, place));
  if (place.address) {
    Data lines(Data::type::list);
    for (const std::string& line : AddressLines(*place.address)) {
      Data d(Data::type::object);
      d.set("text", line);
      d.set("first", lines.list_value().empty());
      lines.push_back(d);
    }
    page.set("has_address", !lines.list_value().empty());
    page.set("address_lines", lines);
  }
  if (lib.latitude && lib.longitude) {
    page.set("directions_href", DirectionsHref(*lib.latitude, *lib.longitude));
    page.set("directions_label",
             site.Tr(locale.code, lib.coordinates_approximate ? "library.directions_approximate"
                                                              : "library.directions"));
  }
  page.set("hours", HoursView(site, locale, lib.hours, now));
  page.set("has_dated_days", lib.hours.has_value() && !dated_days.empty());
  page.set("dated_days", DatedDaysView(site, locale, dated_days));
  page.set("name", site.TextData(lib.name, locale));
  if (!lib.description.empty()) page.set("description", site.TextData(lib.description, locale));
  if (!lib.town.empty()) page.set("town", site.TextData(lib.town, locale));
  if (!lib.municipality_name.empty()) {
    page.set("municipality", site.TextData(lib.municipality_name, locale));
  }
  if (lib.latitude && lib.longitude) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.5f, %.5f", *lib.latitude, *lib.longitude);
    page.set("has_coordinates", true);
    page.set("coordinates", std::string(buf));
    page.set("approximate", lib.coordinates_approximate);
  }
  Data phones(Data::type::list);
  for (const auto& p : lib.phones) {
    Data d(Data::type::object);
    d.set("number", p.number);
    d.set("tel_href", TelHref(p.number));
    phones.push_back(d);
  }
  page.set("phones", phones);
  bool has_contacts = !lib.phones.empty();
  if (lib.website && !SafeWebHref(*lib.website).empty()) {
    Data w(Data::type::object);
    w.set("href", SafeWebHref(*lib.website));
    w.set("label", *lib.website);
    page.set("website", w);
    has_contacts = true;
  }
  if (lib.email) {
    Data e(Data::type::object);
    e.set("href", "mailto:" + *lib.email);
    e.set("label", *lib.email);
    page.set("email", e);
    has_contacts = true;
  }
  page.set("has_contacts", has_contacts);
  Data services(Data::type::list);
  for (const auto& s : lib.services) {
    Data d(Data::type::object);
    d.set("name", site.TextData(s.name, locale));
    if (!s.at_location_id.empty()) {
      d.set("service_href", "/" + locale.code + "/services/" + s.at_location_id);
    }
    if (!s.description.empty()) d.set("description", site.TextData(s.description, locale));
    if (!s.audiences.empty()) d.set("audiences_text", JoinTexts(s.audiences));
    services.push_back(d);
  }
  page.set("services", services);
  page.set("has_services", !lib.services.empty());
  Data access(Data::type::list);
  for (const auto& feature : lib.accessibility) access.push_back(site.TextData(feature, locale));
  page.set("accessibility", access);
  page.set("has_accessibility", !lib.accessibility.empty());
  Data languages(Data::type::list);
  const i18n::Formatter& f = site.FormatterFor(locale.code);
  for (const auto& language : lib.languages) {
    const i18n::LocaleInfo* known = site.messages().Find(language.code);
    std::string text = known ? known->endonym : language.code;
    std::string days;
    for (int wd : language.weekdays) {
      // 2026-11-23 is a Monday: weekday wd is that date plus wd - 1 days.
      SysTime noon = FromRiga(2026, 11, 22 + wd, 12, 0);
      days += (days.empty() ? "" : ", ") + f.Weekday(noon);
    }
    if (!days.empty()) text += " (" + days + ")";
    languages.push_back(Data(text));
  }
  page.set("languages", languages);
  page.set("has_languages", !lib.languages.empty());
  Data initiatives(Data::type::list);
  for (const auto& i : lib.initiatives) {
    Data d(Data::type::object);
    d.set("name", site.TextData(i.name, locale));
    d.set("initiative_href", "/" + locale.code + "/initiatives/" + i.slug);
    initiatives.push_back(d);
  }
  page.set("initiatives", initiatives);
  page.set("has_initiatives", !lib.initiatives.empty());
  Data partners(Data::type::list);
  for (const auto& p : lib.partners) {
    Data d(Data::type::object);
    d.set("name", site.TextData(p.name, locale));
    d.set("role", site.Tr(locale.code, "library.partner_role." + p.role));
    partners.push_back(d);
  }
  page.set("partners", partners);
  page.set("has_partners", !lib.partners.empty());
  if (store::HasPublicDiagnostics(*site.db().Read(), lib.id)) page.set("diagnostics_href", path + "/diagnostics");
  std::string checked = lib.assured_date ? *lib.assured_date : lib.last_modified.substr(0, 10);
  page.set("last_checked", site.Tr(locale.code, lib.assured_date ? "library.last_checked"
                                                                 : "library.last_changed",
                                   {{"date", site.LongDate(locale.code, checked)}}));
  return page;
}

Data ServiceView(const Site& site, const i18n::LocaleInfo& locale,
                 const directory::ServiceAtLibrary& sal, SysTime now) {
  Data page(Data::type::object);
  const std::string path = "/" + locale.code + "/services/" + sal.id;
  const std::string library_path = "/" + locale.code + "/libraries/" + sal.library_slug;
  page.set("name", site.TextData(sal.service.name, locale));
  if (!sal.service.description.empty()) {
    page.set("description", site.TextData(sal.service.description, locale));
  }
  page.set("library_href", library_path);
  page.set("library_name", site.TextData(sal.library_name, locale));
  if (!sal.town.empty()) page.set("town", site.TextData(sal.town, locale));
  if (!sal.service.types.empty()) page.set("types_text", JoinTexts(sal.service.types));
  if (!sal.service.audiences.empty()) page.set("audiences_text", JoinTexts(sal.service.audiences));
  std::string languages;
  for (const std::string& code : sal.language_codes) {
    const i18n::LocaleInfo* known = site.messages().Find(code);
    if (!languages.empty()) languages += ", ";
    languages += known ? known->endonym : code;
  }
  if (!languages.empty()) page.set("languages_text", languages);
  page.set("hours", HoursView(site, locale, sal.hours, now));
  page.set("share", ShareData(site, locale, site.options().public_url + path,
                              sal.service.name.text));
  page.set("report_href", library_path + "/report");
  return page;
}

}  // namespace tilti::web
