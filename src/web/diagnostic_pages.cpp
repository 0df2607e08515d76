// Local diagnostics and the local strategy of a library (issue 7, seed 004 lines 95-130).
// Back office, for the library's librarians and coordinators (Action::kEditDirect on the library):
//   /{lang}/manage/libraries/{slug}/diagnostics                  activities, report, strategy
//   /{lang}/manage/libraries/{slug}/diagnostics/new              record an activity
//   /{lang}/manage/libraries/{slug}/diagnostics/{id}             change one
//   /{lang}/manage/libraries/{slug}/diagnostics/report           the report (Markdown) and its
//   preview
//   /{lang}/manage/libraries/{slug}/strategy/goals/new | {id}    a strategy goal
//   /{lang}/manage/libraries/{slug}/strategy/actions/new | {id}  an action towards a goal
// Public: /{lang}/libraries/{slug}/diagnostics, the printable page: the published report, the
// strategy, and the activities without their notes (head counts only, small groups hidden).
// Every object route is under the library's path, so the guard checks the library; each
// handler then loads the object *of that library* and answers 404 for another's.
#include <map>

#include "core/clock.h"
#include "events/event.h"
#include "events/event_rules.h"
#include "events/statistics.h"
#include "programme/diagnostics.h"
#include "store/attendance_store.h"
#include "store/diagnostic_store.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/markdown.h"
#include "web/programme_views.h"
#include "web/query_params.h"

namespace tilti::web {
namespace {

std::string ManageBase(const i18n::LocaleInfo& locale, std::string_view slug) {
  return ManagePath(locale, "/libraries/" + std::string(slug));
}
std::string DiagnosticsPath(const i18n::LocaleInfo& locale, std::string_view slug) {
  return ManageBase(locale, slug) + "/diagnostics";
}

// "16.9.2025" for the form, from "2025-09-16".
std::string TypedDate(const std::string& iso) {
  auto ymd = events::ParseDate(iso);
  if (!ymd) return iso;
  return std::to_string(static_cast<unsigned>(ymd->day())) + "." +
         std::to_string(static_cast<unsigned>(ymd->month())) + "." +
         std::to_string(static_cast<int>(ymd->year()));
}

std::string Now(const Site& site) { return FormatRfc3339(site.clock().Now()); }

// The library of the route ({slug}); the guard has already found it, so this only fails when it
// was deleted in between.
std::optional<store::DiagnosticLibrary> LibraryOf(const Site& site, const i18n::LocaleInfo& locale,
                                                  const http::Request& request) {
  return store::DiagnosticLibraryBySlug(*site.db().Read(), request.Param("slug"),
                                        site.Chain(locale));
}

// The target groups and "not known" as (key, name), in the taxonomy's order.
std::vector<std::pair<std::string, std::string>> GroupKeys(const Site& site,
                                                           const i18n::LocaleInfo& locale) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& g : store::TargetGroups(*site.db().Read(), site.Chain(locale)))
    out.emplace_back(g.id, g.name.text);
  out.emplace_back(std::string(store::kUnspecifiedGroup),
                   site.Tr(locale.code, "attendance.unspecified"));
  return out;
}

http::Response RenderForm(const Site& site, const http::Request& request, const BackOffice& bo,
                          FormView& form, const std::vector<FieldError>& errors,
                          const std::string& lang) {
  for (const FieldError& e : errors) {
    if (e.message_key == "diagnostics.error.count") {
      form.Error(e.field, site.Tr(lang, e.message_key, {{"max", programme::kMaxDiagnosticCount}}));
    } else {
      form.Error(e.field, site.Tr(lang, e.message_key));
    }
  }
  Data page = form.Data();
  page.set("csrf", bo.csrf.value);
  return RenderBackOfficePage(site, request, bo, form.Frame(PathTailOf(request)), "form_page",
                              std::move(page));
}

FormField Select(std::string name, std::string label, bool optional) {
  FormField f;
  f.kind = FormField::Kind::kSelect;
  f.name = std::move(name);
  f.label = std::move(label);
  f.optional = optional;
  return f;
}

