#include "web/read_aloud.h"

#include "speech/speech_text.h"
#include "speech/synthesizer.h"
#include "web/markdown.h"

namespace tilti::web {

std::vector<std::string> ReadAloudParts(std::string_view markdown) {
  std::vector<std::string> parts;
  for (const std::string& paragraph : MarkdownParagraphs(markdown)) {
    for (std::string& piece : speech::SplitForSpeech(paragraph, speech::kMaxTextBytes)) {
      parts.push_back(std::move(piece));
    }
  }
  return parts;
}

std::string ReadAloudFileName(size_t n, std::string_view voice, std::string_view text) {
  std::string keyed(voice);
  keyed += '\0';
  keyed += text;
  return std::to_string(n) + "-" + speech::TextKey(keyed).substr(0, 8) + ".wav";
}

std::optional<size_t> ReadAloudPartNumber(std::string_view file) {
  const size_t dash = file.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 4 || file[0] == '0') {
    return std::nullopt;
  }
  size_t n = 0;
  for (char c : file.substr(0, dash)) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  return n;
}

std::string TextSnippet(std::string_view text, size_t max_chars) {
  size_t end = 0;         // byte index just past the last character that fits
  size_t last_space = 0;  // byte index of the last space within those characters
  size_t chars = 0;
  while (end < text.size() && chars < max_chars) {
    size_t next = end + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    if (text[end] == ' ') last_space = end;
    end = next;
    ++chars;
  }
  if (end >= text.size()) return std::string(text);
  if (text[end] != ' ' && last_space > 0) end = last_space;
  std::string out(text.substr(0, end));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // A comma or colon before the ellipsis reads badly: "saiti:…".
  while (!out.empty() && (out.back() == ',' || out.back() == ':' || out.back() == ';')) {
    out.pop_back();
  }
  return out + "\xE2\x80\xA6";
}

}  // namespace tilti::web
