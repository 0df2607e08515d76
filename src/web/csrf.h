#pragma once
// Cross-site request forgery protection for forms (OWASP double-submit cookie): a random
// 128-bit token lives in an HttpOnly, SameSite=Strict cookie and in a hidden form field; a
// state-changing request is accepted only when both match and its Origin, if sent, is ours.
#include <string>
#include <string_view>

#include "http/request.h"

namespace tilti::web {

inline constexpr std::string_view kCsrfCookie = "tilti_csrf";
inline constexpr std::string_view kCsrfField = "csrf";

struct CsrfToken {
  std::string value;
  bool is_new = false;  // the response must set the cookie
};

// The visitor's token from the cookie when it is well-formed, else a new random one.
CsrfToken CsrfTokenFor(const http::Request& request);

// The Set-Cookie value for a token (Secure when the site is served over https).
std::string CsrfCookie(const CsrfToken& token, bool secure);

// True when `form_token` equals the cookie's token (compared in constant time) and the
// request's Origin header, when present, is `public_url`'s origin.
bool CsrfOk(const http::Request& request, std::string_view form_token,
            std::string_view public_url);

}  // namespace tilti::web
