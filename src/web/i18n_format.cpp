#include "web/i18n_format.h"

#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>

#include <algorithm>
#include <stdexcept>

#include "web/i18n_internal.h"

namespace tilti::web::i18n {
namespace {

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

UDate ToUDate(SysTime t) { return static_cast<UDate>(t.time_since_epoch().count()) * 1000.0; }

void Check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("i18n: cannot build ") + what + ": " +
                             u_errorName(status));
  }
}

// One set of date formats; a pool lends a whole set to one thread at a time because ICU
// date formats are not safe for concurrent use.
struct DateFormats {
  std::unique_ptr<icu::DateFormat> long_date, short_date, time, weekday, month, month_year;

  std::unique_ptr<DateFormats> Clone() const {
    auto copy = std::make_unique<DateFormats>();
    copy->long_date.reset(long_date->clone());
    copy->short_date.reset(short_date->clone());
    copy->time.reset(time->clone());
    copy->weekday.reset(weekday->clone());
    copy->month.reset(month->clone());
    copy->month_year.reset(month_year->clone());
    return copy;
  }
};

std::unique_ptr<icu::DateFormat> FromPattern(const icu::UnicodeString& pattern,
                                             const icu::Locale& locale, const icu::TimeZone& zone) {
  UErrorCode status = U_ZERO_ERROR;
  auto format = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
  Check(status, "a date format");
  format->setTimeZone(zone);
  return format;
}

std::unique_ptr<icu::DateFormat> FromSkeleton(const char* skeleton,
                                              icu::DateTimePatternGenerator& generator,
                                              const icu::Locale& locale,
                                              const icu::TimeZone& zone) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString pattern = generator.getBestPattern(icu::UnicodeString(skeleton), status);
  Check(status, "a date pattern");
  return FromPattern(pattern, locale, zone);
}

}  // namespace

struct Formatter::Impl {
  std::string code;
  // The prototype set that pool slots clone; never used to format.
  std::shared_ptr<const DateFormats> prototype;
  internal::Pool<DateFormats, 8> dates;
  // LocalizedNumberFormatter is immutable and documented thread-safe, so it needs no pool.
  icu::number::LocalizedNumberFormatter numbers;

  Impl(std::string c, std::shared_ptr<const DateFormats> p, const icu::Locale& locale)
      : code(std::move(c)),
        prototype(std::move(p)),
        dates([proto = prototype] { return proto->Clone(); }),
        numbers(icu::number::NumberFormatter::withLocale(locale)) {}

  template <typename Pick>
  std::string FormatDate(SysTime t, Pick pick) const {
    icu::UnicodeString out;
    dates.With([&](DateFormats& formats) { pick(formats).format(ToUDate(t), out); });
    return ToUtf8(out);
  }
};

Formatter::Formatter(std::string_view locale_code) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale =
      icu::Locale::forLanguageTag(internal::IcuLocaleId(locale_code), status);
  Check(status, "a locale");
  // Explicitly Riga: the process default zone (TZ) must never leak into what users read.
  std::unique_ptr<icu::TimeZone> riga(icu::TimeZone::createTimeZone("Europe/Riga"));
  icu::UnicodeString id;
  if (riga->getID(id) == UNICODE_STRING_SIMPLE(UCAL_UNKNOWN_ZONE_ID)) {
    throw std::runtime_error("i18n: ICU time zone data lacks Europe/Riga");
  }
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(locale, status));
  Check(status, "a date pattern generator");

  auto formats = std::make_shared<DateFormats>();
  formats->long_date.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
  if (!formats->long_date) throw std::runtime_error("i18n: cannot build the long date format");
  formats->long_date->setTimeZone(*riga);
  formats->short_date = FromSkeleton("yMMdd", *generator, locale, *riga);
  // A fixed pattern, not a skeleton: "j" would give 12-hour clocks in English.
  formats->time = FromPattern(UNICODE_STRING_SIMPLE("HH:mm"), locale, *riga);
  formats->weekday = FromPattern(UNICODE_STRING_SIMPLE("EEEE"), locale, *riga);
  formats->month = FromPattern(UNICODE_STRING_SIMPLE("LLLL"), locale, *riga);
  formats->month_year = FromSkeleton("yMMMM", *generator, locale, *riga);
  impl_ = std::make_unique<Impl>(std::string(locale_code), std::move(formats), locale);
}

Formatter::Formatter(Formatter&&) noexcept = default;
Formatter& Formatter::operator=(Formatter&&) noexcept = default;
Formatter::~Formatter() = default;

const std::string& Formatter::locale() const { return impl_->code; }

std::string Formatter::LongDate(SysTime t) const {
  return impl_->FormatDate(t, [](DateFormats& f) -> icu::DateFormat& { return *f.long_date; });
}

std::string Formatter::ShortDate(SysTime t) const {
  return impl_->FormatDate(t, [](DateFormats& f) -> icu::DateFormat& { return *f.short_date; });
}

std::string Formatter::Time(SysTime t) const {
  return impl_->FormatDate(t, [](DateFormats& f) -> icu::DateFormat& { return *f.time; });
}

std::string Formatter::Weekday(SysTime t) const {
  return impl_->FormatDate(t, [](DateFormats& f) -> icu::DateFormat& { return *f.weekday; });
}

std::string Formatter::Month(SysTime t) const {
  return impl_->FormatDate(t, [](DateFormats& f) -> icu::DateFormat& { return *f.month; });
}

std::string Formatter::MonthYear(SysTime t) const {
  return impl_->FormatDate(t, [](DateFormats& f) -> icu::DateFormat& { return *f.month_year; });
}

std::string Formatter::Number(int64_t n) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = impl_->numbers.formatInt(n, status).toString(status);
  Check(status, "a number");
  return ToUtf8(out);
}

std::string Formatter::Number(double n, int max_fraction_digits) const {
  UErrorCode status = U_ZERO_ERROR;
  const int digits = std::clamp(max_fraction_digits, 0, 15);
  icu::UnicodeString out = impl_->numbers.precision(icu::number::Precision::maxFraction(digits))
                               .formatDouble(n, status)
                               .toString(status);
  Check(status, "a number");
  return ToUtf8(out);
}

std::string Formatter::Percent(int64_t basis_points) const {
  UErrorCode status = U_ZERO_ERROR;
  // From the integer, like Euros: 8000 -> "80", 6005 -> "60.05" in the locale's own style.
  const int64_t whole = basis_points / 100, rest = basis_points % 100;
  icu::UnicodeString out = impl_->numbers.unit(icu::MeasureUnit::getPercent())
                               .precision(icu::number::Precision::maxFraction(2))
                               .formatDecimal(std::to_string(whole) + "." + (rest < 10 ? "0" : "") + std::to_string(rest), status)
                               .toString(status);
  Check(status, "a percentage");
  return ToUtf8(out);
}

std::string Formatter::Euros(int64_t cents) const {
  UErrorCode status = U_ZERO_ERROR;
  // Exactly two decimals from the integer, so no binary fraction rounds a cent away.
  icu::UnicodeString out = impl_->numbers.unit(icu::CurrencyUnit(u"EUR", status))
                               .precision(icu::number::Precision::fixedFraction(2))
                               .formatDecimal(std::to_string(cents / 100) + "." +
                                                  (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100),
                                              status)
                               .toString(status);
  Check(status, "an amount in euros");
  return ToUtf8(out);
}

}  // namespace tilti::web::i18n
