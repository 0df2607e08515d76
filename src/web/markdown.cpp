#include "web/markdown.h"
#include "core/text.h"

#include <md4c.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

// md4c-html is not used on purpose: it writes any link target (javascript: included) and
// images. Our writer below decides, for each link, whether it stays a link.

namespace tilti::web {
namespace {

void AppendEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

// "&#106;" or "&#x6A;" as UTF-8; nullopt for a named entity.
std::optional<std::string> DecodeNumericEntity(std::string_view e) {
  if (e.size() < 4 || e[0] != '&' || e[1] != '#' || e.back() != ';') return std::nullopt;
  std::string_view digits = e.substr(2, e.size() - 3);
  int base = 10;
  if (!digits.empty() && (digits[0] == 'x' || digits[0] == 'X')) {
    base = 16;
    digits.remove_prefix(1);
  }
  if (digits.empty() || digits.size() > 8) return std::string("\xEF\xBF\xBD");
  uint32_t cp = 0;
  for (char c : digits) {
    int v = c >= '0' && c <= '9'                 ? c - '0'
            : base == 16 && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : base == 16 && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
    if (v < 0) return std::string("\xEF\xBF\xBD");
    cp = cp * base + v;
  }
  std::string out;
  AppendUtf8(out, cp);
  return out;
}

// The few named entities a link target may contain; any other makes the target unsafe (we
// keep no table of HTML's 2,000 names, and "&colon;" alone would hide a "javascript:").
std::optional<std::string> DecodeNamedEntity(std::string_view e) {
  if (e == "&amp;") return "&";
  if (e == "&lt;") return "<";
  if (e == "&gt;") return ">";
  if (e == "&quot;") return "\"";
  if (e == "&apos;") return "'";
  return std::nullopt;
}

bool IsNamedEntitySyntax(std::string_view e) {
  if (e.size() < 3 || e.front() != '&' || e.back() != ';') return false;
  return std::all_of(e.begin() + 1, e.end() - 1, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

// The attribute's text with its entities decoded; nullopt when one cannot be decoded safely.
std::optional<std::string> DecodeAttribute(const MD_ATTRIBUTE& a) {
  std::string out;
  if (a.text == nullptr || a.size == 0) return out;
  for (unsigned i = 0; a.substr_offsets[i] < a.size; ++i) {
    const std::string_view part(a.text + a.substr_offsets[i],
                                a.substr_offsets[i + 1] - a.substr_offsets[i]);
    switch (a.substr_types[i]) {
      case MD_TEXT_NORMAL:
        out += part;
        break;
      case MD_TEXT_ENTITY: {
        auto decoded = DecodeNumericEntity(part);
        if (!decoded) decoded = DecodeNamedEntity(part);
        if (!decoded) return std::nullopt;
        out += *decoded;
        break;
      }
      default:  // MD_TEXT_NULLCHAR and anything new
        return std::nullopt;
    }
  }
  return out;
}

// Percent-encodes what may not stand in a URL and escapes what may not stand in an attribute.
void AppendUrl(std::string& out, std::string_view url) {
  static constexpr std::string_view kKeep = "-_.!~*();/?:@=+$,%#";
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        kKeep.find(ch) != std::string_view::npos) {
      out += ch;
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
}

class Writer {
 public:
  std::string out;

  int EnterBlock(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_DOC:
        break;
      case MD_BLOCK_QUOTE:
        out += "<blockquote>\n";
        break;
      case MD_BLOCK_UL:
        out += "<ul>\n";
        break;
      case MD_BLOCK_OL: {
        const unsigned start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
        out +=
            start == 1 ? std::string("<ol>\n") : "<ol start=\"" + std::to_string(start) + "\">\n";
        break;
      }
      case MD_BLOCK_LI:
        out += "<li>";
        break;
      case MD_BLOCK_HR:
        out += "<hr>\n";
        break;
      case MD_BLOCK_H:
        out += "<h" + std::to_string(HeadingLevel(detail)) + ">";
        break;
      case MD_BLOCK_CODE:
        out += "<pre><code>";
        break;
      case MD_BLOCK_HTML:
        out += "<p>";
        break;  // not recognised with MD_FLAG_NOHTML; text if it were
      case MD_BLOCK_P:
        out += "<p>";
        break;
      case MD_BLOCK_TABLE:
        out += "<table>\n";
        break;
      case MD_BLOCK_THEAD:
        out += "<thead>\n";
        break;
      case MD_BLOCK_TBODY:
        out += "<tbody>\n";
        break;
      case MD_BLOCK_TR:
        out += "<tr>";
        break;
      case MD_BLOCK_TH:
        out += "<th scope=\"col\">";
        break;
      case MD_BLOCK_TD:
        out += "<td>";
        break;
    }
    return 0;
  }

  int LeaveBlock(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_DOC:
        break;
      case MD_BLOCK_QUOTE:
        out += "</blockquote>\n";
        break;
      case MD_BLOCK_UL:
        out += "</ul>\n";
        break;
      case MD_BLOCK_OL:
        out += "</ol>\n";
        break;
      case MD_BLOCK_LI:
        out += "</li>\n";
        break;
      case MD_BLOCK_HR:
        break;
      case MD_BLOCK_H:
        out += "</h" + std::to_string(HeadingLevel(detail)) + ">\n";
        break;
      case MD_BLOCK_CODE:
        out += "</code></pre>\n";
        break;
      case MD_BLOCK_HTML:
        out += "</p>\n";
        break;
      case MD_BLOCK_P:
        out += "</p>\n";
        break;
      case MD_BLOCK_TABLE:
        out += "</table>\n";
        break;
      case MD_BLOCK_THEAD:
        out += "</thead>\n";
        break;
      case MD_BLOCK_TBODY:
        out += "</tbody>\n";
        break;
      case MD_BLOCK_TR:
        out += "</tr>\n";
        break;
      case MD_BLOCK_TH:
        out += "</th>";
        break;
      case MD_BLOCK_TD:
        out += "</td>";
        break;
    }
    return 0;
  }

  int EnterSpan(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_IMG) {
      ++image_depth_;  // the alt text follows as text; the image itself is never shown
      return 0;
    }
    if (image_depth_ > 0) return 0;
    switch (type) {
      case MD_SPAN_EM:
        out += "<em>";
        break;
      case MD_SPAN_STRONG:
        out += "<strong>";
        break;
      case MD_SPAN_CODE:
        out += "<code>";
        break;
      case MD_SPAN_DEL:
        out += "<del>";
        break;
      case MD_SPAN_A: {
        const auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
        auto href = DecodeAttribute(a->href);
        const bool link = href && IsSafeLinkTarget(*href);
        links_.push_back(link);
        if (link) {
          out += "<a href=\"";
          AppendUrl(out, CleanUrl(*href));
          out += "\" rel=\"nofollow noopener\">";
        }
        break;
      }
      default:
        break;  // not enabled: latex, wiki links, underline
    }
    return 0;
  }

