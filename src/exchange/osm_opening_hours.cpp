#include "exchange/osm_opening_hours.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>

namespace tilti::exchange {
namespace {

using directory::kMinutesPerDay;

// Extended times may run to 48:00 (the end of the next day), as the specification allows.
constexpr int kLatestEnd = 2 * kMinutesPerDay;
// A wrapping range ("20:00-02:00") must start at or after noon and end by noon.
constexpr int kNoon = 12 * 60;

enum class Kind {
  kWeekday,        // value 1..7
  kHoliday,        // PH
  kSchoolHoliday,  // SH
  kTime,           // value = minutes as written (hours may exceed 24); only well-formed H:MM/HH:MM
  kBadTime,        // digits and ':' that are not H:MM or HH:MM
  kDottedTime,     // 16.00
  kNumber,
  kAlways,  // 24/7
  kDash,
  kComma,
  kSemicolon,
  kFallback,  // ||
  kColon,
  kOff,  // off, closed
  kOpen,
  kUnknown,
  kMonth,
  kWeek,
  kSunEvent,
  kEaster,
  kDayOffset,  // day, days
  kComment,
  kBracket,
  kPlus,
  kWord,
  kOther,
};

struct Token {
  Kind kind;
  size_t begin;
  size_t end;
  int value = 0;
};

bool IsWordByte(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Token ClassifyWord(std::string_view word, size_t begin, size_t end) {
  static constexpr std::array<std::string_view, 7> kWeekdays = {"mo", "tu", "we", "th",
                                                                "fr", "sa", "su"};
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string w = Lower(word);
  for (size_t i = 0; i < kWeekdays.size(); ++i) {
    if (w == kWeekdays[i]) return {Kind::kWeekday, begin, end, static_cast<int>(i) + 1};
  }
  for (auto m : kMonths) {
    if (w == m) return {Kind::kMonth, begin, end};
  }
  Kind kind = Kind::kWord;
  if (w == "ph") kind = Kind::kHoliday;
  if (w == "sh") kind = Kind::kSchoolHoliday;
  if (w == "off" || w == "closed") kind = Kind::kOff;
  if (w == "open") kind = Kind::kOpen;
  if (w == "unknown") kind = Kind::kUnknown;
  if (w == "week") kind = Kind::kWeek;
  if (w == "sunrise" || w == "sunset" || w == "dawn" || w == "dusk") kind = Kind::kSunEvent;
  if (w == "easter") kind = Kind::kEaster;
  if (w == "day" || w == "days") kind = Kind::kDayOffset;
  return {kind, begin, end};
}

// Never fails: what it does not know becomes kWord/kOther and the rule parser reports it.
std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const size_t begin = i;
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (IsDigit(c)) {
      while (i < s.size() && IsDigit(s[i])) ++i;
      const size_t hour_digits = i - begin;
      if (i < s.size() && s[i] == ':') {
        const size_t colon = i++;
        while (i < s.size() && IsDigit(s[i])) ++i;
        const size_t minute_digits = i - colon - 1;
        const int minutes =
            minute_digits == 2 ? std::stoi(std::string(s.substr(colon + 1, 2))) : 99;
        if (hour_digits <= 2 && minute_digits == 2 && minutes < 60) {
          const int hours = std::stoi(std::string(s.substr(begin, hour_digits)));
          out.push_back({Kind::kTime, begin, i, hours * 60 + minutes});
        } else {
          out.push_back({Kind::kBadTime, begin, i});
        }
      } else if (i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) {
        ++i;
        while (i < s.size() && IsDigit(s[i])) ++i;
        out.push_back({Kind::kDottedTime, begin, i});
      } else if (s.substr(begin, i - begin) == "24" && s.substr(i, 2) == "/7") {
        i += 2;
        out.push_back({Kind::kAlways, begin, i});
      } else {
        // Digits glued to letters ("10h00") stay one token so the message quotes all of it.
        while (i < s.size() && (IsDigit(s[i]) || IsWordByte(s[i]))) ++i;
        const bool plain = i - begin == hour_digits;
        out.push_back(
            {plain ? Kind::kNumber : Kind::kWord, begin, i,
             plain && hour_digits <= 6 ? std::stoi(std::string(s.substr(begin, i - begin))) : 0});
      }
      continue;
    }
    if (IsWordByte(c)) {
      while (i < s.size() && IsWordByte(s[i])) ++i;
      out.push_back(ClassifyWord(s.substr(begin, i - begin), begin, i));
      continue;
    }
    if (c == '"') {
      const size_t close = s.find('"', i + 1);
      i = close == std::string_view::npos ? s.size() : close + 1;
      out.push_back({Kind::kComment, begin, i});
      continue;
    }
    if (c == '|' && i + 1 < s.size() && s[i + 1] == '|') {
      i += 2;
      out.push_back({Kind::kFallback, begin, i});
      continue;
    }
    Kind kind = Kind::kOther;
    switch (c) {
      case '-':
        kind = Kind::kDash;
        break;
      case ',':
        kind = Kind::kComma;
        break;
      case ';':
        kind = Kind::kSemicolon;
        break;
      case ':':
        kind = Kind::kColon;
        break;
      case '[':
        kind = Kind::kBracket;
        break;
      case '+':
        kind = Kind::kPlus;
        break;
      default:
        break;
    }
    // A whole UTF-8 sequence would be a word byte; a stray ASCII punctuation mark is one byte.
    ++i;
    out.push_back({kind, begin, i});
  }
  return out;
}

bool StartsSelector(Kind k) {
  return k == Kind::kWeekday || k == Kind::kHoliday || k == Kind::kSchoolHoliday ||
         k == Kind::kMonth || k == Kind::kWeek;
}
bool EndsRuleBody(Kind k) {
  return k == Kind::kTime || k == Kind::kOff || k == Kind::kOpen || k == Kind::kAlways ||
         k == Kind::kComment;
}

struct RuleTokens {
  std::vector<Token> tokens;
  bool after_fallback = false;
};

std::vector<RuleTokens> SplitRules(const std::vector<Token>& tokens) {
  std::vector<RuleTokens> rules;
  RuleTokens current;
  auto flush = [&] {
    if (!current.tokens.empty()) rules.push_back(std::move(current));
    current = {};
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind == Kind::kSemicolon) {
      flush();
      continue;
    }
    if (t.kind == Kind::kFallback) {
      flush();
      current.after_fallback = true;
      continue;
    }
    if (t.kind == Kind::kComma && !current.tokens.empty() &&
        EndsRuleBody(current.tokens.back().kind) && i + 1 < tokens.size() &&
        StartsSelector(tokens[i + 1].kind)) {
      const bool fallback = current.after_fallback;
      flush();
      current.after_fallback = fallback;
      continue;
    }
    current.tokens.push_back(t);
  }
  flush();
  return rules;
}

