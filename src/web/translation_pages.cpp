// The translation workflow of the back office: a record's texts in one target locale beside
// their originals, the dashboard of what is missing and outdated per organisation, and the
// export and import of pending translations as PO or XLIFF files.
#include <algorithm>
#include <charconv>

#include "exchange/translation_files.h"
#include "store/translation_store.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/query_params.h"
#include "web/session.h"

namespace tilti::web {
namespace {

constexpr size_t kOrganizationsPerPage = 50;
constexpr size_t kRecordsPerOrganization = 6;

bool IsOurLocale(const Site& site, std::string_view code) {
  for (const auto& l : site.messages().Locales()) {
    if (l.code == code) return true;
  }
  return false;
}

// ?locale= when it is one of ours; else the page's language, unless that is Latvian (the
// source language of most records), then English.
std::string TargetLocale(const Site& site, const http::Request& request,
                         const i18n::LocaleInfo& page) {
  std::string wanted = QueryParam(request, "locale", 8);
  if (IsOurLocale(site, wanted)) return wanted;
  return page.code != "lv" ? page.code : "en";
}

// Percent-encodes an id for a path; '/' stays, as the route's {id...} takes the rest.
std::string PathEncode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || std::string_view("-._~/:").find(c) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string EditPath(const i18n::LocaleInfo& locale, std::string_view entity, std::string_view id,
                     std::string_view target) {
  return ManagePath(locale, "/translations/" + std::string(entity) + "/" + PathEncode(id)) +
         "?locale=" + std::string(target);
}

// The organisations whose records the actor may translate: all for a coordinator, else their
// own where Can(kTranslate) (none for a partner).
store::OrganizationScope TranslatableFilter(const accounts::Actor& actor) {
  store::OrganizationScope f;
  f.all = accounts::Can(actor, accounts::Action::kSeeEverything);
  if (f.all) return f;
  for (const auto& id : actor.organization_ids) {
    if (accounts::Can(actor, accounts::Action::kTranslate, id)) f.ids.push_back(id);
  }
  return f;
}

// Links to the same page in each target locale, named in their own language.
Data LocaleLinks(const Site& site, std::string_view current,
                 const std::function<std::string(const std::string&)>& href) {
  Data list(Data::type::list);
  for (const auto& l : site.messages().Locales()) {
    Data d(Data::type::object);
    d.set("href", href(l.code));
    d.set("label", l.endonym);
    d.set("lang", l.code);
    d.set("current", l.code == current);
    list.push_back(d);
  }
  return list;
}

std::string LanguageName(const Site& site, const i18n::LocaleInfo& locale, std::string_view code) {
  return site.Tr(locale.code, "translations.language." + std::string(code));
}

std::string TextProblemMessage(const Site& site, const i18n::LocaleInfo& locale,
                               exchange::TextProblem p, std::string_view field_label,
                               std::string_view field) {
  switch (p) {
    case exchange::TextProblem::kTooLong:
      return site.Tr(locale.code, "translations.error.too_long",
                     {{"field", std::string(field_label)},
                      {"max", static_cast<int64_t>(exchange::MaxTextLength(field))}});
    case exchange::TextProblem::kControlCharacter:
      return site.Tr(locale.code, "translations.error.control", {{"field", std::string(field_label)}});
    case exchange::TextProblem::kInvalidUtf8:
      break;
  }
  return site.Tr(locale.code, "translations.error.utf8", {{"field", std::string(field_label)}});
}

std::string Trimmed(std::string s) {
  const auto blank = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.back())) s.pop_back();
  size_t i = 0;
  while (i < s.size() && blank(s[i])) ++i;
  return s.substr(i);
}

http::Response PrivateNotFound(const Site& site, const http::Request& request) {
  http::Response r = site.ErrorPage(404, request);
  r.Set("Cache-Control", kPrivateNoStore);
  return r;
}

size_t PageNumber(const http::Request& request) {
  const std::string p = QueryParam(request, "page", 6);
  size_t n = 1;
  auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), n);
  if (ec != std::errc() || ptr != p.data() + p.size() || n < 1 || n > 100000) return 1;
  return n;
}

}  // namespace

