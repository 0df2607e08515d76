#include "events/registration_rules.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace tilti::events {
namespace {

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Loosely an e-mail address: something@something.tld without spaces.
bool LooksLikeEmail(std::string_view s) {
  const size_t at = s.find('@');
  if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const size_t dot = s.find('.', at);
  if (dot == std::string_view::npos || dot == at + 1 || dot + 1 >= s.size()) return false;
  return std::none_of(s.begin(), s.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c));
  });
}

// Loosely a phone number: 7 to 15 digits, with spaces, +, -, . and parentheses between them.
bool LooksLikePhone(std::string_view s) {
  int digits = 0;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
    else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')' && c != '.') return false;
  }
  return digits >= 7 && digits <= 15;
}

}  // namespace

const std::vector<std::string>& FixedNeeds() {
  static const std::vector<std::string> kNeeds = {"step-free", "sign-language", "easy-language"};
  return kNeeds;
}

Result<RegistrationForm> ValidateRegistration(const RegistrationInput& input,
                                              const RegistrationContext& context) {
  std::vector<FieldError> errors;
  RegistrationForm form;
  form.name = TrimSpace(input.name);
  const long name_chars = Utf8Length(form.name);
  if (name_chars < 0) errors.push_back({"name", "registration.error.text_invalid"});
  else if (name_chars == 0) errors.push_back({"name", "registration.error.name_missing"});
  else if (name_chars > kMaxNameChars) errors.push_back({"name", "registration.error.name_too_long"});

  form.contact = TrimSpace(input.contact);
  const long contact_chars = Utf8Length(form.contact);
  if (contact_chars > kMaxContactChars) {
    errors.push_back({"contact", "registration.error.contact_too_long"});
  } else if (!form.contact.empty() && !LooksLikeEmail(form.contact) &&
             !LooksLikePhone(form.contact)) {
    errors.push_back({"contact", "registration.error.contact_invalid"});
  }

  const std::string party = TrimSpace(input.party_size);
  const bool digits = !party.empty() && party.size() <= 3 &&
                      std::all_of(party.begin(), party.end(),
                                  [](char c) { return c >= '0' && c <= '9'; });
  form.party_size = digits ? std::stoi(party) : 0;
  if (form.party_size < 1 || form.party_size > kMaxPartySize) {
    errors.push_back({"party_size", "registration.error.party_size"});
  } else if (context.capacity && form.party_size > *context.capacity) {
    errors.push_back({"party_size", "registration.error.party_over_capacity"});
  }

  form.language = input.language;
  if (!Contains(context.locales, form.language)) {
    errors.push_back({"language", "registration.error.language"});
  }

  // Known needs in a stable order; anything else is refused, not silently dropped.
  for (const std::string& code : FixedNeeds()) {
    if (Contains(input.needs, code)) form.needs.push_back(code);
  }
  for (const std::string& lang : context.interpreted_languages) {
    if (Contains(input.needs, "interpreter:" + lang)) form.needs.push_back("interpreter:" + lang);
  }
  for (const std::string& code : input.needs) {
    if (!Contains(form.needs, code)) {
      errors.push_back({"needs", "registration.error.need_unknown"});
      break;
    }
  }

  form.note = TrimSpace(input.note);
  const long note_chars = Utf8Length(form.note);
  if (note_chars < 0) errors.push_back({"note", "registration.error.text_invalid"});
  else if (note_chars > kMaxNoteChars) errors.push_back({"note", "registration.error.note_too_long"});

  if (!errors.empty()) {
    return Error{ErrorCode::kInvalidInput, "registration form", std::move(errors)};
  }
  return form;
}

std::string EncodeNeeds(const std::vector<std::string>& needs, std::string_view note) {
  std::string out;
  for (const std::string& n : needs) {
    if (!out.empty()) out += ',';
    out += n;
  }
  if (!note.empty()) {
    out += '\n';
    for (char c : note) out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

void DecodeNeeds(std::string_view stored, std::vector<std::string>* needs, std::string* note) {
  needs->clear();
  note->clear();
  const size_t nl = stored.find('\n');
  std::string_view codes = stored.substr(0, nl);
  if (nl != std::string_view::npos) *note = std::string(stored.substr(nl + 1));
  while (!codes.empty()) {
    const size_t comma = codes.find(',');
    if (comma != 0) needs->emplace_back(codes.substr(0, comma));
    if (comma == std::string_view::npos) break;
    codes.remove_prefix(comma + 1);
  }
}

std::string_view PlaceStatusName(PlaceStatus status) {
  switch (status) {
    case PlaceStatus::kConfirmed: return "confirmed";
    case PlaceStatus::kWaitlisted: return "waitlisted";
    case PlaceStatus::kPending: return "pending";
    case PlaceStatus::kCancelled: return "cancelled";
    case PlaceStatus::kDeclined: return "declined";
  }
  return "cancelled";
}

std::optional<PlaceStatus> ParsePlaceStatus(std::string_view s) {
  for (PlaceStatus p : {PlaceStatus::kConfirmed, PlaceStatus::kWaitlisted, PlaceStatus::kPending,
                        PlaceStatus::kCancelled, PlaceStatus::kDeclined}) {
    if (PlaceStatusName(p) == s) return p;
  }
  return std::nullopt;
}

PlaceStatus PlaceFor(RegistrationMode mode, bool approved, std::optional<int> capacity,
                     int confirmed, int waiting, int party) {
  if (mode == RegistrationMode::kApproval && !approved) return PlaceStatus::kPending;
  if (!capacity) return PlaceStatus::kConfirmed;
  if (waiting == 0 && confirmed + party <= *capacity) return PlaceStatus::kConfirmed;
  return PlaceStatus::kWaitlisted;
}

size_t PartiesToPromote(std::optional<int> capacity, int confirmed,
                        const std::vector<int>& waitlist_parties) {
  if (!capacity) return waitlist_parties.size();
  size_t n = 0;
  int taken = confirmed;
  while (n < waitlist_parties.size() && taken + waitlist_parties[n] <= *capacity) {
    taken += waitlist_parties[n++];
  }
  return n;
}

}  // namespace tilti::events
