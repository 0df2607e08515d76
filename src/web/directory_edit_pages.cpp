// The back office's directory forms: a library's overview and history, its texts, contacts,
// place (with a map picker that also takes typed coordinates), weekly hours, dated exceptions,
// languages and accessibility, and its services; and the coordinators' review of proposals.
// The guard (routes.cpp) has checked the session, the CSRF token and the permission of the
// route's action; here a form is parsed (directory/library_edits.h), then either applied
// (store/directory_edits.h, which writes the audit trail) or, when accounts::ApplyMode says so,
// stored as a proposal for review. GET shows a form, POST handles it: errors re-render the form
// with the error summary and what was typed.
#include <algorithm>
#include <map>
#include <tuple>

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/ids.h"
#include "core/riga_time.h"
#include "store/directory_edits.h"
#include "web/back_office.h"
#include "web/directory_views.h"
#include "web/form_view.h"
#include "web/handlers.h"

namespace tilti::web {
namespace {

using accounts::Action;

constexpr size_t kHistoryRows = 50;
constexpr size_t kReviewRows = 100;

std::string NowText(const Site& site) { return FormatRfc3339(site.clock().Now()); }

std::string TodayText(const Site& site) {
  auto d = RigaDate(site.clock().Now());
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

std::string LibraryManagePath(const i18n::LocaleInfo& locale, std::string_view slug,
                              std::string_view tail = "") {
  return ManagePath(locale, "/libraries/" + std::string(slug) + std::string(tail));
}

void AddErrors(const Site& site, const i18n::LocaleInfo& locale, FormView& form,
               const std::vector<FieldError>& errors) {
  for (const FieldError& e : errors) form.Error(e.field, site.Tr(locale.code, e.message_key));
}

http::Response NotFound(const Site& site, const http::Request& request) {
  http::Response r = site.ErrorPage(404, request);
  r.Set("Cache-Control", "private, no-store");
  return r;
}

// A form's fields as one urlencoded string: the payload of a proposal, parsed again by the
// same code when a coordinator approves it.
std::string Encode(const std::vector<std::pair<std::string, std::string>>& pairs) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const auto& [name, value] : pairs) {
    if (!out.empty()) out += '&';
    for (const std::string* s : {&name, &value}) {
      for (unsigned char ch : *s) {
        if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
          out += static_cast<char>(ch);
        } else {
          out += '%';
          out += kHex[ch >> 4];
          out += kHex[ch & 15];
        }
      }
      if (s == &name) out += '=';
    }
  }
  return out;
}

std::string PayloadJson(const std::vector<std::pair<std::string, std::string>>& pairs) {
  return boost::json::serialize(boost::json::object{{"form", Encode(pairs)}});
}

FormFields PayloadFields(std::string_view payload) {
  boost::system::error_code ec;
  auto v = boost::json::parse(payload, ec);
  if (ec || !v.is_object() || !v.as_object().contains("form")) return FormFields();
  return FormFields(std::string(v.as_object().at("form").as_string()));
}

// The proposal notice after a change went to review.
std::string ProposalNotice(const Site& site, const i18n::LocaleInfo& locale) {
  return site.Tr(locale.code, "edit.sent_for_review");
}

std::optional<store::LibraryEditRecord> LoadLibrary(const Site& site, const http::Request& request) {
  return store::LoadLibraryForEdit(*site.db().Read(), request.Param("slug"), TodayText(site));
}

http::Response Saved(const i18n::LocaleInfo& locale, std::string_view slug, std::string_view what) {
  return SeeOther(LibraryManagePath(locale, slug) + "?saved=" + std::string(what));
}

std::vector<std::string> Codes(const std::vector<store::TermChoice>& terms) {
  std::vector<std::string> out;
  for (const auto& t : terms) out.push_back(t.code);
  return out;
}

std::vector<FormOption> TermOptions(const std::vector<store::TermChoice>& terms,
                                    const std::vector<std::string>& chosen,
                                    const i18n::LocaleInfo& locale) {
  std::vector<FormOption> out;
  for (const auto& t : terms) {
    FormOption o{t.code, t.name,
                 std::find(chosen.begin(), chosen.end(), t.code) != chosen.end(), ""};
    if (t.name_locale != locale.code) o.lang = t.name_locale;
    out.push_back(std::move(o));
  }
  return out;
}

// ---- the library's texts ----

void TextsForm(FormView& form, const Site& site, const i18n::LocaleInfo& locale,
               const store::LibraryEditRecord& lib, const directory::LibraryTexts& texts) {
  const std::string source = lib.source_locale;
  form.Intro(site.Tr(locale.code, "edit.texts.intro",
                     {{"language", site.LanguageNameIn(source, locale.code)}}));
  auto mark = [&](FormField& f) {
    if (source != locale.code) f.lang = source;
  };
  mark(form.Text("name", site.Tr(locale.code, "edit.field.name"), texts.name));
  FormField& alt = form.Text("alternate_name", site.Tr(locale.code, "edit.field.alternate_name"),
                             texts.alternate_name);
  alt.optional = true;
  mark(alt);
  FormField& d = form.TextArea("description", site.Tr(locale.code, "edit.field.description"),
                               texts.description);
  d.optional = true;
  mark(d);
}

directory::Checked<directory::LibraryTexts> ParseTexts(const FormFields& f) {
  return directory::CheckLibraryTexts(f.Get("name"), f.Get("alternate_name"),
                                      f.Get("description"));
}

// ---- services ----

