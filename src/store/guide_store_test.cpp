#include "store/guide_store.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

constexpr const char* kNow = "2026-12-06T08:00:00Z";
constexpr const char* kLater = "2026-12-07T08:00:00Z";

class GuideStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { demo_ = std::make_unique<DemoDatabaseForTests>(); }
  static void TearDownTestSuite() { demo_.reset(); }
  Database& db() { return demo_->db(); }
  std::string Save(const GuideSource& g, const char* now = kNow) {
    return db().Write([&](Connection& c) { return SaveGuide(c, g, now); });
  }
  static GuideSource Guide(std::string slug, std::string title) {
    GuideSource g;
    g.slug = std::move(slug);
    g.title = std::move(title);
    g.summary = "Kopsavilkums";
    g.body = "Teksts.";
    g.published = true;
    return g;
  }
  static inline std::unique_ptr<DemoDatabaseForTests> demo_;
};

TEST_F(GuideStore, FallsBackToTheSourceTextAndSaysInWhichLocale) {
  const std::string id = Save(Guide("karte", "Lasītāja karte"));
  db().Write([&](Connection& c) {
    SaveGuideTranslation(c, id, "en", {{"title", "A library card"}}, kNow);
  });
  auto en = ReadGuide(*db().Read(), "karte", {"en", "lv"}, true);
  ASSERT_TRUE(en);
  EXPECT_EQ(en->title.text, "A library card");
  EXPECT_EQ(en->title.locale, "en");
  EXPECT_EQ(en->body.text, "Teksts.");  // no English body: the Latvian one, marked as such
  EXPECT_EQ(en->body.locale, "lv");
  // Ukrainian readers' chain goes to English before Latvian, never to Russian.
  auto uk = ReadGuide(*db().Read(), "karte", {"uk", "en", "lv"}, true);
  EXPECT_EQ(uk->title.text, "A library card");
  auto ru = ReadGuide(*db().Read(), "karte", {"ru", "lv"}, true);
  EXPECT_EQ(ru->title.locale, "lv");
  EXPECT_EQ(GuideLocaleState(*db().Read(), id, "lv"), "original");
  EXPECT_EQ(GuideLocaleState(*db().Read(), id, "en"), "missing");  // summary and body missing
  EXPECT_EQ(GuideLocaleState(*db().Read(), id, "ru"), "missing");
  db().Write([&](Connection& c) {
    SaveGuideTranslation(c, id, "en", {{"summary", "Summary"}, {"body", "Text."}}, kNow);
  });
  EXPECT_EQ(GuideLocaleState(*db().Read(), id, "en"), "translated");
}

TEST_F(GuideStore, ATranslationIsOutdatedWhenItsSourceChangesUntilSavedAgain) {
  GuideSource g = Guide("latviesu-valoda", "Latviešu valodas apguve");
  g.id = Save(g);
  db().Write([&](Connection& c) {
    SaveGuideTranslation(c, g.id, "en",
                         {{"title", "Learning Latvian"}, {"summary", "S"}, {"body", "B"}}, kNow);
  });
  EXPECT_EQ(GuideLocaleState(*db().Read(), g.id, "en"), "translated");
  // Saving the same source again changes nothing.
  Save(g, kLater);
  EXPECT_EQ(GuideLocaleState(*db().Read(), g.id, "en"), "translated");
  g.body = "Jauns teksts.";
  Save(g, kLater);
  EXPECT_EQ(GuideLocaleState(*db().Read(), g.id, "en"), "outdated");
  auto en = ReadGuide(*db().Read(), g.slug, {"en", "lv"}, true);
  EXPECT_TRUE(en->body.outdated);
  EXPECT_EQ(en->body.text, "B");
  EXPECT_FALSE(en->title.outdated);  // only the changed text
  auto fields = ReadGuideTranslation(*db().Read(), g.id, "en");
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[2].field, "body");
  EXPECT_EQ(fields[2].source_text, "Jauns teksts.");
  EXPECT_TRUE(fields[2].outdated);
  db().Write([&](Connection& c) {
    SaveGuideTranslation(c, g.id, "en", {{"body", "New text."}}, kLater);
  });
  EXPECT_EQ(GuideLocaleState(*db().Read(), g.id, "en"), "translated");
  // The source locale is never written as a translation; emptied texts fall back.
  db().Write([&](Connection& c) {
    SaveGuideTranslation(c, g.id, "lv", {{"body", "Cits"}}, kLater);
    SaveGuideTranslation(c, g.id, "en", {{"body", ""}}, kLater);
  });
  auto lv = ReadGuide(*db().Read(), g.slug, {"lv"}, true);
  EXPECT_EQ(lv->body.text, "Jauns teksts.");
  en = ReadGuide(*db().Read(), g.slug, {"en", "lv"}, true);
  EXPECT_EQ(en->body.text, "Jauns teksts.");
  EXPECT_EQ(en->body.locale, "lv");
}

