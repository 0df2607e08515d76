#pragma once
// What a person gives when they register for an event or book a resource (issue 5 and 6 share
// one model, events/registration_rules): the fields, reading them from a form, and the headers
// of a page reached by a private link.
#include <map>
#include <string>
#include <vector>

#include "events/registration_rules.h"
#include "web/csrf.h"
#include "web/form_view.h"
#include "web/site.h"

namespace tilti::web {

// The site's locale codes (the languages a person may choose).
std::vector<std::string> LocaleCodes(const Site& site);

// The fields a person fills in: name or nickname, a way to reach them (optional), party size,
// language, needs (an interpreter into each of `interpreted`, and the fixed ones) and a note.
void PersonFields(const Site& site, const i18n::LocaleInfo& locale, FormView& form,
                  const events::RegistrationInput& in,
                  const std::vector<std::string>& interpreted);

// The person's fields of a posted form; the CSRF field goes to *csrf and, with `other`, every
// other field there.
events::RegistrationInput ParseInput(const http::Request& request, std::string* csrf,
                                     std::map<std::string, std::string>* other = nullptr);

// The needs as one line in the page's language ("An interpreter into Ukrainian; Step-free
// access; <note>"); "" when there are none.
std::string NeedsText(const Site& site, std::string_view lang, const std::vector<std::string>& needs,
                      const std::string& note);

// The field errors in the page's language (`args` fill their placeholders).
void AddErrors(const Site& site, const i18n::LocaleInfo& locale, FormView& form,
               const std::vector<FieldError>& errors, const i18n::Args& args = {});

// A page reached by a private link: never stored by caches, never indexed, no Referer to other
// sites (the URL holds the token); sets the CSRF cookie when it is new.
http::Response Private(const Site& site, http::Response response, const CsrfToken& token);

}  // namespace tilti::web
