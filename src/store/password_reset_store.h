#pragma once
// Password resets (migration 0011): links a coordinator creates and passes on, and the
// "I forgot my password" requests waiting for a coordinator. Only the SHA-256 of a reset token
// is ever stored or looked up (accounts::HashSessionToken); the token itself exists only in
// the link. Run the writing functions inside Database::Write.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.h"

namespace tilti::store {

// How long a reset link (or an invitation's first link) works.
inline constexpr int64_t kPasswordResetSeconds = 7 * 24 * 60 * 60;

// Stores a reset link for the account, valid from `now_unix` for `valid_seconds`, and revokes
// every older link of the same account that was not used yet (only the newest link works).
// `created_by` is the coordinator's account id, "" from the command line. Throws
// std::invalid_argument if token_hash is not 64 lower-case hex digits (a token by mistake).
void CreatePasswordReset(Connection& c, std::string_view account_id, std::string_view token_hash,
                         std::string_view created_by, int64_t now_unix,
                         int64_t valid_seconds = kPasswordResetSeconds);

// The account whose unused, unexpired link has this hash; nullopt for an unknown, used or
// expired link (the three are not told apart). Does not use the link.
std::optional<std::string> AccountOfLiveReset(Connection& c, std::string_view token_hash,
                                              int64_t now_unix);

// Uses the link: marks it used and returns its account when it was live, nullopt otherwise (so
// of two requests racing with one link, only one gets the account).
std::optional<std::string> UsePasswordReset(Connection& c, std::string_view token_hash,
                                            int64_t now_unix);

// Records a forgotten-password request of the account, unless one is already open (a second
// request adds nothing for the coordinator to do). Returns true if a row was written.
bool AddResetRequest(Connection& c, std::string_view id, std::string_view account_id,
                     std::string_view now_rfc3339);

struct ResetRequest {
  std::string id, account_id, email, display_name, created_at;  // created_at: RFC 3339 UTC
};

// The open requests, oldest first, at most `limit`.
std::vector<ResetRequest> OpenResetRequests(Connection& c, size_t limit);

// Marks the account's open requests handled (a link was made for it); returns how many.
int64_t CloseResetRequests(Connection& c, std::string_view account_id, std::string_view by,
                           std::string_view now_rfc3339);

}  // namespace tilti::store
