#include "directory/demo_dataset.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/ids.h"

namespace tilti::directory {
namespace {

namespace fs = std::filesystem;

// The files of demo/ read from the source tree, as tilti::embedded::demo() would give them.
class DemoFiles {
 public:
  DemoFiles() {
    const fs::path root = fs::path(TILTI_SOURCE_DIR) / "demo";
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      bytes_[fs::relative(entry.path(), root).generic_string()] = ss.str();
    }
  }
  std::string& operator[](const std::string& path) { return bytes_.at(path); }
  std::vector<embedded::File> Files() const {
    std::vector<embedded::File> out;
    for (const auto& [path, bytes] : bytes_) out.push_back({path, bytes});
    return out;
  }

 private:
  std::map<std::string, std::string> bytes_;
};

const DemoDataset& RealDemo() {
  static const DemoDataset d = [] {
    DemoFiles files;
    auto r = ParseDemo(files.Files());
    if (!r.ok()) throw std::runtime_error(r.error().detail);
    return std::move(r.value());
  }();
  return d;
}

std::string ParseError(DemoFiles& files) {
  auto r = ParseDemo(files.Files());
  if (r.ok()) return "(parsed without error)";
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  return r.error().detail;
}

void Replace(std::string& text, std::string_view from, std::string_view to) {
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

TEST(DemoDataset, ReadsTheGazetteer) {
  const DemoDataset& d = RealDemo();
  EXPECT_EQ(d.municipalities.size(), 43u);
  EXPECT_EQ(std::count_if(d.municipalities.begin(), d.municipalities.end(),
                          [](const auto& m) { return m.kind == "valstspilseta"; }),
            7);
  size_t towns = 0, geonames = 0;
  for (const auto& p : d.places) {
    if (p.is_town) ++towns;
    if (p.source == "geonames") ++geonames;
  }
  EXPECT_EQ(towns, 125u);
  EXPECT_GE(geonames, 4400u);
  EXPECT_EQ(geonames, 4463u);
}

TEST(DemoDataset, AppliesCorrectionsToTheSources) {
  const DemoDataset& d = RealDemo();
  auto town = [&](int64_t id) {
    return *std::find_if(d.places.begin(), d.places.end(),
                         [&](const DemoPlace& p) { return p.id == id; });
  };
  EXPECT_EQ(town(66891).municipality_id, "LV-DGV");  // Daugavpils, 111 in the source
  EXPECT_EQ(town(66948).name, "Rīga");
  const DemoPlace ogre = town(66935);
  for (const auto& n : ogre.names) {
    if (n.locale == "ru" || n.locale == "uk") {
      EXPECT_EQ(n.name, "Огре");
    }
  }
  auto rix = std::find_if(d.municipalities.begin(), d.municipalities.end(),
                          [](const auto& m) { return m.id == "LV-RIX"; });
  EXPECT_EQ(rix->name, "Rīga");
  const DemoTranslation* dgv = d.FindTranslation("municipality", "LV-DGV", "name", "uk");
  ASSERT_NE(dgv, nullptr);
  EXPECT_EQ(dgv->value, "Даугавпілс");
  EXPECT_EQ(d.FindTranslation("municipality", "LV-011", "name", "ru"), nullptr);  // no such town
}

TEST(DemoDataset, GivesGeoNamesPlacesAMunicipalityOnlyWhenTheyAreACscTown) {
  const DemoDataset& d = RealDemo();
  auto geoname = [&](int64_t id) {
    return *std::find_if(d.places.begin(), d.places.end(),
                         [&](const DemoPlace& p) { return p.id == id; });
  };
  EXPECT_EQ(geoname(453754).municipality_id, "LV-113");      // Valmiera
  EXPECT_EQ(geoname(454768).municipality_id, "LV-099");      // Tukums, the town
  EXPECT_EQ(geoname(454770).municipality_id, std::nullopt);  // a village Tukums far away
  EXPECT_EQ(geoname(453756).municipality_id, std::nullopt);  // Jaunzemji: no csc town
  const DemoPlace valmiera = geoname(453754);
  EXPECT_TRUE(std::any_of(valmiera.names.begin(), valmiera.names.end(),
                          [](const auto& n) { return n.locale == "und" && n.name == "Wolmar"; }));
}

TEST(DemoDataset, HasTheTenLibriLibrariesPlacedInLatvia) {
  const DemoDataset& d = RealDemo();
  int libraries = 0;
  for (const auto& o : d.organizations) {
    if (o.kind != "library") continue;
    ++libraries;
    SCOPED_TRACE(o.slug);
    const DemoLocation* l = d.FindLocationOf(o.id);
    ASSERT_NE(l, nullptr);
    EXPECT_TRUE(l->coordinates_approximate);
    EXPECT_GT(l->latitude, 55.6);
    EXPECT_LT(l->latitude, 58.1);
    EXPECT_GT(l->longitude, 20.9);
    EXPECT_LT(l->longitude, 28.3);
    EXPECT_TRUE(l->place_id.has_value());
    EXPECT_EQ(l->municipality_id, o.municipality_id);
    for (const char* locale : {"lv", "ru", "uk", "en"}) {
      EXPECT_NE(d.FindTranslation("organization", o.id, "name", locale), nullptr) << locale;
      EXPECT_NE(d.FindTranslation("organization", o.id, "description", locale), nullptr);
      EXPECT_NE(d.FindTranslation("location", l->id, "name", locale), nullptr) << locale;
    }
    EXPECT_EQ(d.FindTranslation("organization", o.id, "name", "lv")->source, "original");
    EXPECT_EQ(d.FindTranslation("organization", o.id, "name", "uk")->source, "human");
  }
  EXPECT_EQ(libraries, 10);
  const DemoOrganization* lcb = d.FindOrganization("latgales-centrala-biblioteka");
  ASSERT_NE(lcb, nullptr);
  EXPECT_EQ(lcb->id, DeterministicUuid("organization:latgales-centrala-biblioteka"));
  EXPECT_EQ(lcb->municipality_id, "LV-DGV");
  EXPECT_EQ(d.FindOrganization("ventspils-biblioteka")->municipality_id, "LV-VEN");
  EXPECT_EQ(d.FindOrganization("ventspils-novada-pasvaldiba")->municipality_id, "LV-106");
}

TEST(DemoDataset, HasTheFourInitiativesAndTheLibriPartnerships) {
  const DemoDataset& d = RealDemo();
  ASSERT_EQ(d.initiatives.size(), 4u);
  const DemoInitiative& libri = d.initiatives[0];
  EXPECT_EQ(libri.slug, "libri");
  EXPECT_EQ(libri.call_code, "AMIF-2023-TF2-AG-CALL-AMIF");
  EXPECT_EQ(libri.starts_on, "2024-05-01");
  EXPECT_EQ(libri.ends_on, "2026-04-30");
  EXPECT_EQ(libri.lead_organization_id, d.FindOrganization("bibliotheques-sans-frontieres")->id);
  ASSERT_EQ(d.partnerships.size(), 10u);
  std::set<int> positions;
  for (const auto& p : d.partnerships) {
    EXPECT_EQ(p.initiative_id, libri.id);
    positions.insert(p.position);
  }
  EXPECT_EQ(positions, (std::set<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(d.partnerships[2].library_organization_id,
            d.FindOrganization("latgales-centrala-biblioteka")->id);
  EXPECT_EQ(d.partnerships[2].integration_organization_id,
            d.FindOrganization("sabiedribas-integracijas-fonds")->id);

  std::map<std::string, std::string> libri_roles;
  for (const auto& m : d.initiative_members) {
    if (m.initiative_id == libri.id) libri_roles[m.organization_id] = m.role;
  }
  EXPECT_EQ(libri_roles.size(), 35u);  // 7 consortium + 10 libraries + 18 local partners
  EXPECT_EQ(libri_roles[d.FindOrganization("eblida")->id], "partner");
  EXPECT_EQ(libri_roles[d.FindOrganization("kobzar")->id], "participant");
  EXPECT_EQ(d.initiative_members.size(), 44u);

  const auto open_up = std::find_if(d.initiatives.begin(), d.initiatives.end(),
                                    [](const auto& i) { return i.slug == "open-up"; });
  ASSERT_NE(open_up, d.initiatives.end());
  EXPECT_EQ(open_up->call_code, "LLI-263");
  EXPECT_EQ(open_up->budget_total_cents, 17668075);
}

TEST(DemoDataset, HasSeed004sFiveHackathonsWith124ParticipantsAndTheirIdeas) {
  const DemoDataset& d = RealDemo();
  ASSERT_EQ(d.hackathons.size(), 5u);
  int64_t participants = 0;
  for (const auto& h : d.hackathons) participants += h.participants;
  EXPECT_EQ(participants, 124);  // seed 004:163 "Kopā 5 124"
  const DemoHackathon& ogre = d.hackathons[4];
  EXPECT_EQ(ogre.held_on, "2025-09-16");
  EXPECT_EQ(ogre.host_organization_id, d.FindOrganization("ogres-centrala-biblioteka")->id);
  EXPECT_EQ(ogre.library_organization_ids.size(), 4u);  // the host and three more
  EXPECT_EQ(ogre.participants, 29);
  ASSERT_EQ(d.ideas.size(), 14u);
  std::map<std::string, int> by_category;
  for (const auto& i : d.ideas) ++by_category[i.category];
  EXPECT_EQ(by_category, (std::map<std::string, int>{{"community-engagement", 4}, {"digital-skills", 1},
                                                     {"information-access", 5}, {"language-culture", 4}}));
  const DemoTranslation* uk = d.FindTranslation("idea", d.ideas[0].id, "title", "uk");
  ASSERT_NE(uk, nullptr);
  EXPECT_EQ(uk->value, "Розмовні клуби");
}

TEST(DemoDataset, HasLibrisExpectedResultsTargetGroupsAndNews) {
  const DemoDataset& d = RealDemo();
  ASSERT_EQ(d.initiative_goals.size(), 4u);  // seed 001:16-19
  EXPECT_EQ(d.initiative_goals[3].kind, "result");
  EXPECT_NE(d.initiative_goals[3].text.find("E-PANEMA"), std::string::npos);
  ASSERT_EQ(d.initiative_news.size(), 1u);
  EXPECT_EQ(d.initiative_news[0].published_on, "2025-04-10");  // seed 001:8
  EXPECT_EQ(d.initiative_target_groups.size(), 6u);
}

TEST(DemoDataset, ServicesComeFromTheSeedsWithTheirTaxonomyTerms) {
  const DemoDataset& d = RealDemo();
  EXPECT_EQ(d.services.size(), 32u);  // 3 from seed 000 at each library, 2 from seeds 001/003
  EXPECT_EQ(d.service_at_locations.size(), d.services.size());
  EXPECT_EQ(d.phones.size(), 2u);
  auto kids = std::find_if(d.services.begin(), d.services.end(), [](const auto& s) {
    return s.key == "jekabpils-novada-galvena-biblioteka/childrens-department-activities";
  });
  ASSERT_NE(kids, d.services.end());
  std::set<std::string> terms;
  for (const auto& a : d.attributes) {
    if (a.link_id == kids->id) terms.insert(a.taxonomy + "/" + a.term);
  }
  EXPECT_EQ(terms,
            (std::set<std::string>{"service-type/children-activities", "target-group/children",
                                   "target-group/families-at-social-risk"}));
  for (const auto& s : d.services) {
    for (const char* locale : {"lv", "ru", "uk", "en"}) {
      EXPECT_NE(d.FindTranslation("service", s.id, "name", locale), nullptr) << s.key;
      EXPECT_NE(d.FindTranslation("service", s.id, "description", locale), nullptr) << s.key;
    }
  }
}

TEST(DemoDataset, BrokenJsonNamesFileLineAndColumn) {
  DemoFiles files;
  Replace(files["demo.json"], "\"format\": \"tilti-demo 1\",", "\"format\": \"tilti-demo 1\",,");
  EXPECT_EQ(ParseError(files).rfind("demo.json:2:28: invalid JSON", 0), 0u) << ParseError(files);
}

TEST(DemoDataset, TruncatedJsonIsAnError) {
  DemoFiles files;
  files["sources/lv-towns.json"].resize(1000);
  EXPECT_EQ(ParseError(files).rfind("sources/lv-towns.json:", 0), 0u) << ParseError(files);
}

TEST(DemoDataset, MisspeltKeyIsAnErrorWithItsPath) {
  DemoFiles files;
  Replace(files["demo.json"], "\"kind\": \"library\"", "\"knid\": \"library\"");
  EXPECT_EQ(ParseError(files), "demo.json: organizations[0].knid: unknown key");
}

TEST(DemoDataset, UnknownReferenceIsAnError) {
  DemoFiles files;
  Replace(files["demo.json"], "\"integration\": \"kobzar\"", "\"integration\": \"kobzarr\"");
  EXPECT_EQ(ParseError(files),
            "demo.json: initiatives[0].partnerships[9].integration: no organization \"kobzarr\"");
}

TEST(DemoDataset, BadCsvRowNamesFileAndLine) {
  DemoFiles files;
  Replace(files["sources/lv-municipalities.csv"], "55.87122670", "55,87122670");
  EXPECT_EQ(ParseError(files), "sources/lv-municipalities.csv:9: 18 fields, the header has 17");
  DemoFiles quoted;
  quoted["sources/lv-municipalities.csv"] += "9999,\"unterminated\n";
  EXPECT_EQ(ParseError(quoted), "sources/lv-municipalities.csv:45: unterminated quoted field");
}

TEST(DemoDataset, MissingFileIsAnError) {
  DemoFiles files;
  auto all = files.Files();
  std::erase_if(all, [](const auto& f) { return f.path == "sources/lv-geonames-places.tsv"; });
  auto r = ParseDemo(all);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().detail, "sources/lv-geonames-places.tsv: missing from the demo files");
}

}  // namespace
}  // namespace tilti::directory