// ---- activities ----

struct ActivityInput {
  std::string date, method, notes, findings, text_lang;
  std::map<std::string, std::string> counts;  // group key -> as typed
};

http::Response RenderActivityForm(const Site& site, const i18n::LocaleInfo& locale,
                                  const http::Request& request, const BackOffice& bo,
                                  const store::DiagnosticLibrary& library, const std::string& title,
                                  const std::string& action, const ActivityInput& in,
                                  const std::vector<FieldError>& errors) {
  const std::string& lang = locale.code;
  FormView form(site, locale, title, action);
  form.Intro(site.Tr(lang, "diagnostics.form.activity_intro"));
  form.Section(site.Tr(lang, "diagnostics.form.about"));
  FormField& date = form.Text("held_on", site.Tr(lang, "diagnostics.date"), in.date);
  date.hint = site.Tr(lang, "diagnostics.form.date_hint");
  date.width = "short";
  date.inputmode = "numeric";
  FormField method;
  method.kind = FormField::Kind::kRadios;
  method.name = "method";
  method.label = site.Tr(lang, "diagnostics.method_label");
  for (std::string_view m : programme::kDiagnosticMethods) {
    method.options.push_back({std::string(m), site.Tr(lang, "diagnostics.method." + std::string(m)),
                              in.method == m, ""});
  }
  form.Add(std::move(method));

  form.Section(site.Tr(lang, "diagnostics.participants"),
               site.Tr(lang, "diagnostics.form.participants_hint"));
  for (const auto& [key, name] : GroupKeys(site, locale)) {
    FormField& f =
        form.Text("count-" + key, name, in.counts.contains(key) ? in.counts.at(key) : "");
    f.kind = FormField::Kind::kNumber;
    f.optional = true;
    f.width = "short";
    f.inputmode = "numeric";
    f.min = "0";
  }

  form.Section(site.Tr(lang, "diagnostics.form.notes_section"),
               site.Tr(lang, "diagnostics.form.notes_hint"));
  FormField& notes = form.TextArea("notes", site.Tr(lang, "diagnostics.notes"), in.notes);
  notes.optional = true;
  FormField& findings =
      form.TextArea("findings", site.Tr(lang, "diagnostics.findings"), in.findings);
  findings.optional = true;
  if (!in.text_lang.empty() && in.text_lang != lang) notes.lang = findings.lang = in.text_lang;
  form.Submit(site.Tr(lang, "diagnostics.form.save"));
  form.Back(DiagnosticsPath(locale, library.slug), site.Tr(lang, "diagnostics.form.back"));
  return RenderForm(site, request, bo, form, errors, lang);
}

http::Response SubmitActivity(const Site& site, const i18n::LocaleInfo& locale,
                              const http::Request& request, const BackOffice& bo,
                              const store::DiagnosticLibrary& library, const std::string& id,
                              const std::string& title, const std::string& action,
                              const std::string& text_lang) {
  ActivityInput in{bo.form.Get("held_on").substr(0, 40),
                   bo.form.Get("method").substr(0, 40),
                   bo.form.Get("notes").substr(0, 40000),
                   bo.form.Get("findings").substr(0, 40000),
                   text_lang,
                   {}};
  programme::DiagnosticActivityForm form;
  if (auto ymd = events::ParseTypedDate(in.date)) form.held_on = events::FormatDate(*ymd);
  form.method = in.method;
  form.notes = in.notes;
  form.findings = in.findings;
  for (const auto& [key, name] : GroupKeys(site, locale)) {
    in.counts[key] = bo.form.Get("count-" + key).substr(0, 20);
    form.typed_counts.emplace_back(key, in.counts[key]);
  }
  auto checked = programme::CheckDiagnosticActivity(form);
  if (!checked.ok())
    return RenderActivityForm(site, locale, request, bo, library, title, action, in,
                              checked.error().fields);
  Result<std::string> saved = Error{ErrorCode::kInvalidInput, ""};
  site.db().Write([&](store::Connection& c) {
    saved = store::SaveDiagnosticActivity(c, library.id, id, checked.value(), text_lang,
                                          bo.actor.account_id, Now(site));
  });
  if (!saved.ok() && saved.error().code == ErrorCode::kNotFound)
    return site.ErrorPage(404, request);
  if (!saved.ok())
    return RenderActivityForm(site, locale, request, bo, library, title, action, in,
                              saved.error().fields);
  return SeeOther(DiagnosticsPath(locale, library.slug) + "?saved=activity");
}

