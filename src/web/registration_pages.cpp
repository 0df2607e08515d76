// Registering for an event without an account: /{lang}/events/{id}/register[?on=…] (one date,
// or without `on` every future date of the series) and the person's private page
// /{lang}/registrations/{token}, where they see where they stand ("waitlist position 3"),
// change their party or needs, or cancel. The token is 256 bits from the operating system;
// only its SHA-256 is stored, so the database alone cannot open anyone's page.
#include <chrono>

#include "accounts/session_token.h"
#include "core/ids.h"
#include "events/icalendar.h"
#include "events/registration_rules.h"
#include "store/event_queries.h"
#include "store/event_store.h"
#include "store/registration_store.h"
#include "store/report_store.h"
#include "web/csrf.h"
#include "web/event_views.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/person_form.h"
#include "web/query_params.h"
#include "web/session.h"

namespace tilti::web {
namespace {

using events::PlaceStatus;
using Fields = std::vector<std::pair<std::string, std::string>>;

// What a registration is for: the event and, for one date, the occurrence.
struct Target {
  store::EventDetail event;
  std::optional<store::OccurrenceItem> date;  // nullopt: the whole series
  int future_dates = 0;                       // for the whole series
};

std::string EventPath(const i18n::LocaleInfo& locale, std::string_view id) {
  return "/" + locale.code + "/events/" + std::string(id);
}

std::optional<Target> FindTarget(const Site& site, const i18n::LocaleInfo& locale,
                                 const http::Request& request, SysTime now) {
  auto db = site.db().Read();
  const LocaleChain chain = site.Chain(locale);
  auto event = store::LoadEventDetail(*db, request.Param("id"), chain);
  if (!event) return std::nullopt;
  Target t{std::move(*event), std::nullopt, 0};
  const std::string on = QueryParam(request, "on");
  if (!on.empty()) {
    auto original = events::ParseLocalStart(on);
    if (!original) return std::nullopt;
    t.date = store::OccurrenceOf(*db, t.event.id, *original, chain);
    if (!t.date) return std::nullopt;
  } else {
    for (const auto& o : store::OccurrencesOfEvent(*db, t.event.id, now, chain, 1000)) {
      if (!o.cancelled && o.starts_at > now) ++t.future_dates;
    }
  }
  return t;
}

// Why registration is not possible now, as a message key; "" when it is open.
std::string ClosedReason(const Target& t, SysTime now) {
  if (t.event.registration == events::RegistrationMode::kNone) return "events.no_registration";
  if (t.event.cancelled) return "events.event_cancelled";
  if (t.date) {
    if (t.date->cancelled) return "events.date_cancelled";
    if (t.date->starts_at <= now) return "registration.closed_past";
    return "";
  }
  return t.future_dates > 0 ? "" : "registration.closed_past";
}

std::string TargetTitle(const Site& site, const i18n::LocaleInfo& locale, const Target& t) {
  return site.Tr(locale.code, "registration.title", {{"event", t.event.title.text}});
}

// The registration form, empty or with what was typed and its problems.
http::Response RenderRegisterForm(const Site& site, const i18n::LocaleInfo& locale,
                                  const http::Request& request, const Target& t,
                                  const events::RegistrationInput& in,
                                  const std::vector<FieldError>& errors, int status) {
  const std::string& lang = locale.code;
  CsrfToken token = CsrfTokenFor(request);
  const std::string base = EventPath(locale, t.event.id);
  const std::string on = t.date ? "?on=" + events::FormatLocalStart(t.date->original) : "";
  FormView form(site, locale, TargetTitle(site, locale, t), base + "/register" + on);
  const i18n::Formatter& f = site.FormatterFor(lang);
  std::string what;
  std::optional<int> left;
  if (t.date) {
    what = site.Tr(lang, "registration.for_date", {{"when", WhenText(f, t.date->starts_at, t.date->ends_at)}});
    if (t.date->capacity) left = std::max(0, *t.date->capacity - t.date->confirmed);
  } else {
    what = site.Tr(lang, "registration.for_series", {{"count", t.future_dates}});
  }
  form.Intro(what);
  if (t.event.registration == events::RegistrationMode::kApproval) {
    form.Notice(site.Tr(lang, "events.approval_note"));
  } else if (left && *left == 0) {
    form.Notice(site.Tr(lang, "events.full_waitlist"));
  } else if (left) {
    form.Notice(site.Tr(lang, "events.places_left", {{"count", *left}}));
  }
  form.Section(site.Tr(lang, "registration.about_you"), site.Tr(lang, "registration.privacy", {{"days", site.options().retention_days}}));
  PersonFields(site, locale, form, in, t.event.interpreted_languages);
  AddErrors(site, locale, form, errors,
            {{"max", events::kMaxPartySize}, {"capacity", t.event.capacity.value_or(0)}});
  form.Submit(site.Tr(lang, "registration.submit"));
  form.Back(base + on, site.Tr(lang, "registration.back_to_event"));
  Data page = form.Data();
  page.set("csrf", token.value);
  if (t.event.is_sample) page.set("sample", true);
  PageFrame frame = form.Frame("events/" + t.event.id + "/register" + on);
  frame.status = errors.empty() ? status : std::max(status, 400);
  return Private(site, site.RenderPage(request, frame, "registration_form", std::move(page)),
                 token);
}

http::Response ClosedPage(const Site& site, const i18n::LocaleInfo& locale,
                          const http::Request& request, const Target& t,
                          const std::string& reason) {
  Data page(Data::type::object);
  page.set("heading", TargetTitle(site, locale, t));
  page.set("reason", site.Tr(locale.code, reason));
  page.set("event_href", EventPath(locale, t.event.id));
  PageFrame frame{&locale, "events/" + t.event.id + "/register",
                  TargetTitle(site, locale, t), 409};
  return site.RenderPage(request, frame, "registration_closed", std::move(page));
}

std::string AddressKey(std::string_view address) {
  return "register:addr:" + Fnv1a64Hex(address);
}

}  // namespace

namespace {

// The target of a registration request while registration is open; else nullopt and
// *refusal is the answer (404, or the page saying why it is closed).
std::optional<Target> OpenTarget(const Site& site, const i18n::LocaleInfo& locale,
                                 const http::Request& request, SysTime now,
                                 http::Response* refusal) {
  auto t = FindTarget(site, locale, request, now);
  if (!t) {
    *refusal = site.ErrorPage(404, request);
    return std::nullopt;
  }
  if (auto reason = ClosedReason(*t, now); !reason.empty()) {
    *refusal = ClosedPage(site, locale, request, *t, reason);
    return std::nullopt;
  }
  return t;
}

}  // namespace

http::Response RegisterForm(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request) {
  http::Response refusal;
  auto t = OpenTarget(site, locale, request, site.clock().Now(), &refusal);
  if (!t) return refusal;
  events::RegistrationInput in;
  in.party_size = "1";
  in.language = locale.code;
  return RenderRegisterForm(site, locale, request, *t, in, {}, 200);
}

http::Response RegisterSubmit(const Site& site, const i18n::LocaleInfo& locale,
                              http::Request& request) {
  const SysTime now = site.clock().Now();
  http::Response refusal;
  auto t = OpenTarget(site, locale, request, now, &refusal);
  if (!t) return refusal;
  std::string csrf;
  const events::RegistrationInput in = ParseInput(request, &csrf);
  if (!CsrfOk(request, csrf, site.options().public_url)) {
    return RenderRegisterForm(site, locale, request, *t, in,
                              {{"name", "registration.error.expired"}}, 400);
  }
  events::RegistrationContext context{LocaleCodes(site), t->event.interpreted_languages,
                                      t->date ? t->date->capacity : t->event.capacity};
  auto form = events::ValidateRegistration(in, context);
  if (!form.ok()) {
    return RenderRegisterForm(site, locale, request, *t, in, form.error().fields, 400);
  }
  const accounts::NewSessionToken token = accounts::MakeSessionToken();
  store::NewRegistration r{t->event.id, std::nullopt, token.hash, form.value()};
  if (t->date) r.occurrence_id = t->date->occurrence_id;
  const int64_t unix_now = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  enum class Outcome { kDone, kLimited, kClosed };
  const Outcome outcome = site.db().Write([&](store::Connection& c) {
    const std::vector<store::RateLimit> limits = {
        {AddressKey(request.remote_address), 3600, site.options().registrations_per_hour}};
    if (!store::TakeRateLimits(c, limits, unix_now)) return Outcome::kLimited;
    return store::Register(c, r, now).ok() ? Outcome::kDone : Outcome::kClosed;
  });
  if (outcome == Outcome::kLimited) {
    return RenderRegisterForm(site, locale, request, *t, in,
                              {{"name", "registration.error.rate_limited"}}, 429);
  }
  if (outcome == Outcome::kClosed) {
    return ClosedPage(site, locale, request, *t, "registration.closed_past");
  }
  http::Response response;
  response.status = 303;
  response.Set("Location", "/" + locale.code + "/registrations/" + token.token + "?new=1");
  response.Set("Cache-Control", kPrivateNoStore);
  return response;
}

namespace {

std::optional<store::RegistrationView> FindRegistration(const Site& site,
                                                        const http::Request& request) {
  const std::string_view token = request.Param("token");
  if (!accounts::IsWellFormedSessionToken(token)) return std::nullopt;
  return store::RegistrationByTokenHash(*site.db().Read(), accounts::HashSessionToken(token));
}

std::string PlaceText(const Site& site, std::string_view lang, const store::PlaceView& p,
                      int party) {
  if (p.occurrence_cancelled) return site.Tr(lang, "events.date_cancelled");
  switch (p.status) {
    case PlaceStatus::kConfirmed:
      return site.Tr(lang, "registration.status.confirmed", {{"count", party}});
    case PlaceStatus::kWaitlisted:
      return site.Tr(lang, "registration.status.waitlisted", {{"position", p.waitlist_position}});
    case PlaceStatus::kPending: return site.Tr(lang, "registration.status.pending");
    case PlaceStatus::kCancelled: return site.Tr(lang, "registration.status.cancelled");
    case PlaceStatus::kDeclined: return site.Tr(lang, "registration.status.declined");
  }
  return "";
}

constexpr int kReminderMinutes = 24 * 60;

bool Live(const store::PlaceView& p, SysTime now) {
  return p.starts_at > now && !p.occurrence_cancelled &&
         (p.status == PlaceStatus::kConfirmed || p.status == PlaceStatus::kWaitlisted ||
          p.status == PlaceStatus::kPending);
}

http::Response RenderRegistration(const Site& site, const i18n::LocaleInfo& locale,
                                  const http::Request& request, const store::RegistrationView& v,
                                  const events::RegistrationInput& in,
                                  const std::vector<FieldError>& errors, int status) {
  const std::string& lang = locale.code;
  const SysTime now = site.clock().Now();
  CsrfToken token = CsrfTokenFor(request);
  auto event = store::LoadEventDetail(*site.db().Read(), v.event_id, site.Chain(locale));
  if (!event) return site.ErrorPage(404, request);
  const std::string self = "/" + lang + "/registrations/" + std::string(request.Param("token"));
  const i18n::Formatter& f = site.FormatterFor(lang);

  FormView form(site, locale, site.Tr(lang, "registration.yours"), self);
  form.Section(site.Tr(lang, "registration.change_heading"));
  form.Hidden("action", "change");
  PersonFields(site, locale, form, in, event->interpreted_languages);
  AddErrors(site, locale, form, errors, {{"max", events::kMaxPartySize}});
  form.Submit(site.Tr(lang, "registration.save"));
  Data page = form.Data();
  page.set("csrf", token.value);
  page.set("self_href", site.options().public_url + self);
  page.set("new", QueryParam(request, "new") == "1");
  const std::string done = QueryParam(request, "done");
  if (done == "changed" || done == "cancelled") {
    page.set("done", site.Tr(lang, "registration.done." + done));
  }
  page.set("event_title", site.TextData(event->title, locale));
  page.set("event_href", EventPath(locale, event->id));
  page.set("ics_href", self + "/calendar.ics");
  if (event->is_sample) page.set("sample", true);
  Data places(Data::type::list);
  int live = 0;
  for (const store::PlaceView& p : v.places) {
    Data d(Data::type::object);
    d.set("when", WhenText(f, p.starts_at, p.ends_at));
    d.set("when_datetime", FormatRfc3339(p.starts_at));
    d.set("status", PlaceText(site, lang, p, v.party_size));
    d.set("status_class", p.occurrence_cancelled ? "cancelled"
                                                 : std::string(events::PlaceStatusName(p.status)));
    if (p.occurrence_cancelled && !p.cancel_reason.empty()) d.set("reason", p.cancel_reason);
    d.set("past", p.starts_at <= now);
    if (Live(p, now)) {
      ++live;
      d.set("occurrence_id", p.occurrence_id);
      d.set("cancel_label", site.Tr(lang, "registration.cancel_date",
                                    {{"when", f.LongDate(p.starts_at)}}));
    }
    places.push_back(d);
  }
  page.set("places", places);
  page.set("can_cancel_all", live > 1);
  page.set("can_change", live > 0);
  PageFrame frame = form.Frame("registrations/" + std::string(request.Param("token")));
  frame.status = errors.empty() ? status : std::max(status, 400);
  return Private(site, site.RenderPage(request, frame, "registration", std::move(page)), token);
}

events::RegistrationInput InputOf(const store::RegistrationView& v) {
  events::RegistrationInput in;
  in.name = v.name;
  in.contact = v.contact;
  in.party_size = std::to_string(v.party_size);
  in.language = v.language;
  in.needs = v.needs;
  in.note = v.note;
  return in;
}

}  // namespace

http::Response RegistrationPage(const Site& site, const i18n::LocaleInfo& locale,
                                http::Request& request) {
  auto v = FindRegistration(site, request);
  if (!v) return Private(site, site.ErrorPage(404, request), CsrfToken{});
  return RenderRegistration(site, locale, request, *v, InputOf(*v), {}, 200);
}

// The person's own calendar file: each date they hold a place on (confirmed, or tentative while
// waitlisted or awaiting approval), with a reminder the day before. No e-mail needed for that.
http::Response RegistrationCalendar(const Site& site, const i18n::LocaleInfo& locale,
                                    http::Request& request) {
  auto v = FindRegistration(site, request);
  if (!v) return Private(site, site.ErrorPage(404, request), CsrfToken{});
  const SysTime now = site.clock().Now();
  auto db = site.db().Read();
  auto record = store::LoadEvent(*db, v->event_id);
  auto detail = store::LoadEventDetail(*db, v->event_id, site.Chain(locale));
  if (!record || !detail) return Private(site, site.ErrorPage(404, request), CsrfToken{});
  const events::CalendarEvent whole = CalendarEventOf(site, locale, *record, *detail, {});
  std::vector<events::CalendarEvent> dates;
  for (const store::PlaceView& p : v->places) {
    if (!Live(p, now)) continue;
    events::CalendarEvent c = whole;
    NarrowToDate(c, events::FormatLocalStart(p.original), p.starts_at, p.ends_at, false);
    c.uid = v->id + "-" + events::FormatLocalStart(p.original) + "@tilti";
    c.tentative = p.status != PlaceStatus::kConfirmed;
    c.alarm_minutes_before = kReminderMinutes;
    dates.push_back(std::move(c));
  }
  http::Response r;
  r.Set("Content-Type", "text/calendar; charset=utf-8");
  r.Set("Content-Disposition", "attachment; filename=\"registration.ics\"");
  r.Set("X-Content-Type-Options", "nosniff");
  r.body = events::WriteCalendar(detail->title.text, dates);
  return Private(site, std::move(r), CsrfToken{});
}

http::Response RegistrationUpdate(const Site& site, const i18n::LocaleInfo& locale,
                                  http::Request& request) {
  auto v = FindRegistration(site, request);
  if (!v) return Private(site, site.ErrorPage(404, request), CsrfToken{});
  const SysTime now = site.clock().Now();
  std::string csrf;
  std::map<std::string, std::string> other;
  events::RegistrationInput in = ParseInput(request, &csrf, &other);
  const std::string action = other["action"];
  if (!CsrfOk(request, csrf, site.options().public_url)) {
    if (action != "change") in = InputOf(*v);
    return RenderRegistration(site, locale, request, *v, in,
                              {{"name", "registration.error.expired"}}, 400);
  }
  const std::string self = "/" + locale.code + "/registrations/" + std::string(request.Param("token"));
  if (action == "cancel") {
    std::optional<std::string> occurrence;
    if (other.count("occurrence")) occurrence = other["occurrence"];
    site.db().Write([&](store::Connection& c) { store::CancelPlaces(c, v->id, occurrence, now); });
    http::Response r;
    r.status = 303;
    r.Set("Location", self + "?done=cancelled");
    return r;
  }
  if (action != "change") return site.ErrorPage(400, request);
  auto event = store::LoadEventDetail(*site.db().Read(), v->event_id, site.Chain(locale));
  if (!event) return site.ErrorPage(404, request);
  events::RegistrationContext context{LocaleCodes(site), event->interpreted_languages,
                                      event->capacity};
  auto form = events::ValidateRegistration(in, context);
  if (!form.ok()) return RenderRegistration(site, locale, request, *v, in, form.error().fields, 400);
  Status changed = site.db().Write(
      [&](store::Connection& c) { return store::ChangeRegistration(c, v->id, form.value(), now); });
  if (!changed.ok()) {
    return RenderRegistration(site, locale, request, *v, in, changed.error().fields, 409);
  }
  http::Response r;
  r.status = 303;
  r.Set("Location", self + "?done=changed");
  return r;
}

}  // namespace tilti::web
