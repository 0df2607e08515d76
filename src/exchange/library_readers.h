#pragma once
// One reader per real-data library list of ../shared/data (see each data set's SOURCE.txt).
// Each turns the whole file into LibraryRecords and RowIssues (library_record.h); none throws.
//
// What every reader leaves out on purpose (counted in ReadResult::skipped, not errors):
// libraries the source marks as closed, and places one cannot visit (US bookmobiles and
// books-by-mail outlets).
#include <string_view>

#include "exchange/library_record.h"

namespace tilti::exchange {

// England (LibrariesHacked england-librarydata, UTF-8 CSV): coordinates; the weekly total of
// hours is not a timetable and is not imported. Source "gb-england", id the `id` column.
ReadResult ReadEnglandCsv(std::string_view bytes);

// United Kingdom (LibrariesHacked librarydata-db, UTF-8 CSV): no coordinates; staffed hours
// per weekday ("09:00-17:00", "10:00-13:00,14:00-17:00") become the timetable; a library
// whose hours cannot all be read is imported without hours and a warning. The local
// authority becomes the library's parent organization. Source "gb-uk", id
// "<local authority>/<library name>/<postcode>" (the UPRN is often missing).
ReadResult ReadUkCsv(std::string_view bytes);

// United States (IMLS Public Libraries Survey FY2019 outlets, Windows-1252 CSV): coordinates,
// address, phone; IMLS's negative missing-value codes read as missing. Source "us-imls", id
// "<FSCSKEY>-<FSCS_SEQ>". The time zone is the state's principal one (the survey gives none).
ReadResult ReadImlsCsv(std::string_view bytes);

// Switzerland (OpenStreetMap Overpass JSON of amenity=library): nodes with coordinates, ways
// and relations at the mean of their member nodes' coordinates when the file holds them.
// `opening_hours` is parsed (osm_opening_hours.h); what cannot be parsed is a warning and the
// library is imported without hours. Source "ch-osm", id "node/123", "way/456".
ReadResult ReadSwissOsmJson(std::string_view bytes);

}  // namespace tilti::exchange
