-- Local diagnostics and the local strategy of each library (issue 7; seed 004: "Vietējās
-- situācijas diagnostika": a local mobility event, data gathering by interviews and focus groups,
-- a diagnostic report based on it; "Vietējās stratēģijas izstrāde").
-- No personal data: activities keep head counts by target group and anonymised notes only.
-- Texts are kept in the librarian's language (source_locale); translating them is out of scope
-- for now (no rows in `translation` are written for these tables).

-- One diagnostic activity of a library. notes and findings are anonymised and never shown in
-- public; the public page shows date, method and the total head count only.
CREATE TABLE diagnostic_activity (
  id              TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  held_on         TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  method          TEXT NOT NULL
                  CHECK (method IN ('mobility-event', 'interviews', 'focus-group', 'survey', 'other')),
  notes           TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
  findings        TEXT NOT NULL DEFAULT '' CHECK (length(findings) <= 5000),
  source_locale   TEXT NOT NULL DEFAULT 'lv',
  recorded_by     TEXT NOT NULL,                              -- account id
  created         TEXT NOT NULL,
  last_modified   TEXT NOT NULL
) STRICT;
CREATE INDEX diagnostic_activity_org ON diagnostic_activity(organization_id, held_on);

-- Head counts by target group, like attendance_count (0012): never who took part.
CREATE TABLE diagnostic_participants (
  activity_id      TEXT NOT NULL REFERENCES diagnostic_activity(id) ON DELETE CASCADE,
  taxonomy_term_id TEXT NOT NULL,       -- a 'target-group' term's id, or 'unspecified'
  count            INTEGER NOT NULL CHECK (count BETWEEN 0 AND 100000),
  PRIMARY KEY (activity_id, taxonomy_term_id)
) STRICT, WITHOUT ROWID;

-- The diagnostic report (Markdown, rendered by web/markdown); public only when published.
CREATE TABLE diagnostic_report (
  organization_id TEXT PRIMARY KEY REFERENCES organization(id) ON DELETE CASCADE,
  markdown        TEXT NOT NULL DEFAULT '' CHECK (length(markdown) <= 50000),
  source_locale   TEXT NOT NULL DEFAULT 'lv',
  published       INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
  updated_by      TEXT NOT NULL DEFAULT '',                   -- account id
  last_modified   TEXT NOT NULL
) STRICT;

-- The local strategy: goals, and the actions towards each, which may be linked to what carries
-- them out (an initiative, an event, a service). The strategy is public.
CREATE TABLE strategy_goal (
  id              TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL DEFAULT 0,
  title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description     TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  source_locale   TEXT NOT NULL DEFAULT 'lv',
  last_modified   TEXT NOT NULL
) STRICT;
CREATE INDEX strategy_goal_org ON strategy_goal(organization_id, position);

CREATE TABLE strategy_action (
  id            TEXT PRIMARY KEY,
  goal_id       TEXT NOT NULL REFERENCES strategy_goal(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL DEFAULT 0,
  title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  status        TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'running', 'done', 'dropped')),
  initiative_id TEXT REFERENCES initiative(id) ON DELETE SET NULL,
  event_id      TEXT REFERENCES event(id) ON DELETE SET NULL,
  service_id    TEXT REFERENCES service(id) ON DELETE SET NULL,
  source_locale TEXT NOT NULL DEFAULT 'lv',
  last_modified TEXT NOT NULL
) STRICT;
CREATE INDEX strategy_action_goal ON strategy_action(goal_id, position);
