-- Benchmark data only (bench/scale.sh), never demo data: turns a database holding the real
-- library lists (tilti import) into a European-scale directory by replicating every library
-- with small jitter, and gives every library four more services of the service-type taxonomy.
-- The copies are the rows of table bench_copies (n = 1..copies, hex = n as four hex digits),
-- created by the bench script. The SQL is one both SQLite and PostgreSQL accept (see
-- docs/postgres-schema.md): no random(), printf() or INSERT OR IGNORE. On SQLite run it with
-- foreign keys off (the copies' rows come in an order PostgreSQL's checks accept too).
-- Copies get ids derived from the original's (UUID version digit 'b' instead of the '8' of
-- Tilti's deterministic ids, so never an original's id, and the last four hex digits replaced
-- by the copy number), slugs "<slug>-r<n>", coordinates moved by up to 0.01 degree (about a
-- kilometre, derived from the id's last hex digits and the copy number, so the same on both
-- databases), and the description "Benchmark replica", so they are never mistaken for data.
BEGIN;

CREATE TEMP TABLE lib AS
  SELECT o.id AS org, l.id AS loc FROM organization o JOIN location l ON l.organization_id = o.id
  WHERE o.kind = 'library';

CREATE TEMP TABLE rid (old TEXT, n INTEGER, new TEXT, PRIMARY KEY (old, n));
-- Every id a copied row carries, for each copy.
INSERT INTO rid SELECT x.id, c.n, substr(x.id, 1, 14) || 'b' || substr(x.id, 16, 17) || c.hex
  FROM (SELECT org AS id FROM lib UNION SELECT loc FROM lib
        UNION SELECT s.id FROM service s JOIN lib ON s.organization_id = lib.org
        UNION SELECT sal.id FROM service_at_location sal JOIN lib ON sal.location_id = lib.loc
        UNION SELECT a.id FROM address a JOIN lib ON a.location_id = lib.loc
        UNION SELECT p.id FROM phone p JOIN lib ON p.location_id = lib.loc
        UNION SELECT sc.id FROM schedule sc JOIN lib ON sc.location_id = lib.loc
        UNION SELECT at.id FROM attribute at JOIN lib ON at.link_id IN (lib.loc, lib.org)
        UNION SELECT at.id FROM attribute at JOIN service s ON at.link_id = s.id
                                         JOIN lib ON s.organization_id = lib.org) x
  CROSS JOIN bench_copies c;

INSERT INTO organization (id, slug, kind, name, alternate_name, description, email, website,
                          parent_organization_id, country, municipality_id, source_locale,
                          last_modified)
SELECT r.new, o.slug || '-r' || r.n, o.kind, o.name, o.alternate_name, 'Benchmark replica',
       o.email, o.website, o.parent_organization_id, o.country, o.municipality_id,
       o.source_locale, o.last_modified
  FROM organization o JOIN lib ON lib.org = o.id JOIN rid r ON r.old = o.id;

INSERT INTO location (id, location_type, organization_id, name, latitude, longitude,
                      external_identifier, external_identifier_type, slug, municipality_id,
                      place_id, coordinates_approximate, time_zone, holiday_calendar_id,
                      source_locale, last_modified)
SELECT r.new, l.location_type, ro.new, l.name,
       l.latitude + (((instr('0123456789abcdef', substr(l.id, 34, 1)) * 256
                       + instr('0123456789abcdef', substr(l.id, 35, 1)) * 16
                       + instr('0123456789abcdef', substr(l.id, 36, 1)) + r.n * 997) % 2001)
                     - 1000) / 100000.0,
       l.longitude + (((instr('0123456789abcdef', substr(l.id, 31, 1)) * 256
                        + instr('0123456789abcdef', substr(l.id, 32, 1)) * 16
                        + instr('0123456789abcdef', substr(l.id, 33, 1)) + r.n * 641) % 2001)
                      - 1000) / 100000.0,
       l.external_identifier, 'bench-replica', l.slug || '-r' || r.n, l.municipality_id,
       l.place_id, l.coordinates_approximate, l.time_zone, l.holiday_calendar_id,
       l.source_locale, l.last_modified
  FROM location l JOIN lib ON lib.loc = l.id JOIN rid r ON r.old = l.id
  JOIN rid ro ON ro.old = lib.org AND ro.n = r.n;

INSERT INTO address (id, location_id, address_1, address_2, city, state_province, postal_code,
                     country, address_type)