// ---- strategy ----

struct ActionChoices {
  std::vector<store::StrategyGoal> goals;
  std::vector<store::StrategyLinkChoice> initiatives, events, services;
};

http::Response RenderGoalForm(const Site& site, const i18n::LocaleInfo& locale,
                              const http::Request& request, const BackOffice& bo,
                              const store::DiagnosticLibrary& library, const std::string& title,
                              const std::string& action, const programme::StrategyGoalForm& in,
                              const std::string& text_lang, const std::vector<FieldError>& errors) {
  const std::string& lang = locale.code;
  FormView form(site, locale, title, action);
  form.Section("");
  FormField& t = form.Text("title", site.Tr(lang, "strategy.form.goal_title"), in.title);
  FormField& d =
      form.TextArea("description", site.Tr(lang, "strategy.form.description"), in.description);
  d.optional = true;
  if (text_lang != lang) t.lang = d.lang = text_lang;
  form.Submit(site.Tr(lang, "diagnostics.form.save"));
  form.Back(DiagnosticsPath(locale, library.slug) + "#strategy",
            site.Tr(lang, "diagnostics.form.back"));
  return RenderForm(site, request, bo, form, errors, lang);
}

http::Response SubmitGoal(const Site& site, const i18n::LocaleInfo& locale,
                          const http::Request& request, const BackOffice& bo,
                          const store::DiagnosticLibrary& library, const std::string& id,
                          const std::string& title, const std::string& action,
                          const std::string& text_lang) {
  programme::StrategyGoalForm in{bo.form.Get("title").substr(0, 2000),
                                 bo.form.Get("description").substr(0, 40000)};
  const Status checked = programme::CheckStrategyGoal(in);
  if (!checked.ok())
    return RenderGoalForm(site, locale, request, bo, library, title, action, in, text_lang,
                          checked.error().fields);
  Result<std::string> saved = Error{ErrorCode::kInvalidInput, ""};
  site.db().Write([&](store::Connection& c) {
    saved = store::SaveStrategyGoal(c, library.id, id, in, text_lang, Now(site));
  });
  if (!saved.ok()) return site.ErrorPage(404, request);
  return SeeOther(DiagnosticsPath(locale, library.slug) + "?saved=goal#strategy");
}

