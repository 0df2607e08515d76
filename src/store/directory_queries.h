#pragma once
// Read queries of the directory's public pages. Every human text comes back in the best
// locale of the given chain (falling back to the record's source text), with the locale it
// is actually in.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "directory/library.h"
#include "store/sql.h"

namespace tilti::store {

// Every library in Latvia with its municipality and town, unsorted (the caller sorts by its
// collation). The home page lists these; libraries imported from other countries are found
// through the search.
std::vector<directory::LibrarySummary> ListLibraries(Connection& c, const LocaleChain& chain);

// The libraries with these slugs, in the order given; unknown slugs are skipped.
std::vector<directory::LibrarySummary> LibrariesBySlugs(Connection& c, const LocaleChain& chain,
                                                        const std::vector<std::string>& slugs);

// One library by its slug, with its opening hours (in the location's own time zone, see
// store/hours_queries.h) around `today` (a Riga date); nullopt if there is no such library.
std::optional<directory::LibraryDetail> LibraryBySlug(Connection& c, const LocaleChain& chain,
                                                      std::string_view slug,
                                                      std::chrono::year_month_day today);

// A service at a library location by its service_at_location id, with the location's hours
// around `today`; nullopt if there is none (or the service is not active).
std::optional<directory::ServiceAtLibrary> ServiceAtLibraryById(
    Connection& c, const LocaleChain& chain, std::string_view id,
    std::chrono::year_month_day today);

// A location's postal address (an HSDS `address` row), as the source gave it.
struct PostalAddress {
  std::string address_1;                 // street and number
  std::optional<std::string> address_2;  // more of it; nullopt when empty
  std::string city;
  std::string state_province;  // may be ""
  std::string postal_code;     // may be ""
  std::string country;         // ISO 3166-1 alpha-2
};

// Where a library is, beyond directory::LibraryDetail: its organization's country and its
// location's address.
struct LibraryPlace {
  std::string country = "LV";             // organization.country, ISO 3166-1 alpha-2
  std::optional<PostalAddress> address;   // the physical address, else the postal one; nullopt
                                          // when the location has none (the Latvian demo data)
};

// The place of the library with organization id `organization_id` at location `location_id`
// (LibraryDetail::id and ::location_id). Defaults when there is no such organization.
LibraryPlace PlaceOfLibrary(Connection& c, std::string_view organization_id,
                            std::string_view location_id);

// Whether a library with this slug exists.
bool LibraryExists(Connection& c, std::string_view slug);

}  // namespace tilti::store
