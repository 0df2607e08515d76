// Information for newcomers (issue 8), public:
//   /{lang}/guides          the guides by topic, each with its summary; easy-language ones marked
//   /{lang}/guides/{slug}   one guide: its Markdown in the reader's best locale (marked when it
//                           is another), the easy-language link both ways, the video with its
//                           captions and what it shows, and the text read aloud part by part
//   /{lang}/guides/{slug}/audio/{n}-{key}.wav
//                           part n of the text read aloud (web/read_aloud) in the voice of the
//                           text's own locale (not the page's); key hashes the voice and words,
//                           so an edited text has new addresses and an old one is a 404
// Texts come from store/guide_store with the reader's locale chain; the Markdown goes through
// web/markdown (raw HTML off, unsafe links and images dropped) and nothing else.
#include "speech/voices.h"
#include "store/guide_store.h"
#include "web/handlers.h"
#include "web/markdown.h"
#include "web/read_aloud.h"
#include "web/spoken_audio.h"
#include "web/uploads.h"

namespace tilti::web {
namespace {

std::string GuideHref(const i18n::LocaleInfo& locale, std::string_view slug) {
  return "/" + locale.code + "/guides/" + std::string(slug);
}

// The "shown in Latvian" note of a text in another locale than the page's; "" when it is not.
std::string ShownIn(const Site& site, const i18n::LocaleInfo& locale,
                    const store::GuideText& text) {
  if (text.locale.empty() || text.locale == locale.code) return "";
  return site.Tr(locale.code, "layout.shown_in",
                 {{"language", site.LanguageNameIn(text.locale, locale.code)}});
}

Data TopicsView(const Site& site, const i18n::LocaleInfo& locale,
                const std::vector<store::GuideListItem>& guides) {
  Data topics(Data::type::list);
  for (const std::string& topic : store::GuideTopics()) {
    Data list(Data::type::list);
    for (const auto& g : guides) {
      if (g.topic != topic) continue;
      Data item(Data::type::object);
      item.set("guide_href", GuideHref(locale, g.slug));
      item.set("guide_title", site.TextData(g.title.Localized(), locale));
      item.set("guide_is_easy", g.is_easy);
      item.set("has_summary", !g.summary.text.empty());
      item.set("guide_summary", site.TextData(g.summary.Localized(), locale));
      list.push_back(item);
    }
    if (list.is_empty_list()) continue;
    Data t(Data::type::object);
    t.set("topic_code", topic);
    t.set("topic_name", site.Tr(locale.code, "guides.topic." + topic));
    t.set("topic_guides", list);
    topics.push_back(t);
  }
  return topics;
}

Data VideoTracks(const Site& site, const i18n::LocaleInfo& locale,
                 const std::vector<store::GuideCaption>& captions) {
  Data tracks(Data::type::list);
  // The reader's own captions are the default; else those of the first fallback that has some.
  std::string chosen;
  for (const std::string& code : site.Chain(locale)) {
    for (const auto& c : captions) {
      if (chosen.empty() && c.locale == code) chosen = code;
    }
  }
  for (const auto& c : captions) {
    Data t(Data::type::object);
    t.set("track_src", FileHref(c.file.StoredName()));
    t.set("track_lang", c.locale);
    t.set("track_label", site.LanguageNameIn(c.locale, locale.code));
    t.set("track_default", c.locale == chosen);
    tracks.push_back(t);
  }
  return tracks;
}

// The "read aloud" section: one audio file per part of the body, in the body's locale; when
// espeak-ng has no voice for it, a sentence saying so. false (no section) when there is no text.
Data ReadAloudView(const Site& site, const i18n::LocaleInfo& locale, const store::GuideView& guide) {
  const std::vector<std::string> parts = ReadAloudParts(guide.body.text);
  if (parts.empty()) return Data(false);
  const std::string& lang = locale.code;
  const std::string& spoken = guide.body.locale;
  const std::string language = site.LanguageNameIn(spoken, lang);
  Data d(Data::type::object);
  const auto voice = speech::VoiceFor(spoken);
  if (!voice) {
    d.set("unavailable", site.Tr(lang, "guides.read_aloud.unavailable", {{"language", language}}));
    return d;
  }
  d.set("intro", site.Tr(lang, "guides.read_aloud.intro", {{"language", language}}));
  d.set("speakable", true);
  d.set("spoken_lang", spoken);
  Data list(Data::type::list);
  const auto count = static_cast<int64_t>(parts.size());
  for (size_t i = 0; i < parts.size(); ++i) {
    const auto n = static_cast<int64_t>(i + 1);
    Data p(Data::type::object);
    p.set("part_n", std::to_string(n));
    p.set("part_label", site.Tr(lang, "guides.read_aloud.part", {{"n", n}, {"count", count}}));
    p.set("part_snippet", TextSnippet(parts[i], 60));
    p.set("part_src", GuideHref(locale, guide.slug) + "/audio/" +
                          ReadAloudFileName(i + 1, *voice, parts[i]));
    p.set("part_download", site.Tr(lang, "guides.read_aloud.download", {{"n", n}}));
    list.push_back(p);
  }
  d.set("parts", list);
  return d;
}

}  // namespace

http::Response GuidesList(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request) {
  auto guides = store::ListGuides(*site.db().Read(), site.Chain(locale), /*published_only=*/true);
  Data page(Data::type::object);
  page.set("topics", TopicsView(site, locale, guides));
  page.set("nothing", guides.empty());
  PageFrame frame{&locale, "guides", site.Tr(locale.code, "guides.title")};
  return site.RenderPage(request, frame, "guides", std::move(page));
}

http::Response GuidePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  const std::string slug(request.Param("slug"));
  auto guide = store::ReadGuide(*site.db().Read(), slug, site.Chain(locale), true);
  if (!guide) return site.ErrorPage(404, request);
  const std::string& lang = locale.code;
  Data page(Data::type::object);
  page.set("guides_href", "/" + lang + "/guides");
  page.set("is_easy", !guide->original_slug.empty());
  page.set("heading", guide->title.text);
  if (guide->title.locale != lang) page.set("heading_lang", guide->title.locale);
  // One note for the page: the body decides (the title follows it but for a rare half-done
  // translation, and then carries its own lang).
  const std::string note =
      ShownIn(site, locale, guide->body.text.empty() ? guide->title : guide->body);
  if (!note.empty()) page.set("not_translated", note);
  page.set("outdated", guide->title.outdated || guide->body.outdated || guide->summary.outdated);
  if (!guide->easy_slug.empty()) page.set("easy_href", GuideHref(locale, guide->easy_slug));
  if (!guide->original_slug.empty())
    page.set("original_href", GuideHref(locale, guide->original_slug));
  page.set("body_html", RenderMarkdown(guide->body.text));
  if (guide->body.locale != lang) page.set("body_lang", guide->body.locale);
  page.set("read_aloud", ReadAloudView(site, locale, *guide));
  page.set("has_video", guide->video.has_value());
  if (guide->video) {
    page.set("video_src", FileHref(guide->video->StoredName()));
    page.set("tracks", VideoTracks(site, locale, guide->captions));
    const store::GuideText& shows = guide->video_description;
    page.set("has_video_text", !shows.text.empty());
    page.set("video_text_html", RenderMarkdown(shows.text));
    if (shows.locale != lang) page.set("video_text_lang", shows.locale);
    const std::string shows_note = ShownIn(site, locale, shows);
    if (!shows_note.empty() && shows_note != note) page.set("video_text_note", shows_note);
  }
  PageFrame frame{&locale, "guides/" + guide->slug, guide->title.text};
  return site.RenderPage(request, frame, "guide", std::move(page));
}

http::Response GuideAudio(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request) {
  const std::string_view file = request.Param("file");
  const auto n = ReadAloudPartNumber(file);
  if (!n) return site.ErrorPage(404, request);
  auto guide = store::ReadGuide(*site.db().Read(), request.Param("slug"), site.Chain(locale), true);
  if (!guide) return site.ErrorPage(404, request);
  // The voice of the text shown, which is the page's locale or the first fallback that has it.
  const auto voice = speech::VoiceFor(guide->body.locale);
  const std::vector<std::string> parts = ReadAloudParts(guide->body.text);
  if (!voice || *n < 1 || *n > parts.size()) return site.ErrorPage(404, request);
  const std::string& text = parts[*n - 1];
  if (file != ReadAloudFileName(*n, *voice, text)) return site.ErrorPage(404, request);
  return SpokenAudioResponse(site, request, *voice, text, guide->slug + "/" + std::string(file));
}

}  // namespace tilti::web
