#pragma once
// Text to speech with libespeak-ng, in process: Synthesize(voice, text) returns a WAV file.
// General on purpose (any voice, any text): the phrasebook uses it, and so can "read aloud".
// Callers usually want it through store/speech_cache.h, which keeps every result in the
// database so each (voice, text) is synthesised once across all nodes.
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace tilti::speech {

struct SynthesizerOptions {
  // espeak-ng's data folder; "" = the one the library was built with (Debian:
  // /usr/lib/x86_64-linux-gnu/espeak-ng-data, package espeak-ng-data).
  std::string data_path;
  int words_per_minute = 150;  // a little slower than espeak-ng's 175: listeners are learners
};

// Longest text accepted, in bytes (a paragraph; guides are read aloud paragraph by paragraph).
inline constexpr size_t kMaxTextBytes = 4000;

class Synthesizer {
 public:
  explicit Synthesizer(SynthesizerOptions options = {});

  // The WAV file (RIFF/WAVE, 16-bit mono PCM at espeak-ng's rate, 22050 Hz) of `text` (UTF-8,
  // plain text: "<" is read, never taken as markup) spoken by espeak-ng voice `voice` ("lv",
  // "ru", "uk", "en"; see voices.h for our locales). Errors:
  //   kInvalidInput  empty or blank text, text over kMaxTextBytes, a voice name that is not
  //                  letters, digits and '-' (never a path)
  //   kNotFound      espeak-ng has no such voice
  //   kUnavailable   espeak-ng could not start (its data missing) or produced no sound
  // Thread-safe: espeak-ng keeps global state, so every call in the process is serialised by
  // one mutex (one synthesis of a phrase takes a few tens of milliseconds).
  Result<std::string> Synthesize(std::string_view voice, std::string_view text);

  // How many syntheses this object has completed (for /metrics: shows the cache working).
  uint64_t syntheses() const { return syntheses_.load(std::memory_order_relaxed); }

 private:
  SynthesizerOptions options_;
  std::atomic<uint64_t> syntheses_{0};
};

// The cache key of a spoken text: SHA-256 of its UTF-8 bytes, as 64 lower-case hex digits.
std::string TextKey(std::string_view text);

}  // namespace tilti::speech
