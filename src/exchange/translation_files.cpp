#include "exchange/translation_files.h"
#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>

#include "exchange/xml_text.h"

namespace tilti::exchange {
namespace {

// Decodes one UTF-8 code point at s[i]; returns its length, 0 when invalid (overlong forms,
// surrogates and values above U+10FFFF are invalid).
size_t Utf8Length(std::string_view s, size_t i, uint32_t* cp) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  size_t n;
  uint32_t v;
  if (c < 0x80) {
    *cp = c;
    return 1;
  } else if ((c & 0xE0) == 0xC0) {
    n = 2, v = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3, v = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4, v = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b(k) & 0x3F);
  }
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return n;
}

// The 1-based line of the first invalid UTF-8 byte, 0 when the text is valid.
int InvalidUtf8Line(std::string_view s) {
  int line = 1;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    size_t n = Utf8Length(s, i, &cp);
    if (n == 0) return line;
    if (cp == '\n') ++line;
    i += n;
  }
  return 0;
}

std::string_view StripBom(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

// ---- PO ----

std::string PoQuote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          static constexpr char kOct[] = "01234567";
          out += '\\';
          out += kOct[(c >> 6) & 7];
          out += kOct[(c >> 3) & 7];
          out += kOct[c & 7];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// The text of a quoted string without its quotes (for comments and the header).
std::string PoEscape(std::string_view s) {
  std::string q = PoQuote(s);
  return q.substr(1, q.size() - 2);
}

// keyword "text" on one line, or, for a text with line breaks, keyword "" and one quoted line
// per line of the text (as msgmerge writes them).
void PoField(std::string& out, std::string_view keyword, std::string_view text) {
  out += keyword;
  const size_t nl = text.find('\n');
  if (nl == std::string_view::npos || nl + 1 == text.size()) {
    out += ' ' + PoQuote(text) + '\n';
    return;
  }
  out += " \"\"\n";
  while (!text.empty()) {
    size_t end = text.find('\n');
    end = end == std::string_view::npos ? text.size() : end + 1;
    out += PoQuote(text.substr(0, end)) + '\n';
    text.remove_prefix(end);
  }
}

// Reads one quoted PO string ("..." possibly followed by blanks); false when malformed.
bool PoUnquote(std::string_view s, std::string& out, std::string* why) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') {
    *why = "a string must be in double quotes";
    return false;
  }
  s = s.substr(1, s.size() - 2);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') {
      *why = "unescaped double quote";
      return false;
    }
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i == s.size()) {
      *why = "backslash at the end of a string";
      return false;
    }
    switch (s[i]) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '"': out += '"'; break;
      case '\'': out += '\''; break;
      case '?': out += '?'; break;
      case 'x': {
        int v = 0, digits = 0;
        while (i + 1 < s.size() && digits < 2 && std::isxdigit(static_cast<unsigned char>(s[i + 1]))) {
          char h = s[++i];
          v = v * 16 + (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (h | 0x20) - 'a' + 10);
          ++digits;
        }
        if (digits == 0) {
          *why = "\\x without hex digits";
          return false;
        }
        out += static_cast<char>(v);
        break;
      }
      default:
        if (s[i] >= '0' && s[i] <= '7') {
          int v = s[i] - '0', digits = 1;
          while (i + 1 < s.size() && digits < 3 && s[i + 1] >= '0' && s[i + 1] <= '7') {
            v = v * 8 + (s[++i] - '0');
            ++digits;
          }
          if (v > 255) {
            *why = "octal escape out of range";
            return false;
          }
          out += static_cast<char>(v);
          break;
        }
        *why = std::string("unknown escape \\") + s[i];
        return false;
    }
  }
  return true;
}

std::string HeaderLanguage(std::string_view header) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find('\n', pos);
    if (end == std::string_view::npos) end = header.size();
    std::string_view line = header.substr(pos, end - pos);
    if (line.starts_with("Language:")) {
      line.remove_prefix(9);
      while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
      return std::string(line);
    }
    pos = end + 1;
  }
  return "";
}

