#include "store/demo_store.h"

#include "store/search_index.h"

#include <map>
#include <stdexcept>

namespace tilti::store {
namespace {

using directory::DemoDataset;

// Every upsert updates a row only when something in it differs ("WHERE (...) IS DISTINCT FROM
// (...)"), so a second load with a later `now` keeps the timestamps of unchanged rows.

constexpr std::string_view kMunicipality = R"(
INSERT INTO municipality (id, name, kind, latitude, longitude, population, wikidata_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT (id) DO UPDATE SET
  name = excluded.name, kind = excluded.kind, latitude = excluded.latitude,
  longitude = excluded.longitude, population = excluded.population,
  wikidata_id = excluded.wikidata_id
WHERE (municipality.name, municipality.kind, municipality.latitude, municipality.longitude,
       municipality.population, municipality.wikidata_id) IS DISTINCT FROM
      (excluded.name, excluded.kind, excluded.latitude, excluded.longitude,
       excluded.population, excluded.wikidata_id))";

constexpr std::string_view kPlace = R"(
INSERT INTO place (id, source, name, municipality_id, latitude, longitude, population, is_town)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (id) DO UPDATE SET
  source = excluded.source, name = excluded.name, municipality_id = excluded.municipality_id,
  latitude = excluded.latitude, longitude = excluded.longitude,
  population = excluded.population, is_town = excluded.is_town
WHERE (place.source, place.name, place.municipality_id, place.latitude, place.longitude,
       place.population, place.is_town) IS DISTINCT FROM
      (excluded.source, excluded.name, excluded.municipality_id, excluded.latitude,
       excluded.longitude, excluded.population, excluded.is_town))";

constexpr std::string_view kPlaceName = R"(
INSERT INTO place_name (place_id, locale, name) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING)";

constexpr std::string_view kOrganization = R"(
INSERT INTO organization (id, slug, kind, name, alternate_name, description, website,
                          legal_status, parent_organization_id, country, municipality_id,
                          source_locale, last_modified)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
ON CONFLICT (id) DO UPDATE SET
  slug = excluded.slug, kind = excluded.kind, name = excluded.name,
  alternate_name = excluded.alternate_name, description = excluded.description,
  website = excluded.website, legal_status = excluded.legal_status,
  parent_organization_id = excluded.parent_organization_id, country = excluded.country,
  municipality_id = excluded.municipality_id, source_locale = excluded.source_locale,
  last_modified = excluded.last_modified
WHERE (organization.slug, organization.kind, organization.name, organization.alternate_name,
       organization.description, organization.website, organization.legal_status,
       organization.parent_organization_id, organization.country, organization.municipality_id,
       organization.source_locale) IS DISTINCT FROM
      (excluded.slug, excluded.kind, excluded.name, excluded.alternate_name,
       excluded.description, excluded.website, excluded.legal_status,
       excluded.parent_organization_id, excluded.country, excluded.municipality_id,
       excluded.source_locale))";

constexpr std::string_view kLocation = R"(
INSERT INTO location (id, location_type, organization_id, name, latitude, longitude, slug,
                      municipality_id, place_id, coordinates_approximate, source_locale,
                      last_modified)
VALUES (?1, 'physical', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
ON CONFLICT (id) DO UPDATE SET
  organization_id = excluded.organization_id, name = excluded.name,
  latitude = excluded.latitude, longitude = excluded.longitude, slug = excluded.slug,
  municipality_id = excluded.municipality_id, place_id = excluded.place_id,
  coordinates_approximate = excluded.coordinates_approximate,
  source_locale = excluded.source_locale, last_modified = excluded.last_modified
WHERE (location.organization_id, location.name, location.latitude, location.longitude,
       location.slug, location.municipality_id, location.place_id,
       location.coordinates_approximate, location.source_locale) IS DISTINCT FROM
      (excluded.organization_id, excluded.name, excluded.latitude, excluded.longitude,
       excluded.slug, excluded.municipality_id, excluded.place_id,
       excluded.coordinates_approximate, excluded.source_locale))";

constexpr std::string_view kService = R"(
INSERT INTO service (id, organization_id, name, description, status, source_locale,
                     last_modified)
VALUES (?1, ?2, ?3, ?4, 'active', ?5, ?6)
ON CONFLICT (id) DO UPDATE SET
  organization_id = excluded.organization_id, name = excluded.name,
  description = excluded.description, source_locale = excluded.source_locale,
  last_modified = excluded.last_modified
WHERE (service.organization_id, service.name, service.description,
       service.source_locale) IS DISTINCT FROM
      (excluded.organization_id, excluded.name, excluded.description, excluded.source_locale))";

