-- Events (issue 5): one-off and recurring events, their materialised occurrences, registrations
-- with waitlists, attendance and short feed URLs. HSDS has no events; these tables are ours.
--
-- Times: an event's series is a wall-clock start (date + HH:MM) in `time_zone` (Europe/Riga),
-- a duration and an RFC 5545 rule. Occurrences are expanded on write (store/event_store) for
-- the next 18 months, so reads never expand rules; each occurrence keeps the rule instance it
-- comes from (`original_start`, the RECURRENCE-ID) and its instants in UTC.
-- Texts (title, description, accessibility_note) are in `source_locale`; translations live in
-- `translation` with entity 'event', like every other text.

CREATE TABLE event (
  id                 TEXT PRIMARY KEY,
  organization_id    TEXT NOT NULL REFERENCES organization(id),
  location_id        TEXT REFERENCES location(id),          -- null: online only
  online_url         TEXT,                                   -- join link (https), if online
  title              TEXT NOT NULL,
  description        TEXT NOT NULL DEFAULT '',
  accessibility_note TEXT NOT NULL DEFAULT '',
  category_id        TEXT NOT NULL REFERENCES taxonomy_term(id),  -- taxonomy 'event-category'
  age_min            INTEGER CHECK (age_min IS NULL OR age_min BETWEEN 0 AND 120),
  age_max            INTEGER CHECK (age_max IS NULL OR age_max BETWEEN 0 AND 120),
  capacity           INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 100000),  -- null: no limit
  registration       TEXT NOT NULL DEFAULT 'none' CHECK (registration IN ('none', 'open', 'approval')),
  -- The series.
  starts_on          TEXT NOT NULL,                          -- YYYY-MM-DD, the first date (DTSTART)
  start_time         TEXT NOT NULL,                          -- HH:MM on the wall clock
  duration_minutes   INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 20160),
  time_zone          TEXT NOT NULL DEFAULT 'Europe/Riga',
  rrule              TEXT,                                   -- RFC 5545 RRULE value; null: one date
  status             TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  cancel_reason      TEXT,                                   -- shown publicly when cancelled
  sequence           INTEGER NOT NULL DEFAULT 0,             -- iCalendar SEQUENCE, +1 on each change
  is_sample          INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),  -- made up for the demo
  source_locale      TEXT NOT NULL DEFAULT 'lv',
  created            TEXT NOT NULL,                          -- RFC 3339 UTC
  last_modified      TEXT NOT NULL,                          -- RFC 3339 UTC: the feed's DTSTAMP
  materialised_until TEXT,                                   -- YYYY-MM-DD: occurrences exist up to here
  CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max),
  CHECK (location_id IS NOT NULL OR online_url IS NOT NULL)
) STRICT;
CREATE INDEX event_organization ON event(organization_id);
CREATE INDEX event_created ON event(created);

-- The languages an event is held in ('spoken') and those an interpreter is available for.
CREATE TABLE event_language (
  event_id      TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  language_code TEXT NOT NULL,                               -- ISO 639 ('lv', 'uk', 'lsl' ...)
  kind          TEXT NOT NULL CHECK (kind IN ('spoken', 'interpreted')),
  PRIMARY KEY (event_id, kind, language_code)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_language_code ON event_language(language_code, kind);

-- Who it is meant for: terms of taxonomy 'target-group'.
CREATE TABLE event_audience (
  event_id         TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  taxonomy_term_id TEXT NOT NULL REFERENCES taxonomy_term(id),
  PRIMARY KEY (event_id, taxonomy_term_id)
) STRICT, WITHOUT ROWID;

-- Exceptions to a series, keyed by the rule instance (RECURRENCE-ID) they change:
-- 'cancelled' (shown, with the reason, STATUS:CANCELLED in feeds), 'removed' (EXDATE: never
-- happens and is not shown) or 'changed' (another date, time or duration for that one date).
CREATE TABLE event_exception (
  event_id         TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  original_start   TEXT NOT NULL,                            -- 'YYYY-MM-DDTHH:MM' wall clock
  kind             TEXT NOT NULL CHECK (kind IN ('cancelled', 'removed', 'changed')),
  reason           TEXT,                                     -- for 'cancelled'
  starts_on        TEXT,                                     -- for 'changed'
  start_time       TEXT,
  duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 20160),
  sequence         INTEGER NOT NULL DEFAULT 0,
  last_modified    TEXT NOT NULL,
  PRIMARY KEY (event_id, original_start),
  CHECK (kind <> 'changed' OR (starts_on IS NOT NULL AND start_time IS NOT NULL))
) STRICT, WITHOUT ROWID;

