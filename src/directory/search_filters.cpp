#include "directory/search_filters.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>

namespace tilti::directory {
namespace {

constexpr size_t kMaxCodeLength = 64;
constexpr size_t kMaxListLength = 20;  // per parameter: more is not a real reader's search

bool IsTermCode(std::string_view v) {
  if (v.empty() || v.size() > kMaxCodeLength) return false;
  return std::all_of(v.begin(), v.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
  });
}

bool IsLanguageCode(std::string_view v) {
  return v.size() == 2 && v[0] >= 'a' && v[0] <= 'z' && v[1] >= 'a' && v[1] <= 'z';
}

// "LV-DGV", "LV-011"; lower case is accepted and upper-cased.
std::optional<std::string> MunicipalityId(std::string_view v) {
  if (v.size() != 6 || v[2] != '-') return std::nullopt;
  std::string out(v);
  for (char& ch : out) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  if (out.substr(0, 3) != "LV-") return std::nullopt;
  for (size_t i = 3; i < 6; ++i) {
    if (!((out[i] >= 'A' && out[i] <= 'Z') || (out[i] >= '0' && out[i] <= '9'))) {
      return std::nullopt;
    }
  }
  return out;
}

std::optional<double> Number(std::string_view v) {
  if (v.empty() || v.size() > 32) return std::nullopt;
  if (v.front() == '+') v.remove_prefix(1);
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d, std::chars_format::fixed);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

void AddOnce(std::vector<std::string>& list, std::string value) {
  if (list.size() >= kMaxListLength) return;
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

std::string FormatCoordinate(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 5);
  std::string s(buf, ec == std::errc() ? end : buf);
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    bool dot = s.back() == '.';
    s.pop_back();
    if (dot) break;
  }
  return s;
}

// Only digits, min_n to max_n of them.
std::optional<int> Digits(std::string_view v, size_t min_n, size_t max_n) {
  if (v.size() < min_n || v.size() > max_n) return std::nullopt;
  int n = 0;
  for (char ch : v) {
    if (ch < '0' || ch > '9') return std::nullopt;
    n = n * 10 + (ch - '0');
  }
  return n;
}

// "2026-11-24" or, as typed where the browser has no date picker, "24.11.2026".
std::optional<std::chrono::year_month_day> ParseDate(std::string_view v) {
  std::optional<int> y, m, d;
  if (v.size() == 10 && v[4] == '-' && v[7] == '-') {
    y = Digits(v.substr(0, 4), 4, 4);
    m = Digits(v.substr(5, 2), 2, 2);
    d = Digits(v.substr(8, 2), 2, 2);
  } else if (auto dot1 = v.find('.'); dot1 != std::string_view::npos) {
    auto dot2 = v.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos) return std::nullopt;
    d = Digits(v.substr(0, dot1), 1, 2);
    m = Digits(v.substr(dot1 + 1, dot2 - dot1 - 1), 1, 2);
    y = Digits(v.substr(dot2 + 1), 4, 4);
  }
  if (!y || !m || !d || *y < 2000 || *y > 2199) return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year(*y), std::chrono::month(static_cast<unsigned>(*m)),
                                   std::chrono::day(static_cast<unsigned>(*d))};
  if (!date.ok()) return std::nullopt;
  return date;
}

// "10:00", "9:30" -> minutes after midnight (0..1439).
std::optional<int> ParseTime(std::string_view v) {
  auto colon = v.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto h = Digits(v.substr(0, colon), 1, 2);
  auto m = Digits(v.substr(colon + 1), 2, 2);
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  return *h * 60 + *m;
}

std::string TwoDigits(unsigned n) {
  return std::string{static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10)};
}

}  // namespace

std::string OpenDateValue(const SearchFilters& f) {
  if (!f.open_date) return "";
  const auto& d = *f.open_date;
  return std::to_string(static_cast<int>(d.year())) + "-" +
         TwoDigits(static_cast<unsigned>(d.month())) + "-" +
         TwoDigits(static_cast<unsigned>(d.day()));
}

std::string OpenTimeValue(const SearchFilters& f) {
  if (!f.open_date) return "";
  return TwoDigits(static_cast<unsigned>(f.open_minute / 60)) + ":" +
         TwoDigits(static_cast<unsigned>(f.open_minute % 60));
}

std::string OpenAtValue(const SearchFilters& f) {
  if (!f.open_date) return "";
  return OpenDateValue(f) + "T" + OpenTimeValue(f);
}

