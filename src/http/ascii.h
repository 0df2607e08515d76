#pragma once
// Case folding for protocol tokens (header names, methods, schemes). ASCII only, whatever the
// process locale: HTTP is case-insensitive only in ASCII. Internal to src/http.
#include <string>
#include <string_view>

namespace tilti::http {

char AsciiLower(char c);
std::string AsciiLower(std::string_view s);
bool AsciiIEquals(std::string_view a, std::string_view b);
bool AsciiIStartsWith(std::string_view s, std::string_view prefix);

}  // namespace tilti::http