constexpr std::string_view kServiceAtLocation = R"(
INSERT INTO service_at_location (id, service_id, location_id) VALUES (?1, ?2, ?3)
ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id,
                               location_id = excluded.location_id
WHERE (service_at_location.service_id, service_at_location.location_id) IS DISTINCT FROM
      (excluded.service_id, excluded.location_id))";

constexpr std::string_view kPhone = R"(
INSERT INTO phone (id, location_id, service_id, number, type) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (id) DO UPDATE SET location_id = excluded.location_id,
  service_id = excluded.service_id, number = excluded.number, type = excluded.type
WHERE (phone.location_id, phone.service_id, phone.number, phone.type) IS DISTINCT FROM
      (excluded.location_id, excluded.service_id, excluded.number, excluded.type))";

constexpr std::string_view kFindTerm = R"(
SELECT t.id FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id
WHERE x.code = ?1 AND t.code = ?2)";

// The same link may already exist under another id (made in the back office): keep that one.
constexpr std::string_view kAttribute = R"(
INSERT INTO attribute (id, link_id, taxonomy_term_id, link_entity) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT DO NOTHING)";

constexpr std::string_view kInitiative = R"(
INSERT INTO initiative (id, slug, name, short_name, description, programme, call_code,
                        starts_on, ends_on, lead_organization_id, source_locale, last_modified)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
ON CONFLICT (id) DO UPDATE SET
  slug = excluded.slug, name = excluded.name, short_name = excluded.short_name,
  description = excluded.description, programme = excluded.programme,
  call_code = excluded.call_code, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
  lead_organization_id = excluded.lead_organization_id,
  source_locale = excluded.source_locale, last_modified = excluded.last_modified
WHERE (initiative.slug, initiative.name, initiative.short_name, initiative.description,
       initiative.programme, initiative.call_code, initiative.starts_on, initiative.ends_on,
       initiative.lead_organization_id, initiative.source_locale) IS DISTINCT FROM
      (excluded.slug, excluded.name, excluded.short_name, excluded.description,
       excluded.programme, excluded.call_code, excluded.starts_on, excluded.ends_on,
       excluded.lead_organization_id, excluded.source_locale))";

constexpr std::string_view kInitiativeOrganization = R"(
INSERT INTO initiative_organization (initiative_id, organization_id, role) VALUES (?1, ?2, ?3)
ON CONFLICT (initiative_id, organization_id) DO UPDATE SET role = excluded.role
WHERE initiative_organization.role IS DISTINCT FROM excluded.role)";

constexpr std::string_view kPartnership = R"(
INSERT INTO partnership (id, initiative_id, library_organization_id,
                         municipality_organization_id, integration_organization_id, position)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (id) DO UPDATE SET
  initiative_id = excluded.initiative_id,
  library_organization_id = excluded.library_organization_id,
  municipality_organization_id = excluded.municipality_organization_id,
  integration_organization_id = excluded.integration_organization_id,
  position = excluded.position
WHERE (partnership.initiative_id, partnership.library_organization_id,
       partnership.municipality_organization_id, partnership.integration_organization_id,
       partnership.position) IS DISTINCT FROM
      (excluded.initiative_id, excluded.library_organization_id,
       excluded.municipality_organization_id, excluded.integration_organization_id,
       excluded.position))";

// The demo's translations are consistent with its originals, so a row written here is never
// outdated, even if the trigger flagged it a moment ago because its original changed.
constexpr std::string_view kTranslation = R"(
INSERT INTO translation (entity, entity_id, field, locale, value, source, outdated, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7)
ON CONFLICT (entity, entity_id, field, locale) DO UPDATE SET
  value = excluded.value, source = excluded.source, outdated = 0,
  updated_at = excluded.updated_at
WHERE (translation.value, translation.source, translation.outdated) IS DISTINCT FROM
      (excluded.value, excluded.source, 0))";

void WriteGazetteer(Connection& c, const DemoDataset& d) {
  Statement m = c.Prepare(kMunicipality);
  for (const auto& x : d.municipalities) {
    m.Bind(1, x.id).Bind(2, x.name).Bind(3, x.kind).Bind(4, x.latitude).Bind(5, x.longitude);
    m.Bind(6, x.population).Bind(7, x.wikidata_id).Run();
    m.Reset();
  }
  Statement p = c.Prepare(kPlace);
  Statement pn = c.Prepare(kPlaceName);
  for (const auto& x : d.places) {
    p.Bind(1, x.id).Bind(2, x.source).Bind(3, x.name).Bind(4, x.municipality_id);
    p.Bind(5, x.latitude).Bind(6, x.longitude).Bind(7, x.population).Bind(8, x.is_town ? 1 : 0);
    p.Run();
    p.Reset();
    for (const auto& n : x.names) {
      pn.Bind(1, x.id).Bind(2, n.locale).Bind(3, n.name).Run();
      pn.Reset();
    }
  }
}