http::Response RenderActionForm(const Site& site, const i18n::LocaleInfo& locale,
                                const http::Request& request, const BackOffice& bo,
                                const store::DiagnosticLibrary& library, const std::string& title,
                                const std::string& action, const programme::StrategyActionForm& in,
                                const std::string& text_lang,
                                const std::vector<FieldError>& errors) {
  const std::string& lang = locale.code;
  ActionChoices choices;
  {
    auto db = site.db().Read();
    const LocaleChain chain = site.Chain(locale);
    choices.goals = store::StrategyOf(*db, library.id, chain);
    choices.initiatives = store::LibraryInitiativeChoices(*db, library.id, chain);
    choices.events = store::LibraryEventChoices(*db, library.id, chain);
    choices.services = store::LibraryServiceChoices(*db, library.id, chain);
  }
  FormView form(site, locale, title, action);
  form.Section(site.Tr(lang, "strategy.form.about_action"));
  FormField goal = Select("goal", site.Tr(lang, "strategy.goal"), false);
  goal.options.push_back({"", site.Tr(lang, "strategy.form.choose_goal"), in.goal_id.empty(), ""});
  for (const auto& g : choices.goals) {
    goal.options.push_back(
        {g.id, g.title, g.id == in.goal_id, g.source_locale == lang ? "" : g.source_locale});
  }
  form.Add(std::move(goal));
  FormField& t = form.Text("title", site.Tr(lang, "strategy.form.action_title"), in.title);
  if (text_lang != lang) t.lang = text_lang;
  FormField status;
  status.kind = FormField::Kind::kRadios;
  status.name = "status";
  status.label = site.Tr(lang, "strategy.form.status");
  for (std::string_view s : programme::kStrategyActionStatuses) {
    status.options.push_back(
        {std::string(s), site.Tr(lang, "strategy.status." + std::string(s)), in.status == s, ""});
  }
  form.Add(std::move(status));

  form.Section(site.Tr(lang, "strategy.form.links"), site.Tr(lang, "strategy.form.links_hint"));
  auto links = [&](const char* name, const std::vector<store::StrategyLinkChoice>& list,
                   const std::string& chosen) {
    FormField f = Select(name, site.Tr(lang, std::string("strategy.form.link_") + name), true);
    f.options.push_back({"", site.Tr(lang, "strategy.form.none"), chosen.empty(), ""});
    for (const auto& x : list) {
      f.options.push_back(
          {x.id, x.name.text, x.id == chosen, x.name.locale == lang ? "" : x.name.locale});
    }
    form.Add(std::move(f));
  };
  links("initiative", choices.initiatives, in.initiative_id);
  links("event", choices.events, in.event_id);
  links("service", choices.services, in.service_id);
  form.Submit(site.Tr(lang, "diagnostics.form.save"));
  form.Back(DiagnosticsPath(locale, library.slug) + "#strategy",
            site.Tr(lang, "diagnostics.form.back"));
  return RenderForm(site, request, bo, form, errors, lang);
}

http::Response SubmitAction(const Site& site, const i18n::LocaleInfo& locale,
                            const http::Request& request, const BackOffice& bo,
                            const store::DiagnosticLibrary& library, const std::string& id,
                            const std::string& title, const std::string& action,
                            const std::string& text_lang) {
  programme::StrategyActionForm in{bo.form.Get("goal"),   bo.form.Get("title").substr(0, 2000),
                                   bo.form.Get("status"), bo.form.Get("initiative"),
                                   bo.form.Get("event"),  bo.form.Get("service")};
  const Status checked = programme::CheckStrategyAction(in);
  if (!checked.ok()) {
    return RenderActionForm(site, locale, request, bo, library, title, action, in, text_lang,
                            checked.error().fields);
  }
  Result<std::string> saved = Error{ErrorCode::kInvalidInput, ""};
  site.db().Write([&](store::Connection& c) {
    saved = store::SaveStrategyAction(c, library.id, id, in, text_lang, Now(site));
  });
  if (!saved.ok() && saved.error().code == ErrorCode::kNotFound)
    return site.ErrorPage(404, request);
  if (!saved.ok()) {
    return RenderActionForm(site, locale, request, bo, library, title, action, in, text_lang,
                            saved.error().fields);
  }
  return SeeOther(DiagnosticsPath(locale, library.slug) + "?saved=action#strategy");
}

// ---- views shared by the back office and the public page ----

std::string MethodText(const Site& site, const std::string& lang, const std::string& method) {
  return site.Tr(lang, "diagnostics.method." + method);
}

