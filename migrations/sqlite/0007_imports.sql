-- Libraries outside Latvia, imported from real data sets (tilti import): their opening hours
-- are wall-clock times of their own time zone, and Latvian public holidays do not close them.

-- ext: the IANA time zone of the location's opening hours.
ALTER TABLE location ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Riga';
-- ext: the public-holiday calendar (holiday_calendar.id) that closes the location; NULL: none
-- known. (SQLite cannot add a column with both REFERENCES and a non-NULL default.)
ALTER TABLE location ADD COLUMN holiday_calendar_id TEXT DEFAULT 'LV';

-- Re-imports find a location by its id in the source data set.
CREATE INDEX location_external ON location(external_identifier_type, external_identifier);

-- Pages, the search index and the API read a location's address and phones by location.
CREATE INDEX address_location ON address(location_id);
CREATE INDEX phone_location ON phone(location_id);