void WriteDirectory(Connection& c, const DemoDataset& d, std::string_view now) {
  Statement o = c.Prepare(kOrganization);
  for (const auto& x : d.organizations) {
    o.Bind(1, x.id).Bind(2, x.slug).Bind(3, x.kind).Bind(4, x.name).Bind(5, x.alternate_name);
    o.Bind(6, x.description).Bind(7, x.website).Bind(8, x.legal_status);
    o.Bind(9, x.parent_organization_id).Bind(10, x.country).Bind(11, x.municipality_id);
    o.Bind(12, x.source_locale).Bind(13, now).Run();
    o.Reset();
  }
  Statement l = c.Prepare(kLocation);
  for (const auto& x : d.locations) {
    l.Bind(1, x.id).Bind(2, x.organization_id).Bind(3, x.name).Bind(4, x.latitude);
    l.Bind(5, x.longitude).Bind(6, x.slug).Bind(7, x.municipality_id).Bind(8, x.place_id);
    l.Bind(9, x.coordinates_approximate ? 1 : 0).Bind(10, x.source_locale).Bind(11, now).Run();
    l.Reset();
  }
  Statement s = c.Prepare(kService);
  for (const auto& x : d.services) {
    s.Bind(1, x.id).Bind(2, x.organization_id).Bind(3, x.name).Bind(4, x.description);
    s.Bind(5, x.source_locale).Bind(6, now).Run();
    s.Reset();
  }
  Statement sal = c.Prepare(kServiceAtLocation);
  for (const auto& x : d.service_at_locations) {
    sal.Bind(1, x.id).Bind(2, x.service_id).Bind(3, x.location_id).Run();
    sal.Reset();
  }
  Statement ph = c.Prepare(kPhone);
  for (const auto& x : d.phones) {
    ph.Bind(1, x.id).Bind(2, x.location_id).Bind(3, x.service_id).Bind(4, x.number);
    ph.Bind(5, x.type).Run();
    ph.Reset();
  }
  Statement find = c.Prepare(kFindTerm);
  Statement a = c.Prepare(kAttribute);
  for (const auto& x : d.attributes) {
    find.Bind(1, x.taxonomy).Bind(2, x.term);
    if (!find.Step()) {
      throw std::invalid_argument("demo data names an unknown taxonomy term " + x.taxonomy + "/" +
                                  x.term);
    }
    std::string term_id = find.Text(0);
    find.Reset();
    a.Bind(1, x.id).Bind(2, x.link_id).Bind(3, term_id).Bind(4, x.link_entity).Run();
    a.Reset();
  }
}

void WriteProgramme(Connection& c, const DemoDataset& d, std::string_view now) {
  Statement in = c.Prepare(kInitiative);
  for (const auto& x : d.initiatives) {
    in.Bind(1, x.id).Bind(2, x.slug).Bind(3, x.name).Bind(4, x.short_name);
    in.Bind(5, x.description).Bind(6, x.programme).Bind(7, x.call_code).Bind(8, x.starts_on);
    in.Bind(9, x.ends_on).Bind(10, x.lead_organization_id).Bind(11, x.source_locale);
    in.Bind(12, now).Run();
    in.Reset();
  }
  // Budgets: the total and each source as printed (migration 0014).
  Statement total = c.Prepare(
      "UPDATE initiative SET budget_total_cents = ?2 WHERE id = ?1 AND budget_total_cents IS DISTINCT FROM ?2");
  for (const auto& x : d.initiatives) {
    total.Bind(1, x.id).Bind(2, x.budget_total_cents).Run();
    total.Reset();
  }
  Statement clear = c.Prepare("DELETE FROM initiative_funding WHERE initiative_id = ?1");
  for (const auto& x : d.initiatives) {
    clear.Bind(1, x.id).Run();
    clear.Reset();
  }
  Statement funding = c.Prepare(
      "INSERT INTO initiative_funding (initiative_id, position, funder, amount_cents, source_note) "
      "VALUES (?1, (SELECT count(*) FROM initiative_funding WHERE initiative_id = ?1), ?2, ?3, ?4)");
  for (const auto& f : d.funding) {
    funding.Bind(1, f.initiative_id).Bind(2, f.funder).Bind(3, f.amount_cents).Bind(4, f.provenance).Run();
    funding.Reset();
  }
  Statement io = c.Prepare(kInitiativeOrganization);
  for (const auto& x : d.initiative_members) {
    io.Bind(1, x.initiative_id).Bind(2, x.organization_id).Bind(3, x.role).Run();
    io.Reset();
  }
  Statement p = c.Prepare(kPartnership);
  for (const auto& x : d.partnerships) {
    p.Bind(1, x.id).Bind(2, x.initiative_id).Bind(3, x.library_organization_id);
    p.Bind(4, x.municipality_organization_id).Bind(5, x.integration_organization_id);
    p.Bind(6, x.position).Run();
    p.Reset();
  }
}

