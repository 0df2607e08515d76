#include "speech/voices.h"

#include <array>
#include <utility>

namespace tilti::speech {
namespace {

// Our locales and the espeak-ng voices that speak them (espeak-ng-data 1.51: lang/bat/lv,
// lang/zle/ru, lang/zle/uk, lang/gmw/en). Adding a locale to the site does not add a voice:
// a language espeak-ng speaks badly is better marked "no audio" than read wrongly.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kVoices = {{
    {"lv", "lv"},
    {"ru", "ru"},
    {"uk", "uk"},
    {"en", "en"},
}};

}  // namespace

std::optional<std::string> VoiceFor(std::string_view locale) {
  const std::string_view language = locale.substr(0, locale.find_first_of("-_"));
  for (const auto& [code, voice] : kVoices) {
    if (code == language) return std::string(voice);
  }
  return std::nullopt;
}

}  // namespace tilti::speech
