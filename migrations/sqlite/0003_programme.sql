-- Initiatives (projects) and local partnerships, as far as the directory needs them now:
-- which initiatives a library takes part in, with whom. Budgets, diagnostics, hackathons and
-- news come with the programme module.

CREATE TABLE initiative (
  id                   TEXT PRIMARY KEY,
  slug                 TEXT NOT NULL UNIQUE,
  name                 TEXT NOT NULL,       -- in source_locale; translations in `translation`
  short_name           TEXT,                -- e.g. 'LIBRI', 'OPEN UP'
  description          TEXT NOT NULL DEFAULT '',
  programme            TEXT,                -- e.g. 'AMIF', 'Interreg VA Latvija–Lietuva 2014–2020'
  call_code            TEXT,                -- e.g. 'AMIF-2023-TF2-AG-CALL-AMIF', 'LLI-263'
  starts_on            TEXT,                -- YYYY-MM-DD
  ends_on              TEXT,
  lead_organization_id TEXT REFERENCES organization(id),
  source_locale        TEXT NOT NULL DEFAULT 'lv',
  last_modified        TEXT NOT NULL,
  CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)
) STRICT;

-- Who takes part in an initiative and how.
CREATE TABLE initiative_organization (
  initiative_id   TEXT NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organization(id),
  role            TEXT NOT NULL CHECK (role IN ('lead', 'partner', 'participant', 'administrator')),
  PRIMARY KEY (initiative_id, organization_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX initiative_organization_org ON initiative_organization(organization_id);

-- A library's local partnership (seed 004): the library, a municipality body and an
-- integration institution, within an initiative.
CREATE TABLE partnership (
  id                          TEXT PRIMARY KEY,
  initiative_id               TEXT REFERENCES initiative(id) ON DELETE CASCADE,
  library_organization_id     TEXT NOT NULL REFERENCES organization(id),
  municipality_organization_id TEXT REFERENCES organization(id),
  integration_organization_id TEXT REFERENCES organization(id),
  position                    INTEGER NOT NULL DEFAULT 0,   -- order in the source table
  starts_on                   TEXT,
  UNIQUE (initiative_id, library_organization_id)
) STRICT;
