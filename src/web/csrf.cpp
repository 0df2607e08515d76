#include "web/csrf.h"

#include "core/ids.h"

namespace tilti::web {
namespace {

constexpr size_t kTokenChars = 32;  // 16 random bytes as hex

bool WellFormed(std::string_view t) {
  if (t.size() != kTokenChars) return false;
  for (char c : t) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// "https://host:port" of a URL (scheme, host and port, without path).
std::string_view OriginOf(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return url;
  auto path = url.find('/', scheme_end + 3);
  return url.substr(0, path);
}

}  // namespace

CsrfToken CsrfTokenFor(const http::Request& request) {
  auto cookie = request.Cookie(kCsrfCookie);
  if (cookie && WellFormed(*cookie)) return {std::string(*cookie), false};
  return {RandomHex(kTokenChars / 2), true};
}

std::string CsrfCookie(const CsrfToken& token, bool secure) {
  std::string c = std::string(kCsrfCookie) + "=" + token.value +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=86400";
  if (secure) c += "; Secure";
  return c;
}

bool CsrfOk(const http::Request& request, std::string_view form_token,
            std::string_view public_url) {
  auto cookie = request.Cookie(kCsrfCookie);
  if (!cookie || !WellFormed(*cookie) || !ConstantTimeEqual(*cookie, form_token)) return false;
  auto origin = request.Header("origin");
  return !origin || *origin == OriginOf(public_url);
}

}  // namespace tilti::web
