#include "web/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

#include "exchange/xml_text.h"

namespace tilti::web {
namespace {

// Geometry, in viewBox units. The SVG has no width attribute: CSS scales it to its container,
// so text is kFontSize * (rendered width / kWidth) pixels: 16 px or more from a 686 px wide
// chart up; smaller on a phone, where the data table beside it stays readable.
constexpr int64_t kWidth = 600;
constexpr int64_t kFontSize = 14;
constexpr int64_t kPad = 4;
constexpr int64_t kRowHeight = 28;
constexpr int64_t kRowGap = 8;
constexpr int64_t kLabelGap = 8;    // label end to bar start
constexpr int64_t kValueGap = 6;    // bar end to value text
constexpr int64_t kLabelCap = 220;  // widest label column; longer labels are shortened
constexpr int64_t kMinBarArea = 150;
constexpr int64_t kKeySize = 12;  // legend square
constexpr int64_t kKeyGap = 6;    // square to series name
constexpr int64_t kItemGap = 16;  // between legend items
constexpr int64_t kLegendLine = 22;
constexpr int64_t kLegendGap = 8;  // legend to first row
constexpr int kSeriesClasses = 6;  // chart-s0 .. chart-s5 in site.css

// Coordinates are kept as integer tenths of a unit, so output has at most one decimal, is
// exact and never depends on the C locale's decimal point.
constexpr int64_t kTenths = 10;

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kEllipsis = 0x2026;
constexpr char32_t kZeroWidthJoiner = 0x200D;

using CodePoints = std::u32string;

// Decodes UTF-8; a malformed sequence (overlong, surrogate, truncated, > U+10FFFF) becomes one
// U+FFFD per bad byte. Characters XML 1.0 forbids are dropped and tab/LF/CR become spaces (SVG
// text collapses white space anyway, and the width estimate then counts what is drawn).
CodePoints Decode(std::string_view s) {
  CodePoints out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    char32_t cp = kReplacement;
    size_t len = 1;
    if (b0 < 0x80) {
      cp = b0;
    } else {
      size_t need = 0;
      char32_t min = 0;
      if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1, min = 0x80, cp = b0 & 0x1F;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2, min = 0x800, cp = b0 & 0x0F;
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3, min = 0x10000, cp = b0 & 0x07;
      }
      bool ok = need > 0 && i + need < s.size();
      for (size_t k = 1; ok && k <= need; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) ok = false;
        cp = (cp << 6) | (b & 0x3F);
      }
      if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
      if (ok) {
        len = need + 1;
      } else {
        cp = kReplacement;
      }
    }
    i += len;
    if (cp == '\t' || cp == '\n' || cp == '\r') cp = ' ';
    if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) continue;
    out.push_back(cp);
  }
  return out;
}

std::string Encode(const CodePoints& cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t c : cps) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string Escape(const CodePoints& cps) { return exchange::XmlEscape(Encode(cps)); }
std::string Escape(std::string_view s) { return Escape(Decode(s)); }

