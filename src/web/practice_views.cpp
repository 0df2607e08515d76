#include "web/practice_views.h"

#include "core/text.h"
#include "web/markdown.h"
#include "web/programme_views.h"
#include "web/uploads.h"

namespace tilti::web {
namespace {

constexpr size_t kExcerptChars = 240;

// A Markdown section: its heading, HTML, language and the "shown in" note of a fallback;
// nothing when the text is empty.
void AddSection(Data& sections, const Site& site, const i18n::LocaleInfo& locale, const char* key,
                const LocalizedText& text, bool markdown) {
  if (TrimSpace(text.text).empty()) return;
  Data d(Data::type::object);
  d.set("section_heading", site.Tr(locale.code, std::string("practices.section.") + key));
  d.set("section_id", std::string(key));
  if (markdown) {
    d.set("section_html", RenderMarkdown(text.text));
  } else {
    d.set("section_text", text.text);
  }
  const bool other = !text.locale.empty() && text.locale != locale.code;
  d.set("section_lang", text.locale.empty() ? locale.code : text.locale);
  if (other) {
    d.set("section_fallback", site.Tr(locale.code, "layout.shown_in",
                                      {{"language", site.LanguageNameIn(text.locale, locale.code)}}));
  }
  sections.push_back(d);
}

Data LinkList(const Site& site, const i18n::LocaleInfo& locale, const std::vector<store::PracticeLink>& links,
              const std::string& base) {
  Data list(Data::type::list);
  for (const auto& l : links) {
    Data d(Data::type::object);
    d.set("link_href", base + l.id);
    d.set("link_name", site.TextData(l.name, locale));
    list.push_back(d);
  }
  return list;
}

Data Facts(const Site& site, const i18n::LocaleInfo& locale, const store::PracticeView& p) {
  const std::string& lang = locale.code;
  Data d(Data::type::object);
  d.set("library", site.TextData(p.library, locale));
  if (!p.library_slug.empty()) d.set("library_href", "/" + lang + "/libraries/" + p.library_slug);
  d.set("country", site.CountryNameIn(p.country, lang));
  d.set("category", site.Tr(lang, "practices.category." + p.category));
  Data groups(Data::type::list);
  for (const auto& g : p.target_groups) groups.push_back(site.TextData(g, locale));
  d.set("target_groups", groups);
  d.set("has_target_groups", !p.target_groups.empty());
  if (!p.published_at.empty()) d.set("published", IsoDateText(site, lang, p.published_at.substr(0, 10)));
  d.set("is_sample", p.is_sample);
  return d;
}

}  // namespace

std::string PracticeHref(const i18n::LocaleInfo& locale, std::string_view slug) {
  return "/" + locale.code + "/practices/" + std::string(slug);
}

std::string CutToChars(std::string_view text, size_t chars) {
  if (Utf8Length(text) <= static_cast<long>(chars)) return std::string(text);
  // Cut before the first byte of character number chars + 1.
  size_t seen = 0, cut = 0;
  for (; cut < text.size(); ++cut) {
    if ((static_cast<unsigned char>(text[cut]) & 0xC0) != 0x80 && seen++ == chars) break;
  }
  return TrimSpace(text.substr(0, cut)) + "…";
}

std::string PracticeExcerpt(std::string_view markdown) {
  std::string plain;
  for (size_t i = 0; i < markdown.size(); ++i) {
    const char ch = markdown[i];
    // A link's address, "](…)", is not text.
    if (ch == ']' && i + 1 < markdown.size() && markdown[i + 1] == '(') {
      const size_t close = markdown.find(')', i);
      if (close != std::string_view::npos) i = close;
      continue;
    }
    if (ch == '#' || ch == '*' || ch == '_' || ch == '`' || ch == '>' || ch == '[' || ch == ']') continue;
    const bool space = ch == '\n' || ch == '\r' || ch == ' ' || ch == '\t';
    if (space && (plain.empty() || plain.back() == ' ')) continue;  // one space between words
    plain += space ? ' ' : ch;
  }
  return CutToChars(TrimSpace(plain), kExcerptChars);
}

Data PracticeSummaryView(const Site& site, const i18n::LocaleInfo& locale, const store::PracticeView& p) {
  Data d = Facts(site, locale, p);
  d.set("href", PracticeHref(locale, p.slug));
  d.set("practice_title", site.TextData(p.title, locale));
  d.set("excerpt", site.TextData({PracticeExcerpt(p.problem.text), p.problem.locale}, locale));
  if (!p.images.empty()) {
    const auto& img = p.images.front();
    d.set("thumb_src", FileHref(img.file.StoredName()));
    d.set("thumb_alt", img.alt.text);
    if (!img.alt.locale.empty() && img.alt.locale != locale.code) d.set("thumb_alt_lang", img.alt.locale);
    if (img.file.width > 0) {
      d.set("thumb_width", std::to_string(img.file.width));
      d.set("thumb_height", std::to_string(img.file.height));
    }
  }
  return d;
}

Data PracticeDetailView(const Site& site, const i18n::LocaleInfo& locale, const store::PracticeView& p) {
  const std::string& lang = locale.code;
  Data page = Facts(site, locale, p);
  page.set("heading", p.title.text);
  page.set("practice_title", site.TextData(p.title, locale));
  Data sections(Data::type::list);
  AddSection(sections, site, locale, "problem", p.problem, true);
  AddSection(sections, site, locale, "audience", p.audience, false);
  AddSection(sections, site, locale, "what_done", p.what_done, true);
  AddSection(sections, site, locale, "cost", p.cost, false);
  AddSection(sections, site, locale, "results", p.results, true);
  AddSection(sections, site, locale, "watch_out", p.watch_out, true);
  page.set("sections", sections);
  std::vector<store::GalleryImage> images;
  for (const auto& img : p.images) images.push_back({img.id, p.id, img.file, img.alt, img.caption});
  page.set("gallery", GalleryView(site, locale, images, ""));
  page.set("has_gallery", !images.empty());
  page.set("events", LinkList(site, locale, p.events, "/" + lang + "/events/"));
  page.set("services", LinkList(site, locale, p.services, "/" + lang + "/services/"));
  page.set("has_links", !p.events.empty() || !p.services.empty());
  page.set("has_events", !p.events.empty());
  page.set("has_services", !p.services.empty());
  if (!p.source_note.empty()) page.set("source_note", p.source_note);
  return page;
}

}  // namespace tilti::web
