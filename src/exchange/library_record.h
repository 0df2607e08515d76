#pragma once
// What a real-data library list gives about one library, whatever its format: the plain record
// the readers (england_csv.h, uk_csv.h, osm_json.h, imls_csv.h) produce and
// store/import_store.h writes as an HSDS organization, location, address, phone, service and
// schedules. Pure data.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directory/opening_hours.h"

namespace tilti::exchange {

struct LibraryRecord {
  int line = 0;             // where the record starts in its file (1-based), for reports
  std::string source;       // the data set, e.g. "gb-england"; with external_id the identity
  std::string external_id;  // the source's own id, e.g. "1", "node/32606774", "AK0001-002"
  std::string name;
  std::string locale;       // the language of name and description, e.g. "en", "de"
  std::optional<std::string> alternate_name;
  std::optional<std::string> description;
  std::string country;      // ISO 3166-1 alpha-2
  std::string time_zone;    // IANA, e.g. "Europe/London"; hours are wall-clock times there
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<std::string> address_1;
  std::optional<std::string> address_2;
  std::optional<std::string> city;
  std::optional<std::string> region;  // county, canton, state (HSDS state_province)
  std::optional<std::string> postal_code;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> website;
  std::optional<std::string> operator_name;  // the authority or body that runs it
  // Weekly opening periods, when the source gives them; empty = hours unknown.
  std::vector<directory::Period> hours;
  // What the source says about hours that is not a timetable ("72 hours a week", an OSM rule
  // we cannot read); shown as a note beside the hours.
  std::optional<std::string> hours_note;
  bool closed_on_public_holidays = false;   // OSM "PH off"
  bool wheelchair_accessible = false;       // OSM wheelchair=yes
  bool free_internet = false;               // OSM internet_access=wlan/yes
};

// A row the reader could not turn into a record (it blocks the import) or something it read
// only in part (a warning; the record is still imported).
struct RowIssue {
  int line = 0;          // 1-based line in the file; 0 when the issue is about the whole file
  std::string reason;    // English, for the operator running the import
};

struct ReadResult {
  std::vector<LibraryRecord> records;
  std::vector<RowIssue> errors;    // any error: nothing is written
  std::vector<RowIssue> warnings;  // imported, with what was left out said here
  int skipped = 0;                 // rows deliberately left out (closed libraries), not errors
};

// The data sets `tilti import` reads, by the name given on the command line.
enum class Format { kEngland, kUk, kSwissOsm, kUsImls };
std::optional<Format> ParseFormat(std::string_view name);

// Reads a whole file of the given format. Never throws; every problem is a RowIssue.
ReadResult ReadLibraries(Format format, std::string_view bytes);

}  // namespace tilti::exchange
