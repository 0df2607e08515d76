-- Back-office accounts, what they may edit, and their sessions. Minimal personal data: an
-- e-mail address to log in with and a name to show in the audit log; nothing else.
-- Login attempts are rate-limited through the rate_limit table of 0006 (keys
-- 'login:account:<account id>' and 'login:addr:<hash of the address>'), not a table of their own.

CREATE TABLE account (
  id                  TEXT PRIMARY KEY,               -- random UUID
  -- Stored trimmed and lower-case (accounts::NormalizeEmail), so UNIQUE is case-insensitive;
  -- NOCASE also guards rows written by hand.
  email               TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name        TEXT NOT NULL,
  role                TEXT NOT NULL CHECK (role IN ('coordinator', 'librarian', 'partner')),
  password_hash       TEXT NOT NULL,                  -- libsodium argon2id string ($argon2id$...)
  disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at          TEXT NOT NULL,                  -- RFC 3339 UTC
  updated_at          TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
) STRICT;

-- The organisations an account works for: a librarian's libraries, a partner's organisations.
-- Coordinators see everything and have no rows here.
CREATE TABLE account_membership (
  account_id      TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, organization_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX account_membership_organization ON account_membership(organization_id);

-- One row per logged-in browser. token_hash is the SHA-256 (hex) of the random token in the
-- cookie, never the token itself, so a copy of the database cannot be used to log in.
-- Times are unix seconds here (not RFC 3339 text) because expiry is computed in SQL:
-- a session is alive while now < expires_at (absolute) and now < last_seen_at + idle_seconds.
CREATE TABLE session (
  token_hash   TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  account_id   TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  idle_seconds INTEGER NOT NULL CHECK (idle_seconds > 0),
  expires_at   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX session_account ON session(account_id);
CREATE INDEX session_expires ON session(expires_at);
