// The coordinator dashboard (issue 7): /{lang}/manage/programme — initiatives and what has been
// done in them, hackathons and participants, ideas by category and status, participation in
// events by target group and month, partnerships, freshness of the directory and translation
// gaps. Each chart is server-made SVG (web/svg_chart.h) with a data table beside it carrying the
// same figures; counts of people never reveal a group of fewer than 5. ?format=csv downloads
// every table; the page itself prints (site.css's print rules drop the navigation).
#include <chrono>

#include "core/csv.h"
#include "core/riga_time.h"
#include "events/event.h"
#include "events/statistics.h"
#include "programme/ideas.h"
#include "store/attendance_store.h"
#include "store/diagnostic_store.h"
#include "store/freshness_queries.h"
#include "store/hackathon_store.h"
#include "store/programme_queries.h"
#include "store/translation_store.h"
#include "web/back_office.h"
#include "web/handlers.h"
#include "web/programme_views.h"
#include "web/query_params.h"
#include "web/statistics_tables.h"
#include "web/svg_chart.h"

namespace tilti::web {
namespace {

using namespace std::chrono;

// One figure of the dashboard, as the CSV lists it.
struct Figure {
  std::string section, key, label, value;
};

// Elapsed share of an initiative's period on `today`, as the page says it.
std::string ProgressText(const Site& site, const std::string& lang, const store::InitiativeItem& i,
                         year_month_day today) {
  auto from = events::ParseDate(i.starts_on), to = events::ParseDate(i.ends_on);
  if (!from || !to) return site.Tr(lang, "programme.dashboard.period_unknown");
  const sys_days t{today}, a{*from}, b{*to};
  if (t < a) return site.Tr(lang, "programme.dashboard.not_started");
  if (t > b) return site.Tr(lang, "programme.dashboard.ended");
  const int64_t percent = b == a ? 100 : (t - a).count() * 100 / (b - a).count();
  return site.Tr(lang, "programme.dashboard.elapsed", {{"percent", percent}});
}

BarChart NewChart(const Site& site, const std::string& lang, std::string id, std::string title) {
  BarChart chart;
  chart.id = std::move(id);
  chart.title = std::move(title);
  chart.description = site.Tr(lang, "programme.dashboard.chart_desc");
  chart.suppressed_text = site.Tr(lang, "attendance.fewer_than", {{"count", events::kSmallestShownGroup}});
  const i18n::Formatter* f = &site.FormatterFor(lang);
  chart.number = [f](int64_t n) { return f->Number(n); };
  return chart;
}

// A table of people (small groups hidden) as chart, rows and figures.
Data PeopleSection(const Site& site, const std::string& lang, const Table& t, const std::string& id,
                   const std::string& title, std::vector<Figure>& figures) {
  const std::string fewer = site.Tr(lang, "attendance.fewer_than", {{"count", events::kSmallestShownGroup}});
  const i18n::Formatter& f = site.FormatterFor(lang);
  BarChart chart = NewChart(site, lang, id, title);
  Data rows(Data::type::list);
  for (const Tally& row : t.rows) {
    chart.bars.push_back({row.label, {{row.hidden ? std::nullopt : std::optional<int64_t>(row.people), 0}}});
    Data d(Data::type::object);
    d.set("label", row.label);
    d.set("value", row.hidden ? fewer : f.Number(row.people));
    rows.push_back(d);
    figures.push_back({id, row.key, row.label, row.hidden ? fewer : std::to_string(row.people)});
  }
  Data s(Data::type::object);
  s.set("id", id);
  s.set("caption", title);
  s.set("chart_svg", HorizontalBarChart(chart));
  s.set("rows", rows);
  s.set("has_rows", !rows.is_empty_list());
  return s;
}

}  // namespace

http::Response ProgrammeDashboard(const Site& site, const i18n::LocaleInfo& locale, http::Request& request,
                                  const BackOffice& bo) {
  const std::string& lang = locale.code;
  const LocaleChain chain = site.Chain(locale);
  const i18n::Formatter& f = site.FormatterFor(lang);
  const year_month_day today = RigaDate(site.clock().Now());
  std::vector<Figure> figures;
  Data page(Data::type::object);
  page.set("heading", site.Tr(lang, "programme.dashboard.title"));
  page.set("csv_href", ManagePath(locale, "/programme") + "?format=csv");

  auto db = site.db().Read();
  // Initiatives.
  Data initiatives(Data::type::list);
  int64_t partnerships = 0;
  for (const auto& s : store::InitiativeSummaries(*db, chain)) {
    Data d(Data::type::object);
    d.set("name", site.TextData(s.item.name, locale));
    d.set("short_name", s.item.short_name.empty() ? s.item.name.text : s.item.short_name);
    d.set("manage_href", ManagePath(locale, "/initiatives/" + s.item.slug));
    d.set("public_href", "/" + lang + "/initiatives/" + s.item.slug);
    const std::string progress = ProgressText(site, lang, s.item, today);
    d.set("progress", progress);
    d.set("libraries", f.Number(s.libraries));
    d.set("partnerships", f.Number(s.partnerships));
    d.set("hackathons", f.Number(s.hackathons));
    d.set("ideas", site.Tr(lang, "programme.dashboard.ideas_in_action", {{"count", s.ideas}, {"acting", s.ideas_in_action}}));
    initiatives.push_back(d);
    partnerships += s.partnerships;
    const std::string key = s.item.slug;
    figures.push_back({"initiative-progress", key, s.item.name.text, progress});
    figures.push_back({"initiative-libraries", key, s.item.name.text, std::to_string(s.libraries)});
    figures.push_back({"initiative-partnerships", key, s.item.name.text, std::to_string(s.partnerships)});
    figures.push_back({"initiative-hackathons", key, s.item.name.text, std::to_string(s.hackathons)});
    figures.push_back({"initiative-ideas", key, s.item.name.text, std::to_string(s.ideas)});
    figures.push_back({"initiative-ideas-in-action", key, s.item.name.text, std::to_string(s.ideas_in_action)});
  }
  page.set("initiatives", initiatives);
  page.set("partnerships", site.Tr(lang, "programme.dashboard.partnerships", {{"count", partnerships}}));
  page.set("partnerships_href", "/" + lang + "/partnerships");
  page.set("new_initiative_href", ManagePath(locale, "/initiatives/new"));
  page.set("guides_manage_href", ManagePath(locale, "/guides"));

  // Local diagnostics per library.
  {
    const auto rows = store::DiagnosticsPerLibrary(*db, chain);
    std::vector<int64_t> counts;
    for (const auto& r : rows) counts.push_back(r.participants);
    const std::vector<bool> hide = events::CountsToHide(counts);
    const std::string fewer = site.Tr(lang, "attendance.fewer_than", {{"count", events::kSmallestShownGroup}});
    Data list(Data::type::list);
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      Data d(Data::type::object);
      d.set("library", site.TextData(r.library, locale));
      d.set("href", ManagePath(locale, "/libraries/" + r.slug + "/diagnostics"));
      d.set("activities", f.Number(r.activities));
      d.set("participants", hide[i] ? fewer : f.Number(r.participants));
      d.set("report", site.Tr(lang, r.report_published ? "programme.dashboard.report_published" : "programme.dashboard.report_not_published"));
      d.set("goals", f.Number(r.goals));
      list.push_back(d);
      figures.push_back({"diagnostic-activities", r.slug, r.library.text, std::to_string(r.activities)});
      figures.push_back({"diagnostic-participants", r.slug, r.library.text, hide[i] ? fewer : std::to_string(r.participants)});
      figures.push_back({"diagnostic-report-published", r.slug, r.library.text, r.report_published ? "1" : "0"});
      figures.push_back({"strategy-goals", r.slug, r.library.text, std::to_string(r.goals)});
    }
    page.set("diagnostics", list);
    page.set("has_diagnostics", !list.is_empty_list());
  }

