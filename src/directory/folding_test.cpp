#include "directory/folding.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>

#include "directory/demo_dataset.h"

namespace tilti::directory {
namespace {

namespace fs = std::filesystem;

TEST(Folding, LatvianCyrillicAndUnaccentedSpellingsFoldAlike) {
  EXPECT_EQ(Fold("Rēzekne"), "rezekne");
  EXPECT_EQ(Fold("Rezekne"), "rezekne");
  EXPECT_EQ(Fold("Резекне"), "rezekne");
  EXPECT_EQ(Fold("REZEKNE"), "rezekne");
  EXPECT_EQ(Fold("Jūrmala"), "jurmala");
  EXPECT_EQ(Fold("Юрмала"), "jurmala");
  EXPECT_EQ(Fold("Єлгава"), "jelgava");
  EXPECT_EQ(Fold("Елгава"), "jelgava");
  EXPECT_EQ(Fold("Jelgava"), "jelgava");
  EXPECT_EQ(Fold("Даугавпилс"), "daugavpils");
  EXPECT_EQ(Fold("Даугавпілс"), "daugavpils");
  EXPECT_EQ(Fold("Ogre"), "ogre");
  EXPECT_EQ(Fold("Огре"), "ogre");
  EXPECT_EQ(Fold("Салдус"), "saldus");
  EXPECT_EQ(Fold("Вентспилс"), "ventspils");
  EXPECT_EQ(Fold("Лиепая"), "liepaja");
  EXPECT_EQ(Fold("Лієпая"), "liepaja");
  EXPECT_EQ(Fold("Сигулда"), "sigulda");
  EXPECT_EQ(Fold("Саласпилс"), "salaspils");
  EXPECT_EQ(Fold("Jēkabpils"), "jekabpils");
  EXPECT_EQ(Fold("Екабпилс"), "jekabpils");
  EXPECT_EQ(Fold("Єкабпілс"), "jekabpils");
  EXPECT_EQ(Fold("Гулбене"), "gulbene");
}

TEST(Folding, FollowsLatvianSpellingRatherThanIcuDefaults) {
  EXPECT_EQ(Fold("Айзпуте"), "aizpute");    // й before a consonant is the i of "ai"
  EXPECT_EQ(Fold("Руйиена"), "rujiena");    // й before a vowel is j
  EXPECT_EQ(Fold("Плявиняс"), "plavinas");  // я after a consonant: Pļaviņas
  EXPECT_EQ(Fold("Вайнёде"), "vainode");    // ё after a consonant: Vaiņode
  EXPECT_EQ(Fold("Ругаи"), "rugaji");       // и after a vowel: Rugāji
  EXPECT_EQ(Fold("Ругаї"), "rugaji");
  EXPECT_EQ(Fold("Яунєлгава"), "jaunjelgava");
  EXPECT_EQ(Fold("Саулкрасты"), "saulkrasti");
  EXPECT_EQ(Fold("Пиньки"), "pinki");  // ь vanishes: Piņķi
  EXPECT_EQ(Fold("Щука"), "scuka");
  EXPECT_EQ(Fold("Энгуре"), "engure");
  EXPECT_EQ(Fold("Ўзда"), "uzda");    // Belarusian ў
  EXPECT_EQ(Fold("м'ясо"), "mjaso");  // Ukrainian apostrophe acts as a hard sign
  EXPECT_EQ(Fold("подъезд"), "podjezd");
}

TEST(Folding, StripsLatinDiacriticsAndFoldsCase) {
  EXPECT_EQ(Fold("ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž"), "acegiklnsuz acegiklnsuz");
  EXPECT_EQ(Fold("Straße"), "strasse");
  EXPECT_EQ(Fold("Łódź Øresund Æsir œuvre Þing Đakovo"), "lodz oresund aesir oeuvre thing dakovo");
  EXPECT_EQ(Fold("Ąžuolų gatvė"), "azuolu gatve");
  EXPECT_EQ(Fold("ＦＵＬＬ　ｗｉｄｔｈ"), "full width");  // compatibility forms
  EXPECT_EQ(Fold("Re\xCC\x84zekne"), "rezekne");          // already decomposed input (e + macron)
}

TEST(Folding, PunctuationBecomesSingleSpaces) {
  EXPECT_EQ(Fold("  Latgales   Centrālā—bibliotēka!! "), "latgales centrala biblioteka");
  EXPECT_EQ(Fold("e-pakalpojumi, (bezmaksas)"), "e pakalpojumi bezmaksas");
  EXPECT_EQ(Fold("50+ senioriem"), "50 senioriem");
  EXPECT_EQ(Fold("\"*()-:^"), "");
  EXPECT_EQ(Fold(""), "");
  EXPECT_EQ(Fold("١٢٣"), "123");  // Arabic-Indic digits
}

TEST(Folding, KeepsOtherScriptsLowerCased) {
  EXPECT_EQ(Fold("Ελλάδα"), "ελλαδα");
  EXPECT_EQ(Fold("Ελλάδα"), Fold("ελλαδα"));
}

TEST(Folding, NeverThrowsOnInvalidUtf8) {
  EXPECT_NO_THROW(
      Fold(std::string("ab\xff\xfe"
                       "cd\xc3")));
  EXPECT_EQ(Fold(std::string("ab\xff"
                             "cd")),
            "ab cd");
  EXPECT_NO_THROW(Fold(std::string("\0x\0", 3)));
}

TEST(Folding, CyrillicLettersWithOtherDiacriticsFoldToTheirBaseLetter) {
  EXPECT_EQ(Fold("ӑ ӧ ѝ"), "a o i");
  EXPECT_EQ(Fold("Ӧ"), "o");  // never left in Cyrillic, so a second Fold changes nothing
}

// Random strings of letters from every case above, marks, punctuation and broken UTF-8: Fold
// never throws, its output is stable under a second Fold and has single inner spaces only.
TEST(Folding, RandomInputIsFoldedConsistently) {
  const std::vector<std::string> pieces = {
      "a",  "Ā",  "ž",  "ß",    "ł",        "Æ",        "е", "Е", "є",  "ё",
      "я",  "Я",  "ю",  "и",    "й",        "ї",        "і", "ь", "ъ",  "'",
      "’",  "щ",  "ў",  "ӑ",    "\xCC\x84", "\xCC\x86", " ", "-", "\"", "*",
      "(",  "5",  "١",  "\xff", "\xc3",     "ﬁ",        "Ω", "ς", "ǅ",  "\xE2\x80\x8B",
      "\t", "\n", "中", "ا"};
  std::mt19937 random(20261122);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t length = random() % 12;
    for (size_t i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    std::string folded;
    ASSERT_NO_THROW(folded = Fold(text)) << text;
    EXPECT_EQ(Fold(folded), folded) << text;
    EXPECT_EQ(folded.find("  "), std::string::npos) << text;
    EXPECT_FALSE(folded.starts_with(' ') || folded.ends_with(' ')) << text;
  }
}

TEST(Folding, IsIdempotent) {
  for (std::string_view s : {"Rēzekne", "Юрмала", "Лиепая", "Straße", "Ругаи", "a-b c"}) {
    EXPECT_EQ(Fold(Fold(s)), Fold(s)) << s;
  }
}

TEST(Folding, TokensSplitOnSpaces) {
  EXPECT_EQ(Tokens("latgales centrala biblioteka"),
            (std::vector<std::string>{"latgales", "centrala", "biblioteka"}));
  EXPECT_TRUE(Tokens("").empty());
  EXPECT_EQ(Tokens("a"), std::vector<std::string>{"a"});
  EXPECT_EQ(Tokens(" a  b "), (std::vector<std::string>{"a", "b"}));
}

TEST(Folding, PrefixEditDistanceMeasuresAgainstTheClosestBeginning) {
  EXPECT_EQ(PrefixEditDistance("daugavpi", "daugavpils", 2), 0);
  EXPECT_EQ(PrefixEditDistance("daugavpl", "daugavpils", 2), 1);
  EXPECT_EQ(PrefixEditDistance("duagav", "daugavpils", 1), 1);
  EXPECT_EQ(PrefixEditDistance("jelgva", "jelgava", 1), 1);
  EXPECT_EQ(PrefixEditDistance("jelgava", "jelgava", 1), 0);
  EXPECT_EQ(PrefixEditDistance("jelgavas", "jelgava", 1), 1);  // longer than the word
  EXPECT_EQ(PrefixEditDistance("rezekne", "daugavpils", 2), 3);
  EXPECT_EQ(PrefixEditDistance("ab", "", 2), 2);
  EXPECT_EQ(PrefixEditDistance("", "abc", 0), 0);
}

TEST(Folding, EditDistanceIsBoundedDamerau) {
  EXPECT_EQ(EditDistance("daugavpils", "daugavpils", 2), 0);
  EXPECT_EQ(EditDistance("daugavpls", "daugavpils", 2), 1);    // deletion
  EXPECT_EQ(EditDistance("daugavpilss", "daugavpils", 2), 1);  // insertion
  EXPECT_EQ(EditDistance("daugavpild", "daugavpils", 2), 1);   // substitution
  EXPECT_EQ(EditDistance("duagavpils", "daugavpils", 2), 1);   // transposition
  EXPECT_EQ(EditDistance("dagavpls", "daugavpils", 2), 2);
  EXPECT_EQ(EditDistance("kitten", "sitting", 5), 3);
  EXPECT_EQ(EditDistance("kitten", "sitting", 2), 3);  // max + 1 once over the bound
  EXPECT_EQ(EditDistance("abc", "abcdefgh", 2), 3);    // length difference alone
  EXPECT_EQ(EditDistance("", "ab", 2), 2);
  EXPECT_EQ(EditDistance("", "", 0), 0);
  EXPECT_EQ(EditDistance("ελλαδα", "ελλαδο", 1), 1);  // counts code points, not bytes
  EXPECT_EQ(EditDistance("abcdef", "badcfe", 1), 2);
}

// The demo data set, read from the source tree (the gazetteer with demo.json's corrections).
const DemoDataset& Demo() {
  static const DemoDataset d = [] {
    const fs::path root = fs::path(TILTI_SOURCE_DIR) / "demo";
    std::map<std::string, std::string> bytes;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      bytes[fs::relative(entry.path(), root).generic_string()] = ss.str();
    }
    std::vector<embedded::File> files;
    for (const auto& [path, b] : bytes) files.push_back({path, b});
    auto r = ParseDemo(files);
    if (!r.ok()) throw std::runtime_error(r.error().detail);
    return std::move(r.value());
  }();
  return d;
}

bool IsPlainAscii(std::string_view s) {
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || c == ' ')) return false;
  }
  return !s.empty();
}

