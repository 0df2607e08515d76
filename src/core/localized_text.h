#pragma once
// A human text picked for a reader: the text and the locale it is actually in. When that locale
// differs from the page's, the page marks the text with its own lang and says so (QUALITY W7).
#include <string>
#include <vector>

namespace tilti {

struct LocalizedText {
  std::string text;
  std::string locale;  // empty when no text exists in any acceptable locale
  bool empty() const { return text.empty(); }
};

// The locales to try, best first: the page's locale, then its content fallbacks
// (e.g. {"uk", "en", "lv"}; never Russian for Ukrainian).
using LocaleChain = std::vector<std::string>;

}  // namespace tilti
