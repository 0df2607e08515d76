#!/usr/bin/env bash
# The performance bar at European scale on both databases (issue 9): the same data set built
# into SQLite and into PostgreSQL 15, one `tilti serve` on each, and for each of five kinds of
# request (search page, library page, events list, a library's calendar feed, the API's service
# search) requests per second, p50 and p99 at 64 connections against nginx serving a static file
# of the same mean size, in the same run; plus the first (uncached) answer to every URL, the
# import time of the real lists and the servers' memory.
#
# Data: the demo, the four real lists of ../shared/data (tilti import, timed), replicated by
# bench/replicate.sql (COPIES copies, five more services per library) and EVENTS daily series
# at the Latvian libraries by bench/events.sql, materialised by tilti serve at start-up. Both
# SQL files are dialect-neutral, so both databases hold the same rows.
#
# Usage: make build && bench/europe.sh
#   (needs nginx, wrk, sqlite3, psql, bc: apt-get install nginx-light wrk sqlite3 postgresql bc)
# Environment: TILTI_BIN (build/tilti), DATA (../shared/data), COPIES (2), EVENTS (3750),
#   CONNS (64), DURATION (10s), KEEP_DB=1 reuses bench/out/europe.db and the PostgreSQL cluster
#   in /tmp/tilti-europe-pg when they exist, ONLY=sqlite|postgresql measures one backend.
# Raw output goes to bench/out/europe-*; the summary at the end is what bench/RESULTS.md shows.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out; mkdir -p "$out"
source bench/common.sh
for tool in wrk nginx sqlite3 psql bc curl; do
  command -v $tool >/dev/null || { echo "europe.sh needs $tool" >&2; exit 1; }
done
BIN=${TILTI_BIN:-build/tilti}
DATA=${DATA:-../shared/data}
COPIES=${COPIES:-2}; EVENTS=${EVENTS:-3750}
CONNS=${CONNS:-64}; DURATION=${DURATION:-10s}
ONLY=${ONLY:-}
SQLITE_DB=$out/europe.db
PG_DIR=/tmp/tilti-europe-pg
PG_PORT=18097; SQLITE_HTTP=18092; PG_HTTP=18093; NGINX_PORT=18094
PG_ADMIN=postgresql://postgres@127.0.0.1:$PG_PORT/postgres
PG_DB=postgresql://postgres@127.0.0.1:$PG_PORT/europe
backends=(sqlite postgresql)
[ -n "$ONLY" ] && backends=("$ONLY")

pids=()
: > "$out/europe-pids.txt"; : > "$out/europe-ready.txt"; : > "$out/europe-memory.txt"
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$out/europe-nginx.pid" ] && kill "$(cat "$out/europe-nginx.pid")" 2>/dev/null || true
  scripts/postgres.sh stop "$PG_DIR" >/dev/null 2>&1 || true
}
trap cleanup EXIT

db_of() { [ "$1" = sqlite ] && echo "$SQLITE_DB" || echo "$PG_DB"; }
port_of() { [ "$1" = sqlite ] && echo "$SQLITE_HTTP" || echo "$PG_HTTP"; }
# Runs SQL (arguments or standard input) on a backend's database.
sql() {
  local kind=$1; shift
  if [ "$kind" = sqlite ]; then
    sqlite3 -bail -cmd 'PRAGMA foreign_keys = OFF' "$SQLITE_DB" "$@"
  else
    psql -X -q -A -t -v ON_ERROR_STOP=1 "$PG_DB" ${1:+-c "$1"}
  fi
}
seconds_since() { echo "$(date +%s.%N) - $1" | bc; }