bool SearchFilters::Any() const {
  return !query.empty() || !services.empty() || !audiences.empty() || !languages.empty() ||
         !access.empty() || !municipalities.empty() || open_now || open_date.has_value() ||
         HasLocation();
}

SearchFilters ParseSearchFilters(const std::vector<std::pair<std::string, std::string>>& params) {
  SearchFilters f;
  std::optional<std::string> lat_text, lon_text;
  std::optional<std::string> open_at_text, open_date_text, open_time_text;
  for (const auto& [name, raw] : params) {
    std::string_view value = raw;
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (name == "q") {
      if (f.query.empty()) f.query = std::string(value.substr(0, 200));
    } else if (name == "service") {
      if (IsTermCode(value)) AddOnce(f.services, std::string(value));
    } else if (name == "audience") {
      if (IsTermCode(value)) AddOnce(f.audiences, std::string(value));
    } else if (name == "access") {
      if (IsTermCode(value)) AddOnce(f.access, std::string(value));
    } else if (name == "language") {
      if (IsLanguageCode(value)) AddOnce(f.languages, std::string(value));
    } else if (name == "municipality") {
      if (auto id = MunicipalityId(value)) AddOnce(f.municipalities, std::move(*id));
    } else if (name == "open") {
      if (value == "now") {
        f.open_now = true;
      } else if (!value.empty() && !open_at_text) {
        open_at_text = std::string(value.substr(0, 40));
      }
    } else if (name == "open_date") {
      if (!open_date_text) open_date_text = std::string(value.substr(0, 40));
    } else if (name == "open_time") {
      if (!open_time_text) open_time_text = std::string(value.substr(0, 40));
    } else if (name == "near") {
      if (f.near.empty()) f.near = std::string(value.substr(0, 100));
    } else if (name == "lat") {
      if (!lat_text) lat_text = std::string(value);
    } else if (name == "lon") {
      if (!lon_text) lon_text = std::string(value);
    } else if (name == "radius") {
      if (auto r = Number(value); r && *r >= 1 && *r <= kMaxRadiusKm) f.radius_km = *r;
    } else if (name == "page") {
      int p = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), p);
      if (ec == std::errc() && end == value.data() + value.size() && p >= 1) f.page = p;
    }
  }
  // A typed place wins over coordinates: the form keeps lat/lon of an earlier search as hidden
  // fields, and a reader who then types a place means that place.
  bool lat_given = lat_text && !lat_text->empty(), lon_given = lon_text && !lon_text->empty();
  if (f.near.empty() && (lat_given || lon_given)) {
    auto lat = lat_given ? Number(*lat_text) : std::nullopt;
    auto lon = lon_given ? Number(*lon_text) : std::nullopt;
    if (lat && lon && *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180) {
      f.lat = lat;
      f.lon = lon;
    } else {
      f.bad_coordinates = true;
    }
  }
  // The form's two fields win over an open=<date> (a link's) when the reader filled either.
  std::string date_text, time_text;
  if ((open_date_text && !open_date_text->empty()) || (open_time_text && !open_time_text->empty())) {
    date_text = open_date_text.value_or("");
    time_text = open_time_text.value_or("");
  } else if (open_at_text) {
    auto t = open_at_text->find('T');
    date_text = open_at_text->substr(0, t);
    if (t != std::string::npos) time_text = open_at_text->substr(t + 1);
  }
  if (!date_text.empty() || !time_text.empty()) {
    auto date = ParseDate(date_text);
    auto minute = ParseTime(time_text);
    if (date && minute) {
      f.open_date = date;
      f.open_minute = *minute;
    } else {
      f.bad_open = true;
      f.open_date_text = std::move(date_text);
      f.open_time_text = std::move(time_text);
    }
  }
  return f;
}

