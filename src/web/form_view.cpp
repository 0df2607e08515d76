#include "web/form_view.h"

#include "web/back_office.h"

namespace tilti::web {
namespace {

std::string_view KindName(FormField::Kind k) {
  using K = FormField::Kind;
  switch (k) {
    case K::kText: return "text";
    case K::kTextArea: return "textarea";
    case K::kEmail: return "email";
    case K::kUrl: return "url";
    case K::kTel: return "tel";
    case K::kNumber: return "number";
    case K::kDate: return "date";
    case K::kTime: return "time";
    case K::kSelect: return "select";
    case K::kCheckboxes: return "checkboxes";
    case K::kRadios: return "radios";
    case K::kHidden: return "hidden";
    case K::kFile: return "file";
  }
  return "text";
}

bool IsInput(FormField::Kind k) {
  using K = FormField::Kind;
  return k == K::kText || k == K::kEmail || k == K::kUrl || k == K::kTel || k == K::kNumber ||
         k == K::kDate || k == K::kTime || k == K::kFile;
}

}  // namespace

FormView::FormView(const Site& site, const i18n::LocaleInfo& locale, std::string title,
                   std::string action)
    : site_(site), locale_(locale), title_(std::move(title)), action_(std::move(action)) {
  submit_ = site.Tr(locale.code, "form.save");
}

FormView& FormView::Section(std::string legend, std::string hint) {
  sections_.push_back({std::move(legend), std::move(hint), {}});
  return *this;
}

FormField& FormView::Add(FormField field) {
  if (sections_.empty()) sections_.push_back({});
  sections_.back().fields.push_back(std::move(field));
  return sections_.back().fields.back();
}

FormField& FormView::Text(std::string name, std::string label, std::string value) {
  FormField f;
  f.name = std::move(name);
  f.label = std::move(label);
  f.value = std::move(value);
  return Add(std::move(f));
}

FormField& FormView::TextArea(std::string name, std::string label, std::string value) {
  FormField& f = Text(std::move(name), std::move(label), std::move(value));
  f.kind = FormField::Kind::kTextArea;
  return f;
}

FormField& FormView::File(std::string name, std::string label, std::string accept) {
  FormField& f = Text(std::move(name), std::move(label));
  f.kind = FormField::Kind::kFile;
  f.accept = std::move(accept);
  return f;
}

FormField& FormView::Hidden(std::string name, std::string value) {
  FormField f;
  f.kind = FormField::Kind::kHidden;
  f.name = std::move(name);
  f.value = std::move(value);
  return Add(std::move(f));
}

void FormView::Error(std::string_view field, std::string text) {
  errors_.emplace_back(std::string(field), std::move(text));
}

void FormView::Back(std::string href, std::string label) {
  back_href_ = std::move(href);
  back_label_ = std::move(label);
}

void FormView::Extra(std::string name, web::Data value) {
  extra_.emplace_back(std::move(name), std::move(value));
}

PageFrame FormView::Frame(std::string path_tail) const {
  std::string title = title_;
  if (HasErrors()) title = site_.Tr(locale_.code, "form.error_title", {{"title", title_}});
  return PageFrame{&locale_, std::move(path_tail), std::move(title), HasErrors() ? 400 : 200};
}

web::Data FormView::Data() const {
  web::Data page(web::Data::type::object);
  page.set("heading", title_);
  page.set("action", action_);
  page.set("submit", submit_);
  if (!intro_.empty()) page.set("intro", intro_);
  if (!notice_.empty()) page.set("notice", notice_);
  if (!back_href_.empty()) {
    page.set("back_href", back_href_);
    page.set("back_label", back_label_);
  }
  web::Data summary(web::Data::type::list);
  for (const auto& [field, text] : errors_) {
    web::Data item(web::Data::type::object);
    item.set("text", text);
    item.set("href", "#" + field);
    summary.push_back(item);
  }
  page.set("errors", summary);
  page.set("has_errors", !errors_.empty());

  const std::string optional = site_.Tr(locale_.code, "form.optional");
  web::Data sections(web::Data::type::list);
  bool multipart = false;
  for (const SectionView& s : sections_) {
    web::Data sd(web::Data::type::object);
    if (!s.legend.empty()) sd.set("legend", s.legend);
    if (!s.hint.empty()) sd.set("legend_hint", s.hint);
    web::Data fields(web::Data::type::list);
    for (const FormField& f : s.fields) {
      web::Data fd(web::Data::type::object);
      fd.set("name", f.name);
      fd.set("id", f.name);
      fd.set("label", f.label);
      if (f.optional) fd.set("optional", optional);
      if (!f.hint.empty()) fd.set("hint", f.hint);
      fd.set("value", f.value);
      fd.set("type", std::string(KindName(f.kind)));
      fd.set("is_input", IsInput(f.kind));
      fd.set("is_" + std::string(KindName(f.kind)), true);
      if (!f.lang.empty()) fd.set("lang", f.lang);
      if (!f.dir.empty()) fd.set("dir", f.dir);
      if (!f.source_text.empty()) {
        fd.set("source_text", f.source_text);
        fd.set("source_lang", f.source_lang);
      }
      if (!f.autocomplete.empty()) fd.set("autocomplete", f.autocomplete);
      if (!f.inputmode.empty()) fd.set("inputmode", f.inputmode);
      if (!f.width.empty()) fd.set("width", f.width);
      if (!f.step.empty()) fd.set("step", f.step);
      if (!f.min.empty()) fd.set("min", f.min);
      if (!f.max.empty()) fd.set("max", f.max);
      if (!f.accept.empty()) fd.set("accept", f.accept);
      if (f.kind == FormField::Kind::kFile) multipart = true;
      std::string error = f.error;
      for (const auto& [field, text] : errors_) {
        if (field == f.name && error.empty()) error = text;
      }
      if (!error.empty()) fd.set("error", error);
      web::Data options(web::Data::type::list);
      int i = 0;
      for (const FormOption& o : f.options) {
        web::Data od(web::Data::type::object);
        od.set("value", o.value);
        od.set("label", o.label);
        od.set("selected", o.selected);
        od.set("option_id", f.name + "-" + std::to_string(i++));
        if (!o.lang.empty()) od.set("option_lang", o.lang);
        options.push_back(od);
      }
      fd.set("options", options);
      fields.push_back(fd);
    }
    sd.set("fields", fields);
    sections.push_back(sd);
  }
  page.set("sections", sections);
  page.set("multipart", multipart);
  for (const auto& [name, value] : extra_) page.set(name, value);
  return page;
}

void SetErrorSummary(Data& page, const std::vector<std::pair<std::string, std::string>>& errors) {
  Data summary(Data::type::list);
  for (const auto& [field, text] : errors) {
    Data item(Data::type::object);
    item.set("text", text);
    item.set("href", "#" + field);
    summary.push_back(item);
    if (!page.get(field + "_error")) page.set(field + "_error", text);
  }
  page.set("errors", summary);
  page.set("has_errors", !errors.empty());
}

http::Response FinishBackOfficeForm(const Site& site, const http::Request& request,
                                    const BackOffice& bo, FormView& form, const std::string& back,
                                    std::string_view submit_key, std::string_view back_key) {
  form.Submit(site.Tr(form.locale().code, submit_key));
  form.Back(back, site.Tr(form.locale().code, back_key));
  web::Data page = form.Data();
  page.set("csrf", bo.csrf.value);
  return RenderBackOfficePage(site, request, bo, form.Frame(request.target.substr(1)), "form_page",
                              std::move(page));
}

}  // namespace tilti::web
