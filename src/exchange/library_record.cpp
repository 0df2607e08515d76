#include "exchange/library_record.h"

#include "exchange/library_readers.h"

namespace tilti::exchange {

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "england") return Format::kEngland;
  if (name == "uk") return Format::kUk;
  if (name == "swiss-osm") return Format::kSwissOsm;
  if (name == "us-imls") return Format::kUsImls;
  return std::nullopt;
}

ReadResult ReadLibraries(Format format, std::string_view bytes) {
  switch (format) {
    case Format::kEngland: return ReadEnglandCsv(bytes);
    case Format::kUk: return ReadUkCsv(bytes);
    case Format::kSwissOsm: return ReadSwissOsmJson(bytes);
    case Format::kUsImls: return ReadImlsCsv(bytes);
  }
  return {};
}

}  // namespace tilti::exchange
