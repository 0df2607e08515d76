#pragma once
// The back office's writes to directory records: a library's texts, contacts, place, opening
// hours, exceptions, languages and accessibility, and its services. Every function here
//   - runs inside the caller's Database::Write transaction,
//   - records what changed, with the values before and after, in the audit trail
//     (store/audit_store.h) under `author`,
//   - sets the record's last_modified when something changed, and nothing when nothing did,
//   - tells the search and the caches (store/directory_changes.h).
// Values must be validated already (directory/library_edits.h); the store trusts them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "directory/library_edits.h"
#include "directory/opening_hours.h"
#include "store/audit_store.h"
#include "store/sql.h"

namespace tilti::store {

struct ExceptionRow {
  std::string id, date;  // YYYY-MM-DD
  bool closed = true;
  std::string opens_at, closes_at, note;
};

// What the edit forms of a library show: its source texts, contacts, place and the rest, as
// stored (not localised).
struct LibraryEditRecord {
  std::string organization_id, location_id, slug, source_locale, kind;
  directory::LibraryTexts texts;
  directory::LibraryContacts contacts;
  directory::LibraryPlace place;
  std::vector<directory::Period> weekly;        // the location's own weekly periods
  std::vector<ExceptionRow> exceptions;         // from `from_date` on, by date
  std::vector<std::string> languages;           // ISO 639-1 codes spoken
  std::vector<std::string> accessibility;       // accessibility term codes
  std::string assured_date, last_modified;
};

// The library (organisation with this slug) and its first location; nullopt if none.
// Exceptions are those on or after `from_date` (YYYY-MM-DD).
std::optional<LibraryEditRecord> LoadLibraryForEdit(Connection& c, std::string_view slug,
                                                    std::string_view from_date);

// Each returns how many fields changed (0: nothing written).
int SaveLibraryTexts(Connection& c, const LibraryEditRecord& before,
                     const directory::LibraryTexts& texts, const Author& author,
                     std::string_view now);
int SaveLibraryContacts(Connection& c, const LibraryEditRecord& before,
                        const directory::LibraryContacts& contacts, const Author& author,
                        std::string_view now);
// Needs a location: creates none. Throws std::logic_error when the library has no location.
int SaveLibraryPlace(Connection& c, const LibraryEditRecord& before,
                     const directory::LibraryPlace& place, const Author& author,
                     std::string_view now);
int SaveWeeklyHours(Connection& c, const LibraryEditRecord& before,
                    const std::vector<directory::Period>& periods, const Author& author,
                    std::string_view now);
// Adds or replaces the exception of that date.
int SaveException(Connection& c, const LibraryEditRecord& before,
                  const directory::ExceptionInput& exception, const Author& author,
                  std::string_view now);
// Removes the exception with this id if it belongs to the library's location.
int RemoveException(Connection& c, const LibraryEditRecord& before, std::string_view id,
                    const Author& author, std::string_view now);
int SaveLanguages(Connection& c, const LibraryEditRecord& before,
                  const std::vector<std::string>& codes, const Author& author,
                  std::string_view now);
int SaveAccessibility(Connection& c, const LibraryEditRecord& before,
                      const std::vector<std::string>& term_codes, const Author& author,
                      std::string_view now);

// The terms of a taxonomy ('service-type', 'target-group', 'accessibility'), in display order,
// with their names in the chain's best locale.
struct TermChoice {
  std::string code;
  std::string name, name_locale;
};
std::vector<TermChoice> TermsOfTaxonomy(Connection& c, const LocaleChain& chain,
                                        std::string_view taxonomy_code);

// ---- new organisations ----

struct MunicipalityChoice {
  std::string id, name;
};
// The municipalities (Latvian names, by name) a new organisation may be in.
std::vector<MunicipalityChoice> MunicipalityChoices(Connection& c);

// Creates the organisation (and, for a library, its location, so its place and hours can be
// entered next) with a fresh slug; returns the slug.
std::string CreateOrganization(Connection& c, const directory::NewOrganization& org,
                               const Author& author, std::string_view now);

// ---- services ----

struct ServiceEditRecord {
  std::string id, organization_id, organization_slug, source_locale, status;
  directory::ServiceInput input;
};
std::optional<ServiceEditRecord> LoadServiceForEdit(Connection& c, std::string_view service_id);

struct ServiceListItem {
  std::string id, name, status;
};
// The organisation's services, by name (source texts).
std::vector<ServiceListItem> ServicesOfOrganization(Connection& c,
                                                    std::string_view organization_id);

// Creates service `id` of the organisation, offered at `location_id` (when not empty), with
// its texts as the 'original' translation in `source_locale`.
void CreateService(Connection& c, std::string_view id, std::string_view organization_id,
                   std::string_view location_id, std::string_view source_locale,
                   const directory::ServiceInput& input, const Author& author,
                   std::string_view now);
int UpdateService(Connection& c, const ServiceEditRecord& before,
                  const directory::ServiceInput& input, const Author& author,
                  std::string_view now);

// ---- proposals waiting for review (pending_change) ----

struct PendingChange {
  std::string id, kind, entity, entity_id, organization_id, payload, summary;
  std::string proposed_by, proposed_by_name, proposed_at, status;
  std::string decided_by_name, decided_at, decision_note;
  std::string organization_slug;
};
// Stores a proposal and records it in the audit trail ('propose').
void InsertPendingChange(Connection& c, const PendingChange& change, const Author& author);
std::optional<PendingChange> PendingChangeById(Connection& c, std::string_view id);
// Pending proposals, oldest first; every organisation's when `organization_id` is empty.
std::vector<PendingChange> PendingChanges(Connection& c, std::string_view organization_id,
                                          size_t limit);
// Marks it approved or rejected (only while pending; returns false otherwise) and records the
// decision in the audit trail.
bool DecidePendingChange(Connection& c, std::string_view id, bool approved,
                         std::string_view note, const Author& author, std::string_view now);

}  // namespace tilti::store
