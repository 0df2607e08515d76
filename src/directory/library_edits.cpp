#include "directory/library_edits.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace tilti::directory {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Control characters (C0 and DEL); line breaks and tabs are allowed only in multi-line texts.
bool HasControl(std::string_view s, bool multiline) {
  for (unsigned char c : s) {
    if (multiline && (c == '\n' || c == '\r' || c == '\t')) continue;
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

void CheckText(std::vector<FieldError>& errors, std::string_view field, const std::string& text,
               size_t max, bool multiline, bool required) {
  if (required && text.empty()) {
    errors.push_back({std::string(field), "edit.error.name_missing"});
  } else if (HasControl(text, multiline)) {
    errors.push_back({std::string(field), "edit.error.control_characters"});
  } else if (CodePoints(text) > max) {
    errors.push_back({std::string(field), "edit.error.too_long"});
  }
}

bool EmailShape(std::string_view e) {
  auto at = e.find('@');
  if (at == std::string_view::npos || at == 0 || e.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view domain = e.substr(at + 1);
  auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  if (domain.find("..") != std::string_view::npos || domain.front() == '.') return false;
  for (unsigned char c : e) {
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\'') return false;
  }
  return e.size() <= 254;
}

std::optional<std::string> NormaliseWebsite(std::string_view typed) {
  std::string w = Trim(typed);
  if (w.empty()) return w;
  std::string lower = w;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!lower.starts_with("http://") && !lower.starts_with("https://")) {
    if (lower.find("://") != std::string::npos || lower.find(':') < lower.find('.')) {
      return std::nullopt;  // another scheme (javascript:, data:, ftp://...)
    }
    w = "https://" + w;
  }
  const size_t host_start = w.find("://") + 3;
  const size_t host_end = w.find_first_of("/?#", host_start);
  std::string_view host = std::string_view(w).substr(host_start, host_end - host_start);
  if (host.empty() || host.find('.') == std::string_view::npos) return std::nullopt;
  for (unsigned char c : w) {
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\'' || c == '\\') {
      return std::nullopt;
    }
  }
  if (w.size() > 500) return std::nullopt;
  return w;
}

std::optional<std::string> NormalisePhone(std::string_view typed) {
  std::string p = Trim(typed);
  int digits = 0;
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
      out += c;
    } else if (c == '+' && out.empty()) {
      out += c;
    } else if (c == ' ' || c == '-' || c == '(' || c == ')') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      return std::nullopt;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (digits < 5 || digits > 20) return std::nullopt;
  return out;
}

