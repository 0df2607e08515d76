#include "exchange/library_record.h"

namespace tilti::exchange {

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "england") return Format::kEngland;
  if (name == "uk") return Format::kUk;
  if (name == "swiss-osm") return Format::kSwissOsm;
  if (name == "us-imls") return Format::kUsImls;
  return std::nullopt;
}

}  // namespace tilti::exchange
