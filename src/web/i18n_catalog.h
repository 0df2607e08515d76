#pragma once
// Message catalogues: every visible string of the site, by stable key, in every language.
//
// Catalogues are gettext PO files, one per language, web/locales/<code>.po (see
// web/locales/README.md). Each msgstr is ICU MessageFormat text, so plurals follow CLDR for
// the language:
//
//   msgid "search.count"
//   msgstr "{count, plural, zero {# bibliotēku} one {# bibliotēka} other {# bibliotēkas}}"
//
// The header entry (msgid "") names the language and its display facts:
//
//   "Language: uk\n"          optional; if present it must match the file name
//   "X-Endonym: Українська\n" required; the language's name in itself (language switcher)
//   "X-Direction: ltr\n"      "ltr" (default) or "rtl"
//   "X-Fallback: en, lv\n"    content fallback order, most preferred first; every code must
//                             have a catalogue; Ukrainian may never reach Russian (QUALITY W7)
//   "Plural-Forms: ...\n"     ignored: plural rules come from CLDR through ICU
//
// Everything is checked by Load(), so a broken catalogue stops the start-up (STYLE habit 10).
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/embedded.h"
#include "core/error.h"

namespace tilti::web::i18n {

struct LocaleInfo {
  std::string code;     // "lv", "ru", "uk", "en"; the PO file's stem
  std::string endonym;  // "Latviešu", "Русский", "Українська", "English"
  std::string dir;      // "ltr" or "rtl", for <html dir>
  std::vector<std::string> fallbacks;  // X-Fallback, in order; never contains `code`
};

using ArgValue = std::variant<int64_t, double, std::string>;

// One named argument of a message: {{"count", 3}}, {{"name", user.name}}.
struct Arg {
  template <typename I>
  requires(std::is_integral_v<I> && !std::is_same_v<I, bool>) Arg(std::string n, I v)
      : name(std::move(n)), value(static_cast<int64_t>(v)) {}
  Arg(std::string n, double v) : name(std::move(n)), value(v) {}
  Arg(std::string n, std::string v) : name(std::move(n)), value(std::move(v)) {}
  Arg(std::string n, std::string_view v) : name(std::move(n)), value(std::string(v)) {}
  Arg(std::string n, const char* v) : name(std::move(n)), value(std::string(v)) {}

  std::string name;
  ArgValue value;
};
using Args = std::vector<Arg>;

// All catalogues, loaded once at start-up and immutable afterwards. Every method is const and
// safe to call concurrently from any number of threads.
class Messages {
 public:
  // The reference language: it must exist and hold every key; other languages fall back to it.
  static constexpr std::string_view kReference = "en";

  // Loads and checks the catalogues among `files`: every file whose path ends in ".po"
  // ("locales/lv.po" or "lv.po"; the stem is the locale code); other files are ignored.
  // Fails with kInvalidInput if any check fails; `detail` then lists every problem found, one
  // per line, as "<path>:<line>: <what>", e.g.
  //   locales/ru.po:42: unbalanced brace in "search.count"
  // Checks: PO syntax; header (X-Endonym present, X-Direction valid, Language matches the
  // file name, X-Fallback codes loaded, Ukrainian never falls back to Russian); keys are made
  // of letters, digits, '.', '_', '-' and unique per file; en exists, has no empty or fuzzy
  // message, and every other language's keys exist in en; each msgstr compiles as ICU
  // MessageFormat for its language, uses named arguments only, no date/time/choice
  // arguments (dates go through Formatter, in Europe/Riga), and each plural or selectordinal
  // lists exactly the CLDR categories of its language (lv: zero, one, other; ru and uk: one,
  // few, many, other; en: one, other) plus any "=N" cases; a translation uses the same
  // argument names as en.
  // Not errors: a key missing in a language other than en, an empty msgstr or a "#, fuzzy"
  // entry (gettext's "untranslated") — see MissingKeys(). msgctxt is accepted and ignored:
  // our keys already carry their context.
  static Result<Messages> Load(const std::vector<embedded::File>& files);

  Messages(Messages&&) noexcept;
  Messages& operator=(Messages&&) noexcept;
  ~Messages();

  // The message `key` in `locale`, formatted with `args`.
  // - unknown locale: as if `locale` were "en";
  // - key missing in that locale: en's text (SourceLocale() says so, for a lang attribute);
  // - key missing in en too: the key itself, so the gap is visible and tests catch it;
  // - an argument the message uses but `args` lacks is shown as "{name}"; extra args are
  //   ignored; a string given where a number is needed yields the key (and a warning log).
  // Messages without "{" (and without quoting apostrophes) are returned without ICU.
  std::string Tr(std::string_view locale, std::string_view key, const Args& args = {}) const;

  // The locale whose text Tr(locale, key) uses: `locale` itself, or "en" after a fallback
  // (also for an unknown locale or an unknown key). The view stays valid while *this lives.
  std::string_view SourceLocale(std::string_view locale, std::string_view key) const;

  // Every message key, i.e. en's keys, sorted. Valid while *this lives.
  const std::vector<std::string>& Keys() const;
  // True if en has message `key` (then every locale can show it, by fallback if need be).
  bool HasKey(std::string_view key) const;
  // True if en's message `key` has arguments ({name}, {count, plural, ...}), i.e. it needs
  // Args to read right. False for plain messages and unknown keys.
  bool TakesArguments(std::string_view key) const;

  // Loaded locales in display order: lv, ru, uk, en (those present), then the rest by code.
  const std::vector<LocaleInfo>& Locales() const;
  // True if locale `code` is loaded.
  bool Has(std::string_view code) const;
  // nullptr if `code` is not loaded; otherwise valid while *this lives.
  const LocaleInfo* Find(std::string_view code) const;

  // Keys that en has and `code` lacks (absent, empty or fuzzy), sorted; empty for en and for
  // unknown codes.
  std::vector<std::string> MissingKeys(std::string_view code) const;
  // The same for every locale that lacks something (each list non-empty), by code. The app
  // logs them once at start-up as a warning.
  std::map<std::string, std::vector<std::string>> MissingKeys() const;

 private:
  struct Impl;
  explicit Messages(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tilti::web::i18n
