// The training modules in the back office, for coordinators (Action::kEditProgramme):
//   /{lang}/manage/training/new                                         a new module
//   /{lang}/manage/training/{module}/edit                               change a module
//   /{lang}/manage/training/{module}/lessons/new                        a new lesson
//   /{lang}/manage/training/{module}/lessons/{lesson}/edit              change a lesson
//   /{lang}/manage/training/{module}/lessons/{lesson}/questions/new     a new check question
//   /{lang}/manage/training/{module}/lessons/{lesson}/questions/{id}    change a question
// Every form names each mistake in the user's language and keeps what was typed; nothing is
// stored until the whole form is right. A new record's texts are in the language of the page it
// was written on; a change keeps the record's language (the fields say which it is).
#include "core/clock.h"
#include "knowledge/training.h"
#include "store/training_store.h"
#include "web/back_office.h"
#include "web/form_view.h"
#include "web/handlers.h"

namespace tilti::web {
namespace {

// The path after "/{lang}/" (without the query), for the page's alternates and the navigation.
std::string PathTail(const http::Request& request) {
  const size_t slash = request.path.find('/', 1);
  return slash == std::string::npos ? "" : request.path.substr(slash + 1);
}

std::string Now(const Site& site) { return FormatRfc3339(site.clock().Now()); }

std::string TrainingPath(const i18n::LocaleInfo& locale, std::string_view tail = "") {
  return ManagePath(locale, "/training" + std::string(tail));
}

// Every training form ends the same way (as the programme forms do): the field errors in the
// user's language, save, back to where it came from, the CSRF token.
http::Response FinishForm(const Site& site, const i18n::LocaleInfo& locale,
                          const http::Request& request, const BackOffice& bo, FormView& form,
                          const std::vector<FieldError>& errors, const std::string& back) {
  for (const FieldError& e : errors) {
    form.Error(e.field, site.Tr(locale.code, e.message_key,
                                {{"max_title", knowledge::kMaxTitle},
                                 {"max_summary", knowledge::kMaxSummary},
                                 {"max_body", knowledge::kMaxBody},
                                 {"max_prompt", knowledge::kMaxPrompt},
                                 {"max_choice", knowledge::kMaxChoiceLabel},
                                 {"max_feedback", knowledge::kMaxFeedback},
                                 {"max_position", knowledge::kMaxPosition}}));
  }
  form.Submit(site.Tr(locale.code, "training.form.save"));
  form.Back(back, site.Tr(locale.code, "training.form.back"));
  Data page = form.Data();
  page.set("csrf", bo.csrf.value);
  return RenderBackOfficePage(site, request, bo, form.Frame(PathTail(request)), "form_page",
                              std::move(page));
}

FormField& Position(const Site& site, const std::string& lang, FormView& form,
                    const std::string& typed) {
  FormField& f = form.Text("position", site.Tr(lang, "training.form.position"), typed);
  f.kind = FormField::Kind::kNumber;
  f.optional = true;
  f.hint = site.Tr(lang, "training.form.position_hint");
  f.width = "short";
  f.inputmode = "numeric";
  f.min = "1";
  return f;
}

// The form's texts carry their language when it is not the page's.
void TextLang(FormField& f, const std::string& text_lang, const std::string& lang) {
  if (text_lang != lang) f.lang = text_lang;
}

// ---- modules ----

http::Response RenderModuleForm(const Site& site, const i18n::LocaleInfo& locale,
                                const http::Request& request, const BackOffice& bo,
                                const std::string& title, const std::string& action,
                                const knowledge::ModuleForm& in, const std::string& text_lang,
                                const std::string& back, const std::vector<FieldError>& errors) {
  const std::string& lang = locale.code;
  FormView form(site, locale, title, action);
  form.Intro(site.Tr(lang, "training.form.module_intro"));
  form.Section("");
  if (in.new_module) {
    FormField& slug = form.Text("slug", site.Tr(lang, "training.form.slug"), in.slug);
    slug.hint = site.Tr(lang, "training.form.slug_hint");
    slug.autocomplete = "off";
  }
  TextLang(form.Text("title", site.Tr(lang, "training.form.module_title"), in.title), text_lang,
           lang);
  FormField& summary = form.TextArea("summary", site.Tr(lang, "training.form.summary"), in.summary);
  summary.optional = true;
  TextLang(summary, text_lang, lang);
  Position(site, lang, form, in.typed_position);
  return FinishForm(site, locale, request, bo, form, errors, back);
}

http::Response SubmitModule(const Site& site, const i18n::LocaleInfo& locale,
                            const http::Request& request, const BackOffice& bo,
                            const std::string& id, const std::string& title,
                            const std::string& action, const std::string& text_lang,
                            const std::string& back) {
  knowledge::ModuleForm in{bo.form.Get("slug").substr(0, 200), bo.form.Get("title").substr(0, 2000),
                           bo.form.Get("summary").substr(0, 20000),
                           bo.form.Get("position").substr(0, 20), id.empty()};
  auto checked = knowledge::CheckModule(in);
  if (!checked.ok()) {
    return RenderModuleForm(site, locale, request, bo, title, action, in, text_lang, back,
                            checked.error().fields);
  }
  Result<std::string> saved = Error{ErrorCode::kNotFound, ""};
  site.db().Write([&](store::Connection& c) {
    saved = store::SaveTrainingModule(c, id, checked.value(), text_lang, Now(site));
  });
  if (!saved.ok() && saved.error().code == ErrorCode::kNotFound) {
    return site.ErrorPage(404, request);
  }
  if (!saved.ok()) {
    return RenderModuleForm(site, locale, request, bo, title, action, in, text_lang, back,
                            saved.error().fields);
  }
  const std::string slug = id.empty() ? checked.value().slug : std::string(request.Param("module"));
  return SeeOther(TrainingPath(locale, "/" + slug));
}

// ---- lessons ----

http::Response RenderLessonForm(const Site& site, const i18n::LocaleInfo& locale,
                                const http::Request& request, const BackOffice& bo,
                                const std::string& title, const std::string& action,
                                const knowledge::LessonForm& in, const std::string& text_lang,
                                const std::string& back, const std::vector<FieldError>& errors) {
  const std::string& lang = locale.code;
  FormView form(site, locale, title, action);
  form.Section("");
  TextLang(form.Text("title", site.Tr(lang, "training.form.lesson_title"), in.title), text_lang,
           lang);
  FormField& body = form.TextArea("body", site.Tr(lang, "training.form.body"), in.body);
  body.hint = site.Tr(lang, "training.form.body_hint");
  TextLang(body, text_lang, lang);
  Position(site, lang, form, in.typed_position);
  return FinishForm(site, locale, request, bo, form, errors, back);
}

http::Response SubmitLesson(const Site& site, const i18n::LocaleInfo& locale,
                            const http::Request& request, const BackOffice& bo,
                            const store::TrainingModuleDetail& module, const std::string& id,
                            const std::string& title, const std::string& action,
                            const std::string& text_lang, const std::string& back) {
  knowledge::LessonForm in{bo.form.Get("title").substr(0, 2000),
                           bo.form.Get("body").substr(0, 200000),
                           bo.form.Get("position").substr(0, 20)};
  auto checked = knowledge::CheckLessonForm(in);
  if (!checked.ok()) {
    return RenderLessonForm(site, locale, request, bo, title, action, in, text_lang, back,
                            checked.error().fields);
  }
  Result<std::string> saved = Error{ErrorCode::kNotFound, ""};
  site.db().Write([&](store::Connection& c) {
    saved = store::SaveTrainingLesson(c, module.id, id, checked.value(), text_lang, Now(site));
  });
  if (!saved.ok()) return site.ErrorPage(404, request);
  return SeeOther(TrainingPath(locale, "/" + module.slug + "/lessons/" + saved.value()));
}

// ---- questions ----

http::Response RenderQuestionForm(const Site& site, const i18n::LocaleInfo& locale,
                                  const http::Request& request, const BackOffice& bo,
                                  const std::string& title, const std::string& action,
                                  const knowledge::QuestionForm& in, const std::string& text_lang,
                                  const std::string& back, const std::vector<FieldError>& errors) {
  const std::string& lang = locale.code;
  FormView form(site, locale, title, action);
  form.Intro(site.Tr(lang, "training.form.question_intro"));
  form.Section("");
  FormField& prompt = form.TextArea("prompt", site.Tr(lang, "training.form.prompt"), in.prompt);
  TextLang(prompt, text_lang, lang);
  Position(site, lang, form, in.typed_position);
  for (size_t i = 0; i < knowledge::kMaxChoices; ++i) {
    const std::string prefix = "choices." + std::to_string(i) + ".";
    const knowledge::ChoiceInput c =
        i < in.choices.size() ? in.choices[i] : knowledge::ChoiceInput{};
    form.Section(site.Tr(lang, "training.form.choice", {{"number", static_cast<int64_t>(i + 1)}}),
                 i == 0 ? site.Tr(lang, "training.form.choices_hint") : "");
    FormField& label =
        form.Text(prefix + "label", site.Tr(lang, "training.form.choice_label"), c.label);
    label.optional = i >= knowledge::kMinChoices;
    TextLang(label, text_lang, lang);
    FormField right;
    right.kind = FormField::Kind::kCheckboxes;
    right.name = prefix + "right";
    right.label = site.Tr(lang, "training.form.right_legend");
    right.optional = true;
    right.options.push_back({"1", site.Tr(lang, "training.form.right"), c.right, ""});
    form.Add(std::move(right));
    FormField& feedback =
        form.Text(prefix + "feedback", site.Tr(lang, "training.form.feedback"), c.feedback);
    feedback.optional = true;
    TextLang(feedback, text_lang, lang);
  }
  return FinishForm(site, locale, request, bo, form, errors, back);
}

http::Response SubmitQuestion(const Site& site, const i18n::LocaleInfo& locale,
                              const http::Request& request, const BackOffice& bo,
                              const store::TrainingLessonDetail& lesson, const std::string& id,
                              const std::string& title, const std::string& action,
                              const std::string& text_lang, const std::string& back) {
  knowledge::QuestionForm in;
  in.prompt = bo.form.Get("prompt").substr(0, 20000);
  in.typed_position = bo.form.Get("position").substr(0, 20);
  for (size_t i = 0; i < knowledge::kMaxChoices; ++i) {
    const std::string prefix = "choices." + std::to_string(i) + ".";
    in.choices.push_back({bo.form.Get(prefix + "label").substr(0, 5000),
                          bo.form.Get(prefix + "feedback").substr(0, 10000),
                          bo.form.Get(prefix + "right") == "1"});
  }
  auto checked = knowledge::CheckQuestionForm(in);
  if (!checked.ok()) {
    return RenderQuestionForm(site, locale, request, bo, title, action, in, text_lang, back,
                              checked.error().fields);
  }
  Result<std::string> saved = Error{ErrorCode::kNotFound, ""};
  site.db().Write([&](store::Connection& c) {
    saved = store::SaveTrainingQuestion(c, lesson.id, id, checked.value(), text_lang, Now(site));
  });
  if (!saved.ok()) return site.ErrorPage(404, request);
  return SeeOther(back);
}

// The route's module and lesson ({module}, {lesson}); nullopt (404) when either is missing.
struct Place {
  store::TrainingModuleDetail module;
  std::optional<store::TrainingLessonDetail> lesson;
};
std::optional<Place> PlaceOf(const Site& site, const i18n::LocaleInfo& locale,
                             const http::Request& request, bool with_lesson) {
  auto db = site.db().Read();
  auto module = store::LoadTrainingModule(*db, request.Param("module"), "", site.Chain(locale));
  if (!module) return std::nullopt;
  Place p{std::move(*module), std::nullopt};
  if (with_lesson) {
    p.lesson =
        store::LoadTrainingLesson(*db, p.module.id, request.Param("lesson"), site.Chain(locale));
    if (!p.lesson) return std::nullopt;
  }
  return p;
}

}  // namespace

http::Response NewTrainingModule(const Site& site, const i18n::LocaleInfo& locale,
                                 http::Request& request, const BackOffice& bo) {
  const std::string title = site.Tr(locale.code, "training.form.new_module");
  const std::string action = TrainingPath(locale, "/new");
  if (request.method == "GET") {
    return RenderModuleForm(site, locale, request, bo, title, action, {}, locale.code,
                            TrainingPath(locale), {});
  }
  return SubmitModule(site, locale, request, bo, "", title, action, locale.code,
                      TrainingPath(locale));
}

http::Response EditTrainingModule(const Site& site, const i18n::LocaleInfo& locale,
                                  http::Request& request, const BackOffice& bo) {
  auto place = PlaceOf(site, locale, request, false);
  if (!place) return site.ErrorPage(404, request);
  const auto& m = place->module;
  const std::string title =
      site.Tr(locale.code, "training.form.edit_module", {{"title", m.source_title}});
  const std::string back = TrainingPath(locale, "/" + m.slug);
  if (request.method == "GET") {
    knowledge::ModuleForm in{m.slug, m.source_title, m.source_summary, std::to_string(m.position),
                             false};
    return RenderModuleForm(site, locale, request, bo, title, back + "/edit", in, m.source_locale,
                            back, {});
  }
  return SubmitModule(site, locale, request, bo, m.id, title, back + "/edit", m.source_locale,
                      back);
}

http::Response NewTrainingLesson(const Site& site, const i18n::LocaleInfo& locale,
                                 http::Request& request, const BackOffice& bo) {
  auto place = PlaceOf(site, locale, request, false);
  if (!place) return site.ErrorPage(404, request);
  const auto& m = place->module;
  const std::string title =
      site.Tr(locale.code, "training.form.new_lesson", {{"module", m.title.text}});
  const std::string back = TrainingPath(locale, "/" + m.slug);
  const std::string action = back + "/lessons/new";
  if (request.method == "GET") {
    return RenderLessonForm(site, locale, request, bo, title, action, {}, locale.code, back, {});
  }
  return SubmitLesson(site, locale, request, bo, m, "", title, action, locale.code, back);
}

http::Response EditTrainingLesson(const Site& site, const i18n::LocaleInfo& locale,
                                  http::Request& request, const BackOffice& bo) {
  auto place = PlaceOf(site, locale, request, true);
  if (!place) return site.ErrorPage(404, request);
  const auto& l = *place->lesson;
  const std::string title =
      site.Tr(locale.code, "training.form.edit_lesson", {{"title", l.source_title}});
  const std::string back = TrainingPath(locale, "/" + place->module.slug + "/lessons/" + l.id);
  if (request.method == "GET") {
    knowledge::LessonForm in{l.source_title, l.source_body, std::to_string(l.position)};
    return RenderLessonForm(site, locale, request, bo, title, back + "/edit", in, l.source_locale,
                            back, {});
  }
  return SubmitLesson(site, locale, request, bo, place->module, l.id, title, back + "/edit",
                      l.source_locale, back);
}

http::Response NewTrainingQuestion(const Site& site, const i18n::LocaleInfo& locale,
                                   http::Request& request, const BackOffice& bo) {
  auto place = PlaceOf(site, locale, request, true);
  if (!place) return site.ErrorPage(404, request);
  const auto& l = *place->lesson;
  const std::string title =
      site.Tr(locale.code, "training.form.new_question", {{"lesson", l.title.text}});
  const std::string back = TrainingPath(locale, "/" + place->module.slug + "/lessons/" + l.id);
  const std::string action = back + "/questions/new";
  if (request.method == "GET") {
    return RenderQuestionForm(site, locale, request, bo, title, action, {}, locale.code, back, {});
  }
  return SubmitQuestion(site, locale, request, bo, l, "", title, action, locale.code, back);
}

http::Response EditTrainingQuestion(const Site& site, const i18n::LocaleInfo& locale,
                                    http::Request& request, const BackOffice& bo) {
  auto place = PlaceOf(site, locale, request, true);
  if (!place) return site.ErrorPage(404, request);
  const auto& l = *place->lesson;
  const std::string id(request.Param("question"));
  const store::TrainingQuestionView* q = nullptr;
  for (const auto& x : l.questions) {
    if (x.id == id) q = &x;
  }
  if (!q) return site.ErrorPage(404, request);
  const std::string title = site.Tr(locale.code, "training.form.edit_question");
  const std::string back = TrainingPath(locale, "/" + place->module.slug + "/lessons/" + l.id);
  const std::string action = back + "/questions/" + id;
  if (request.method == "GET") {
    knowledge::QuestionForm in{q->source_prompt, std::to_string(q->position), {}};
    for (const auto& ch : q->choices) {
      in.choices.push_back({ch.source_label, ch.source_feedback, ch.right});
    }
    return RenderQuestionForm(site, locale, request, bo, title, action, in, q->source_locale, back,
                              {});
  }
  return SubmitQuestion(site, locale, request, bo, l, id, title, action, q->source_locale, back);
}

}  // namespace tilti::web