struct ServiceTerms {
  std::vector<store::TermChoice> types, audiences;
};

ServiceTerms LoadServiceTerms(const Site& site, const i18n::LocaleInfo& locale) {
  auto c = site.db().Read();
  return {store::TermsOfTaxonomy(*c, site.Chain(locale), "service-type"),
          store::TermsOfTaxonomy(*c, site.Chain(locale), "target-group")};
}

directory::Checked<directory::ServiceInput> ParseService(const FormFields& f,
                                                         const ServiceTerms& terms) {
  return directory::CheckService(f.Get("name"), f.Get("description"), f.Get("status"),
                                 f.All("types"), f.All("audiences"), Codes(terms.types),
                                 Codes(terms.audiences));
}

void ServiceForm(FormView& form, const Site& site, const i18n::LocaleInfo& locale,
                 const directory::ServiceInput& s, const ServiceTerms& terms) {
  form.Text("name", site.Tr(locale.code, "edit.field.service_name"), s.name);
  form.TextArea("description", site.Tr(locale.code, "edit.field.description"), s.description)
      .optional = true;
  FormField status;
  status.kind = FormField::Kind::kRadios;
  status.name = "status";
  status.label = site.Tr(locale.code, "edit.field.status");
  for (std::string_view v : {"active", "temporarily closed", "inactive"}) {
    std::string key(v);
    std::replace(key.begin(), key.end(), ' ', '_');
    status.options.push_back({std::string(v), site.Tr(locale.code, "edit.status." + key),
                              s.status == v, ""});
  }
  form.Add(std::move(status));
  FormField types;
  types.kind = FormField::Kind::kCheckboxes;
  types.name = "types";
  types.label = site.Tr(locale.code, "edit.field.service_types");
  types.optional = true;
  types.options = TermOptions(terms.types, s.types, locale);
  form.Add(std::move(types));
  FormField audiences;
  audiences.kind = FormField::Kind::kCheckboxes;
  audiences.name = "audiences";
  audiences.label = site.Tr(locale.code, "edit.field.audiences");
  audiences.optional = true;
  audiences.options = TermOptions(terms.audiences, s.audiences, locale);
  form.Add(std::move(audiences));
}

// Applies an approved proposal with the code of a direct edit. Returns the field errors when
// the proposal no longer passes (the record changed meanwhile); nothing is written then.
std::vector<FieldError> ApplyProposal(const Site& site, const i18n::LocaleInfo& locale,
                                      const store::PendingChange& p, const store::Author& author) {
  const FormFields fields = PayloadFields(p.payload);
  const std::string now = NowText(site);
  if (p.kind == "library-texts") {
    auto texts = ParseTexts(fields);
    if (!texts.ok()) return texts.errors;
    return site.db().Write([&](store::Connection& c) {
      auto lib = store::LoadLibraryForEdit(c, p.organization_slug, TodayText(site));
      if (!lib) return std::vector<FieldError>{{"name", "edit.error.gone"}};
      store::SaveLibraryTexts(c, *lib, texts.value, author, now);
      return std::vector<FieldError>{};
    });
  }
  const ServiceTerms terms = LoadServiceTerms(site, locale);
  auto service = ParseService(fields, terms);
  if (!service.ok()) return service.errors;
  return site.db().Write([&](store::Connection& c) {
    if (p.kind == "service-new") {
      auto lib = store::LoadLibraryForEdit(c, p.organization_slug, TodayText(site));
      if (!lib) return std::vector<FieldError>{{"name", "edit.error.gone"}};
      store::CreateService(c, p.entity_id, lib->organization_id, lib->location_id,
                           lib->source_locale, service.value, author, now);
      return std::vector<FieldError>{};
    }
    auto before = store::LoadServiceForEdit(c, p.entity_id);
    if (!before) return std::vector<FieldError>{{"name", "edit.error.gone"}};
    store::UpdateService(c, *before, service.value, author, now);
    return std::vector<FieldError>{};
  });
}

// Stores a proposal of `kind` about `entity` `entity_id` of the organisation, with the form
// `fields` as its payload (applied by ApplyProposal on approval).
void Propose(store::Connection& c, std::string kind, std::string entity, std::string entity_id,
             std::string organization_id,
             const std::vector<std::pair<std::string, std::string>>& fields, std::string summary,
             const store::Author& author, std::string now) {
  store::PendingChange p;
  p.id = RandomUuid();
  p.kind = std::move(kind);
  p.entity = std::move(entity);
  p.entity_id = std::move(entity_id);
  p.organization_id = std::move(organization_id);
  p.payload = PayloadJson(fields);
  p.summary = std::move(summary);
  p.proposed_at = std::move(now);
  store::InsertPendingChange(c, p, author);
}

// A service's fields as a proposal's payload.
std::vector<std::pair<std::string, std::string>> ServiceFields(const directory::ServiceInput& s) {
  std::vector<std::pair<std::string, std::string>> pairs = {
      {"name", s.name}, {"description", s.description}, {"status", s.status}};
  for (const auto& t : s.types) pairs.emplace_back("types", t);
  for (const auto& a : s.audiences) pairs.emplace_back("audiences", a);
  return pairs;
}

}  // namespace

// ---- pages ----

