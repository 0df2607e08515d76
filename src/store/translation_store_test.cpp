#include "store/translation_store.h"

#include <gtest/gtest.h>

#include <set>

#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

class TranslationStore : public ::testing::Test {
 protected:
  void SetUp() override {
    temp_ = std::make_unique<MigratedDatabaseForTests>();
    temp_->db().Write([](Connection& c) {
      c.Exec(
          "INSERT INTO organization (id, slug, kind, name, description, last_modified) VALUES"
          " ('o1', 'lib-a', 'library', 'Bibliotēka A', 'Apraksts', '2026-01-01T00:00:00Z'),"
          " ('o2', 'lib-b', 'library', 'Bibliotēka B', '', '2026-01-01T00:00:00Z');"
          "INSERT INTO service (id, organization_id, name, last_modified) VALUES"
          " ('s1', 'o1', 'Valodu kafejnīca', '2026-01-01T00:00:00Z');"
          "INSERT INTO translation (entity, entity_id, field, locale, value, source, updated_at)"
          " VALUES ('organization', 'o1', 'name', 'lv', 'Bibliotēka A', 'original', 'x'),"
          " ('organization', 'o1', 'description', 'lv', 'Apraksts', 'original', 'x'),"
          " ('organization', 'o1', 'name', 'ru', 'Библиотека А', 'human', 'x'),"
          " ('organization', 'o2', 'name', 'lv', 'Bibliotēka B', 'original', 'x'),"
          " ('service', 's1', 'name', 'lv', 'Valodu kafejnīca', 'original', 'x');");
    });
  }
  Database& db() { return temp_->db(); }
  std::unique_ptr<MigratedDatabaseForTests> temp_;
  Author anna{"acc-1", "Anna"};
};

TEST_F(TranslationStore, ReadsSourceBesideTarget) {
  auto r = ReadTranslatable(*db().Read(), "organization", "o1", "ru");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->fields.size(), 2u);
  EXPECT_EQ(r->fields[0].source_text, "Bibliotēka A");
  EXPECT_EQ(r->fields[0].source_locale, "lv");
  EXPECT_EQ(r->fields[0].value, "Библиотека А");
  EXPECT_EQ(r->fields[1].value, "");
  EXPECT_FALSE(ReadTranslatable(*db().Read(), "organization", "nope", "ru"));
  EXPECT_FALSE(ReadTranslatable(*db().Read(), "taxonomy", "o1", "ru"));
}

TEST_F(TranslationStore, SavesHumanRowsAuditsAndRemovesEmptiedOnes) {
  int n = db().Write([&](Connection& c) {
    return SaveTranslations(c, "organization", "o1", "ru",
                            {{"name", ""}, {"description", "Описание"}, {"bogus", "x"}}, anna,
                            "2026-11-22T10:00:00Z");
  });
  EXPECT_EQ(n, 2);
  auto r = ReadTranslatable(*db().Read(), "organization", "o1", "ru");
  EXPECT_EQ(r->fields[0].value, "");
  EXPECT_EQ(r->fields[1].value, "Описание");
  EXPECT_EQ(r->fields[1].source, "human");
  auto history = HistoryOf(*db().Read(), "organization", "o1", 10);
  ASSERT_EQ(history.size(), 2u);
  std::set<std::string> fields = {history[0].field, history[1].field};
  EXPECT_TRUE(fields.count("name@ru") && fields.count("description@ru"));
  EXPECT_EQ(history[0].action, "translate");
  // The original's own locale is never written.
  EXPECT_EQ(db().Write([&](Connection& c) {
    return SaveTranslations(c, "organization", "o1", "lv", {{"name", "X"}}, anna, "t");
  }), 0);
  EXPECT_EQ(ReadTranslatable(*db().Read(), "organization", "o1", "lv")->fields[0].value,
            "Bibliotēka A");
}

