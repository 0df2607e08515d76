#pragma once
// Hackathons and the ideas recorded at them (issue 7, seed 004): the closed lists of idea
// categories (the seed's four) and statuses, and the checks the back-office forms must pass.
// Pure: no I/O; the store checks that the named records exist.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace tilti::programme {

// Seed 004:167-179: language and cultural literacy; digital skills with interpreter support;
// access to information; community engagement.
inline constexpr std::array<std::string_view, 4> kIdeaCategories = {
    "language-culture", "digital-skills", "information-access", "community-engagement"};
// What became of an idea; "running" means as an event or a service, which is then linked.
inline constexpr std::array<std::string_view, 5> kIdeaStatuses = {"idea", "planned", "running",
                                                                  "done", "dropped"};
bool IsIdeaCategory(std::string_view s);
bool IsIdeaStatus(std::string_view s);

inline constexpr long kMaxIdeaTitle = 200;         // characters
inline constexpr long kMaxIdeaDescription = 2000;  // characters

struct IdeaForm {
  std::string category, status, title, description;
  std::string event_id, service_id;  // "" when not linked
};

// Field errors (kInvalidInput):
//   "category"    programme.error.category           not one of kIdeaCategories
//   "title"       programme.error.title_missing / programme.error.title_too_long
//   "description" programme.error.description_too_long
//   "status"      programme.error.status             not one of kIdeaStatuses
//   "event"       programme.error.running_needs_link "running" without an event or a service
Status CheckIdea(const IdeaForm& form);

struct HackathonForm {
  std::optional<std::string> held_on;  // YYYY-MM-DD; nullopt when the typed date was not a date
  std::string initiative_starts_on, initiative_ends_on;  // "" when not known
  std::string host_id;
  std::vector<std::string> library_ids;  // the others taking part
  std::string typed_participants;
};

struct HackathonValues {
  std::string held_on;
  std::string host_id;
  std::vector<std::string> library_ids;  // the host first, no repeats
  int64_t participants = 0;
};

// Field errors (kInvalidInput):
//   "held_on"      programme.error.date (not a real date) / programme.error.date_outside (not
//                  within the initiative's period)
//   "host"         programme.error.host_missing
//   "participants" programme.error.participants (not a whole number from 0 to 100000)
Result<HackathonValues> CheckHackathon(const HackathonForm& form);

}  // namespace tilti::programme