// ---- XML ----


// A small pull reader for the XLIFF subset: elements, attributes, text, CDATA, comments,
// processing instructions. A DOCTYPE (and with it every entity definition) is refused.
class XmlReader {
 public:
  enum class Token { kStart, kEnd, kText, kEof, kError };
  explicit XmlReader(std::string_view s) : s_(s) {}

  Token Next() {
    if (pending_end_) {
      pending_end_ = false;
      return Token::kEnd;
    }
    token_line_ = LineAt(i_);
    if (i_ >= s_.size()) return Token::kEof;
    if (s_[i_] != '<') return Text();
    if (s_.substr(i_).starts_with("<!--")) {
      size_t end = s_.find("-->", i_ + 4);
      if (end == std::string_view::npos) return Fail("unterminated comment");
      i_ = end + 3;
      return Next();
    }
    if (s_.substr(i_).starts_with("<![CDATA[")) {
      size_t end = s_.find("]]>", i_ + 9);
      if (end == std::string_view::npos) return Fail("unterminated CDATA section");
      text_ = std::string(s_.substr(i_ + 9, end - i_ - 9));
      i_ = end + 3;
      return Token::kText;
    }
    if (s_.substr(i_).starts_with("<!")) return Fail("DOCTYPE and declarations are not accepted");
    if (s_.substr(i_).starts_with("<?")) {
      size_t end = s_.find("?>", i_ + 2);
      if (end == std::string_view::npos) return Fail("unterminated processing instruction");
      i_ = end + 2;
      return Next();
    }
    if (s_.substr(i_).starts_with("</")) {
      i_ += 2;
      std::string name = Name();
      SkipBlanks();
      if (name.empty() || i_ >= s_.size() || s_[i_] != '>') return Fail("malformed end tag");
      ++i_;
      if (stack_.empty() || stack_.back() != name) {
        return Fail("end tag </" + name + "> does not match");
      }
      name_ = name;
      stack_.pop_back();
      return Token::kEnd;
    }
    ++i_;
    name_ = Name();
    if (name_.empty()) return Fail("malformed start tag");
    attributes_.clear();
    for (;;) {
      SkipBlanks();
      if (i_ >= s_.size()) return Fail("unterminated start tag");
      if (s_[i_] == '>') {
        ++i_;
        break;
      }
      if (s_.substr(i_).starts_with("/>")) {
        i_ += 2;
        pending_end_ = true;
        break;
      }
      std::string attr = Name();
      SkipBlanks();
      if (attr.empty() || i_ >= s_.size() || s_[i_] != '=') return Fail("malformed attribute");
      ++i_;
      SkipBlanks();
      if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) {
        return Fail("attribute value without quotes");
      }
      const char quote = s_[i_++];
      size_t end = s_.find(quote, i_);
      if (end == std::string_view::npos) return Fail("unterminated attribute value");
      std::string value;
      std::string_view raw = s_.substr(i_, end - i_);
      if (raw.find('<') != std::string_view::npos) return Fail("'<' in an attribute value");
      if (!Decode(raw, value)) return Token::kError;
      for (const auto& a : attributes_) {
        if (a.first == attr) return Fail("attribute " + attr + " twice");
      }
      attributes_.emplace_back(std::move(attr), std::move(value));
      i_ = end + 1;
    }
    if (stack_.size() >= 32) return Fail("nested too deeply");
    if (!pending_end_) stack_.push_back(name_);
    return Token::kStart;
  }

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  const std::string& error() const { return error_; }
  int line() const { return token_line_; }
  bool AtRoot() const { return stack_.empty(); }
  std::string Attr(std::string_view name) const {
    for (const auto& [n, v] : attributes_) {
      if (n == name) return v;
    }
    return "";
  }

 private:
  Token Text() {
    size_t end = s_.find('<', i_);
    if (end == std::string_view::npos) end = s_.size();
    text_.clear();
    std::string_view raw = s_.substr(i_, end - i_);
    if (raw.find("]]>") != std::string_view::npos) return Fail("']]>' in text");
    if (!Decode(raw, text_)) return Token::kError;
    i_ = end;
    return Token::kText;
  }

  // Replaces the five entities and character references; anything else is an error.
  bool Decode(std::string_view raw, std::string& out) {
    for (size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '\r') {
        // XML line-end normalisation: CR LF and lone CR read as LF.
        out += '\n';
        if (k + 1 < raw.size() && raw[k + 1] == '\n') ++k;
        continue;
      }
      if (raw[k] != '&') {
        out += raw[k];
        continue;
      }
      size_t semi = raw.find(';', k);
      if (semi == std::string_view::npos || semi - k > 12) {
        Fail("'&' that starts no entity");
        return false;
      }
      std::string_view ent = raw.substr(k + 1, semi - k - 1);
      if (ent == "lt") out += '<';
      else if (ent == "gt") out += '>';
      else if (ent == "amp") out += '&';
      else if (ent == "quot") out += '"';
      else if (ent == "apos") out += '\'';
      else if (ent.starts_with("#")) {
        uint32_t cp = 0;
        const bool hex = ent.size() > 1 && (ent[1] == 'x');
        std::string_view digits = ent.substr(hex ? 2 : 1);
        if (digits.empty()) {
          Fail("empty character reference");
          return false;
        }
        for (char d : digits) {
          int v;
          if (d >= '0' && d <= '9') v = d - '0';
          else if (hex && (d | 0x20) >= 'a' && (d | 0x20) <= 'f') v = (d | 0x20) - 'a' + 10;
          else {
            Fail("malformed character reference");
            return false;
          }
          cp = cp * (hex ? 16 : 10) + v;
          if (cp > 0x10FFFF) break;
        }
        const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                             (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!allowed) {
          Fail("character reference to a character XML does not allow");
          return false;
        }
        AppendUtf8(out, cp);
      } else {
        Fail("unknown entity &" + std::string(ent) + ";");
        return false;
      }
      k = semi;
    }
    return true;
  }

  std::string Name() {
    size_t start = i_;
    while (i_ < s_.size()) {
      unsigned char c = s_[i_];
      if (std::isalnum(c) || c == ':' || c == '-' || c == '_' || c == '.' || c >= 0x80) {
        ++i_;
      } else {
        break;
      }
    }
    return std::string(s_.substr(start, i_ - start));
  }

  void SkipBlanks() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) {
      ++i_;
    }
  }

  Token Fail(std::string why) {
    if (error_.empty()) {
      error_ = std::move(why);
      token_line_ = LineAt(i_);
    }
    return Token::kError;
  }

  // Lines are counted incrementally: positions only move forward.
  int LineAt(size_t pos) {
    pos = std::min(pos, s_.size());
    while (line_pos_ < pos) {
      if (s_[line_pos_++] == '\n') ++line_;
    }
    return line_;
  }

  std::string_view s_;
  size_t i_ = 0;
  size_t line_pos_ = 0;
  int line_ = 1;
  int token_line_ = 1;
  bool pending_end_ = false;
  std::string name_, text_, error_;
  std::vector<std::pair<std::string, std::string>> attributes_;
  std::vector<std::string> stack_;
};

