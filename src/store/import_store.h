#pragma once
// Writes the libraries a real-data list gives (exchange/library_record.h) as HSDS records, in
// one transaction: all of them or, on any failure, none.
//
// Per library, with ids DeterministicUuid("<entity>:<source>:<external id>") so that running
// the same import again updates rows instead of duplicating them:
//   organization (kind 'library', country, name in the record's locale, website, email),
//   location (coordinates, external_identifier = the source's id and
//   external_identifier_type = the source, time_zone, no Latvian holiday calendar),
//   address (when the record has a street or town), phone (when given), one service named as
//   the library and offered at the location (HSDS lists services, and a library's is itself),
//   the weekly schedule (store/hours_queries.h ReplaceWeeklyHours), a schedule row with only a
//   description for hours the source gave in a form we cannot read, attributes for the facts
//   the source states (step-free entrance, free internet), and the 'original' translation
//   rows of the names. A record's operator (UK local authorities) becomes the parent
//   organization, kind 'municipal_body'.
// Slugs: a new library gets the folded name and town ("barking-library-barking"); a slug
// another library holds gets "-<n>" appended; an existing library keeps its slug. Rows that did
// not change keep their last_modified. The library search index is rebuilt at the end of the
// same transaction.
#include <string>
#include <string_view>
#include <vector>

#include "exchange/library_record.h"
#include "store/database.h"

namespace tilti::store {

struct ImportCounts {
  int libraries = 0;  // records written (new or updated)
  int added = 0;      // of which new (the others were there from an earlier import)
  int with_hours = 0;
  int with_coordinates = 0;
};

// Throws SqlError on a database failure; nothing is written then.
ImportCounts ImportLibraries(Database& db, const std::vector<exchange::LibraryRecord>& records,
                             std::string_view now_rfc3339);

}  // namespace tilti::store
