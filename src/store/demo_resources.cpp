#include "store/demo_resources.h"

#include "bookings/slots.h"
#include "core/ids.h"
#include "directory/opening_hours.h"
#include "store/demo_json.h"

namespace tilti::store {
namespace {

using namespace demo_json;

// A field of the resource, or of its template when it has none.
const json::value& Field(const json::object& o, const json::object* tmpl, std::string_view key) {
  if (const json::value* v = o.if_contains(key)) return *v;
  if (tmpl) {
    if (const json::value* v = tmpl->if_contains(key)) return *v;
  }
  throw std::runtime_error("sample_resources.json: missing " + std::string(key) + " in " + Str(o, "key"));
}

void Translate(Connection& c, std::string_view entity, std::string_view id, std::string_view field,
               const json::object& texts, const std::string& now) {
  Statement& tr = c.Cached(
      "INSERT INTO translation (entity, entity_id, field, locale, value, source, outdated, "
      "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?7, 0, ?6) ON CONFLICT (entity, entity_id, "
      "field, locale) DO UPDATE SET value = excluded.value "
      "WHERE translation.value IS DISTINCT FROM excluded.value");
  // The Latvian text is the original (also in the record's own column); the rest are the
  // team's translations.
  for (const auto& [locale, text] : texts) {
    tr.Reset();
    tr.Bind(7, locale == "lv" ? "original" : "human");
    tr.Bind(1, entity).Bind(2, id).Bind(3, field).Bind(4, std::string_view(locale));
    tr.Bind(5, std::string_view(text.as_string())).Bind(6, now).Run();
  }
}

int Minutes(const json::value& v) {
  auto m = directory::ParseClockTime(v.as_string());
  if (!m) throw std::runtime_error("sample_resources.json: bad time " + std::string(v.as_string()));
  return *m;
}

}  // namespace

int LoadSampleResources(Database& db, std::string_view json_text, SysTime now) {
  json::value root;
  try {
    root = json::parse(json_text);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("sample_resources.json: ") + e.what());
  }
  const json::object& templates = root.at("templates").as_object();
  const std::string at = FormatRfc3339(now);
  int saved = 0;
  db.Write([&](Connection& c) {
    int position = 0;
    for (const json::value& v : root.at("resources").as_array()) {
      const json::object& o = v.as_object();
      const json::object* tmpl = nullptr;
      if (std::string t = Str(o, "template"); !t.empty()) tmpl = &templates.at(t).as_object();
      const std::string key = Str(o, "key");
      const std::string id = DeterministicUuid("resource:sample/" + key);
      std::string org, location;
      if (std::string slug = Str(o, "library"); !slug.empty()) {
        org = One(c, "SELECT id FROM organization WHERE slug = ?1", slug);
        if (!org.empty()) location = One(c, "SELECT id FROM location WHERE organization_id = ?1 ORDER BY id", org);
      } else {
        org = One(c, "SELECT id FROM organization WHERE slug = ?1", Str(o, "organization"));
        if (!org.empty()) {
          const json::object& own = o.at("own_location").as_object();
          const json::object& name = own.at("name").as_object();
          location = DeterministicUuid("location:sample/" + key);
          Statement st = c.Prepare(
              "INSERT INTO location (id, organization_id, name, municipality_id, source_locale, "
              "last_modified) VALUES (?1, ?2, ?3, ?4, 'lv', ?5) ON CONFLICT (id) DO UPDATE SET "
              "name = excluded.name, municipality_id = excluded.municipality_id");
          st.Bind(1, location).Bind(2, org).Bind(3, Str(name, "lv")).Bind(4, Str(own, "municipality"));
          st.Bind(5, at).Run();
          Translate(c, "location", location, "name", name, at);
        }
      }
      if (org.empty() || location.empty()) continue;  // a demo without that library
      const auto kind = bookings::ParseResourceKind(Str(o, "kind"));
      if (!kind) throw std::runtime_error("sample_resources.json: unknown kind in " + key);
      const json::object& name = Field(o, tmpl, "name").as_object();
      const json::object& description = Field(o, tmpl, "description").as_object();
      const json::object& expect = Field(o, tmpl, "what_to_expect").as_object();
      auto number = [&](std::string_view k) { return static_cast<int>(Field(o, tmpl, k).as_int64()); };
      Statement st = c.Prepare(
          "INSERT INTO resource (id, organization_id, location_id, kind, name, description, "
          "what_to_expect, source_locale, capacity, slot_minutes, buffer_minutes, book_ahead_days, "
          "min_notice_minutes, approval, is_sample, position, last_modified) VALUES (?1, ?2, ?3, "
          "?4, ?5, ?6, ?7, 'lv', ?8, ?9, ?10, ?11, ?12, ?13, 1, ?14, ?15) ON CONFLICT (id) DO "
          "UPDATE SET kind = excluded.kind, name = excluded.name, description = "
          "excluded.description, what_to_expect = excluded.what_to_expect, capacity = "
          "excluded.capacity, slot_minutes = excluded.slot_minutes, buffer_minutes = "
          "excluded.buffer_minutes, book_ahead_days = excluded.book_ahead_days, "
          "min_notice_minutes = excluded.min_notice_minutes, approval = excluded.approval");
      st.Bind(1, id).Bind(2, org).Bind(3, location).Bind(4, bookings::ResourceKindName(*kind));
      st.Bind(5, Str(name, "lv")).Bind(6, Str(description, "lv")).Bind(7, Str(expect, "lv"));
      st.Bind(8, number("capacity")).Bind(9, number("slot_minutes")).Bind(10, number("buffer_minutes"));
      st.Bind(11, number("book_ahead_days")).Bind(12, number("min_notice_minutes"));
      st.Bind(13, Field(o, tmpl, "approval").as_bool() ? 1 : 0).Bind(14, position++).Bind(15, at).Run();
      Translate(c, "resource", id, "name", name, at);
      Translate(c, "resource", id, "description", description, at);
      Translate(c, "resource", id, "what_to_expect", expect, at);
      Statement clear = c.Prepare(
          "DELETE FROM resource_hours WHERE resource_id = ?1");
      clear.Bind(1, id).Run();
      Statement hours = c.Prepare(
          "INSERT INTO resource_hours (resource_id, weekday, opens_min, closes_min, quiet) VALUES (?1, ?2, ?3, ?4, ?5)");
      for (const auto& [list, quiet] : {std::pair{"hours", 0}, std::pair{"quiet", 1}}) {
        for (const json::value& h : Field(o, tmpl, list).as_array()) {
          const json::array& a = h.as_array();
          hours.Reset();
          hours.Bind(1, id).Bind(2, static_cast<int>(a.at(0).as_int64())).Bind(3, Minutes(a.at(1)));
          hours.Bind(4, Minutes(a.at(2))).Bind(5, quiet).Run();
        }
      }
      Statement langs = c.Prepare("DELETE FROM resource_language WHERE resource_id = ?1");
      langs.Bind(1, id).Run();
      Statement lang = c.Prepare("INSERT INTO resource_language (resource_id, language_code) VALUES (?1, ?2)");
      for (const json::value& l : Field(o, tmpl, "languages").as_array()) {
        lang.Reset();
        lang.Bind(1, id).Bind(2, std::string_view(l.as_string())).Run();
      }
      Statement feats = c.Prepare("DELETE FROM resource_feature WHERE resource_id = ?1");
      feats.Bind(1, id).Run();
      Statement feat = c.Prepare("INSERT INTO resource_feature (resource_id, taxonomy_term_id) VALUES (?1, ?2)");
      for (const json::value& f : Field(o, tmpl, "features").as_array()) {
        feat.Reset();
        feat.Bind(1, id).Bind(2, TermId(c, "accessibility", f.as_string())).Run();
      }
      ++saved;
    }
  });
  return saved;
}

}  // namespace tilti::store