# Builds one backend's database from scratch; prints the import time of the real lists.
build() {
  local kind=$1 db
  db=$(db_of "$kind")
  echo "== building the $kind database"
  if [ "$kind" = sqlite ]; then
    rm -f "$SQLITE_DB" "$SQLITE_DB-wal" "$SQLITE_DB-shm"
  else
    PGOPTIONS='-c client_min_messages=warning' psql -X -q "$PG_ADMIN" \
      -c "DROP DATABASE IF EXISTS europe WITH (FORCE)" -c "CREATE DATABASE europe"
  fi
  "$BIN" demo --db "$db" >/dev/null 2>&1
  local start log=$out/europe-import-$kind.log
  start=$(date +%s.%N)
  {
    "$BIN" import --db "$db" --format us-imls "$DATA/us-imls-pls-fy19-outlets/PLS_FY19_Outlet_pud19i.csv"
    "$BIN" import --db "$db" --format england "$DATA/england-librarydata/libraries.csv"
    "$BIN" import --db "$db" --format uk "$DATA/uk-librarydata-db/libraries.csv"
    "$BIN" import --db "$db" --format swiss-osm "$DATA/ch-osm-libraries/all_swiss_library_data.json"
  } > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
  echo "import_seconds $kind $(seconds_since "$start")" | tee "$out/europe-import-$kind.txt"
  local copies="" n
  for n in $(seq 1 "$COPIES"); do copies+="${copies:+, }($n, '$(printf %04x "$n")')"; done
  sql "$kind" "CREATE TABLE bench_copies (n INTEGER PRIMARY KEY, hex TEXT NOT NULL);
               INSERT INTO bench_copies VALUES $copies;"
  sql "$kind" < bench/replicate.sql
  sql "$kind" "DROP TABLE bench_copies;"
  sed -e "s/@EVENTS@/$EVENTS/" -e "s/@TOMORROW@/$(date -u -d tomorrow +%F)/" \
      -e "s/@NOW@/$(date -u +%FT%TZ)/g" bench/events.sql | sql "$kind"
  if [ "$kind" = sqlite ]; then
    [ -z "$(sqlite3 "$SQLITE_DB" 'PRAGMA foreign_key_check')" ] ||
      { echo "europe.sh: the replicated data breaks a foreign key" >&2; exit 1; }
    sqlite3 "$SQLITE_DB" "VACUUM"
  fi
}

if [[ " ${backends[*]} " == *" postgresql "* ]]; then
  mkdir -p "$PG_DIR"
  [ "${KEEP_DB:-0}" = 1 ] || { scripts/postgres.sh stop "$PG_DIR" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; }
  TILTI_PG_OPTIONS="-c shared_buffers=512MB -c effective_cache_size=4GB" \
    scripts/postgres.sh start "$PG_DIR" "$PG_PORT" >/dev/null
fi
for kind in "${backends[@]}"; do
  if [ "${KEEP_DB:-0}" != 1 ] ||
     { [ "$kind" = sqlite ] && [ ! -f "$SQLITE_DB" ]; } ||
     { [ "$kind" = postgresql ] && ! psql -X -q -t "$PG_ADMIN" -c "SELECT 1 FROM pg_database WHERE datname = 'europe'" | grep -q 1; }; then
    build "$kind"
  fi
done

# One server per backend; each materialises the events' occurrences at start-up (the time to
# ready is measured), and the measurements start when both are done.
for kind in "${backends[@]}"; do
  log=$out/europe-serve-$kind.log
  "$BIN" serve --db "$(db_of "$kind")" --listen "127.0.0.1:$(port_of "$kind")" --no-access-log \
    2>"$log" &
  pids+=($!)
  echo "$kind $!" >> "$out/europe-pids.txt"
done
for kind in "${backends[@]}"; do
  start=$(date +%s.%N)
  until curl -sf "http://127.0.0.1:$(port_of "$kind")/healthz" >/dev/null; do sleep 0.2; done
  until [ "$(sql "$kind" "SELECT count(*) FROM event WHERE materialised_until IS NULL")" = 0 ]; do
    sleep 1
  done
  echo "ready_seconds $kind $(seconds_since "$start")" | tee -a "$out/europe-ready.txt"
done
[[ " ${backends[*]} " == *" postgresql "* ]] && sql postgresql "ANALYZE"

for kind in "${backends[@]}"; do
  echo "$kind: $(sql "$kind" "SELECT 'libraries ' || count(*) FROM location l JOIN organization o
           ON o.id = l.organization_id WHERE o.kind = 'library'") $(sql "$kind" "SELECT 'services ' || count(*) FROM service") $(sql "$kind" "SELECT 'occurrences ' || count(*) FROM occurrence")"
done | tee "$out/europe-size.txt"

