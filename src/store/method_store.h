#pragma once
// The methodology library (migrations/sqlite/0022_methods.sql): documents for librarians, each
// with versions that never change once written.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "store/sql.h"
#include "store/upload_store.h"

namespace tilti::store {

struct MethodVersionView {
  std::string id;
  int64_t number = 0;
  std::string published_on;      // "" when not known
  LocalizedText note, body;      // in the reader's best locale
  std::optional<UploadInfo> file;
};

struct MethodDocumentView {
  std::string id, slug, topic, source_locale;
  LocalizedText title, summary;
  std::vector<MethodVersionView> versions;  // the newest first; [0] is the current one
};

// Every document with its current version only, by topic order then title.
std::vector<MethodDocumentView> MethodDocuments(Connection& c, const LocaleChain& chain);
// One document with all its versions.
std::optional<MethodDocumentView> MethodDocumentBySlug(Connection& c, std::string_view slug,
                                                       const LocaleChain& chain);

// A document's own texts as stored (source locale).
struct MethodDocumentSource {
  std::string id, slug, topic, source_locale, title, summary;
};
std::optional<MethodDocumentSource> LoadMethodDocument(Connection& c, std::string_view slug);
// Writes a document's texts (a new one when `id` is empty, with a slug from its title) and
// returns its slug.
std::string SaveMethodDocument(Connection& c, const MethodDocumentSource& d, std::string_view now);

// A new version of a document: the next number. `published_on` "" when not known.
struct NewMethodVersion {
  std::string published_on, note, body, upload_id, account_id;
};
int64_t AddMethodVersion(Connection& c, std::string_view document_id, const NewMethodVersion& v,
                         std::string_view now);

}  // namespace tilti::store
