#include "store/directory_queries.h"

#include <boost/json.hpp>
#include <map>
#include <string>

#include "store/hours_queries.h"
#include "store/localized_sql.h"

namespace tilti::store {
namespace {

const std::string& LibrarySummarySql() {
  static const std::string sql =
      "SELECT o.slug, " + BestText("organization", "o.id", "name", "o.name", "o.source_locale") +
      ", coalesce(m.id, ''), " + "CASE WHEN m.id IS NULL THEN '' ELSE " +
      BestText("municipality", "m.id", "name", "m.name", "'lv'") + " END, " +
      "CASE WHEN p.id IS NULL THEN '' ELSE " + BestPlaceName("p") + " END " +
      "FROM organization o JOIN location l ON l.organization_id = o.id "
      "LEFT JOIN municipality m ON m.id = l.municipality_id "
      "LEFT JOIN place p ON p.id = l.place_id "
      // "|| ''": never drive the query from the kind index (every row is a library);
      // LibrariesBySlugs must start from the slugs (measured: 73,000 libraries scanned per search
      // page). SQLite's unary "+" would do the same, but PostgreSQL has no "+" for text.
      "WHERE o.kind || '' = 'library'";
  return sql;
}

directory::LibrarySummary ReadSummary(const Statement& st) {
  directory::LibrarySummary s;
  s.slug = st.Text(0);
  s.name = SplitLocalized(st.TextView(1));
  s.municipality_id = st.Text(2);
  s.municipality_name = SplitLocalized(st.TextView(3));
  s.town = SplitLocalized(st.TextView(4));
  return s;
}

std::vector<LocalizedText> TermsOf(Connection& c, const LocaleChain& chain, std::string_view entity,
                                   std::string_view id, std::string_view taxonomy_code) {
  static const std::string sql =
      "SELECT " + BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
      " FROM attribute a JOIN taxonomy_term tt ON tt.id = a.taxonomy_term_id "
      "JOIN taxonomy tx ON tx.id = tt.taxonomy_id "
      "WHERE a.link_entity = ?4 AND a.link_id = ?5 AND tx.code = ?6 ORDER BY tt.position";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, entity).Bind(5, id).Bind(6, taxonomy_code);
  std::vector<LocalizedText> out;
  while (st.Step()) out.push_back(SplitLocalized(st.TextView(0)));
  return out;
}

}  // namespace

std::vector<directory::LibrarySummary> ListLibraries(Connection& c, const LocaleChain& chain) {
  static const std::string sql = LibrarySummarySql() + " AND o.country = 'LV'";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  std::vector<directory::LibrarySummary> out;
  while (st.Step()) out.push_back(ReadSummary(st));
  return out;
}

std::vector<directory::LibrarySummary> LibrariesBySlugs(Connection& c, const LocaleChain& chain,
                                                        const std::vector<std::string>& slugs) {
  // The slugs travel as one bound JSON array; json_each keeps them out of the SQL text.
  static const std::string sql =
      LibrarySummarySql() + " AND o.slug IN (SELECT value FROM json_each(?4))";
  boost::json::array list;
  for (const auto& s : slugs) list.emplace_back(s);
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, boost::json::serialize(list));
  std::map<std::string, directory::LibrarySummary> by_slug;
  while (st.Step()) {
    auto summary = ReadSummary(st);
    by_slug.emplace(summary.slug, std::move(summary));
  }
  std::vector<directory::LibrarySummary> out;
  for (const auto& s : slugs) {
    if (auto it = by_slug.find(s); it != by_slug.end()) out.push_back(std::move(it->second));
  }
  return out;
}

