// The methodology library (issue 8): documents and guides for librarians, each versioned.
// Public:
//   /{lang}/methods                          every document with its current version
//   /{lang}/methods/{slug}                    the current version, the file, every earlier version
//   /{lang}/methods/{slug}/versions/{n}       an earlier version, readable as it was
// Back office, for coordinators (Action::kEditProgramme):
//   /{lang}/manage/methods                    the documents, with links to change them
//   /{lang}/manage/methods/new                a document and its first version
//   /{lang}/manage/methods/{slug}/edit        its title, summary and topic
//   /{lang}/manage/methods/{slug}/versions/new   a new version (the old ones stay as they were)
// Files are checked by web/uploads (documents: PDF, OpenDocument, Office Open XML, 10 MiB).
#include "core/clock.h"
#include "core/text.h"
#include "events/event_rules.h"
#include "programme/methods.h"
#include "store/method_store.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/i18n_format.h"
#include "web/markdown.h"
#include "web/programme_views.h"
#include "web/uploads.h"

namespace tilti::web {
namespace {

std::string MethodsHref(const std::string& lang) { return "/" + lang + "/methods"; }
std::string MethodHref(const std::string& lang, std::string_view slug) {
  return MethodsHref(lang) + "/" + std::string(slug);
}

// "PDF, 1.2 MB" / "DOCX, 340 kB".
std::string FileLabel(const Site& site, const std::string& lang, const store::UploadInfo& file) {
  const i18n::Formatter& f = site.FormatterFor(lang);
  std::string type = file.extension;
  for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (file.byte_size >= 1024 * 1024) {
    return site.Tr(lang, "methods.file_mb", {{"type", type}, {"size", f.Number(static_cast<double>(file.byte_size) / (1024.0 * 1024.0), 1)}});
  }
  return site.Tr(lang, "methods.file_kb", {{"type", type}, {"size", f.Number(std::max<int64_t>(1, (file.byte_size + 512) / 1024))}});
}

// A version as page data: number, date, note, body_html, file link.
Data VersionData(const Site& site, const i18n::LocaleInfo& locale, const store::MethodVersionView& v) {
  const std::string& lang = locale.code;
  Data d(Data::type::object);
  d.set("number", std::to_string(v.number));
  d.set("version_label", site.Tr(lang, "methods.version", {{"number", v.number}}));
  d.set("date", v.published_on.empty() ? site.Tr(lang, "methods.date_unknown") : IsoDateText(site, lang, v.published_on));
  if (!v.note.text.empty()) d.set("note", site.TextData(v.note, locale));
  if (!v.body.text.empty()) {
    d.set("body_html", RenderMarkdown(v.body.text));
    d.set("body_lang", v.body.locale.empty() ? lang : v.body.locale);
    if (!v.body.locale.empty() && v.body.locale != lang) {
      d.set("body_fallback", site.Tr(lang, "methods.shown_in", {{"language", site.LanguageNameIn(v.body.locale, lang)}}));
    }
  }
  if (v.file) {
    d.set("file_href", FileHref(v.file->StoredName()));
    d.set("file_label", FileLabel(site, lang, *v.file));
    d.set("file_name", v.file->filename);
  }
  return d;
}

http::Response RenderMethod(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                            const store::MethodDocumentView& doc, size_t shown) {
  const std::string& lang = locale.code;
  Data page(Data::type::object);
  page.set("heading", doc.title.text);
  page.set("doc_title", site.TextData(doc.title, locale));
  if (!doc.summary.text.empty()) page.set("summary", site.TextData(doc.summary, locale));
  page.set("topic", site.Tr(lang, "methods.topic." + doc.topic));
  page.set("list_href", MethodsHref(lang));
  page.set("shown", VersionData(site, locale, doc.versions[shown]));
  if (shown != 0) {
    page.set("older_notice", site.Tr(lang, "methods.older_notice", {{"number", doc.versions[shown].number}, {"current", doc.versions[0].number}}));
    page.set("current_href", MethodHref(lang, doc.slug));
  }
  Data versions(Data::type::list);
  for (size_t i = 0; i < doc.versions.size(); ++i) {
    Data v = VersionData(site, locale, doc.versions[i]);
    v.set("href", i == 0 ? MethodHref(lang, doc.slug)
                         : MethodHref(lang, doc.slug) + "/versions/" + std::to_string(doc.versions[i].number));
    v.set("is_current", i == 0);
    v.set("is_shown", i == shown);
    versions.push_back(v);
  }
  page.set("versions", versions);
  page.set("has_older", doc.versions.size() > 1);
  std::string tail = "methods/" + doc.slug;
  if (shown != 0) tail += "/versions/" + std::to_string(doc.versions[shown].number);
  PageFrame frame{&locale, tail, doc.title.text};
  return site.RenderPage(request, frame, "method", std::move(page));
}

// ---- back office ----

struct DocumentInput {
  std::string topic, title, summary;
};
struct VersionInput {
  std::string published_on, note, body;  // as typed
};

// The form of a document (with `version` for a new document's first version), or of a version.
http::Response RenderMethodForm(const Site& site, const i18n::LocaleInfo& locale, const http::Request& request,
                                const BackOffice& bo, const std::string& title, const std::string& action,
                                const DocumentInput* doc, const VersionInput* version, bool first,
                                const std::vector<std::pair<std::string, std::string>>& errors) {
  const std::string& lang = locale.code;
  FormView form(site, locale, title, action);
  form.Intro(site.Tr(lang, "methods.form.intro"));
  if (doc) {
    form.Section(site.Tr(lang, "methods.form.document"));
    FormField topic;
    topic.kind = FormField::Kind::kSelect;
    topic.name = "topic";
    topic.label = site.Tr(lang, "methods.form.topic");
    for (std::string_view t : programme::kMethodTopics) {
      topic.options.push_back({std::string(t), site.Tr(lang, "methods.topic." + std::string(t)), doc->topic == t, ""});
    }
    form.Add(std::move(topic));
    form.Text("title", site.Tr(lang, "methods.form.title"), doc->title);
    form.TextArea("summary", site.Tr(lang, "methods.form.summary"), doc->summary).optional = true;
  }
  if (version) {
    form.Section(first ? site.Tr(lang, "methods.form.first_version") : site.Tr(lang, "methods.form.version"),
                 site.Tr(lang, "methods.form.version_hint"));
    FormField& date = form.Text("published_on", site.Tr(lang, "methods.form.date"), version->published_on);
    date.optional = true;
    date.hint = site.Tr(lang, "hackathons.form.date_hint");
    date.width = "short";
    FormField& note = form.Text("note", site.Tr(lang, "methods.form.note"), version->note);
    note.optional = first;
    note.hint = site.Tr(lang, "methods.form.note_hint");
    FormField& body = form.TextArea("body", site.Tr(lang, "methods.form.body"), version->body);
    body.optional = true;
    body.hint = site.Tr(lang, "methods.form.body_hint");
    FormField& file = form.File("file", site.Tr(lang, "methods.form.file"),
                                ".pdf,.odt,.ods,.odp,.docx,.xlsx,.pptx");
    file.optional = true;
    file.hint = site.Tr(lang, "methods.form.file_hint");
  }
  for (const auto& [field, message] : errors) form.Error(field, message);
  return FinishBackOfficeForm(site, request, bo, form, ManagePath(locale, "/methods"));
}

DocumentInput DocumentOf(const BackOffice& bo) {
  return {bo.form.Get("topic").substr(0, 40), bo.form.Get("title").substr(0, 2000), bo.form.Get("summary").substr(0, 20000)};
}
VersionInput VersionOf(const BackOffice& bo) {
  return {bo.form.Get("published_on").substr(0, 40), bo.form.Get("note").substr(0, 20000), bo.form.Get("body").substr(0, 400000)};
}

void AddErrors(const Site& site, const std::string& lang, const Status& s,
               std::vector<std::pair<std::string, std::string>>& errors) {
  if (s.ok()) return;
  for (const auto& e : s.error().fields) errors.emplace_back(e.field, site.Tr(lang, e.message_key));
}

// Checks a version's fields and its file; on success fills `checked` (file may be absent).
std::optional<programme::MethodVersionForm> CheckVersion(
    const Site& site, const std::string& lang, const BackOffice& bo, const VersionInput& in, bool first,
    std::optional<CheckedUpload>& file, std::vector<std::pair<std::string, std::string>>& errors) {
  programme::MethodVersionForm v;
  v.typed_date = in.published_on;
  if (auto d = events::ParseTypedDate(in.published_on)) v.published_on = events::FormatDate(*d);
  v.note = in.note;
  v.body = in.body;
  v.first = first;
  std::string problem;
  file = CheckUpload(site, lang, bo.form, "file", {FileKind::kDocument}, false, &problem);
  if (!problem.empty()) errors.emplace_back("file", problem);
  v.has_file = file.has_value() || !problem.empty();  // a refused file is named already
  AddErrors(site, lang, programme::CheckMethodVersion(v), errors);
  if (!errors.empty()) return std::nullopt;
  return v;
}

store::NewMethodVersion ToNewVersion(const programme::MethodVersionForm& v, const BackOffice& bo) {
  return {v.published_on.value_or(""), TrimSpace(v.note), TrimSpace(v.body), "", bo.actor.account_id};
}

}  // namespace

http::Response MethodsList(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  const std::string& lang = locale.code;
  const auto docs = store::MethodDocuments(*site.db().Read(), site.Chain(locale));
  Data topics(Data::type::list);
  for (std::string_view topic : programme::kMethodTopics) {
    Data items(Data::type::list);
    for (const auto& d : docs) {
      if (d.topic != topic || d.versions.empty()) continue;
      Data item = VersionData(site, locale, d.versions[0]);
      item.set("doc_title", site.TextData(d.title, locale));
      if (!d.summary.text.empty()) item.set("summary", site.TextData(d.summary, locale));
      item.set("href", MethodHref(lang, d.slug));
      items.push_back(item);
    }
    if (items.is_empty_list()) continue;
    Data t(Data::type::object);
    t.set("topic_name", site.Tr(lang, "methods.topic." + std::string(topic)));
    t.set("documents", items);
    topics.push_back(t);
  }
  Data page(Data::type::object);
  page.set("heading", site.Tr(lang, "methods.title"));
  page.set("topics", topics);
  page.set("has_documents", !topics.is_empty_list());
  PageFrame frame{&locale, "methods", site.Tr(lang, "methods.title")};
  return site.RenderPage(request, frame, "methods", std::move(page));
}

http::Response MethodPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  auto doc = store::MethodDocumentBySlug(*site.db().Read(), request.Param("slug"), site.Chain(locale));
  if (!doc || doc->versions.empty()) return site.ErrorPage(404, request);
  return RenderMethod(site, locale, request, *doc, 0);
}

