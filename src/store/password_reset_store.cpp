#include "store/password_reset_store.h"

#include <stdexcept>

namespace tilti::store {
namespace {

void RequireTokenHash(std::string_view hash) {
  bool ok = hash.size() == 64;
  for (char ch : hash) ok = ok && ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'));
  if (!ok) throw std::invalid_argument("a reset token hash must be 64 lower-case hex digits");
}

}  // namespace

void CreatePasswordReset(Connection& c, std::string_view account_id, std::string_view token_hash,
                         std::string_view created_by, int64_t now_unix, int64_t valid_seconds) {
  RequireTokenHash(token_hash);
  // Older links stop working; used ones stay as a record of when the password was reset.
  c.Cached("DELETE FROM password_reset WHERE account_id = ?1 AND used_at IS NULL")
      .Bind(1, account_id)
      .Run();
  Statement& st = c.Cached(
      "INSERT INTO password_reset (token_hash, account_id, created_by, created_at, expires_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  st.Bind(1, token_hash).Bind(2, account_id);
  if (created_by.empty()) {
    st.BindNull(3);
  } else {
    st.Bind(3, created_by);
  }
  st.Bind(4, now_unix).Bind(5, now_unix + valid_seconds).Run();
}

std::optional<std::string> AccountOfLiveReset(Connection& c, std::string_view token_hash,
                                              int64_t now_unix) {
  Statement& st = c.Cached(
      "SELECT account_id FROM password_reset "
      "WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2");
  st.Bind(1, token_hash).Bind(2, now_unix);
  std::optional<std::string> account;
  if (st.Step()) account = st.Text(0);
  st.Reset();
  return account;
}

std::optional<std::string> UsePasswordReset(Connection& c, std::string_view token_hash,
                                            int64_t now_unix) {
  std::optional<std::string> account = AccountOfLiveReset(c, token_hash, now_unix);
  if (!account) return std::nullopt;
  c.Cached("UPDATE password_reset SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL")
      .Bind(1, token_hash)
      .Bind(2, now_unix)
      .Run();
  if (c.Changes() != 1) return std::nullopt;
  return account;
}

bool AddResetRequest(Connection& c, std::string_view id, std::string_view account_id,
                     std::string_view now_rfc3339) {
  c.Cached(
       "INSERT INTO password_reset_request (id, account_id, created_at) "
       "SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM password_reset_request "
       "WHERE account_id = ?2 AND handled_at IS NULL)")
      .Bind(1, id)
      .Bind(2, account_id)
      .Bind(3, now_rfc3339)
      .Run();
  return c.Changes() == 1;
}

std::vector<ResetRequest> OpenResetRequests(Connection& c, size_t limit) {
  Statement& st = c.Cached(
      "SELECT r.id, r.account_id, a.email, a.display_name, r.created_at "
      "FROM password_reset_request r JOIN account a ON a.id = r.account_id "
      "WHERE r.handled_at IS NULL ORDER BY r.created_at, r.id LIMIT ?1");
  st.Bind(1, static_cast<int64_t>(limit));
  std::vector<ResetRequest> out;
  while (st.Step()) out.push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4)});
  st.Reset();
  return out;
}

int64_t CloseResetRequests(Connection& c, std::string_view account_id, std::string_view by,
                           std::string_view now_rfc3339) {
  c.Cached(
       "UPDATE password_reset_request SET handled_at = ?3, handled_by = ?2 "
       "WHERE account_id = ?1 AND handled_at IS NULL")
      .Bind(1, account_id)
      .Bind(2, by)
      .Bind(3, now_rfc3339)
      .Run();
  return c.Changes();
}

}  // namespace tilti::store
