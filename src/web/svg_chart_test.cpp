#include "web/svg_chart.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <limits>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace tilti::web {
namespace {

// libxml2 is not linked into the tests, so this is a small XML well-formedness checker for what
// the chart writes: element tags balance, attributes are quoted and hold no '<', every '&' starts
// one of the five predefined entities or a numeric reference, and text holds no raw '<' or '>'.
// Returns "" when well-formed, else what is wrong.
std::string XmlProblem(const std::string& s) {
  const auto entity_ok = [&](size_t at) {
    for (const char* e : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"}) {
      if (s.compare(at, std::char_traits<char>::length(e), e) == 0) return true;
    }
    return std::regex_search(s.begin() + static_cast<std::ptrdiff_t>(at), s.end(),
                             std::regex("^&#[0-9]+;"));
  };
  const auto is_name = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':';
  };
  std::vector<std::string> open;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '&') {
      if (!entity_ok(i)) return "bad entity at " + std::to_string(i);
      ++i;
    } else if (c == '>') {
      return "raw > in text at " + std::to_string(i);
    } else if (c != '<') {
      ++i;
    } else if (s.compare(i, 2, "</") == 0) {
      size_t j = i + 2;
      while (j < s.size() && is_name(s[j])) ++j;
      const std::string name = s.substr(i + 2, j - i - 2);
      if (j >= s.size() || s[j] != '>') return "bad end tag at " + std::to_string(i);
      if (open.empty() || open.back() != name) return "unbalanced </" + name + ">";
      open.pop_back();
      i = j + 1;
    } else {
      size_t j = i + 1;
      while (j < s.size() && is_name(s[j])) ++j;
      const std::string name = s.substr(i + 1, j - i - 1);
      if (name.empty()) return "raw < in text at " + std::to_string(i);
      if (open.empty() && i != 0) return "content outside the root element";
      for (;;) {
        while (j < s.size() && s[j] == ' ') ++j;
        if (j >= s.size()) return "unterminated tag <" + name;
        if (s[j] == '>') {
          open.push_back(name);
          ++j;
          break;
        }
        if (s.compare(j, 2, "/>") == 0) {
          j += 2;
          break;
        }
        const size_t attr = j;
        while (j < s.size() && is_name(s[j])) ++j;
        if (j == attr || s.compare(j, 2, "=\"") != 0) return "bad attribute in <" + name;
        j += 2;
        while (j < s.size() && s[j] != '"') {
          if (s[j] == '<') return "raw < in attribute of <" + name;
          if (s[j] == '&' && !entity_ok(j)) return "bad entity in attribute of <" + name;
          ++j;
        }
        if (j >= s.size()) return "unterminated attribute in <" + name;
        ++j;
      }
      i = j;
      if (open.empty() && i != s.size()) return "content after the root element";
    }
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  return "";
}

// True if `s` is valid UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool IsValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t need = 0;
    uint32_t cp = 0, min = 0;
    if (b < 0x80) {
      ++i;
      continue;
    } else if (b >= 0xC2 && b <= 0xDF) {
      need = 1, cp = b & 0x1F, min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2, cp = b & 0x0F, min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3, cp = b & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (i + need >= s.size()) return false;
    for (size_t k = 1; k <= need; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += need + 1;
  }
  return true;
}

struct Rect {
  std::string series_class;
  double x = 0;
  double width = 0;
};

// The bar rects of `svg` (legend keys excluded), in document order.
std::vector<Rect> BarRects(const std::string& svg) {
  static const std::regex kRect(
      R"re(<rect class="chart-bar (chart-s\d)" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)")re");
  std::vector<Rect> out;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), kRect); it != std::sregex_iterator();
       ++it) {
    out.push_back({(*it)[1], std::stod((*it)[2]), std::stod((*it)[3])});
  }
  return out;
}

