// Good practices (issue 8), public:
//   /{lang}/practices[?q=&category=&country=&group=&page=]   published practices, newest first,
//                              searched in every language (folded) and filtered
//   /{lang}/practices/{slug}   one practice: what problem, for whom, what was done, what it
//                              cost, results, what to watch out for; its images, library,
//                              country, target groups and the events and services it became
//   /{lang}/practices.atom     the newest published practices (the same filters)
// Only published practices are public; submissions live in the back office
// (web/practice_edit_pages.cpp). Texts come in the reader's best locale, marked when another.
#include "web/practice_views.h"

#include "core/text.h"
#include "exchange/atom.h"
#include "knowledge/practices.h"
#include "store/attendance_store.h"
#include "store/practice_store.h"
#include "web/handlers.h"
#include "web/programme_views.h"
#include "web/query_params.h"
#include "web/share_links.h"
#include "web/uploads.h"

namespace tilti::web {
namespace {

constexpr int64_t kPerPage = 20;
constexpr size_t kAtomEntries = 20;

// The filters of the query string; values that are not in the closed lists are dropped.
struct ListQuery {
  store::PracticeFilter filter;
  std::string group_code;
  int64_t page = 1;
};

ListQuery ReadQuery(const http::Request& request, const std::vector<store::TargetGroup>& groups) {
  ListQuery q;
  q.filter.query = QueryParam(request, "q", 200);
  if (std::string c = QueryParam(request, "category", 40); knowledge::IsPracticeCategory(c)) q.filter.category = c;
  if (std::string c = QueryParam(request, "country", 4); knowledge::IsPracticeCountry(c)) q.filter.country = c;
  const std::string group = QueryParam(request, "group", 80);
  for (const auto& g : groups) {
    if (g.code == group) {
      q.filter.target_group_id = g.id;
      q.group_code = g.code;
    }
  }
  const std::string page = QueryParam(request, "page", 6);
  if (!page.empty() && page.find_first_not_of("0123456789") == std::string::npos) q.page = std::max<int64_t>(1, std::stoll(page));
  return q;
}

// The query string of `q` (page `page`; 1 is left out); "" when nothing is chosen.
std::string QueryString(const ListQuery& q, int64_t page) {
  std::string out;
  auto add = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    out += (out.empty() ? "?" : "&") + std::string(name) + "=" + PercentEncode(value);
  };
  add("q", q.filter.query);
  add("category", q.filter.category);
  add("country", q.filter.country);
  add("group", q.group_code);
  if (page > 1) add("page", std::to_string(page));
  return out;
}

Data SelectOptions(const std::vector<std::pair<std::string, std::string>>& choices, const std::string& chosen) {
  Data list(Data::type::list);
  for (const auto& [value, label] : choices) {
    Data o(Data::type::object);
    o.set("value", value);
    o.set("label", label);
    o.set("selected", value == chosen);
    list.push_back(o);
  }
  return list;
}

}  // namespace

