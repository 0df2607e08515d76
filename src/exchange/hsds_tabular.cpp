#include "exchange/hsds_tabular.h"

#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "directory/csv.h"
#include "exchange/hsds_json.h"

namespace tilti::exchange {
namespace {

struct HsdsResource {
  const char* name;
  const char* path;
  const char* fields;        // "name:type[!] ..."
  const char* foreign_keys;  // "column>resource ..."
};

// Generated once from HSDS 3.0.0 datapackage.json (openreferral/specification): resource
// name, file, and each field as name:type, '!' after the type when required.
constexpr HsdsResource kHsdsResources[] = {
    {"organization", "organizations.csv",
     "id:string! name:string! alternate_name:string description:string! email:string website:string tax_status:string tax_id:string year_incorporated:number legal_status:string logo:string uri:string parent_organization_id:string",
     ""},
    {"program", "programs.csv",
     "id:string! organization_id:string! name:string! alternate_name:string description:string!",
     "organization_id>organization"},
    {"service", "services.csv",
     "id:string! organization_id:string! program_id:string name:string! alternate_name:string description:string url:string email:string status:string! interpretation_services:string application_process:string fees_description:string wait_time:string fees:string accreditations:string eligibility_description:string minimum_age:number maximum_age:number assured_date:date assurer_email:string licenses:string alert:string last_modified:datetime",
     "organization_id>organization program_id>program"},
    {"attribute", "attributes.csv",
     "id:string! link_id:string! taxonomy_term_id:string! link_type:string link_entity:string! value:string",
     "taxonomy_term_id>taxonomy_term"},
    {"service_at_location", "service_at_location.csv",
     "id:string! service_id:string! location_id:string! description:string",
     "service_id>service location_id>location"},
    {"location", "locations.csv",
     "id:string! location_type:string! url:string organization_id:string name:string alternate_name:string description:string transportation:string latitude:number longitude:number external_identifier:string external_identifier_type:string",
     "organization_id>organization"},
    {"phone", "phones.csv",
     "id:string! location_id:string service_id:string organization_id:string contact_id:string service_at_location_id:string number:string! extension:number type:string description:string",
     "contact_id>contact location_id>location organization_id>organization service_id>service service_at_location_id>service_at_location"},
    {"contact", "contacts.csv",
     "id:string! organization_id:string service_id:string service_at_location_id:string location_id:string name:string title:string department:string email:string",
     "location_id>location organization_id>organization service_id>service service_at_location_id>service_at_location"},
    {"address", "addresses.csv",
     "id:string! location_id:string attention:string address_1:string! address_2:string city:string! region:string state_province:string! postal_code:string! country:string! address_type:string!",
     "location_id>location"},
    {"schedule", "schedules.csv",
     "id:string! service_id:string location_id:string service_at_location_id:string valid_from:date valid_to:date dtstart:date timezone:number until:date count:number wkst:string freq:string interval:number byday:string byweekno:string bymonthday:string byyearday:string description:string opens_at:time closes_at:time schedule_link:string attending_type:string notes:string",
     "location_id>location service_id>service service_at_location_id>service_at_location"},
    {"funding", "funding.csv",
     "id:string! organization_id:string service_id:string source:string",
     "organization_id>organization service_id>service"},
    {"service_area", "service_areas.csv",
     "id:string! service_id:string name:string description:string extent:string extent_type:string uri:string",
     "service_id>service"},
    {"required_document", "required_documents.csv",
     "id:string! service_id:string document:string uri:string",
     "service_id>service"},
    {"language", "languages.csv",
     "id:string! service_id:string location_id:string phone_id:string name:string code:string note:string",
     "location_id>location phone_id>phone service_id>service"},
    {"accessibility", "accessibility.csv",
     "id:string! location_id:string description:string details:string url:string",
     "location_id>location"},
    {"taxonomy_term", "taxonomy_terms.csv",
     "id:string! code:string name:string! description:string! parent_id:string taxonomy:string language:string taxonomy_id:string term_uri:string",
     "taxonomy_id>taxonomy"},
    {"metadata", "metadata.csv",
     "id:string! resource_id:string! resource_type:string! last_action_date:date! last_action_type:string! field_name:string! previous_value:string! replacement_value:string! updated_by:string!",
     ""},
    {"meta_table_description", "meta_table_descriptions.csv",
     "id:string! name:string language:string character_set:string",
     ""},
    {"cost_option", "cost_options.csv",
     "id:string! service_id:string! valid_from:date valid_to:date option:string currency:string amount:number amount_description:string",
     "service_id>service"},
    {"organization_identifier", "organization_identifiers.csv",
     "id:string! organization_id:string! identifier_scheme:string identifier_type:string! identifier:string!",
     "organization_id>organization"},
    {"taxonomy", "taxonomies.csv",
     "id:string! name:string! description:string! uri:string version:string",
     ""},
};

struct FieldDef {
  std::string name;
  std::string type;
  bool required = false;
};

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::vector<FieldDef> Fields(const HsdsResource& r) {
  std::vector<FieldDef> out;
  for (const auto& w : Words(r.fields)) {
    FieldDef f;
    size_t colon = w.find(':');
    f.name = w.substr(0, colon);
    f.type = w.substr(colon + 1);
    if (!f.type.empty() && f.type.back() == '!') {
      f.required = true;
      f.type.pop_back();
    }
    out.push_back(std::move(f));
  }
  return out;
}

const char* TableSchemaType(ColumnType t) {
  switch (t) {
    case ColumnType::kInteger:
      return "integer";
    case ColumnType::kReal:
      return "number";
    case ColumnType::kText:
      break;
  }
  return "string";
}

void AppendCsvField(std::string& out, std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += v;
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string CellText(const Value& v) {
  switch (v.index()) {
    case 1:
      return std::to_string(std::get<int64_t>(v));
    case 2:
      return FormatReal(std::get<double>(v));
    case 3:
      return std::get<std::string>(v);
    default:
      return {};
  }
}

// One resource to write: its file and its columns, each either a column of the table (index)
// or an HSDS field Tilti does not store (-1, always empty).
struct Layout {
  std::string name;
  std::string path;
  const Table* table = nullptr;  // null: an HSDS table Tilti does not store
  std::vector<std::string> headers;
  std::vector<int> source;  // per header: column index in *table, or -1
  boost::json::array fields;
  boost::json::value primary_key;
  boost::json::array foreign_keys;
};

std::vector<Layout> Layouts(const TableSet& tables) {
  std::vector<Layout> out;
  for (const auto& r : kHsdsResources) {
    Layout l;
    l.name = r.name;
    l.path = r.path;
    l.table = tables.Find(r.name);
    for (const auto& f : Fields(r)) {
      boost::json::object field{{"name", f.name}, {"type", f.type}};
      if (f.required) field["constraints"] = boost::json::object{{"required", true}};
      l.fields.push_back(std::move(field));
      l.headers.push_back(f.name);
      l.source.push_back(l.table ? l.table->ColumnIndex(f.name) : -1);
    }
    l.primary_key = "id";
    for (const auto& w : Words(r.foreign_keys)) {
      size_t gt = w.find('>');
      l.foreign_keys.push_back(boost::json::object{
          {"fields", w.substr(0, gt)},
          {"reference", boost::json::object{{"resource", w.substr(gt + 1)}, {"fields", "id"}}}});
    }
    out.push_back(std::move(l));
  }
  for (const auto& t : tables.tables) {
    Layout* l = nullptr;
    for (auto& existing : out) {
      if (existing.name == t.name) l = &existing;
    }
    if (!l) {
      out.push_back(Layout{});
      l = &out.back();
      l->name = t.name;
      l->path = t.name + ".csv";
      l->table = &t;
      boost::json::array pk;
      for (size_t pos = 1; pos <= t.columns.size(); ++pos) {
        for (const auto& c : t.columns) {
          if (c.primary_key == static_cast<int>(pos)) pk.push_back(boost::json::string(c.name));
        }
      }
      if (pk.size() == 1) {
        l->primary_key = pk[0];
      } else if (!pk.empty()) {
        l->primary_key = std::move(pk);
      }
    }
    // Columns HSDS does not define: Tilti's extension fields, after the HSDS ones.
    for (size_t i = 0; i < t.columns.size(); ++i) {
      const Column& c = t.columns[i];
      if (std::find(l->headers.begin(), l->headers.end(), c.name) != l->headers.end()) continue;
      boost::json::object field{{"name", c.name}, {"type", TableSchemaType(c.type)}};
      if (c.not_null) field["constraints"] = boost::json::object{{"required", true}};
      field["tilti:extension"] = true;
      l->fields.push_back(std::move(field));
      l->headers.push_back(c.name);
      l->source.push_back(static_cast<int>(i));
    }
  }
  return out;
}

bool PlainFileName(std::string_view p) {
  if (p.empty() || p.front() == '.' || p.size() > 100) return false;
  for (char c : p) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::vector<PackageFile> RenderTabularPackage(const TableSet& tables) {
  std::vector<Layout> layouts = Layouts(tables);
  std::vector<PackageFile> files;
  boost::json::array resources;
  for (auto& l : layouts) {
    boost::json::object schema{{"fields", std::move(l.fields)}};
    if (!l.primary_key.is_null()) schema["primaryKey"] = l.primary_key;
    if (!l.foreign_keys.empty()) schema["foreignKeys"] = std::move(l.foreign_keys);
    resources.push_back(boost::json::object{{"name", l.name},
                                            {"path", l.path},
                                            {"profile", "tabular-data-resource"},
                                            {"format", "csv"},
                                            {"mediatype", "text/csv"},
                                            {"encoding", "utf-8"},
                                            {"schema", std::move(schema)}});
    std::string csv;
    for (size_t i = 0; i < l.headers.size(); ++i) {
      if (i) csv += ',';
      AppendCsvField(csv, l.headers[i]);
    }
    csv += "\r\n";
    if (l.table) {
      for (const auto& row : l.table->rows) {
        for (size_t i = 0; i < l.source.size(); ++i) {
          if (i) csv += ',';
          if (l.source[i] >= 0) AppendCsvField(csv, CellText(row.values[l.source[i]]));
        }
        csv += "\r\n";
      }
    }
    files.push_back(PackageFile{l.path, std::move(csv)});
  }
  boost::json::object package{
      {"name", "human_services_data"},
      {"title", "Human Services Data Specification: Tilti directory"},
      {"description",
       "HSDS 3.0 tabular data package written by Tilti. Fields and resources marked "
       "tilti:extension are Tilti's profile additions (see docs/hsds-exchange.md)."},
      {"profile", "tabular-data-package"},
      {"version", "3.0.0"},
      {"homepage", "http://docs.openreferral.org"},
      {"license",
       boost::json::object{{"url", "https://creativecommons.org/licenses/by-sa/4.0/"},
                           {"type", "CC-BY-SA-4.0"},
                           {"name", "Creative Commons Attribution-ShareAlike 4.0"}}},
      {"resources", std::move(resources)}};
  files.insert(files.begin(), PackageFile{"datapackage.json", PrettyJson(package) + "\n"});
  return files;
}

Status WriteTabularPackage(const TableSet& tables, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Error{ErrorCode::kUnavailable, dir.string() + ": " + ec.message()};
  for (const auto& f : RenderTabularPackage(tables)) {
    const auto path = dir / f.name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
    out.close();
    if (!out) return Error{ErrorCode::kUnavailable, path.string() + ": cannot write"};
  }
  return Ok();
}

Result<TableSet> ParseTabularPackage(
    const std::function<std::optional<std::string>(const std::string& name)>& read_file) {
  std::vector<std::string> problems;
  auto fail = [&]() {
    std::string detail;
    for (const auto& p : problems) detail += (detail.empty() ? "" : "\n") + p;
    return Error{ErrorCode::kInvalidInput, detail};
  };
  auto descriptor = read_file("datapackage.json");
  if (!descriptor) {
    problems.push_back("datapackage.json: missing");
    return fail();
  }
  boost::system::error_code ec;
  boost::json::value package = boost::json::parse(*descriptor, ec);
  if (ec || !package.is_object() || !package.as_object().contains("resources") ||
      !package.at("resources").is_array()) {
    problems.push_back("datapackage.json: not a data package (" +
                       (ec ? ec.message() : std::string("no resources array")) + ")");
    return fail();
  }
  TableSet out;
  std::set<std::string> seen_names;
  const auto& resources = package.at("resources").as_array();
  for (size_t r = 0; r < resources.size(); ++r) {
    const std::string where = "datapackage.json: resources[" + std::to_string(r) + "]";
    const auto* res = resources[r].if_object();
    auto text = [&](const char* key) -> const boost::json::string* {
      const boost::json::value* v = res ? res->if_contains(key) : nullptr;
      return v ? v->if_string() : nullptr;
    };
    const boost::json::string* name = text("name");
    const boost::json::string* path = text("path");
    if (!name || !path) {
      problems.push_back(where + ": needs a name and a path");
      continue;
    }
    if (!PlainFileName(*path)) {
      problems.push_back(where + ": path \"" + std::string(*path) +
                         "\" is not a plain file name in the package folder");
      continue;
    }
    if (!seen_names.insert(std::string(*name)).second) {
      problems.push_back(where + ": resource \"" + std::string(*name) + "\" appears twice");
      continue;
    }
    std::set<std::string> declared;
    if (const auto* schema = res->if_contains("schema"); schema && schema->is_object()) {
      if (const auto* fields = schema->as_object().if_contains("fields");
          fields && fields->is_array()) {
        for (const auto& f : fields->as_array()) {
          if (f.is_object() && f.as_object().contains("name") &&
              f.at("name").is_string()) {
            declared.insert(std::string(f.at("name").as_string()));
          }
        }
      }
    }
    const std::string file(*path);
    auto bytes = read_file(file);
    if (!bytes) {
      problems.push_back(file + ": missing (named in datapackage.json)");
      continue;
    }
    auto rows = directory::ParseCsv(*bytes);
    if (!rows.ok()) {
      problems.push_back(file + ": " + rows.error().detail);
      continue;
    }
    Table t;
    t.name = std::string(*name);
    t.origin = file;
    t.text_cells = true;
    if (rows.value().empty()) {
      problems.push_back(file + ": no header line");
      continue;
    }
    const auto& header = rows.value().front();
    std::set<std::string> header_names;
    for (const auto& h : header.fields) {
      if (!header_names.insert(h).second) {
        problems.push_back(file + ":" + std::to_string(header.line) + ": column \"" + h +
                           "\" appears twice");
      } else if (!declared.empty() && !declared.count(h)) {
        problems.push_back(file + ":" + std::to_string(header.line) + ": column \"" + h +
                           "\" is not a field of resource \"" + t.name +
                           "\" in datapackage.json");
      }
      t.columns.push_back(Column{h, ColumnType::kText, false, 0});
    }
    for (size_t i = 1; i < rows.value().size(); ++i) {
      auto& row = rows.value()[i];
      const std::string origin = file + ":" + std::to_string(row.line);
      if (row.fields.size() != header.fields.size()) {
        problems.push_back(origin + ": " + std::to_string(row.fields.size()) +
                           " fields, the header has " + std::to_string(header.fields.size()));
        continue;
      }
      TableRow tr;
      tr.origin = origin;
      tr.values.reserve(row.fields.size());
      for (auto& f : row.fields) {
        if (f.empty()) {
          tr.values.emplace_back(std::monostate{});
        } else {
          tr.values.emplace_back(std::move(f));
        }
      }
      t.rows.push_back(std::move(tr));
    }
    out.tables.push_back(std::move(t));
  }
  if (!problems.empty()) return fail();
  return out;
}

Result<TableSet> ReadTabularPackage(const std::filesystem::path& dir) {
  return ParseTabularPackage([&](const std::string& name) -> std::optional<std::string> {
    std::ifstream in(dir / name, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  });
}

}  // namespace tilti::exchange
