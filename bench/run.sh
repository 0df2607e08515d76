#!/usr/bin/env bash
# Foundation benchmarks: build time from clean, start-up time, idle memory, and home-page
# throughput against nginx serving the same bytes as a static file, in the same run.
# Usage: bench/run.sh            (needs nginx and wrk: apt-get install nginx-light wrk)
# Writes raw output to bench/out/ and prints a summary to paste into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out; mkdir -p "$out"
source bench/common.sh
for tool in wrk nginx; do
  command -v $tool >/dev/null || { echo "bench needs $tool (apt-get install $tool)"; exit 1; }
done
BIN=${TILTI_BIN:-build/tilti}
DB=$out/bench.db
PORT=18080; NGINX_PORT=18081
CONNS=${CONNS:-64}; DURATION=${DURATION:-10s}

if [ "${SKIP_CLEAN_BUILD:-0}" != 1 ]; then
  echo "== build time from clean"
  rm -rf "$out/cleanbuild"
  start=$(date +%s.%N)
  cmake -S . -B "$out/cleanbuild" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$out/cleanbuild" --target tilti >/dev/null
  end=$(date +%s.%N)
  echo "build_seconds $(echo "$end - $start" | bc)" | tee "$out/build.txt"
  rm -rf "$out/cleanbuild"
fi

rm -f "$DB" "$DB-wal" "$DB-shm"
"$BIN" demo --db "$DB" >/dev/null

echo "== start-up time (process start to first /healthz answer), 5 runs"
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$BIN" serve --db "$DB" --listen 127.0.0.1:$PORT --no-access-log 2>/dev/null &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.005; done
  end=$(date +%s%N)
  echo "startup_ms $(( (end - start) / 1000000 ))"
  kill -TERM $pid; wait $pid || true
done | tee "$out/startup.txt"

"$BIN" serve --db "$DB" --listen 127.0.0.1:$PORT --no-access-log 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true; [ -f $out/run-nginx.pid ] && kill $(cat $out/run-nginx.pid) 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.01; done
curl -s "http://127.0.0.1:$PORT/lv/" >/dev/null   # warm the page cache
sleep 1
echo "== resident memory idle"
echo "rss_kb_idle $(awk '/VmRSS/{print $2}' /proc/$pid/status)" | tee "$out/memory.txt"

# nginx serves exactly the bytes of the home page as a static file.
mkdir -p "$out/www"
curl -s "http://127.0.0.1:$PORT/lv/" -o "$out/www/home.html"
start_nginx run "$NGINX_PORT"

echo "== throughput: wrk -t2 -c$CONNS -d$DURATION --latency"
wrk -t2 -c"$CONNS" -d"$DURATION" --latency "http://127.0.0.1:$NGINX_PORT/home.html" | tee "$out/wrk-nginx.txt"
wrk -t2 -c"$CONNS" -d"$DURATION" --latency "http://127.0.0.1:$PORT/lv/" | tee "$out/wrk-tilti.txt"
echo "rss_kb_after_load $(awk '/VmRSS/{print $2}' /proc/$pid/status)" | tee -a "$out/memory.txt"

rps() { awk '/Requests\/sec/{print $2}' "$1"; }
n=$(rps "$out/wrk-nginx.txt"); t=$(rps "$out/wrk-tilti.txt")
echo
echo "== summary"
echo "page bytes: $(wc -c < "$out/www/home.html")"
echo "nginx rps: $n   tilti rps: $t   ratio: $(echo "scale=2; $t / $n" | bc)"
grep -h 'build_seconds\|startup_ms\|rss_kb' "$out"/*.txt || true
