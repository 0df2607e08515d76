-- "Near me" search: an R*Tree over the coordinates of every location, kept in step with the
-- location table by triggers, so a bounding-box lookup never scans all locations. The exact
-- (haversine) distance is computed in C++ afterwards (directory/search_filters.h).
-- location has TEXT ids and no INTEGER PRIMARY KEY, so its rowid may change on VACUUM: the
-- R*Tree's integer ids come from location_geo_key instead, one row per located location.

CREATE TABLE location_geo_key (
  id          INTEGER PRIMARY KEY,
  location_id TEXT NOT NULL UNIQUE
) STRICT;

-- Points stored as degenerate boxes (min = max). R*Tree keeps 32-bit floats: callers widen
-- their box a little and check the exact distance.
CREATE VIRTUAL TABLE location_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);

INSERT INTO location_geo_key (location_id)
  SELECT id FROM location WHERE latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY id;
INSERT INTO location_geo (id, min_lat, max_lat, min_lon, max_lon)
  SELECT k.id, l.latitude, l.latitude, l.longitude, l.longitude
    FROM location_geo_key k JOIN location l ON l.id = k.location_id;

CREATE TRIGGER location_geo_insert AFTER INSERT ON location
WHEN NEW.latitude IS NOT NULL AND NEW.longitude IS NOT NULL
BEGIN
  INSERT INTO location_geo_key (location_id) VALUES (NEW.id);
  INSERT INTO location_geo (id, min_lat, max_lat, min_lon, max_lon)
    VALUES ((SELECT id FROM location_geo_key WHERE location_id = NEW.id),
            NEW.latitude, NEW.latitude, NEW.longitude, NEW.longitude);
END;

CREATE TRIGGER location_geo_update AFTER UPDATE OF id, latitude, longitude ON location
BEGIN
  DELETE FROM location_geo
   WHERE id = (SELECT id FROM location_geo_key WHERE location_id = OLD.id);
  DELETE FROM location_geo_key WHERE location_id = OLD.id;
  INSERT INTO location_geo_key (location_id)
    SELECT NEW.id WHERE NEW.latitude IS NOT NULL AND NEW.longitude IS NOT NULL;
  INSERT INTO location_geo (id, min_lat, max_lat, min_lon, max_lon)
    SELECT k.id, NEW.latitude, NEW.latitude, NEW.longitude, NEW.longitude
      FROM location_geo_key k
     WHERE k.location_id = NEW.id AND NEW.latitude IS NOT NULL AND NEW.longitude IS NOT NULL;
END;

CREATE TRIGGER location_geo_delete AFTER DELETE ON location
BEGIN
  DELETE FROM location_geo
   WHERE id = (SELECT id FROM location_geo_key WHERE location_id = OLD.id);
  DELETE FROM location_geo_key WHERE location_id = OLD.id;
END;