// The <g class="chart-row"> elements of `svg`, one string each.
std::vector<std::string> Rows(const std::string& svg) {
  std::vector<std::string> out;
  const std::string open = "<g class=\"chart-row\">";
  for (size_t at = svg.find(open); at != std::string::npos; at = svg.find(open, at + 1)) {
    out.push_back(svg.substr(at, svg.find("</g>", at) + 4 - at));
  }
  return out;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

ChartBar Bar(std::string label, std::vector<std::optional<int64_t>> values) {
  ChartBar bar{std::move(label), {}};
  for (size_t i = 0; i < values.size(); ++i) {
    bar.segments.push_back({values[i], static_cast<int>(i)});
  }
  return bar;
}

BarChart Chart(std::vector<ChartBar> bars) {
  BarChart chart;
  chart.id = "visits";
  chart.title = "Visits by branch";
  chart.description = "The same figures are in the table below.";
  chart.bars = std::move(bars);
  chart.suppressed_text = "fewer than 5";
  return chart;
}

TEST(SvgChart, EmptyChartIsEmptyString) { EXPECT_EQ(HorizontalBarChart(Chart({})), ""); }

TEST(SvgChart, RootIsAnAccessibleImageScaledByCss) {
  const std::string svg = HorizontalBarChart(Chart({Bar("Centrālā", {12})}));
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                      "aria-labelledby=\"visits-title visits-desc\" viewBox=\"0 0 600 ",
                      0),
            0u)
      << svg;
  const std::string root = svg.substr(0, svg.find('>'));
  EXPECT_TRUE(Contains(root, "class=\"chart\" preserveAspectRatio=\"xMinYMin meet\""));
  EXPECT_FALSE(Contains(root, " width=")) << "CSS sizes the chart";
  EXPECT_FALSE(Contains(root, " height="));
  // <title> and <desc> are the first children.
  const std::string after_root = svg.substr(svg.find('>') + 1);
  EXPECT_EQ(after_root.rfind("\n<title id=\"visits-title\">Visits by branch</title>\n"
                             "<desc id=\"visits-desc\">The same figures are in the table "
                             "below.</desc>",
                             0),
            0u);
  EXPECT_TRUE(Contains(svg, "fill=\"currentColor\" font-size=\"14\""));
  EXPECT_EQ(XmlProblem(svg), "");
}

