// The programme in the back office (issue 7), for coordinators (Action::kEditProgramme):
//   /{lang}/manage/initiatives/{slug}                    the initiative's hackathons and ideas
//   /{lang}/manage/initiatives/{slug}/hackathons/new     record a hackathon
//   /{lang}/manage/hackathons/{id}                        change one
//   /{lang}/manage/initiatives/{slug}/ideas/new          record an idea
//   /{lang}/manage/ideas/{id}                             change one: its status and what it runs as
//   /{lang}/manage/initiatives/new, /{slug}/edit         an initiative: texts, period, lead,
//        partners and libraries (named by name or slug), budget by funding source
//   /{lang}/manage/initiatives/{slug}/news/new, /{lang}/manage/news/{id}   a news item
//   /{lang}/manage/initiatives/{slug}/partnerships/new, /{lang}/manage/partnerships/{id}
//        a local partnership: library, municipality body, integration institution, since when
// Only head counts are recorded for hackathons, never who came.
#include "core/riga_time.h"
#include "core/text.h"
#include "events/event.h"
#include "events/event_rules.h"
#include "programme/ideas.h"
#include "programme/initiative_form.h"
#include "store/attendance_store.h"
#include "store/hackathon_store.h"
#include "store/initiative_store.h"
#include "store/programme_queries.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/programme_views.h"

