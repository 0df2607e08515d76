-- ext: one number that grows whenever something the library search sees changes, so that each
-- node's in-memory search snapshot (store/search_snapshot.h) knows when to rebuild. The library
-- index rebuild (store/search_index.h), which every directory write runs, bumps it; the
-- triggers below cover opening hours, which change without a rebuild.
CREATE TABLE directory_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO directory_version (id, version) VALUES (1, 1);

CREATE TRIGGER schedule_inserted AFTER INSERT ON schedule
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER schedule_updated AFTER UPDATE ON schedule
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER schedule_deleted AFTER DELETE ON schedule
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER schedule_exception_inserted AFTER INSERT ON schedule_exception
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER schedule_exception_updated AFTER UPDATE ON schedule_exception
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER schedule_exception_deleted AFTER DELETE ON schedule_exception
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER holiday_inserted AFTER INSERT ON holiday
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER holiday_deleted AFTER DELETE ON holiday
BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