http::Response PracticesList(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  const std::string& lang = locale.code;
  const LocaleChain chain = site.Chain(locale);
  auto db = site.db().Read();
  const auto groups = store::TargetGroups(*db, chain);
  const ListQuery q = ReadQuery(request, groups);
  const store::PracticeList found =
      store::PublishedPractices(*db, q.filter, chain, kPerPage, (q.page - 1) * kPerPage);
  Data items(Data::type::list);
  for (const auto& p : found.items) items.push_back(PracticeSummaryView(site, locale, p));

  Data page(Data::type::object);
  page.set("heading", site.Tr(lang, "practices.title"));
  page.set("practices", items);
  page.set("has_practices", !items.is_empty_list());
  page.set("query", q.filter.query);
  const bool filtered = !q.filter.query.empty() || !q.filter.category.empty() || !q.filter.country.empty() ||
                        !q.filter.target_group_id.empty();
  page.set("filtered", filtered);
  page.set("count", site.Tr(lang, "practices.count", {{"count", found.total}}));
  std::vector<std::pair<std::string, std::string>> categories{{"", site.Tr(lang, "practices.any_category")}};
  for (std::string_view c : knowledge::kPracticeCategories) {
    categories.emplace_back(std::string(c), site.Tr(lang, "practices.category." + std::string(c)));
  }
  page.set("categories", SelectOptions(categories, q.filter.category));
  std::vector<std::pair<std::string, std::string>> countries{{"", site.Tr(lang, "practices.any_country")}};
  for (const std::string& c : store::PracticeCountries(*db)) countries.emplace_back(c, site.CountryNameIn(c, lang));
  if (!q.filter.country.empty() && countries.size() == 1) countries.emplace_back(q.filter.country, site.CountryNameIn(q.filter.country, lang));
  page.set("countries", SelectOptions(countries, q.filter.country));
  std::vector<std::pair<std::string, std::string>> group_choices{{"", site.Tr(lang, "practices.any_group")}};
  for (const auto& g : groups) group_choices.emplace_back(g.code, g.name.text);
  page.set("groups", SelectOptions(group_choices, q.group_code));
  const int64_t pages = std::max<int64_t>(1, (found.total + kPerPage - 1) / kPerPage);
  if (pages > 1) {
    page.set("has_pagination", true);
    page.set("page_of", site.Tr(lang, "search.page_of", {{"page", q.page}, {"pages", pages}}));
    if (q.page > 1) page.set("previous_href", "/" + lang + "/practices" + QueryString(q, std::min(q.page, pages + 1) - 1));
    if (q.page < pages) page.set("next_href", "/" + lang + "/practices" + QueryString(q, q.page + 1));
  }
  page.set("clear_href", "/" + lang + "/practices");
  page.set("atom_href", "/" + lang + "/practices.atom" + QueryString(q, 1));
  page.set("submit_href", "/" + lang + "/manage/practices/new");
  PageFrame frame{&locale, "practices" + QueryString(q, q.page), site.Tr(lang, "practices.title")};
  return site.RenderPage(request, frame, "practices", std::move(page));
}

http::Response PracticePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  auto practice = store::PracticeBySlug(*site.db().Read(), request.Param("slug"), site.Chain(locale));
  if (!practice || practice->status != knowledge::kPublished) return site.ErrorPage(404, request);
  Data page = PracticeDetailView(site, locale, *practice);
  page.set("list_href", "/" + locale.code + "/practices");
  PageFrame frame{&locale, "practices/" + practice->slug, practice->title.text};
  return site.RenderPage(request, frame, "practice", std::move(page));
}

http::Response PracticesAtom(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  const std::string& lang = locale.code;
  const LocaleChain chain = site.Chain(locale);
  auto db = site.db().Read();
  const ListQuery q = ReadQuery(request, store::TargetGroups(*db, chain));
  const store::PracticeList found = store::PublishedPractices(*db, q.filter, chain, kAtomEntries, 0);
  const std::string base = site.options().public_url + "/" + lang + "/practices";
  exchange::AtomFeed feed;
  feed.title = site.Tr(lang, "practices.atom_title");
  feed.lang = lang;
  feed.self = base + ".atom" + QueryString(q, 1);
  feed.id = feed.self;
  feed.alternate = base + QueryString(q, 1);
  for (const auto& p : found.items) {
    exchange::AtomEntry e;
    e.id = "urn:uuid:" + p.id;
    e.title = p.title.text;
    e.summary = PracticeExcerpt(p.problem.text);
    e.link = base + "/" + p.slug;
    e.category = p.category;
    e.published = ParseStoredRfc3339(p.published_at).value_or(SysTime{});
    e.updated = ParseStoredRfc3339(p.last_modified).value_or(e.published);
    feed.updated = std::max(feed.updated, e.updated);
    feed.entries.push_back(std::move(e));
  }
  http::Response r;
  r.Set("Content-Type", "application/atom+xml; charset=utf-8");
  r.Set("Cache-Control", "public, max-age=300");
  r.Set("X-Content-Type-Options", "nosniff");
  r.body = exchange::WriteAtom(feed);
  return r;
}

}  // namespace tilti::web
