#pragma once
// The coordinators' editing of taxonomies (service types, target groups, accessibility
// features, event categories): term names in every locale, and new terms. Term names live in
// `translation` (entity 'taxonomy_term', field 'name'): Latvian is the source ('original'),
// the other locales are translations ('human'); taxonomy_term.name keeps the English name as
// migration 0002 says. Writes run inside Database::Write and are audited.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "store/audit_store.h"
#include "store/sql.h"

namespace tilti::store {

struct TaxonomyTerms {
  std::string code;
  LocalizedText name;
  struct Term {
    std::string code;
    std::map<std::string, std::string, std::less<>> names;  // locale -> name
  };
  std::vector<Term> terms;  // in display order
};

// Every taxonomy with its terms and their names in every locale.
std::vector<TaxonomyTerms> AllTaxonomies(Connection& c, const LocaleChain& chain);

struct TermRecord {
  std::string id, taxonomy_code, code;
  std::map<std::string, std::string, std::less<>> names;  // locale -> name
};
std::optional<TermRecord> TermByCode(Connection& c, std::string_view taxonomy_code,
                                     std::string_view term_code);

// Writes the names (an empty name removes that locale's; the Latvian one must not be empty:
// validate first). Returns how many names changed.
int SaveTermNames(Connection& c, const TermRecord& before,
                  const std::map<std::string, std::string, std::less<>>& names,
                  const Author& author, std::string_view now);

// Adds a term at the end of the taxonomy; false when the code is taken (nothing written) or
// the taxonomy does not exist.
bool AddTerm(Connection& c, std::string_view taxonomy_code, std::string_view term_code,
             const std::map<std::string, std::string, std::less<>>& names, const Author& author,
             std::string_view now);

}  // namespace tilti::store
