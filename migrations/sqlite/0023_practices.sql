-- Good practices (issue 8; seeds 001 and 004: collecting and spreading examples of good practice
-- in the integration of third-country nationals). A librarian or partner submits a practice; a
-- coordinator reviews it and publishes it, or returns it with a note saying what to change.
-- Texts are in the practice's source locale; other locales in `translation` (entity 'practice',
-- fields 'title', 'problem', 'audience', 'what_done', 'cost', 'results', 'watch_out'; entity
-- 'practice_image' fields 'alt' and 'caption').
CREATE TABLE practice (
  id              TEXT PRIMARY KEY,
  slug            TEXT NOT NULL UNIQUE,
  status          TEXT NOT NULL DEFAULT 'submitted'
                  CHECK (status IN ('submitted', 'returned', 'published')),
  source_locale   TEXT NOT NULL DEFAULT 'lv',
  category        TEXT NOT NULL,               -- programme::kPracticeCategories
  title           TEXT NOT NULL,
  problem         TEXT NOT NULL,               -- what problem it addressed (Markdown)
  audience        TEXT NOT NULL DEFAULT '',    -- for whom, in words
  what_done       TEXT NOT NULL,               -- what was done (Markdown)
  cost            TEXT NOT NULL DEFAULT '',    -- what it cost, in words (money, time, people)
  results         TEXT NOT NULL DEFAULT '',    -- (Markdown)
  watch_out       TEXT NOT NULL DEFAULT '',    -- what to watch out for (Markdown)
  -- The library: one of the directory, or by name when it is not in the directory (a library
  -- abroad). Exactly one of the two.
  organization_id TEXT REFERENCES organization(id) ON DELETE SET NULL,
  library_name    TEXT NOT NULL DEFAULT '',
  country         TEXT NOT NULL,               -- ISO 3166-1 alpha-2
  submitted_by    TEXT NOT NULL DEFAULT '',    -- account id; '' for the demo
  submitted_at    TEXT NOT NULL,
  review_note     TEXT NOT NULL DEFAULT '',    -- the coordinator's note when returned
  reviewed_by     TEXT NOT NULL DEFAULT '',
  published_at    TEXT,                        -- RFC 3339; NULL until published
  is_sample       INTEGER NOT NULL DEFAULT 0,  -- made up for the demo (shown as a sample)
  source_note     TEXT NOT NULL DEFAULT '',    -- where demo content comes from
  last_modified   TEXT NOT NULL,
  -- The folded words (directory::Fold, Tokens) of every locale's texts as " word word … ",
  -- kept by the store on each write: the public list's search matches word beginnings.
  search_text     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX practice_status ON practice(status, published_at);
CREATE INDEX practice_submitted_by ON practice(submitted_by);
CREATE INDEX practice_organization ON practice(organization_id);

CREATE TABLE practice_target_group (
  practice_id      TEXT NOT NULL REFERENCES practice(id) ON DELETE CASCADE,
  taxonomy_term_id TEXT NOT NULL REFERENCES taxonomy_term(id),   -- a 'target-group' term
  PRIMARY KEY (practice_id, taxonomy_term_id)
) STRICT, WITHOUT ROWID;

-- The events and services the practice became.
CREATE TABLE practice_link (
  practice_id TEXT NOT NULL REFERENCES practice(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('event', 'service')),
  target_id   TEXT NOT NULL,
  PRIMARY KEY (practice_id, kind, target_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE practice_image (
  id          TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practice(id) ON DELETE CASCADE,
  upload_id   TEXT NOT NULL REFERENCES upload(id),
  position    INTEGER NOT NULL,
  alt         TEXT NOT NULL,
  caption     TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL
) STRICT;
CREATE INDEX practice_image_practice ON practice_image(practice_id, position);
