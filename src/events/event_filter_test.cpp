#include "events/event_filter.h"

#include <gtest/gtest.h>

namespace tilti::events {
namespace {

using Params = std::map<std::string, std::string, std::less<>>;

TEST(EventFilter, ReadsEveryParameterAndWritesThemBackInOneOrder) {
  std::vector<std::string> bad;
  const EventFilter f = FilterFromQuery({{"library", "ogres-centrala-biblioteka"},
                                         {"category", "conversation-club"},
                                         {"language", "uk"},
                                         {"interpreter", "1"},
                                         {"attendance", "on-site"},
                                         {"from", "2026-12-01"},
                                         {"to", "2026-12-31"},
                                         {"unknown", "x"}},
                                        &bad);
  EXPECT_TRUE(bad.empty());
  EXPECT_TRUE(f.interpreter);
  EXPECT_EQ(f.attendance, Attendance::kOnSite);
  const std::string q = FilterToQuery(f);
  EXPECT_EQ(q,
            "attendance=on-site&category=conversation-club&from=2026-12-01&interpreter=1&"
            "language=uk&library=ogres-centrala-biblioteka&to=2026-12-31");
  // Round trip.
  Params again;
  size_t pos = 0;
  while (pos < q.size()) {
    size_t amp = q.find('&', pos);
    if (amp == std::string::npos) amp = q.size();
    const std::string part = q.substr(pos, amp - pos);
    again[part.substr(0, part.find('='))] = part.substr(part.find('=') + 1);
    pos = amp + 1;
  }
  EXPECT_EQ(FilterFromQuery(again), f);
  EXPECT_EQ(FilterToQuery(EventFilter{}), "");
}

TEST(EventFilter, BadValuesAreDroppedAndNamed) {
  std::vector<std::string> bad;
  const EventFilter f = FilterFromQuery({{"library", "<script>"},
                                         {"from", "2026-02-30"},
                                         {"attendance", "maybe"},
                                         {"lat", "56.9"},
                                         {"lon", "north"}},
                                        &bad);
  EXPECT_EQ(f, EventFilter{});
  EXPECT_EQ(bad, (std::vector<std::string>{"library", "attendance", "from", "lat"}));
  bad.clear();
  const EventFilter g = FilterFromQuery({{"from", "2026-12-31"}, {"to", "2026-12-01"}}, &bad);
  EXPECT_TRUE(g.from.has_value());
  EXPECT_FALSE(g.to.has_value()) << "an end before the start is dropped";
  EXPECT_EQ(bad, std::vector<std::string>{"to"});
}

}  // namespace
}  // namespace tilti::events
