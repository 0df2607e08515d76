// "Last checked": one click confirms a library (its organisation and locations) or a service is
// still true, and the freshness view lists the records nobody has confirmed for N months.
#include <charconv>
#include <cstdio>
#include <optional>
#include <chrono>

#include "core/riga_time.h"
#include "store/directory_changes.h"
#include "store/freshness_queries.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"

namespace tilti::web {
namespace {

constexpr size_t kRecordsPerPage = 50;
constexpr int kDefaultMonths = 12;

// Where to go after a confirmation: the form's `next` when it is a path of this site (one '/'
// then not another, no backslash, which browsers read as '/', no control characters), else
// `fallback`; with "checked=1" added to its query.
std::string NextAfterCheck(std::string_view next, std::string fallback) {
  bool local = next.size() >= 1 && next[0] == '/' && !(next.size() > 1 && next[1] == '/') &&
               next.size() <= 1000;
  for (unsigned char ch : next) {
    if (ch == '\\' || ch < 0x20 || ch == 0x7f) local = false;
  }
  std::string target = local ? std::string(next) : std::move(fallback);
  auto hash = target.find('#');
  if (hash != std::string::npos) target.resize(hash);
  return target + (target.find('?') == std::string::npos ? "?" : "&") + "checked=1";
}

// Today in Riga as YYYY-MM-DD.
std::string RigaToday(const Site& site) {
  std::chrono::year_month_day d = RigaDate(site.clock().Now());
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

// 1..120, or nullopt for anything else ("abc", "0", "1.5", " 3").
std::optional<int> ParseMonths(std::string_view text) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1 || n > 120) {
    return std::nullopt;
  }
  return n;
}

size_t PageOf(std::string_view text) {
  size_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n == 0 || n > 100000) return 1;
  return n;
}

}  // namespace

http::Response LibraryChecked(const Site& site, const i18n::LocaleInfo& locale,
                              http::Request& request, const BackOffice& bo) {
  const std::string today = RigaToday(site);
  const std::string now = FormatRfc3339(site.clock().Now());
  site.db().Write([&](store::Connection& c) {
    if (store::ConfirmLibraryChecked(c, bo.organization_id, today, bo.Author(), now) > 0) {
      store::DirectoryDetailsChanged(c);
    }
  });
  return SeeOther(NextAfterCheck(bo.form.Get("next"),
                                 ManagePath(locale, "/libraries/" + std::string(request.Param("slug")))));
}

http::Response ServiceChecked(const Site& site, const i18n::LocaleInfo& locale,
                              http::Request& request, const BackOffice& bo) {
  const std::string today = RigaToday(site);
  const std::string now = FormatRfc3339(site.clock().Now());
  const std::string id(request.Param("id"));
  site.db().Write([&](store::Connection& c) {
    if (store::ConfirmServiceChecked(c, id, today, bo.Author(), now)) {
      store::DirectoryDetailsChanged(c);
    }
  });
  return SeeOther(NextAfterCheck(bo.form.Get("next"), ManagePath(locale, "/freshness")));
}

http::Response FreshnessView(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request, const BackOffice& bo) {
  std::string months_text = std::to_string(kDefaultMonths);
  size_t page_number = 1;
  bool checked = false;
  for (auto& [name, value] : http::ParseQuery(request.query)) {
    if (name == "months") months_text = value.substr(0, 20);
    if (name == "page") page_number = PageOf(value);
    if (name == "checked") checked = value == "1";
  }
  const std::optional<int> months = ParseMonths(months_text);

  FormView form(site, locale, site.Tr(locale.code, "manage.freshness.title"),
                ManagePath(locale, "/freshness"));
  FormField& field =
      form.Text("months", site.Tr(locale.code, "manage.freshness.months_label"), months_text);
  field.hint = site.Tr(locale.code, "manage.freshness.months_hint");
  field.width = "short";
  field.inputmode = "numeric";
  form.Submit(site.Tr(locale.code, "manage.freshness.submit"));
  if (checked) form.Notice(site.Tr(locale.code, "manage.freshness.checked_notice"));
  if (!months) form.Error("months", site.Tr(locale.code, "manage.freshness.error.months"));

  Data rows(Data::type::list);
  bool has_records = false;
  bool has_next = false;
  if (months) {
    const std::string cutoff = store::MonthsBefore(RigaDate(site.clock().Now()), *months);
    auto records = store::StaleRecords(*site.db().Read(), site.Chain(locale),
                                       OwnOrganizations(bo.actor), cutoff, kRecordsPerPage + 1,
                                       (page_number - 1) * kRecordsPerPage);
    has_next = records.size() > kRecordsPerPage;
    if (has_next) records.pop_back();
    has_records = !records.empty();
    const std::string here = ManagePath(locale, "/freshness?months=" + std::to_string(*months) +
                                                    "&page=" + std::to_string(page_number));
    for (const auto& r : records) {
      Data d(Data::type::object);
      d.set("name", site.TextData(r.name, locale));
      d.set("kind", site.Tr(locale.code, "manage.freshness.kind." + r.kind));
      d.set("is_service", r.kind == "service");
      d.set("library", site.TextData(r.library_name, locale));
      d.set("library_href", ManagePath(locale, "/libraries/" + r.slug));
      d.set("checked_on", r.assured_date.empty()
                              ? site.Tr(locale.code, "manage.freshness.never")
                              : site.LongDate(locale.code, r.assured_date));
      d.set("confirm_action", r.kind == "service"
                                  ? ManagePath(locale, "/services/" + r.id + "/checked")
                                  : ManagePath(locale, "/libraries/" + r.slug + "/checked"));
      d.set("next", here);
      // Partners see their records' dates but only librarians and coordinators confirm them.
      d.set("can_confirm",
            accounts::Can(bo.actor, accounts::Action::kConfirmChecked, r.organization_id));
      rows.push_back(d);
    }
    form.Intro(site.Tr(locale.code, "manage.freshness.intro", {{"months", *months}}));
    const std::string base = ManagePath(locale, "/freshness?months=" + std::to_string(*months) +
                                                    "&page=");
    if (page_number > 1) form.Extra("previous_href", Data(base + std::to_string(page_number - 1)));
    if (has_next) form.Extra("next_href", Data(base + std::to_string(page_number + 1)));
    form.Extra("has_pages", Data(page_number > 1 || has_next));
    form.Extra("show_records", Data(true));
  }
  form.Extra("has_records", Data(has_records));
  form.Extra("records", rows);
  return RenderBackOfficePage(site, request, bo, form.Frame("manage/freshness"), "freshness",
                              form.Data());
}

}  // namespace tilti::web
