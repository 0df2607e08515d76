#include "store/demo_guides.h"

#include "core/ids.h"
#include "store/demo_json.h"
#include "store/guide_store.h"

namespace tilti::store {

using namespace demo_json;

int LoadDemoGuides(Database& db, std::string_view json_text, SysTime now) {
  std::vector<GuideSource> guides;
  try {
    const json::value root = json::parse(json_text);
    for (const auto& v : root.as_object().at("guides").as_array()) {
      const json::object& o = v.as_object();
      GuideSource g;
      g.slug = Str(o, "slug");
      g.id = DeterministicUuid("guide:" + g.slug);
      g.source_locale = Str(o, "source_locale");
      g.topic = Str(o, "topic");
      g.position = o.at("position").as_int64();
      g.published = o.at("published").as_bool();
      g.title = Str(o, "title");
      g.summary = Str(o, "summary");
      g.body = Str(o, "body");
      if (g.slug.empty() || g.title.empty() || g.body.empty()) {
        throw std::runtime_error("a guide needs a slug, a title and a body");
      }
      guides.push_back(std::move(g));
    }
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("guides.json: ") + e.what());
  }
  const std::string at = FormatRfc3339(now);
  return db.Write([&](Connection& c) {
    int added = 0;
    for (const GuideSource& g : guides) {
      if (LoadGuideBySlug(c, g.slug)) continue;
      SaveGuide(c, g, at);
      ++added;
    }
    return added;
  });
}

}  // namespace tilti::store
