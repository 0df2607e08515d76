#pragma once
// The rules of the back office's directory forms: what a library's texts, contacts, place,
// hours, exceptions and services may be. Pure functions from the raw values typed into a form
// to typed values, or field errors whose message_key the web layer says in the user's
// language. Nothing here reads a request or a database.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "directory/opening_hours.h"

namespace tilti::directory {

template <typename T>
struct Checked {
  T value{};
  std::vector<FieldError> errors;  // empty when `value` may be stored
  bool ok() const { return errors.empty(); }
};

inline constexpr size_t kMaxNameChars = 200;
inline constexpr size_t kMaxDescriptionChars = 5000;

struct LibraryTexts {
  std::string name, alternate_name, description;
  bool operator==(const LibraryTexts&) const = default;
};
// name: required, at most kMaxNameChars, one line; alternate_name: optional, the same;
// description: optional, at most kMaxDescriptionChars, line breaks allowed. Texts are trimmed.
// Keys: edit.error.name_missing, edit.error.too_long, edit.error.control_characters.
Checked<LibraryTexts> CheckLibraryTexts(std::string_view name, std::string_view alternate_name,
                                        std::string_view description);

struct LibraryContacts {
  std::string email, website;
  std::vector<std::string> phones;  // as typed, normalised spacing
  bool operator==(const LibraryContacts&) const = default;
};
// email optional (local@domain.tld); website optional, http(s) only (a bare domain gets
// https://); phones one per line, each digits with optional leading '+' and spaces, dashes or
// parentheses, 5 to 20 digits. Keys: edit.error.email_invalid, edit.error.website_invalid,
// edit.error.phone_invalid.
Checked<LibraryContacts> CheckLibraryContacts(std::string_view email, std::string_view website,
                                              std::string_view phones_text);

struct LibraryPlace {
  std::string address_1, city, postal_code;
  std::optional<double> latitude, longitude;
  bool operator==(const LibraryPlace&) const = default;
};
// Street and town required; postal code optional (LV-1234 or 1234 for Latvia is normalised to
// LV-1234). Coordinates: both or neither, decimal degrees with '.' or ',' (a "56.95, 24.1" pair
// typed into the latitude field is split), latitude -90..90, longitude -180..180. Keys:
// edit.error.street_missing, edit.error.city_missing, edit.error.postal_code_invalid,
// edit.error.latitude_invalid, edit.error.longitude_invalid, edit.error.coordinates_half.
Checked<LibraryPlace> CheckLibraryPlace(std::string_view address_1, std::string_view city,
                                        std::string_view postal_code,
                                        std::string_view latitude, std::string_view longitude);

// One typed weekday row of the hours form: up to two opening ranges ("" = not used).
struct DayInput {
  std::string opens1, closes1, opens2, closes2;
};
// days[0] is Monday. Field names in errors: "<mo|tu|...>-opens1" etc. Keys: hours.error.time,
// hours.error.closes_not_after_opens, hours.error.half_range, hours.error.overlap.
Checked<std::vector<Period>> CheckWeeklyHours(const std::vector<DayInput>& days);
// "mo".."su" for 1..7.
std::string_view WeekdayCode(int iso_weekday);

struct ExceptionInput {
  std::string date;  // YYYY-MM-DD
  bool closed = true;
  // When not closed: that day's hours, or both empty for the usual weekly hours (a library
  // open on a public holiday).
  std::string opens_at, closes_at, note;
};
enum class ExceptionMode { kClosed, kOtherHours, kUsualHours };
// date required (YYYY-MM-DD, or DD.MM.YYYY as Latvians write it), not before `today`; with
// other hours, opening and closing times required (and ignored otherwise). Keys: edit.error.date_invalid,
// edit.error.date_past, hours.error.time, hours.error.closes_not_after_opens,
// edit.error.too_long.
Checked<ExceptionInput> CheckException(std::string_view date, ExceptionMode mode,
                                       std::string_view opens_at, std::string_view closes_at,
                                       std::string_view note, std::string_view today);

struct ServiceInput {
  std::string name, description, status = "active";
  std::vector<std::string> types, audiences;  // taxonomy term codes
  bool operator==(const ServiceInput&) const = default;
};
// name required; status one of active, inactive, temporarily closed; term codes must be among
// `known_types` / `known_audiences`. Keys: edit.error.name_missing, edit.error.too_long,
// edit.error.control_characters, edit.error.status_invalid, edit.error.term_unknown.
Checked<ServiceInput> CheckService(std::string_view name, std::string_view description,
                                   std::string_view status, std::vector<std::string> types,
                                   std::vector<std::string> audiences,
                                   const std::vector<std::string>& known_types,
                                   const std::vector<std::string>& known_audiences);

// Codes among `known` (in `known`'s order, each once); unknown ones are an error
// (edit.error.term_unknown) under `field`.
Checked<std::vector<std::string>> CheckChoices(const std::vector<std::string>& chosen,
                                               const std::vector<std::string>& known,
                                               std::string_view field);

struct NewOrganization {
  std::string kind, name, source_locale, country, municipality_id;
};
// kind one of library, municipality, municipal_body, ngo, state_agency, foreign_partner;
// name as CheckLibraryTexts; source_locale among `locales`; country two capital letters (LV
// when empty); municipality_id "" or among `municipalities`. Keys: edit.error.kind_invalid,
// edit.error.name_missing, edit.error.too_long, edit.error.control_characters,
// edit.error.locale_invalid, edit.error.country_invalid, edit.error.term_unknown.
Checked<NewOrganization> CheckNewOrganization(std::string_view kind, std::string_view name,
                                              std::string_view source_locale,
                                              std::string_view country,
                                              std::string_view municipality_id,
                                              const std::vector<std::string>& locales,
                                              const std::vector<std::string>& municipalities);
// The organisation kinds, in the order forms offer them.
const std::vector<std::string>& OrganizationKinds();

// The ISO 639-1 codes the languages form offers (the seeds' languages first).
const std::vector<std::string>& OfferedLanguageCodes();

}  // namespace tilti::directory
