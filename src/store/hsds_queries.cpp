#include "store/hsds_queries.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "directory/folding.h"
#include "store/localized_sql.h"

namespace tilti::store::hsds {
namespace {

std::optional<int64_t> OptInt(const Statement& st, int col) {
  if (st.IsNull(col)) return std::nullopt;
  return st.Int(col);
}

// True when every word of the folded query occurs in the folded haystack.
bool Matches(const std::vector<std::string>& words, std::string_view haystack) {
  if (words.empty()) return true;
  std::string folded = " " + directory::Fold(haystack) + " ";
  for (const auto& w : words) {
    if (folded.find(w) == std::string::npos) return false;
  }
  return true;
}

template <typename T>
Page<T> Slice(std::vector<T> all, PageRequest page) {
  Page<T> out;
  out.total_items = static_cast<int64_t>(all.size());
  const int64_t begin = static_cast<int64_t>(page.page - 1) * page.per_page;
  if (begin >= out.total_items) return out;
  const int64_t end = std::min<int64_t>(out.total_items, begin + page.per_page);
  for (int64_t i = begin; i < end; ++i) out.items.push_back(std::move(all[i]));
  return out;
}

// --- Children of any record, by the column that links them. ---

// `column` is one of the fixed link columns below, never input.
std::vector<PhoneRecord> PhonesBy(Connection& c, std::string_view column, std::string_view id) {
  Statement& st = c.Cached("SELECT id, number, extension, type, description FROM phone WHERE " +
                           std::string(column) + " = ?1 ORDER BY number, id");
  st.Bind(1, id);
  std::vector<PhoneRecord> out;
  while (st.Step()) {
    out.push_back({st.Text(0), st.Text(1), OptInt(st, 2), st.OptText(3), st.OptText(4)});
  }
  return out;
}

std::vector<ScheduleRecord> SchedulesBy(Connection& c, std::string_view column,
                                        std::string_view id) {
  Statement& st = c.Cached(
      "SELECT id, service_id, location_id, service_at_location_id, valid_from, valid_to, dtstart, "
      "until, wkst, freq, byday, bymonthday, interval, count, opens_at, closes_at, description, "
      "notes FROM schedule WHERE " +
      std::string(column) + " = ?1 ORDER BY id");
  st.Bind(1, id);
  std::vector<ScheduleRecord> out;
  while (st.Step()) {
    ScheduleRecord s;
    s.id = st.Text(0);
    s.service_id = st.OptText(1);
    s.location_id = st.OptText(2);
    s.service_at_location_id = st.OptText(3);
    s.valid_from = st.OptText(4);
    s.valid_to = st.OptText(5);
    s.dtstart = st.OptText(6);
    s.until = st.OptText(7);
    s.wkst = st.OptText(8);
    s.freq = st.OptText(9);
    s.byday = st.OptText(10);
    s.bymonthday = st.OptText(11);
    s.interval = OptInt(st, 12);
    s.count = OptInt(st, 13);
    s.opens_at = st.OptText(14);
    s.closes_at = st.OptText(15);
    s.description = st.OptText(16);
    s.notes = st.OptText(17);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<LanguageRecord> LanguagesBy(Connection& c, std::string_view column,
                                        std::string_view id) {
  Statement& st =
      c.Cached("SELECT id, service_id, location_id, name, note, code FROM language WHERE " +
               std::string(column) + " = ?1 ORDER BY code, id");
  st.Bind(1, id);
  std::vector<LanguageRecord> out;
  while (st.Step()) {
    out.push_back(
        {st.Text(0), st.OptText(1), st.OptText(2), st.OptText(3), st.OptText(4), st.Text(5)});
  }
  return out;
}

std::vector<ContactRecord> ContactsBy(Connection& c, std::string_view column, std::string_view id) {
  Statement& st = c.Cached("SELECT id, name, title, department, email FROM contact WHERE " +
                           std::string(column) + " = ?1 ORDER BY id");
  st.Bind(1, id);
  std::vector<ContactRecord> out;
  while (st.Step()) {
    out.push_back({st.Text(0), st.OptText(1), st.OptText(2), st.OptText(3), st.OptText(4)});
  }
  return out;
}

const std::string& TaxonomyColumns() {
  static const std::string sql =
      "tx.id, " + BestText("taxonomy", "tx.id", "name", "tx.name", "'en'") + ", " +
      BestText("taxonomy", "tx.id", "description", "tx.description", "'en'") +
      ", tx.uri, tx.version";
  return sql;
}

TaxonomyRecord ReadTaxonomy(const Statement& st, int col) {
  return {st.Text(col), SplitLocalized(st.TextView(col + 1)), SplitLocalized(st.TextView(col + 2)),
          st.OptText(col + 3), st.OptText(col + 4)};
}

// Term columns 0..7, then its taxonomy's 8..12 (NULLs when it has none).
const std::string& TermSelect() {
  static const std::string sql =
      "SELECT tt.id, tt.code, " + BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
      ", " + BestText("taxonomy_term", "tt.id", "description", "tt.description", "'en'") +
      ", tt.parent_id, coalesce(tt.taxonomy, tx.code), tt.taxonomy_id, tt.term_uri, " +
      TaxonomyColumns() + " FROM taxonomy_term tt LEFT JOIN taxonomy tx ON tx.id = tt.taxonomy_id ";
  return sql;
}

TaxonomyTermRecord ReadTerm(const Statement& st) {
  TaxonomyTermRecord t;
  t.id = st.Text(0);
  t.code = st.Text(1);
  t.name = SplitLocalized(st.TextView(2));
  t.description = SplitLocalized(st.TextView(3));
  t.parent_id = st.OptText(4);
  t.taxonomy = st.OptText(5);
  t.taxonomy_id = st.OptText(6);
  t.term_uri = st.OptText(7);
  if (!st.IsNull(8)) t.taxonomy_detail = ReadTaxonomy(st, 8);
  return t;
}

std::vector<AttributeRecord> AttributesOf(Connection& c, const LocaleChain& chain,
                                          std::string_view entity, std::string_view id) {
  static const std::string sql =
      "SELECT tt.id, tt.code, " + BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
      ", " + BestText("taxonomy_term", "tt.id", "description", "tt.description", "'en'") +
      ", tt.parent_id, coalesce(tt.taxonomy, tx.code), tt.taxonomy_id, tt.term_uri, " +
      TaxonomyColumns() +
      ", a.id, a.link_id, a.link_entity, a.link_type, a.value, a.label "
      "FROM attribute a JOIN taxonomy_term tt ON tt.id = a.taxonomy_term_id "
      "LEFT JOIN taxonomy tx ON tx.id = tt.taxonomy_id "
      "WHERE a.link_entity = ?4 AND a.link_id = ?5 ORDER BY tx.code, tt.position, tt.id";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, entity).Bind(5, id);
  std::vector<AttributeRecord> out;
  while (st.Step()) {
    AttributeRecord a;
    a.term = ReadTerm(st);
    a.id = st.Text(13);
    a.link_id = st.Text(14);
    a.link_entity = st.Text(15);
    a.link_type = st.OptText(16);
    a.value = st.OptText(17);
    a.label = st.OptText(18);
    out.push_back(std::move(a));
  }
  return out;
}

// --- Locations ---

const std::string& LocationSql() {
  static const std::string sql =
      "SELECT l.id, l.location_type, l.url, l.organization_id, " +
      BestText("location", "l.id", "name", "coalesce(l.name, '')", "l.source_locale") + ", " +
      BestText("location", "l.id", "description", "coalesce(l.description, '')",
               "l.source_locale") +
      ", l.latitude, l.longitude, l.municipality_id, l.coordinates_approximate, l.assured_date, "
      "l.last_modified FROM location l ";
  return sql;
}

LocationRecord ReadLocation(const Statement& st) {
  LocationRecord l;
  l.id = st.Text(0);
  l.location_type = st.Text(1);
  l.url = st.OptText(2);
  l.organization_id = st.OptText(3);
  l.name = SplitLocalized(st.TextView(4));
  l.description = SplitLocalized(st.TextView(5));
  l.latitude = st.OptDouble(6);
  l.longitude = st.OptDouble(7);
  l.municipality_id = st.OptText(8);
  l.coordinates_approximate = st.Int(9) != 0;
  l.assured_date = st.OptText(10);
  l.last_modified = st.Text(11);
  return l;
}

void LoadLocationDetails(Connection& c, const LocaleChain& chain, LocationRecord& l) {
  {
    Statement& st = c.Cached(
        "SELECT id, location_id, attention, address_2, region, address_1, city, state_province, "
        "postal_code, country, address_type FROM address WHERE location_id = ?1 ORDER BY id");
    st.Bind(1, l.id);
    while (st.Step()) {
      l.addresses.push_back({st.Text(0), st.Text(1), st.OptText(2), st.OptText(3), st.OptText(4),
                             st.Text(5), st.Text(6), st.Text(7), st.Text(8), st.Text(9),
                             st.Text(10)});
    }
  }
  {
    Statement& st = c.Cached(
        "SELECT date, closed, opens_at, closes_at, note FROM schedule_exception "
        "WHERE location_id = ?1 ORDER BY date, opens_at");
    st.Bind(1, l.id);
    while (st.Step()) {
      l.exceptions.push_back(
          {st.Text(0), st.Int(1) != 0, st.OptText(2), st.OptText(3), st.OptText(4)});
    }
  }
  l.phones = PhonesBy(c, "location_id", l.id);
  l.schedules = SchedulesBy(c, "location_id", l.id);
  l.languages = LanguagesBy(c, "location_id", l.id);
  l.attributes = AttributesOf(c, chain, "location", l.id);
}

std::optional<LocationRecord> LocationById(Connection& c, const LocaleChain& chain,
                                           std::string_view id) {
  static const std::string sql = LocationSql() + "WHERE l.id = ?4";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, id);
  if (!st.Step()) return std::nullopt;
  LocationRecord l = ReadLocation(st);
  st.Reset();
  LoadLocationDetails(c, chain, l);
  return l;
}

// --- Organizations ---

const std::string& OrganizationSql() {
  static const std::string sql =
      "SELECT o.id, " + BestText("organization", "o.id", "name", "o.name", "o.source_locale") +
      ", " + BestText("organization", "o.id", "description", "o.description", "o.source_locale") +
      ", o.alternate_name, o.email, o.website, o.parent_organization_id, o.uri, "
      "o.year_incorporated, o.kind, o.municipality_id, o.assured_date, o.last_modified "
      "FROM organization o ";
  return sql;
}

OrganizationRecord ReadOrganization(const Statement& st) {
  OrganizationRecord o;
  o.id = st.Text(0);
  o.name = SplitLocalized(st.TextView(1));
  o.description = SplitLocalized(st.TextView(2));
  o.alternate_name = st.OptText(3);
  o.email = st.OptText(4);
  o.website = st.OptText(5);
  o.parent_organization_id = st.OptText(6);
  o.uri = st.OptText(7);
  o.year_incorporated = OptInt(st, 8);
  o.kind = st.Text(9);
  o.municipality_id = st.OptText(10);
  o.assured_date = st.OptText(11);
  o.last_modified = st.Text(12);
  return o;
}

std::optional<OrganizationRecord> OrganizationOnly(Connection& c, const LocaleChain& chain,
                                                   std::string_view id) {
  static const std::string sql = OrganizationSql() + "WHERE o.id = ?4";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, id);
  if (!st.Step()) return std::nullopt;
  return ReadOrganization(st);
}

// --- Services ---

const std::string& ServiceSql() {
  static const std::string sql =
      "SELECT s.id, s.organization_id, s.program_id, s.alternate_name, s.url, s.email, " +
      BestText("service", "s.id", "name", "s.name", "s.source_locale") + ", " +
      BestText("service", "s.id", "description", "coalesce(s.description, '')", "s.source_locale") +
      ", s.status, s.fees_description, s.eligibility_description, s.alert, s.minimum_age, "
      "s.maximum_age, s.assured_date, s.last_modified FROM service s ";
  return sql;
}

ServiceRecord ReadService(const Statement& st) {
  ServiceRecord s;
  s.id = st.Text(0);
  s.organization_id = st.Text(1);
  s.program_id = st.OptText(2);
  s.alternate_name = st.OptText(3);
  s.url = st.OptText(4);
  s.email = st.OptText(5);
  s.name = SplitLocalized(st.TextView(6));
  s.description = SplitLocalized(st.TextView(7));
  s.status = st.Text(8);
  s.fees_description = st.OptText(9);
  s.eligibility_description = st.OptText(10);
  s.alert = st.OptText(11);
  s.minimum_age = OptInt(st, 12);
  s.maximum_age = OptInt(st, 13);
  s.assured_date = st.OptText(14);
  s.last_modified = st.Text(15);
  return s;
}

std::optional<ServiceRecord> ServiceOnly(Connection& c, const LocaleChain& chain,
                                         std::string_view id) {
  static const std::string sql = ServiceSql() + "WHERE s.id = ?4";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, id);
  if (!st.Step()) return std::nullopt;
  return ReadService(st);
}

