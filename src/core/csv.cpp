#include "core/csv.h"

namespace tilti {

std::string CsvField(std::string_view value) {
  std::string v;
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                         value[0] == '@' || value[0] == '\t' || value[0] == '\r')) {
    v += '\'';
  }
  v += value;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string quoted = "\"";
  for (char c : v) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string CsvRecord(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += CsvField(fields[i]);
  }
  return out + "\r\n";
}

}  // namespace tilti
