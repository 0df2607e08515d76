-- Information for newcomers (issue 8): guides written in Markdown by coordinators. The texts
-- (title, summary, body, and what the video shows) are in the guide's source locale; other
-- locales live in `translation` (entity 'guide', fields 'title', 'summary', 'body',
-- 'video_description') with its outdated flag, like every other text.
CREATE TABLE guide (
  id                TEXT PRIMARY KEY,
  slug              TEXT NOT NULL UNIQUE,
  source_locale     TEXT NOT NULL DEFAULT 'lv',
  -- The list groups guides by topic (issue 8's five), in `position` order within one.
  topic             TEXT NOT NULL CHECK (topic IN ('libraries', 'library-card',
                      'learning-latvian', 'e-services', 'integration')),
  position          INTEGER NOT NULL DEFAULT 0,
  title             TEXT NOT NULL,
  summary           TEXT NOT NULL DEFAULT '',
  body              TEXT NOT NULL DEFAULT '',                 -- Markdown
  -- This guide is the easy-language version of another; a guide has at most one.
  easy_version_of   TEXT UNIQUE REFERENCES guide(id) ON DELETE SET NULL
                    CHECK (easy_version_of IS NULL OR easy_version_of <> id),
  published         INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
  video_upload_id   TEXT REFERENCES upload(id),
  video_description TEXT NOT NULL DEFAULT '',                 -- what the video shows
  last_modified     TEXT NOT NULL
) STRICT;
CREATE INDEX guide_topic ON guide(topic, position);

-- The video's captions: one WebVTT file per locale.
CREATE TABLE guide_caption (
  guide_id  TEXT NOT NULL REFERENCES guide(id) ON DELETE CASCADE,
  locale    TEXT NOT NULL,
  upload_id TEXT NOT NULL REFERENCES upload(id),
  PRIMARY KEY (guide_id, locale)
) STRICT, WITHOUT ROWID;
