// Bookable resources for visitors (issue 6), one thing per page (GOV.UK), all without
// JavaScript and without an account:
//   /{lang}/resources                          every resource, by library
//   /{lang}/resources/{id}                     what it is, what to expect, the days with free times
//   /{lang}/resources/{id}/book                choose a day (typed, or from the list)
//   /{lang}/resources/{id}/book?date=…         choose a time: the free slots of that day
//   POST /{lang}/resources/{id}/book           hold the chosen slot for a few minutes
//   /{lang}/resources/{id}/book/{hold}         your details (the page says until when the time is held)
//   /{lang}/resources/{id}/book/{hold}/check   check your answers, then book
// The booking's private page is booking_pages.cpp. A hold's token is 256 bits from the
// operating system; only its SHA-256 is stored, like the booking's.
#include <boost/json.hpp>

#include "accounts/session_token.h"
#include "core/ids.h"
#include "core/riga_time.h"
#include "events/event.h"
#include "events/event_rules.h"
#include "store/directory_queries.h"
#include "store/attendance_store.h"
#include "store/report_store.h"
#include "web/back_office.h"
#include "web/event_views.h"
#include "web/handlers.h"
#include "web/person_form.h"
#include "web/query_params.h"
#include "web/resource_views.h"
#include "web/session.h"