// Hackathons and ideas (migration 0015). An idea's status and links are the back office's:
// loading the demo again never resets them.
constexpr std::string_view kHackathon = R"(
INSERT INTO hackathon (id, initiative_id, held_on, host_organization_id, participants,
                       source_note, last_modified)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT (id) DO UPDATE SET
  initiative_id = excluded.initiative_id, held_on = excluded.held_on,
  host_organization_id = excluded.host_organization_id, participants = excluded.participants,
  source_note = excluded.source_note, last_modified = excluded.last_modified
WHERE (hackathon.initiative_id, hackathon.held_on, hackathon.host_organization_id,
       hackathon.participants, hackathon.source_note) IS DISTINCT FROM
      (excluded.initiative_id, excluded.held_on, excluded.host_organization_id,
       excluded.participants, excluded.source_note))";

constexpr std::string_view kHackathonLibrary = R"(
INSERT INTO hackathon_library (hackathon_id, organization_id) VALUES (?1, ?2)
ON CONFLICT DO NOTHING)";

constexpr std::string_view kIdea = R"(
INSERT INTO idea (id, initiative_id, position, category, title, source_locale, source_note,
                  last_modified)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (id) DO UPDATE SET
  initiative_id = excluded.initiative_id, position = excluded.position,
  category = excluded.category, title = excluded.title, source_locale = excluded.source_locale,
  source_note = excluded.source_note, last_modified = excluded.last_modified
WHERE (idea.initiative_id, idea.position, idea.category, idea.title, idea.source_locale,
       idea.source_note) IS DISTINCT FROM
      (excluded.initiative_id, excluded.position, excluded.category, excluded.title,
       excluded.source_locale, excluded.source_note))";

void WriteHackathons(Connection& c, const DemoDataset& d, std::string_view now) {
  Statement h = c.Prepare(kHackathon);
  Statement hl = c.Prepare(kHackathonLibrary);
  for (const auto& x : d.hackathons) {
    h.Bind(1, x.id).Bind(2, x.initiative_id).Bind(3, x.held_on).Bind(4, x.host_organization_id);
    h.Bind(5, x.participants).Bind(6, x.provenance).Bind(7, now).Run();
    h.Reset();
    for (const auto& org : x.library_organization_ids) {
      hl.Bind(1, x.id).Bind(2, org).Run();
      hl.Reset();
    }
  }
  std::map<std::string, std::string> source_locale;  // initiative id -> locale
  for (const auto& x : d.initiatives) source_locale[x.id] = x.source_locale;
  Statement i = c.Prepare(kIdea);
  for (const auto& x : d.ideas) {
    i.Bind(1, x.id).Bind(2, x.initiative_id).Bind(3, x.position).Bind(4, x.category);
    i.Bind(5, x.title).Bind(6, source_locale.at(x.initiative_id)).Bind(7, x.provenance);
    i.Bind(8, now).Run();
    i.Reset();
  }
}

