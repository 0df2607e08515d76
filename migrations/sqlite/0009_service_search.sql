-- ext: the text search of the HSDS API (`search` on /api/v1/services, /service_at_locations and
-- /organizations), so that a request reads only the records it matches instead of folding every
-- record's text. Derived data like search_document (0004): store/service_index rebuilds both
-- tables from the directory tables in every directory write (with the library index) and at
-- start-up when they are empty; they can be emptied and rebuilt at any time.
--
-- One row per service (per organization): `text` is its name, alternate name and description
-- in every locale of `translation` (and the base columns), each folded by directory::Fold
-- (src/directory/folding.h) and the distinct folds joined by spaces. Same 'ascii' tokenizer and
-- prefix indexes as search_document, for the same reasons: queries are folded the same way and
-- every query word is a prefix match. Rows are written in ascending id order, so rowid order is
-- id order: a search pages by rowid without reading every match.
-- Two tables rather than one with an entity column: a MATCH then reads only the doclists of one
-- kind of record, with nothing to filter out afterwards, and a count is the number of matches.
CREATE VIRTUAL TABLE service_search USING fts5(
  text,
  service_id UNINDEXED,
  tokenize = 'ascii',
  prefix = '2 3'
);

CREATE VIRTUAL TABLE organization_search USING fts5(
  text,
  organization_id UNINDEXED,
  tokenize = 'ascii',
  prefix = '2 3'
);

-- The API's filters, so that none of them scans a whole table.
CREATE INDEX service_last_modified ON service(last_modified);
CREATE INDEX organization_last_modified ON organization(last_modified);
CREATE INDEX address_postal_code ON address(postal_code);

-- The children each listed record loads (phones, schedules, contacts), looked up by the link
-- column the API reads them by; without these every page item scanned the whole table.
CREATE INDEX phone_service ON phone(service_id);
CREATE INDEX phone_organization ON phone(organization_id);
CREATE INDEX phone_service_at_location ON phone(service_at_location_id);
CREATE INDEX schedule_service ON schedule(service_id);
CREATE INDEX schedule_service_at_location ON schedule(service_at_location_id);
CREATE INDEX contact_service ON contact(service_id);
