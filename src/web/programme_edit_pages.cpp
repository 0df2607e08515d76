// The programme in the back office (issue 7), for coordinators (Action::kEditProgramme):
//   /{lang}/manage/initiatives/{slug}                    the initiative's hackathons and ideas
//   /{lang}/manage/initiatives/{slug}/hackathons/new     record a hackathon
//   /{lang}/manage/hackathons/{id}                        change one
//   /{lang}/manage/initiatives/{slug}/ideas/new          record an idea
//   /{lang}/manage/ideas/{id}                             change one: its status and what it runs as
// Only head counts are recorded for hackathons, never who came.
#include "core/riga_time.h"
#include "events/event.h"
#include "events/event_rules.h"
#include "programme/ideas.h"
#include "store/hackathon_store.h"
#include "store/programme_queries.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/programme_views.h"

namespace tilti::web {
namespace {

std::string InitiativeManagePath(const i18n::LocaleInfo& locale, std::string_view slug) {
  return ManagePath(locale, "/initiatives/" + std::string(slug));
}

// "16.9.2025" for the form, from "2025-09-16".
std::string TypedDate(const std::string& iso) {
  auto ymd = events::ParseDate(iso);
  if (!ymd) return iso;
  return std::to_string(static_cast<unsigned>(ymd->day())) + "." +
         std::to_string(static_cast<unsigned>(ymd->month())) + "." + std::to_string(static_cast<int>(ymd->year()));
}

std::map<std::string, std::vector<std::string>> ParseFields(const http::Request& request) {
  std::map<std::string, std::vector<std::string>> fields;
  for (auto& [name, value] : http::ParseQuery(request.body)) fields[name].push_back(value);
  return fields;
}

std::string First(const std::map<std::string, std::vector<std::string>>& fields, const std::string& name) {
  auto it = fields.find(name);
  return it == fields.end() || it->second.empty() ? "" : it->second.front();
}

// ---- hackathons ----

struct HackathonInput {
  std::string date, host, participants;
  std::vector<std::string> libraries;
};

http::Response RenderHackathonForm(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                                   const BackOffice& bo, const store::InitiativeItem& initiative,
                                   const std::string& title, const std::string& action, const HackathonInput& in,
                                   const std::vector<FieldError>& errors) {
  const std::string& lang = locale.code;
  const auto libraries = store::AllLibraries(*site.db().Read(), site.Chain(locale));
  FormView form(site, locale, title, action);
  form.Intro(site.Tr(lang, "hackathons.form.intro"));
  form.Section("");
  FormField& date = form.Text("held_on", site.Tr(lang, "hackathons.date"), in.date);
  date.hint = site.Tr(lang, "hackathons.form.date_hint");
  date.width = "short";
  date.inputmode = "numeric";
  FormField host;
  host.kind = FormField::Kind::kSelect;
  host.name = "host";
  host.label = site.Tr(lang, "hackathons.host");
  host.options.push_back({"", site.Tr(lang, "hackathons.form.choose"), in.host.empty(), ""});
  FormField others;
  others.kind = FormField::Kind::kCheckboxes;
  others.name = "libraries";
  others.label = site.Tr(lang, "hackathons.others");
  others.optional = true;
  for (const auto& l : libraries) {
    const std::string other_lang = l.name.locale == lang ? "" : l.name.locale;
    host.options.push_back({l.id, l.name.text, l.id == in.host, other_lang});
    const bool chosen = std::find(in.libraries.begin(), in.libraries.end(), l.id) != in.libraries.end();
    others.options.push_back({l.id, l.name.text, chosen, other_lang});
  }
  form.Add(std::move(host));
  form.Add(std::move(others));
  FormField& n = form.Text("participants", site.Tr(lang, "hackathons.participants"), in.participants);
  n.kind = FormField::Kind::kNumber;
  n.hint = site.Tr(lang, "hackathons.form.participants_hint");
  n.width = "short";
  n.inputmode = "numeric";
  for (const FieldError& e : errors) {
    if (e.message_key == "programme.error.date_outside") {
      form.Error(e.field, site.Tr(lang, e.message_key, {{"from", IsoDateText(site, lang, initiative.starts_on)},
                                                         {"to", IsoDateText(site, lang, initiative.ends_on)}}));
    } else {
      form.Error(e.field, site.Tr(lang, e.message_key));
    }
  }
  form.Submit(site.Tr(lang, "programme.form.save"));
  form.Back(InitiativeManagePath(locale, initiative.slug), site.Tr(lang, "programme.form.back"));
  Data page = form.Data();
  page.set("csrf", bo.csrf.value);
  return RenderBackOfficePage(site, request, bo, form.Frame(request.target.substr(1)), "form_page", std::move(page));
}

http::Response SubmitHackathon(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                               const BackOffice& bo, const store::InitiativeItem& initiative,
                               const std::string& id, const std::string& title, const std::string& action) {
  const auto fields = ParseFields(request);
  HackathonInput in{First(fields, "held_on").substr(0, 40), First(fields, "host"), First(fields, "participants").substr(0, 20), {}};
  if (auto it = fields.find("libraries"); it != fields.end()) in.libraries = it->second;
  programme::HackathonForm form;
  if (auto ymd = events::ParseTypedDate(in.date)) form.held_on = events::FormatDate(*ymd);
  form.initiative_starts_on = initiative.starts_on;
  form.initiative_ends_on = initiative.ends_on;
  form.host_id = in.host;
  form.library_ids = in.libraries;
  form.typed_participants = in.participants;
  auto checked = programme::CheckHackathon(form);
  if (!checked.ok()) return RenderHackathonForm(site, locale, request, bo, initiative, title, action, in, checked.error().fields);
  Result<std::string> saved = Error{ErrorCode::kInvalidInput, ""};
  site.db().Write([&](store::Connection& c) {
    saved = store::SaveHackathon(c, id, initiative.id, checked.value(), FormatRfc3339(site.clock().Now()));
  });
  if (!saved.ok()) return RenderHackathonForm(site, locale, request, bo, initiative, title, action, in, saved.error().fields);
  return SeeOther(InitiativeManagePath(locale, initiative.slug));
}

// ---- ideas ----

struct IdeaChoices {
  std::vector<store::HackathonView> hackathons;
  std::vector<store::LinkChoice> events, services;
};

http::Response RenderIdeaForm(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                              const BackOffice& bo, const store::InitiativeItem& initiative,
                              const std::string& title, const std::string& action, const std::string& hackathon,
                              const programme::IdeaForm& in, const std::string& text_lang,
                              const std::vector<FieldError>& errors) {
  const std::string& lang = locale.code;
  IdeaChoices choices;
  {
    auto db = site.db().Read();
    choices.hackathons = store::HackathonsOfInitiative(*db, initiative.id, site.Chain(locale));
    choices.events = store::EventChoices(*db, initiative.id, site.Chain(locale));
    choices.services = store::ServiceChoices(*db, initiative.id, site.Chain(locale));
  }
  FormView form(site, locale, title, action);
  form.Section(site.Tr(lang, "ideas.form.about"));
  FormField h;
  h.kind = FormField::Kind::kSelect;
  h.name = "hackathon";
  h.label = site.Tr(lang, "ideas.form.hackathon");
  h.optional = true;
  h.options.push_back({"", site.Tr(lang, "ideas.form.no_hackathon"), hackathon.empty(), ""});
  for (const auto& x : choices.hackathons) {
    h.options.push_back({x.id, IsoDateText(site, lang, x.held_on) + " – " + x.host.name.text, x.id == hackathon, ""});
  }
  form.Add(std::move(h));
  FormField category;
  category.kind = FormField::Kind::kRadios;
  category.name = "category";
  category.label = site.Tr(lang, "ideas.form.category");
  for (std::string_view c : programme::kIdeaCategories) {
    category.options.push_back({std::string(c), site.Tr(lang, "ideas.category." + std::string(c)), in.category == c, ""});
  }
  form.Add(std::move(category));
  FormField& t = form.Text("title", site.Tr(lang, "ideas.form.title"), in.title);
  if (text_lang != lang) t.lang = text_lang;
  FormField& d = form.TextArea("description", site.Tr(lang, "ideas.form.description"), in.description);
  d.optional = true;
  if (text_lang != lang) d.lang = text_lang;

  form.Section(site.Tr(lang, "ideas.form.what_became"), site.Tr(lang, "ideas.form.what_became_hint"));
  FormField status;
  status.kind = FormField::Kind::kRadios;
  status.name = "status";
  status.label = site.Tr(lang, "ideas.form.status");
  for (std::string_view s : programme::kIdeaStatuses) {
    status.options.push_back({std::string(s), site.Tr(lang, "ideas.form.status_option." + std::string(s)), in.status == s, ""});
  }
  form.Add(std::move(status));
  auto links = [&](const char* name, const std::vector<store::LinkChoice>& list, const std::string& chosen) {
    FormField f;
    f.kind = FormField::Kind::kSelect;
    f.name = name;
    f.label = site.Tr(lang, std::string("ideas.form.") + name);
    f.optional = true;
    f.options.push_back({"", site.Tr(lang, "ideas.form.none"), chosen.empty(), ""});
    for (const auto& x : list) f.options.push_back({x.id, x.name.text + " – " + x.library.text, x.id == chosen, ""});
    form.Add(std::move(f));
  };
  links("event", choices.events, in.event_id);
  links("service", choices.services, in.service_id);
  for (const FieldError& e : errors) form.Error(e.field, site.Tr(lang, e.message_key));
  form.Submit(site.Tr(lang, "programme.form.save"));
  form.Back(InitiativeManagePath(locale, initiative.slug), site.Tr(lang, "programme.form.back"));
  Data page = form.Data();
  page.set("csrf", bo.csrf.value);
  return RenderBackOfficePage(site, request, bo, form.Frame(request.target.substr(1)), "form_page", std::move(page));
}

http::Response SubmitIdea(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                          const BackOffice& bo, const store::InitiativeItem& initiative, const std::string& id,
                          const std::string& title, const std::string& action, const std::string& text_lang) {
  const auto fields = ParseFields(request);
  programme::IdeaForm in{First(fields, "category"), First(fields, "status"), First(fields, "title").substr(0, 2000),
                         First(fields, "description").substr(0, 20000), First(fields, "event"), First(fields, "service")};
  const std::string hackathon = First(fields, "hackathon");
  const Status checked = programme::CheckIdea(in);
  if (!checked.ok()) {
    return RenderIdeaForm(site, locale, request, bo, initiative, title, action, hackathon, in, text_lang, checked.error().fields);
  }
  Result<std::string> saved = Error{ErrorCode::kInvalidInput, ""};
  site.db().Write([&](store::Connection& c) {
    saved = store::SaveIdea(c, id, initiative.id, hackathon, in, text_lang, FormatRfc3339(site.clock().Now()));
  });
  if (!saved.ok()) {
    return RenderIdeaForm(site, locale, request, bo, initiative, title, action, hackathon, in, text_lang, saved.error().fields);
  }
  return SeeOther(InitiativeManagePath(locale, initiative.slug));
}

std::optional<store::InitiativeItem> InitiativeOfSlug(const Site& site, const i18n::LocaleInfo& locale,
                                                      std::string_view slug) {
  auto d = store::InitiativeBySlug(*site.db().Read(), slug, site.Chain(locale));
  if (!d) return std::nullopt;
  return d->item;
}

}  // namespace

http::Response ManageInitiative(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                                const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto initiative = InitiativeOfSlug(site, locale, request.Param("slug"));
  if (!initiative) return site.ErrorPage(404, request);
  auto db = site.db().Read();
  const auto hackathons = store::HackathonsOfInitiative(*db, initiative->id, site.Chain(locale));
  const auto ideas = store::IdeasOfInitiative(*db, initiative->id, site.Chain(locale));
  Data page(Data::type::object);
  page.set("heading", initiative->name.text);
  page.set("name", site.TextData(initiative->name, locale));
  page.set("public_href", "/" + lang + "/initiatives/" + initiative->slug);
  page.set("dashboard_href", ManagePath(locale, "/programme"));
  page.set("hackathons", HackathonsView(site, locale, hackathons, ManagePath(locale, "/hackathons/")));
  page.set("new_hackathon_href", InitiativeManagePath(locale, initiative->slug) + "/hackathons/new");
  Data categories = IdeasByCategoryView(site, locale, ideas, ManagePath(locale, "/ideas/"));
  page.set("idea_categories", categories);
  page.set("has_ideas", !categories.is_empty_list());
  page.set("new_idea_href", InitiativeManagePath(locale, initiative->slug) + "/ideas/new");
  PageFrame frame{&locale, request.target.substr(1), initiative->name.text};
  return RenderBackOfficePage(site, request, bo, frame, "manage_initiative", std::move(page));
}

http::Response NewHackathon(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                            const BackOffice& bo) {
  auto initiative = InitiativeOfSlug(site, locale, request.Param("slug"));
  if (!initiative) return site.ErrorPage(404, request);
  const std::string title = site.Tr(locale.code, "hackathons.form.new_title", {{"initiative", initiative->short_name.empty() ? initiative->name.text : initiative->short_name}});
  const std::string action = InitiativeManagePath(locale, initiative->slug) + "/hackathons/new";
  if (request.method == "GET") return RenderHackathonForm(site, locale, request, bo, *initiative, title, action, {}, {});
  return SubmitHackathon(site, locale, request, bo, *initiative, "", title, action);
}

http::Response EditHackathon(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                             const BackOffice& bo) {
  const std::string id(request.Param("id"));
  auto h = store::LoadHackathon(*site.db().Read(), id, site.Chain(locale));
  if (!h) return site.ErrorPage(404, request);
  auto initiative = store::InitiativeById(*site.db().Read(), h->initiative_id, site.Chain(locale));
  if (!initiative) return site.ErrorPage(404, request);
  const std::string title = site.Tr(locale.code, "hackathons.form.edit_title", {{"date", IsoDateText(site, locale.code, h->held_on)}});
  const std::string action = ManagePath(locale, "/hackathons/" + id);
  if (request.method == "GET") {
    HackathonInput in{TypedDate(h->held_on), h->host.id, std::to_string(h->participants), {}};
    for (const auto& o : h->others) in.libraries.push_back(o.id);
    return RenderHackathonForm(site, locale, request, bo, *initiative, title, action, in, {});
  }
  return SubmitHackathon(site, locale, request, bo, *initiative, id, title, action);
}

http::Response NewIdea(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo) {
  auto initiative = InitiativeOfSlug(site, locale, request.Param("slug"));
  if (!initiative) return site.ErrorPage(404, request);
  const std::string title = site.Tr(locale.code, "ideas.form.new_title", {{"initiative", initiative->short_name.empty() ? initiative->name.text : initiative->short_name}});
  const std::string action = InitiativeManagePath(locale, initiative->slug) + "/ideas/new";
  if (request.method == "GET") {
    programme::IdeaForm in;
    in.status = "idea";
    return RenderIdeaForm(site, locale, request, bo, *initiative, title, action, "", in, locale.code, {});
  }
  return SubmitIdea(site, locale, request, bo, *initiative, "", title, action, locale.code);
}

http::Response EditIdea(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo) {
  const std::string id(request.Param("id"));
  auto stored = store::LoadIdeaSource(*site.db().Read(), id);
  if (!stored) return site.ErrorPage(404, request);
  auto initiative = store::InitiativeById(*site.db().Read(), stored->initiative_id, site.Chain(locale));
  if (!initiative) return site.ErrorPage(404, request);
  const std::string title = site.Tr(locale.code, "ideas.form.edit_title", {{"title", stored->title}});
  const std::string action = ManagePath(locale, "/ideas/" + id);
  if (request.method == "GET") {
    programme::IdeaForm in{stored->category, stored->status, stored->title, stored->description, stored->event_id, stored->service_id};
    return RenderIdeaForm(site, locale, request, bo, *initiative, title, action, stored->hackathon_id, in, stored->source_locale, {});
  }
  return SubmitIdea(site, locale, request, bo, *initiative, id, title, action, stored->source_locale);
}

}  // namespace tilti::web