http::Response TranslationEditPage(const Site& site, const i18n::LocaleInfo& locale,
                                   http::Request& request, const BackOffice& bo) {
  const std::string entity(request.Param("entity")), id(request.Param("id"));
  const std::string target = TargetLocale(site, request, locale);
  auto record = store::ReadTranslatable(*site.db().Read(), entity, id, target);
  if (!record) return PrivateNotFound(site, request);
  const bool posted = request.method == "POST";

  FormView form(site, locale, site.Tr(locale.code, "translations.edit.title", {{"name", record->name}}),
                EditPath(locale, entity, id, target));
  form.Intro(site.Tr(locale.code, "translations.edit.intro",
                     {{"language", LanguageName(site, locale, target)}}));
  form.Section(site.Tr(locale.code, "translations.entity." + entity));
  std::vector<store::TranslationEdit> edits;
  for (const store::TranslationField& f : record->fields) {
    if (f.source_locale == target || (f.source_text.empty() && f.value.empty())) continue;
    const std::string label = site.Tr(locale.code, "translations.field." + f.field);
    std::string value = posted ? Trimmed(bo.form.Get(f.field)) : f.value;
    FormField& field = f.field == "name" || f.field == "title" ? form.Text(f.field, label)
                                                                : form.TextArea(f.field, label);
    field.value = value;
    field.optional = true;
    field.lang = target;
    field.source_text = f.source_text;
    field.source_lang = f.source_locale;
    if (f.outdated) field.hint = site.Tr(locale.code, "translations.edit.outdated");
    if (posted) {
      if (auto problem = exchange::CheckTranslationText(f.field, value)) {
        form.Error(f.field, TextProblemMessage(site, locale, *problem, label, f.field));
      }
    }
    edits.push_back({f.field, std::move(value)});
  }
  if (posted && !form.HasErrors()) {
    const std::string now = FormatRfc3339(site.clock().Now());
    const int saved = site.db().Write([&](store::Connection& c) {
      return store::SaveTranslations(c, entity, id, target, edits, bo.Author(), now);
    });
    return SeeOther(EditPath(locale, entity, id, target) + "&saved=" + std::to_string(saved));
  }
  if (edits.empty()) {
    form.Notice(site.Tr(locale.code, record->source_locale == target
                                         ? "translations.edit.is_source"
                                         : "translations.edit.nothing"));
  } else if (!posted && !QueryParam(request, "saved", 6).empty()) {
    int64_t saved = 0;
    const std::string s = QueryParam(request, "saved", 6);
    std::from_chars(s.data(), s.data() + s.size(), saved);
    form.Notice(site.Tr(locale.code, "translations.edit.saved", {{"count", saved}}));
  }
  form.Submit(site.Tr(locale.code, "translations.edit.save"));
  form.Back(ManagePath(locale, "/translations") + "?locale=" + target,
            site.Tr(locale.code, "translations.edit.back"));
  form.Extra("locale_links", LocaleLinks(site, target, [&](const std::string& code) {
               return EditPath(locale, entity, id, code);
             }));
  form.Extra("has_fields", Data(!edits.empty()));
  return RenderBackOfficePage(site, request, bo,
                              form.Frame("manage/translations/" + entity + "/" + PathEncode(id)),
                              "translation_edit", form.Data());
}

