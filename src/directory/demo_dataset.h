#pragma once
// The demo data set: the libraries, municipalities, institutions and initiatives named in the
// seed documents, placed on the gazetteer of Latvia. The files live in demo/ (see
// demo/README.md for the format and the provenance of every fact) and are embedded in the
// binary; ParseDemo turns them into plain records with their final, deterministic ids, and
// store/demo_store.h writes them. Pure: no I/O besides reading the given bytes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded.h"
#include "core/error.h"

namespace tilti::directory {

struct DemoMunicipality {
  std::string id;    // ISO 3166-2, e.g. "LV-042"
  std::string name;  // Latvian, as in the source (after demo.json "corrections")
  std::string kind;  // "novads" or "valstspilseta"
  double latitude = 0;
  double longitude = 0;
  std::optional<int64_t> population;
  std::optional<std::string> wikidata_id;
};

struct DemoPlaceName {
  std::string locale;  // "lv", "ru", "uk", "en"; "und" for GeoNames alternate names
  std::string name;
};

struct DemoPlace {
  int64_t id = 0;      // the csc city id or the GeoNames id (the two ranges do not overlap)
  std::string source;  // "csc" or "geonames"
  std::string name;    // Latvian
  std::optional<std::string> municipality_id;
  double latitude = 0;
  double longitude = 0;
  std::optional<int64_t> population;
  bool is_town = false;  // one of the 125 csc towns
  std::vector<DemoPlaceName> names;
};

struct DemoOrganization {
  std::string id;
  std::string slug;
  std::string kind;  // library, municipality, municipal_body, ngo, state_agency, foreign_partner
  std::string name;  // in source_locale
  std::optional<std::string> alternate_name;
  std::string description;  // in source_locale; may be empty
  std::optional<std::string> website;
  std::optional<std::string> legal_status;
  std::optional<std::string> parent_organization_id;
  std::string country;  // ISO 3166-1 alpha-2
  std::optional<std::string> municipality_id;
  std::string source_locale;
  std::string provenance;  // seed and line, from demo.json "source"
};

struct DemoLocation {
  std::string id;
  std::string slug;
  std::string organization_id;
  std::string name;  // in source_locale
  double latitude = 0;
  double longitude = 0;
  std::optional<std::string> municipality_id;
  std::optional<int64_t> place_id;
  bool coordinates_approximate = true;  // the town's coordinates, not the building's
  std::string source_locale;
  std::string provenance;
};

struct DemoService {
  std::string id;
  std::string key;  // "<organization slug>/<service key>", unique
  std::string organization_id;
  std::string name;
  std::string description;
  std::string source_locale;
  std::string provenance;
};

struct DemoServiceAtLocation {
  std::string id;
  std::string service_id;
  std::string location_id;
};

struct DemoPhone {
  std::string id;
  std::optional<std::string> location_id;
  std::optional<std::string> service_id;
  std::string number;  // "+371 65426422"
  std::string type;    // HSDS phone type, e.g. "voice"
  std::string provenance;
};

// A link from a record to a taxonomy term, named by codes; the store resolves the term.
struct DemoAttribute {
  std::string id;
  std::string link_entity;  // "service"
  std::string link_id;
  std::string taxonomy;  // taxonomy code, e.g. "service-type"
  std::string term;      // term code, e.g. "public-computers"
};

struct DemoInitiative {
  std::string id;
  std::string slug;
  std::string name;
  std::optional<std::string> short_name;
  std::string description;
  std::optional<std::string> programme;
  std::optional<std::string> call_code;
  std::optional<std::string> starts_on;  // YYYY-MM-DD
  std::optional<std::string> ends_on;
  std::optional<std::string> lead_organization_id;
  std::optional<int64_t> budget_total_cents;  // euro cents
  std::string source_locale;
  std::string provenance;
};

struct DemoInitiativeMember {
  std::string initiative_id;
  std::string organization_id;
  std::string role;  // lead, partner, participant, administrator
};

struct DemoPartnership {
  std::string id;
  std::string initiative_id;
  std::string library_organization_id;
  std::optional<std::string> municipality_organization_id;
  std::optional<std::string> integration_organization_id;
  int position = 0;  // 1-based order of the source table
};

// A source of an initiative's money as the seed prints it (table initiative_funding).
struct DemoFunding {
  std::string initiative_id;
  std::string funder;  // Latvian, as printed
  int64_t amount_cents = 0;
  std::string provenance;
};

// A hackathon of an initiative (seed 004): head counts only.
struct DemoHackathon {
  std::string id;
  std::string initiative_id;
  std::string held_on;  // YYYY-MM-DD
  std::string host_organization_id;
  std::vector<std::string> library_organization_ids;  // the host first
  int64_t participants = 0;
  std::string provenance;
};

// An idea recorded at an initiative's hackathons; its title per locale goes to translations.
struct DemoIdea {
  std::string id;
  std::string initiative_id;
  std::string category;  // language-culture, digital-skills, information-access, community-engagement
  std::string title;     // in the initiative's source locale
  int position = 0;
  std::string provenance;
};

// An initiative's expected result (its text per locale goes to translations) and news item.
struct DemoInitiativeGoal {
  std::string id, initiative_id, kind;  // kind: goal, result
  int position = 0;
  std::string text;  // in the initiative's source locale
  std::string provenance;
};
struct DemoInitiativeNews {
  std::string id, initiative_id, published_on, title, body, provenance;
};
struct DemoInitiativeTargetGroup {
  std::string initiative_id, term;  // a 'target-group' term code
};

struct DemoTranslation {
  std::string entity;  // table: "organization", "location", "service", "initiative", ...
  std::string entity_id;
  std::string field;  // "name", "description"
  std::string locale;
  std::string value;
  std::string source;  // "original" (the base column's text) or "human"
};

struct DemoDataset {
  std::vector<DemoMunicipality> municipalities;
  std::vector<DemoPlace> places;  // the csc towns first, then the GeoNames places
  std::vector<DemoOrganization> organizations;
  std::vector<DemoLocation> locations;
  std::vector<DemoService> services;
  std::vector<DemoServiceAtLocation> service_at_locations;
  std::vector<DemoPhone> phones;
  std::vector<DemoAttribute> attributes;
  std::vector<DemoInitiative> initiatives;
  std::vector<DemoInitiativeMember> initiative_members;
  std::vector<DemoPartnership> partnerships;
  std::vector<DemoFunding> funding;
  std::vector<DemoHackathon> hackathons;
  std::vector<DemoIdea> ideas;
  std::vector<DemoInitiativeGoal> initiative_goals;
  std::vector<DemoInitiativeNews> initiative_news;
  std::vector<DemoInitiativeTargetGroup> initiative_target_groups;
  // Every locale of every human text field, the source locale's row (source "original") first.
  std::vector<DemoTranslation> translations;

  // Lookups for callers and tests; nullptr when absent.
  const DemoOrganization* FindOrganization(std::string_view slug) const;
  const DemoLocation* FindLocationOf(std::string_view organization_id) const;
  const DemoTranslation* FindTranslation(std::string_view entity, std::string_view entity_id,
                                         std::string_view field, std::string_view locale) const;
};

// Parses the demo files: `files` holds at least "demo.json" and the three files its "sources"
// names (paths relative to demo/, as tilti::embedded::demo() gives them; tests may pass files
// read from disk). Errors are kInvalidInput with a detail that names the file and the line
// ("sources/lv-municipalities.csv:12: ...") or, inside JSON, the line and column of a syntax
// error or the path of the offending value ("demo.json: organizations[3].kind: ...").
Result<DemoDataset> ParseDemo(const std::vector<embedded::File>& files);

}  // namespace tilti::directory
