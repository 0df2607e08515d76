#include "web/qr_svg.h"

#include <gtest/gtest.h>

namespace tilti::web {
namespace {

TEST(QrSvg, EncodesAUrlAsASquareSvg) {
  auto svg = QrSvg("http://127.0.0.1:8080/uk/libraries/ogres-centrala-biblioteka");
  ASSERT_TRUE(svg.has_value());
  EXPECT_EQ(svg->rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ", 0), 0u);
  EXPECT_NE(svg->find("<path fill=\"#000\" d=\"M"), std::string::npos);
  // The three finder patterns start at the quiet-zone corner.
  EXPECT_NE(svg->find("M4 4h1v1h-1z"), std::string::npos);
}

TEST(QrSvg, TooLongTextIsRefused) {
  EXPECT_FALSE(QrSvg(std::string(8000, 'x')).has_value());
}

}  // namespace
}  // namespace tilti::web
