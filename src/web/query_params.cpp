#include "web/query_params.h"

namespace tilti::web {

std::string QueryParam(const http::Request& request, std::string_view name, size_t max_bytes) {
  for (auto& [k, v] : http::ParseQuery(request.query)) {
    if (k != name) continue;
    size_t b = v.find_first_not_of(" \t\r\n"), e = v.find_last_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    std::string t = v.substr(b, e - b + 1);
    if (t.size() > max_bytes) {
      t.resize(max_bytes);
      // Drop continuation bytes, then the lead byte whose sequence they belonged to.
      while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
      if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();
    }
    return t;
  }
  return "";
}

}  // namespace tilti::web
