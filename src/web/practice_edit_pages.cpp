// Good practices in the back office (issue 8). Anyone signed in submits (Action::kSeeOwn); who
// may then see and change a submission is accounts::MaySeePractice / MayChangePractice (its
// author and its library's members until it is published; coordinators always); coordinators
// review (Action::kReview):
//   /{lang}/manage/practices                         coordinators: every practice, waiting ones
//                                                    first; others: their own and their library's
//   /{lang}/manage/practices/new                     the submit form
//   /{lang}/manage/practices/{slug}                  the practice as readers will see it, its
//                                                    state, images, and the review form
//   /{lang}/manage/practices/{slug}/edit             its texts, library, country, groups, links
//   /{lang}/manage/practices/{slug}/images/new       an image with its text alternative
//   /{lang}/manage/practices/{slug}/images/{id}/remove   (POST)
//   /{lang}/manage/practices/{slug}/review           publish, return with a note, unpublish (POST)
#include <algorithm>
#include <variant>

#include "core/clock.h"
#include "core/text.h"
#include "knowledge/practices.h"
#include "store/attendance_store.h"
#include "store/audit_store.h"
#include "store/diagnostic_store.h"
#include "store/hackathon_store.h"
#include "store/practice_store.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/practice_views.h"
#include "web/programme_views.h"
#include "web/uploads.h"

