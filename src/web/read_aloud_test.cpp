#include "web/read_aloud.h"

#include <gtest/gtest.h>

#include "core/text.h"
#include "speech/synthesizer.h"
#include "web/markdown.h"

namespace tilti::web {
namespace {

using Paragraphs = std::vector<std::string>;

TEST(MarkdownParagraphs, PlainTextOfEachBlockWithoutMarkup) {
  EXPECT_EQ(MarkdownParagraphs("Teksts ar **treknu**, *slīprakstu*, ~~svītru~~ un `kodu`.\n\n"
                               "Otrā\nrindkopa   ar  atstarpēm."),
            (Paragraphs{"Teksts ar treknu, slīprakstu, svītru un kodu.",
                        "Otrā rindkopa ar atstarpēm."}));
  EXPECT_TRUE(MarkdownParagraphs("").empty());
  EXPECT_TRUE(MarkdownParagraphs("\n\n   \n---\n").empty());
}

TEST(MarkdownParagraphs, AHeadingOpensTheParagraphAfterIt) {
  EXPECT_EQ(MarkdownParagraphs("# Kur palīdz\n\nBibliotēkā palīdz.\n\n## Kad?\n\nKatru dienu."),
            (Paragraphs{"Kur palīdz. Bibliotēkā palīdz.", "Kad? Katru dienu."}));
  EXPECT_EQ(MarkdownParagraphs("Setext\n======\n\nTeksts"), (Paragraphs{"Setext. Teksts"}));
  // A heading with nothing after it, or before a rule, stands alone.
  EXPECT_EQ(MarkdownParagraphs("Teksts\n\n## Beigas"), (Paragraphs{"Teksts", "Beigas."}));
  EXPECT_EQ(MarkdownParagraphs("## Viens\n\n---\n\nDivi"), (Paragraphs{"Viens.", "Divi"}));
}

TEST(MarkdownParagraphs, LinksAndImagesLeaveTheirTextOnly) {
  EXPECT_EQ(MarkdownParagraphs("Skatiet [portālu](https://www.latvija.gov.lv/ \"virsraksts\") un "
                               "<https://example.lv/>. ![Bibliotēkas ēka](x.png)"),
            (Paragraphs{"Skatiet portālu un https://example.lv/. Bibliotēkas ēka"}));
  EXPECT_EQ(MarkdownParagraphs("[atsauce][1]\n\n[1]: https://example.lv/"), (Paragraphs{"atsauce"}));
}

TEST(MarkdownParagraphs, AListIsOneParagraphItsItemsSentences) {
  EXPECT_EQ(MarkdownParagraphs("Vajag:\n\n- dators\n- internets!\n* pase\n\n3. trīs\n4. četri"),
            (Paragraphs{"Vajag:", "dators. internets!", "pase.", "trīs. četri."}))
      << "another bullet character starts another list";
  EXPECT_EQ(MarkdownParagraphs("- viens\n  - iekšā\n  - arī\n- divi\n\n  ar rindkopu"),
            (Paragraphs{"viens. iekšā. arī. divi. ar rindkopu."}));
}

TEST(MarkdownParagraphs, QuotesCodeAndTables) {
  EXPECT_EQ(MarkdownParagraphs("> Citāts.\n>\n> Otrs.\n\n```\nkods <b>\nrinda\n```"),
            (Paragraphs{"Citāts.", "Otrs.", "kods <b> rinda"}));
  EXPECT_EQ(MarkdownParagraphs("| Diena | Laiks |\n|---|---|\n| P. | 9–18 |\n| O | |\n"),
            (Paragraphs{"Diena, Laiks. P., 9–18. O."}));
}

TEST(MarkdownParagraphs, HostileMarkdownIsOnlyText) {
  const Paragraphs got = MarkdownParagraphs(
      "<script>alert(1)</script>\n\n"
      "Inline <img src=x onerror=alert(2)> [click](javascript:alert(3)) &lt;b&gt; &#106; &copy; "
      "&amp;&nbsp;x\n\n"
      "<iframe src=\"https://evil.example\"></iframe>\n\n" +
      std::string("a\0b", 3) + "\n\n*** **_ __ ** _ [](x) [ ]( ) <!-- c -->");
  ASSERT_EQ(got.size(), 5u);
  EXPECT_EQ(got[0], "<script>alert(1)</script>") << "raw HTML is read as the page shows it";
  EXPECT_EQ(got[1], "Inline <img src=x onerror=alert(2)> click <b> j &copy; &\xC2\xA0x");
  EXPECT_EQ(got[2], "<iframe src=\"https://evil.example\"></iframe>");
  EXPECT_EQ(got[3], "ab");
  EXPECT_EQ(got[4], "*** **_ __ ** _ <!-- c -->") << "stray markers stay; empty links vanish";
  for (const std::string& p : got) {
    EXPECT_EQ(p.find("javascript"), std::string::npos);
    EXPECT_EQ(p.find('\0'), std::string::npos);
  }
}

TEST(MarkdownParagraphs, NeverThrowsOnDeepOrBrokenInput) {
  std::string deep(5000, '>');
  deep += " x\n";
  for (int i = 0; i < 2000; ++i) deep += "- ";
  deep += "y\n\xFF\xFE [\xC4](\x80)";
  EXPECT_NO_THROW(MarkdownParagraphs(deep));
}

TEST(ReadAloud, PartsAreParagraphsLongOnesCutToWhatTheSynthesizerTakes) {
  std::string long_paragraph;
  while (long_paragraph.size() < 2 * speech::kMaxTextBytes) {
    long_paragraph += "Bibliotēkā ikviens var bez maksas lietot datoru. Интернет бесплатный. ";
  }
  const auto parts = ReadAloudParts("# Virsraksts\n\nĪsa rindkopa.\n\n" + long_paragraph +
                                    "\n\nBeigas.");
  ASSERT_GE(parts.size(), 5u);
  EXPECT_EQ(parts.front(), "Virsraksts. Īsa rindkopa.");
  EXPECT_EQ(parts.back(), "Beigas.");
  for (const std::string& p : parts) {
    EXPECT_LE(p.size(), speech::kMaxTextBytes);
    EXPECT_GE(Utf8Length(p), 0) << "valid UTF-8";
    EXPECT_FALSE(p.empty());
  }
  for (size_t i = 1; i + 1 < parts.size(); ++i) {
    EXPECT_TRUE(parts[i].ends_with("бесплатный.")) << "cut after a sentence: " << parts[i];
  }
  EXPECT_TRUE(ReadAloudParts("").empty());
  // Broken UTF-8 in the text never reaches the synthesizer.
  const auto broken = ReadAloudParts("Teksts \xC4 ar \xFF kļūdu.");
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_GE(Utf8Length(broken[0]), 0);
}

TEST(ReadAloud, FileNamesCarryTheNumberAndAHashOfVoiceAndText) {
  const std::string name = ReadAloudFileName(3, "lv", "Labdien.");
  ASSERT_EQ(name.size(), std::string("3-12345678.wav").size());
  EXPECT_TRUE(name.starts_with("3-"));
  EXPECT_TRUE(name.ends_with(".wav"));
  for (char c : name.substr(2, 8)) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  EXPECT_EQ(name, ReadAloudFileName(3, "lv", "Labdien."));
  EXPECT_NE(name, ReadAloudFileName(3, "lv", "Labdien!")) << "an edited text has a new name";
  EXPECT_NE(name, ReadAloudFileName(3, "ru", "Labdien.")) << "so has another voice";
  EXPECT_NE(name, ReadAloudFileName(4, "lv", "Labdien."));
}

TEST(ReadAloud, PartNumberOfAFileName) {
  EXPECT_EQ(ReadAloudPartNumber("3-1a2b3c4d.wav"), 3u);
  EXPECT_EQ(ReadAloudPartNumber("1234-x"), 1234u);
  for (const char* bad : {"", "-1a2b3c4d.wav", "03-1a2b3c4d.wav", "0-1a2b3c4d.wav",
                          "12345-1a2b3c4d.wav", "3.wav", "x3-1a2b3c4d.wav", "+3-a", "3a-b"}) {
    EXPECT_EQ(ReadAloudPartNumber(bad), std::nullopt) << bad;
  }
}

TEST(ReadAloud, SnippetIsTheBeginningCutAtASpace) {
  EXPECT_EQ(TextSnippet("Īss teksts.", 60), "Īss teksts.");
  EXPECT_EQ(TextSnippet("Jaunā sadaļa pieejama, izmantojot saiti", 25),
            "Jaunā sadaļa pieejama\xE2\x80\xA6");
  EXPECT_EQ(TextSnippet("Jaunā sadaļa pieejama, izmantojot", 22), "Jaunā sadaļa pieejama\xE2\x80\xA6");
  EXPECT_EQ(TextSnippet("ЖЖЖЖЖЖЖЖЖЖ", 4), "ЖЖЖЖ\xE2\x80\xA6");
  EXPECT_EQ(TextSnippet("😀😀😀", 2), "😀😀\xE2\x80\xA6");
  EXPECT_GE(Utf8Length(TextSnippet("ā ā ā ā ā ā", 3)), 0);
}

}  // namespace
}  // namespace tilti::web