http::Response ManageLibrary(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request, const BackOffice& bo) {
  auto lib = LoadLibrary(site, request);
  if (!lib) return NotFound(site, request);
  auto c = site.db().Read();
  auto history = store::HistoryOfOrganization(*c, lib->organization_id, kHistoryRows);
  auto services = store::ServicesOfOrganization(*c, lib->organization_id);
  auto pending = store::PendingChanges(*c, lib->organization_id, kReviewRows);
  const std::string& slug = lib->slug;

  Data page(Data::type::object);
  page.set("heading", lib->texts.name);
  page.set("name_lang", lib->source_locale);
  page.set("public_href", "/" + locale.code + "/libraries/" + slug);
  for (auto& [name, value] : http::ParseQuery(request.query)) {
    if (name == "saved") page.set("notice", site.Tr(locale.code, "edit.saved"));
    if (name == "proposed") page.set("notice", ProposalNotice(site, locale));
  }
  Data links(Data::type::list);
  auto link = [&](Action action, std::string_view tail, std::string_view key,
                  std::string href = "") {
    if (!accounts::Can(bo.actor, action, lib->organization_id)) return;
    Data d(Data::type::object);
    d.set("href", href.empty() ? LibraryManagePath(locale, slug, tail) : href);
    d.set("label", site.Tr(locale.code, key));
    links.push_back(d);
  };
  link(Action::kEditText, "/texts", "edit.texts.title");
  link(Action::kEditDirect, "/contacts", "edit.contacts.title");
  if (!lib->location_id.empty()) {
    link(Action::kEditDirect, "/place", "edit.place.title");
    link(Action::kEditDirect, "/hours", "edit.hours.title");
    link(Action::kEditDirect, "/exceptions", "edit.exceptions.title");
    link(Action::kEditDirect, "/features", "edit.features.title");
  }
  link(Action::kTranslate, "", "edit.translate_link",
       ManagePath(locale, "/translations/organization/" + lib->organization_id));
  link(Action::kEditEvents, "/events", "event.list.heading");
  link(Action::kTakeRegistrations, "/registrations", "attendance.library_heading");
  link(Action::kTakeRegistrations, "/bookings", "desk.heading_short");
  link(Action::kEditDirect, "/diagnostics", "diagnostics.manage.link");
  page.set("edit_links", links);
  page.set("can_confirm", accounts::Can(bo.actor, Action::kConfirmChecked, lib->organization_id));
  page.set("confirm_action", LibraryManagePath(locale, slug, "/checked"));
  page.set("confirm_next", LibraryManagePath(locale, slug));
  page.set("checked", lib->assured_date.empty()
                          ? site.Tr(locale.code, "manage.dashboard.never_checked")
                          : site.LongDate(locale.code, lib->assured_date));
  page.set("changed", site.LongDate(locale.code, lib->last_modified));
  Data service_list(Data::type::list);
  for (const auto& s : services) {
    Data d(Data::type::object);
    d.set("name", s.name);
    d.set("status", site.Tr(locale.code, "edit.status." + std::string(s.status == "temporarily closed"
                                                                        ? "temporarily_closed"
                                                                        : s.status)));
    d.set("href", ManagePath(locale, "/services/" + s.id));
    service_list.push_back(d);
  }
  page.set("services", service_list);
  page.set("has_services", !services.empty());
  page.set("can_add_service",
           accounts::Can(bo.actor, Action::kAddService, lib->organization_id));
  page.set("new_service_href", LibraryManagePath(locale, slug, "/services/new"));
  Data pending_list(Data::type::list);
  for (const auto& p : pending) {
    Data d(Data::type::object);
    d.set("what", site.Tr(locale.code, "review.kind." + p.kind));
    d.set("summary", p.summary);
    d.set("who", p.proposed_by_name);
    d.set("when", site.LongDate(locale.code, p.proposed_at));
    if (accounts::Can(bo.actor, Action::kReview)) {
      d.set("href", ManagePath(locale, "/reviews/" + p.id));
    }
    pending_list.push_back(d);
  }
  page.set("pending", pending_list);
  page.set("has_pending", !pending.empty());
  page.set("history", HistoryData(site, locale, history));
  page.set("has_history", !history.empty());
  PageFrame frame{&locale, "manage/libraries/" + slug, lib->texts.name};
  return RenderBackOfficePage(site, request, bo, frame, "manage_library", std::move(page));
}

http::Response EditLibraryTexts(const Site& site, const i18n::LocaleInfo& locale,
                                http::Request& request, const BackOffice& bo) {
  auto lib = LoadLibrary(site, request);
  if (!lib) return NotFound(site, request);
  const std::string action = LibraryManagePath(locale, lib->slug, "/texts");
  FormView form(site, locale, site.Tr(locale.code, "edit.texts.title"), action);
  form.Back(LibraryManagePath(locale, lib->slug), site.Tr(locale.code, "form.cancel"));
  const bool review =
      accounts::ApplyMode(bo.actor, Action::kEditText, site.options().review) ==
      accounts::Apply::kReview;
  if (review) form.Notice(site.Tr(locale.code, "edit.review_notice"));
  if (request.method == "GET") {
    TextsForm(form, site, locale, *lib, lib->texts);
    return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
  }
  auto texts = ParseTexts(bo.form);
  if (!texts.ok()) {
    AddErrors(site, locale, form, texts.errors);
    TextsForm(form, site, locale, *lib,
              {bo.form.Get("name"), bo.form.Get("alternate_name"), bo.form.Get("description")});
    return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
  }
  const std::string now = NowText(site);
  if (review) {
    site.db().Write([&](store::Connection& c) {
      Propose(c, "library-texts", "organization", lib->organization_id, lib->organization_id,
              {{"name", texts.value.name},
               {"alternate_name", texts.value.alternate_name},
               {"description", texts.value.description}},
              texts.value.name, bo.Author(), now);
    });
    return SeeOther(LibraryManagePath(locale, lib->slug) + "?proposed=1");
  }
  site.db().Write([&](store::Connection& c) {
    store::SaveLibraryTexts(c, *lib, texts.value, bo.Author(), now);
  });
  return Saved(locale, lib->slug, "texts");
}

