// The front-desk phrasebook (issue 8), public, for librarians at the desk and their visitors:
//   /{lang}/phrasebook[?q=...]                  every situation with its phrases, the page's
//                                               language first and the others side by side;
//                                               ?q= searches all languages (folded), server-side
//   /{lang}/phrasebook/{id}[?to=uk]             "show the visitor": one phrase in large type in
//                                               the visitor's language, the librarian's beneath
//   /{lang}/phrasebook/audio/{id}/{locale}.wav  the phrase spoken by espeak-ng (made on first
//                                               use, then kept in the database for every node)
//   /phrasebook-sw.js                           the service worker that keeps the pages, the
//                                               stylesheet and heard audio for offline use
// The phrases come from web/phrasebook/phrases.json (knowledge/phrasebook.h says why).
#include "knowledge/phrasebook.h"
#include "speech/voices.h"
#include "web/handlers.h"
#include "web/query_params.h"
#include "web/spoken_audio.h"

namespace tilti::web {
namespace {

std::string PhrasebookPath(const i18n::LocaleInfo& locale) {
  return "/" + locale.code + "/phrasebook";
}
std::string AudioHref(const i18n::LocaleInfo& page, std::string_view phrase_id,
                      std::string_view locale) {
  return PhrasebookPath(page) + "/audio/" + std::string(phrase_id) + "/" + std::string(locale) +
         ".wav";
}

// The site's locales with the page's first, the others in catalogue order.
std::vector<const i18n::LocaleInfo*> PageFirst(const Site& site, const i18n::LocaleInfo& page) {
  std::vector<const i18n::LocaleInfo*> out{&page};
  for (const auto& l : site.messages().Locales()) {
    if (l.code != page.code) out.push_back(&l);
  }
  return out;
}

Data PhraseData(const i18n::LocaleInfo& page, const std::vector<const i18n::LocaleInfo*>& order,
                const knowledge::Phrase& phrase) {
  Data versions(Data::type::list);
  Data show(Data::type::list);
  for (const i18n::LocaleInfo* l : order) {
    Data v(Data::type::object);
    v.set("code", l->code);
    v.set("endonym", l->endonym);
    v.set("text", phrase.text.at(l->code));
    v.set("first", l == order.front());
    const bool speakable = speech::VoiceFor(l->code).has_value();
    v.set("speakable", speakable);
    if (speakable) v.set("audio_href", AudioHref(page, phrase.id, l->code));
    versions.push_back(v);
    if (l != &page) {
      Data s(Data::type::object);
      s.set("code", l->code);
      s.set("endonym", l->endonym);
      s.set("href", PhrasebookPath(page) + "/" + phrase.id + "?to=" + l->code);
      show.push_back(s);
    }
  }
  Data d(Data::type::object);
  d.set("id", phrase.id);
  d.set("versions", versions);
  d.set("show", show);
  return d;
}

Data SituationData(const i18n::LocaleInfo& page, const std::vector<const i18n::LocaleInfo*>& order,
                   const knowledge::Situation& situation,
                   const std::vector<const knowledge::Phrase*>& phrases) {
  Data list(Data::type::list);
  for (const knowledge::Phrase* p : phrases) list.push_back(PhraseData(page, order, *p));
  Data d(Data::type::object);
  d.set("id", situation.id);
  d.set("title", situation.title.at(page.code));
  d.set("phrases", list);
  return d;
}

// The languages of the site espeak-ng cannot speak, by their own names ("" when none).
std::string Unspeakable(const Site& site) {
  std::string out;
  for (const auto& l : site.messages().Locales()) {
    if (!speech::VoiceFor(l.code)) out += (out.empty() ? "" : ", ") + l.endonym;
  }
  return out;
}

Data CommonData(const Site& site, const i18n::LocaleInfo& locale) {
  Data page(Data::type::object);
  page.set("action", PhrasebookPath(locale));
  page.set("script", site.assets().Url("phrasebook.js"));
  page.set("worker", "/phrasebook-sw.js");
  page.set("scope", PhrasebookPath(locale));
  const std::string unspeakable = Unspeakable(site);
  if (!unspeakable.empty()) {
    page.set("unspeakable",
             site.Tr(locale.code, "phrasebook.no_audio_in", {{"languages", unspeakable}}));
  }
  return page;
}

}  // namespace

http::Response PhrasebookPage(const Site& site, const i18n::LocaleInfo& locale,
                              http::Request& request) {
  const std::string& lang = locale.code;
  const knowledge::Phrasebook& book = site.phrasebook();
  const std::string query = QueryParam(request, "q", 200);
  const auto order = PageFirst(site, locale);
  Data page = CommonData(site, locale);
  page.set("heading", site.Tr(lang, "phrasebook.title"));
  page.set("query", query);
  Data situations(Data::type::list);
  if (query.empty()) {
    for (const knowledge::Situation& s : book.situations) {
      std::vector<const knowledge::Phrase*> all;
      for (const knowledge::Phrase& p : s.phrases) all.push_back(&p);
      situations.push_back(SituationData(locale, order, s, all));
    }
  } else {
    const auto hits = knowledge::SearchPhrases(book, query);
    // Hits come in phrasebook order, so one situation's hits are adjacent.
    for (size_t i = 0; i < hits.size();) {
      std::vector<const knowledge::Phrase*> same;
      const knowledge::Situation* s = hits[i].situation;
      for (; i < hits.size() && hits[i].situation == s; ++i) same.push_back(hits[i].phrase);
      situations.push_back(SituationData(locale, order, *s, same));
    }
    page.set("searched", true);
    if (hits.empty()) {
      page.set("no_result", site.Tr(lang, "phrasebook.search.none", {{"query", query}}));
    }
    page.set("found", !hits.empty());
    page.set("result_count",
             site.Tr(lang, "phrasebook.search.count",
                     {{"count", static_cast<int64_t>(hits.size())}, {"query", query}}));
    page.set("all_href", PhrasebookPath(locale));
  }
  page.set("situations", situations);
  PageFrame frame{&locale, "phrasebook", site.Tr(lang, "phrasebook.title")};
  if (!query.empty()) frame.title = site.Tr(lang, "phrasebook.search.title", {{"query", query}});
  return site.RenderPage(request, frame, "phrasebook", std::move(page));
}

http::Response PhraseShowPage(const Site& site, const i18n::LocaleInfo& locale,
                              http::Request& request) {
  const std::string& lang = locale.code;
  auto [situation, phrase] = site.phrasebook().Find(request.Param("id"));
  if (phrase == nullptr) return site.ErrorPage(404, request);
  const std::string to_code = QueryParam(request, "to", 20);
  const i18n::LocaleInfo* to = to_code.empty() ? nullptr : site.messages().Find(to_code);
  if (!to_code.empty() && to == nullptr) return site.ErrorPage(404, request);
  Data page = CommonData(site, locale);
  page.set("situation", situation->title.at(lang));
  page.set("back_href", PhrasebookPath(locale) + "#" + situation->id);
  page.set("mine_text", phrase->text.at(lang));
  page.set("mine_code", lang);
  if (to != nullptr) {
    page.set("chosen", true);
    page.set("to_code", to->code);
    page.set("to_endonym", to->endonym);
    page.set("to_dir", to->dir);
    page.set("to_text", phrase->text.at(to->code));
    if (speech::VoiceFor(to->code)) page.set("audio_href", AudioHref(locale, phrase->id, to->code));
  }
  Data choices(Data::type::list);
  for (const auto& l : site.messages().Locales()) {
    if (l.code == lang) continue;
    Data c(Data::type::object);
    c.set("code", l.code);
    c.set("endonym", l.endonym);
    c.set("href", PhrasebookPath(locale) + "/" + phrase->id + "?to=" + l.code);
    c.set("current", to != nullptr && to->code == l.code);
    choices.push_back(c);
  }
  page.set("choices", choices);
  const std::string title = site.Tr(lang, "phrasebook.show.title");
  PageFrame frame{&locale, "phrasebook/" + phrase->id, title};
  if (to != nullptr) frame.path_tail += "?to=" + to->code;
  return site.RenderPage(request, frame, "phrasebook_show", std::move(page));
}

http::Response PhraseAudio(const Site& site, const i18n::LocaleInfo&, http::Request& request) {
  auto [situation, phrase] = site.phrasebook().Find(request.Param("id"));
  std::string_view file = request.Param("file");
  if (phrase == nullptr || !file.ends_with(".wav")) return site.ErrorPage(404, request);
  const std::string_view code = file.substr(0, file.size() - 4);
  auto text = phrase->text.find(code);
  auto voice = speech::VoiceFor(code);
  if (text == phrase->text.end() || !voice) return site.ErrorPage(404, request);
  return SpokenAudioResponse(site, request, *voice, text->second, phrase->id);
}

http::Response PhrasebookWorker(const Site& site, http::Request& request) {
  // Served from the site's root, not /static/, so that it may control /{lang}/phrasebook
  // (a service worker's scope cannot reach above its own folder). Never cached long: a new
  // version must reach browsers on their next visit.
  const std::string hashed =
      site.assets().Url("phrasebook-sw.js").substr(std::string("/static/").size());
  const Asset* asset = site.assets().Find(hashed);
  if (asset == nullptr) return site.ErrorPage(404, request);
  http::Response r;
  r.Set("Content-Type", "text/javascript; charset=utf-8");
  r.Set("X-Content-Type-Options", "nosniff");
  // A worker runs under its own script's policy: it may fetch from this origin only.
  r.Set("Content-Security-Policy", "default-src 'self'");
  r.Set("Cache-Control", "no-cache");
  r.body = asset->bytes;
  return r;
}

}  // namespace tilti::web
