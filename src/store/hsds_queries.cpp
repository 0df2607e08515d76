#include "store/hsds_queries.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <tuple>
#include <variant>

#include "directory/search_filters.h"
#include "store/localized_sql.h"
#include "store/service_index.h"
#include "store/text_match.h"

namespace tilti::store::hsds {
namespace {

std::optional<int64_t> OptInt(const Statement& st, int col) {
  if (st.IsNull(col)) return std::nullopt;
  return st.Int(col);
}

// The WHERE clause of a list query, built only from constant fragments of this file: each
// fragment's `?`s are numbered here from ?4 on (?1..?3 hold the locale chain), and the values
// are bound by Bind. Which fragments are present depends on which filters are set, so every
// statement is short enough for SQLite to pick an index for each of its conditions (a generic
// `(?4 = '' OR col = ?4)` can use none).
class Conditions {
 public:
  using Value = std::variant<std::string, double>;

  Conditions& Add(std::string_view fragment, std::vector<Value> values) {
    sql_ += sql_.empty() ? " WHERE " : " AND ";
    size_t used = 0;
    for (char ch : fragment) {
      if (ch != '?') {
        sql_ += ch;
        continue;
      }
      sql_ += '?' + std::to_string(NextParameter());
      values_.push_back(std::move(values.at(used++)));
    }
    return *this;
  }
  Conditions& AddIf(bool present, std::string_view fragment, std::string value) {
    return present ? Add(fragment, {std::move(value)}) : *this;
  }

  const std::string& Sql() const { return sql_; }
  // The number of the first parameter after the conditions' own.
  int NextParameter() const { return kFirst + static_cast<int>(values_.size()); }

  void Bind(Statement& st) const {
    for (size_t i = 0; i < values_.size(); ++i) {
      std::visit([&](const auto& v) { st.Bind(kFirst + static_cast<int>(i), v); }, values_[i]);
    }
  }