std::optional<directory::LibraryDetail> LibraryBySlug(Connection& c, const LocaleChain& chain,
                                                      std::string_view slug,
                                                      std::chrono::year_month_day today) {
  static const std::string sql =
      "SELECT o.id, o.slug, " +
      BestText("organization", "o.id", "name", "o.name", "o.source_locale") + ", " +
      BestText("organization", "o.id", "description", "o.description", "o.source_locale") +
      ", CASE WHEN m.id IS NULL THEN '' ELSE " +
      BestText("municipality", "m.id", "name", "m.name", "'lv'") + " END, " +
      "CASE WHEN p.id IS NULL THEN '' ELSE " + BestPlaceName("p") + " END, " +
      "l.latitude, l.longitude, l.coordinates_approximate, o.website, o.email, "
      "coalesce(l.assured_date, o.assured_date), o.last_modified, l.id "
      "FROM organization o JOIN location l ON l.organization_id = o.id "
      "LEFT JOIN municipality m ON m.id = l.municipality_id "
      "LEFT JOIN place p ON p.id = l.place_id "
      "WHERE o.kind = 'library' AND o.slug = ?4";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, slug);
  if (!st.Step()) return std::nullopt;
  directory::LibraryDetail d;
  d.id = st.Text(0);
  d.slug = st.Text(1);
  d.name = SplitLocalized(st.TextView(2));
  d.description = SplitLocalized(st.TextView(3));
  d.municipality_name = SplitLocalized(st.TextView(4));
  d.town = SplitLocalized(st.TextView(5));
  d.latitude = st.OptDouble(6);
  d.longitude = st.OptDouble(7);
  d.coordinates_approximate = st.Int(8) != 0;
  d.website = st.OptText(9);
  d.email = st.OptText(10);
  d.assured_date = st.OptText(11);
  d.last_modified = st.Text(12);
  d.location_id = st.Text(13);
  const std::string& location_id = d.location_id;
  st.Reset();

  {
    static const std::string phones =
        "SELECT number, description FROM phone WHERE organization_id = ?1 OR location_id = ?2 "
        "ORDER BY number";
    Statement& ph = c.Cached(phones);
    ph.Bind(1, d.id).Bind(2, location_id);
    while (ph.Step()) d.phones.push_back({ph.Text(0), ph.OptText(1)});
  }
  {
    static const std::string services =
        "SELECT s.id, " + BestText("service", "s.id", "name", "s.name", "s.source_locale") + ", " +
        BestText("service", "s.id", "description", "coalesce(s.description, '')",
                 "s.source_locale") +
        ", coalesce((SELECT sal.id FROM service_at_location sal WHERE sal.service_id = s.id AND "
        "sal.location_id = ?5), '') FROM service s WHERE s.status = 'active' AND s.id IN "
        // One set of ids found by two index lookups: as `organization_id = ?4 OR s.id IN …`,
        // PostgreSQL scanned every service.
        "(SELECT id FROM service WHERE organization_id = ?4 "
        "UNION SELECT service_id FROM service_at_location WHERE location_id = ?5) ORDER BY s.name";
    Statement& sv = c.Cached(services);
    BindChain(sv, chain);
    sv.Bind(4, d.id).Bind(5, location_id);
    while (sv.Step()) {
      directory::ServiceSummary s;
      s.id = sv.Text(0);
      s.at_location_id = sv.Text(3);
      s.name = SplitLocalized(sv.TextView(1));
      s.description = SplitLocalized(sv.TextView(2));
      d.services.push_back(std::move(s));
    }
  }
  for (auto& s : d.services) {
    s.types = TermsOf(c, chain, "service", s.id, "service-type");
    s.audiences = TermsOf(c, chain, "service", s.id, "target-group");
  }
  {
    static const std::string initiatives =
        "SELECT i.slug, " + BestText("initiative", "i.id", "name", "i.name", "i.source_locale") +
        ", io.role FROM initiative_organization io JOIN initiative i ON i.id = io.initiative_id "
        "WHERE io.organization_id = ?4 ORDER BY i.starts_on DESC NULLS LAST";
    Statement& in = c.Cached(initiatives);
    BindChain(in, chain);
    in.Bind(4, d.id);
    while (in.Step())
      d.initiatives.push_back({in.Text(0), SplitLocalized(in.TextView(1)), in.Text(2)});
  }
  {
    static const std::string partners =
        "SELECT " + BestText("organization", "o.id", "name", "o.name", "o.source_locale") +
        ", CASE WHEN o.id = p.municipality_organization_id THEN 'municipality' "
        "ELSE 'integration' END FROM partnership p JOIN organization o ON o.id IN "
        "(p.municipality_organization_id, p.integration_organization_id) "
        "WHERE p.library_organization_id = ?4 "
        "ORDER BY CASE WHEN o.id = p.integration_organization_id THEN 1 ELSE 0 END";
    Statement& pa = c.Cached(partners);
    BindChain(pa, chain);
    pa.Bind(4, d.id);
    while (pa.Step()) d.partners.push_back({SplitLocalized(pa.TextView(0)), pa.Text(1)});
  }
  d.accessibility = TermsOf(c, chain, "location", location_id, "accessibility");
  {
    Statement& lg = c.Cached(
        "SELECT code, coalesce(weekdays, '') FROM language WHERE location_id = ?1 AND "
        "service_id IS NULL ORDER BY code");
    lg.Bind(1, location_id);
    static const std::string kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    while (lg.Step()) {
      directory::SpokenLanguage language{lg.Text(0), {}};
      std::string days = lg.Text(1);
      for (int i = 0; i < 7; ++i) {
        if (days.find(kDays[i]) != std::string::npos) language.weekdays.push_back(i + 1);
      }
      d.languages.push_back(std::move(language));
    }
  }
  d.hours = HoursOfLocation(c, d.location_id, today);
  return d;
}

