-- The methodology library (issue 8): documents and guides for librarians — the partnership
-- handbook, how to run local diagnostics, write a local strategy, organise a hackathon, impact
-- and sustainability (seed 004's training topics). Each document has versions: a new version
-- never changes an old one, which stays readable with its date. Texts are in the document's
-- source locale; other locales in `translation` (entity 'method_document' fields 'title' and
-- 'summary'; entity 'method_version' fields 'note' and 'body').
CREATE TABLE method_document (
  id            TEXT PRIMARY KEY,
  slug          TEXT NOT NULL UNIQUE,
  topic         TEXT NOT NULL CHECK (topic IN ('partnership', 'diagnostics', 'strategy',
                                               'hackathon', 'impact', 'other')),
  source_locale TEXT NOT NULL DEFAULT 'lv',
  title         TEXT NOT NULL,
  summary       TEXT NOT NULL DEFAULT '',
  source_note   TEXT NOT NULL DEFAULT '',            -- where demo content comes from
  last_modified TEXT NOT NULL
) STRICT;

CREATE TABLE method_version (
  id           TEXT PRIMARY KEY,
  document_id  TEXT NOT NULL REFERENCES method_document(id) ON DELETE CASCADE,
  number       INTEGER NOT NULL CHECK (number >= 1),
  published_on TEXT,                                 -- YYYY-MM-DD; NULL when not known
  note         TEXT NOT NULL DEFAULT '',             -- what this version changed
  body         TEXT NOT NULL DEFAULT '',             -- Markdown
  upload_id    TEXT REFERENCES upload(id),           -- the document's file, when it has one
  created_by   TEXT NOT NULL DEFAULT '',             -- account id; '' for the demo
  created_at   TEXT NOT NULL,
  UNIQUE (document_id, number),
  CHECK (body <> '' OR upload_id IS NOT NULL)
) STRICT;
