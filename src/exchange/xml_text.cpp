#include "exchange/xml_text.h"

namespace tilti::exchange {

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\r': out += "&#13;"; break;  // kept through XML's line-end normalisation
      default: out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace tilti::exchange
