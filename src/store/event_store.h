#pragma once
// Events in the database (migration 0012): saving an event and its series, the exceptions of
// single dates, splitting a series ("this and all following"), cancelling and duplicating; every
// write audited (store/audit_store, resource type 'event') and followed, in the same
// transaction, by the materialisation of the event's occurrences (events/recurrence) up to
// kMaterialiseMonths ahead, so reads never expand rules.
//
// Materialisation keeps occurrence ids stable (derived from event id + RECURRENCE-ID) and never
// loses a registration: an instance that leaves the series while people are registered for it
// stays, cancelled, with the reason "removed from the series"; instances without registrations
// are deleted. Past occurrences are never touched.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "events/event.h"
#include "store/audit_store.h"
#include "store/sql.h"

namespace tilti::store {

inline constexpr int kMaterialiseMonths = 18;

struct EventRecord {
  std::string id;  // empty for a new event (SaveEvent assigns one)
  std::string organization_id;
  std::optional<std::string> location_id;  // null: online only
  std::optional<std::string> online_url;
  std::string title;  // texts in source_locale
  std::string description;
  std::string accessibility_note;
  std::string source_locale = "lv";
  std::string category_id;                    // taxonomy_term of 'event-category'
  std::vector<std::string> audience_ids;      // taxonomy_terms of 'target-group'
  std::vector<std::string> spoken_languages;  // ISO 639 codes
  std::vector<std::string> interpreted_languages;
  std::optional<int> age_min, age_max;
  std::optional<int> capacity;  // null: no limit
  events::RegistrationMode registration = events::RegistrationMode::kNone;
  events::Series series;
  events::EventStatus status = events::EventStatus::kScheduled;
  std::string cancel_reason;
  bool is_sample = false;
  int sequence = 0;         // read only: SaveEvent increments it
  SysTime created{};        // read only
  SysTime last_modified{};  // read only
};

// Inserts (record.id empty) or updates the event, audits the changed fields, increments
// SEQUENCE on an update and materialises its occurrences from `now`'s date. Returns the id.
// The caller validated the record (events/event_rules); a rule libical refuses throws.
std::string SaveEvent(Connection& c, EventRecord record, const Author& author, SysTime now);

std::optional<EventRecord> LoadEvent(Connection& c, std::string_view event_id);

std::vector<events::SeriesException> LoadExceptions(Connection& c, std::string_view event_id);

// Adds or replaces the exception of one rule instance (cancel, remove or move one date),
// increments the event's SEQUENCE, audits and rematerialises.
void SaveSeriesException(Connection& c, std::string_view event_id,
                         const events::SeriesException& exception, const Author& author,
                         SysTime now);
// Takes a cancellation or change of one date back (the instance is as the rule says again).
void RemoveSeriesException(Connection& c, std::string_view event_id,
                           const events::LocalStart& original, const Author& author, SysTime now);

// Cancels the whole event with a reason shown publicly (every future occurrence cancelled).
void CancelEvent(Connection& c, std::string_view event_id, std::string_view reason,
                 const Author& author, SysTime now);

// "This and all following": the series ends before `from` (its rule gets an UNTIL) and a new
// event with `changed` starts at `from`. Registrations of occurrences from `from` on move with
// their dates when the new series has the same instance, else they stay on the old occurrence,
// which is cancelled. Returns the new event's id.
std::string SplitSeries(Connection& c, std::string_view event_id, const events::LocalStart& from,
                        EventRecord changed, const Author& author, SysTime now);

// A copy of the event (texts, translations, settings, series) as a new event, without
// registrations or exceptions. Returns the new id.
std::string DuplicateEvent(Connection& c, std::string_view event_id, const Author& author,
                           SysTime now);

// Extends the occurrences of at most `max_events` events whose horizon is behind
// kMaterialiseMonths after `now` (run at start-up and hourly, in small batches so other writes
// are not held up). Returns the number of events extended; 0 when all are up to date.
int ExtendMaterialisation(Connection& c, SysTime now, size_t max_events = SIZE_MAX);

// The stable id of an occurrence.
std::string OccurrenceId(std::string_view event_id, const events::LocalStart& original);

}  // namespace tilti::store