# The URL mixes. Library pages and feeds: the Latvian libraries with events, and imported and
# replicated libraries from the four lists (chosen by id, so the same on both databases).
cp bench/mixes/search.txt "$out/europe-search.txt"
first=${backends[0]}
langs=(lv en ru uk)
{
  i=0
  for slug in $(sql "$first" "SELECT o.slug FROM organization o WHERE o.kind = 'library' AND o.country = 'LV' ORDER BY o.slug LIMIT 4") \
              $(sql "$first" "SELECT o.slug FROM organization o WHERE o.kind = 'library' AND o.country <> 'LV' ORDER BY o.id LIMIT 8"); do
    echo "/${langs[i % 4]}/libraries/$slug"; i=$((i + 1))
  done
} > "$out/europe-library.txt"
cat > "$out/europe-events.txt" <<'URLS'
/lv/events
/uk/events
/en/events?page=2
/ru/events?category=conversation-club
/lv/events?library=latgales-centrala-biblioteka
URLS
{
  i=0
  for slug in $(sql "$first" "SELECT DISTINCT o.slug FROM organization o JOIN event e ON e.organization_id = o.id WHERE e.id LIKE 'bench-%' ORDER BY o.slug LIMIT 4"); do
    echo "/f/$slug.${langs[i % 4]}.ics"; i=$((i + 1))
  done
} > "$out/europe-feed.txt"
cp bench/mixes/api.txt "$out/europe-api.txt"
measures=(search library events feed api)

# The first answer to each URL on each backend: its uncached cost (the first search also builds
# the node's search snapshot). Every answer must be a 200.
for kind in "${backends[@]}"; do
  for m in "${measures[@]}"; do
    while read -r u; do
      curl -s -o /dev/null -w "%{http_code} %{size_download} %{time_total} $u\n" \
        "http://127.0.0.1:$(port_of "$kind")$u"
    done < "$out/europe-$m.txt" > "$out/europe-cold-$kind-$m.txt"
    if grep -qv '^200 ' "$out/europe-cold-$kind-$m.txt"; then
      echo "europe.sh: $kind answered a $m URL with an error:" >&2
      grep -v '^200 ' "$out/europe-cold-$kind-$m.txt" >&2; exit 1
    fi
  done
  echo "rss_kb_warm $kind $(awk '/VmRSS/{print $2}' /proc/"$(awk -v k="$kind" '$1 == k {p = $2} END {print p}' "$out/europe-pids.txt")"/status)" | tee -a "$out/europe-memory.txt"
done

start_nginx europe "$NGINX_PORT"

rps() { awk '/Requests\/sec/{print $2}' "$1"; }
pct() { awk -v p="$2%" '$1 == p {print $2}' "$1"; }
errors() { awk '/Non-2xx|Socket errors/' "$1"; }
echo "== throughput: wrk -t2 -c$CONNS -d$DURATION --latency, nginx first in each row"
: > "$out/europe-summary.txt"
for m in "${measures[@]}"; do
  # nginx serves a static file of the mean size of this measure's answers, through the same
  # Lua loop (a list of the one URL), so both sides pay the same client cost.
  avg=$(awk '{s += $2} END {printf "%d", s / NR}' "$out/europe-cold-$first-$m.txt")
  static_file "$out/www/$m.html" "$avg"
  for _ in $(seq 1 10); do echo "/$m.html"; done > "$out/europe-static-$m.txt"
  mix "http://127.0.0.1:$NGINX_PORT/" "$out/europe-static-$m.txt" > "$out/europe-wrk-nginx-$m.txt"
  n=$(rps "$out/europe-wrk-nginx-$m.txt")
  line="$m ($avg bytes): nginx $n rps p50 $(pct "$out/europe-wrk-nginx-$m.txt" 50) p99 $(pct "$out/europe-wrk-nginx-$m.txt" 99)"
  for kind in "${backends[@]}"; do
    f=$out/europe-wrk-$kind-$m.txt
    mix "http://127.0.0.1:$(port_of "$kind")/" "$out/europe-$m.txt" > "$f"
    line+="; $kind $(rps "$f") rps p50 $(pct "$f" 50) p99 $(pct "$f" 99) ratio $(echo "scale=2; $(rps "$f") / $n" | bc) $(errors "$f")"
  done
  echo "$line" | tee -a "$out/europe-summary.txt"
done
for kind in "${backends[@]}"; do
  echo "rss_kb_after_load $kind $(awk '/VmRSS/{print $2}' /proc/"$(awk -v k="$kind" '$1 == k {p = $2} END {print p}' "$out/europe-pids.txt")"/status)" | tee -a "$out/europe-memory.txt"
done

echo
echo "== summary"
cat "$out/europe-size.txt" "$out"/europe-import-*.txt "$out/europe-ready.txt" "$out/europe-memory.txt"
cat "$out/europe-summary.txt"
echo "== uncached (first answer, seconds): slowest per measure"
for kind in "${backends[@]}"; do
  for m in "${measures[@]}"; do
    echo "$kind $m: $(sort -k3 -n -r "$out/europe-cold-$kind-$m.txt" | head -3 | awk '{printf "%s %s; ", $3, $4}')"
  done
done
