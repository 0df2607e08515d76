#include "web/assets.h"

#include <gtest/gtest.h>

#include <regex>

namespace tilti::web {
namespace {

TEST(StaticAssets, PublishesUnderContentHashedNames) {
  std::string css(2000, 'a');
  std::vector<embedded::File> files = {{"static/site.css", css},
                                       {"templates/x.mustache", "not an asset"}};
  StaticAssets assets(files);
  EXPECT_EQ(assets.size(), 1u);
  std::string url = assets.Url("site.css");
  EXPECT_TRUE(std::regex_match(url, std::regex(R"(/static/site\.[0-9a-f]{10}\.css)"))) << url;
  const Asset* a = assets.Find(url.substr(8));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->content_type, "text/css; charset=utf-8");
  ASSERT_TRUE(a->gzip.has_value()) << "a compressible text asset gets a gzip copy";
  EXPECT_LT(a->gzip->size(), css.size());
  EXPECT_EQ(static_cast<unsigned char>((*a->gzip)[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>((*a->gzip)[1]), 0x8b);
}

TEST(StaticAssets, ChangedContentGetsANewName) {
  std::vector<embedded::File> one = {{"static/a.css", "x{}"}};
  std::vector<embedded::File> two = {{"static/a.css", "y{}"}};
  EXPECT_NE(StaticAssets(one).Url("a.css"), StaticAssets(two).Url("a.css"));
}

TEST(StaticAssets, UnknownNamesAreNotFound) {
  StaticAssets assets(std::vector<embedded::File>{{"static/a.css", "x{}"}});
  EXPECT_EQ(assets.Find("a.css"), nullptr) << "only hashed names are served";
  EXPECT_THROW(assets.Url("missing.css"), std::logic_error);
}

TEST(StaticAssets, SmallOrBinaryFilesAreNotCompressed) {
  std::string png(4000, 'z');
  StaticAssets assets(std::vector<embedded::File>{{"static/tiny.css", "a{}"}, {"static/p.png", png}});
  EXPECT_FALSE(assets.Find(assets.Url("tiny.css").substr(8))->gzip);
  EXPECT_FALSE(assets.Find(assets.Url("p.png").substr(8))->gzip);
}

}  // namespace
}  // namespace tilti::web