  int LeaveSpan(MD_SPANTYPE type) {
    if (type == MD_SPAN_IMG) {
      --image_depth_;
      return 0;
    }
    if (image_depth_ > 0) {
      if (type == MD_SPAN_A && !links_.empty()) links_.pop_back();
      return 0;
    }
    switch (type) {
      case MD_SPAN_EM:
        out += "</em>";
        break;
      case MD_SPAN_STRONG:
        out += "</strong>";
        break;
      case MD_SPAN_CODE:
        out += "</code>";
        break;
      case MD_SPAN_DEL:
        out += "</del>";
        break;
      case MD_SPAN_A:
        if (!links_.empty()) {
          if (links_.back()) out += "</a>";
          links_.pop_back();
        }
        break;
      default:
        break;
    }
    return 0;
  }

  int Text(MD_TEXTTYPE type, std::string_view text) {
    switch (type) {
      case MD_TEXT_NULLCHAR:
        out += "\xEF\xBF\xBD";
        break;
      case MD_TEXT_BR:
        out += image_depth_ > 0 ? " " : "<br>\n";
        break;
      case MD_TEXT_SOFTBR:
        out += image_depth_ > 0 ? " " : "\n";
        break;
      case MD_TEXT_ENTITY:
        if (auto decoded = DecodeNumericEntity(text)) {
          AppendEscaped(out, *decoded);
        } else if (IsNamedEntitySyntax(text)) {
          out += text;  // "&name;" is a character reference, never markup
        } else {
          AppendEscaped(out, text);
        }
        break;
      default:  // normal text, code, and raw HTML were it ever reported: all as text
        AppendEscaped(out, text);
    }
    return 0;
  }

