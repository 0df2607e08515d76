#pragma once
// Choosing the language of a response when the URL does not name one (e.g. "/" redirecting
// to "/lv/"). Pure; no ICU.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tilti::web::i18n {

// Returns one of `available` (spelled as there), or `default_code`:
// 1. `cookie_lang` (the language the visitor picked before), if it names an available code;
// 2. otherwise the best match of the Accept-Language header (RFC 9110 §12.5.4): ranges by
//    q-value, highest first, equal q-values in header order; a range matches an available
//    code case-insensitively, either exactly or by language ("uk-UA" matches "uk", "en"
//    matches "en-GB"); "*" matches `default_code`; q=0 marks a code as not acceptable;
// 3. otherwise `default_code` (the site's is "lv").
// Garbage, oversized or malformed headers are tolerated, never thrown on: malformed ranges
// are skipped and only the first 32 ranges of at most 4 KiB are considered.
std::string Negotiate(std::optional<std::string_view> cookie_lang,
                      std::optional<std::string_view> accept_language,
                      const std::vector<std::string>& available, std::string_view default_code);

}  // namespace tilti::web::i18n