bool InRange(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Estimated advance of one code point in tenths of an em. We cannot measure fonts on the
// server: ~0.6 em fits Latin, Latvian and Cyrillic in system sans-serif fonts; marks that
// combine with the previous character take no room, and CJK and emoji take a full em.
int64_t AdvanceTenthsEm(char32_t c) {
  if (InRange(c, 0x0300, 0x036F) || InRange(c, 0x0483, 0x0489) || InRange(c, 0x200B, 0x200F) ||
      InRange(c, 0xFE00, 0xFE0F) || InRange(c, 0x1F3FB, 0x1F3FF) || InRange(c, 0xE0100, 0xE01EF)) {
    return 0;
  }
  if (InRange(c, 0x1100, 0x115F) || InRange(c, 0x2600, 0x27BF) || InRange(c, 0x2E80, 0xA4CF) ||
      InRange(c, 0xAC00, 0xD7A3) || InRange(c, 0xF900, 0xFAFF) || InRange(c, 0xFE30, 0xFE4F) ||
      InRange(c, 0xFF00, 0xFF60) || InRange(c, 0xFFE0, 0xFFE6) || InRange(c, 0x1F300, 0x1FAFF) ||
      InRange(c, 0x20000, 0x3FFFD)) {
    return 10;
  }
  return 6;
}

// Estimated width of `cps` at kFontSize, in tenths of a unit.
int64_t TextWidth(const CodePoints& cps) {
  int64_t em_tenths = 0;
  for (char32_t c : cps) em_tenths += AdvanceTenthsEm(c);
  return em_tenths * kFontSize;  // (em/10) * font size * 10 tenths per unit
}

struct Fitted {
  CodePoints text;
  bool shortened = false;
};

// `cps` if it fits in `max_tenths`, else the longest prefix that fits with "…" appended. The cut
// is on a code-point boundary and never separates a character from the zero-width marks that
// follow it.
Fitted Fit(const CodePoints& cps, int64_t max_tenths) {
  if (TextWidth(cps) <= max_tenths) return {cps, false};
  const int64_t room = max_tenths - AdvanceTenthsEm(kEllipsis) * kFontSize;
  CodePoints kept;
  int64_t used = 0;
  for (char32_t c : cps) {
    const int64_t w = AdvanceTenthsEm(c) * kFontSize;
    if (w > 0 && used + w > room) break;
    used += w;
    kept.push_back(c);
  }
  while (!kept.empty() && (kept.back() == ' ' || kept.back() == kZeroWidthJoiner)) kept.pop_back();
  kept.push_back(kEllipsis);
  return {std::move(kept), true};
}

// Tenths as "12" or "12.5".
std::string Num(int64_t tenths) {
  std::string out = std::to_string(tenths / kTenths);
  if (const int64_t frac = tenths % kTenths; frac != 0) {
    out += '.';
    out += static_cast<char>('0' + frac);
  }
  return out;
}

int64_t SaturatingAdd(int64_t a, int64_t b) {
  return a > std::numeric_limits<int64_t>::max() - b ? std::numeric_limits<int64_t>::max() : a + b;
}

std::string SeriesClass(int series) {
  return "chart-s" + std::to_string(((series % kSeriesClasses) + kSeriesClasses) % kSeriesClasses);
}

struct Row {
  Fitted label;
  CodePoints full_label;
  std::vector<ChartSegment> shown;  // present segments, negatives clamped to 0
  int64_t total = 0;
  CodePoints value_text;
};

Row MakeRow(const ChartBar& bar, const BarChart& chart) {
  Row row;
  row.full_label = Decode(bar.label);
  row.label = Fit(row.full_label, kLabelCap * kTenths);
  bool any_suppressed = false;
  for (const ChartSegment& s : bar.segments) {
    if (!s.value) {
      any_suppressed = true;
      continue;
    }
    const int64_t v = std::max<int64_t>(*s.value, 0);
    row.total = SaturatingAdd(row.total, v);
    row.shown.push_back({v, s.series});
  }
  const auto number = [&](int64_t v) { return chart.number ? chart.number(v) : std::to_string(v); };
  if (any_suppressed && row.shown.empty()) {
    row.value_text = Decode(chart.suppressed_text);
  } else if (any_suppressed) {
    row.value_text = Decode(number(row.total) + " + " + chart.suppressed_text);
  } else {
    row.value_text = Decode(number(row.total));
  }
  return row;
}

// Appends the legend (one square and name per series, wrapping onto more lines) at `top`;
// returns its height in tenths.
int64_t AppendLegend(const std::vector<std::string>& series, int64_t top, std::string& out) {
  const int64_t left = kPad * kTenths;
  const int64_t right = (kWidth - kPad) * kTenths;
  const int64_t key = (kKeySize + kKeyGap) * kTenths;
  int64_t x = left;
  int64_t line_top = top;
  out += "<g class=\"chart-legend\">\n";
  for (size_t i = 0; i < series.size(); ++i) {
    const Fitted name = Fit(Decode(series[i]), right - left - key);
    const int64_t item = key + TextWidth(name.text);
    if (x > left && x + item > right) {
      x = left;
      line_top += kLegendLine * kTenths;
    }
    const int64_t key_y = line_top + (kLegendLine - kKeySize) * kTenths / 2;
    const int64_t baseline = line_top + kLegendLine * kTenths / 2 + kFontSize * 35 / 10;
    if (name.shortened) out += "<g><title>" + Escape(series[i]) + "</title>";
    out += "<rect class=\"chart-key " + SeriesClass(static_cast<int>(i)) + "\" x=\"" + Num(x) +
           "\" y=\"" + Num(key_y) + "\" width=\"" + std::to_string(kKeySize) + "\" height=\"" +
           std::to_string(kKeySize) + "\"/>";
    out += "<text x=\"" + Num(x + key) + "\" y=\"" + Num(baseline) + "\">" + Escape(name.text) +
           "</text>";
    if (name.shortened) out += "</g>";
    out += '\n';
    x += item + kItemGap * kTenths;
  }
  out += "</g>\n";
  return line_top + kLegendLine * kTenths - top;
}

}  // namespace