TEST_F(TranslationStore, OutdatedAfterTheOriginalChangesAndClearedBySaving) {
  db().Write([](Connection& c) {
    c.Exec("UPDATE translation SET value = 'Bibliotēka Ā' WHERE entity = 'organization'"
           " AND entity_id = 'o1' AND field = 'name' AND source = 'original'");
  });
  EXPECT_TRUE(ReadTranslatable(*db().Read(), "organization", "o1", "ru")->fields[0].outdated);
  OrganizationScope all{true, {}};
  Backlog b = TranslationBacklog(*db().Read(), {"en"}, "ru", all, 10, 0, 5);
  EXPECT_EQ(b.organizations, 2);
  EXPECT_EQ(b.missing, 3) << "o1 description, o2 name, s1 name";
  EXPECT_EQ(b.outdated, 1);
  ASSERT_EQ(b.page.size(), 2u);
  EXPECT_EQ(b.page[0].organization_id, "o1");
  ASSERT_EQ(b.page[0].records.size(), 2u);
  EXPECT_EQ(b.page[0].records[0].entity, "organization");
  EXPECT_EQ(b.page[0].records[1].entity, "service");

  OrganizationScope own{false, {"o2"}};
  Backlog mine = TranslationBacklog(*db().Read(), {"en"}, "ru", own, 10, 0, 5);
  EXPECT_EQ(mine.organizations, 1);
  EXPECT_EQ(mine.missing, 1);

  auto pending = PendingTranslations(*db().Read(), "ru", all, 100);
  ASSERT_EQ(pending.size(), 4u);
  EXPECT_EQ(pending[1].field, "name");
  EXPECT_TRUE(pending[1].outdated);
  EXPECT_EQ(pending[1].translation, "Библиотека А");

  db().Write([&](Connection& c) {
    SaveTranslations(c, "organization", "o1", "ru", {{"name", "Библиотека А"}}, anna, "t");
  });
  EXPECT_FALSE(ReadTranslatable(*db().Read(), "organization", "o1", "ru")->fields[0].outdated);
}

TEST_F(TranslationStore, ImportIsAllOrNothing) {
  auto only_o1 = [](const std::string& org) { return org == "o1"; };
  std::vector<ImportedTranslation> entries = {
      {3, "organization", "o1", "description", "Apraksts", "Описание"},
      {7, "organization", "o2", "name", "Bibliotēka B", "Библиотека Б"},
      {9, "service", "s1", "name", "Changed source", "Языковое кафе"},
      {11, "service", "nope", "name", "x", "y"},
      {13, "organization", "o1", "name", "Bibliotēka A", ""},
  };
  ImportOutcome bad = db().Write([&](Connection& c) {
    return ImportTranslations(c, "ru", entries, only_o1, anna, "t");
  });
  ASSERT_EQ(bad.problems.size(), 3u);
  EXPECT_EQ(bad.problems[0], std::make_pair(7, ImportProblem::kNotPermitted));
  EXPECT_EQ(bad.problems[1], std::make_pair(9, ImportProblem::kSourceChanged));
  EXPECT_EQ(bad.problems[2], std::make_pair(11, ImportProblem::kUnknownEntry));
  EXPECT_EQ(ReadTranslatable(*db().Read(), "organization", "o1", "ru")->fields[1].value, "");

  entries = {entries[0], {9, "service", "s1", "name", "Valodu kafejnīca", "Языковое кафе"},
             entries[4]};
  ImportOutcome good = db().Write([&](Connection& c) {
    return ImportTranslations(c, "ru", entries, only_o1, anna, "t");
  });
  EXPECT_TRUE(good.problems.empty());
  EXPECT_EQ(good.imported, 2);
  EXPECT_EQ(ReadTranslatable(*db().Read(), "service", "s1", "ru")->fields[0].value,
            "Языковое кафе");
  EXPECT_EQ(ReadTranslatable(*db().Read(), "organization", "o1", "ru")->fields[0].value,
            "Библиотека А") << "an empty translation in a file changes nothing";
}

}  // namespace
}  // namespace tilti::store
