#pragma once
// Full-text matching in the connection's dialect. The text indexes (search_document,
// service_search, organization_search) hold words already folded by directory::Fold. SQLite
// indexes them with FTS5; PostgreSQL with a tsvector column `document` built from the same words
// (no parser, no stemming) and a GIN index (migrations/postgres, docs/postgres-schema.md). The
// query is always a bound parameter, and every word in it is quoted, so no input is syntax.
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.h"

namespace tilti::store {

struct MatchWord {
  std::string word;     // folded
  bool prefix = false;  // also any word that starts with it
};

// The query string: every clause must match; a clause matches when one of its words does.
// SQLite: `"a"* AND ("b" OR "c")`; PostgreSQL: `'a':* & ('b' | 'c')` (a tsquery).
std::string MatchQuery(Dialect d, const std::vector<std::vector<MatchWord>>& clauses);

// The condition that rows of the index table `table` match the query bound at `param` ("?1",
// "?"): `table MATCH ?1`, or `table.document @@ CAST(?1 AS tsquery)`.
std::string MatchCondition(Dialect d, std::string_view table, std::string_view param);

// After rebuilding an index table: FTS5's 'optimize' merges its segments. Nothing on
// PostgreSQL, whose GIN index needs no such step.
void OptimizeTextIndex(Connection& c, std::string_view table);

// An FTS5 string: the word in double quotes, inner quotes doubled.
std::string QuoteFtsWord(std::string_view word);
// A tsquery lexeme: the word in single quotes, quotes and backslashes escaped.
std::string QuoteTsWord(std::string_view word);

}  // namespace tilti::store
