#pragma once
// Read queries of the directory's public pages. Every human text comes back in the best
// locale of the given chain (falling back to the record's source text), with the locale it
// is actually in.
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "directory/library.h"
#include "store/sqlite.h"

namespace tilti::store {

// Every library in Latvia with its municipality and town, unsorted (the caller sorts by its
// collation). The home page lists these; libraries imported from other countries are found
// through the search.
std::vector<directory::LibrarySummary> ListLibraries(Connection& c, const LocaleChain& chain);

// The libraries with these slugs, in the order given; unknown slugs are skipped.
std::vector<directory::LibrarySummary> LibrariesBySlugs(Connection& c, const LocaleChain& chain,
                                                        const std::vector<std::string>& slugs);

// One library by its slug, with its opening hours around `today` (a Riga date); nullopt if
// there is no such library.
std::optional<directory::LibraryDetail> LibraryBySlug(Connection& c, const LocaleChain& chain,
                                                      std::string_view slug,
                                                      std::chrono::year_month_day today);

// A service at a library location by its service_at_location id, with the location's hours
// around `today`; nullopt if there is none (or the service is not active).
std::optional<directory::ServiceAtLibrary> ServiceAtLibraryById(
    Connection& c, const LocaleChain& chain, std::string_view id,
    std::chrono::year_month_day today);

// Whether a library with this slug exists.
bool LibraryExists(Connection& c, std::string_view slug);

// Counts for /metrics and the health check.
struct DirectoryCounts {
  int64_t organizations = 0;
  int64_t libraries = 0;
  int64_t services = 0;
};
DirectoryCounts CountDirectory(Connection& c);

}  // namespace tilti::store
