#include "programme/methods.h"

#include <algorithm>
#include <vector>

#include "core/text.h"

namespace tilti::programme {

bool IsMethodTopic(std::string_view s) {
  return std::find(kMethodTopics.begin(), kMethodTopics.end(), s) != kMethodTopics.end();
}

Status CheckMethodDocument(const MethodDocumentForm& form) {
  std::vector<FieldError> errors;
  if (!IsMethodTopic(form.topic)) errors.push_back({"topic", "methods.error.topic"});
  const std::string title = TrimSpace(form.title);
  if (title.empty()) errors.push_back({"title", "methods.error.title_missing"});
  else if (Utf8Length(title) > kMaxMethodTitle) errors.push_back({"title", "methods.error.too_long"});
  if (Utf8Length(form.summary) > kMaxMethodSummary) errors.push_back({"summary", "methods.error.too_long"});
  if (errors.empty()) return Ok();
  return Error{ErrorCode::kInvalidInput, "method document", std::move(errors)};
}

Status CheckMethodVersion(const MethodVersionForm& form) {
  std::vector<FieldError> errors;
  if (!TrimSpace(form.typed_date).empty() && !form.published_on) {
    errors.push_back({"published_on", "programme.error.date"});
  }
  const std::string note = TrimSpace(form.note);
  if (note.empty() && !form.first) errors.push_back({"note", "methods.error.note_missing"});
  else if (Utf8Length(note) > kMaxMethodNote) errors.push_back({"note", "methods.error.too_long"});
  if (TrimSpace(form.body).empty() && !form.has_file) {
    errors.push_back({"body", "methods.error.body_or_file"});
  } else if (Utf8Length(form.body) > kMaxMethodBody) {
    errors.push_back({"body", "methods.error.too_long"});
  }
  if (errors.empty()) return Ok();
  return Error{ErrorCode::kInvalidInput, "method version", std::move(errors)};
}

}  // namespace tilti::programme