http::Response TranslationsDashboard(const Site& site, const i18n::LocaleInfo& locale,
                                     http::Request& request, const BackOffice& bo) {
  const std::string target = TargetLocale(site, request, locale);
  const size_t page_no = PageNumber(request);
  const store::OrganizationScope filter = TranslatableFilter(bo.actor);
  store::Backlog backlog;
  if (filter.all || !filter.ids.empty()) {
    backlog = store::TranslationBacklog(*site.db().Read(), site.Chain(locale), target, filter,
                                        kOrganizationsPerPage,
                                        (page_no - 1) * kOrganizationsPerPage,
                                        kRecordsPerOrganization);
  }
  const std::string base = ManagePath(locale, "/translations");
  Data page(Data::type::object);
  page.set("language", LanguageName(site, locale, target));
  page.set("locale_links", LocaleLinks(site, target, [&](const std::string& code) {
             return base + "?locale=" + code;
           }));
  Data counts(Data::type::list);
  for (auto [key, n] : {std::pair{"translations.dashboard.missing", backlog.missing},
                        std::pair{"translations.dashboard.outdated", backlog.outdated},
                        std::pair{"translations.dashboard.organizations", backlog.organizations}}) {
    Data d(Data::type::object);
    d.set("text", site.Tr(locale.code, key, {{"count", n}}));
    counts.push_back(d);
  }
  page.set("counts", counts);
  Data list(Data::type::list);
  for (const auto& o : backlog.page) {
    Data d(Data::type::object);
    d.set("name", site.TextData(o.name, locale));
    d.set("missing", std::to_string(o.missing));
    d.set("outdated", std::to_string(o.outdated));
    Data records(Data::type::list);
    for (const auto& r : o.records) {
      Data rd(Data::type::object);
      rd.set("href", EditPath(locale, r.entity, r.id, target));
      rd.set("kind", site.Tr(locale.code, "translations.entity." + r.entity));
      rd.set("name", r.name.empty() ? r.id : r.name);
      rd.set("work", site.Tr(locale.code, "translations.dashboard.record_work",
                             {{"missing", r.missing}, {"outdated", r.outdated}}));
      records.push_back(rd);
    }
    d.set("records", records);
    list.push_back(d);
  }
  page.set("organizations", list);
  page.set("has_organizations", !backlog.page.empty());
  const size_t pages = (static_cast<size_t>(backlog.organizations) + kOrganizationsPerPage - 1) /
                       kOrganizationsPerPage;
  if (page_no > 1) {
    page.set("previous_href", base + "?locale=" + target + "&page=" + std::to_string(page_no - 1));
  }
  if (page_no < pages) {
    page.set("next_href", base + "?locale=" + target + "&page=" + std::to_string(page_no + 1));
  }
  if (pages > 1) {
    page.set("page_of", site.Tr(locale.code, "translations.dashboard.page_of",
                                {{"page", static_cast<int64_t>(page_no)},
                                 {"pages", static_cast<int64_t>(pages)}}));
  }
  page.set("export_po", base + "/export?locale=" + target + "&format=po");
  page.set("export_xliff", base + "/export?locale=" + target + "&format=xliff");
  page.set("import_href", base + "/import");
  PageFrame frame{&locale, "manage/translations", site.Tr(locale.code, "translations.dashboard.title")};
  return RenderBackOfficePage(site, request, bo, frame, "translation_dashboard", std::move(page));
}

http::Response TranslationsExport(const Site& site, const i18n::LocaleInfo& locale,
                                  http::Request& request, const BackOffice& bo) {
  const std::string target = TargetLocale(site, request, locale);
  const bool xliff = QueryParam(request, "format", 8) == "xliff";
  const store::OrganizationScope filter = TranslatableFilter(bo.actor);
  std::vector<exchange::TranslationUnit> units;
  if (filter.all || !filter.ids.empty()) {
    for (auto& p : store::PendingTranslations(*site.db().Read(), target, filter,
                                              exchange::kMaxUnits)) {
      units.push_back({std::move(p.entity), std::move(p.id), std::move(p.field),
                       std::move(p.source_locale), std::move(p.source_text),
                       std::move(p.translation), p.outdated, 0});
    }
  }
  http::Response r;
  r.body = xliff ? exchange::WriteXliff(units, target) : exchange::WritePo(units, target);
  r.Set("Content-Type", xliff ? "application/x-xliff+xml; charset=utf-8"
                              : "text/x-gettext-translation; charset=utf-8");
  r.Set("Content-Disposition", std::string("attachment; filename=\"tilti-") + target +
                                   (xliff ? ".xlf\"" : ".po\""));
  r.Set("Cache-Control", kPrivateNoStore);
  r.Set("Content-Security-Policy", "default-src 'none'");
  r.Set("X-Content-Type-Options", "nosniff");
  return r;
}

