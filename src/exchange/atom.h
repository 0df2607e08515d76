#pragma once
// Atom feeds (RFC 4287) of what is new: events now, good practices later. Plain text titles and
// summaries (type="text"), every value escaped; ids are tag URIs or urn:uuid given by the caller.
#include <string>
#include <vector>

#include "core/clock.h"

namespace tilti::exchange {

struct AtomEntry {
  std::string id;       // e.g. "urn:uuid:…"
  std::string title;
  std::string summary;  // "" for none
  std::string link;     // absolute URL of the entry's page
  std::string category;  // "" for none (term = label)
  SysTime published{}, updated{};
};

struct AtomFeed {
  std::string id;         // the feed's own URL
  std::string title;
  std::string lang;       // xml:lang of the feed
  std::string self;       // absolute URL of the feed
  std::string alternate;  // absolute URL of the page it follows
  SysTime updated{};      // the newest entry's update (or any fixed time when empty)
  std::vector<AtomEntry> entries;
};

std::string WriteAtom(const AtomFeed& feed);

}  // namespace tilti::exchange
