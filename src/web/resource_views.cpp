#include "web/resource_views.h"

#include "core/riga_time.h"
#include "events/event.h"
#include "store/attendance_store.h"
#include "web/form_view.h"

namespace tilti::web {

using namespace std::chrono;

std::string ResourcePath(std::string_view lang, std::string_view id) {
  return "/" + std::string(lang) + "/resources/" + std::string(id);
}

Data ResourceSummaryView(const Site& site, const i18n::LocaleInfo& locale,
                         const store::ResourceView& r) {
  Data d(Data::type::object);
  d.set("name", site.TextData(r.name, locale));
  d.set("href", ResourcePath(locale.code, r.id));
  d.set("kind", site.Tr(locale.code, "resources.kind." + std::string(bookings::ResourceKindName(r.kind))));
  d.set("library_name", site.TextData(r.library_name, locale));
  if (r.is_sample) d.set("sample", true);
  return d;
}

Data ResourceDetailView(const Site& site, const i18n::LocaleInfo& locale,
                        const store::ResourceView& r, bool library_has_page) {
  const std::string& lang = locale.code;
  Data d = ResourceSummaryView(site, locale, r);
  if (library_has_page) d.set("library_href", "/" + lang + "/libraries/" + r.library_slug);
  if (!r.description.text.empty()) d.set("description", site.TextData(r.description, locale));
  // The visual story: one step per line, in the language the text was found in.
  Data story(Data::type::list);
  size_t from = 0;
  const std::string& text = r.what_to_expect.text;
  while (from < text.size()) {
    size_t end = text.find('\n', from);
    if (end == std::string::npos) end = text.size();
    if (end > from) story.push_back(Data(text.substr(from, end - from)));
    from = end + 1;
  }
  d.set("story", story);
  d.set("has_story", !text.empty());
  d.set("story_lang", r.what_to_expect.locale);
  d.set("story_other_lang", !r.what_to_expect.locale.empty() && r.what_to_expect.locale != lang);
  d.set("capacity_text", site.Tr(lang, "resources.capacity_value", {{"count", r.capacity}}));
  std::string length = site.Tr(lang, "resources.length_value", {{"count", r.rules.slot_minutes}});
  if (r.rules.buffer_minutes > 0) {
    length += " " + site.Tr(lang, "resources.buffer_value", {{"count", r.rules.buffer_minutes}});
  }
  d.set("length_text", length);
  const int notice_hours = r.rules.min_notice_minutes / 60;
  d.set("rules_text",
        site.Tr(lang, "resources.rules_value",
                {{"days", r.rules.book_ahead_days}, {"hours", notice_hours},
                 {"minutes", r.rules.min_notice_minutes}}));
  std::string languages;
  for (const std::string& code : r.languages) {
    if (!languages.empty()) languages += ", ";
    languages += site.LanguageNameIn(code, lang);
  }
  if (!languages.empty()) d.set("languages", languages);
  Data features(Data::type::list);
  for (const LocalizedText& f : r.features) features.push_back(site.TextData(f, locale));
  d.set("features", features);
  d.set("has_features", !r.features.empty());
  // Quiet hours, said plainly.
  Data quiet(Data::type::list);
  const i18n::Formatter& f = site.FormatterFor(lang);
  for (const auto& p : r.periods) {
    if (!p.quiet) continue;
    const year_month_day monday = 2026y / January / 5;  // a Monday: only the weekday is used
    const SysTime day = FromRiga(AddDays(monday, p.weekday - 1), minutes{12 * 60});
    quiet.push_back(Data(f.Weekday(day) + " " + directory::FormatClockTime(p.opens_min) + "–" +
                         directory::FormatClockTime(p.closes_min)));
  }
  d.set("quiet", quiet);
  d.set("has_quiet", !quiet.is_empty_list());
  if (r.approval) d.set("approval", true);
  return d;
}

std::string DayLabel(const i18n::Formatter& f, year_month_day date) {
  const SysTime noon = FromRiga(date, minutes{12 * 60});
  return f.Weekday(noon) + ", " + f.LongDate(noon);
}

Data DayListView(const Site& site, const i18n::LocaleInfo& locale, const store::ResourceView& r,
                 const std::vector<store::DateFree>& days, const std::string& query) {
  const i18n::Formatter& f = site.FormatterFor(locale.code);
  Data list(Data::type::list);
  for (const store::DateFree& day : days) {
    Data d(Data::type::object);
    d.set("label", DayLabel(f, day.date));
    d.set("date", events::FormatDate(day.date));
    if (day.closed) {
      d.set("free_text", site.Tr(locale.code, "resources.day_none"));
    } else {
      d.set("day_href", ResourcePath(locale.code, r.id) + "/book?date=" + events::FormatDate(day.date) + query);
      d.set("free_text", site.Tr(locale.code, "resources.day_free", {{"count", day.slots_free}}));
    }
    list.push_back(d);
  }
  return list;
}

std::string SlotLabel(const Site& site, std::string_view lang, const store::SlotView& s) {
  const i18n::Formatter& f = site.FormatterFor(lang);
  const std::string time = f.Time(s.slot.starts_at) + "–" + f.Time(s.slot.ends_at);
  if (s.free <= 0) return site.Tr(lang, "resources.slot_full", {{"time", time}});
  return site.Tr(lang, "resources.slot_free", {{"time", time}, {"count", s.free}});
}


void TargetGroupField(const Site& site, const i18n::LocaleInfo& locale, FormView& form,
                      const std::string& selected) {
  FormField field;
  field.kind = FormField::Kind::kSelect;
  field.name = "target_group";
  field.label = site.Tr(locale.code, "bookings.target_group");
  field.hint = site.Tr(locale.code, "bookings.target_group_hint");
  field.optional = true;
  field.options.push_back({"", site.Tr(locale.code, "bookings.target_group_none"), selected.empty(), ""});
  for (const auto& g : store::TargetGroups(*site.db().Read(), site.Chain(locale))) {
    field.options.push_back({g.code, g.name.text, g.code == selected,
                             g.name.locale == locale.code ? "" : g.name.locale});
  }
  form.Add(std::move(field));
}

bool KnownTargetGroup(const Site& site, const std::string& code) {
  if (code.empty()) return true;
  for (const auto& g : store::TargetGroups(*site.db().Read(), {"en"})) {
    if (g.code == code) return true;
  }
  return false;
}

std::vector<std::string> InterpretedLanguages(const store::ResourceView& r) {
  std::vector<std::string> out;
  if (r.kind != bookings::ResourceKind::kInterpreterSession) return out;
  for (const std::string& code : r.languages) {
    if (code != "lv") out.push_back(code);
  }
  return out;
}

}  // namespace tilti::web
