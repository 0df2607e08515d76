#include "exchange/library_readers.h"
#include "exchange/reader_support.h"

namespace tilti::exchange {
namespace {

constexpr std::string_view kDays[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};

// "10:00-13:00,14:00-17:00" on ISO weekday `weekday` into `out`; false if any part is not a
// range of two clock times with the closing after the opening.
bool ReadDay(std::string_view text, int weekday, std::vector<directory::Period>& out) {
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view range = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    size_t dash = range.find('-');
    if (dash == std::string_view::npos) return false;
    auto opens = directory::ParseClockTime(range.substr(0, dash));
    auto closes = directory::ParseClockTime(range.substr(dash + 1));
    if (!opens || !closes) return false;
    if (*closes == 0) closes = directory::kMinutesPerDay;  // "10:00-00:00": until midnight
    auto period = directory::MakePeriod(weekday, *opens, *closes);
    if (!period.ok()) return false;
    out.push_back(period.value());
  }
  return true;
}

}  // namespace

ReadResult ReadUkCsv(std::string_view bytes) {
  ReadResult result;
  auto rows = SplitCsv(bytes, result.errors);
  if (!rows) return result;
  std::vector<std::string_view> required = {"Local authority", "Library name", "Address 1",
                                            "Address 2", "Address 3", "Postcode",
                                            "Unique property reference number", "Year closed",
                                            "URL", "Email address"};
  std::vector<std::string> day_columns;
  for (std::string_view day : kDays) day_columns.push_back(std::string(day) + " staffed hours");
  for (const std::string& c : day_columns) required.push_back(c);
  auto columns = Columns::FromHeader(rows->front(), required, result.errors);
  if (!columns) return result;

  RecordChecker checker;
  for (size_t i = 1; i < rows->size(); ++i) {
    const directory::CsvRow& row = (*rows)[i];
    if (!columns->Get(row, "Year closed").empty()) {
      ++result.skipped;
      continue;
    }
    LibraryRecord r;
    r.line = row.line;
    r.source = "gb-uk";
    r.name = columns->Get(row, "Library name");
    r.operator_name = columns->Optional(row, "Local authority");
    r.postal_code = columns->Optional(row, "Postcode");
    r.external_id = r.operator_name.value_or("") + "/" + r.name + "/" + r.postal_code.value_or("");
    if (r.name.empty() || !r.operator_name) r.external_id.clear();  // reported by the checker
    r.locale = "en";
    r.country = "GB";
    r.time_zone = "Europe/London";
    r.address_1 = columns->Optional(row, "Address 1");
    r.address_2 = columns->Optional(row, "Address 2");
    r.city = columns->Optional(row, "Address 3");
    if (!r.city) r.city = r.address_2;
    r.website = NormaliseWebsite(columns->Get(row, "URL"));
    r.email = NormaliseEmail(columns->Get(row, "Email address"));

    std::vector<directory::Period> hours;
    std::string unreadable;
    for (int d = 0; d < 7; ++d) {
      std::string text = columns->Get(row, day_columns[d]);
      if (!text.empty() && !ReadDay(text, d + 1, hours)) {
        unreadable += (unreadable.empty() ? "" : ", ") + day_columns[d] + " '" + text + "'";
      }
    }
    if (unreadable.empty() && !directory::ValidatePeriods(hours).ok()) {
      unreadable = "overlapping periods";
    }
    if (!unreadable.empty()) {
      result.warnings.push_back({r.line, r.name + ": imported without opening hours, cannot "
                                                  "read " + unreadable});
    } else {
      r.hours = std::move(hours);
    }
    if (checker.Accept(r, result.errors)) result.records.push_back(std::move(r));
  }
  return result;
}

}  // namespace tilti::exchange
