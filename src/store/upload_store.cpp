#include "store/upload_store.h"

#include "core/ids.h"
#include "store/localized_sql.h"
#include "store/translation_store.h"

namespace tilti::store {
namespace {

std::string_view KindName(FileKind kind) {
  switch (kind) {
    case FileKind::kImage: return "image";
    case FileKind::kDocument: return "document";
    case FileKind::kVideo: return "video";
    case FileKind::kCaptions: return "captions";
  }
  return "document";
}

std::string SourceLocaleOfInitiative(Connection& c, std::string_view initiative_id) {
  Statement l = c.Prepare("SELECT source_locale FROM initiative WHERE id = ?1");
  l.Bind(1, initiative_id);
  return l.Step() ? l.Text(0) : "lv";
}

}  // namespace

UploadInfo ReadUploadInfo(const Statement& st, int from) {
  UploadInfo u;
  u.id = st.Text(from);
  u.kind = st.Text(from + 1);
  u.media_type = st.Text(from + 2);
  u.extension = st.Text(from + 3);
  u.filename = st.Text(from + 4);
  u.uploaded_at = st.Text(from + 5);
  u.byte_size = st.Int(from + 6);
  u.width = static_cast<int>(st.Int(from + 7));
  u.height = static_cast<int>(st.Int(from + 8));
  return u;
}

std::string SaveUpload(Connection& c, const FileType& type, std::string_view filename,
                       std::string_view content, std::string_view account_id,
                       std::string_view now) {
  const std::string id = RandomUuid();
  Statement st = c.Prepare(
      "INSERT INTO upload (id, kind, media_type, extension, filename, byte_size, width, height, "
      "uploaded_by, uploaded_at, content) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  st.Bind(1, id).Bind(2, KindName(type.kind)).Bind(3, type.media_type).Bind(4, type.extension);
  st.Bind(5, filename).Bind(6, static_cast<int64_t>(content.size()));
  if (type.width > 0 && type.height > 0) {
    st.Bind(7, type.width).Bind(8, type.height);
  } else {
    st.BindNull(7).BindNull(8);
  }
  st.Bind(9, account_id).Bind(10, now).BindBlob(11, content).Run();
  return id;
}

std::optional<UploadInfo> UploadById(Connection& c, std::string_view id) {
  static const std::string sql = "SELECT " + std::string(kUploadInfoColumns) + " FROM upload u WHERE u.id = ?1";
  Statement& st = c.Cached(sql);
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return ReadUploadInfo(st, 0);
}

std::optional<std::string> UploadContent(Connection& c, std::string_view id) {
  Statement& st = c.Cached("SELECT content FROM upload WHERE id = ?1");
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return st.Blob(0);
}

int64_t CountUploads(Connection& c) {
  Statement st = c.Prepare("SELECT count(*) FROM upload");
  st.Step();
  return st.Int(0);
}

std::vector<GalleryImage> InitiativeGallery(Connection& c, std::string_view initiative_id,
                                            const LocaleChain& chain) {
  static const std::string sql =
      "SELECT g.id, g.initiative_id, " +
      BestText("initiative_image", "g.id", "alt", "g.alt", "i.source_locale") + ", " +
      BestText("initiative_image", "g.id", "caption", "g.caption", "i.source_locale") + ", " +
      std::string(kUploadInfoColumns) +
      " FROM initiative_image g JOIN initiative i ON i.id = g.initiative_id "
      "JOIN upload u ON u.id = g.upload_id WHERE g.initiative_id = ?4 ORDER BY g.position, g.id";
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  st.Bind(4, initiative_id);
  std::vector<GalleryImage> out;
  while (st.Step()) {
    GalleryImage g;
    g.id = st.Text(0);
    g.initiative_id = st.Text(1);
    g.alt = SplitLocalized(st.TextView(2));
    g.caption = SplitLocalized(st.TextView(3));
    g.file = ReadUploadInfo(st, 4);
    out.push_back(std::move(g));
  }
  return out;
}

std::optional<GalleryImageSource> LoadGalleryImage(Connection& c, std::string_view id) {
  Statement st = c.Prepare(
      "SELECT id, initiative_id, upload_id, alt, caption, position FROM initiative_image WHERE id = ?1");
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return GalleryImageSource{st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Int(5)};
}

std::string SaveGalleryImage(Connection& c, const GalleryImageSource& v, std::string_view now) {
  std::string id = v.id;
  if (id.empty()) {
    id = RandomUuid();
    Statement st = c.Prepare(
        "INSERT INTO initiative_image (id, initiative_id, upload_id, position, alt, caption, last_modified) "
        "VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(position), 0) + 1 FROM initiative_image "
        "WHERE initiative_id = ?2), ?4, ?5, ?6)");
    st.Bind(1, id).Bind(2, v.initiative_id).Bind(3, v.upload_id).Bind(4, v.alt).Bind(5, v.caption).Bind(6, now).Run();
  } else {
    Statement st = c.Prepare(
        "UPDATE initiative_image SET alt = ?2, caption = ?3, last_modified = ?4 WHERE id = ?1");
    st.Bind(1, id).Bind(2, v.alt).Bind(3, v.caption).Bind(4, now).Run();
  }
  const std::string locale = SourceLocaleOfInitiative(c, v.initiative_id);
  WriteOriginal(c, "initiative_image", id, "alt", locale, v.alt, now);
  WriteOriginal(c, "initiative_image", id, "caption", locale, v.caption, now);
  return id;
}

void DeleteGalleryImage(Connection& c, std::string_view id) {
  Statement t = c.Prepare("DELETE FROM translation WHERE entity = 'initiative_image' AND entity_id = ?1");
  t.Bind(1, id).Run();
  Statement st = c.Prepare("DELETE FROM initiative_image WHERE id = ?1");
  st.Bind(1, id).Run();
}

void MoveGalleryImage(Connection& c, std::string_view id, int direction) {
  auto image = LoadGalleryImage(c, id);
  if (!image) return;
  Statement n = c.Prepare(
      direction < 0
          ? "SELECT id, position FROM initiative_image WHERE initiative_id = ?1 AND position < ?2 "
            "ORDER BY position DESC LIMIT 1"
          : "SELECT id, position FROM initiative_image WHERE initiative_id = ?1 AND position > ?2 "
            "ORDER BY position LIMIT 1");
  n.Bind(1, image->initiative_id).Bind(2, image->position);
  if (!n.Step()) return;
  const std::string other = n.Text(0);
  const int64_t other_position = n.Int(1);
  Statement set = c.Prepare("UPDATE initiative_image SET position = ?2 WHERE id = ?1");
  set.Bind(1, id).Bind(2, other_position).Run();
  set.Reset();
  set.Bind(1, other).Bind(2, image->position).Run();
}

}  // namespace tilti::store
