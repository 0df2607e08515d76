#include "http/router.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace tilti::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) {
    Response r;
    r.body = name;
    return r;
  };
}

// Runs the matched handler and returns its body, or "" when nothing matched.
std::string Dispatch(const Router& router, std::string method, std::string path,
                     Request* out = nullptr) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  Router::Match match = router.Find(request);
  if (out) *out = request;
  if (match.outcome != Router::Outcome::kMatched) return "";
  return (*match.handler)(request).body;
}

TEST(Router, MatchesLiteralAndParamSegments) {
  Router router;
  router.Add("GET", "/{lang}/libraries/{slug}", Named("library"));
  Request request;
  EXPECT_EQ(Dispatch(router, "GET", "/lv/libraries/ogre", &request), "library");
  EXPECT_EQ(request.Param("lang"), "lv");
  EXPECT_EQ(request.Param("slug"), "ogre");
  EXPECT_EQ(Dispatch(router, "GET", "/lv/libraries"), "");
  EXPECT_EQ(Dispatch(router, "GET", "/lv/libraries/ogre/x"), "");
  EXPECT_EQ(Dispatch(router, "GET", "/lv/events/ogre"), "");
}

TEST(Router, ParamNeedsNonEmptySegment) {
  Router router;
  router.Add("GET", "/{lang}/libraries/{slug}", Named("library"));
  EXPECT_EQ(Dispatch(router, "GET", "/lv/libraries/"), "");
  EXPECT_EQ(Dispatch(router, "GET", "//libraries/x"), "");
}

TEST(Router, TrailingSlashIsSignificant) {
  Router router;
  router.Add("GET", "/{lang}/", Named("home"));
  router.Add("GET", "/", Named("root"));
  EXPECT_EQ(Dispatch(router, "GET", "/lv/"), "home");
  EXPECT_EQ(Dispatch(router, "GET", "/lv"), "");
  EXPECT_EQ(Dispatch(router, "GET", "/"), "root");
}

TEST(Router, TailParamTakesTheRestOfThePath) {
  Router router;
  router.Add("GET", "/static/{file...}", Named("static"));
  Request request;
  EXPECT_EQ(Dispatch(router, "GET", "/static/css/site.css", &request), "static");
  EXPECT_EQ(request.Param("file"), "css/site.css");
  EXPECT_EQ(Dispatch(router, "GET", "/static/logo.svg", &request), "static");
  EXPECT_EQ(request.Param("file"), "logo.svg");
  EXPECT_EQ(Dispatch(router, "GET", "/static/"), "");
  EXPECT_EQ(Dispatch(router, "GET", "/static"), "");
}

TEST(Router, ParamsOfFailedCandidatesDoNotLeak) {
  Router router;
  router.Add("GET", "/{lang}/x/{id}/edit", Named("edit"));
  router.Add("GET", "/{other}/x/{id}", Named("show"));
  Request request;
  EXPECT_EQ(Dispatch(router, "GET", "/lv/x/7", &request), "show");
  EXPECT_EQ(request.params.size(), 2u);
  EXPECT_EQ(request.Param("other"), "lv");
  EXPECT_EQ(request.Param("lang"), "");
}

TEST(Router, MethodNotAllowedListsAllowedMethods) {
  Router router;
  router.Add("GET", "/{lang}/bookings/{id}", Named("show"));
  router.Add("POST", "/{lang}/bookings/{id}", Named("update"));
  router.Add("DELETE", "/{lang}/bookings/{id}", Named("delete"));
  Request request;
  request.method = "PUT";
  request.path = "/lv/bookings/9";
  Router::Match match = router.Find(request);
  EXPECT_EQ(match.outcome, Router::Outcome::kMethodNotAllowed);
  EXPECT_EQ(match.pattern, "/{lang}/bookings/{id}");
  EXPECT_EQ(match.allowed, (std::vector<std::string>{"GET", "HEAD", "POST", "DELETE"}));
  EXPECT_EQ(match.handler, nullptr);
}

TEST(Router, NotFoundWhenNoPathMatches) {
  Router router;
  router.Add("GET", "/a", Named("a"));
  Request request;
  request.method = "GET";
  request.path = "/b";
  Router::Match match = router.Find(request);
  EXPECT_EQ(match.outcome, Router::Outcome::kNotFound);
  EXPECT_TRUE(match.allowed.empty());
}

TEST(Router, HeadMatchesGet) {
  Router router;
  router.Add("GET", "/{lang}/", Named("home"));
  EXPECT_EQ(Dispatch(router, "HEAD", "/lv/"), "home");
  EXPECT_EQ(Dispatch(router, "POST", "/lv/"), "");
}

TEST(Router, MatchedPatternIsReported) {
  Router router;
  router.Add("GET", "/{lang}/libraries/{slug}", Named("library"));
  Request request;
  request.method = "GET";
  request.path = "/en/libraries/riga";
  EXPECT_EQ(router.Find(request).pattern, "/{lang}/libraries/{slug}");
}

TEST(Router, FirstAddedWinsBetweenLiteralAndParam) {
  Router literal_first;
  literal_first.Add("GET", "/{lang}/libraries/map", Named("map"));
  literal_first.Add("GET", "/{lang}/libraries/{slug}", Named("library"));
  EXPECT_EQ(Dispatch(literal_first, "GET", "/lv/libraries/map"), "map");
  EXPECT_EQ(Dispatch(literal_first, "GET", "/lv/libraries/ogre"), "library");

  Router param_first;
  param_first.Add("GET", "/{lang}/libraries/{slug}", Named("library"));
  param_first.Add("GET", "/{lang}/libraries/map", Named("map"));
  EXPECT_EQ(Dispatch(param_first, "GET", "/lv/libraries/map"), "library");
}

TEST(Router, LaterRouteWithRightMethodWinsOverEarlierPathOnlyMatch) {
  Router router;
  router.Add("POST", "/{lang}/search", Named("post"));
  router.Add("GET", "/{lang}/search", Named("get"));
  EXPECT_EQ(Dispatch(router, "GET", "/lv/search"), "get");
}

TEST(Router, RejectsBadPatterns) {
  Router router;
  EXPECT_THROW(router.Add("GET", "no-slash", Named("x")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/{rest...}/x", Named("x")), std::invalid_argument);
}

}  // namespace
}  // namespace tilti::http
