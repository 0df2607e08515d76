#pragma once
// The HSDS 3.0 Tabular Data Package: datapackage.json plus one CSV file (RFC 4180, UTF-8, CRLF)
// per resource. Every resource of HSDS 3.0 is written under its HSDS name and file
// (organizations.csv, services.csv, ...) with the HSDS fields first, in HSDS order; a table
// HSDS has but Tilti does not store (funding, cost_option, ...) is written with its header
// only. Tilti's extension columns follow the HSDS fields of their table and are declared in
// datapackage.json like any field (a profile may add fields); Tilti's extension tables
// (translation, schedule_exception, municipality, place, ...) are extra resources named after
// the table, e.g. translation.csv. An empty field is NULL (Table Schema's default
// missingValues); the store reads NULL in a NOT NULL text column as the empty text.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "exchange/hsds_tables.h"

namespace tilti::exchange {

struct PackageFile {
  std::string name;   // plain file name, e.g. "organizations.csv"
  std::string bytes;  // its content
};

// The package for `tables` (rendered in memory): datapackage.json first, then the CSV files in
// the order of the resources. Deterministic: the same tables give the same bytes.
std::vector<PackageFile> RenderTabularPackage(const TableSet& tables);

// Writes RenderTabularPackage(tables) into `dir` (created if missing; files of the same name
// are replaced, others left alone). Errors: kUnavailable naming the file that failed.
Status WriteTabularPackage(const TableSet& tables, const std::filesystem::path& dir);

// Reads a package: datapackage.json names the resources and their files (plain names in the
// same folder; anything else is refused). Each table gets the columns of its CSV header (each
// must be a declared field of the resource) and text_cells = true; rows carry
// "file:line" origins. Errors (kInvalidInput): every problem found, one per line of
// Error::detail, e.g. "services.csv:7: 21 fields, the header has 23".
// `read_file` returns a file's bytes or nullopt when it does not exist.
Result<TableSet> ParseTabularPackage(
    const std::function<std::optional<std::string>(const std::string& name)>& read_file);
Result<TableSet> ReadTabularPackage(const std::filesystem::path& dir);

}  // namespace tilti::exchange
