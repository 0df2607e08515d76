#include "events/event_rules.h"

#include <algorithm>
#include <cstdio>

#include "core/text.h"
#include "events/recurrence.h"

namespace tilti::events {
namespace {

using namespace std::chrono;

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// A whole number in [lo, hi] typed as digits; nullopt otherwise (*bad set when typed).
std::optional<int> Number(std::string_view typed, int lo, int hi, bool* bad) {
  const std::string t = TrimSpace(typed);
  *bad = false;
  if (t.empty()) return std::nullopt;
  if (t.size() > 7 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    *bad = true;
    return std::nullopt;
  }
  const int v = std::stoi(t);
  if (v < lo || v > hi) {
    *bad = true;
    return std::nullopt;
  }
  return v;
}

// Checks a text field: trimmed, valid UTF-8, at most `max` characters, required or not.
void Text(const std::string& typed, long max, bool required, const std::string& field,
          std::string* out, std::vector<FieldError>* errors) {
  *out = TrimSpace(typed);
  const long n = Utf8Length(*out);
  if (n < 0) errors->push_back({field, "event.error.text_invalid"});
  else if (required && n == 0) errors->push_back({field, "event.error." + field + "_missing"});
  else if (n > max) errors->push_back({field, "event.error." + field + "_too_long"});
}

std::map<std::string, std::string> Inverse(const std::map<std::string, std::string>& m) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : m) out[v] = k;
  return out;
}

}  // namespace

std::optional<year_month_day> ParseTypedDate(std::string_view typed) {
  std::string t = TrimSpace(typed);
  if (auto iso = ParseDate(t)) return iso;
  if (!t.empty() && t.back() == '.') t.pop_back();
  unsigned d = 0, m = 0;
  int y = 0;
  char tail = 0;
  if (std::sscanf(t.c_str(), "%2u.%2u.%4d%c", &d, &m, &y, &tail) != 3 || y < 1000) {
    return std::nullopt;
  }
  const year_month_day date{year{y}, month{m}, day{d}};
  if (!date.ok()) return std::nullopt;
  return date;
}

Result<EventDraft> ValidateEvent(const EventInput& in, const EventContext& context) {
  std::vector<FieldError> errors;
  EventDraft d;
  Text(in.title, kMaxTitleChars, true, "title", &d.title, &errors);
  Text(in.description, kMaxDescriptionChars, false, "description", &d.description, &errors);

  if (auto it = context.categories.find(in.category); it != context.categories.end()) {
    d.category_id = it->second;
  } else {
    errors.push_back({"category", "event.error.category"});
  }
  for (const std::string& code : in.audiences) {
    auto it = context.audiences.find(code);
    if (it == context.audiences.end()) {
      errors.push_back({"audiences", "event.error.choice"});
      break;
    }
    d.audience_ids.push_back(it->second);
  }

  // Where: at the library, online, or both.
  d.on_site = in.on_site == "1";
  const std::string url = TrimSpace(in.online_url);
  if (!url.empty()) {
    const bool https = url.starts_with("https://") && url.size() > 8 && url.size() <= 500 &&
                       url.find_first_of(" \t\r\n\"<>") == std::string::npos;
    if (!https) errors.push_back({"online_url", "event.error.online_url"});
    else d.online_url = url;
  }
  if (d.on_site && !context.has_location) errors.push_back({"on_site", "event.error.no_location"});
  if (!d.on_site && url.empty()) errors.push_back({"on_site", "event.error.where"});

  bool bad_language = false;
  for (const std::string& code : in.languages) {
    if (Contains(context.languages, code)) d.spoken_languages.push_back(code);
    else bad_language = true;
  }
  for (const std::string& code : in.interpreted) {
    if (Contains(context.languages, code)) d.interpreted_languages.push_back(code);
    else bad_language = true;
  }
  if (bad_language) errors.push_back({"languages", "event.error.choice"});
  else if (d.spoken_languages.empty()) errors.push_back({"languages", "event.error.languages_missing"});

  Text(in.accessibility_note, kMaxAccessibilityChars, false, "accessibility_note",
       &d.accessibility_note, &errors);

  bool bad = false;
  d.age_min = Number(in.age_min, 0, 120, &bad);
  if (bad) errors.push_back({"age_min", "event.error.age"});
  d.age_max = Number(in.age_max, 0, 120, &bad);
  if (bad) errors.push_back({"age_max", "event.error.age"});
  else if (d.age_min && d.age_max && *d.age_max < *d.age_min) {
    errors.push_back({"age_max", "event.error.age_order"});
  }

  if (auto mode = ParseRegistrationMode(in.registration.empty() ? "none" : in.registration)) {
    d.registration = *mode;
  } else {
    errors.push_back({"registration", "event.error.choice"});
  }
  d.capacity = Number(in.capacity, 1, kMaxCapacity, &bad);
  if (bad) errors.push_back({"capacity", "event.error.capacity"});
  else if (!d.capacity && d.registration != RegistrationMode::kNone) {
    errors.push_back({"capacity", "event.error.capacity_needed"});
  }

  // When.
  const auto date = ParseTypedDate(in.date);
  if (!date) errors.push_back({"date", "event.error.date"});
  const auto start = ParseTimeOfDay(TrimSpace(in.start_time));
  if (!start) errors.push_back({"start_time", "event.error.time"});
  const auto end = ParseTimeOfDay(TrimSpace(in.end_time));
  if (!end) errors.push_back({"end_time", "event.error.time"});
  else if (start && *end <= *start) errors.push_back({"end_time", "event.error.end_before_start"});
  if (date && start) d.series.first = {*date, *start};
  if (start && end && *end > *start) d.series.duration_minutes = static_cast<int>((*end - *start).count());

  SimpleRule rule;
  const std::string repeat = in.repeat == "none" ? "" : in.repeat;
  const bool custom = repeat == "custom";
  if (!custom && !repeat.empty() && repeat != "daily" && repeat != "weekly" && repeat != "monthly" &&
      repeat != "monthly-weekday") {
    errors.push_back({"repeat", "event.error.choice"});
  }
  rule.frequency = custom ? "" : repeat;
  if (!repeat.empty() && !custom) {
    rule.interval = Number(in.interval, 1, 12, &bad).value_or(1);
    if (bad) errors.push_back({"interval", "event.error.interval"});
    for (const std::string& w : in.weekdays) {
      if (w.size() == 1 && w[0] >= '1' && w[0] <= '7') rule.weekdays.push_back(w[0] - '0');
      else errors.push_back({"weekdays", "event.error.choice"});
    }
    if (in.ends == "until") {
      rule.until = ParseTypedDate(in.until);
      if (!rule.until) errors.push_back({"until", "event.error.date"});
      else if (date && *rule.until < *date) errors.push_back({"until", "event.error.until_before_start"});
    } else if (in.ends == "count") {
      rule.count = Number(in.count, 1, kMaxRepeatCount, &bad);
      if (!rule.count) errors.push_back({"count", "event.error.count"});
    } else if (!in.ends.empty() && in.ends != "never") {
      errors.push_back({"ends", "event.error.choice"});
    }
  }
  if (errors.empty() && !repeat.empty()) {
    const TimeZone zone = TimeZone::Named(d.series.time_zone).value();
    d.series.rrule = custom ? in.custom_rule : BuildRule(rule, d.series, zone);
    if (auto problem = CheckRule(d.series)) {
      errors.push_back({"repeat", "event.error." + std::string(RuleErrorId(*problem))});
    }
  }
  if (!errors.empty()) return Error{ErrorCode::kInvalidInput, "event form", std::move(errors)};
  return d;
}

