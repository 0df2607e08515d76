#pragma once
// Read queries of the HSDS 3.0 API (/api/v1). Plain records that src/api turns into JSON.
// Every human text comes back in the best locale of the given chain (falling back to the
// record's source text), with the locale it is actually in. Not thread-safe: one connection
// per caller, as everywhere in src/store.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "store/sql.h"

namespace tilti::store::hsds {

// Which slice of a list to return. page is 1-based; the caller has validated both.
struct PageRequest {
  int page = 1;
  int per_page = 50;
};

// One page of a list and the size of the whole list.
template <typename T>
struct Page {
  int64_t total_items = 0;
  std::vector<T> items;
};

struct TaxonomyRecord {
  std::string id;
  LocalizedText name;
  LocalizedText description;
  std::optional<std::string> uri;
  std::optional<std::string> version;
};

struct TaxonomyTermRecord {
  std::string id;
  std::string code;
  LocalizedText name;
  LocalizedText description;
  std::optional<std::string> parent_id;
  std::optional<std::string> taxonomy;  // the taxonomy's code, e.g. "service-type"
  std::optional<std::string> taxonomy_id;
  std::optional<std::string> term_uri;
  std::optional<TaxonomyRecord> taxonomy_detail;
};

struct AttributeRecord {
  std::string id;
  std::string link_id;
  std::string link_entity;
  std::optional<std::string> link_type;
  std::optional<std::string> value;
  std::optional<std::string> label;
  TaxonomyTermRecord term;
};

struct PhoneRecord {
  std::string id;
  std::string number;
  std::optional<int64_t> extension;
  std::optional<std::string> type;
  std::optional<std::string> description;
};

struct ScheduleRecord {
  std::string id;
  std::optional<std::string> service_id, location_id, service_at_location_id;
  std::optional<std::string> valid_from, valid_to, dtstart, until, wkst, freq, byday, bymonthday;
  std::optional<int64_t> interval, count;
  std::optional<std::string> opens_at, closes_at, description, notes;
};

// A dated exception to opening hours (Tilti extension).
struct ScheduleExceptionRecord {
  std::string date;
  bool closed = true;
  std::optional<std::string> opens_at, closes_at, note;
};

struct LanguageRecord {
  std::string id;
  std::optional<std::string> service_id, location_id, name, note;
  std::string code;
};

struct ContactRecord {
  std::string id;
  std::optional<std::string> name, title, department, email;
};

struct AddressRecord {
  std::string id;
  std::string location_id;
  std::optional<std::string> attention, address_2, region;
  std::string address_1, city, state_province, postal_code, country, address_type;
};

struct LocationRecord {
  std::string id;
  std::string location_type;
  std::optional<std::string> url, organization_id;
  LocalizedText name;
  LocalizedText description;
  std::optional<double> latitude, longitude;
  std::optional<std::string> municipality_id;  // ext
  bool coordinates_approximate = false;        // ext
  std::optional<std::string> assured_date;     // ext
  std::string last_modified;                   // ext
  // Filled by the item queries only.
  std::vector<AddressRecord> addresses;
  std::vector<PhoneRecord> phones;
  std::vector<ScheduleRecord> schedules;
  std::vector<ScheduleExceptionRecord> exceptions;  // ext
  std::vector<LanguageRecord> languages;
  std::vector<AttributeRecord> attributes;
};

struct OrganizationRecord {
  std::string id;
  LocalizedText name;
  LocalizedText description;
  std::optional<std::string> alternate_name, email, website, parent_organization_id, uri;
  std::optional<int64_t> year_incorporated;
  std::string kind;  // ext
  std::optional<std::string> municipality_id, assured_date;
  std::string last_modified;
  // Filled by the item query only.
  std::vector<PhoneRecord> phones;
  std::vector<LocationRecord> locations;
  std::vector<AttributeRecord> attributes;
  std::vector<std::string> service_ids;
};

struct ServiceAtLocationRecord;

struct ServiceRecord {
  std::string id;
  std::string organization_id;
  std::optional<std::string> program_id, alternate_name, url, email;
  LocalizedText name;
  LocalizedText description;
  std::string status;
  std::optional<std::string> fees_description, eligibility_description, alert;
  std::optional<int64_t> minimum_age, maximum_age;
  std::optional<std::string> assured_date;
  std::string last_modified;
  // Filled when the query is asked for details (item, or a list with full=true).
  std::optional<OrganizationRecord> organization;
  std::vector<PhoneRecord> phones;
  std::vector<ScheduleRecord> schedules;
  std::vector<LanguageRecord> languages;
  std::vector<ContactRecord> contacts;
  std::vector<AttributeRecord> attributes;
  std::vector<ServiceAtLocationRecord> service_at_locations;
};

struct ServiceAtLocationRecord {
  std::string id;
  std::string service_id;
  std::string location_id;
  std::optional<std::string> description;
  std::optional<double> distance_km;  // set by proximity queries
  LocationRecord location;            // with addresses, phones, schedules, languages
  std::vector<PhoneRecord> phones;
  std::vector<ScheduleRecord> schedules;
  // The service, without its own service_at_locations (item query only).
  std::optional<ServiceRecord> service;
};

// `search` (every list below): folded like the pages' search (directory::Fold), split into
// words (the first 8 count); every word must be the start of a word of the record's name,
// alternate name or description in any locale (the index of store/service_index.h, kept
// current by every directory write). Not a substring match: "atori" does not find "Datori".
// FTS5 syntax in it is plain text. No words (empty, punctuation only) = no text filter.
// Every list is counted and paged in SQL: a page reads only its own rows (and, with details,
// their children), whatever the size of the directory.
struct ServiceFilter {
  std::string search;  // against the service's texts, as above
  std::string taxonomy_term_id;
  std::string taxonomy_id;
  std::string organization_id;
  std::string modified_after;  // RFC 3339 UTC, compared as text ("" = no filter)
};

// Services matching `filter`, ordered by id. With `details`, each carries its organization,
// phones, schedules, languages, attributes and service_at_locations.
Page<ServiceRecord> ListServices(Connection& c, const LocaleChain& chain,
                                 const ServiceFilter& filter, PageRequest page, bool details);
// One service with every detail; nullopt when there is none with this id.
std::optional<ServiceRecord> ServiceById(Connection& c, const LocaleChain& chain,
                                         std::string_view id);

struct OrganizationFilter {
  std::string search;  // against the organization's own texts
  std::string taxonomy_term_id;
  std::string modified_after;
};
Page<OrganizationRecord> ListOrganizations(Connection& c, const LocaleChain& chain,
                                           const OrganizationFilter& filter, PageRequest page);
std::optional<OrganizationRecord> OrganizationById(Connection& c, const LocaleChain& chain,
                                                   std::string_view id);

struct ServiceAtLocationFilter {
  std::string search;  // against its service's texts
  std::string taxonomy_term_id;
  std::string organization_id;
  std::string postcode;
  // All three or none: only rows whose location lies within proximity_km of the point, nearest
  // first, ties by id (otherwise ordered by id). Reads only the locations in the bounding box
  // (R*Tree of migration 0005), then sorts and pages them in memory.
  std::optional<double> latitude, longitude, proximity_km;
};
Page<ServiceAtLocationRecord> ListServiceAtLocations(Connection& c, const LocaleChain& chain,
                                                     const ServiceAtLocationFilter& filter,
                                                     PageRequest page);
std::optional<ServiceAtLocationRecord> ServiceAtLocationById(Connection& c,
                                                             const LocaleChain& chain,
                                                             std::string_view id);

Page<TaxonomyRecord> ListTaxonomies(Connection& c, const LocaleChain& chain, PageRequest page);
std::optional<TaxonomyRecord> TaxonomyById(Connection& c, const LocaleChain& chain,
                                           std::string_view id);
Page<TaxonomyTermRecord> ListTaxonomyTerms(Connection& c, const LocaleChain& chain,
                                           std::string_view taxonomy_id, PageRequest page);
std::optional<TaxonomyTermRecord> TaxonomyTermById(Connection& c, const LocaleChain& chain,
                                                   std::string_view id);

// Great-circle distance in kilometres (haversine, mean Earth radius).
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace tilti::store::hsds
