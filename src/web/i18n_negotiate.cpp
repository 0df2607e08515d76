#include "web/i18n_negotiate.h"

#include <algorithm>
#include <cstddef>

namespace tilti::web::i18n {
namespace {

constexpr size_t kMaxHeaderBytes = 4096;
constexpr size_t kMaxRanges = 32;

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IEquals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return Lower(x) == Lower(y); });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view Language(std::string_view tag) { return tag.substr(0, tag.find('-')); }

// language-range = (1*8ALPHA *("-" 1*8alphanum)) / "*"
bool IsRange(std::string_view s) {
  if (s == "*") return true;
  bool first = true;
  while (true) {
    size_t n = 0;
    while (n < s.size() && n <= 8 && (IsAlpha(s[n]) || (!first && IsDigit(s[n])))) ++n;
    if (n == 0 || n > 8) return false;
    s.remove_prefix(n);
    if (s.empty()) return true;
    if (s.front() != '-') return false;
    s.remove_prefix(1);
    first = false;
  }
}

// qvalue = ("0" ["." 0*3DIGIT]) / ("1" ["." 0*3("0")]), in thousandths.
std::optional<int> ParseQ(std::string_view s) {
  if (s.empty() || (s[0] != '0' && s[0] != '1')) return std::nullopt;
  int whole = s[0] - '0';
  s.remove_prefix(1);
  if (s.empty()) return whole * 1000;
  if (s[0] != '.' || s.size() > 4) return std::nullopt;
  s.remove_prefix(1);
  int thousandths = 0, scale = 100;
  for (char c : s) {
    if (!IsDigit(c)) return std::nullopt;
    thousandths += (c - '0') * scale;
    scale /= 10;
  }
  if (whole == 1 && thousandths != 0) return std::nullopt;
  return whole * 1000 + thousandths;
}

struct Range {
  std::string_view tag;
  int q = 1000;
};

std::vector<Range> ParseAcceptLanguage(std::string_view header) {
  std::vector<Range> ranges;
  header = header.substr(0, kMaxHeaderBytes);
  while (!header.empty() && ranges.size() < kMaxRanges) {
    size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header.remove_prefix(comma == std::string_view::npos ? header.size() : comma + 1);

    size_t semicolon = item.find(';');
    Range range{Trim(item.substr(0, semicolon)), 1000};
    if (!IsRange(range.tag)) continue;
    bool valid = true;
    while (semicolon != std::string_view::npos) {
      item.remove_prefix(semicolon + 1);
      semicolon = item.find(';');
      std::string_view param = Trim(item.substr(0, semicolon));
      size_t equals = param.find('=');
      if (equals == std::string_view::npos) continue;  // not q: ignored
      if (!IEquals(Trim(param.substr(0, equals)), "q")) continue;
      std::optional<int> q = ParseQ(Trim(param.substr(equals + 1)));
      if (!q)
        valid = false;
      else
        range.q = *q;
    }
    if (valid) ranges.push_back(range);
  }
  std::stable_sort(ranges.begin(), ranges.end(),
                   [](const Range& a, const Range& b) { return a.q > b.q; });
  return ranges;
}

// Finds the available code `tag` names: exact first, then by language in either direction.
const std::string* Match(std::string_view tag, const std::vector<std::string>& available,
                         const std::vector<const std::string*>& excluded) {
  auto allowed = [&](const std::string& code) {
    return std::find(excluded.begin(), excluded.end(), &code) == excluded.end();
  };
  for (const auto& code : available) {
    if (IEquals(code, tag) && allowed(code)) return &code;
  }
  for (const auto& code : available) {
    if (IEquals(Language(code), Language(tag)) && allowed(code)) return &code;
  }
  return nullptr;
}

}  // namespace

std::string Negotiate(std::optional<std::string_view> cookie_lang,
                      std::optional<std::string_view> accept_language,
                      const std::vector<std::string>& available, std::string_view default_code) {
  if (cookie_lang && IsRange(*cookie_lang) && *cookie_lang != "*") {
    if (const std::string* code = Match(*cookie_lang, available, {})) return *code;
  }
  if (!accept_language) return std::string(default_code);

  const std::vector<Range> ranges = ParseAcceptLanguage(*accept_language);
  // q=0 means "not acceptable": "uk;q=0" rules out uk (and uk-UA), "uk-UA;q=0" only uk-UA.
  std::vector<const std::string*> excluded;
  for (const Range& range : ranges) {
    if (range.q != 0 || range.tag == "*") continue;
    const bool language_only = range.tag.find('-') == std::string_view::npos;
    for (const auto& code : available) {
      if (IEquals(code, range.tag) || (language_only && IEquals(Language(code), range.tag))) {
        excluded.push_back(&code);
      }
    }
  }
  for (const Range& range : ranges) {
    if (range.q == 0) break;  // sorted: the rest are all q=0
    if (range.tag == "*") {
      if (const std::string* code = Match(default_code, available, excluded)) return *code;
      for (const auto& code : available) {
        if (std::find(excluded.begin(), excluded.end(), &code) == excluded.end()) return code;
      }
      continue;
    }
    if (const std::string* code = Match(range.tag, available, excluded)) return *code;
  }
  return std::string(default_code);
}

}  // namespace tilti::web::i18n
