#include "store/demo_training.h"

#include <boost/json.hpp>
#include <stdexcept>

#include "core/ids.h"
#include "store/demo_json.h"
#include "store/translation_store.h"

namespace tilti::store {
namespace {

namespace json = boost::json;
using demo_json::Str;

constexpr std::string_view kSource = "lv";

// Every locale's text of `field`: the source (lv) as the 'original' row, the others as the
// team's own translations ('human'), as migration 0002 does for taxonomy terms.
void WriteTexts(Connection& c, std::string_view entity, const std::string& id,
                std::string_view field, const json::object& texts, std::string_view now) {
  for (const auto& [locale, value] : texts) {
    if (!value.is_string() || value.as_string().empty()) continue;
    if (locale == kSource) {
      WriteOriginal(c, entity, id, field, kSource, std::string(value.as_string()), now);
      continue;
    }
    Statement st = c.Prepare(
        "INSERT INTO translation (entity, entity_id, field, locale, value, source, outdated, "
        "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'human', 0, ?6) "
        "ON CONFLICT (entity, entity_id, field, locale) DO UPDATE SET value = excluded.value, "
        "updated_at = excluded.updated_at WHERE translation.value IS DISTINCT FROM excluded.value");
    st.Bind(1, entity).Bind(2, id).Bind(3, field).Bind(4, std::string_view(locale));
    st.Bind(5, std::string(value.as_string())).Bind(6, now).Run();
  }
}

std::string Lv(const json::object& texts, std::string_view what) {
  std::string s = Str(texts, kSource);
  if (s.empty())
    throw std::runtime_error("training.json: " + std::string(what) + " has no lv text");
  return s;
}

}  // namespace

int LoadSampleTraining(Database& db, std::string_view json_text, std::string_view now) {
  json::value root;
  try {
    root = json::parse(json_text);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("training.json: ") + e.what());
  }
  int saved = 0;
  db.Write([&](Connection& c) {
    for (const json::value& mv : root.at("modules").as_array()) {
      const json::object& m = mv.as_object();
      const std::string mkey = Str(m, "key");
      const std::string mid = DeterministicUuid("training_module:sample/" + mkey);
      const json::object& title = m.at("title").as_object();
      const json::object& summary = m.at("summary").as_object();
      Statement st = c.Prepare(
          "INSERT INTO training_module (id, slug, position, title, summary, source_locale, "
          "is_sample, created, last_modified) VALUES (?1, ?2, ?3, ?4, ?5, 'lv', 1, ?6, ?6) "
          "ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, position = excluded.position, "
          "title = excluded.title, summary = excluded.summary, last_modified = "
          "excluded.last_modified "
          "WHERE (training_module.slug, training_module.position, training_module.title, "
          "training_module.summary) IS DISTINCT FROM "
          "(excluded.slug, excluded.position, excluded.title, excluded.summary)");
      st.Bind(1, mid).Bind(2, Str(m, "slug")).Bind(3, m.at("position").as_int64());
      st.Bind(4, Lv(title, mkey)).Bind(5, Str(summary, kSource)).Bind(6, now).Run();
      WriteTexts(c, "training_module", mid, "title", title, now);
      WriteTexts(c, "training_module", mid, "summary", summary, now);
      int64_t lesson_position = 0;
      for (const json::value& lv : m.at("lessons").as_array()) {
        const json::object& l = lv.as_object();
        const std::string lkey = mkey + "/" + Str(l, "key");
        const std::string lid = DeterministicUuid("training_lesson:sample/" + lkey);
        const json::object& ltitle = l.at("title").as_object();
        const json::object& body = l.at("body").as_object();
        Statement ls = c.Prepare(
            "INSERT INTO training_lesson (id, module_id, position, title, body, source_locale, "
            "created, last_modified) VALUES (?1, ?2, ?3, ?4, ?5, 'lv', ?6, ?6) "
            "ON CONFLICT (id) DO UPDATE SET position = excluded.position, title = excluded.title, "
            "body = excluded.body, last_modified = excluded.last_modified "
            "WHERE (training_lesson.position, training_lesson.title, training_lesson.body) "
            "IS DISTINCT FROM (excluded.position, excluded.title, "
            "excluded.body)");
        ls.Bind(1, lid).Bind(2, mid).Bind(3, ++lesson_position).Bind(4, Lv(ltitle, lkey));
        ls.Bind(5, Lv(body, lkey)).Bind(6, now).Run();
        WriteTexts(c, "training_lesson", lid, "title", ltitle, now);
        WriteTexts(c, "training_lesson", lid, "body", body, now);
        int64_t question_position = 0;
        for (const json::value& qv : l.at("questions").as_array()) {
          const json::object& q = qv.as_object();
          const std::string qkey = lkey + "/" + Str(q, "key");
          const std::string qid = DeterministicUuid("training_question:sample/" + qkey);
          const json::object& prompt = q.at("prompt").as_object();
          Statement qs = c.Prepare(
              "INSERT INTO training_question (id, lesson_id, position, prompt, source_locale, "
              "created, last_modified) VALUES (?1, ?2, ?3, ?4, 'lv', ?5, ?5) "
              "ON CONFLICT (id) DO UPDATE SET position = excluded.position, "
              "prompt = excluded.prompt, last_modified = excluded.last_modified "
              "WHERE (training_question.position, training_question.prompt) IS DISTINCT FROM "
              "(excluded.position, excluded.prompt)");
          qs.Bind(1, qid).Bind(2, lid).Bind(3, ++question_position).Bind(4, Lv(prompt, qkey));
          qs.Bind(5, now).Run();
          WriteTexts(c, "training_question", qid, "prompt", prompt, now);
          int64_t choice_position = 0;
          for (const json::value& cv : q.at("choices").as_array()) {
            const json::object& ch = cv.as_object();
            ++choice_position;
            const std::string cid = DeterministicUuid("training_choice:sample/" + qkey + "/" +
                                                      std::to_string(choice_position));
            const json::object& label = ch.at("label").as_object();
            const json::object& feedback = ch.at("feedback").as_object();
            Statement cs = c.Prepare(
                "INSERT INTO training_choice (id, question_id, position, label, is_right, "
                "feedback, source_locale) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'lv') "
                "ON CONFLICT (id) DO UPDATE SET label = excluded.label, "
                "is_right = excluded.is_right, feedback = excluded.feedback");
            cs.Bind(1, cid).Bind(2, qid).Bind(3, choice_position).Bind(4, Lv(label, qkey));
            cs.Bind(5, ch.at("right").as_bool() ? 1 : 0).Bind(6, Str(feedback, kSource)).Run();
            WriteTexts(c, "training_choice", cid, "label", label, now);
            WriteTexts(c, "training_choice", cid, "feedback", feedback, now);
          }
        }
      }
      ++saved;
    }
  });
  return saved;
}

}  // namespace tilti::store