void AddUnit(TranslationFile& file, std::set<std::string>& keys, TranslationUnit unit,
             std::string_view key) {
  if (!SplitUnitKey(key, unit)) {
    file.problems.push_back({unit.line, FileProblemKind::kMissingKey,
                             "no usable key (entity/id/field): '" + std::string(key) + "'"});
    return;
  }
  if (!keys.insert(std::string(key)).second) {
    file.problems.push_back({unit.line, FileProblemKind::kDuplicate,
                             "the key " + std::string(key) + " appears twice"});
    return;
  }
  if (file.units.size() >= kMaxUnits) {
    if (file.units.size() == kMaxUnits) {
      file.problems.push_back({unit.line, FileProblemKind::kTooManyUnits, "too many entries"});
    }
    return;
  }
  file.units.push_back(std::move(unit));
}

}  // namespace

std::string UnitKey(const TranslationUnit& unit) {
  return unit.entity + "/" + unit.id + "/" + unit.field;
}

bool SplitUnitKey(std::string_view key, TranslationUnit& unit) {
  const size_t first = key.find('/');
  const size_t last = key.rfind('/');
  if (first == std::string_view::npos || first == last || first == 0 ||
      last + 1 == key.size() || last == first + 1) {
    return false;
  }
  unit.entity = std::string(key.substr(0, first));
  unit.id = std::string(key.substr(first + 1, last - first - 1));
  unit.field = std::string(key.substr(last + 1));
  return true;
}

