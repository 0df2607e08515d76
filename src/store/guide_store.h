#pragma once
// Guides for newcomers (issue 8, migrations/sqlite/0021_guides.sql): Markdown pages per topic,
// written in a source locale and translated per locale in `translation` (entity 'guide') with
// its outdated flag; an optional easy-language version (another guide), an optional video with
// what it shows and one WebVTT captions file per locale. Run writes inside a write transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/localized_text.h"
#include "store/sql.h"
#include "store/upload_store.h"

namespace tilti::store {

// The topics of the list, in their order: "libraries", "library-card", "learning-latvian",
// "e-services", "integration".
const std::vector<std::string>& GuideTopics();
// The translated text fields: "title", "summary", "body", "video_description".
const std::vector<std::string>& GuideTextFields();

// A guide as stored, its texts in its source locale.
struct GuideSource {
  std::string id, slug, source_locale = "lv", topic = "libraries";
  int64_t position = 0;
  std::string title, summary, body;  // body: Markdown
  std::string easy_version_of;       // the id of the guide this one is the easy version of; ""
  bool published = false;
  std::string video_upload_id;    // "" when there is no video
  std::string video_description;  // what the video shows, for those who cannot watch it
};
std::optional<GuideSource> LoadGuideBySlug(Connection& c, std::string_view slug);
std::optional<GuideSource> LoadGuideById(Connection& c, std::string_view id);
// Inserts (empty id: a new random id) or updates the guide and keeps the 'original'
// translation rows in step (the trigger flags the other locales outdated when a text changes).
// The slug must be free (LoadGuideBySlug) and easy_version_of a guide that has no easy version
// yet (EasyVersionTaken); else the database refuses (SqlError). Returns the id.
std::string SaveGuide(Connection& c, const GuideSource& guide, std::string_view now);
// Whether `original_id` already has an easy-language version other than `except_id`.
bool EasyVersionTaken(Connection& c, std::string_view original_id, std::string_view except_id);

// A text picked for a reader: in the best locale of the chain that has it, else the source.
struct GuideText {
  std::string text, locale;
  bool outdated = false;  // a translation written before the source text last changed
  LocalizedText Localized() const { return {text, locale}; }
};

struct GuideCaption {
  std::string locale;
  UploadInfo file;
};

// A guide as its public page shows it.
struct GuideView {
  std::string id, slug, topic, source_locale;
  bool published = false;
  GuideText title, summary, body, video_description;
  std::optional<UploadInfo> video;
  std::vector<GuideCaption> captions;  // in locale order
  // Its easy-language version ("" when none, or unpublished when `published_only`)...
  std::string easy_slug;
  GuideText easy_title;
  // ...or, when this guide is an easy-language version, the guide it simplifies.
  std::string original_slug;
  GuideText original_title;
};
// The guide of `slug` for a reader of `chain`; nullopt when there is none (or, with
// `published_only`, when it is not published).
std::optional<GuideView> ReadGuide(Connection& c, std::string_view slug, const LocaleChain& chain,
                                   bool published_only);

struct GuideListItem {
  std::string id, slug, topic;
  int64_t position = 0;
  bool published = false;
  bool is_easy = false;  // an easy-language version of another guide
  GuideText title, summary;
};
// Every guide (or the published ones) in topic order, then position, then title.
std::vector<GuideListItem> ListGuides(Connection& c, const LocaleChain& chain, bool published_only);

// Where a guide's translation into `locale` stands: "original" (its source locale),
// "outdated" (a text changed after it was translated), "missing" (a text with no translation)
// or "translated".
std::string GuideLocaleState(Connection& c, std::string_view guide_id, std::string_view locale);

// One text of a guide in one target locale, beside its source.
struct GuideTranslationField {
  std::string field, source_text;
  std::string value;  // "" when there is none
  bool outdated = false;
};
// Every text field that has a source text, in GuideTextFields order.
std::vector<GuideTranslationField> ReadGuideTranslation(Connection& c, std::string_view guide_id,
                                                        std::string_view locale);
// Writes `locale`'s texts (source 'human', not outdated); "" removes a text (the page falls
// back). Never touches the source locale. Fields not in GuideTextFields are ignored.
void SaveGuideTranslation(Connection& c, std::string_view guide_id, std::string_view locale,
                          const std::vector<std::pair<std::string, std::string>>& texts,
                          std::string_view now);

// Sets (or replaces) the captions file of `locale`.
void SetGuideCaption(Connection& c, std::string_view guide_id, std::string_view locale,
                     std::string_view upload_id);
// The captions in locale order.
std::vector<GuideCaption> GuideCaptions(Connection& c, std::string_view guide_id);

}  // namespace tilti::store
