-- Self-paced training for library staff (issue 8; seed 004: "Apmācības: klātienes un tiešsaistes
-- apmācības projekta partneriem par katru projekta realizācijas etapu"). Modules of ordered
-- lessons (Markdown), short check questions with feedback per choice, and each account's
-- progress.
--
-- Texts follow the localized-text pattern of the other tables: the record's own columns hold
-- the text in source_locale, other locales are rows of `translation` (entity 'training_module':
-- title, summary; 'training_lesson': title, body; 'training_question': prompt;
-- 'training_choice': label, feedback). Pages fall back along the locale chain and say so.
--
-- Personal data: progress rows hold only the account id, which choices were picked and when
-- (timestamps). That is the least needed to show people where they are, to check their answers
-- and to print their certificate; the name on the certificate is read from the account when
-- the page is shown and never copied here. Deleting an account deletes its progress (CASCADE).

CREATE TABLE training_module (
  id            TEXT PRIMARY KEY,
  slug          TEXT NOT NULL UNIQUE
                CHECK (length(slug) BETWEEN 1 AND 80 AND slug NOT GLOB '*[^a-z0-9-]*'),
  position      INTEGER NOT NULL DEFAULT 0,
  title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary       TEXT NOT NULL DEFAULT '' CHECK (length(summary) <= 2000),
  source_locale TEXT NOT NULL DEFAULT 'lv',
  is_sample     INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),  -- made up for the demo
  created       TEXT NOT NULL,
  last_modified TEXT NOT NULL
) STRICT;

-- Lessons in order of position (ties by creation); positions need not be consecutive.
CREATE TABLE training_lesson (
  id            TEXT PRIMARY KEY,
  module_id     TEXT NOT NULL REFERENCES training_module(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL CHECK (position BETWEEN 1 AND 999),
  title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body          TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 50000),  -- Markdown
  source_locale TEXT NOT NULL DEFAULT 'lv',
  created       TEXT NOT NULL,
  last_modified TEXT NOT NULL
) STRICT;
CREATE INDEX training_lesson_module ON training_lesson(module_id, position, created);

-- A check question of a lesson. One right choice: the page offers radio buttons; several: check
-- boxes, and the answer is right only when exactly the right ones are picked.
CREATE TABLE training_question (
  id            TEXT PRIMARY KEY,
  lesson_id     TEXT NOT NULL REFERENCES training_lesson(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL CHECK (position BETWEEN 1 AND 999),
  prompt        TEXT NOT NULL CHECK (length(prompt) BETWEEN 1 AND 1000),
  source_locale TEXT NOT NULL DEFAULT 'lv',
  created       TEXT NOT NULL,
  last_modified TEXT NOT NULL
) STRICT;
CREATE INDEX training_question_lesson ON training_question(lesson_id, position, created);

-- The choices of a question; feedback is shown to whoever picks the choice.
CREATE TABLE training_choice (
  id            TEXT PRIMARY KEY,
  question_id   TEXT NOT NULL REFERENCES training_question(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  label         TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 500),
  is_right      INTEGER NOT NULL CHECK (is_right IN (0, 1)),
  feedback      TEXT NOT NULL DEFAULT '' CHECK (length(feedback) <= 1000),
  source_locale TEXT NOT NULL DEFAULT 'lv'
) STRICT;
CREATE INDEX training_choice_question ON training_choice(question_id, position);

-- Progress. The last answer an account gave to a question: the picked choices' ids, separated
-- by spaces. Whether it is right is worked out from the question as it is now, so a changed
-- question never leaves a stale "right".
CREATE TABLE training_answer (
  account_id  TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL REFERENCES training_question(id) ON DELETE CASCADE,
  choice_ids  TEXT NOT NULL CHECK (length(choice_ids) <= 2000),
  answered_at TEXT NOT NULL,
  PRIMARY KEY (account_id, question_id)
) STRICT, WITHOUT ROWID;

-- A lesson an account has finished: every question of it answered right (or read, when it has
-- none).
CREATE TABLE training_lesson_done (
  account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  lesson_id  TEXT NOT NULL REFERENCES training_lesson(id) ON DELETE CASCADE,
  done_at    TEXT NOT NULL,
  PRIMARY KEY (account_id, lesson_id)
) STRICT, WITHOUT ROWID;

-- A module an account has completed (every lesson done, every question answered right): the
-- certificate's date. It stays when the module changes afterwards.
CREATE TABLE training_completion (
  account_id   TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  module_id    TEXT NOT NULL REFERENCES training_module(id) ON DELETE CASCADE,
  completed_at TEXT NOT NULL,
  PRIMARY KEY (account_id, module_id)
) STRICT, WITHOUT ROWID;

-- Live trainings are events of the event category 'training' (0002 has 'webinar' already):
-- "klātienes un tiešsaistes apmācības" of seed 004. Id = DeterministicUuid(
-- "taxonomy_term:event-category/training"), as 0002 computes them.
INSERT INTO taxonomy_term (id, code, name, taxonomy, taxonomy_id, position) VALUES
  ('4b6567ec-996e-82bd-887e-7c920b16e049', 'training', 'Training for library staff and partners',
   'event-category', '11ec30cb-0670-8206-8d23-583dc30db4a7', 12);
INSERT INTO translation (entity, entity_id, field, locale, value, source, updated_at) VALUES
  ('taxonomy_term', '4b6567ec-996e-82bd-887e-7c920b16e049', 'name', 'lv', 'Apmācības bibliotekāriem un partneriem', 'original', '2026-12-06T00:00:00Z'),
  ('taxonomy_term', '4b6567ec-996e-82bd-887e-7c920b16e049', 'name', 'ru', 'Обучение для библиотекарей и партнёров', 'human', '2026-12-06T00:00:00Z'),
  ('taxonomy_term', '4b6567ec-996e-82bd-887e-7c920b16e049', 'name', 'uk', 'Навчання для бібліотекарів і партнерів', 'human', '2026-12-06T00:00:00Z'),
  ('taxonomy_term', '4b6567ec-996e-82bd-887e-7c920b16e049', 'name', 'en', 'Training for library staff and partners', 'human', '2026-12-06T00:00:00Z');