// Rows of activities: date, method, the head count by group (back office) and in all; groups of
// fewer than 5 people are shown as "fewer than 5", as in the participation statistics.
Data ActivitiesView(const Site& site, const i18n::LocaleInfo& locale,
                    const std::vector<store::DiagnosticActivity>& activities,
                    const std::string& edit_base) {
  const std::string& lang = locale.code;
  const i18n::Formatter& f = site.FormatterFor(lang);
  const std::string fewer =
      site.Tr(lang, "attendance.fewer_than", {{"count", events::kSmallestShownGroup}});
  const auto groups = GroupKeys(site, locale);
  Data rows(Data::type::list);
  for (const auto& a : activities) {
    Data r(Data::type::object);
    r.set("date", IsoDateText(site, lang, a.held_on));
    r.set("method", MethodText(site, lang, a.method));
    r.set("total", events::TotalShown(a.total) ? f.Number(a.total) : fewer);
    if (!edit_base.empty()) {
      std::vector<int64_t> counts;
      std::vector<std::string> names;
      for (const auto& [key, name] : groups) {
        auto it = a.counts.find(key);
        if (it == a.counts.end()) continue;
        counts.push_back(it->second);
        names.push_back(name);
      }
      const std::vector<bool> hide = events::CountsToHide(counts);
      Data by_group(Data::type::list);
      for (size_t i = 0; i < counts.size(); ++i) {
        Data g(Data::type::object);
        g.set("group", names[i]);
        g.set("count", hide[i] ? fewer : f.Number(counts[i]));
        by_group.push_back(g);
      }
      r.set("groups", by_group);
      r.set("has_groups", !by_group.is_empty_list());
      r.set("edit_href", edit_base + a.id);
    }
    rows.push_back(r);
  }
  return rows;
}

// The table's foot: how many activities, and how many people in all (hidden when few).
void SetActivityTotals(const Site& site, const i18n::LocaleInfo& locale,
                       const std::vector<store::DiagnosticActivity>& activities, Data& page) {
  int64_t people = 0;
  for (const auto& a : activities) people += a.total;
  page.set("activities_total", site.Tr(locale.code, "diagnostics.total_activities",
                                       {{"count", static_cast<int64_t>(activities.size())}}));
  page.set("participants_total", events::TotalShown(people)
                                     ? site.FormatterFor(locale.code).Number(people)
                                     : site.Tr(locale.code, "attendance.fewer_than",
                                               {{"count", events::kSmallestShownGroup}}));
}

Data StrategyView(const Site& site, const i18n::LocaleInfo& locale,
                  const std::vector<store::StrategyGoal>& goals, const std::string& edit_base) {
  const std::string& lang = locale.code;
  Data out(Data::type::list);
  for (const auto& g : goals) {
    Data gd(Data::type::object);
    gd.set("title", g.title);
    if (!g.description.empty()) gd.set("description", g.description);
    if (g.source_locale != lang) gd.set("goal_lang", g.source_locale);
    if (!edit_base.empty()) gd.set("edit_href", edit_base + "/strategy/goals/" + g.id);
    Data actions(Data::type::list);
    for (const auto& a : g.actions) {
      Data ad(Data::type::object);
      ad.set("title", a.title);
      if (a.source_locale != lang) ad.set("action_lang", a.source_locale);
      ad.set("status", site.Tr(lang, "strategy.status." + a.status));
      Data links(Data::type::list);
      auto link = [&](const std::string& href, const LocalizedText& name) {
        Data l(Data::type::object);
        l.set("href", href);
        l.set("name", site.TextData(name, locale));
        links.push_back(l);
      };
      if (!a.initiative_id.empty())
        link("/" + lang + "/initiatives/" + a.initiative_slug, a.initiative_name);
      if (!a.event_id.empty()) link("/" + lang + "/events/" + a.event_id, a.event_title);
      if (!a.service_id.empty()) link("/" + lang + "/services/" + a.service_id, a.service_name);
      ad.set("links", links);
      ad.set("has_links", !links.is_empty_list());
      if (!edit_base.empty()) ad.set("edit_href", edit_base + "/strategy/actions/" + a.id);
      actions.push_back(ad);
    }
    gd.set("actions", actions);
    gd.set("has_actions", !actions.is_empty_list());
    out.push_back(gd);
  }
  return out;
}

}  // namespace

