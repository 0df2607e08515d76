#pragma once
// Checked uploads, shared by every form that takes a file (the initiative gallery, good
// practices, methodology, guides), and serving the stored files.
//
// A file is kept only when its content is one of the kinds the form accepts (core/file_type:
// the signature decides, never the name or the type the browser sent) and is not over that
// kind's size limit. Stored files are served from /files/{id}.{extension} with their checked
// type, `X-Content-Type-Options: nosniff`, a sandboxing Content-Security-Policy, and — for
// everything but images — as a download under the sender's (safe) file name.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_type.h"
#include "web/back_office.h"
#include "web/site.h"

namespace tilti::web {

// The largest file of each kind, in bytes. The server takes bodies of multipart forms up to
// ServerOptions::max_upload_bytes (larger than all of these), so a file over its limit still
// reaches the form, which says so in the user's language.
size_t MaxUploadBytes(FileKind kind);

// A file that passed the check, ready for store::SaveUpload.
struct CheckedUpload {
  FileType type;
  std::string filename;        // core::SafeFileName
  std::string_view content;    // into the form's body
};

// The file sent as form field `field`, checked. On a problem returns nullopt and sets `message`
// in `lang`: no file chosen (only when `required`; else nullopt with an empty message), an
// empty file, not one of `allowed`, over its kind's limit.
std::optional<CheckedUpload> CheckUpload(const Site& site, const std::string& lang,
                                         const FormFields& form, std::string_view field,
                                         std::initializer_list<FileKind> allowed, bool required,
                                         std::string* message);

// An image's texts: the text alternative is required; both at most kMaxImageTextChars
// characters. Adds (field, message in `lang`) to `errors` for "alt" and "caption".
inline constexpr long kMaxImageTextChars = 400;
void CheckImageTexts(const Site& site, const std::string& lang, std::string_view alt,
                     std::string_view caption, std::vector<std::pair<std::string, std::string>>& errors);

// "/files/{id}.{ext}"
std::string FileHref(std::string_view stored_name);

// GET /files/{name}: a stored file (404 for a name that is not "{id}.{its extension}").
http::Response StoredFile(const Site& site, http::Request& request);

}  // namespace tilti::web
