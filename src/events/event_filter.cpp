#include "events/event_filter.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "events/event.h"

namespace tilti::events {
namespace {

bool IsCode(std::string_view s) {
  if (s.empty() || s.size() > 100) return false;
  for (char ch : s) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
                    ch == '_' || (ch >= 'A' && ch <= 'Z');
    if (!ok) return false;
  }
  return true;
}

std::optional<double> Number(std::string_view s, double lo, double hi) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v) || v < lo || v > hi) {
    return std::nullopt;
  }
  return v;
}

std::string Encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
        ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

std::string Coordinate(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);  // about 10 m: enough, and no more than that
  return buf;
}

}  // namespace

EventFilter FilterFromQuery(const std::map<std::string, std::string, std::less<>>& params,
                            std::vector<std::string>* bad) {
  EventFilter f;
  auto get = [&](std::string_view name) -> std::string_view {
    auto it = params.find(name);
    return it == params.end() ? std::string_view() : std::string_view(it->second);
  };
  auto refuse = [&](std::string_view name) {
    if (bad) bad->emplace_back(name);
  };
  auto code = [&](std::string_view name, std::string& out) {
    std::string_view v = get(name);
    if (v.empty()) return;
    if (IsCode(v)) {
      out = std::string(v);
    } else {
      refuse(name);
    }
  };
  code("library", f.library);
  code("municipality", f.municipality);
  code("category", f.category);
  code("audience", f.audience);
  code("language", f.language);
  if (std::string_view v = get("interpreter"); !v.empty()) {
    if (v == "1" || v == "on" || v == "true") {
      f.interpreter = true;
    } else if (v != "0") {
      refuse("interpreter");
    }
  }
  if (std::string_view v = get("attendance"); !v.empty()) {
    if (v == "online") {
      f.attendance = Attendance::kOnline;
    } else if (v == "on-site") {
      f.attendance = Attendance::kOnSite;
    } else if (v != "any") {
      refuse("attendance");
    }
  }
  for (auto [name, out] : {std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
    std::string_view v = get(name);
    if (v.empty()) continue;
    if (auto d = ParseDate(v)) {
      *out = *d;
    } else {
      refuse(name);
    }
  }
  if (f.from && f.to && *f.to < *f.from) {
    refuse("to");
    f.to.reset();
  }
  std::string_view lat = get("lat"), lon = get("lon");
  if (!lat.empty() || !lon.empty()) {
    auto la = Number(lat, -90, 90), lo = Number(lon, -180, 180);
    if (la && lo) {
      f.latitude = la;
      f.longitude = lo;
    } else {
      refuse("lat");
    }
  }
  return f;
}

std::string FilterToQuery(const EventFilter& f) {
  // Alphabetical order of the parameter names.
  std::string out;
  auto add = [&](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    out += (out.empty() ? "" : "&") + std::string(name) + "=" + Encode(value);
  };
  add("attendance", f.attendance == Attendance::kOnline   ? "online"
                    : f.attendance == Attendance::kOnSite ? "on-site"
                                                          : "");
  add("audience", f.audience);
  add("category", f.category);
  add("from", f.from ? FormatDate(*f.from) : "");
  add("interpreter", f.interpreter ? "1" : "");
  add("language", f.language);
  add("lat", f.latitude ? Coordinate(*f.latitude) : "");
  add("library", f.library);
  add("lon", f.longitude ? Coordinate(*f.longitude) : "");
  add("municipality", f.municipality);
  add("to", f.to ? FormatDate(*f.to) : "");
  return out;
}

}  // namespace tilti::events
