#include "knowledge/phrasebook.h"

#include <boost/json.hpp>
#include <optional>
#include <set>

#include "directory/folding.h"

namespace tilti::knowledge {
namespace {

namespace json = boost::json;

Error Invalid(std::string detail) { return Error{ErrorCode::kInvalidInput, std::move(detail)}; }

bool IsId(std::string_view id) {
  if (id.empty() || id.size() > 60) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// Reads obj[locale] for every locale into `out`; the first missing or empty one is an error.
std::optional<std::string> ReadTexts(const json::object& obj,
                                     const std::vector<std::string>& locales,
                                     std::map<std::string, std::string, std::less<>>& out) {
  for (const std::string& locale : locales) {
    const json::value* v = obj.if_contains(locale);
    if (v == nullptr || !v->is_string() || v->as_string().empty()) {
      return "no text in '" + locale + "'";
    }
    out.emplace(locale, std::string(v->as_string()));
  }
  return std::nullopt;
}

}  // namespace

std::pair<const Situation*, const Phrase*> Phrasebook::Find(std::string_view id) const {
  for (const Situation& s : situations) {
    for (const Phrase& p : s.phrases) {
      if (p.id == id) return {&s, &p};
    }
  }
  return {nullptr, nullptr};
}

size_t Phrasebook::PhraseCount() const {
  size_t n = 0;
  for (const Situation& s : situations) n += s.phrases.size();
  return n;
}

Result<Phrasebook> ParsePhrasebook(std::string_view text, const std::vector<std::string>& locales) {
  boost::system::error_code ec;
  json::value root = json::parse(text, ec);
  if (ec) return Invalid("not JSON: " + ec.message());
  if (!root.is_object()) return Invalid("the top level is not an object");
  for (const auto& [key, value] : root.as_object()) {
    if (key != "situations" && key != "_comment") {
      return Invalid("unknown key '" + std::string(key) + "'");
    }
  }
  const json::value* list = root.as_object().if_contains("situations");
  if (list == nullptr || !list->is_array() || list->as_array().empty()) {
    return Invalid("no situations");
  }
  Phrasebook book;
  std::set<std::string, std::less<>> situation_ids, phrase_ids;
  for (const json::value& sv : list->as_array()) {
    if (!sv.is_object()) return Invalid("a situation is not an object");
    const json::object& so = sv.as_object();
    Situation situation;
    const json::value* id = so.if_contains("id");
    if (id == nullptr || !id->is_string() || !IsId(id->as_string())) {
      return Invalid("a situation has no id of [a-z0-9-]");
    }
    situation.id = std::string(id->as_string());
    if (!situation_ids.insert(situation.id).second) {
      return Invalid("situation '" + situation.id + "' appears twice");
    }
    const json::value* title = so.if_contains("title");
    if (title == nullptr || !title->is_object()) {
      return Invalid("situation '" + situation.id + "' has no title");
    }
    if (auto missing = ReadTexts(title->as_object(), locales, situation.title)) {
      return Invalid("situation '" + situation.id + "' title: " + *missing);
    }
    std::string folded_title;
    for (const auto& [locale, t] : situation.title) folded_title += " " + directory::Fold(t);
    const json::value* phrases = so.if_contains("phrases");
    if (phrases == nullptr || !phrases->is_array() || phrases->as_array().empty()) {
      return Invalid("situation '" + situation.id + "' has no phrases");
    }
    for (const json::value& pv : phrases->as_array()) {
      if (!pv.is_object()) return Invalid("a phrase of '" + situation.id + "' is not an object");
      const json::object& po = pv.as_object();
      Phrase phrase;
      const json::value* pid = po.if_contains("id");
      if (pid == nullptr || !pid->is_string() || !IsId(pid->as_string())) {
        return Invalid("a phrase of '" + situation.id + "' has no id of [a-z0-9-]");
      }
      phrase.id = std::string(pid->as_string());
      if (!phrase_ids.insert(phrase.id).second) {
        return Invalid("phrase '" + phrase.id + "' appears twice");
      }
      if (auto missing = ReadTexts(po, locales, phrase.text)) {
        return Invalid("phrase '" + phrase.id + "': " + *missing);
      }
      for (const auto& [locale, t] : phrase.text) phrase.folded += " " + directory::Fold(t);
      phrase.folded += folded_title + " ";
      situation.phrases.push_back(std::move(phrase));
    }
    book.situations.push_back(std::move(situation));
  }
  return book;
}

std::vector<PhraseHit> SearchPhrases(const Phrasebook& book, std::string_view query) {
  std::vector<PhraseHit> hits;
  const std::vector<std::string> words = directory::Tokens(directory::Fold(query));
  if (words.empty()) return hits;
  for (const Situation& s : book.situations) {
    for (const Phrase& p : s.phrases) {
      bool all = true;
      for (const std::string& w : words) {
        if (p.folded.find(w) == std::string::npos) {
          all = false;
          break;
        }
      }
      if (all) hits.push_back({&s, &p});
    }
  }
  return hits;
}

}  // namespace tilti::knowledge
