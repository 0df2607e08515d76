#pragma once
// Text and attribute values for XML documents we write (XLIFF, Atom).
#include <string>
#include <string_view>

namespace tilti::exchange {

// `s` with & < > " ' escaped (safe in text and in either kind of quoted attribute), and CR as
// a character reference so XML's line-end normalisation keeps it.
std::string XmlEscape(std::string_view s);

}  // namespace tilti::exchange