TEST_F(GuideStore, TheEasyLanguageVersionIsLinkedBothWays) {
  const std::string original = Save(Guide("e-pakalpojumi", "Palīdzība e-pakalpojumos"));
  GuideSource easy = Guide("e-pakalpojumi-viegli", "E-pakalpojumi vieglā valodā");
  easy.easy_version_of = original;
  easy.published = false;
  easy.id = Save(easy);
  // Unpublished: the public page of the original does not link it; the back office does.
  EXPECT_EQ(ReadGuide(*db().Read(), "e-pakalpojumi", {"lv"}, true)->easy_slug, "");
  EXPECT_EQ(ReadGuide(*db().Read(), "e-pakalpojumi", {"lv"}, false)->easy_slug,
            "e-pakalpojumi-viegli");
  EXPECT_FALSE(ReadGuide(*db().Read(), "e-pakalpojumi-viegli", {"lv"}, true));
  easy.published = true;
  Save(easy);
  auto from = ReadGuide(*db().Read(), "e-pakalpojumi", {"lv"}, true);
  EXPECT_EQ(from->easy_slug, "e-pakalpojumi-viegli");
  EXPECT_EQ(from->easy_title.text, "E-pakalpojumi vieglā valodā");
  EXPECT_EQ(from->original_slug, "");
  auto to = ReadGuide(*db().Read(), "e-pakalpojumi-viegli", {"lv"}, true);
  EXPECT_EQ(to->original_slug, "e-pakalpojumi");
  EXPECT_EQ(to->original_title.text, "Palīdzība e-pakalpojumos");
  EXPECT_EQ(to->easy_slug, "");
  // One easy version per guide: a second one is refused.
  EXPECT_TRUE(EasyVersionTaken(*db().Read(), original, ""));
  EXPECT_FALSE(EasyVersionTaken(*db().Read(), original, easy.id));
  GuideSource second = Guide("otra", "Otra");
  second.easy_version_of = original;
  EXPECT_THROW(Save(second), SqlError);
  // The list marks it.
  bool marked = false;
  for (const auto& item : ListGuides(*db().Read(), {"lv"}, true)) {
    if (item.slug == "e-pakalpojumi-viegli") marked = item.is_easy;
    if (item.slug == "e-pakalpojumi") {
      EXPECT_FALSE(item.is_easy);
    }
  }
  EXPECT_TRUE(marked);
}

TEST_F(GuideStore, ListsByTopicThenPositionAndHidesUnpublished) {
  GuideSource a = Guide("z-integracija", "Integrācija");
  a.topic = "integration";
  Save(a);
  GuideSource b = Guide("a-kas-ir", "Bibliotēka");
  b.topic = "libraries";
  b.position = 5;
  Save(b);
  GuideSource hidden = Guide("melnraksts", "Melnraksts");
  hidden.published = false;
  Save(hidden);
  std::vector<std::string> slugs;
  for (const auto& item : ListGuides(*db().Read(), {"lv"}, true)) slugs.push_back(item.slug);
  auto pos = [&](const std::string& s) {
    return std::find(slugs.begin(), slugs.end(), s) - slugs.begin();
  };
  EXPECT_LT(pos("a-kas-ir"), pos("z-integracija"));
  EXPECT_EQ(pos("melnraksts"), static_cast<long>(slugs.size()));
  bool listed = false;
  for (const auto& item : ListGuides(*db().Read(), {"lv"}, false))
    listed |= item.slug == "melnraksts";
  EXPECT_TRUE(listed);
}

}  // namespace
}  // namespace tilti::store
