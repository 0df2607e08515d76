#pragma once
// The library search page's one service call: text search (store/search_index.h), taxonomy and
// place filters, "near" by the R*Tree of migration 0005, "open now", sorting and pagination.
// Every human text comes back in the best locale of the chain, with the locale it is in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/localized_text.h"
#include "directory/grouping.h"
#include "directory/library.h"
#include "directory/search_filters.h"
#include "store/sql.h"

namespace tilti::store {

struct FilterOption {
  std::string code;  // term code, ISO 639-1 code or municipality id
  LocalizedText name;
};

// What the filter form offers, each list in display order (terms by their position,
// municipalities and languages unsorted: the caller sorts by its collation):
//  services (service-type), audiences (target-group), access (accessibility): every term;
//  languages: the codes of the `language` rows of libraries and their services (name: its
//  `name` column, else the code);
//  municipalities: those with at least one library.
struct SearchFilterOptions {
  std::vector<FilterOption> services, audiences, languages, access, municipalities;
};

// A gazetteer place.
// The options for the directory as it is now (builds a search snapshot for the one call; the
// pages use FilterOptionsOf in store/library_finder.h with the node's snapshot).
SearchFilterOptions LoadFilterOptions(Connection& c, const LocaleChain& chain);

struct PlaceMatch {
  int64_t id = 0;
  LocalizedText name;  // best name for the chain, Latvian when there is no other
  double latitude = 0, longitude = 0;
};

// The place whose Latvian name or any other name folds (directory::Fold) to the same text as
// `name`; among several, towns first, then the larger population. nullopt when none does.
std::optional<PlaceMatch> FindPlace(Connection& c, const LocaleChain& chain, std::string_view name);

// Up to `limit` places whose folded names are nearest to Fold(name) by EditDistance (at most
// 3), nearest first, then towns, then larger population; each place once.
std::vector<PlaceMatch> SimilarPlaces(Connection& c, const LocaleChain& chain,
                                      std::string_view name, size_t limit);

// A corrected query for `query` from the search vocabulary (search_term): each folded word not
// in the vocabulary is replaced by the nearest vocabulary word within EditDistance 1 (words of
// up to 4 letters), 2 (5-7) or 3 (8 or more); ties go to the word in more documents. "" when
// nothing changes or the corrected query finds no library.
std::string DidYouMean(Connection& c, std::string_view query);

struct LibraryResult {
  directory::LibrarySummary library;
  std::optional<double> distance_km;  // set when the search had a location
  // Names of the service types, target groups and accessibility features of the filters,
  // which this library has (filters combine with AND, so each result has all of them).
  std::vector<LocalizedText> matched_terms;
  // The folded query words matched (SearchHit::matched_terms), in query order.
  std::vector<std::string> matched_words;
};

struct LibrarySearchResults {
  directory::SearchFilters filters;  // as applied: codes the options do not know are dropped
  SearchFilterOptions options;
  size_t total = 0;  // results on all pages
  directory::Pagination pagination;
  std::vector<LibraryResult> results;         // this page's, in order
  std::optional<PlaceMatch> place;            // the place `near` named, when found
  bool place_not_found = false;               // `near` was given and named no place
  std::vector<PlaceMatch> place_suggestions;  // when not found
  std::string did_you_mean;                   // see DidYouMean; only when `query` found nothing
};

// Runs the search the filters describe. Filters combine with AND; within one list
// (service=a&service=b) every value must hold too, except municipalities (any of them).
// Order: by distance when there is a location, else by text relevance when there is a query,
// else by name with `less`. Libraries without coordinates are left out of a location search.
// open_now keeps libraries whose hours say open at `now`, each on its own wall clock
// (location.time_zone); unknown hours count as not open. Text relevance (bm25) orders only
// queries whose rarest word is in at most kRankedMatchLimit documents; broader ones go by name.
// Read-only. Throws SqlError on a database failure.
//
// This builds a search snapshot for the one call (tests, tools); the pages use FindLibraries
// (store/library_finder.h) with the node's cached snapshot, which this wraps.
LibrarySearchResults SearchDirectory(Connection& c, const LocaleChain& chain,
                                     const directory::SearchFilters& filters, SysTime now,
                                     const directory::TextLess& less);

}  // namespace tilti::store
