#include "store/audit_store.h"

#include "core/ids.h"

namespace tilti::store {
namespace {

// updated_by holds "<account id> <display name>": HSDS has one column for it, and the name at
// the time of the change must survive the account's later renaming or removal.
std::string UpdatedBy(const Author& a) { return a.account_id + " " + a.display_name; }

AuditEntry ReadEntry(Statement& st) {
  AuditEntry e;
  e.date = st.Text(0);
  e.action = st.Text(1);
  e.field = st.Text(2);
  e.before = st.Text(3);
  e.after = st.Text(4);
  std::string by = st.Text(5);
  auto space = by.find(' ');
  e.author_id = by.substr(0, space);
  e.author_name = space == std::string::npos ? "" : by.substr(space + 1);
  return e;
}

constexpr std::string_view kColumns =
    "last_action_date, last_action_type, field_name, previous_value, replacement_value, "
    "updated_by";

}  // namespace

int RecordChanges(Connection& c, std::string_view resource_type, std::string_view resource_id,
                  std::string_view action, const std::vector<FieldChange>& changes,
                  const Author& author, std::string_view now_rfc3339) {
  Statement& st = c.Cached(
      "INSERT INTO metadata (id, resource_id, resource_type, last_action_date, last_action_type, "
      "field_name, previous_value, replacement_value, updated_by) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  int written = 0;
  for (const FieldChange& ch : changes) {
    // A create or delete is recorded even when a field was empty on both sides only if it
    // says something; an update of a field to the same value is no change at all.
    if (ch.before == ch.after && !(action == "confirm" || action == "approve" ||
                                   action == "reject")) {
      continue;
    }
    st.Bind(1, RandomUuid()).Bind(2, resource_id).Bind(3, resource_type).Bind(4, now_rfc3339);
    st.Bind(5, action).Bind(6, ch.field).Bind(7, ch.before).Bind(8, ch.after);
    st.Bind(9, UpdatedBy(author)).Run();
    st.Reset();
    ++written;
  }
  return written;
}

std::vector<AuditEntry> HistoryOf(Connection& c, std::string_view resource_type,
                                  std::string_view resource_id, size_t limit) {
  Statement& st = c.Cached("SELECT " + std::string(kColumns) +
                           " FROM metadata WHERE resource_type = ?1 AND resource_id = ?2 "
                           "ORDER BY last_action_date DESC, rowid DESC LIMIT ?3");
  st.Bind(1, resource_type).Bind(2, resource_id).Bind(3, static_cast<int64_t>(limit));
  std::vector<AuditEntry> out;
  while (st.Step()) out.push_back(ReadEntry(st));
  st.Reset();
  return out;
}

std::vector<AuditEntry> HistoryOfOrganization(Connection& c, std::string_view organization_id,
                                              size_t limit) {
  Statement& st = c.Cached(
      "SELECT " + std::string(kColumns) +
      " FROM metadata WHERE (resource_type = 'organization' AND resource_id = ?1)"
      " OR (resource_type = 'location' AND resource_id IN"
      "     (SELECT id FROM location WHERE organization_id = ?1))"
      " OR (resource_type = 'service' AND resource_id IN"
      "     (SELECT id FROM service WHERE organization_id = ?1))"
      " ORDER BY last_action_date DESC, rowid DESC LIMIT ?2");
  st.Bind(1, organization_id).Bind(2, static_cast<int64_t>(limit));
  std::vector<AuditEntry> out;
  while (st.Step()) out.push_back(ReadEntry(st));
  st.Reset();
  return out;
}

}  // namespace tilti::store
