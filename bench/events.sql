-- Benchmark data only (bench/events.sh, bench/europe.sh), never demo data: copies of the demo's
-- sample events as @EVENTS@ daily series starting @TOMORROW@, spread over the Latvian libraries,
-- all marked is_sample; tilti serve materialises their occurrences at start-up (18 months of a
-- daily series is about 547 occurrences). The script replaces @EVENTS@, @TOMORROW@ (YYYY-MM-DD)
-- and @NOW@ (an ISO UTC time). SQL both SQLite and PostgreSQL accept (no printf(), no date()).
INSERT INTO event (id, organization_id, location_id, online_url, title, description,
                   accessibility_note, category_id, capacity, registration, starts_on,
                   start_time, duration_minutes, rrule, is_sample, created, last_modified)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @EVENTS@),
libs AS (SELECT o.id AS org, l.id AS loc, row_number() OVER (ORDER BY o.slug) - 1 AS k
           FROM organization o JOIN location l ON l.organization_id = o.id
          WHERE o.kind = 'library' AND o.country = 'LV'),
sample AS (SELECT e.*, row_number() OVER (ORDER BY e.id) - 1 AS k FROM event e)
SELECT 'bench-' || n.i, libs.org, libs.loc, NULL, s.title || ' #' || n.i, s.description, '',
       s.category_id, s.capacity, s.registration, '@TOMORROW@',
       substr('080910111213141516171819', 2 * (n.i % 12) + 1, 2) || ':'
         || substr('00153045', 2 * (n.i % 4) + 1, 2),
       60, 'FREQ=DAILY', 1, '@NOW@', '@NOW@'
  FROM n JOIN libs ON libs.k = n.i % (SELECT count(*) FROM libs)
  JOIN sample s ON s.k = n.i % (SELECT count(*) FROM sample);
