#pragma once
// What a file is, from its content alone (never from the name or the type the sender claims),
// for the uploads of the gallery, good practices, methodology and guides. Only the formats
// below are recognised; anything else (HTML, SVG, scripts, executables) is not a file we keep.
#include <optional>
#include <string>
#include <string_view>

namespace tilti {

enum class FileKind {
  kImage,     // PNG, JPEG, WebP, GIF: shown in pages
  kDocument,  // PDF, OpenDocument and Office Open XML text, spreadsheet, presentation
  kVideo,     // WebM, MP4
  kCaptions,  // WebVTT (UTF-8 text that starts with "WEBVTT")
};

struct FileType {
  FileKind kind = FileKind::kDocument;
  std::string media_type;  // "image/png"
  std::string extension;   // "png", without the dot
  int width = 0, height = 0;  // images, when the header says; else 0
};

// The type of `content` by its signature; nullopt when it is none of the recognised formats.
// The zip-based office formats are told apart by the names inside the archive's first entries
// (OpenDocument's "mimetype" entry; "word/", "xl/", "ppt/" for Office Open XML).
std::optional<FileType> IdentifyFile(std::string_view content);

// A file name safe to offer in Content-Disposition and to show: the last path segment of what
// the sender called it, without control characters, quotes, slashes or backslashes, leading
// dots or spaces, at most 100 characters (whole UTF-8 sequences), ending in `extension`.
// "../../etc/passwd" with "pdf" gives "passwd.pdf"; "" gives "file.pdf".
std::string SafeFileName(std::string_view sent, std::string_view extension);

// The Content-Disposition of a download named `safe_name` (a SafeFileName): an ASCII fallback
// (other characters as "_") and the UTF-8 name percent-encoded (RFC 6266, RFC 8187).
std::string AttachmentDisposition(std::string_view safe_name);

}  // namespace tilti