-- Materialised occurrences (derived from event + event_exception by store/event_store; never
-- edited by hand). `confirmed` is the number of confirmed places (sum of party sizes), kept by
-- the registration store in the same transaction as the registration; the CHECK makes
-- overbooking impossible whatever the code above does.
CREATE TABLE occurrence (
  id              TEXT PRIMARY KEY,                          -- stable: from event id + original_start
  event_id        TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organization(id), -- copied from event, for filters
  original_start  TEXT NOT NULL,                             -- 'YYYY-MM-DDTHH:MM' (RECURRENCE-ID)
  starts_at       TEXT NOT NULL,                             -- RFC 3339 UTC
  ends_at         TEXT NOT NULL,                             -- RFC 3339 UTC
  local_date      TEXT NOT NULL,                             -- YYYY-MM-DD on the event's wall clock
  status          TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  cancel_reason   TEXT,
  capacity        INTEGER,                                   -- null: no limit
  confirmed       INTEGER NOT NULL DEFAULT 0 CHECK (confirmed >= 0),
  UNIQUE (event_id, original_start),
  CHECK (capacity IS NULL OR confirmed <= capacity)
) STRICT;
CREATE INDEX occurrence_starts ON occurrence(starts_at);
CREATE INDEX occurrence_organization ON occurrence(organization_id, starts_at);
CREATE INDEX occurrence_event ON occurrence(event_id, starts_at);

-- A person's registration: one private link (only the SHA-256 of its token is stored) for one
-- occurrence or a whole series. Only what is needed: a name or nickname, optionally a way to
-- reach them, their language and needs.
CREATE TABLE registration (
  id            TEXT PRIMARY KEY,
  token_hash    TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  event_id      TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  whole_series  INTEGER NOT NULL DEFAULT 0 CHECK (whole_series IN (0, 1)),
  party_size    INTEGER NOT NULL CHECK (party_size BETWEEN 1 AND 20),
  name          TEXT NOT NULL,
  contact       TEXT,                                        -- e-mail or phone, optional
  language      TEXT NOT NULL,                               -- the locale it was made in
  needs         TEXT NOT NULL DEFAULT '',                    -- comma list: 'interpreter:uk', 'step-free', ...
  created       TEXT NOT NULL,
  last_modified TEXT NOT NULL
) STRICT;
CREATE INDEX registration_event ON registration(event_id);

-- Each occurrence a registration holds a place (or a waitlist position) in.
CREATE TABLE registration_place (
  registration_id TEXT NOT NULL REFERENCES registration(id) ON DELETE CASCADE,
  occurrence_id   TEXT NOT NULL REFERENCES occurrence(id) ON DELETE CASCADE,
  status          TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'pending', 'cancelled', 'declined')),
  waitlist_seq    INTEGER,                                   -- order in the waitlist (ascending)
  attended        INTEGER CHECK (attended IS NULL OR attended IN (0, 1)),
  last_modified   TEXT NOT NULL,
  PRIMARY KEY (registration_id, occurrence_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX registration_place_occurrence ON registration_place(occurrence_id, status, waitlist_seq);

-- Head counts by target group for walk-in events (and on top of registrations).
CREATE TABLE attendance_count (
  occurrence_id    TEXT NOT NULL REFERENCES occurrence(id) ON DELETE CASCADE,
  taxonomy_term_id TEXT NOT NULL,       -- a 'target-group' term's id, or 'unspecified'
  count            INTEGER NOT NULL CHECK (count BETWEEN 0 AND 100000),
  recorded_by      TEXT NOT NULL,                            -- account id
  recorded_at      TEXT NOT NULL,
  PRIMARY KEY (occurrence_id, taxonomy_term_id)
) STRICT, WITHOUT ROWID;

-- Short stable feed URLs /f/{slug}.{lang}.ics: a saved filter (the query string of
-- /{lang}/events.ics). A library's own feed has the library's slug.
CREATE TABLE event_feed (
  slug    TEXT PRIMARY KEY,
  query   TEXT NOT NULL,
  created TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Bumped by every event write (store/event_store), so cached event lists and feeds made before
-- a change are never served after it, on any node. Registrations do not bump it: the cached
-- pages do not show places.
CREATE TABLE event_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO event_version (id, version) VALUES (1, 0);
