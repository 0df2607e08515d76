#pragma once
// The library search page's one service call over the in-memory search snapshot
// (store/search_snapshot.h): full text through the database index (store/search_index.h),
// then the taxonomy, language, municipality, near and open-now filters, sorting and paging in
// memory. Only the page's libraries are read from the database. Same contract as
// SearchDirectory in store/search_queries.h, which it replaces for the pages.
#include <string_view>

#include "core/clock.h"
#include "directory/search_filters.h"
#include "store/search_queries.h"
#include "store/search_snapshot.h"

namespace tilti::store {

// What the search form offers (SearchFilterOptions), from the snapshot and the taxonomies.
SearchFilterOptions FilterOptionsOf(Connection& c, const SearchSnapshot& snapshot,
                                    const LocaleChain& chain);

// `locale` picks the name order of the snapshot (the interface language).
LibrarySearchResults FindLibraries(Connection& c, const SearchSnapshot& snapshot,
                                   const LocaleChain& chain, std::string_view locale,
                                   const directory::SearchFilters& filters, SysTime now);

}  // namespace tilti::store
