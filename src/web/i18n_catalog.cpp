#include "web/i18n_catalog.h"

#include <spdlog/spdlog.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/parseerr.h>
#include <unicode/plurrule.h>
#include <unicode/strenum.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "web/i18n_internal.h"
#include "web/i18n_po.h"

namespace tilti::web::i18n {
namespace {

// ---------------------------------------------------------------------------------------------
// Small helpers

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
// Looked up with std::string_view on the hot path without building a std::string.
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IEquals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlnum(char c) { return IsLower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// "lv", "uk", "pt-BR", "sr-Latn": a 2–3 letter language, then optional subtags.
bool IsLocaleCode(std::string_view code) {
  size_t n = 0;
  while (n < code.size() && IsLower(code[n])) ++n;
  if (n < 2 || n > 3) return false;
  code.remove_prefix(n);
  while (!code.empty()) {
    if (code.front() != '-') return false;
    code.remove_prefix(1);
    size_t len = 0;
    while (len < code.size() && IsAlnum(code[len])) ++len;
    if (len < 1 || len > 8) return false;
    code.remove_prefix(len);
  }
  return true;
}

std::string_view Language(std::string_view code) { return code.substr(0, code.find('-')); }

bool IsKey(std::string_view key) {
  if (key.empty()) return false;
  return std::all_of(key.begin(), key.end(),
                     [](char c) { return IsAlnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string Join(const std::set<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "none" : out;
}

// The 1-based line of the first byte that is not well-formed UTF-8, if any.
std::optional<int> FirstBadUtf8Line(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int line = 1;
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return line;
    if (c == '\n') ++line;
  }
  return std::nullopt;
}

// Pairs of languages that must never meet in a fallback chain (QUALITY W7).
struct ForbiddenFallback {
  std::string_view from, to, why;
};
constexpr ForbiddenFallback kForbiddenFallbacks[] = {
    {"uk", "ru", "Ukrainian must never fall back to Russian (QUALITY W7)"},
};

// ---------------------------------------------------------------------------------------------
// Compiled catalogues

using FormatPool = internal::Pool<icu::MessageFormat, 4>;

struct Message {
  std::string text;                  // the msgstr, returned as is when `pool` is null
  std::unique_ptr<FormatPool> pool;  // null for plain text, which never touches ICU
  bool takes_arguments = false;
};

struct Catalogue {
  LocaleInfo info;
  StringMap<Message> messages;
  std::vector<std::string> missing;  // keys en has and this catalogue lacks, sorted

  const Message* Find(std::string_view key) const {
    auto it = messages.find(key);
    return it == messages.end() ? nullptr : &it->second;
  }
};

// CLDR plural categories of one language, as ICU knows them.
struct PluralCategories {
  std::set<std::string> cardinal;  // for {n, plural, ...}
  std::set<std::string> ordinal;   // for {n, selectordinal, ...}
};

std::set<std::string> Keywords(const icu::Locale& locale, UPluralType type) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(locale, type, status));
  std::set<std::string> out;
  if (U_FAILURE(status)) return out;
  std::unique_ptr<icu::StringEnumeration> words(rules->getKeywords(status));
  if (U_FAILURE(status)) return out;
  int32_t length = 0;
  while (const char* word = words->next(&length, status)) out.emplace(word, length);
  return out;
}

std::string DescribeIcuError(UErrorCode status) {
  switch (status) {
    case U_UNMATCHED_BRACES:
      return "unbalanced brace";
    case U_PATTERN_SYNTAX_ERROR:
      return "MessageFormat syntax error";
    case U_DEFAULT_KEYWORD_MISSING:
      return "plural or select without an \"other\" case";
    case U_DUPLICATE_KEYWORD:
      return "duplicate case";
    case U_ARGUMENT_TYPE_MISMATCH:
      return "argument used with different types";
    case U_INDEX_OUTOFBOUNDS_ERROR:
      return "argument number out of range";
    default:
      return std::string("MessageFormat error ") + u_errorName(status);
  }
}

// True if every '{' has its '}', ignoring apostrophe-quoted text the way ICU's default
// apostrophe mode does. ICU reports an unclosed argument at the end of a message only as a
// "syntax error"; this lets us name the real problem for the translator.
bool BracesBalanced(std::string_view text) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\'') {
      if (i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is a literal apostrophe
      } else if (i + 1 < text.size() && (text[i + 1] == '{' || text[i + 1] == '}')) {
        size_t end = text.find('\'', i + 1);
        if (end == std::string_view::npos) return depth == 0;
        i = end;
      }
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && depth > 0) {
      --depth;  // a '}' outside any argument is literal text
    }
  }
  return depth == 0;
}

