// Information for newcomers in the back office (issue 8), for coordinators
// (Action::kEditProgramme):
//   /{lang}/manage/guides                               every guide with where each locale stands
//   /{lang}/manage/guides/new, /{slug}                  the source texts, topic, order, published,
//                                                       the easy-language link
//   /{lang}/manage/guides/{slug}/video                  the video, what it shows, captions per
//   locale
//   /{lang}/manage/guides/{slug}/translations/{locale}  one locale's texts beside the source
// Every form names each mistake in the user's language, keeps what was typed (files must be
// chosen again: the hints say so) and stores nothing when there is one.
#include <algorithm>

#include "core/clock.h"
#include "core/text.h"
#include "programme/guide_rules.h"
#include "store/guide_store.h"
#include "store/upload_store.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/uploads.h"

namespace tilti::web {
namespace {

constexpr long kMaxTitle = 200, kMaxSummary = 600, kMaxBody = 50000, kMaxVideoText = 5000;

using Errors = std::vector<std::pair<std::string, std::string>>;

std::string GuidesManagePath(const i18n::LocaleInfo& locale, std::string_view tail = "") {
  return ManagePath(locale, "/guides" + std::string(tail));
}

long MaxChars(std::string_view field) {
  if (field == "title") return kMaxTitle;
  if (field == "summary") return kMaxSummary;
  if (field == "body") return kMaxBody;
  return kMaxVideoText;
}

void CheckLength(const Site& site, const std::string& lang, const std::string& field,
                 const std::string& value, Errors& errors) {
  if (Utf8Length(value) > MaxChars(field)) {
    errors.emplace_back(field, site.Tr(lang, "guides.error.too_long", {{"max", MaxChars(field)}}));
  }
}

bool IsLocale(const Site& site, std::string_view code) {
  const auto& all = site.messages().Locales();
  return std::any_of(all.begin(), all.end(), [&](const auto& l) { return l.code == code; });
}

// --- the guide's own form ---------------------------------------------------------------

struct GuideInput {
  std::string slug, source_locale, topic, position = "0", title, summary, body, easy_version_of;
  bool published = false;
};

GuideInput InputOf(const store::GuideSource& g) {
  return {g.slug, g.source_locale,   g.topic,    std::to_string(g.position), g.title, g.summary,
          g.body, g.easy_version_of, g.published};
}

GuideInput InputOf(const FormFields& form) {
  auto get = [&](std::string_view name) { return form.Get(name).substr(0, 200000); };
  return {TrimSpace(get("slug")),
          get("source_locale"),
          get("topic"),
          TrimSpace(get("position")),
          TrimSpace(get("title")),
          TrimSpace(get("summary")),
          get("body"),
          get("easy_version_of"),
          form.Get("published") == "1"};
}

// The mistakes of `in` for the guide `self_id` ("" for a new one), in the form's order.
Errors CheckGuide(const Site& site, const std::string& lang, const GuideInput& in,
                  const std::string& self_id, bool is_new) {
  Errors errors;
  auto db = site.db().Read();
  if (is_new) {
    if (!programme::IsGuideSlug(in.slug)) {
      errors.emplace_back("slug", site.Tr(lang, "guides.error.slug"));
    } else if (store::LoadGuideBySlug(*db, in.slug)) {
      errors.emplace_back("slug", site.Tr(lang, "guides.error.slug_taken"));
    }
    if (!IsLocale(site, in.source_locale)) {
      errors.emplace_back("source_locale", site.Tr(lang, "guides.error.locale"));
    }
  }
  const auto& topics = store::GuideTopics();
  if (std::find(topics.begin(), topics.end(), in.topic) == topics.end()) {
    errors.emplace_back("topic", site.Tr(lang, "guides.error.topic"));
  }
  if (!programme::ParseGuidePosition(in.position))
    errors.emplace_back("position", site.Tr(lang, "guides.error.position"));
  if (in.title.empty()) {
    errors.emplace_back("title", site.Tr(lang, "guides.error.title"));
  } else {
    CheckLength(site, lang, "title", in.title, errors);
  }
  CheckLength(site, lang, "summary", in.summary, errors);
  if (TrimSpace(in.body).empty()) {
    errors.emplace_back("body", site.Tr(lang, "guides.error.body"));
  } else {
    CheckLength(site, lang, "body", in.body, errors);
  }
  if (!in.easy_version_of.empty()) {
    auto original = store::LoadGuideById(*db, in.easy_version_of);
    const bool self_has_easy = !self_id.empty() && store::EasyVersionTaken(*db, self_id, "");
    if (!original || original->id == self_id || !original->easy_version_of.empty() ||
        self_has_easy || store::EasyVersionTaken(*db, original->id, self_id)) {
      errors.emplace_back("easy_version_of", site.Tr(lang, "guides.error.easy"));
    }
  }
  return errors;
}

http::Response RenderGuideForm(const Site& site, const i18n::LocaleInfo& locale,
                               const http::Request& request, const BackOffice& bo,
                               const std::string& title, const std::string& action,
                               const GuideInput& in, const std::string& self_id, bool is_new,
                               const Errors& errors) {
  const std::string& lang = locale.code;
  const std::string text_lang = is_new ? "" : in.source_locale;
  FormView form(site, locale, title, action);
  if (!is_new) {
    form.Intro(site.Tr(lang, "guides.form.intro",
                       {{"language", site.LanguageNameIn(in.source_locale, lang)}}));
  }
  form.Section("");
  if (is_new) {
    FormField& slug = form.Text("slug", site.Tr(lang, "guides.form.slug"), in.slug);
    slug.hint = site.Tr(lang, "guides.form.slug_hint");
    FormField locales;
    locales.kind = FormField::Kind::kSelect;
    locales.name = "source_locale";
    locales.label = site.Tr(lang, "guides.form.source_locale");
    for (const auto& l : site.messages().Locales()) {
      locales.options.push_back({l.code, l.endonym, l.code == in.source_locale, l.code});
    }
    form.Add(std::move(locales));
  }
  FormField topic;
  topic.kind = FormField::Kind::kSelect;
  topic.name = "topic";
  topic.label = site.Tr(lang, "guides.form.topic");
  for (const std::string& t : store::GuideTopics()) {
    topic.options.push_back({t, site.Tr(lang, "guides.topic." + t), t == in.topic, ""});
  }
  form.Add(std::move(topic));
  FormField& position = form.Text("position", site.Tr(lang, "guides.form.position"), in.position);
  position.hint = site.Tr(lang, "guides.form.position_hint");
  position.width = "short";
  position.inputmode = "numeric";
  // A field's reference is good only until the next field is added.
  const std::string value_lang = !text_lang.empty() && text_lang != lang ? text_lang : "";
  form.Text("title", site.Tr(lang, "guides.form.title"), in.title).lang = value_lang;
  FormField& summary = form.TextArea("summary", site.Tr(lang, "guides.form.summary"), in.summary);
  summary.hint = site.Tr(lang, "guides.form.summary_hint");
  summary.optional = true;
  summary.lang = value_lang;
  FormField& body = form.TextArea("body", site.Tr(lang, "guides.form.body"), in.body);
  body.hint = site.Tr(lang, "guides.form.body_hint");
  body.lang = value_lang;
  FormField easy;
  easy.kind = FormField::Kind::kSelect;
  easy.name = "easy_version_of";
  easy.label = site.Tr(lang, "guides.form.easy_version_of");
  easy.optional = true;
  easy.options.push_back({"", site.Tr(lang, "guides.form.none"), in.easy_version_of.empty(), ""});
  for (const auto& g : store::ListGuides(*site.db().Read(), site.Chain(locale), false)) {
    if (g.id == self_id || g.is_easy) continue;
    const std::string option_lang = g.title.locale != lang ? g.title.locale : "";
    easy.options.push_back({g.id, g.title.text, g.id == in.easy_version_of, option_lang});
  }
  form.Add(std::move(easy));
  FormField published;
  published.kind = FormField::Kind::kCheckboxes;
  published.name = "published";
  published.label = site.Tr(lang, "guides.form.published");
  published.optional = true;
  published.options.push_back(
      {"1", site.Tr(lang, "guides.form.published_option"), in.published, ""});
  form.Add(std::move(published));
  for (const auto& [field, message] : errors) form.Error(field, message);
  return FinishBackOfficeForm(site, request, bo, form, GuidesManagePath(locale));
}

store::GuideSource Apply(store::GuideSource g, const GuideInput& in) {
  g.topic = in.topic;
  g.position = programme::ParseGuidePosition(in.position).value_or(0);  // checked before
  g.title = in.title;
  g.summary = in.summary;
  g.body = in.body;
  g.easy_version_of = in.easy_version_of;
  g.published = in.published;
  return g;
}

std::optional<store::GuideSource> GuideOfRoute(const Site& site, const http::Request& request) {
  return store::LoadGuideBySlug(*site.db().Read(), request.Param("slug"));
}

// --- video and captions ---------------------------------------------------------------------

http::Response RenderVideoForm(const Site& site, const i18n::LocaleInfo& locale,
                               const http::Request& request, const BackOffice& bo,
                               const store::GuideSource& guide, const std::string& description,
                               const Errors& errors) {
  const std::string& lang = locale.code;
  auto db = site.db().Read();
  FormView form(site, locale, site.Tr(lang, "guides.video.title", {{"title", guide.title}}),
                GuidesManagePath(locale, "/" + guide.slug + "/video"));
  form.Intro(site.Tr(lang, "guides.video.intro"));
  form.Section("");
  std::optional<store::UploadInfo> video;
  if (!guide.video_upload_id.empty()) video = store::UploadById(*db, guide.video_upload_id);
  FormField& file = form.File("video", site.Tr(lang, "guides.video.file"), "video/webm,video/mp4");
  file.hint = video ? site.Tr(lang, "guides.video.file_hint_keep", {{"name", video->filename}})
                    : site.Tr(lang, "guides.video.file_hint_new");
  file.optional = video.has_value();
  FormField& text =
      form.TextArea("video_description", site.Tr(lang, "guides.video.description"), description);
  text.hint = site.Tr(lang, "guides.video.description_hint",
                      {{"language", site.LanguageNameIn(guide.source_locale, lang)}});
  if (guide.source_locale != lang) text.lang = guide.source_locale;
  const auto captions = store::GuideCaptions(*db, guide.id);
  for (const auto& l : site.messages().Locales()) {
    FormField& c = form.File(
        "captions_" + l.code,
        site.Tr(lang, "guides.video.captions", {{"language", site.LanguageNameIn(l.code, lang)}}),
        "text/vtt,.vtt");
    c.optional = true;
    auto now = std::find_if(captions.begin(), captions.end(),
                            [&](const auto& x) { return x.locale == l.code; });
    c.hint = now == captions.end()
                 ? site.Tr(lang, "guides.video.captions_hint_new")
                 : site.Tr(lang, "guides.video.captions_hint_keep", {{"name", now->file.filename}});
  }
  for (const auto& [field, message] : errors) form.Error(field, message);
  return FinishBackOfficeForm(site, request, bo, form, GuidesManagePath(locale));
}

}  // namespace

http::Response ManageGuides(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto db = site.db().Read();
  const auto guides = store::ListGuides(*db, site.Chain(locale), false);
  const auto& locales = site.messages().Locales();
  Data heads(Data::type::list);
  for (const auto& l : locales) {
    Data h(Data::type::object);
    h.set("head_name", site.LanguageNameIn(l.code, lang));
    heads.push_back(h);
  }
  Data rows(Data::type::list);
  for (const auto& g : guides) {
    Data row(Data::type::object);
    const std::string base = GuidesManagePath(locale, "/" + g.slug);
    row.set("edit_href", base);
    row.set("public_href", "/" + lang + "/guides/" + g.slug);
    row.set("video_href", base + "/video");
    row.set("row_title", site.TextData(g.title.Localized(), locale));
    row.set("row_is_easy", g.is_easy);
    row.set("row_topic", site.Tr(lang, "guides.topic." + g.topic));
    row.set("row_published", site.Tr(lang, g.published ? "guides.manage.yes" : "guides.manage.no"));
    Data states(Data::type::list);
    for (const auto& l : locales) {
      const std::string state = store::GuideLocaleState(*db, g.id, l.code);
      Data s(Data::type::object);
      s.set("state_label", site.Tr(lang, "guides.state." + state));
      s.set("state_href", state == "original" ? base : base + "/translations/" + l.code);
      states.push_back(s);
    }
    row.set("states", states);
    rows.push_back(row);
  }
  Data page(Data::type::object);
  page.set("new_href", GuidesManagePath(locale, "/new"));
  page.set("nothing", guides.empty());
  page.set("locale_heads", heads);
  page.set("rows", rows);
  PageFrame frame{&locale, "manage/guides", site.Tr(lang, "guides.title")};
  return RenderBackOfficePage(site, request, bo, frame, "manage_guides", std::move(page));
}

http::Response NewGuide(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                        const BackOffice& bo) {
  const std::string& lang = locale.code;
  const std::string title = site.Tr(lang, "guides.form.new_title");
  const std::string action = GuidesManagePath(locale, "/new");
  if (request.method == "GET") {
    GuideInput in;
    in.source_locale = "lv";
    in.topic = "libraries";
    return RenderGuideForm(site, locale, request, bo, title, action, in, "", true, {});
  }
  const GuideInput in = InputOf(bo.form);
  const Errors errors = CheckGuide(site, lang, in, "", true);
  if (!errors.empty()) {
    return RenderGuideForm(site, locale, request, bo, title, action, in, "", true, errors);
  }
  store::GuideSource g;
  g.slug = in.slug;
  g.source_locale = in.source_locale;
  g = Apply(std::move(g), in);
  site.db().Write(
      [&](store::Connection& c) { store::SaveGuide(c, g, FormatRfc3339(site.clock().Now())); });
  return SeeOther(GuidesManagePath(locale));
}

http::Response EditGuide(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                         const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto guide = GuideOfRoute(site, request);
  if (!guide) return site.ErrorPage(404, request);
  const std::string title = site.Tr(lang, "guides.form.edit_title", {{"title", guide->title}});
  const std::string action = GuidesManagePath(locale, "/" + guide->slug);
  if (request.method == "GET") {
    return RenderGuideForm(site, locale, request, bo, title, action, InputOf(*guide), guide->id,
                           false, {});
  }
  GuideInput in = InputOf(bo.form);
  in.slug = guide->slug;
  in.source_locale = guide->source_locale;
  const Errors errors = CheckGuide(site, lang, in, guide->id, false);
  if (!errors.empty()) {
    return RenderGuideForm(site, locale, request, bo, title, action, in, guide->id, false, errors);
  }
  const store::GuideSource changed = Apply(*guide, in);
  site.db().Write([&](store::Connection& c) {
    store::SaveGuide(c, changed, FormatRfc3339(site.clock().Now()));
  });
  return SeeOther(GuidesManagePath(locale));
}

http::Response EditGuideVideo(const Site& site, const i18n::LocaleInfo& locale,
                              http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto guide = GuideOfRoute(site, request);
  if (!guide) return site.ErrorPage(404, request);
  if (request.method == "GET") {
    return RenderVideoForm(site, locale, request, bo, *guide, guide->video_description, {});
  }
  const std::string description = TrimSpace(bo.form.Get("video_description").substr(0, 200000));
  const bool has_video = !guide->video_upload_id.empty();
  Errors errors;
  std::string problem;
  auto video = CheckUpload(site, lang, bo.form, "video", {FileKind::kVideo}, !has_video, &problem);
  if (!problem.empty()) errors.emplace_back("video", problem);
  if (description.empty()) {
    errors.emplace_back("video_description", site.Tr(lang, "guides.error.video_description"));
  } else {
    CheckLength(site, lang, "video_description", description, errors);
  }
  std::vector<std::pair<std::string, CheckedUpload>> captions;
  for (const auto& l : site.messages().Locales()) {
    const std::string field = "captions_" + l.code;
    problem.clear();
    auto file = CheckUpload(site, lang, bo.form, field, {FileKind::kCaptions}, false, &problem);
    if (!problem.empty()) {
      errors.emplace_back(field, problem);
    } else if (file) {
      if (!has_video && !video) {
        errors.emplace_back(field, site.Tr(lang, "guides.error.captions_without_video"));
      }
      captions.emplace_back(l.code, std::move(*file));
    }
  }
  if (!errors.empty()) {
    return RenderVideoForm(site, locale, request, bo, *guide, description, errors);
  }
  const std::string now = FormatRfc3339(site.clock().Now());
  site.db().Write([&](store::Connection& c) {
    store::GuideSource changed = *guide;
    if (video) {
      changed.video_upload_id = store::SaveUpload(c, video->type, video->filename, video->content,
                                                  bo.actor.account_id, now);
    }
    changed.video_description = description;
    store::SaveGuide(c, changed, now);
    for (const auto& [code, file] : captions) {
      const std::string id =
          store::SaveUpload(c, file.type, file.filename, file.content, bo.actor.account_id, now);
      store::SetGuideCaption(c, guide->id, code, id);
    }
  });
  return SeeOther(GuidesManagePath(locale));
}

http::Response TranslateGuide(const Site& site, const i18n::LocaleInfo& locale,
                              http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto guide = GuideOfRoute(site, request);
  const std::string target(request.Param("locale"));
  if (!guide || !IsLocale(site, target)) return site.ErrorPage(404, request);
  if (target == guide->source_locale) return SeeOther(GuidesManagePath(locale, "/" + guide->slug));
  const auto fields = store::ReadGuideTranslation(*site.db().Read(), guide->id, target);
  std::vector<std::pair<std::string, std::string>> typed;
  Errors errors;
  if (request.method == "GET") {
    for (const auto& f : fields) typed.emplace_back(f.field, f.value);
  } else {
    for (const auto& f : fields) {
      std::string value = bo.form.Get(f.field).substr(0, 200000);
      if (f.field != "body") value = TrimSpace(value);
      CheckLength(site, lang, f.field, value, errors);
      typed.emplace_back(f.field, std::move(value));
    }
    if (errors.empty()) {
      site.db().Write([&](store::Connection& c) {
        store::SaveGuideTranslation(c, guide->id, target, typed, FormatRfc3339(site.clock().Now()));
      });
      return SeeOther(GuidesManagePath(locale));
    }
  }
  FormView form(site, locale,
                site.Tr(lang, "guides.translate.title",
                        {{"language", site.LanguageNameIn(target, lang)}, {"title", guide->title}}),
                GuidesManagePath(locale, "/" + guide->slug + "/translations/" + target));
  form.Intro(site.Tr(lang, "guides.translate.intro",
                     {{"language", site.LanguageNameIn(guide->source_locale, lang)}}));
  form.Section("");
  for (size_t i = 0; i < fields.size(); ++i) {
    const auto& f = fields[i];
    const std::string label =
        site.Tr(lang, f.field == "video_description" ? "guides.video.description"
                                                     : "guides.form." + f.field);
    FormField& field = f.field == "title" ? form.Text(f.field, label, typed[i].second)
                                          : form.TextArea(f.field, label, typed[i].second);
    field.optional = true;
    field.source_text = f.source_text;
    field.source_lang = guide->source_locale;
    field.lang = target;
    if (f.outdated) field.hint = site.Tr(lang, "guides.translate.outdated_hint");
  }
  for (const auto& [field, message] : errors) form.Error(field, message);
  return FinishBackOfficeForm(site, request, bo, form, GuidesManagePath(locale));
}

}  // namespace tilti::web
