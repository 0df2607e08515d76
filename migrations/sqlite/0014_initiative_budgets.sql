-- Initiatives' budgets by funding source (issue 7), as the sources print them: each source's
-- amount in euro cents, in the order printed, with where the figure comes from. The shares are
-- worked out from the amounts (src/programme/budget.h), never stored twice.

ALTER TABLE initiative ADD COLUMN budget_total_cents INTEGER
  CHECK (budget_total_cents IS NULL OR budget_total_cents >= 0);

CREATE TABLE initiative_funding (
  initiative_id TEXT NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,                -- order in the source
  funder        TEXT NOT NULL,                   -- in the initiative's source locale
  amount_cents  INTEGER NOT NULL CHECK (amount_cents >= 0),
  source_note   TEXT NOT NULL DEFAULT '',        -- where the figure comes from
  PRIMARY KEY (initiative_id, position)
) STRICT, WITHOUT ROWID;
