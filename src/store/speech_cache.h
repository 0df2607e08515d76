#pragma once
// Spoken audio kept in the database (migration 0019), so each (voice, text) is synthesised once
// for the whole site, however many nodes serve it: a node asks the table first and synthesises
// only what no node has made yet. Use this, not speech::Synthesizer directly, to serve audio.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "speech/synthesizer.h"
#include "store/database.h"

namespace tilti::store {

// The WAV of `text` spoken by espeak-ng voice `voice`: the stored one, or a new synthesis that
// is then stored (created = now). Two nodes making the same audio at once both succeed and
// one row stays. Errors are Synthesizer::Synthesize's (nothing is stored then). Thread-safe.
Result<std::string> SpokenWav(Database& db, speech::Synthesizer& synthesizer,
                              std::string_view voice, std::string_view text, SysTime now);

// The stored WAV for (voice, speech::TextKey(text)), if any.
std::optional<std::string> StoredSpokenWav(Connection& c, std::string_view voice,
                                           std::string_view text_sha256);

// How many audio files are stored (for /metrics and tests).
int64_t StoredSpokenWavCount(Connection& c);

}  // namespace tilti::store