SELECT r.new, rl.new, a.address_1, a.address_2, a.city, a.state_province, a.postal_code,
       a.country, a.address_type
  FROM address a JOIN rid r ON r.old = a.id JOIN rid rl ON rl.old = a.location_id AND rl.n = r.n;

INSERT INTO phone (id, location_id, number, type)
SELECT r.new, rl.new, p.number, p.type
  FROM phone p JOIN rid r ON r.old = p.id JOIN rid rl ON rl.old = p.location_id AND rl.n = r.n;

INSERT INTO service (id, organization_id, name, status, source_locale, last_modified)
SELECT r.new, ro.new, s.name, s.status, s.source_locale, s.last_modified
  FROM service s JOIN rid r ON r.old = s.id JOIN rid ro ON ro.old = s.organization_id AND ro.n = r.n;

INSERT INTO service_at_location (id, service_id, location_id)
SELECT r.new, rs.new, rl.new
  FROM service_at_location sal JOIN rid r ON r.old = sal.id
  JOIN rid rs ON rs.old = sal.service_id AND rs.n = r.n
  JOIN rid rl ON rl.old = sal.location_id AND rl.n = r.n;

INSERT INTO schedule (id, location_id, freq, byday, opens_at, closes_at, valid_from, valid_to,
                      description)
SELECT r.new, rl.new, sc.freq, sc.byday, sc.opens_at, sc.closes_at, sc.valid_from, sc.valid_to,
       sc.description
  FROM schedule sc JOIN rid r ON r.old = sc.id JOIN rid rl ON rl.old = sc.location_id AND rl.n = r.n;

INSERT INTO attribute (id, link_id, taxonomy_term_id, link_entity)
SELECT r.new, rk.new, a.taxonomy_term_id, a.link_entity
  FROM attribute a JOIN rid r ON r.old = a.id JOIN rid rk ON rk.old = a.link_id AND rk.n = r.n;

INSERT INTO translation (entity, entity_id, field, locale, value, source, outdated, updated_at)
SELECT t.entity, r.new, t.field, t.locale, t.value, t.source, t.outdated, t.updated_at
  FROM translation t JOIN rid r ON r.old = t.entity_id
 WHERE t.entity IN ('organization', 'location', 'service');

-- Five more services for every library (original and copy): service-type terms picked by the
-- organization id (ids with version digits c, d, e), each a service at the library's location
-- with its taxonomy attribute.
CREATE TEMP TABLE term AS
  SELECT tt.id, tt.name, row_number() OVER (ORDER BY tt.position) - 1 AS k
  FROM taxonomy_term tt JOIN taxonomy tx ON tx.id = tt.taxonomy_id WHERE tx.code = 'service-type';
CREATE TEMP TABLE extra AS
  SELECT o.id AS org, l.id AS loc, t.id AS term, t.name AS name, j.j,
         substr(o.id, 1, 14) || 'c' || substr(o.id, 16, 13) || '000' || j.j
           || substr(o.id, 33) AS sid
    FROM organization o JOIN location l ON l.organization_id = o.id
    CROSS JOIN (SELECT 1 AS j UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
                UNION ALL SELECT 5) j
    JOIN term t ON t.k = (instr('0123456789abcdef', substr(o.id, 1, 1)) * 7
                          + instr('0123456789abcdef', substr(o.id, 2, 1)) * 3
                          + instr('0123456789abcdef', substr(o.id, 36, 1)) + j.j * 3)
                         % (SELECT count(*) FROM term)
   WHERE o.kind = 'library';
-- (WHERE true: SQLite's parser needs it before an upsert clause on INSERT … SELECT.)
INSERT INTO service (id, organization_id, name, status, source_locale, last_modified)
  SELECT sid, org, name, 'active', 'en', '2026-11-22T00:00:00Z' FROM extra WHERE true
  ON CONFLICT DO NOTHING;
INSERT INTO service_at_location (id, service_id, location_id)
  SELECT substr(sid, 1, 14) || 'd' || substr(sid, 16), sid, loc FROM extra WHERE true
  ON CONFLICT DO NOTHING;
INSERT INTO attribute (id, link_id, taxonomy_term_id, link_entity)
  SELECT substr(sid, 1, 14) || 'e' || substr(sid, 16), sid, term, 'service' FROM extra
  WHERE true ON CONFLICT DO NOTHING;

-- Derived data: rebuilt by tilti serve at start-up when empty.
DELETE FROM search_document;
DELETE FROM service_search;
COMMIT;
