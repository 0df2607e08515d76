#pragma once
// Registering for an event without an account (issue 5): what a person may give (only what is
// needed: a name or nickname, optionally a way to reach them, their language and needs), and
// where their party goes — a confirmed place, the waitlist, or waiting for the library's
// approval. Pure rules: the store applies them inside one write transaction.
//
// The waitlist is strictly first come, first served: a freed place goes to the first party in
// the waitlist when the whole party fits; a party never splits and no later party overtakes it
// (so "waitlist position 3" stays true). While anyone waits, a new party joins the waitlist even
// if places seem free.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "events/event.h"

namespace tilti::events {

inline constexpr int kMaxPartySize = 10;
inline constexpr long kMaxNameChars = 100;
inline constexpr long kMaxContactChars = 200;
inline constexpr long kMaxNoteChars = 300;

// Needs a person can tick, besides "an interpreter into <language>" for each language the event
// offers interpretation in ("interpreter:uk"). Stable codes, shown translated.
const std::vector<std::string>& FixedNeeds();  // "step-free", "sign-language", "easy-language"

struct RegistrationInput {  // as typed
  std::string name, contact, party_size, language, note;
  std::vector<std::string> needs;  // codes of ticked boxes
};

// What the event and the site allow.
struct RegistrationContext {
  std::vector<std::string> locales;                // the site's languages
  std::vector<std::string> interpreted_languages;  // the event's
  std::optional<int> capacity;                     // of the occurrence (or the series)
};

struct RegistrationForm {
  std::string name;
  std::string contact;  // "" when not given
  int party_size = 1;
  std::string language;
  std::vector<std::string> needs;  // known codes only, in FixedNeeds()/interpreter order
  std::string note;                // other needs, trimmed
};

// Checks the input; field errors (in form order) carry message keys:
//   name:       registration.error.name_missing, registration.error.name_too_long,
//               registration.error.text_invalid
//   contact:    registration.error.contact_invalid, registration.error.contact_too_long
//   party_size: registration.error.party_size (not a whole number 1..kMaxPartySize),
//               registration.error.party_over_capacity (more than the event's places)
//   language:   registration.error.language
//   needs:      registration.error.need_unknown
//   note:       registration.error.note_too_long
Result<RegistrationForm> ValidateRegistration(const RegistrationInput& input,
                                              const RegistrationContext& context);

// The needs as stored in registration.needs: codes joined by commas, then a line break and the
// note when there is one. And back.
std::string EncodeNeeds(const std::vector<std::string>& needs, std::string_view note);
void DecodeNeeds(std::string_view stored, std::vector<std::string>* needs, std::string* note);

enum class PlaceStatus { kConfirmed, kWaitlisted, kPending, kCancelled, kDeclined };
std::string_view PlaceStatusName(PlaceStatus status);  // the database's words
std::optional<PlaceStatus> ParsePlaceStatus(std::string_view s);

// Where a party of `party` goes at an occurrence with `capacity` (null: no limit), `confirmed`
// places taken and `waiting` parties in its waitlist. In approval mode a new party waits for the
// library (`approved` is false) and an approved one is placed like any other.
PlaceStatus PlaceFor(RegistrationMode mode, bool approved, std::optional<int> capacity,
                     int confirmed, int waiting, int party);

// How many parties from the head of the waitlist (their sizes in order) get a place now.
size_t PartiesToPromote(std::optional<int> capacity, int confirmed,
                        const std::vector<int>& waitlist_parties);

}  // namespace tilti::events
