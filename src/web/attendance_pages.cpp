// The librarians' side of registrations and attendance, and the participation statistics:
//   /{lang}/manage/libraries/{slug}/registrations   a library's dates with their registrations
//   /{lang}/manage/occurrences/{id}                 one date: who registered (approve, decline,
//                                                   came or not) and head counts by target group
//   /{lang}/manage/statistics[?from=&to=&format=csv] participants by library, category, target
//                                                   group and month; groups under 5 never shown
// Registrations hold personal data: only those who may take registrations for the library see
// them (the guard checks Action::kTakeRegistrations on the occurrence's organisation).
#include <chrono>
#include <functional>
#include <map>

#include "core/csv.h"
#include "core/riga_time.h"
#include "events/statistics.h"
#include "store/attendance_store.h"
#include "store/event_queries.h"
#include "store/booking_store.h"
#include "store/registration_store.h"
#include "web/back_office.h"
#include "web/event_views.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/statistics_tables.h"
#include "web/person_form.h"
#include "web/query_params.h"

namespace tilti::web {
namespace {

using namespace std::chrono;
using events::PlaceStatus;

constexpr days kListBack{14};
constexpr days kListAhead{62};
constexpr size_t kListLimit = 300;

std::string OccurrencePath(const i18n::LocaleInfo& locale, std::string_view id) {
  return ManagePath(locale, "/occurrences/" + std::string(id));
}

std::string StatusText(const Site& site, std::string_view lang,
                       const store::OccurrenceRegistration& r) {
  if (r.status == PlaceStatus::kWaitlisted) {
    return site.Tr(lang, "registration.status.waitlisted", {{"position", r.waitlist_position}});
  }
  if (r.status == PlaceStatus::kConfirmed) {
    return site.Tr(lang, "registration.status.confirmed", {{"count", r.party_size}});
  }
  return site.Tr(lang, "registration.status." + std::string(events::PlaceStatusName(r.status)));
}

// The occurrence page: `typed` and `errors` belong to the head-count form.
http::Response RenderOccurrence(const Site& site, const i18n::LocaleInfo& locale,
                                const http::Request& request, const BackOffice& bo,
                                const std::map<std::string, std::string>& typed,
                                const std::vector<std::pair<std::string, std::string>>& errors) {
  const std::string& lang = locale.code;
  const std::string id(request.Param("id"));
  auto db = site.db().Read();
  const LocaleChain chain = site.Chain(locale);
  auto o = store::OccurrenceById(*db, id, chain);
  if (!o) return site.ErrorPage(404, request);
  const i18n::Formatter& f = site.FormatterFor(lang);
  const std::string self = OccurrencePath(locale, id);

  FormView form(site, locale, o->title.text, self + "/head-counts");
  form.Section(site.Tr(lang, "attendance.head_counts"), site.Tr(lang, "attendance.head_counts_hint"));
  const auto recorded = store::HeadCounts(*db, id);
  auto field = [&](const std::string& key, std::string label) {
    FormField fd;
    fd.kind = FormField::Kind::kNumber;
    fd.name = "count-" + key;
    fd.label = std::move(label);
    fd.optional = true;
    fd.width = "short";
    fd.inputmode = "numeric";
    fd.min = "0";
    auto t = typed.find(fd.name);
    auto r = recorded.find(key);
    fd.value = t != typed.end() ? t->second : r != recorded.end() ? std::to_string(r->second) : "";
    form.Add(std::move(fd));
  };
  for (const auto& g : store::TargetGroups(*db, chain)) field(g.id, g.name.text);
  field(std::string(store::kUnspecifiedGroup), site.Tr(lang, "attendance.unspecified"));
  for (const auto& [name, text] : errors) form.Error(name, text);
  form.Submit(site.Tr(lang, "attendance.save_counts"));

  Data page = form.Data();
  page.set("when", WhenText(f, o->starts_at, o->ends_at));
  page.set("public_href", OccurrenceHref(lang, *o));
  page.set("library_href", ManagePath(locale, "/libraries/" + o->library_slug + "/registrations"));
  page.set("library", site.TextData(o->library_name, locale));
  if (o->cancelled) page.set("cancelled", true);
  if (o->capacity) {
    page.set("places", site.Tr(lang, "attendance.places", {{"confirmed", o->confirmed}, {"capacity", *o->capacity}}));
  }
  Data rows(Data::type::list);
  const auto registrations = store::RegistrationsOf(*db, id);
  for (const auto& r : registrations) {
    Data d(Data::type::object);
    d.set("registration_id", r.registration_id);
    d.set("name", r.name);
    d.set("contact", r.contact);
    d.set("party", std::to_string(r.party_size));
    d.set("language", site.LanguageNameIn(r.language, lang));
    d.set("needs", NeedsText(site, lang, r.needs, ""));
    d.set("note", r.note);
    d.set("status", StatusText(site, lang, r));
    d.set("pending", r.status == PlaceStatus::kPending);
    const bool holds = r.status == PlaceStatus::kConfirmed || r.status == PlaceStatus::kWaitlisted;
    d.set("can_mark", holds);
    if (r.attended) {
      d.set("attended", site.Tr(lang, *r.attended ? "attendance.came" : "attendance.did_not_come"));
    }
    d.set("mark_came", holds && r.attended != true);
    d.set("mark_absent", holds && r.attended != false);
    rows.push_back(d);
  }
  page.set("has_registrations", !registrations.empty());
  page.set("registrations", rows);
  page.set("registrations_action", self + "/registrations");
  const std::string done = QueryParam(request, "done");
  if (done == "saved" || done == "decided" || done == "marked") {
    page.set("notice", site.Tr(lang, "attendance.done." + done));
  }
  PageFrame frame = form.Frame("manage/occurrences/" + id);
  return RenderBackOfficePage(site, request, bo, frame, "occurrence_registrations", std::move(page));
}

}  // namespace

http::Response LibraryRegistrations(const Site& site, const i18n::LocaleInfo& locale,
                                    http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  const std::string slug(request.Param("slug"));
  const SysTime now = site.clock().Now();
  auto db = site.db().Read();
  const LocaleChain chain = site.Chain(locale);
  events::EventFilter filter;
  filter.library = slug;
  auto items = store::ListOccurrences(*db, filter, now - kListBack, now + kListAhead, chain, kListLimit);
  std::vector<std::string> ids;
  for (const auto& o : items) ids.push_back(o.occurrence_id);
  const auto counts = store::RegistrationCountsOf(*db, ids);
  const i18n::Formatter& f = site.FormatterFor(lang);
  Data rows(Data::type::list);
  for (const auto& o : items) {
    Data d(Data::type::object);
    d.set("href", OccurrencePath(locale, o.occurrence_id));
    d.set("when", WhenText(f, o.starts_at, o.ends_at));
    d.set("title", site.TextData(o.title, locale));
    d.set("past", o.ends_at <= now);
    d.set("cancelled", o.cancelled);
    auto c = counts.find(o.occurrence_id);
    const store::RegistrationCounts rc = c == counts.end() ? store::RegistrationCounts{} : c->second;
    d.set("confirmed", o.capacity ? site.Tr(lang, "attendance.places", {{"confirmed", rc.confirmed_people}, {"capacity", *o.capacity}})
                                  : std::to_string(rc.confirmed_people));
    d.set("waitlisted", std::to_string(rc.waitlisted_parties));
    d.set("pending", std::to_string(rc.pending_parties));
    rows.push_back(d);
  }
  Data page(Data::type::object);
  page.set("heading", site.Tr(lang, "attendance.library_heading"));
  page.set("library_href", ManagePath(locale, "/libraries/" + slug));
  page.set("dates", rows);
  page.set("has_dates", !items.empty());
  PageFrame frame{&locale, "manage/libraries/" + slug + "/registrations",
                  site.Tr(lang, "attendance.library_heading")};
  return RenderBackOfficePage(site, request, bo, frame, "library_registrations", std::move(page));
}

http::Response OccurrenceRegistrations(const Site& site, const i18n::LocaleInfo& locale,
                                       http::Request& request, const BackOffice& bo) {
  return RenderOccurrence(site, locale, request, bo, {}, {});
}

http::Response OccurrenceRegistrationAction(const Site& site, const i18n::LocaleInfo& locale,
                                            http::Request& request, const BackOffice& bo) {
  const std::string id(request.Param("id"));
  const std::string registration = bo.form.Get("registration");
  const std::string action = bo.form.Get("action");
  const SysTime now = site.clock().Now();
  Status result = site.db().Write([&](store::Connection& c) -> Status {
    if (action == "approve" || action == "decline") {
      return store::DecidePending(c, id, registration, action == "approve", now);
    }
    if (action == "came" || action == "absent") {
      return store::MarkAttended(c, id, registration, action == "came", now);
    }
    return Error{ErrorCode::kInvalidInput, "unknown action"};
  });
  if (!result.ok()) {
    return site.ErrorPage(result.error().code == ErrorCode::kNotFound ? 404 : 400, request);
  }
  const bool decided = action == "approve" || action == "decline";
  return SeeOther(OccurrencePath(locale, id) + (decided ? "?done=decided" : "?done=marked"));
}

http::Response OccurrenceHeadCounts(const Site& site, const i18n::LocaleInfo& locale,
                                    http::Request& request, const BackOffice& bo) {
  const std::string id(request.Param("id"));
  const LocaleChain chain = site.Chain(locale);
  std::vector<std::string> keys;
  for (const auto& g : store::TargetGroups(*site.db().Read(), chain)) keys.push_back(g.id);
  keys.emplace_back(store::kUnspecifiedGroup);
  std::map<std::string, std::string> typed;
  std::map<std::string, int> counts;
  std::vector<std::pair<std::string, std::string>> errors;
  for (const std::string& key : keys) {
    const std::string name = "count-" + key;
    typed[name] = bo.form.Get(name);
    bool ok = true;
    auto n = events::ParseHeadCount(typed[name], &ok);
    if (!ok) {
      errors.emplace_back(name, site.Tr(locale.code, "attendance.error.count",
                                        {{"max", events::kMaxHeadCount}}));
    } else if (n) {
      counts[key] = *n;
    }
  }
  if (!errors.empty()) return RenderOccurrence(site, locale, request, bo, typed, errors);
  site.db().Write([&](store::Connection& c) {
    store::SaveHeadCounts(c, id, counts, bo.Author(), site.clock().Now());
  });
  return SeeOther(OccurrencePath(locale, id) + "?done=saved");
}

namespace {

std::optional<year_month> ParseMonth(std::string_view s) {
  auto d = events::ParseDate(std::string(s) + "-01");
  if (!d || s.size() != 7) return std::nullopt;
  return d->year() / d->month();
}

std::string MonthText(year_month m) { return events::FormatDate(m / day{1}).substr(0, 7); }

}  // namespace

namespace {

// Booked places as participation facts: the resource stands where an event's category stands.
std::vector<store::ParticipationFact> BookingFacts(const Site& site, const i18n::LocaleInfo& locale,
                                                   const BackOffice& bo, year_month from, year_month to) {
  auto db = site.db().Read();
  const LocaleChain chain = site.Chain(locale);
  std::map<std::string, LocalizedText> groups;
  for (const auto& g : store::TargetGroups(*db, chain)) groups[g.code] = g.name;
  std::vector<store::ParticipationFact> facts;
  for (const auto& u : store::BookingUsage(*db, MonthText(from), MonthText(to), OwnOrganizations(bo.actor), chain)) {
    store::ParticipationFact f;
    f.month = u.month;
    f.library_slug = u.library_slug;
    f.library = u.library_name;
    f.category_code = u.resource_id;
    f.category = u.resource_name;
    auto g = groups.find(u.target_group);
    f.group_code = g == groups.end() ? std::string(store::kUnspecifiedGroup) : u.target_group;
    if (g != groups.end()) f.group = g->second;
    f.people = u.people;
    facts.push_back(std::move(f));
  }
  return facts;
}

// Participation in events, or use of bookable resources (`bookings`): the same tables, the same
// suppression of small groups, the same CSV.
http::Response StatisticsPage(const Site& site, const i18n::LocaleInfo& locale,
                              http::Request& request, const BackOffice& bo, bool bookings) {
  const std::string& lang = locale.code;
  const std::string path = bookings ? "/bookings/usage" : "/statistics";
  const std::string second = bookings ? "resource" : "category";
  const std::string heading_key = bookings ? "bookings.usage_heading" : "attendance.statistics_heading";
  const auto today = RigaDate(site.clock().Now());
  const year_month this_month = today.year() / today.month();
  std::vector<std::pair<std::string, std::string>> errors;
  auto month_param = [&](std::string_view name, year_month fallback) {
    const std::string typed = QueryParam(request, name, 20);
    if (typed.empty()) return fallback;
    if (auto m = ParseMonth(typed)) return *m;
    errors.emplace_back(std::string(name), site.Tr(lang, "attendance.error.month"));
    return fallback;
  };
  year_month from = month_param("from", this_month - months{11});
  year_month to = month_param("to", this_month);
  if (to < from) {
    errors.emplace_back("to", site.Tr(lang, "attendance.error.month_order"));
    std::swap(from, to);
  }
  const std::string from_date = events::FormatDate(from / day{1});
  const std::string to_date = events::FormatDate((to + months{1}) / day{1});
  const auto facts = bookings ? BookingFacts(site, locale, bo, from, to)
                              : store::Participation(*site.db().Read(), OwnOrganizations(bo.actor),
                                                     site.Chain(locale), from_date, to_date);
  const std::string unspecified = site.Tr(lang, "attendance.unspecified");
  std::vector<Table> tables = {
      TableBy("library", facts, [](const auto& f) { return std::pair{f.library_slug, f.library.text}; }),
      TableBy(second, facts, [](const auto& f) { return std::pair{f.category_code, f.category.text}; }),
      TableBy("group", facts, [&](const auto& f) {
        return std::pair{f.group_code, f.group.text.empty() ? unspecified : f.group.text};
      }),
      TableBy("month", facts, [](const auto& f) { return std::pair{f.month, f.month}; }),
  };
  const std::string fewer = site.Tr(lang, "attendance.fewer_than", {{"count", events::kSmallestShownGroup}});

  if (QueryParam(request, "format") == "csv") {
    std::string csv = CsvRecord({site.Tr(lang, "attendance.csv.dimension"), site.Tr(lang, "attendance.csv.key"),
                                 site.Tr(lang, "attendance.csv.name"), site.Tr(lang, "attendance.csv.people")});
    for (const Table& t : tables) {
      const std::string dim = site.Tr(lang, "attendance.by." + t.dimension);
      for (const Tally& row : t.rows) {
        csv += CsvRecord({dim, row.key, row.label, row.hidden ? fewer : std::to_string(row.people)});
      }
    }
    return CsvDownload(std::string(bookings ? "bookings-" : "participation-") + MonthText(from) + "-" + MonthText(to) + ".csv", csv);
  }

  Data page(Data::type::object);
  page.set("heading", site.Tr(lang, heading_key));
  page.set("intro", site.Tr(lang, bookings ? "bookings.usage_intro" : "attendance.statistics_intro"));
  page.set("from", MonthText(from));
  page.set("to", MonthText(to));
  page.set("action", ManagePath(locale, path));
  page.set("csv_href", ManagePath(locale, path) + "?from=" + MonthText(from) + "&to=" +
                           MonthText(to) + "&format=csv");
  const int64_t total = tables[0].total;
  page.set("total", events::TotalShown(total) ? std::to_string(total) : fewer);
  page.set("has_facts", !facts.empty());
  Data table_list(Data::type::list);
  for (const Table& t : tables) {
    Data td(Data::type::object);
    td.set("caption", site.Tr(lang, "attendance.by." + t.dimension));
    td.set("id", "by-" + t.dimension);
    Data rows(Data::type::list);
    for (const Tally& row : t.rows) {
      Data d(Data::type::object);
      d.set("label", row.label);
      d.set("people", row.hidden ? fewer : std::to_string(row.people));
      rows.push_back(d);
    }
    td.set("rows", rows);
    table_list.push_back(td);
  }
  page.set("tables", table_list);
  SetErrorSummary(page, errors);
  std::string title = site.Tr(lang, heading_key);
  if (!errors.empty()) title = site.Tr(lang, "form.error_title", {{"title", title}});
  PageFrame frame{&locale, "manage" + path, title, errors.empty() ? 200 : 400};
  return RenderBackOfficePage(site, request, bo, frame, "event_statistics", std::move(page));
}

}  // namespace

http::Response EventStatistics(const Site& site, const i18n::LocaleInfo& locale,
                               http::Request& request, const BackOffice& bo) {
  return StatisticsPage(site, locale, request, bo, false);
}

http::Response BookingUsagePage(const Site& site, const i18n::LocaleInfo& locale,
                                http::Request& request, const BackOffice& bo) {
  return StatisticsPage(site, locale, request, bo, true);
}

}  // namespace tilti::web
