#include "exchange/reader_support.h"
#include "core/text.h"

#include <charconv>
#include <cmath>

namespace tilti::exchange {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Windows-1252 0x80..0x9F; 0xFFFD where the code page defines nothing.
constexpr char32_t kHigh[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

}  // namespace

std::optional<Columns> Columns::FromHeader(const directory::CsvRow& header,
                                           const std::vector<std::string_view>& required,
                                           std::vector<RowIssue>& errors) {
  Columns columns;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    columns.index_.emplace(std::string(Trim(header.fields[i])), i);
  }
  std::string missing;
  for (std::string_view name : required) {
    if (columns.index_.find(name) != columns.index_.end()) continue;
    missing += (missing.empty() ? "" : ", ") + std::string(name);
  }
  if (!missing.empty()) {
    errors.push_back({header.line, "the header lacks the column(s) " + missing +
                                       " (is this the right file for this format?)"});
    return std::nullopt;
  }
  return columns;
}

std::string Columns::Get(const directory::CsvRow& row, std::string_view column) const {
  auto it = index_.find(column);
  if (it == index_.end() || it->second >= row.fields.size()) return "";
  return std::string(Trim(row.fields[it->second]));
}

std::optional<std::string> Columns::Optional(const directory::CsvRow& row,
                                             std::string_view column) const {
  std::string value = Get(row, column);
  if (value.empty()) return std::nullopt;
  return value;
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 16);
  for (unsigned char b : bytes) {
    if (b < 0x80) {
      out += static_cast<char>(b);
    } else if (b < 0xA0) {
      AppendUtf8(out, kHigh[b - 0x80]);
    } else {
      AppendUtf8(out, b);  // Latin-1 is Unicode's first 256 code points
    }
  }
  return out;
}

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    int extra = 0;
    char32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      auto n = static_cast<unsigned char>(text[i + k]);
      if ((n & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (n & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

std::optional<double> ParseDecimal(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

void ReadCoordinates(std::string_view latitude, std::string_view longitude, LibraryRecord& record,
                     std::vector<RowIssue>& errors) {
  latitude = Trim(latitude);
  longitude = Trim(longitude);
  if (latitude.empty() && longitude.empty()) return;
  auto lat = ParseDecimal(latitude);
  auto lon = ParseDecimal(longitude);
  if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) {
    errors.push_back({record.line, "coordinates '" + std::string(latitude) + "', '" +
                                       std::string(longitude) +
                                       "' are not a latitude (-90..90) and a longitude "
                                       "(-180..180)"});
    return;
  }
  record.latitude = lat;
  record.longitude = lon;
}

std::optional<std::string> NormaliseWebsite(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.find(' ') != std::string_view::npos ||
      text.find('.') == std::string_view::npos) {
    return std::nullopt;
  }
  if (text.starts_with("http://") || text.starts_with("https://")) return std::string(text);
  // No other scheme ("javascript:", "ftp://") and no e-mail address.
  if (text.find(':') != std::string_view::npos || text.find('@') != std::string_view::npos) {
    return std::nullopt;
  }
  return "http://" + std::string(text);
}

std::optional<std::string> NormaliseEmail(std::string_view text) {
  text = Trim(text);
  if (text.starts_with("mailto:")) text.remove_prefix(7);
  size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos ||
      text.find(' ') != std::string_view::npos || text.find('/') != std::string_view::npos ||
      text.find('.', at) == std::string_view::npos || text.back() == '.') {
    return std::nullopt;
  }
  return std::string(text);
}

bool RecordChecker::Accept(const LibraryRecord& r, std::vector<RowIssue>& errors) {
  bool ok = true;
  if (r.name.empty()) {
    errors.push_back({r.line, "the library has no name"});
    ok = false;
  }
  if (r.external_id.empty()) {
    errors.push_back({r.line, "the library has no id in the source"});
    ok = false;
  }
  for (const auto* text : {&r.name, &r.external_id}) {
    if (!IsValidUtf8(*text)) {
      errors.push_back({r.line, "the text is not valid UTF-8 (is the file in another encoding?)"});
      return false;
    }
  }
  for (const auto* text : {&r.address_1, &r.address_2, &r.city, &r.region, &r.postal_code,
                           &r.phone, &r.email, &r.website, &r.operator_name, &r.hours_note,
                           &r.alternate_name, &r.description}) {
    if (*text && !IsValidUtf8(**text)) {
      errors.push_back({r.line, "the text is not valid UTF-8 (is the file in another encoding?)"});
      return false;
    }
  }
  if (!ok) return false;
  auto [it, inserted] = seen_.emplace(r.external_id, r.line);
  if (!inserted) {
    errors.push_back({r.line, "the id '" + r.external_id + "' was already used on line " +
                                  std::to_string(it->second)});
    return false;
  }
  return true;
}

std::optional<std::vector<directory::CsvRow>> SplitCsv(std::string_view text,
                                                       std::vector<RowIssue>& errors) {
  auto rows = directory::ParseCsv(text);
  if (!rows.ok()) {
    // ParseCsv says "line N: ..."; keep N as the line of the report.
    const std::string& detail = rows.error().detail;
    int line = 0;
    if (detail.starts_with("line ")) {
      std::from_chars(detail.data() + 5, detail.data() + detail.size(), line);
    }
    size_t colon = detail.find(": ");
    errors.push_back({line, colon == std::string::npos ? detail : detail.substr(colon + 2)});
    return std::nullopt;
  }
  if (rows.value().empty()) {
    errors.push_back({0, "the file is empty"});
    return std::nullopt;
  }
  return std::move(rows.value());
}

}  // namespace tilti::exchange