TEST(SvgChart, EscapesHostileText) {
  BarChart chart = Chart({Bar("<script>alert(1)</script>", {3}), Bar("\"&'", {std::nullopt}),
                          Bar("ok", {1, std::nullopt})});
  chart.id = "a\"b";
  chart.title = "</title><script>x</script>";
  chart.description = "1 < 2 & 3 > 2";
  chart.series = {"<b>one</b>", "two & 'three'"};
  chart.suppressed_text = "<5 \"x\"";
  chart.number = [](int64_t v) { return "<" + std::to_string(v) + ">"; };
  const std::string svg = HorizontalBarChart(chart);

  EXPECT_EQ(XmlProblem(svg), "") << svg;
  EXPECT_FALSE(Contains(svg, "<script")) << svg;
  EXPECT_FALSE(Contains(svg, "<b>"));
  EXPECT_TRUE(Contains(svg, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(Contains(svg, ">&quot;&amp;&apos;</text>"));
  EXPECT_TRUE(Contains(svg, "aria-labelledby=\"a&quot;b-title a&quot;b-desc\""));
  EXPECT_TRUE(Contains(svg, "1 &lt; 2 &amp; 3 &gt; 2"));
  EXPECT_TRUE(Contains(svg, "two &amp; &apos;three&apos;"));
  EXPECT_TRUE(Contains(svg, ">&lt;3&gt;</text>")) << "formatted numbers are escaped too";
  EXPECT_TRUE(Contains(svg, ">&lt;5 &quot;x&quot;</text>"));
  EXPECT_TRUE(Contains(svg, ">&lt;1&gt; + &lt;5 &quot;x&quot;</text>"));
}

TEST(SvgChart, WellFormedValidUtf8ForOddInput) {
  BarChart chart =
      Chart({Bar("", {5}), Bar("📚👩‍👩‍👧 Bērnu stūrītis", {7}),
             Bar("tab\there\nnl", {1}), Bar(std::string("bell\x07 nul") + '\0' + "x", {2}),
             Bar("bad \xC3\x28 \xED\xA0\x80 \xF8\x88\x80\x80\x80 end\xE2\x82", {3}),
             Bar("\xEF\xBF\xBE not a char", {4})});
  chart.id = "";
  chart.title = "";
  chart.description = "";
  chart.suppressed_text = "";
  chart.series = {"", "\xFF"};
  const std::string svg = HorizontalBarChart(chart);
  EXPECT_EQ(XmlProblem(svg), "") << svg;
  EXPECT_TRUE(IsValidUtf8(svg));
  EXPECT_FALSE(Contains(svg, std::string(1, '\0')));
  EXPECT_FALSE(Contains(svg, "\x07"));
  EXPECT_FALSE(Contains(svg, "\xEF\xBF\xBE")) << "U+FFFE is not an XML character";
  EXPECT_TRUE(Contains(svg, "\xEF\xBF\xBD")) << "invalid UTF-8 becomes U+FFFD";
  EXPECT_TRUE(Contains(svg, "📚👩‍👩‍👧 Bērnu stūrītis"));
  EXPECT_TRUE(Contains(svg, ">tab here nl</text>"));
  EXPECT_EQ(Rows(svg).size(), 6u);
  EXPECT_FALSE(Contains(Rows(svg)[0], "text-anchor=\"end\"")) << "no empty label text";
}

TEST(SvgChart, LongestBarSpansFullWidthHalfValueHalf) {
  const std::string svg =
      HorizontalBarChart(Chart({Bar("Rīga", {50}), Bar("Liepāja", {100}), Bar("Cēsis", {25})}));
  const std::vector<Rect> rects = BarRects(svg);
  ASSERT_EQ(rects.size(), 3u) << svg;
  const double full = rects[1].width;
  EXPECT_GT(full, 300);
  EXPECT_NEAR(rects[0].width, full / 2, 0.1);
  EXPECT_NEAR(rects[2].width, full / 4, 0.1);
  for (const Rect& r : rects) EXPECT_EQ(r.x, rects[0].x) << "bars share one baseline";
  // The longest bar and its value text stay inside the 600-unit viewBox.
  EXPECT_LT(rects[1].x + full + 6 + 3 * 0.6 * 14, 600);
  EXPECT_TRUE(Contains(Rows(svg)[1], ">100</text>"));
}

TEST(SvgChart, SuppressedBarHasNoRectButSuppressedText) {
  const std::string svg = HorizontalBarChart(Chart(
      {Bar("Big", {40}), Bar("Tiny", {std::nullopt}), Bar("Both", {std::nullopt, std::nullopt})}));
  const std::vector<std::string> rows = Rows(svg);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_TRUE(Contains(rows[0], "<rect"));
  for (int i : {1, 2}) {
    EXPECT_FALSE(Contains(rows[i], "<rect")) << rows[i];
    EXPECT_TRUE(Contains(rows[i], ">fewer than 5</text>")) << rows[i];
    EXPECT_FALSE(Contains(rows[i], ">0</text>")) << "suppressed is not zero";
  }
}

TEST(SvgChart, PartlySuppressedStackShowsTotalPlusSuppressedText) {
  const std::string svg = HorizontalBarChart(Chart({Bar("Mixed", {8, std::nullopt, 2})}));
  EXPECT_TRUE(Contains(svg, ">10 + fewer than 5</text>")) << svg;
  EXPECT_EQ(BarRects(svg).size(), 2u);
}

TEST(SvgChart, StackedSegmentsAreContiguousAndSumToTheBarWidth) {
  BarChart chart = Chart({Bar("Stacked", {30, 70}), Bar("Simple", {100}),
                          Bar("Thirds", {33, 33, 34}), Bar("Sevenths", {1, 1, 1, 1, 1, 1, 1})});
  chart.series = {"Adults", "Children", "Teens"};
  const std::string svg = HorizontalBarChart(chart);
  const std::vector<std::string> rows = Rows(svg);
  ASSERT_EQ(rows.size(), 4u);
  const double full = BarRects(rows[1]).at(0).width;
  for (int i : {0, 2, 3}) {
    const std::vector<Rect> segments = BarRects(rows[i]);
    double sum = 0;
    for (size_t k = 0; k < segments.size(); ++k) {
      sum += segments[k].width;
      if (k > 0) {
        EXPECT_NEAR(segments[k].x, segments[k - 1].x + segments[k - 1].width, 1e-9)
            << "segment " << k << " of row " << i;
      }
    }
    const double expected = i == 3 ? full * 7 / 100 : full;
    EXPECT_NEAR(sum, expected, 0.1) << rows[i];
    if (i == 0) {
      EXPECT_NEAR(sum, full, 1e-9) << "same total, same width";
    }
  }
  const std::vector<Rect> first = BarRects(rows[0]);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].series_class, "chart-s0") << "segments in the order given";
  EXPECT_EQ(first[1].series_class, "chart-s1");
  EXPECT_NEAR(first[0].width, full * 0.3, 0.1);
}

