// Initiatives in public (issue 7): /{lang}/initiatives and /{lang}/initiatives/{slug} — the
// programme and call, the period, the lead and partners with their country, the libraries taking
// part, the local partnerships and the budget by funding source with each source's share, as the
// seeds print them (when the printed sources do not add up to the total, the page says so).
#include "core/riga_time.h"
#include "events/event.h"
#include "store/hackathon_store.h"
#include "store/programme_queries.h"
#include "web/directory_views.h"
#include "web/handlers.h"
#include "web/programme_views.h"

namespace tilti::web {
namespace {

std::string InitiativePath(std::string_view lang, std::string_view slug) {
  return "/" + std::string(lang) + "/initiatives/" + std::string(slug);
}

// "1 May 2023 – 30 April 2026", or one end, or "".
std::string PeriodText(const Site& site, const i18n::LocaleInfo& locale, const store::InitiativeItem& i) {
  const i18n::Formatter& f = site.FormatterFor(locale.code);
  auto date = [&](const std::string& d) -> std::string {
    auto ymd = events::ParseDate(d);
    return ymd ? f.LongDate(FromRiga(*ymd, std::chrono::minutes{12 * 60})) : "";
  };
  const std::string from = date(i.starts_on), to = date(i.ends_on);
  if (!from.empty() && !to.empty()) return from + " – " + to;
  if (!to.empty()) return site.Tr(locale.code, "initiatives.until", {{"date", to}});
  if (!from.empty()) return site.Tr(locale.code, "initiatives.from", {{"date", from}});
  return "";
}

Data ItemView(const Site& site, const i18n::LocaleInfo& locale, const store::InitiativeItem& i) {
  Data d(Data::type::object);
  d.set("name", site.TextData(i.name, locale));
  d.set("href", InitiativePath(locale.code, i.slug));
  if (!i.short_name.empty()) d.set("short_name", i.short_name);
  if (!i.programme.empty()) d.set("programme", i.programme);
  if (!i.call_code.empty()) d.set("call_code", i.call_code);
  if (auto period = PeriodText(site, locale, i); !period.empty()) d.set("period", period);
  return d;
}

}  // namespace

http::Response InitiativesList(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  Data list(Data::type::list);
  for (const auto& i : store::AllInitiatives(*site.db().Read(), site.Chain(locale))) {
    list.push_back(ItemView(site, locale, i));
  }
  Data page(Data::type::object);
  page.set("heading", site.Tr(locale.code, "initiatives.title"));
  page.set("initiatives", list);
  page.set("partnerships_href", "/" + locale.code + "/partnerships");
  PageFrame frame{&locale, "initiatives", site.Tr(locale.code, "initiatives.title")};
  return site.RenderPage(request, frame, "initiatives", std::move(page));
}

http::Response InitiativePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  const std::string& lang = locale.code;
  auto d = store::InitiativeBySlug(*site.db().Read(), request.Param("slug"), site.Chain(locale));
  if (!d) return site.ErrorPage(404, request);
  Data page = ItemView(site, locale, d->item);
  page.set("heading", d->item.name.text);
  page.set("list_href", "/" + lang + "/initiatives");
  if (!d->description.text.empty()) page.set("description", site.TextData(d->description, locale));
  Data members(Data::type::list), libraries(Data::type::list);
  for (const auto& m : d->members) {
    Data md(Data::type::object);
    md.set("name", site.TextData(m.name, locale));
    md.set("role", site.Tr(lang, "initiatives.role." + m.role));
    md.set("country", site.CountryNameIn(m.country, lang));
    if (m.kind == "library" && m.country == "LV") {
      md.set("href", "/" + lang + "/libraries/" + m.slug);
      libraries.push_back(md);
    } else {
      members.push_back(md);
    }
  }
  Data groups(Data::type::list);
  for (const auto& g : d->target_groups) groups.push_back(site.TextData(g, locale));
  page.set("target_groups", groups);
  page.set("has_target_groups", !groups.is_empty_list());
  Data results(Data::type::list);
  for (const auto& r : d->results) {
    Data rd(Data::type::object);
    rd.set("text", site.TextData(r.text, locale));
    rd.set("status", site.Tr(lang, "initiatives.result_status." + r.status));
    results.push_back(rd);
  }
  page.set("results", results);
  page.set("has_results", !results.is_empty_list());
  Data news(Data::type::list);
  for (const auto& n : d->news) {
    Data nd(Data::type::object);
    nd.set("date", IsoDateText(site, lang, n.published_on));
    nd.set("news_title", site.TextData(n.title, locale));
    if (!n.body.text.empty()) nd.set("news_body", site.TextData(n.body, locale));
    news.push_back(nd);
  }
  page.set("news", news);
  page.set("has_news", !news.is_empty_list());
  Data gallery = GalleryView(site, locale, store::InitiativeGallery(*site.db().Read(), d->item.id, site.Chain(locale)));
  page.set("has_gallery", !gallery.is_empty_list());
  page.set("gallery", gallery);
  page.set("members", members);
  page.set("has_members", !members.is_empty_list());
  page.set("libraries", libraries);
  page.set("has_libraries", !libraries.is_empty_list());
  Data partnerships(Data::type::list);
  for (const auto& p : d->partnerships) {
    Data pd(Data::type::object);
    pd.set("library", site.TextData(p.library, locale));
    pd.set("library_href", "/" + lang + "/libraries/" + p.library_slug);
    if (!p.municipality.text.empty()) pd.set("municipality", site.TextData(p.municipality, locale));
    if (!p.integration.text.empty()) pd.set("integration", site.TextData(p.integration, locale));
    partnerships.push_back(pd);
  }
  page.set("partnerships", partnerships);
  page.set("has_partnerships", !partnerships.is_empty_list());
  page.set("partnerships_href", "/" + lang + "/partnerships");
  const i18n::Formatter& f = site.FormatterFor(lang);
  if (!d->funding.empty() || d->budget_total_cents) {
    const auto shares = programme::SharesOf(d->funding, d->budget_total_cents);
    Data rows(Data::type::list);
    for (size_t i = 0; i < d->funding.size(); ++i) {
      Data r(Data::type::object);
      r.set("funder", d->funding[i].funder);
      r.set("amount", f.Euros(d->funding[i].amount_cents));
      r.set("share", f.Percent(shares.basis_points[i]));
      rows.push_back(r);
    }
    page.set("funding", rows);
    page.set("has_funding", !d->funding.empty());
    page.set("funding_lang", "lv");
    if (d->budget_total_cents) page.set("total", f.Euros(*d->budget_total_cents));
    if (!shares.adds_up) page.set("overlap", site.Tr(lang, "initiatives.budget_overlap", {{"sum", f.Euros(shares.sum_cents)}}));
    page.set("has_budget", true);
  }
  {
    auto db = site.db().Read();
    const auto hackathons = store::HackathonsOfInitiative(*db, d->item.id, site.Chain(locale));
    if (!hackathons.empty()) page.set("hackathons", HackathonsView(site, locale, hackathons));
    Data ideas = IdeasByCategoryView(site, locale, store::IdeasOfInitiative(*db, d->item.id, site.Chain(locale)));
    page.set("has_ideas", !ideas.is_empty_list());
    page.set("idea_categories", ideas);
  }
  PageFrame frame{&locale, "initiatives/" + d->item.slug, d->item.name.text};
  return site.RenderPage(request, frame, "initiative", std::move(page));
}

