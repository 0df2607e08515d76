#pragma once
// The web layer's shared state and the helpers every handler uses: pick the page's locale,
// render a template inside the layout, answer errors in the user's language. Handlers (the
// *_pages.cpp files) stay thin: parse -> one query or service call -> Site::RenderPage.
#include <atomic>
#include <functional>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/password.h"
#include "accounts/permissions.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/localized_text.h"
#include "core/metrics.h"
#include "http/request.h"
#include "knowledge/phrasebook.h"
#include "speech/synthesizer.h"
#include "store/database.h"
#include "store/search_snapshot.h"
#include "web/assets.h"
#include "web/i18n_catalog.h"
#include "web/i18n_collate.h"
#include "web/i18n_format.h"
#include "web/response_cache.h"
#include "web/templates.h"

namespace tilti::web {

struct SiteOptions {
  // Absolute base for hreflang alternates, share links and QR codes, no trailing slash.
  std::string public_url = "http://127.0.0.1:8080";
  std::string default_locale = "lv";
  // The search page's map: a tile URL template ("https://{s}.tile.example/{z}/{x}/{y}.png"),
  // or "" for markers on a plain background (works offline). A URL's origin is added to the
  // CSP's img-src, and nothing else. The attribution is shown on the tiles; "" gives a
  // generic OpenStreetMap credit for tile.openstreetmap.org and none elsewhere.
  std::string map_tiles;
  std::string map_attribution;
  // Which changes of librarians wait for a coordinator's review (TILTI_REVIEW).
  accounts::ReviewPolicy review;
  // Event registrations one address may make in an hour (TILTI_REGISTRATION_LIMIT).
  int64_t registrations_per_hour = 20;
  // Days after a booked time or an event's last date before a person's data is erased
  // (TILTI_RETENTION_DAYS); the forms say so.
  int retention_days = 30;
};

// The Content-Security-Policy of every response: nothing from other hosts, no inline script or
// style; img-src also names the map tiles' origin ("https://*.tile.example" for a "{s}."
// subdomain template) when `map_tiles` is set.
std::string ContentSecurityPolicy(std::string_view map_tiles);

// The request's path after "/{lang}/" ("manage/initiatives/libri" for
// "/lv/manage/initiatives/libri"): the PageFrame::path_tail of a page at the request's own path.
std::string PathTailOf(const http::Request& request);

// What a handler knows about the page it is rendering.
struct PageFrame {
  const i18n::LocaleInfo* locale = nullptr;
  std::string path_tail;  // the path after "/{lang}/", e.g. "libraries/ogre"; "" for home
  std::string title;      // already localised
  int status = 200;
};

class Site {
 public:
  Site(SiteOptions options, const i18n::Messages& messages, std::unique_ptr<TemplateSet> templates,
       std::unique_ptr<StaticAssets> assets, store::Database& db, Metrics& metrics,
       const Clock& clock, knowledge::Phrasebook phrasebook = {});

  // The locale named by the {lang} path parameter (or, when no route matched, by the first
  // path segment), or nullptr when it is not one of ours.
  const i18n::LocaleInfo* LocaleOf(const http::Request& request) const;
  // The locale for a request without (valid) {lang}: cookie, then Accept-Language.
  const i18n::LocaleInfo& Negotiate(const http::Request& request) const;
  // The page's locale followed by its content fallbacks.
  LocaleChain Chain(const i18n::LocaleInfo& locale) const;

  std::string Tr(std::string_view locale, std::string_view key,
                 const i18n::Args& args = {}) const;
  const i18n::Collator& CollatorFor(std::string_view locale) const;
  // "2026-11-22" or an RFC 3339 time -> the locale's long date ("22 November 2026",
  // "2026. gada 22. novembris"); the input unchanged if it is not a date.
  std::string LongDate(std::string_view locale, std::string_view iso) const;
  // The name of language `code` ("de") in `locale` as CLDR has it ("vācu"); `code` when CLDR
  // has none.
  std::string LanguageNameIn(std::string_view code, std::string_view locale) const;
  // The name of country `code` (ISO 3166-1 alpha-2) in `locale`, as CLDR has it.
  std::string CountryNameIn(std::string_view code, std::string_view locale) const;

  // Renders `template_name` with `page` inside the layout (head, header, language switcher,
  // footer) and sets the headers every page gets (CSP, nosniff, language cookie...).
  http::Response RenderPage(const http::Request& request, const PageFrame& frame,
                            std::string_view template_name, Data page) const;
  // The two halves of RenderPage, for handlers that cache bodies.
  std::string RenderBody(const PageFrame& frame, std::string_view template_name,
                         Data page) const;
  http::Response HtmlResponse(const http::Request& request, const i18n::LocaleInfo& locale,
                              int status, std::string body) const;

