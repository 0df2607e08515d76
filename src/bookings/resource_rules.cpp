#include "bookings/resource_rules.h"

#include <algorithm>
#include <charconv>

#include "core/text.h"
#include "directory/opening_hours.h"

namespace tilti::bookings {
namespace {

std::optional<int> WholeNumber(std::string_view typed) {
  const std::string t = TrimSpace(typed);
  int v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size()) return std::nullopt;
  return v;
}

// Splits on commas and semicolons.
std::vector<std::string> Parts(std::string_view typed) {
  std::vector<std::string> out;
  std::string current;
  for (char ch : typed) {
    if (ch == ',' || ch == ';') {
      out.push_back(TrimSpace(current));
      current.clear();
    } else {
      current += ch;
    }
  }
  out.push_back(TrimSpace(current));
  return out;
}

}  // namespace

std::optional<std::vector<ResourcePeriod>> ParseDayRanges(std::string_view typed, int weekday, bool quiet) {
  std::vector<ResourcePeriod> out;
  if (TrimSpace(typed).empty()) return out;
  for (std::string part : Parts(typed)) {
    // "–" (en dash, 3 octets) or "-" between the times.
    size_t dash = part.find("\xE2\x80\x93");
    size_t width = 3;
    if (dash == std::string::npos) {
      dash = part.find('-');
      width = 1;
    }
    if (dash == std::string::npos) return std::nullopt;
    auto from = directory::ParseClockTime(TrimSpace(part.substr(0, dash)));
    auto to = directory::ParseClockTime(TrimSpace(part.substr(dash + width)));
    if (!from || !to || *to <= *from || *from >= directory::kMinutesPerDay) return std::nullopt;
    out.push_back({weekday, *from, *to, quiet});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.opens_min < b.opens_min; });
  for (size_t i = 1; i < out.size(); ++i) {
    if (out[i].opens_min < out[i - 1].closes_min) return std::nullopt;  // overlapping ranges
  }
  return out;
}

std::string FormatDayRanges(const std::vector<ResourcePeriod>& periods, int weekday, bool quiet) {
  std::string out;
  for (const ResourcePeriod& p : periods) {
    if (p.weekday != weekday || p.quiet != quiet) continue;
    if (!out.empty()) out += ", ";
    out += directory::FormatClockTime(p.opens_min) + "\xE2\x80\x93" + directory::FormatClockTime(p.closes_min);
  }
  return out;
}

Result<ResourceDraft> ValidateResource(const ResourceInput& in, const ResourceContext& context) {
  std::vector<FieldError> errors;
  ResourceDraft d;
  if (auto kind = ParseResourceKind(in.kind)) {
    d.kind = *kind;
  } else {
    errors.push_back({"kind", "bookings.error.kind"});
  }
  d.name = TrimSpace(in.name);
  if (d.name.empty()) errors.push_back({"name", "bookings.error.name_missing"});
  else if (Utf8Length(d.name) > kMaxNameChars) errors.push_back({"name", "bookings.error.name_too_long"});
  d.description = TrimSpace(in.description);
  if (Utf8Length(d.description) > kMaxTextChars) errors.push_back({"description", "bookings.error.text_too_long"});
  d.what_to_expect = TrimSpace(in.what_to_expect);
  if (Utf8Length(d.what_to_expect) > kMaxTextChars) errors.push_back({"what_to_expect", "bookings.error.text_too_long"});
  auto capacity = WholeNumber(in.capacity);
  if (!capacity || *capacity < 1 || *capacity > kMaxResourceCapacity) {
    errors.push_back({"capacity", "bookings.error.capacity"});
  } else {
    d.capacity = *capacity;
  }
  // The rules: a number that is not one is said so; a number out of range as ValidateRules says.
  bool numbers = true;
  auto number = [&](const std::string& typed, const char* field, int* into) {
    if (auto v = WholeNumber(typed)) {
      *into = *v;
    } else {
      errors.push_back({field, "bookings.error.number"});
      numbers = false;
    }
  };
  number(in.slot_minutes, "slot_minutes", &d.rules.slot_minutes);
  number(in.buffer_minutes, "buffer_minutes", &d.rules.buffer_minutes);
  number(in.book_ahead_days, "book_ahead_days", &d.rules.book_ahead_days);
  number(in.min_notice_minutes, "min_notice_minutes", &d.rules.min_notice_minutes);
  if (numbers) {
    if (Status rules = ValidateRules(d.rules, {}); !rules.ok()) {
      for (const FieldError& e : rules.error().fields) errors.push_back(e);
    }
  }
  d.approval = in.approval == "1";
  for (int day = 1; day <= 7; ++day) {
    for (bool quiet : {false, true}) {
      const std::string& typed = quiet ? in.quiet[day - 1] : in.hours[day - 1];
      auto ranges = ParseDayRanges(typed, day, quiet);
      if (!ranges) {
        errors.push_back({(quiet ? "quiet-" : "hours-") + std::to_string(day), "bookings.error.ranges"});
        continue;
      }
      d.periods.insert(d.periods.end(), ranges->begin(), ranges->end());
    }
  }
  for (const std::string& code : in.languages) {
    if (std::find(context.languages.begin(), context.languages.end(), code) == context.languages.end()) {
      errors.push_back({"languages", "bookings.error.language"});
      break;
    }
    d.languages.push_back(code);
  }
  for (const std::string& code : in.features) {
    auto it = context.features.find(code);
    if (it == context.features.end()) {
      errors.push_back({"features", "bookings.error.feature"});
      break;
    }
    d.feature_ids.push_back(it->second);
  }
  if (!errors.empty()) return Error{ErrorCode::kInvalidInput, "resource form", std::move(errors)};
  return d;
}

ResourceInput InputOf(const ResourceDraft& d, const std::map<std::string, std::string>& feature_codes) {
  ResourceInput in;
  in.kind = std::string(ResourceKindName(d.kind));
  in.name = d.name;
  in.description = d.description;
  in.what_to_expect = d.what_to_expect;
  in.capacity = std::to_string(d.capacity);
  in.slot_minutes = std::to_string(d.rules.slot_minutes);
  in.buffer_minutes = std::to_string(d.rules.buffer_minutes);
  in.book_ahead_days = std::to_string(d.rules.book_ahead_days);
  in.min_notice_minutes = std::to_string(d.rules.min_notice_minutes);
  in.approval = d.approval ? "1" : "";
  for (int day = 1; day <= 7; ++day) {
    in.hours[day - 1] = FormatDayRanges(d.periods, day, false);
    in.quiet[day - 1] = FormatDayRanges(d.periods, day, true);
  }
  in.languages = d.languages;
  for (const std::string& id : d.feature_ids) {
    if (auto it = feature_codes.find(id); it != feature_codes.end()) in.features.push_back(it->second);
  }
  return in;
}

}  // namespace tilti::bookings
