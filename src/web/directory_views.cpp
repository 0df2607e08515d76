#include "web/directory_views.h"

#include <cstdio>

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

Data LibrariesView(const Site& site, const i18n::LocaleInfo& locale, const std::string& query,
                   const std::vector<directory::LibrarySummary>& libraries) {
  Data page(Data::type::object);
  page.set("query", query);
  page.set("result_count",
           site.Tr(locale.code, "libraries.result_count",
                   {{"count", static_cast<int64_t>(libraries.size())}}));
  page.set("has_results", !libraries.empty());
  Data list(Data::type::list);
  for (const auto& lib : libraries) list.push_back(SummaryData(site, locale, lib));
  page.set("libraries", list);
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
