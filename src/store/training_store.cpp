#include "store/training_store.h"

#include <set>
#include <sstream>

#include "core/ids.h"
#include "store/localized_sql.h"
#include "store/translation_store.h"

namespace tilti::store {
namespace {

std::string Text(std::string_view entity, std::string_view alias, std::string_view field) {
  const std::string a(alias);
  return BestText(entity, a + ".id", field, a + "." + std::string(field), a + ".source_locale");
}

std::vector<std::string> SplitIds(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  for (std::string id; in >> id;) out.push_back(id);
  return out;
}

// What decides a module's progress for one account. `done` holds the lessons that count as done
// (knowledge::LessonsDone), not merely those recorded.
struct ProgressFacts {
  std::vector<knowledge::OrderKey> lessons;
  std::map<std::string, std::vector<std::string>> questions_of;  // lesson id -> question ids
  std::vector<std::string> question_ids;
  std::set<std::string> done, right;
};

ProgressFacts FactsOf(Connection& c, std::string_view account_id, std::string_view module_id) {
  ProgressFacts f;
  {
    Statement st =
        c.Prepare("SELECT id, position, created FROM training_lesson WHERE module_id = ?1");
    st.Bind(1, module_id);
    while (st.Step()) f.lessons.push_back({st.Text(0), st.Int(1), st.Text(2)});
  }
  std::map<std::string, knowledge::QuestionKey> keys;
  {
    Statement st = c.Prepare(
        "SELECT q.id, q.lesson_id, ch.id, ch.is_right FROM training_question q "
        "JOIN training_lesson l ON l.id = q.lesson_id "
        "LEFT JOIN training_choice ch ON ch.question_id = q.id "
        "WHERE l.module_id = ?1 ORDER BY q.id, ch.position");
    st.Bind(1, module_id);
    while (st.Step()) {
      const std::string qid = st.Text(0);
      auto [it, fresh] = keys.try_emplace(qid);
      if (fresh) {
        it->second.id = qid;
        f.question_ids.push_back(qid);
        f.questions_of[st.Text(1)].push_back(qid);
      }
      if (!st.IsNull(2)) {
        it->second.choice_ids.push_back(st.Text(2));
        if (st.Int(3) != 0) it->second.right_ids.insert(st.Text(2));
      }
    }
  }
  {
    Statement st = c.Prepare(
        "SELECT a.question_id, a.choice_ids FROM training_answer a "
        "JOIN training_question q ON q.id = a.question_id "
        "JOIN training_lesson l ON l.id = q.lesson_id WHERE l.module_id = ?1 AND a.account_id = "
        "?2");
    st.Bind(1, module_id).Bind(2, account_id);
    while (st.Step()) {
      auto it = keys.find(st.Text(0));
      if (it == keys.end()) continue;
      const auto ids = SplitIds(st.TextView(1));
      if (knowledge::IsRight(it->second, std::set<std::string>(ids.begin(), ids.end()))) {
        f.right.insert(it->first);
      }
    }
  }
  {
    Statement st = c.Prepare(
        "SELECT d.lesson_id FROM training_lesson_done d JOIN training_lesson l ON l.id = "
        "d.lesson_id "
        "WHERE l.module_id = ?1 AND d.account_id = ?2");
    st.Bind(1, module_id).Bind(2, account_id);
    std::set<std::string> recorded;
    while (st.Step()) recorded.insert(st.Text(0));
    f.done = knowledge::LessonsDone(recorded, f.questions_of, f.right);
  }
  return f;
}

knowledge::ModuleProgress ProgressOf(const ProgressFacts& f) {
  std::vector<std::string> lesson_ids;
  for (const auto& l : f.lessons) lesson_ids.push_back(l.id);
  return knowledge::ProgressOf(lesson_ids, f.done, f.question_ids, f.right);
}

std::string CompletedAt(Connection& c, std::string_view account_id, std::string_view module_id) {
  Statement st = c.Prepare(
      "SELECT completed_at FROM training_completion WHERE account_id = ?1 AND module_id = ?2");
  st.Bind(1, account_id).Bind(2, module_id);
  return st.Step() ? st.Text(0) : std::string();
}

// Whether `sql` (with one or two parameters) finds a row.
bool Exists(Connection& c, std::string_view sql, std::string_view a,
            std::optional<std::string_view> b = std::nullopt) {
  Statement st = c.Prepare(sql);
  st.Bind(1, a);
  if (b) st.Bind(2, *b);
  return st.Step();
}

// The position after the last of the positions `sql` lists (for the parent bound at ?1, if any).
int64_t LastPositionPlusOne(Connection& c, std::string_view sql,
                            std::optional<std::string_view> parent = std::nullopt) {
  Statement st = c.Prepare(sql);
  if (parent) st.Bind(1, *parent);
  std::vector<int64_t> positions;
  while (st.Step()) positions.push_back(st.Int(0));
  return knowledge::NextPosition(positions);
}

}  // namespace

knowledge::QuestionKey TrainingQuestionView::Key() const {
  knowledge::QuestionKey k;
  k.id = id;
  for (const auto& ch : choices) {
    k.choice_ids.push_back(ch.id);
    if (ch.right) k.right_ids.insert(ch.id);
  }
  return k;
}

std::vector<TrainingModuleSummary> TrainingModules(Connection& c, std::string_view account_id,
                                                   const LocaleChain& chain) {
  static const std::string sql =
      "SELECT m.id, m.slug, " + Text("training_module", "m", "title") + ", " +
      Text("training_module", "m", "summary") +
      ", m.is_sample FROM training_module m ORDER BY m.position, m.title";
  std::vector<TrainingModuleSummary> out;
  {
    Statement st = c.Prepare(sql);
    BindChain(st, chain);
    while (st.Step()) {
      TrainingModuleSummary m;
      m.id = st.Text(0);
      m.slug = st.Text(1);
      m.title = SplitLocalized(st.TextView(2));
      m.summary = SplitLocalized(st.TextView(3));
      m.is_sample = st.Int(4) != 0;
      out.push_back(std::move(m));
    }
  }
  for (auto& m : out) {
    m.progress = ProgressOf(FactsOf(c, account_id, m.id));
    m.completed_at = CompletedAt(c, account_id, m.id);
  }
  return out;
}

std::optional<TrainingModuleDetail> LoadTrainingModule(Connection& c, std::string_view slug,
                                                       std::string_view account_id,
                                                       const LocaleChain& chain) {
  static const std::string sql =
      "SELECT m.id, m.slug, m.source_locale, " + Text("training_module", "m", "title") + ", " +
      Text("training_module", "m", "summary") +
      ", m.title, m.summary, m.position, m.is_sample FROM training_module m WHERE m.slug = ?4";
  TrainingModuleDetail d;
  {
    Statement st = c.Prepare(sql);
    BindChain(st, chain);
    st.Bind(4, slug);
    if (!st.Step()) return std::nullopt;
    d.id = st.Text(0);
    d.slug = st.Text(1);
    d.source_locale = st.Text(2);
    d.title = SplitLocalized(st.TextView(3));
    d.summary = SplitLocalized(st.TextView(4));
    d.source_title = st.Text(5);
    d.source_summary = st.Text(6);
    d.position = st.Int(7);
    d.is_sample = st.Int(8) != 0;
  }
  const ProgressFacts facts = FactsOf(c, account_id, d.id);
  d.progress = ProgressOf(facts);
  d.completed_at = CompletedAt(c, account_id, d.id);
  static const std::string lesson_sql =
      "SELECT l.id, " + Text("training_lesson", "l", "title") +
      ", l.position FROM training_lesson l WHERE l.module_id = ?4";
  std::map<std::string, TrainingLessonSummary> by_id;
  {
    Statement st = c.Prepare(lesson_sql);
    BindChain(st, chain);
    st.Bind(4, d.id);
    while (st.Step()) {
      TrainingLessonSummary l;
      l.id = st.Text(0);
      l.title = SplitLocalized(st.TextView(1));
      l.position = st.Int(2);
      auto q = facts.questions_of.find(l.id);
      l.questions = q == facts.questions_of.end() ? 0 : static_cast<int64_t>(q->second.size());
      l.done = facts.done.contains(l.id);
      by_id.emplace(l.id, std::move(l));
    }
  }
  for (const std::string& id : knowledge::Ordered(facts.lessons)) {
    if (auto it = by_id.find(id); it != by_id.end()) d.lessons.push_back(std::move(it->second));
  }
  return d;
}

std::optional<TrainingLessonDetail> LoadTrainingLesson(Connection& c, std::string_view module_id,
                                                       std::string_view lesson_id,
                                                       const LocaleChain& chain) {
  static const std::string sql = "SELECT l.id, l.module_id, l.source_locale, l.title, l.body, " +
                                 Text("training_lesson", "l", "title") + ", " +
                                 Text("training_lesson", "l", "body") +
                                 ", l.position FROM training_lesson l WHERE l.id = ?4 AND "
                                 "l.module_id = ?5";
  TrainingLessonDetail d;
  {
    Statement st = c.Prepare(sql);
    BindChain(st, chain);
    st.Bind(4, lesson_id).Bind(5, module_id);
    if (!st.Step()) return std::nullopt;
    d.id = st.Text(0);
    d.module_id = st.Text(1);
    d.source_locale = st.Text(2);
    d.source_title = st.Text(3);
    d.source_body = st.Text(4);
    d.title = SplitLocalized(st.TextView(5));
    d.body = SplitLocalized(st.TextView(6));
    d.position = st.Int(7);
  }
  static const std::string question_sql =
      "SELECT q.id, q.source_locale, q.prompt, " + Text("training_question", "q", "prompt") +
      ", q.position, q.created FROM training_question q WHERE q.lesson_id = ?4";
  std::vector<knowledge::OrderKey> order;
  std::map<std::string, TrainingQuestionView> by_id;
  {
    Statement st = c.Prepare(question_sql);
    BindChain(st, chain);
    st.Bind(4, d.id);
    while (st.Step()) {
      TrainingQuestionView q;
      q.id = st.Text(0);
      q.source_locale = st.Text(1);
      q.source_prompt = st.Text(2);
      q.prompt = SplitLocalized(st.TextView(3));
      q.position = st.Int(4);
      order.push_back({q.id, q.position, st.Text(5)});
      by_id.emplace(q.id, std::move(q));
    }
  }
  static const std::string choice_sql =
      "SELECT ch.id, " + Text("training_choice", "ch", "label") + ", " +
      Text("training_choice", "ch", "feedback") +
      ", ch.label, ch.feedback, ch.is_right FROM training_choice ch WHERE ch.question_id = ?4 "
      "ORDER BY ch.position";
  for (const std::string& id : knowledge::Ordered(order)) {
    TrainingQuestionView q = std::move(by_id.at(id));
    Statement st = c.Prepare(choice_sql);
    BindChain(st, chain);
    st.Bind(4, q.id);
    while (st.Step()) {
      TrainingChoiceView ch;
      ch.id = st.Text(0);
      ch.label = SplitLocalized(st.TextView(1));
      ch.feedback = SplitLocalized(st.TextView(2));
      ch.source_label = st.Text(3);
      ch.source_feedback = st.Text(4);
      ch.right = st.Int(5) != 0;
      q.choices.push_back(std::move(ch));
    }
    d.questions.push_back(std::move(q));
  }
  return d;
}

std::map<std::string, std::vector<std::string>> AnswersTo(Connection& c,
                                                          std::string_view account_id,
                                                          std::string_view lesson_id) {
  Statement st = c.Prepare(
      "SELECT a.question_id, a.choice_ids FROM training_answer a JOIN training_question q ON "
      "q.id = a.question_id WHERE q.lesson_id = ?1 AND a.account_id = ?2");
  st.Bind(1, lesson_id).Bind(2, account_id);
  std::map<std::string, std::vector<std::string>> out;
  while (st.Step()) out[st.Text(0)] = SplitIds(st.TextView(1));
  return out;
}

Result<LessonOutcome> RecordLessonAnswers(
    Connection& c, std::string_view account_id, std::string_view module_id,
    std::string_view lesson_id, const std::map<std::string, std::vector<std::string>>& picked,
    std::string_view now) {
  auto lesson = LoadTrainingLesson(c, module_id, lesson_id, {});
  if (!lesson) return Error{ErrorCode::kNotFound, "training lesson of another module"};
  std::vector<knowledge::QuestionKey> keys;
  for (const auto& q : lesson->questions) keys.push_back(q.Key());
  LessonOutcome out;
  out.check = knowledge::CheckLesson(keys, picked);
  Statement keep = c.Prepare(
      "INSERT INTO training_answer (account_id, question_id, choice_ids, answered_at) "
      "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (account_id, question_id) DO UPDATE SET "
      "choice_ids = excluded.choice_ids, answered_at = excluded.answered_at");
  for (const auto& [qid, ids] : out.check.picked) {
    if (ids.empty()) continue;  // unanswered: the answer given before (if any) stays
    std::string joined;
    for (const auto& id : ids) joined += (joined.empty() ? "" : " ") + id;
    keep.Bind(1, account_id).Bind(2, qid).Bind(3, joined).Bind(4, now).Run();
    keep.Reset();
  }
  out.lesson_done = out.check.all_right;
  if (out.lesson_done) {
    Statement st = c.Prepare(
        "INSERT INTO training_lesson_done (account_id, lesson_id, done_at) "
        "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
    st.Bind(1, account_id).Bind(2, lesson_id).Bind(3, now).Run();
  } else {
    Statement st =
        c.Prepare("DELETE FROM training_lesson_done WHERE account_id = ?1 AND lesson_id = ?2");
    st.Bind(1, account_id).Bind(2, lesson_id).Run();
  }
  const bool was_completed = !CompletedAt(c, account_id, module_id).empty();
  if (!was_completed && ProgressOf(FactsOf(c, account_id, module_id)).complete) {
    Statement st = c.Prepare(
        "INSERT INTO training_completion (account_id, module_id, completed_at) VALUES (?1, ?2, "
        "?3)");
    st.Bind(1, account_id).Bind(2, module_id).Bind(3, now).Run();
    out.completed_now = true;
  }
  out.module_completed = was_completed || out.completed_now;
  return out;
}

Result<std::string> SaveTrainingModule(Connection& c, std::string_view id,
                                       const knowledge::ModuleValues& v,
                                       std::string_view source_locale, std::string_view now) {
  std::string mid(id);
  std::string locale(source_locale);
  if (id.empty()) {
    if (Exists(c, "SELECT 1 FROM training_module WHERE slug = ?1", v.slug)) {
      return Error{ErrorCode::kInvalidInput,
                   "training module slug taken",
                   {{"slug", "training.error.slug_taken"}}};
    }
    mid = RandomUuid();
    const int64_t position =
        v.position.value_or(LastPositionPlusOne(c, "SELECT position FROM training_module"));
    Statement st = c.Prepare(
        "INSERT INTO training_module (id, slug, position, title, summary, source_locale, created, "
        "last_modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)");
    st.Bind(1, mid).Bind(2, v.slug).Bind(3, position).Bind(4, v.title).Bind(5, v.summary);
    st.Bind(6, locale).Bind(7, now).Run();
  } else {
    Statement find = c.Prepare("SELECT source_locale, position FROM training_module WHERE id = ?1");
    find.Bind(1, id);
    if (!find.Step()) return Error{ErrorCode::kNotFound, "no such training module"};
    locale = find.Text(0);
    const int64_t position = v.position.value_or(find.Int(1));
    Statement st = c.Prepare(
        "UPDATE training_module SET title = ?2, summary = ?3, position = ?4, last_modified = ?5 "
        "WHERE id = ?1");
    st.Bind(1, id).Bind(2, v.title).Bind(3, v.summary).Bind(4, position).Bind(5, now).Run();
  }
  WriteOriginal(c, "training_module", mid, "title", locale, v.title, now);
  WriteOriginal(c, "training_module", mid, "summary", locale, v.summary, now);
  return mid;
}

Result<std::string> SaveTrainingLesson(Connection& c, std::string_view module_id,
                                       std::string_view id, const knowledge::LessonValues& v,
                                       std::string_view source_locale, std::string_view now) {
  std::string lid(id);
  std::string locale(source_locale);
  if (id.empty()) {
    if (!Exists(c, "SELECT 1 FROM training_module WHERE id = ?1", module_id)) {
      return Error{ErrorCode::kNotFound, "no such training module"};
    }
    lid = RandomUuid();
    const int64_t position = v.position.value_or(LastPositionPlusOne(
        c, "SELECT position FROM training_lesson WHERE module_id = ?1", module_id));
    Statement st = c.Prepare(
        "INSERT INTO training_lesson (id, module_id, position, title, body, source_locale, "
        "created, last_modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)");
    st.Bind(1, lid).Bind(2, module_id).Bind(3, position).Bind(4, v.title).Bind(5, v.body);
    st.Bind(6, locale).Bind(7, now).Run();
  } else {
    Statement find = c.Prepare(
        "SELECT source_locale, position FROM training_lesson WHERE id = ?1 AND module_id = ?2");
    find.Bind(1, id).Bind(2, module_id);
    if (!find.Step()) return Error{ErrorCode::kNotFound, "training lesson of another module"};
    locale = find.Text(0);
    const int64_t position = v.position.value_or(find.Int(1));
    Statement st = c.Prepare(
        "UPDATE training_lesson SET title = ?2, body = ?3, position = ?4, last_modified = ?5 "
        "WHERE id = ?1");
    st.Bind(1, id).Bind(2, v.title).Bind(3, v.body).Bind(4, position).Bind(5, now).Run();
  }
  WriteOriginal(c, "training_lesson", lid, "title", locale, v.title, now);
  WriteOriginal(c, "training_lesson", lid, "body", locale, v.body, now);
  return lid;
}

Result<std::string> SaveTrainingQuestion(Connection& c, std::string_view lesson_id,
                                         std::string_view id, const knowledge::QuestionValues& v,
                                         std::string_view source_locale, std::string_view now) {
  std::string qid(id);
  std::string locale(source_locale);
  if (id.empty()) {
    if (!Exists(c, "SELECT 1 FROM training_lesson WHERE id = ?1", lesson_id)) {
      return Error{ErrorCode::kNotFound, "no such training lesson"};
    }
    qid = RandomUuid();
    const int64_t position = v.position.value_or(LastPositionPlusOne(
        c, "SELECT position FROM training_question WHERE lesson_id = ?1", lesson_id));
    Statement st = c.Prepare(
        "INSERT INTO training_question (id, lesson_id, position, prompt, source_locale, created, "
        "last_modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
    st.Bind(1, qid).Bind(2, lesson_id).Bind(3, position).Bind(4, v.prompt).Bind(5, locale);
    st.Bind(6, now).Run();
  } else {
    Statement find = c.Prepare(
        "SELECT source_locale, position FROM training_question WHERE id = ?1 AND lesson_id = ?2");
    find.Bind(1, id).Bind(2, lesson_id);
    if (!find.Step()) return Error{ErrorCode::kNotFound, "training question of another lesson"};
    locale = find.Text(0);
    const int64_t position = v.position.value_or(find.Int(1));
    Statement st = c.Prepare(
        "UPDATE training_question SET prompt = ?2, position = ?3, last_modified = ?4 WHERE id = "
        "?1");
    st.Bind(1, id).Bind(2, v.prompt).Bind(3, position).Bind(4, now).Run();
  }
  WriteOriginal(c, "training_question", qid, "prompt", locale, v.prompt, now);
  // Choices keep their ids row by row; rows beyond the new count go, with their translations.
  std::vector<std::string> existing;
  {
    Statement st =
        c.Prepare("SELECT id FROM training_choice WHERE question_id = ?1 ORDER BY position");
    st.Bind(1, qid);
    while (st.Step()) existing.push_back(st.Text(0));
  }
  Statement upsert = c.Prepare(
      "INSERT INTO training_choice (id, question_id, position, label, is_right, feedback, "
      "source_locale) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET "
      "position = excluded.position, label = excluded.label, is_right = excluded.is_right, "
      "feedback = excluded.feedback");
  for (size_t i = 0; i < v.choices.size(); ++i) {
    const std::string cid = i < existing.size() ? existing[i] : RandomUuid();
    const auto& ch = v.choices[i];
    upsert.Bind(1, cid).Bind(2, qid).Bind(3, static_cast<int64_t>(i + 1)).Bind(4, ch.label);
    upsert.Bind(5, ch.right ? 1 : 0).Bind(6, ch.feedback).Bind(7, locale).Run();
    upsert.Reset();
    WriteOriginal(c, "training_choice", cid, "label", locale, ch.label, now);
    WriteOriginal(c, "training_choice", cid, "feedback", locale, ch.feedback, now);
  }
  for (size_t i = v.choices.size(); i < existing.size(); ++i) {
    Statement del = c.Prepare("DELETE FROM training_choice WHERE id = ?1");
    del.Bind(1, existing[i]).Run();
    Statement tr =
        c.Prepare("DELETE FROM translation WHERE entity = 'training_choice' AND entity_id = ?1");
    tr.Bind(1, existing[i]).Run();
  }
  return qid;
}

}  // namespace tilti::store
