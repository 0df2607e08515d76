#include "app/hsds_commands.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "exchange/hsds_json.h"
#include "exchange/hsds_tabular.h"
#include "store/hsds_dump.h"

namespace tilti::app {
namespace {

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

std::string Ms(double ms) {
  std::ostringstream s;
  s.precision(1);
  s << std::fixed << ms << " ms";
  return s.str();
}

}  // namespace

int RunHsdsExport(store::Database& db, std::string_view format, const std::string& out_path,
                  std::ostream& out, std::ostream& err) {
  if (format != kHsdsTabular && format != kHsdsJson) {
    err << "export: unknown --format \"" << format << "\" (hsds-tabular or hsds-json)\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const exchange::TableSet tables = store::DumpDirectory(db);  // one snapshot for every table
  size_t rows = 0;
  for (const auto& t : tables.tables) rows += t.rows.size();

  if (format == kHsdsTabular) {
    auto files = exchange::RenderTabularPackage(tables);
    size_t bytes = 0;
    for (const auto& f : files) bytes += f.bytes.size();
    if (auto written = exchange::WriteTabularPackage(tables, out_path); !written.ok()) {
      err << "export: " << written.error().detail << "\n";
      return 1;
    }
    out << out_path << ": HSDS tabular package, " << files.size() << " files, " << rows
        << " rows, " << bytes << " bytes, " << Ms(MillisecondsSince(start)) << "\n";
    return 0;
  }

  exchange::JsonExportReport report;
  const std::string json = exchange::WriteHsdsJson(tables, &report);
  {
    std::ofstream file(out_path, std::ios::binary | std::ios::trunc);
    file.write(json.data(), static_cast<std::streamsize>(json.size()));
    file.close();
    if (!file) {
      err << "export: " << out_path << ": cannot write\n";
      return 1;
    }
  }
  const exchange::Table* orgs = tables.Find("organization");
  out << out_path << ": HSDS JSON, " << (orgs ? orgs->rows.size() : 0) << " organizations, "
      << json.size() << " bytes, " << Ms(MillisecondsSince(start)) << "\n";
  if (!report.left_out.empty()) {
    out << "not representable in HSDS JSON (use --format hsds-tabular for a complete copy):\n";
    for (const auto& line : report.left_out) out << "  " << line << "\n";
  }
  return 0;
}

int RunHsdsImport(store::Database& db, std::string_view format, const std::string& in_path,
                  std::ostream& out, std::ostream& err) {
  if (format != kHsdsTabular && format != kHsdsJson) {
    err << "import: unknown --format \"" << format << "\" (hsds-tabular or hsds-json)\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  Result<exchange::TableSet> tables = Error{ErrorCode::kInvalidInput, ""};
  if (format == kHsdsTabular) {
    if (!std::filesystem::is_directory(in_path)) {
      err << "import: " << in_path << ": not a folder (an HSDS tabular package is a folder "
          << "with datapackage.json)\n";
      return 1;
    }
    tables = exchange::ReadTabularPackage(in_path);
  } else {
    std::ifstream file(in_path, std::ios::binary);
    if (!file) {
      err << "import: " << in_path << ": cannot read\n";
      return 1;
    }
    std::ostringstream text;
    text << file.rdbuf();
    tables = exchange::ReadHsdsJson(text.str());
  }
  auto refuse = [&](const std::string& detail) {
    err << "import: " << in_path << " refused, nothing was written:\n";
    std::istringstream lines(detail);
    for (std::string line; std::getline(lines, line);) {
      err << "  " << (format == kHsdsJson && line.rfind("$", 0) != 0 ? in_path + ": " : "")
          << line << "\n";
    }
    return 1;
  };
  if (!tables.ok()) return refuse(tables.error().detail);
  auto loaded = store::LoadDirectory(db, tables.value());
  if (!loaded.ok()) return refuse(loaded.error().detail);
  out << in_path << ": imported " << loaded.value().rows << " rows into "
      << loaded.value().tables << " tables (" << loaded.value().changed
      << " new or changed), search index rebuilt, " << Ms(MillisecondsSince(start)) << "\n";
  return 0;
}

}  // namespace tilti::app