namespace tilti::web {
namespace {

using Errors = std::vector<std::pair<std::string, std::string>>;

// The field errors of knowledge/practices.h in `lang`: "practices.error.too_long_N" is the one
// message "practices.error.too_long" with its limit N.
void AddRuleErrors(const Site& site, const std::string& lang, const Status& s, Errors& errors) {
  if (s.ok()) return;
  constexpr std::string_view kTooLong = "practices.error.too_long_";
  for (const auto& e : s.error().fields) {
    if (e.message_key.starts_with(kTooLong)) {
      const int64_t max = std::stoll(e.message_key.substr(kTooLong.size()));
      errors.emplace_back(e.field, site.Tr(lang, "practices.error.too_long", {{"max", max}}));
    } else {
      errors.emplace_back(e.field, site.Tr(lang, e.message_key));
    }
  }
}

std::string PracticeManagePath(const i18n::LocaleInfo& locale, std::string_view slug) {
  return ManagePath(locale, "/practices/" + std::string(slug));
}

bool Has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

accounts::PracticeOwnership OwnershipOf(const store::PracticeSource& p) {
  return {p.submitted_by, p.organization_id, p.status == knowledge::kPublished};
}

// What the form was sent with (or the stored practice), as typed.
struct PracticeInput {
  knowledge::PracticeForm form;
  std::string text_lang;
  std::vector<std::string> target_groups, events, services;
  bool is_new = false;     // the submit form (which alone asks the texts' language)
  std::string stored_org;  // the organisation the stored practice has ("" for a new one)
};

PracticeInput InputOf(const BackOffice& bo) {
  PracticeInput in;
  auto& f = in.form;
  const auto& x = bo.form;
  f.title = x.Get("title").substr(0, 4000);
  f.category = x.Get("category").substr(0, 40);
  f.organization_id = x.Get("organization").substr(0, 100);
  f.library_name = f.organization_id.empty() ? x.Get("library_name").substr(0, 8000) : "";
  f.country = x.Get("country").substr(0, 4);
  f.problem = x.Get("problem").substr(0, 100000);
  f.audience = x.Get("audience").substr(0, 8000);
  f.what_done = x.Get("what_done").substr(0, 100000);
  f.cost = x.Get("cost").substr(0, 8000);
  f.results = x.Get("results").substr(0, 100000);
  f.watch_out = x.Get("watch_out").substr(0, 100000);
  in.text_lang = x.Get("text_lang").substr(0, 10);
  in.target_groups = x.All("target_groups");
  in.events = x.All("events");
  in.services = x.All("services");
  return in;
}

PracticeInput InputOf(const store::PracticeSource& p) {
  PracticeInput in;
  in.form = {p.category, p.title, p.problem, p.audience, p.what_done, p.cost, p.results, p.watch_out,
             p.organization_id, p.library_name, p.country};
  in.text_lang = p.source_locale;
  in.stored_org = p.organization_id;
  in.target_groups = p.target_group_ids;
  in.events = p.event_ids;
  in.services = p.service_ids;
  return in;
}

// The organisations the actor may submit for: every library for coordinators, else the
// actor's own organisations (libraries or partners); and `kept`, the organisation the practice
// already has ("" for none: a coordinator may keep a partner's organisation).
std::vector<store::NamedOrganization> OrganizationChoices(const Site& site, const i18n::LocaleInfo& locale,
                                                          const BackOffice& bo, const std::string& kept) {
  auto db = site.db().Read();
  auto choices = bo.actor.role == accounts::Role::kCoordinator
                     ? store::AllLibraries(*db, site.Chain(locale))
                     : store::NamedOrganizations(*db, bo.actor.organization_ids, site.Chain(locale));
  const bool listed = std::any_of(choices.begin(), choices.end(), [&](const auto& o) { return o.id == kept; });
  if (!kept.empty() && !listed) {
    for (auto& o : store::NamedOrganizations(*db, {kept}, site.Chain(locale))) choices.push_back(std::move(o));
  }
  return choices;
}

// The events and services a practice of `organization_ids` may link to.
struct LinkChoices {
  std::vector<store::StrategyLinkChoice> events, services;
};
LinkChoices LinkChoicesOf(const Site& site, const i18n::LocaleInfo& locale,
                          const std::vector<std::string>& organization_ids) {
  LinkChoices out;
  auto db = site.db().Read();
  for (const std::string& id : organization_ids) {
    for (auto& e : store::LibraryEventChoices(*db, id, site.Chain(locale))) out.events.push_back(std::move(e));
    for (auto& s : store::LibraryServiceChoices(*db, id, site.Chain(locale))) out.services.push_back(std::move(s));
  }
  return out;
}

// The organisations whose events and services the form offers: the chosen library, or (a new
// submission without one yet) every organisation of a librarian or partner.
std::vector<std::string> LinkOrganizations(const BackOffice& bo, const PracticeInput& in) {
  if (!in.form.organization_id.empty()) return {in.form.organization_id};
  if (bo.actor.role == accounts::Role::kCoordinator) return {};
  return bo.actor.organization_ids;
}

FormField Checkboxes(std::string name, std::string label, const std::vector<store::StrategyLinkChoice>& choices,
                     const std::vector<std::string>& chosen, const std::string& lang) {
  FormField f;
  f.kind = FormField::Kind::kCheckboxes;
  f.name = std::move(name);
  f.label = std::move(label);
  f.optional = true;
  for (const auto& c : choices) {
    f.options.push_back({c.id, c.name.text, Has(chosen, c.id), c.name.locale == lang ? "" : c.name.locale});
  }
  return f;
}

http::Response RenderPracticeForm(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                                  const BackOffice& bo, const std::string& title, const std::string& action,
                                  const std::string& back, const PracticeInput& in, const Errors& errors) {
  const std::string& lang = locale.code;
  const auto& f = in.form;
  const std::string text_lang = in.text_lang.empty() ? lang : in.text_lang;
  FormView form(site, locale, title, action);
  form.Intro(site.Tr(lang, "practices.form.intro"));
  form.Section(site.Tr(lang, "practices.form.about"));
  // The texts' language is chosen once, when submitted; translations have their own form.
  FormField language;
  language.kind = FormField::Kind::kSelect;
  language.name = "text_lang";
  language.label = site.Tr(lang, "practices.form.text_lang");
  language.hint = site.Tr(lang, "practices.form.text_lang_hint");
  for (const auto& l : site.messages().Locales()) {
    language.options.push_back({l.code, l.endonym, l.code == text_lang, l.code == lang ? "" : l.code});
  }
  if (in.is_new) form.Add(std::move(language));
  auto text_field = [&](FormField& x) -> FormField& {
    if (text_lang != lang) x.lang = text_lang;
    return x;
  };
  text_field(form.Text("title", site.Tr(lang, "practices.form.title"), f.title));
  FormField category;
  category.kind = FormField::Kind::kSelect;
  category.name = "category";
  category.label = site.Tr(lang, "practices.category_label");
  category.options.push_back({"", site.Tr(lang, "hackathons.form.choose"), f.category.empty(), ""});
  for (std::string_view c : knowledge::kPracticeCategories) {
    category.options.push_back({std::string(c), site.Tr(lang, "practices.category." + std::string(c)), f.category == c, ""});
  }
  form.Add(std::move(category));

  form.Section(site.Tr(lang, "practices.form.where"), site.Tr(lang, "practices.form.where_hint"));
  FormField org;
  org.kind = FormField::Kind::kSelect;
  org.name = "organization";
  org.label = site.Tr(lang, "practices.library");
  org.options.push_back({"", site.Tr(lang, "practices.form.not_in_directory"), f.organization_id.empty(), ""});
  for (const auto& o : OrganizationChoices(site, locale, bo, in.stored_org)) {
    org.options.push_back({o.id, o.name.text, o.id == f.organization_id, o.name.locale == lang ? "" : o.name.locale});
  }
  form.Add(std::move(org));
  FormField& name = form.Text("library_name", site.Tr(lang, "practices.form.library_name"), f.library_name);
  name.optional = true;
  name.hint = site.Tr(lang, "practices.form.library_name_hint");
  FormField country;
  country.kind = FormField::Kind::kSelect;
  country.name = "country";
  country.label = site.Tr(lang, "practices.country_label");
  std::vector<std::pair<std::string, std::string>> countries;
  for (std::string_view c : knowledge::kPracticeCountries) countries.emplace_back(std::string(c), site.CountryNameIn(c, lang));
  std::sort(countries.begin(), countries.end(), [&](const auto& a, const auto& b) {
    return site.CollatorFor(lang).Less(a.second, b.second);
  });
  const std::string chosen_country = f.country.empty() ? "LV" : f.country;
  for (const auto& [code, label] : countries) country.options.push_back({code, label, code == chosen_country, ""});
  form.Add(std::move(country));

  form.Section(site.Tr(lang, "practices.form.story"), site.Tr(lang, "practices.form.markdown_hint"));
  text_field(form.TextArea("problem", site.Tr(lang, "practices.section.problem"), f.problem));
  FormField& audience = text_field(form.Text("audience", site.Tr(lang, "practices.section.audience"), f.audience));
  audience.optional = true;
  FormField groups;
  groups.kind = FormField::Kind::kCheckboxes;
  groups.name = "target_groups";
  groups.label = site.Tr(lang, "practices.target_groups");
  groups.optional = true;
  for (const auto& g : store::TargetGroups(*site.db().Read(), site.Chain(locale))) {
    groups.options.push_back({g.id, g.name.text, Has(in.target_groups, g.id), g.name.locale == lang ? "" : g.name.locale});
  }
  form.Add(std::move(groups));
  text_field(form.TextArea("what_done", site.Tr(lang, "practices.section.what_done"), f.what_done));
  FormField& cost = text_field(form.Text("cost", site.Tr(lang, "practices.section.cost"), f.cost));
  cost.optional = true;
  cost.hint = site.Tr(lang, "practices.form.cost_hint");
  text_field(form.TextArea("results", site.Tr(lang, "practices.section.results"), f.results)).optional = true;
  text_field(form.TextArea("watch_out", site.Tr(lang, "practices.section.watch_out"), f.watch_out)).optional = true;

  const LinkChoices links = LinkChoicesOf(site, locale, LinkOrganizations(bo, in));
  form.Section(site.Tr(lang, "practices.became"), links.events.empty() && links.services.empty()
                                                      ? site.Tr(lang, "practices.form.links_later")
                                                      : site.Tr(lang, "practices.form.links_hint"));
  if (!links.events.empty()) form.Add(Checkboxes("events", site.Tr(lang, "practices.events"), links.events, in.events, lang));
  if (!links.services.empty()) form.Add(Checkboxes("services", site.Tr(lang, "practices.services"), links.services, in.services, lang));
  for (const auto& [field, message] : errors) form.Error(field, message);
  return FinishBackOfficeForm(site, request, bo, form, back, "practices.form.send");
}

// Checks the form against the rules and against what this actor may choose; the mistakes in
// the form's order.
Errors CheckInput(const Site& site, const i18n::LocaleInfo& locale, const BackOffice& bo, const PracticeInput& in) {
  const std::string& lang = locale.code;
  Errors errors;
  AddRuleErrors(site, lang, knowledge::CheckPractice(in.form), errors);
  bool known_lang = false;
  for (const auto& l : site.messages().Locales()) known_lang = known_lang || l.code == in.text_lang;
  if (!known_lang) errors.emplace(errors.begin(), "text_lang", site.Tr(lang, "practices.error.text_lang"));
  if (!in.form.organization_id.empty()) {
    bool offered = false;
    for (const auto& o : OrganizationChoices(site, locale, bo, in.stored_org)) offered = offered || o.id == in.form.organization_id;
    if (!offered) errors.emplace_back("organization", site.Tr(lang, "practices.error.library_not_yours"));
  }
  std::vector<std::string> group_ids;
  for (const auto& g : store::TargetGroups(*site.db().Read(), site.Chain(locale))) group_ids.push_back(g.id);
  for (const std::string& id : in.target_groups) {
    if (!Has(group_ids, id)) {
      errors.emplace_back("target_groups", site.Tr(lang, "practices.error.target_groups"));
      break;
    }
  }
  const LinkChoices links = LinkChoicesOf(site, locale, in.form.organization_id.empty()
                                                            ? std::vector<std::string>{}
                                                            : std::vector<std::string>{in.form.organization_id});
  auto offered = [](const std::vector<store::StrategyLinkChoice>& choices, const std::string& id) {
    return std::any_of(choices.begin(), choices.end(), [&](const auto& c) { return c.id == id; });
  };
  const bool events_ok = std::all_of(in.events.begin(), in.events.end(), [&](const auto& id) { return offered(links.events, id); });
  const bool services_ok = std::all_of(in.services.begin(), in.services.end(), [&](const auto& id) { return offered(links.services, id); });
  if (!events_ok) errors.emplace_back("events", site.Tr(lang, "practices.error.links"));
  if (!services_ok) errors.emplace_back("services", site.Tr(lang, "practices.error.links"));
  return errors;
}

// The trimmed texts and choices of a checked form, onto `p`.
void Apply(const PracticeInput& in, store::PracticeSource& p) {
  const auto& f = in.form;
  p.category = f.category;
  p.title = TrimSpace(f.title);
  p.problem = TrimSpace(f.problem);
  p.audience = TrimSpace(f.audience);
  p.what_done = TrimSpace(f.what_done);
  p.cost = TrimSpace(f.cost);
  p.results = TrimSpace(f.results);
  p.watch_out = TrimSpace(f.watch_out);
  p.organization_id = f.organization_id;
  p.library_name = f.organization_id.empty() ? TrimSpace(f.library_name) : "";
  p.country = f.country;
  p.target_group_ids = in.target_groups;
  p.event_ids = in.events;
  p.service_ids = in.services;
}

// What a change did, for the audit log: each field that differs (texts cut to 300 characters:
// the log says what changed, the record keeps the whole text) and the state.
std::vector<store::FieldChange> ChangesOf(const store::PracticeSource& before, const store::PracticeSource& after) {
  auto cut = [](const std::string& s) { return CutToChars(s, 300); };
  const std::pair<const char*, const std::string store::PracticeSource::*> fields[] = {
      {"status", &store::PracticeSource::status},       {"title", &store::PracticeSource::title},
      {"category", &store::PracticeSource::category},   {"organization", &store::PracticeSource::organization_id},
      {"library_name", &store::PracticeSource::library_name}, {"country", &store::PracticeSource::country},
      {"problem", &store::PracticeSource::problem},     {"audience", &store::PracticeSource::audience},
      {"what_done", &store::PracticeSource::what_done}, {"cost", &store::PracticeSource::cost},
      {"results", &store::PracticeSource::results},     {"watch_out", &store::PracticeSource::watch_out},
      {"review_note", &store::PracticeSource::review_note}};
  std::vector<store::FieldChange> out;
  for (const auto& [name, member] : fields) {
    if (before.*member != after.*member) out.push_back({name, cut(before.*member), cut(after.*member)});
  }
  return out;
}

// The practice of the route with the actor's rights on it; a response (404 or 403) when the
// actor may not see it, or may not change it and `change` is asked.
struct PracticeOfRoute {
  store::PracticeSource practice;
  bool may_change = false;
};
std::variant<PracticeOfRoute, http::Response> Find(const Site& site, const http::Request& request,
                                                   const BackOffice& bo, bool change) {
  auto p = store::LoadPractice(*site.db().Read(), request.Param("slug"));
  if (!p) return site.ErrorPage(404, request);
  const auto ownership = OwnershipOf(*p);
  if (!accounts::MaySeePractice(bo.actor, ownership)) {
    return Refused(site, request, &bo.actor, "not the author of this practice nor a member of its library");
  }
  const bool may_change = accounts::MayChangePractice(bo.actor, ownership);
  if (change && !may_change) return Refused(site, request, &bo.actor, "a published practice changes through a coordinator");
  return PracticeOfRoute{std::move(*p), may_change};
}

Data StateData(const Site& site, const std::string& lang, const std::string& status) {
  Data d(Data::type::object);
  d.set("state", site.Tr(lang, "practices.state." + status));
  d.set("state_code", status);
  return d;
}

http::Response RenderManagePractice(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                                    const BackOffice& bo, const PracticeOfRoute& found, const std::string& note,
                                    const Errors& errors) {
  const std::string& lang = locale.code;
  auto view = store::PracticeBySlug(*site.db().Read(), found.practice.slug, site.Chain(locale));
  if (!view) return site.ErrorPage(404, request);
  Data page = PracticeDetailView(site, locale, *view);
  page.set("status", StateData(site, lang, view->status));
  page.set("is_published", view->status == knowledge::kPublished);
  page.set("is_returned", view->status == knowledge::kReturned);
  if (!view->review_note.empty()) page.set("review_note", view->review_note);
  page.set("public_href", PracticeHref(locale, view->slug));
  page.set("list_href", ManagePath(locale, "/practices"));
  const std::string base = PracticeManagePath(locale, view->slug);
  page.set("may_change", found.may_change);
  page.set("edit_href", base + "/edit");
  page.set("new_image_href", base + "/images/new");
  Data images(Data::type::list);
  int number = 0;
  for (const auto& img : view->images) {
    Data d(Data::type::object);
    d.set("src", FileHref(img.file.StoredName()));
    d.set("alt", img.alt.text);
    if (!img.alt.locale.empty() && img.alt.locale != lang) d.set("alt_lang", img.alt.locale);
    d.set("remove_href", base + "/images/" + img.id + "/remove");
    d.set("image_label", site.Tr(lang, "gallery.image_label", {{"number", ++number}}));
    images.push_back(d);
  }
  page.set("managed_images", images);
  page.set("has_managed_images", !images.is_empty_list());
  if (found.may_change) {
    Data translations(Data::type::list);
    for (const auto& l : site.messages().Locales()) {
      if (l.code == view->source_locale) continue;
      Data d(Data::type::object);
      d.set("translate_href", base + "/translations/" + l.code);
      d.set("translate_label", l.endonym);
      d.set("translate_lang", l.code);
      translations.push_back(d);
    }
    page.set("translations", translations);
  }
  const bool may_review = accounts::Can(bo.actor, accounts::Action::kReview);
  page.set("may_review", may_review);
  if (may_review) {
    page.set("review_href", base + "/review");
    page.set("note", note);
  }
  const auto history = store::HistoryOf(*site.db().Read(), "practice", view->id, 50);
  page.set("history", HistoryData(site, locale, history));
  page.set("has_history", !history.empty());
  SetErrorSummary(page, errors);
  PageFrame frame{&locale, PathTailOf(request), view->title.text};
  if (!errors.empty()) {
    frame.title = site.Tr(lang, "form.error_title", {{"title", frame.title}});
    frame.status = 400;
  }
  return RenderBackOfficePage(site, request, bo, frame, "manage_practice", std::move(page));
}

}  // namespace

http::Response ManagePractices(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                               const BackOffice& bo) {
  const std::string& lang = locale.code;
  const bool everything = accounts::Can(bo.actor, accounts::Action::kReview);
  const auto practices = store::PracticesInBackOffice(*site.db().Read(), everything, bo.actor.account_id,
                                                      bo.actor.organization_ids, site.Chain(locale));
  Data list(Data::type::list);
  for (const auto& p : practices) {
    Data d = StateData(site, lang, p.status);
    d.set("practice_title", site.TextData(p.title, locale));
    d.set("href", PracticeManagePath(locale, p.slug));
    d.set("library", site.TextData(p.library, locale));
    d.set("submitted", IsoDateText(site, lang, p.submitted_at.substr(0, 10)));
    if (p.status == knowledge::kReturned && !p.review_note.empty()) d.set("review_note", p.review_note);
    list.push_back(d);
  }
  const std::string heading = site.Tr(lang, everything ? "practices.manage.title_all" : "practices.manage.title_own");
  Data page(Data::type::object);
  page.set("heading", heading);
  page.set("practices", list);
  page.set("has_practices", !list.is_empty_list());
  page.set("new_href", ManagePath(locale, "/practices/new"));
  page.set("public_href", "/" + lang + "/practices");
  PageFrame frame{&locale, PathTailOf(request), heading};
  return RenderBackOfficePage(site, request, bo, frame, "manage_practices", std::move(page));
}

http::Response NewPractice(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                           const BackOffice& bo) {
  const std::string& lang = locale.code;
  const std::string title = site.Tr(lang, "practices.form.new_title");
  const std::string action = ManagePath(locale, "/practices/new");
  const std::string back = ManagePath(locale, "/practices");
  if (request.method == "GET") {
    PracticeInput in;
    in.is_new = true;
    in.text_lang = lang;
    in.form.country = "LV";
    // One organisation: it is the library.
    if (bo.actor.role != accounts::Role::kCoordinator && bo.actor.organization_ids.size() == 1) {
      in.form.organization_id = bo.actor.organization_ids.front();
    }
    return RenderPracticeForm(site, locale, request, bo, title, action, back, in, {});
  }
  PracticeInput in = InputOf(bo);
  in.is_new = true;
  const Errors errors = CheckInput(site, locale, bo, in);
  if (!errors.empty()) return RenderPracticeForm(site, locale, request, bo, title, action, back, in, errors);
  store::PracticeSource p;
  Apply(in, p);
  p.source_locale = in.text_lang;
  p.status = std::string(knowledge::kSubmitted);
  p.submitted_by = bo.actor.account_id;
  std::string slug;
  site.db().Write([&](store::Connection& c) {
    const std::string now = FormatRfc3339(site.clock().Now());
    slug = store::SavePractice(c, p, now);
    store::RecordChanges(c, "practice", store::LoadPractice(c, slug)->id, "create", ChangesOf({}, p), bo.Author(), now);
  });
  return SeeOther(PracticeManagePath(locale, slug));
}

http::Response ManagePractice(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                              const BackOffice& bo) {
  auto found = Find(site, request, bo, false);
  if (auto* r = std::get_if<http::Response>(&found)) return std::move(*r);
  return RenderManagePractice(site, locale, request, bo, std::get<PracticeOfRoute>(found), "", {});
}

http::Response EditPractice(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                            const BackOffice& bo) {
  auto found = Find(site, request, bo, true);
  if (auto* r = std::get_if<http::Response>(&found)) return std::move(*r);
  store::PracticeSource p = std::move(std::get<PracticeOfRoute>(found).practice);
  const std::string& lang = locale.code;
  const std::string title = site.Tr(lang, "practices.form.edit_title", {{"title", p.title}});
  const std::string back = PracticeManagePath(locale, p.slug);
  const std::string action = back + "/edit";
  if (request.method == "GET") return RenderPracticeForm(site, locale, request, bo, title, action, back, InputOf(p), {});
  PracticeInput in = InputOf(bo);
  in.text_lang = p.source_locale;  // the texts' language is chosen once, when submitted
  in.stored_org = p.organization_id;
  const Errors errors = CheckInput(site, locale, bo, in);
  if (!errors.empty()) return RenderPracticeForm(site, locale, request, bo, title, action, back, in, errors);
  const store::PracticeSource before = p;
  Apply(in, p);
  // The author's change to a returned practice sends it back for review.
  if (p.status == knowledge::kReturned && bo.actor.role != accounts::Role::kCoordinator) {
    p.status = std::string(knowledge::kSubmitted);
  }
  site.db().Write([&](store::Connection& c) {
    const std::string now = FormatRfc3339(site.clock().Now());
    store::SavePractice(c, p, now);
    store::RecordChanges(c, "practice", p.id, "update", ChangesOf(before, p), bo.Author(), now);
  });
  return SeeOther(back);
}

http::Response NewPracticeImage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                                const BackOffice& bo) {
  auto found = Find(site, request, bo, true);
  if (auto* r = std::get_if<http::Response>(&found)) return std::move(*r);
  const store::PracticeSource& p = std::get<PracticeOfRoute>(found).practice;
  const std::string& lang = locale.code;
  const std::string back = PracticeManagePath(locale, p.slug);
  const std::string alt = bo.form.Get("alt").substr(0, 4000), caption = bo.form.Get("caption").substr(0, 4000);
  Errors errors;
  std::optional<CheckedUpload> file;
  if (request.method == "POST") {
    std::string problem;
    file = CheckUpload(site, lang, bo.form, "file", {FileKind::kImage}, true, &problem);
    if (!file) errors.emplace_back("file", problem);
    CheckImageTexts(site, lang, alt, caption, errors);
    if (errors.empty()) {
      const std::string now = FormatRfc3339(site.clock().Now());
      site.db().Write([&](store::Connection& c) {
        const std::string upload = store::SaveUpload(c, file->type, file->filename, file->content, bo.actor.account_id, now);
        store::AddPracticeImage(c, p.id, upload, TrimSpace(alt), TrimSpace(caption), now);
      });
      return SeeOther(back + "#images");
    }
  }
  FormView form(site, locale, site.Tr(lang, "gallery.form.new_title"), back + "/images/new");
  form.Intro(site.Tr(lang, "gallery.form.intro", {{"language", site.LanguageNameIn(p.source_locale, lang)}}));
  form.Section("");
  FormField& f = form.File("file", site.Tr(lang, "gallery.form.file"), "image/png,image/jpeg,image/webp,image/gif");
  f.hint = site.Tr(lang, "gallery.form.file_hint");
  FormField& a = form.TextArea("alt", site.Tr(lang, "gallery.form.alt"), alt);
  a.hint = site.Tr(lang, "gallery.form.alt_hint");
  if (p.source_locale != lang) a.lang = p.source_locale;
  FormField& cap = form.Text("caption", site.Tr(lang, "gallery.form.caption"), caption);
  cap.optional = true;
  if (p.source_locale != lang) cap.lang = p.source_locale;
  for (const auto& [field, message] : errors) form.Error(field, message);
  return FinishBackOfficeForm(site, request, bo, form, back);
}

