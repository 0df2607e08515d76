-- The directory: HSDS 3.0 core tables (names and fields as in ../hsds/schema) plus the
-- extensions Tilti needs, marked "ext". Ids are UUID strings as HSDS requires.
-- Migrations never contain BEGIN/COMMIT: the runner wraps each file in one transaction.

-- ext: the 43 municipalities (ISO 3166-2 codes, e.g. LV-011) and the gazetteer of places.
CREATE TABLE municipality (
  id          TEXT PRIMARY KEY,            -- ISO 3166-2, e.g. 'LV-011'
  name        TEXT NOT NULL,               -- Latvian name as in the source
  kind        TEXT NOT NULL CHECK (kind IN ('novads', 'valstspilseta')),
  latitude    REAL NOT NULL,
  longitude   REAL NOT NULL,
  population  INTEGER,
  wikidata_id TEXT
) STRICT;

CREATE TABLE place (
  id              INTEGER PRIMARY KEY,     -- source id (csc city id or GeoNames id)
  source          TEXT NOT NULL CHECK (source IN ('csc', 'geonames')),
  name            TEXT NOT NULL,           -- Latvian name
  municipality_id TEXT REFERENCES municipality(id),
  latitude        REAL NOT NULL,
  longitude       REAL NOT NULL,
  population      INTEGER,
  is_town         INTEGER NOT NULL DEFAULT 0  -- 1 for the 125 towns of the csc list
) STRICT;
CREATE INDEX place_municipality ON place(municipality_id);

-- Names of places in other languages and scripts ('ru' Резекне, 'uk' Резекне, 'en' ...).
CREATE TABLE place_name (
  place_id INTEGER NOT NULL REFERENCES place(id) ON DELETE CASCADE,
  locale   TEXT NOT NULL,
  name     TEXT NOT NULL,
  PRIMARY KEY (place_id, locale, name)
) STRICT, WITHOUT ROWID;

CREATE TABLE organization (
  id                     TEXT PRIMARY KEY,
  slug                   TEXT UNIQUE,      -- ext: stable URL name
  kind                   TEXT NOT NULL CHECK (kind IN ('library', 'municipality',
                           'municipal_body', 'ngo', 'state_agency', 'foreign_partner')),  -- ext
  name                   TEXT NOT NULL,    -- in source_locale; translations below
  alternate_name         TEXT,
  description            TEXT NOT NULL DEFAULT '',
  email                  TEXT,
  website                TEXT,
  tax_status             TEXT,
  tax_id                 TEXT,
  year_incorporated      INTEGER,
  legal_status           TEXT,
  logo                   TEXT,
  uri                    TEXT,
  parent_organization_id TEXT REFERENCES organization(id),
  country                TEXT NOT NULL DEFAULT 'LV',  -- ext: ISO 3166-1 alpha-2
  municipality_id        TEXT REFERENCES municipality(id),  -- ext
  source_locale          TEXT NOT NULL DEFAULT 'lv',  -- ext
  assured_date           TEXT,             -- ext: last checked by a person (YYYY-MM-DD)
  last_modified          TEXT NOT NULL     -- ext: RFC 3339 UTC
) STRICT;
CREATE INDEX organization_kind ON organization(kind, municipality_id);

