#include "web/programme_views.h"

#include "store/initiative_store.h"
#include "web/back_office.h"
#include "web/library_views.h"
#include "web/uploads.h"

#include "core/riga_time.h"
#include "events/event.h"
#include "events/statistics.h"
#include "programme/ideas.h"

namespace tilti::web {

std::string IsoDateText(const Site& site, const std::string& lang, const std::string& iso) {
  auto ymd = events::ParseDate(iso);
  return ymd ? site.FormatterFor(lang).LongDate(FromRiga(*ymd, std::chrono::minutes{12 * 60})) : "";
}

Data HackathonsView(const Site& site, const i18n::LocaleInfo& locale,
                    const std::vector<store::HackathonView>& hackathons, const std::string& edit_base) {
  const std::string& lang = locale.code;
  const i18n::Formatter& f = site.FormatterFor(lang);
  std::vector<int64_t> counts;
  int64_t total = 0;
  for (const auto& h : hackathons) {
    counts.push_back(h.participants);
    total += h.participants;
  }
  const std::vector<bool> hide = events::CountsToHide(counts);
  const std::string fewer = site.Tr(lang, "attendance.fewer_than", {{"count", events::kSmallestShownGroup}});
  Data rows(Data::type::list);
  for (size_t i = 0; i < hackathons.size(); ++i) {
    const auto& h = hackathons[i];
    Data r(Data::type::object);
    r.set("date", IsoDateText(site, lang, h.held_on));
    r.set("host", site.TextData(h.host.name, locale));
    r.set("host_href", "/" + lang + "/libraries/" + h.host.slug);
    Data others(Data::type::list);
    for (const auto& o : h.others) {
      Data od(Data::type::object);
      od.set("name", site.TextData(o.name, locale));
      od.set("href", "/" + lang + "/libraries/" + o.slug);
      others.push_back(od);
    }
    r.set("others", others);
    r.set("has_others", !others.is_empty_list());
    r.set("participants", hide[i] ? fewer : f.Number(h.participants));
    if (!edit_base.empty()) r.set("edit_href", edit_base + h.id);
    rows.push_back(r);
  }
  Data d(Data::type::object);
  d.set("rows", rows);
  d.set("has_rows", !rows.is_empty_list());
  d.set("total", site.Tr(lang, "hackathons.total", {{"count", static_cast<int64_t>(hackathons.size())}}));
  d.set("participants", events::TotalShown(total) ? f.Number(total) : fewer);
  return d;
}

Data IdeasByCategoryView(const Site& site, const i18n::LocaleInfo& locale,
                         const std::vector<store::IdeaView>& ideas, const std::string& edit_base) {
  const std::string& lang = locale.code;
  Data out(Data::type::list);
  for (std::string_view category : programme::kIdeaCategories) {
    Data list(Data::type::list);
    for (const auto& i : ideas) {
      if (i.category != category) continue;
      Data d(Data::type::object);
      d.set("title", site.TextData(i.title, locale));
      if (!i.description.text.empty()) d.set("idea_description", site.TextData(i.description, locale));
      d.set("status", site.Tr(lang, "ideas.status." + i.status));
      if (!i.event_id.empty()) {
        d.set("link_href", "/" + lang + "/events/" + i.event_id);
        d.set("link_text", site.TextData(i.event_title, locale));
      } else if (!i.service_id.empty()) {
        d.set("link_href", "/" + lang + "/services/" + i.service_id);
        d.set("link_text", site.TextData(i.service_name, locale));
      }
      if (!edit_base.empty()) d.set("edit_href", edit_base + i.id);
      list.push_back(d);
    }
    if (list.is_empty_list()) continue;
    Data c(Data::type::object);
    c.set("category", site.Tr(lang, "ideas.category." + std::string(category)));
    c.set("code", std::string(category));
    c.set("ideas", list);
    out.push_back(c);
  }
  return out;
}

Data GalleryView(const Site& site, const i18n::LocaleInfo& locale,
                 const std::vector<store::GalleryImage>& images, const std::string& edit_base) {
  Data list(Data::type::list);
  int number = 0;
  for (const auto& g : images) {
    Data d(Data::type::object);
    d.set("src", FileHref(g.file.StoredName()));
    d.set("alt", g.alt.text);
    // The text alternative may be in another language than the page (a fallback).
    if (!g.alt.locale.empty() && g.alt.locale != locale.code) d.set("alt_lang", g.alt.locale);
    if (g.file.width > 0) {
      d.set("width", std::to_string(g.file.width));
      d.set("height", std::to_string(g.file.height));
    }
    if (!g.caption.text.empty()) d.set("caption", site.TextData(g.caption, locale));
    d.set("number", std::to_string(++number));
    d.set("image_label", site.Tr(locale.code, "gallery.image_label", {{"number", number}}));
    d.set("is_first", number == 1);
    d.set("is_last", number == static_cast<int>(images.size()));
    if (!edit_base.empty()) {
      d.set("edit_href", edit_base + g.id);
      d.set("image_id", g.id);
    }
    list.push_back(d);
  }
  return list;
}

std::optional<Data> ContactPointsView(const store::ContactPoints& contact) {
  Data d(Data::type::object);
  bool any = false;
  if (!contact.phone.empty()) {
    d.set("phone", contact.phone);
    d.set("tel_href", TelHref(contact.phone));
    any = true;
  }
  if (!contact.email.empty() && contact.email.find('@') != std::string::npos) {
    d.set("email", contact.email);
    any = true;
  }
  if (const std::string href = contact.website.empty() ? "" : SafeWebHref(contact.website); !href.empty()) {
    d.set("web_href", href);
    d.set("web_label", contact.website);
    any = true;
  }
  if (!any) return std::nullopt;
  return d;
}

std::string InitiativeManagePath(const i18n::LocaleInfo& locale, std::string_view slug) {
  return ManagePath(locale, "/initiatives/" + std::string(slug));
}

std::string InitiativeTextLocale(const Site& site, std::string_view slug) {
  auto s = store::LoadInitiativeSource(*site.db().Read(), slug);
  return s ? s->source_locale : "lv";
}

}  // namespace tilti::web
