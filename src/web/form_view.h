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
                    kCheckboxes, kRadios, kHidden, kFile };
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
  std::string accept;               // file: the media types the browser offers to choose
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
  // A file input; the form is then sent as multipart/form-data. A browser never keeps a chosen
  // file when the form comes back with mistakes, so the hint should say to choose it again.
  FormField& File(std::string name, std::string label, std::string accept);

  // A field error (its text already in the page's language); the summary lists them in the
  // order added; the field shows its own.
  void Error(std::string_view field, std::string text);
  bool HasErrors() const { return !errors_.empty(); }
  const i18n::LocaleInfo& locale() const { return locale_; }

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

struct BackOffice;

// Ends a back-office form page the same way everywhere: the submit button (`submit_key`), the
// link back to `back` (`back_key`), the CSRF token, rendered as "form_page" (400 with errors).
http::Response FinishBackOfficeForm(const Site& site, const http::Request& request,
                                    const BackOffice& bo, FormView& form, const std::string& back,
                                    std::string_view submit_key = "programme.form.save",
                                    std::string_view back_key = "programme.form.back");

}  // namespace tilti::web
