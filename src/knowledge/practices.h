#pragma once
// Good practices (issue 8; seeds 001 and 004): the closed lists a practice is described with
// (categories, countries), the review states, and the checks of the submit form. Pure: no I/O;
// the store checks that the chosen library, target groups, events and services exist.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace tilti::knowledge {

// Seed 004:167-179, the four hackathon categories (language and cultural literacy; digital
// skills with interpreter support; access to information; community engagement); seed
// 004:197-200, two webinar topics (children, young people and families; the needs of
// vulnerable users); partnerships (seed 004's handbook); anything else.
inline constexpr std::array<std::string_view, 8> kPracticeCategories = {
    "language-culture", "digital-skills", "information-access", "community-engagement",
    "children-families", "vulnerable-users", "partnership", "other"};
bool IsPracticeCategory(std::string_view s);

// Where a practice may come from: the EU's member states, the EEA, Switzerland, the United
// Kingdom, Ukraine and Moldova (ISO 3166-1 alpha-2). Pages name them in the reader's language.
inline constexpr std::array<std::string_view, 34> kPracticeCountries = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH", "GB",
    "UA", "MD"};
bool IsPracticeCountry(std::string_view s);

// Review states: a submission waits for a coordinator, who publishes it or returns it to its
// author with a note; a returned practice that is changed waits again.
inline constexpr std::string_view kSubmitted = "submitted";
inline constexpr std::string_view kReturned = "returned";
inline constexpr std::string_view kPublished = "published";

inline constexpr long kMaxPracticeTitle = 200;      // characters
inline constexpr long kMaxPracticeShort = 1000;     // audience, cost, library name
inline constexpr long kMaxPracticeText = 20000;     // problem, what was done, results, watch out
inline constexpr long kMaxReviewNote = 2000;

struct PracticeForm {
  std::string category, title, problem, audience, what_done, cost, results, watch_out;
  std::string organization_id;  // "" when the library is named instead
  std::string library_name;     // a library that is not in the directory
  std::string country;
};
// Field errors (kInvalidInput), in the order of the form:
//   "title"        practices.error.title_missing / practices.error.too_long_200
//   "category"     practices.error.category        not one of kPracticeCategories
//   "organization" practices.error.library         neither a library chosen nor a name typed
//   "library_name" practices.error.too_long_1000   (a chosen library makes the name unused)
//   "country"      practices.error.country         not one of kPracticeCountries
//   "problem"      practices.error.problem_missing / practices.error.too_long_20000
//   "audience"     practices.error.too_long_1000
//   "what_done"    practices.error.what_done_missing / practices.error.too_long_20000
//   "cost"         practices.error.too_long_1000
//   "results", "watch_out"  practices.error.too_long_20000
Status CheckPractice(const PracticeForm& form);

// A coordinator's decision on a practice: "publish", "return" (with a note saying what to
// change) or "unpublish" (back to the author as returned, with a note).
// Field errors: "decision" practices.error.decision; "note" practices.error.note_missing (return
// and unpublish need one) / practices.error.too_long_2000.
Status CheckReview(std::string_view decision, std::string_view note);
// The state a decision leads to ("publish" → published, the others → returned).
std::string_view StateAfter(std::string_view decision);

}  // namespace tilti::knowledge
