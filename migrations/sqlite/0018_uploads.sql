-- Files people upload (issue 7's gallery; issue 8's good practices, methodology and guides),
-- kept in the database so every node of a cluster serves the same files (issue 9). The type is
-- what the content showed (core/file_type), never what the sender claimed; the stored name is
-- the random id with that type's extension, so nothing the sender wrote reaches a path. The
-- sender's file name, made safe, is only offered when downloading.
CREATE TABLE upload (
  id          TEXT PRIMARY KEY,                 -- random UUID; a file never changes, so it is the ETag too
  kind        TEXT NOT NULL CHECK (kind IN ('image', 'document', 'video', 'captions')),
  media_type  TEXT NOT NULL,
  extension   TEXT NOT NULL,
  filename    TEXT NOT NULL,                    -- core::SafeFileName of the sender's name
  byte_size   INTEGER NOT NULL,
  width       INTEGER,                          -- images, when the header says
  height      INTEGER,
  uploaded_by TEXT NOT NULL DEFAULT '',         -- account id; '' for imports
  uploaded_at TEXT NOT NULL,
  content     BLOB NOT NULL                     -- last, so lists never read it
) STRICT;

-- An initiative's gallery: images with their text alternative (required) and an optional
-- caption, in the initiative's source locale; other locales in `translation` (entity
-- 'initiative_image', fields 'alt' and 'caption').
CREATE TABLE initiative_image (
  id            TEXT PRIMARY KEY,
  initiative_id TEXT NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
  upload_id     TEXT NOT NULL REFERENCES upload(id),
  position      INTEGER NOT NULL,
  alt           TEXT NOT NULL,
  caption       TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL
) STRICT;
CREATE INDEX initiative_image_initiative ON initiative_image(initiative_id, position);
