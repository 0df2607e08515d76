#include "store/ownership_queries.h"

namespace tilti::store {
namespace {

std::optional<std::string> One(Connection& c, const std::string& sql, std::string_view key) {
  Statement& st = c.Cached(sql);
  st.Bind(1, key);
  std::optional<std::string> out;
  if (st.Step() && !st.IsNull(0)) out = st.Text(0);
  st.Reset();
  return out;
}

}  // namespace

std::optional<std::string> SlugOfOrganization(Connection& c, std::string_view organization_id) {
  return One(c, "SELECT slug FROM organization WHERE id = ?1 AND slug IS NOT NULL", organization_id);
}

std::optional<std::string> OrganizationOfSlug(Connection& c, std::string_view slug) {
  return One(c, "SELECT id FROM organization WHERE slug = ?1", slug);
}

std::optional<std::string> OrganizationOfService(Connection& c, std::string_view service_id) {
  return One(c, "SELECT organization_id FROM service WHERE id = ?1", service_id);
}

std::optional<std::string> OrganizationOfLocation(Connection& c, std::string_view location_id) {
  return One(c, "SELECT organization_id FROM location WHERE id = ?1", location_id);
}

std::optional<std::string> OrganizationOfReport(Connection& c, std::string_view report_id) {
  return One(c, "SELECT organization_id FROM report WHERE id = ?1", report_id);
}

std::optional<std::string> OrganizationOfPendingChange(Connection& c, std::string_view id) {
  return One(c, "SELECT organization_id FROM pending_change WHERE id = ?1", id);
}

std::optional<std::string> OrganizationOfEvent(Connection& c, std::string_view event_id) {
  return One(c, "SELECT organization_id FROM event WHERE id = ?1", event_id);
}

std::optional<std::string> OrganizationOfOccurrence(Connection& c,
                                                    std::string_view occurrence_id) {
  return One(c, "SELECT organization_id FROM occurrence WHERE id = ?1", occurrence_id);
}

std::optional<std::string> OrganizationOfRecord(Connection& c, std::string_view entity,
                                                std::string_view id) {
  if (entity == "organization") return One(c, "SELECT id FROM organization WHERE id = ?1", id);
  if (entity == "location") return OrganizationOfLocation(c, id);
  if (entity == "service") return OrganizationOfService(c, id);
  if (entity == "event") return OrganizationOfEvent(c, id);
  if (entity == "resource") return One(c, "SELECT organization_id FROM resource WHERE id = ?1", id);
  return std::nullopt;
}

}  // namespace tilti::store
