#pragma once
// Good practices (migrations/sqlite/0023_practices.sql): submissions, their review, the public
// list with search and filters, and their images. The rules (categories, countries, checks, who
// may change what) are knowledge/practices.h and accounts/permissions.h.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "store/hackathon_store.h"
#include "store/sql.h"
#include "store/translation_store.h"
#include "store/upload_store.h"

namespace tilti::store {

// A practice as stored: texts in its source locale.
struct PracticeSource {
  std::string id, slug, status, source_locale = "lv", category;
  std::string title, problem, audience, what_done, cost, results, watch_out;
  std::string organization_id, library_name, country;
  std::string submitted_by, submitted_at, review_note, reviewed_by, published_at;
  bool is_sample = false;
  std::string source_note;
  std::vector<std::string> target_group_ids, event_ids, service_ids;
};
std::optional<PracticeSource> LoadPractice(Connection& c, std::string_view slug);

// Writes a practice: a new one when `id` is empty (its `slug`, or when empty a free one from its
// title; `status`, "submitted" when empty;
// submitted_at = now), else its texts, library, country, target groups and links (status,
// submitter and review fields are left as they are; a returned practice that its author
// changes is submitted again: pass status "submitted"). Keeps the search text in step.
// Returns the slug.
std::string SavePractice(Connection& c, const PracticeSource& p, std::string_view now);

// A coordinator's decision: the new status, the note for the author ("" when published) and
// who decided. Publishing sets published_at the first time only (the feed's date).
void SetPracticeStatus(Connection& c, std::string_view id, std::string_view status,
                       std::string_view note, std::string_view reviewer, std::string_view now);

// Brings the folded search text up to date with the practice's texts in every locale (its own
// and the translations' rows). SavePractice calls it; so must anything that writes a
// practice's translations.
void RefreshPracticeSearch(Connection& c, std::string_view id);

// The practice's texts beside their translations into `locale` (the translate form).
std::vector<TextTranslation> PracticeTranslation(Connection& c, const PracticeSource& p, std::string_view locale);
// Writes a person's translation of the practice's texts into `locale` (an empty text removes
// that field's translation; fields that are not the practice's are ignored; nothing when
// `locale` is its source locale) and refreshes its search text.
void SavePracticeTranslation(Connection& c, const PracticeSource& p, std::string_view locale,
                             const std::vector<std::pair<std::string, std::string>>& texts, std::string_view now);

struct PracticeLink {
  std::string id;
  LocalizedText name;
};

struct PracticeImage {
  std::string id;
  UploadInfo file;
  LocalizedText alt, caption;
};

// A practice as readers see it, in their best locale.
struct PracticeView {
  std::string id, slug, status, category, country, source_locale;
  LocalizedText title, problem, audience, what_done, cost, results, watch_out;
  LocalizedText library;             // the directory's name, or the typed one
  std::string library_slug;          // "" when the library is not in the directory
  std::string organization_id;
  std::string submitted_by, submitted_at, review_note, published_at, last_modified;
  bool is_sample = false;
  std::string source_note;
  std::vector<LocalizedText> target_groups;  // by the terms' order
  std::vector<PracticeLink> events, services;
  std::vector<PracticeImage> images;         // in their order
};
// One practice with everything (any status: the caller decides who may see it).
std::optional<PracticeView> PracticeBySlug(Connection& c, std::string_view slug,
                                           const LocaleChain& chain);

// The public list's search and filters; empty fields do not filter.
struct PracticeFilter {
  std::string query;            // every word must begin a word (folded) of the texts of some locale
  std::string category;         // a kPracticeCategories code
  std::string country;          // ISO 3166-1 alpha-2
  std::string target_group_id;  // a 'target-group' term id
};
struct PracticeList {
  std::vector<PracticeView> items;  // list fields only: no links; the first image alone
  int64_t total = 0;                // matching practices, all pages
};
// Published practices matching `filter`, the newest publication first.
PracticeList PublishedPractices(Connection& c, const PracticeFilter& filter,
                                const LocaleChain& chain, int64_t limit, int64_t offset);
// The countries that have published practices (the filter offers only these).
std::vector<std::string> PracticeCountries(Connection& c);

// The back office's list: every practice (`everything`) or those the account submitted or that
// belong to one of `organization_ids`; waiting ones first, then returned, then published.
std::vector<PracticeView> PracticesInBackOffice(Connection& c, bool everything,
                                                std::string_view account_id,
                                                const std::vector<std::string>& organization_ids,
                                                const LocaleChain& chain);
// How many wait for review (the dashboard's count).
int64_t PracticesWaiting(Connection& c);

// The organisations of `ids` (an account's memberships) by name: what a librarian or partner
// may submit a practice for.
std::vector<NamedOrganization> NamedOrganizations(Connection& c, const std::vector<std::string>& ids,
                                                  const LocaleChain& chain);

// Images: added at the end, removed by id. The file stays stored.
std::string AddPracticeImage(Connection& c, std::string_view practice_id, std::string_view upload_id,
                             std::string_view alt, std::string_view caption, std::string_view now);
// The practice id of an image, or nullopt.
std::optional<std::string> PracticeOfImage(Connection& c, std::string_view image_id);
void DeletePracticeImage(Connection& c, std::string_view image_id);

}  // namespace tilti::store
