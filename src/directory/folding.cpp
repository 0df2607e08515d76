#include "directory/folding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

namespace tilti::directory {
namespace {

// What came just before a Cyrillic letter, which decides how е, є, ё, ю, я, и and й are
// spelt in Latvian.
enum class Before {
  kBoundary,   // start of a word
  kVowel,      // а, е, о, у, ы, э, ю, я, ё, є (and Latin vowels)
  kIVowel,     // и, і, ї: Latvian "ie" is written ие/іє, not "ije"
  kSoft,       // ь, ъ or an apostrophe inside a word
  kConsonant,  // anything else that is a letter
};

bool IsApostrophe(UChar32 c) { return c == 0x27 || c == 0x2019 || c == 0x2BC; }

bool IsWordChar(UChar32 c) {
  const int8_t t = u_charType(c);
  return u_isalpha(c) || u_isdigit(c) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
         t == U_ENCLOSING_MARK;
}

bool IsCyrillicVowel(UChar32 c) {
  static constexpr std::u32string_view kVowels = U"аеёиоуыэюяіїє";
  return c >= 0 && kVowels.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

Before Classify(UChar32 c) {
  static constexpr std::u32string_view kIVowels = U"иії";
  static constexpr std::u32string_view kSoft = U"ьъ";
  static constexpr std::u32string_view kLatinVowels = U"aeiouy";
  const auto is = [c](std::u32string_view set) {
    return c >= 0 && set.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
  };
  if (is(kIVowels)) return Before::kIVowel;
  if (is(kSoft)) return Before::kSoft;
  if (is(kLatinVowels) || IsCyrillicVowel(c)) return Before::kVowel;
  return IsWordChar(c) ? Before::kConsonant : Before::kBoundary;
}

struct Spelling {
  char32_t letter;
  const char* latin;
};

template <size_t N>
const char* Lookup(const Spelling (&table)[N], UChar32 c) {
  for (const Spelling& s : table) {
    if (static_cast<UChar32>(s.letter) == c) return s.latin;
  }
  return nullptr;
}

// Letters whose Latvian spelling does not depend on their neighbours; nullptr for others.
// The last row: South Slavic letters, so that Serbian or Macedonian text folds to Latin too.
const char* PlainCyrillic(UChar32 c) {
  static constexpr Spelling kTable[] = {
      {U'а', "a"},  {U'б', "b"},  {U'в', "v"},  {U'г', "g"},  {U'ґ', "g"},  {U'д', "d"},
      {U'ж', "z"},  {U'з', "z"},  {U'і', "i"},  {U'ї', "ji"}, {U'к', "k"},  {U'л', "l"},
      {U'м', "m"},  {U'н', "n"},  {U'о', "o"},  {U'п', "p"},  {U'р', "r"},  {U'с', "s"},
      {U'т', "t"},  {U'у', "u"},  {U'ў', "u"},  {U'ф', "f"},  {U'х', "h"},  {U'ц', "c"},
      {U'ч', "c"},  {U'ш', "s"},  {U'щ', "sc"}, {U'ъ', ""},   {U'ы', "i"},  {U'ь', ""},
      {U'э', "e"},  {U'ђ', "dj"}, {U'ј', "j"},  {U'љ', "lj"}, {U'њ', "nj"}, {U'ћ', "c"},
      {U'џ', "dz"}, {U'ѕ', "dz"}, {U'ѓ', "g"},  {U'ќ', "k"}};
  return Lookup(kTable, c);
}

// The Latvian spelling of one lower-case Cyrillic letter in its context, or nullptr when `c`
// is not a letter this file knows (it is then kept as it is).
const char* Transliterate(UChar32 c, Before before, UChar32 next) {
  // я, ю, ё start with j where a Latvian word would have one; after a consonant they only
  // soften it, and a soft consonant is Latvian ļ, ņ, ķ or ģ, which fold to l, n, k and g.
  const bool iotated = before != Before::kConsonant;
  switch (c) {
    case U'е':
      return before == Before::kBoundary || before == Before::kVowel || before == Before::kSoft
                 ? "je"
                 : "e";
    case U'є':
      return before == Before::kIVowel ? "e" : "je";
    case U'ё':
      return iotated ? "jo" : "o";
    case U'ю':
      return iotated ? "ju" : "u";
    case U'я':
      return iotated ? "ja" : "a";
    case U'и':
      return before == Before::kVowel || before == Before::kSoft ? "ji" : "i";
    case U'й':
      return IsCyrillicVowel(next) ? "j" : "i";
    default:
      return PlainCyrillic(c);
  }
}

// Latin letters that NFD does not split into a base letter and a mark; nullptr for others.
const char* UndecomposedLatin(UChar32 c) {
  static constexpr Spelling kTable[] = {{U'ł', "l"},  {U'ø', "o"},  {U'đ', "d"}, {U'ð', "d"},
                                        {U'ħ', "h"},  {U'ı', "i"},  {U'ŧ', "t"}, {U'ŋ', "n"},
                                        {U'æ', "ae"}, {U'œ', "oe"}, {U'þ', "th"}};
  return Lookup(kTable, c);
}

const icu::Normalizer2& Normalizer(bool casefold) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = casefold ? icu::Normalizer2::getNFKCCasefoldInstance(status)
                                       : icu::Normalizer2::getNFDInstance(status);
  // ICU's data is part of the library; failing to load it is a broken installation.
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU normalizer unavailable");
  return *n;
}

// A Cyrillic letter with a diacritic this file has no spelling for (ӑ, ӧ, ѝ...) stands for its
// base letter; anything else stands for itself. (й, ё, ї, ў are in the tables, so they keep
// their own spelling.)
UChar32 BaseLetter(UChar32 c) {
  if (Transliterate(c, Before::kBoundary, U_SENTINEL) != nullptr) return c;
  const UBlockCode block = ublock_getCode(c);
  if (block != UBLOCK_CYRILLIC && block != UBLOCK_CYRILLIC_SUPPLEMENT) return c;
  icu::UnicodeString decomposition;
  if (!Normalizer(false).getDecomposition(c, decomposition) || decomposition.isEmpty()) return c;
  return decomposition.char32At(0);
}

// Pass 2: Cyrillic to Latin, on composed text (so й, ё, ї and ў are still single letters).
icu::UnicodeString TransliterateCyrillic(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  Before before = Before::kBoundary;
  const int32_t n = in.length();
  for (int32_t i = 0; i < n;) {
    const UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    const UChar32 next = i < n ? in.char32At(i) : U_SENTINEL;
    // An apostrophe inside a Cyrillic word (Ukrainian м'ясо) is a hard sign, not a break.
    if (IsApostrophe(c) && before != Before::kBoundary && next != U_SENTINEL &&
        ublock_getCode(next) == UBLOCK_CYRILLIC) {
      before = Before::kSoft;
      continue;
    }
    const UChar32 letter = BaseLetter(c);
    if (const char* latin = Transliterate(letter, before, next)) {
      out.append(icu::UnicodeString(latin, -1, icu::UnicodeString::kInvariant));
    } else {
      out.append(c);
    }
    before = Classify(letter);
  }
  return out;
}

}  // namespace

std::string Fold(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  // Pass 1: compatibility forms, case folding (ß → ss) and composition in one go.
  const icu::UnicodeString raw = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::UnicodeString folded = Normalizer(true).normalize(raw, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU case folding failed");
  const icu::UnicodeString latin = TransliterateCyrillic(folded);
  // Pass 3: split off the diacritics and drop them; everything but letters and digits is a
  // space.
  const icu::UnicodeString decomposed = Normalizer(false).normalize(latin, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU decomposition failed");

  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  auto append = [&](UChar32 c) {
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, U8_MAX_LENGTH, c, error);
    if (!error) out.append(buf, static_cast<size_t>(len));
  };
  const int32_t n = decomposed.length();
  for (int32_t i = 0; i < n;) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    const int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) continue;
    if (const char* plain = UndecomposedLatin(c)) {
      for (const char* p = plain; *p != '\0'; ++p) append(static_cast<unsigned char>(*p));
    } else if (u_isdigit(c)) {
      append('0' + u_charDigitValue(c));  // Arabic-Indic and other digits as ASCII
    } else if (u_isalpha(c) || type == U_COMBINING_SPACING_MARK) {
      append(c);
    } else {
      pending_space = true;
    }
  }
  return out;
}