struct Tally {
  int exact = 0;
  int near = 0;
  std::string near_list;
  void Check(std::string_view lv, std::string_view other) {
    const std::string a = Fold(lv);
    const std::string b = Fold(other);
    if (a == b) {
      ++exact;
      return;
    }
    const int d = EditDistance(a, b, 2);
    EXPECT_LE(d, 2) << lv << " folds to " << a << " but " << other << " to " << b;
    if (d <= 2) {
      ++near;
      near_list +=
          "  " + std::string(other) + " -> " + b + " vs " + a + " (" + std::to_string(d) + ")\n";
    }
  }
};

TEST(Folding, EveryTownsRussianAndUkrainianNameFoldsToItsLatvianName) {
  Tally tally;
  int towns = 0;
  for (const auto& p : Demo().places) {
    if (!p.is_town) continue;
    ++towns;
    EXPECT_TRUE(IsPlainAscii(Fold(p.name))) << p.name << " -> " << Fold(p.name);
    for (const auto& n : p.names) {
      if (n.locale == "ru" || n.locale == "uk") tally.Check(p.name, n.name);
    }
  }
  EXPECT_EQ(towns, 125);
  EXPECT_EQ(tally.exact + tally.near, 250);
  std::cout << "[ towns    ] " << tally.exact << " ru/uk names fold exactly to the Latvian name, "
            << tally.near << " within edit distance 2:\n"
            << tally.near_list;
}