// Checks one plural/selectordinal argument starting at part `arg_start`: each keyword case is
// a CLDR category of the language, none repeats, none is missing ("=N" cases are extra).
std::optional<std::string> CheckPluralCases(const icu::MessagePattern& pattern, int32_t arg_start,
                                            const std::set<std::string>& categories,
                                            std::string_view kind, std::string_view code) {
  using Part = icu::MessagePattern::Part;
  const std::string arg = ToUtf8(pattern.getSubstring(pattern.getPart(arg_start + 1)));
  int32_t i = arg_start + 2;
  if (Part::hasNumericValue(pattern.getPartType(i))) ++i;  // "offset:n"
  std::set<std::string> seen;
  while (i < pattern.countParts()) {
    const Part& part = pattern.getPart(i++);
    if (part.getType() == UMSGPAT_PART_TYPE_ARG_LIMIT) break;
    std::string selector = ToUtf8(pattern.getSubstring(part));
    if (!seen.insert(selector).second) {
      return "duplicate " + std::string(kind) + " case " + Quote(selector) + " for {" + arg + "}";
    }
    if (Part::hasNumericValue(pattern.getPartType(i))) {
      ++i;  // the value of an explicit "=N" case
    } else if (!categories.contains(selector)) {
      return std::string(kind) + " category " + Quote(selector) + " does not exist in " +
             std::string(code) + " (it has " + Join(categories) + ") for {" + arg + "}";
    }
    i = pattern.getLimitPartIndex(i) + 1;  // skip the sub-message
  }
  for (const auto& category : categories) {
    if (!seen.contains(category)) {
      return "missing " + std::string(kind) + " category " + Quote(category) + " for {" + arg +
             "} (" + std::string(code) + " needs " + Join(categories) + ")";
    }
  }
  return std::nullopt;
}

// Walks every part of a parsed message: collects argument names and rejects what Tilti does
// not allow. Returns the problem, if any.
std::optional<std::string> CheckPattern(const icu::MessagePattern& pattern,
                                        const PluralCategories& plurals, std::string_view code,
                                        std::set<std::string>& arg_names) {
  for (int32_t i = 0; i < pattern.countParts(); ++i) {
    const icu::MessagePattern::Part& part = pattern.getPart(i);
    switch (part.getType()) {
      case UMSGPAT_PART_TYPE_ARG_NAME:
        arg_names.insert(ToUtf8(pattern.getSubstring(part)));
        break;
      case UMSGPAT_PART_TYPE_ARG_NUMBER:
        return "numbered argument {" + ToUtf8(pattern.getSubstring(part)) + "}; use a name";
      case UMSGPAT_PART_TYPE_ARG_START:
        switch (part.getArgType()) {
          case UMSGPAT_ARG_TYPE_SIMPLE: {
            std::string type = ToUtf8(pattern.getSubstring(pattern.getPart(i + 2)));
            if (type != "number") {
              // Dates in a MessageFormat would use the process time zone, not Europe/Riga.
              return "argument type " + Quote(type) +
                     " is not allowed (only number; format dates with Formatter)";
            }
            break;
          }
          case UMSGPAT_ARG_TYPE_CHOICE:
            return "choice arguments are not allowed; use plural";
          case UMSGPAT_ARG_TYPE_PLURAL:
            if (auto e = CheckPluralCases(pattern, i, plurals.cardinal, "plural", code)) return e;
            break;
          case UMSGPAT_ARG_TYPE_SELECTORDINAL:
            if (auto e = CheckPluralCases(pattern, i, plurals.ordinal, "selectordinal", code)) {
              return e;
            }
            break;
          default:
            break;
        }
        break;
      default:
        break;
    }
  }
  return std::nullopt;
}

struct Compiled {
  Message message;
  std::set<std::string> arg_names;
};

struct Problem {
  std::string what;   // "unbalanced brace"
  std::string where;  // "" or " (at character 17)"
};

