#pragma once
// The directory as plain tables (exchange/hsds_tables.h) and back: what `tilti export` and
// `tilti import --format hsds-*` move through the HSDS writers and readers.
//
// Which tables travel (ExchangedTables, in dependency order):
//  - the HSDS directory tables and Tilti's extensions of them: organization, program, service,
//    location, service_at_location, contact, phone, address, schedule, schedule_exception,
//    language, accessibility, url, taxonomy, taxonomy_term, attribute, metadata, translation;
//  - the reference data they refer to: the gazetteer (municipality, place, place_name) and
//    holiday_calendar (the calendars, not their dates): without them an import into a fresh
//    database would break the foreign keys of organization and location;
//  - initiatives and partnerships (initiative, initiative_organization, partnership): content
//    the library pages show, edited like the directory.
// Left out on purpose: derived data that is rebuilt (search_document*, search_term,
// location_geo*, holiday: the dates are computed from the law), and operational data (report:
// messages from the public, a coordinator's queue with possibly personal data; rate_limit;
// schema_migrations).
#include <string>
#include <vector>

#include "core/error.h"
#include "exchange/hsds_tables.h"
#include "store/database.h"
#include "store/sql.h"

namespace tilti::store {

// The exchanged tables, parents before children.
const std::vector<std::string>& ExchangedTables();

// Every exchanged table with its columns as SQLite's PRAGMA table_info gives them (so a column
// added by a future migration travels without code changes; on PostgreSQL read from its
// catalogue, leaving out its own rowid and document columns, so both give the same tables) and
// every row, ordered by primary key. Call inside one read transaction for a consistent
// snapshot, or use the overload below. Throws SqlError on a database failure.
exchange::TableSet DumpDirectory(Connection& c);
// The same on a read lease of `db`, in one read transaction: one snapshot for every table.
exchange::TableSet DumpDirectory(Database& db);

struct LoadSummary {
  int64_t rows = 0;     // rows read
  int64_t changed = 0;  // rows inserted or updated (the rest were already identical)
  int tables = 0;       // tables with rows
};

// Writes `tables` in one write transaction, all or nothing: each row is inserted, or updates
// the row with the same primary key (so the same import twice changes nothing the second
// time). Values are checked against the STRICT column types: text cells (CSV) are converted
// to INTEGER/REAL strictly; typed values must match. NULL in a NOT NULL text column is stored
// as '' (CSV cannot tell them apart). Tables and columns are matched against the schema, never
// taken from the input unchecked: a table that is not exchanged, or a column the table does
// not have, is refused when it holds any value (empty ones, such as the HSDS tables Tilti does
// not store, are skipped). Foreign keys are checked when every row is in. Then the library
// search index is rebuilt in the same transaction.
// Errors: kInvalidInput listing every problem, one per line of Error::detail, each starting
// with the row's origin ("services.csv:7: ..."), at most 200 lines; nothing is written. They
// read the same on PostgreSQL (its constraint messages are put in SQLite's words).
// Throws SqlError on an unexpected database failure (nothing is written either).
Result<LoadSummary> LoadDirectory(Database& db, const exchange::TableSet& tables);

}  // namespace tilti::store
