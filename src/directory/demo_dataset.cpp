#include "directory/demo_dataset.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/ids.h"
#include "directory/csv.h"
#include "programme/ideas.h"

namespace tilti::directory {
namespace {

namespace json = boost::json;

// The parser reports the first problem it meets. Deep inside the helpers that is easiest as an
// exception; ParseDemo catches it and returns it as an Error, so it never leaves this file.
struct Failure {
  std::string detail;
};
[[noreturn]] void Fail(std::string detail) { throw Failure{std::move(detail)}; }

// How far apart two GeoNames/csc places of the same name may be and still be the same place.
constexpr double kSamePlaceKm = 10.0;

const std::set<std::string, std::less<>> kOrganizationKinds = {
    "library", "municipality", "municipal_body", "ngo", "state_agency", "foreign_partner"};
const std::set<std::string, std::less<>> kRoles = {"lead", "partner", "participant",
                                                   "administrator"};
const std::set<std::string, std::less<>> kPhoneTypes = {"text",  "voice", "fax",      "cell",
                                                        "video", "pager", "textphone"};
// The locales a town's name is kept in (the product's languages); the csc file has ~19 more,
// many of them machine translations of the name's meaning (see lv-towns.SOURCE.txt).
const std::vector<std::string> kTownLocales = {"lv", "ru", "uk", "en"};

bool IsSlug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && s[i + 1] == '-')) return false;
  }
  return true;
}

