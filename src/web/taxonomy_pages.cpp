// The coordinators' taxonomy pages: every taxonomy with its terms' names in each locale side by
// side, a form per term with a name field per locale, and a form for a new term. Term names
// are short labels: Latvian is required (it is the source), the others fall back to it.
#include <algorithm>
#include <cctype>

#include "core/clock.h"
#include "store/taxonomy_edits.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"

namespace tilti::web {
namespace {

constexpr size_t kMaxTermName = 120;

std::vector<std::string> Locales(const Site& site) {
  std::vector<std::string> out;
  for (const auto& l : site.messages().Locales()) out.push_back(l.code);
  return out;
}

// Each locale's name from the form, checked: Latvian required, none too long or multi-line.
std::map<std::string, std::string, std::less<>> ReadNames(const Site& site,
                                                          const i18n::LocaleInfo& locale,
                                                          const FormFields& form,
                                                          FormView& view) {
  std::map<std::string, std::string, std::less<>> names;
  for (const std::string& code : Locales(site)) {
    std::string v = form.Get("name_" + code);
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.pop_back();
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.erase(0, 1);
    const bool control = std::any_of(v.begin(), v.end(), [](unsigned char ch) {
      return ch < 0x20 || ch == 0x7f;
    });
    if (code == "lv" && v.empty()) {
      view.Error("name_lv", site.Tr(locale.code, "edit.error.name_missing"));
    } else if (control) {
      view.Error("name_" + code, site.Tr(locale.code, "edit.error.control_characters"));
    } else if (v.size() > kMaxTermName * 4) {
      view.Error("name_" + code, site.Tr(locale.code, "edit.error.too_long"));
    }
    names[code] = v;
  }
  return names;
}

void NameFields(const Site& site, const i18n::LocaleInfo& locale, FormView& form,
                const std::map<std::string, std::string, std::less<>>& names) {
  form.Section(site.Tr(locale.code, "taxonomy.names_legend"),
               site.Tr(locale.code, "taxonomy.names_hint"));
  for (const auto& l : site.messages().Locales()) {
    auto it = names.find(l.code);
    FormField& f = form.Text("name_" + l.code, l.endonym, it == names.end() ? "" : it->second);
    f.lang = l.code;
    f.optional = l.code != "lv";
  }
}

}  // namespace

http::Response ManageTaxonomies(const Site& site, const i18n::LocaleInfo& locale,
                                http::Request& request, const BackOffice& bo) {
  auto taxonomies = store::AllTaxonomies(*site.db().Read(), site.Chain(locale));
  Data page(Data::type::object);
  Data locales(Data::type::list);
  for (const auto& l : site.messages().Locales()) {
    Data d(Data::type::object);
    d.set("code", l.code);
    d.set("endonym", l.endonym);
    locales.push_back(d);
  }
  page.set("locales", locales);
  Data list(Data::type::list);
  for (const auto& t : taxonomies) {
    Data td(Data::type::object);
    td.set("name", site.TextData(t.name, locale));
    td.set("code", t.code);
    td.set("new_href", ManagePath(locale, "/taxonomies/" + t.code + "/new-term"));
    Data terms(Data::type::list);
    for (const auto& term : t.terms) {
      Data d(Data::type::object);
      d.set("code", term.code);
      d.set("href", ManagePath(locale, "/taxonomies/" + t.code + "/terms/" + term.code));
      Data names(Data::type::list);
      for (const auto& l : site.messages().Locales()) {
        Data n(Data::type::object);
        auto it = term.names.find(l.code);
        n.set("lang", l.code);
        n.set("text", it == term.names.end() ? "" : it->second);
        n.set("missing", it == term.names.end());
        names.push_back(n);
      }
      d.set("names", names);
      terms.push_back(d);
    }
    td.set("terms", terms);
    list.push_back(td);
  }
  page.set("taxonomies", list);
  if (request.query.find("saved=") != std::string::npos) {
    page.set("notice", site.Tr(locale.code, "edit.saved"));
  }
  PageFrame frame{&locale, "manage/taxonomies", site.Tr(locale.code, "taxonomy.title")};
  return RenderBackOfficePage(site, request, bo, frame, "manage_taxonomies", std::move(page));
}

http::Response EditTaxonomyTerm(const Site& site, const i18n::LocaleInfo& locale,
                                http::Request& request, const BackOffice& bo) {
  auto term = store::TermByCode(*site.db().Read(), request.Param("taxonomy"),
                                request.Param("term"));
  if (!term) {
    http::Response r = site.ErrorPage(404, request);
    r.Set("Cache-Control", "private, no-store");
    return r;
  }
  const std::string path =
      ManagePath(locale, "/taxonomies/" + term->taxonomy_code + "/terms/" + term->code);
  FormView form(site, locale, site.Tr(locale.code, "taxonomy.edit_title", {{"code", term->code}}),
                path);
  form.Back(ManagePath(locale, "/taxonomies"), site.Tr(locale.code, "form.cancel"));
  auto history = store::HistoryOf(*site.db().Read(), "taxonomy_term", term->id, 20);
  form.Extra("history", HistoryData(site, locale, history));
  form.Extra("has_history", Data(!history.empty()));
  if (request.method == "GET") {
    NameFields(site, locale, form, term->names);
    return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
  }
  auto names = ReadNames(site, locale, bo.form, form);
  if (form.HasErrors()) {
    NameFields(site, locale, form, names);
    return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
  }
  site.db().Write([&](store::Connection& c) {
    store::SaveTermNames(c, *term, names, bo.Author(), FormatRfc3339(site.clock().Now()));
  });
  return SeeOther(ManagePath(locale, "/taxonomies") + "?saved=1");
}

http::Response NewTaxonomyTerm(const Site& site, const i18n::LocaleInfo& locale,
                               http::Request& request, const BackOffice& bo) {
  const std::string taxonomy(request.Param("taxonomy"));
  const std::string path = ManagePath(locale, "/taxonomies/" + taxonomy + "/new-term");
  FormView form(site, locale, site.Tr(locale.code, "taxonomy.new_title"), path);
  form.Back(ManagePath(locale, "/taxonomies"), site.Tr(locale.code, "form.cancel"));
  std::string code = bo.form.Get("code");
  std::map<std::string, std::string, std::less<>> names;
  if (request.method == "POST") {
    const bool code_ok = code.size() >= 2 && code.size() <= 60 &&
                         std::all_of(code.begin(), code.end(), [](unsigned char ch) {
                           return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
                         });
    if (!code_ok) form.Error("code", site.Tr(locale.code, "taxonomy.error.code"));
    names = ReadNames(site, locale, bo.form, form);
    if (!form.HasErrors()) {
      const bool added = site.db().Write([&](store::Connection& c) {
        return store::AddTerm(c, taxonomy, code, names, bo.Author(),
                              FormatRfc3339(site.clock().Now()));
      });
      if (added) return SeeOther(ManagePath(locale, "/taxonomies") + "?saved=1");
      form.Error("code", site.Tr(locale.code, "taxonomy.error.code_taken"));
    }
  }
  FormField& c = form.Text("code", site.Tr(locale.code, "taxonomy.code_label"), code);
  c.hint = site.Tr(locale.code, "taxonomy.code_hint");
  c.width = "short";
  NameFields(site, locale, form, names);
  return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
}

}  // namespace tilti::web
