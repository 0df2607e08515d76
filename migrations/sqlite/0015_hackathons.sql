-- Hackathons and the ideas recorded at them (issue 7; seed 004: five LIBRI hackathons, 124
-- participants, ideas in four categories). Only head counts are kept: no participant's name.

CREATE TABLE hackathon (
  id                   TEXT PRIMARY KEY,
  initiative_id        TEXT REFERENCES initiative(id) ON DELETE CASCADE,
  held_on              TEXT NOT NULL,                       -- YYYY-MM-DD
  host_organization_id TEXT NOT NULL REFERENCES organization(id),
  participants         INTEGER NOT NULL CHECK (participants >= 0 AND participants <= 100000),
  source_note          TEXT NOT NULL DEFAULT '',            -- where the figures come from
  last_modified        TEXT NOT NULL
) STRICT;
CREATE INDEX hackathon_initiative ON hackathon(initiative_id, held_on);

-- The libraries taking part, the host among them.
CREATE TABLE hackathon_library (
  hackathon_id    TEXT NOT NULL REFERENCES hackathon(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organization(id),
  PRIMARY KEY (hackathon_id, organization_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX hackathon_library_org ON hackathon_library(organization_id);

-- An idea: its title and description in source_locale (other locales in `translation`, entity
-- 'idea'); where it came from (a hackathon, or only the initiative when the source does not say
-- which hackathon); and what became of it. 'running' means it runs as an event or a service,
-- which is then linked.
CREATE TABLE idea (
  id            TEXT PRIMARY KEY,
  initiative_id TEXT REFERENCES initiative(id) ON DELETE CASCADE,
  hackathon_id  TEXT REFERENCES hackathon(id) ON DELETE SET NULL,
  position      INTEGER NOT NULL DEFAULT 0,                 -- order in the source
  category      TEXT NOT NULL CHECK (category IN ('language-culture', 'digital-skills',
                                                  'information-access', 'community-engagement')),
  title         TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'idea'
                CHECK (status IN ('idea', 'planned', 'running', 'done', 'dropped')),
  event_id      TEXT REFERENCES event(id) ON DELETE SET NULL,
  service_id    TEXT REFERENCES service(id) ON DELETE SET NULL,
  source_locale TEXT NOT NULL DEFAULT 'lv',
  source_note   TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL,
  CHECK (initiative_id IS NOT NULL OR hackathon_id IS NOT NULL)
) STRICT;
CREATE INDEX idea_initiative ON idea(initiative_id, category, position);
CREATE INDEX idea_hackathon ON idea(hackathon_id);
