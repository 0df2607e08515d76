#pragma once
// A small reader for comma- (or tab-) separated text as RFC 4180 describes it: fields may be
// quoted with '"', a quoted field may hold the delimiter, line breaks and doubled quotes ("").
// Records end with LF or CRLF; the last record may lack one. A UTF-8 byte-order mark at the start
// is skipped, and blank lines are skipped (they hold no record in any file we read).
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace tilti::directory {

struct CsvOptions {
  char delimiter = ',';
  // false: '"' is an ordinary character (GeoNames dumps are tab-separated and never quote).
  bool quoting = true;
};

struct CsvRow {
  int line = 0;  // 1-based line of the text on which the record starts
  std::vector<std::string> fields;
};

// Splits `text` into records. Errors (kInvalidInput) say "line N: ..." for an unterminated
// quoted field, a character after a closing quote, or a quote inside an unquoted field; the
// caller prefixes the file name.
Result<std::vector<CsvRow>> ParseCsv(std::string_view text, const CsvOptions& options = {});

}  // namespace tilti::directory
