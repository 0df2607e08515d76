#include "web/practice_views.h"

#include <gtest/gtest.h>

namespace tilti::web {
namespace {

TEST(PracticeViews, CutsByCharactersNeverInsideOne) {
  EXPECT_EQ(CutToChars("īsi", 3), "īsi");
  EXPECT_EQ(CutToChars("ģimenes klubs", 7), "ģimenes…");
  EXPECT_EQ(CutToChars("ЖЖЖЖ", 2), "ЖЖ…");
}

TEST(PracticeViews, AnExcerptDropsMarkdownMarksAndLines) {
  EXPECT_EQ(PracticeExcerpt("# Virsraksts\n\n**Treknā** [saite](x)"), "Virsraksts Treknā saite");
  std::string longer(300, 'a');
  EXPECT_EQ(PracticeExcerpt(longer), std::string(240, 'a') + "…");
}

}  // namespace
}  // namespace tilti::web
