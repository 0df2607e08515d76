#include "store/demo_practices.h"

#include "store/demo_json.h"
#include "store/practice_store.h"

namespace tilti::store {

using namespace demo_json;

int LoadDemoPractices(Database& db, std::string_view json_text, SysTime now) {
  json::value root;
  try {
    root = json::parse(json_text);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("practices.json: ") + e.what());
  }
  const std::string at = FormatRfc3339(now);
  int count = 0;
  db.Write([&](Connection& c) {
    for (const json::value& v : root.at("practices").as_array()) {
      const json::object& o = v.as_object();
      ++count;
      PracticeSource p;
      p.slug = Str(o, "slug");
      if (LoadPractice(c, p.slug)) continue;
      p.organization_id = One(c, "SELECT id FROM organization WHERE slug = ?1", Str(o, "library"));
      if (p.organization_id.empty()) throw std::runtime_error("practices.json: no library " + Str(o, "library"));
      p.status = "published";
      p.published_at = at;
      p.source_locale = "lv";
      p.country = Str(o, "country");
      p.category = Str(o, "category");
      p.source_note = Str(o, "source");
      p.is_sample = o.contains("sample") && o.at("sample").as_bool();
      for (const std::string& code : Strings(o, "target_groups")) p.target_group_ids.push_back(TermId(c, "target-group", code));
      p.title = Str(o, "title");
      p.problem = Str(o, "problem");
      p.audience = Str(o, "audience");
      p.what_done = Str(o, "what_done");
      p.cost = Str(o, "cost");
      p.results = Str(o, "results");
      p.watch_out = Str(o, "watch_out");
      SavePractice(c, p, at);
    }
  });
  return count;
}

}  // namespace tilti::store
