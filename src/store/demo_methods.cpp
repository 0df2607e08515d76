#include "store/demo_methods.h"

#include "core/ids.h"
#include "store/demo_json.h"
#include "store/translation_store.h"

namespace tilti::store {

using namespace demo_json;

int LoadDemoMethods(Database& db, std::string_view json_text, SysTime now) {
  json::value root;
  try {
    root = json::parse(json_text);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("methods.json: ") + e.what());
  }
  const std::string at = FormatRfc3339(now);
  int count = 0;
  db.Write([&](Connection& c) {
    Statement doc = c.Prepare(
        "INSERT INTO method_document (id, slug, topic, source_locale, title, summary, source_note, "
        "last_modified) VALUES (?1, ?2, ?3, 'lv', ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING");
    Statement ver = c.Prepare(
        "INSERT INTO method_version (id, document_id, number, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (id) DO NOTHING");
    for (const json::value& v : root.at("documents").as_array()) {
      const json::object& o = v.as_object();
      const std::string key = Str(o, "key");
      const std::string id = DeterministicUuid("method-document:" + key);
      const std::string title = Str(o.at("title").as_object(), "lv");
      const std::string summary = Str(o.at("summary").as_object(), "lv");
      doc.Bind(1, id).Bind(2, key).Bind(3, Str(o, "topic")).Bind(4, title).Bind(5, summary);
      doc.Bind(6, Str(o, "source")).Bind(7, at).Run();
      doc.Reset();
      WriteOriginal(c, "method_document", id, "title", "lv", title, at);
      WriteOriginal(c, "method_document", id, "summary", "lv", summary, at);
      int64_t number = 0;
      for (const json::value& x : o.at("versions").as_array()) {
        const std::string vid = DeterministicUuid("method-version:" + key + ":" + std::to_string(++number));
        const std::string body = Str(x.as_object().at("body").as_object(), "lv");
        ver.Bind(1, vid).Bind(2, id).Bind(3, number).Bind(4, body).Bind(5, at).Run();
        ver.Reset();
        WriteOriginal(c, "method_version", vid, "body", "lv", body, at);
      }
      ++count;
    }
  });
  return count;
}

}  // namespace tilti::store
