-- The back office (issue 4): proposals waiting for a coordinator's review, and password resets.
-- The audit trail is HSDS `metadata` (0001), written by store/audit_store; its triggers refuse
-- every UPDATE and DELETE, so the application cannot change history.

-- A change a librarian or partner proposed and a coordinator approves or rejects. `payload` is
-- the submitted form as JSON (field -> value), applied on approval by the same code that applies
-- a coordinator's own edit, so an approved proposal and a direct edit cannot differ.
CREATE TABLE pending_change (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL,             -- what the form edits: 'library-texts', 'service', ...
  entity          TEXT NOT NULL,             -- 'organization', 'service', ...
  entity_id       TEXT NOT NULL,             -- the record (a new service's id when it is new)
  organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  payload         TEXT NOT NULL CHECK (json_valid(payload)),
  summary         TEXT NOT NULL DEFAULT '',  -- what it is about, for the queue (a name)
  proposed_by     TEXT NOT NULL,             -- account id
  proposed_at     TEXT NOT NULL,             -- RFC 3339 UTC
  status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  decided_by      TEXT,
  decided_at      TEXT,
  decision_note   TEXT
) STRICT;
CREATE INDEX pending_change_status ON pending_change(status, proposed_at);
CREATE INDEX pending_change_organization ON pending_change(organization_id, status);

-- Password resets: a coordinator creates a link (shown to them to pass on; no e-mail server is
-- needed), the account holder opens it once. Only the SHA-256 of the token is stored.
CREATE TABLE password_reset (
  token_hash  TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  account_id  TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  created_by  TEXT,                          -- coordinator's account id; NULL from the CLI
  created_at  INTEGER NOT NULL,              -- unix seconds
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER
) STRICT, WITHOUT ROWID;
CREATE INDEX password_reset_account ON password_reset(account_id);

-- "I forgot my password" requests from the public form. The form answers the same whether or
-- not the address has an account; a row is written only when it has one, for coordinators to
-- act on (create a reset link and pass it on).
CREATE TABLE password_reset_request (
  id          TEXT PRIMARY KEY,
  account_id  TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  handled_at  TEXT,
  handled_by  TEXT
) STRICT;
CREATE INDEX password_reset_request_open ON password_reset_request(handled_at, created_at);