TEST(SvgChart, LegendOnlyWithTwoOrMoreSeries) {
  BarChart chart = Chart({Bar("A", {1, 2})});
  EXPECT_FALSE(Contains(HorizontalBarChart(chart), "chart-legend"));
  chart.series = {"Only"};
  EXPECT_FALSE(Contains(HorizontalBarChart(chart), "chart-legend"));
  EXPECT_FALSE(Contains(HorizontalBarChart(chart), "chart-key"));
  chart.series = {"Pieaugušie", "Bērni"};
  const std::string svg = HorizontalBarChart(chart);
  EXPECT_TRUE(Contains(svg, "<g class=\"chart-legend\">"));
  EXPECT_TRUE(Contains(svg, "<rect class=\"chart-key chart-s0\""));
  EXPECT_TRUE(Contains(svg, "<rect class=\"chart-key chart-s1\""));
  EXPECT_TRUE(Contains(svg, ">Pieaugušie</text>"));
  EXPECT_TRUE(Contains(svg, ">Bērni</text>"));
  EXPECT_LT(svg.find("chart-legend"), svg.find("chart-row")) << "legend on top";
  EXPECT_EQ(XmlProblem(svg), "");
}

TEST(SvgChart, LegendWrapsOntoMoreLines) {
  BarChart chart = Chart({Bar("A", {1, 2, 3, 4, 5, 6})});
  chart.series = {"Pieaugušie lasītāji", "Bērni līdz 12 gadiem", "Pusaudži", "Senjori",
                  "Studenti un skolēni", "Citi apmeklētāji"};
  const std::string svg = HorizontalBarChart(chart);
  static const std::regex kKey(
      R"re(<rect class="chart-key chart-s\d" x="([0-9.]+)" y="([0-9.]+)")re");
  std::vector<double> ys;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), kKey); it != std::sregex_iterator();
       ++it) {
    EXPECT_LT(std::stod((*it)[1]), 600);
    ys.push_back(std::stod((*it)[2]));
  }
  ASSERT_EQ(ys.size(), 6u);
  EXPECT_GT(ys.back(), ys.front()) << "later items wrap onto a new line";
  // Rows start below the last legend line.
  static const std::regex kBarY(
      R"re(<rect class="chart-bar chart-s\d" x="[0-9.]+" y="([0-9.]+)")re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, kBarY));
  EXPECT_GT(std::stod(m[1]), ys.back() + 12);
}

TEST(SvgChart, TruncatesLongCyrillicLabelOnCodePointBoundaryKeepingItInTitle) {
  // Exactly 200 code points (all two-byte but the spaces): 10 x 11 + 90.
  const std::string word = "Бібліотека ";
  std::string label;
  for (int i = 0; i < 10; ++i) label += word;
  for (int i = 0; i < 90; ++i) label += "Ж";
  const std::string svg = HorizontalBarChart(Chart({Bar(label, {9}), Bar("Short", {3})}));
  EXPECT_TRUE(IsValidUtf8(svg));
  EXPECT_EQ(XmlProblem(svg), "");
  const std::vector<std::string> rows = Rows(svg);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(Contains(rows[0], "<title>" + label + "</title>")) << "full label kept";
  EXPECT_FALSE(Contains(rows[1], "<title>")) << "a label that fits needs no title";

  std::smatch m;
  ASSERT_TRUE(std::regex_search(rows[0], m, std::regex("text-anchor=\"end\">([^<]*)</text>")));
  const std::string shown = m[1];
  ASSERT_GE(shown.size(), 3u);
  EXPECT_EQ(shown.substr(shown.size() - 3), "…");
  const std::string prefix = shown.substr(0, shown.size() - 3);
  EXPECT_TRUE(IsValidUtf8(prefix));
  EXPECT_EQ(label.rfind(prefix, 0), 0u) << "a prefix of the label";
  EXPECT_GT(prefix.size(), 20u);
  EXPECT_LT(prefix.size(), label.size() / 2);
  EXPECT_NE(prefix.back(), ' ') << "no space before the ellipsis";
}

TEST(SvgChart, LabelColumnWidthCountsCodePointsNotBytes) {
  // 20 Cyrillic letters are 40 bytes; counted as bytes they would need twice the column.
  std::string cyrillic;
  for (int i = 0; i < 20; ++i) cyrillic += "Ж";
  const std::vector<Rect> latin =
      BarRects(HorizontalBarChart(Chart({Bar(std::string(20, 'Z'), {1})})));
  const std::vector<Rect> cyr = BarRects(HorizontalBarChart(Chart({Bar(cyrillic, {1})})));
  ASSERT_EQ(latin.size(), 1u);
  ASSERT_EQ(cyr.size(), 1u);
  EXPECT_EQ(cyr[0].x, latin[0].x);
}

