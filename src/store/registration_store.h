#pragma once
// Registrations for events (migration 0012): a person's private link (only the SHA-256 of its
// token is stored) holding a place, a waitlist position or a request awaiting approval at one
// occurrence or at every future occurrence of a series.
//
// Every function here runs inside the caller's Database::Write transaction, which SQLite
// serialises (BEGIN IMMEDIATE): the counter occurrence.confirmed is read and changed by one
// writer at a time, and the table's CHECK (confirmed <= capacity) refuses anything else, so no
// interleaving of requests can confirm more places than there are (QUALITY.md R3). Places go
// where events/registration_rules says: first come, first served.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "events/event.h"
#include "events/registration_rules.h"
#include "store/sql.h"

namespace tilti::store {

struct NewRegistration {
  std::string event_id;
  std::optional<std::string> occurrence_id;  // nullopt: every future date of the series
  std::string token_hash;                    // 64 hex digits (accounts::HashSessionToken)
  events::RegistrationForm form;
};

// Registers. Errors: kNotFound (no such event, or the occurrence is not the event's),
// kConflict (registration is not open: none, cancelled, past, or no future date). Returns the
// registration's id.
Result<std::string> Register(Connection& c, const NewRegistration& r, SysTime now);

struct PlaceView {
  std::string occurrence_id;
  events::LocalStart original;
  SysTime starts_at{}, ends_at{};
  bool occurrence_cancelled = false;
  std::string cancel_reason;
  events::PlaceStatus status = events::PlaceStatus::kConfirmed;
  int waitlist_position = 0;  // 1-based while waitlisted, else 0
  std::optional<bool> attended;
};

struct RegistrationView {
  std::string id, event_id;
  bool whole_series = false;
  int party_size = 1;
  std::string name, contact, language;
  std::vector<std::string> needs;
  std::string note;
  std::string created;
  std::vector<PlaceView> places;  // by start
};

// The registration a private link's token hash names, with its places; nullopt if none.
std::optional<RegistrationView> RegistrationByTokenHash(Connection& c, std::string_view hash);

// Changes name, contact, language, needs and party size. A confirmed party may grow only where
// the places are free (error kConflict with field party_size,
// "registration.error.no_room_for_party"); a smaller party frees places for the waitlist.
// Only places of occurrences that have not started change.
Status ChangeRegistration(Connection& c, std::string_view registration_id,
                          const events::RegistrationForm& form, SysTime now);

// Cancels the place at one occurrence (or, with nullopt, at every occurrence that has not
// started) and gives freed places to the waitlist. Returns how many places were cancelled.
int CancelPlaces(Connection& c, std::string_view registration_id,
                 const std::optional<std::string>& occurrence_id, SysTime now);

// Gives every whole-series registration that still holds a place (or a waitlist position, or
// awaits approval) somewhere in the series a place at each future scheduled occurrence it has
// none at yet: dates added to the series or newly materialised months. Earlier registrations
// first. Run by event_store after materialising. Returns the number of places added.
int FillSeriesPlaces(Connection& c, std::string_view event_id, SysTime now);

// --- The librarian's side.

struct OccurrenceRegistration {
  std::string registration_id;
  std::string name, contact, language;
  int party_size = 1;
  std::vector<std::string> needs;
  std::string note;
  events::PlaceStatus status = events::PlaceStatus::kConfirmed;
  int waitlist_position = 0;
  std::optional<bool> attended;
  std::string created;
};
// Everyone registered for an occurrence: confirmed and pending first (by registration time),
// then the waitlist in order, then cancelled and declined.
std::vector<OccurrenceRegistration> RegistrationsOf(Connection& c, std::string_view occurrence_id);

// Approves (a place or the waitlist, as for anyone) or declines a pending request. kNotFound
// when there is no pending request of that registration at that occurrence.
Status DecidePending(Connection& c, std::string_view occurrence_id,
                     std::string_view registration_id, bool approve, SysTime now);

// Marks whether a registered party came (nullopt: not recorded). kNotFound when the
// registration holds no place there.
Status MarkAttended(Connection& c, std::string_view occurrence_id,
                    std::string_view registration_id, std::optional<bool> attended, SysTime now);

// --- Retention.

// Erases every registration none of whose dates ends at or after `cutoff` (the person's name,
// contact, needs and places). Who came is kept first: each date that ended before `cutoff` and
// has people marked as having come but no head counts gets a head count of them ("unspecified"
// group, recorded by "retention"), so the participation statistics stay as they were. Returns
// how many registrations were erased.
int EraseOldRegistrations(Connection& c, SysTime cutoff, SysTime now);

}  // namespace tilti::store