TEST(Folding, EveryMunicipalityNameFoldsAcrossLocales) {
  Tally tally;
  int municipalities = 0;
  const DemoDataset& d = Demo();
  for (const auto& m : d.municipalities) {
    ++municipalities;
    EXPECT_TRUE(IsPlainAscii(Fold(m.name))) << m.name << " -> " << Fold(m.name);
    for (const char* locale : {"ru", "uk"}) {
      if (const auto* t = d.FindTranslation("municipality", m.id, "name", locale)) {
        tally.Check(m.name, t->value);
      }
    }
  }
  EXPECT_EQ(municipalities, 43);
  std::cout << "[ munic.   ] " << tally.exact << " ru/uk names fold exactly, " << tally.near
            << " within edit distance 2:\n"
            << tally.near_list;
}

TEST(Folding, LibraryTownsInRussianAndUkrainian) {
  const DemoDataset& d = Demo();
  std::map<int64_t, const DemoPlace*> places;
  for (const auto& p : d.places) places[p.id] = &p;
  int libraries = 0;
  for (const auto& l : d.locations) {
    if (!l.place_id) continue;
    const DemoPlace& p = *places.at(*l.place_id);
    ++libraries;
    std::cout << "[ library  ] " << p.name << " -> " << Fold(p.name);
    for (const auto& n : p.names) {
      if (n.locale != "ru" && n.locale != "uk") continue;
      std::cout << "; " << n.locale << " " << n.name << " -> " << Fold(n.name);
      EXPECT_EQ(Fold(n.name), Fold(p.name)) << n.name;
    }
    std::cout << "\n";
  }
  EXPECT_EQ(libraries, 10);
}

}  // namespace
}  // namespace tilti::directory
