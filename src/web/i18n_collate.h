#pragma once
// Sorting text the way a language's readers expect (CLDR collation through ICU). Latvian
// (QUALITY W11): č sorts after every c (Cēsis, Cibla, Čiekurkalns), likewise ģ ķ ļ ņ š ž;
// long vowels differ from short ones only when the words are otherwise equal (Ādaži sorts
// among the A words: Abava, Ādaži, Alūksne, Balvi).
#include <memory>
#include <string>
#include <string_view>

namespace tilti::web::i18n {

// Built once per language and shared; all methods are const and safe to call concurrently.
// Inputs are UTF-8; ill-formed bytes compare as U+FFFD.
class Collator {
 public:
  // `locale` is one of our codes; an unknown code uses the CLDR root order.
  // Throws std::runtime_error only if ICU's data is broken.
  explicit Collator(std::string_view locale);
  Collator(Collator&&) noexcept;
  Collator& operator=(Collator&&) noexcept;
  ~Collator();

  // <0, 0, >0 as `a` sorts before, equal to, after `b`. Case and accents count, as tie
  // breakers only (tertiary strength).
  int Compare(std::string_view a, std::string_view b) const;
  bool Less(std::string_view a, std::string_view b) const { return Compare(a, b) < 0; }

  // A binary key: for any a, b, SortKey(a) < SortKey(b) (std::string's byte-wise, unsigned
  // comparison) exactly when Less(a, b). Worth it when sorting many items or storing the key
  // (e.g. in an indexed column); keys are only comparable with keys from the same locale and
  // the same ICU version, so stored keys must be rebuilt after an ICU upgrade.
  std::string SortKey(std::string_view s) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tilti::web::i18n