// /{lang}/partnerships: every local partnership (seed 004: a library, a municipality body and an
// integration institution) as a table, and on a map where JavaScript runs (the table is the
// page; the map adds the libraries' places).
http::Response PartnershipsPage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  const std::string& lang = locale.code;
  const auto rows = store::AllPartnerships(*site.db().Read(), site.Chain(locale));
  Data list(Data::type::list);
  std::vector<MapMarker> markers;
  bool approximate = false;
  for (const auto& r : rows) {
    Data d(Data::type::object);
    d.set("library", site.TextData(r.library, locale));
    d.set("library_href", "/" + lang + "/libraries/" + r.library_slug);
    if (!r.municipality.text.empty()) d.set("municipality", site.TextData(r.municipality, locale));
    if (!r.integration.text.empty()) d.set("integration", site.TextData(r.integration, locale));
    for (const auto& [key, contact] : {std::pair{"library_contact", &r.library_contact},
                                        std::pair{"municipality_contact", &r.municipality_contact},
                                        std::pair{"integration_contact", &r.integration_contact}}) {
      if (auto c = ContactPointsView(*contact)) d.set(key, *c);
    }
    if (!r.initiative_slug.empty()) {
      d.set("initiative", r.initiative_short_name.empty() ? r.initiative.text : r.initiative_short_name);
      d.set("initiative_href", InitiativePath(lang, r.initiative_slug));
    }
    list.push_back(d);
    if (r.latitude && r.longitude) {
      markers.push_back({r.library.text, "/" + lang + "/libraries/" + r.library_slug, *r.latitude, *r.longitude});
      approximate = approximate || r.approximate;
    }
  }
  Data page(Data::type::object);
  page.set("heading", site.Tr(lang, "partnerships.title"));
  page.set("partnerships", list);
  page.set("has_partnerships", !list.is_empty_list());
  page.set("count", site.Tr(lang, "partnerships.count", {{"count", static_cast<int64_t>(rows.size())}}));
  if (!markers.empty()) page.set("map", MapData(site, markers));
  page.set("approximate", approximate);
  PageFrame frame{&locale, "partnerships", site.Tr(lang, "partnerships.title")};
  return site.RenderPage(request, frame, "partnerships", std::move(page));
}

}  // namespace tilti::web
