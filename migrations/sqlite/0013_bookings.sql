-- Bookable resources and bookings (issue 6): the sensory reading room, computers, consultations
-- with staff and interpreter-supported sessions. The same person model as event registrations
-- (a private link whose token is stored only as SHA-256; a name or nickname, optionally a way to
-- reach them, their language and needs), the same counter-with-CHECK guard as occurrences.

CREATE TABLE resource (
  id                 TEXT PRIMARY KEY,
  organization_id    TEXT NOT NULL REFERENCES organization(id),
  location_id        TEXT NOT NULL REFERENCES location(id),
  kind               TEXT NOT NULL CHECK (kind IN ('room', 'workstation', 'consultation', 'interpreter_session')),
  name               TEXT NOT NULL,             -- in source_locale; others in translation ('resource')
  description        TEXT NOT NULL DEFAULT '',
  what_to_expect     TEXT NOT NULL DEFAULT '',  -- the visual story: what it looks like, what happens
  source_locale      TEXT NOT NULL DEFAULT 'lv',
  capacity           INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 200),  -- people at once
  slot_minutes       INTEGER NOT NULL CHECK (slot_minutes BETWEEN 10 AND 480),
  buffer_minutes     INTEGER NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 240),
  book_ahead_days    INTEGER NOT NULL DEFAULT 28 CHECK (book_ahead_days BETWEEN 1 AND 365),
  min_notice_minutes INTEGER NOT NULL DEFAULT 60 CHECK (min_notice_minutes BETWEEN 0 AND 10080),
  approval           INTEGER NOT NULL DEFAULT 0 CHECK (approval IN (0, 1)),  -- a librarian approves
  is_sample          INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),  -- made up for the demo
  position           INTEGER NOT NULL DEFAULT 0,
  last_modified      TEXT NOT NULL
) STRICT;
CREATE INDEX resource_organization ON resource(organization_id, position);
CREATE INDEX resource_location ON resource(location_id);

-- The resource's own weekly hours (quiet = 0: it can be booked only then, within the
-- location's opening hours) and quiet hours (quiet = 1: never booked then).
CREATE TABLE resource_hours (
  -- The key's columns come first: SQLite 3.40's integrity_check misreads a WITHOUT ROWID table
  -- whose key columns are declared after others.
  resource_id TEXT NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
  quiet       INTEGER NOT NULL DEFAULT 0 CHECK (quiet IN (0, 1)),
  weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens_min   INTEGER NOT NULL CHECK (opens_min BETWEEN 0 AND 1439),
  closes_min  INTEGER NOT NULL CHECK (closes_min BETWEEN 1 AND 1440 AND closes_min > opens_min),
  PRIMARY KEY (resource_id, quiet, weekday, opens_min)
) STRICT, WITHOUT ROWID;

-- Languages the staff can consult in (ISO 639 codes).
CREATE TABLE resource_language (
  resource_id   TEXT NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
  language_code TEXT NOT NULL,
  PRIMARY KEY (resource_id, language_code)
) STRICT, WITHOUT ROWID;

-- Accessibility features: terms of taxonomy 'accessibility'.
CREATE TABLE resource_feature (
  resource_id      TEXT NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
  taxonomy_term_id TEXT NOT NULL REFERENCES taxonomy_term(id),
  PRIMARY KEY (resource_id, taxonomy_term_id)
) STRICT, WITHOUT ROWID;

-- A slot that someone holds or booked, created on first use. `taken` is the sum of the party
-- sizes of its confirmed and pending bookings, kept by store/booking_store in the same
-- transaction as the booking; the CHECK makes overbooking impossible whatever the code above
-- does (QUALITY.md R3).
CREATE TABLE slot (
  resource_id TEXT NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
  starts_at   TEXT NOT NULL,                     -- RFC 3339 UTC
  ends_at     TEXT NOT NULL,
  local_date  TEXT NOT NULL,                     -- YYYY-MM-DD on the location's clock
  capacity    INTEGER NOT NULL CHECK (capacity >= 1),
  taken       INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0),
  PRIMARY KEY (resource_id, starts_at),
  CHECK (taken <= capacity)
) STRICT, WITHOUT ROWID;
CREATE INDEX slot_day ON slot(resource_id, local_date);

-- A slot kept for a few minutes while a person fills in the form (the page says until when).
-- The answers they give wait here until they confirm; expired holds are deleted.
CREATE TABLE slot_hold (
  token_hash   TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  resource_id  TEXT NOT NULL,
  starts_at    TEXT NOT NULL,
  party_size   INTEGER NOT NULL DEFAULT 1 CHECK (party_size BETWEEN 1 AND 20),
  expires_at   TEXT NOT NULL,
  answers      TEXT,                              -- JSON of the form, until confirmed
  move_booking TEXT,                              -- a booking this one replaces (change of time)
  FOREIGN KEY (resource_id, starts_at) REFERENCES slot(resource_id, starts_at) ON DELETE CASCADE
) STRICT;
CREATE INDEX slot_hold_slot ON slot_hold(resource_id, starts_at, expires_at);

CREATE TABLE booking (
  id             TEXT PRIMARY KEY,
  token_hash     TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  resource_id    TEXT NOT NULL,
  starts_at      TEXT NOT NULL,
  party_size     INTEGER NOT NULL CHECK (party_size BETWEEN 1 AND 20),
  name           TEXT NOT NULL,
  contact        TEXT,
  language       TEXT NOT NULL,
  needs          TEXT NOT NULL DEFAULT '',         -- as registration.needs
  target_group   TEXT NOT NULL DEFAULT '',         -- a 'target-group' term code, '' = not said
  status         TEXT NOT NULL CHECK (status IN ('confirmed', 'pending', 'cancelled', 'declined')),
  reason         TEXT,                             -- why declined or cancelled by the library
  came           INTEGER CHECK (came IS NULL OR came IN (0, 1)),  -- 0 = no-show
  booked_by      TEXT,                             -- the librarian's account at the desk
  created        TEXT NOT NULL,
  last_modified  TEXT NOT NULL,
  FOREIGN KEY (resource_id, starts_at) REFERENCES slot(resource_id, starts_at) ON DELETE CASCADE
) STRICT;
CREATE INDEX booking_slot ON booking(resource_id, starts_at, status);
CREATE INDEX booking_starts ON booking(starts_at);

-- Time the library blocks (a class, repairs); no slot overlapping it is offered.
CREATE TABLE resource_block (
  id          TEXT PRIMARY KEY,
  resource_id TEXT NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
  starts_at   TEXT NOT NULL,
  ends_at     TEXT NOT NULL CHECK (ends_at > starts_at),
  reason      TEXT NOT NULL DEFAULT '',
  created_by  TEXT NOT NULL,
  created     TEXT NOT NULL
) STRICT;
CREATE INDEX resource_block_time ON resource_block(resource_id, starts_at);

-- What is left of bookings after retention erased them (QUALITY.md R8): counts by resource,
-- month and target group, for reports. No person in it.
CREATE TABLE booking_tally (
  resource_id  TEXT NOT NULL,
  month        TEXT NOT NULL,                      -- YYYY-MM on the location's clock
  target_group TEXT NOT NULL DEFAULT '',
  bookings     INTEGER NOT NULL DEFAULT 0,
  people       INTEGER NOT NULL DEFAULT 0,
  no_shows     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (resource_id, month, target_group)
) STRICT, WITHOUT ROWID;
