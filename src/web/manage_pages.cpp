// The back office's dashboard: the libraries the signed-in account works on, with what waits
// for it (open reports, proposals to review). Coordinators see every library and find one by
// name; librarians and partners see their own.
#include <algorithm>

#include "store/manage_queries.h"
#include "store/practice_store.h"
#include "web/back_office.h"
#include "web/handlers.h"
#include "web/query_params.h"

namespace tilti::web {
namespace {

constexpr size_t kDashboardLibraries = 100;

}  // namespace

http::Response ManageDashboard(const Site& site, const i18n::LocaleInfo& locale,
                               http::Request& request, const BackOffice& bo) {
  std::string q;
  for (auto& [name, value] : http::ParseQuery(request.query)) {
    if (name == "q") q = value.substr(0, 200);
  }
  const store::OrganizationScope filter = OwnOrganizations(bo.actor);
  auto c = site.db().Read();
  auto libraries = store::LibrariesToManage(*c, site.Chain(locale), filter, q, kDashboardLibraries);
  const int64_t reports = store::CountOpenReports(*c, filter);
  const int64_t pending = store::CountPendingChanges(*c, filter);
  const i18n::Collator& collator = site.CollatorFor(locale.code);
  std::stable_sort(libraries.begin(), libraries.end(), [&](const auto& a, const auto& b) {
    return collator.Less(a.name.text, b.name.text);
  });

  Data page(Data::type::object);
  Data counts(Data::type::list);
  auto count = [&](std::string_view key, int64_t n, std::string href) {
    Data d(Data::type::object);
    d.set("text", site.Tr(locale.code, key, {{"count", n}}));
    d.set("href", std::move(href));
    counts.push_back(d);
  };
  count("manage.dashboard.open_reports", reports, ManagePath(locale, "/reports"));
  if (bo.actor.role != accounts::Role::kPartner) {
    count("manage.dashboard.pending", pending, ManagePath(locale, "/reviews"));
  }
  if (accounts::Can(bo.actor, accounts::Action::kReview)) {
    count("manage.dashboard.practices_waiting", store::PracticesWaiting(*c), ManagePath(locale, "/practices"));
  }
  page.set("counts", counts);
  page.set("can_search", filter.all);
  page.set("search_action", ManagePath(locale));
  page.set("new_org_href", ManagePath(locale, "/organizations/new"));
  page.set("q", q);
  Data list(Data::type::list);
  for (const auto& l : libraries) {
    Data d(Data::type::object);
    d.set("name", site.TextData(l.name, locale));
    d.set("href", ManagePath(locale, "/libraries/" + l.slug));
    d.set("checked", l.assured_date.empty() ? site.Tr(locale.code, "manage.dashboard.never_checked")
                                            : site.LongDate(locale.code, l.assured_date));
    d.set("open_reports", std::to_string(l.open_reports));
    d.set("pending_changes", std::to_string(l.pending_changes));
    list.push_back(d);
  }
  page.set("libraries", list);
  page.set("has_libraries", !libraries.empty());
  PageFrame frame{&locale, "manage", site.Tr(locale.code, "manage.dashboard.title")};
  return RenderBackOfficePage(site, request, bo, frame, "manage_dashboard", std::move(page));
}

}  // namespace tilti::web
