#pragma once
// The library search: a full-text index of folded text (directory/folding.h) in the tables of
// migration 0004, written when the directory changes and read by SearchLibraries.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.h"

namespace tilti::store {

// Replaces every library document of the index with fresh ones, then refreshes the
// vocabulary of typo candidates (search_term) and merges the index into one segment. One
// document per location of an organization of kind 'library'; its folded text holds, in every
// locale and script the database has:
//   names:  the organization's name, alternate name and the location's name
//   places: the location's town (place.name and every place_name) and its municipality
//   body:   the organization's and location's descriptions; the name, alternate name and
//           description of each active service the organization runs or offers at the
//           location; the names of every taxonomy term attached (attribute) to those services,
//           the location or the organization (service types, target groups, accessibility...)
// Must run inside a write transaction (Database::Write), which it does not open itself: call it
// in the same transaction as the change, so the index is never out of date. Cost: one
// DELETE, then per batch of 2,000 library locations four SELECTs (the locations, and their
// names, places and bodies, each reached by keys) and one INSERT per location, then a copy of
// the FTS5 vocabulary into search_term and an FTS5 'optimize'. On PostgreSQL it first
// refreshes the directory tables' statistics (ANALYZE).
// Throws SqlError on a database failure (the caller's transaction then rolls back).
void RebuildLibraryIndex(Connection& c);

// Brings the search documents of one organisation's library locations up to date (its own
// texts, its locations' and services' texts and terms changed), with the vocabulary rows of
// their words, the HSDS API's service and organisation search rows (UpdateServiceIndexOf) and
// the directory version: the back office's edit of one library costs milliseconds where
// RebuildLibraryIndex costs seconds at European scale. Call inside the write transaction of
// the change. Term names and gazetteer changes touch every document: use RebuildLibraryIndex.
void ReindexOrganization(Connection& c, std::string_view organization_id);

// Rebuilds the index when libraries exist but no search document does (a database created
// before migration 0004, or restored without derived data). Returns whether it rebuilt.
// Call inside a write transaction, at start-up.
bool RebuildLibraryIndexIfEmpty(Connection& c);

// The search documents (rowids; one per library location) matching `query` as SearchLibraries
// finds them (the same words, prefixes and typo corrections), at most `limit`: much cheaper
// when many match, because neither the documents' text nor the directory tables are read. When the query's rarest word is in more than
// kRankedMatchLimit documents, bm25 ranking is skipped (it would cost more than the rest of
// the search; such words rank nothing) and `ranked` is false: the caller orders by name.
inline constexpr int64_t kRankedMatchLimit = 2000;
struct TextMatches {
  std::vector<int64_t> documents;  // best first when `ranked`
  bool ranked = true;
};
TextMatches MatchingLibraries(Connection& c, std::string_view query, size_t limit);

// For each search document (rowid) in `documents`, the words of it that the query's words
// matched, as SearchHit::matched_terms (the query's words themselves where the document lacks
// one; empty lists when the query has no words). The query is planned once for all of them
// (a misspelt word costs a scan of the vocabulary).
std::vector<std::vector<std::string>> MatchedWords(Connection& c, std::string_view query,
                                                   const std::vector<int64_t>& documents);

struct SearchHit {
  std::string organization_slug;
  double score = 0;  // higher is better (bm25 with names x10, places x5, body x1, negated)
  // matched_terms[i] is the folded word of the library's document that the i-th folded query
  // word matched: the word itself, a word it is a prefix of (the last query word), or the
  // vocabulary word it was corrected to (a typo). E.g. "Daugavpls" -> {"daugavpils"}.
  std::vector<std::string> matched_terms;
};

// Searches the library documents for `query` (any script, any case, with or without
// diacritics) and returns at most `limit` libraries, best first (ties by slug), each once.
// The query is folded like the documents and split into words (at most the first 8 count);
// every word must match (AND):
//  - the last word matches as a prefix too (search as you type: "Jelg" finds Jelgava);
//  - a word of 5 letters or more that is in no document (as a prefix, for the last word) is
//    replaced by the vocabulary words within edit distance 1 (5-7 letters) or 2 (8 or more);
//  - a shorter word must be in the vocabulary as it is (or as a prefix, if last).
// Input never reaches FTS5 as syntax: every word is a quoted string, bound as a parameter.
// An empty, all-punctuation or unmatched query gives no hits, not an error. Read-only: works
// on a read connection. Throws SqlError only on a database failure.
std::vector<SearchHit> SearchLibraries(Connection& c, std::string_view query, size_t limit);


}  // namespace tilti::store