struct SalRow {
  std::string id, service_id, location_id;
  std::optional<std::string> description;
};

std::vector<SalRow> SalRowsOfService(Connection& c, std::string_view service_id) {
  Statement& st = c.Cached(
      "SELECT id, service_id, location_id, description FROM service_at_location "
      "WHERE service_id = ?1 ORDER BY id");
  st.Bind(1, service_id);
  std::vector<SalRow> out;
  while (st.Step()) out.push_back({st.Text(0), st.Text(1), st.Text(2), st.OptText(3)});
  return out;
}

ServiceAtLocationRecord BuildSal(Connection& c, const LocaleChain& chain, const SalRow& row) {
  ServiceAtLocationRecord r;
  r.id = row.id;
  r.service_id = row.service_id;
  r.location_id = row.location_id;
  r.description = row.description;
  if (auto l = LocationById(c, chain, row.location_id)) r.location = std::move(*l);
  r.phones = PhonesBy(c, "service_at_location_id", row.id);
  r.schedules = SchedulesBy(c, "service_at_location_id", row.id);
  return r;
}

void LoadServiceDetails(Connection& c, const LocaleChain& chain, ServiceRecord& s) {
  s.organization = OrganizationOnly(c, chain, s.organization_id);
  s.phones = PhonesBy(c, "service_id", s.id);
  s.schedules = SchedulesBy(c, "service_id", s.id);
  s.languages = LanguagesBy(c, "service_id", s.id);
  s.contacts = ContactsBy(c, "service_id", s.id);
  s.attributes = AttributesOf(c, chain, "service", s.id);
  for (const auto& row : SalRowsOfService(c, s.id)) {
    s.service_at_locations.push_back(BuildSal(c, chain, row));
  }
}