http::Response RemovePracticeImage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                                   const BackOffice& bo) {
  auto found = Find(site, request, bo, true);
  if (auto* r = std::get_if<http::Response>(&found)) return std::move(*r);
  const store::PracticeSource& p = std::get<PracticeOfRoute>(found).practice;
  const std::string image(request.Param("id"));
  if (store::PracticeOfImage(*site.db().Read(), image) != p.id) return site.ErrorPage(404, request);
  site.db().Write([&](store::Connection& c) { store::DeletePracticeImage(c, image); });
  return SeeOther(PracticeManagePath(locale, p.slug) + "#images");
}

http::Response ReviewPractice(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                              const BackOffice& bo) {
  auto found = Find(site, request, bo, false);
  if (auto* r = std::get_if<http::Response>(&found)) return std::move(*r);
  const PracticeOfRoute& route = std::get<PracticeOfRoute>(found);
  const std::string decision = bo.form.Get("decision").substr(0, 20);
  const std::string note = bo.form.Get("note").substr(0, 20000);
  if (auto s = knowledge::CheckReview(decision, note); !s.ok()) {
    Errors errors;
    AddRuleErrors(site, locale.code, s, errors);
    return RenderManagePractice(site, locale, request, bo, route, note, errors);
  }
  store::PracticeSource after = route.practice;
  after.status = std::string(knowledge::StateAfter(decision));
  after.review_note = decision == "publish" ? "" : TrimSpace(note);
  site.db().Write([&](store::Connection& c) {
    const std::string now = FormatRfc3339(site.clock().Now());
    store::SetPracticeStatus(c, after.id, after.status, after.review_note, bo.actor.account_id, now);
    store::RecordChanges(c, "practice", after.id, decision == "publish" ? "approve" : "reject",
                         ChangesOf(route.practice, after), bo.Author(), now);
  });
  return SeeOther(PracticeManagePath(locale, route.practice.slug));
}

