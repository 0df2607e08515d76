#!/usr/bin/env bash
# European-scale benchmark (issue 3's bar): a directory of at least 60,000 libraries and
# 300,000 services built from the real lists of ../shared/data (imported with tilti import, then
# replicated with small jitter by bench/replicate.sql), a realistic mix of search-page and API
# queries, and nginx serving a static file of the same size as the reference, in the same run.
# Usage: bench/scale.sh   (needs nginx, wrk and sqlite3: apt-get install nginx-light wrk sqlite3)
# Environment: TILTI_BIN (default build/tilti), DATA (default ../shared/data), COPIES (default 2:
# the real libraries and two copies), CONNS (64), DURATION (20s), THREADS (tilti worker threads,
# default one per core), KEEP_DB=1 reuses bench/out/scale.db if it exists.
# Writes raw output to bench/out/scale-* and prints a summary for bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out; mkdir -p "$out"
source bench/common.sh
for tool in wrk nginx sqlite3; do
  command -v $tool >/dev/null || { echo "bench needs $tool (apt-get install $tool)"; exit 1; }
done
BIN=${TILTI_BIN:-build/tilti}
DATA=${DATA:-../shared/data}
COPIES=${COPIES:-2}
CONNS=${CONNS:-64}; DURATION=${DURATION:-20s}
PORT=18090; NGINX_PORT=18091
DB=$out/scale.db

if [ "${KEEP_DB:-0}" != 1 ] || [ ! -f "$DB" ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  echo "== building the database"
  "$BIN" demo --db "$DB" >/dev/null
  start=$(date +%s.%N)
  "$BIN" import --db "$DB" --format us-imls "$DATA/us-imls-pls-fy19-outlets/PLS_FY19_Outlet_pud19i.csv" 2>/dev/null
  end=$(date +%s.%N)
  echo "imls_import_seconds $(echo "$end - $start" | bc)" | tee "$out/scale-import.txt"
  "$BIN" import --db "$DB" --format england "$DATA/england-librarydata/libraries.csv" 2>/dev/null
  "$BIN" import --db "$DB" --format uk "$DATA/uk-librarydata-db/libraries.csv" 2>/dev/null
  "$BIN" import --db "$DB" --format swiss-osm "$DATA/ch-osm-libraries/all_swiss_library_data.json" 2>/dev/null
  sqlite3 "$DB" "CREATE TABLE bench_copies (n INTEGER PRIMARY KEY);
                 WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < $COPIES)
                 INSERT INTO bench_copies SELECT n FROM c;"
  sqlite3 -bail "$DB" < bench/replicate.sql
  # Derived search tables are rebuilt by tilti at start-up when empty.
  if sqlite3 "$DB" "SELECT 1 FROM sqlite_master WHERE name = 'service_search'" | grep -q 1; then
    sqlite3 "$DB" "DELETE FROM service_search"
  fi
  sqlite3 "$DB" "DROP TABLE bench_copies; VACUUM;"
fi
sqlite3 "$DB" "SELECT 'libraries ' || count(*) FROM location l JOIN organization o
                 ON o.id = l.organization_id WHERE o.kind = 'library';
               SELECT 'services ' || count(*) FROM service;" | tee "$out/scale-size.txt"

echo "== start-up (the search indexes are rebuilt if empty)"
start=$(date +%s%N)
threads=()
[ -n "${THREADS:-}" ] && threads=(--threads "$THREADS")
"$BIN" serve --db "$DB" --listen 127.0.0.1:$PORT --no-access-log "${threads[@]}" 2>"$out/scale-serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; [ -f $out/scale-nginx.pid ] && kill $(cat $out/scale-nginx.pid) 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.05; done
end=$(date +%s%N)
echo "startup_ms $(( (end - start) / 1000000 ))" | tee "$out/scale-startup.txt"

# The query mix: town names in several scripts, service words, typos, near-me points, filters,
# open now, deep pages; and API searches (non-ASCII percent-encoded: Резекне, Єлгава, Рига).
# Each URL once first, to warm the snapshot and the caches.
cp bench/mixes/search.txt "$out/scale-pages.txt"
cp bench/mixes/api.txt "$out/scale-api.txt"
for f in scale-pages scale-api; do
  while read -r u; do
    curl -s -o /dev/null -w "%{http_code} %{size_download} %{time_total} $u\n" "http://127.0.0.1:$PORT$u"
  done < "$out/$f.txt" | tee "$out/$f-cold.txt"
done
echo "rss_kb_warm $(awk '/VmRSS/{print $2}' /proc/$pid/status)" | tee "$out/scale-memory.txt"

# nginx serves a static file of the average size of the search-page answers.
avg=$(awk '{s += $2} END {printf "%d", s / NR}' "$out/scale-pages-cold.txt")
mkdir -p "$out/www"
static_file "$out/www/page.html" "$avg"
start_nginx scale "$NGINX_PORT"

# The reference goes through the same Lua request loop as the mixes (a list of the one static
# URL), so both sides pay the same client cost; it runs before and after the mixes and the
# ratio is against the mean of the two, so a change in the machine's load shows.
for i in $(seq 1 20); do echo /page.html; done > "$out/scale-static.txt"
echo "== throughput: wrk -t2 -c$CONNS -d$DURATION --latency"
mix "http://127.0.0.1:$NGINX_PORT/" "$out/scale-static.txt" | tee "$out/scale-wrk-nginx.txt"
mix "http://127.0.0.1:$PORT/" "$out/scale-pages.txt" | tee "$out/scale-wrk-pages.txt"
mix "http://127.0.0.1:$PORT/" "$out/scale-api.txt" | tee "$out/scale-wrk-api.txt"
mix "http://127.0.0.1:$NGINX_PORT/" "$out/scale-static.txt" | tee "$out/scale-wrk-nginx2.txt"
echo "rss_kb_after_load $(awk '/VmRSS/{print $2}' /proc/$pid/status)" | tee -a "$out/scale-memory.txt"

rps() { awk '/Requests\/sec/{print $2}' "$1"; }
p99() { awk '/ 99%/{print $2}' "$1"; }
errors() { awk '/Non-2xx|Socket errors/' "$1"; }
n1=$(rps "$out/scale-wrk-nginx.txt"); n2=$(rps "$out/scale-wrk-nginx2.txt")
n=$(echo "scale=2; ($n1 + $n2) / 2" | bc)
p=$(rps "$out/scale-wrk-pages.txt"); a=$(rps "$out/scale-wrk-api.txt")
echo
echo "== summary"
cat "$out/scale-size.txt"
echo "static file bytes: $avg"
echo "nginx rps: $n (before $n1, p99 $(p99 "$out/scale-wrk-nginx.txt"); after $n2, p99 $(p99 "$out/scale-wrk-nginx2.txt"))"
echo "search pages rps: $p p99 $(p99 "$out/scale-wrk-pages.txt") ratio $(echo "scale=2; $p / $n" | bc) $(errors "$out/scale-wrk-pages.txt")"
echo "api services rps: $a p99 $(p99 "$out/scale-wrk-api.txt") ratio $(echo "scale=2; $a / $n" | bc) $(errors "$out/scale-wrk-api.txt")"
grep -h 'startup_ms\|rss_kb\|import_seconds' "$out"/scale-*.txt || true
