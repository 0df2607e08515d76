#include "web/templates.h"

#include <gtest/gtest.h>

namespace tilti::web {
namespace {

bool AnyMessage(std::string_view) { return true; }

Result<std::unique_ptr<TemplateSet>> LoadOne(std::string text,
                                             std::function<bool(std::string_view)> known =
                                                 AnyMessage) {
  static std::vector<std::string> keep;  // the File views must outlive Load
  keep.push_back(std::move(text));
  std::vector<embedded::File> files = {{"templates/page.mustache", keep.back()},
                                       {"templates/part.mustache", "<b>{{x}}</b>\n"}};
  return TemplateSet::Load(files, known);
}

Data Messages() {
  Data t(Data::type::object);
  t.set("hello", "Sveiki");
  Data root(Data::type::object);
  root.set("t", t);
  return root;
}

TEST(TemplateSet, RendersWithIncludesMessagesAndEscaping) {
  auto set = LoadOne("{{t.hello}} {{>part}}|{{name}}");
  ASSERT_TRUE(set.ok()) << set.error().detail;
  Data page(Data::type::object);
  page.set("x", "<i>");
  page.set("name", "\"O'Brien\" & <script>");
  EXPECT_EQ(set.value()->Render("page", page, Messages()),
            "Sveiki <b>&lt;i&gt;</b>|&quot;O&apos;Brien&quot; &amp; &lt;script&gt;");
}

TEST(TemplateSet, SyntaxErrorNamesFileAndLine) {
  auto set = LoadOne("line one\nline two\n{{#open}}\nnever closed\n");
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.error().detail.find("templates/page.mustache:"), std::string::npos)
      << set.error().detail;
}

TEST(TemplateSet, UnknownIncludeIsAnErrorWithItsLine) {
  auto set = LoadOne("a\nb\n{{>missing}}");
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.error().detail.find("templates/page.mustache:3:"), std::string::npos)
      << set.error().detail;
  EXPECT_NE(set.error().detail.find("missing"), std::string::npos);
}

TEST(TemplateSet, UnescapedOutputIsRefusedExceptScriptSafeJson) {
  EXPECT_FALSE(LoadOne("{{{raw}}}").ok());
  EXPECT_FALSE(LoadOne("x\n{{& raw}}").ok());
  EXPECT_FALSE(LoadOne("{{{json}}}").ok());
  EXPECT_FALSE(LoadOne("{{{x_json_not}}}").ok());
  EXPECT_TRUE(LoadOne("<script type=\"application/ld+json\">{{{ld_json}}}</script>").ok());
  EXPECT_TRUE(LoadOne("<figure>{{{chart_svg}}}</figure>").ok());
  EXPECT_FALSE(LoadOne("{{{chart_svg_not}}}").ok());
  EXPECT_TRUE(LoadOne("<div class=\"markdown\">{{{report_html}}}</div>").ok());  // web/markdown only
  EXPECT_FALSE(LoadOne("{{{report_html_not}}}").ok());
}

TEST(TemplateSet, UnknownMessageKeyIsRefusedWithItsLine) {
  auto set = LoadOne("ok\n{{t.nope}}", [](std::string_view key) { return key == "hello"; });
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.error().detail.find("page.mustache:2:"), std::string::npos)
      << set.error().detail;
  EXPECT_NE(set.error().detail.find("\"nope\""), std::string::npos) << set.error().detail;
}

TEST(TemplateSet, IncludeCyclesAreRefused) {
  std::vector<embedded::File> files = {{"templates/a.mustache", "{{>b}}"},
                                       {"templates/b.mustache", "{{>a}}"}};
  auto set = TemplateSet::Load(files, AnyMessage);
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.error().detail.find("cycle"), std::string::npos);
}

TEST(TemplateSet, TheShippedTemplatesLoad) {
  // The real templates must at least parse; the e2e suite checks their output.
  std::vector<std::string> keep;
  std::vector<embedded::File> files;
  for (const auto& f : embedded::web()) files.push_back(f);
  auto set = TemplateSet::Load(files, AnyMessage);
  ASSERT_TRUE(set.ok()) << set.error().detail;
  EXPECT_TRUE(set.value()->Has("home"));
  EXPECT_TRUE(set.value()->Has("error"));
}

}  // namespace
}  // namespace tilti::web
