#pragma once
// Initiatives for the public pages (issue 7): the list and one initiative with its programme,
// period, lead and partners (with their country), the libraries taking part, the local
// partnerships and the budget by funding source.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "programme/budget.h"
#include "store/sql.h"

namespace tilti::store {

struct InitiativeItem {
  std::string id, slug;
  LocalizedText name;
  std::string short_name, programme, call_code, starts_on, ends_on;  // "" when not known
};

struct InitiativeMember {
  std::string slug, kind, country, role;  // role: lead, partner, participant, administrator
  LocalizedText name;
};

struct InitiativePartnership {
  std::string library_slug;
  LocalizedText library, municipality, integration;  // empty text when none
};

struct InitiativeResult {
  std::string id, status;  // status: not-reported, in-progress, achieved, not-achieved
  LocalizedText text;
};

struct InitiativeNews {
  std::string id, published_on;
  LocalizedText title, body;
};

struct InitiativeDetail {
  InitiativeItem item;
  std::vector<InitiativeResult> results;          // in order
  std::vector<LocalizedText> target_groups;       // by name
  std::vector<InitiativeNews> news;               // the newest first
  LocalizedText description;
  std::vector<InitiativeMember> members;  // lead first, then partners, then the rest, by name
  std::vector<InitiativePartnership> partnerships;  // in the source table's order
  std::optional<int64_t> budget_total_cents;
  std::vector<programme::FundingLine> funding;      // in the order the source prints them
  std::vector<std::string> funding_notes;           // where each figure comes from
};

// Every initiative, the newest first.
std::vector<InitiativeItem> AllInitiatives(Connection& c, const LocaleChain& chain);
std::optional<InitiativeItem> InitiativeById(Connection& c, std::string_view id, const LocaleChain& chain);
// The initiative's item alone (forms that need its id, name and period).
std::optional<InitiativeItem> InitiativeItemBySlug(Connection& c, std::string_view slug,
                                                   const LocaleChain& chain);
std::optional<InitiativeDetail> InitiativeBySlug(Connection& c, std::string_view slug,
                                                 const LocaleChain& chain);

// An organisation's public contact points ("" where unknown): never a person's.
struct ContactPoints {
  std::string website, email, phone;
};

// Every local partnership (the public map of partnerships), by initiative and source order:
// the library with its coordinates (when known), the municipality body and the integration
// institution, each with its contact points.
struct PartnershipRow {
  std::string id, initiative_slug, initiative_short_name, library_slug, starts_on;
  LocalizedText initiative, library, municipality, integration;  // empty text when none
  std::optional<double> latitude, longitude;
  bool approximate = false;  // at the town's centre until the library confirms its address
  ContactPoints library_contact, municipality_contact, integration_contact;
};
std::vector<PartnershipRow> AllPartnerships(Connection& c, const LocaleChain& chain);

// The coordinator dashboard (issue 7): each initiative with what has been done in it.
struct InitiativeSummary {
  InitiativeItem item;
  int64_t libraries = 0, partnerships = 0, hackathons = 0, participants = 0, ideas = 0,
          ideas_in_action = 0;  // ideas running or done
};
std::vector<InitiativeSummary> InitiativeSummaries(Connection& c, const LocaleChain& chain);

// How many ideas there are of each category and status (only pairs that occur).
struct IdeaCount {
  std::string category, status;
  int64_t count = 0;
};
std::vector<IdeaCount> IdeaCounts(Connection& c);

// Libraries by when a person last confirmed their record (the oldest date among the
// organisation and its locations): never, before `cutoff` (YYYY-MM-DD), or since.
struct LibraryFreshness {
  int64_t libraries = 0, never_checked = 0, not_recently = 0;
};
LibraryFreshness CountLibraryFreshness(Connection& c, std::string_view cutoff);

}  // namespace tilti::store
