#include "web/i18n_collate.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "web/i18n_internal.h"

namespace tilti::web::i18n {

struct Collator::Impl {
  // Pool slots clone this prototype, which is never used to compare.
  std::shared_ptr<const icu::Collator> prototype;
  internal::Pool<icu::Collator, 8> pool;

  explicit Impl(std::shared_ptr<const icu::Collator> p)
      : prototype(std::move(p)),
        pool([proto = prototype] { return std::unique_ptr<icu::Collator>(proto->clone()); }) {}
};

Collator::Collator(std::string_view locale_code) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale =
      icu::Locale::forLanguageTag(internal::IcuLocaleId(locale_code), status);
  std::shared_ptr<icu::Collator> collator;
  if (U_SUCCESS(status)) collator.reset(icu::Collator::createInstance(locale, status));
  if (U_FAILURE(status) || !collator) {
    throw std::runtime_error(std::string("i18n: cannot build a collator: ") + u_errorName(status));
  }
  collator->setStrength(icu::Collator::TERTIARY);
  impl_ = std::make_unique<Impl>(std::move(collator));
}

Collator::Collator(Collator&&) noexcept = default;
Collator& Collator::operator=(Collator&&) noexcept = default;
Collator::~Collator() = default;

int Collator::Compare(std::string_view a, std::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result = impl_->pool.With([&](icu::Collator& c) {
    return c.compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                         icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  });
  // compareUTF8 only fails on bad arguments, which string_views cannot be; fall back to bytes.
  if (U_FAILURE(status)) return a.compare(b);
  return static_cast<int>(result);
}

std::string Collator::SortKey(std::string_view s) const {
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::string key(64, '\0');
  int32_t length = impl_->pool.With([&](icu::Collator& c) {
    int32_t needed = c.getSortKey(text, reinterpret_cast<uint8_t*>(key.data()),
                                  static_cast<int32_t>(key.size()));
    if (needed > static_cast<int32_t>(key.size())) {
      key.resize(static_cast<size_t>(needed));
      needed = c.getSortKey(text, reinterpret_cast<uint8_t*>(key.data()), needed);
    }
    return needed;
  });
  // ICU counts and writes a terminating zero byte; the key is the bytes before it.
  key.resize(length > 0 ? static_cast<size_t>(length - 1) : 0);
  return key;
}

}  // namespace tilti::web::i18n
