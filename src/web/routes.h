#pragma once
#include "http/router.h"
#include "web/site.h"

namespace tilti::web {

// The one route table of the application.
http::Router BuildRoutes(const Site& site);

// The http::Handler the server calls: routes the request, answers 404/405 pages in the
// user's language, and turns an unexpected exception into a 500 page (logged once, with the
// request id). `router` and `site` must outlive the returned handler.
http::Handler MakeDispatcher(const http::Router& router, const Site& site);

}  // namespace tilti::web
