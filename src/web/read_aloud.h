#pragma once
// "Read aloud" for the guides for newcomers (issue 8), pure: a guide's Markdown as the parts
// espeak-ng reads, one audio file each, and the names of those files. A file's name carries a
// short hash of the voice and the words, so an edited guide gets new addresses and a browser
// never plays stale audio it kept; an old name is simply no longer found.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tilti::web {

// The parts of a guide's `markdown` read aloud, in order: its paragraphs (web/markdown's
// MarkdownParagraphs), a paragraph longer than the synthesizer takes cut into several
// (speech::SplitForSpeech). Each is valid UTF-8, at most speech::kMaxTextBytes bytes.
std::vector<std::string> ReadAloudParts(std::string_view markdown);

// The file name of part `n` (from 1) with text `text` spoken by `voice`: "3-1a2b3c4d.wav", the
// hex digits the first 8 of SHA-256(voice, NUL, text).
std::string ReadAloudFileName(size_t n, std::string_view voice, std::string_view text);

// The part number a file name asks for: "3-1a2b3c4d.wav" -> 3. nullopt unless it starts with 1
// to 4 digits (no leading zero) and a '-'. The caller still compares the whole name with
// ReadAloudFileName: that checks the hash and the rest.
std::optional<size_t> ReadAloudPartNumber(std::string_view file);

// The beginning of `text` as a label: at most `max_chars` characters, cut at a space when the
// text is longer (at a character when the first word is), then "…". Valid UTF-8 in, valid out.
std::string TextSnippet(std::string_view text, size_t max_chars);

}  // namespace tilti::web
