#pragma once
// Writing initiatives (issue 7's back-office form): the texts in their source locale, the
// period, the lead, partners and libraries taking part, and the budget by funding source. The
// checks of the form itself are programme/initiative_form.h's.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "programme/budget.h"
#include "store/sql.h"

namespace tilti::store {

struct InitiativeSource {
  std::string id, slug, name, short_name, description, programme, call_code, starts_on, ends_on,
      source_locale;
  std::string lead_id;                                  // "" when none
  std::vector<std::string> partner_ids, library_ids;    // by name
  std::optional<int64_t> total_cents;
  std::vector<programme::FundingLine> funding;          // in order
  std::vector<std::string> target_group_ids;            // 'target-group' term ids
  std::vector<std::pair<std::string, std::string>> results;  // text (source locale), status
};
std::optional<InitiativeSource> LoadInitiativeSource(Connection& c, std::string_view slug);

// How a form names an organisation: its slug, or its name in any locale (compared folded, so
// case and diacritics do not matter). `names_by_id` gives each found id's name in the
// organisation's source locale (for filling the form back in).
struct ResolvedOrganizations {
  std::vector<std::string> ids;      // in the order typed, without repeats
  std::vector<std::string> unknown;  // the lines that name no organisation (or more than one)
};
ResolvedOrganizations ResolveOrganizations(Connection& c, const std::vector<std::string>& typed,
                                           bool libraries_only);
std::string OrganizationName(Connection& c, std::string_view id);

struct InitiativeValues {
  std::string name, short_name, description, programme, call_code;
  std::optional<std::string> starts_on, ends_on, lead_id;
  std::vector<std::string> partner_ids, library_ids;
  std::optional<int64_t> total_cents;
  std::vector<programme::FundingLine> funding;
  std::vector<std::string> target_group_ids;                 // must be 'target-group' term ids
  std::vector<std::pair<std::string, std::string>> results;  // text, status (checked)
};

// Writes the initiative (a new one when `id` is empty, with a slug made from its short name or
// name) and returns its slug. Members: the lead (an 'administrator' stays one), the partners, the
// libraries taking part; organisations of its local partnerships stay members whatever the form
// says. A funding row keeps its source note when its funder and amount are unchanged; the Nth
// expected result keeps the Nth stored one's id (and so its translations, flagged outdated when
// its text changes).
std::string SaveInitiative(Connection& c, std::string_view id, const InitiativeValues& v,
                           std::string_view source_locale, std::string_view now);

// A news item as stored (its texts in the initiative's source locale), and writing one (a new
// one when `id` is empty); returns the item's id.
struct NewsSource {
  std::string id, initiative_id, published_on, title, body;
};
std::optional<NewsSource> LoadNews(Connection& c, std::string_view id);
std::string SaveNews(Connection& c, std::string_view id, std::string_view initiative_id,
                     const NewsSource& values, std::string_view now);

// A local partnership of an initiative: the library, the municipality body and the integration
// institution (organisation ids; "" when none) and since when. Saving makes the three members of
// the initiative (as participants) and fails with kConflict when the library already has a
// partnership in the initiative.
struct PartnershipSource {
  std::string id, initiative_id, library_id, municipality_id, integration_id, starts_on;
};
std::optional<PartnershipSource> LoadPartnership(Connection& c, std::string_view id);
Result<std::string> SavePartnership(Connection& c, const PartnershipSource& p);

}  // namespace tilti::store
