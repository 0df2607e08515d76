#pragma once
// The audit trail of the back office in HSDS `metadata` (migration 0001): one row per changed
// field, with who, when, the action and the values before and after. Rows are only ever added:
// the schema's triggers refuse UPDATE and DELETE, and this header offers neither.
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.h"

namespace tilti::store {

struct FieldChange {
  std::string field;   // 'name', 'name@ru', 'hours', 'phone', ...
  std::string before;  // "" when there was nothing
  std::string after;   // "" when it was removed
};

// Who did it, as the history shows it: "Display name <account id>" is not used; the account
// id and the name at the time are kept, so a renamed or removed account still reads.
struct Author {
  std::string account_id;    // "" for the command line
  std::string display_name;  // "command line" for the CLI
};

// Adds one metadata row per change whose before and after differ (none when nothing changed).
// `action` is HSDS last_action_type: 'create', 'update', 'delete', 'approve', 'reject',
// 'confirm' (checked and still true), 'propose'. Run inside the write transaction of the change.
// Returns how many rows were written.
int RecordChanges(Connection& c, std::string_view resource_type, std::string_view resource_id,
                  std::string_view action, const std::vector<FieldChange>& changes,
                  const Author& author, std::string_view now_rfc3339);

struct AuditEntry {
  std::string date;  // RFC 3339 UTC
  std::string action, field, before, after;
  std::string author_name, author_id;
};

// The history of one record, newest first, at most `limit` rows.
std::vector<AuditEntry> HistoryOf(Connection& c, std::string_view resource_type,
                                  std::string_view resource_id, size_t limit);

// The history of every record of an organisation (the organisation itself, its locations and
// services), newest first, at most `limit` rows.
std::vector<AuditEntry> HistoryOfOrganization(Connection& c, std::string_view organization_id,
                                              size_t limit);

}  // namespace tilti::store
