#pragma once
// Reading events for the public pages, the feeds and the back office. Never expands rules:
// occurrences are materialised on write (store/event_store).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/localized_text.h"
#include "events/event.h"
#include "events/event_filter.h"
#include "store/sql.h"

namespace tilti::store {

// Changes with every event write (not with registrations): the key part of cached event lists
// and feeds.
int64_t EventsVersion(Connection& c);

// What the list's filter form offers: the libraries and municipalities that have events, the
// categories and audiences, and the languages events are held or interpreted in.
struct FilterChoice {
  std::string code;  // slug, id, term code or language code
  LocalizedText name;  // empty for languages (the page names them)
};
struct EventFilterChoices {
  std::vector<FilterChoice> libraries, municipalities, categories, audiences;
  std::vector<std::string> languages;
};
EventFilterChoices FilterChoices(Connection& c, const LocaleChain& chain);

// The next occurrences of a library's events (the library page), cancelled ones included.
std::vector<struct OccurrenceItem> UpcomingAtLibrary(Connection& c, std::string_view slug,
                                                     SysTime from, const LocaleChain& chain,
                                                     size_t limit);

struct OccurrenceItem {
  std::string occurrence_id;
  std::string event_id;
  events::LocalStart original;  // RECURRENCE-ID
  SysTime starts_at{}, ends_at{};
  std::string local_date;  // YYYY-MM-DD on the event's wall clock
  bool cancelled = false;
  std::string cancel_reason;
  std::optional<int> capacity;
  int confirmed = 0;
  LocalizedText title;
  std::string category_code;
  LocalizedText category;
  std::string library_slug;
  LocalizedText library_name;
  LocalizedText town;
  bool online = false, on_site = false;
  bool interpreter = false;
  std::vector<std::string> languages;  // spoken
  events::RegistrationMode registration = events::RegistrationMode::kNone;
  bool is_sample = false;
  std::optional<double> distance_km;  // with "near me"
};

// Occurrences matching `filter` whose start lies in [from, to), by start, at most `limit`. With
// a position in the filter ("near me"), only those at libraries within 30 km, each with its
// distance.
std::vector<OccurrenceItem> ListOccurrences(Connection& c, const events::EventFilter& filter,
                                            SysTime from, SysTime to, const LocaleChain& chain,
                                            size_t limit);

// The ids of the events that have an occurrence matching `filter` in [from, to) (feeds).
std::vector<std::string> EventIdsMatching(Connection& c, const events::EventFilter& filter,
                                          SysTime from, SysTime to, size_t limit);

struct EventDetail {
  std::string id;
  std::string organization_id;
  std::string library_slug;
  LocalizedText library_name;
  std::optional<std::string> location_id;
  LocalizedText location_name;
  std::string address;  // one line, "" when online only
  std::optional<double> latitude, longitude;
  std::optional<std::string> online_url;
  LocalizedText title, description, accessibility_note;
  std::string category_code;
  LocalizedText category;
  std::vector<LocalizedText> audiences;
  std::vector<std::string> spoken_languages, interpreted_languages;
  std::optional<int> age_min, age_max, capacity;
  events::RegistrationMode registration = events::RegistrationMode::kNone;
  events::Series series;
  bool cancelled = false;
  std::string cancel_reason;
  bool is_sample = false;
  int sequence = 0;
  SysTime created{}, last_modified{};
};
std::optional<EventDetail> LoadEventDetail(Connection& c, std::string_view event_id,
                                           const LocaleChain& chain);

// An event's occurrences from `from` on (cancelled included), by start, at most `limit`.
std::vector<OccurrenceItem> OccurrencesOfEvent(Connection& c, std::string_view event_id,
                                               SysTime from, const LocaleChain& chain,
                                               size_t limit);
// One occurrence by its event and RECURRENCE-ID, or by its id.
std::optional<OccurrenceItem> OccurrenceOf(Connection& c, std::string_view event_id,
                                           const events::LocalStart& original,
                                           const LocaleChain& chain);
std::optional<OccurrenceItem> OccurrenceById(Connection& c, std::string_view occurrence_id,
                                             const LocaleChain& chain);

// Saved filters behind short feed addresses (/f/{slug}.{lang}.ics): the slug of a canonical
// filter query, and the query of a slug.
std::optional<std::string> FeedSlugOfQuery(Connection& c, std::string_view query);
std::optional<std::string> SavedFeedQuery(Connection& c, std::string_view slug);
// Saves the query (once: the same query always gets the same slug) and returns its slug,
// "feed-" and 10 hex digits of a hash of the query (more when two queries share them).
std::string SaveFeed(Connection& c, std::string_view query, SysTime now);

// The back office's list of an organisation's events: each with its next date (if any) and how
// many dates lie ahead; those with dates ahead first (by next date), then the rest, newest
// first.
struct OrganizationEvent {
  std::string id;
  LocalizedText title, category;
  bool series = false, cancelled = false, is_sample = false;
  std::optional<SysTime> next;
  int dates_ahead = 0;
};
std::vector<OrganizationEvent> EventsOfOrganization(Connection& c, std::string_view organization_id,
                                                    SysTime now, const LocaleChain& chain);

}  // namespace tilti::store