std::vector<std::string> QueryWords(std::string_view search) {
  std::vector<std::string> out;
  for (auto& w : directory::Tokens(directory::Fold(search))) out.push_back(std::move(w));
  return out;
}

}  // namespace

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthKm = 6371.0088;
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (lat2 - lat1) * kRad;
  const double dlon = (lon2 - lon1) * kRad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

Page<ServiceRecord> ListServices(Connection& c, const LocaleChain& chain,
                                 const ServiceFilter& filter, PageRequest page, bool details) {
  // Empty filter values match everything, so one statement serves every combination. The
  // folded text search runs in C++: the directory is small (hundreds of services), and Fold
  // is the same function the pages use.
  static const std::string sql =
      ServiceSql() +
      "WHERE (?4 = '' OR s.organization_id = ?4) AND (?5 = '' OR s.last_modified > ?5) "
      "AND (?6 = '' OR s.id IN (SELECT link_id FROM attribute WHERE link_entity = 'service' "
      "AND taxonomy_term_id = ?6)) "
      "AND (?7 = '' OR s.id IN (SELECT a.link_id FROM attribute a JOIN taxonomy_term tt ON "
      "tt.id = a.taxonomy_term_id WHERE a.link_entity = 'service' AND tt.taxonomy_id = ?7)) "
      "ORDER BY s.id";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, filter.organization_id).Bind(5, filter.modified_after);
  st.Bind(6, filter.taxonomy_term_id).Bind(7, filter.taxonomy_id);
  const auto words = QueryWords(filter.search);
  std::vector<ServiceRecord> all;
  while (st.Step()) {
    ServiceRecord s = ReadService(st);
    if (Matches(words, s.name.text + " " + s.description.text)) all.push_back(std::move(s));
  }
  st.Reset();
  Page<ServiceRecord> out = Slice(std::move(all), page);
  if (details) {
    for (auto& s : out.items) LoadServiceDetails(c, chain, s);
  }
  return out;
}

