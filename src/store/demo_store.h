#pragma once
// Writes the demo data set (directory/demo_dataset.h) into the database.
#include <cstdint>
#include <string>
#include <string_view>

#include "directory/demo_dataset.h"
#include "store/database.h"

namespace tilti::store {

// Writes every record of `d` in ONE write transaction: all of it or, on any failure, none.
// Idempotent: ids are deterministic and every row is upserted, so loading the same data again
// leaves the same rows; a row whose content did not change keeps its last_modified/updated_at
// (`now_rfc3339`, e.g. "2026-11-22T10:00:00Z", is written only where something changed).
// Rows of records that are no longer in `d` are left alone. The taxonomies must already be
// there (migration 0002). Throws SqlError on a database failure and std::invalid_argument when
// `d` names a taxonomy term the database does not have; the transaction is then rolled back.
void LoadDemo(Database& db, const directory::DemoDataset& d, std::string_view now_rfc3339);

// Row counts of the tables the demo fills (whole tables, including rows that did not come from
// the demo).
struct DemoCounts {
  int64_t municipalities = 0;
  int64_t places = 0;
  int64_t place_names = 0;
  int64_t organizations = 0;
  int64_t locations = 0;
  int64_t services = 0;
  int64_t service_at_locations = 0;
  int64_t phones = 0;
  int64_t attributes = 0;
  int64_t initiatives = 0;
  int64_t initiative_organizations = 0;
  int64_t partnerships = 0;
  int64_t hackathons = 0;
  int64_t ideas = 0;
  int64_t taxonomy_terms = 0;
  int64_t translations = 0;
  bool operator==(const DemoCounts&) const = default;
};

DemoCounts CountDemoRows(Database& db);

// One line for the log and `tilti demo`: "43 municipalities, 4588 places (...), ...".
std::string FormatDemoCounts(const DemoCounts& c);

}  // namespace tilti::store