http::Response TranslatePractice(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                                 const BackOffice& bo) {
  auto found = Find(site, request, bo, true);
  if (auto* r = std::get_if<http::Response>(&found)) return std::move(*r);
  const store::PracticeSource& p = std::get<PracticeOfRoute>(found).practice;
  const std::string& lang = locale.code;
  const std::string target(request.Param("locale"));
  const auto& locales = site.messages().Locales();
  if (std::none_of(locales.begin(), locales.end(), [&](const auto& l) { return l.code == target; })) {
    return site.ErrorPage(404, request);
  }
  const std::string back = PracticeManagePath(locale, p.slug);
  if (target == p.source_locale) return SeeOther(back + "/edit");
  const auto fields = store::PracticeTranslation(*site.db().Read(), p, target);
  std::vector<std::pair<std::string, std::string>> typed;
  Errors errors;
  if (request.method == "GET") {
    for (const auto& f : fields) typed.emplace_back(f.field, f.value);
  } else {
    for (const auto& f : fields) {
      std::string value = TrimSpace(bo.form.Get(f.field).substr(0, 100000));
      const long max = f.field == "title" ? knowledge::kMaxPracticeTitle
                       : (f.field == "audience" || f.field == "cost") ? knowledge::kMaxPracticeShort
                                                                       : knowledge::kMaxPracticeText;
      if (Utf8Length(value) > max) errors.emplace_back(f.field, site.Tr(lang, "practices.error.too_long", {{"max", static_cast<int64_t>(max)}}));
      typed.emplace_back(f.field, std::move(value));
    }
    if (errors.empty()) {
      site.db().Write([&](store::Connection& c) {
        store::SavePracticeTranslation(c, p, target, typed, FormatRfc3339(site.clock().Now()));
      });
      return SeeOther(back);
    }
  }
  FormView form(site, locale,
                site.Tr(lang, "practices.translate.title", {{"language", site.LanguageNameIn(target, lang)}, {"title", p.title}}),
                back + "/translations/" + target);
  form.Intro(site.Tr(lang, "practices.translate.intro", {{"language", site.LanguageNameIn(p.source_locale, lang)}}));
  form.Section("");
  for (size_t i = 0; i < fields.size(); ++i) {
    const auto& f = fields[i];
    const std::string label = site.Tr(lang, f.field == "title" ? "practices.form.title" : "practices.section." + f.field);
    FormField& field = (f.field == "title" || f.field == "audience" || f.field == "cost")
                           ? form.Text(f.field, label, typed[i].second)
                           : form.TextArea(f.field, label, typed[i].second);
    field.optional = true;
    field.source_text = f.source_text;
    field.source_lang = p.source_locale;
    field.lang = target;
    if (f.outdated) field.hint = site.Tr(lang, "practices.translate.outdated");
  }
  for (const auto& [field, message] : errors) form.Error(field, message);
  return FinishBackOfficeForm(site, request, bo, form, back);
}

}  // namespace tilti::web
