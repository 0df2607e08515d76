#pragma once
// What a reader of the events list (and of a calendar feed built from the same query) asks
// for. One struct for the list page, the month view, /{lang}/events.ics and the saved short
// feeds of /f/{slug}.{lang}.ics, so a feed lists exactly what the page lists.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tilti::events {

enum class Attendance { kAny, kOnSite, kOnline };

struct EventFilter {
  std::string library;       // organisation slug
  std::string municipality;  // municipality id (the organisation's parent)
  std::string category;      // 'event-category' term code ("conversation-club")
  std::string audience;      // 'target-group' term code
  std::string language;      // ISO 639 code the event is held in (or interpreted into)
  bool interpreter = false;  // only events with an interpreter
  Attendance attendance = Attendance::kAny;
  std::optional<std::chrono::year_month_day> from;  // inclusive, wall-clock dates
  std::optional<std::chrono::year_month_day> to;    // inclusive
  std::optional<double> latitude, longitude;        // "near me": nearest first (list only)
  bool operator==(const EventFilter&) const = default;
};

// The filter of a query string's parameters (library, municipality, category, audience,
// language, interpreter=1, attendance=online|on-site, from, to, lat, lon). Unknown parameters
// are ignored; a malformed value is dropped and its name returned in `bad` (the page says so).
EventFilter FilterFromQuery(const std::map<std::string, std::string, std::less<>>& params,
                            std::vector<std::string>* bad = nullptr);
// The canonical query string of a filter (sorted, percent-encoded, no empty parameters),
// without '?': the same filter always gives the same string (feed URLs, saved feeds).
std::string FilterToQuery(const EventFilter& filter);

}  // namespace tilti::events
