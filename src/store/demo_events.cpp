#include "store/demo_events.h"

#include <boost/json.hpp>
#include <stdexcept>

#include "core/ids.h"
#include "core/time_zone.h"
#include "events/recurrence.h"
#include "store/event_store.h"
#include "store/demo_json.h"
#include "store/translation_store.h"

namespace tilti::store {
namespace {

namespace json = boost::json;
using namespace std::chrono;
using namespace demo_json;

// The first date after `today` on ISO weekday `weekday`.
year_month_day NextWeekday(year_month_day today, int weekday) {
  year_month_day d = AddDays(today, 1);
  while (IsoWeekday(d) != weekday) d = AddDays(d, 1);
  return d;
}

}  // namespace

int LoadSampleEvents(Database& db, std::string_view json_text, SysTime now) {
  json::value root;
  try {
    root = json::parse(json_text);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("sample_events.json: ") + e.what());
  }
  const TimeZone riga;
  const year_month_day today = riga.LocalDate(now);
  const Author demo{"", "demo"};
  int saved = 0;
  db.Write([&](Connection& c) {
    for (const json::value& v : root.at("events").as_array()) {
      const json::object& o = v.as_object();
      EventRecord e;
      e.organization_id = One(c, "SELECT id FROM organization WHERE slug = ?1", Str(o, "library"));
      if (e.organization_id.empty()) continue;  // a demo without that library
      e.id = DeterministicUuid("event:sample/" + Str(o, "key"));
      if (!o.contains("online_only")) {
        e.location_id = One(c, "SELECT id FROM location WHERE organization_id = ?1 ORDER BY id",
                            e.organization_id);
        if (e.location_id->empty()) e.location_id.reset();
      }
      if (std::string url = Str(o, "online_url"); !url.empty()) e.online_url = url;
      const json::object& title = o.at("title").as_object();
      const json::object& description = o.at("description").as_object();
      e.title = Str(title, "lv");
      e.description = Str(description, "lv");
      e.source_locale = "lv";
      e.category_id = TermId(c, "event-category", Str(o, "category"));
      for (const auto& a : Strings(o, "audiences")) e.audience_ids.push_back(TermId(c, "target-group", a));
      e.spoken_languages = Strings(o, "languages");
      e.interpreted_languages = Strings(o, "interpreted");
      e.registration = events::ParseRegistrationMode(Str(o, "registration"))
                           .value_or(events::RegistrationMode::kNone);
      if (const json::value* cap = o.if_contains("capacity")) e.capacity = static_cast<int>(cap->as_int64());
      e.is_sample = true;
      const int weekday = static_cast<int>(o.at("weekday").as_int64());
      e.series.first = events::LocalStart{NextWeekday(today, weekday),
                                          events::ParseTimeOfDay(Str(o, "start_time")).value()};
      e.series.duration_minutes = static_cast<int>(o.at("duration_minutes").as_int64());
      if (const json::value* r = o.if_contains("rule")) {
        const json::object& rule = r->as_object();
        events::SimpleRule simple;
        simple.frequency = Str(rule, "frequency");
        if (const json::value* days = rule.if_contains("weekdays")) {
          for (const auto& d : days->as_array()) simple.weekdays.push_back(static_cast<int>(d.as_int64()));
        }
        if (const json::value* n = rule.if_contains("interval")) simple.interval = static_cast<int>(n->as_int64());
        const int months = static_cast<int>(rule.at("months").as_int64());
        year_month_day until = e.series.first.date + std::chrono::months{months};
        if (!until.ok()) until = until.year() / until.month() / last;
        simple.until = until;
        e.series.rrule = events::BuildRule(simple, e.series, riga);
      }
      // Loading again the same day changes nothing (SaveEvent writes nothing when nothing
      // differs); on a later day the dates move on, as a change with a new SEQUENCE.
      SaveEvent(c, e, demo, now);
      const std::string now_text = FormatRfc3339(now);
      Statement& tr = c.Cached(
          "INSERT INTO translation (entity, entity_id, field, locale, value, source, outdated, "
          "updated_at) VALUES ('event', ?1, ?2, ?3, ?4, 'human', 0, ?5) ON CONFLICT (entity, "
          "entity_id, field, locale) DO UPDATE SET value = excluded.value "
          "WHERE translation.source <> 'original' "
          "AND translation.value IS DISTINCT FROM excluded.value");
      for (const auto& [field, texts] : {std::pair{"title", &title}, std::pair{"description", &description}}) {
        for (const auto& [locale, text] : *texts) {
          if (locale == "lv") continue;
          tr.Reset();
          tr.Bind(1, e.id).Bind(2, field).Bind(3, std::string_view(locale)).Bind(4, std::string_view(text.as_string()))
              .Bind(5, now_text).Run();
        }
      }
      ++saved;
    }
  });
  return saved;
}

}  // namespace tilti::store
