#pragma once
// QR codes as SVG (libqrencode lives only in qr_svg.cpp).
#include <optional>
#include <string>
#include <string_view>

namespace tilti::web {

// An SVG image of a QR code (error correction level M, 4-module quiet zone) encoding `text`;
// nullopt if the text is too long for a QR code.
std::optional<std::string> QrSvg(std::string_view text);

}  // namespace tilti::web
