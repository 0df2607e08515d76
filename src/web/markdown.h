#pragma once
// Markdown written by librarians (the diagnostic report, issue 7) as HTML that is safe to print
// unescaped: templates may output it only through names ending in `_html` (web/templates.cpp),
// and only what this function made may be given such a name.
#include <string>
#include <string_view>

namespace tilti::web {

// Renders CommonMark with tables and ~~strikethrough~~ (md4c's parser, our own small HTML
// writer) so that the result can never run script or load anything:
//   - raw HTML, blocks and spans, is not recognised: it is shown as the text typed;
//   - every text and attribute is escaped; entities are decoded and escaped again;
//   - links keep their text, but are links only when their target (entities decoded, leading
//     spaces and controls dropped, tabs and newlines removed as browsers do) is relative or
//     http:, https: or mailto:; any other scheme (javascript:, data:, vbscript:...) leaves
//     only the text. Links get rel="nofollow noopener";
//   - images are not shown: only their alt text remains;
//   - headings move one level down (`#` becomes <h2>, at most <h6>): the page has its own h1.
// Input that is not valid UTF-8 is not repaired; callers give what the form sent (the browser
// sends UTF-8). Never throws for any input.
std::string RenderMarkdown(std::string_view markdown);

// Whether a link target may be written as an href (the rule above). Exposed for tests.
bool IsSafeLinkTarget(std::string_view decoded_url);

}  // namespace tilti::web
