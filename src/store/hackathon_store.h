#pragma once
// Hackathons and ideas (issue 7, migration 0015): what the initiative page, the back-office
// forms and the coordinator dashboard read and write. Texts come in the reader's locale chain.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/localized_text.h"
#include "programme/ideas.h"
#include "store/sql.h"

namespace tilti::store {

struct NamedOrganization {
  std::string id, slug;
  LocalizedText name;
};

struct HackathonView {
  std::string id, initiative_id, held_on, source_note;
  NamedOrganization host;
  std::vector<NamedOrganization> others;  // the other libraries taking part, by name
  int64_t participants = 0;
};

struct IdeaView {
  std::string id, initiative_id, hackathon_id, category, status;
  LocalizedText title, description;
  std::string event_id, service_id;          // "" when not linked
  LocalizedText event_title, service_name;   // the linked record's, in the reader's locale
  int position = 0;
};

// An initiative's hackathons by date, and its ideas by category and source order.
std::vector<HackathonView> HackathonsOfInitiative(Connection& c, std::string_view initiative_id,
                                                  const LocaleChain& chain);
std::vector<IdeaView> IdeasOfInitiative(Connection& c, std::string_view initiative_id,
                                        const LocaleChain& chain);
// Every hackathon of every initiative, by date.
std::vector<HackathonView> AllHackathons(Connection& c, const LocaleChain& chain);
std::optional<HackathonView> LoadHackathon(Connection& c, std::string_view id, const LocaleChain& chain);
std::optional<IdeaView> LoadIdea(Connection& c, std::string_view id, const LocaleChain& chain);
// The idea's texts as stored (its source locale's), for the form.
struct IdeaSource {
  std::string initiative_id, hackathon_id, category, status, title, description, event_id,
      service_id, source_locale;
};
std::optional<IdeaSource> LoadIdeaSource(Connection& c, std::string_view id);

// Writes a checked hackathon (new when `id` is empty); every library must be a library in the
// directory, else kInvalidInput with "host" or "libraries": programme.error.unknown_library.
Result<std::string> SaveHackathon(Connection& c, std::string_view id, std::string_view initiative_id,
                                  const programme::HackathonValues& v, std::string_view now);

// Writes a checked idea (new when `id` is empty). The hackathon must be one of the initiative's,
// the event and service must exist: else kInvalidInput with "hackathon", "event" or "service"
// (programme.error.unknown_hackathon, programme.error.unknown_link).
Result<std::string> SaveIdea(Connection& c, std::string_view id, std::string_view initiative_id,
                             std::string_view hackathon_id, const programme::IdeaForm& form,
                             std::string_view source_locale, std::string_view now);

// The events and services an idea may run as: those of the libraries taking part in the
// initiative, by name.
struct LinkChoice {
  std::string id;
  LocalizedText name, library;
};
std::vector<LinkChoice> EventChoices(Connection& c, std::string_view initiative_id, const LocaleChain& chain);
std::vector<LinkChoice> ServiceChoices(Connection& c, std::string_view initiative_id, const LocaleChain& chain);
// Every library in the directory, by name (the hackathon form's choices).
std::vector<NamedOrganization> AllLibraries(Connection& c, const LocaleChain& chain);

}  // namespace tilti::store
