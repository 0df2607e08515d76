#include "web/site.h"

#include "store/event_queries.h"

#include <kainjow/mustache.hpp>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstdio>

#include "core/log.h"
#include "web/i18n_negotiate.h"

namespace tilti::web {
namespace {

constexpr std::string_view kLangCookie = "tilti_lang";
// Rendered answers kept per node (pages are 5-15 kB: a few thousand of them).
constexpr size_t kAnswerCacheBytes = 32 << 20;

// The name of language `code` ("de", "pt-BR") in the reader's language `in_locale`, as CLDR
// has it: en "German", lv "vācu", ru "немецкий", uk "німецька"; `code` itself when CLDR has
// no name for it. (ICU belongs in web/i18n*; this is the fallback note's only use of it, and
// it moves there with the next change to those files.)
std::string LanguageName(std::string_view code, std::string_view in_locale) {
  const icu::Locale language(std::string(code).c_str());
  const icu::Locale reader(std::string(in_locale).c_str());
  icu::UnicodeString name;
  language.getDisplayLanguage(reader, name);
  std::string out;
  name.toUTF8String(out);
  // ICU echoes the code back when it has no name.
  if (out.empty() || out == language.getLanguage()) return std::string(code);
  return out;
}

// The name of country `code` ("LT", ISO 3166-1) in the reader's language, as CLDR has it:
// lv "Lietuva", en "Lithuania"; `code` itself when CLDR has no name for it.
std::string CountryName(std::string_view code, std::string_view in_locale) {
  const icu::Locale country("", std::string(code).c_str());
  const icu::Locale reader(std::string(in_locale).c_str());
  icu::UnicodeString name;
  country.getDisplayCountry(reader, name);
  std::string out;
  name.toUTF8String(out);
  if (out.empty() || out == code) return std::string(code);
  return out;
}

// Puts `value` at the dotted `key` ("home.title") inside `root`, creating objects on the way.
void SetNested(Data& root, std::string_view key, const std::string& value) {
  Data* node = &root;
  while (true) {
    auto dot = key.find('.');
    std::string part(key.substr(0, dot));
    if (dot == std::string_view::npos) {
      node->set(part, value);
      return;
    }
    Data* child = const_cast<Data*>(node->get(part));
    if (child == nullptr || !child->is_object()) {
      node->set(part, Data(Data::type::object));
      child = const_cast<Data*>(node->get(part));
    }
    node = child;
    key.remove_prefix(dot + 1);
  }
}

}  // namespace

Data MessageData(const i18n::Messages& messages, std::string_view locale) {
  Data t(Data::type::object);
  for (const std::string& key : messages.Keys()) {
    if (messages.TakesArguments(key)) continue;
    SetNested(t, key, messages.Tr(locale, key));
  }
  Data root(Data::type::object);
  root.set("t", t);
  return root;
}

std::string ContentSecurityPolicy(std::string_view map_tiles) {
  std::string img_src = "'self' data:";
  if (auto scheme_end = map_tiles.find("://"); scheme_end != std::string_view::npos) {
    std::string_view rest = map_tiles.substr(scheme_end + 3);
    std::string origin(map_tiles.substr(0, scheme_end + 3));
    origin += rest.substr(0, rest.find('/'));
    // Leaflet's "{s}" picks one of several subdomains; CSP has a wildcard for exactly that.
    if (auto s = origin.find("{s}"); s != std::string::npos) origin.replace(s, 3, "*");
    img_src += " " + origin;
  }
  return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + img_src +
         "; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
}

Site::Site(SiteOptions options, const i18n::Messages& messages,
           std::unique_ptr<TemplateSet> templates, std::unique_ptr<StaticAssets> assets,
           store::Database& db, Metrics& metrics, const Clock& clock,
           knowledge::Phrasebook phrasebook)
    : options_(std::move(options)),
      content_security_policy_(ContentSecurityPolicy(options_.map_tiles)),
      messages_(messages),
      templates_(std::move(templates)),
      assets_(std::move(assets)),
      db_(db),
      metrics_(metrics),
      clock_(clock),
      phrasebook_(std::move(phrasebook)) {
  for (const auto& loc : messages_.Locales()) {
    message_data_.emplace(loc.code, MessageData(messages_, loc.code));
    collators_.emplace(loc.code, std::make_unique<i18n::Collator>(loc.code));
    formatters_.emplace(loc.code, std::make_unique<i18n::Formatter>(loc.code));
  }
  std::vector<store::NameOrder> orders;
  for (const auto& loc : messages_.Locales()) {
    const i18n::Collator* collator = collators_.at(loc.code).get();
    orders.push_back({loc.code, Chain(loc), [collator](const std::string& a, const std::string& b) {
                        return collator->Less(a, b);
                      }});
  }
  search_snapshots_ = std::make_unique<store::SearchSnapshotCache>(std::move(orders));
  answers_ = std::make_unique<ResponseCache>(kAnswerCacheBytes);
  hasher_ = std::make_unique<accounts::PasswordHasher>();
  speech_ = std::make_unique<speech::Synthesizer>();
  // Syntheses made by this node: with the audio kept in the database, it stops growing once
  // every phrase has been heard (tests/e2e/phrasebook.test.mjs reads it).
  speech::Synthesizer* synth = speech_.get();
  metrics_.AddGauge("tilti_speech_syntheses", "Texts this node synthesised (espeak-ng) since start.",
                    [synth] { return static_cast<double>(synth->syntheses()); });
}

const i18n::LocaleInfo* Site::LocaleOf(const http::Request& request) const {
  std::string_view lang = request.Param("lang");
  if (lang.empty()) {
    // No route matched (404, 405): the first path segment still says the reader's language.
    std::string_view path = request.path;
    if (path.starts_with("/")) path.remove_prefix(1);
    lang = path.substr(0, path.find('/'));
  }
  return messages_.Find(lang);
}

const i18n::LocaleInfo& Site::Negotiate(const http::Request& request) const {
  std::vector<std::string> codes;
  for (const auto& loc : messages_.Locales()) codes.push_back(loc.code);
  std::string code = i18n::Negotiate(request.Cookie(kLangCookie),
                                     request.Header("accept-language"), codes,
                                     options_.default_locale);
  const i18n::LocaleInfo* found = messages_.Find(code);
  return found ? *found : messages_.Locales().front();
}

LocaleChain Site::Chain(const i18n::LocaleInfo& locale) const {
  LocaleChain chain{locale.code};
  for (const auto& f : locale.fallbacks) chain.push_back(f);
  return chain;
}

std::string Site::Tr(std::string_view locale, std::string_view key,
                     const i18n::Args& args) const {
  return messages_.Tr(locale, key, args);
}

const i18n::Collator& Site::CollatorFor(std::string_view locale) const {
  auto it = collators_.find(locale);
  if (it == collators_.end()) it = collators_.find(options_.default_locale);
  return *it->second;
}

const i18n::Formatter& Site::FormatterFor(std::string_view locale) const {
  auto it = formatters_.find(locale);
  if (it == formatters_.end()) it = formatters_.find(options_.default_locale);
  return *it->second;
}

std::string Site::LanguageNameIn(std::string_view code, std::string_view locale) const {
  return LanguageName(code, locale);
}

std::string Site::CountryNameIn(std::string_view code, std::string_view locale) const {
  return CountryName(code, locale);
}

std::string Site::LongDate(std::string_view locale, std::string_view iso) const {
  int y = 0, m = 0, d = 0;
  if (iso.size() < 10 || std::sscanf(std::string(iso.substr(0, 10)).c_str(), "%4d-%2d-%2d", &y, &m,
                                     &d) != 3) {
    return std::string(iso);
  }
  auto it = formatters_.find(locale);
  if (it == formatters_.end()) return std::string(iso);
  // Noon in Riga is the same calendar day in every zone that matters here.
  return it->second->LongDate(i18n::FromCivilRiga(y, m, d, 12, 0));
}

Data Site::TextData(const LocalizedText& text, const i18n::LocaleInfo& page_locale) const {
  Data d(Data::type::object);
  d.set("text", text.text);
  if (text.locale == "und") {
    // Undetermined (OSM names): no note, and the page's language must not claim it either;
    // templates that can write lang="" (unknown, HTML §3.2.6.2) do so for lang_unknown.
    d.set("lang_unknown", true);
  } else if (!text.locale.empty() && text.locale != page_locale.code) {
    d.set("text_lang", text.locale);
    d.set("fallback_note", Tr(page_locale.code, "layout.shown_in",
                              {{"language", LanguageName(text.locale, page_locale.code)}}));
  }
  return d;
}

Data Site::LayoutData(const PageFrame& frame) const {
  const i18n::LocaleInfo& loc = *frame.locale;
  Data d(Data::type::object);
  d.set("html_lang", loc.code);
  d.set("dir", loc.dir);
  d.set("title", frame.title);
  d.set("css", assets_->Url("site.css"));
  d.set("canonical", options_.public_url + "/" + loc.code + "/" + frame.path_tail);
  Data alternates(Data::type::list);
  Data languages(Data::type::list);
  for (const auto& other : messages_.Locales()) {
    Data alt(Data::type::object);
    alt.set("hreflang", other.code);
    alt.set("href", options_.public_url + "/" + other.code + "/" + frame.path_tail);
    alternates.push_back(alt);
    Data lang(Data::type::object);
    lang.set("code", other.code);
    lang.set("endonym", other.endonym);
    lang.set("href", "/" + other.code + "/" + frame.path_tail);
    lang.set("current", other.code == loc.code);
    languages.push_back(lang);
  }
  d.set("alternates", alternates);
  d.set("x_default", options_.public_url + "/" + options_.default_locale + "/" + frame.path_tail);
  d.set("languages", languages);
  std::string base = "/" + loc.code + "/";
  d.set("home_href", base);
  d.set("libraries_href", base + "libraries");
  d.set("events_href", base + "events");
  d.set("resources_href", base + "resources");
  d.set("phrasebook_href", base + "phrasebook");
  d.set("guides_href", base + "guides");
  d.set("accessibility_href", base + "accessibility");
  d.set("privacy_href", base + "privacy");
  return d;
}

std::string PathTailOf(const http::Request& request) {
  std::string_view path = request.path;
  if (path.starts_with('/')) path.remove_prefix(1);
  const size_t slash = path.find('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(slash + 1));
}

void Site::AddCommonHeaders(const http::Request& request, const i18n::LocaleInfo* locale,
                            http::Response& response) const {
  response.Set("Content-Security-Policy", content_security_policy_);
  response.Set("X-Content-Type-Options", "nosniff");
  response.Set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.Set("Permissions-Policy", "geolocation=(self), camera=(), microphone=()");
  if (locale == nullptr) return;
  response.Set("Content-Language", locale->code);
  auto current = request.Cookie(kLangCookie);
  if (!current || *current != locale->code) {
    // Remembers the reader's choice for "/" (a preference, not personal data).
    std::string cookie = std::string(kLangCookie) + "=" + locale->code +
                         "; Path=/; Max-Age=31536000; SameSite=Lax";
    if (options_.public_url.starts_with("https://")) cookie += "; Secure";
    response.Set("Set-Cookie", cookie);
  }
}

http::Response Site::RenderPage(const http::Request& request, const PageFrame& frame,
                                std::string_view template_name, Data page) const {
  return HtmlResponse(request, *frame.locale, frame.status,
                      RenderBody(frame, template_name, std::move(page)));
}

std::string Site::RenderBody(const PageFrame& frame, std::string_view template_name,
                             Data page) const {
  page.set("layout", LayoutData(frame));
  return templates_->Render(template_name, page, message_data_.at(frame.locale->code));
}

std::string Site::RenderDocument(std::string_view template_name) const {
  return templates_->Render(template_name, Data(Data::type::object), Data(Data::type::object));
}

http::Response Site::HtmlResponse(const http::Request& request, const i18n::LocaleInfo& locale,
                                  int status, std::string body) const {
  http::Response response;
  response.status = status;
  response.body = std::move(body);
  response.Set("Content-Type", "text/html; charset=utf-8");
  response.Set("Cache-Control", "no-cache");
  AddCommonHeaders(request, &locale, response);
  return response;
}

http::Response Site::ErrorPage(int status, const http::Request& request) const {
  const i18n::LocaleInfo* locale = LocaleOf(request);
  if (locale == nullptr) locale = &Negotiate(request);
  std::string key = "error." + std::to_string(status);
  if (!messages_.HasKey(key + ".title")) key = "error.500";
  PageFrame frame{locale, "", Tr(locale->code, key + ".title"), status};
  Data page(Data::type::object);
  page.set("heading", Tr(locale->code, key + ".title"));
  page.set("body", Tr(locale->code, key + ".body"));
  page.set("request_id", request.request_id);
  http::Response response = RenderPage(request, frame, "error", std::move(page));
  response.Set("Cache-Control", "no-store");
  return response;
}

int64_t Site::CachedVersion::Get(const store::Database& db,
                                 const std::function<int64_t()>& read) const {
  const int64_t now = std::chrono::steady_clock::now().time_since_epoch().count();
  const int64_t at = read_at.load(std::memory_order_acquire);
  const int64_t cached = value.load(std::memory_order_acquire);
  // Taken before the read: a write committed during it makes the next call read again.
  const uint64_t seen = db.Commits();
  if (cached >= 0 && seen == commits.load(std::memory_order_acquire) &&
      now - at < std::chrono::nanoseconds(kVersionRecheck).count()) {
    return cached;
  }
  const int64_t fresh = read();
  value.store(fresh, std::memory_order_release);
  commits.store(seen, std::memory_order_release);
  read_at.store(now, std::memory_order_release);
  return fresh;
}

int64_t Site::DirectoryVersion() const {
  return directory_version_.Get(db_, [this] { return store::DirectoryVersion(*db_.Read()); });
}

int64_t Site::EventsVersion() const {
  return events_version_.Get(db_, [this] { return store::EventsVersion(*db_.Read()); });
}

}  // namespace tilti::web
