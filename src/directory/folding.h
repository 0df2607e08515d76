#pragma once
// Search folding: the one spelling that both stored text and queries are reduced to, so that
// "Rēzekne", "Rezekne" and "Резекне" are the same word. Pure functions, thread-safe, no state.
#include <string>
#include <string_view>
#include <vector>

namespace tilti::directory {

// Folds UTF-8 `text` for search and returns UTF-8 (ASCII for Latin and Cyrillic input):
//  - case-folded (ß → ss) and stripped of diacritics after NFKD (ā → a, č → c, ļ → l, ...);
//    letters that do not decompose are mapped too (ł → l, ø → o, đ → d, æ → ae, œ → oe);
//  - Cyrillic (Russian, Ukrainian, Belarusian) is transliterated the way Latvian spells the
//    name it stands for, not by ICU's default (Юрмала → "jurmala", not "yurmala"):
//    е/э → e, but е at the start of a word or after a vowel other than и/і → "je"
//    (Елгава → "jelgava"); є → "je" except after и/і/ї ("ie" of Лієпая); я/ю/ё → ja/ju/jo at
//    the start of a word, after a vowel, ь, ъ or an apostrophe, and a/u/o after a consonant,
//    whose softness is the Latvian ļ/ņ/ķ/ģ that folds to l/n/k/g anyway (Плявиняс →
//    "plavinas" like Pļaviņas); й → j before a vowel, else i (Айзпуте → "aizpute");
//    и → i, but "ji" after a vowel other than и/і (Ругаи → "rugaji"); ї → "ji"; ж/з → z;
//    х → h; ц/ч → c; ш → s; щ → "sc"; ы/і → i; ў → u; г/ґ → g; ъ/ь → nothing; other
//    Cyrillic letters with a diacritic (ӑ, ӧ) like their base letter;
//  - every character that is not a letter, a digit or a combining mark becomes a space;
//    runs of spaces collapse to one and there is none at either end.
// Other scripts (Greek, Arabic, ...) are only case-folded and stripped of marks.
// Invalid UTF-8 is replaced (U+FFFD, which folds to a space); never throws on any input.
std::string Fold(std::string_view text);

// The words of an already folded text (split on spaces; no empty words).
std::vector<std::string> Tokens(std::string_view folded);

// Levenshtein distance with adjacent transpositions (optimal string alignment) between two
// UTF-8 strings, counted in code points. Returns max + 1 as soon as the distance is known to
// exceed `max` (so the cost is O(len * (2 * max + 1))); max >= 0.
int EditDistance(std::string_view a, std::string_view b, int max);

// The least EditDistance between `a` and any prefix of `b` (including the empty one and b
// itself), bounded the same way: how far a half-typed word is from becoming `b`.
// PrefixEditDistance("daugavpi", "daugavpils", 2) == 0; ("duagav", "daugavpils", 1) == 1.
int PrefixEditDistance(std::string_view a, std::string_view b, int max);

}  // namespace tilti::directory