// A feature the weekly model cannot state, whatever its position in the rule.
std::optional<std::string> UnsupportedFeature(const Token& t) {
  switch (t.kind) {
    case Kind::kMonth:
      return "month and date ranges are not supported";
    case Kind::kWeek:
      return "week numbers are not supported";
    case Kind::kSchoolHoliday:
      return "school holidays (SH) are not supported";
    case Kind::kBracket:
      return "nth weekdays of the month (e.g. Mo[1]) are not supported";
    case Kind::kSunEvent:
      return "sunrise, sunset, dawn and dusk are not supported";
    case Kind::kEaster:
      return "easter is not supported";
    case Kind::kDayOffset:
      return "day offsets (e.g. PH -1 day) are not supported";
    case Kind::kPlus:
      return "open ends (e.g. 10:00+) are not supported";
    case Kind::kComment:
      return "comments in quotes are not supported";
    case Kind::kUnknown:
      return "'unknown' is not supported";
    case Kind::kNumber:
      if (t.value >= 1900 && t.value <= 2999 && t.end - t.begin == 4) {
        return "years are not supported";
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

// Ranges a rule gives one weekday, ends up to kLatestEnd (past 24:00 = the next morning).
using DayRanges = std::vector<std::pair<int, int>>;

struct RuleOutcome {
  std::set<int> weekdays;  // the weekdays the rule names (all seven for no selector)
  bool names_holidays = false;
  bool has_selector = false;
  bool off = false;
  DayRanges ranges;
};

class RuleParser {
 public:
  RuleParser(const std::vector<Token>& tokens, std::string_view text)
      : tokens_(tokens), text_(text) {}

  // The rule's meaning, or why it has none (without the "rule N" prefix).
  std::variant<RuleOutcome, std::string> Parse() {
    for (const Token& t : tokens_) {
      if (auto why = UnsupportedFeature(t)) return *why;
    }
    RuleOutcome out;
    if (Is(Kind::kAlways)) {
      ++at_;
      if (!AtEnd()) return Unexpected("after 24/7");
      for (int d = 1; d <= 7; ++d) out.weekdays.insert(d);
      out.ranges.push_back({0, kMinutesPerDay});
      return out;
    }
    if (Is(Kind::kWeekday) || Is(Kind::kHoliday)) {
      if (auto why = ParseSelector(out)) return *why;
    } else {
      for (int d = 1; d <= 7; ++d) out.weekdays.insert(d);
    }
    if (AtEnd()) {
      if (out.names_holidays && out.weekdays.empty()) {
        return std::string("PH without 'off' is not supported");
      }
      return std::string("no times and no 'off' (OSM would read that as open all day)");
    }
    if (Is(Kind::kOff)) {
      ++at_;
      out.off = true;
      if (!AtEnd()) return Unexpected("after 'off'");
      return out;
    }
    if (Is(Kind::kColon)) {
      return std::string("a ':' after the weekdays is not OSM syntax");
    }
    if (!Is(Kind::kTime) && !Is(Kind::kBadTime)) return Unexpected("where times were expected");
    while (true) {
      if (auto why = ParseSpan(out.ranges)) return *why;
      if (!Is(Kind::kComma)) break;
      ++at_;
    }
    if (Is(Kind::kOpen)) ++at_;
    if (Is(Kind::kOff)) return std::string("times with 'off' are not supported");
    if (!AtEnd()) return Unexpected("after the times");
    if (out.names_holidays) return std::string("times for public holidays (PH) are not supported");
    return out;
  }

 private:
  bool AtEnd() const { return at_ >= tokens_.size(); }
  bool Is(Kind k) const { return !AtEnd() && tokens_[at_].kind == k; }
  std::string Quote(const Token& t) const {
    return "'" + std::string(text_.substr(t.begin, t.end - t.begin)) + "'";
  }
  std::string Unexpected(std::string_view where) const {
    if (AtEnd()) return "the rule ends " + std::string(where);
    const Token& t = tokens_[at_];
    if (t.kind == Kind::kWord) {
      return Quote(t) + " is not an OSM weekday or keyword";
    }
    if (t.kind == Kind::kBadTime) return Quote(t) + " is not a time (HH:MM)";
    if (t.kind == Kind::kDottedTime) return Quote(t) + " is not an OSM time (write HH:MM)";
    return "unexpected " + Quote(t) + " " + std::string(where);
  }

  // weekday ['-' weekday] | PH, separated by ','. nullopt on success.
  std::optional<std::string> ParseSelector(RuleOutcome& out) {
    out.has_selector = true;
    while (true) {
      if (Is(Kind::kHoliday)) {
        ++at_;
        out.names_holidays = true;
        if (Is(Kind::kDash)) return std::string("PH cannot be part of a range");
      } else if (Is(Kind::kWeekday)) {
        const int first = tokens_[at_++].value;
        int last = first;
        if (Is(Kind::kDash)) {
          ++at_;
          if (!Is(Kind::kWeekday)) return Unexpected("where a weekday was expected");
          last = tokens_[at_++].value;
        }
        // Fr-Mo wraps over the weekend.
        for (int d = first;; d = d % 7 + 1) {
          out.weekdays.insert(d);
          if (d == last) break;
        }
      } else {
        return Unexpected("where a weekday was expected");
      }
      if (!Is(Kind::kComma)) return std::nullopt;
      ++at_;
    }
  }

  // time '-' time. nullopt on success.
  std::optional<std::string> ParseSpan(DayRanges& ranges) {
    if (!Is(Kind::kTime)) return Unexpected("where an opening time was expected");
    const Token& from = tokens_[at_++];
    if (!Is(Kind::kDash)) {
      if (AtEnd() || Is(Kind::kComma)) return Quote(from) + " has no closing time";
      return Unexpected("where '-' was expected");
    }
    ++at_;
    if (!Is(Kind::kTime)) return Unexpected("where a closing time was expected");
    const Token& to = tokens_[at_++];
    const std::string span = Quote(from) + "-" + Quote(to);
    if (from.value >= kMinutesPerDay) return Quote(from) + " is not an opening time (00:00-23:59)";
    if (to.value > kLatestEnd) return Quote(to) + " is past 48:00";
    int opens = from.value, closes = to.value;
    if (closes == opens) return "the range " + span + " closes when it opens";
    if (closes < opens) {
      if (opens < kNoon || closes > kNoon) {
        return "the range " + span + " closes before it opens";
      }
      closes += kMinutesPerDay;
    }
    ranges.push_back({opens, closes});
    return std::nullopt;
  }

  const std::vector<Token>& tokens_;
  std::string_view text_;
  size_t at_ = 0;
};

Error Invalid(std::string detail) { return Error{ErrorCode::kInvalidInput, std::move(detail)}; }

}  // namespace

Result<OsmHours> ParseOsmOpeningHours(std::string_view text) {
  const std::vector<RuleTokens> rules = SplitRules(Tokenize(text));
  if (rules.empty()) return Invalid("opening_hours is empty");

  OsmHours hours;
  std::array<DayRanges, 8> by_day;  // [1..7], ranges as their own weekday's rule gave them
  bool weekdays_named = false;
  int rule_number = 0;
  for (const RuleTokens& rule : rules) {
    ++rule_number;
    const size_t begin = rule.tokens.front().begin, end = rule.tokens.back().end;
    const std::string prefix = "rule " + std::to_string(rule_number) + " '" +
                               std::string(text.substr(begin, end - begin)) + "': ";
    if (rule.after_fallback) return Invalid(prefix + "fallback rules ('||') are not supported");
    auto parsed = RuleParser(rule.tokens, text).Parse();
    if (auto* why = std::get_if<std::string>(&parsed)) return Invalid(prefix + *why);
    const RuleOutcome& outcome = std::get<RuleOutcome>(parsed);
    if (!outcome.has_selector && weekdays_named) {
      return Invalid(prefix +
                     "a rule without weekdays after other rules would replace them all (a typo?)");
    }
    if (outcome.names_holidays) hours.closed_on_public_holidays = true;  // only "off" gets here
    for (int d : outcome.weekdays) {
      by_day[d] = outcome.off ? DayRanges{} : outcome.ranges;
      weekdays_named = true;
    }
  }
  if (!weekdays_named) return Invalid("only public holidays are given, no weekly hours");

  std::array<DayRanges, 8> on_day;  // [1..7], split at midnight
  for (int d = 1; d <= 7; ++d) {
    for (auto [opens, closes] : by_day[d]) {
      on_day[d].push_back({opens, std::min(closes, kMinutesPerDay)});
      if (closes > kMinutesPerDay) on_day[d % 7 + 1].push_back({0, closes - kMinutesPerDay});
    }
  }
  for (int d = 1; d <= 7; ++d) {
    DayRanges& ranges = on_day[d];
    std::sort(ranges.begin(), ranges.end());
    DayRanges merged;
    for (auto r : ranges) {
      if (!merged.empty() && r.first <= merged.back().second) {
        merged.back().second = std::max(merged.back().second, r.second);
      } else {
        merged.push_back(r);
      }
    }
    for (auto [opens, closes] : merged) {
      Result<directory::Period> period = directory::MakePeriod(d, opens, closes);
      if (!period) return period.error();  // unreachable: ranges were checked above
      hours.periods.push_back(period.value());
    }
  }
  return hours;
}

}  // namespace tilti::exchange
