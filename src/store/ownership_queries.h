#pragma once
// Which organisation a back-office object belongs to: the question every permission check
// asks (accounts::Can takes an organisation id). Each returns nullopt when there is no such
// object. Read-only.
#include <optional>
#include <string>
#include <string_view>

#include "store/sql.h"

namespace tilti::store {

// An organisation's slug; nullopt when it has none (or there is no such organisation).
std::optional<std::string> SlugOfOrganization(Connection& c, std::string_view organization_id);

// A library (or any organisation) by slug.
std::optional<std::string> OrganizationOfSlug(Connection& c, std::string_view slug);
std::optional<std::string> OrganizationOfService(Connection& c, std::string_view service_id);
std::optional<std::string> OrganizationOfLocation(Connection& c, std::string_view location_id);
std::optional<std::string> OrganizationOfReport(Connection& c, std::string_view report_id);
std::optional<std::string> OrganizationOfPendingChange(Connection& c, std::string_view id);
std::optional<std::string> OrganizationOfEvent(Connection& c, std::string_view event_id);
std::optional<std::string> OrganizationOfOccurrence(Connection& c, std::string_view occurrence_id);
// A record with translatable texts: entity is 'organization', 'location' or 'service' (any
// other entity, e.g. taxonomy terms, has no owner and gives nullopt; it is site-wide).
std::optional<std::string> OrganizationOfRecord(Connection& c, std::string_view entity,
                                                std::string_view id);

}  // namespace tilti::store
