#pragma once
// Plain text made ready for the synthesizer, pure: valid UTF-8 in pieces it accepts. General on
// purpose (any plain text); "read aloud" uses it for the paragraphs of a guide.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "speech/synthesizer.h"

namespace tilti::speech {

// `text` with every byte that is not part of a well-formed UTF-8 sequence (stray continuation
// bytes, truncated or overlong sequences, surrogates, values past U+10FFFF) replaced by U+FFFD.
std::string ValidUtf8(std::string_view text);

// `text` (made valid UTF-8, spaces at both ends trimmed) in pieces of at most `max_bytes` bytes
// each, in order, none empty or blank; {} for blank text. A text that fits is one piece. A longer
// one is cut, as late as the limit allows, at the end of a sentence (".", "!", "?" or "…",
// closing quotes and brackets after them, then a space, and what follows not a lower-case letter
// or a digit: "2014. gada" goes on); failing that at the last space; failing that (one "word"
// longer than the limit) between two characters, never inside one. The spaces at a cut are
// dropped. `max_bytes` below 4 is taken as 4 (the longest UTF-8 character).
std::vector<std::string> SplitForSpeech(std::string_view text, size_t max_bytes = kMaxTextBytes);

}  // namespace tilti::speech