// Compiles `text` for one language, or returns what is wrong with it.
std::variant<Compiled, Problem> Compile(const std::string& text, const icu::Locale& locale,
                                        const PluralCategories& plurals, std::string_view code) {
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(text);
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  icu::MessagePattern pattern(UMSGPAT_APOS_DOUBLE_OPTIONAL, status);
  pattern.parse(source, &where, status);
  if (U_FAILURE(status)) {
    std::string what = BracesBalanced(text) ? DescribeIcuError(status) : "unbalanced brace";
    return Problem{std::move(what), " (at character " + std::to_string(where.offset + 1) + ")"};
  }
  Compiled out;
  if (auto problem = CheckPattern(pattern, plurals, code, out.arg_names)) {
    return Problem{*problem, ""};
  }
  out.message.takes_arguments = !out.arg_names.empty();
  auto format = std::make_shared<icu::MessageFormat>(source, locale, where, status);
  if (U_FAILURE(status)) return Problem{DescribeIcuError(status), ""};

  // Plain text is served without ICU. Only trust that when ICU itself renders the text
  // unchanged: a doubled apostrophe '' would otherwise print differently on the fast path.
  if (text.find('{') == std::string::npos) {
    icu::UnicodeString rendered;
    format->format(nullptr, nullptr, 0, rendered, status);
    if (U_SUCCESS(status) && ToUtf8(rendered) == text) {
      out.message.text = text;
      return out;
    }
    status = U_ZERO_ERROR;
  }
  out.message.text = text;
  // Pool slots are clones of this prototype, which nobody formats with, so concurrent
  // clone() calls only read it.
  std::shared_ptr<const icu::MessageFormat> prototype = std::move(format);
  out.message.pool = std::make_unique<FormatPool>(
      [prototype] { return std::unique_ptr<icu::MessageFormat>(prototype->clone()); });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Loading

struct DraftText {
  std::string key;
  std::string text;
  int line = 0;  // of msgstr
  bool untranslated = false;
};

struct Draft {
  std::string path;
  LocaleInfo info;
  int header_line = 1;
  std::vector<DraftText> texts;  // file order, so errors come out in line order
};

// Collects every problem found, so one start-up shows translators all of them at once.
class Loader {
 public:
  void Report(std::string_view path, int line, std::string_view what) {
    errors_.push_back(std::string(path) + ":" + std::to_string(line) + ": " + std::string(what));
  }
  void Report(std::string what) { errors_.push_back(std::move(what)); }

  std::vector<std::string> errors_;
};

std::optional<std::string> StemCode(std::string_view path) {
  if (!path.ends_with(".po")) return std::nullopt;
  std::string_view name = path.substr(path.rfind('/') + 1);  // npos + 1 == 0
  name.remove_suffix(3);
  return std::string(name);
}

// Reads the header entry's "Name: value" lines into `draft.info`.
void ReadHeader(const PoEntry& header, Draft& draft, Loader& loader) {
  draft.header_line = header.str_line;
  bool has_endonym = false;
  std::string_view rest = header.str;
  while (!rest.empty()) {
    size_t end = rest.find('\n');
    std::string_view line = Trim(rest.substr(0, end));
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      loader.Report(draft.path, header.str_line, "header line without ':': " + Quote(line));
      continue;
    }
    std::string_view name = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (IEquals(name, "Language")) {
      std::string normal(value);
      std::replace(normal.begin(), normal.end(), '_', '-');
      if (!IEquals(normal, draft.info.code)) {
        loader.Report(
            draft.path, header.str_line,
            "Language " + Quote(value) + " does not match the file name " + Quote(draft.info.code));
      }
    } else if (IEquals(name, "X-Endonym")) {
      has_endonym = !value.empty();
      draft.info.endonym = std::string(value);
    } else if (IEquals(name, "X-Direction")) {
      if (value != "ltr" && value != "rtl") {
        loader.Report(draft.path, header.str_line,
                      "X-Direction must be ltr or rtl, not " + Quote(value));
      }
      draft.info.dir = std::string(value);
    } else if (IEquals(name, "X-Fallback")) {
      while (!value.empty()) {
        size_t comma = value.find(',');
        std::string_view code = Trim(value.substr(0, comma));
        value.remove_prefix(comma == std::string_view::npos ? value.size() : comma + 1);
        if (code.empty()) continue;
        auto& list = draft.info.fallbacks;
        if (!IsLocaleCode(code) || code == draft.info.code ||
            std::find(list.begin(), list.end(), code) != list.end()) {
          loader.Report(draft.path, header.str_line,
                        "X-Fallback entry " + Quote(code) + " is malformed, repeated or itself");
          continue;
        }
        list.emplace_back(code);
      }
    } else if (IEquals(name, "Content-Type")) {
      auto at = line.find("charset=");
      if (at != std::string_view::npos && !IEquals(Trim(line.substr(at + 8)), "UTF-8")) {
        loader.Report(draft.path, header.str_line, "charset must be UTF-8");
      }
    }
  }
  if (!has_endonym) {
    loader.Report(draft.path, header.str_line, "header lacks X-Endonym (the language's own name)");
  }
}

