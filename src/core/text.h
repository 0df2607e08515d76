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

}  // namespace tilti
