#!/usr/bin/env bash
# Events at scale (issue 5's bar): at least 1,000,000 materialised occurrences, the events list
# page and a library's calendar feed against nginx serving a static file of the same size, in
# the same run, plus the uncached cost of the list and of one event page.
# Usage: bench/events.sh   (needs nginx, wrk and sqlite3: apt-get install nginx-light wrk sqlite3)
# Environment: TILTI_BIN (default build/tilti), EVENTS (default 2000 daily series: 18 months of
# each is about 1.1 million occurrences), CONNS (64), DURATION (10s), KEEP_DB=1 reuses the db.
# Writes raw output to bench/out/events-* and prints a summary for bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out; mkdir -p "$out"
source bench/common.sh
for tool in wrk nginx sqlite3; do
  command -v $tool >/dev/null || { echo "bench needs $tool (apt-get install $tool)"; exit 1; }
done
BIN=${TILTI_BIN:-build/tilti}
EVENTS=${EVENTS:-2000}
CONNS=${CONNS:-64}; DURATION=${DURATION:-10s}
PORT=18095; NGINX_PORT=18096
DB=$out/events.db
LIB=latgales-centrala-biblioteka

if [ "${KEEP_DB:-0}" != 1 ] || [ ! -f "$DB" ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  "$BIN" demo --db "$DB" >/dev/null
  # Copies of the sample events as daily series, spread over the demo's libraries; tilti
  # materialises them at start-up (materialised_until is NULL).
  sed -e "s/@EVENTS@/$EVENTS/" -e "s/@TOMORROW@/$(date -u -d tomorrow +%F)/" \
      -e "s/@NOW@/$(date -u +%FT%TZ)/g" bench/events.sql | sqlite3 -bail "$DB"
  echo "== materialising (tilti serve's start-up job)"
  start=$(date +%s.%N)
  "$BIN" serve --db "$DB" --listen 127.0.0.1:$PORT --no-access-log 2>"$out/events-materialise.log" &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.2; done
  until grep -q "materialised the occurrences" "$out/events-materialise.log"; do sleep 0.5; done
  end=$(date +%s.%N)
  kill -TERM $pid; wait $pid || true
  echo "materialise_seconds $(echo "$end - $start" | bc)" | tee "$out/events-materialise.txt"
fi
echo "occurrences $(sqlite3 "$DB" 'SELECT count(*) FROM occurrence')" | tee "$out/events-size.txt"

"$BIN" serve --db "$DB" --listen 127.0.0.1:$PORT --no-access-log 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true; [ -f $out/events-nginx.pid ] && kill $(cat $out/events-nginx.pid) 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.05; done

echo "== uncached costs (first request of each URL)"
event=$(sqlite3 "$DB" "SELECT id FROM event WHERE id LIKE 'bench-%' LIMIT 1")
for u in "/lv/events" "/lv/events?library=$LIB" "/uk/events?category=conversation-club&interpreter=1" \
         "/lv/events?view=month" "/lv/events/$event" "/f/$LIB.lv.ics"; do
  curl -s -o /dev/null -w "%{http_code} %{time_total}s %{size_download}B $u\n" "http://127.0.0.1:$PORT$u"
done | tee "$out/events-uncached.txt"

mkdir -p "$out/www"
curl -s "http://127.0.0.1:$PORT/lv/events" -o "$out/www/events.html"
feed_status=$(curl -s -o "$out/www/feed.ics" -w '%{http_code}' "http://127.0.0.1:$PORT/f/$LIB.lv.ics")
start_nginx events "$NGINX_PORT"
rps() { awk '/Requests\/sec/{print $2}' "$1"; }
p99() { awk '/ 99%/{print $2}' "$1"; }
run() {  # name, tilti path, static file
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency "http://127.0.0.1:$NGINX_PORT/$3" > "$out/events-wrk-nginx-$1.txt"
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$2" > "$out/events-wrk-tilti-$1.txt"
  local n t
  n=$(rps "$out/events-wrk-nginx-$1.txt"); t=$(rps "$out/events-wrk-tilti-$1.txt")
  echo "$1: $(wc -c < "$out/www/$3") bytes; nginx $n rps; tilti $t rps (p50 $(awk '/ 50%/{print $2}' "$out/events-wrk-tilti-$1.txt"), p99 $(p99 "$out/events-wrk-tilti-$1.txt")); ratio $(echo "scale=2; $t / $n" | bc)"
}
echo "== throughput: wrk -t2 -c$CONNS -d$DURATION --latency"
run list /lv/events events.html | tee "$out/events-summary.txt"
if [ "$feed_status" = 200 ]; then
  run feed "/f/$LIB.lv.ics" feed.ics | tee -a "$out/events-summary.txt"
else
  echo "feed: /f/$LIB.lv.ics answered $feed_status; not measured" | tee -a "$out/events-summary.txt"
fi
echo "rss_kb_after_load $(awk '/VmRSS/{print $2}' /proc/$pid/status)" | tee -a "$out/events-summary.txt"