std::optional<ServiceRecord> ServiceById(Connection& c, const LocaleChain& chain,
                                         std::string_view id) {
  auto s = ServiceOnly(c, chain, id);
  if (!s) return std::nullopt;
  LoadServiceDetails(c, chain, *s);
  return s;
}

Page<OrganizationRecord> ListOrganizations(Connection& c, const LocaleChain& chain,
                                           const OrganizationFilter& filter, PageRequest page) {
  static const std::string sql =
      OrganizationSql() +
      "WHERE (?4 = '' OR o.last_modified > ?4) AND (?5 = '' OR o.id IN (SELECT link_id FROM "
      "attribute WHERE link_entity = 'organization' AND taxonomy_term_id = ?5)) ORDER BY o.id";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, filter.modified_after).Bind(5, filter.taxonomy_term_id);
  const auto words = QueryWords(filter.search);
  std::vector<OrganizationRecord> all;
  while (st.Step()) {
    OrganizationRecord o = ReadOrganization(st);
    if (Matches(words, o.name.text + " " + o.description.text)) all.push_back(std::move(o));
  }
  st.Reset();
  return Slice(std::move(all), page);
}

std::optional<OrganizationRecord> OrganizationById(Connection& c, const LocaleChain& chain,
                                                   std::string_view id) {
  auto o = OrganizationOnly(c, chain, id);
  if (!o) return std::nullopt;
  o->phones = PhonesBy(c, "organization_id", o->id);
  o->attributes = AttributesOf(c, chain, "organization", o->id);
  std::vector<std::string> location_ids;
  {
    Statement& st = c.Cached("SELECT id FROM location WHERE organization_id = ?1 ORDER BY id");
    st.Bind(1, o->id);
    while (st.Step()) location_ids.push_back(st.Text(0));
  }
  for (const auto& lid : location_ids) {
    if (auto l = LocationById(c, chain, lid)) o->locations.push_back(std::move(*l));
  }
  Statement& st = c.Cached("SELECT id FROM service WHERE organization_id = ?1 ORDER BY id");
  st.Bind(1, o->id);
  while (st.Step()) o->service_ids.push_back(st.Text(0));
  return o;
}