http::Response EditLibraryContacts(const Site& site, const i18n::LocaleInfo& locale,
                                   http::Request& request, const BackOffice& bo) {
  auto lib = LoadLibrary(site, request);
  if (!lib) return NotFound(site, request);
  FormView form(site, locale, site.Tr(locale.code, "edit.contacts.title"),
                LibraryManagePath(locale, lib->slug, "/contacts"));
  form.Back(LibraryManagePath(locale, lib->slug), site.Tr(locale.code, "form.cancel"));
  auto render = [&](std::string email, std::string website, std::string phones) {
    FormField& e = form.Text("email", site.Tr(locale.code, "edit.field.email"), std::move(email));
    e.kind = FormField::Kind::kEmail;
    e.optional = true;
    e.autocomplete = "off";
    FormField& w = form.Text("website", site.Tr(locale.code, "edit.field.website"),
                             std::move(website));
    w.kind = FormField::Kind::kUrl;
    w.optional = true;
    FormField& p = form.TextArea("phones", site.Tr(locale.code, "edit.field.phones"),
                                 std::move(phones));
    p.optional = true;
    p.hint = site.Tr(locale.code, "edit.field.phones_hint");
    return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
  };
  if (request.method == "GET") {
    std::string phones;
    for (const auto& p : lib->contacts.phones) phones += p + "\n";
    return render(lib->contacts.email, lib->contacts.website, phones);
  }
  auto contacts = directory::CheckLibraryContacts(bo.form.Get("email"), bo.form.Get("website"),
                                                  bo.form.Get("phones"));
  if (!contacts.ok()) {
    AddErrors(site, locale, form, contacts.errors);
    return render(bo.form.Get("email"), bo.form.Get("website"), bo.form.Get("phones"));
  }
  site.db().Write([&](store::Connection& c) {
    store::SaveLibraryContacts(c, *lib, contacts.value, bo.Author(), NowText(site));
  });
  return Saved(locale, lib->slug, "contacts");
}

http::Response EditLibraryPlace(const Site& site, const i18n::LocaleInfo& locale,
                                http::Request& request, const BackOffice& bo) {
  auto lib = LoadLibrary(site, request);
  if (!lib || lib->location_id.empty()) return NotFound(site, request);
  FormView form(site, locale, site.Tr(locale.code, "edit.place.title"),
                LibraryManagePath(locale, lib->slug, "/place"));
  form.Back(LibraryManagePath(locale, lib->slug), site.Tr(locale.code, "form.cancel"));
  auto coordinate = [](const std::optional<double>& v) {
    if (!v) return std::string();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", *v);
    return std::string(buf);
  };
  auto render = [&](std::string street, std::string city, std::string postal, std::string lat,
                    std::string lon) {
    form.Section(site.Tr(locale.code, "edit.place.address_legend"));
    FormField& s = form.Text("address_1", site.Tr(locale.code, "edit.field.street"), street);
    s.autocomplete = "off";
    form.Text("city", site.Tr(locale.code, "edit.field.city"), city);
    FormField& p = form.Text("postal_code", site.Tr(locale.code, "edit.field.postal_code"),
                             postal);
    p.optional = true;
    p.width = "short";
    form.Section(site.Tr(locale.code, "edit.place.coordinates_legend"),
                 site.Tr(locale.code, "edit.place.coordinates_hint"));
    FormField& la = form.Text("latitude", site.Tr(locale.code, "edit.field.latitude"), lat);
    la.optional = true;
    la.width = "short";
    la.inputmode = "decimal";
    FormField& lo = form.Text("longitude", site.Tr(locale.code, "edit.field.longitude"), lon);
    lo.optional = true;
    lo.width = "short";
    lo.inputmode = "decimal";
    std::vector<MapMarker> markers;
    if (lib->place.latitude && lib->place.longitude) {
      markers.push_back({lib->texts.name, "", *lib->place.latitude, *lib->place.longitude});
    }
    form.Extra("map", MapData(site, markers));
    return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
  };
  if (request.method == "GET") {
    return render(lib->place.address_1, lib->place.city, lib->place.postal_code,
                  coordinate(lib->place.latitude), coordinate(lib->place.longitude));
  }
  auto place = directory::CheckLibraryPlace(bo.form.Get("address_1"), bo.form.Get("city"),
                                            bo.form.Get("postal_code"), bo.form.Get("latitude"),
                                            bo.form.Get("longitude"));
  if (!place.ok()) {
    AddErrors(site, locale, form, place.errors);
    return render(bo.form.Get("address_1"), bo.form.Get("city"), bo.form.Get("postal_code"),
                  bo.form.Get("latitude"), bo.form.Get("longitude"));
  }
  site.db().Write([&](store::Connection& c) {
    store::SaveLibraryPlace(c, *lib, place.value, bo.Author(), NowText(site));
  });
  return Saved(locale, lib->slug, "place");
}

