#include "web/i18n_po.h"

#include <optional>
#include <utility>

namespace tilti::web::i18n {
namespace {

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

std::string_view Trim(std::string_view s) {
  s = TrimLeft(s);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

class Parser {
 public:
  Parser(std::string_view path, std::string_view bytes) : path_(path), bytes_(bytes) {}

  Result<std::vector<PoEntry>> Run() {
    if (bytes_.starts_with("\xEF\xBB\xBF")) bytes_.remove_prefix(3);
    while (!bytes_.empty()) {
      ++line_;
      size_t end = bytes_.find('\n');
      std::string_view raw = bytes_.substr(0, end);
      bytes_.remove_prefix(end == std::string_view::npos ? bytes_.size() : end + 1);
      if (raw.ends_with('\r')) raw.remove_suffix(1);
      if (auto error = Line(TrimLeft(raw))) return Fail(*error);
    }
    if (auto error = Flush()) return Fail(*error);
    return std::move(entries_);
  }

 private:
  enum class Field { kNone, kContext, kId, kStr };

  // Each step returns an error message, or nothing when the line was fine.
  std::optional<std::string> Line(std::string_view line) {
    if (line.empty()) return Flush();
    if (line.front() == '#') {
      // A comment belongs to the entry that follows it, so it ends the current one.
      if (field_ == Field::kStr) {
        if (auto error = Flush()) return error;
      }
      if (line.starts_with("#,") && line.find("fuzzy") != std::string_view::npos) {
        fuzzy_ = true;
      }
      return std::nullopt;
    }
    if (line.front() == '"') {
      if (field_ == Field::kNone) return "a string continuation without msgid or msgstr before it";
      return AppendString(line, Target());
    }
    size_t space = line.find_first_of(" \t");
    std::string_view keyword = line.substr(0, space);
    std::string_view rest = space == std::string_view::npos ? "" : TrimLeft(line.substr(space));
    if (keyword == "msgid_plural" || keyword.starts_with("msgstr[")) {
      return "gettext plural forms (" + std::string(keyword) +
             ") are not used; write plurals in MessageFormat inside msgstr";
    }
    if (keyword == "msgctxt") {
      if (field_ == Field::kStr) {
        if (auto error = Flush()) return error;
      }
      if (field_ != Field::kNone) return "msgctxt must come before msgid";
      field_ = Field::kContext;
      return ExpectString(rest, current_.context);
    }
    if (keyword == "msgid") {
      if (field_ == Field::kStr) {
        if (auto error = Flush()) return error;
      }
      if (field_ == Field::kId) return "msgid without msgstr";
      field_ = Field::kId;
      current_.id_line = line_;
      return ExpectString(rest, current_.id);
    }
    if (keyword == "msgstr") {
      if (field_ != Field::kId) return "msgstr without msgid before it";
      field_ = Field::kStr;
      current_.str_line = line_;
      return ExpectString(rest, current_.str);
    }
    return "unexpected text (expected msgid, msgstr, msgctxt, a quoted string or a # comment)";
  }

  std::string& Target() {
    switch (field_) {
      case Field::kContext:
        return current_.context;
      case Field::kId:
        return current_.id;
      default:
        return current_.str;
    }
  }

  std::optional<std::string> ExpectString(std::string_view rest, std::string& out) {
    if (rest.empty() || rest.front() != '"') return "expected a quoted string";
    return AppendString(rest, out);
  }

  // `s` starts with the opening quote.
  std::optional<std::string> AppendString(std::string_view s, std::string& out) {
    size_t i = 1;
    while (true) {
      if (i >= s.size()) return "unterminated string (missing closing \")";
      char c = s[i++];
      if (c == '"') break;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i >= s.size()) return "unterminated string (missing closing \")";
      char e = s[i++];
      switch (e) {
        case '"':
        case '\\':
          out += e;
          break;
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        default:
          return std::string("unknown escape \\") + e;
      }
    }
    if (!Trim(s.substr(i)).empty()) return "text after the closing quote";
    return std::nullopt;
  }

  std::optional<std::string> Flush() {
    if (field_ == Field::kNone) {
      // Flags written before a blank line still belong to the next entry, as in gettext.
      return std::nullopt;
    }
    if (field_ == Field::kContext) return "msgctxt without msgid";
    if (field_ == Field::kId) {
      line_of_error_ = current_.id_line;
      return "msgid without msgstr";
    }
    current_.fuzzy = fuzzy_;
    entries_.push_back(std::move(current_));
    current_ = PoEntry{};
    field_ = Field::kNone;
    fuzzy_ = false;
    return std::nullopt;
  }

  Error Fail(const std::string& what) {
    int line = line_of_error_ ? line_of_error_ : line_;
    return Error{ErrorCode::kInvalidInput,
                 std::string(path_) + ":" + std::to_string(line) + ": " + what,
                 {}};
  }

  std::string_view path_;
  std::string_view bytes_;  // what is left to read
  int line_ = 0;
  int line_of_error_ = 0;  // set when an error belongs to an earlier line than line_
  Field field_ = Field::kNone;
  bool fuzzy_ = false;
  PoEntry current_;
  std::vector<PoEntry> entries_;
};

}  // namespace

Result<std::vector<PoEntry>> ParsePo(std::string_view path, std::string_view bytes) {
  return Parser(path, bytes).Run();
}

}  // namespace tilti::web::i18n
