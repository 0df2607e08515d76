// A library's bookable resources in the back office (issue 6):
//   /{lang}/manage/libraries/{slug}/resources/new   add one (at the library's location)
//   /{lang}/manage/resources/{id}/edit               change one
// Hours are typed per weekday ("10:00–13:00, 14:00–18:00"); leaving every day empty follows
// the library's opening hours. Changing hours never cancels bookings: those that no longer fit
// are listed on the bookings page for the librarian to contact the people.
#include <map>

#include "bookings/resource_rules.h"
#include "core/riga_time.h"
#include "store/attendance_store.h"
#include "store/booking_store.h"
#include "store/directory_queries.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"

namespace tilti::web {
namespace {

constexpr const char* kWeekdayKeys[] = {"mo", "tu", "we", "th", "fr", "sa", "su"};
constexpr const char* kKinds[] = {"room", "workstation", "consultation", "interpreter_session"};

std::string DeskPath(const i18n::LocaleInfo& locale, std::string_view slug) {
  return ManagePath(locale, "/libraries/" + std::string(slug) + "/bookings");
}

struct Choices {
  bookings::ResourceContext context;
  std::vector<store::TargetGroup> features;  // accessibility terms
  std::map<std::string, std::string> codes;  // term id -> code
};

Choices LoadChoices(const Site& site, const i18n::LocaleInfo& locale) {
  Choices c;
  c.features = store::TermsOfTaxonomy(*site.db().Read(), "accessibility", site.Chain(locale));
  for (const auto& f : c.features) {
    c.context.features[f.code] = f.id;
    c.codes[f.id] = f.code;
  }
  for (const auto& l : site.messages().Locales()) c.context.languages.push_back(l.code);
  return c;
}

bookings::ResourceInput ParseResourceForm(const http::Request& request) {
  bookings::ResourceInput in;
  for (auto& [name, value] : http::ParseQuery(request.body)) {
    if (name == "kind") in.kind = value;
    else if (name == "name") in.name = value;
    else if (name == "description") in.description = value;
    else if (name == "what_to_expect") in.what_to_expect = value;
    else if (name == "capacity") in.capacity = value;
    else if (name == "slot_minutes") in.slot_minutes = value;
    else if (name == "buffer_minutes") in.buffer_minutes = value;
    else if (name == "book_ahead_days") in.book_ahead_days = value;
    else if (name == "min_notice_minutes") in.min_notice_minutes = value;
    else if (name == "approval") in.approval = value;
    else if (name == "languages") in.languages.push_back(value);
    else if (name == "features") in.features.push_back(value);
    else if (name.size() == 7 && name.starts_with("hours-") && name[6] >= '1' && name[6] <= '7') in.hours[name[6] - '1'] = value;
    else if (name.size() == 7 && name.starts_with("quiet-") && name[6] >= '1' && name[6] <= '7') in.quiet[name[6] - '1'] = value;
  }
  return in;
}

FormField Number(const Site& site, std::string_view lang, const char* name, const std::string& value) {
  FormField f;
  f.kind = FormField::Kind::kNumber;
  f.name = name;
  f.label = site.Tr(lang, std::string("resources.form.") + name);
  f.value = value;
  f.width = "short";
  f.inputmode = "numeric";
  return f;
}

http::Response RenderForm(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                          const BackOffice& bo, const std::string& title, const std::string& action,
                          const std::string& back, const bookings::ResourceInput& in,
                          const Choices& choices, const std::vector<FieldError>& errors) {
  const std::string& lang = locale.code;
  FormView form(site, locale, title, action);
  form.Section(site.Tr(lang, "resources.form.about"));
  FormField kind;
  kind.kind = FormField::Kind::kSelect;
  kind.name = "kind";
  kind.label = site.Tr(lang, "resources.form.kind");
  for (const char* k : kKinds) kind.options.push_back({k, site.Tr(lang, std::string("resources.kind.") + k), in.kind == k, ""});
  form.Add(std::move(kind));
  form.Text("name", site.Tr(lang, "resources.form.name"), in.name);
  form.TextArea("description", site.Tr(lang, "resources.form.description"), in.description).optional = true;
  FormField& story = form.TextArea("what_to_expect", site.Tr(lang, "resources.what_to_expect"), in.what_to_expect);
  story.optional = true;
  story.hint = site.Tr(lang, "resources.form.story_hint");

  form.Section(site.Tr(lang, "resources.details"));
  form.Add(Number(site, lang, "capacity", in.capacity));
  form.Add(Number(site, lang, "slot_minutes", in.slot_minutes));
  form.Add(Number(site, lang, "buffer_minutes", in.buffer_minutes));
  form.Add(Number(site, lang, "book_ahead_days", in.book_ahead_days));
  form.Add(Number(site, lang, "min_notice_minutes", in.min_notice_minutes));
  FormField approval;
  approval.kind = FormField::Kind::kCheckboxes;
  approval.name = "approval";
  approval.label = site.Tr(lang, "resources.form.approval_legend");
  approval.optional = true;
  approval.options.push_back({"1", site.Tr(lang, "resources.form.approval"), in.approval == "1", ""});
  form.Add(std::move(approval));

  form.Section(site.Tr(lang, "resources.form.hours"), site.Tr(lang, "resources.form.hours_hint"));
  for (int day = 1; day <= 7; ++day) {
    FormField& f = form.Text("hours-" + std::to_string(day), site.Tr(lang, std::string("hours.weekday.") + kWeekdayKeys[day - 1]), in.hours[day - 1]);
    f.optional = true;
  }
  form.Section(site.Tr(lang, "resources.quiet"), site.Tr(lang, "resources.form.quiet_hint"));
  for (int day = 1; day <= 7; ++day) {
    FormField& f = form.Text("quiet-" + std::to_string(day), site.Tr(lang, std::string("hours.weekday.") + kWeekdayKeys[day - 1]), in.quiet[day - 1]);
    f.optional = true;
  }

  form.Section(site.Tr(lang, "resources.form.more"));
  FormField languages;
  languages.kind = FormField::Kind::kCheckboxes;
  languages.name = "languages";
  languages.label = site.Tr(lang, "resources.languages");
  languages.optional = true;
  auto has = [](const std::vector<std::string>& list, const std::string& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
  };
  for (const auto& l : site.messages().Locales()) {
    languages.options.push_back({l.code, l.endonym, has(in.languages, l.code), l.code});
  }
  form.Add(std::move(languages));
  FormField features;
  features.kind = FormField::Kind::kCheckboxes;
  features.name = "features";
  features.label = site.Tr(lang, "resources.accessibility");
  features.optional = true;
  for (const auto& f : choices.features) {
    features.options.push_back({f.code, f.name.text, has(in.features, f.code), f.name.locale == lang ? "" : f.name.locale});
  }
  form.Add(std::move(features));
  for (const FieldError& e : errors) form.Error(e.field, site.Tr(lang, e.message_key));
  form.Submit(site.Tr(lang, "resources.form.save"));
  form.Back(back, site.Tr(lang, "desk.back"));
  Data page = form.Data();
  page.set("csrf", bo.csrf.value);
  PageFrame frame = form.Frame(PathTailOf(request));
  return RenderBackOfficePage(site, request, bo, frame, "form_page", std::move(page));
}

}  // namespace

http::Response NewResource(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                           const BackOffice& bo) {
  const std::string slug(request.Param("slug"));
  const SysTime now = site.clock().Now();
  auto library = store::LibraryBySlug(*site.db().Read(), site.Chain(locale), slug, RigaDate(now));
  if (!library) return site.ErrorPage(404, request);
  if (library->location_id.empty()) return site.ErrorPage(409, request);  // no place to book yet
  const Choices choices = LoadChoices(site, locale);
  const std::string title = site.Tr(locale.code, "resources.form.new_title", {{"library", library->name.text}});
  const std::string action = ManagePath(locale, "/libraries/" + slug + "/resources/new");
  if (request.method == "GET") {
    bookings::ResourceInput in;
    in.kind = "room";
    in.capacity = "1";
    in.slot_minutes = "60";
    in.buffer_minutes = "0";
    in.book_ahead_days = "28";
    in.min_notice_minutes = "60";
    return RenderForm(site, locale, request, bo, title, action, DeskPath(locale, slug), in, choices, {});
  }
  const bookings::ResourceInput in = ParseResourceForm(request);
  auto draft = bookings::ValidateResource(in, choices.context);
  if (!draft.ok()) return RenderForm(site, locale, request, bo, title, action, DeskPath(locale, slug), in, choices, draft.error().fields);
  site.db().Write([&](store::Connection& c) {
    store::SaveResource(c, "", bo.organization_id, library->location_id, draft.value(), locale.code, now);
  });
  return SeeOther(DeskPath(locale, slug));
}

http::Response EditResource(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                            const BackOffice& bo) {
  const std::string id(request.Param("id"));
  const SysTime now = site.clock().Now();
  auto view = store::LoadResource(*site.db().Read(), id, site.Chain(locale));
  auto stored = store::LoadResourceDraft(*site.db().Read(), id);
  if (!view || !stored) return site.ErrorPage(404, request);
  const Choices choices = LoadChoices(site, locale);
  const std::string title = site.Tr(locale.code, "resources.form.edit_title", {{"name", stored->name}});
  const std::string action = ManagePath(locale, "/resources/" + id + "/edit");
  const std::string back = DeskPath(locale, view->library_slug);
  if (request.method == "GET") {
    return RenderForm(site, locale, request, bo, title, action, back, bookings::InputOf(*stored, choices.codes), choices, {});
  }
  const bookings::ResourceInput in = ParseResourceForm(request);
  auto draft = bookings::ValidateResource(in, choices.context);
  if (!draft.ok()) return RenderForm(site, locale, request, bo, title, action, back, in, choices, draft.error().fields);
  site.db().Write([&](store::Connection& c) {
    store::SaveResource(c, id, view->organization_id, view->location_id, draft.value(),
                        store::SourceLocaleOfResource(c, id), now);
  });
  return SeeOther(back);
}

}  // namespace tilti::web