http::Response EditLibraryHours(const Site& site, const i18n::LocaleInfo& locale,
                                http::Request& request, const BackOffice& bo) {
  auto lib = LoadLibrary(site, request);
  if (!lib || lib->location_id.empty()) return NotFound(site, request);
  FormView form(site, locale, site.Tr(locale.code, "edit.hours.title"),
                LibraryManagePath(locale, lib->slug, "/hours"));
  form.Intro(site.Tr(locale.code, "edit.hours.intro"));
  form.Back(LibraryManagePath(locale, lib->slug), site.Tr(locale.code, "form.cancel"));
  std::vector<directory::DayInput> days(7);
  if (request.method == "GET") {
    std::vector<int> used(7, 0);
    std::vector<directory::Period> undated;
    for (const auto& p : lib->weekly) {
      if (!p.valid_from && !p.valid_to) undated.push_back(p);
    }
    std::sort(undated.begin(), undated.end(),
              [](const auto& a, const auto& b) { return a.opens_min < b.opens_min; });
    for (const auto& p : undated) {
      auto& d = days[p.weekday - 1];
      int& n = used[p.weekday - 1];
      if (n == 0) {
        d.opens1 = directory::FormatClockTime(p.opens_min);
        d.closes1 = directory::FormatClockTime(p.closes_min);
      } else if (n == 1) {
        d.opens2 = directory::FormatClockTime(p.opens_min);
        d.closes2 = directory::FormatClockTime(p.closes_min);
      }
      ++n;
    }
  } else {
    for (int i = 0; i < 7; ++i) {
      const std::string day(directory::WeekdayCode(i + 1));
      days[i] = {bo.form.Get(day + "-opens1"), bo.form.Get(day + "-closes1"),
                 bo.form.Get(day + "-opens2"), bo.form.Get(day + "-closes2")};
    }
    auto periods = directory::CheckWeeklyHours(days);
    if (periods.ok()) {
      site.db().Write([&](store::Connection& c) {
        store::SaveWeeklyHours(c, *lib, periods.value, bo.Author(), NowText(site));
      });
      return Saved(locale, lib->slug, "hours");
    }
    AddErrors(site, locale, form, periods.errors);
  }
  for (int i = 0; i < 7; ++i) {
    const std::string day(directory::WeekdayCode(i + 1));
    form.Section(site.Tr(locale.code, "hours.weekday." + day), "");
    auto field = [&](std::string suffix, std::string key, std::string value) {
      FormField& f = form.Text(day + "-" + suffix, site.Tr(locale.code, key), std::move(value));
      f.optional = true;
      f.width = "short";
      f.inputmode = "numeric";
      f.hint = site.Tr(locale.code, "edit.hours.time_hint");
    };
    field("opens1", "edit.hours.opens", days[i].opens1);
    field("closes1", "edit.hours.closes", days[i].closes1);
    field("opens2", "edit.hours.opens_again", days[i].opens2);
    field("closes2", "edit.hours.closes_again", days[i].closes2);
  }
  return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
}

http::Response EditLibraryExceptions(const Site& site, const i18n::LocaleInfo& locale,
                                     http::Request& request, const BackOffice& bo) {
  auto lib = LoadLibrary(site, request);
  if (!lib || lib->location_id.empty()) return NotFound(site, request);
  const std::string path = LibraryManagePath(locale, lib->slug, "/exceptions");
  FormView form(site, locale, site.Tr(locale.code, "edit.exceptions.title"), path);
  form.Back(LibraryManagePath(locale, lib->slug), site.Tr(locale.code, "form.cancel"));
  form.Submit(site.Tr(locale.code, "edit.exceptions.add"));
  std::string date, opens, closes, note, mode = "closed";
  if (request.method == "POST") {
    if (bo.form.Has("remove")) {
      site.db().Write([&](store::Connection& c) {
        store::RemoveException(c, *lib, bo.form.Get("remove"), bo.Author(), NowText(site));
      });
      return SeeOther(path + "?saved=1");
    }
    date = bo.form.Get("date");
    opens = bo.form.Get("opens_at");
    closes = bo.form.Get("closes_at");
    note = bo.form.Get("note");
    mode = bo.form.Get("mode");
    if (mode != "open" && mode != "usual") mode = "closed";
    const auto m = mode == "open"    ? directory::ExceptionMode::kOtherHours
                   : mode == "usual" ? directory::ExceptionMode::kUsualHours
                                     : directory::ExceptionMode::kClosed;
    auto e = directory::CheckException(date, m, opens, closes, note,
                                       TodayText(site));
    if (e.ok()) {
      site.db().Write([&](store::Connection& c) {
        store::SaveException(c, *lib, e.value, bo.Author(), NowText(site));
      });
      return SeeOther(path + "?saved=1");
    }
    AddErrors(site, locale, form, e.errors);
  } else if (request.query.find("saved=") != std::string::npos) {
    form.Notice(site.Tr(locale.code, "edit.saved"));
  }
  FormField& d = form.Text("date", site.Tr(locale.code, "edit.field.date"), date);
  d.hint = site.Tr(locale.code, "edit.field.date_hint");
  d.width = "short";
  FormField m;
  m.kind = FormField::Kind::kRadios;
  m.name = "mode";
  m.label = site.Tr(locale.code, "edit.exceptions.mode");
  m.options = {{"closed", site.Tr(locale.code, "edit.exceptions.closed"), mode == "closed", ""},
               {"open", site.Tr(locale.code, "edit.exceptions.other_hours"), mode == "open", ""},
               {"usual", site.Tr(locale.code, "edit.exceptions.usual_hours"), mode == "usual",
                ""}};
  form.Add(std::move(m));
  for (auto [name, key, value] :
       {std::tuple{"opens_at", "edit.hours.opens", &opens},
        std::tuple{"closes_at", "edit.hours.closes", &closes}}) {
    FormField& f = form.Text(name, site.Tr(locale.code, key), *value);
    f.optional = true;
    f.width = "short";
    f.hint = site.Tr(locale.code, "edit.exceptions.times_hint");
  }
  form.Text("note", site.Tr(locale.code, "edit.field.note"), note).optional = true;
  Data rows(Data::type::list);
  for (const auto& x : lib->exceptions) {
    Data r(Data::type::object);
    r.set("date", site.LongDate(locale.code, x.date));
    r.set("hours", x.closed             ? site.Tr(locale.code, "edit.exceptions.closed")
                   : x.opens_at.empty() ? site.Tr(locale.code, "edit.exceptions.usual_hours")
                                        : x.opens_at + "–" + x.closes_at);
    r.set("note", x.note);
    r.set("id", x.id);
    r.set("remove_label", site.Tr(locale.code, "edit.exceptions.remove",
                                  {{"date", site.LongDate(locale.code, x.date)}}));
    rows.push_back(r);
  }
  form.Extra("exceptions", rows);
  form.Extra("has_exceptions", Data(!lib->exceptions.empty()));
  form.Extra("exceptions_action", Data(path));
  return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "edit_exceptions",
                              form.Data());
}

