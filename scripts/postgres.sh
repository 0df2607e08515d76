#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on loopback for the tests (and bench/), in a folder of its own.
#   scripts/postgres.sh start DIR PORT   initdb (if new) and start; prints the admin URL. DIR is
#                                        given to the server: make it directly under /tmp.
#   scripts/postgres.sh stop DIR         stop it (the folder stays; remove it yourself)
# As root the server runs as the `postgres` user (runuser), as PostgreSQL refuses root. The
# cluster is UTF-8 with the C.UTF-8 collation, so text sorts byte-wise as it does in SQLite.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
[ -n "$bin" ] || { echo "postgres.sh: PostgreSQL 15 is not installed (apt-get install postgresql)" >&2; exit 1; }
action=${1:?start or stop}
dir=${2:?folder}
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case $action in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -E UTF8 --locale=C.UTF-8 -A trust -U postgres >"$dir/initdb.log"
    fi
    # Settings for tests on a small machine: no fsync (the cluster is thrown away), enough
    # connections for several servers with a pool each. TILTI_PG_OPTIONS adds more (bench/).
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o \
      "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 ${TILTI_PG_OPTIONS:-}" \
      start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  *) echo "postgres.sh: start or stop" >&2; exit 2 ;;
esac
