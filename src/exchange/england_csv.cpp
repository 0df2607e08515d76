#include "exchange/library_readers.h"
#include "exchange/reader_support.h"

namespace tilti::exchange {
namespace {

// "2 Town Square, Barking" -> street "2 Town Square", town "Barking" (the last part).
void SplitAddress(const std::string& address, LibraryRecord& r) {
  size_t comma = address.rfind(',');
  if (comma == std::string::npos) {
    r.address_1 = address;
    return;
  }
  std::string street = address.substr(0, comma);
  std::string town = address.substr(comma + 1);
  while (!town.empty() && town.front() == ' ') town.erase(0, 1);
  r.address_1 = street;
  if (!town.empty()) r.city = town;
}

}  // namespace

ReadResult ReadEnglandCsv(std::string_view bytes) {
  ReadResult result;
  auto rows = SplitCsv(bytes, result.errors);
  if (!rows) return result;
  auto columns = Columns::FromHeader(rows->front(), {"name", "id", "address", "postcode", "lat",
                                                     "lng", "closed", "url", "email"},
                                     result.errors);
  if (!columns) return result;
  RecordChecker checker;
  for (size_t i = 1; i < rows->size(); ++i) {
    const directory::CsvRow& row = (*rows)[i];
    if (!columns->Get(row, "closed").empty()) {  // XL, XLR, XLT: closed (or replaced)
      ++result.skipped;
      continue;
    }
    LibraryRecord r;
    r.line = row.line;
    r.source = "gb-england";
    r.external_id = columns->Get(row, "id");
    r.name = columns->Get(row, "name");
    r.locale = "en";
    r.country = "GB";
    r.time_zone = "Europe/London";
    if (auto address = columns->Optional(row, "address")) SplitAddress(*address, r);
    r.postal_code = columns->Optional(row, "postcode");
    r.website = NormaliseWebsite(columns->Get(row, "url"));
    r.email = NormaliseEmail(columns->Get(row, "email"));
    size_t before = result.errors.size();
    ReadCoordinates(columns->Get(row, "lat"), columns->Get(row, "lng"), r, result.errors);
    if (result.errors.size() != before) continue;
    if (checker.Accept(r, result.errors)) result.records.push_back(std::move(r));
  }
  return result;
}

}  // namespace tilti::exchange
