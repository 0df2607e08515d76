#pragma once
// The signed-in session of a request: the tilti_session cookie holds the token, the database
// holds only its SHA-256 (accounts/session_token.h, store/account_store.h). Every page that
// depends on the session is private to its reader: send it with kPrivateNoStore and never put
// it in the response cache.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "store/account_store.h"
#include "web/site.h"

namespace tilti::web {

inline constexpr std::string_view kSessionCookie = "tilti_session";
inline constexpr std::string_view kPrivateNoStore = "private, no-store";

// The live session named by the request's tilti_session cookie; nullopt when there is no
// cookie, it is malformed (answered without touching the database), or the session has ended
// (expired, revoked, account disabled). Records the request as the session's activity.
std::optional<store::SessionInfo> CurrentSession(const Site& site, const http::Request& request);

// The SHA-256 of the request's session token, or nullopt when the cookie is absent or malformed.
std::optional<std::string> SessionTokenHashOf(const http::Request& request);

// The Set-Cookie value giving the browser `token`: HttpOnly, SameSite=Lax, Path=/, Secure when
// `secure`, and a Max-Age of `max_age_seconds` (the session's absolute lifetime, no longer).
std::string SessionCookie(std::string_view token, bool secure, int64_t max_age_seconds);

// The Set-Cookie value that removes the session cookie (empty value, Max-Age=0).
std::string ExpiredSessionCookie(bool secure);

// True when the site is served over https (cookies get Secure).
bool ServedOverHttps(const Site& site);

}  // namespace tilti::web
