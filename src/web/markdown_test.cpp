#include "web/markdown.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

namespace tilti::web {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// No element or attribute that could run script or load anything, whatever the case.
void ExpectInert(const std::string& html) {
  const std::string l = Lower(html);
  for (const char* bad : {"<script", "<img", "<iframe", "<svg", "<object", "<embed", "<style",
                          "<!--", "=\"javascript:", " on", "src="}) {
    EXPECT_EQ(l.find(bad), std::string::npos) << bad << " in: " << html;
  }
}

TEST(Markdown, RendersTheUsualBlocksAndShiftsHeadingsDown) {
  const std::string html = RenderMarkdown(
      "# Pārskats\n\n## Secinājumi\n\n###### Six\n\nTeksts ar **treknu**, *slīprakstu* un "
      "~~svītru~~.\n\n"
      "- viens\n- divi\n\n3. trīs\n4. četri\n\n> citāts\n\n---\n\n`kods <b>`\n");
  EXPECT_NE(html.find("<h2>Pārskats</h2>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h3>Secinājumi</h3>"), std::string::npos);
  EXPECT_NE(html.find("<h6>Six</h6>"), std::string::npos) << "h6 stays h6";
  EXPECT_EQ(html.find("<h1"), std::string::npos);
  EXPECT_NE(html.find("<strong>treknu</strong>"), std::string::npos);
  EXPECT_NE(html.find("<em>slīprakstu</em>"), std::string::npos);
  EXPECT_NE(html.find("<del>svītru</del>"), std::string::npos);
  EXPECT_NE(html.find("<ul>\n<li>viens</li>"), std::string::npos) << html;
  EXPECT_NE(html.find("<ol start=\"3\">"), std::string::npos);
  EXPECT_NE(html.find("<blockquote>"), std::string::npos);
  EXPECT_NE(html.find("<hr>"), std::string::npos);
  EXPECT_NE(html.find("<code>kods &lt;b&gt;</code>"), std::string::npos);
}

TEST(Markdown, RendersTables) {
  const std::string html = RenderMarkdown("| Grupa | Skaits |\n|---|---:|\n| Seniori | 12 |\n");
  EXPECT_NE(html.find("<table>"), std::string::npos) << html;
  EXPECT_NE(html.find("<th scope=\"col\">Grupa</th>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td>Seniori</td><td>12</td>"), std::string::npos) << html;
}

TEST(Markdown, KeepsLatvianAndCyrillicText) {
  const std::string html = RenderMarkdown("Ģimenes vakari — Сім'ї та діти, ёжик «ёлка»\n");
  EXPECT_EQ(html, "<p>Ģimenes vakari — Сім&#39;ї та діти, ёжик «ёлка»</p>\n");
}

TEST(Markdown, ScriptTagsAreShownAsText) {
  const std::string html =
      RenderMarkdown("<script>alert(1)</script>\n\nx <script>alert(2)</script>\n");
  ExpectInert(html);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("x &lt;script&gt;alert(2)&lt;/script&gt;"), std::string::npos) << html;
}

