-- Spoken audio made by espeak-ng (src/speech), kept so that each (voice, text) is synthesised
-- once for every node of the site: the phrasebook's phrases (issue 8) and later any text read
-- aloud. Keyed by the voice and the SHA-256 of the exact UTF-8 text, so a corrected phrase gets
-- new audio and the old row is simply never asked for again. Derived data: losing a row costs
-- one synthesis, nothing else. No personal data.
CREATE TABLE speech_audio (
  voice       TEXT NOT NULL CHECK (length(voice) BETWEEN 1 AND 40),
  text_sha256 TEXT NOT NULL CHECK (length(text_sha256) = 64 AND text_sha256 NOT GLOB '*[^0-9a-f]*'),
  wav         BLOB NOT NULL CHECK (length(wav) > 44 AND substr(wav, 1, 4) = CAST('RIFF' AS BLOB)),
  created     TEXT NOT NULL,
  PRIMARY KEY (voice, text_sha256)
) STRICT, WITHOUT ROWID;