std::optional<Draft> ReadFile(const embedded::File& file, std::string code, Loader& loader) {
  Draft draft;
  draft.path = std::string(file.path);
  draft.info.code = std::move(code);
  draft.info.dir = "ltr";
  if (auto line = FirstBadUtf8Line(file.bytes)) {
    loader.Report(draft.path, *line, "not valid UTF-8");
    return std::nullopt;
  }
  auto entries = ParsePo(file.path, file.bytes);
  if (!entries) {
    loader.Report(entries.error().detail);
    return std::nullopt;
  }
  const bool reference = draft.info.code == Messages::kReference;
  bool has_header = false;
  std::map<std::string, int, std::less<>> first_line;
  for (const PoEntry& entry : entries.value()) {
    if (entry.id.empty()) {
      if (has_header) {
        loader.Report(draft.path, entry.id_line, "second header entry (msgid \"\")");
        continue;
      }
      has_header = true;
      ReadHeader(entry, draft, loader);
      continue;
    }
    if (!IsKey(entry.id)) {
      loader.Report(draft.path, entry.id_line,
                    "key " + Quote(entry.id) +
                        " must be made of letters, digits, '.', '_' and '-' (e.g. home.title)");
      continue;
    }
    auto [it, inserted] = first_line.emplace(entry.id, entry.id_line);
    if (!inserted) {
      loader.Report(draft.path, entry.id_line,
                    "duplicate key " + Quote(entry.id) + " (first at line " +
                        std::to_string(it->second) + ")");
      continue;
    }
    const bool untranslated = entry.str.empty() || entry.fuzzy;
    if (reference && untranslated) {
      loader.Report(draft.path, entry.str_line,
                    (entry.fuzzy ? "fuzzy" : "empty") + std::string(" message ") + Quote(entry.id) +
                        " in the reference catalogue");
      continue;
    }
    draft.texts.push_back({entry.id, entry.str, entry.str_line, untranslated});
  }
  if (!has_header) loader.Report(draft.path, 1, "no header entry (msgid \"\")");
  return draft;
}

// Reports `from` if its X-Fallback chain, followed transitively, reaches a forbidden language.
void CheckForbiddenFallbacks(const std::map<std::string, Draft>& drafts, const Draft& from,
                             Loader& loader) {
  for (const auto& rule : kForbiddenFallbacks) {
    if (Language(from.info.code) != rule.from) continue;
    // Breadth-first over the chain; `via` remembers how each code was reached.
    std::map<std::string, std::string> via{{from.info.code, ""}};
    std::vector<std::string> queue{from.info.code};
    for (size_t q = 0; q < queue.size(); ++q) {
      auto it = drafts.find(queue[q]);
      if (it == drafts.end()) continue;
      for (const auto& next : it->second.info.fallbacks) {
        if (!via.emplace(next, queue[q]).second) continue;
        if (Language(next) == rule.to) {
          std::string chain = next;
          for (std::string at = queue[q]; !at.empty(); at = via[at]) chain = at + " → " + chain;
          loader.Report(from.path, from.header_line,
                        "X-Fallback of " + Quote(from.info.code) + " reaches " + Quote(next) +
                            " (" + chain + "); " + std::string(rule.why));
          return;
        }
        queue.push_back(next);
      }
    }
  }
}

int DisplayRank(std::string_view code) {
  constexpr std::string_view kOrder[] = {"lv", "ru", "uk", "en"};
  for (size_t i = 0; i < std::size(kOrder); ++i) {
    if (code == kOrder[i]) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kOrder));
}

}  // namespace

// ---------------------------------------------------------------------------------------------