bool IsLocale(std::string_view s) {
  return (s.size() == 2 || s.size() == 3) &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool IsCountry(std::string_view s) {
  return s.size() == 2 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::optional<double> ToDouble(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<int64_t> ToInt(std::string_view s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// "124562.30" -> 12456230. Two decimals at most, no sign, no thousands separators.
std::optional<int64_t> EuroCents(std::string_view s) {
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  if (whole.empty() || frac.size() > 2 || (dot != std::string_view::npos && frac.empty())) {
    return std::nullopt;
  }
  auto w = ToInt(whole);
  if (!w || *w < 0 || whole.front() == '+') return std::nullopt;
  int64_t cents = 0;
  if (!frac.empty()) {
    auto f = ToInt(frac);
    if (!f || frac.front() == '+' || frac.front() == '-') return std::nullopt;
    cents = frac.size() == 1 ? *f * 10 : *f;
  }
  return *w * 100 + cents;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kPi = 3.14159265358979323846;
  constexpr double kEarthKm = 6371.0;
  auto rad = [&](double d) { return d * kPi / 180.0; };
  double dlat = rad(lat2 - lat1);
  double dlon = rad(lon2 - lon1);
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(rad(lat1)) * std::cos(rad(lat2)) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

std::string_view FileText(const std::vector<embedded::File>& files, std::string_view path) {
  for (const auto& f : files) {
    if (f.path == path) return f.bytes;
  }
  Fail(std::string(path) + ": missing from the demo files");
}

json::value ParseJson(std::string_view file, std::string_view text) {
  json::stream_parser parser;
  json::error_code ec;
  size_t used = parser.write(text.data(), text.size(), ec);
  if (!ec) {
    parser.finish(ec);
    used = text.size();
  }
  if (ec) {
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < used && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    Fail(std::string(file) + ":" + std::to_string(line) + ":" +
         std::to_string(used - line_start + 1) + ": invalid JSON: " + ec.message());
  }
  return parser.release();
}

// A JSON value together with the file and the path it came from, so that every complaint says
// where: "demo.json: organizations[3].kind: ...".
class Node {
 public:
  Node(const json::value& v, std::string file, std::string path)
      : v_(&v), file_(std::move(file)), path_(std::move(path)) {}

  [[noreturn]] void Fail(std::string_view what) const {
    directory::Fail(file_ + ": " + (path_.empty() ? "(top level)" : path_) + ": " +
                    std::string(what));
  }
  bool IsString() const { return v_->is_string(); }

  const json::object& Object() const {
    if (!v_->is_object()) Fail("expected an object");
    return v_->get_object();
  }
  // Every key must be one of `allowed`: a misspelt key is an error, not silently ignored.
  void AllowOnly(std::initializer_list<std::string_view> allowed) const {
    for (const auto& kv : Object()) {
      if (std::find(allowed.begin(), allowed.end(), kv.key()) == allowed.end()) {
        Child(std::string(kv.key()), kv.value()).Fail("unknown key");
      }
    }
  }
  Node Field(std::string_view key) const {
    const json::value* v = Object().if_contains(key);
    if (!v) Fail("missing \"" + std::string(key) + "\"");
    return Child(std::string(key), *v);
  }
  std::optional<Node> OptField(std::string_view key) const {
    const json::value* v = Object().if_contains(key);
    if (!v || v->is_null()) return std::nullopt;
    return Child(std::string(key), *v);
  }
  std::vector<Node> Items() const {
    if (!v_->is_array()) Fail("expected an array");
    std::vector<Node> out;
    const auto& a = v_->get_array();
    for (size_t i = 0; i < a.size(); ++i) {
      out.emplace_back(a[i], file_, path_ + "[" + std::to_string(i) + "]");
    }
    return out;
  }
  std::vector<std::pair<std::string, Node>> Members() const {
    std::vector<std::pair<std::string, Node>> out;
    for (const auto& kv : Object())
      out.emplace_back(std::string(kv.key()), Child(kv.key(), kv.value()));
    return out;
  }
  std::string String() const {
    if (!v_->is_string()) Fail("expected a string");
    std::string s(v_->get_string());
    if (s.empty()) Fail("must not be empty");
    return s;
  }
  int64_t Int() const {
    if (v_->is_int64()) return v_->get_int64();
    if (v_->is_uint64() && v_->get_uint64() <= INT64_MAX) {
      return static_cast<int64_t>(v_->get_uint64());
    }
    Fail("expected an integer");
  }
  std::vector<std::string> Strings() const {
    std::vector<std::string> out;
    for (const auto& item : Items()) out.push_back(item.String());
    return out;
  }

  std::optional<std::string> OptString(std::string_view key) const {
    auto f = OptField(key);
    if (!f) return std::nullopt;
    return f->String();
  }
  std::string StringField(std::string_view key) const { return Field(key).String(); }

 private:
  Node Child(std::string_view key, const json::value& v) const {
    return Node(v, file_, path_.empty() ? std::string(key) : path_ + "." + std::string(key));
  }
  const json::value* v_;
  std::string file_;
  std::string path_;
};

// locale -> text, e.g. {"lv": "...", "ru": "..."}; must hold `source_locale`.
using Texts = std::map<std::string, std::string>;

Texts ReadTexts(const Node& n, std::string_view source_locale) {
  Texts out;
  for (const auto& [locale, value] : n.Members()) {
    if (!IsLocale(locale)) value.Fail("not a locale code");
    out[locale] = value.String();
  }
  if (!out.contains(std::string(source_locale))) {
    n.Fail("has no text in the source locale \"" + std::string(source_locale) + "\"");
  }
  return out;
}

void AddTranslations(DemoDataset& d, std::string_view entity, const std::string& id,
                     std::string_view field, const Texts& texts, const std::string& source_locale) {
  d.translations.push_back({std::string(entity), id, std::string(field), source_locale,
                            texts.at(source_locale), "original"});
  for (const auto& [locale, value] : texts) {
    if (locale == source_locale) continue;
    d.translations.push_back({std::string(entity), id, std::string(field), locale, value, "human"});
  }
}

struct TownNameFix {
  std::string locale;
  std::string name;
};

struct Corrections {
  std::map<std::string, std::string> municipality_names;  // id -> Latvian name
  std::map<int64_t, std::string> town_municipalities;     // town id -> municipality id
  std::map<int64_t, std::vector<TownNameFix>> town_names;
};

Corrections ReadCorrections(const Node& n) {
  n.AllowOnly({"municipality_names", "town_municipalities", "town_names"});
  Corrections c;
  if (auto list = n.OptField("municipality_names")) {
    for (const auto& item : list->Items()) {
      item.AllowOnly({"municipality", "name", "why"});
      item.StringField("why");
      c.municipality_names[item.StringField("municipality")] = item.StringField("name");
    }
  }
  if (auto list = n.OptField("town_municipalities")) {
    for (const auto& item : list->Items()) {
      item.AllowOnly({"town", "municipality", "why"});
      item.StringField("why");
      c.town_municipalities[item.Field("town").Int()] = item.StringField("municipality");
    }
  }
  if (auto list = n.OptField("town_names")) {
    for (const auto& item : list->Items()) {
      item.AllowOnly({"town", "locale", "name", "why"});
      item.StringField("why");
      std::string locale = item.StringField("locale");
      if (std::find(kTownLocales.begin(), kTownLocales.end(), locale) == kTownLocales.end()) {
        item.Field("locale").Fail("town names are kept only in lv, ru, uk and en");
      }
      c.town_names[item.Field("town").Int()].push_back({locale, item.StringField("name")});
    }
  }
  return c;
}

// Column positions by header name, so the reader does not depend on the column order.
class Columns {
 public:
  Columns(std::string file, const CsvRow& header) : file_(std::move(file)) {
    for (size_t i = 0; i < header.fields.size(); ++i) index_[header.fields[i]] = i;
  }
  size_t Require(const std::string& name) const {
    auto it = index_.find(name);
    if (it == index_.end()) Fail(file_ + ":1: no column \"" + name + "\"");
    return it->second;
  }

 private:
  std::string file_;
  std::map<std::string, size_t> index_;
};

std::vector<CsvRow> ReadTable(const std::string& file, std::string_view text, CsvOptions options,
                              size_t min_rows) {
  auto parsed = ParseCsv(text, options);
  if (!parsed.ok()) {
    // "line 7: what" -> "file:7: what", the form every other message here has.
    std::string detail = parsed.error().detail;
    if (detail.starts_with("line ")) detail = detail.substr(5);
    Fail(file + ":" + detail);
  }
  std::vector<CsvRow> rows = std::move(parsed.value());
  if (rows.size() < min_rows) Fail(file + ": no data rows");
  const size_t width = rows.front().fields.size();
  for (const auto& row : rows) {
    if (row.fields.size() != width) {
      Fail(file + ":" + std::to_string(row.line) + ": " + std::to_string(row.fields.size()) +
           " fields, the header has " + std::to_string(width));
    }
  }
  return rows;
}

class Parser {
 public:
  Parser(const std::vector<embedded::File>& files) : files_(files) {}

  DemoDataset Run() {
    const std::string demo_file = "demo.json";
    json::value root_value = ParseJson(demo_file, FileText(files_, demo_file));
    Node root(root_value, demo_file, "");
    root.AllowOnly({"format", "about", "seeds", "sources", "corrections", "service_templates",
                    "organizations", "initiatives"});
    if (root.StringField("format") != "tilti-demo 1") {
      root.Field("format").Fail("unsupported format (expected \"tilti-demo 1\")");
    }
    Node sources = root.Field("sources");
    sources.AllowOnly({"municipalities", "towns", "geonames"});
    Corrections corrections;
    if (auto c = root.OptField("corrections")) corrections = ReadCorrections(*c);

    ReadMunicipalities(sources.StringField("municipalities"), corrections);
    ReadTowns(sources.StringField("towns"), corrections);
    ReadGeoNames(sources.StringField("geonames"));
    AddMunicipalityTranslations();

    if (auto t = root.OptField("service_templates")) ReadServiceTemplates(*t);
    ReadOrganizations(root.Field("organizations"));
    ReadInitiatives(root.Field("initiatives"));
    return std::move(d_);
  }

 private:
  // ---- gazetteer ----

  void ReadMunicipalities(const std::string& file, const Corrections& corrections) {
    auto rows = ReadTable(file, FileText(files_, file), {}, 2);
    Columns col(file, rows.front());
    const size_t c_country = col.Require("country_code"), c_id = col.Require("iso3166_2"),
                 c_name = col.Require("name"), c_type = col.Require("type"),
                 c_lat = col.Require("latitude"), c_lon = col.Require("longitude"),
                 c_pop = col.Require("population"), c_wd = col.Require("wikiDataId");
    auto fail = [&](const CsvRow& r, const std::string& what) {
      Fail(file + ":" + std::to_string(r.line) + ": " + what);
    };
    for (size_t i = 1; i < rows.size(); ++i) {
      const CsvRow& r = rows[i];
      const auto& f = r.fields;
      if (f[c_country] != "LV") fail(r, "not a Latvian row (country_code " + f[c_country] + ")");
      DemoMunicipality m;
      m.id = f[c_id];
      if (!m.id.starts_with("LV-") || m.id.size() != 6) fail(r, "bad iso3166_2 \"" + m.id + "\"");
      if (municipality_index_.contains(m.id)) fail(r, "municipality " + m.id + " is repeated");
      m.name = f[c_name];
      raw_municipality_names_[m.id] = m.name;
      if (auto it = corrections.municipality_names.find(m.id);
          it != corrections.municipality_names.end()) {
        m.name = it->second;
      }
      if (f[c_type] == "municipality") {
        m.kind = "novads";
      } else if (f[c_type] == "state city") {
        m.kind = "valstspilseta";
      } else {
        fail(r, "unknown type \"" + f[c_type] + "\"");
      }
      auto lat = ToDouble(f[c_lat]), lon = ToDouble(f[c_lon]);
      if (!lat || !lon) fail(r, "bad latitude or longitude");
      m.latitude = *lat;
      m.longitude = *lon;
      if (!f[c_pop].empty()) {
        m.population = ToInt(f[c_pop]);
        if (!m.population) fail(r, "bad population \"" + f[c_pop] + "\"");
      }
      if (!f[c_wd].empty()) m.wikidata_id = f[c_wd];
      municipality_index_[m.id] = d_.municipalities.size();
      d_.municipalities.push_back(std::move(m));
    }
    for (const auto& [id, name] : corrections.municipality_names) {
      if (!municipality_index_.contains(id)) {
        Fail("demo.json: corrections.municipality_names: unknown municipality " + id);
      }
    }
  }

  void ReadTowns(const std::string& file, const Corrections& corrections) {
    json::value root_value = ParseJson(file, FileText(files_, file));
    Node root(root_value, file, "");
    std::set<int64_t> seen;
    for (const auto& item : root.Items()) {
      DemoPlace p;
      p.id = item.Field("id").Int();
      if (!seen.insert(p.id).second) item.Field("id").Fail("town id is repeated");
      p.source = "csc";
      p.is_town = true;
      const std::string csc_name = item.StringField("name");
      p.name = csc_name;
      std::string municipality = "LV-" + item.StringField("state_code");
      if (auto it = corrections.town_municipalities.find(p.id);
          it != corrections.town_municipalities.end()) {
        municipality = it->second;
      }
      if (!municipality_index_.contains(municipality)) {
        item.Field("state_code").Fail("no municipality " + municipality);
      }
      p.municipality_id = municipality;
      auto lat = ToDouble(item.StringField("latitude"));
      auto lon = ToDouble(item.StringField("longitude"));
      if (!lat) item.Field("latitude").Fail("not a number");
      if (!lon) item.Field("longitude").Fail("not a number");
      p.latitude = *lat;
      p.longitude = *lon;
      if (auto pop = item.OptField("population"); pop && pop->Int() > 0) p.population = pop->Int();

      std::map<std::string, std::string> names = {{"lv", csc_name}, {"en", csc_name}};
      if (auto tr = item.OptField("translations")) {
        for (const auto& [locale, value] : tr->Members()) {
          if (locale == "ru" || locale == "uk") names[locale] = value.String();
        }
      }
      if (auto it = corrections.town_names.find(p.id); it != corrections.town_names.end()) {
        for (const auto& fix : it->second) names[fix.locale] = fix.name;
      }
      p.name = names["lv"];
      for (const auto& locale : kTownLocales) {
        if (names.contains(locale)) p.names.push_back({locale, names[locale]});
      }
      towns_by_name_.emplace(csc_name, d_.places.size());
      if (p.name != csc_name) towns_by_name_.emplace(p.name, d_.places.size());
      town_index_[p.id] = d_.places.size();
      d_.places.push_back(std::move(p));
    }
    for (const auto& [id, m] : corrections.town_municipalities) {
      if (!seen.contains(id))
        Fail("demo.json: corrections.town_municipalities: unknown town " + std::to_string(id));
    }
    for (const auto& [id, fixes] : corrections.town_names) {
      if (!seen.contains(id))
        Fail("demo.json: corrections.town_names: unknown town " + std::to_string(id));
    }
  }

  // GeoNames admin1 codes predate the 2021 reform, so they do not name today's municipality.
  // A place gets one only when it is (by name and within kSamePlaceKm) one of the csc towns.
  void ReadGeoNames(const std::string& file) {
    auto rows = ReadTable(file, FileText(files_, file), {.delimiter = '\t', .quoting = false}, 2);
    Columns col(file, rows.front());
    const size_t c_id = col.Require("geonameid"), c_name = col.Require("name"),
                 c_alt = col.Require("alternatenames"), c_lat = col.Require("latitude"),
                 c_lon = col.Require("longitude"), c_pop = col.Require("population");
    col.Require("feature_code");
    for (size_t i = 1; i < rows.size(); ++i) {
      const CsvRow& r = rows[i];
      const auto& f = r.fields;
      auto fail = [&](const std::string& what) {
        Fail(file + ":" + std::to_string(r.line) + ": " + what);
      };
      DemoPlace p;
      auto id = ToInt(f[c_id]);
      if (!id || *id <= 0) fail("bad geonameid \"" + f[c_id] + "\"");
      p.id = *id;
      if (town_index_.contains(p.id) || !geonames_ids_.insert(p.id).second) {
        fail("place id " + f[c_id] + " is repeated");
      }
      p.source = "geonames";
      p.name = f[c_name];
      if (p.name.empty()) fail("empty name");
      auto lat = ToDouble(f[c_lat]), lon = ToDouble(f[c_lon]);
      if (!lat || !lon) fail("bad latitude or longitude");
      p.latitude = *lat;
      p.longitude = *lon;
      if (!f[c_pop].empty()) {
        auto pop = ToInt(f[c_pop]);
        if (!pop || *pop < 0) fail("bad population \"" + f[c_pop] + "\"");
        if (*pop > 0) p.population = pop;  // GeoNames writes 0 for "unknown"
      }
      double best = kSamePlaceKm;
      auto [lo, hi] = towns_by_name_.equal_range(p.name);
      for (auto it = lo; it != hi; ++it) {
        const DemoPlace& town = d_.places[it->second];
        double km = DistanceKm(p.latitude, p.longitude, town.latitude, town.longitude);
        if (km <= best) {
          best = km;
          p.municipality_id = town.municipality_id;
        }
      }
      std::set<std::string> alternates;
      size_t start = 0;
      const std::string& alt = f[c_alt];
      while (start <= alt.size() && !alt.empty()) {
        size_t comma = alt.find(',', start);
        std::string name =
            alt.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!name.empty() && name != p.name) alternates.insert(name);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      for (const auto& name : alternates) p.names.push_back({"und", name});
      d_.places.push_back(std::move(p));
    }
  }

  // A municipality's name in ru/uk/en is that of the csc town with the same name, if any.
  void AddMunicipalityTranslations() {
    for (const auto& m : d_.municipalities) {
      Texts texts = {{"lv", m.name}};
      auto it = towns_by_name_.find(raw_municipality_names_[m.id]);
      if (it != towns_by_name_.end()) {
        for (const auto& n : d_.places[it->second].names) {
          if (n.locale != "lv") texts[n.locale] = n.name;
        }
      }
      AddTranslations(d_, "municipality", m.id, "name", texts, "lv");
    }
  }

  // ---- organizations, locations, services ----

  struct ServiceSpec {
    std::string key;
    std::vector<std::string> types;
    std::vector<std::string> target_groups;
    std::string provenance;
    Texts name;
    Texts description;
  };

  ServiceSpec ReadServiceSpec(const Node& n, std::string_view source_locale) {
    ServiceSpec s;
    s.key = n.StringField("key");
    if (!IsSlug(s.key)) n.Field("key").Fail("a key is lower-case ASCII words joined by '-'");
    s.types = n.Field("types").Strings();
    s.target_groups = n.Field("target_groups").Strings();
    s.provenance = n.StringField("source");
    s.name = ReadTexts(n.Field("name"), source_locale);
    s.description = ReadTexts(n.Field("description"), source_locale);
    for (const auto& code : s.types) {
      if (!IsSlug(code)) n.Field("types").Fail("bad term code \"" + code + "\"");
    }
    for (const auto& code : s.target_groups) {
      if (!IsSlug(code)) n.Field("target_groups").Fail("bad term code \"" + code + "\"");
    }
    return s;
  }

  void ReadServiceTemplates(const Node& list) {
    for (const auto& item : list.Items()) {
      item.AllowOnly({"key", "types", "target_groups", "source", "name", "description"});
      ServiceSpec s = ReadServiceSpec(item, "lv");
      if (templates_.contains(s.key)) item.Field("key").Fail("template key is repeated");
      templates_[s.key] = std::move(s);
    }
  }

  std::string OrganizationId(const Node& at, const std::string& slug) const {
    auto it = organization_index_.find(slug);
    if (it == organization_index_.end()) at.Fail("no organization \"" + slug + "\"");
    return d_.organizations[it->second].id;
  }

  void ReadOrganizations(const Node& list) {
    auto items = list.Items();
    // Slugs first, so that "parent" may name an organization listed further down.
    for (const auto& item : items) {
      std::string slug = item.StringField("slug");
      if (!IsSlug(slug)) item.Field("slug").Fail("a slug is lower-case ASCII words joined by '-'");
      if (organization_index_.contains(slug)) item.Field("slug").Fail("slug is repeated");
      organization_index_[slug] = d_.organizations.size();
      DemoOrganization o;
      o.slug = slug;
      o.id = DeterministicUuid("organization:" + slug);
      d_.organizations.push_back(std::move(o));
    }
    for (size_t i = 0; i < items.size(); ++i) ReadOrganization(items[i], d_.organizations[i]);
  }

  void ReadOrganization(const Node& n, DemoOrganization& o) {
    n.AllowOnly({"slug", "kind", "country", "municipality", "source_locale", "alternate_name",
                 "website", "legal_status", "parent", "source", "name", "description", "location",
                 "services"});
    o.kind = n.StringField("kind");
    if (!kOrganizationKinds.contains(o.kind)) n.Field("kind").Fail("unknown kind");
    o.country = n.StringField("country");
    if (!IsCountry(o.country)) n.Field("country").Fail("expected an ISO 3166-1 alpha-2 code");
    o.municipality_id = n.OptString("municipality");
    if (o.municipality_id && !municipality_index_.contains(*o.municipality_id)) {
      n.Field("municipality").Fail("no municipality " + *o.municipality_id);
    }
    o.source_locale = n.StringField("source_locale");
    if (!IsLocale(o.source_locale)) n.Field("source_locale").Fail("not a locale code");
    o.alternate_name = n.OptString("alternate_name");
    o.website = n.OptString("website");
    if (o.website && !o.website->starts_with("http://") && !o.website->starts_with("https://")) {
      n.Field("website").Fail("expected an http(s) URL");
    }
    o.legal_status = n.OptString("legal_status");
    if (auto parent = n.OptString("parent")) {
      o.parent_organization_id = OrganizationId(n.Field("parent"), *parent);
      if (*o.parent_organization_id == o.id) n.Field("parent").Fail("is the organization itself");
    }
    o.provenance = n.StringField("source");
    Texts name = ReadTexts(n.Field("name"), o.source_locale);
    o.name = name.at(o.source_locale);
    AddTranslations(d_, "organization", o.id, "name", name, o.source_locale);
    if (auto desc = n.OptField("description")) {
      Texts texts = ReadTexts(*desc, o.source_locale);
      o.description = texts.at(o.source_locale);
      AddTranslations(d_, "organization", o.id, "description", texts, o.source_locale);
    }

    std::optional<std::string> location_id;
    if (auto loc = n.OptField("location")) {
      location_id = ReadLocation(*loc, o, name);
    }
    if (auto services = n.OptField("services")) {
      if (!location_id) n.Field("services").Fail("an organization with services needs a location");
      for (const auto& item : services->Items()) ReadService(item, o, *location_id);
    }
  }

  std::string ReadLocation(const Node& n, const DemoOrganization& o, const Texts& name) {
    n.AllowOnly({"town", "source", "phones"});
    int64_t town_id = n.Field("town").Int();
    auto it = town_index_.find(town_id);
    if (it == town_index_.end()) n.Field("town").Fail("no town " + std::to_string(town_id));
    const DemoPlace& town = d_.places[it->second];
    if (o.municipality_id && town.municipality_id != o.municipality_id) {
      n.Field("town").Fail("the town lies in " + town.municipality_id.value_or("?") +
                           ", the organization in " + *o.municipality_id);
    }
    DemoLocation l;
    l.slug = o.slug;
    l.id = DeterministicUuid("location:" + l.slug);
    l.organization_id = o.id;
    l.name = o.name;
    l.latitude = town.latitude;
    l.longitude = town.longitude;
    l.municipality_id = town.municipality_id;
    l.place_id = town.id;
    l.coordinates_approximate = true;
    l.source_locale = o.source_locale;
    l.provenance = n.StringField("source");
    AddTranslations(d_, "location", l.id, "name", name, o.source_locale);
    if (auto phones = n.OptField("phones")) {
      for (const auto& p : phones->Items()) {
        DemoPhone phone = ReadPhone(p, "location:" + l.slug);
        phone.location_id = l.id;
        d_.phones.push_back(std::move(phone));
      }
    }
    d_.locations.push_back(std::move(l));
    return d_.locations.back().id;
  }

  DemoPhone ReadPhone(const Node& n, const std::string& owner) {
    n.AllowOnly({"number", "type", "source"});
    DemoPhone p;
    p.number = n.StringField("number");
    std::string digits;
    for (char c : p.number.substr(1)) {
      if (c >= '0' && c <= '9') {
        digits += c;
      } else if (c != ' ') {
        n.Field("number").Fail("expected '+', the country code and digits");
      }
    }
    if (p.number.front() != '+' || digits.size() < 8) {
      n.Field("number").Fail("expected '+', the country code and digits");
    }
    p.type = n.StringField("type");
    if (!kPhoneTypes.contains(p.type)) n.Field("type").Fail("unknown phone type");
    p.provenance = n.StringField("source");
    p.id = DeterministicUuid("phone:" + owner + "/" + digits);
    return p;
  }

  void ReadService(const Node& n, const DemoOrganization& o, const std::string& location_id) {
    // A service entry is either a template key (a string) or a full object.
    ServiceSpec spec;
    std::optional<Node> phones;
    if (n.IsString()) {
      auto it = templates_.find(n.String());
      if (it == templates_.end()) n.Fail("no service template \"" + n.String() + "\"");
      spec = it->second;
    } else {
      n.AllowOnly({"key", "types", "target_groups", "source", "name", "description", "phones"});
      spec = ReadServiceSpec(n, o.source_locale);
      phones = n.OptField("phones");
    }
    if (!spec.name.contains(o.source_locale) || !spec.description.contains(o.source_locale)) {
      n.Fail("the service has no text in the organization's locale " + o.source_locale);
    }
    DemoService s;
    s.key = o.slug + "/" + spec.key;
    if (!service_keys_.insert(s.key).second) n.Fail("service " + s.key + " is repeated");
    s.id = DeterministicUuid("service:" + s.key);
    s.organization_id = o.id;
    s.name = spec.name.at(o.source_locale);
    s.description = spec.description.at(o.source_locale);
    s.source_locale = o.source_locale;
    s.provenance = spec.provenance;
    AddTranslations(d_, "service", s.id, "name", spec.name, o.source_locale);
    AddTranslations(d_, "service", s.id, "description", spec.description, o.source_locale);
    d_.service_at_locations.push_back(
        {DeterministicUuid("service_at_location:" + s.key), s.id, location_id});
    for (const auto& code : spec.types) AddAttribute("service", s, "service-type", code);
    for (const auto& code : spec.target_groups) AddAttribute("service", s, "target-group", code);
    if (phones) {
      for (const auto& p : phones->Items()) {
        DemoPhone phone = ReadPhone(p, "service:" + s.key);
        phone.service_id = s.id;
        d_.phones.push_back(std::move(phone));
      }
    }
    d_.services.push_back(std::move(s));
  }

  void AddAttribute(std::string_view entity, const DemoService& s, std::string_view taxonomy,
                    const std::string& term) {
    DemoAttribute a;
    a.link_entity = std::string(entity);
    a.link_id = s.id;
    a.taxonomy = std::string(taxonomy);
    a.term = term;
    a.id = DeterministicUuid("attribute:" + a.link_entity + ":" + s.key + ":" + a.taxonomy + "/" +
                             term);
    d_.attributes.push_back(std::move(a));
  }

  // ---- initiatives ----

  void ReadInitiatives(const Node& list) {
    std::set<std::string> slugs;
    for (const auto& n : list.Items()) {
      n.AllowOnly({"slug", "short_name", "source_locale", "programme", "call_code", "starts_on",
                   "ends_on", "lead", "source", "name", "description", "members", "partnerships",
                   "budget_total_eur", "funding", "hackathons", "ideas", "target_groups",
                   "results", "news"});
      DemoInitiative in;
      in.slug = n.StringField("slug");
      if (!IsSlug(in.slug)) n.Field("slug").Fail("a slug is lower-case ASCII words joined by '-'");
      if (!slugs.insert(in.slug).second) n.Field("slug").Fail("slug is repeated");
      in.id = DeterministicUuid("initiative:" + in.slug);
      in.short_name = n.OptString("short_name");
      in.source_locale = n.StringField("source_locale");
      if (!IsLocale(in.source_locale)) n.Field("source_locale").Fail("not a locale code");
      in.programme = n.OptString("programme");
      in.call_code = n.OptString("call_code");
      in.starts_on = n.OptString("starts_on");
      in.ends_on = n.OptString("ends_on");
      if (in.starts_on && !IsDate(*in.starts_on)) n.Field("starts_on").Fail("expected YYYY-MM-DD");
      if (in.ends_on && !IsDate(*in.ends_on)) n.Field("ends_on").Fail("expected YYYY-MM-DD");
      if (in.starts_on && in.ends_on && *in.starts_on > *in.ends_on) {
        n.Field("ends_on").Fail("ends before it starts");
      }
      in.provenance = n.StringField("source");
      Texts name = ReadTexts(n.Field("name"), in.source_locale);
      Texts desc = ReadTexts(n.Field("description"), in.source_locale);
      in.name = name.at(in.source_locale);
      in.description = desc.at(in.source_locale);
      AddTranslations(d_, "initiative", in.id, "name", name, in.source_locale);
      AddTranslations(d_, "initiative", in.id, "description", desc, in.source_locale);
      if (auto budget = n.OptString("budget_total_eur")) {
        in.budget_total_cents = EuroCents(*budget);
        if (!in.budget_total_cents)
          n.Field("budget_total_eur").Fail("expected euros like \"12.30\"");
      }

      std::map<std::string, size_t> member_index;  // organization id -> index in d_
      for (const auto& m : n.Field("members").Items()) {
        m.AllowOnly({"organization", "role"});
        std::string org = OrganizationId(m.Field("organization"), m.StringField("organization"));
        std::string role = m.StringField("role");
        if (!kRoles.contains(role)) m.Field("role").Fail("unknown role");
        if (member_index.contains(org)) m.Fail("the organization is listed twice");
        member_index[org] = d_.initiative_members.size();
        d_.initiative_members.push_back({in.id, org, role});
      }
      if (auto lead = n.OptString("lead")) {
        in.lead_organization_id = OrganizationId(n.Field("lead"), *lead);
        if (!member_index.contains(*in.lead_organization_id)) {
          n.Field("lead").Fail("the lead is not among the members");
        }
      }

      std::set<int> positions;
      for (const auto& p : n.Field("partnerships").Items()) {
        p.AllowOnly({"position", "library", "municipality", "integration", "source"});
        p.StringField("source");
        DemoPartnership ps;
        ps.initiative_id = in.id;
        int64_t position = p.Field("position").Int();
        if (position < 1 || position > 10000 ||
            !positions.insert(static_cast<int>(position)).second) {
          p.Field("position").Fail("positions are distinct numbers from 1");
        }
        ps.position = static_cast<int>(position);
        std::string library = p.StringField("library");
        ps.library_organization_id = OrganizationId(p.Field("library"), library);
        if (d_.organizations[organization_index_.at(library)].kind != "library") {
          p.Field("library").Fail("is not a library");
        }
        ps.id = DeterministicUuid("partnership:" + in.slug + "/" + library);
        if (auto m = p.OptString("municipality")) {
          ps.municipality_organization_id = OrganizationId(p.Field("municipality"), *m);
        }
        if (auto i = p.OptString("integration")) {
          ps.integration_organization_id = OrganizationId(p.Field("integration"), *i);
        }
        // Everyone in a local partnership takes part in the initiative.
        for (const auto& org : {std::optional(ps.library_organization_id),
                                ps.municipality_organization_id, ps.integration_organization_id}) {
          if (org && !member_index.contains(*org)) {
            member_index[*org] = d_.initiative_members.size();
            d_.initiative_members.push_back({in.id, *org, "participant"});
          }
        }
        d_.partnerships.push_back(std::move(ps));
      }

      if (auto funding = n.OptField("funding")) {
        for (const auto& f : funding->Items()) {
          f.AllowOnly({"funder", "amount_eur", "source"});
          auto cents = EuroCents(f.StringField("amount_eur"));
          if (!cents) f.Field("amount_eur").Fail("expected euros like \"12.30\"");
          d_.funding.push_back({in.id, f.StringField("funder"), *cents, f.StringField("source")});
        }
      }
      ReadHackathons(n, in);
      ReadDetails(n, in);
      d_.initiatives.push_back(std::move(in));
    }
  }

  // Target groups, expected results and news of an initiative (migration 0017).
  void ReadDetails(const Node& n, const DemoInitiative& in) {
    if (auto tg = n.OptField("target_groups")) {
      tg->AllowOnly({"codes", "source"});
      tg->StringField("source");
      for (const auto& code : tg->Field("codes").Items()) d_.initiative_target_groups.push_back({in.id, code.String()});
    }
    if (auto list = n.OptField("results")) {
      int position = 0;
      for (const auto& r : list->Items()) {
        r.AllowOnly({"text", "source"});
        DemoInitiativeGoal g{"", in.id, "result", ++position, "", r.StringField("source")};
        g.id = DeterministicUuid("initiative-goal:" + in.slug + "/result/" + std::to_string(position));
        Texts text = ReadTexts(r.Field("text"), in.source_locale);
        g.text = text.at(in.source_locale);
        AddTranslations(d_, "initiative_goal", g.id, "text", text, in.source_locale);
        d_.initiative_goals.push_back(std::move(g));
      }
    }
    if (auto list = n.OptField("news")) {
      for (const auto& x : list->Items()) {
        x.AllowOnly({"published_on", "title", "body", "source"});
        DemoInitiativeNews item{"", in.id, x.StringField("published_on"), "", "", x.StringField("source")};
        if (!IsDate(item.published_on)) x.Field("published_on").Fail("expected YYYY-MM-DD");
        item.id = DeterministicUuid("initiative-news:" + in.slug + "/" + item.published_on);
        Texts title = ReadTexts(x.Field("title"), in.source_locale);
        Texts body = ReadTexts(x.Field("body"), in.source_locale);
        item.title = title.at(in.source_locale);
        item.body = body.at(in.source_locale);
        AddTranslations(d_, "initiative_news", item.id, "title", title, in.source_locale);
        AddTranslations(d_, "initiative_news", item.id, "body", body, in.source_locale);
        d_.initiative_news.push_back(std::move(item));
      }
    }
  }

  void ReadHackathons(const Node& n, const DemoInitiative& in) {
    if (auto list = n.OptField("hackathons")) {
      for (const auto& h : list->Items()) {
        h.AllowOnly({"held_on", "host", "libraries", "participants", "source"});
        DemoHackathon x;
        x.initiative_id = in.id;
        x.held_on = h.StringField("held_on");
        if (!IsDate(x.held_on)) h.Field("held_on").Fail("expected YYYY-MM-DD");
        const std::string host = h.StringField("host");
        x.host_organization_id = OrganizationId(h.Field("host"), host);
        x.library_organization_ids.push_back(x.host_organization_id);
        for (const auto& l : h.Field("libraries").Items()) {
          std::string id = OrganizationId(l, l.String());
          if (std::find(x.library_organization_ids.begin(), x.library_organization_ids.end(), id) !=
              x.library_organization_ids.end()) {
            l.Fail("the library is listed twice");
          }
          x.library_organization_ids.push_back(std::move(id));
        }
        x.participants = h.Field("participants").Int();
        if (x.participants < 0 || x.participants > 100000) h.Field("participants").Fail("not a head count");
        x.provenance = h.StringField("source");
        x.id = DeterministicUuid("hackathon:" + in.slug + "/" + x.held_on + "/" + host);
        d_.hackathons.push_back(std::move(x));
      }
    }
    if (auto list = n.OptField("ideas")) {
      int position = 0;
      for (const auto& i : list->Items()) {
        i.AllowOnly({"category", "title", "source"});
        DemoIdea x;
        x.initiative_id = in.id;
        x.category = i.StringField("category");
        if (!programme::IsIdeaCategory(x.category)) i.Field("category").Fail("unknown category");
        x.position = ++position;
        x.provenance = i.StringField("source");
        x.id = DeterministicUuid("idea:" + in.slug + "/" + std::to_string(x.position));
        Texts title = ReadTexts(i.Field("title"), in.source_locale);
        x.title = title.at(in.source_locale);
        AddTranslations(d_, "idea", x.id, "title", title, in.source_locale);
        d_.ideas.push_back(std::move(x));
      }
    }
  }

  const std::vector<embedded::File>& files_;
  DemoDataset d_;
  std::map<std::string, size_t> municipality_index_;
  std::map<std::string, std::string> raw_municipality_names_;  // as in the source, by id
  std::map<int64_t, size_t> town_index_;                       // csc id -> index in places
  std::multimap<std::string, size_t> towns_by_name_;           // csc and Latvian name -> index
  std::set<int64_t> geonames_ids_;
  std::map<std::string, ServiceSpec> templates_;
  std::map<std::string, size_t> organization_index_;  // slug -> index in organizations
  std::set<std::string> service_keys_;
};

}  // namespace

const DemoOrganization* DemoDataset::FindOrganization(std::string_view slug) const {
  for (const auto& o : organizations) {
    if (o.slug == slug) return &o;
  }
  return nullptr;
}

const DemoLocation* DemoDataset::FindLocationOf(std::string_view organization_id) const {
  for (const auto& l : locations) {
    if (l.organization_id == organization_id) return &l;
  }
  return nullptr;
}

const DemoTranslation* DemoDataset::FindTranslation(std::string_view entity,
                                                    std::string_view entity_id,
                                                    std::string_view field,
                                                    std::string_view locale) const {
  for (const auto& t : translations) {
    if (t.entity == entity && t.entity_id == entity_id && t.field == field && t.locale == locale) {
      return &t;
    }
  }
  return nullptr;
}

Result<DemoDataset> ParseDemo(const std::vector<embedded::File>& files) {
  try {
    return Parser(files).Run();
  } catch (const Failure& f) {
    return Error{ErrorCode::kInvalidInput, f.detail, {}};
  }
}

}  // namespace tilti::directory
