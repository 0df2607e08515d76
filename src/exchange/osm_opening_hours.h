#pragma once
// The OpenStreetMap `opening_hours` tag (https://wiki.openstreetmap.org/wiki/Key:opening_hours/
// specification) read into Tilti's weekly periods. Only the subset that real library data needs
// and that the weekly model can state exactly; anything else is an error naming the rule, never
// a guess. Pure, no I/O, thread-safe.
#include <string_view>
#include <vector>

#include "core/error.h"
#include "directory/opening_hours.h"

namespace tilti::exchange {

struct OsmHours {
  // Sorted by weekday, then opens_min; overlapping and touching periods of a day merged; no
  // valid_from/valid_to. Passes directory::ValidatePeriods. Empty when every day is closed.
  std::vector<directory::Period> periods;
  bool closed_on_public_holidays = false;  // "PH off" / "PH closed" appeared in some rule

  bool operator==(const OsmHours&) const = default;
};

// Parses a whole `opening_hours` value, all or nothing. On failure the Error is kInvalidInput
// with no field errors and an English `detail` naming the rule (1-based, as written) and why:
//   "rule 2 'Jan-Jun Mo 10:00-12:00': month and date ranges are not supported"
// Errors that concern the whole text ("opening_hours is empty") name no rule.
//
// Understood:
// - rules separated by ';'; a ',' also starts a new rule when the previous rule has its times
//   (or off) and what follows is a weekday or PH ("Mo-Fr 08:00-12:00, Sa 09:00-12:00");
// - weekday selectors Mo..Su, ranges "Mo-Fr", wrapping ranges "Fr-Mo", lists
//   "Mo,We,Fr" and "Mo-We,Fr"; PH alone or in such a list ("Su,PH off");
// - times "HH:MM-HH:MM" or "H:MM-HH:MM", '-' with or without spaces, several per rule joined
//   by ','; "24:00" as an end; an end past midnight, extended ("22:00-26:00", up to 48:00) or
//   wrapping ("20:00-02:00": only an afternoon/evening start with an end by 12:00, since
//   "10:00-08:00" is far likelier a typo than a 22-hour opening), continues on the next day;
// - "off" / "closed" after a selector; an optional "open" after the times; "24/7" alone;
// - keywords in any letter case ("mo-fr", "ph off"), as real data writes them.
//
// Semantics: a rule replaces what earlier rules said about the weekdays it names, including a
// ','-joined rule (OSM would add it to the earlier hours; replacing can only show fewer hours,
// never more). A rule that continues past midnight keeps its tail on the next day even if a
// later rule names that day. A selector-less rule ("10:00-12:00") is accepted only as the first
// rule: after weekday rules it would wipe them all, which in the real data was a typo.
// "PH off" anywhere sets closed_on_public_holidays, even where strict OSM order would let a
// later weekday rule reopen the holiday: authors mean closed, and closed is the safe reading.
//
// Rejected with a reason: '||' fallback rules; month, date, year and week selectors; SH; nth
// weekdays ("Mo[1]"); holiday offsets; sunrise/sunset/dawn/dusk; open ends ("10:00+"); quoted
// comments; "unknown"; PH with times; times with "off"; weekdays without times (OSM would read
// "Mo-Fr" as open all day); "HH.MM" and "10h00" times (in the real data these only occur inside
// free text); a text that names only public holidays; anything else not listed above.
Result<OsmHours> ParseOsmOpeningHours(std::string_view text);

}  // namespace tilti::exchange
