#include "api/hsds_params.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "http/request.h"

namespace tilti::api {
namespace {

Error Bad(std::string parameter, std::string detail) {
  return Error{ErrorCode::kInvalidInput, std::move(detail), {{std::move(parameter), "invalid"}}};
}

std::optional<int> ParseInt(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::optional<double> ParseDouble(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

std::optional<bool> ParseBool(std::string_view s) {
  if (s == "true" || s == "1") return true;
  if (s == "false" || s == "0" || s.empty()) return false;
  return std::nullopt;
}

// Digits at s[pos..pos+n) as an int; nullopt if any is not a digit.
std::optional<int> Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::optional<std::string> NormaliseRfc3339(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
  auto y = Digits(s, 0, 4), mo = Digits(s, 5, 2), d = Digits(s, 8, 2);
  auto h = Digits(s, 11, 2), mi = Digits(s, 14, 2), se = Digits(s, 17, 2);
  if (!y || !mo || !d || !h || !mi || !se || s[4] != '-' || s[7] != '-' ||
      (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':' || s[16] != ':') {
    return std::nullopt;
  }
  size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    size_t digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos, ++digits;
    if (digits == 0) return std::nullopt;
  }
  int offset_minutes = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
    offset_minutes = 0;
  } else if (pos + 6 == s.size() && (s[pos] == '+' || s[pos] == '-') && s[pos + 3] == ':') {
    auto oh = Digits(s, pos + 1, 2), om = Digits(s, pos + 4, 2);
    if (!oh || !om || *oh > 23 || *om > 59) return std::nullopt;
    offset_minutes = (*oh * 60 + *om) * (s[pos] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  using namespace std::chrono;
  year_month_day ymd{year{*y}, month{static_cast<unsigned>(*mo)}, day{static_cast<unsigned>(*d)}};
  if (!ymd.ok() || *h > 23 || *mi > 59 || *se > 60) return std::nullopt;
  sys_seconds t = sys_days{ymd} + hours{*h} + minutes{*mi} + seconds{std::min(*se, 59)} -
                  minutes{offset_minutes};
  year_month_day out{floor<days>(t)};
  hh_mm_ss<seconds> tod{t - floor<days>(t)};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(out.year()),
                static_cast<unsigned>(out.month()), static_cast<unsigned>(out.day()),
                static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                static_cast<int>(tod.seconds().count()));
  return std::string(buf);
}

Result<ListParams> ParseListParams(std::string_view query) {
  ListParams p;
  bool seen_lat = false, seen_lon = false, seen_prox = false;
  for (auto& [name, value] : http::ParseQuery(query)) {
    if (name == "lang") {
      if (value != "lv" && value != "ru" && value != "uk" && value != "en") {
        return Bad("lang", "The parameter 'lang' must be one of lv, ru, uk, en.");
      }
      p.lang = value;
    } else if (name == "page") {
      auto v = ParseInt(value);
      if (!v || *v < 1) return Bad("page", "The parameter 'page' must be an integer >= 1.");
      p.page = *v;
    } else if (name == "per_page") {
      auto v = ParseInt(value);
      if (!v || *v < 1 || *v > kMaxPerPage) {
        return Bad("per_page", "The parameter 'per_page' must be an integer from 1 to 500.");
      }
      p.per_page = *v;
    } else if (name == "search") {
      p.search = value.substr(0, 200);
    } else if (name == "taxonomy_term_id") {
      p.taxonomy_term_id = value;
    } else if (name == "taxonomy_id") {
      p.taxonomy_id = value;
    } else if (name == "organization_id") {
      p.organization_id = value;
    } else if (name == "postcode") {
      p.postcode = value;
    } else if (name == "modified_after") {
      auto v = NormaliseRfc3339(value);
      if (!v) {
        return Bad("modified_after",
                   "The parameter 'modified_after' must be an RFC 3339 date-time, e.g. "
                   "2026-11-22T00:00:00Z.");
      }
      p.modified_after = *v;
    } else if (name == "latitude") {
      auto v = ParseDouble(value);
      if (!v || *v < -90 || *v > 90) {
        return Bad("latitude", "The parameter 'latitude' must be a number from -90 to 90.");
      }
      p.latitude = v;
      seen_lat = true;
    } else if (name == "longitude") {
      auto v = ParseDouble(value);
      if (!v || *v < -180 || *v > 180) {
        return Bad("longitude", "The parameter 'longitude' must be a number from -180 to 180.");
      }
      p.longitude = v;
      seen_lon = true;
    } else if (name == "proximity") {
      auto v = ParseDouble(value);
      if (!v || *v <= 0 || *v > 20000) {
        return Bad("proximity",
                   "The parameter 'proximity' must be a distance in km, above 0 and at most "
                   "20000.");
      }
      p.proximity_km = v;
      seen_prox = true;
    } else if (name == "minimal" || name == "full") {
      auto v = ParseBool(value);
      if (!v) return Bad(name, "The parameter '" + name + "' must be true or false.");
      (name == "minimal" ? p.minimal : p.full) = *v;
    } else if (name == "format") {
      if (value != "json" && value != "ndjson") {
        return Bad("format", "The parameter 'format' must be json or ndjson.");
      }
      p.ndjson = value == "ndjson";
    }
  }
  if (seen_lat || seen_lon || seen_prox) {
    const char* missing = !seen_lat    ? "latitude"
                          : !seen_lon  ? "longitude"
                          : !seen_prox ? "proximity"
                                       : nullptr;
    if (missing != nullptr) {
      return Bad(missing, std::string("The parameter '") + missing +
                              "' is required with latitude, longitude and proximity.");
    }
  }
  if (p.minimal && p.full)
    return Bad("full", "The parameters 'minimal' and 'full' exclude each other.");
  return p;
}

}  // namespace tilti::api
