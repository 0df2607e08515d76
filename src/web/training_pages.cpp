// Self-paced training for library staff (issue 8), for every signed-in account
// (Action::kSeeOwn; each sees and changes only their own progress):
//   /{lang}/manage/training                                    modules with the account's progress,
//                                                              and the upcoming live trainings and
//                                                              webinars (events)
//   /{lang}/manage/training/{module}                           the module's lessons in order
//   /{lang}/manage/training/{module}/lessons/{lesson}          a lesson and its check questions (a
//                                                              plain form: answers are checked
//                                                              here)
//   /{lang}/manage/training/{module}/certificate               the certificate of a completed
//   module
// The coordinators' forms are in training_edit_pages.cpp.
#include <algorithm>
#include <set>

#include "core/clock.h"
#include "core/riga_time.h"
#include "events/event.h"
#include "events/event_filter.h"
#include "knowledge/training.h"
#include "store/event_queries.h"
#include "store/training_store.h"
#include "web/back_office.h"
#include "web/event_views.h"
#include "web/form_view.h"
#include "web/handlers.h"
#include "web/markdown.h"
#include "web/query_params.h"

namespace tilti::web {
namespace {

// The path after "/{lang}/" (without the query), for the page's alternates and the navigation.
std::string PathTail(const http::Request& request) {
  const size_t slash = request.path.find('/', 1);
  return slash == std::string::npos ? "" : request.path.substr(slash + 1);
}

constexpr size_t kLiveTrainingsShown = 8;

bool MayEdit(const BackOffice& bo) {
  return accounts::Can(bo.actor, accounts::Action::kEditProgramme);
}

// "22 November 2026" (Riga's calendar day) of a stored RFC 3339 time; "" when it is none.
std::string DayOf(const Site& site, const std::string& lang, const std::string& rfc3339) {
  auto t = ParseStoredRfc3339(rfc3339);
  if (!t) return "";
  return site.LongDate(lang, events::FormatDate(RigaDate(*t)));
}

std::string ProgressText(const Site& site, const std::string& lang,
                         const knowledge::ModuleProgress& p) {
  return site.Tr(lang, "training.progress", {{"done", p.lessons_done}, {"count", p.lessons}});
}

// Upcoming occurrences of the event categories 'webinar' and 'training', soonest first.
Data LiveTrainings(const Site& site, const i18n::LocaleInfo& locale) {
  const std::string& lang = locale.code;
  const SysTime now = site.clock().Now();
  std::vector<store::OccurrenceItem> items;
  {
    auto db = site.db().Read();
    for (const char* category : {"webinar", "training"}) {
      events::EventFilter filter;
      filter.category = category;
      auto found = store::ListOccurrences(*db, filter, now, now + std::chrono::days(366),
                                          site.Chain(locale), kLiveTrainingsShown);
      items.insert(items.end(), found.begin(), found.end());
    }
  }
  std::sort(items.begin(), items.end(),
            [](const auto& a, const auto& b) { return a.starts_at < b.starts_at; });
  if (items.size() > kLiveTrainingsShown) items.resize(kLiveTrainingsShown);
  const i18n::Formatter& f = site.FormatterFor(lang);
  Data list(Data::type::list);
  for (const auto& o : items) {
    if (o.cancelled) continue;
    Data d(Data::type::object);
    d.set("when", WhenText(f, o.starts_at, o.ends_at));
    d.set("title", site.TextData(o.title, locale));
    d.set("href", OccurrenceHref(lang, o));
    d.set("category", site.TextData(o.category, locale));
    d.set("library", site.TextData(o.library_name, locale));
    d.set("online", o.online);
    d.set("sample", o.is_sample);
    list.push_back(d);
  }
  return list;
}

// The account's answers to a lesson and what checking them gave.
struct LessonAnswers {
  std::map<std::string, std::vector<std::string>> picked;  // question id -> choice ids
  knowledge::LessonCheck check;
  bool checked = false;    // there is something to give feedback on
  bool form_sent = false;  // the answers were just sent: unanswered questions are mistakes
};

// The lesson page's data: the text (Markdown, rendered safely), the questions as a form with
// the answers kept and feedback on each answered one, the way to the previous and next lesson.
Data LessonView(const Site& site, const i18n::LocaleInfo& locale,
                const store::TrainingModuleDetail& module,
                const store::TrainingLessonDetail& lesson, const LessonAnswers& answers,
                const std::string& base, const std::string& edit_base) {
  const std::string& lang = locale.code;
  Data page(Data::type::object);
  page.set("heading", lesson.title.text);
  page.set("title", site.TextData(lesson.title, locale));
  page.set("training_href", ManagePath(locale, "/training"));
  page.set("module_href", base);
  page.set("module", site.TextData(module.title, locale));
  page.set("sample", module.is_sample);
  std::vector<std::string> ordered;
  for (const auto& l : module.lessons) ordered.push_back(l.id);
  const auto at = std::find(ordered.begin(), ordered.end(), lesson.id);
  page.set("position", site.Tr(lang, "training.lesson_of",
                               {{"number", static_cast<int64_t>(at - ordered.begin()) + 1},
                                {"count", static_cast<int64_t>(ordered.size())}}));
  page.set("body_html", RenderMarkdown(lesson.body.text));
  page.set("body_lang", lesson.body.locale.empty() ? lang : lesson.body.locale);
  page.set("body_note", site.TextData(lesson.body, locale));

  std::vector<std::pair<std::string, std::string>> errors;
  Data questions(Data::type::list);
  int64_t number = 0;
  for (const auto& q : lesson.questions) {
    ++number;
    const std::string field = "q-" + q.id;
    const auto key = q.Key();
    const bool several = knowledge::TakesSeveral(key);
    std::set<std::string> picked;
    if (auto it = answers.picked.find(q.id); it != answers.picked.end()) {
      picked.insert(it->second.begin(), it->second.end());
    }
    Data qd(Data::type::object);
    qd.set("id", field);
    qd.set("name", field);
    qd.set("number", site.Tr(lang, "training.question_number", {{"number", number}}));
    qd.set("prompt", site.TextData(q.prompt, locale));
    qd.set("several", several);
    qd.set("single", !several);
    Data options(Data::type::list);
    Data feedback(Data::type::list);
    int i = 0;
    for (const auto& ch : q.choices) {
      Data o(Data::type::object);
      o.set("option_id", field + "-" + std::to_string(i++));
      o.set("value", ch.id);
      o.set("label", site.TextData(ch.label, locale));
      const bool chosen = picked.contains(ch.id);
      o.set("checked", chosen);
      options.push_back(o);
      if (chosen && answers.checked && !ch.feedback.empty()) {
        feedback.push_back(site.TextData(ch.feedback, locale));
      }
    }
    qd.set("options", options);
    if (!edit_base.empty()) qd.set("edit_question_href", edit_base + "/questions/" + q.id);
    const auto right = answers.check.right.find(q.id);
    if (answers.checked && !picked.empty() && right != answers.check.right.end()) {
      qd.set("answered", true);
      qd.set("right", right->second);
      qd.set("verdict",
             site.Tr(lang, right->second ? "training.answer.right" : "training.answer.not_right"));
      qd.set("feedback", feedback);
    } else if (answers.form_sent && picked.empty()) {
      const std::string text = site.Tr(lang, "training.error.choose", {{"number", number}});
      qd.set("error", text);
      errors.emplace_back(field, text);
    }
    questions.push_back(qd);
  }
  page.set("questions", questions);
  page.set("has_questions", !lesson.questions.empty());
  page.set("submit", site.Tr(lang, lesson.questions.empty() ? "training.mark_read"
                                                            : "training.check_answers"));
  SetErrorSummary(page, errors);
  if (auto prev = knowledge::PreviousOf(ordered, lesson.id)) {
    page.set("previous_href", base + "/lessons/" + *prev);
    page.set("previous_title",
             site.TextData(module.lessons[at - ordered.begin() - 1].title, locale));
  }
  if (auto next = knowledge::NextOf(ordered, lesson.id)) {
    page.set("next_href", base + "/lessons/" + *next);
    page.set("next_title", site.TextData(module.lessons[at - ordered.begin() + 1].title, locale));
  }
  for (const auto& l : module.lessons) {
    if (l.id == lesson.id) page.set("lesson_done", l.done);
  }
  return page;
}

}  // namespace

http::Response TrainingList(const Site& site, const i18n::LocaleInfo& locale,
                            http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  const auto modules =
      store::TrainingModules(*site.db().Read(), bo.actor.account_id, site.Chain(locale));
  const std::string base = ManagePath(locale, "/training");
  Data list(Data::type::list);
  for (const auto& m : modules) {
    Data d(Data::type::object);
    d.set("href", base + "/" + m.slug);
    d.set("title", site.TextData(m.title, locale));
    if (!m.summary.empty()) d.set("summary", site.TextData(m.summary, locale));
    d.set("sample", m.is_sample);
    d.set("progress", ProgressText(site, lang, m.progress));
    if (!m.completed_at.empty()) {
      d.set("completed",
            site.Tr(lang, "training.completed_on", {{"date", DayOf(site, lang, m.completed_at)}}));
      d.set("certificate_href", base + "/" + m.slug + "/certificate");
    }
    list.push_back(d);
  }
  Data page(Data::type::object);
  const std::string title = site.Tr(lang, "training.title");
  page.set("heading", title);
  page.set("modules", list);
  page.set("has_modules", !list.is_empty_list());
  if (MayEdit(bo)) page.set("new_module_href", base + "/new");
  Data live = LiveTrainings(site, locale);
  page.set("live", live);
  page.set("has_live", !live.is_empty_list());
  page.set("webinars_href", "/" + lang + "/events?category=webinar");
  page.set("trainings_href", "/" + lang + "/events?category=training");
  PageFrame frame{&locale, PathTail(request), title};
  return RenderBackOfficePage(site, request, bo, frame, "training_list", std::move(page));
}

http::Response TrainingModulePage(const Site& site, const i18n::LocaleInfo& locale,
                                  http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto module = store::LoadTrainingModule(*site.db().Read(), request.Param("module"),
                                          bo.actor.account_id, site.Chain(locale));
  if (!module) return site.ErrorPage(404, request);
  const std::string base = ManagePath(locale, "/training/" + module->slug);
  const bool may_edit = MayEdit(bo);
  Data lessons(Data::type::list);
  std::set<std::string> done;
  std::vector<std::string> ordered;
  for (const auto& l : module->lessons) {
    Data d(Data::type::object);
    d.set("href", base + "/lessons/" + l.id);
    d.set("title", site.TextData(l.title, locale));
    d.set("status", site.Tr(lang, l.done ? "training.lesson_done" : "training.lesson_not_done"));
    d.set("done", l.done);
    d.set("questions", site.Tr(lang, "training.question_count", {{"count", l.questions}}));
    if (may_edit) d.set("edit_href", base + "/lessons/" + l.id + "/edit");
    lessons.push_back(d);
    ordered.push_back(l.id);
    if (l.done) done.insert(l.id);
  }
  Data page(Data::type::object);
  page.set("heading", module->title.text);
  page.set("title", site.TextData(module->title, locale));
  if (!module->summary.empty()) page.set("summary", site.TextData(module->summary, locale));
  page.set("sample", module->is_sample);
  page.set("training_href", ManagePath(locale, "/training"));
  page.set("lessons", lessons);
  page.set("has_lessons", !lessons.is_empty_list());
  page.set("progress", ProgressText(site, lang, module->progress));
  if (!module->completed_at.empty()) {
    page.set("completed", site.Tr(lang, "training.completed_on",
                                  {{"date", DayOf(site, lang, module->completed_at)}}));
    page.set("certificate_href", base + "/certificate");
  } else if (auto next = knowledge::FirstNotDone(ordered, done)) {
    page.set("continue_href", base + "/lessons/" + *next);
    page.set("continue_label",
             site.Tr(lang, done.empty() ? "training.start" : "training.continue"));
  }
  if (may_edit) {
    page.set("edit_href", base + "/edit");
    page.set("new_lesson_href", base + "/lessons/new");
  }
  PageFrame frame{&locale, PathTail(request), module->title.text};
  return RenderBackOfficePage(site, request, bo, frame, "training_module", std::move(page));
}

http::Response TrainingLessonPage(const Site& site, const i18n::LocaleInfo& locale,
                                  http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  const LocaleChain chain = site.Chain(locale);
  std::optional<store::TrainingModuleDetail> module;
  std::optional<store::TrainingLessonDetail> lesson;
  {
    auto db = site.db().Read();
    module = store::LoadTrainingModule(*db, request.Param("module"), bo.actor.account_id, chain);
    if (module) lesson = store::LoadTrainingLesson(*db, module->id, request.Param("lesson"), chain);
  }
  if (!module || !lesson) return site.ErrorPage(404, request);
  const std::string base = ManagePath(locale, "/training/" + module->slug);
  const std::string self = base + "/lessons/" + lesson->id;

  LessonAnswers answers;
  if (request.method == "POST") {
    for (const auto& q : lesson->questions) answers.picked[q.id] = bo.form.All("q-" + q.id);
    Result<store::LessonOutcome> outcome = Error{ErrorCode::kNotFound, ""};
    const std::string now = FormatRfc3339(site.clock().Now());
    site.db().Write([&](store::Connection& c) {
      outcome = store::RecordLessonAnswers(c, bo.actor.account_id, module->id, lesson->id,
                                           answers.picked, now);
    });
    if (!outcome.ok()) return site.ErrorPage(404, request);
    if (outcome.value().lesson_done) {
      return SeeOther(self +
                      (outcome.value().completed_now ? "?checked=completed" : "?checked=done"));
    }
    answers.checked = true;
    answers.form_sent = true;
    answers.check = outcome.value().check;
    // The module again: this answer may have undone the lesson.
    if (auto fresh = store::LoadTrainingModule(*site.db().Read(), module->slug, bo.actor.account_id,
                                               chain)) {
      module = std::move(fresh);
    }
  } else {
    answers.picked = store::AnswersTo(*site.db().Read(), bo.actor.account_id, lesson->id);
    std::vector<knowledge::QuestionKey> keys;
    for (const auto& q : lesson->questions) keys.push_back(q.Key());
    answers.check = knowledge::CheckLesson(keys, answers.picked);
    answers.checked = !answers.picked.empty();
  }

  Data page = LessonView(site, locale, *module, *lesson, answers, base, MayEdit(bo) ? self : "");
  page.set("action", self);
  const std::string checked = QueryParam(request, "checked");
  if (request.method == "GET" && (checked == "done" || checked == "completed")) {
    page.set("notice", site.Tr(lang, "training.notice.lesson_done"));
  }
  if (!module->completed_at.empty()) {
    page.set("module_completed",
             site.Tr(lang, checked == "completed" ? "training.notice.module_completed"
                                                  : "training.notice.module_completed_before"));
    page.set("certificate_href", base + "/certificate");
  }
  if (MayEdit(bo)) {
    page.set("edit_href", self + "/edit");
    page.set("new_question_href", self + "/questions/new");
  }
  const bool errors = answers.form_sent && !answers.check.unanswered.empty();
  std::string title = lesson->title.text;
  if (errors) title = site.Tr(lang, "form.error_title", {{"title", title}});
  PageFrame frame{&locale, PathTail(request), title, errors ? 400 : 200};
  return RenderBackOfficePage(site, request, bo, frame, "training_lesson", std::move(page));
}

http::Response TrainingCertificate(const Site& site, const i18n::LocaleInfo& locale,
                                   http::Request& request, const BackOffice& bo) {
  const std::string& lang = locale.code;
  auto module = store::LoadTrainingModule(*site.db().Read(), request.Param("module"),
                                          bo.actor.account_id, site.Chain(locale));
  if (!module) return site.ErrorPage(404, request);
  const std::string base = ManagePath(locale, "/training/" + module->slug);
  Data page(Data::type::object);
  page.set("module_href", base);
  page.set("module", site.TextData(module->title, locale));
  std::string title;
  if (module->completed_at.empty()) {
    // Not an error of the user's: a page saying where they are, with the way on.
    title = site.Tr(lang, "training.certificate.not_yet_title");
    page.set("not_yet",
             site.Tr(lang, "training.certificate.not_yet", {{"module", module->title.text}}));
    page.set("progress", ProgressText(site, lang, module->progress));
  } else {
    title = site.Tr(lang, "training.certificate.title");
    page.set("certificate", true);
    page.set("name", bo.actor.display_name);
    page.set("date", DayOf(site, lang, module->completed_at));
    page.set("completed_text", site.Tr(lang, "training.certificate.completed"));
    page.set("on_text", site.Tr(lang, "training.certificate.on"));
  }
  page.set("heading", title);
  PageFrame frame{&locale, PathTail(request), title};
  return RenderBackOfficePage(site, request, bo, frame, "training_certificate", std::move(page));
}

}  // namespace tilti::web
