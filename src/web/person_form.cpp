#include "web/person_form.h"

#include <algorithm>

#include "web/session.h"

namespace tilti::web {

std::vector<std::string> LocaleCodes(const Site& site) {
  std::vector<std::string> codes;
  for (const auto& l : site.messages().Locales()) codes.push_back(l.code);
  return codes;
}

// The fields a person fills in, shared by the registration form and the change form.
void PersonFields(const Site& site, const i18n::LocaleInfo& locale, FormView& form,
                  const events::RegistrationInput& in,
                  const std::vector<std::string>& interpreted) {
  const std::string& lang = locale.code;
  FormField& name = form.Text("name", site.Tr(lang, "registration.name"), in.name);
  name.hint = site.Tr(lang, "registration.name_hint");
  name.autocomplete = "nickname";
  FormField& contact = form.Text("contact", site.Tr(lang, "registration.contact"), in.contact);
  contact.hint = site.Tr(lang, "registration.contact_hint");
  contact.optional = true;
  FormField party;
  party.kind = FormField::Kind::kNumber;
  party.name = "party_size";
  party.label = site.Tr(lang, "registration.party_size");
  party.hint = site.Tr(lang, "registration.party_size_hint", {{"max", events::kMaxPartySize}});
  party.value = in.party_size;
  party.width = "short";
  party.inputmode = "numeric";
  party.min = "1";
  party.max = std::to_string(events::kMaxPartySize);
  form.Add(std::move(party));
  FormField language;
  language.kind = FormField::Kind::kSelect;
  language.name = "language";
  language.label = site.Tr(lang, "registration.language");
  for (const auto& l : site.messages().Locales()) {
    language.options.push_back({l.code, l.endonym, l.code == in.language, l.code});
  }
  form.Add(std::move(language));
  FormField needs;
  needs.kind = FormField::Kind::kCheckboxes;
  needs.name = "needs";
  needs.label = site.Tr(lang, "registration.needs");
  needs.optional = true;
  auto ticked = [&](const std::string& code) {
    return std::find(in.needs.begin(), in.needs.end(), code) != in.needs.end();
  };
  for (const std::string& code : interpreted) {
    const std::string value = "interpreter:" + code;
    needs.options.push_back({value,
                             site.Tr(lang, "registration.need.interpreter",
                                     {{"language", site.LanguageNameIn(code, lang)}}),
                             ticked(value), ""});
  }
  for (const std::string& code : events::FixedNeeds()) {
    needs.options.push_back({code, site.Tr(lang, "registration.need." + code), ticked(code), ""});
  }
  form.Add(std::move(needs));
  FormField& note = form.TextArea("note", site.Tr(lang, "registration.note"), in.note);
  note.optional = true;
  note.hint = site.Tr(lang, "registration.note_hint");
}

events::RegistrationInput ParseInput(const http::Request& request, std::string* csrf,
                                     std::map<std::string, std::string>* other) {
  events::RegistrationInput in;
  for (auto& [name, value] : http::ParseQuery(request.body)) {
    if (name == "name") in.name = value;
    else if (name == "contact") in.contact = value;
    else if (name == "party_size") in.party_size = value;
    else if (name == "language") in.language = value;
    else if (name == "note") in.note = value;
    else if (name == "needs") in.needs.push_back(value);
    else if (name == kCsrfField) *csrf = value;
    else if (other) (*other)[name] = value;
  }
  return in;
}

void AddErrors(const Site& site, const i18n::LocaleInfo& locale, FormView& form,
               const std::vector<FieldError>& errors, const i18n::Args& args) {
  for (const FieldError& e : errors) {
    form.Error(e.field, site.Tr(locale.code, e.message_key, args));
  }
}

http::Response Private(const Site& site, http::Response response, const CsrfToken& token) {
  response.Set("Cache-Control", kPrivateNoStore);
  // The URL of the private page holds the token: no Referer to other sites, never indexed.
  response.Set("Referrer-Policy", "same-origin");
  response.Set("X-Robots-Tag", "noindex, nofollow");
  if (token.is_new) {
    response.headers.emplace_back("Set-Cookie", CsrfCookie(token, ServedOverHttps(site)));
  }
  return response;
}

std::string NeedsText(const Site& site, std::string_view lang, const std::vector<std::string>& needs,
                      const std::string& note) {
  std::string out;
  for (const std::string& code : needs) {
    std::string text =
        code.starts_with("interpreter:")
            ? site.Tr(lang, "registration.need.interpreter",
                      {{"language", site.LanguageNameIn(code.substr(12), lang)}})
            : site.Tr(lang, "registration.need." + code);
    out += (out.empty() ? "" : "; ") + text;
  }
  if (!note.empty()) out += (out.empty() ? "" : "; ") + note;
  return out;
}

}  // namespace tilti::web