namespace tilti::web {
namespace {

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

// Every programme form ends the same way: save, back to where it came from, the CSRF token.
http::Response FinishForm(const Site& site, const i18n::LocaleInfo& /*locale*/, const http::Request& request,
                          const BackOffice& bo, FormView& form, const std::string& back) {
  return FinishBackOfficeForm(site, request, bo, form, back);
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
  return FinishForm(site, locale, request, bo, form, InitiativeManagePath(locale, initiative.slug));
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
  return FinishForm(site, locale, request, bo, form, InitiativeManagePath(locale, initiative.slug));
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
  return store::InitiativeItemBySlug(*site.db().Read(), slug, site.Chain(locale));
}

// ---- initiatives ----

constexpr size_t kMaxFundingRows = 12;
constexpr size_t kMaxResultRows = 20;

struct InitiativeInput {
  programme::InitiativeForm form;
  std::string lead, partners, libraries;  // as typed: one organisation per line
  std::vector<std::string> target_groups;  // term ids
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = TrimSpace(std::string_view(text).substr(start, end - start));
    if (!line.empty()) out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

std::string JoinNames(store::Connection& c, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += store::OrganizationName(c, id) + "\n";
  return out;
}

InitiativeInput InputOfSource(const Site& site, const store::InitiativeSource& s) {
  InitiativeInput in;
  auto& f = in.form;
  f.name = s.name;
  f.short_name = s.short_name;
  f.description = s.description;
  f.programme = s.programme;
  f.call_code = s.call_code;
  f.typed_starts_on = s.starts_on.empty() ? "" : TypedDate(s.starts_on);
  f.typed_ends_on = s.ends_on.empty() ? "" : TypedDate(s.ends_on);
  auto euros = [](int64_t cents) {  // "12456.23", which ParseEuros reads back
    return std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100);
  };
  for (const auto& l : s.funding) f.funding.emplace_back(l.funder, euros(l.amount_cents));
  f.results = s.results;
  in.target_groups = s.target_group_ids;
  if (s.total_cents) f.typed_total = euros(*s.total_cents);
  auto db = site.db().Read();
  if (!s.lead_id.empty()) in.lead = store::OrganizationName(*db, s.lead_id);
  in.partners = JoinNames(*db, s.partner_ids);
  in.libraries = JoinNames(*db, s.library_ids);
  return in;
}

InitiativeInput ParseInitiative(const http::Request& request) {
  const auto fields = ParseFields(request);
  InitiativeInput in;
  auto& f = in.form;
  f.name = First(fields, "name").substr(0, 2000);
  f.short_name = First(fields, "short_name").substr(0, 400);
  f.description = First(fields, "description").substr(0, 40000);
  f.programme = First(fields, "programme").substr(0, 400);
  f.call_code = First(fields, "call_code").substr(0, 400);
  f.typed_starts_on = First(fields, "starts_on").substr(0, 40);
  f.typed_ends_on = First(fields, "ends_on").substr(0, 40);
  if (auto d = events::ParseTypedDate(f.typed_starts_on)) f.starts_on = events::FormatDate(*d);
  if (auto d = events::ParseTypedDate(f.typed_ends_on)) f.ends_on = events::FormatDate(*d);
  f.typed_total = First(fields, "total").substr(0, 40);
  // Rows left empty are dropped and the rest numbered again, so errors name the rows shown.
  for (size_t i = 0; i < kMaxFundingRows; ++i) {
    const std::string prefix = "funding." + std::to_string(i) + ".";
    std::string funder = First(fields, prefix + "funder").substr(0, 300), amount = First(fields, prefix + "amount").substr(0, 40);
    if (TrimSpace(funder).empty() && TrimSpace(amount).empty()) continue;
    f.funding.emplace_back(std::move(funder), std::move(amount));
  }
  for (size_t i = 0; i < kMaxResultRows; ++i) {
    const std::string prefix = "results." + std::to_string(i) + ".";
    std::string text = First(fields, prefix + "text").substr(0, 2000), status = First(fields, prefix + "status").substr(0, 40);
    if (TrimSpace(text).empty() && (status.empty() || status == "not-reported")) continue;
    f.results.emplace_back(std::move(text), std::move(status));
  }
  if (auto it = fields.find("target_groups"); it != fields.end()) in.target_groups = it->second;
  in.lead = First(fields, "lead").substr(0, 400);
  in.partners = First(fields, "partners").substr(0, 20000);
  in.libraries = First(fields, "libraries").substr(0, 20000);
  return in;
}

http::Response RenderInitiativeForm(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                                    const BackOffice& bo, const std::string& title, const std::string& action,
                                    const std::string& back, const InitiativeInput& in, const std::string& text_lang,
                                    const std::vector<std::pair<std::string, std::string>>& errors) {
  const std::string& lang = locale.code;
  const auto& f = in.form;
  FormView form(site, locale, title, action);
  form.Section(site.Tr(lang, "initiatives.form.about"));
  auto text = [&](const char* name, const std::string& value, bool optional, bool source_text) -> FormField& {
    FormField& x = form.Text(name, site.Tr(lang, std::string("initiatives.form.") + name), value);
    x.optional = optional;
    if (source_text && text_lang != lang) x.lang = text_lang;
    return x;
  };
  text("name", f.name, false, true);
  text("short_name", f.short_name, true, false).width = "short";
  FormField& d = form.TextArea("description", site.Tr(lang, "initiatives.form.description"), f.description);
  d.optional = true;
  if (text_lang != lang) d.lang = text_lang;
  text("programme", f.programme, true, false);
  text("call_code", f.call_code, true, false);
  form.Section(site.Tr(lang, "initiatives.period"), site.Tr(lang, "hackathons.form.date_hint"));
  text("starts_on", f.typed_starts_on, true, false).width = "short";
  text("ends_on", f.typed_ends_on, true, false).width = "short";
  form.Section(site.Tr(lang, "initiatives.form.who"), site.Tr(lang, "initiatives.form.who_hint"));
  text("lead", in.lead, true, false);
  form.TextArea("partners", site.Tr(lang, "initiatives.form.partners"), in.partners).optional = true;
  form.TextArea("libraries", site.Tr(lang, "initiatives.form.libraries"), in.libraries).optional = true;
  FormField groups;
  groups.kind = FormField::Kind::kCheckboxes;
  groups.name = "target_groups";
  groups.label = site.Tr(lang, "initiatives.target_groups");
  groups.optional = true;
  for (const auto& g : store::TargetGroups(*site.db().Read(), site.Chain(locale))) {
    const bool chosen = std::find(in.target_groups.begin(), in.target_groups.end(), g.id) != in.target_groups.end();
    groups.options.push_back({g.id, g.name.text, chosen, g.name.locale == lang ? "" : g.name.locale});
  }
  form.Add(std::move(groups));
  form.Section(site.Tr(lang, "initiatives.results"), site.Tr(lang, "initiatives.form.results_hint"));
  const size_t result_rows = std::min(kMaxResultRows, f.results.size() + 2);
  for (size_t i = 0; i < result_rows; ++i) {
    const std::string prefix = "results." + std::to_string(i) + ".";
    const bool has = i < f.results.size();
    const int64_t n = static_cast<int64_t>(i + 1);
    FormField& t = form.Text(prefix + "text", site.Tr(lang, "initiatives.form.result", {{"n", n}}), has ? f.results[i].first : "");
    t.optional = true;
    if (text_lang != lang) t.lang = text_lang;
    FormField status;
    status.kind = FormField::Kind::kSelect;
    status.name = prefix + "status";
    status.label = site.Tr(lang, "initiatives.form.result_status", {{"n", n}});
    status.optional = true;
    const std::string current = has ? f.results[i].second : "not-reported";
    for (std::string_view s : programme::kResultStatuses) {
      status.options.push_back({std::string(s), site.Tr(lang, "initiatives.result_status." + std::string(s)), current == s, ""});
    }
    form.Add(std::move(status));
  }
  form.Section(site.Tr(lang, "initiatives.budget"), site.Tr(lang, "initiatives.form.budget_hint"));
  text("total", f.typed_total, true, false).width = "short";
  const size_t rows = std::min(kMaxFundingRows, std::max<size_t>(3, f.funding.size() + 2));
  for (size_t i = 0; i < rows; ++i) {
    const std::string prefix = "funding." + std::to_string(i) + ".";
    const bool has = i < f.funding.size();
    FormField& funder = form.Text(prefix + "funder", site.Tr(lang, "initiatives.form.funder", {{"n", static_cast<int64_t>(i + 1)}}),
                                  has ? f.funding[i].first : "");
    funder.optional = true;
    funder.lang = "lv";  // funders are named as the sources print them
    FormField& amount = form.Text(prefix + "amount", site.Tr(lang, "initiatives.form.amount", {{"n", static_cast<int64_t>(i + 1)}}),
                                  has ? f.funding[i].second : "");
    amount.optional = true;
    amount.width = "short";
    amount.inputmode = "decimal";
  }
  for (const auto& [field, message] : errors) form.Error(field, message);
  return FinishForm(site, locale, request, bo, form, back);
}

http::Response SubmitInitiative(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                                const BackOffice& bo, const std::string& id, const std::string& title,
                                const std::string& action, const std::string& back, const std::string& text_lang) {
  const std::string& lang = locale.code;
  const InitiativeInput in = ParseInitiative(request);
  std::vector<std::pair<std::string, std::string>> errors;
  const Status checked = programme::CheckInitiative(in.form);
  if (!checked.ok()) {
    for (const auto& e : checked.error().fields) errors.emplace_back(e.field, site.Tr(lang, e.message_key));
  }
  store::InitiativeValues v;
  {
    auto db = site.db().Read();
    auto resolve = [&](const char* field, const std::string& typed, bool libraries_only) {
      auto r = store::ResolveOrganizations(*db, Lines(typed), libraries_only);
      if (!r.unknown.empty()) {
        std::string names;
        for (const auto& n : r.unknown) names += (names.empty() ? "" : "; ") + n;
        errors.emplace_back(field, site.Tr(lang, libraries_only ? "programme.error.unknown_libraries" : "programme.error.unknown_organizations",
                                           {{"names", names}, {"count", static_cast<int64_t>(r.unknown.size())}}));
      }
      return r.ids;
    };
    auto lead = resolve("lead", in.lead, false);
    if (lead.size() > 1) errors.emplace_back("lead", site.Tr(lang, "programme.error.one_lead"));
    if (!lead.empty()) v.lead_id = lead.front();
    v.partner_ids = resolve("partners", in.partners, false);
    v.library_ids = resolve("libraries", in.libraries, true);
  }
  if (!errors.empty()) return RenderInitiativeForm(site, locale, request, bo, title, action, back, in, text_lang, errors);
  const auto& f = in.form;
  v.name = TrimSpace(f.name);
  v.short_name = TrimSpace(f.short_name);
  v.description = TrimSpace(f.description);
  v.programme = TrimSpace(f.programme);
  v.call_code = TrimSpace(f.call_code);
  v.starts_on = f.starts_on;
  v.ends_on = f.ends_on;
  if (!TrimSpace(f.typed_total).empty()) v.total_cents = programme::ParseEuros(f.typed_total);
  for (const auto& [funder, amount] : f.funding) v.funding.push_back({TrimSpace(funder), *programme::ParseEuros(amount)});
  for (const auto& [text, status] : f.results) v.results.emplace_back(TrimSpace(text), status);
  v.target_group_ids = in.target_groups;
  std::string slug;
  site.db().Write([&](store::Connection& c) { slug = store::SaveInitiative(c, id, v, text_lang, FormatRfc3339(site.clock().Now())); });
  return SeeOther(InitiativeManagePath(locale, slug));
}

// ---- news ----

http::Response RenderNewsForm(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                              const BackOffice& bo, const store::InitiativeItem& initiative, const std::string& title,
                              const std::string& action, const std::string& typed_date, const programme::NewsForm& in,
                              const std::string& text_lang, const std::vector<FieldError>& errors) {
  const std::string& lang = locale.code;
  FormView form(site, locale, title, action);
  form.Intro(site.Tr(lang, "initiatives.form.news_intro", {{"language", site.LanguageNameIn(text_lang, lang)}}));
  form.Section("");
  FormField& date = form.Text("published_on", site.Tr(lang, "initiatives.form.news_date"), typed_date);
  date.hint = site.Tr(lang, "hackathons.form.date_hint");
  date.width = "short";
  date.inputmode = "numeric";
  FormField& t = form.Text("title", site.Tr(lang, "initiatives.form.news_title"), in.title);
  if (text_lang != lang) t.lang = text_lang;
  FormField& b = form.TextArea("body", site.Tr(lang, "initiatives.form.news_body"), in.body);
  b.optional = true;
  if (text_lang != lang) b.lang = text_lang;
  for (const FieldError& e : errors) form.Error(e.field, site.Tr(lang, e.message_key));
  return FinishForm(site, locale, request, bo, form, InitiativeManagePath(locale, initiative.slug));
}

http::Response SubmitNews(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                          const BackOffice& bo, const store::InitiativeItem& initiative, const std::string& id,
                          const std::string& title, const std::string& action, const std::string& text_lang) {
  const auto fields = ParseFields(request);
  const std::string typed_date = First(fields, "published_on").substr(0, 40);
  programme::NewsForm in{std::nullopt, First(fields, "title").substr(0, 2000), First(fields, "body").substr(0, 40000)};
  if (auto d = events::ParseTypedDate(typed_date)) in.published_on = events::FormatDate(*d);
  const Status checked = programme::CheckNews(in);
  if (!checked.ok()) {
    return RenderNewsForm(site, locale, request, bo, initiative, title, action, typed_date, in, text_lang, checked.error().fields);
  }
  store::NewsSource v{"", initiative.id, *in.published_on, TrimSpace(in.title), TrimSpace(in.body)};
  site.db().Write([&](store::Connection& c) { store::SaveNews(c, id, initiative.id, v, FormatRfc3339(site.clock().Now())); });
  return SeeOther(InitiativeManagePath(locale, initiative.slug));
}

// ---- partnerships ----

struct PartnershipInput {
  std::string library, municipality, integration, starts_on;  // as typed
};

http::Response RenderPartnershipForm(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                                     const BackOffice& bo, const store::InitiativeItem& initiative,
                                     const std::string& title, const std::string& action, const PartnershipInput& in,
                                     const std::vector<std::pair<std::string, std::string>>& errors) {
  const std::string& lang = locale.code;
  FormView form(site, locale, title, action);
  form.Intro(site.Tr(lang, "partnerships.form.intro"));
  form.Section("", site.Tr(lang, "initiatives.form.who_hint"));
  form.Text("library", site.Tr(lang, "initiatives.library"), in.library);
  form.Text("municipality", site.Tr(lang, "initiatives.municipality"), in.municipality).optional = true;
  form.Text("integration", site.Tr(lang, "initiatives.integration"), in.integration).optional = true;
  FormField& since = form.Text("starts_on", site.Tr(lang, "partnerships.form.since"), in.starts_on);
  since.optional = true;
  since.hint = site.Tr(lang, "hackathons.form.date_hint");
  since.width = "short";
  for (const auto& [field, message] : errors) form.Error(field, message);
  return FinishForm(site, locale, request, bo, form, InitiativeManagePath(locale, initiative.slug));
}

http::Response SubmitPartnership(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                                 const BackOffice& bo, const store::InitiativeItem& initiative, const std::string& id,
                                 const std::string& title, const std::string& action) {
  const std::string& lang = locale.code;
  const auto fields = ParseFields(request);
  const PartnershipInput in{First(fields, "library").substr(0, 400), First(fields, "municipality").substr(0, 400),
                            First(fields, "integration").substr(0, 400), First(fields, "starts_on").substr(0, 40)};
  std::vector<std::pair<std::string, std::string>> errors;
  store::PartnershipSource p{id, initiative.id, "", "", "", ""};
  {
    auto db = site.db().Read();
    auto one = [&](const char* field, const std::string& typed, bool library, std::string& out) {
      if (TrimSpace(typed).empty()) return;
      auto r = store::ResolveOrganizations(*db, {typed}, library);
      if (r.ids.size() == 1) {
        out = r.ids.front();
      } else {
        errors.emplace_back(field, site.Tr(lang, library ? "programme.error.unknown_libraries" : "programme.error.unknown_organizations",
                                           {{"names", TrimSpace(typed)}, {"count", 1}}));
      }
    };
    if (TrimSpace(in.library).empty()) errors.emplace_back("library", site.Tr(lang, "programme.error.library_missing"));
    one("library", in.library, true, p.library_id);
    one("municipality", in.municipality, false, p.municipality_id);
    one("integration", in.integration, false, p.integration_id);
  }
  if (!TrimSpace(in.starts_on).empty()) {
    if (auto d = events::ParseTypedDate(in.starts_on)) p.starts_on = events::FormatDate(*d);
    else errors.emplace_back("starts_on", site.Tr(lang, "programme.error.date"));
  }
  if (errors.empty()) {
    Result<std::string> saved = Error{ErrorCode::kInvalidInput, ""};
    site.db().Write([&](store::Connection& c) { saved = store::SavePartnership(c, p); });
    if (saved.ok()) return SeeOther(InitiativeManagePath(locale, initiative.slug));
    for (const auto& e : saved.error().fields) errors.emplace_back(e.field, site.Tr(lang, e.message_key));
  }
  return RenderPartnershipForm(site, locale, request, bo, initiative, title, action, in, errors);
}

}  // namespace

http::Response NewNews(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo) {
  auto initiative = InitiativeOfSlug(site, locale, request.Param("slug"));
  if (!initiative) return site.ErrorPage(404, request);
  const std::string text_lang = InitiativeTextLocale(site, initiative->slug);
  const std::string title = site.Tr(locale.code, "initiatives.form.news_new_title");
  const std::string action = InitiativeManagePath(locale, initiative->slug) + "/news/new";
  if (request.method == "GET") return RenderNewsForm(site, locale, request, bo, *initiative, title, action, "", {}, text_lang, {});
  return SubmitNews(site, locale, request, bo, *initiative, "", title, action, text_lang);
}

http::Response EditNews(const Site& site, const i18n::LocaleInfo& locale, http::Request& request, const BackOffice& bo) {
  const std::string id(request.Param("id"));
  auto stored = store::LoadNews(*site.db().Read(), id);
  if (!stored) return site.ErrorPage(404, request);
  auto initiative = store::InitiativeById(*site.db().Read(), stored->initiative_id, site.Chain(locale));
  if (!initiative) return site.ErrorPage(404, request);
  const std::string text_lang = InitiativeTextLocale(site, initiative->slug);
  const std::string title = site.Tr(locale.code, "initiatives.form.news_edit_title", {{"title", stored->title}});
  const std::string action = ManagePath(locale, "/news/" + id);
  if (request.method == "GET") {
    return RenderNewsForm(site, locale, request, bo, *initiative, title, action, TypedDate(stored->published_on),
                          {stored->published_on, stored->title, stored->body}, text_lang, {});
  }
  return SubmitNews(site, locale, request, bo, *initiative, id, title, action, text_lang);
}

http::Response NewPartnership(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                              const BackOffice& bo) {
  auto initiative = InitiativeOfSlug(site, locale, request.Param("slug"));
  if (!initiative) return site.ErrorPage(404, request);
  const std::string title = site.Tr(locale.code, "partnerships.form.new_title");
  const std::string action = InitiativeManagePath(locale, initiative->slug) + "/partnerships/new";
  if (request.method == "GET") return RenderPartnershipForm(site, locale, request, bo, *initiative, title, action, {}, {});
  return SubmitPartnership(site, locale, request, bo, *initiative, "", title, action);
}

http::Response EditPartnership(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                               const BackOffice& bo) {
  const std::string id(request.Param("id"));
  auto stored = store::LoadPartnership(*site.db().Read(), id);
  if (!stored) return site.ErrorPage(404, request);
  auto initiative = store::InitiativeById(*site.db().Read(), stored->initiative_id, site.Chain(locale));
  if (!initiative) return site.ErrorPage(404, request);
  auto db = site.db().Read();
  const std::string library = store::OrganizationName(*db, stored->library_id);
  const std::string title = site.Tr(locale.code, "partnerships.form.edit_title", {{"library", library}});
  const std::string action = ManagePath(locale, "/partnerships/" + id);
  if (request.method == "GET") {
    PartnershipInput in{library, stored->municipality_id.empty() ? "" : store::OrganizationName(*db, stored->municipality_id),
                        stored->integration_id.empty() ? "" : store::OrganizationName(*db, stored->integration_id),
                        stored->starts_on.empty() ? "" : TypedDate(stored->starts_on)};
    return RenderPartnershipForm(site, locale, request, bo, *initiative, title, action, in, {});
  }
  return SubmitPartnership(site, locale, request, bo, *initiative, id, title, action);
}

http::Response NewInitiative(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                             const BackOffice& bo) {
  const std::string title = site.Tr(locale.code, "initiatives.form.new_title");
  const std::string action = ManagePath(locale, "/initiatives/new");
  const std::string back = ManagePath(locale, "/programme");
  if (request.method == "GET") return RenderInitiativeForm(site, locale, request, bo, title, action, back, {}, locale.code, {});
  return SubmitInitiative(site, locale, request, bo, "", title, action, back, locale.code);
}

http::Response EditInitiative(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                              const BackOffice& bo) {
  auto source = store::LoadInitiativeSource(*site.db().Read(), request.Param("slug"));
  if (!source) return site.ErrorPage(404, request);
  const std::string title = site.Tr(locale.code, "initiatives.form.edit_title", {{"name", source->short_name.empty() ? source->name : source->short_name}});
  const std::string action = InitiativeManagePath(locale, source->slug) + "/edit";
  const std::string back = InitiativeManagePath(locale, source->slug);
  if (request.method == "GET") {
    return RenderInitiativeForm(site, locale, request, bo, title, action, back, InputOfSource(site, *source), source->source_locale, {});
  }
  return SubmitInitiative(site, locale, request, bo, source->id, title, action, back, source->source_locale);
}

http::Response ManageInitiative(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                                const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto db = site.db().Read();
  const auto detail = store::InitiativeBySlug(*db, request.Param("slug"), site.Chain(locale));
  if (!detail) return site.ErrorPage(404, request);
  const store::InitiativeItem* initiative = &detail->item;
  const auto hackathons = store::HackathonsOfInitiative(*db, initiative->id, site.Chain(locale));
  const auto ideas = store::IdeasOfInitiative(*db, initiative->id, site.Chain(locale));
  Data page(Data::type::object);
  page.set("heading", initiative->name.text);
  page.set("name", site.TextData(initiative->name, locale));
  page.set("public_href", "/" + lang + "/initiatives/" + initiative->slug);
  page.set("edit_href", InitiativeManagePath(locale, initiative->slug) + "/edit");
  page.set("dashboard_href", ManagePath(locale, "/programme"));
  page.set("hackathons", HackathonsView(site, locale, hackathons, ManagePath(locale, "/hackathons/")));
  page.set("new_hackathon_href", InitiativeManagePath(locale, initiative->slug) + "/hackathons/new");
  Data categories = IdeasByCategoryView(site, locale, ideas, ManagePath(locale, "/ideas/"));
  page.set("idea_categories", categories);
  page.set("has_ideas", !categories.is_empty_list());
  page.set("new_idea_href", InitiativeManagePath(locale, initiative->slug) + "/ideas/new");
  page.set("new_news_href", InitiativeManagePath(locale, initiative->slug) + "/news/new");
  page.set("new_partnership_href", InitiativeManagePath(locale, initiative->slug) + "/partnerships/new");
  Data partnerships(Data::type::list);
  for (const auto& r : store::AllPartnerships(*db, site.Chain(locale))) {
    if (r.initiative_slug != initiative->slug) continue;
    Data d(Data::type::object);
    d.set("library", site.TextData(r.library, locale));
    if (!r.municipality.text.empty()) d.set("municipality", site.TextData(r.municipality, locale));
    if (!r.integration.text.empty()) d.set("integration", site.TextData(r.integration, locale));
    d.set("since", r.starts_on.empty() ? "" : IsoDateText(site, lang, r.starts_on));
    d.set("edit_href", ManagePath(locale, "/partnerships/" + r.id));
    partnerships.push_back(d);
  }
  page.set("partnerships", partnerships);
  page.set("has_partnerships", !partnerships.is_empty_list());
  Data news(Data::type::list);
  for (const auto& n : detail->news) {
    Data d(Data::type::object);
    d.set("date", IsoDateText(site, lang, n.published_on));
    d.set("news_title", site.TextData(n.title, locale));
    d.set("edit_href", ManagePath(locale, "/news/" + n.id));
    news.push_back(d);
  }
  page.set("news", news);
  page.set("has_news", !news.is_empty_list());
  Data gallery = GalleryView(site, locale, store::InitiativeGallery(*db, initiative->id, site.Chain(locale)),
                             ManagePath(locale, "/images/"));
  page.set("has_gallery", !gallery.is_empty_list());
  page.set("gallery", gallery);
  page.set("new_image_href", InitiativeManagePath(locale, initiative->slug) + "/images/new");
  PageFrame frame{&locale, PathTailOf(request), initiative->name.text};
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
