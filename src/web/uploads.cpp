#include "web/uploads.h"

#include <algorithm>

#include "core/text.h"
#include "store/upload_store.h"
#include "web/i18n_format.h"

namespace tilti::web {
namespace {

constexpr double kMegabyte = 1024.0 * 1024.0;

std::string_view KindKey(FileKind kind) {
  switch (kind) {
    case FileKind::kImage: return "upload.kind.image";
    case FileKind::kDocument: return "upload.kind.document";
    case FileKind::kVideo: return "upload.kind.video";
    case FileKind::kCaptions: return "upload.kind.captions";
  }
  return "upload.kind.document";
}

// "6.2" in the reader's number format: megabytes with one decimal.
std::string Megabytes(const Site& site, const std::string& lang, size_t bytes) {
  return site.FormatterFor(lang).Number(static_cast<double>(bytes) / kMegabyte, 1);
}

// "PNG, JPEG, WebP or GIF image; PDF, ..." — what the form takes, joined in the user's language.
std::string Accepted(const Site& site, const std::string& lang,
                     std::initializer_list<FileKind> allowed) {
  std::string out;
  for (FileKind k : allowed) {
    if (!out.empty()) out += "; ";
    out += site.Tr(lang, KindKey(k));
  }
  return out;
}

}  // namespace

size_t MaxUploadBytes(FileKind kind) {
  switch (kind) {
    case FileKind::kImage: return 5u << 20;
    case FileKind::kDocument: return 10u << 20;
    case FileKind::kVideo: return 16u << 20;
    case FileKind::kCaptions: return 512u << 10;
  }
  return 0;
}

std::optional<CheckedUpload> CheckUpload(const Site& site, const std::string& lang,
                                         const FormFields& form, std::string_view field,
                                         std::initializer_list<FileKind> allowed, bool required,
                                         std::string* message) {
  message->clear();
  const FormFile* file = form.File(field);
  if (file == nullptr || (file->content.empty() && file->filename.empty())) {
    if (required) *message = site.Tr(lang, "upload.error.missing");
    return std::nullopt;
  }
  if (file->content.empty()) {
    *message = site.Tr(lang, "upload.error.empty", {{"name", file->filename}});
    return std::nullopt;
  }
  std::optional<FileType> type = IdentifyFile(file->content);
  if (!type || std::find(allowed.begin(), allowed.end(), type->kind) == allowed.end()) {
    *message = site.Tr(lang, "upload.error.type",
                       {{"name", file->filename}, {"accepted", Accepted(site, lang, allowed)}});
    return std::nullopt;
  }
  if (file->content.size() > MaxUploadBytes(type->kind)) {
    *message = site.Tr(lang, "upload.error.size",
                       {{"name", file->filename},
                        {"size", Megabytes(site, lang, file->content.size())},
                        {"max", Megabytes(site, lang, MaxUploadBytes(type->kind))}});
    return std::nullopt;
  }
  CheckedUpload out;
  out.filename = SafeFileName(file->filename, type->extension);
  out.type = std::move(*type);
  out.content = file->content;
  return out;
}

std::string FileHref(std::string_view stored_name) { return "/files/" + std::string(stored_name); }

http::Response StoredFile(const Site& site, http::Request& request) {
  const std::string_view name = request.Param("name");
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return site.ErrorPage(404, request);
  const std::string id(name.substr(0, dot));
  std::optional<store::UploadInfo> info;
  std::optional<std::string> content;
  {
    auto c = site.db().Read();
    info = store::UploadById(*c, id);
    if (!info || info->extension != name.substr(dot + 1)) return site.ErrorPage(404, request);
    content = store::UploadContent(*c, id);
  }
  if (!content) return site.ErrorPage(404, request);
  http::Response r;
  const std::string etag = "\"" + info->id + "\"";
  r.Set("Content-Type", info->media_type);
  r.Set("X-Content-Type-Options", "nosniff");
  // Whatever a file holds, it never runs as a page of this site.
  r.Set("Content-Security-Policy", "default-src 'none'; sandbox");
  r.Set("Cross-Origin-Resource-Policy", "same-origin");
  // A stored file never changes (a new version is a new file).
  r.Set("Cache-Control", "public, max-age=31536000, immutable");
  r.Set("ETag", etag);
  if (info->kind != "image") {
    r.Set("Content-Disposition", AttachmentDisposition(info->filename));
  }
  if (auto inm = request.Header("if-none-match"); inm && *inm == etag) {
    r.status = 304;
    return r;
  }
  r.body = std::move(*content);
  return r;
}

void CheckImageTexts(const Site& site, const std::string& lang, std::string_view alt,
                     std::string_view caption, std::vector<std::pair<std::string, std::string>>& errors) {
  if (TrimSpace(alt).empty()) {
    errors.emplace_back("alt", site.Tr(lang, "gallery.error.alt"));
  } else if (Utf8Length(alt) > kMaxImageTextChars) {
    errors.emplace_back("alt", site.Tr(lang, "gallery.error.alt_long", {{"max", static_cast<int64_t>(kMaxImageTextChars)}}));
  }
  if (Utf8Length(caption) > kMaxImageTextChars) {
    errors.emplace_back("caption", site.Tr(lang, "gallery.error.caption_long", {{"max", static_cast<int64_t>(kMaxImageTextChars)}}));
  }
}

}  // namespace tilti::web
