// The moderation queue of the public "report outdated information" form: the list (open
// reports oldest first, or closed ones), one report in full, closing it with a note and
// opening it again. Librarians see the reports of their own libraries, coordinators all.
#include <chrono>
#include <cstdio>

#include "core/riga_time.h"
#include "store/report_store.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"

namespace tilti::web {
namespace {

constexpr size_t kReportsPerPage = 50;
constexpr size_t kMaxNote = 4000;
constexpr size_t kHistoryRows = 20;

// "2026-11-22T09:05:00Z" -> "22 November 2026 11:05" (the Riga wall clock, 24-hour); the
// date alone when the text is not an RFC 3339 UTC time.
std::string WhenText(const Site& site, const i18n::LocaleInfo& locale, std::string_view rfc3339) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(std::string(rfc3339).c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi,
                  &s) != 6) {
    return site.LongDate(locale.code, rfc3339);
  }
  using namespace std::chrono;
  SysTime t{sys_days{year{y} / mo / d} + hours{h} + minutes{mi} + seconds{s}};
  CivilDateTime riga = ToRiga(t);
  char date[16], time[8];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", riga.year, riga.month, riga.day);
  std::snprintf(time, sizeof time, "%02d:%02d", riga.hour, riga.minute);
  return site.LongDate(locale.code, date) + " " + time;
}

// Page numbers start at 1; anything else is page 1.
size_t PageOf(std::string_view text) {
  size_t n = 0;
  if (text.empty() || text.size() > 6) return 1;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return 1;
    n = n * 10 + static_cast<size_t>(ch - '0');
  }
  return n == 0 ? 1 : n;
}

std::string ReportPath(const i18n::LocaleInfo& locale, std::string_view id) {
  return ManagePath(locale, "/reports/" + std::string(id));
}

// What the report page shows about the report (the queue's rows use the same fields).
Data ReportData(const Site& site, const i18n::LocaleInfo& locale, const store::ReportDetail& r) {
  Data d(Data::type::object);
  d.set("library", site.TextData(r.library_name, locale));
  d.set("library_public_href", "/" + locale.code + "/libraries/" + r.slug);
  d.set("library_manage_href", ManagePath(locale, "/libraries/" + r.slug));
  d.set("topic", site.Tr(locale.code, "report.topic." + r.topic));
  d.set("message", r.message);
  Data lines(Data::type::list);
  size_t start = 0;
  while (start <= r.message.size()) {
    size_t end = r.message.find('\n', start);
    if (end == std::string::npos) end = r.message.size();
    std::string line = r.message.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(Data(line));
    start = end + 1;
  }
  d.set("message_lines", lines);
  d.set("message_lang", r.locale);
  d.set("when", WhenText(site, locale, r.created_at));
  d.set("href", ReportPath(locale, r.id));
  d.set("is_open", r.status == "open");
  d.set("status", site.Tr(locale.code, "manage.report.status." + r.status));
  if (r.status == "closed") {
    d.set("closed_line",
          site.Tr(locale.code, "manage.report.closed_by",
                  {{"name", r.closed_by_name.empty() ? r.closed_by : r.closed_by_name},
                   {"date", WhenText(site, locale, r.closed_at)}}));
    d.set("closing_note", r.closing_note);
  }
  return d;
}

http::Response RenderReport(const Site& site, const i18n::LocaleInfo& locale,
                            const http::Request& request, const BackOffice& bo,
                            const store::ReportDetail& report, std::string_view typed_note,
                            bool note_missing, std::string notice) {
  FormView form(site, locale,
                site.Tr(locale.code, "manage.report.title", {{"library", report.library_name.text}}),
                ReportPath(locale, report.id));
  FormField& note =
      form.TextArea("note", site.Tr(locale.code, "manage.report.note_label"), std::string(typed_note));
  note.hint = site.Tr(locale.code, "manage.report.note_hint");
  if (note_missing) form.Error("note", site.Tr(locale.code, "manage.report.error.note_missing"));
  form.Submit(site.Tr(locale.code, "manage.report.close_submit"));
  if (!notice.empty()) form.Notice(std::move(notice));
  form.Extra("report", ReportData(site, locale, report));
  form.Extra("reopen_action", Data(ReportPath(locale, report.id) + "/reopen"));
  form.Extra("queue_href", Data(ManagePath(locale, "/reports")));
  // Who closed and reopened it before, and with which notes.
  auto history = store::HistoryOf(*site.db().Read(), "report", report.id, kHistoryRows);
  form.Extra("has_history", Data(!history.empty()));
  form.Extra("history", HistoryData(site, locale, history));
  return RenderBackOfficePage(site, request, bo, form.Frame("manage/reports/" + report.id),
                              "reports_show", form.Data());
}

