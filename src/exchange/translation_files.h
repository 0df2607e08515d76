#pragma once
// Pending translations as files for translators: gettext PO and XLIFF 1.2, written and read
// back. Pure code: no database, no I/O. Each unit is keyed "entity/id/field" (msgctxt in PO,
// trans-unit id in XLIFF); ids may themselves contain '/', so the entity is what comes before
// the first '/' and the field what comes after the last.
//
// The readers take untrusted uploads: they never expand anything but the five XML entities and
// character references (no DTD), bound the nesting and the number of units, and report every
// problem with the line it is on instead of stopping at the first.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tilti::exchange {

struct TranslationUnit {
  std::string entity, id, field;
  std::string source_locale;  // of the source text (XLIFF source xml:lang; PO "#. source: xx")
  std::string source;         // the source text as exported
  std::string target;         // the translation, "" when there is none
  bool fuzzy = false;  // outdated / needs review (PO "#, fuzzy"; XLIFF needs-review-translation)
  int line = 0;        // where the unit starts in the file it was read from (1-based)
};

// "entity/id/field" and back; nullopt when the key has no entity, id or field.
std::string UnitKey(const TranslationUnit& unit);
bool SplitUnitKey(std::string_view key, TranslationUnit& unit);

// A translation's text is acceptable: valid UTF-8, no control characters (a description may
// hold line breaks and tabs), at most MaxTextLength(field) characters.
enum class TextProblem { kInvalidUtf8, kControlCharacter, kTooLong };
size_t MaxTextLength(std::string_view field);  // name 300, other fields 5000 (code points)
std::optional<TextProblem> CheckTranslationText(std::string_view field, std::string_view text);

// A PO file: a header with Language (and Content-Type UTF-8), then per unit a "#. source: xx"
// comment, "#, fuzzy" when `fuzzy`, msgctxt = the key, msgid = source, msgstr = target.
std::string WritePo(const std::vector<TranslationUnit>& units, std::string_view target_locale);
// An XLIFF 1.2 document: one <file> per source language, one trans-unit per unit, the target
// with state "needs-translation" (no translation yet) or "needs-review-translation" (fuzzy).
std::string WriteXliff(const std::vector<TranslationUnit>& units, std::string_view target_locale);

enum class FileProblemKind {
  kMalformed,       // not a PO/XLIFF file we can read at this line
  kMissingKey,      // an entry without msgctxt / a trans-unit without a usable id
  kDuplicate,       // the same key twice
  kNoLanguage,      // no Language header / target-language
  kUnsupported,     // plural forms, inline markup
  kTooManyUnits,
};
struct FileProblem {
  int line = 0;
  FileProblemKind kind = FileProblemKind::kMalformed;
  std::string detail;  // English, for logs and tests; pages show the kind in the user's language
};

struct TranslationFile {
  std::string target_locale;  // Language / target-language ("" when absent)
  std::vector<TranslationUnit> units;
  std::vector<FileProblem> problems;  // in line order; when not empty, `units` are not to be used
  // A PO "#, fuzzy" entry and an XLIFF target in a needs-review-* state are not finished:
  // `fuzzy` is set on them and importers leave them out.
};

constexpr size_t kMaxUnits = 20000;

TranslationFile ReadPo(std::string_view content);
TranslationFile ReadXliff(std::string_view content);
// XLIFF when the content (after a byte order mark and blanks) starts with '<', else PO.
TranslationFile ReadTranslationFile(std::string_view content);

}  // namespace tilti::exchange
