#pragma once
// The front-desk phrasebook (issue 8): situations (greeting, library card, ...) and short
// phrases a librarian shows or plays to a visitor, each written in every site locale.
//
// The phrases are data kept in the repository (web/phrasebook/phrases.json, compiled into the
// binary like the templates) rather than database rows: they are editorial text reviewed in
// git next to the message catalogues, every node gets the same copy with the binary, there is
// no back-office editing of them yet, and start-up can refuse a phrasebook with a missing
// translation the way it refuses a broken catalogue. Only their audio lives in the database
// (store/speech_cache.h), because it is made on first use and shared by all nodes.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"

namespace tilti::knowledge {

struct Phrase {
  std::string id;  // [a-z0-9-], unique in the phrasebook; part of URLs, never changes
  std::map<std::string, std::string, std::less<>> text;  // locale -> phrase, every locale
  std::string folded;  // directory::Fold of every locale's text and the situation's title
};

struct Situation {
  std::string id;                                         // [a-z0-9-], unique among situations
  std::map<std::string, std::string, std::less<>> title;  // locale -> title, every locale
  std::vector<Phrase> phrases;                            // in the file's order
};

struct Phrasebook {
  std::vector<Situation> situations;  // in the file's order

  // The phrase with `id` and its situation, or {nullptr, nullptr}.
  std::pair<const Situation*, const Phrase*> Find(std::string_view id) const;
  size_t PhraseCount() const;
};

// Parses the phrasebook JSON:
//   {"situations": [{"id": "greeting", "title": {"lv": "...", ...},
//                    "phrases": [{"id": "hello", "lv": "...", "ru": "...", ...}, ...]}, ...]}
// Every situation title and every phrase must have a non-empty text in each of `locales`;
// ids must be unique and [a-z0-9-]; keys other than "_comment" at the top are refused.
// Errors are kInvalidInput whose detail names the situation or phrase and what is wrong.
Result<Phrasebook> ParsePhrasebook(std::string_view json, const std::vector<std::string>& locales);

// The phrases matching `query` in any language, in phrasebook order, with their situation.
// The query and the texts are folded (directory::Fold: case, diacritics, Cyrillic spelled the
// Latvian way), and every word of the query must occur somewhere in a phrase's texts or its
// situation's title: "biblioteka karte", "БИБЛИОТЕКА" and "bibliotēkā" all find phrases. A
// query with no words matches nothing.
struct PhraseHit {
  const Situation* situation;
  const Phrase* phrase;
};
std::vector<PhraseHit> SearchPhrases(const Phrasebook& book, std::string_view query);

}  // namespace tilti::knowledge
