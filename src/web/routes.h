#pragma once
#include <string_view>
#include <vector>

#include "accounts/permissions.h"
#include "http/router.h"
#include "web/back_office.h"
#include "web/handlers.h"
#include "web/site.h"

namespace tilti::web {

// A back-office route: what it does to which kind of object, and its handler. BuildRoutes puts
// each behind the guard of web/back_office.h; `tilti routes` prints the list, and the access
// tests (tests/e2e/access.test.mjs) are generated from it.
struct BackOfficeRoute {
  std::string_view method;
  std::string_view pattern;
  accounts::Action action;
  Scope scope;
  BackOfficeHandler handler;
};
const std::vector<BackOfficeRoute>& BackOfficeRoutes();

// The one route table of the application.
http::Router BuildRoutes(const Site& site);

// The http::Handler the server calls: routes the request, answers 404/405 pages in the
// user's language, and turns an unexpected exception into a 500 page (logged once, with the
// request id). `router` and `site` must outlive the returned handler.
http::Handler MakeDispatcher(const http::Router& router, const Site& site);

}  // namespace tilti::web