std::vector<std::pair<std::string, std::string>> FilterParams(const SearchFilters& f) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!f.query.empty()) out.emplace_back("q", f.query);
  for (const auto& v : f.services) out.emplace_back("service", v);
  for (const auto& v : f.audiences) out.emplace_back("audience", v);
  for (const auto& v : f.languages) out.emplace_back("language", v);
  for (const auto& v : f.access) out.emplace_back("access", v);
  for (const auto& v : f.municipalities) out.emplace_back("municipality", v);
  if (f.open_now) out.emplace_back("open", "now");
  if (f.open_date) out.emplace_back("open", OpenAtValue(f));
  if (f.lat && f.lon) {
    out.emplace_back("lat", FormatCoordinate(*f.lat));
    out.emplace_back("lon", FormatCoordinate(*f.lon));
  } else if (!f.near.empty()) {
    out.emplace_back("near", f.near);
  }
  if (f.HasLocation() && f.radius_km != kDefaultRadiusKm) {
    out.emplace_back("radius", FormatCoordinate(f.radius_km));
  }
  if (f.page > 1) out.emplace_back("page", std::to_string(f.page));
  return out;
}

std::string QueryString(const std::vector<std::pair<std::string, std::string>>& params) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto encode = [](std::string& out, std::string_view s) {
    for (unsigned char ch : s) {
      if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
          ch == '-' || ch == '.' || ch == '_' || ch == '~') {
        out += static_cast<char>(ch);
      } else if (ch == ' ') {
        out += '+';
      } else {
        out += '%';
        out += kHex[ch >> 4];
        out += kHex[ch & 15];
      }
    }
  };
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    encode(out, name);
    out += '=';
    encode(out, value);
  }
  return out;
}

std::vector<DroppableFilter> DroppableFilters(const SearchFilters& f) {
  std::vector<DroppableFilter> out;
  auto add = [&](std::string param, std::string value, SearchFilters without) {
    without.page = 1;
    out.push_back({std::move(param), std::move(value), FilterParams(without)});
  };
  auto lists = {std::pair{"service", &SearchFilters::services},
                std::pair{"audience", &SearchFilters::audiences},
                std::pair{"language", &SearchFilters::languages},
                std::pair{"access", &SearchFilters::access},
                std::pair{"municipality", &SearchFilters::municipalities}};
  if (!f.query.empty()) {
    SearchFilters w = f;
    w.query.clear();
    add("q", f.query, w);
  }
  for (const auto& [param, member] : lists) {
    for (const auto& v : f.*member) {
      SearchFilters w = f;
      auto& list = w.*member;
      list.erase(std::find(list.begin(), list.end(), v));
      add(param, v, w);
    }
  }
  if (f.open_now) {
    SearchFilters w = f;
    w.open_now = false;
    add("open", "now", w);
  }
  if (f.open_date) {
    SearchFilters w = f;
    w.open_date.reset();
    w.open_minute = 0;
    add("open", OpenAtValue(f), w);
  }
  if (f.HasLocation()) {
    SearchFilters w = f;
    w.near.clear();
    w.lat.reset();
    w.lon.reset();
    w.radius_km = kDefaultRadiusKm;
    add(f.lat ? "lat" : "near", f.lat ? "" : f.near, w);
  }
  return out;
}

Pagination Paginate(size_t total, int page, size_t per_page) {
  Pagination p;
  per_page = std::max<size_t>(per_page, 1);
  p.page = std::max(page, 1);
  p.pages = static_cast<int>(std::max<size_t>((total + per_page - 1) / per_page, 1));
  p.offset = static_cast<size_t>(p.page - 1) * per_page;
  p.count = p.offset >= total ? 0 : std::min(per_page, total - p.offset);
  p.has_previous = p.page > 1;
  p.has_next = p.page < p.pages;
  return p;
}

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusKm = 6371.0088;
  constexpr double kRad = std::numbers::pi / 180;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRad) *
                                                           std::cos(lat2 * kRad) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

GeoBox BoundingBox(double lat, double lon, double radius_km) {
  // One degree of latitude is ~111.2 km everywhere; a degree of longitude shrinks with
  // cos(latitude). Widened by 1% so float rounding in the R*Tree never cuts a point off.
  constexpr double kKmPerDegree = 111.195;
  double dlat = radius_km / kKmPerDegree * 1.01;
  double min_lat = std::max(-90.0, lat - dlat), max_lat = std::min(90.0, lat + dlat);
  double widest = std::max(std::abs(min_lat), std::abs(max_lat));
  double cos_lat = std::cos(widest * std::numbers::pi / 180);
  if (max_lat >= 90 || min_lat <= -90 || cos_lat < 1e-6) return {min_lat, max_lat, -180, 180};
  double dlon = std::min(180.0, dlat / cos_lat);
  return {min_lat, max_lat, std::max(-180.0, lon - dlon), std::min(180.0, lon + dlon)};
}

}  // namespace tilti::directory
