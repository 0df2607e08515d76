#include "speech/speech_text.h"

#include <gtest/gtest.h>

#include "core/text.h"

namespace tilti::speech {
namespace {

// Every piece fits, is valid UTF-8, has no blank ends, and the pieces hold all the words.
void ExpectWellCut(const std::string& text, const std::vector<std::string>& pieces, size_t max) {
  std::string joined;
  for (const std::string& p : pieces) {
    EXPECT_LE(p.size(), max) << p;
    EXPECT_FALSE(p.empty());
    EXPECT_GE(Utf8Length(p), 0) << "not valid UTF-8: " << p;
    EXPECT_NE(p.front(), ' ');
    EXPECT_NE(p.back(), ' ');
    joined += p;
  }
  std::string words;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\t') words += c;
  }
  std::string got;
  for (char c : joined) {
    if (c != ' ' && c != '\n' && c != '\t') got += c;
  }
  EXPECT_EQ(got, words) << "no character lost or added";
}

TEST(SpeechText, TextThatFitsIsOnePieceTrimmed) {
  EXPECT_EQ(SplitForSpeech("  Labdien!\n"), std::vector<std::string>{"Labdien!"});
  EXPECT_TRUE(SplitForSpeech("").empty());
  EXPECT_TRUE(SplitForSpeech(" \n\t ").empty());
  const std::string exact(kMaxTextBytes, 'a');
  EXPECT_EQ(SplitForSpeech(exact), std::vector<std::string>{exact});
}

TEST(SpeechText, CutsAtTheLastSentenceEndThatFits) {
  // "One. Two! Three? Four." with max 15: "One. Two!" (9) is the longest run of sentences.
  EXPECT_EQ(SplitForSpeech("One. Two! Three? Four.", 16),
            (std::vector<std::string>{"One. Two! Three?", "Four."}));
  EXPECT_EQ(SplitForSpeech("One. Two! Three? Four.", 15),
            (std::vector<std::string>{"One. Two!", "Three? Four."}));
  // Closing quotes and brackets after the full stop belong to the sentence.
  EXPECT_EQ(SplitForSpeech("Viņš teica „jā.” Tad aizgāja mājās.", 24),
            (std::vector<std::string>{"Viņš teica „jā.”", "Tad aizgāja mājās."}));
  EXPECT_EQ(SplitForSpeech("(Tā ir.) Nākamais teikums te.", 12),
            (std::vector<std::string>{"(Tā ir.)", "Nākamais", "teikums te."}));
  // The ellipsis character ends a sentence too.
  EXPECT_EQ(SplitForSpeech("Gaidiet\xE2\x80\xA6 Tagad var.", 14),
            (std::vector<std::string>{"Gaidiet\xE2\x80\xA6", "Tagad var."}));
}

TEST(SpeechText, AnOrdinalOrAbbreviationIsNoSentenceEnd) {
  // "2014. gada" and "30. aprīļa": a full stop followed by lower case or a digit goes on.
  const std::string text = "Kopš 2014. gada 30. aprīļa projekts notiek. Tas beigsies drīz.";
  const auto pieces = SplitForSpeech(text, 50);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0], "Kopš 2014. gada 30. aprīļa projekts notiek.");
  // Without the rule this would be "Kopš 2014." and "gada projekts notiek": a space instead.
  EXPECT_EQ(SplitForSpeech("Kopš 2014. gada projekts notiek", 20),
            (std::vector<std::string>{"Kopš 2014. gada", "projekts notiek"}));
  // Cyrillic lower case continues a sentence, upper case starts one.
  EXPECT_EQ(SplitForSpeech("См. стр. пять. Дальше текст.", 26),
            (std::vector<std::string>{"См. стр. пять.", "Дальше текст."}));
}

TEST(SpeechText, WithoutASentenceEndCutsAtTheLastSpace) {
  EXPECT_EQ(SplitForSpeech("viens divi trīs četri", 12),
            (std::vector<std::string>{"viens divi", "trīs četri"}));
  // Several spaces or a line break at the cut are dropped.
  EXPECT_EQ(SplitForSpeech("viens  \n  divi", 8), (std::vector<std::string>{"viens", "divi"}));
}

TEST(SpeechText, AWordLongerThanTheLimitIsCutBetweenCharacters) {
  // "ā" is 2 bytes, "ж" 2, "€" 3, "😀" 4: no cut may fall inside one.
  for (const std::string ch : {"ā", "ж", "€", "😀"}) {
    std::string word;
    for (int i = 0; i < 50; ++i) word += ch;
    for (size_t max : {4, 5, 7, 10, 33}) {
      const auto pieces = SplitForSpeech(word, max);
      ExpectWellCut(word, pieces, max);
      EXPECT_GT(pieces.size(), 1u);
    }
  }
}

TEST(SpeechText, LongLatvianParagraphIsCutWithinTheLimit) {
  std::string paragraph;
  for (int i = 0; paragraph.size() < 3 * kMaxTextBytes; ++i) {
    paragraph += "Bibliotēkā ikviens var bez maksas lietot datoru un internetu, lasīt grāmatas un "
                 "žurnālus, kā arī saņemt konsultācijas par informācijas meklēšanu. ";
  }
  const auto pieces = SplitForSpeech(paragraph);
  ASSERT_GE(pieces.size(), 3u);
  ExpectWellCut(paragraph, pieces, kMaxTextBytes);
  for (const std::string& p : pieces) EXPECT_TRUE(p.ends_with("meklēšanu.")) << p;
}

TEST(SpeechText, BrokenUtf8IsReplacedNeverPassedOn) {
  EXPECT_EQ(ValidUtf8("a\xC4\x81"), "a\xC4\x81");
  EXPECT_EQ(ValidUtf8("a\x80z"), "a\xEF\xBF\xBDz");              // stray continuation
  EXPECT_EQ(ValidUtf8("\xC4"), "\xEF\xBF\xBD");                   // truncated
  EXPECT_EQ(ValidUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");   // overlong "/"
  EXPECT_EQ(ValidUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(ValidUtf8("\xF4\x90\x80\x80").substr(0, 3), "\xEF\xBF\xBD");  // past U+10FFFF
  std::string hostile;
  for (int i = 0; i < 300; ++i) hostile += "\xE2\x82 \xFF\xF0\x9F\x98";
  const auto pieces = SplitForSpeech(hostile, 16);
  for (const std::string& p : pieces) {
    EXPECT_LE(p.size(), 16u);
    EXPECT_GE(Utf8Length(p), 0);
  }
}

TEST(SpeechText, TinyLimitsStillMakeProgress) {
  const auto pieces = SplitForSpeech("abc def", 0);  // taken as 4
  EXPECT_EQ(pieces, (std::vector<std::string>{"abc", "def"}));
}

}  // namespace
}  // namespace tilti::speech
