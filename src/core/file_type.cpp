#include "core/file_type.h"

#include <array>
#include <cstdint>
#include <vector>

namespace tilti {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix, size_t at = 0) {
  return s.size() >= at + prefix.size() && s.substr(at, prefix.size()) == prefix;
}

uint32_t Be16(std::string_view s, size_t at) {
  return (static_cast<uint8_t>(s[at]) << 8) | static_cast<uint8_t>(s[at + 1]);
}
uint32_t Be32(std::string_view s, size_t at) { return (Be16(s, at) << 16) | Be16(s, at + 2); }
uint32_t Le16(std::string_view s, size_t at) {
  return static_cast<uint8_t>(s[at]) | (static_cast<uint8_t>(s[at + 1]) << 8);
}
uint32_t Le24(std::string_view s, size_t at) {
  return Le16(s, at) | (static_cast<uint8_t>(s[at + 2]) << 16);
}
uint32_t Le32(std::string_view s, size_t at) { return Le16(s, at) | (Le16(s, at + 2) << 16); }

FileType Image(std::string media_type, std::string extension, uint32_t w, uint32_t h) {
  // Dimensions beyond any real picture are a corrupt or hostile header: keep the type, drop them.
  constexpr uint32_t kMax = 100000;
  if (w > kMax || h > kMax) w = h = 0;
  return {FileKind::kImage, std::move(media_type), std::move(extension), static_cast<int>(w),
          static_cast<int>(h)};
}

std::optional<FileType> Png(std::string_view s) {
  if (!StartsWith(s, "\x89PNG\r\n\x1a\n")) return std::nullopt;
  if (s.size() < 24 || s.substr(12, 4) != "IHDR") return std::nullopt;
  return Image("image/png", "png", Be32(s, 16), Be32(s, 20));
}

std::optional<FileType> Gif(std::string_view s) {
  if (!StartsWith(s, "GIF87a") && !StartsWith(s, "GIF89a")) return std::nullopt;
  if (s.size() < 10) return std::nullopt;
  return Image("image/gif", "gif", Le16(s, 6), Le16(s, 8));
}

