-- Reports of outdated information from the public (no account), waiting for a coordinator,
-- and the fixed-window counters that rate-limit them. Both live in the database so every
-- node sees the same queue and the same limits.

CREATE TABLE report (
  id              TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  location_id     TEXT REFERENCES location(id) ON DELETE SET NULL,
  topic           TEXT NOT NULL CHECK (topic IN ('hours', 'contacts', 'services', 'place',
                                                 'closed', 'other')),
  message         TEXT NOT NULL,           -- what the reporter said, as typed
  locale          TEXT NOT NULL,           -- the language of the page it was sent from
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at      TEXT NOT NULL,
  closed_at       TEXT,
  closed_by       TEXT,
  closing_note    TEXT
) STRICT;
CREATE INDEX report_open ON report(status, created_at);

-- key: what is limited, e.g. 'report:addr:<hash of the address>'; window: unix time / size.
CREATE TABLE rate_limit (
  key        TEXT NOT NULL,
  window     INTEGER NOT NULL,
  count      INTEGER NOT NULL,
  PRIMARY KEY (key, window)
) STRICT, WITHOUT ROWID;
