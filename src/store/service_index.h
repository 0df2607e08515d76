#pragma once
// The text search of the HSDS API: the folded text of every service and organization in the
// FTS5 tables of migration 0009 (service_search, organization_search), written when the
// directory changes, and the MATCH expression that queries them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.h"

namespace tilti::store {

// Replaces every row of service_search and organization_search with fresh ones: one row per
// service (organization) whose text is its name, alternate name and description in every
// locale the translation table has, and the base columns, each folded by directory::Fold.
// Rows are inserted in ascending id order into emptied tables, so rowid order is id order
// (BINARY): a search can page by rowid in the index and read only the page's ids.
// Must run inside a write transaction (Database::Write), which it does not open itself;
// RebuildLibraryIndex calls it, so every directory write keeps the index current. Cost: two
// ordered scans (records, translations) per table, one Fold per distinct text (cached within
// the call: imported records repeat their texts), one INSERT per record, one FTS5 'optimize'.
// Throws SqlError on a database failure (the caller's transaction then rolls back).
void RebuildServiceIndex(Connection& c);

// Rewrites the rows of one organisation and of its services in place (same rowids, so their id
// order holds). When one of them has no row yet (a new service or organisation), rebuilds the
// tables as RebuildServiceIndex does instead. Inside a write transaction.
void UpdateServiceIndexOf(Connection& c, std::string_view organization_id);

// Rebuilds when services or organizations exist but their search table is empty (a database
// migrated to 0009, or restored without derived data). Returns whether it rebuilt. Call inside
// a write transaction, at start-up.
bool RebuildServiceIndexIfEmpty(Connection& c);

// The FTS5 MATCH expression for an API `search` value: the query is folded like the index
// and split into words (at most the first 8 count), every word must match (AND), and each
// matches any indexed word that starts with it ("bibl" finds "biblioteka"). Every word is a
// quoted FTS5 string, so no input is FTS5 syntax (quotes, `*`, `AND`, `NEAR(` are plain
// words or spaces after folding). nullopt when the search has no words (empty, or only
// punctuation): no text filter. Pure; bind the result as a parameter, e.g.
// `id IN (SELECT service_id FROM service_search WHERE service_search MATCH ?)`.
std::optional<std::string> SearchMatchExpression(Dialect d, std::string_view search);

// The ids of the services matching `search` (as above), ascending; every service when the
// search has no words. Read-only. Throws SqlError only on a database failure.
std::vector<std::string> ServicesMatching(Connection& c, std::string_view search);

}  // namespace tilti::store