  // Hackathons and participants.
  const auto hackathons = store::AllHackathons(*db, chain);
  {
    Data h = HackathonsView(site, locale, hackathons);
    std::vector<int64_t> counts;
    for (const auto& x : hackathons) counts.push_back(x.participants);
    const std::vector<bool> hide = events::CountsToHide(counts);
    BarChart chart = NewChart(site, lang, "chart-hackathons", site.Tr(lang, "programme.dashboard.hackathons_chart"));
    int64_t total = 0;
    for (size_t i = 0; i < hackathons.size(); ++i) {
      const auto& x = hackathons[i];
      const std::string label = IsoDateText(site, lang, x.held_on) + " – " + x.host.name.text;
      chart.bars.push_back({label, {{hide[i] ? std::nullopt : std::optional<int64_t>(x.participants), 0}}});
      figures.push_back({"hackathon-participants", x.held_on, label,
                         hide[i] ? chart.suppressed_text : std::to_string(x.participants)});
      total += x.participants;
    }
    figures.push_back({"hackathon-participants", "total", site.Tr(lang, "hackathons.total", {{"count", static_cast<int64_t>(hackathons.size())}}),
                       events::TotalShown(total) ? std::to_string(total) : chart.suppressed_text});
    h.set("chart_svg", HorizontalBarChart(chart));
    page.set("hackathons", h);
  }

