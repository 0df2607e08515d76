#pragma once
// Accessible horizontal bar charts as inline SVG, rendered on the server (no JavaScript) for the
// coordinator dashboard. Pure: chart description in, one <svg> element string out; thread-safe.
// The chart is a picture of figures that a data table beside it also carries, so the SVG has an
// accessible name and description (role="img") and never is the only place a number appears.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tilti::web {

struct ChartSegment {
  // nullopt: suppressed (a group too small to show), drawn as nothing, labelled with
  // BarChart::suppressed_text. Negative values are drawn and totalled as 0 (counts are never
  // negative; a negative one is a caller bug that must not draw a bar leftwards).
  std::optional<int64_t> value;
  int series = 0;  // index into BarChart::series, picks the CSS class chart-s{series%6}
};

struct ChartBar {
  std::string label;                   // shown left of the bar (plain text, escaped here)
  std::vector<ChartSegment> segments;  // one segment = simple bar; several = stacked bar
};

struct BarChart {
  std::string id;     // unique on the page, no spaces; the SVG uses "{id}-title" and "{id}-desc"
  std::string title;  // accessible name (<title>)
  std::string description;          // <desc>, e.g. "The same figures are in the table below."
  std::vector<std::string> series;  // legend names when there is more than one series (stacked);
                                    // empty or one = no legend
  std::vector<ChartBar> bars;
  std::string suppressed_text;  // e.g. "fewer than 5", written next to a bar whose every segment
                                // is suppressed
  // Formats a value in the reader's locale ("1 234"); empty: std::to_string.
  std::function<std::string(int64_t)> number;
};

// The chart as an <svg> element string; an empty `bars` list gives "" (the caller shows a
// "no data" sentence instead).
//
// Contract:
// - Every user-provided string (id, title, description, labels, series names, suppressed_text
//   and what `number` returns) is XML-escaped; invalid UTF-8 becomes U+FFFD and characters XML
//   forbids (C0 controls but tab/LF/CR, U+FFFE, U+FFFF) are dropped, so the result is
//   well-formed XML for any input.
// - The SVG has a viewBox and no width; CSS (.chart in site.css) sizes it. Text is drawn in
//   currentColor with font-size in viewBox units, so it scales with the chart.
// - Each bar is one row: its label (shortened with "…" past a width cap; the full label is then
//   kept in a <title> of the row), its segments left to right in the given order, and its total
//   formatted by `number` after the bar end. The largest total spans the full bar width. A bar
//   whose every segment is suppressed shows suppressed_text and no rect; a stacked bar with some
//   suppressed segments shows "{total} + {suppressed_text}"; a bar with no segments or a zero
//   total shows its total and no rect.
// - Deterministic: the same chart gives the same string; no locale is consulted here.
std::string HorizontalBarChart(const BarChart& chart);

}  // namespace tilti::web
