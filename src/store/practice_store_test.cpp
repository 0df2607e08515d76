#include "store/practice_store.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/demo_database_for_tests.h"
#include "store/translation_store.h"

namespace tilti::store {
namespace {

constexpr const char* kNow = "2026-12-06T08:00:00Z";
constexpr const char* kLater = "2026-12-07T08:00:00Z";

class PracticeStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { demo_ = std::make_unique<DemoDatabaseForTests>(); }
  static void TearDownTestSuite() { demo_.reset(); }
  Database& db() { return demo_->db(); }
  std::string Save(const PracticeSource& p, const char* now = kNow) {
    return db().Write([&](Connection& c) { return SavePractice(c, p, now); });
  }
  std::string OrgId(const char* slug) {
    auto c = db().Read();
    Statement st = c->Prepare("SELECT id FROM organization WHERE slug = ?1");
    st.Bind(1, slug);
    return st.Step() ? st.Text(0) : "";
  }
  PracticeSource Practice(std::string title, std::string submitted_by) {
    PracticeSource p;
    p.title = std::move(title);
    p.category = "digital-skills";
    p.problem = "Seniori nevar pieteikties e-pakalpojumiem.";
    p.what_done = "Konsultācijas ar tulku.";
    p.organization_id = OrgId("ogres-centrala-biblioteka");
    p.country = "LV";
    p.submitted_by = std::move(submitted_by);
    return p;
  }
  int64_t Found(const PracticeFilter& f) { return PublishedPractices(*db().Read(), f, {"en", "lv"}, 20, 0).total; }
  static inline std::unique_ptr<DemoDatabaseForTests> demo_;
};

TEST_F(PracticeStore, TheDemoPracticeIsPublishedWithItsLibraryAndGroups) {
  auto p = PracticeBySlug(*db().Read(), "open-up-jekabpils", {"en", "lv"});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->status, "published");
  EXPECT_FALSE(p->library.text.empty());
  EXPECT_EQ(p->library_slug, "jekabpils-novada-galvena-biblioteka");
  EXPECT_EQ(p->title.locale, "lv");  // no English text: the Latvian one, marked
  EXPECT_EQ(p->target_groups.size(), 2u);
  EXPECT_FALSE(p->published_at.empty());
}

TEST_F(PracticeStore, ASubmissionIsFoundOnlyOncePublishedAndSearchFoldsEveryLocale) {
  const std::string slug = Save(Practice("Digitālās prasmes senioriem", "acc-author"));
  EXPECT_EQ(slug, "digitalas-prasmes-senioriem");
  PracticeFilter words;
  words.query = "E-PAKALPOJUMIEM seniori";
  EXPECT_EQ(Found(words), 0);  // submitted, not published
  auto stored = LoadPractice(*db().Read(), slug);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, "submitted");
  db().Write([&](Connection& c) { SetPracticeStatus(c, stored->id, "published", "", "acc-coord", kLater); });
  EXPECT_EQ(Found(words), 1);
  words.query = "e pakalpojumiem senioriem dators";  // every word must match
  EXPECT_EQ(Found(words), 0);
  // A translation's words are found once the search text is refreshed.
  db().Write([&](Connection& c) {
    Statement st = c.Prepare(
        "INSERT INTO translation (entity, entity_id, field, locale, value, source, updated_at)"
        " VALUES ('practice', ?1, 'title', 'uk', 'Цифрові навички для людей похилого віку', 'human', ?2)");
    st.Bind(1, stored->id).Bind(2, kNow).Run();
    RefreshPracticeSearch(c, stored->id);
  });
  PracticeFilter uk;
  uk.query = "цифрові";
  EXPECT_EQ(Found(uk), 1);
  // Publishing again keeps the first publication date.
  db().Write([&](Connection& c) { SetPracticeStatus(c, stored->id, "published", "", "acc-coord", "2027-01-01T00:00:00Z"); });
  EXPECT_EQ(PracticeBySlug(*db().Read(), slug, {"lv"})->published_at, kLater);
}

TEST_F(PracticeStore, FiltersCombineAndTheBackOfficeListIsScoped) {
  PracticeSource abroad = Practice("Bibliotekų tiltai", "acc-other");
  abroad.organization_id = "";
  abroad.library_name = "Rokiškio biblioteka";
  abroad.country = "LT";
  abroad.category = "partnership";
  const std::string slug = Save(abroad);
  const std::string id = LoadPractice(*db().Read(), slug)->id;
  db().Write([&](Connection& c) { SetPracticeStatus(c, id, "published", "", "acc-coord", kLater); });
  PracticeFilter lt;
  lt.country = "LT";
  EXPECT_EQ(Found(lt), 1);
  lt.category = "digital-skills";
  EXPECT_EQ(Found(lt), 0);
  auto view = PracticeBySlug(*db().Read(), slug, {"en", "lv"});
  EXPECT_EQ(view->library.text, "Rokiškio biblioteka");
  EXPECT_EQ(view->library_slug, "");
  const auto countries = PracticeCountries(*db().Read());
  EXPECT_NE(std::find(countries.begin(), countries.end(), "LT"), countries.end());
  // The author sees their own; a member of the library sees its practices; others see neither.
  const auto own = PracticesInBackOffice(*db().Read(), false, "acc-other", {}, {"lv"});
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].slug, slug);
  const auto library = PracticesInBackOffice(*db().Read(), false, "acc-x", {OrgId("jekabpils-novada-galvena-biblioteka")}, {"lv"});
  ASSERT_EQ(library.size(), 1u);
  EXPECT_EQ(library[0].slug, "open-up-jekabpils");
  EXPECT_TRUE(PracticesInBackOffice(*db().Read(), false, "acc-nobody", {"\"quote"}, {"lv"}).empty());
  EXPECT_GE(PracticesInBackOffice(*db().Read(), true, "", {}, {"lv"}).size(), 2u);
}

TEST_F(PracticeStore, ChangesReplaceGroupsAndLinks) {
  PracticeSource p = Practice("Sarunu klubs", "acc-author");
  auto c = db().Read();
  Statement s = c->Prepare("SELECT id FROM service WHERE organization_id = ?1 ORDER BY id LIMIT 2");
  s.Bind(1, p.organization_id);
  while (s.Step()) p.service_ids.push_back(s.Text(0));
  ASSERT_FALSE(p.service_ids.empty());
  const std::string slug = Save(p);
  auto stored = LoadPractice(*db().Read(), slug);
  EXPECT_EQ(stored->service_ids.size(), p.service_ids.size());
  stored->service_ids.resize(1);
  stored->title = "Sarunu klubs ģimenēm";
  Save(*stored, kLater);
  auto view = PracticeBySlug(*db().Read(), slug, {"lv"});
  EXPECT_EQ(view->services.size(), 1u);
  EXPECT_EQ(view->title.text, "Sarunu klubs ģimenēm");
  EXPECT_EQ(view->slug, slug);  // the address stays
}

}  // namespace
}  // namespace tilti::store