std::optional<store::ReportDetail> FindReport(const Site& site, const i18n::LocaleInfo& locale,
                                              const http::Request& request) {
  return store::ReportById(*site.db().Read(), site.Chain(locale), request.Param("id"));
}

}  // namespace

http::Response ReportsQueue(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request, const BackOffice& bo) {
  std::string status = "open";
  size_t page_number = 1;
  for (auto& [name, value] : http::ParseQuery(request.query)) {
    if (name == "status" && value == "closed") status = "closed";
    if (name == "page") page_number = PageOf(value);
  }
  auto reports = store::ReportsInQueue(*site.db().Read(), site.Chain(locale), OwnOrganizations(bo.actor),
                                       status, kReportsPerPage + 1,
                                       (page_number - 1) * kReportsPerPage);
  const bool has_next = reports.size() > kReportsPerPage;
  if (has_next) reports.pop_back();

  Data page(Data::type::object);
  page.set("action", ManagePath(locale, "/reports"));
  Data statuses(Data::type::list);
  for (std::string_view s : {"open", "closed"}) {
    Data d(Data::type::object);
    d.set("id", "status-" + std::string(s));
    d.set("value", std::string(s));
    d.set("label", site.Tr(locale.code, "manage.reports.show_" + std::string(s)));
    d.set("checked", s == status);
    statuses.push_back(d);
  }
  page.set("statuses", statuses);
  Data rows(Data::type::list);
  for (const auto& r : reports) {
    Data d = ReportData(site, locale, r);
    // Partners see their organisations' reports but do not moderate them: no link to open.
    d.set("can_open", accounts::Can(bo.actor, accounts::Action::kModerate, r.organization_id));
    rows.push_back(d);
  }
  page.set("reports", rows);
  page.set("has_reports", !reports.empty());
  page.set("none", site.Tr(locale.code, "manage.reports.none_" + status));
  const std::string base = ManagePath(locale, "/reports?status=" + status + "&page=");
  if (page_number > 1) page.set("previous_href", base + std::to_string(page_number - 1));
  if (has_next) page.set("next_href", base + std::to_string(page_number + 1));
  page.set("has_pages", page_number > 1 || has_next);
  PageFrame frame{&locale, "manage/reports", site.Tr(locale.code, "manage.reports.title")};
  return RenderBackOfficePage(site, request, bo, frame, "reports", std::move(page));
}

http::Response ReportShow(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request, const BackOffice& bo) {
  auto report = FindReport(site, locale, request);
  if (!report) return site.ErrorPage(404, request);
  std::string notice;
  for (auto& [name, value] : http::ParseQuery(request.query)) {
    if (name == "closed" && value == "1") notice = site.Tr(locale.code, "manage.report.closed_notice");
    if (name == "reopened" && value == "1") {
      notice = site.Tr(locale.code, "manage.report.reopened_notice");
    }
  }
  return RenderReport(site, locale, request, bo, *report, "", false, std::move(notice));
}

http::Response ReportClose(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request, const BackOffice& bo) {
  std::string note = bo.form.Get("note");
  if (note.size() > kMaxNote) {
    // Cut at a character boundary: a continuation byte (10xxxxxx) never starts a character.
    size_t n = kMaxNote;
    while (n > 0 && (static_cast<unsigned char>(note[n]) & 0xC0) == 0x80) --n;
    note.resize(n);
  }
  const bool blank = note.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank) {
    auto report = FindReport(site, locale, request);
    if (!report) return site.ErrorPage(404, request);
    return RenderReport(site, locale, request, bo, *report, note, true, "");
  }
  const std::string id(request.Param("id"));
  const std::string now = FormatRfc3339(site.clock().Now());
  // A report already closed (by a colleague a moment ago) is simply shown as it is now.
  site.db().Write([&](store::Connection& c) {
    return store::CloseReport(c, id, bo.Author(), note, now);
  });
  return SeeOther(ReportPath(locale, id) + "?closed=1");
}

http::Response ReportReopen(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request, const BackOffice& bo) {
  const std::string id(request.Param("id"));
  const std::string now = FormatRfc3339(site.clock().Now());
  site.db().Write(
      [&](store::Connection& c) { return store::ReopenReport(c, id, bo.Author(), now); });
  return SeeOther(ReportPath(locale, id) + "?reopened=1");
}

}  // namespace tilti::web
