#include "web/sign_in.h"

#include "core/ids.h"

namespace tilti::web {

std::vector<store::RateLimit> SignInLimits(std::string_view normalized_email,
                                           std::string_view remote_address) {
  return {
      {"signin:acct:" + Fnv1a64Hex(normalized_email), kSignInWindowSeconds, kSignInPerAccountMax},
      {"signin:addr:" + Fnv1a64Hex(remote_address), kSignInWindowSeconds, kSignInPerAddressMax}};
}

int64_t MinutesUntilSignInAllowed(int64_t now_unix) {
  // TakeRateLimits counts in fixed windows of now / window_seconds.
  const int64_t window_end = (now_unix / kSignInWindowSeconds + 1) * kSignInWindowSeconds;
  return std::max<int64_t>(1, (window_end - now_unix + 59) / 60);
}

std::optional<std::string> SafeNextPath(std::string_view next) {
  if (next.size() < 1 || next.size() > 2000 || next[0] != '/') return std::nullopt;
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return std::nullopt;
  for (unsigned char ch : next) {
    if (ch <= 0x20 || ch == 0x7f || ch == '\\') return std::nullopt;
  }
  return std::string(next);
}

std::vector<store::RateLimit> ForgotLimits(std::string_view normalized_email,
                                           std::string_view remote_address) {
  return {{"forgot:acct:" + Fnv1a64Hex(normalized_email), kForgotWindowSeconds, 3},
          {"forgot:addr:" + Fnv1a64Hex(remote_address), kForgotWindowSeconds, 20}};
}

}  // namespace tilti::web