http::Response ManageDiagnostics(const Site& site, const i18n::LocaleInfo& locale,
                                 http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto library = LibraryOf(site, locale, request);
  if (!library) return site.ErrorPage(404, request);
  std::vector<store::DiagnosticActivity> activities;
  std::optional<store::DiagnosticReport> report;
  std::vector<store::StrategyGoal> goals;
  {
    auto db = site.db().Read();
    activities = store::DiagnosticActivitiesOf(*db, library->id);
    report = store::LoadDiagnosticReport(*db, library->id);
    goals = store::StrategyOf(*db, library->id, site.Chain(locale));
  }
  const std::string base = ManageBase(locale, library->slug);
  const std::string title =
      site.Tr(lang, "diagnostics.manage.title", {{"library", library->name.text}});
  Data page(Data::type::object);
  page.set("heading", title);
  page.set("library_href", base);
  page.set("library", site.TextData(library->name, locale));
  page.set("public_href", "/" + lang + "/libraries/" + library->slug + "/diagnostics");
  const std::string saved(QueryParam(request, "saved"));
  if (saved == "activity" || saved == "report" || saved == "goal" || saved == "action") {
    page.set("notice", site.Tr(lang, "diagnostics.saved." + saved));
  }
  Data rows = ActivitiesView(site, locale, activities, base + "/diagnostics/");
  page.set("activities", rows);
  page.set("has_activities", !rows.is_empty_list());
  SetActivityTotals(site, locale, activities, page);
  page.set("new_activity_href", base + "/diagnostics/new");
  page.set("report_href", base + "/diagnostics/report");
  page.set("report_status",
           site.Tr(lang, !report || report->markdown.empty() ? "diagnostics.report.status_none"
                         : report->published                 ? "diagnostics.report.status_published"
                                                             : "diagnostics.report.status_draft"));
  Data strategy = StrategyView(site, locale, goals, base);
  page.set("goals", strategy);
  page.set("has_goals", !strategy.is_empty_list());
  page.set("new_goal_href", base + "/strategy/goals/new");
  page.set("new_action_href", base + "/strategy/actions/new");
  PageFrame frame{&locale, PathTailOf(request), title};
  return RenderBackOfficePage(site, request, bo, frame, "diagnostic_manage", std::move(page));
}

http::Response NewDiagnosticActivity(const Site& site, const i18n::LocaleInfo& locale,
                                     http::Request& request, const BackOffice& bo) {
  auto library = LibraryOf(site, locale, request);
  if (!library) return site.ErrorPage(404, request);
  const std::string title =
      site.Tr(locale.code, "diagnostics.form.new_title", {{"library", library->name.text}});
  const std::string action = DiagnosticsPath(locale, library->slug) + "/new";
  if (request.method == "GET") {
    return RenderActivityForm(site, locale, request, bo, *library, title, action, {}, {});
  }
  return SubmitActivity(site, locale, request, bo, *library, "", title, action, locale.code);
}

http::Response EditDiagnosticActivity(const Site& site, const i18n::LocaleInfo& locale,
                                      http::Request& request, const BackOffice& bo) {
  auto library = LibraryOf(site, locale, request);
  if (!library) return site.ErrorPage(404, request);
  const std::string id(request.Param("id"));
  auto stored = store::LoadDiagnosticActivity(*site.db().Read(), library->id, id);
  if (!stored) return site.ErrorPage(404, request);
  const std::string title = site.Tr(locale.code, "diagnostics.form.edit_title",
                                    {{"date", IsoDateText(site, locale.code, stored->held_on)}});
  const std::string action = DiagnosticsPath(locale, library->slug) + "/" + id;
  if (request.method == "GET") {
    ActivityInput in{TypedDate(stored->held_on), stored->method,        stored->notes,
                     stored->findings,           stored->source_locale, {}};
    for (const auto& [key, n] : stored->counts) in.counts[key] = std::to_string(n);
    return RenderActivityForm(site, locale, request, bo, *library, title, action, in, {});
  }
  return SubmitActivity(site, locale, request, bo, *library, id, title, action,
                        stored->source_locale);
}