size_t MaxTextLength(std::string_view field) {
  return field == "name" ? 300 : field == "title" ? 200 : field == "accessibility_note" ? 1000 : 5000;
}

std::optional<TextProblem> CheckTranslationText(std::string_view field, std::string_view text) {
  size_t count = 0;
  const bool multi_line = field != "name" && field != "title";
  for (size_t i = 0; i < text.size();) {
    uint32_t cp;
    size_t n = Utf8Length(text, i, &cp);
    if (n == 0) return TextProblem::kInvalidUtf8;
    const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
    if (control && !(multi_line && (cp == '\n' || cp == '\r' || cp == '\t'))) {
      return TextProblem::kControlCharacter;
    }
    ++count;
    i += n;
  }
  if (count > MaxTextLength(field)) return TextProblem::kTooLong;
  return std::nullopt;
}

std::string WritePo(const std::vector<TranslationUnit>& units, std::string_view target_locale) {
  std::string out =
      "# Tilti: texts waiting for translation. Fill in each msgstr; remove the \"fuzzy\" flag\n"
      "# once an outdated translation is right again. Do not change msgctxt or msgid.\n"
      "msgid \"\"\n"
      "msgstr \"\"\n"
      "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
      "\"Content-Transfer-Encoding: 8bit\\n\"\n";
  out += "\"Language: " + PoEscape(target_locale) + "\\n\"\n";
  for (const TranslationUnit& u : units) {
    out += "\n#. source: " + PoEscape(u.source_locale) + "\n";
    if (u.fuzzy) out += "#, fuzzy\n";
    PoField(out, "msgctxt", UnitKey(u));
    PoField(out, "msgid", u.source);
    PoField(out, "msgstr", u.target);
  }
  return out;
}

std::string WriteXliff(const std::vector<TranslationUnit>& units,
                       std::string_view target_locale) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n";
  // One <file> per source language, in order of first appearance.
  std::vector<std::string> sources;
  for (const auto& u : units) {
    bool seen = false;
    for (const auto& s : sources) seen = seen || s == u.source_locale;
    if (!seen) sources.push_back(u.source_locale);
  }
  if (sources.empty()) sources.push_back("lv");
  const std::string target = XmlEscape(target_locale);
  for (const std::string& source : sources) {
    out += "<file original=\"tilti\" datatype=\"plaintext\" source-language=\"" +
           XmlEscape(source) + "\" target-language=\"" + target + "\">\n<body>\n";
    for (const auto& u : units) {
      if (u.source_locale != source) continue;
      out += "<trans-unit id=\"" + XmlEscape(UnitKey(u)) + "\" xml:space=\"preserve\">\n";
      out += "<source xml:lang=\"" + XmlEscape(source) + "\">" + XmlEscape(u.source) +
             "</source>\n";
      out += "<target xml:lang=\"" + target + "\" state=\"" +
             (u.fuzzy ? "needs-review-translation" : "needs-translation") + "\">" +
             XmlEscape(u.target) + "</target>\n";
      out += "</trans-unit>\n";
    }
    out += "</body>\n</file>\n";
  }
  out += "</xliff>\n";
  return out;
}