// Target groups, expected results and news (migration 0017). A result's status is the back
// office's: loading the demo again never resets it.
void WriteInitiativeDetails(Connection& c, const DemoDataset& d, std::string_view now) {
  Statement tg = c.Prepare(
      "INSERT INTO initiative_target_group (initiative_id, taxonomy_term_id) "
      "SELECT ?1, t.id FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id "
      "WHERE x.code = 'target-group' AND t.code = ?2 ON CONFLICT DO NOTHING");
  for (const auto& x : d.initiative_target_groups) {
    tg.Bind(1, x.initiative_id).Bind(2, x.term).Run();
    tg.Reset();
  }
  Statement g = c.Prepare(
      "INSERT INTO initiative_goal (id, initiative_id, kind, position, text, source_note, last_modified) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, "
      "position = excluded.position, text = excluded.text, source_note = excluded.source_note, "
      "last_modified = excluded.last_modified "
      "WHERE (initiative_goal.kind, initiative_goal.position, initiative_goal.text, "
      "initiative_goal.source_note) IS DISTINCT FROM (excluded.kind, excluded.position, "
      "excluded.text, excluded.source_note)");
  for (const auto& x : d.initiative_goals) {
    g.Bind(1, x.id).Bind(2, x.initiative_id).Bind(3, x.kind).Bind(4, x.position).Bind(5, x.text);
    g.Bind(6, x.provenance).Bind(7, now).Run();
    g.Reset();
  }
  Statement n = c.Prepare(
      "INSERT INTO initiative_news (id, initiative_id, published_on, title, body, source_note, last_modified) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET published_on = excluded.published_on, "
      "title = excluded.title, body = excluded.body, source_note = excluded.source_note, last_modified = excluded.last_modified "
      "WHERE (initiative_news.published_on, initiative_news.title, initiative_news.body, "
      "initiative_news.source_note) IS DISTINCT FROM (excluded.published_on, excluded.title, "
      "excluded.body, excluded.source_note)");
  for (const auto& x : d.initiative_news) {
    n.Bind(1, x.id).Bind(2, x.initiative_id).Bind(3, x.published_on).Bind(4, x.title).Bind(5, x.body);
    n.Bind(6, x.provenance).Bind(7, now).Run();
    n.Reset();
  }
}

void WriteTranslations(Connection& c, const DemoDataset& d, std::string_view now) {
  Statement t = c.Prepare(kTranslation);
  // Originals first: changing one flags the other locales outdated (trigger), and writing
  // those afterwards clears the flag again.
  for (bool originals : {true, false}) {
    for (const auto& x : d.translations) {
      if ((x.source == "original") != originals) continue;
      t.Bind(1, x.entity).Bind(2, x.entity_id).Bind(3, x.field).Bind(4, x.locale);
      t.Bind(5, x.value).Bind(6, x.source).Bind(7, now).Run();
      t.Reset();
    }
  }
}

int64_t Count(Connection& c, std::string_view table) {
  Statement s = c.Prepare("SELECT count(*) FROM " + std::string(table));
  s.Step();
  return s.Int(0);
}

}  // namespace

void LoadDemo(Database& db, const DemoDataset& d, std::string_view now_rfc3339) {
  db.Write([&](Connection& c) {
    // Parents, leads and partners may come later in the data than the rows that name them.
    c.DeferForeignKeys();
    WriteGazetteer(c, d);
    WriteDirectory(c, d, now_rfc3339);
    WriteProgramme(c, d, now_rfc3339);
    WriteHackathons(c, d, now_rfc3339);
    WriteInitiativeDetails(c, d, now_rfc3339);
    WriteTranslations(c, d, now_rfc3339);
    // The folded search documents are derived data: rebuilt in the same transaction.
    RebuildLibraryIndex(c);
  });
}

DemoCounts CountDemoRows(Database& db) {
  ReadLease r = db.Read();
  Connection& c = *r;
  DemoCounts n;
  n.municipalities = Count(c, "municipality");
  n.places = Count(c, "place");
  n.place_names = Count(c, "place_name");
  n.organizations = Count(c, "organization");
  n.locations = Count(c, "location");
  n.services = Count(c, "service");
  n.service_at_locations = Count(c, "service_at_location");
  n.phones = Count(c, "phone");
  n.attributes = Count(c, "attribute");
  n.initiatives = Count(c, "initiative");
  n.initiative_organizations = Count(c, "initiative_organization");
  n.partnerships = Count(c, "partnership");
  n.hackathons = Count(c, "hackathon");
  n.ideas = Count(c, "idea");
  n.taxonomy_terms = Count(c, "taxonomy_term");
  n.translations = Count(c, "translation");
  return n;
}

std::string FormatDemoCounts(const DemoCounts& n) {
  auto item = [](int64_t v, std::string_view what) {
    return std::to_string(v) + " " + std::string(what);
  };
  return item(n.municipalities, "municipalities, ") + item(n.places, "places (") +
         item(n.place_names, "names), ") + item(n.organizations, "organizations, ") +
         item(n.locations, "locations, ") + item(n.services, "services (") +
         item(n.service_at_locations, "at locations), ") + item(n.phones, "phones, ") +
         item(n.attributes, "attributes, ") + item(n.initiatives, "initiatives (") +
         item(n.initiative_organizations, "members, ") + item(n.partnerships, "partnerships), ") +
         item(n.hackathons, "hackathons, ") + item(n.ideas, "ideas, ") +
         item(n.taxonomy_terms, "taxonomy terms, ") + item(n.translations, "translations");
}

}  // namespace tilti::store
