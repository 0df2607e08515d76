#pragma once
// Dates, times and numbers for one language, always on the Europe/Riga wall clock whatever the
// process time zone (QUALITY W10). View models call these so templates get finished text.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "web/i18n_riga_time.h"  // CivilRiga / FromCivilRiga, for callers of this header

namespace tilti::web::i18n {

// Built once per language at start-up (construction costs about a millisecond) and shared.
// All methods are const and safe to call concurrently from any number of threads.
// Examples are for 2026-03-29T01:30Z, which is Sunday 04:30 in Riga.
class Formatter {
 public:
  // `locale` is one of our codes ("lv", "ru", "uk", "en", ...). English uses British
  // conventions (day before month). An unknown code formats with CLDR's root data.
  // Throws std::runtime_error only if ICU's data is broken (an installation fault).
  explicit Formatter(std::string_view locale);
  Formatter(Formatter&&) noexcept;
  Formatter& operator=(Formatter&&) noexcept;
  ~Formatter();

  const std::string& locale() const;

  // ICU's long date: lv "2026. gada 29. marts", ru "29 марта 2026 г.",
  // uk "29 березня 2026 р.", en "29 March 2026". In ru and uk the space before "г."/"р." is
  // U+202F (narrow no-break space), as CLDR has it, in this and MonthYear.
  std::string LongDate(SysTime t) const;
  // Numeric date with a four-digit year: lv/ru/uk "29.03.2026", en "29/03/2026".
  std::string ShortDate(SysTime t) const;
  // "04:30" — 24-hour with leading zeros in every language.
  std::string Time(SysTime t) const;
  // Name of the day as used inside a sentence: lv "svētdiena", ru "воскресенье",
  // uk "неділя", en "Sunday".
  std::string Weekday(SysTime t) const;
  // Name of the month on its own (nominative): lv "marts", ru "март", uk "березень",
  // en "March".
  std::string Month(SysTime t) const;
  // Month and year, e.g. a calendar heading: lv "2026. g. marts", ru "март 2026 г.",
  // uk "березень 2026 р.", en "March 2026".
  std::string MonthYear(SysTime t) const;

  // Locale grouping: lv 1234567 → "1 234 567" (a no-break space; lv groups only from five
  // digits), ru/uk "1 234 567", en "1,234,567".
  std::string Number(int64_t n) const;
  // At most `max_fraction_digits` (clamped to 0..15) decimals, rounded half-even, trailing
  // zeros dropped: lv "1234,5", ru/uk "1 234,5", en "1,234.5".
  std::string Number(double n, int max_fraction_digits = 2) const;
  // A share given in hundredths of a percent (6005 -> "60.05%" in English, "60,05 %" in Latvian).
  std::string Percent(int64_t basis_points) const;
  // An amount in euros as the language writes it, with two decimals: lv "124 562,30 €",
  // en "€124,562.30". `cents` must not be negative.
  std::string Euros(int64_t cents) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tilti::web::i18n
