#!/usr/bin/env bash
# Two stateless `tilti serve` nodes on one PostgreSQL database behind nginx, all on loopback.
# bench/cluster_load.mjs puts a load of page reads and bookings through nginx and kills node 1
# (SIGKILL) halfway; it fails unless requests keep succeeding through node 2 and every booking
# that was acknowledged is in the database afterwards. README: "Several nodes on PostgreSQL".
#   bench/cluster.sh [SECONDS]     (default 30; needs `make build`; installs nginx if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
bin=$PWD/build/tilti
[ -x "$bin" ] || { echo "cluster.sh: build first (make build)" >&2; exit 1; }
command -v nginx >/dev/null || { echo "Installing nginx"; apt-get install -y -qq nginx-light >/dev/null; }
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error

work=$(mktemp -d /tmp/tilti-cluster.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  scripts/postgres.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

mkdir -p "$work/pg"
admin=$(scripts/postgres.sh start "$work/pg" "$(free_port)")
psql -X -q "$admin" -c "CREATE DATABASE tilti"
db=${admin%/postgres}/tilti
lb_port=$(free_port)
"$bin" demo --db "$db" >/dev/null

start_node() {
  local port=$1 log=$2
  "$bin" serve --db "$db" --listen "127.0.0.1:$port" --public-url "http://127.0.0.1:$lb_port" \
    --no-access-log --registration-limit 1000000 >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    grep -q "listening on" "$log" && return 0
    sleep 0.1
  done
  echo "cluster.sh: node on $port did not start:" >&2; cat "$log" >&2; exit 1
}
port1=$(free_port); port2=$(free_port)
start_node "$port1" "$work/node1.log"; node1=${pids[-1]}
start_node "$port2" "$work/node2.log"

# nginx: round robin over both nodes; a request to a node that refuses or drops the connection
# is retried on the other when that is safe (GET; nginx never resends a POST by default).
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fcgi; uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  upstream tilti { server 127.0.0.1:$port1 max_fails=1 fail_timeout=5s; server 127.0.0.1:$port2 max_fails=1 fail_timeout=5s; keepalive 32; }
  server {
    listen 127.0.0.1:$lb_port;
    location / {
      proxy_pass http://tilti;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 1s;
    }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"

echo "PostgreSQL $db, nodes :$port1 (pid $node1) and :$port2, nginx :$lb_port, $seconds s"
TILTI_DB_URL="$db" node bench/cluster_load.mjs "http://127.0.0.1:$lb_port" "$seconds" "$node1"
