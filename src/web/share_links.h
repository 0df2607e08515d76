#pragma once
// Links that share a page through messengers and e-mail, plain <a href> that work without
// JavaScript (QUALITY W12), and a directions link for a place.
#include <string>
#include <string_view>
#include <vector>

namespace tilti::web {

struct ShareLink {
  std::string service;  // "telegram", "whatsapp", "viber", "email" (also a message-key suffix)
  std::string href;
};

// Share links for `url` with `text` (the page title) in the order shown.
std::vector<ShareLink> ShareLinks(std::string_view url, std::string_view text);

// An OpenStreetMap directions link to a point (a link only: nothing is loaded from there).
std::string DirectionsHref(double latitude, double longitude);

// RFC 3986 percent-encoding of everything but unreserved characters.
std::string PercentEncode(std::string_view s);

}  // namespace tilti::web
