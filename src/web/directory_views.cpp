#include "web/directory_views.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <cstdio>

#include "core/riga_time.h"
#include "directory/search_filters.h"

namespace tilti::web {
namespace {

std::string LibraryHref(const i18n::LocaleInfo& locale, const std::string& slug) {
  return "/" + locale.code + "/libraries/" + slug;
}

Data SummaryData(const Site& site, const i18n::LocaleInfo& locale,
                 const directory::LibrarySummary& lib) {
  Data d(Data::type::object);
  d.set("href", LibraryHref(locale, lib.slug));
  d.set("name", site.TextData(lib.name, locale));
  if (!lib.town.empty()) d.set("town", site.TextData(lib.town, locale));
  if (!lib.municipality_name.empty()) {
    d.set("municipality", site.TextData(lib.municipality_name, locale));
  }
  return d;
}


}  // namespace

// What map.js reads from the #map element (see web/static/map.js).
Data MapData(const Site& site, const std::vector<MapMarker>& markers) {
  boost::json::array list;
  for (const auto& m : markers) {
    list.push_back(
        boost::json::object{{"name", m.name}, {"href", m.href}, {"lat", m.lat}, {"lon", m.lon}});
  }
  const auto& assets = site.assets();
  const SiteOptions& options = site.options();
  Data d(Data::type::object);
  d.set("markers", boost::json::serialize(list));  // HTML-escaped by {{ }} in the attribute
  d.set("leaflet_css", assets.Url("vendor/leaflet/leaflet.css"));
  d.set("leaflet_js", assets.Url("vendor/leaflet/leaflet.js"));
  d.set("map_js", assets.Url("map.js"));
  d.set("map_picker_js", assets.Url("map_picker.js"));
  d.set("icon", assets.Url("vendor/leaflet/images/marker-icon.png"));
  d.set("icon_2x", assets.Url("vendor/leaflet/images/marker-icon-2x.png"));
  d.set("shadow", assets.Url("vendor/leaflet/images/marker-shadow.png"));
  d.set("tiles", options.map_tiles);
  std::string attribution = options.map_attribution;
  std::string_view host = options.map_tiles;
  if (auto scheme = host.find("://"); scheme != std::string_view::npos)
    host.remove_prefix(scheme + 3);
  host = host.substr(0, host.find('/'));
  if (attribution.empty() &&
      (host == "tile.openstreetmap.org" || host.ends_with(".tile.openstreetmap.org"))) {
    attribution = "© OpenStreetMap contributors";
  }
  d.set("attribution", attribution);
  return d;
}

Data HomeView(const Site& site, const i18n::LocaleInfo& locale,
              const std::vector<directory::MunicipalityGroup>& groups, size_t library_count) {
  Data page(Data::type::object);
  page.set("libraries_count", site.Tr(locale.code, "home.libraries_count",
                                      {{"count", static_cast<int64_t>(library_count)},
                                       {"municipalities", static_cast<int64_t>(groups.size())}}));
  Data list(Data::type::list);
  for (const auto& g : groups) {
    Data group(Data::type::object);
    group.set("name", site.TextData(g.municipality_id.empty()
                                        ? LocalizedText{site.Tr(locale.code, "home.no_municipality"),
                                                        locale.code}
                                        : g.name,
                                    locale));
    Data libs(Data::type::list);
    for (const auto& lib : g.libraries) libs.push_back(SummaryData(site, locale, lib));
    group.set("libraries", libs);
    list.push_back(group);
  }
  page.set("municipalities", list);
  return page;
}

Data LibrariesView(const Site& site, const i18n::LocaleInfo& locale,
                   const store::LibrarySearchResults& results,
                   const std::vector<MapMarker>* map_markers) {
  const directory::SearchFilters& f = results.filters;
  const std::string base = "/" + locale.code + "/libraries";
  const bool map_view = map_markers != nullptr;
  // view=map is not a filter: it rides along on every link of the map view.
  auto href_view = [&](std::vector<std::pair<std::string, std::string>> params, bool map) {
    if (map) params.emplace_back("view", "map");
    std::string qs = directory::QueryString(params);
    return qs.empty() ? base : base + "?" + qs;
  };
  auto href = [&](const std::vector<std::pair<std::string, std::string>>& params) {
    return href_view(params, map_view);
  };
  auto tr = [&](std::string_view key, const i18n::Args& args = {}) {
    return site.Tr(locale.code, key, args);
  };
  auto name_of = [](const std::vector<store::FilterOption>& options, const std::string& code) {
    for (const auto& o : options) {
      if (o.code == code) return o.name.text;
    }
    return code;
  };
  // Staff languages are named in their own language, as the language switcher and the library
  // page name them ("Українська"), not by their bare code; unknown codes stay codes.
  std::vector<store::FilterOption> languages = results.options.languages;
  for (auto& o : languages) {
    if (const i18n::LocaleInfo* known = site.messages().Find(o.code)) {
      o.name = LocalizedText{known->endonym, ""};
    }
  }
  const auto& formatter = site.FormatterFor(locale.code);
  auto place_name = [&](const store::PlaceMatch& p) { return p.name.text; };

  Data page(Data::type::object);
  page.set("query", f.query);
  page.set("near", f.lat ? std::string() : f.near);
  page.set("result_count",
           tr("libraries.result_count", {{"count", static_cast<int64_t>(results.total)}}));
  page.set("has_results", !results.results.empty());

  // The filter form: one checkbox list per taxonomy, the municipality select.
  auto checkboxes = [&](const char* key, const char* param,
                        const std::vector<store::FilterOption>& options,
                        const std::vector<std::string>& chosen) {
    Data list(Data::type::list);
    int i = 0;
    for (const auto& o : options) {
      Data d(Data::type::object);
      d.set("id", std::string(param) + "-" + std::to_string(++i));
      d.set("name", param);
      d.set("value", o.code);
      d.set("label", site.TextData(o.name, locale));
      d.set("checked", std::find(chosen.begin(), chosen.end(), o.code) != chosen.end());
      list.push_back(d);
    }
    page.set(key, list);
    page.set(std::string("has_") + key, !options.empty());
  };
  checkboxes("services", "service", results.options.services, f.services);
  checkboxes("audiences", "audience", results.options.audiences, f.audiences);
  checkboxes("languages", "language", languages, f.languages);
  checkboxes("access", "access", results.options.access, f.access);
  {
    auto municipalities = results.options.municipalities;
    auto less = CollationOrder(site, locale);
    std::sort(municipalities.begin(), municipalities.end(),
              [&](const auto& a, const auto& b) { return less(a.name.text, b.name.text); });
    Data list(Data::type::list);
    for (const auto& m : municipalities) {
      Data d(Data::type::object);
      d.set("value", m.code);
      d.set("label", m.name.text);
      d.set("selected", std::find(f.municipalities.begin(), f.municipalities.end(), m.code) !=
                            f.municipalities.end());
      list.push_back(d);
    }
    page.set("municipalities", list);
  }
  page.set("open_now", f.open_now);
  // The day-and-time fields: native pickers, or text fields showing what was typed when it
  // could not be read (a date field would blank an impossible date).
  page.set("open_date", f.bad_open ? f.open_date_text : directory::OpenDateValue(f));
  page.set("open_time", f.bad_open ? f.open_time_text : directory::OpenTimeValue(f));
  page.set("open_date_type", f.bad_open ? "text" : "date");
  page.set("open_time_type", f.bad_open ? "text" : "time");
  if (f.bad_open) page.set("open_error", tr("search.bad_open"));
  // "Open on Tuesday, 24 November 2026 at 10:00": what each result matched, and the drop link.
  std::string open_at;
  if (f.open_date) {
    static constexpr const char* kWeekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    open_at = tr("search.open_at",
                 {{"weekday", std::string(kWeekdays[IsoWeekday(*f.open_date) - 1])},
                  {"date", site.LongDate(locale.code, directory::OpenDateValue(f))},
                  {"time", directory::OpenTimeValue(f)}});
  }
  directory::SearchFilters only_query;
  only_query.query = f.query;
  only_query.page = f.page;
  page.set("has_filters_open",
           directory::FilterParams(f) != directory::FilterParams(only_query) || f.bad_coordinates ||
               f.bad_open);
  // Coordinates and radius are not form fields; a search from them keeps them on submit.
  Data hidden(Data::type::list);
  for (const auto& [name, value] : directory::FilterParams(f)) {
    if (name == "lat" || name == "lon" || name == "radius") {
      Data d(Data::type::object);
      d.set("name", name);
      d.set("value", value);
      hidden.push_back(d);
    }
  }
  page.set("hidden", hidden);

  // A location that cannot be used is an error on the "near" field, a day and time on the date
  // field (error_summary.mustache).
  Data errors(Data::type::list);
  auto add_error = [&](std::string text, std::string href = "#near") {
    Data e(Data::type::object);
    e.set("href", href);
    e.set("text", std::move(text));
    errors.push_back(e);
  };
  if (f.bad_coordinates) add_error(tr("search.bad_coordinates"));
  if (results.place_not_found) add_error(tr("search.place_not_found", {{"name", f.near}}));
  if (f.bad_open) add_error(tr("search.bad_open"), "#open-date");
  page.set("errors", errors);
  page.set("has_errors", f.bad_coordinates || results.place_not_found || f.bad_open);
  Data suggestions(Data::type::list);
  for (const auto& p : results.place_suggestions) {
    auto params = directory::FilterParams(f);
    for (auto& [name, value] : params) {
      if (name == "near") value = p.name.text;
    }
    std::erase_if(params, [](const auto& kv) { return kv.first == "page"; });
    Data d(Data::type::object);
    d.set("href", href(params));
    d.set("label", place_name(p));
    suggestions.push_back(d);
  }
  page.set("place_suggestions", suggestions);
  page.set("has_place_suggestions", !results.place_suggestions.empty());
  if (results.place) {
    page.set("near_place", tr("search.near_place", {{"place", place_name(*results.place)}}));
  } else if (f.lat && f.lon) {
    page.set("near_place", tr("search.near_you"));
  }

  // Results.
  Data list(Data::type::list);
  for (const auto& r : results.results) {
    Data d = SummaryData(site, locale, r.library);
    if (r.distance_km) {
      double km = *r.distance_km;
      std::string n = km < 10 ? formatter.Number(std::round(km * 10) / 10, 1)
                              : formatter.Number(static_cast<int64_t>(std::llround(km)));
      d.set("distance", tr("search.distance_km", {{"distance", n}}));
    }
    if (!open_at.empty()) d.set("open_at", open_at);
    Data matched(Data::type::list);
    for (const auto& t : r.matched_terms) matched.push_back(site.TextData(t, locale));
    d.set("matched_terms", matched);
    d.set("has_matched_terms", !r.matched_terms.empty());
    std::string words;
    for (const auto& w : r.matched_words) {
      if (words.find(w) == std::string::npos) words += (words.empty() ? "" : ", ") + w;
    }
    if (!words.empty()) d.set("matched_words", tr("search.matched_words", {{"words", words}}));
    list.push_back(d);
  }
  page.set("libraries", list);

  // The map (QUALITY.md W6: Leaflet only here), or the link to it.
  {
    auto page_params = directory::FilterParams(f);
    page.set("map_view", map_view);
    page.set("map_toggle_href", href_view(page_params, !map_view));
  }
  if (map_view) page.set("map", MapData(site, *map_markers));

  // Pagination.
  const auto& pg = results.pagination;
  auto page_href = [&](int n) {
    directory::SearchFilters g = f;
    g.page = n;
    return href(directory::FilterParams(g));
  };
  page.set("has_pagination", pg.has_previous || pg.has_next);
  if (pg.has_previous) page.set("previous_href", page_href(std::min(pg.page - 1, pg.pages)));
  if (pg.has_next) page.set("next_href", page_href(pg.page + 1));
  // Past the last page there is nothing to count: only the way back.
  if (pg.page <= pg.pages)
    page.set("page_of", tr("search.page_of", {{"page", static_cast<int64_t>(pg.page)},
                                              {"pages", static_cast<int64_t>(pg.pages)}}));

  // An empty result: what to drop, and what the query may have meant.
  Data drops(Data::type::list);
  if (results.total == 0) {
    for (const auto& drop : directory::DroppableFilters(f)) {
      // The query is not repeated in the link: it is in the search box already.
      if (drop.param == "q") {
        Data d(Data::type::object);
        d.set("href", href(drop.params_without));
        d.set("label", tr("search.remove_query"));
        drops.push_back(d);
        continue;
      }
      std::string label;
      if (drop.param == "service")
        label = name_of(results.options.services, drop.value);
      else if (drop.param == "audience")
        label = name_of(results.options.audiences, drop.value);
      else if (drop.param == "language")
        label = name_of(languages, drop.value);
      else if (drop.param == "access")
        label = name_of(results.options.access, drop.value);
      else if (drop.param == "municipality") {
        label = name_of(results.options.municipalities, drop.value);
      } else if (drop.param == "open")
        label = drop.value == "now" ? tr("search.open_now") : open_at;
      else if (drop.param == "near")
        label = tr("search.near_place", {{"place", drop.value}});
      else
        label = tr("search.near_you");
      Data d(Data::type::object);
      d.set("href", href(drop.params_without));
      d.set("label", tr("search.remove_filter", {{"filter", label}}));
      drops.push_back(d);
    }
  }
  page.set("drops", drops);
  page.set("has_drops", results.total == 0 && f.Any());
  if (!results.did_you_mean.empty()) {
    directory::SearchFilters g = f;
    g.query = results.did_you_mean;
    g.page = 1;
    page.set("did_you_mean_href", href(directory::FilterParams(g)));
    page.set("did_you_mean", results.did_you_mean);
  }
  return page;
}

directory::TextLess CollationOrder(const Site& site, const i18n::LocaleInfo& locale) {
  const i18n::Collator& collator = site.CollatorFor(locale.code);
  return [&collator](const std::string& a, const std::string& b) { return collator.Less(a, b); };
}

Data InfoView(const Site& site, const i18n::LocaleInfo& locale, const std::string& name) {
  const auto& m = site.messages();
  Data page(Data::type::object);
  page.set("heading", site.Tr(locale.code, name + ".title"));
  Data sections(Data::type::list);
  for (int s = 1; m.HasKey(name + ".s" + std::to_string(s) + ".title") ||
                  m.HasKey(name + ".s" + std::to_string(s) + ".p1");
       ++s) {
    std::string prefix = name + ".s" + std::to_string(s);
    Data section(Data::type::object);
    if (m.HasKey(prefix + ".title")) section.set("title", site.Tr(locale.code, prefix + ".title"));
    Data paragraphs(Data::type::list);
    for (int p = 1; m.HasKey(prefix + ".p" + std::to_string(p)); ++p) {
      paragraphs.push_back(Data(site.Tr(locale.code, prefix + ".p" + std::to_string(p))));
    }
    Data items(Data::type::list);
    int count = 0;
    for (int i = 1; m.HasKey(prefix + ".i" + std::to_string(i)); ++i, ++count) {
      items.push_back(Data(site.Tr(locale.code, prefix + ".i" + std::to_string(i))));
    }
    section.set("paragraphs", paragraphs);
    section.set("items", items);
    section.set("has_items", count > 0);
    sections.push_back(section);
  }
  page.set("sections", sections);
  return page;
}

}  // namespace tilti::web
