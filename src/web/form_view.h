#pragma once
// One way to render every back-office form (GOV.UK patterns, QUALITY.md W4): visible labels,
// "(optional)" after optional labels, hints, an error summary above the heading linking to each
// field, "Error: " before the title when there are errors, and what was typed kept. Handlers
// describe the form as a FormView and render the template "form_page"; no handler writes HTML.
//
//   FormView form(site, locale, title, action);
//   form.Section(legend).Text("name", label).Value(typed).Required();
//   form.Error("name", site.Tr(locale.code, "edit.error.name_missing"));
//   return RenderBackOfficePage(site, request, bo, form.Frame(path), "form_page", form.Data());
#include <string>
#include <string_view>
#include <vector>

#include "web/site.h"

namespace tilti::web {

struct FormOption {
  std::string value, label;
  bool selected = false;
  std::string lang;  // when the label is in another language than the page
};

struct FormField {
  enum class Kind { kText, kTextArea, kEmail, kUrl, kTel, kNumber, kDate, kTime, kSelect,
                    kCheckboxes, kRadios, kHidden };
  Kind kind = Kind::kText;
  std::string name, label, hint, value, error;
  bool optional = false;
  std::vector<FormOption> options;  // select, checkboxes, radios
  std::string lang;                 // the value's language, when not the page's
  std::string dir;                  // "rtl" for a right-to-left value
  std::string source_text;          // shown read-only beside the field (translations)
  std::string source_lang;
  std::string autocomplete, inputmode, width;  // width: "short" | "" (full)
  std::string step, min, max;
};

// The error summary of a page not built with FormView (QUALITY W4): "errors" (each with its
// text and a link to "#field"), "has_errors", and "<field>_error" with the field's first message.
void SetErrorSummary(Data& page, const std::vector<std::pair<std::string, std::string>>& errors);

class FormView {
 public:
  FormView(const Site& site, const i18n::LocaleInfo& locale, std::string title,
           std::string action);

  // Starts a fieldset with a legend (and an optional hint); fields go into the last section.
  FormView& Section(std::string legend, std::string hint = "");
  FormField& Add(FormField field);
  FormField& Text(std::string name, std::string label, std::string value = "");
  FormField& TextArea(std::string name, std::string label, std::string value = "");
  FormField& Hidden(std::string name, std::string value);

  // A field error (its text already in the page's language); the summary lists them in the
  // order added; the field shows its own.
  void Error(std::string_view field, std::string text);
  bool HasErrors() const { return !errors_.empty(); }

  void Intro(std::string text) { intro_ = std::move(text); }
  void Submit(std::string label) { submit_ = std::move(label); }
  // A link shown after the submit button ("Cancel").
  void Back(std::string href, std::string label);
  // A notice shown above the form (e.g. "Your change waits for review").
  void Notice(std::string text) { notice_ = std::move(text); }
  // Extra data for templates that extend the form (history, map).
  void Extra(std::string name, Data value);

  // The page title ("Error: " first when there are errors) and status (400 with errors).
  PageFrame Frame(std::string path_tail) const;
  web::Data Data() const;

 private:
  struct SectionView {
    std::string legend, hint;
    std::vector<FormField> fields;
  };
  const Site& site_;
  const i18n::LocaleInfo& locale_;
  std::string title_, action_, intro_, submit_, notice_, back_href_, back_label_;
  std::vector<SectionView> sections_;
  std::vector<std::pair<std::string, std::string>> errors_;  // field, text
  std::vector<std::pair<std::string, web::Data>> extra_;
};

}  // namespace tilti::web