Page<ServiceAtLocationRecord> ListServiceAtLocations(Connection& c, const LocaleChain& chain,
                                                     const ServiceAtLocationFilter& filter,
                                                     PageRequest page) {
  static const std::string sql =
      "SELECT sal.id, sal.service_id, sal.location_id, sal.description, l.latitude, "
      "l.longitude, " +
      BestText("service", "s.id", "name", "s.name", "s.source_locale") + ", " +
      BestText("service", "s.id", "description", "coalesce(s.description, '')", "s.source_locale") +
      " FROM service_at_location sal JOIN service s ON s.id = sal.service_id "
      "JOIN location l ON l.id = sal.location_id "
      "WHERE (?4 = '' OR s.organization_id = ?4) "
      "AND (?5 = '' OR s.id IN (SELECT link_id FROM attribute WHERE link_entity = 'service' "
      "AND taxonomy_term_id = ?5)) "
      "AND (?6 = '' OR l.id IN (SELECT location_id FROM address WHERE postal_code = ?6)) "
      "ORDER BY sal.id";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, filter.organization_id).Bind(5, filter.taxonomy_term_id).Bind(6, filter.postcode);
  const auto words = QueryWords(filter.search);
  const bool near = filter.latitude && filter.longitude && filter.proximity_km;
  std::vector<std::pair<SalRow, std::optional<double>>> rows;
  while (st.Step()) {
    if (!Matches(words, st.Text(6) + " " + st.Text(7))) continue;
    std::optional<double> distance;
    if (near) {
      auto lat = st.OptDouble(4);
      auto lon = st.OptDouble(5);
      if (!lat || !lon) continue;
      distance = DistanceKm(*filter.latitude, *filter.longitude, *lat, *lon);
      if (*distance > *filter.proximity_km) continue;
    }
    rows.push_back({{st.Text(0), st.Text(1), st.Text(2), st.OptText(3)}, distance});
  }
  st.Reset();
  if (near) {
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return *a.second < *b.second; });
  }
  auto sliced = Slice(std::move(rows), page);
  Page<ServiceAtLocationRecord> out;
  out.total_items = sliced.total_items;
  for (const auto& [row, distance] : sliced.items) {
    ServiceAtLocationRecord r = BuildSal(c, chain, row);
    r.distance_km = distance;
    out.items.push_back(std::move(r));
  }
  return out;
}