  // A template rendered alone: no layout, no page data, no messages. For a document kept
  // verbatim among the templates: hsds_profile.mustache is a link to docs/hsds-profile.md, so
  // the API serves the repository's document and start-up checks it like any template.
  std::string RenderDocument(std::string_view template_name) const;

  // An error page (404, 405, 500, 400, 413, 431, 503) in the request's language.
  http::Response ErrorPage(int status, const http::Request& request) const;

  // A text in a locale other than the page's carries its own lang and a "shown in" note.
  Data TextData(const LocalizedText& text, const i18n::LocaleInfo& page_locale) const;

  store::Database& db() const { return db_; }
  Metrics& metrics() const { return metrics_; }
  const Clock& clock() const { return clock_; }
  const i18n::Formatter& FormatterFor(std::string_view locale) const;
  const StaticAssets& assets() const { return *assets_; }
  const SiteOptions& options() const { return options_; }
  // The library search's in-memory snapshot, current for the database `c` reads.
  std::shared_ptr<const store::SearchSnapshot> SearchSnapshot(store::Connection& c) const {
    return search_snapshots_->Get(c);
  }
  const i18n::Messages& messages() const { return messages_; }
  // The one password hasher of the process (argon2id behind its concurrency gate), for
  // signing in. Thread-safe.
  accounts::PasswordHasher& hasher() const { return *hasher_; }
  // The one speech synthesizer of the process (espeak-ng, serialised inside). Serve audio
  // through store::SpokenWav with it, so each text is synthesised once for all nodes.
  speech::Synthesizer& speech() const { return *speech_; }
  // The front-desk phrasebook (web/phrasebook/phrases.json), checked at start-up.
  const knowledge::Phrasebook& phrasebook() const { return phrasebook_; }

  // Rendered pages and API replies that depend only on the request and the directory
  // (web/response_cache.h); callers key them with DirectoryVersion().
  ResponseCache& answers() const { return *answers_; }
  // The directory's version (store/search_snapshot.h), read from the database at most every
  // kVersionRecheck, and at once after this node committed a write (Database::Commits): a
  // change made by another node or by the command line shows within that time, this node's
  // own at once, and the hot path of a cached answer makes no database call at all.
  static constexpr std::chrono::milliseconds kVersionRecheck{200};
  int64_t DirectoryVersion() const;
  // The events' version (store::EventsVersion), read in the same way.
  int64_t EventsVersion() const;

 private:
  Data LayoutData(const PageFrame& frame) const;
  void AddCommonHeaders(const http::Request& request, const i18n::LocaleInfo* locale,
                        http::Response& response) const;

  SiteOptions options_;
  std::string content_security_policy_;  // ContentSecurityPolicy(options_.map_tiles)
  const i18n::Messages& messages_;
  std::unique_ptr<TemplateSet> templates_;
  std::unique_ptr<StaticAssets> assets_;
  store::Database& db_;
  Metrics& metrics_;
  const Clock& clock_;
  // The {{t.*}} strings of each locale as nested data, built once.
  std::map<std::string, Data, std::less<>> message_data_;
  std::map<std::string, std::unique_ptr<i18n::Collator>, std::less<>> collators_;
  std::map<std::string, std::unique_ptr<i18n::Formatter>, std::less<>> formatters_;
  std::unique_ptr<store::SearchSnapshotCache> search_snapshots_;

  std::unique_ptr<ResponseCache> answers_;
  std::unique_ptr<accounts::PasswordHasher> hasher_;
  std::unique_ptr<speech::Synthesizer> speech_;
  knowledge::Phrasebook phrasebook_;
  // A version read from the database at most every kVersionRecheck and after each commit.
  struct CachedVersion {
    int64_t Get(const store::Database& db, const std::function<int64_t()>& read) const;
    mutable std::atomic<int64_t> value{-1};
    mutable std::atomic<int64_t> read_at{0};    // steady_clock, nanoseconds
    mutable std::atomic<uint64_t> commits{0};  // db.Commits() when it was read
  };
  CachedVersion directory_version_, events_version_;
};

// Builds the nested {{t.*}} data for one locale from every argument-free message.
Data MessageData(const i18n::Messages& messages, std::string_view locale);

}  // namespace tilti::web
