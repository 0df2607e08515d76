// The librarian's side of bookings (issue 6):
//   /{lang}/manage/libraries/{slug}/bookings[?date=&view=week]  the day's (or week's) bookings per
//        resource: approve or decline with a reason, came or no-show, cancel; blocked time; the
//        bookings that no longer fit the hours (to contact the people, never dropped silently)
//   POST /{lang}/manage/bookings/{id}                            one of those actions
//   POST /{lang}/manage/resources/{id}/blocks[/remove]            block time, or unblock it
//   /{lang}/manage/resources/{id}/book[?date=]                   book for a visitor at the desk
// Bookings hold personal data: the guard lets only those who take registrations for the
// resource's library in (Action::kTakeRegistrations on its organisation).
#include "accounts/session_token.h"
#include "core/riga_time.h"
#include "events/event.h"
#include "events/event_rules.h"
#include "store/booking_store.h"
#include "store/directory_queries.h"
#include "store/ownership_queries.h"
#include "web/back_office.h"
#include "web/handlers.h"
#include "web/person_form.h"
#include "web/query_params.h"
#include "web/resource_views.h"
#include "web/session.h"

namespace tilti::web {
namespace {

using namespace std::chrono;

std::string DeskPath(const i18n::LocaleInfo& locale, std::string_view slug) {
  return ManagePath(locale, "/libraries/" + std::string(slug) + "/bookings");
}

// "10:00–10:45".
std::string TimeRange(const i18n::Formatter& f, SysTime starts, SysTime ends) {
  return f.Time(starts) + "–" + f.Time(ends);
}

Data BookingRow(const Site& site, const i18n::LocaleInfo& locale, const store::BookingView& b,
                const std::string& back, const std::string& csrf, SysTime now) {
  const std::string& lang = locale.code;
  const i18n::Formatter& f = site.FormatterFor(lang);
  Data d(Data::type::object);
  d.set("when", f.ShortDate(b.starts_at) + " " + TimeRange(f, b.starts_at, b.ends_at));
  d.set("name", b.name);
  d.set("party", std::to_string(b.party_size));
  d.set("contact", b.contact);
  d.set("language", site.LanguageNameIn(b.language, lang));
  d.set("needs", NeedsText(site, lang, b.needs, b.note));
  std::string status = site.Tr(lang, "bookings.status." + b.status, {{"count", b.party_size}});
  if (b.came) status += "; " + site.Tr(lang, *b.came ? "desk.came" : "desk.no_show");
  if (b.at_desk) status += "; " + site.Tr(lang, "desk.at_desk");
  d.set("status", status);
  if (!b.reason.empty()) d.set("reason", b.reason);
  d.set("action", ManagePath(locale, "/bookings/" + b.id));
  d.set("back", back);
  d.set("csrf", csrf);
  d.set("pending", b.status == "pending");
  const bool confirmed = b.status == "confirmed";
  d.set("can_mark", confirmed && b.starts_at <= now + minutes{30});
  d.set("can_cancel", (confirmed || b.status == "pending") && b.starts_at > now);
  d.set("id", b.id);
  return d;
}

// What the desk page shows besides the bookings: which day or week, and a form sent back with
// mistakes (the date typed above the list, or one resource's block-time form), kept as typed.
struct DeskState {
  std::string slug;
  year_month_day date;
  bool week = false;
  std::string typed;                                          // the date field when it was wrong
  std::vector<std::pair<std::string, std::string>> errors;   // field id, message
  std::string block_resource;                                 // whose block form is shown again
  std::map<std::string, std::string> block;                   // date, from, to, reason as typed
};

// The page a desk form came from, when it is this library's desk page ("…/bookings?date=&view=").
void ReadBack(std::string_view back, DeskState& state) {
  const auto q = back.find('?');
  if (q == std::string_view::npos) return;
  for (auto& [name, value] : http::ParseQuery(back.substr(q + 1))) {
    if (name == "date") {
      if (auto d = events::ParseTypedDate(value)) state.date = *d;
    } else if (name == "view") {
      state.week = value == "week";
    }
  }
}

http::Response RenderDesk(const Site& site, const i18n::LocaleInfo& locale,
                          const http::Request& request, const BackOffice& bo, DeskState state) {
  const std::string& lang = locale.code;
  const std::string& slug = state.slug;
  const SysTime now = site.clock().Now();
  const TimeZone riga;
  auto& errors = state.errors;
  const year_month_day date = state.date;
  const bool week = state.week;
  const SysTime from = riga.FromLocal(date, minutes{0});
  const SysTime to = riga.FromLocal(AddDays(date, week ? 7 : 1), minutes{0});
  const std::string self = DeskPath(locale, slug);
  const std::string query = "?date=" + events::FormatDate(date) + (week ? "&view=week" : "");
  const std::string back = self + query;
  const i18n::Formatter& f = site.FormatterFor(lang);

  auto db = site.db().Read();
  const LocaleChain chain = site.Chain(locale);
  const auto resources = store::ResourcesOfLibrary(*db, slug, chain);
  const auto bookings = store::BookingsOfLibrary(*db, bo.organization_id, from, to);
  const auto blocks = store::BlocksOfLibrary(*db, bo.organization_id, from, to);
  const auto affected = store::AffectedBookings(*db, bo.organization_id, now);
  Data list(Data::type::list);
  for (const auto& r : resources) {
    Data rd = ResourceSummaryView(site, locale, r);
    Data rows(Data::type::list);
    for (const auto& b : bookings) {
      if (b.resource_id == r.id) rows.push_back(BookingRow(site, locale, b, back, bo.csrf.value, now));
    }
    rd.set("bookings", rows);
    rd.set("has_bookings", !rows.is_empty_list());
    Data bl(Data::type::list);
    for (const auto& k : blocks) {
      if (k.resource_id != r.id) continue;
      Data d(Data::type::object);
      d.set("when", f.ShortDate(k.starts_at) + " " + TimeRange(f, k.starts_at, k.ends_at));
      d.set("reason", k.reason);
      d.set("id", k.id);
      bl.push_back(d);
    }
    rd.set("blocks", bl);
    rd.set("has_blocks", !bl.is_empty_list());
    rd.set("desk_href", ManagePath(locale, "/resources/" + r.id + "/book?date=" + events::FormatDate(date)));
    rd.set("block_action", ManagePath(locale, "/resources/" + r.id + "/blocks"));
    rd.set("block_date", events::FormatDate(date));
    if (r.id == state.block_resource) {
      rd.set("block_open", true);
      for (const auto& [name, value] : state.block) rd.set("block_" + name, value);
      for (const auto& [field, text] : errors) {
        const std::string prefix = "block-", suffix = "-" + r.id;
        if (field.starts_with(prefix) && field.ends_with(suffix)) {
          rd.set("block_" + field.substr(prefix.size(), field.size() - prefix.size() - suffix.size()) + "_error", text);
        }
      }
    }
    if (accounts::Can(bo.actor, accounts::Action::kEditDirect, bo.organization_id)) {
      rd.set("edit_href", ManagePath(locale, "/resources/" + r.id + "/edit"));
    }
    if (accounts::Can(bo.actor, accounts::Action::kTranslate, bo.organization_id)) {
      rd.set("translate_href", ManagePath(locale, "/translations/resource/" + r.id));
    }
    rd.set("resource_id", r.id);
    list.push_back(rd);
  }
  Data aff(Data::type::list);
  for (const auto& a : affected) {
    Data d = BookingRow(site, locale, a.booking, back, bo.csrf.value, now);
    d.set("when", f.LongDate(a.booking.starts_at) + " " + TimeRange(f, a.booking.starts_at, a.booking.ends_at));
    d.set("why", site.Tr(lang, a.why));
    for (const auto& r : resources) {
      if (r.id == a.booking.resource_id) d.set("resource", site.TextData(r.name, locale));
    }
    aff.push_back(d);
  }
  Data page(Data::type::object);
  const auto library = store::LibraryBySlug(*db, chain, slug, date);
  const std::string library_name = library ? library->name.text : slug;
  const std::string heading = site.Tr(lang, "desk.heading", {{"library", library_name}});
  page.set("heading", heading);
  page.set("library_href", ManagePath(locale, "/libraries/" + slug));
  page.set("resources", list);
  page.set("has_resources", !list.is_empty_list());
  if (accounts::Can(bo.actor, accounts::Action::kEditDirect, bo.organization_id)) {
    page.set("new_resource_href", ManagePath(locale, "/libraries/" + slug + "/resources/new"));
  }
  page.set("affected", aff);
  page.set("has_affected", !aff.is_empty_list());
  page.set("action", self);
  page.set("date", events::FormatDate(date));
  page.set("range", week ? site.Tr(lang, "desk.week_of", {{"day", DayLabel(f, date)}}) : DayLabel(f, date));
  page.set("week", week);
  page.set("prev_href", self + "?date=" + events::FormatDate(AddDays(date, week ? -7 : -1)) + (week ? "&view=week" : ""));
  page.set("next_href", self + "?date=" + events::FormatDate(AddDays(date, week ? 7 : 1)) + (week ? "&view=week" : ""));
  page.set("today_href", self);
  page.set("toggle_href", self + "?date=" + events::FormatDate(date) + (week ? "" : "&view=week"));
  page.set("csrf", bo.csrf.value);
  page.set("back", back);
  SetErrorSummary(page, errors);
  if (!state.typed.empty()) page.set("typed", state.typed);
  PageFrame frame{&locale, "manage/libraries/" + slug + "/bookings" + query,
                  errors.empty() ? heading : site.Tr(lang, "form.error_title", {{"title", heading}}),
                  errors.empty() ? 200 : 400};
  return RenderBackOfficePage(site, request, bo, frame, "booking_desk", std::move(page));
}

}  // namespace

http::Response LibraryBookings(const Site& site, const i18n::LocaleInfo& locale,
                               http::Request& request, const BackOffice& bo) {
  DeskState state;
  state.slug = std::string(request.Param("slug"));
  state.date = TimeZone().LocalDate(site.clock().Now());
  const std::string typed = QueryParam(request, "date", 40);
  if (!typed.empty()) {
    if (auto d = events::ParseTypedDate(typed)) {
      state.date = *d;
    } else {
      state.typed = typed;
      state.errors.emplace_back("date", site.Tr(locale.code, "bookings.error.date"));
    }
  }
  state.week = QueryParam(request, "view") == "week";
  return RenderDesk(site, locale, request, bo, std::move(state));
}

http::Response BookingAction(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request, const BackOffice& bo) {
  std::map<std::string, std::string> fields;
  for (auto& [name, value] : http::ParseQuery(request.body)) fields[name] = value;
  const std::string id(request.Param("id"));
  const SysTime now = site.clock().Now();
  const std::string action = fields["action"];
  const std::string reason = fields["reason"].substr(0, 300);
  Status done = Ok();
  site.db().Write([&](store::Connection& c) {
    if (action == "approve") done = store::DecideBooking(c, id, true, "", now);
    else if (action == "decline") done = store::DecideBooking(c, id, false, reason, now);
    else if (action == "came") done = store::MarkCame(c, id, true, now);
    else if (action == "no_show") done = store::MarkCame(c, id, false, now);
    else if (action == "cancel") done = store::CancelBooking(c, id, reason, now);
    else done = Error{ErrorCode::kInvalidInput, "unknown action"};
  });
  // Back to the page the action was taken on, which must be a page of this back office.
  std::string back = fields["back"];
  if (!back.starts_with(ManagePath(locale, "/libraries/")) || back.find("//") != std::string::npos) {
    back = ManagePath(locale);
  }
  if (done.ok()) return SeeOther(back);
  // The booking changed meanwhile (cancelled by the person, decided at another desk) or the
  // action does not fit it: the library's desk page again, as it is now, saying so.
  DeskState state;
  state.slug = store::SlugOfOrganization(*site.db().Read(), bo.organization_id).value_or("");
  if (state.slug.empty()) return site.ErrorPage(409, request);
  state.date = TimeZone().LocalDate(now);
  ReadBack(back, state);
  state.errors.emplace_back("booking-" + id, site.Tr(locale.code, "desk.error.stale"));
  http::Response page = RenderDesk(site, locale, request, bo, std::move(state));
  page.status = 409;
  return page;
}

http::Response ResourceBlocks(const Site& site, const i18n::LocaleInfo& locale,
                              http::Request& request, const BackOffice& bo) {
  std::map<std::string, std::string> fields;
  for (auto& [name, value] : http::ParseQuery(request.body)) fields[name] = value;
  const std::string id(request.Param("id"));
  const SysTime now = site.clock().Now();
  auto r = store::LoadResource(*site.db().Read(), id, site.Chain(locale));
  if (!r) return site.ErrorPage(404, request);
  const std::string& lang = locale.code;
  DeskState state;
  state.slug = r->library_slug;
  state.date = TimeZone().LocalDate(now);
  auto date = events::ParseTypedDate(fields["date"]);
  if (date) state.date = *date;
  if (fields["action"] == "remove") {
    Status removed = site.db().Write([&](store::Connection& c) { return store::RemoveBlock(c, id, fields["block"]); });
    if (removed.ok()) return SeeOther(DeskPath(locale, r->library_slug) + "?date=" + events::FormatDate(state.date));
    state.errors.emplace_back("block-date-" + id, site.Tr(lang, "desk.error.block_gone"));
    http::Response page = RenderDesk(site, locale, request, bo, std::move(state));
    page.status = 409;
    return page;
  }
  auto opens = directory::ParseClockTime(fields["from"]);
  auto closes = directory::ParseClockTime(fields["to"]);
  if (!date) state.errors.emplace_back("block-date-" + id, site.Tr(lang, "bookings.error.date"));
  if (!opens) state.errors.emplace_back("block-from-" + id, site.Tr(lang, "desk.error.block_time"));
  if (!closes) state.errors.emplace_back("block-to-" + id, site.Tr(lang, "desk.error.block_time"));
  if (opens && closes && *closes <= *opens) {
    state.errors.emplace_back("block-to-" + id, site.Tr(lang, "desk.error.block_order"));
  }
  if (!state.errors.empty()) {
    state.block_resource = id;
    for (const char* name : {"date", "from", "to", "reason"}) state.block[name] = fields[name].substr(0, 200);
    return RenderDesk(site, locale, request, bo, std::move(state));
  }
  const TimeZone riga;
  store::Block b{"", id, riga.FromLocal(*date, minutes{*opens}), riga.FromLocal(*date, minutes{*closes}),
                 fields["reason"].substr(0, 200)};
  site.db().Write([&](store::Connection& c) { store::AddBlock(c, b, bo.actor.account_id, now); });
  return SeeOther(DeskPath(locale, r->library_slug) + "?date=" + events::FormatDate(*date));
}

namespace {

http::Response RenderDeskForm(const Site& site, const i18n::LocaleInfo& locale,
                              const http::Request& request, const BackOffice& bo,
                              const store::ResourceView& r, year_month_day date,
                              const events::RegistrationInput& in, const std::string& target_group,
                              const std::string& start, const std::vector<FieldError>& errors) {
  const std::string& lang = locale.code;
  const SysTime now = site.clock().Now();
  const store::DayView day = store::SlotsOfDay(*site.db().Read(), r, date, now);
  const i18n::Formatter& f = site.FormatterFor(lang);
  FormView form(site, locale, site.Tr(lang, "desk.book_title", {{"name", r.name.text}}),
                ManagePath(locale, "/resources/" + r.id + "/book"));
  form.Intro(DayLabel(f, date));
  form.Section("");
  form.Hidden("date", events::FormatDate(date));
  FormField slots;
  slots.kind = FormField::Kind::kRadios;
  slots.name = "start";
  slots.label = site.Tr(lang, "resources.free_times_on", {{"day", DayLabel(f, date)}});
  for (const store::SlotView& s : day.slots) {
    if (s.free <= 0) continue;
    const std::string value = FormatRfc3339(s.slot.starts_at);
    slots.options.push_back({value, SlotLabel(site, lang, s), value == start, ""});
  }
  const bool any = !slots.options.empty();
  if (any) form.Add(std::move(slots));
  form.Section(site.Tr(lang, "desk.visitor"), site.Tr(lang, "desk.visitor_hint"));
  PersonFields(site, locale, form, in, InterpretedLanguages(r));
  TargetGroupField(site, locale, form, target_group);
  AddErrors(site, locale, form, errors, {{"max", events::kMaxPartySize}, {"capacity", r.capacity}});
  if (!any && errors.empty()) form.Notice(site.Tr(lang, "resources.day_none_long"));
  form.Submit(site.Tr(lang, "bookings.confirm"));
  form.Back(DeskPath(locale, r.library_slug) + "?date=" + events::FormatDate(date), site.Tr(lang, "desk.back"));
  Data page = form.Data();
  page.set("csrf", bo.csrf.value);
  page.set("date_action", ManagePath(locale, "/resources/" + r.id + "/book"));
  page.set("date", events::FormatDate(date));
  PageFrame frame = form.Frame("manage/resources/" + r.id + "/book");
  return RenderBackOfficePage(site, request, bo, frame, "desk_book", std::move(page));
}

}  // namespace

http::Response DeskBook(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                        const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto resource = store::LoadResource(*site.db().Read(), request.Param("id"), site.Chain(locale));
  if (!resource) return site.ErrorPage(404, request);
  // At the desk the visitor is there: no minimum notice.
  store::ResourceView r = *resource;
  r.rules.min_notice_minutes = 0;
  const SysTime now = site.clock().Now();
  const TimeZone riga;
  if (request.method == "GET") {
    auto date = events::ParseTypedDate(QueryParam(request, "date", 40)).value_or(riga.LocalDate(now));
    events::RegistrationInput in;
    in.party_size = "1";
    in.language = lang;
    return RenderDeskForm(site, locale, request, bo, r, date, in, "", "", {});
  }
  std::string csrf;
  std::map<std::string, std::string> other;
  events::RegistrationInput in = ParseInput(request, &csrf, &other);
  const auto date = events::ParseTypedDate(other["date"]).value_or(riga.LocalDate(now));
  const std::string target_group = other["target_group"];
  const std::string start = other["start"];
  std::vector<FieldError> errors;
  auto starts = ParseStoredRfc3339(start);
  if (!starts) errors.push_back({"start", "bookings.error.choose_time"});
  events::RegistrationContext context{LocaleCodes(site), InterpretedLanguages(r), r.capacity};
  auto form = events::ValidateRegistration(in, context);
  if (!form.ok()) errors.insert(errors.end(), form.error().fields.begin(), form.error().fields.end());
  if (!KnownTargetGroup(site, target_group)) errors.push_back({"target_group", "bookings.error.target_group"});
  if (!errors.empty()) return RenderDeskForm(site, locale, request, bo, r, date, in, target_group, start, errors);
  const accounts::NewSessionToken hold = accounts::MakeSessionToken();
  const accounts::NewSessionToken booking = accounts::MakeSessionToken();
  auto booked = site.db().Write([&](store::Connection& c) -> Result<std::string> {
    auto held = store::HoldSlot(c, r, {*starts, form.value().party_size, hold.hash, std::nullopt}, now);
    if (!held.ok()) return held.error();
    return store::ConfirmHold(c, r, hold.hash,
                              {booking.hash, form.value(), target_group, bo.actor.account_id}, now);
  });
  if (!booked.ok()) {
    return RenderDeskForm(site, locale, request, bo, r, date, in, target_group, start,
                          booked.error().fields.empty()
                              ? std::vector<FieldError>{{"start", "bookings.error.slot_taken"}}
                              : booked.error().fields);
  }
  // The visitor's own link, to give them on paper or read out.
  Data page(Data::type::object);
  const std::string heading = site.Tr(lang, "desk.booked_heading");
  page.set("heading", heading);
  page.set("link", site.options().public_url + "/" + in.language + "/bookings/" + booking.token);
  page.set("back_href", DeskPath(locale, r.library_slug) + "?date=" + events::FormatDate(date));
  PageFrame frame{&locale, "manage/resources/" + r.id + "/book", heading};
  return RenderBackOfficePage(site, request, bo, frame, "desk_booked", std::move(page));
}

}  // namespace tilti::web
