#include "directory/csv.h"

namespace tilti::directory {
namespace {

Error CsvError(int line, std::string_view what) {
  return Error{
      ErrorCode::kInvalidInput, "line " + std::to_string(line) + ": " + std::string(what), {}};
}

}  // namespace

Result<std::vector<CsvRow>> ParseCsv(std::string_view text, const CsvOptions& options) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<CsvRow> rows;
  const char delim = options.delimiter;
  size_t i = 0;
  int line = 1;
  const size_t n = text.size();
  auto at_line_end = [&](size_t k) {
    return text[k] == '\n' || (text[k] == '\r' && k + 1 < n && text[k + 1] == '\n');
  };
  auto skip_line_end = [&](size_t& k) {
    k += text[k] == '\r' ? 2 : 1;
    ++line;
  };
  while (i < n) {
    if (at_line_end(i)) {  // a blank line
      skip_line_end(i);
      continue;
    }
    CsvRow row;
    row.line = line;
    while (true) {  // one field per iteration
      std::string field;
      if (options.quoting && i < n && text[i] == '"') {
        const int opened_on = line;
        ++i;
        while (true) {
          if (i >= n) return CsvError(opened_on, "unterminated quoted field");
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (c == '\n') ++line;
          field += c;
          ++i;
        }
        if (i < n && text[i] != delim && !at_line_end(i)) {
          return CsvError(line, "unexpected character after a closing quote");
        }
      } else {
        size_t start = i;
        while (i < n && text[i] != delim && !at_line_end(i)) {
          if (options.quoting && text[i] == '"') {
            return CsvError(line, "quote inside an unquoted field");
          }
          ++i;
        }
        field.assign(text.substr(start, i - start));
      }
      row.fields.push_back(std::move(field));
      if (i < n && text[i] == delim) {
        ++i;
        continue;  // another field follows, possibly empty at the end of the line
      }
      if (i < n) skip_line_end(i);
      break;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace tilti::directory
