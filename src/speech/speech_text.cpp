#include "speech/speech_text.h"

#include <algorithm>
#include <array>

namespace tilti::speech {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  return s;
}
std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The length of the well-formed UTF-8 sequence at s[i] and its code point; 0 when there is none.
size_t SequenceAt(std::string_view s, size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  size_t n = 0;
  char32_t min = 0;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    n = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (!IsContinuation(b)) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Letters that continue a sentence after an abbreviation or ordinal ("2014. gada", "t.i. kas"):
// ASCII lower case and digits, Latin-1 lower case, Latvian's own, and Cyrillic lower case.
bool ContinuesSentence(char32_t cp) {
  static constexpr std::array<char32_t, 11> kLatvian = {0x0101, 0x010D, 0x0113, 0x0123,
                                                        0x012B, 0x0137, 0x013C, 0x0146,
                                                        0x0161, 0x016B, 0x017E};
  if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return true;
  if (cp >= 0x00DF && cp <= 0x00FF && cp != 0x00F7) return true;
  if (std::find(kLatvian.begin(), kLatvian.end(), cp) != kLatvian.end()) return true;
  return (cp >= 0x0430 && cp <= 0x045F) || cp == 0x0491;
}

// Whether `before` (the text up to a space) ends a sentence: ".", "!", "?" or "…", then any
// closing quotes and brackets.
bool EndsSentence(std::string_view before) {
  static constexpr std::array<std::string_view, 8> kClosing = {
      "\"", "'", ")", "]", "\xC2\xBB" /* » */, "\xE2\x80\x9D" /* ” */, "\xE2\x80\x99" /* ’ */,
      "\xE2\x80\x9C" /* “, which closes in Latvian and Russian typewriting */};
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view c : kClosing) {
      if (before.size() > c.size() && before.ends_with(c)) {
        before.remove_suffix(c.size());
        stripped = true;
      }
    }
  }
  return before.ends_with('.') || before.ends_with('!') || before.ends_with('?') ||
         before.ends_with("\xE2\x80\xA6");
}

// Where to end the next piece of `rest` (left-trimmed, longer than `max`): the byte index just
// past its last byte, before the space or character where it is cut.
size_t CutPoint(std::string_view rest, size_t max) {
  const size_t last = std::min(max, rest.size() - 1);
  for (size_t i = last; i >= 1; --i) {  // a sentence's end
    if (!IsSpace(rest[i]) || !EndsSentence(TrimRight(rest.substr(0, i)))) continue;
    const std::string_view after = TrimLeft(rest.substr(i));
    char32_t cp = 0;
    if (after.empty() || SequenceAt(after, 0, cp) == 0 || !ContinuesSentence(cp)) return i;
  }
  for (size_t i = last; i >= 1; --i) {  // a space
    if (IsSpace(rest[i])) return i;
  }
  size_t i = max;  // between two characters
  while (i > 0 && IsContinuation(static_cast<unsigned char>(rest[i]))) --i;
  return i;
}

}  // namespace

std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const size_t n = SequenceAt(text, i, cp);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else {
      out += text.substr(i, n);
      i += n;
    }
  }
  return out;
}

std::vector<std::string> SplitForSpeech(std::string_view text, size_t max_bytes) {
  const size_t max = std::max<size_t>(max_bytes, 4);
  const std::string valid = ValidUtf8(text);
  std::vector<std::string> pieces;
  std::string_view rest = TrimRight(TrimLeft(valid));
  while (!rest.empty()) {
    if (rest.size() <= max) {
      pieces.emplace_back(rest);
      break;
    }
    const size_t cut = CutPoint(rest, max);
    const std::string_view piece = TrimRight(rest.substr(0, cut));
    if (!piece.empty()) pieces.emplace_back(piece);
    rest = TrimLeft(rest.substr(cut));
  }
  return pieces;
}

}  // namespace tilti::speech