TranslationFile ReadPo(std::string_view content) {
  TranslationFile file;
  content = StripBom(content);
  if (int bad = InvalidUtf8Line(content)) {
    file.problems.push_back({bad, FileProblemKind::kMalformed, "not UTF-8"});
    return file;
  }
  std::set<std::string> keys;
  struct Entry {
    int line = 0;
    bool fuzzy = false, has_ctxt = false, has_id = false, has_str = false, obsolete = false;
    std::string source_locale, ctxt, id, str;
  } e;
  std::string* current = nullptr;  // the string continuation lines append to
  bool header_seen = false;
  auto finish = [&]() {
    if (e.line == 0) return;
    if (!e.has_id || !e.has_str) {
      file.problems.push_back({e.line, FileProblemKind::kMalformed, "entry without msgid or msgstr"});
    } else if (!e.has_ctxt && e.id.empty()) {
      if (header_seen) {
        file.problems.push_back({e.line, FileProblemKind::kDuplicate, "a second header"});
      }
      header_seen = true;
      file.target_locale = HeaderLanguage(e.str);
    } else if (!e.has_ctxt) {
      file.problems.push_back({e.line, FileProblemKind::kMissingKey, "entry without msgctxt"});
    } else {
      TranslationUnit u;
      u.line = e.line;
      u.source_locale = e.source_locale;
      u.source = e.id;
      u.target = e.str;
      u.fuzzy = e.fuzzy;
      AddUnit(file, keys, std::move(u), e.ctxt);
    }
    e = Entry();
    current = nullptr;
  };
  int line_no = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t lead = line.find_first_not_of(" \t");
    if (lead == std::string_view::npos) {
      if (end == content.size()) break;
      continue;
    }
    line.remove_prefix(lead);
    std::string why;
    if (line.starts_with("#")) {
      if (e.has_str) finish();
      if (line.starts_with("#~")) continue;  // obsolete entries are left out
      if (e.line == 0) e.line = line_no;
      if (line.starts_with("#,") && line.find("fuzzy") != std::string_view::npos) e.fuzzy = true;
      if (line.starts_with("#. source: ")) e.source_locale = std::string(line.substr(11));
      current = nullptr;
    } else if (line.starts_with("\"")) {
      if (current == nullptr) {
        file.problems.push_back({line_no, FileProblemKind::kMalformed, "a string outside an entry"});
      } else if (!PoUnquote(line, *current, &why)) {
        file.problems.push_back({line_no, FileProblemKind::kMalformed, why});
      }
    } else {
      size_t space = line.find_first_of(" \t");
      std::string_view keyword = line.substr(0, space);
      std::string_view rest = space == std::string_view::npos ? "" : line.substr(space + 1);
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
      // A new entry starts with msgctxt, or with msgid when the current one has its msgid.
      if ((keyword == "msgctxt" && (e.has_id || e.has_ctxt)) || (keyword == "msgid" && e.has_id)) {
        finish();
      }
      if (e.line == 0) e.line = line_no;
      if (keyword == "msgctxt") {
        e.has_ctxt = true;
        current = &e.ctxt;
      } else if (keyword == "msgid") {
        e.has_id = true;
        current = &e.id;
      } else if (keyword == "msgstr") {
        if (!e.has_id || e.has_str) {
          file.problems.push_back({line_no, FileProblemKind::kMalformed, "msgstr out of place"});
        }
        e.has_str = true;
        current = &e.str;
      } else if (keyword == "msgid_plural" || keyword.starts_with("msgstr[")) {
        file.problems.push_back({line_no, FileProblemKind::kUnsupported, "plural forms"});
        current = nullptr;
        continue;
      } else {
        file.problems.push_back({line_no, FileProblemKind::kMalformed,
                                 "unknown line: " + std::string(line.substr(0, 40))});
        current = nullptr;
        continue;
      }
      if (!PoUnquote(rest, *current, &why)) {
        file.problems.push_back({line_no, FileProblemKind::kMalformed, why});
      }
    }
    if (end == content.size()) break;
  }
  finish();
  if (file.target_locale.empty() && file.problems.empty()) {
    file.problems.push_back({1, FileProblemKind::kNoLanguage, "no Language header"});
  }
  return file;
}

