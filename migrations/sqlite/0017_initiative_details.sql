-- An initiative's goals and expected results with what became of them, its target groups, and
-- its news (issue 7). Texts are in the initiative's source locale; other locales in
-- `translation` (entity 'initiative_goal' field 'text'; entity 'initiative_news' fields 'title'
-- and 'body').

CREATE TABLE initiative_goal (
  id            TEXT PRIMARY KEY,
  initiative_id TEXT NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('goal', 'result')),
  position      INTEGER NOT NULL,                          -- order within its kind
  text          TEXT NOT NULL,
  -- Where a result stands; 'not-reported' until someone says (the sources say nothing).
  status        TEXT NOT NULL DEFAULT 'not-reported'
                CHECK (status IN ('not-reported', 'in-progress', 'achieved', 'not-achieved')),
  source_note   TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL
) STRICT;
CREATE INDEX initiative_goal_initiative ON initiative_goal(initiative_id, kind, position);

CREATE TABLE initiative_target_group (
  initiative_id    TEXT NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
  taxonomy_term_id TEXT NOT NULL REFERENCES taxonomy_term(id),   -- a 'target-group' term
  PRIMARY KEY (initiative_id, taxonomy_term_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE initiative_news (
  id            TEXT PRIMARY KEY,
  initiative_id TEXT NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
  published_on  TEXT NOT NULL,                             -- YYYY-MM-DD
  title         TEXT NOT NULL,
  body          TEXT NOT NULL DEFAULT '',
  source_note   TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL
) STRICT;
CREATE INDEX initiative_news_initiative ON initiative_news(initiative_id, published_on);