std::vector<std::string> Tokens(std::string_view folded) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) out.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

namespace {

std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    out.push_back(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
  }
  return out;
}

// The optimal-string-alignment distance between a and b, or with `prefix` between a and the
// closest prefix of b; max + 1 once it is known to exceed max. Three rows of the table, and
// only the band |i - j| <= max of each: cells outside it count as "over".
int Osa(const std::u32string& a, std::u32string_view b, int max, bool prefix) {
  const int over = max + 1;
  const int la = static_cast<int>(a.size());
  // A prefix longer than la + max cannot be within max of a.
  if (prefix && static_cast<int>(b.size()) > la + max) b = b.substr(0, la + max);
  const int lb = static_cast<int>(b.size());
  if (prefix ? la - lb > max : std::abs(la - lb) > max) return over;
  std::vector<int> prev2(lb + 1, over), prev(lb + 1, over), cur(lb + 1, over);
  for (int j = 0; j <= std::min(lb, max); ++j) prev[j] = j;
  for (int i = 1; i <= la; ++i) {
    std::fill(cur.begin(), cur.end(), over);
    const int lo = std::max(1, i - max);
    const int hi = std::min(lb, i + max);
    if (i <= max) cur[0] = i;
    int row_min = cur[0];
    for (int j = lo; j <= hi; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, prev2[j - 2] + 1);
      }
      cur[j] = std::min(d, over);
      row_min = std::min(row_min, cur[j]);
    }
    // A transposition reaches back two rows, but never below the substitution one row up,
    // so once a whole row is over, every later row is too.
    if (row_min > max) return over;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  if (!prefix) return std::min(prev[lb], over);
  return std::min(*std::min_element(prev.begin(), prev.end()), over);
}

}  // namespace

int EditDistance(std::string_view a, std::string_view b, int max) {
  return Osa(CodePoints(a), CodePoints(b), std::max(max, 0), false);
}

int PrefixEditDistance(std::string_view a, std::string_view b, int max) {
  return Osa(CodePoints(a), CodePoints(b), std::max(max, 0), true);
}

}  // namespace tilti::directory
