#pragma once
// The request handlers. Each is a few lines: parse the request into typed values, call one
// query or service, render. Routes bind them in routes.cpp, the only route table.
#include "http/request.h"
#include "web/site.h"

namespace tilti::web {

// Pages under /{lang}/: the route table has already resolved a valid locale.
using PageHandler = http::Response (*)(const Site&, const i18n::LocaleInfo&, http::Request&);

http::Response HomePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request);
http::Response LibrariesPage(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request);
http::Response LibraryPage(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request);
// The QR code (SVG) of a library page's URL in that language.
http::Response LibraryQrCode(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request);
http::Response AccessibilityPage(const Site& site, const i18n::LocaleInfo& locale,
                                 http::Request& request);
http::Response PrivacyPage(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request);

// Outside the language prefix.
http::Response RootRedirect(const Site& site, http::Request& request);
http::Response LanguageRootRedirect(const Site& site, http::Request& request);
http::Response StaticAsset(const Site& site, http::Request& request);
http::Response Health(const Site& site, http::Request& request);
http::Response MetricsText(const Site& site, http::Request& request);

}  // namespace tilti::web
