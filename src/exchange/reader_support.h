#pragma once
// What the library-list readers share: finding columns by their header, reading numbers and
// coordinates strictly, turning Windows-1252 bytes into UTF-8, and the checks every record
// passes before it is accepted. Internal to src/exchange.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directory/csv.h"
#include "exchange/library_record.h"

namespace tilti::exchange {

// The header row of a CSV file: column name -> index.
class Columns {
 public:
  // Fails (a RowIssue for line 1) naming every column of `required` the header lacks.
  static std::optional<Columns> FromHeader(const directory::CsvRow& header,
                                           const std::vector<std::string_view>& required,
                                           std::vector<RowIssue>& errors);
  // The trimmed value of `column` in `row`; "" when the row is shorter or the column unknown.
  std::string Get(const directory::CsvRow& row, std::string_view column) const;
  // As Get, but nullopt for an empty value.
  std::optional<std::string> Optional(const directory::CsvRow& row, std::string_view column) const;

 private:
  std::map<std::string, size_t, std::less<>> index_;
};

// Windows-1252 to UTF-8. The five bytes the code page leaves undefined (0x81, 0x8D, 0x8F,
// 0x90, 0x9D) become U+FFFD.
std::string Windows1252ToUtf8(std::string_view bytes);

// True when `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// A decimal number, the whole text ("51.53", "-0.08"); nullopt otherwise.
std::optional<double> ParseDecimal(std::string_view text);

// Reads a latitude/longitude pair into `record`. Both empty: no coordinates. Otherwise both
// must be numbers in range (-90..90, -180..180), else an error for the record's line.
void ReadCoordinates(std::string_view latitude, std::string_view longitude, LibraryRecord& record,
                     std::vector<RowIssue>& errors);

// "www.example.org/x" -> "http://www.example.org/x"; "http(s)://..." unchanged; anything with
// a space or without a dot -> nullopt (not a web address).
std::optional<std::string> NormaliseWebsite(std::string_view text);

// Text that looks like an e-mail address (one @, a dot after it, no spaces); nullopt otherwise.
std::optional<std::string> NormaliseEmail(std::string_view text);

// The checks every reader applies last: a name, a source and an external id, valid UTF-8 in
// every text, and an external id not seen before in the same file. Adds errors and returns
// false when the record must not be imported.
class RecordChecker {
 public:
  bool Accept(const LibraryRecord& record, std::vector<RowIssue>& errors);

 private:
  std::map<std::string, int, std::less<>> seen_;  // external id -> first line
};

// Splits the source file into CSV rows; a syntax error becomes one RowIssue.
std::optional<std::vector<directory::CsvRow>> SplitCsv(std::string_view text,
                                                       std::vector<RowIssue>& errors);

}  // namespace tilti::exchange
