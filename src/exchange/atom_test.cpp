#include "exchange/atom.h"

#include <gtest/gtest.h>

namespace tilti::exchange {
namespace {

TEST(Atom, WritesAnEscapedFeed) {
  AtomFeed f;
  f.id = "http://x/en/events.atom";
  f.title = "Events & more";
  f.lang = "en";
  f.self = "http://x/en/events.atom?a=1&b=2";
  f.alternate = "http://x/en/events";
  f.updated = ParseStoredRfc3339("2026-11-22T10:00:00Z").value();
  AtomEntry e;
  e.id = "urn:uuid:0b7c2d2e-0000-4000-8000-000000000000";
  e.title = "<script>alert(1)</script>";
  e.summary = "Kafija \"un\" sarunas";
  e.link = "http://x/en/events/1";
  e.category = "conversation-club";
  e.published = e.updated = f.updated;
  f.entries.push_back(e);
  const std::string xml = WriteAtom(f);
  EXPECT_NE(xml.find("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"), std::string::npos);
  EXPECT_NE(xml.find("<title type=\"text\">Events &amp; more</title>"), std::string::npos);
  EXPECT_NE(xml.find("href=\"http://x/en/events.atom?a=1&amp;b=2\""), std::string::npos);
  EXPECT_NE(xml.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_NE(xml.find("<updated>2026-11-22T10:00:00Z</updated>"), std::string::npos);
  EXPECT_NE(xml.find("Kafija &quot;un&quot; sarunas"), std::string::npos);
}

}  // namespace
}  // namespace tilti::exchange