EventInput InputOf(const EventDraft& d, const std::map<std::string, std::string>& category_codes,
                   const std::map<std::string, std::string>& audience_codes) {
  EventInput in;
  in.title = d.title;
  in.description = d.description;
  in.accessibility_note = d.accessibility_note;
  const auto categories = Inverse(category_codes), audiences = Inverse(audience_codes);
  if (auto it = categories.find(d.category_id); it != categories.end()) in.category = it->second;
  for (const auto& id : d.audience_ids) {
    if (auto it = audiences.find(id); it != audiences.end()) in.audiences.push_back(it->second);
  }
  in.languages = d.spoken_languages;
  in.interpreted = d.interpreted_languages;
  in.on_site = d.on_site ? "1" : "";
  in.online_url = d.online_url.value_or("");
  if (d.age_min) in.age_min = std::to_string(*d.age_min);
  if (d.age_max) in.age_max = std::to_string(*d.age_max);
  if (d.capacity) in.capacity = std::to_string(*d.capacity);
  in.registration = std::string(RegistrationModeName(d.registration));
  in.date = FormatDate(d.series.first.date);
  in.start_time = FormatTimeOfDay(d.series.first.time);
  in.end_time = FormatTimeOfDay(d.series.first.time + minutes{d.series.duration_minutes});
  in.ends = "never";
  if (d.series.rrule.empty()) return in;
  // Read our own rules back into the form's choices; anything else stays "custom".
  std::map<std::string, std::string> parts;
  std::string_view r = d.series.rrule;
  while (!r.empty()) {
    const size_t semi = r.find(';');
    std::string_view part = r.substr(0, semi);
    const size_t eq = part.find('=');
    if (eq != std::string_view::npos) parts[std::string(part.substr(0, eq))] = part.substr(eq + 1);
    if (semi == std::string_view::npos) break;
    r.remove_prefix(semi + 1);
  }
  static constexpr std::string_view kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  const std::string freq = parts["FREQ"];
  in.repeat = "custom";
  in.custom_rule = d.series.rrule;
  if (freq == "DAILY" && !parts.count("BYDAY")) in.repeat = "daily";
  if (freq == "WEEKLY") {
    in.repeat = "weekly";
    std::string_view days = parts["BYDAY"];
    while (!days.empty()) {
      const std::string_view one = days.substr(0, days.find(','));
      auto it = std::find(std::begin(kDays), std::end(kDays), one);
      if (it == std::end(kDays)) in.repeat = "custom";
      else in.weekdays.push_back(std::to_string(it - std::begin(kDays) + 1));
      if (one.size() == days.size()) break;
      days.remove_prefix(one.size() + 1);
    }
  }
  if (freq == "MONTHLY" && parts.count("BYMONTHDAY")) in.repeat = "monthly";
  if (freq == "MONTHLY" && parts.count("BYDAY")) in.repeat = "monthly-weekday";
  if (parts.count("INTERVAL")) in.interval = parts["INTERVAL"];
  if (parts.count("COUNT")) {
    in.ends = "count";
    in.count = parts["COUNT"];
  } else if (parts.count("UNTIL")) {
    // UNTIL is the until date's last second on the wall clock, written in UTC.
    const std::string u = parts["UNTIL"];
    int y = 0, mo = 0, da = 0, h = 0, mi = 0, s = 0;
    if (std::sscanf(u.c_str(), "%4d%2d%2dT%2d%2d%2dZ", &y, &mo, &da, &h, &mi, &s) == 6) {
      const SysTime t = sys_days{year_month_day{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(da)}}} +
                        hours{h} + minutes{mi} + seconds{s};
      const TimeZone zone = TimeZone::Named(d.series.time_zone).value_or(TimeZone{});
      in.ends = "until";
      in.until = FormatDate(zone.LocalDate(t));
    } else {
      in.repeat = "custom";
    }
  }
  return in;
}

}  // namespace tilti::events