std::string HorizontalBarChart(const BarChart& chart) {
  if (chart.bars.empty()) return "";

  std::vector<Row> rows;
  rows.reserve(chart.bars.size());
  for (const ChartBar& bar : chart.bars) rows.push_back(MakeRow(bar, chart));

  int64_t label_col = 0;
  int64_t max_total = 0;
  for (const Row& r : rows) {
    label_col = std::max(label_col, TextWidth(r.label.text));
    max_total = std::max(max_total, r.total);
  }
  const int64_t x0 = kPad * kTenths + label_col + (label_col > 0 ? kLabelGap * kTenths : 0);
  const int64_t right = (kWidth - kPad) * kTenths;
  const int64_t gap = kValueGap * kTenths;

  // The bar area is as wide as it can be while every bar's value text still ends inside the
  // viewBox: bar i ends at x0 + area * total_i / max_total.
  int64_t area = right - x0;
  for (const Row& r : rows) {
    if (r.total == 0) continue;
    const double share = static_cast<double>(r.total) / static_cast<double>(max_total);
    const int64_t room = right - x0 - gap - TextWidth(r.value_text);
    const double fits = std::floor(static_cast<double>(room) / share);  // may be far out of range
    if (fits < static_cast<double>(area)) {
      area = static_cast<int64_t>(std::max(fits, static_cast<double>(kMinBarArea * kTenths)));
    }
  }
  // Positions along the bar are rounded once, cumulatively, so stacked segments add up exactly
  // to the bar's width.
  const auto at = [&](int64_t cumulative) -> int64_t {
    if (max_total == 0) return 0;
    const double share = static_cast<double>(cumulative) / static_cast<double>(max_total);
    return std::llround(share * static_cast<double>(area));
  };

  std::string body;
  int64_t top = kPad * kTenths;
  if (chart.series.size() > 1) {
    top += AppendLegend(chart.series, top, body) + kLegendGap * kTenths;
  }
  const int64_t row_height = kRowHeight * kTenths;
  const int64_t text_dy = row_height / 2 + kFontSize * 35 / 10;  // baseline ~0.35 em below middle
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    const int64_t y = top + static_cast<int64_t>(i) * (kRowHeight + kRowGap) * kTenths;
    body += "<g class=\"chart-row\">";
    if (r.label.shortened) body += "<title>" + Escape(r.full_label) + "</title>";
    if (!r.label.text.empty()) {
      body += "<text x=\"" + Num(x0 - kLabelGap * kTenths) + "\" y=\"" + Num(y + text_dy) +
              "\" text-anchor=\"end\">" + Escape(r.label.text) + "</text>";
    }
    int64_t cumulative = 0;
    for (const ChartSegment& s : r.shown) {
      const int64_t from = at(cumulative);
      cumulative = SaturatingAdd(cumulative, *s.value);
      const int64_t to = at(cumulative);
      if (to <= from) continue;
      body += "<rect class=\"chart-bar " + SeriesClass(s.series) + "\" x=\"" + Num(x0 + from) +
              "\" y=\"" + Num(y) + "\" width=\"" + Num(to - from) + "\" height=\"" +
              Num(row_height) + "\"/>";
    }
    body += "<text class=\"chart-value\" x=\"" + Num(x0 + at(r.total) + gap) + "\" y=\"" +
            Num(y + text_dy) + "\">" + Escape(r.value_text) + "</text>";
    body += "</g>\n";
  }
  const int64_t height = top +
                         static_cast<int64_t>(rows.size()) * (kRowHeight + kRowGap) * kTenths -
                         kRowGap * kTenths + kPad * kTenths;

  const std::string id = Escape(chart.id);
  std::string out;
  out.reserve(body.size() + 512);
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"" + id +
         "-title " + id + "-desc\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + Num(height) +
         "\" class=\"chart\" preserveAspectRatio=\"xMinYMin meet\">\n";
  out += "<title id=\"" + id + "-title\">" + Escape(chart.title) + "</title>\n";
  out += "<desc id=\"" + id + "-desc\">" + Escape(chart.description) + "</desc>\n";
  // Rects take their colour from CSS; were the stylesheet missing they would fall back to the
  // text colour, still readable.
  out += "<g fill=\"currentColor\" font-size=\"" + std::to_string(kFontSize) + "\">\n";
  out += body;
  out += "</g>\n</svg>";
  return out;
}

}  // namespace tilti::web