http::Response MethodVersionPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  auto doc = store::MethodDocumentBySlug(*site.db().Read(), request.Param("slug"), site.Chain(locale));
  if (!doc || doc->versions.empty()) return site.ErrorPage(404, request);
  const std::string wanted(request.Param("number"));
  for (size_t i = 0; i < doc->versions.size(); ++i) {
    if (std::to_string(doc->versions[i].number) != wanted) continue;
    // The current version has one address: the document's.
    if (i == 0) {
      http::Response r;
      r.status = 301;
      r.Set("Location", MethodHref(locale.code, doc->slug));
      return r;
    }
    return RenderMethod(site, locale, request, *doc, i);
  }
  return site.ErrorPage(404, request);
}

http::Response ManageMethods(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                             const BackOffice& bo) {
  const std::string& lang = locale.code;
  Data list(Data::type::list);
  for (const auto& d : store::MethodDocuments(*site.db().Read(), site.Chain(locale))) {
    Data item(Data::type::object);
    item.set("doc_title", site.TextData(d.title, locale));
    item.set("topic_name", site.Tr(lang, "methods.topic." + d.topic));
    item.set("public_href", MethodHref(lang, d.slug));
    item.set("edit_href", ManagePath(locale, "/methods/" + d.slug + "/edit"));
    item.set("version_href", ManagePath(locale, "/methods/" + d.slug + "/versions/new"));
    if (!d.versions.empty()) item.set("current", VersionData(site, locale, d.versions[0]));
    list.push_back(item);
  }
  Data page(Data::type::object);
  page.set("heading", site.Tr(lang, "methods.manage.title"));
  page.set("documents", list);
  page.set("has_documents", !list.is_empty_list());
  page.set("new_href", ManagePath(locale, "/methods/new"));
  page.set("public_href", MethodsHref(lang));
  PageFrame frame{&locale, PathTailOf(request), site.Tr(lang, "methods.manage.title")};
  return RenderBackOfficePage(site, request, bo, frame, "manage_methods", std::move(page));
}