http::Response EditLibraryFeatures(const Site& site, const i18n::LocaleInfo& locale,
                                   http::Request& request, const BackOffice& bo) {
  auto lib = LoadLibrary(site, request);
  if (!lib || lib->location_id.empty()) return NotFound(site, request);
  FormView form(site, locale, site.Tr(locale.code, "edit.features.title"),
                LibraryManagePath(locale, lib->slug, "/features"));
  form.Back(LibraryManagePath(locale, lib->slug), site.Tr(locale.code, "form.cancel"));
  auto access_terms =
      store::TermsOfTaxonomy(*site.db().Read(), site.Chain(locale), "accessibility");
  const auto& offered = directory::OfferedLanguageCodes();
  std::vector<std::string> languages = lib->languages, access = lib->accessibility;
  if (request.method == "POST") {
    auto l = directory::CheckChoices(bo.form.All("languages"), offered, "languages");
    auto a = directory::CheckChoices(bo.form.All("accessibility"), Codes(access_terms),
                                     "accessibility");
    if (l.ok() && a.ok()) {
      site.db().Write([&](store::Connection& c) {
        const std::string now = NowText(site);
        store::SaveLanguages(c, *lib, l.value, bo.Author(), now);
        store::SaveAccessibility(c, *lib, a.value, bo.Author(), now);
      });
      return Saved(locale, lib->slug, "features");
    }
    AddErrors(site, locale, form, l.errors);
    AddErrors(site, locale, form, a.errors);
    languages = bo.form.All("languages");
    access = bo.form.All("accessibility");
  }
  FormField lf;
  lf.kind = FormField::Kind::kCheckboxes;
  lf.name = "languages";
  lf.label = site.Tr(locale.code, "edit.field.languages");
  lf.hint = site.Tr(locale.code, "edit.field.languages_hint");
  lf.optional = true;
  for (const std::string& code : offered) {
    lf.options.push_back({code, site.LanguageNameIn(code, locale.code),
                          std::find(languages.begin(), languages.end(), code) != languages.end(),
                          ""});
  }
  form.Add(std::move(lf));
  FormField af;
  af.kind = FormField::Kind::kCheckboxes;
  af.name = "accessibility";
  af.label = site.Tr(locale.code, "edit.field.accessibility");
  af.optional = true;
  af.options = TermOptions(access_terms, access, locale);
  form.Add(std::move(af));
  return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
}

http::Response NewService(const Site& site, const i18n::LocaleInfo& locale,
                          http::Request& request, const BackOffice& bo) {
  auto lib = LoadLibrary(site, request);
  if (!lib) return NotFound(site, request);
  const ServiceTerms terms = LoadServiceTerms(site, locale);
  FormView form(site, locale, site.Tr(locale.code, "edit.service.new_title"),
                LibraryManagePath(locale, lib->slug, "/services/new"));
  form.Back(LibraryManagePath(locale, lib->slug), site.Tr(locale.code, "form.cancel"));
  const bool review = accounts::ApplyMode(bo.actor, Action::kAddService, site.options().review) ==
                      accounts::Apply::kReview;
  if (review) form.Notice(site.Tr(locale.code, "edit.review_notice"));
  if (request.method == "GET") {
    ServiceForm(form, site, locale, directory::ServiceInput{}, terms);
    return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
  }
  auto service = ParseService(bo.form, terms);
  if (!service.ok()) {
    AddErrors(site, locale, form, service.errors);
    ServiceForm(form, site, locale,
                {bo.form.Get("name"), bo.form.Get("description"), bo.form.Get("status"),
                 bo.form.All("types"), bo.form.All("audiences")},
                terms);
    return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
  }
  const std::string id = RandomUuid();
  const std::string now = NowText(site);
  site.db().Write([&](store::Connection& c) {
    if (!review) {
      store::CreateService(c, id, lib->organization_id, lib->location_id, lib->source_locale,
                           service.value, bo.Author(), now);
      return;
    }
    Propose(c, "service-new", "service", id, lib->organization_id, ServiceFields(service.value),
            service.value.name, bo.Author(), now);
  });
  return SeeOther(LibraryManagePath(locale, lib->slug) + (review ? "?proposed=1" : "?saved=service"));
}

