#pragma once
// The rules of signing in that need no server: which rate limits an attempt counts against,
// and when a refused visitor may try again. The pages are in account_pages.cpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/report_store.h"

namespace tilti::web {

// Per account (normalised e-mail address): 5 attempts in 15 minutes; per client address: 20.
inline constexpr int64_t kSignInWindowSeconds = 15 * 60;
inline constexpr int64_t kSignInPerAccountMax = 5;
inline constexpr int64_t kSignInPerAddressMax = 20;

// The limits one attempt counts against. Both keys are pseudonymised (FNV-1a of the
// normalised e-mail address and of the client address), so the rate_limit table names nobody.
std::vector<store::RateLimit> SignInLimits(std::string_view normalized_email,
                                           std::string_view remote_address);

// Whole minutes (at least 1) until the current window of SignInLimits ends at `now_unix`.
int64_t MinutesUntilSignInAllowed(int64_t now_unix);

// Where to go after signing in when the sign-in page was given `next`: `next` itself when it is
// a path of this site (starts with exactly one '/', no backslash, no control characters or
// white space, at most 2,000 bytes), nullopt otherwise (no open redirect: "//evil.example",
// "/\\evil.example", "https://evil.example" are refused).
std::optional<std::string> SafeNextPath(std::string_view next);

// Forgotten-password requests per address typed: 3 an hour; per client address: 20 an hour.
inline constexpr int64_t kForgotWindowSeconds = 60 * 60;
std::vector<store::RateLimit> ForgotLimits(std::string_view normalized_email,
                                           std::string_view remote_address);

}  // namespace tilti::web