 private:
  static int HeadingLevel(void* detail) {
    return std::min(6, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level) + 1);
  }
  static std::string CleanUrl(std::string_view url);

  int image_depth_ = 0;
  std::vector<bool> links_;  // for each open link: whether <a> was written
};

// What a browser would make of the target: leading and trailing C0 controls and spaces
// trimmed, tabs and newlines anywhere removed (WHATWG URL parser).
std::string Writer::CleanUrl(std::string_view url) {
  std::string s;
  for (char c : url) {
    if (c != '\t' && c != '\n' && c != '\r') s += c;
  }
  auto is_trimmed = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  size_t b = 0, e = s.size();
  while (b < e && is_trimmed(s[b])) ++b;
  while (e > b && is_trimmed(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// The named entities decoded for reading aloud: those above and the punctuation writers type.
std::optional<std::string> DecodeSpokenEntity(std::string_view e) {
  if (auto d = DecodeNamedEntity(e)) return d;
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"&nbsp;", "\xC2\xA0"},       {"&ndash;", "\xE2\x80\x93"},  {"&mdash;", "\xE2\x80\x94"},
      {"&hellip;", "\xE2\x80\xA6"}, {"&laquo;", "\xC2\xAB"},      {"&raquo;", "\xC2\xBB"},
      {"&bdquo;", "\xE2\x80\x9E"},  {"&ldquo;", "\xE2\x80\x9C"},  {"&rdquo;", "\xE2\x80\x9D"},
      {"&lsquo;", "\xE2\x80\x98"},  {"&rsquo;", "\xE2\x80\x99"},
  };
  for (const auto& [name, text] : kNames) {
    if (e == name) return std::string(text);
  }
  return std::nullopt;
}

// Collects MarkdownParagraphs: text goes into `current_`, which a block's end adds to `out`.
class PlainWriter {
 public:
  std::vector<std::string> out;

  int EnterBlock(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        if (containers_ > 0) EndSentence();  // a nested list after its item's own words
        ++containers_;
        break;
      case MD_BLOCK_TABLE:
        ++containers_;
        break;
      case MD_BLOCK_HR:
        Flush();  // a heading before a rule stands alone
        break;
      default:
        break;
    }
    return 0;
  }

  int LeaveBlock(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
      case MD_BLOCK_TABLE:
        --containers_;
        EndBlock();
        break;
      case MD_BLOCK_H:
        EndSentence();  // kept: it opens the next block's paragraph
        break;
      case MD_BLOCK_LI:
      case MD_BLOCK_TR:
        separator_.clear();
        EndSentence();
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        separator_ = ", ";
        break;
      case MD_BLOCK_P:
      case MD_BLOCK_CODE:
      case MD_BLOCK_HTML:
        EndBlock();
        break;
      case MD_BLOCK_DOC:
        Flush();
        break;
      default:  // quotes, table sections, rules: nothing of their own
        break;
    }
    return 0;
  }

  int Text(MD_TEXTTYPE type, std::string_view text) {
    switch (type) {
      case MD_TEXT_NULLCHAR:
        break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        Append(" ");
        break;
      case MD_TEXT_ENTITY: {
        auto decoded = DecodeNumericEntity(text);
        if (!decoded) decoded = DecodeSpokenEntity(text);
        Append(decoded ? *decoded : text);
        break;
      }
      default:  // normal text, code, and raw HTML were it ever reported: all as text
        Append(text);
    }
    return 0;
  }

 private:
  void Append(std::string_view text) {
    for (char c : text) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        if (!current_.empty() && current_.back() != ' ') current_ += ' ';
        continue;
      }
      if (c == '\0') continue;
      if (!separator_.empty()) {
        while (!current_.empty() && current_.back() == ' ') current_.pop_back();
        if (!current_.empty()) current_ += separator_;
        separator_.clear();
      }
      current_ += c;
    }
  }

  // Ends what was written so far as a sentence, so that it is read with a pause after it.
  void EndSentence() {
    while (!current_.empty() && current_.back() == ' ') current_.pop_back();
    if (current_.empty()) return;
    std::string_view s = current_;
    for (std::string_view closing : {"\"", "'", ")", "\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\x9C"}) {
      if (s.size() > closing.size() && s.ends_with(closing)) s.remove_suffix(closing.size());
    }
    const bool ended = s.ends_with('.') || s.ends_with('!') || s.ends_with('?') ||
                       s.ends_with(':') || s.ends_with(';') || s.ends_with("\xE2\x80\xA6");
    current_ += ended ? " " : ". ";
  }

  void EndBlock() {
    if (containers_ > 0) {
      EndSentence();
    } else {
      Flush();
    }
  }

  void Flush() {
    separator_.clear();
    while (!current_.empty() && current_.back() == ' ') current_.pop_back();
    if (!current_.empty()) out.push_back(std::move(current_));
    current_.clear();
  }

  std::string current_;
  std::string separator_;  // written before the next text: ", " between table cells
  int containers_ = 0;     // open lists and tables: their blocks are sentences of one paragraph
};

}  // namespace