http::Response EditDiagnosticReport(const Site& site, const i18n::LocaleInfo& locale,
                                    http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto library = LibraryOf(site, locale, request);
  if (!library) return site.ErrorPage(404, request);
  auto stored = store::LoadDiagnosticReport(*site.db().Read(), library->id);
  const std::string title =
      site.Tr(lang, "diagnostics.report.form_title", {{"library", library->name.text}});
  const std::string action = DiagnosticsPath(locale, library->slug) + "/report";
  programme::DiagnosticReportForm in;
  std::vector<FieldError> errors;
  // A changed report is in the language of the one who changed it.
  std::string text_lang = stored ? stored->source_locale : lang;
  if (request.method == "POST") {
    in.markdown = bo.form.Get("markdown").substr(0, 200000);
    in.published = bo.form.Get("published") == "1";
    const Status checked = programme::CheckDiagnosticReport(in);
    if (checked.ok()) {
      site.db().Write([&](store::Connection& c) {
        store::SaveDiagnosticReport(c, library->id, in, lang, bo.actor.account_id, Now(site));
      });
      return SeeOther(action + "?saved=1#preview");
    }
    errors = checked.error().fields;
    text_lang = lang;
  } else if (stored) {
    in.markdown = stored->markdown;
    in.published = stored->published;
  }
  FormView form(site, locale, title, action);
  form.Intro(site.Tr(lang, "diagnostics.report.intro"));
  form.Section("");
  FormField& md =
      form.TextArea("markdown", site.Tr(lang, "diagnostics.report.markdown"), in.markdown);
  md.hint = site.Tr(lang, "diagnostics.report.markdown_hint");
  md.optional = true;
  if (text_lang != lang) md.lang = text_lang;
  FormField published;
  published.kind = FormField::Kind::kCheckboxes;
  published.name = "published";
  published.label = site.Tr(lang, "diagnostics.report.publish_legend");
  published.optional = true;
  published.options.push_back({"1", site.Tr(lang, "diagnostics.report.publish"), in.published, ""});
  form.Add(std::move(published));
  if (request.method == "GET" && QueryParam(request, "saved") == "1")
    form.Notice(site.Tr(lang, "diagnostics.saved.report"));
  form.Submit(site.Tr(lang, "diagnostics.form.save"));
  form.Back(DiagnosticsPath(locale, library->slug), site.Tr(lang, "diagnostics.form.back"));
  for (const FieldError& e : errors)
    form.Error(e.field, site.Tr(lang, e.message_key, {{"max", programme::kMaxReportMarkdown}}));
  Data page = form.Data();
  page.set("csrf", bo.csrf.value);
  // The preview is of what is stored, so that it shows what the public page shows (or will).
  if (stored && !stored->markdown.empty()) {
    page.set("preview_html", RenderMarkdown(stored->markdown));
    page.set("preview_lang", stored->source_locale);
    page.set("preview_published", stored->published);
    page.set("public_href", "/" + lang + "/libraries/" + library->slug + "/diagnostics");
  }
  return RenderBackOfficePage(site, request, bo, form.Frame(PathTailOf(request)),
                              "diagnostic_report_form", std::move(page));
}

http::Response NewStrategyGoal(const Site& site, const i18n::LocaleInfo& locale,
                               http::Request& request, const BackOffice& bo) {
  auto library = LibraryOf(site, locale, request);
  if (!library) return site.ErrorPage(404, request);
  const std::string title = site.Tr(locale.code, "strategy.form.new_goal");
  const std::string action = ManageBase(locale, library->slug) + "/strategy/goals/new";
  if (request.method == "GET")
    return RenderGoalForm(site, locale, request, bo, *library, title, action, {}, locale.code, {});
  return SubmitGoal(site, locale, request, bo, *library, "", title, action, locale.code);
}

http::Response EditStrategyGoal(const Site& site, const i18n::LocaleInfo& locale,
                                http::Request& request, const BackOffice& bo) {
  auto library = LibraryOf(site, locale, request);
  if (!library) return site.ErrorPage(404, request);
  const std::string id(request.Param("id"));
  auto stored = store::LoadStrategyGoal(*site.db().Read(), library->id, id);
  if (!stored) return site.ErrorPage(404, request);
  const std::string title =
      site.Tr(locale.code, "strategy.form.edit_goal", {{"title", stored->title}});
  const std::string action = ManageBase(locale, library->slug) + "/strategy/goals/" + id;
  if (request.method == "GET") {
    return RenderGoalForm(site, locale, request, bo, *library, title, action,
                          {stored->title, stored->description}, stored->source_locale, {});
  }
  return SubmitGoal(site, locale, request, bo, *library, id, title, action, stored->source_locale);
}