TranslationFile ReadXliff(std::string_view content) {
  TranslationFile file;
  content = StripBom(content);
  if (int bad = InvalidUtf8Line(content)) {
    file.problems.push_back({bad, FileProblemKind::kMalformed, "not UTF-8"});
    return file;
  }
  XmlReader xml(content);
  std::set<std::string> keys;
  bool in_unit = false, root_seen = false;
  enum class In { kNone, kSource, kTarget } in = In::kNone;
  TranslationUnit unit;
  std::string key, file_source;
  for (;;) {
    XmlReader::Token t = xml.Next();
    if (t == XmlReader::Token::kEof) break;
    if (t == XmlReader::Token::kError) {
      file.problems.push_back({xml.line(), FileProblemKind::kMalformed, xml.error()});
      return file;
    }
    if (t == XmlReader::Token::kText) {
      if (in == In::kSource) unit.source += xml.text();
      else if (in == In::kTarget) unit.target += xml.text();
      else if (xml.AtRoot() && xml.text().find_first_not_of(" \t\r\n") != std::string::npos) {
        file.problems.push_back({xml.line(), FileProblemKind::kMalformed, "text outside <xliff>"});
        return file;
      }
      continue;
    }
    const std::string& name = xml.name();
    if (t == XmlReader::Token::kStart) {
      if (in != In::kNone) {
        file.problems.push_back({xml.line(), FileProblemKind::kUnsupported,
                                 "markup <" + name + "> inside a text"});
        continue;
      }
      if (!root_seen) {
        root_seen = true;
        if (name != "xliff") {
          file.problems.push_back({xml.line(), FileProblemKind::kMalformed, "not an XLIFF file"});
          return file;
        }
        if (xml.Attr("version") != "1.2") {
          file.problems.push_back({xml.line(), FileProblemKind::kUnsupported,
                                   "only XLIFF 1.2 is read"});
          return file;
        }
      } else if (name == "file") {
        const std::string target = xml.Attr("target-language");
        if (!target.empty() && !file.target_locale.empty() && target != file.target_locale) {
          file.problems.push_back({xml.line(), FileProblemKind::kMalformed,
                                   "files for two target languages"});
        }
        if (!target.empty()) file.target_locale = target;
        file_source = xml.Attr("source-language");
      } else if (name == "trans-unit") {
        in_unit = true;
        unit = TranslationUnit();
        unit.line = xml.line();
        unit.source_locale = file_source;
        key = xml.Attr("id");
      } else if (in_unit && name == "source") {
        in = In::kSource;
        if (!xml.Attr("xml:lang").empty()) unit.source_locale = xml.Attr("xml:lang");
      } else if (in_unit && name == "target") {
        in = In::kTarget;
        unit.fuzzy = xml.Attr("state").starts_with("needs-review");
      }
    } else {  // kEnd
      if (name == "source" || name == "target") {
        in = In::kNone;
      } else if (name == "trans-unit" && in_unit) {
        in_unit = false;
        AddUnit(file, keys, std::move(unit), key);
      }
    }
  }
  if (!root_seen) {
    file.problems.push_back({1, FileProblemKind::kMalformed, "no XLIFF document"});
  } else if (!xml.AtRoot()) {
    file.problems.push_back({xml.line(), FileProblemKind::kMalformed, "the document ends early"});
  } else if (file.target_locale.empty()) {
    file.problems.push_back({1, FileProblemKind::kNoLanguage, "no target-language"});
  }
  return file;
}

TranslationFile ReadTranslationFile(std::string_view content) {
  std::string_view s = StripBom(content);
  size_t first = s.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && s[first] == '<') return ReadXliff(content);
  return ReadPo(content);
}

}  // namespace tilti::exchange
