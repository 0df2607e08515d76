#pragma once
// Uploaded files (migrations/sqlite/0018_uploads.sql) and the initiative gallery that shows
// them. Checking a file (type by content, size) happens before: web/uploads.h.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_type.h"
#include "core/localized_text.h"
#include "store/sql.h"

namespace tilti::store {

// A file as listed and served, without its content.
struct UploadInfo {
  std::string id, kind, media_type, extension, filename, uploaded_at;
  int64_t byte_size = 0;
  int width = 0, height = 0;  // 0 when not known
  // The stored name, "{id}.{extension}": the last segment of the file's URL.
  std::string StoredName() const { return id + "." + extension; }
};

// The columns of UploadInfo, in its order, for a query whose upload table is `u`; read them
// with ReadUploadInfo from the column index `from`.
inline constexpr std::string_view kUploadInfoColumns =
    "u.id, u.kind, u.media_type, u.extension, u.filename, u.uploaded_at, u.byte_size, "
    "COALESCE(u.width, 0), COALESCE(u.height, 0)";
UploadInfo ReadUploadInfo(const Statement& st, int from);

// Stores a checked file and returns its new id. `filename` must already be safe
// (core::SafeFileName).
std::string SaveUpload(Connection& c, const FileType& type, std::string_view filename,
                       std::string_view content, std::string_view account_id,
                       std::string_view now);
std::optional<UploadInfo> UploadById(Connection& c, std::string_view id);
// The file's bytes; nullopt when there is no such file.
std::optional<std::string> UploadContent(Connection& c, std::string_view id);
// How many files are stored (the tests' "nothing stored" check, the dashboard).
int64_t CountUploads(Connection& c);

// One image of an initiative's gallery.
struct GalleryImage {
  std::string id, initiative_id;
  UploadInfo file;
  LocalizedText alt, caption;  // in the reader's best locale (caption may be empty)
};
// The gallery in its order.
std::vector<GalleryImage> InitiativeGallery(Connection& c, std::string_view initiative_id,
                                            const LocaleChain& chain);

// An image of the gallery as stored (texts in the initiative's source locale).
struct GalleryImageSource {
  std::string id, initiative_id, upload_id, alt, caption;
  int64_t position = 0;
};
std::optional<GalleryImageSource> LoadGalleryImage(Connection& c, std::string_view id);
// Adds (empty `id`: at the end of the gallery) or changes an image's texts; returns its id.
std::string SaveGalleryImage(Connection& c, const GalleryImageSource& image, std::string_view now);
// Takes the image out of the gallery (the file stays: other records may link it).
void DeleteGalleryImage(Connection& c, std::string_view id);
// Swaps the image with its neighbour before (-1) or after (+1); nothing at either end.
void MoveGalleryImage(Connection& c, std::string_view id, int direction);

}  // namespace tilti::store