http::Response EditService(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request, const BackOffice& bo) {
  auto service = store::LoadServiceForEdit(*site.db().Read(), request.Param("id"));
  if (!service) return NotFound(site, request);
  const ServiceTerms terms = LoadServiceTerms(site, locale);
  FormView form(site, locale, site.Tr(locale.code, "edit.service.edit_title"),
                ManagePath(locale, "/services/" + service->id));
  form.Back(LibraryManagePath(locale, service->organization_slug),
            site.Tr(locale.code, "form.cancel"));
  if (request.query.find("saved=") != std::string::npos) {
    form.Notice(site.Tr(locale.code, "edit.saved"));
  } else if (request.query.find("proposed=") != std::string::npos) {
    form.Notice(ProposalNotice(site, locale));
  }
  const bool review = accounts::ApplyMode(bo.actor, Action::kAddService, site.options().review) ==
                      accounts::Apply::kReview;
  if (review && request.query.empty()) form.Notice(site.Tr(locale.code, "edit.review_notice"));
  auto history = store::HistoryOf(*site.db().Read(), "service", service->id, kHistoryRows);
  form.Extra("history", HistoryData(site, locale, history));
  form.Extra("has_history", Data(!history.empty()));
  if (request.method == "GET") {
    ServiceForm(form, site, locale, service->input, terms);
    return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
  }
  auto input = ParseService(bo.form, terms);
  if (!input.ok()) {
    AddErrors(site, locale, form, input.errors);
    ServiceForm(form, site, locale,
                {bo.form.Get("name"), bo.form.Get("description"), bo.form.Get("status"),
                 bo.form.All("types"), bo.form.All("audiences")},
                terms);
    return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
  }
  const std::string now = NowText(site);
  site.db().Write([&](store::Connection& c) {
    if (!review) {
      store::UpdateService(c, *service, input.value, bo.Author(), now);
      return;
    }
    Propose(c, "service-edit", "service", service->id, service->organization_id, ServiceFields(input.value),
            input.value.name, bo.Author(), now);
  });
  return SeeOther(ManagePath(locale, "/services/" + service->id) +
                  (review ? "?proposed=1" : "?saved=1"));
}

http::Response NewOrganization(const Site& site, const i18n::LocaleInfo& locale,
                               http::Request& request, const BackOffice& bo) {
  auto municipalities = store::MunicipalityChoices(*site.db().Read());
  std::vector<std::string> locale_codes, municipality_ids;
  for (const auto& l : site.messages().Locales()) locale_codes.push_back(l.code);
  for (const auto& m : municipalities) municipality_ids.push_back(m.id);
  FormView form(site, locale, site.Tr(locale.code, "edit.organization.new_title"),
                ManagePath(locale, "/organizations/new"));
  form.Back(ManagePath(locale), site.Tr(locale.code, "form.cancel"));
  directory::NewOrganization typed{bo.form.Get("kind"), bo.form.Get("name"),
                                   bo.form.Get("source_locale"), bo.form.Get("country"),
                                   bo.form.Get("municipality_id")};
  if (request.method == "GET") {
    typed = {"library", "", "lv", "LV", ""};
  } else {
    auto org = directory::CheckNewOrganization(typed.kind, typed.name, typed.source_locale,
                                               typed.country, typed.municipality_id,
                                               locale_codes, municipality_ids);
    if (org.ok()) {
      std::string slug = site.db().Write([&](store::Connection& c) {
        return store::CreateOrganization(c, org.value, bo.Author(), NowText(site));
      });
      return Saved(locale, slug, "created");
    }
    AddErrors(site, locale, form, org.errors);
  }
  FormField kind;
  kind.kind = FormField::Kind::kRadios;
  kind.name = "kind";
  kind.label = site.Tr(locale.code, "edit.organization.kind");
  for (const std::string& k : directory::OrganizationKinds()) {
    kind.options.push_back({k, site.Tr(locale.code, "edit.organization.kind." + k),
                            typed.kind == k, ""});
  }
  form.Add(std::move(kind));
  form.Text("name", site.Tr(locale.code, "edit.field.name"), typed.name);
  FormField source;
  source.kind = FormField::Kind::kSelect;
  source.name = "source_locale";
  source.label = site.Tr(locale.code, "edit.organization.source_locale");
  source.hint = site.Tr(locale.code, "edit.organization.source_locale_hint");
  for (const auto& l : site.messages().Locales()) {
    source.options.push_back({l.code, l.endonym, typed.source_locale == l.code,
                              l.code == locale.code ? "" : l.code});
  }
  form.Add(std::move(source));
  FormField& country = form.Text("country", site.Tr(locale.code, "edit.organization.country"),
                                 typed.country);
  country.hint = site.Tr(locale.code, "edit.organization.country_hint");
  country.width = "short";
  FormField municipality;
  municipality.kind = FormField::Kind::kSelect;
  municipality.name = "municipality_id";
  municipality.label = site.Tr(locale.code, "edit.organization.municipality");
  municipality.optional = true;
  municipality.options.push_back({"", site.Tr(locale.code, "edit.organization.no_municipality"),
                                  typed.municipality_id.empty(), ""});
  for (const auto& m : municipalities) {
    municipality.options.push_back({m.id, m.name, typed.municipality_id == m.id,
                                    locale.code == "lv" ? "" : "lv"});
  }
  form.Add(std::move(municipality));
  return RenderBackOfficePage(site, request, bo, form.Frame("manage"), "form_page", form.Data());
}

