#pragma once
// The methodology library (issue 8): the topics of documents (seed 004's partnership handbook
// and training topics) and the checks of the back-office forms. Pure: no I/O.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace tilti::programme {

// Seed 004:228-253: the partnership handbook; local diagnostics; the local strategy;
// organising hackathons; impact and sustainability; and anything else.
inline constexpr std::array<std::string_view, 6> kMethodTopics = {
    "partnership", "diagnostics", "strategy", "hackathon", "impact", "other"};
bool IsMethodTopic(std::string_view s);

inline constexpr long kMaxMethodTitle = 200;       // characters
inline constexpr long kMaxMethodSummary = 1000;    // characters
inline constexpr long kMaxMethodBody = 100000;     // characters of Markdown
inline constexpr long kMaxMethodNote = 1000;       // characters

struct MethodDocumentForm {
  std::string topic, title, summary;
};
// Field errors (kInvalidInput):
//   "topic"   methods.error.topic          not one of kMethodTopics
//   "title"   methods.error.title_missing / methods.error.too_long
//   "summary" methods.error.too_long
Status CheckMethodDocument(const MethodDocumentForm& form);

struct MethodVersionForm {
  std::string typed_date;                    // as typed; "" when not given
  std::optional<std::string> published_on;  // YYYY-MM-DD when typed_date is a date
  std::string note, body;
  bool has_file = false;  // a checked file came with the form
  bool first = false;     // the document's first version (no note needed)
};
// Field errors (kInvalidInput):
//   "published_on" programme.error.date          typed but not a date
//   "note"         methods.error.note_missing    a later version must say what changed
//                  methods.error.too_long
//   "body"         methods.error.body_or_file    neither a text nor a file
//                  methods.error.too_long
Status CheckMethodVersion(const MethodVersionForm& form);

}  // namespace tilti::programme
