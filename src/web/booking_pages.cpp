// A booking's private page, /{lang}/bookings/{token}: see it, change the details or the time,
// cancel, and take it into a calendar (/{lang}/bookings/{token}/calendar.ics, with a reminder
// the day before). No account: the link is the key, and only its SHA-256 is stored.
#include "accounts/session_token.h"
#include "core/riga_time.h"
#include "events/icalendar.h"
#include "web/back_office.h"
#include "web/event_views.h"
#include "web/handlers.h"
#include "web/person_form.h"
#include "web/query_params.h"
#include "web/resource_views.h"
#include "web/session.h"

namespace tilti::web {
namespace {

using namespace std::chrono;

struct Found {
  store::BookingView booking;
  store::ResourceView resource;
};

std::optional<Found> FindBooking(const Site& site, const i18n::LocaleInfo& locale,
                                 const http::Request& request) {
  const std::string_view token = request.Param("token");
  if (!accounts::IsWellFormedSessionToken(token)) return std::nullopt;
  auto db = site.db().Read();
  auto b = store::BookingByTokenHash(*db, accounts::HashSessionToken(token));
  if (!b) return std::nullopt;
  auto r = store::LoadResource(*db, b->resource_id, site.Chain(locale));
  if (!r) return std::nullopt;
  return Found{std::move(*b), std::move(*r)};
}

bool Live(const store::BookingView& b, SysTime now) {
  return b.starts_at > now && (b.status == "confirmed" || b.status == "pending");
}

std::string SelfPath(const i18n::LocaleInfo& locale, const http::Request& request) {
  return "/" + locale.code + "/bookings/" + std::string(request.Param("token"));
}

struct ChangeInput {
  events::RegistrationInput in;
  std::string target_group;
};

ChangeInput InputOf(const store::BookingView& b) {
  ChangeInput c;
  c.in.name = b.name;
  c.in.contact = b.contact;
  c.in.party_size = std::to_string(b.party_size);
  c.in.language = b.language;
  c.in.needs = b.needs;
  c.in.note = b.note;
  c.target_group = b.target_group;
  return c;
}

http::Response Render(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                      const Found& f, const ChangeInput& in, const std::vector<FieldError>& errors) {
  const std::string& lang = locale.code;
  const SysTime now = site.clock().Now();
  CsrfToken token = CsrfTokenFor(request);
  const std::string self = SelfPath(locale, request);
  const store::BookingView& b = f.booking;
  FormView form(site, locale, site.Tr(lang, "bookings.yours"), self);
  form.Section("");
  form.Hidden("action", "change");
  PersonFields(site, locale, form, in.in, InterpretedLanguages(f.resource));
  TargetGroupField(site, locale, form, in.target_group);
  AddErrors(site, locale, form, errors, {{"max", events::kMaxPartySize}, {"capacity", f.resource.capacity}});
  form.Submit(site.Tr(lang, "registration.save"));
  Data page = form.Data();
  page.set("csrf", token.value);
  page.set("self_href", site.options().public_url + self);
  if (QueryParam(request, "new") == "1") {
    page.set("new", true);
    page.set("new_text", site.Tr(lang, b.status == "pending" ? "bookings.received_pending" : "bookings.received"));
  }
  const std::string done = QueryParam(request, "done");
  if (done == "changed" || done == "cancelled") page.set("done", site.Tr(lang, "bookings.done." + done));
  page.set("resource_name", site.TextData(f.resource.name, locale));
  page.set("library_name", site.TextData(f.resource.library_name, locale));
  page.set("resource_href", ResourcePath(lang, f.resource.id));
  const i18n::Formatter& fmt = site.FormatterFor(lang);
  page.set("when", WhenText(fmt, b.starts_at, b.ends_at));
  page.set("when_datetime", FormatRfc3339(b.starts_at));
  std::string status = site.Tr(lang, "bookings.status." + b.status, {{"count", b.party_size}});
  if (b.starts_at <= now && (b.status == "confirmed" || b.status == "pending")) {
    status += " (" + site.Tr(lang, "events.past") + ")";
  }
  page.set("status", status);
  if (!b.reason.empty()) page.set("reason", b.reason);
  const bool live = Live(b, now);
  page.set("live", live);
  page.set("ics_href", self + "/calendar.ics");
  page.set("move_href", ResourcePath(lang, f.resource.id) + "/book?move=" + std::string(request.Param("token")));
  if (f.resource.is_sample) page.set("sample", true);
  PageFrame frame = form.Frame("bookings/" + std::string(request.Param("token")));
  if (!errors.empty()) frame.status = 400;
  return Private(site, site.RenderPage(request, frame, "booking", std::move(page)), token);
}

}  // namespace

http::Response BookingPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  auto f = FindBooking(site, locale, request);
  if (!f) return Private(site, site.ErrorPage(404, request), CsrfToken{});
  return Render(site, locale, request, *f, InputOf(f->booking), {});
}

