#pragma once
// The rules of a back-office account's fields: e-mail address, display name, role. Pure
// functions; errors are FieldErrors whose message_key the web layer says in the user's language.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace tilti::accounts {

enum class Role { kCoordinator, kLibrarian, kPartner };

// "coordinator", "librarian", "partner": the values stored in account.role.
std::string_view RoleName(Role role);
// The role named `name` (exactly as RoleName spells it), or nullopt.
std::optional<Role> ParseRole(std::string_view name);

// The form an e-mail address is stored and compared in: surrounding white space removed,
// ASCII letters lower-cased (addresses are compared case-insensitively in practice; non-ASCII
// letters are kept as typed).
std::string NormalizeEmail(std::string_view email);

// Field errors of an e-mail address already normalised; empty when it is acceptable:
// "account.email.missing", "account.email.invalid" (not local@domain.tld, white space or
// control characters, longer than 254 bytes).
std::vector<FieldError> CheckEmail(std::string_view normalized_email);

// Field errors of a display name (1 to 200 characters, no control characters):
// "account.name.missing", "account.name.too_long", "account.name.invalid".
std::vector<FieldError> CheckDisplayName(std::string_view name);

}  // namespace tilti::accounts
