#pragma once
// The translation workflow of the back office: the texts of organisations, locations and
// services in one target locale beside their originals, the backlog per organisation, and
// writing translations (source 'human'). The 'original' rows are never written here: they
// follow the record's own columns (directory edits), and the trigger of migration 0001 flags
// the other locales outdated when an original changes.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "store/audit_store.h"
#include "store/manage_queries.h"
#include "store/sql.h"

namespace tilti::store {

// 'organization', 'location', 'service'.
bool IsTranslatableEntity(std::string_view entity);
// The human text fields of `entity` that have translations ({"name", "description"}); empty
// for any other entity.
const std::vector<std::string>& TranslatableFields(std::string_view entity);

// One text field of a record in one target locale.
struct TranslationField {
  std::string field;
  std::string source_text, source_locale;  // the original ("" when the field is empty)
  std::string value;                       // the target locale's text, "" when there is none
  std::string source;                      // 'human', 'machine', 'original' or "" (none)
  bool outdated = false;                   // the original changed since it was translated
};

struct TranslatableRecord {
  std::string entity, id, organization_id, source_locale;
  std::string name;  // the record's name in its source locale (for headings)
  std::vector<TranslationField> fields;  // in TranslatableFields order
};

// The record with every translatable field's original and its `locale` translation; nullopt
// when there is no such record.
std::optional<TranslatableRecord> ReadTranslatable(Connection& c, std::string_view entity,
                                                   std::string_view id, std::string_view locale);

// A translation to write: "" removes the locale's row (the pages fall back).
struct TranslationEdit {
  std::string field;
  std::string value;
};

// Writes `edits` as `locale` translations of the record (source 'human', outdated 0,
// updated_at `now`), removes emptied ones, never touches an 'original' row, audits each
// changed field as "field@locale" (action 'translate') and calls DirectoryTextsChanged when
// anything changed. Run inside a write transaction. Fields not in TranslatableFields are
// ignored. Returns how many fields changed.
int SaveTranslations(Connection& c, std::string_view entity, std::string_view id,
                     std::string_view locale, const std::vector<TranslationEdit>& edits,
                     const Author& author, std::string_view now_rfc3339);

// The backlog of one organisation in one target locale.
struct BacklogRecord {
  std::string entity, id;
  std::string name;  // in its source locale
  int64_t missing = 0, outdated = 0;
};
struct OrganizationBacklog {
  std::string organization_id, slug;
  LocalizedText name;
  int64_t missing = 0;   // an original exists, no row in the locale
  int64_t outdated = 0;  // a row in the locale flagged outdated
  std::vector<BacklogRecord> records;  // those with work, at most a few per organisation
};
struct Backlog {
  int64_t organizations = 0;  // organisations of the filter with work
  int64_t missing = 0, outdated = 0;  // totals over all of them
  std::vector<OrganizationBacklog> page;  // `limit` of them from `offset`, in name order
};

// What is missing and outdated in `locale` for the organisations of `filter`: totals and one
// page of organisations with work. Two queries whatever the page size; the first groups every
// original of the filter (about 0.4 s of CPU for 70,000 libraries with two texts each).
Backlog TranslationBacklog(Connection& c, const LocaleChain& chain, std::string_view locale,
                           const OrganizationScope& filter, size_t limit, size_t offset,
                           size_t records_per_organization);

// One pending field for export: missing or outdated in the target locale.
struct PendingTranslation {
  std::string entity, id, field;
  std::string source_text, source_locale;
  std::string translation;  // the current (outdated) one, "" when missing
  bool outdated = false;
};

// The pending fields of `filter`'s organisations in `locale`, at most `limit`, in a stable
// order (entity, id, field).
std::vector<PendingTranslation> PendingTranslations(Connection& c, std::string_view locale,
                                                    const OrganizationScope& filter,
                                                    size_t limit);

// One entry of an imported file.
struct ImportedTranslation {
  int line = 0;  // where the entry starts in the file
  std::string entity, id, field;
  std::string source_text;  // as exported
  std::string translation;  // "" = nothing to import for this entry (skipped)
};

enum class ImportProblem {
  kUnknownEntry,      // no such record or field
  kNotPermitted,      // the actor may not translate the record's organisation
  kSourceChanged,     // the original differs from the exported source text
  kSourceLocale,      // the target locale is the field's own source locale
};
struct ImportOutcome {
  std::vector<std::pair<int, ImportProblem>> problems;  // line, problem; nothing written then
  int imported = 0;  // fields written (changed or confirmed)
};

// Imports `entries` into `locale` all or nothing: every entry is checked first (the record
// and field exist, `may_translate(organization_id)`, the original is still the exported
// source); with any problem nothing is written. Otherwise writes like SaveTranslations.
// Run inside a write transaction.
ImportOutcome ImportTranslations(Connection& c, std::string_view locale,
                                 const std::vector<ImportedTranslation>& entries,
                                 const std::function<bool(const std::string&)>& may_translate,
                                 const Author& author, std::string_view now_rfc3339);

// A text field in one locale beside its source text: the translate forms of records outside the
// directory (guides, practices).
struct TextTranslation {
  std::string field, source_text;
  std::string value;  // "" when there is none
  bool outdated = false;
};
// For each (field, source text) of `sources` whose source text is not empty, its translation
// into `locale`, in the order given.
std::vector<TextTranslation> TranslationsOf(Connection& c, std::string_view entity, std::string_view id,
                                            std::string_view locale,
                                            const std::vector<std::pair<std::string, std::string>>& sources);
// Writes each (field, value) of `texts` as a person's translation of entity/id into `locale`
// (not outdated); an empty value removes that field's translation. Never touches the
// 'original' rows: the caller checks that `locale` is not the record's source locale and that
// the fields are the record's.
void WriteHumanTranslations(Connection& c, std::string_view entity, std::string_view id,
                            std::string_view locale,
                            const std::vector<std::pair<std::string, std::string>>& texts,
                            std::string_view now);

// Writes the source text of entity.field: the record's own column is written by the caller;
// this keeps the 'original' translation row in step (its trigger flags the other locales'
// rows outdated when the text changes), or removes it when the text is emptied.
void WriteOriginal(Connection& c, std::string_view entity, std::string_view id,
                   std::string_view field, std::string_view locale, std::string_view value,
                   std::string_view now);

}  // namespace tilti::store