 private:
  static constexpr int kFirst = 4;
  std::string sql_;
  std::vector<Value> values_;
};

int64_t Offset(PageRequest page) { return static_cast<int64_t>(page.page - 1) * page.per_page; }

// Appends " LIMIT ?n OFFSET ?n+1" numbered after the conditions.
std::string LimitClause(const Conditions& where) {
  const int n = where.NextParameter();
  return " LIMIT ?" + std::to_string(n) + " OFFSET ?" + std::to_string(n + 1);
}

void BindLimit(Statement& st, const Conditions& where, PageRequest page) {
  st.Bind(where.NextParameter(), static_cast<int64_t>(page.per_page));
  st.Bind(where.NextParameter() + 1, Offset(page));
}

// `from` is a constant "FROM table alias" of this file.
int64_t Count(Connection& c, std::string_view from, const Conditions& where) {
  Statement& st = c.Cached("SELECT count(*) " + std::string(from) + where.Sql());
  where.Bind(st);
  const int64_t n = st.Step() ? st.Int(0) : 0;
  st.Reset();
  return n;
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
  const std::optional<std::string> match = SearchMatchExpression(c.dialect(), filter.search);
  Conditions where;
  where.AddIf(!filter.organization_id.empty(), "s.organization_id = ?", filter.organization_id)
      .AddIf(!filter.modified_after.empty(), "s.last_modified > ?", filter.modified_after)
      .AddIf(!filter.taxonomy_term_id.empty(),
             "s.id IN (SELECT link_id FROM attribute WHERE link_entity = 'service' "
             "AND taxonomy_term_id = ?)",
             filter.taxonomy_term_id)
      .AddIf(!filter.taxonomy_id.empty(),
             "s.id IN (SELECT a.link_id FROM attribute a JOIN taxonomy_term tt ON "
             "tt.id = a.taxonomy_term_id WHERE a.link_entity = 'service' AND tt.taxonomy_id = ?)",
             filter.taxonomy_id);
  Page<ServiceRecord> out;
  if (match && where.Sql().empty()) {
    // Only a search: counted and paged in the index itself, whose rowids follow service ids
    // (service_index.h), so only the page's rows are read (a common word matches most rows).
    Conditions search;
    search.Add(MatchCondition(c.dialect(), "service_search", "?"), {*match});
    out.total_items = Count(c, "FROM service_search", search);
    if (Offset(page) >= out.total_items) return out;
    Statement& st =
        c.Cached(ServiceSql() + "WHERE s.id IN (SELECT service_id FROM service_search" +
                 search.Sql() + " ORDER BY rowid" + LimitClause(search) + ") ORDER BY s.id");
    BindChain(st, chain);
    search.Bind(st);
    BindLimit(st, search, page);
    while (st.Step()) out.items.push_back(ReadService(st));
    st.Reset();
  } else {
    where.AddIf(match.has_value(),
                "s.id IN (SELECT service_id FROM service_search WHERE " +
                    MatchCondition(c.dialect(), "service_search", "?") + ")",
                match.value_or(""));
    out.total_items = Count(c, "FROM service s", where);
    if (Offset(page) >= out.total_items) return out;
    Statement& st = c.Cached(ServiceSql() + where.Sql() + " ORDER BY s.id" + LimitClause(where));
    BindChain(st, chain);
    where.Bind(st);
    BindLimit(st, where, page);
    while (st.Step()) out.items.push_back(ReadService(st));
    st.Reset();
  }
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
  const std::optional<std::string> match = SearchMatchExpression(c.dialect(), filter.search);
  Conditions where;
  where.AddIf(!filter.modified_after.empty(), "o.last_modified > ?", filter.modified_after)
      .AddIf(!filter.taxonomy_term_id.empty(),
             "o.id IN (SELECT link_id FROM attribute WHERE link_entity = 'organization' "
             "AND taxonomy_term_id = ?)",
             filter.taxonomy_term_id);
  Page<OrganizationRecord> out;
  if (match && where.Sql().empty()) {
    // Only a search: counted and paged in the index, as in ListServices.
    Conditions search;
    search.Add(MatchCondition(c.dialect(), "organization_search", "?"), {*match});
    out.total_items = Count(c, "FROM organization_search", search);
    if (Offset(page) >= out.total_items) return out;
    Statement& st = c.Cached(
        OrganizationSql() + "WHERE o.id IN (SELECT organization_id FROM organization_search" +
        search.Sql() + " ORDER BY rowid" + LimitClause(search) + ") ORDER BY o.id");
    BindChain(st, chain);
    search.Bind(st);
    BindLimit(st, search, page);
    while (st.Step()) out.items.push_back(ReadOrganization(st));
    st.Reset();
    return out;
  }
  where.AddIf(match.has_value(),
              "o.id IN (SELECT organization_id FROM organization_search WHERE " +
                  MatchCondition(c.dialect(), "organization_search", "?") + ")",
              match.value_or(""));
  out.total_items = Count(c, "FROM organization o", where);
  if (Offset(page) >= out.total_items) return out;
  Statement& st = c.Cached(OrganizationSql() + where.Sql() + " ORDER BY o.id" + LimitClause(where));
  BindChain(st, chain);
  where.Bind(st);
  BindLimit(st, where, page);
  while (st.Step()) out.items.push_back(ReadOrganization(st));
  st.Reset();
  return out;
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
  const std::optional<std::string> match = SearchMatchExpression(c.dialect(), filter.search);
  Conditions where;
  where
      .AddIf(!filter.organization_id.empty(),
             "sal.service_id IN (SELECT id FROM service WHERE organization_id = ?)",
             filter.organization_id)
      .AddIf(!filter.taxonomy_term_id.empty(),
             "sal.service_id IN (SELECT link_id FROM attribute WHERE link_entity = 'service' "
             "AND taxonomy_term_id = ?)",
             filter.taxonomy_term_id)
      .AddIf(!filter.postcode.empty(),
             "sal.location_id IN (SELECT location_id FROM address WHERE postal_code = ?)",
             filter.postcode)
      .AddIf(match.has_value(),
             "sal.service_id IN (SELECT service_id FROM service_search WHERE " +
                 MatchCondition(c.dialect(), "service_search", "?") + ")",
             match.value_or(""));
  Page<ServiceAtLocationRecord> out;
  const bool near = filter.latitude && filter.longitude && filter.proximity_km;
  if (!near) {
    out.total_items = Count(c, "FROM service_at_location sal", where);
    if (Offset(page) >= out.total_items) return out;
    Statement& st = c.Cached(
        "SELECT sal.id, sal.service_id, sal.location_id, sal.description "
        "FROM service_at_location sal" +
        where.Sql() + " ORDER BY sal.id" + LimitClause(where));
    where.Bind(st);
    BindLimit(st, where, page);
    std::vector<SalRow> rows;
    while (st.Step()) rows.push_back({st.Text(0), st.Text(1), st.Text(2), st.OptText(3)});
    st.Reset();
    for (const auto& row : rows) out.items.push_back(BuildSal(c, chain, row));
    return out;
  }
  // Near a point: only the locations in the bounding box (the R*Tree of migration 0005; a GiST
  // index on PostgreSQL), then the exact distance, nearest first (ties by id), paged here. A box that reaches the
  // antimeridian is widened to every longitude, since BoundingBox does not wrap.
  directory::GeoBox box =
      directory::BoundingBox(*filter.latitude, *filter.longitude, *filter.proximity_km);
  if (box.min_lon <= -180 || box.max_lon >= 180) {
    box.min_lon = -180;
    box.max_lon = 180;
  }
  if (c.IsPostgres()) {
    // The GiST index on the built-in box (migrations/postgres, docs/postgres-schema.md).
    where.Add(
        "sal.location_id IN (SELECT k.location_id FROM location_geo g JOIN location_geo_key k "
        "ON k.id = g.id WHERE box(point(g.min_lon, g.min_lat), point(g.max_lon, g.max_lat)) "
        "&& box(point(?, ?), point(?, ?)))",
        {box.min_lon, box.min_lat, box.max_lon, box.max_lat});
  } else {
    where.Add(
        "sal.location_id IN (SELECT k.location_id FROM location_geo g JOIN location_geo_key k "
        "ON k.id = g.id WHERE g.max_lat >= ? AND g.min_lat <= ? AND g.max_lon >= ? "
        "AND g.min_lon <= ?)",
        {box.min_lat, box.max_lat, box.min_lon, box.max_lon});
  }
  Statement& st = c.Cached(
      "SELECT sal.id, sal.service_id, sal.location_id, sal.description, l.latitude, l.longitude "
      "FROM service_at_location sal JOIN location l ON l.id = sal.location_id" +
      where.Sql());
  where.Bind(st);
  std::vector<std::pair<double, SalRow>> rows;
  while (st.Step()) {
    auto lat = st.OptDouble(4);
    auto lon = st.OptDouble(5);
    if (!lat || !lon) continue;
    const double distance = DistanceKm(*filter.latitude, *filter.longitude, *lat, *lon);
    if (distance > *filter.proximity_km) continue;
    rows.push_back({distance, {st.Text(0), st.Text(1), st.Text(2), st.OptText(3)}});
  }
  st.Reset();
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second.id) < std::tie(b.first, b.second.id);
  });
  out.total_items = static_cast<int64_t>(rows.size());
  const int64_t end = std::min<int64_t>(out.total_items, Offset(page) + page.per_page);
  for (int64_t i = Offset(page); i < end; ++i) {
    ServiceAtLocationRecord r = BuildSal(c, chain, rows[i].second);
    r.distance_km = rows[i].first;
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
  const Conditions none;
  Page<TaxonomyRecord> out;
  out.total_items = Count(c, "FROM taxonomy tx", none);
  if (Offset(page) >= out.total_items) return out;
  static const std::string sql =
      "SELECT " + TaxonomyColumns() + " FROM taxonomy tx ORDER BY tx.id" + LimitClause(none);
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  BindLimit(st, none, page);
  while (st.Step()) out.items.push_back(ReadTaxonomy(st, 0));
  st.Reset();
  return out;
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
  Conditions where;
  where.AddIf(!taxonomy_id.empty(), "tt.taxonomy_id = ?", std::string(taxonomy_id));
  Page<TaxonomyTermRecord> out;
  out.total_items = Count(c, "FROM taxonomy_term tt", where);
  if (Offset(page) >= out.total_items) return out;
  Statement& st = c.Cached(TermSelect() + where.Sql() + " ORDER BY tx.code, tt.position, tt.id" +
                           LimitClause(where));
  BindChain(st, chain);
  where.Bind(st);
  BindLimit(st, where, page);
  while (st.Step()) out.items.push_back(ReadTerm(st));
  st.Reset();
  return out;
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