std::optional<ServiceAtLocationRecord> ServiceAtLocationById(Connection& c,
                                                             const LocaleChain& chain,
                                                             std::string_view id) {
  Statement& st = c.Cached(
      "SELECT id, service_id, location_id, description FROM service_at_location WHERE id = ?1");
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  SalRow row{st.Text(0), st.Text(1), st.Text(2), st.OptText(3)};
  st.Reset();
  ServiceAtLocationRecord r = BuildSal(c, chain, row);
  r.service = ServiceOnly(c, chain, row.service_id);
  if (r.service) r.service->organization = OrganizationOnly(c, chain, r.service->organization_id);
  return r;
}

Page<TaxonomyRecord> ListTaxonomies(Connection& c, const LocaleChain& chain, PageRequest page) {
  static const std::string sql = "SELECT " + TaxonomyColumns() + " FROM taxonomy tx ORDER BY tx.id";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  std::vector<TaxonomyRecord> all;
  while (st.Step()) all.push_back(ReadTaxonomy(st, 0));
  return Slice(std::move(all), page);
}

std::optional<TaxonomyRecord> TaxonomyById(Connection& c, const LocaleChain& chain,
                                           std::string_view id) {
  static const std::string sql =
      "SELECT " + TaxonomyColumns() + " FROM taxonomy tx WHERE tx.id = ?4";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, id);
  if (!st.Step()) return std::nullopt;
  return ReadTaxonomy(st, 0);
}

Page<TaxonomyTermRecord> ListTaxonomyTerms(Connection& c, const LocaleChain& chain,
                                           std::string_view taxonomy_id, PageRequest page) {
  static const std::string sql =
      TermSelect() + "WHERE (?4 = '' OR tt.taxonomy_id = ?4) ORDER BY tx.code, tt.position, tt.id";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, taxonomy_id);
  std::vector<TaxonomyTermRecord> all;
  while (st.Step()) all.push_back(ReadTerm(st));
  return Slice(std::move(all), page);
}

std::optional<TaxonomyTermRecord> TaxonomyTermById(Connection& c, const LocaleChain& chain,
                                                   std::string_view id) {
  static const std::string sql = TermSelect() + "WHERE tt.id = ?4";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, id);
  if (!st.Step()) return std::nullopt;
  return ReadTerm(st);
}

}  // namespace tilti::store::hsds