http::Response NewMethod(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                         const BackOffice& bo) {
  const std::string& lang = locale.code;
  const std::string title = site.Tr(lang, "methods.form.new_title");
  const std::string action = ManagePath(locale, "/methods/new");
  if (request.method == "GET") {
    DocumentInput doc{"partnership", "", ""};
    VersionInput version;
    return RenderMethodForm(site, locale, request, bo, title, action, &doc, &version, true, {});
  }
  const DocumentInput doc = DocumentOf(bo);
  const VersionInput version = VersionOf(bo);
  std::vector<std::pair<std::string, std::string>> errors;
  AddErrors(site, lang, programme::CheckMethodDocument({doc.topic, doc.title, doc.summary}), errors);
  std::optional<CheckedUpload> file;
  auto checked = CheckVersion(site, lang, bo, version, true, file, errors);
  if (!checked) return RenderMethodForm(site, locale, request, bo, title, action, &doc, &version, true, errors);
  const std::string now = FormatRfc3339(site.clock().Now());
  site.db().Write([&](store::Connection& c) {
    const std::string slug = store::SaveMethodDocument(
        c, {"", "", doc.topic, "lv", TrimSpace(doc.title), TrimSpace(doc.summary)}, now);
    store::NewMethodVersion v = ToNewVersion(*checked, bo);
    if (file) v.upload_id = store::SaveUpload(c, file->type, file->filename, file->content, bo.actor.account_id, now);
    store::AddMethodVersion(c, store::LoadMethodDocument(c, slug)->id, v, now);
  });
  return SeeOther(ManagePath(locale, "/methods"));
}

