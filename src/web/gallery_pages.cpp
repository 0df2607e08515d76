// An initiative's gallery in the back office (issue 7), for coordinators
// (Action::kEditProgramme):
//   /{lang}/manage/initiatives/{slug}/images/new   add an image with its text alternative
//   /{lang}/manage/images/{id}                      change its text alternative and caption
//   /{lang}/manage/images/{id}/move                 earlier or later in the gallery (POST)
//   /{lang}/manage/images/{id}/remove               out of the gallery (POST)
// The file is checked by web/uploads (type by content, size); texts are in the initiative's
// source locale, translated on the translations pages like every other text.
#include "core/clock.h"
#include "core/text.h"
#include "store/initiative_store.h"
#include "store/programme_queries.h"
#include "store/upload_store.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/programme_views.h"
#include "web/uploads.h"

namespace tilti::web {
namespace {

struct ImageInput {
  std::string alt, caption;
};

http::Response RenderImageForm(const Site& site, const i18n::LocaleInfo& locale,
                               const http::Request& request, const BackOffice& bo,
                               const store::InitiativeItem& initiative, const std::string& title,
                               const std::string& action, bool with_file, const ImageInput& in,
                               const std::string& text_lang,
                               const std::vector<std::pair<std::string, std::string>>& errors) {
  const std::string& lang = locale.code;
  FormView form(site, locale, title, action);
  form.Intro(site.Tr(lang, "gallery.form.intro", {{"language", site.LanguageNameIn(text_lang, lang)}}));
  form.Section("");
  if (with_file) {
    FormField& file = form.File("file", site.Tr(lang, "gallery.form.file"),
                                "image/png,image/jpeg,image/webp,image/gif");
    file.hint = site.Tr(lang, "gallery.form.file_hint");
  }
  FormField& alt = form.TextArea("alt", site.Tr(lang, "gallery.form.alt"), in.alt);
  alt.hint = site.Tr(lang, "gallery.form.alt_hint");
  if (text_lang != lang) alt.lang = text_lang;
  FormField& caption = form.Text("caption", site.Tr(lang, "gallery.form.caption"), in.caption);
  caption.optional = true;
  if (text_lang != lang) caption.lang = text_lang;
  for (const auto& [field, message] : errors) form.Error(field, message);
  return FinishBackOfficeForm(site, request, bo, form, InitiativeManagePath(locale, initiative.slug));
}

ImageInput InputOf(const BackOffice& bo) {
  return {bo.form.Get("alt").substr(0, 4000), bo.form.Get("caption").substr(0, 4000)};
}

// The image of the route with its initiative; nullopt (404) when either is gone.
struct ImageOfRoute {
  store::GalleryImageSource image;
  store::InitiativeItem initiative;
};
std::optional<ImageOfRoute> ImageOf(const Site& site, const i18n::LocaleInfo& locale,
                                    const http::Request& request) {
  auto db = site.db().Read();
  auto image = store::LoadGalleryImage(*db, request.Param("id"));
  if (!image) return std::nullopt;
  auto initiative = store::InitiativeById(*db, image->initiative_id, site.Chain(locale));
  if (!initiative) return std::nullopt;
  return ImageOfRoute{std::move(*image), std::move(*initiative)};
}

}  // namespace

http::Response NewGalleryImage(const Site& site, const i18n::LocaleInfo& locale,
                               http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto initiative = store::InitiativeItemBySlug(*site.db().Read(), request.Param("slug"), site.Chain(locale));
  if (!initiative) return site.ErrorPage(404, request);
  const std::string text_lang = InitiativeTextLocale(site, initiative->slug);
  const std::string title = site.Tr(lang, "gallery.form.new_title");
  const std::string action = InitiativeManagePath(locale, initiative->slug) + "/images/new";
  if (request.method == "GET") {
    return RenderImageForm(site, locale, request, bo, *initiative, title, action, true, {}, text_lang, {});
  }
  const ImageInput in = InputOf(bo);
  std::vector<std::pair<std::string, std::string>> errors;
  std::string problem;
  auto file = CheckUpload(site, lang, bo.form, "file", {FileKind::kImage}, true, &problem);
  if (!file) errors.emplace_back("file", problem);
  CheckImageTexts(site, lang, in.alt, in.caption, errors);
  if (!errors.empty()) {
    return RenderImageForm(site, locale, request, bo, *initiative, title, action, true, in, text_lang, errors);
  }
  const std::string now = FormatRfc3339(site.clock().Now());
  site.db().Write([&](store::Connection& c) {
    const std::string upload_id =
        store::SaveUpload(c, file->type, file->filename, file->content, bo.actor.account_id, now);
    store::SaveGalleryImage(c, {"", initiative->id, upload_id, TrimSpace(in.alt), TrimSpace(in.caption)}, now);
  });
  return SeeOther(InitiativeManagePath(locale, initiative->slug) + "#gallery");
}

http::Response EditGalleryImage(const Site& site, const i18n::LocaleInfo& locale,
                                http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto found = ImageOf(site, locale, request);
  if (!found) return site.ErrorPage(404, request);
  const std::string text_lang = InitiativeTextLocale(site, found->initiative.slug);
  const std::string title = site.Tr(lang, "gallery.form.edit_title");
  const std::string action = ManagePath(locale, "/images/" + found->image.id);
  if (request.method == "GET") {
    return RenderImageForm(site, locale, request, bo, found->initiative, title, action, false,
                           {found->image.alt, found->image.caption}, text_lang, {});
  }
  const ImageInput in = InputOf(bo);
  std::vector<std::pair<std::string, std::string>> errors;
  CheckImageTexts(site, lang, in.alt, in.caption, errors);
  if (!errors.empty()) {
    return RenderImageForm(site, locale, request, bo, found->initiative, title, action, false, in, text_lang, errors);
  }
  store::GalleryImageSource changed = found->image;
  changed.alt = TrimSpace(in.alt);
  changed.caption = TrimSpace(in.caption);
  site.db().Write([&](store::Connection& c) {
    store::SaveGalleryImage(c, changed, FormatRfc3339(site.clock().Now()));
  });
  return SeeOther(InitiativeManagePath(locale, found->initiative.slug) + "#gallery");
}

http::Response MoveGalleryImage(const Site& site, const i18n::LocaleInfo& locale,
                                http::Request& request, const BackOffice& bo) {
  auto found = ImageOf(site, locale, request);
  if (!found) return site.ErrorPage(404, request);
  const std::string direction = bo.form.Get("direction");
  if (direction != "earlier" && direction != "later") return site.ErrorPage(400, request);
  site.db().Write([&](store::Connection& c) {
    store::MoveGalleryImage(c, found->image.id, direction == "earlier" ? -1 : 1);
  });
  return SeeOther(InitiativeManagePath(locale, found->initiative.slug) + "#gallery");
}

http::Response RemoveGalleryImage(const Site& site, const i18n::LocaleInfo& locale,
                                  http::Request& request, const BackOffice& bo) {
  (void)bo;
  auto found = ImageOf(site, locale, request);
  if (!found) return site.ErrorPage(404, request);
  site.db().Write([&](store::Connection& c) { store::DeleteGalleryImage(c, found->image.id); });
  return SeeOther(InitiativeManagePath(locale, found->initiative.slug) + "#gallery");
}

}  // namespace tilti::web