LibraryPlace PlaceOfLibrary(Connection& c, std::string_view organization_id,
                            std::string_view location_id) {
  LibraryPlace place;
  {
    Statement& st = c.Cached("SELECT country FROM organization WHERE id = ?1");
    st.Bind(1, organization_id);
    if (st.Step() && !st.IsNull(0) && !st.TextView(0).empty()) place.country = st.Text(0);
  }
  Statement& st = c.Cached(
      "SELECT address_1, address_2, city, state_province, postal_code, country FROM address "
      "WHERE location_id = ?1 AND address_type IN ('physical', 'postal') "
      "ORDER BY CASE WHEN address_type = 'postal' THEN 1 ELSE 0 END, id LIMIT 1");
  st.Bind(1, location_id);
  if (st.Step()) {
    PostalAddress a{st.Text(0), st.OptText(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5)};
    if (a.address_2 && a.address_2->empty()) a.address_2.reset();
    place.address = std::move(a);
  }
  return place;
}

std::optional<directory::ServiceAtLibrary> ServiceAtLibraryById(
    Connection& c, const LocaleChain& chain, std::string_view id,
    std::chrono::year_month_day today) {
  static const std::string sql =
      "SELECT sal.id, s.id, " +
      BestText("service", "s.id", "name", "s.name", "s.source_locale") + ", " +
      BestText("service", "s.id", "description", "coalesce(s.description, '')",
               "s.source_locale") +
      ", o.slug, " + BestText("organization", "o.id", "name", "o.name", "o.source_locale") +
      ", CASE WHEN p.id IS NULL THEN '' ELSE " + BestPlaceName("p") + " END, l.id " +
      "FROM service_at_location sal JOIN service s ON s.id = sal.service_id "
      "JOIN location l ON l.id = sal.location_id JOIN organization o ON o.id = l.organization_id "
      "LEFT JOIN place p ON p.id = l.place_id "
      "WHERE sal.id = ?4 AND s.status = 'active' AND o.kind = 'library'";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, id);
  if (!st.Step()) return std::nullopt;
  directory::ServiceAtLibrary d;
  d.id = st.Text(0);
  d.service.id = st.Text(1);
  d.service.at_location_id = d.id;
  d.service.name = SplitLocalized(st.TextView(2));
  d.service.description = SplitLocalized(st.TextView(3));
  d.library_slug = st.Text(4);
  d.library_name = SplitLocalized(st.TextView(5));
  d.town = SplitLocalized(st.TextView(6));
  d.location_id = st.Text(7);
  st.Reset();
  d.service.types = TermsOf(c, chain, "service", d.service.id, "service-type");
  d.service.audiences = TermsOf(c, chain, "service", d.service.id, "target-group");
  Statement& langs = c.Cached(
      "SELECT DISTINCT code FROM language WHERE service_id = ?1 OR location_id = ?2 ORDER BY code");
  langs.Bind(1, d.service.id).Bind(2, d.location_id);
  while (langs.Step()) d.language_codes.push_back(langs.Text(0));
  d.hours = HoursOfLocation(c, d.location_id, today);
  return d;
}

bool LibraryExists(Connection& c, std::string_view slug) {
  Statement& st =
      c.Cached("SELECT EXISTS (SELECT 1 FROM organization WHERE kind = 'library' AND slug = ?1)");
  st.Bind(1, slug);
  st.Step();
  bool exists = st.Int(0) != 0;
  st.Reset();
  return exists;
}

}  // namespace tilti::store