http::Response EditMethod(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                          const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto stored = store::LoadMethodDocument(*site.db().Read(), request.Param("slug"));
  if (!stored) return site.ErrorPage(404, request);
  const std::string title = site.Tr(lang, "methods.form.edit_title", {{"title", stored->title}});
  const std::string action = ManagePath(locale, "/methods/" + stored->slug + "/edit");
  if (request.method == "GET") {
    DocumentInput doc{stored->topic, stored->title, stored->summary};
    return RenderMethodForm(site, locale, request, bo, title, action, &doc, nullptr, false, {});
  }
  const DocumentInput doc = DocumentOf(bo);
  std::vector<std::pair<std::string, std::string>> errors;
  AddErrors(site, lang, programme::CheckMethodDocument({doc.topic, doc.title, doc.summary}), errors);
  if (!errors.empty()) return RenderMethodForm(site, locale, request, bo, title, action, &doc, nullptr, false, errors);
  store::MethodDocumentSource changed = *stored;
  changed.topic = doc.topic;
  changed.title = TrimSpace(doc.title);
  changed.summary = TrimSpace(doc.summary);
  site.db().Write([&](store::Connection& c) { store::SaveMethodDocument(c, changed, FormatRfc3339(site.clock().Now())); });
  return SeeOther(ManagePath(locale, "/methods"));
}

http::Response NewMethodVersion(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                                const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto stored = store::LoadMethodDocument(*site.db().Read(), request.Param("slug"));
  if (!stored) return site.ErrorPage(404, request);
  const std::string title = site.Tr(lang, "methods.form.version_title", {{"title", stored->title}});
  const std::string action = ManagePath(locale, "/methods/" + stored->slug + "/versions/new");
  if (request.method == "GET") {
    VersionInput version;
    return RenderMethodForm(site, locale, request, bo, title, action, nullptr, &version, false, {});
  }
  const VersionInput version = VersionOf(bo);
  std::vector<std::pair<std::string, std::string>> errors;
  std::optional<CheckedUpload> file;
  auto checked = CheckVersion(site, lang, bo, version, false, file, errors);
  if (!checked) return RenderMethodForm(site, locale, request, bo, title, action, nullptr, &version, false, errors);
  const std::string now = FormatRfc3339(site.clock().Now());
  site.db().Write([&](store::Connection& c) {
    store::NewMethodVersion v = ToNewVersion(*checked, bo);
    if (file) v.upload_id = store::SaveUpload(c, file->type, file->filename, file->content, bo.actor.account_id, now);
    store::AddMethodVersion(c, stored->id, v, now);
  });
  return SeeOther(ManagePath(locale, "/methods"));
}

}  // namespace tilti::web