CREATE TABLE program (
  id              TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organization(id),
  name            TEXT NOT NULL,
  alternate_name  TEXT,
  description     TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE service (
  id                      TEXT PRIMARY KEY,
  organization_id         TEXT NOT NULL REFERENCES organization(id),
  program_id              TEXT REFERENCES program(id),
  name                    TEXT NOT NULL,
  alternate_name          TEXT,
  description             TEXT,
  url                     TEXT,
  email                   TEXT,
  status                  TEXT NOT NULL DEFAULT 'active'
                            CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
  interpretation_services TEXT,
  application_process     TEXT,
  fees_description        TEXT,
  accreditations          TEXT,
  eligibility_description TEXT,
  minimum_age             INTEGER,
  maximum_age             INTEGER,
  alert                   TEXT,
  source_locale           TEXT NOT NULL DEFAULT 'lv',
  assured_date            TEXT,
  last_modified           TEXT NOT NULL
) STRICT;
CREATE INDEX service_organization ON service(organization_id);

CREATE TABLE location (
  id                       TEXT PRIMARY KEY,
  location_type            TEXT NOT NULL DEFAULT 'physical'
                             CHECK (location_type IN ('physical', 'postal', 'virtual')),
  url                      TEXT,
  organization_id          TEXT REFERENCES organization(id),
  name                     TEXT,
  alternate_name           TEXT,
  description              TEXT,
  transportation           TEXT,
  latitude                 REAL,
  longitude                REAL,
  external_identifier      TEXT,
  external_identifier_type TEXT,
  slug                     TEXT UNIQUE,   -- ext
  municipality_id          TEXT REFERENCES municipality(id),  -- ext
  place_id                 INTEGER REFERENCES place(id),      -- ext: the town it is in
  coordinates_approximate  INTEGER NOT NULL DEFAULT 0,         -- ext: 1 = town centre only
  source_locale            TEXT NOT NULL DEFAULT 'lv',
  assured_date             TEXT,
  last_modified            TEXT NOT NULL
) STRICT;
CREATE INDEX location_organization ON location(organization_id);
CREATE INDEX location_municipality ON location(municipality_id);

CREATE TABLE service_at_location (
  id          TEXT PRIMARY KEY,
  service_id  TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
  location_id TEXT NOT NULL REFERENCES location(id) ON DELETE CASCADE,
  description TEXT,
  UNIQUE (service_id, location_id)
) STRICT;
CREATE INDEX service_at_location_location ON service_at_location(location_id);

CREATE TABLE address (
  id             TEXT PRIMARY KEY,
  location_id    TEXT NOT NULL REFERENCES location(id) ON DELETE CASCADE,
  attention      TEXT,
  address_1      TEXT NOT NULL,
  address_2      TEXT,
  city           TEXT NOT NULL,
  region         TEXT,
  state_province TEXT NOT NULL,
  postal_code    TEXT NOT NULL,
  country        TEXT NOT NULL,
  address_type   TEXT NOT NULL CHECK (address_type IN ('physical', 'postal', 'virtual'))
) STRICT;

CREATE TABLE contact (
  id                     TEXT PRIMARY KEY,
  organization_id        TEXT REFERENCES organization(id) ON DELETE CASCADE,
  service_id             TEXT REFERENCES service(id) ON DELETE CASCADE,
  service_at_location_id TEXT REFERENCES service_at_location(id) ON DELETE CASCADE,
  location_id            TEXT REFERENCES location(id) ON DELETE CASCADE,
  name                   TEXT,
  title                  TEXT,
  department             TEXT,
  email                  TEXT
) STRICT;

CREATE TABLE phone (
  id                     TEXT PRIMARY KEY,
  location_id            TEXT REFERENCES location(id) ON DELETE CASCADE,
  service_id             TEXT REFERENCES service(id) ON DELETE CASCADE,
  organization_id        TEXT REFERENCES organization(id) ON DELETE CASCADE,
  contact_id             TEXT REFERENCES contact(id) ON DELETE CASCADE,
  service_at_location_id TEXT REFERENCES service_at_location(id) ON DELETE CASCADE,
  number                 TEXT NOT NULL,
  extension              INTEGER,
  type                   TEXT CHECK (type IN ('text', 'voice', 'fax', 'cell', 'video', 'pager', 'textphone')),
  description            TEXT
) STRICT;

-- HSDS schedule: RFC 5545-style weekly rules. One row per opening period.
CREATE TABLE schedule (
  id                     TEXT PRIMARY KEY,
  service_id             TEXT REFERENCES service(id) ON DELETE CASCADE,
  location_id            TEXT REFERENCES location(id) ON DELETE CASCADE,
  service_at_location_id TEXT REFERENCES service_at_location(id) ON DELETE CASCADE,
  valid_from             TEXT,
  valid_to               TEXT,
  dtstart                TEXT,
  timezone               INTEGER,
  until                  TEXT,
  count                  INTEGER,
  wkst                   TEXT,
  freq                   TEXT CHECK (freq IN ('WEEKLY', 'MONTHLY')),
  interval               INTEGER,
  byday                  TEXT,             -- e.g. 'MO,TU'
  byweekno               TEXT,
  bymonthday             TEXT,
  byyearday              TEXT,
  description            TEXT,
  opens_at               TEXT,             -- 'HH:MM' local (Europe/Riga)
  closes_at              TEXT,
  schedule_link          TEXT,
  attending_type         TEXT,
  notes                  TEXT
) STRICT;
CREATE INDEX schedule_location ON schedule(location_id);

-- ext: dated exceptions to opening hours (closed, or special hours) for one day.
CREATE TABLE schedule_exception (
  id          TEXT PRIMARY KEY,
  location_id TEXT NOT NULL REFERENCES location(id) ON DELETE CASCADE,
  date        TEXT NOT NULL,                -- YYYY-MM-DD, Europe/Riga
  closed      INTEGER NOT NULL DEFAULT 1,
  opens_at    TEXT,
  closes_at   TEXT,
  note        TEXT,
  UNIQUE (location_id, date, opens_at)
) STRICT;

-- ext: holiday calendars (Latvian public holidays are computed by law into this table) and
-- which calendar a location follows.
CREATE TABLE holiday_calendar (
  id      TEXT PRIMARY KEY,                 -- e.g. 'LV'
  name    TEXT NOT NULL,
  country TEXT NOT NULL
) STRICT;
CREATE TABLE holiday (
  calendar_id TEXT NOT NULL REFERENCES holiday_calendar(id) ON DELETE CASCADE,
  date        TEXT NOT NULL,                -- YYYY-MM-DD
  name_key    TEXT NOT NULL,                -- message key, e.g. 'holiday.independence'
  is_transfer INTEGER NOT NULL DEFAULT 0,   -- a working day moved because of a weekend
  PRIMARY KEY (calendar_id, date)
) STRICT, WITHOUT ROWID;
INSERT INTO holiday_calendar (id, name, country) VALUES ('LV', 'Latvijas svētku dienas', 'LV');

CREATE TABLE language (
  id          TEXT PRIMARY KEY,
  service_id  TEXT REFERENCES service(id) ON DELETE CASCADE,
  location_id TEXT REFERENCES location(id) ON DELETE CASCADE,
  phone_id    TEXT REFERENCES phone(id) ON DELETE CASCADE,
  name        TEXT,
  code        TEXT NOT NULL,                -- ISO 639-1 ('uk', 'ru', 'lv', 'en', 'lt', ...)
  note        TEXT,
  weekdays    TEXT                          -- ext: 'MO,WE' when only on some days; NULL = always
) STRICT;
CREATE INDEX language_location ON language(location_id);
CREATE INDEX language_service ON language(service_id);

CREATE TABLE accessibility (
  id          TEXT PRIMARY KEY,
  location_id TEXT REFERENCES location(id) ON DELETE CASCADE,
  description TEXT,
  details     TEXT,
  url         TEXT
) STRICT;

CREATE TABLE url (
  id              TEXT PRIMARY KEY,
  label           TEXT,
  url             TEXT NOT NULL,
  organization_id TEXT REFERENCES organization(id) ON DELETE CASCADE,
  service_id      TEXT REFERENCES service(id) ON DELETE CASCADE
) STRICT;

CREATE TABLE taxonomy (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,         -- ext: 'service-type', 'target-group', ...
  name        TEXT NOT NULL,
  description TEXT NOT NULL,
  uri         TEXT,
  version     TEXT
) STRICT;

CREATE TABLE taxonomy_term (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,                -- English; per-locale names in translation
  description TEXT NOT NULL DEFAULT '',
  parent_id   TEXT REFERENCES taxonomy_term(id),
  taxonomy    TEXT,
  taxonomy_id TEXT REFERENCES taxonomy(id),
  language    TEXT,
  term_uri    TEXT,
  position    INTEGER NOT NULL DEFAULT 0,   -- ext: display order
  UNIQUE (taxonomy_id, code)
) STRICT;

-- HSDS attribute: links any record to a taxonomy term (service type, target group,
-- accessibility feature...).
CREATE TABLE attribute (
  id               TEXT PRIMARY KEY,
  link_id          TEXT NOT NULL,
  taxonomy_term_id TEXT NOT NULL REFERENCES taxonomy_term(id),
  link_type        TEXT,
  link_entity      TEXT NOT NULL,           -- 'service', 'location', 'organization', ...
  value            TEXT,
  label            TEXT,
  UNIQUE (link_entity, link_id, taxonomy_term_id)
) STRICT;
CREATE INDEX attribute_term ON attribute(taxonomy_term_id, link_entity);

-- HSDS metadata: the audit trail. Rows are only ever inserted (see the triggers).
CREATE TABLE metadata (
  id                TEXT PRIMARY KEY,
  resource_id       TEXT NOT NULL,
  resource_type     TEXT NOT NULL,
  last_action_date  TEXT NOT NULL,
  last_action_type  TEXT NOT NULL,
  field_name        TEXT NOT NULL,
  previous_value    TEXT NOT NULL,
  replacement_value TEXT NOT NULL,
  updated_by        TEXT NOT NULL
) STRICT;
CREATE INDEX metadata_resource ON metadata(resource_type, resource_id, last_action_date);
CREATE TRIGGER metadata_no_update BEFORE UPDATE ON metadata
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be changed'); END;
CREATE TRIGGER metadata_no_delete BEFORE DELETE ON metadata
BEGIN SELECT RAISE(ABORT, 'audit rows cannot be deleted'); END;

-- ext: every human text field in every locale. The row with source = 'original' is the text
-- as written; the others are translations of it. When the original changes, every other
-- locale's row of that field is flagged outdated by the trigger below.
CREATE TABLE translation (
  entity     TEXT NOT NULL,                 -- table name: 'organization', 'service', ...
  entity_id  TEXT NOT NULL,
  field      TEXT NOT NULL,                 -- column name: 'name', 'description', ...
  locale     TEXT NOT NULL,
  value      TEXT NOT NULL,
  source     TEXT NOT NULL CHECK (source IN ('original', 'human', 'machine')),
  outdated   INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id, field, locale)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER translation_original_changed AFTER UPDATE OF value ON translation
WHEN NEW.source = 'original' AND NEW.value IS NOT OLD.value
BEGIN
  UPDATE translation SET outdated = 1
   WHERE entity = NEW.entity AND entity_id = NEW.entity_id AND field = NEW.field
     AND locale <> NEW.locale;
END;
