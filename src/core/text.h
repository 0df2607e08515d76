#pragma once
// Small checks on visitors' text shared by the validation rules of every module.
#include <string>
#include <string_view>

namespace tilti {

// Code points in `s`, or -1 when it is not valid UTF-8 (lengths are counted in characters,
// never bytes, so a Ukrainian name is as long as a Latvian one).
long Utf8Length(std::string_view s);

// `s` without leading and trailing spaces, tabs and line breaks.
std::string TrimSpace(std::string_view s);

// Appends code point `cp` as UTF-8; NUL, surrogates and values past U+10FFFF become U+FFFD, so
// the result is always valid UTF-8 that HTML and XML accept.
void AppendUtf8(std::string& out, char32_t cp);

}  // namespace tilti
