#include "core/text.h"

#include <gtest/gtest.h>

namespace tilti {
namespace {

TEST(Text, AppendUtf8WritesEveryLengthAndReplacesWhatIsNoCharacter) {
  std::string s;
  for (char32_t cp : {U'A', U'ā', U'Ж', U'€', U'😀'}) AppendUtf8(s, cp);
  EXPECT_EQ(s, "AāЖ€😀");
  EXPECT_EQ(Utf8Length(s), 5);
  std::string bad;
  for (char32_t cp : {char32_t{0}, char32_t{0xD800}, char32_t{0x110000}}) AppendUtf8(bad, cp);
  EXPECT_EQ(bad, "\uFFFD\uFFFD\uFFFD");
}

TEST(Text, LengthsInCharactersAndTrimming) {
  EXPECT_EQ(Utf8Length("Rēzekne"), 7);
  EXPECT_EQ(Utf8Length("\xC3"), -1);
  EXPECT_EQ(TrimSpace(" \t Ogre\r\n"), "Ogre");
  EXPECT_EQ(TrimSpace(" \n "), "");
}

}  // namespace
}  // namespace tilti
