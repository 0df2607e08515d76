#include <algorithm>
#include <cctype>

#include "exchange/library_readers.h"
#include "exchange/reader_support.h"

namespace tilti::exchange {
namespace {

// The principal time zone of each state and territory the survey covers (states that span two
// zones get the one most of their people live in).
constexpr std::pair<std::string_view, std::string_view> kStateZones[] = {
    {"AK", "America/Anchorage"}, {"AL", "America/Chicago"},     {"AR", "America/Chicago"},
    {"AS", "Pacific/Pago_Pago"}, {"AZ", "America/Phoenix"},     {"CA", "America/Los_Angeles"},
    {"CO", "America/Denver"},    {"CT", "America/New_York"},    {"DC", "America/New_York"},
    {"DE", "America/New_York"},  {"FL", "America/New_York"},    {"GA", "America/New_York"},
    {"GU", "Pacific/Guam"},      {"HI", "Pacific/Honolulu"},    {"IA", "America/Chicago"},
    {"ID", "America/Boise"},     {"IL", "America/Chicago"},     {"IN", "America/Indiana/Indianapolis"},
    {"KS", "America/Chicago"},   {"KY", "America/New_York"},    {"LA", "America/Chicago"},
    {"MA", "America/New_York"},  {"MD", "America/New_York"},    {"ME", "America/New_York"},
    {"MI", "America/Detroit"},   {"MN", "America/Chicago"},     {"MO", "America/Chicago"},
    {"MP", "Pacific/Saipan"},    {"MS", "America/Chicago"},     {"MT", "America/Denver"},
    {"NC", "America/New_York"},  {"ND", "America/Chicago"},     {"NE", "America/Chicago"},
    {"NH", "America/New_York"},  {"NJ", "America/New_York"},    {"NM", "America/Denver"},
    {"NV", "America/Los_Angeles"}, {"NY", "America/New_York"},  {"OH", "America/New_York"},
    {"OK", "America/Chicago"},   {"OR", "America/Los_Angeles"}, {"PA", "America/New_York"},
    {"PR", "America/Puerto_Rico"}, {"RI", "America/New_York"},  {"SC", "America/New_York"},
    {"SD", "America/Chicago"},   {"TN", "America/Chicago"},     {"TX", "America/Chicago"},
    {"UT", "America/Denver"},    {"VA", "America/New_York"},    {"VI", "America/St_Thomas"},
    {"VT", "America/New_York"},  {"WA", "America/Los_Angeles"}, {"WI", "America/Chicago"},
    {"WV", "America/New_York"},  {"WY", "America/Denver"},
};

std::optional<std::string_view> ZoneOfState(std::string_view state) {
  for (const auto& [code, zone] : kStateZones) {
    if (code == state) return zone;
  }
  return std::nullopt;
}

// IMLS writes missing or not-applicable values as negative codes (-1, -3, -4, -9).
std::optional<std::string> Present(std::optional<std::string> value) {
  if (value && value->starts_with('-')) return std::nullopt;
  return value;
}

bool AllDigits(std::string_view s, size_t n) {
  return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "9072355692" -> "+1 907-235-5692"; anything else as given.
std::string FormatPhone(const std::string& digits) {
  if (!AllDigits(digits, 10)) return digits;
  return "+1 " + digits.substr(0, 3) + "-" + digits.substr(3, 3) + "-" + digits.substr(6);
}

}  // namespace

ReadResult ReadImlsCsv(std::string_view bytes) {
  ReadResult result;
  std::string text = Windows1252ToUtf8(bytes);
  auto rows = SplitCsv(text, result.errors);
  if (!rows) return result;
  auto columns = Columns::FromHeader(
      rows->front(),
      {"STABR", "FSCSKEY", "FSCS_SEQ", "LIBNAME", "ADDRESS", "CITY", "ZIP", "ZIP4", "CNTY",
       "PHONE", "C_OUT_TY", "LONGITUD", "LATITUDE"},
      result.errors);
  if (!columns) return result;
  RecordChecker checker;
  for (size_t i = 1; i < rows->size(); ++i) {
    const directory::CsvRow& row = (*rows)[i];
    std::string type = columns->Get(row, "C_OUT_TY");
    if (type == "BS" || type == "MO") {  // bookmobile, books-by-mail: no place to visit
      ++result.skipped;
      continue;
    }
    LibraryRecord r;
    r.line = row.line;
    r.source = "us-imls";
    std::string key = columns->Get(row, "FSCSKEY"), seq = columns->Get(row, "FSCS_SEQ");
    if (!key.empty() && !seq.empty()) r.external_id = key + "-" + seq;
    r.name = columns->Get(row, "LIBNAME");
    r.locale = "en";
    r.country = "US";
    std::string state = columns->Get(row, "STABR");
    auto zone = ZoneOfState(state);
    if (!zone) {
      result.errors.push_back({r.line, "unknown state or territory code '" + state + "'"});
      continue;
    }
    r.time_zone = std::string(*zone);
    r.region = state;
    r.address_1 = Present(columns->Optional(row, "ADDRESS"));
    r.city = Present(columns->Optional(row, "CITY"));
    std::string zip = columns->Get(row, "ZIP"), zip4 = columns->Get(row, "ZIP4");
    if (AllDigits(zip, 5)) r.postal_code = AllDigits(zip4, 4) ? zip + "-" + zip4 : zip;
    if (auto phone = Present(columns->Optional(row, "PHONE"))) r.phone = FormatPhone(*phone);
    size_t before = result.errors.size();
    ReadCoordinates(columns->Get(row, "LATITUDE"), columns->Get(row, "LONGITUD"), r,
                    result.errors);
    if (result.errors.size() != before) continue;
    if (checker.Accept(r, result.errors)) result.records.push_back(std::move(r));
  }
  return result;
}

}  // namespace tilti::exchange