namespace {

std::string FileProblemKey(exchange::FileProblemKind kind) {
  using K = exchange::FileProblemKind;
  switch (kind) {
    case K::kMalformed: return "malformed";
    case K::kMissingKey: return "missing_key";
    case K::kDuplicate: return "duplicate";
    case K::kNoLanguage: return "no_language";
    case K::kUnsupported: return "unsupported";
    case K::kTooManyUnits: return "too_many";
  }
  return "malformed";
}

std::string ImportProblemKey(store::ImportProblem p) {
  using P = store::ImportProblem;
  switch (p) {
    case P::kUnknownEntry: return "unknown";
    case P::kNotPermitted: return "not_permitted";
    case P::kSourceChanged: return "source_changed";
    case P::kSourceLocale: return "source_locale";
  }
  return "unknown";
}

}  // namespace

http::Response TranslationsImport(const Site& site, const i18n::LocaleInfo& locale,
                                  http::Request& request, const BackOffice& bo) {
  Data page(Data::type::object);
  Data errors(Data::type::list);
  size_t error_count = 0;
  auto problem = [&](int line, std::string text) {
    ++error_count;
    Data d(Data::type::object);
    d.set("text", line > 0 ? site.Tr(locale.code, "translations.import.line",
                                     {{"line", static_cast<int64_t>(line)}, {"problem", text}})
                           : text);
    d.set("href", "#file");
    errors.push_back(d);
  };
  if (request.method == "POST") {
    const FormFile* file = bo.form.File("file");
    if (file == nullptr || file->content.empty()) {
      problem(0, site.Tr(locale.code, "translations.import.error.no_file"));
    } else {
      exchange::TranslationFile parsed = exchange::ReadTranslationFile(file->content);
      auto tr = [&](std::string_view key) {
        return site.Tr(locale.code, "translations.import.error." + std::string(key));
      };
      for (const auto& p : parsed.problems) problem(p.line, tr(FileProblemKey(p.kind)));
      if (parsed.problems.empty() && !IsOurLocale(site, parsed.target_locale)) {
        problem(1, tr("bad_language"));
      }
      std::vector<store::ImportedTranslation> entries;
      for (const auto& u : parsed.units) {
        if (u.fuzzy || u.target.empty()) continue;  // not finished: left out
        if (auto text_problem = exchange::CheckTranslationText(u.field, u.target)) {
          const std::string label = site.Tr(locale.code, "translations.field." + u.field);
          problem(u.line, TextProblemMessage(site, locale, *text_problem, label, u.field));
        }
        entries.push_back({u.line, u.entity, u.id, u.field, u.source, u.target});
      }
      if (error_count == 0) {
        const std::string now = FormatRfc3339(site.clock().Now());
        auto may = [&](const std::string& organization_id) {
          return accounts::Can(bo.actor, accounts::Action::kTranslate, organization_id);
        };
        store::ImportOutcome outcome = site.db().Write([&](store::Connection& c) {
          return store::ImportTranslations(c, parsed.target_locale, entries, may, bo.Author(), now);
        });
        for (const auto& [line, p] : outcome.problems) problem(line, tr(ImportProblemKey(p)));
        if (outcome.problems.empty()) {
          page.set("notice", site.Tr(locale.code, "translations.import.done",
                                     {{"count", static_cast<int64_t>(outcome.imported)},
                                      {"language", LanguageName(site, locale, parsed.target_locale)}}));
          page.set("dashboard_href",
                   ManagePath(locale, "/translations") + "?locale=" + parsed.target_locale);
        }
      }
    }
  }
  const bool has_errors = error_count > 0;
  page.set("errors", errors);
  page.set("has_errors", has_errors);
  page.set("action", ManagePath(locale, "/translations/import"));
  page.set("back_href", ManagePath(locale, "/translations"));
  const std::string title = site.Tr(locale.code, "translations.import.title");
  PageFrame frame{&locale, "manage/translations/import",
                  has_errors ? site.Tr(locale.code, "form.error_title", {{"title", title}}) : title,
                  has_errors ? 400 : 200};
  return RenderBackOfficePage(site, request, bo, frame, "translation_import", std::move(page));
}

}  // namespace tilti::web
