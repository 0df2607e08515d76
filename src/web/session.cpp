#include "web/session.h"

#include "accounts/session_token.h"

namespace tilti::web {

std::optional<std::string> SessionTokenHashOf(const http::Request& request) {
  auto cookie = request.Cookie(kSessionCookie);
  if (!cookie || !accounts::IsWellFormedSessionToken(*cookie)) return std::nullopt;
  return accounts::HashSessionToken(*cookie);
}

std::optional<store::SessionInfo> CurrentSession(const Site& site, const http::Request& request) {
  auto hash = SessionTokenHashOf(request);
  if (!hash) return std::nullopt;
  const SysTime now = site.clock().Now();
  // FindSession writes (last activity, deletion of an expired session), hence Write.
  return site.db().Write([&](store::Connection& c) { return store::FindSession(c, *hash, now); });
}

std::string SessionCookie(std::string_view token, bool secure, int64_t max_age_seconds) {
  std::string c = std::string(kSessionCookie) + "=" + std::string(token) +
                  "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age_seconds);
  if (secure) c += "; Secure";
  return c;
}

std::string ExpiredSessionCookie(bool secure) {
  std::string c = std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0";
  if (secure) c += "; Secure";
  return c;
}

bool ServedOverHttps(const Site& site) { return site.options().public_url.starts_with("https://"); }

}  // namespace tilti::web
