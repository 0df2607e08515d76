#pragma once
// Markdown written by librarians (the diagnostic report, issue 7) as HTML that is safe to print
// unescaped: templates may output it only through names ending in `_html` (web/templates.cpp),
// and only what this function made may be given such a name.
#include <string>
#include <string_view>
#include <vector>

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

// The text of `markdown` as plain paragraphs, without any markup, for reading aloud: one string
// per paragraph, code block, whole list (each item a sentence) and table (each row a sentence,
// its cells joined by commas); a heading is joined, as a sentence, to the block after it;
// paragraphs inside block quotes stand alone. Emphasis, code spans and links leave their text
// (never a link's target), images their alt text; entities are decoded (numeric ones, and the
// few named ones a writer types: &amp; &nbsp; &ndash; &laquo; ...; any other stays as typed);
// line breaks and runs of spaces become one space; NUL characters are dropped. Parsed like
// RenderMarkdown (raw HTML is text), so the words are those the page shows. Empty paragraphs are
// left out. Never throws.
std::vector<std::string> MarkdownParagraphs(std::string_view markdown);

// Whether a link target may be written as an href (the rule above). Exposed for tests.
bool IsSafeLinkTarget(std::string_view decoded_url);

}  // namespace tilti::web
