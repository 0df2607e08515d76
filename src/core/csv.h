#pragma once
// Writing CSV (RFC 4180) for spreadsheets: every field quoted when it needs to be, and a field
// a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return,
// OWASP "CSV injection") is neutralised with a leading apostrophe.
#include <string>
#include <string_view>
#include <vector>

namespace tilti {

// One field, neutralised and quoted as needed.
std::string CsvField(std::string_view value);

// One record: the fields joined by commas, ended by CRLF.
std::string CsvRecord(const std::vector<std::string>& fields);

}  // namespace tilti
