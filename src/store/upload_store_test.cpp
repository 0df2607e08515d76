#include "store/upload_store.h"

#include <gtest/gtest.h>

#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

using namespace std::string_literals;
constexpr const char* kNow = "2026-12-06T08:00:00Z";

class UploadStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { demo_ = std::make_unique<DemoDatabaseForTests>(); }
  static void TearDownTestSuite() { demo_.reset(); }
  Database& db() { return demo_->db(); }
  std::string One(const std::string& sql) {
    auto lease = db().Read();
    Statement st = lease->Prepare(sql);
    return st.Step() ? st.Text(0) : "";
  }
  std::string Libri() { return One("SELECT id FROM initiative WHERE slug = 'libri'"); }
  std::string Save(const std::string& bytes, const std::string& name) {
    auto type = IdentifyFile(bytes);
    EXPECT_TRUE(type);
    return db().Write([&](Connection& c) { return SaveUpload(c, *type, name, bytes, "account-1", kNow); });
  }
  static inline std::unique_ptr<DemoDatabaseForTests> demo_;
};

// A PNG header is enough for the store: it keeps bytes, it does not decode them.
const std::string kPng = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x10\0\0\0\x08\x08\x02\0\0\0 and \0 more"s;

TEST_F(UploadStore, KeepsTheBytesAndWhatTheContentShowed) {
  const std::string id = Save(kPng, "photo.png");
  auto info = UploadById(*db().Read(), id);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->kind, "image");
  EXPECT_EQ(info->media_type, "image/png");
  EXPECT_EQ(info->StoredName(), id + ".png");
  EXPECT_EQ(info->filename, "photo.png");
  EXPECT_EQ(info->byte_size, static_cast<int64_t>(kPng.size()));
  EXPECT_EQ(info->width, 16);
  EXPECT_EQ(info->height, 8);
  auto content = UploadContent(*db().Read(), id);
  ASSERT_TRUE(content);
  EXPECT_EQ(*content, kPng);  // NUL bytes included
  EXPECT_FALSE(UploadById(*db().Read(), "no-such-id"));
  EXPECT_FALSE(UploadContent(*db().Read(), "no-such-id"));
}

TEST_F(UploadStore, AGalleryInOrderWithTextsThatFallBack) {
  const std::string libri = Libri();
  ASSERT_FALSE(libri.empty());
  const std::string a = Save(kPng, "a.png"), b = Save(kPng, "b.png"), c = Save(kPng, "c.png");
  std::vector<std::string> ids;
  for (const auto& [upload, alt] : {std::pair{a, "Pirmais"}, std::pair{b, "Otrais"}, std::pair{c, "Trešais"}}) {
    ids.push_back(db().Write([&](Connection& conn) {
      return SaveGalleryImage(conn, {"", libri, upload, alt, ""}, kNow);
    }));
  }
  auto alts = [&](const LocaleChain& chain) {
    std::vector<std::string> out;
    for (const auto& g : InitiativeGallery(*db().Read(), libri, chain)) out.push_back(g.alt.text + "/" + g.alt.locale);
    return out;
  };
  EXPECT_EQ(alts({"lv"}), (std::vector<std::string>{"Pirmais/lv", "Otrais/lv", "Trešais/lv"}));
  // No English text: the Latvian one, saying so.
  EXPECT_EQ(alts({"en", "lv"}).front(), "Pirmais/lv");

  db().Write([&](Connection& conn) { MoveGalleryImage(conn, ids[2], -1); });
  EXPECT_EQ(alts({"lv"}), (std::vector<std::string>{"Pirmais/lv", "Trešais/lv", "Otrais/lv"}));
  db().Write([&](Connection& conn) { MoveGalleryImage(conn, ids[0], -1); });  // already first
  db().Write([&](Connection& conn) { MoveGalleryImage(conn, ids[1], +1); });  // already last
  EXPECT_EQ(alts({"lv"}), (std::vector<std::string>{"Pirmais/lv", "Trešais/lv", "Otrais/lv"}));

  // A changed text keeps the image's place; its translations follow the original.
  auto stored = LoadGalleryImage(*db().Read(), ids[1]);
  ASSERT_TRUE(stored);
  stored->alt = "Otrais, labots";
  db().Write([&](Connection& conn) { SaveGalleryImage(conn, *stored, kNow); });
  EXPECT_EQ(alts({"lv"}).back(), "Otrais, labots/lv");
  EXPECT_EQ(One("SELECT value FROM translation WHERE entity = 'initiative_image' AND entity_id = '" + ids[1] +
                "' AND field = 'alt' AND source = 'original'"),
            "Otrais, labots");

  db().Write([&](Connection& conn) { DeleteGalleryImage(conn, ids[2]); });
  EXPECT_EQ(alts({"lv"}), (std::vector<std::string>{"Pirmais/lv", "Otrais, labots/lv"}));
  EXPECT_EQ(One("SELECT count(*) FROM translation WHERE entity_id = '" + ids[2] + "'"), "0");
  // The file itself stays (another record may show it).
  EXPECT_TRUE(UploadById(*db().Read(), c));
}

}  // namespace
}  // namespace tilti::store