TEST(SvgChart, NegativeValuesCountAsZero) {
  const std::string svg =
      HorizontalBarChart(Chart({Bar("Neg", {-5}), Bar("Pos", {10}), Bar("Mix", {-100, 5})}));
  const std::vector<std::string> rows = Rows(svg);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_FALSE(Contains(rows[0], "<rect"));
  EXPECT_TRUE(Contains(rows[0], ">0</text>"));
  EXPECT_TRUE(Contains(rows[2], ">5</text>"));
  const double full = BarRects(rows[1]).at(0).width;
  EXPECT_NEAR(BarRects(rows[2]).at(0).width, full / 2, 0.1);
}

TEST(SvgChart, AllZeroAndEmptyBarsDrawNoRects) {
  const std::string svg = HorizontalBarChart(Chart({Bar("Zero", {0}), Bar("None", {})}));
  EXPECT_TRUE(BarRects(svg).empty());
  EXPECT_EQ(Rows(svg).size(), 2u);
  EXPECT_EQ(XmlProblem(svg), "");
}

TEST(SvgChart, HugeValuesDoNotOverflow) {
  const int64_t max = std::numeric_limits<int64_t>::max();
  const std::string svg = HorizontalBarChart(Chart({Bar("Max", {max, max}), Bar("One", {1})}));
  EXPECT_EQ(XmlProblem(svg), "");
  const std::vector<Rect> rects = BarRects(svg);
  ASSERT_EQ(rects.size(), 1u) << "the saturated total takes the full width; 1 rounds to nothing";
  EXPECT_GT(rects[0].width, 300);
  EXPECT_LT(rects[0].x + rects[0].width, 600);
}

TEST(SvgChart, UsesTheNumberCallbackForTotals) {
  BarChart chart = Chart({Bar("Rīga", {1000, 234})});
  chart.number = [](int64_t v) {
    std::string s = std::to_string(v);
    return s.size() > 3 ? s.substr(0, s.size() - 3) + "\u00A0" + s.substr(s.size() - 3) : s;
  };
  EXPECT_TRUE(Contains(HorizontalBarChart(chart), ">1\u00A0234</text>"));
  chart.number = nullptr;
  EXPECT_TRUE(Contains(HorizontalBarChart(chart), ">1234</text>")) << "default: std::to_string";
}

TEST(SvgChart, CoordinatesHaveAtMostOneDecimalAndOutputIsDeterministic) {
  BarChart chart = Chart({Bar("a", {1, 1, 1}), Bar("bb", {7}), Bar("ccc", {3})});
  chart.series = {"x", "y", "z"};
  const std::string svg = HorizontalBarChart(chart);
  EXPECT_EQ(svg, HorizontalBarChart(chart));
  static const std::regex kNumeric(R"re( (x|y|width|height)="([^"]*)")re");
  int seen = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), kNumeric);
       it != std::sregex_iterator(); ++it, ++seen) {
    EXPECT_TRUE(std::regex_match((*it)[2].str(), std::regex(R"(\d+(\.\d)?)"))) << (*it)[0];
  }
  EXPECT_GT(seen, 20);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex(R"re(viewBox="0 0 600 (\d+(\.\d)?)")re")));
}

TEST(SvgChart, SeriesClassWrapsAroundSixColours) {
  BarChart chart = Chart({ChartBar{"a", {{1, 7}, {1, -1}, {1, 5}}}});
  const std::vector<Rect> rects = BarRects(HorizontalBarChart(chart));
  ASSERT_EQ(rects.size(), 3u);
  EXPECT_EQ(rects[0].series_class, "chart-s1");
  EXPECT_EQ(rects[1].series_class, "chart-s5");
  EXPECT_EQ(rects[2].series_class, "chart-s5");
}

TEST(SvgChart, XmlCheckerRejectsMalformedMarkup) {
  // The checker above is what the escaping tests rely on, so it must fail when it should.
  EXPECT_EQ(XmlProblem("<svg><text>ok &amp; fine</text></svg>"), "");
  EXPECT_NE(XmlProblem("<svg><text>a < b</text></svg>"), "");
  EXPECT_NE(XmlProblem("<svg><text>a & b</text></svg>"), "");
  EXPECT_NE(XmlProblem("<svg><text></svg></text>"), "");
  EXPECT_NE(XmlProblem("<svg><rect x=\"<\"/></svg>"), "");
  EXPECT_NE(XmlProblem("<svg>"), "");
  EXPECT_FALSE(IsValidUtf8("\xD0"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));
  EXPECT_TRUE(IsValidUtf8("Ж…📚"));
}

}  // namespace
}  // namespace tilti::web
