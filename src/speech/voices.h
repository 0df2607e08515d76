#pragma once
// Which espeak-ng voice speaks which of our locales. A locale with no voice here "cannot be
// spoken": pages say so instead of offering audio.
#include <optional>
#include <string>
#include <string_view>

namespace tilti::speech {

// The espeak-ng voice name for a locale code ("lv" -> "lv", "en" -> "en"), or nullopt when
// espeak-ng has no voice we trust for it. Only the language part is looked at ("en-GB" -> "en").
std::optional<std::string> VoiceFor(std::string_view locale);

}  // namespace tilti::speech
