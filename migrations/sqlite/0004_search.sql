-- Full-text search (DESIGN.md "Search", QUALITY.md W11). The text is folded at write time by
-- directory::Fold (src/directory/folding.h): lower case, no diacritics, Cyrillic spelt the
-- Latvian way, words separated by single spaces. Queries are folded the same way, so this
-- table never has to know about scripts or diacritics. It is derived data: store/search_index
-- rebuilds it from the directory tables, and it can be emptied and rebuilt at any time.

-- One row per searchable record ("document"). Three columns so that bm25 can weigh them:
--   names:  the record's own names in every locale (a library's names)
--   places: the names of its town and municipality in every locale and script
--   body:   descriptions, services, taxonomy terms (service types, target groups, ...)
-- The 'ascii' tokenizer splits on ASCII spaces and punctuation and keeps every non-ASCII
-- character inside a word, which is exactly how directory::Tokens splits folded text (unicode61
-- would re-classify some non-Latin characters by its own, older Unicode tables). Prefix indexes
-- of 2 and 3 characters keep search-as-you-type cheap.
CREATE VIRTUAL TABLE search_document USING fts5(
  names,
  places,
  body,
  entity UNINDEXED,     -- table the record lives in: 'location' (one per library location)
  entity_id UNINDEXED,  -- its id
  tokenize = 'ascii',
  prefix = '2 3'
);

-- The terms of the index as FTS5 sees them (no storage of its own).
CREATE VIRTUAL TABLE search_document_terms USING fts5vocab(search_document, 'row');

-- Every distinct folded word of search_document with its length in characters, copied from
-- search_document_terms whenever the index is rebuilt: typo tolerance looks up the words of
-- about the same length as a misspelt query word (length BETWEEN n - 2 AND n + 2) and measures
-- their edit distance in C++.
CREATE TABLE search_term (
  term      TEXT PRIMARY KEY,
  length    INTEGER NOT NULL,   -- in characters (code points), as SQLite's length() counts
  documents INTEGER NOT NULL    -- how many documents contain it (ranks typo candidates)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_term_length ON search_term(length, term);
