# Shared by the bench scripts (sourced, with $out set): the reference nginx and the wrk mix.
# URL mixes live in bench/mixes/ (search.txt: the search pages; api.txt: the API's searches).

# nginx (2 workers, access log off) serving $out/www on loopback port $2, as the reference a
# tilti answer is compared with; its pid in $out/$1-nginx.pid (the caller's trap stops it).
start_nginx() {
  local name=$1 port=$2
  mkdir -p "$out/www"
  cat > "$out/$name-nginx.conf" <<CONF
worker_processes 2;
pid $PWD/$out/$name-nginx.pid;
error_log $PWD/$out/$name-nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$port;
    root $PWD/$out/www;
    location / { default_type text/html; }
  }
}
CONF
  nginx -c "$PWD/$out/$name-nginx.conf"
  sleep 0.5
}

# A file of $2 bytes of random text at $1, the reference answer nginx serves. (Not
# `head | base64 | head`: under pipefail base64's SIGPIPE would end the script.)
static_file() {
  head -c "$2" /dev/urandom | base64 -w 100 > "$1.b64"
  head -c "$2" "$1.b64" > "$1"
  rm -f "$1.b64"
}

# wrk at $CONNS connections for $DURATION through bench/mixes/round_robin.lua: $1 the base URL,
# $2 a file of paths.
mix() {
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s bench/mixes/round_robin.lua "$1" -- "$2"
}