struct Messages::Impl {
  StringMap<Catalogue> catalogues;  // never rehashed after Load, so pointers stay valid
  const Catalogue* reference = nullptr;
  std::vector<LocaleInfo> locales;  // display order
  std::vector<std::string> keys;    // the reference's, sorted

  const Catalogue& CatalogueFor(std::string_view code) const {
    auto it = catalogues.find(code);
    return it == catalogues.end() ? *reference : it->second;
  }
};

Messages::Messages(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Messages::Messages(Messages&&) noexcept = default;
Messages& Messages::operator=(Messages&&) noexcept = default;
Messages::~Messages() = default;

Result<Messages> Messages::Load(const std::vector<embedded::File>& files) {
  Loader loader;
  std::map<std::string, Draft> drafts;  // by code
  for (const embedded::File& file : files) {
    std::optional<std::string> code = StemCode(file.path);
    if (!code) continue;
    if (!IsLocaleCode(*code)) {
      loader.Report(std::string(file.path) + ":1: file name " + Quote(*code) +
                    " is not a locale code such as lv or pt-BR");
      continue;
    }
    if (drafts.contains(*code)) {
      loader.Report(std::string(file.path) + ":1: a second catalogue for " + Quote(*code) +
                    " (first " + drafts.at(*code).path + ")");
      continue;
    }
    if (auto draft = ReadFile(file, *code, loader)) drafts.emplace(*code, std::move(*draft));
  }
  auto reference_draft = drafts.find(std::string(kReference));
  if (reference_draft == drafts.end()) {
    loader.Report("locales: no " + std::string(kReference) +
                  ".po; it is the reference catalogue every language falls back to");
  }
  for (const auto& [code, draft] : drafts) {
    for (const auto& fallback : draft.info.fallbacks) {
      if (!drafts.contains(fallback)) {
        loader.Report(draft.path, draft.header_line,
                      "X-Fallback names " + Quote(fallback) + ", which has no catalogue");
      }
    }
    CheckForbiddenFallbacks(drafts, draft, loader);
  }

  auto impl = std::make_unique<Impl>();
  // Compile en first: translations are compared with its argument names.
  std::map<std::string, std::set<std::string>, std::less<>> reference_args;
  std::vector<const Draft*> order;
  if (reference_draft != drafts.end()) order.push_back(&reference_draft->second);
  for (const auto& [code, draft] : drafts) {
    if (code != kReference) order.push_back(&draft);
  }
  for (const Draft* draft : order) {
    const bool reference = draft->info.code == kReference;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale =
        icu::Locale::forLanguageTag(internal::IcuLocaleId(draft->info.code), status);
    if (U_FAILURE(status)) {
      loader.Report(draft->path, 1, "ICU does not know the locale " + Quote(draft->info.code));
      continue;
    }
    const PluralCategories plurals{Keywords(locale, UPLURAL_TYPE_CARDINAL),
                                   Keywords(locale, UPLURAL_TYPE_ORDINAL)};
    Catalogue catalogue;
    catalogue.info = draft->info;
    for (const DraftText& text : draft->texts) {
      if (text.untranslated) continue;
      const std::set<std::string>* expected_args = nullptr;
      if (!reference && reference_draft != drafts.end()) {
        auto it = reference_args.find(text.key);
        if (it == reference_args.end()) {
          // Compiled en keys are all in reference_args unless en's own entry was broken.
          bool in_reference = std::any_of(reference_draft->second.texts.begin(),
                                          reference_draft->second.texts.end(),
                                          [&](const DraftText& t) { return t.key == text.key; });
          if (!in_reference) {
            loader.Report(draft->path, text.line,
                          "key " + Quote(text.key) + " is not in " + std::string(kReference) +
                              ".po (a typo, or add it to the reference first)");
          }
          continue;
        }
        expected_args = &it->second;
      }
      auto compiled = Compile(text.text, locale, plurals, draft->info.code);
      if (auto* problem = std::get_if<Problem>(&compiled)) {
        loader.Report(draft->path, text.line,
                      problem->what + " in " + Quote(text.key) + problem->where);
        continue;
      }
      auto& ok = std::get<Compiled>(compiled);
      if (reference) {
        reference_args.emplace(text.key, ok.arg_names);
      } else if (expected_args && ok.arg_names != *expected_args) {
        loader.Report(draft->path, text.line,
                      "arguments of " + Quote(text.key) + " are {" + Join(ok.arg_names) + "} but " +
                          std::string(kReference) + " has {" + Join(*expected_args) + "}");
        continue;
      }
      catalogue.messages.emplace(text.key, std::move(ok.message));
    }
    if (!reference) {
      for (const auto& [key, args] : reference_args) {
        if (!catalogue.messages.contains(key)) catalogue.missing.push_back(key);
      }
    }
    impl->catalogues.emplace(draft->info.code, std::move(catalogue));
  }

  if (!loader.errors_.empty()) {
    std::string detail;
    constexpr size_t kMaxShown = 50;
    for (size_t i = 0; i < loader.errors_.size() && i < kMaxShown; ++i) {
      detail += (i ? "\n" : "") + loader.errors_[i];
    }
    if (loader.errors_.size() > kMaxShown) {
      detail += "\n… and " + std::to_string(loader.errors_.size() - kMaxShown) + " more";
    }
    return Error{ErrorCode::kInvalidInput, std::move(detail), {}};
  }

  impl->reference = &impl->catalogues.at(std::string(kReference));
  for (const auto& [key, message] : impl->reference->messages) impl->keys.push_back(key);
  std::sort(impl->keys.begin(), impl->keys.end());
  for (const auto& [code, catalogue] : impl->catalogues) impl->locales.push_back(catalogue.info);
  std::sort(impl->locales.begin(), impl->locales.end(),
            [](const LocaleInfo& a, const LocaleInfo& b) {
              int ra = DisplayRank(a.code), rb = DisplayRank(b.code);
              return ra != rb ? ra < rb : a.code < b.code;
            });
  return Messages(std::move(impl));
}

std::string Messages::Tr(std::string_view locale, std::string_view key, const Args& args) const {
  const Catalogue* catalogue = &impl_->CatalogueFor(locale);
  const Message* message = catalogue->Find(key);
  if (!message && catalogue != impl_->reference) {
    catalogue = impl_->reference;
    message = catalogue->Find(key);
  }
  if (!message) return std::string(key);
  if (!message->pool) return message->text;

  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(args.size());
  values.reserve(args.size());
  for (const Arg& arg : args) {
    names.push_back(icu::UnicodeString::fromUTF8(arg.name));
    if (const auto* i = std::get_if<int64_t>(&arg.value)) {
      values.emplace_back(*i);
    } else if (const auto* d = std::get_if<double>(&arg.value)) {
      values.emplace_back(*d);
    } else {
      values.emplace_back(icu::UnicodeString::fromUTF8(std::get<std::string>(arg.value)));
    }
  }
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  message->pool->With([&](icu::MessageFormat& format) {
    format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
  });
  if (U_FAILURE(status)) {
    // Handled here by showing the key; argument values are not logged (they may be personal).
    spdlog::warn("i18n: cannot format \"{}\" in {}: {}", key, catalogue->info.code,
                 u_errorName(status));
    return std::string(key);
  }
  return ToUtf8(out);
}

std::string_view Messages::SourceLocale(std::string_view locale, std::string_view key) const {
  const Catalogue& catalogue = impl_->CatalogueFor(locale);
  if (catalogue.Find(key)) return catalogue.info.code;
  return impl_->reference->info.code;
}

const std::vector<LocaleInfo>& Messages::Locales() const { return impl_->locales; }

const std::vector<std::string>& Messages::Keys() const { return impl_->keys; }

bool Messages::HasKey(std::string_view key) const { return impl_->reference->Find(key) != nullptr; }

bool Messages::TakesArguments(std::string_view key) const {
  const Message* message = impl_->reference->Find(key);
  return message != nullptr && message->takes_arguments;
}

bool Messages::Has(std::string_view code) const { return impl_->catalogues.contains(code); }

const LocaleInfo* Messages::Find(std::string_view code) const {
  auto it = impl_->catalogues.find(code);
  return it == impl_->catalogues.end() ? nullptr : &it->second.info;
}

std::vector<std::string> Messages::MissingKeys(std::string_view code) const {
  auto it = impl_->catalogues.find(code);
  if (it == impl_->catalogues.end()) return {};
  return it->second.missing;
}

std::map<std::string, std::vector<std::string>> Messages::MissingKeys() const {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& [code, catalogue] : impl_->catalogues) {
    if (!catalogue.missing.empty()) out.emplace(code, catalogue.missing);
  }
  return out;
}

}  // namespace tilti::web::i18n
