#include "store/account_store.h"

#include <stdexcept>

namespace tilti::store {
namespace {

int64_t Unix(SysTime t) { return t.time_since_epoch().count(); }
SysTime FromUnix(int64_t s) { return SysTime(std::chrono::seconds(s)); }

// The store never sees a token: a caller passing one instead of its hash is a programming error,
// caught here before it could be written to disk.
void RequireTokenHash(std::string_view hash) {
  bool ok = hash.size() == 64;
  for (char ch : hash) ok = ok && ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'));
  if (!ok) throw std::invalid_argument("a session token hash must be 64 lower-case hex digits");
}

constexpr const char* kAccountColumns =
    "SELECT id, email, display_name, role, disabled, created_at, updated_at, "
    "password_changed_at FROM account ";

AccountRow ReadAccount(const Statement& st) {
  AccountRow a;
  a.id = st.Text(0);
  a.email = st.Text(1);
  a.display_name = st.Text(2);
  a.role = st.Text(3);
  a.disabled = st.Int(4) != 0;
  a.created_at = st.Text(5);
  a.updated_at = st.Text(6);
  a.password_changed_at = st.Text(7);
  return a;
}

std::vector<Membership> MembershipsOf(Connection& c, std::string_view account_id) {
  Statement& st = c.Cached(
      "SELECT o.id, coalesce(o.slug, ''), o.name FROM account_membership m "
      "JOIN organization o ON o.id = m.organization_id WHERE m.account_id = ?1 "
      "ORDER BY o.slug NULLS FIRST");
  st.Bind(1, account_id);
  std::vector<Membership> out;
  while (st.Step()) out.push_back({st.Text(0), st.Text(1), st.Text(2)});
  st.Reset();
  return out;
}

std::optional<AccountRow> FindOne(Connection& c, const std::string& where, std::string_view key) {
  Statement st = c.Prepare(kAccountColumns + where);
  st.Bind(1, key);
  if (!st.Step()) return std::nullopt;
  AccountRow a = ReadAccount(st);
  a.memberships = MembershipsOf(c, a.id);
  return a;
}

}  // namespace

Status InsertAccount(Connection& c, const NewAccount& a, SysTime now) {
  if (FindAccountByEmail(c, a.email)) {
    return Error{ErrorCode::kConflict, "an account with this e-mail address exists",
                 {{"email", "account.email.taken"}}};
  }
  std::string at = FormatRfc3339(now);
  try {
    c.Cached(
         "INSERT INTO account (id, email, display_name, role, password_hash, disabled, "
         "created_at, updated_at, password_changed_at) VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6, ?6)")
        .Bind(1, a.id)
        .Bind(2, a.email)
        .Bind(3, a.display_name)
        .Bind(4, a.role)
        .Bind(5, a.password_hash)
        .Bind(6, at)
        .Run();
  } catch (const SqlError& e) {
    if (!e.IsConstraint()) throw;
    return Error{ErrorCode::kInvalidInput, std::string("account refused: ") + e.what(),
                 {{"role", "account.role.invalid"}}};
  }
  return Ok();
}

std::optional<AccountRow> FindAccountByEmail(Connection& c, std::string_view email) {
  return FindOne(c, "WHERE email = ?1", email);  // the column is COLLATE NOCASE
}

std::optional<AccountRow> FindAccountById(Connection& c, std::string_view id) {
  return FindOne(c, "WHERE id = ?1", id);
}

std::vector<AccountRow> ListAccounts(Connection& c) {
  std::vector<AccountRow> out;
  {
    Statement st = c.Prepare(std::string(kAccountColumns) + "ORDER BY email");
    while (st.Step()) out.push_back(ReadAccount(st));
  }
  for (auto& a : out) a.memberships = MembershipsOf(c, a.id);
  return out;
}

std::optional<std::string> PasswordHashOf(Connection& c, std::string_view account_id) {
  Statement& st = c.Cached("SELECT password_hash FROM account WHERE id = ?1");
  st.Bind(1, account_id);
  if (!st.Step()) return std::nullopt;
  std::string hash = st.Text(0);
  st.Reset();
  return hash;
}

bool SetAccountDisabled(Connection& c, std::string_view account_id, bool disabled, SysTime now) {
  c.Cached("UPDATE account SET disabled = ?2, updated_at = ?3 WHERE id = ?1")
      .Bind(1, account_id)
      .Bind(2, disabled ? 1 : 0)
      .Bind(3, FormatRfc3339(now))
      .Run();
  if (c.Changes() == 0) return false;
  if (disabled) RevokeAllSessions(c, account_id);
  return true;
}

bool SetPasswordHash(Connection& c, std::string_view account_id, std::string_view hash,
                     SysTime now) {
  c.Cached(
       "UPDATE account SET password_hash = ?2, password_changed_at = ?3, updated_at = ?3 "
       "WHERE id = ?1")
      .Bind(1, account_id)
      .Bind(2, hash)
      .Bind(3, FormatRfc3339(now))
      .Run();
  if (c.Changes() == 0) return false;
  RevokeAllSessions(c, account_id);
  return true;
}

std::optional<OrganizationRef> OrganizationBySlug(Connection& c, std::string_view slug) {
  Statement& st = c.Cached("SELECT id, kind FROM organization WHERE slug = ?1");
  st.Bind(1, slug);
  if (!st.Step()) return std::nullopt;
  OrganizationRef ref{st.Text(0), st.Text(1)};
  st.Reset();
  return ref;
}

Status AddMembership(Connection& c, std::string_view account_id,
                     std::string_view organization_id) {
  if (!FindAccountById(c, account_id)) return Error{ErrorCode::kNotFound, "no such account"};
  Statement& org = c.Cached("SELECT 1 FROM organization WHERE id = ?1");
  org.Bind(1, organization_id);
  bool found = org.Step();
  org.Reset();
  if (!found) return Error{ErrorCode::kNotFound, "no such organization"};
  c.Cached(
       "INSERT INTO account_membership (account_id, organization_id) VALUES (?1, ?2) "
       "ON CONFLICT DO NOTHING")
      .Bind(1, account_id)
      .Bind(2, organization_id)
      .Run();
  return Ok();
}

bool RemoveMembership(Connection& c, std::string_view account_id,
                      std::string_view organization_id) {
  c.Cached("DELETE FROM account_membership WHERE account_id = ?1 AND organization_id = ?2")
      .Bind(1, account_id)
      .Bind(2, organization_id)
      .Run();
  return c.Changes() > 0;
}

Status CreateSession(Connection& c, std::string_view account_id, std::string_view token_hash,
                     SysTime now, const SessionPolicy& policy) {
  RequireTokenHash(token_hash);
  Statement& st = c.Cached("SELECT disabled FROM account WHERE id = ?1");
  st.Bind(1, account_id);
  if (!st.Step()) return Error{ErrorCode::kNotFound, "no such account"};
  bool disabled = st.Int(0) != 0;
  st.Reset();
  if (disabled) return Error{ErrorCode::kForbidden, "the account is disabled"};
  int64_t t = Unix(now);
  c.Cached(
       "INSERT INTO session (token_hash, account_id, created_at, last_seen_at, idle_seconds, "
       "expires_at) VALUES (?1, ?2, ?3, ?3, ?4, ?5)")
      .Bind(1, token_hash)
      .Bind(2, account_id)
      .Bind(3, t)
      .Bind(4, policy.idle_seconds)
      .Bind(5, t + policy.absolute_seconds)
      .Run();
  return Ok();
}

std::optional<SessionInfo> FindSession(Connection& c, std::string_view token_hash, SysTime now,
                                       const SessionPolicy& policy) {
  RequireTokenHash(token_hash);
  int64_t t = Unix(now);
  Statement& st = c.Cached(
      "SELECT s.account_id, a.email, a.display_name, a.role, a.disabled, s.created_at, "
      "s.expires_at, s.last_seen_at, s.idle_seconds FROM session s "
      "JOIN account a ON a.id = s.account_id WHERE s.token_hash = ?1");
  st.Bind(1, token_hash);
  if (!st.Step()) return std::nullopt;
  SessionInfo info{st.Text(0), st.Text(1), st.Text(2), st.Text(3), FromUnix(st.Int(5)),
                   FromUnix(st.Int(6))};
  bool disabled = st.Int(4) != 0;
  int64_t last_seen = st.Int(7), idle = st.Int(8);
  st.Reset();
  if (disabled || t >= Unix(info.expires_at) || t >= last_seen + idle) {
    RevokeSession(c, token_hash);
    return std::nullopt;
  }
  if (t - last_seen >= policy.touch_seconds) {
    c.Cached("UPDATE session SET last_seen_at = ?2 WHERE token_hash = ?1")
        .Bind(1, token_hash)
        .Bind(2, t)
        .Run();
  }
  return info;
}

bool RevokeSession(Connection& c, std::string_view token_hash) {
  c.Cached("DELETE FROM session WHERE token_hash = ?1").Bind(1, token_hash).Run();
  return c.Changes() > 0;
}

int64_t RevokeAllSessions(Connection& c, std::string_view account_id) {
  c.Cached("DELETE FROM session WHERE account_id = ?1").Bind(1, account_id).Run();
  return c.Changes();
}

int64_t DeleteExpiredSessions(Connection& c, SysTime now) {
  c.Cached("DELETE FROM session WHERE expires_at <= ?1 OR last_seen_at + idle_seconds <= ?1")
      .Bind(1, Unix(now))
      .Run();
  return c.Changes();
}

}  // namespace tilti::store