namespace tilti::web {
namespace {

namespace json = boost::json;
using namespace std::chrono;

std::optional<store::ResourceView> FindResource(const Site& site, const i18n::LocaleInfo& locale,
                                                const http::Request& request) {
  return store::LoadResource(*site.db().Read(), request.Param("id"), site.Chain(locale));
}

std::string ResourceName(const store::ResourceView& r) { return r.name.text; }

// "&move=<token>" when a booking's time is being changed (the token is checked where used).
std::string MoveQuery(const std::string& move) {
  return accounts::IsWellFormedSessionToken(move) ? "&move=" + move : "";
}

// Step 1: choose a day, typed or from the list.
http::Response RenderChooseDay(const Site& site, const i18n::LocaleInfo& locale,
                               const http::Request& request, const store::ResourceView& r,
                               const std::string& typed, bool bad_date, const std::string& move) {
  const std::string& lang = locale.code;
  std::vector<store::DateFree> days;
  days = store::FreeDates(*site.db().Read(), r, site.clock().Now());
  const std::string title = site.Tr(lang, "resources.choose_day_title", {{"name", ResourceName(r)}});
  Data page(Data::type::object);
  page.set("heading", title);
  page.set("resource", ResourceSummaryView(site, locale, r));
  page.set("action", ResourcePath(lang, r.id) + "/book");
  page.set("typed", typed);
  page.set("move", MoveQuery(move).empty() ? "" : move);
  page.set("days", DayListView(site, locale, r, days, MoveQuery(move)));
  page.set("back_href", ResourcePath(lang, r.id));
  if (r.is_sample) page.set("sample", true);
  if (bad_date) SetErrorSummary(page, {{"date", site.Tr(lang, "bookings.error.date")}});
  PageFrame frame{&locale, "resources/" + r.id + "/book",
                  bad_date ? site.Tr(lang, "form.error_title", {{"title", title}}) : title,
                  bad_date ? 400 : 200};
  http::Response response = site.RenderPage(request, frame, "resource_day_choice", std::move(page));
  response.Set("Cache-Control", "no-store");
  return response;
}

// Step 2: the free times of a day, as radio buttons; full ones are listed as such.
http::Response RenderChooseTime(const Site& site, const i18n::LocaleInfo& locale,
                                const http::Request& request, const store::ResourceView& r,
                                year_month_day date, const std::string& move,
                                const std::string& error_key, int status) {
  const std::string& lang = locale.code;
  const SysTime now = site.clock().Now();
  const store::DayView day = store::SlotsOfDay(*site.db().Read(), r, date, now);
  const i18n::Formatter& f = site.FormatterFor(lang);
  const std::string when = DayLabel(f, date);
  CsrfToken token = CsrfTokenFor(request);
  FormView form(site, locale, site.Tr(lang, "resources.choose_time_title", {{"name", ResourceName(r)}}),
                ResourcePath(lang, r.id) + "/book");
  form.Intro(when);
  FormField slots;
  slots.kind = FormField::Kind::kRadios;
  slots.name = "start";
  slots.label = site.Tr(lang, "resources.free_times_on", {{"day", when}});
  Data full(Data::type::list);
  for (const store::SlotView& s : day.slots) {
    if (s.free > 0) {
      slots.options.push_back({FormatRfc3339(s.slot.starts_at), SlotLabel(site, lang, s), false, ""});
    } else {
      full.push_back(Data(SlotLabel(site, lang, s)));
    }
  }
  const bool any_free = !slots.options.empty();
  if (any_free) {
    form.Section("");
    form.Hidden("date", events::FormatDate(date));
    if (MoveQuery(move).size() > 0) form.Hidden("move", move);
    form.Add(std::move(slots));
    form.Submit(site.Tr(lang, "resources.continue"));
  }
  if (!error_key.empty()) form.Error("start", site.Tr(lang, error_key));
  form.Back(ResourcePath(lang, r.id) + "/book" + (MoveQuery(move).empty() ? "" : "?move=" + move),
            site.Tr(lang, "resources.other_day"));
  Data page = form.Data();
  page.set("csrf", token.value);
  page.set("any_free", any_free);
  page.set("full", full);
  page.set("has_full", !full.is_empty_list());
  if (!any_free) {
    std::string why = "resources.day_none_long";
    if (!day.hours_known) why = "resources.hours_unknown";
    page.set("none", site.Tr(lang, why));
    if (day.holiday_key) page.set("holiday", site.Tr(lang, *day.holiday_key));
  }
  if (day.note) page.set("day_note", *day.note);
  if (r.is_sample) page.set("sample", true);
  PageFrame frame = form.Frame("resources/" + r.id + "/book?date=" + events::FormatDate(date));
  frame.status = std::max(frame.status, status);
  return Private(site, site.RenderPage(request, frame, "resource_time_choice", std::move(page)), token);
}

std::string AddressKey(std::string_view address) { return "book:addr:" + Fnv1a64Hex(address); }

// The visitor's answers kept with the hold.
struct Answers {
  events::RegistrationInput in;
  std::string target_group;
};

std::string AnswersJson(const Answers& a) {
  json::object o;
  o["name"] = a.in.name;
  o["contact"] = a.in.contact;
  o["party_size"] = a.in.party_size;
  o["language"] = a.in.language;
  o["note"] = a.in.note;
  json::array needs;
  for (const auto& n : a.in.needs) needs.emplace_back(n);
  o["needs"] = std::move(needs);
  o["target_group"] = a.target_group;
  return json::serialize(o);
}

std::optional<Answers> ParseAnswers(std::string_view text) {
  if (text.empty()) return std::nullopt;
  try {
    const json::object o = json::parse(text).as_object();
    auto str = [&](std::string_view k) {
      const json::value* v = o.if_contains(k);
      return v && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    Answers a;
    a.in.name = str("name");
    a.in.contact = str("contact");
    a.in.party_size = str("party_size");
    a.in.language = str("language");
    a.in.note = str("note");
    a.target_group = str("target_group");
    if (const json::value* n = o.if_contains("needs"); n && n->is_array()) {
      for (const auto& x : n->as_array()) {
        if (x.is_string()) a.in.needs.emplace_back(x.as_string());
      }
    }
    return a;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

struct HeldSlot {
  store::ResourceView resource;
  store::HoldView hold;
  std::string hash;
};

// The hold a {hold} URL names, for its resource; nullopt if there is none.
std::optional<HeldSlot> FindHold(const Site& site, const i18n::LocaleInfo& locale,
                                 const http::Request& request) {
  const std::string_view token = request.Param("hold");
  if (!accounts::IsWellFormedSessionToken(token)) return std::nullopt;
  const std::string hash = accounts::HashSessionToken(token);
  auto db = site.db().Read();
  auto hold = store::HoldByTokenHash(*db, hash);
  if (!hold || hold->resource_id != request.Param("id")) return std::nullopt;
  auto resource = store::LoadResource(*db, hold->resource_id, site.Chain(locale));
  if (!resource) return std::nullopt;
  return HeldSlot{std::move(*resource), std::move(*hold), hash};
}

std::string HoldPath(const i18n::LocaleInfo& locale, const HeldSlot& h, const http::Request& request) {
  return ResourcePath(locale.code, h.resource.id) + "/book/" + std::string(request.Param("hold"));
}

// The notice on every page while a slot is held: until when, or that the hold has ended.
std::string HoldNotice(const Site& site, std::string_view lang, const store::HoldView& hold, SysTime now) {
  const i18n::Formatter& f = site.FormatterFor(lang);
  if (hold.expires_at <= now) return site.Tr(lang, "bookings.hold_ended");
  return site.Tr(lang, "bookings.hold_until", {{"time", f.Time(hold.expires_at)}});
}

// Step 3: your details.
http::Response RenderDetails(const Site& site, const i18n::LocaleInfo& locale,
                             const http::Request& request, const HeldSlot& h, const Answers& a,
                             const std::vector<FieldError>& errors) {
  const std::string& lang = locale.code;
  CsrfToken token = CsrfTokenFor(request);
  FormView form(site, locale, site.Tr(lang, "bookings.details_title"), HoldPath(locale, h, request));
  form.Intro(ResourceName(h.resource) + ": " + WhenText(site.FormatterFor(lang), h.hold.starts_at, h.hold.ends_at));
  form.Notice(HoldNotice(site, lang, h.hold, site.clock().Now()));
  form.Section(site.Tr(lang, "registration.about_you"), site.Tr(lang, "bookings.privacy", {{"days", site.options().retention_days}}));
  PersonFields(site, locale, form, a.in, InterpretedLanguages(h.resource));
  TargetGroupField(site, locale, form, a.target_group);
  AddErrors(site, locale, form, errors, {{"max", events::kMaxPartySize}, {"capacity", h.resource.capacity}});
  form.Submit(site.Tr(lang, "resources.continue"));
  form.Back(ResourcePath(lang, h.resource.id) + "/book?date=" +
                events::FormatDate(RigaDate(h.hold.starts_at)),
            site.Tr(lang, "resources.other_time"));
  Data page = form.Data();
  page.set("csrf", token.value);
  if (h.resource.is_sample) {
    page.set("sample", true);
    page.set("sample_text", site.Tr(lang, "resources.sample_notice"));
  }
  PageFrame frame = form.Frame("resources/" + h.resource.id + "/book/" + std::string(request.Param("hold")));
  return Private(site, site.RenderPage(request, frame, "registration_form", std::move(page)), token);
}

// The answers as checked: the person's form and the target group, or the field errors.
Result<events::RegistrationForm> CheckAnswers(const Site& site, const store::ResourceView& r,
                                              const Answers& a) {
  events::RegistrationContext context{LocaleCodes(site), InterpretedLanguages(r), r.capacity};
  auto form = events::ValidateRegistration(a.in, context);
  std::vector<FieldError> errors = form.ok() ? std::vector<FieldError>{} : form.error().fields;
  for (FieldError& e : errors) {
    if (e.message_key == "registration.error.party_over_capacity") {
      e.message_key = "bookings.error.party_over_capacity";
    }
  }
  if (!KnownTargetGroup(site, a.target_group)) {
    errors.push_back({"target_group", "bookings.error.target_group"});
  }
  if (!errors.empty()) return Error{ErrorCode::kInvalidInput, "booking form", std::move(errors)};
  return form.value();
}

// A page saying the time cannot be booked any more, with the way back to the day's times.
http::Response TakenPage(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                         const store::ResourceView& r, SysTime starts, const std::string& key) {
  Data page(Data::type::object);
  const std::string title = site.Tr(locale.code, "bookings.taken_title");
  page.set("heading", title);
  page.set("reason", site.Tr(locale.code, key));
  page.set("event_href", ResourcePath(locale.code, r.id) + "/book?date=" + events::FormatDate(RigaDate(starts)));
  page.set("back_label", site.Tr(locale.code, "resources.other_time"));
  PageFrame frame{&locale, "resources/" + r.id + "/book", title, 409};
  http::Response response = site.RenderPage(request, frame, "registration_closed", std::move(page));
  response.Set("Cache-Control", kPrivateNoStore);
  return response;
}

}  // namespace

http::Response ResourcesList(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  Data groups(Data::type::list);
  {
    auto db = site.db().Read();
    Data current(Data::type::object);
    Data items(Data::type::list);
    std::string current_org;
    for (const auto& r : store::AllResources(*db, site.Chain(locale))) {
      if (r.organization_id != current_org) {
        if (!current_org.empty()) {
          current.set("resources", items);
          groups.push_back(current);
        }
        current = Data(Data::type::object);
        items = Data(Data::type::list);
        current.set("library_name", site.TextData(r.library_name, locale));
        if (store::LibraryExists(*db, r.library_slug)) {
          current.set("library_href", "/" + locale.code + "/libraries/" + r.library_slug);
        }
        current_org = r.organization_id;
      }
      items.push_back(ResourceSummaryView(site, locale, r));
    }
    if (!current_org.empty()) {
      current.set("resources", items);
      groups.push_back(current);
    }
  }
  Data page(Data::type::object);
  page.set("heading", site.Tr(locale.code, "resources.title"));
  page.set("groups", groups);
  PageFrame frame{&locale, "resources", site.Tr(locale.code, "resources.title")};
  return site.RenderPage(request, frame, "resources", std::move(page));
}

http::Response ResourcePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  auto r = FindResource(site, locale, request);
  if (!r) return site.ErrorPage(404, request);
  bool library_page = false;
  std::vector<store::DateFree> days;
  {
    auto db = site.db().Read();
    library_page = store::LibraryExists(*db, r->library_slug);
    days = store::FreeDates(*db, *r, site.clock().Now());
  }
  Data page = ResourceDetailView(site, locale, *r, library_page);
  page.set("heading", r->name.text);
  page.set("days", DayListView(site, locale, *r, days, ""));
  page.set("book_href", ResourcePath(locale.code, r->id) + "/book");
  page.set("resources_href", "/" + locale.code + "/resources");
  PageFrame frame{&locale, "resources/" + r->id, r->name.text};
  http::Response response = site.RenderPage(request, frame, "resource", std::move(page));
  // Free places change with every booking: a short shared lifetime only.
  response.Set("Cache-Control", "no-cache");
  return response;
}

http::Response BookDay(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  auto r = FindResource(site, locale, request);
  if (!r) return site.ErrorPage(404, request);
  const std::string typed = QueryParam(request, "date", 40);
  const std::string move = QueryParam(request, "move", 64);
  if (typed.empty()) return RenderChooseDay(site, locale, request, *r, "", false, move);
  auto date = events::ParseTypedDate(typed);
  if (!date) return RenderChooseDay(site, locale, request, *r, typed, true, move);
  return RenderChooseTime(site, locale, request, *r, *date, move, "", 200);
}

http::Response BookHold(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  auto r = FindResource(site, locale, request);
  if (!r) return site.ErrorPage(404, request);
  const SysTime now = site.clock().Now();
  std::string csrf;
  std::map<std::string, std::string> fields;
  for (auto& [name, value] : http::ParseQuery(request.body)) {
    if (name == kCsrfField) csrf = value;
    else fields[name] = value;
  }
  auto date = events::ParseTypedDate(fields["date"]);
  if (!date) return RenderChooseDay(site, locale, request, *r, fields["date"], true, fields["move"]);
  const std::string move = fields["move"];
  if (!CsrfOk(request, csrf, site.options().public_url)) {
    return RenderChooseTime(site, locale, request, *r, *date, move, "registration.error.expired", 400);
  }
  auto start = ParseStoredRfc3339(fields["start"]);
  if (!start) return RenderChooseTime(site, locale, request, *r, *date, move, "bookings.error.choose_time", 400);
  std::optional<std::string> move_booking;
  if (accounts::IsWellFormedSessionToken(move)) {
    auto old = store::BookingByTokenHash(*site.db().Read(), accounts::HashSessionToken(move));
    if (old && old->resource_id == r->id) move_booking = old->id;
  }
  const accounts::NewSessionToken token = accounts::MakeSessionToken();
  const int64_t unix_now = duration_cast<seconds>(now.time_since_epoch()).count();
  enum class Outcome { kHeld, kLimited, kGone, kTaken };
  const Outcome outcome = site.db().Write([&](store::Connection& c) {
    const std::vector<store::RateLimit> limits = {
        {AddressKey(request.remote_address), 3600, site.options().registrations_per_hour}};
    if (!store::TakeRateLimits(c, limits, unix_now)) return Outcome::kLimited;
    auto held = store::HoldSlot(c, *r, {*start, 1, token.hash, move_booking}, now);
    if (held.ok()) return Outcome::kHeld;
    return held.error().code == ErrorCode::kConflict ? Outcome::kTaken : Outcome::kGone;
  });
  switch (outcome) {
    case Outcome::kLimited:
      return RenderChooseTime(site, locale, request, *r, *date, move, "bookings.error.rate_limited", 429);
    case Outcome::kTaken:
      return RenderChooseTime(site, locale, request, *r, *date, move, "bookings.error.slot_taken", 409);
    case Outcome::kGone:
      return RenderChooseTime(site, locale, request, *r, *date, move, "bookings.error.no_such_slot", 409);
    case Outcome::kHeld:
      break;
  }
  return SeeOther(ResourcePath(locale.code, r->id) + "/book/" + token.token);
}

http::Response BookDetails(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  auto h = FindHold(site, locale, request);
  if (!h) return Private(site, site.ErrorPage(404, request), CsrfToken{});
  if (request.method == "GET") {
    Answers a;
    if (auto saved = ParseAnswers(h->hold.answers)) {
      a = *saved;
    } else {
      a.in.party_size = "1";
      a.in.language = locale.code;
    }
    return RenderDetails(site, locale, request, *h, a, {});
  }
  std::string csrf;
  std::map<std::string, std::string> other;
  Answers a{ParseInput(request, &csrf, &other), other["target_group"]};
  if (!CsrfOk(request, csrf, site.options().public_url)) {
    return RenderDetails(site, locale, request, *h, a, {{"name", "registration.error.expired"}});
  }
  auto form = CheckAnswers(site, h->resource, a);
  if (!form.ok()) return RenderDetails(site, locale, request, *h, a, form.error().fields);
  site.db().Write([&](store::Connection& c) {
    store::SaveHoldAnswers(c, h->hash, form.value().party_size, AnswersJson(a));
  });
  return SeeOther(HoldPath(locale, *h, request) + "/check");
}

http::Response BookCheck(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  auto h = FindHold(site, locale, request);
  if (!h) return Private(site, site.ErrorPage(404, request), CsrfToken{});
  const std::string& lang = locale.code;
  const SysTime now = site.clock().Now();
  auto answers = ParseAnswers(h->hold.answers);
  if (!answers) return SeeOther(HoldPath(locale, *h, request));
  auto form = CheckAnswers(site, h->resource, *answers);
  if (!form.ok()) return SeeOther(HoldPath(locale, *h, request));
  CsrfToken token = CsrfTokenFor(request);
  std::string error;
  if (request.method == "POST") {
    std::string csrf;
    for (auto& [name, value] : http::ParseQuery(request.body)) {
      if (name == kCsrfField) csrf = value;
    }
    if (!CsrfOk(request, csrf, site.options().public_url)) {
      error = site.Tr(lang, "registration.error.expired");
    } else {
      const accounts::NewSessionToken booking = accounts::MakeSessionToken();
      store::BookingRequest b{booking.hash, form.value(), answers->target_group, std::nullopt};
      auto booked = site.db().Write([&](store::Connection& c) {
        return store::ConfirmHold(c, h->resource, h->hash, b, now);
      });
      if (!booked.ok()) {
        const std::string key = booked.error().fields.empty() ? "bookings.error.no_such_slot"
                                                              : booked.error().fields.front().message_key;
        return TakenPage(site, locale, request, h->resource, h->hold.starts_at, key);
      }
      return SeeOther("/" + lang + "/bookings/" + booking.token + "?new=1");
    }
  }
  // The summary list (GOV.UK "check your answers"), each answer with a way to change it.
  const events::RegistrationForm& p = form.value();
  Data rows(Data::type::list);
  auto row = [&](const std::string& key, const std::string& value, const std::string& href) {
    Data d(Data::type::object);
    d.set("key", site.Tr(lang, key));
    d.set("value", value);
    if (!href.empty()) d.set("href", href);
    rows.push_back(d);
  };
  const std::string details = HoldPath(locale, *h, request);
  const std::string day = ResourcePath(lang, h->resource.id) + "/book?date=" +
                          events::FormatDate(RigaDate(h->hold.starts_at));
  row("bookings.answer.what", ResourceName(h->resource), "");
  row("bookings.answer.when", WhenText(site.FormatterFor(lang), h->hold.starts_at, h->hold.ends_at), day);
  row("registration.name", p.name, details + "#name");
  row("registration.contact", p.contact.empty() ? site.Tr(lang, "bookings.not_given") : p.contact, details + "#contact");
  row("registration.party_size", std::to_string(p.party_size), details + "#party_size");
  row("registration.language", site.LanguageNameIn(p.language, lang), details + "#language");
  const std::string needs = NeedsText(site, lang, p.needs, p.note);
  row("registration.needs", needs.empty() ? site.Tr(lang, "bookings.not_given") : needs, details + "#needs");
  std::string group = site.Tr(lang, "bookings.not_given");
  for (const auto& g : store::TargetGroups(*site.db().Read(), site.Chain(locale))) {
    if (g.code == answers->target_group) group = g.name.text;
  }
  row("bookings.target_group", group, details + "#target_group");
  const std::string title = site.Tr(lang, "bookings.check_title");
  Data page(Data::type::object);
  page.set("heading", title);
  page.set("rows", rows);
  page.set("action", details + "/check");
  page.set("csrf", token.value);
  page.set("notice", HoldNotice(site, lang, h->hold, now));
  if (h->resource.approval) page.set("approval", true);
  if (h->resource.is_sample) page.set("sample", true);
  if (!error.empty()) SetErrorSummary(page, {{"confirm", error}});
  PageFrame frame{&locale, "resources/" + h->resource.id + "/book/" + std::string(request.Param("hold")) + "/check",
                  error.empty() ? title : site.Tr(lang, "form.error_title", {{"title", title}}),
                  error.empty() ? 200 : 400};
  return Private(site, site.RenderPage(request, frame, "booking_check", std::move(page)), token);
}

}  // namespace tilti::web