bool IsSafeLinkTarget(std::string_view decoded_url) {
  std::string url;
  for (char c : decoded_url) {
    if (c != '\t' && c != '\n' && c != '\r') url += c;
  }
  size_t b = 0;
  while (b < url.size() && static_cast<unsigned char>(url[b]) <= 0x20) ++b;
  url.erase(0, b);
  if (url.empty()) return false;
  // Any other control character left inside is suspicious in a link written by a person.
  if (std::any_of(url.begin(), url.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7F;
      })) {
    return false;
  }
  const size_t end = url.find_first_of(":/?#");
  if (end == std::string::npos || url[end] != ':') return true;  // relative: no scheme
  std::string scheme = url.substr(0, end);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return scheme == "http" || scheme == "https" || scheme == "mailto";
}

std::string RenderMarkdown(std::string_view markdown) {
  Writer writer;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
    return static_cast<Writer*>(u)->EnterBlock(t, d);
  };
  parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) {
    return static_cast<Writer*>(u)->LeaveBlock(t, d);
  };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) {
    return static_cast<Writer*>(u)->EnterSpan(t, d);
  };
  parser.leave_span = [](MD_SPANTYPE t, void*, void* u) {
    return static_cast<Writer*>(u)->LeaveSpan(t);
  };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* text, MD_SIZE size, void* u) {
    return static_cast<Writer*>(u)->Text(t, std::string_view(text, size));
  };
  // md_parse fails only when out of memory or when a callback stops it (ours never do); then
  // nothing half-written is shown.
  if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &writer) != 0)
    return "";
  return std::move(writer.out);
}

std::vector<std::string> MarkdownParagraphs(std::string_view markdown) {
  PlainWriter writer;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
  parser.enter_block = [](MD_BLOCKTYPE t, void*, void* u) {
    return static_cast<PlainWriter*>(u)->EnterBlock(t);
  };
  parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) {
    return static_cast<PlainWriter*>(u)->LeaveBlock(t);
  };
  parser.enter_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* text, MD_SIZE size, void* u) {
    return static_cast<PlainWriter*>(u)->Text(t, std::string_view(text, size));
  };
  if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &writer) != 0)
    return {};
  return std::move(writer.out);
}

}  // namespace tilti::web