http::Response ReviewQueue(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request, const BackOffice& bo) {
  auto pending = store::PendingChanges(*site.db().Read(), "", kReviewRows);
  Data page(Data::type::object);
  Data rows(Data::type::list);
  for (const auto& p : pending) {
    Data d(Data::type::object);
    d.set("what", site.Tr(locale.code, "review.kind." + p.kind));
    d.set("summary", p.summary);
    d.set("library", p.organization_slug);
    d.set("who", p.proposed_by_name);
    d.set("when", site.LongDate(locale.code, p.proposed_at));
    d.set("href", ManagePath(locale, "/reviews/" + p.id));
    rows.push_back(d);
  }
  page.set("changes", rows);
  page.set("has_changes", !pending.empty());
  if (request.query.find("decided=") != std::string::npos) {
    page.set("notice", site.Tr(locale.code, "review.decided"));
  }
  PageFrame frame{&locale, "manage/reviews", site.Tr(locale.code, "review.title")};
  return RenderBackOfficePage(site, request, bo, frame, "manage_reviews", std::move(page));
}

http::Response ReviewChange(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request, const BackOffice& bo) {
  auto p = store::PendingChangeById(*site.db().Read(), request.Param("id"));
  if (!p) return NotFound(site, request);
  std::vector<std::pair<FieldError, std::string>> errors;
  std::string note;
  if (request.method == "POST" && p->status == "pending") {
    const std::string decision = bo.form.Get("decision");
    note = bo.form.Get("note");
    if (decision != "approve" && decision != "reject") {
      errors.push_back({{"decision", "review.error.decision"},
                        site.Tr(locale.code, "review.error.decision")});
    } else if (decision == "reject" && note.find_first_not_of(" \t\r\n") == std::string::npos) {
      errors.push_back({{"note", "review.error.note"}, site.Tr(locale.code, "review.error.note")});
    } else {
      if (decision == "approve") {
        for (const FieldError& e : ApplyProposal(site, locale, *p, bo.Author())) {
          errors.push_back({e, site.Tr(locale.code, e.message_key)});
        }
      }
      if (errors.empty()) {
        site.db().Write([&](store::Connection& c) {
          store::DecidePendingChange(c, p->id, decision == "approve", note, bo.Author(),
                                     NowText(site));
        });
        return SeeOther(ManagePath(locale, "/reviews") + "?decided=1");
      }
    }
  }
  // What the proposal changes: the current value beside the proposed one.
  const FormFields proposed = PayloadFields(p->payload);
  std::map<std::string, std::string> current;
  if (p->kind == "library-texts") {
    if (auto lib = store::LoadLibraryForEdit(*site.db().Read(), p->organization_slug,
                                             TodayText(site))) {
      current = {{"name", lib->texts.name},
                 {"alternate_name", lib->texts.alternate_name},
                 {"description", lib->texts.description}};
    }
  } else if (p->kind == "service-edit") {
    if (auto s = store::LoadServiceForEdit(*site.db().Read(), p->entity_id)) {
      auto join = [](const std::vector<std::string>& v) {
        std::string out;
        for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
        return out;
      };
      current = {{"name", s->input.name},       {"description", s->input.description},
                 {"status", s->input.status},   {"types", join(s->input.types)},
                 {"audiences", join(s->input.audiences)}};
    }
  }
  std::map<std::string, std::string> values;
  std::vector<std::string> order;
  for (const auto& [name, value] : proposed.pairs()) {
    if (!values.count(name)) order.push_back(name);
    std::string& v = values[name];
    v += (v.empty() ? "" : ", ") + value;
  }
  Data rows(Data::type::list);
  for (const auto& name : order) {
    Data d(Data::type::object);
    d.set("field", site.Tr(locale.code, "review.field." + name));
    d.set("current", current.count(name) ? current[name] : "");
    d.set("proposed", values[name]);
    d.set("changed", !current.count(name) || current[name] != values[name]);
    rows.push_back(d);
  }
  const std::string heading = site.Tr(locale.code, "review.kind." + p->kind) + ": " + p->summary;
  Data page(Data::type::object);
  page.set("heading", heading);
  page.set("rows", rows);
  page.set("who", p->proposed_by_name);
  page.set("when", site.LongDate(locale.code, p->proposed_at));
  page.set("library_href", LibraryManagePath(locale, p->organization_slug));
  page.set("pending", p->status == "pending");
  page.set("status", site.Tr(locale.code, "review.status." + p->status));
  page.set("decided_by", p->decided_by_name);
  page.set("decision_note", p->decision_note);
  page.set("action", ManagePath(locale, "/reviews/" + p->id));
  page.set("note", note);
  Data summary(Data::type::list);
  for (const auto& [e, text] : errors) {
    Data item(Data::type::object);
    item.set("text", text);
    item.set("href", "#" + e.field);
    summary.push_back(item);
    page.set(e.field + "_error", text);
  }
  page.set("errors", summary);
  page.set("has_errors", !errors.empty());
  std::string title = heading;
  if (!errors.empty()) title = site.Tr(locale.code, "form.error_title", {{"title", title}});
  PageFrame frame{&locale, "manage/reviews", title, errors.empty() ? 200 : 400};
  return RenderBackOfficePage(site, request, bo, frame, "review_change", std::move(page));
}

}  // namespace tilti::web
