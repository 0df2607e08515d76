#include "programme/ideas.h"

#include <algorithm>
#include <charconv>

#include "core/text.h"

namespace tilti::programme {

bool IsIdeaCategory(std::string_view s) {
  return std::find(kIdeaCategories.begin(), kIdeaCategories.end(), s) != kIdeaCategories.end();
}

bool IsIdeaStatus(std::string_view s) {
  return std::find(kIdeaStatuses.begin(), kIdeaStatuses.end(), s) != kIdeaStatuses.end();
}

Status CheckIdea(const IdeaForm& form) {
  std::vector<FieldError> errors;
  if (!IsIdeaCategory(form.category)) errors.push_back({"category", "programme.error.category"});
  const std::string title = TrimSpace(form.title);
  if (title.empty()) {
    errors.push_back({"title", "programme.error.title_missing"});
  } else if (Utf8Length(title) > kMaxIdeaTitle) {
    errors.push_back({"title", "programme.error.title_too_long"});
  }
  if (Utf8Length(form.description) > kMaxIdeaDescription) {
    errors.push_back({"description", "programme.error.description_too_long"});
  }
  if (!IsIdeaStatus(form.status)) {
    errors.push_back({"status", "programme.error.status"});
  } else if (form.status == "running" && form.event_id.empty() && form.service_id.empty()) {
    errors.push_back({"event", "programme.error.running_needs_link"});
  }
  if (errors.empty()) return Ok();
  return Error{ErrorCode::kInvalidInput, "idea", std::move(errors)};
}

Result<HackathonValues> CheckHackathon(const HackathonForm& form) {
  std::vector<FieldError> errors;
  HackathonValues v;
  if (!form.held_on) {
    errors.push_back({"held_on", "programme.error.date"});
  } else {
    v.held_on = *form.held_on;
    // ISO dates compare as strings.
    if ((!form.initiative_starts_on.empty() && v.held_on < form.initiative_starts_on) ||
        (!form.initiative_ends_on.empty() && v.held_on > form.initiative_ends_on)) {
      errors.push_back({"held_on", "programme.error.date_outside"});
    }
  }
  if (form.host_id.empty()) {
    errors.push_back({"host", "programme.error.host_missing"});
  } else {
    v.host_id = form.host_id;
    v.library_ids.push_back(form.host_id);
  }
  for (const std::string& id : form.library_ids) {
    if (!id.empty() && std::find(v.library_ids.begin(), v.library_ids.end(), id) == v.library_ids.end()) {
      v.library_ids.push_back(id);
    }
  }
  const std::string typed = TrimSpace(form.typed_participants);
  int64_t n = -1;
  auto [end, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), n);
  if (typed.empty() || ec != std::errc() || end != typed.data() + typed.size() || n < 0 || n > 100000) {
    errors.push_back({"participants", "programme.error.participants"});
  } else {
    v.participants = n;
  }
  if (!errors.empty()) return Error{ErrorCode::kInvalidInput, "hackathon", std::move(errors)};
  return v;
}

}  // namespace tilti::programme