  // Ideas by category and status (ideas, not people: nothing to hide).
  {
    std::map<std::pair<std::string, std::string>, int64_t> counts;
    for (const auto& c : store::IdeaCounts(*db)) counts[{c.category, c.status}] = c.count;
    BarChart chart = NewChart(site, lang, "chart-ideas", site.Tr(lang, "programme.dashboard.ideas_chart"));
    Data statuses(Data::type::list);
    for (std::string_view s : programme::kIdeaStatuses) {
      chart.series.push_back(site.Tr(lang, "ideas.form.status_option." + std::string(s)));
      Data d(Data::type::object);
      d.set("label", chart.series.back());
      statuses.push_back(d);
    }
    Data rows(Data::type::list);
    for (std::string_view c : programme::kIdeaCategories) {
      const std::string label = site.Tr(lang, "ideas.category." + std::string(c));
      ChartBar bar{label, {}};
      Data cells(Data::type::list);
      int64_t sum = 0;
      for (size_t i = 0; i < programme::kIdeaStatuses.size(); ++i) {
        const std::string status(programme::kIdeaStatuses[i]);
        const int64_t n = counts[{std::string(c), status}];
        bar.segments.push_back({n, static_cast<int>(i)});
        Data cell(Data::type::object);
        cell.set("value", f.Number(n));
        cells.push_back(cell);
        sum += n;
        figures.push_back({"ideas", std::string(c) + "/" + status, label + " – " + chart.series[i], std::to_string(n)});
      }
      chart.bars.push_back(std::move(bar));
      Data row(Data::type::object);
      row.set("label", label);
      row.set("cells", cells);
      row.set("total", f.Number(sum));
      rows.push_back(row);
    }
    Data ideas(Data::type::object);
    ideas.set("chart_svg", HorizontalBarChart(chart));
    ideas.set("statuses", statuses);
    ideas.set("rows", rows);
    page.set("ideas", ideas);
  }

  // Participation in events over the last twelve months, by target group and by month.
  {
    const year_month this_month = today.year() / today.month();
    const std::string from = events::FormatDate((this_month - months{11}) / day{1});
    const std::string to = events::FormatDate((this_month + months{1}) / day{1});
    const auto facts = store::Participation(*db, OwnOrganizations(bo.actor), chain, from, to);
    const std::string unspecified = site.Tr(lang, "attendance.unspecified");
    const Table by_group = TableBy("group", facts, [&](const auto& x) {
      return std::pair{x.group_code, x.group.text.empty() ? unspecified : x.group.text};
    });
    const Table by_month = TableBy("month", facts, [](const auto& x) { return std::pair{x.month, x.month}; });
    page.set("by_group", PeopleSection(site, lang, by_group, "participation-group", site.Tr(lang, "programme.dashboard.by_group"), figures));
    page.set("by_month", PeopleSection(site, lang, by_month, "participation-month", site.Tr(lang, "programme.dashboard.by_month"), figures));
    page.set("participation_period", site.Tr(lang, "programme.dashboard.participation_period",
                                              {{"from", from.substr(0, 7)}, {"to", events::FormatDate(this_month / day{1}).substr(0, 7)}}));
    page.set("statistics_href", ManagePath(locale, "/statistics"));
  }

  // Freshness and translation gaps.
  {
    const auto fresh = store::CountLibraryFreshness(*db, store::MonthsBefore(today, 12));
    page.set("freshness", site.Tr(lang, "programme.dashboard.freshness",
                                  {{"count", fresh.libraries}, {"never", fresh.never_checked}, {"old", fresh.not_recently}}));
    page.set("freshness_href", ManagePath(locale, "/freshness"));
    figures.push_back({"freshness", "libraries", "", std::to_string(fresh.libraries)});
    figures.push_back({"freshness", "never-checked", "", std::to_string(fresh.never_checked)});
    figures.push_back({"freshness", "not-checked-12-months", "", std::to_string(fresh.not_recently)});
    Data gaps(Data::type::list);
    for (const auto& l : site.messages().Locales()) {
      const auto backlog = store::TranslationBacklog(*db, site.Chain(l), l.code, OwnOrganizations(bo.actor), 0, 0, 0);
      Data d(Data::type::object);
      d.set("language", l.endonym);
      d.set("lang", l.code);
      d.set("missing", f.Number(backlog.missing));
      d.set("outdated", f.Number(backlog.outdated));
      gaps.push_back(d);
      figures.push_back({"translations-missing", l.code, l.endonym, std::to_string(backlog.missing)});
      figures.push_back({"translations-outdated", l.code, l.endonym, std::to_string(backlog.outdated)});
    }
    page.set("translation_gaps", gaps);
    page.set("translations_href", ManagePath(locale, "/translations"));
  }

  if (QueryParam(request, "format") == "csv") {
    std::string csv = CsvRecord({site.Tr(lang, "programme.dashboard.csv.section"), site.Tr(lang, "attendance.csv.key"),
                                 site.Tr(lang, "attendance.csv.name"), site.Tr(lang, "programme.dashboard.csv.value")});
    for (const Figure& x : figures) csv += CsvRecord({x.section, x.key, x.label, x.value});
    return CsvDownload("programme-" + events::FormatDate(today) + ".csv", csv);
  }
  PageFrame frame{&locale, "manage/programme", site.Tr(lang, "programme.dashboard.title")};
  return RenderBackOfficePage(site, request, bo, frame, "programme_dashboard", std::move(page));
}

}  // namespace tilti::web
