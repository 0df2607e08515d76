#pragma once
// The query parameters of the HSDS list endpoints, parsed at the edge into typed values.
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace tilti::api {

inline constexpr int kDefaultPerPage = 50;
inline constexpr int kMaxPerPage = 500;

struct ListParams {
  std::string lang = "lv";  // one of lv, ru, uk, en
  int page = 1;             // 1-based
  int per_page = kDefaultPerPage;
  std::string search;
  std::string taxonomy_term_id;
  std::string taxonomy_id;
  std::string organization_id;
  std::string postcode;
  std::string modified_after;  // normalised to "YYYY-MM-DDTHH:MM:SSZ" (UTC); "" when absent
  std::optional<double> latitude, longitude, proximity_km;  // all three or none
  bool minimal = false;
  bool full = false;
  bool ndjson = false;  // format=ndjson
};

// Parses a raw query string. Unknown parameters are ignored, as HSDS clients send their own.
// On a bad value returns kInvalidInput whose fields[0].field names the parameter and whose
// detail is an English sentence for the API consumer (it echoes no input back).
Result<ListParams> ParseListParams(std::string_view query);

// An RFC 3339 date-time ("2026-11-22T10:00:00+02:00", fraction allowed) as UTC
// "YYYY-MM-DDTHH:MM:SSZ" (the fraction is dropped); nullopt when it is not one.
std::optional<std::string> NormaliseRfc3339(std::string_view text);

}  // namespace tilti::api
