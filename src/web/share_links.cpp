#include "web/share_links.h"

#include <cstdio>

namespace tilti::web {

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::vector<ShareLink> ShareLinks(std::string_view url, std::string_view text) {
  std::string u = PercentEncode(url);
  std::string t = PercentEncode(text);
  std::string both = PercentEncode(std::string(text) + " " + std::string(url));
  return {
      {"telegram", "https://t.me/share/url?url=" + u + "&text=" + t},
      {"whatsapp", "https://wa.me/?text=" + both},
      {"viber", "viber://forward?text=" + both},
      {"email", "mailto:?subject=" + t + "&body=" + u},
  };
}

std::string DirectionsHref(double latitude, double longitude) {
  char buf[128];
  std::snprintf(buf, sizeof buf,
                "https://www.openstreetmap.org/directions?to=%.6f%%2C%.6f#map=14/%.6f/%.6f",
                latitude, longitude, latitude, longitude);
  return buf;
}

}  // namespace tilti::web