http::Response BookingUpdate(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  auto f = FindBooking(site, locale, request);
  if (!f) return Private(site, site.ErrorPage(404, request), CsrfToken{});
  const SysTime now = site.clock().Now();
  std::string csrf;
  std::map<std::string, std::string> other;
  ChangeInput in{ParseInput(request, &csrf, &other), ""};
  in.target_group = other["target_group"];
  const std::string action = other["action"];
  if (action != "change") in = InputOf(f->booking);
  if (!CsrfOk(request, csrf, site.options().public_url)) {
    return Render(site, locale, request, *f, in, {{"name", "registration.error.expired"}});
  }
  const std::string self = SelfPath(locale, request);
  if (!Live(f->booking, now)) return SeeOther(self);
  if (action == "cancel") {
    site.db().Write([&](store::Connection& c) { (void)store::CancelBooking(c, f->booking.id, "", now); });
    return SeeOther(self + "?done=cancelled");
  }
  if (action != "change") return site.ErrorPage(400, request);
  events::RegistrationContext context{LocaleCodes(site), InterpretedLanguages(f->resource), f->resource.capacity};
  auto form = events::ValidateRegistration(in.in, context);
  std::vector<FieldError> errors = form.ok() ? std::vector<FieldError>{} : form.error().fields;
  if (!KnownTargetGroup(site, in.target_group)) errors.push_back({"target_group", "bookings.error.target_group"});
  if (!errors.empty()) return Render(site, locale, request, *f, in, errors);
  Status changed = site.db().Write([&](store::Connection& c) {
    return store::ChangeBooking(c, f->booking.id, form.value(), in.target_group, now);
  });
  if (!changed.ok()) return Render(site, locale, request, *f, in, changed.error().fields);
  return SeeOther(self + "?done=changed");
}

http::Response BookingCalendar(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  auto f = FindBooking(site, locale, request);
  if (!f) return Private(site, site.ErrorPage(404, request), CsrfToken{});
  const store::BookingView& b = f->booking;
  events::CalendarEvent c;
  c.uid = b.id + "@tilti";
  c.dtstamp = ParseStoredRfc3339(b.created).value_or(site.clock().Now());
  c.summary = f->resource.name.text;
  c.description = f->resource.description.text;
  c.location = f->resource.library_name.text;
  c.url = site.options().public_url + ResourcePath(locale.code, f->resource.id);
  const CivilDateTime wall = ToRiga(b.starts_at);
  c.series.first = events::LocalStart{DateOf(wall), minutes{wall.hour * 60 + wall.minute}};
  c.series.duration_minutes = static_cast<int>(duration_cast<minutes>(b.ends_at - b.starts_at).count());
  c.cancelled = b.status == "cancelled" || b.status == "declined";
  c.tentative = b.status == "pending";
  c.sequence = c.cancelled ? 1 : 0;
  c.alarm_minutes_before = 24 * 60;
  http::Response r;
  r.Set("Content-Type", "text/calendar; charset=utf-8");
  r.Set("Content-Disposition", "attachment; filename=\"booking.ics\"");
  r.Set("X-Content-Type-Options", "nosniff");
  r.body = events::WriteCalendar(f->resource.name.text, {c});
  return Private(site, std::move(r), CsrfToken{});
}

}  // namespace tilti::web
