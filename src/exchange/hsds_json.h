#pragma once
// HSDS 3.0 JSON: an array of `organization` objects (schema/compiled/organization.json), each
// nesting what belongs to it, so that every row of the directory is written exactly once in
// its natural place:
//   organization: programs, services, locations, contacts, phones, urls*, attributes, metadata
//   service: service_at_locations, contacts, phones, schedules, languages, urls*, attributes...
//   service_at_location: contacts, phones, schedules; location: addresses, contacts, phones,
//   schedules, schedule_exceptions*, languages, accessibility; contact: phones;
//   phone: languages; attribute: taxonomy_term (an object, with taxonomy_detail inside)
// (* = Tilti extension). A contact, phone, schedule or language sits under the most specific
// record it names (contact > service_at_location > location > service > organization).
// Every record also keeps all of its own columns, foreign keys included, as properties (Tilti's
// extension columns are extra properties; the schemas allow them). NULL is left out (the
// schemas type fields as plain strings and numbers, never null); "" stays "".
// Extensions beyond the schema: "translations" (the rows of `translation` for the record) on
// any record, "municipality" (object) on organizations, locations and places, and "place"
// (object, with its "names") on locations. Copies (a taxonomy term under every attribute that
// uses it, a municipality under every record in it) must agree on import.
// Not representable here: taxonomy terms no attribute uses, gazetteer entries nothing refers
// to, locations without an organization, initiatives and partnerships: the tabular package
// carries those.
#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "exchange/hsds_tables.h"

namespace tilti::exchange {

struct JsonExportReport {
  // One line per table with rows that have no place in the organization tree, e.g.
  // "translation: 172 rows (entity initiative ...)". Empty when everything was written.
  std::vector<std::string> left_out;
};

// The JSON text (pretty-printed, two-space indent, LF, trailing newline). Deterministic.
std::string WriteHsdsJson(const TableSet& tables, JsonExportReport* report = nullptr);

// Reads the text back into tables (typed values; rows carry JSON-path origins like
// "$[2].services[0]"). Errors (kInvalidInput), one per line of Error::detail: malformed JSON
// ("line 3, column 7: ..."), a value of the wrong kind ("$[0].name: expected a string or a
// number"), conflicting copies of a record, arrays of records Tilti does not store.
Result<TableSet> ReadHsdsJson(std::string_view text);

// `v` as pretty-printed JSON (two-space indent, LF, no trailing newline); doubles in their
// shortest exact form.
std::string PrettyJson(const boost::json::value& v);

}  // namespace tilti::exchange