TEST(Markdown, RawHtmlWithHandlersIframesAndCommentsIsText) {
  const std::string html = RenderMarkdown(
      "<img src=x onerror=alert(1)>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n"
      "a <!-- hidden --> b <b onmouseover=\"alert(1)\">bold</b>\n\n<div>\n<p>block</p>\n</div>\n");
  EXPECT_EQ(Lower(html).find("<img"), std::string::npos) << html;
  EXPECT_EQ(Lower(html).find("<iframe"), std::string::npos) << html;
  EXPECT_EQ(html.find("<!--"), std::string::npos) << html;
  EXPECT_EQ(html.find("<b "), std::string::npos) << html;
  EXPECT_EQ(html.find("<div>"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;!-- hidden --&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;iframe src=&quot;https://evil.example&quot;&gt;"), std::string::npos)
      << html;
}

TEST(Markdown, JavascriptLinksLoseTheirLinkButKeepTheirText) {
  for (const char* md :
       {"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x]( javascript:alert(1))",
        "[x](<javascript:alert(1)>)", "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;avascript:alert(1))", "[x](javascript&colon;alert(1))",
        "[x](java&#x09;script:alert(1))", "[x](&#0;javascript:alert(1))", "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)", "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)"}) {
    const std::string html = RenderMarkdown(md);
    EXPECT_EQ(html.find("<a"), std::string::npos) << md << " -> " << html;
    ExpectInert(html);
    if (md[0] == '[') {
      // The text stays; the target goes with the link (an autolink's text is its target).
      EXPECT_NE(html.find("x"), std::string::npos) << md;
      for (const char* scheme : {"script", "data:"}) {
        EXPECT_EQ(Lower(html).find(scheme), std::string::npos) << md << " -> " << html;
      }
    }
  }
}

TEST(Markdown, SafeLinksStayLinks) {
  EXPECT_EQ(
      RenderMarkdown("[LNB](https://www.lnb.lv/lv?a=1&b=2)"),
      "<p><a href=\"https://www.lnb.lv/lv?a=1&amp;b=2\" rel=\"nofollow noopener\">LNB</a></p>\n");
  EXPECT_NE(
      RenderMarkdown("[raksti](mailto:info@example.lv)").find("href=\"mailto:info@example.lv\""),
      std::string::npos);
  EXPECT_NE(RenderMarkdown("[pasākumi](/lv/events)").find("href=\"/lv/events\""),
            std::string::npos);
  EXPECT_NE(RenderMarkdown("<http://example.lv/a>").find("href=\"http://example.lv/a\""),
            std::string::npos);
  // Quotes and spaces cannot leave the attribute.
  const std::string quoted = RenderMarkdown("[q](<https://example.lv/a\" onclick=\"x> \"t\")");
  EXPECT_NE(quoted.find("href=\"https://example.lv/a%22%20onclick=%22x\""), std::string::npos)
      << quoted;
  ExpectInert(quoted);
}

TEST(Markdown, ImagesAreDroppedKeepingTheirAltText) {
  const std::string html =
      RenderMarkdown("Pirms ![Bērni *lasa*](http://evil.example/x.png \"t\") pēc");
  EXPECT_EQ(html, "<p>Pirms Bērni lasa pēc</p>\n");
  const std::string linked =
      RenderMarkdown("[![alt](https://example.lv/i.png)](https://example.lv/)");
  EXPECT_EQ(Lower(linked).find("<img"), std::string::npos);
  EXPECT_NE(linked.find(">alt</a>"), std::string::npos) << linked;
}

TEST(Markdown, EntitiesAreDecodedAndEscapedAgain) {
  EXPECT_EQ(RenderMarkdown("&#60;script&#62; &lt;b&gt; &amp; &#x0;"),
            "<p>&lt;script&gt; &lt;b&gt; &amp; \xEF\xBF\xBD</p>\n");
}

TEST(Markdown, CodeBlocksEscapeEverything) {
  const std::string html = RenderMarkdown("```html\n<script>alert(1)</script>\n```\n");
  EXPECT_EQ(html, "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n");
}

TEST(Markdown, EmptyAndBrokenInputDoNotThrow) {
  EXPECT_EQ(RenderMarkdown(""), "");
  std::string nul("a\0b", 3);
  EXPECT_EQ(RenderMarkdown(nul),
            "<p>a\xEF\xBF\xBD"
            "b</p>\n");
  EXPECT_NO_THROW(RenderMarkdown(std::string(10000, '[')));
  EXPECT_NO_THROW(RenderMarkdown(std::string(5000, '>') + "x"));
}

TEST(Markdown, LinkTargetRule) {
  EXPECT_TRUE(IsSafeLinkTarget("https://lnb.lv"));
  EXPECT_TRUE(IsSafeLinkTarget("HTTP://lnb.lv"));
  EXPECT_TRUE(IsSafeLinkTarget("../x"));
  EXPECT_TRUE(IsSafeLinkTarget("#goals"));
  EXPECT_TRUE(IsSafeLinkTarget("/lv/a:b"));
  EXPECT_FALSE(IsSafeLinkTarget(""));
  EXPECT_FALSE(IsSafeLinkTarget(" \x01javascript:alert(1)"));
  EXPECT_FALSE(IsSafeLinkTarget("java\tscript:alert(1)"));
  EXPECT_FALSE(IsSafeLinkTarget("java\nscript:alert(1)"));
  EXPECT_FALSE(IsSafeLinkTarget("file:///etc/passwd"));
  EXPECT_FALSE(IsSafeLinkTarget("x\x01y"));
}

}  // namespace
}  // namespace tilti::web