http::Response NewStrategyAction(const Site& site, const i18n::LocaleInfo& locale,
                                 http::Request& request, const BackOffice& bo) {
  auto library = LibraryOf(site, locale, request);
  if (!library) return site.ErrorPage(404, request);
  const std::string title = site.Tr(locale.code, "strategy.form.new_action");
  const std::string action = ManageBase(locale, library->slug) + "/strategy/actions/new";
  if (request.method == "GET") {
    programme::StrategyActionForm in;
    in.goal_id = QueryParam(request, "goal");
    in.status = "planned";
    return RenderActionForm(site, locale, request, bo, *library, title, action, in, locale.code,
                            {});
  }
  return SubmitAction(site, locale, request, bo, *library, "", title, action, locale.code);
}

http::Response EditStrategyAction(const Site& site, const i18n::LocaleInfo& locale,
                                  http::Request& request, const BackOffice& bo) {
  auto library = LibraryOf(site, locale, request);
  if (!library) return site.ErrorPage(404, request);
  const std::string id(request.Param("id"));
  auto stored = store::LoadStrategyAction(*site.db().Read(), library->id, id);
  if (!stored) return site.ErrorPage(404, request);
  const std::string title =
      site.Tr(locale.code, "strategy.form.edit_action", {{"title", stored->title}});
  const std::string action = ManageBase(locale, library->slug) + "/strategy/actions/" + id;
  if (request.method == "GET") {
    programme::StrategyActionForm in{stored->goal_id,       stored->title,    stored->status,
                                     stored->initiative_id, stored->event_id, stored->service_id};
    return RenderActionForm(site, locale, request, bo, *library, title, action, in,
                            stored->source_locale, {});
  }
  return SubmitAction(site, locale, request, bo, *library, id, title, action,
                      stored->source_locale);
}

http::Response LibraryDiagnosticsPage(const Site& site, const i18n::LocaleInfo& locale,
                                      http::Request& request) {
  const std::string& lang = locale.code;
  auto library = LibraryOf(site, locale, request);
  if (!library || !library->is_library) return site.ErrorPage(404, request);
  std::vector<store::DiagnosticActivity> activities;
  std::optional<store::DiagnosticReport> report;
  std::vector<store::StrategyGoal> goals;
  {
    auto db = site.db().Read();
    activities = store::DiagnosticActivitiesOf(*db, library->id);
    report = store::LoadDiagnosticReport(*db, library->id);
    goals = store::StrategyOf(*db, library->id, site.Chain(locale));
  }
  const std::string title =
      site.Tr(lang, "diagnostics.public.title", {{"library", library->name.text}});
  Data page(Data::type::object);
  page.set("heading", title);
  page.set("library_href", "/" + lang + "/libraries/" + library->slug);
  page.set("library", site.TextData(library->name, locale));
  const bool has_report = report && report->published && !report->markdown.empty();
  if (has_report) {
    page.set("report_html", RenderMarkdown(report->markdown));
    page.set("report_lang", report->source_locale);
    page.set("report_changed",
             site.Tr(lang, "diagnostics.public.changed",
                     {{"date", IsoDateText(site, lang, report->last_modified.substr(0, 10))}}));
  }
  page.set("has_report", has_report);
  Data strategy = StrategyView(site, locale, goals, "");
  page.set("goals", strategy);
  page.set("has_goals", !goals.empty());
  Data rows = ActivitiesView(site, locale, activities, "");
  page.set("activities", rows);
  page.set("has_activities", !activities.empty());
  SetActivityTotals(site, locale, activities, page);
  page.set("nothing", !has_report && goals.empty() && activities.empty());
  PageFrame frame{&locale, "libraries/" + library->slug + "/diagnostics", title};
  return site.RenderPage(request, frame, "diagnostic_public", std::move(page));
}

}  // namespace tilti::web