// JPEG: walk the markers to the first start-of-frame, which holds the size.
std::optional<FileType> Jpeg(std::string_view s) {
  if (!StartsWith(s, "\xFF\xD8\xFF")) return std::nullopt;
  size_t at = 2;
  while (at + 4 <= s.size()) {
    if (static_cast<uint8_t>(s[at]) != 0xFF) break;
    uint8_t marker = static_cast<uint8_t>(s[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    uint32_t length = Be16(s, at + 2);
    bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
               marker != 0xCC;
    if (sof && at + 9 <= s.size()) return Image("image/jpeg", "jpg", Be16(s, at + 7), Be16(s, at + 5));
    if (marker == 0xDA || length < 2) break;  // start of scan: no frame header found before it
    at += 2 + length;
  }
  return Image("image/jpeg", "jpg", 0, 0);
}

std::optional<FileType> Webp(std::string_view s) {
  if (!StartsWith(s, "RIFF") || !StartsWith(s, "WEBP", 8) || s.size() < 30) return std::nullopt;
  std::string_view chunk = s.substr(12, 4);
  if (chunk == "VP8 " && StartsWith(s, "\x9d\x01\x2a", 23)) {
    return Image("image/webp", "webp", Le16(s, 26) & 0x3FFF, Le16(s, 28) & 0x3FFF);
  }
  if (chunk == "VP8L" && static_cast<uint8_t>(s[20]) == 0x2F) {
    uint32_t bits = Le32(s, 21);
    return Image("image/webp", "webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
  }
  if (chunk == "VP8X") return Image("image/webp", "webp", Le24(s, 24) + 1, Le24(s, 27) + 1);
  return std::nullopt;
}

// The names of a zip archive's entries, from its central directory (at most 2000).
std::optional<std::vector<std::string_view>> ZipNames(std::string_view s) {
  constexpr size_t kEocd = 22;
  if (s.size() < kEocd) return std::nullopt;
  size_t from = s.size() > 65535 + kEocd ? s.size() - 65535 - kEocd : 0;
  size_t eocd = s.rfind(std::string_view("PK\x05\x06", 4));
  if (eocd == std::string_view::npos || eocd < from || eocd + kEocd > s.size()) return std::nullopt;
  uint32_t count = Le16(s, eocd + 10), offset = Le32(s, eocd + 16);
  std::vector<std::string_view> names;
  size_t at = offset;
  for (uint32_t i = 0; i < count && i < 2000; ++i) {
    if (at + 46 > s.size() || !StartsWith(s, std::string_view("PK\x01\x02", 4), at)) return std::nullopt;
    uint32_t name_len = Le16(s, at + 28), extra = Le16(s, at + 30), comment = Le16(s, at + 32);
    if (at + 46 + name_len > s.size()) return std::nullopt;
    names.push_back(s.substr(at + 46, name_len));
    at += 46 + name_len + extra + comment;
  }
  return names;
}

std::optional<FileType> Zip(std::string_view s) {
  if (!StartsWith(s, std::string_view("PK\x03\x04", 4)) || s.size() < 30) return std::nullopt;
  // OpenDocument: the first entry is "mimetype", stored, holding the media type.
  uint32_t name_len = Le16(s, 26), extra = Le16(s, 28);
  if (s.substr(30, name_len) == "mimetype") {
    std::string_view rest = s.substr(std::min(s.size(), size_t{30} + name_len + extra));
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kOdf{{
        {"application/vnd.oasis.opendocument.text", "odt"},
        {"application/vnd.oasis.opendocument.spreadsheet", "ods"},
        {"application/vnd.oasis.opendocument.presentation", "odp"},
    }};
    for (const auto& [type, ext] : kOdf) {
      // "...text" must not match "...text-template": the type ends where the next entry starts.
      if (StartsWith(rest, type) && StartsWith(rest, "PK", type.size())) {
        return FileType{FileKind::kDocument, std::string(type), std::string(ext)};
      }
    }
    return std::nullopt;
  }
  auto names = ZipNames(s);
  if (!names) return std::nullopt;
  bool content_types = false;
  std::string_view found;
  for (std::string_view n : *names) {
    if (n == "[Content_Types].xml") content_types = true;
    if (n == "word/document.xml") found = "docx";
    if (n == "xl/workbook.xml") found = "xlsx";
    if (n == "ppt/presentation.xml") found = "pptx";
  }
  if (!content_types || found.empty()) return std::nullopt;
  if (found == "docx")
    return FileType{FileKind::kDocument,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"};
  if (found == "xlsx")
    return FileType{FileKind::kDocument,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"};
  return FileType{FileKind::kDocument,
                  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                  "pptx"};
}

std::optional<FileType> Video(std::string_view s) {
  if (StartsWith(s, "\x1A\x45\xDF\xA3")) {
    std::string_view head = s.substr(0, 64);
    size_t doctype = head.find("\x42\x82");
    if (doctype != std::string_view::npos && head.find("webm", doctype) != std::string_view::npos)
      return FileType{FileKind::kVideo, "video/webm", "webm"};
    return std::nullopt;
  }
  if (StartsWith(s, "ftyp", 4) && s.size() >= 12) {
    static constexpr std::array<std::string_view, 10> kBrands{
        "isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash"};
    std::string_view brand = s.substr(8, 4);
    for (std::string_view b : kBrands)
      if (brand == b) return FileType{FileKind::kVideo, "video/mp4", "mp4"};
  }
  return std::nullopt;
}

bool ValidUtf8WithoutNul(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<uint8_t>(s[i]);
    if (c == 0) return false;
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || (n == 2 && c < 0xC2) || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<uint8_t>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

std::optional<FileType> WebVtt(std::string_view s) {
  std::string_view body = StartsWith(s, "\xEF\xBB\xBF") ? s.substr(3) : s;
  if (!StartsWith(body, "WEBVTT")) return std::nullopt;
  if (body.size() > 6 && body[6] != ' ' && body[6] != '\t' && body[6] != '\n' && body[6] != '\r')
    return std::nullopt;
  if (!ValidUtf8WithoutNul(s)) return std::nullopt;
  return FileType{FileKind::kCaptions, "text/vtt", "vtt"};
}

}  // namespace

std::optional<FileType> IdentifyFile(std::string_view content) {
  for (auto identify : {Png, Jpeg, Gif, Webp, Zip, Video, WebVtt}) {
    if (auto type = identify(content)) return type;
  }
  if (StartsWith(content, "%PDF-")) return FileType{FileKind::kDocument, "application/pdf", "pdf"};
  return std::nullopt;
}

std::string SafeFileName(std::string_view sent, std::string_view extension) {
  size_t slash = sent.find_last_of("/\\");
  if (slash != std::string_view::npos) sent.remove_prefix(slash + 1);
  std::string name;
  for (size_t i = 0; i < sent.size();) {
    auto c = static_cast<uint8_t>(sent[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool whole = n > 0 && i + n <= sent.size() && !(n == 2 && c < 0xC2);
    for (size_t k = 1; whole && k < n; ++k)
      whole = (static_cast<uint8_t>(sent[i + k]) & 0xC0) == 0x80;
    if (!whole) {
      ++i;
      continue;
    }
    if (n == 1) {
      bool bad = c < 0x20 || c == 0x7F || std::string_view("\"'`;:*?<>|%").find(static_cast<char>(c)) !=
                                               std::string_view::npos;
      if (!bad) name += static_cast<char>(c);
    } else {
      name.append(sent.substr(i, n));
    }
    i += n;
  }
  while (!name.empty() && (name.front() == '.' || name.front() == ' ')) name.erase(0, 1);
  while (!name.empty() && (name.back() == '.' || name.back() == ' ')) name.pop_back();
  // Drop the sender's extension; ours is the one the content showed.
  size_t dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0 && name.size() - dot <= 6) name.erase(dot);
  constexpr size_t kMaxStem = 90;
  if (name.size() > kMaxStem) {
    size_t cut = kMaxStem;
    while (cut > 0 && (static_cast<uint8_t>(name[cut]) & 0xC0) == 0x80) --cut;
    name.erase(cut);
  }
  while (!name.empty() && (name.back() == '.' || name.back() == ' ')) name.pop_back();
  if (name.empty()) name = "file";
  return name + "." + std::string(extension);
}

std::string AttachmentDisposition(std::string_view safe_name) {
  std::string ascii, encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < safe_name.size(); ++i) {
    auto c = static_cast<uint8_t>(safe_name[i]);
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xF];
    }
    // One "_" per non-ASCII character: its first byte.
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
      ascii += static_cast<char>(c);
    } else if ((c & 0xC0) != 0x80) {
      ascii += '_';
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace tilti
