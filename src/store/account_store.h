#pragma once
// Back-office accounts, their memberships and their sessions (migration 0010). Functions take
// a Connection: run the writing ones inside Database::Write, the others in Write or on a
// ReadLease. Values are expected to be checked already (accounts/account_rules.h, password.h);
// e-mail addresses are stored as given, so pass them through accounts::NormalizeEmail first.
//
// Password hashes and session tokens stay out of every listing: the hash is read only through
// PasswordHashOf, and the store sees only hashes of session tokens, never the tokens.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "store/sql.h"

namespace tilti::store {

struct NewAccount {
  std::string id;  // a fresh random UUID
  std::string email;  // normalised
  std::string display_name;
  std::string role;  // coordinator | librarian | partner
  std::string password_hash;
};

struct Membership {
  std::string organization_id, slug, name;
};

struct AccountRow {
  std::string id, email, display_name, role;
  bool disabled = false;
  std::string created_at, updated_at, password_changed_at;  // RFC 3339 UTC
  std::vector<Membership> memberships;  // by slug
};

// Inserts the account. Errors: kConflict when the e-mail address is taken (compared
// case-insensitively), kInvalidInput for a role the schema refuses.
Status InsertAccount(Connection& c, const NewAccount& account, SysTime now);

// The account with this e-mail address (case-insensitive), with its memberships; nullopt if
// none.
std::optional<AccountRow> FindAccountByEmail(Connection& c, std::string_view email);
std::optional<AccountRow> FindAccountById(Connection& c, std::string_view id);

// Every account, by e-mail address, with memberships.
std::vector<AccountRow> ListAccounts(Connection& c);

// The stored argon2id hash of an account's password; nullopt if there is no such account.
std::optional<std::string> PasswordHashOf(Connection& c, std::string_view account_id);

// Disables (or enables) the account. Disabling also ends every session of the account.
// Returns false if there is no such account.
bool SetAccountDisabled(Connection& c, std::string_view account_id, bool disabled, SysTime now);

// Replaces the password hash, records when, and ends every session of the account (a reset
// logs out everywhere). Returns false if there is no such account.
bool SetPasswordHash(Connection& c, std::string_view account_id, std::string_view hash,
                     SysTime now);

struct OrganizationRef {
  std::string id, kind;
};
// The organisation with this slug (any kind); nullopt if none.
std::optional<OrganizationRef> OrganizationBySlug(Connection& c, std::string_view slug);

// Adds the account to the organisation (no-op if already a member). Errors: kNotFound when
// the account or the organisation does not exist.
Status AddMembership(Connection& c, std::string_view account_id,
                     std::string_view organization_id);
// Returns false if the account was not a member.
bool RemoveMembership(Connection& c, std::string_view account_id,
                      std::string_view organization_id);

struct SessionPolicy {
  int64_t idle_seconds = 30 * 60;          // ends after this long without a request
  int64_t absolute_seconds = 12 * 60 * 60;  // ends this long after login, however busy
  // last_seen_at is written at most this often, so a busy session does not write on every
  // request; idle expiry is therefore exact to within this much.
  int64_t touch_seconds = 60;
};

// Stores a session for `token_hash` (accounts::MakeSessionToken().hash; the token itself goes
// to the browser only). Errors: kNotFound if there is no such account, kForbidden if it is
// disabled. Throws std::invalid_argument if token_hash is not 64 lower-case hex digits (a
// token passed by mistake).
Status CreateSession(Connection& c, std::string_view account_id, std::string_view token_hash,
                     SysTime now, const SessionPolicy& policy = {});

struct SessionInfo {
  std::string account_id, email, display_name, role;
  SysTime created_at, expires_at;
};

// The live session with this token hash, and its account; nullopt if there is none, it has
// passed its idle or absolute expiry (it is deleted then), or the account is disabled.
// Records the request as the session's last activity (see SessionPolicy::touch_seconds), so
// run it inside Database::Write.
std::optional<SessionInfo> FindSession(Connection& c, std::string_view token_hash, SysTime now,
                                       const SessionPolicy& policy = {});

// Ends one session (logout). Returns false if there was none.
bool RevokeSession(Connection& c, std::string_view token_hash);
// Ends every session of an account; returns how many there were.
int64_t RevokeAllSessions(Connection& c, std::string_view account_id);
// Deletes sessions past their idle or absolute expiry; returns how many.
int64_t DeleteExpiredSessions(Connection& c, SysTime now);

}  // namespace tilti::store
