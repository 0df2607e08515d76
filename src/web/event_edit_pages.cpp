// The back-office event forms (issue 5):
//   /{lang}/manage/libraries/{slug}/events            the library's events, "New event"
//   /{lang}/manage/libraries/{slug}/events/new        create (GET form, POST save)
//   /{lang}/manage/events/{id}                        edit the whole series; its dates
//   /{lang}/manage/events/{id}/dates/{on}             one date: cancel, remove, move, restore
//   /{lang}/manage/events/{id}/split?from={on}        change this and all following dates
//   /{lang}/manage/events/{id}/cancel, /duplicate     cancel with a public reason; copy
//   /{lang}/manage/libraries/{slug}/programme         the month's programme, printable
// Handlers parse, call events/event_rules and store/event_store, and render through FormView.
#include <chrono>

#include "core/riga_time.h"
#include "core/text.h"
#include "events/event_rules.h"
#include "store/attendance_store.h"
#include "store/audit_store.h"
#include "store/event_queries.h"
#include "store/event_store.h"
#include "store/ownership_queries.h"
#include "store/directory_queries.h"
#include "store/report_store.h"
#include "web/back_office.h"
#include "web/event_views.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/query_params.h"

namespace tilti::web {
namespace {

using namespace std::chrono;

constexpr size_t kDatesShown = 40;
constexpr size_t kHistoryRows = 20;
constexpr long kMaxReasonChars = 300;

// Languages an event can be held or interpreted in: the site's, then those of the seeds'
// newcomers and neighbours.
const std::vector<std::string>& EventLanguages() {
  static const std::vector<std::string> kLanguages = {
      "lv", "ru", "uk", "en", "lt", "et", "pl", "be", "de", "fr", "es", "ar", "fa", "tr", "zh", "hy", "ka", "vi"};
  return kLanguages;
}

std::string EventPath(const i18n::LocaleInfo& locale, std::string_view id, std::string_view tail = "") {
  return ManagePath(locale, "/events/" + std::string(id) + std::string(tail));
}
std::string LibraryEventsPath(const i18n::LocaleInfo& locale, std::string_view slug) {
  return ManagePath(locale, "/libraries/" + std::string(slug) + "/events");
}

// What the form offers, from the database.
struct Choices {
  std::vector<store::TargetGroup> categories, audiences;
  events::EventContext context;
};

Choices LoadChoices(store::Connection& c, const LocaleChain& chain, bool has_location) {
  Choices ch;
  ch.categories = store::TermsOfTaxonomy(c, "event-category", chain);
  ch.audiences = store::TermsOfTaxonomy(c, "target-group", chain);
  for (const auto& t : ch.categories) ch.context.categories[t.code] = t.id;
  for (const auto& t : ch.audiences) ch.context.audiences[t.code] = t.id;
  ch.context.languages = EventLanguages();
  ch.context.has_location = has_location;
  return ch;
}

events::EventInput InputFromForm(const FormFields& form) {
  events::EventInput in;
  in.title = form.Get("title");
  in.description = form.Get("description");
  in.accessibility_note = form.Get("accessibility_note");
  in.category = form.Get("category");
  in.audiences = form.All("audiences");
  in.languages = form.All("languages");
  in.interpreted = form.All("interpreted");
  in.on_site = form.Get("on_site");
  in.online_url = form.Get("online_url");
  in.age_min = form.Get("age_min");
  in.age_max = form.Get("age_max");
  in.capacity = form.Get("capacity");
  in.registration = form.Get("registration");
  in.date = form.Get("date");
  in.start_time = form.Get("start_time");
  in.end_time = form.Get("end_time");
  in.repeat = form.Get("repeat");
  in.interval = form.Get("interval");
  in.weekdays = form.All("weekdays");
  in.ends = form.Get("ends");
  in.until = form.Get("until");
  in.count = form.Get("count");
  return in;
}

FormField Choice(FormField::Kind kind, std::string name, std::string label) {
  FormField f;
  f.kind = kind;
  f.name = std::move(name);
  f.label = std::move(label);
  return f;
}

bool Has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The event form's fields: what, who, where, when, registration.
void EventFields(const Site& site, const i18n::LocaleInfo& locale, FormView& form,
                 const events::EventInput& in, const Choices& ch, bool with_repeat,
                 std::string_view source_locale) {
  const std::string& lang = locale.code;
  auto tr = [&](std::string_view key) { return site.Tr(lang, key); };
  form.Section(tr("event.form.what"),
               site.Tr(lang, "event.form.texts_in", {{"language", site.LanguageNameIn(source_locale, lang)}}));
  FormField& title = form.Text("title", tr("event.form.title"), in.title);
  title.lang = std::string(source_locale);
  FormField& description = form.TextArea("description", tr("event.form.description"), in.description);
  description.optional = true;
  description.lang = std::string(source_locale);
  FormField category = Choice(FormField::Kind::kSelect, "category", tr("event.form.category"));
  category.options.push_back({"", tr("event.form.choose"), in.category.empty(), ""});
  for (const auto& t : ch.categories) category.options.push_back({t.code, t.name.text, t.code == in.category, ""});
  form.Add(std::move(category));

  form.Section(tr("event.form.who"));
  FormField audiences = Choice(FormField::Kind::kCheckboxes, "audiences", tr("event.form.audiences"));
  audiences.optional = true;
  for (const auto& t : ch.audiences) audiences.options.push_back({t.code, t.name.text, Has(in.audiences, t.code), ""});
  form.Add(std::move(audiences));
  FormField languages = Choice(FormField::Kind::kCheckboxes, "languages", tr("event.form.languages"));
  FormField interpreted = Choice(FormField::Kind::kCheckboxes, "interpreted", tr("event.form.interpreted"));
  interpreted.optional = true;
  for (const std::string& code : EventLanguages()) {
    const std::string name = site.LanguageNameIn(code, lang);
    languages.options.push_back({code, name, Has(in.languages, code), ""});
    interpreted.options.push_back({code, name, Has(in.interpreted, code), ""});
  }
  form.Add(std::move(languages));
  form.Add(std::move(interpreted));
  for (const char* name : {"age_min", "age_max"}) {
    FormField age = Choice(FormField::Kind::kNumber, name, tr(std::string("event.form.") + name));
    age.optional = true;
    age.width = "short";
    age.inputmode = "numeric";
    age.min = "0";
    age.max = "120";
    age.value = std::string(name) == "age_min" ? in.age_min : in.age_max;
    form.Add(std::move(age));
  }
  FormField& access = form.TextArea("accessibility_note", tr("event.form.accessibility"), in.accessibility_note);
  access.optional = true;
  access.lang = std::string(source_locale);

  form.Section(tr("event.form.where"));
  FormField on_site = Choice(FormField::Kind::kCheckboxes, "on_site", tr("event.form.on_site_legend"));
  on_site.optional = true;
  on_site.options.push_back({"1", tr("event.form.on_site"), in.on_site == "1", ""});
  form.Add(std::move(on_site));
  FormField url = Choice(FormField::Kind::kUrl, "online_url", tr("event.form.online_url"));
  url.value = in.online_url;
  url.optional = true;
  url.hint = tr("event.form.online_url_hint");
  form.Add(std::move(url));

  form.Section(tr("event.form.when"));
  FormField& date = form.Text("date", tr("event.form.date"), in.date);
  date.hint = tr("event.form.date_hint");
  date.width = "short";
  for (const char* name : {"start_time", "end_time"}) {
    FormField t = Choice(FormField::Kind::kText, name, tr(std::string("event.form.") + name));
    t.value = std::string(name) == "start_time" ? in.start_time : in.end_time;
    t.hint = tr("event.form.time_hint");
    t.width = "short";
    t.inputmode = "numeric";
    form.Add(std::move(t));
  }
  if (with_repeat) {
    FormField repeat = Choice(FormField::Kind::kRadios, "repeat", tr("event.form.repeat"));
    std::vector<std::string> kinds = {"none", "daily", "weekly", "monthly", "monthly-weekday"};
    if (in.repeat == "custom") kinds.push_back("custom");
    const std::string current = in.repeat.empty() ? "none" : in.repeat;
    for (const std::string& k : kinds) {
      repeat.options.push_back({k, tr("event.form.repeat." + k), k == current, ""});
    }
    form.Add(std::move(repeat));
    FormField interval = Choice(FormField::Kind::kNumber, "interval", tr("event.form.interval"));
    interval.value = in.interval;
    interval.optional = true;
    interval.hint = tr("event.form.interval_hint");
    interval.width = "short";
    interval.min = "1";
    interval.max = "12";
    form.Add(std::move(interval));
    FormField weekdays = Choice(FormField::Kind::kCheckboxes, "weekdays", tr("event.form.weekdays"));
    weekdays.optional = true;
    weekdays.hint = tr("event.form.weekdays_hint");
    const i18n::Formatter& f = site.FormatterFor(lang);
    for (int i = 1; i <= 7; ++i) {
      // 2026-11-23 is a Monday.
      const std::string name = f.Weekday(FromRiga(AddDays(year_month_day{2026y, November, 23d}, i - 1), minutes{12 * 60}));
      weekdays.options.push_back({std::to_string(i), name, Has(in.weekdays, std::to_string(i)), ""});
    }
    form.Add(std::move(weekdays));
    FormField ends = Choice(FormField::Kind::kRadios, "ends", tr("event.form.ends"));
    const std::string ends_now = in.ends.empty() ? "never" : in.ends;
    for (const char* k : {"never", "until", "count"}) {
      ends.options.push_back({k, tr(std::string("event.form.ends.") + k), ends_now == k, ""});
    }
    form.Add(std::move(ends));
    FormField& until = form.Text("until", tr("event.form.until"), in.until);
    until.optional = true;
    until.hint = tr("event.form.date_hint");
    until.width = "short";
    FormField count = Choice(FormField::Kind::kNumber, "count", tr("event.form.count"));
    count.value = in.count;
    count.optional = true;
    count.width = "short";
    count.min = "1";
    form.Add(std::move(count));
  }

  form.Section(tr("event.form.registration_legend"));
  FormField registration = Choice(FormField::Kind::kRadios, "registration", tr("event.form.registration"));
  const std::string mode = in.registration.empty() ? "none" : in.registration;
  for (const char* k : {"none", "open", "approval"}) {
    registration.options.push_back({k, tr(std::string("event.form.registration.") + k), mode == k, ""});
  }
  form.Add(std::move(registration));
  FormField capacity = Choice(FormField::Kind::kNumber, "capacity", tr("event.form.capacity"));
  capacity.value = in.capacity;
  capacity.optional = true;
  capacity.hint = tr("event.form.capacity_hint");
  capacity.width = "short";
  capacity.min = "1";
  form.Add(std::move(capacity));
}

void AddErrors(const Site& site, const i18n::LocaleInfo& locale, FormView& form,
               const std::vector<FieldError>& errors) {
  for (const FieldError& e : errors) {
    form.Error(e.field, site.Tr(locale.code, e.message_key,
                                {{"max", events::kMaxRepeatCount}, {"capacity", events::kMaxCapacity}}));
  }
}

store::EventRecord RecordOf(const events::EventDraft& d, store::EventRecord base,
                            const std::string& location_id) {
  base.title = d.title;
  base.description = d.description;
  base.accessibility_note = d.accessibility_note;
  base.category_id = d.category_id;
  base.audience_ids = d.audience_ids;
  base.spoken_languages = d.spoken_languages;
  base.interpreted_languages = d.interpreted_languages;
  base.location_id = d.on_site ? std::optional<std::string>(location_id) : std::nullopt;
  base.online_url = d.online_url;
  base.age_min = d.age_min;
  base.age_max = d.age_max;
  base.capacity = d.capacity;
  base.registration = d.registration;
  base.series = d.series;
  return base;
}

events::EventDraft DraftOf(const store::EventRecord& r) {
  events::EventDraft d;
  d.title = r.title;
  d.description = r.description;
  d.accessibility_note = r.accessibility_note;
  d.category_id = r.category_id;
  d.audience_ids = r.audience_ids;
  d.spoken_languages = r.spoken_languages;
  d.interpreted_languages = r.interpreted_languages;
  d.on_site = r.location_id.has_value();
  d.online_url = r.online_url;
  d.age_min = r.age_min;
  d.age_max = r.age_max;
  d.capacity = r.capacity;
  d.registration = r.registration;
  d.series = r.series;
  return d;
}

// The library (slug, organisation, location) an event form is for.
struct Library {
  std::string slug, organization_id, location_id;
};
std::optional<Library> LibraryOfSlug(const Site& site, std::string_view slug) {
  auto ref = store::LibraryRefBySlug(*site.db().Read(), slug);
  if (!ref) return std::nullopt;
  return Library{std::string(slug), ref->organization_id, ref->location_id};
}
std::optional<Library> LibraryOfEvent(store::Connection& c, const store::EventRecord& e) {
  auto slug = store::SlugOfOrganization(c, e.organization_id);
  if (!slug) return std::nullopt;
  Library lib{*slug, e.organization_id, ""};
  if (auto ref = store::LibraryRefBySlug(c, lib.slug)) lib.location_id = ref->location_id;
  return lib;
}

std::string TrimmedReason(const std::string& typed) { return TrimSpace(typed); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// The library's events.

http::Response LibraryEvents(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto lib = LibraryOfSlug(site, request.Param("slug"));
  if (!lib) return site.ErrorPage(404, request);
  const SysTime now = site.clock().Now();
  const i18n::Formatter& f = site.FormatterFor(lang);
  Data rows(Data::type::list);
  const auto events = store::EventsOfOrganization(*site.db().Read(), lib->organization_id, now, site.Chain(locale));
  for (const auto& e : events) {
    Data d(Data::type::object);
    d.set("href", EventPath(locale, e.id));
    d.set("title", site.TextData(e.title, locale));
    d.set("category", e.category.text);
    d.set("next", e.next ? f.Weekday(*e.next) + ", " + f.LongDate(*e.next) + " " + f.Time(*e.next)
                         : site.Tr(lang, "event.list.no_next"));
    d.set("dates", std::to_string(e.dates_ahead));
    d.set("series", e.series);
    d.set("cancelled", e.cancelled);
    d.set("sample", e.is_sample);
    rows.push_back(d);
  }
  Data page(Data::type::object);
  page.set("heading", site.Tr(lang, "event.list.heading"));
  page.set("library_href", ManagePath(locale, "/libraries/" + lib->slug));
  page.set("new_href", LibraryEventsPath(locale, lib->slug) + "/new");
  page.set("programme_href", ManagePath(locale, "/libraries/" + lib->slug + "/programme"));
  page.set("events", rows);
  page.set("has_events", !events.empty());
  if (QueryParam(request, "done") == "cancelled") page.set("notice", site.Tr(lang, "event.done.cancelled"));
  PageFrame frame{&locale, "manage/libraries/" + lib->slug + "/events", site.Tr(lang, "event.list.heading")};
  return RenderBackOfficePage(site, request, bo, frame, "library_events", std::move(page));
}

http::Response NewEvent(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                        const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto lib = LibraryOfSlug(site, request.Param("slug"));
  if (!lib) return site.ErrorPage(404, request);
  const Choices ch = LoadChoices(*site.db().Read(), site.Chain(locale), !lib->location_id.empty());
  const std::string action = LibraryEventsPath(locale, lib->slug) + "/new";
  FormView form(site, locale, site.Tr(lang, "event.form.new_title"), action);
  form.Submit(site.Tr(lang, "event.form.save"));
  form.Back(LibraryEventsPath(locale, lib->slug), site.Tr(lang, "form.cancel"));
  events::EventInput in;
  if (request.method == "GET") {
    in.on_site = lib->location_id.empty() ? "" : "1";
    in.languages = {"lv"};
    EventFields(site, locale, form, in, ch, true, lang);
    return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
  }
  in = InputFromForm(bo.form);
  auto draft = events::ValidateEvent(in, ch.context);
  if (!draft.ok()) {
    AddErrors(site, locale, form, draft.error().fields);
    EventFields(site, locale, form, in, ch, true, lang);
    return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
  }
  store::EventRecord base;
  base.organization_id = lib->organization_id;
  base.source_locale = lang;
  const store::EventRecord record = RecordOf(draft.value(), base, lib->location_id);
  const std::string id = site.db().Write([&](store::Connection& c) {
    return store::SaveEvent(c, record, bo.Author(), site.clock().Now());
  });
  return SeeOther(EventPath(locale, id) + "?done=saved");
}

// ---------------------------------------------------------------------------------------------
// One event.

namespace {

// The edit page: the form (with `in` and `errors`), then the dates, cancel, duplicate, history.
http::Response RenderEventPage(const Site& site, const i18n::LocaleInfo& locale,
                               const http::Request& request, const BackOffice& bo,
                               const store::EventRecord& record, const Library& lib,
                               const events::EventInput& in, const std::vector<FieldError>& errors,
                               const std::string& cancel_error) {
  const std::string& lang = locale.code;
  auto db = site.db().Read();
  const LocaleChain chain = site.Chain(locale);
  const Choices ch = LoadChoices(*db, chain, !lib.location_id.empty());
  const std::string self = EventPath(locale, record.id);
  FormView form(site, locale, site.Tr(lang, "event.form.edit_title", {{"title", record.title}}), self);
  form.Submit(site.Tr(lang, "event.form.save"));
  form.Back(LibraryEventsPath(locale, lib.slug), site.Tr(lang, "event.list.heading"));
  EventFields(site, locale, form, in, ch, true, record.source_locale);
  AddErrors(site, locale, form, errors);
  if (!cancel_error.empty()) form.Error("reason", cancel_error);
  const std::string done = QueryParam(request, "done");
  if (done == "saved" || done == "date" || done == "duplicated" || done == "split") {
    form.Notice(site.Tr(lang, "event.done." + done));
  }
  Data page = form.Data();
  if (record.is_sample) page.set("sample", true);
  page.set("public_href", "/" + lang + "/events/" + record.id);
  page.set("cancelled", record.status == events::EventStatus::kCancelled);
  page.set("cancel_reason_text", record.cancel_reason);
  page.set("cancel_action", self + "/cancel");
  page.set("duplicate_action", self + "/duplicate");
  page.set("reason_error", cancel_error);
  page.set("translate_href", ManagePath(locale, "/translations/event/" + record.id));
  const i18n::Formatter& f = site.FormatterFor(lang);
  Data dates(Data::type::list);
  for (const auto& o : store::OccurrencesOfEvent(*db, record.id, site.clock().Now(), chain, kDatesShown)) {
    Data d(Data::type::object);
    const std::string on = events::FormatLocalStart(o.original);
    d.set("when", WhenText(f, o.starts_at, o.ends_at));
    d.set("href", self + "/dates/" + on);
    d.set("registrations_href", ManagePath(locale, "/occurrences/" + o.occurrence_id));
    d.set("cancelled", o.cancelled);
    d.set("reason", o.cancel_reason);
    if (o.capacity) d.set("places", site.Tr(lang, "attendance.places", {{"confirmed", o.confirmed}, {"capacity", *o.capacity}}));
    dates.push_back(d);
  }
  page.set("dates", dates);
  page.set("has_history", true);
  page.set("history", HistoryData(site, locale, store::HistoryOf(*db, "event", record.id, kHistoryRows)));
  PageFrame frame = form.Frame("manage/events/" + record.id);
  if (!cancel_error.empty()) frame.status = 400;
  return RenderBackOfficePage(site, request, bo, frame, "event_edit", std::move(page));
}

struct Loaded {
  store::EventRecord record;
  Library lib;
};
std::optional<Loaded> LoadForEdit(const Site& site, const http::Request& request) {
  auto db = site.db().Read();
  auto record = store::LoadEvent(*db, request.Param("id"));
  if (!record) return std::nullopt;
  auto lib = LibraryOfEvent(*db, *record);
  if (!lib) return std::nullopt;
  return Loaded{std::move(*record), std::move(*lib)};
}

events::EventInput StoredInput(const Site& site, const i18n::LocaleInfo& locale,
                               const store::EventRecord& record) {
  const Choices ch = LoadChoices(*site.db().Read(), site.Chain(locale), true);
  return events::InputOf(DraftOf(record), ch.context.categories, ch.context.audiences);
}

}  // namespace

http::Response EditEvent(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                         const BackOffice& bo) {
  auto loaded = LoadForEdit(site, request);
  if (!loaded) return site.ErrorPage(404, request);
  const events::EventInput stored = StoredInput(site, locale, loaded->record);
  if (request.method == "GET") {
    return RenderEventPage(site, locale, request, bo, loaded->record, loaded->lib, stored, {}, "");
  }
  events::EventInput in = InputFromForm(bo.form);
  in.custom_rule = stored.custom_rule;  // a rule the form cannot show is kept, never typed
  const Choices ch = LoadChoices(*site.db().Read(), site.Chain(locale), !loaded->lib.location_id.empty());
  auto draft = events::ValidateEvent(in, ch.context);
  if (!draft.ok()) {
    return RenderEventPage(site, locale, request, bo, loaded->record, loaded->lib, in,
                           draft.error().fields, "");
  }
  const store::EventRecord record = RecordOf(draft.value(), loaded->record, loaded->lib.location_id);
  site.db().Write([&](store::Connection& c) {
    store::SaveEvent(c, record, bo.Author(), site.clock().Now());
  });
  return SeeOther(EventPath(locale, record.id) + "?done=saved");
}

http::Response CancelWholeEvent(const Site& site, const i18n::LocaleInfo& locale,
                                http::Request& request, const BackOffice& bo) {
  auto loaded = LoadForEdit(site, request);
  if (!loaded) return site.ErrorPage(404, request);
  const std::string reason = TrimmedReason(bo.form.Get("reason"));
  const long n = Utf8Length(reason);
  if (n <= 0 || n > kMaxReasonChars) {
    const std::string key = n == 0 ? "event.error.reason_missing" : n < 0 ? "event.error.text_invalid" : "event.error.reason_too_long";
    return RenderEventPage(site, locale, request, bo, loaded->record, loaded->lib,
                           StoredInput(site, locale, loaded->record), {}, site.Tr(locale.code, key));
  }
  site.db().Write([&](store::Connection& c) {
    store::CancelEvent(c, loaded->record.id, reason, bo.Author(), site.clock().Now());
  });
  return SeeOther(LibraryEventsPath(locale, loaded->lib.slug) + "?done=cancelled");
}

http::Response DuplicateEventPage(const Site& site, const i18n::LocaleInfo& locale,
                                  http::Request& request, const BackOffice& bo) {
  const std::string id(request.Param("id"));
  const std::string copy = site.db().Write([&](store::Connection& c) {
    return store::DuplicateEvent(c, id, bo.Author(), site.clock().Now());
  });
  return SeeOther(EventPath(locale, copy) + "?done=duplicated");
}

// ---------------------------------------------------------------------------------------------
// One date.

namespace {

http::Response RenderDatePage(const Site& site, const i18n::LocaleInfo& locale,
                              const http::Request& request, const BackOffice& bo,
                              const store::EventRecord& record, const store::OccurrenceItem& o,
                              const std::map<std::string, std::string>& typed,
                              const std::vector<std::pair<std::string, std::string>>& errors) {
  const std::string& lang = locale.code;
  const std::string on = events::FormatLocalStart(o.original);
  const std::string self = EventPath(locale, record.id, "/dates/" + on);
  const i18n::Formatter& f = site.FormatterFor(lang);
  FormView form(site, locale, WhenText(f, o.starts_at, o.ends_at), self);
  form.Intro(record.title);
  form.Submit(site.Tr(lang, "event.date.apply"));
  form.Back(EventPath(locale, record.id), site.Tr(lang, "event.date.back"));
  auto get = [&](const std::string& k, std::string fallback = "") {
    auto it = typed.find(k);
    return it == typed.end() ? fallback : it->second;
  };
  form.Section(site.Tr(lang, "event.date.what"));
  FormField action = Choice(FormField::Kind::kRadios, "action", site.Tr(lang, "event.date.action"));
  const std::string chosen = get("action");
  std::vector<std::string> actions = {"cancel", "remove", "move"};
  const auto exceptions = store::LoadExceptions(*site.db().Read(), record.id);
  const bool changed = std::any_of(exceptions.begin(), exceptions.end(),
                                   [&](const auto& e) { return e.original == o.original; });
  if (changed) actions.push_back("restore");
  for (const std::string& a : actions) {
    action.options.push_back({a, site.Tr(lang, "event.date.action." + a), a == chosen, ""});
  }
  form.Add(std::move(action));
  FormField& reason = form.TextArea("reason", site.Tr(lang, "event.date.reason"), get("reason"));
  reason.optional = true;
  reason.hint = site.Tr(lang, "event.date.reason_hint");
  const CivilDateTime wall = ToRiga(o.starts_at), wall_end = ToRiga(o.ends_at);
  FormField& date = form.Text("date", site.Tr(lang, "event.date.new_date"), get("date", events::FormatDate(DateOf(wall))));
  date.optional = true;
  date.hint = site.Tr(lang, "event.form.date_hint");
  date.width = "short";
  FormField& start = form.Text("start_time", site.Tr(lang, "event.form.start_time"),
                               get("start_time", events::FormatTimeOfDay(minutes{wall.hour * 60 + wall.minute})));
  start.width = "short";
  start.optional = true;
  FormField& end = form.Text("end_time", site.Tr(lang, "event.form.end_time"),
                             get("end_time", events::FormatTimeOfDay(minutes{wall_end.hour * 60 + wall_end.minute})));
  end.width = "short";
  end.optional = true;
  for (const auto& [field, text] : errors) form.Error(field, text);
  Data page = form.Data();
  page.set("split_href", EventPath(locale, record.id, "/split?from=" + on));
  page.set("registrations_href", ManagePath(locale, "/occurrences/" + o.occurrence_id));
  PageFrame frame = form.Frame("manage/events/" + record.id + "/dates/" + on);
  return RenderBackOfficePage(site, request, bo, frame, "event_date", std::move(page));
}

}  // namespace

http::Response EditEventDate(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto db = site.db().Read();
  auto record = store::LoadEvent(*db, request.Param("id"));
  auto original = events::ParseLocalStart(request.Param("on"));
  if (!record || !original) return site.ErrorPage(404, request);
  auto o = store::OccurrenceOf(*db, record->id, *original, site.Chain(locale));
  if (!o) return site.ErrorPage(404, request);
  if (request.method == "GET") return RenderDatePage(site, locale, request, bo, *record, *o, {}, {});

  std::map<std::string, std::string> typed;
  for (const char* k : {"action", "reason", "date", "start_time", "end_time"}) typed[k] = bo.form.Get(k);
  std::vector<std::pair<std::string, std::string>> errors;
  const std::string action = typed["action"];
  events::SeriesException ex;
  ex.original = *original;
  if (action == "cancel") {
    ex.kind = events::ExceptionKind::kCancelled;
    ex.reason = TrimSpace(typed["reason"]);
    const long n = Utf8Length(ex.reason);
    if (n == 0) errors.emplace_back("reason", site.Tr(lang, "event.error.reason_missing"));
    else if (n < 0 || n > kMaxReasonChars) errors.emplace_back("reason", site.Tr(lang, "event.error.reason_too_long"));
  } else if (action == "remove") {
    ex.kind = events::ExceptionKind::kRemoved;
  } else if (action == "move") {
    ex.kind = events::ExceptionKind::kChanged;
    auto date = events::ParseTypedDate(typed["date"]);
    auto start = events::ParseTimeOfDay(TrimSpace(typed["start_time"]));
    auto end = events::ParseTimeOfDay(TrimSpace(typed["end_time"]));
    if (!date) errors.emplace_back("date", site.Tr(lang, "event.error.date"));
    if (!start) errors.emplace_back("start_time", site.Tr(lang, "event.error.time"));
    if (!end) errors.emplace_back("end_time", site.Tr(lang, "event.error.time"));
    else if (start && *end <= *start) errors.emplace_back("end_time", site.Tr(lang, "event.error.end_before_start"));
    if (errors.empty()) {
      ex.moved_to = events::LocalStart{*date, *start};
      ex.duration_minutes = static_cast<int>((*end - *start).count());
    }
  } else if (action != "restore") {
    errors.emplace_back("action", site.Tr(lang, "event.error.date_action"));
  }
  if (!errors.empty()) return RenderDatePage(site, locale, request, bo, *record, *o, typed, errors);
  const SysTime now = site.clock().Now();
  site.db().Write([&](store::Connection& c) {
    if (action == "restore") store::RemoveSeriesException(c, record->id, *original, bo.Author(), now);
    else store::SaveSeriesException(c, record->id, ex, bo.Author(), now);
  });
  return SeeOther(EventPath(locale, record->id) + "?done=date");
}

http::Response SplitEvent(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto loaded = LoadForEdit(site, request);
  const std::string from_text = request.method == "GET" ? QueryParam(request, "from", 20) : bo.form.Get("from");
  auto from = events::ParseLocalStart(from_text);
  if (!loaded || !from) return site.ErrorPage(404, request);
  const Choices ch = LoadChoices(*site.db().Read(), site.Chain(locale), !loaded->lib.location_id.empty());
  const std::string self = EventPath(locale, loaded->record.id, "/split");
  FormView form(site, locale, site.Tr(lang, "event.split.title", {{"title", loaded->record.title}}), self);
  form.Intro(site.Tr(lang, "event.split.intro", {{"date", events::FormatDate(from->date)}}));
  form.Submit(site.Tr(lang, "event.form.save"));
  form.Back(EventPath(locale, loaded->record.id), site.Tr(lang, "form.cancel"));
  form.Hidden("from", from_text);
  events::EventInput in;
  if (request.method == "GET") {
    in = StoredInput(site, locale, loaded->record);
    in.date = events::FormatDate(from->date);
  } else {
    in = InputFromForm(bo.form);
    in.custom_rule = StoredInput(site, locale, loaded->record).custom_rule;
  }
  auto draft = request.method == "GET" ? Result<events::EventDraft>(Error{ErrorCode::kInvalidInput, ""})
                                       : events::ValidateEvent(in, ch.context);
  if (!draft.ok()) {
    if (request.method != "GET") AddErrors(site, locale, form, draft.error().fields);
    EventFields(site, locale, form, in, ch, true, loaded->record.source_locale);
    return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
  }
  store::EventRecord changed = RecordOf(draft.value(), loaded->record, loaded->lib.location_id);
  changed.id.clear();
  const std::string id = site.db().Write([&](store::Connection& c) {
    return store::SplitSeries(c, loaded->record.id, *from, changed, bo.Author(), site.clock().Now());
  });
  return SeeOther(EventPath(locale, id) + "?done=split");
}

// ---------------------------------------------------------------------------------------------
// The month's programme, printable.

http::Response LibraryProgramme(const Site& site, const i18n::LocaleInfo& locale,
                                http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto lib = LibraryOfSlug(site, request.Param("slug"));
  if (!lib) return site.ErrorPage(404, request);
  const year_month_day today = RigaDate(site.clock().Now());
  year_month month = today.year() / today.month();
  const std::string typed = QueryParam(request, "month", 10);
  if (auto d = events::ParseDate(typed + "-01"); d && typed.size() == 7) month = d->year() / d->month();
  const bool per_week = QueryParam(request, "per") == "week";
  events::EventFilter filter;
  filter.library = lib->slug;
  const SysTime from = FromRiga(year_month_day{month / day{1}}, minutes{0});
  const SysTime to = FromRiga(year_month_day{sys_days{month / last} + days{1}}, minutes{0});
  const LocaleChain chain = site.Chain(locale);
  auto db = site.db().Read();
  const auto items = store::ListOccurrences(*db, filter, from, to, chain, 2000);
  const i18n::Formatter& f = site.FormatterFor(lang);
  // Groups: the whole month, or its ISO weeks (each printed on its own page).
  Data groups(Data::type::list);
  Data current(Data::type::object);
  Data rows(Data::type::list);
  std::string current_key;
  auto flush = [&] {
    if (current_key.empty()) return;
    current.set("rows", rows);
    groups.push_back(current);
    current = Data(Data::type::object);
    rows = Data(Data::type::list);
  };
  for (const auto& o : items) {
    const year_month_day d = RigaDate(o.starts_at);
    const year_month_day monday = AddDays(d, 1 - IsoWeekday(d));
    const std::string key = per_week ? events::FormatDate(monday) : "month";
    if (key != current_key) {
      flush();
      current_key = key;
      current.set("heading", per_week ? site.Tr(lang, "event.programme.week_of", {{"date", f.LongDate(FromRiga(monday, minutes{12 * 60}))}})
                                      : f.MonthYear(from + hours{12}));
    }
    Data r(Data::type::object);
    r.set("day", f.Weekday(o.starts_at) + ", " + f.LongDate(o.starts_at));
    r.set("time", f.Time(o.starts_at) + "–" + f.Time(o.ends_at));
    r.set("title", site.TextData(o.title, locale));
    r.set("category", o.category.text);
    r.set("cancelled", o.cancelled);
    r.set("reason", o.cancel_reason);
    rows.push_back(r);
  }
  flush();
  Data page(Data::type::object);
  auto library = store::LibraryBySlug(*db, chain, lib->slug, today);
  page.set("heading", site.Tr(lang, "event.programme.heading", {{"library", library ? library->name.text : lib->slug}, {"month", f.MonthYear(from + hours{12})}}));
  page.set("groups", groups);
  page.set("has_groups", !items.empty());
  const std::string base = ManagePath(locale, "/libraries/" + lib->slug + "/programme?month=");
  const std::string m = events::FormatDate(month / day{1}).substr(0, 7);
  page.set("month", m);
  page.set("per_week_href", base + m + "&per=week");
  page.set("per_month_href", base + m);
  page.set("per_week", per_week);
  page.set("prev_href", base + events::FormatDate((month - months{1}) / day{1}).substr(0, 7) + (per_week ? "&per=week" : ""));
  page.set("next_href", base + events::FormatDate((month + months{1}) / day{1}).substr(0, 7) + (per_week ? "&per=week" : ""));
  page.set("events_href", LibraryEventsPath(locale, lib->slug));
  PageFrame frame{&locale, "manage/libraries/" + lib->slug + "/programme", site.Tr(lang, "event.programme.title")};
  return RenderBackOfficePage(site, request, bo, frame, "event_programme", std::move(page));
}

}  // namespace tilti::web