std::optional<double> ParseDegrees(std::string_view typed) {
  std::string t = Trim(typed);
  std::replace(t.begin(), t.end(), ',', '.');
  if (t.empty()) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || ptr != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<std::chrono::year_month_day> ParseDate(std::string_view typed) {
  std::string t = Trim(typed);
  int y = 0, m = 0, d = 0;
  auto num = [&](std::string_view s, int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size() && !s.empty();
  };
  std::string_view v = t;
  if (v.size() == 10 && v[4] == '-' && v[7] == '-') {
    if (!num(v.substr(0, 4), y) || !num(v.substr(5, 2), m) || !num(v.substr(8, 2), d)) {
      return std::nullopt;
    }
  } else if (v.size() == 10 && v[2] == '.' && v[5] == '.') {
    if (!num(v.substr(6, 4), y) || !num(v.substr(3, 2), m) || !num(v.substr(0, 2), d)) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                  std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

// "9:00", "9.00" and "09.00" as people type them -> "09:00"; anything else unchanged.
std::string NormaliseClock(std::string t) {
  std::replace(t.begin(), t.end(), '.', ':');
  if (t.size() == 4 && t[1] == ':') t = "0" + t;
  return t;
}

std::string FormatDate(std::chrono::year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

}  // namespace

Checked<LibraryTexts> CheckLibraryTexts(std::string_view name, std::string_view alternate_name,
                                        std::string_view description) {
  Checked<LibraryTexts> out;
  out.value = {Trim(name), Trim(alternate_name), Trim(description)};
  CheckText(out.errors, "name", out.value.name, kMaxNameChars, false, true);
  CheckText(out.errors, "alternate_name", out.value.alternate_name, kMaxNameChars, false, false);
  CheckText(out.errors, "description", out.value.description, kMaxDescriptionChars, true, false);
  return out;
}

Checked<LibraryContacts> CheckLibraryContacts(std::string_view email, std::string_view website,
                                              std::string_view phones_text) {
  Checked<LibraryContacts> out;
  out.value.email = Trim(email);
  if (!out.value.email.empty() && !EmailShape(out.value.email)) {
    out.errors.push_back({"email", "edit.error.email_invalid"});
  }
  if (auto w = NormaliseWebsite(website)) {
    out.value.website = *w;
  } else {
    out.value.website = Trim(website);
    out.errors.push_back({"website", "edit.error.website_invalid"});
  }
  size_t start = 0;
  bool bad_phone = false;
  while (start <= phones_text.size()) {
    size_t end = phones_text.find('\n', start);
    if (end == std::string_view::npos) end = phones_text.size();
    std::string line = Trim(phones_text.substr(start, end - start));
    if (!line.empty()) {
      if (auto p = NormalisePhone(line)) {
        if (std::find(out.value.phones.begin(), out.value.phones.end(), *p) ==
            out.value.phones.end()) {
          out.value.phones.push_back(*p);
        }
      } else {
        bad_phone = true;
        out.value.phones.push_back(line);
      }
    }
    start = end + 1;
  }
  if (bad_phone) out.errors.push_back({"phones", "edit.error.phone_invalid"});
  return out;
}

Checked<LibraryPlace> CheckLibraryPlace(std::string_view address_1, std::string_view city,
                                        std::string_view postal_code, std::string_view latitude,
                                        std::string_view longitude) {
  Checked<LibraryPlace> out;
  out.value.address_1 = Trim(address_1);
  out.value.city = Trim(city);
  out.value.postal_code = Trim(postal_code);
  if (out.value.address_1.empty()) out.errors.push_back({"address_1", "edit.error.street_missing"});
  else CheckText(out.errors, "address_1", out.value.address_1, kMaxNameChars, false, false);
  if (out.value.city.empty()) out.errors.push_back({"city", "edit.error.city_missing"});
  else CheckText(out.errors, "city", out.value.city, kMaxNameChars, false, false);
  std::string& pc = out.value.postal_code;
  if (!pc.empty()) {
    std::string digits = pc;
    if (digits.size() >= 3 && (digits.starts_with("LV-") || digits.starts_with("lv-"))) {
      digits = digits.substr(3);
    }
    const bool four_digits = digits.size() == 4 && std::all_of(digits.begin(), digits.end(),
                                                               [](unsigned char c) {
                                                                 return std::isdigit(c);
                                                               });
    if (four_digits) {
      pc = "LV-" + digits;
    } else if (pc.size() > 16 || HasControl(pc, false)) {
      out.errors.push_back({"postal_code", "edit.error.postal_code_invalid"});
    }
  }
  std::string lat_text = Trim(latitude), lon_text = Trim(longitude);
  // A pair pasted from a map ("56.9496, 24.1052") into the first field.
  if (lon_text.empty()) {
    auto sep = lat_text.find_first_of(" ;");
    if (sep == std::string::npos && std::count(lat_text.begin(), lat_text.end(), ',') == 1 &&
        lat_text.find('.') != std::string::npos) {
      sep = lat_text.find(',');
    }
    if (sep != std::string::npos) {
      lon_text = Trim(std::string_view(lat_text).substr(sep + 1));
      lat_text = Trim(std::string_view(lat_text).substr(0, sep));
      while (!lat_text.empty() && lat_text.back() == ',') lat_text.pop_back();
      while (!lon_text.empty() && (lon_text.front() == ',' || lon_text.front() == ' ')) {
        lon_text.erase(0, 1);
      }
    }
  }
  if (lat_text.empty() != lon_text.empty()) {
    out.errors.push_back({lat_text.empty() ? "latitude" : "longitude", "edit.error.coordinates_half"});
  } else if (!lat_text.empty()) {
    auto lat = ParseDegrees(lat_text);
    auto lon = ParseDegrees(lon_text);
    if (!lat || *lat < -90 || *lat > 90) out.errors.push_back({"latitude", "edit.error.latitude_invalid"});
    if (!lon || *lon < -180 || *lon > 180) {
      out.errors.push_back({"longitude", "edit.error.longitude_invalid"});
    }
    if (out.errors.empty()) {
      out.value.latitude = lat;
      out.value.longitude = lon;
    }
  }
  return out;
}

std::string_view WeekdayCode(int iso_weekday) {
  static constexpr std::string_view kCodes[] = {"mo", "tu", "we", "th", "fr", "sa", "su"};
  return iso_weekday >= 1 && iso_weekday <= 7 ? kCodes[iso_weekday - 1] : "";
}

Checked<std::vector<Period>> CheckWeeklyHours(const std::vector<DayInput>& days) {
  Checked<std::vector<Period>> out;
  for (size_t i = 0; i < days.size() && i < 7; ++i) {
    const int weekday = static_cast<int>(i) + 1;
    const std::string day(WeekdayCode(weekday));
    std::vector<TimeRange> ranges;
    auto range = [&](const std::string& opens, const std::string& closes, std::string_view n) {
      const std::string o = NormaliseClock(Trim(opens)), c = NormaliseClock(Trim(closes));
      if (o.empty() && c.empty()) return;
      const std::string field_o = day + "-opens" + std::string(n);
      const std::string field_c = day + "-closes" + std::string(n);
      if (o.empty() || c.empty()) {
        out.errors.push_back({o.empty() ? field_o : field_c, "hours.error.half_range"});
        return;
      }
      auto om = ParseClockTime(o), cm = ParseClockTime(c);
      if (!om || *om >= kMinutesPerDay) {
        out.errors.push_back({field_o, "hours.error.time"});
        return;
      }
      if (!cm || *cm == 0) {
        out.errors.push_back({field_c, "hours.error.time"});
        return;
      }
      if (*cm <= *om) {
        out.errors.push_back({field_c, "hours.error.closes_not_after_opens"});
        return;
      }
      for (const TimeRange& r : ranges) {
        if (*om < r.closes_min && r.opens_min < *cm) {
          out.errors.push_back({field_o, "hours.error.overlap"});
          return;
        }
      }
      ranges.push_back({*om, *cm});
      out.value.push_back(Period{weekday, *om, *cm});
    };
    range(days[i].opens1, days[i].closes1, "1");
    range(days[i].opens2, days[i].closes2, "2");
  }
  return out;
}

Checked<ExceptionInput> CheckException(std::string_view date, ExceptionMode mode,
                                       std::string_view opens_at, std::string_view closes_at,
                                       std::string_view note, std::string_view today) {
  Checked<ExceptionInput> out;
  const bool closed = mode == ExceptionMode::kClosed;
  out.value = {Trim(date), closed, NormaliseClock(Trim(opens_at)),
               NormaliseClock(Trim(closes_at)), Trim(note)};
  if (auto d = ParseDate(date)) {
    out.value.date = FormatDate(*d);
    if (out.value.date < today) out.errors.push_back({"date", "edit.error.date_past"});
  } else {
    out.errors.push_back({"date", "edit.error.date_invalid"});
  }
  if (mode == ExceptionMode::kOtherHours) {
    auto om = ParseClockTime(out.value.opens_at), cm = ParseClockTime(out.value.closes_at);
    if (!om || *om >= kMinutesPerDay) out.errors.push_back({"opens_at", "hours.error.time"});
    if (!cm || *cm == 0) {
      out.errors.push_back({"closes_at", "hours.error.time"});
    } else if (om && *cm <= *om) {
      out.errors.push_back({"closes_at", "hours.error.closes_not_after_opens"});
    }
    if (om && cm) {
      out.value.opens_at = FormatClockTime(*om);
      out.value.closes_at = FormatClockTime(*cm);
    }
  } else {
    out.value.opens_at.clear();
    out.value.closes_at.clear();
  }
  CheckText(out.errors, "note", out.value.note, kMaxNameChars, false, false);
  return out;
}

Checked<std::vector<std::string>> CheckChoices(const std::vector<std::string>& chosen,
                                               const std::vector<std::string>& known,
                                               std::string_view field) {
  Checked<std::vector<std::string>> out;
  for (const std::string& k : known) {
    if (std::find(chosen.begin(), chosen.end(), k) != chosen.end()) out.value.push_back(k);
  }
  for (const std::string& c : chosen) {
    if (std::find(known.begin(), known.end(), c) == known.end()) {
      out.errors.push_back({std::string(field), "edit.error.term_unknown"});
      break;
    }
  }
  return out;
}

Checked<ServiceInput> CheckService(std::string_view name, std::string_view description,
                                   std::string_view status, std::vector<std::string> types,
                                   std::vector<std::string> audiences,
                                   const std::vector<std::string>& known_types,
                                   const std::vector<std::string>& known_audiences) {
  Checked<ServiceInput> out;
  out.value.name = Trim(name);
  out.value.description = Trim(description);
  out.value.status = Trim(status).empty() ? "active" : Trim(status);
  CheckText(out.errors, "name", out.value.name, kMaxNameChars, false, true);
  CheckText(out.errors, "description", out.value.description, kMaxDescriptionChars, true, false);
  if (out.value.status != "active" && out.value.status != "inactive" &&
      out.value.status != "temporarily closed") {
    out.errors.push_back({"status", "edit.error.status_invalid"});
  }
  auto t = CheckChoices(types, known_types, "types");
  auto a = CheckChoices(audiences, known_audiences, "audiences");
  out.value.types = t.value;
  out.value.audiences = a.value;
  out.errors.insert(out.errors.end(), t.errors.begin(), t.errors.end());
  out.errors.insert(out.errors.end(), a.errors.begin(), a.errors.end());
  return out;
}

const std::vector<std::string>& OrganizationKinds() {
  static const std::vector<std::string> kinds = {"library",     "municipality", "municipal_body",
                                                 "ngo",         "state_agency", "foreign_partner"};
  return kinds;
}

Checked<NewOrganization> CheckNewOrganization(std::string_view kind, std::string_view name,
                                              std::string_view source_locale,
                                              std::string_view country,
                                              std::string_view municipality_id,
                                              const std::vector<std::string>& locales,
                                              const std::vector<std::string>& municipalities) {
  Checked<NewOrganization> out;
  out.value = {Trim(kind), Trim(name), Trim(source_locale), Trim(country), Trim(municipality_id)};
  NewOrganization& v = out.value;
  const auto& kinds = OrganizationKinds();
  if (std::find(kinds.begin(), kinds.end(), v.kind) == kinds.end()) {
    out.errors.push_back({"kind", "edit.error.kind_invalid"});
  }
  CheckText(out.errors, "name", v.name, kMaxNameChars, false, true);
  if (std::find(locales.begin(), locales.end(), v.source_locale) == locales.end()) {
    out.errors.push_back({"source_locale", "edit.error.locale_invalid"});
  }
  if (v.country.empty()) v.country = "LV";
  std::transform(v.country.begin(), v.country.end(), v.country.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (v.country.size() != 2 || !std::isalpha(static_cast<unsigned char>(v.country[0])) ||
      !std::isalpha(static_cast<unsigned char>(v.country[1]))) {
    out.errors.push_back({"country", "edit.error.country_invalid"});
  }
  if (!v.municipality_id.empty() &&
      std::find(municipalities.begin(), municipalities.end(), v.municipality_id) ==
          municipalities.end()) {
    out.errors.push_back({"municipality_id", "edit.error.term_unknown"});
  }
  return out;
}

const std::vector<std::string>& OfferedLanguageCodes() {
  static const std::vector<std::string> codes = {"lv", "ru", "uk", "en", "ltg", "lt", "et",
                                                 "pl", "de", "fr", "es", "it", "be", "ka",
                                                 "ar", "fa", "tr", "zh", "hi"};
  return codes;
}

}  // namespace tilti::directory
