#!/usr/bin/env bash
# Runs every test suite and ends with one pass/fail summary. Used by `make test` and CI.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
export TILTI_BIN="$PWD/$build/tilti"
results=()
status=0

run() {
  local name=$1; shift
  echo
  echo "=== $name: $*"
  local start=$SECONDS
  if "$@"; then
    results+=("PASS  $name ($((SECONDS - start)) s)")
  else
    results+=("FAIL  $name ($((SECONDS - start)) s)")
    status=1
  fi
}

run "unit tests (ctest)" bash -c "cd '$build' && ctest --output-on-failure -j2"
run "end-to-end tests" node --test --test-reporter=spec tests/e2e/

# The same store tests and end-to-end tests on PostgreSQL (issue 9), on a throwaway cluster of
# this run's own on a free loopback port, stopped and removed at the end whatever happens.
pgdir=$(mktemp -d /tmp/tilti-pg.XXXXXX)
stop_postgres() { scripts/postgres.sh stop "$pgdir" >/dev/null 2>&1; rm -rf "$pgdir"; }
trap stop_postgres EXIT
pgport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if pgurl=$(scripts/postgres.sh start "$pgdir" "$pgport"); then
  export TILTI_TEST_POSTGRES="$pgurl" TILTI_E2E_POSTGRES="$pgurl"
  run "unit tests on PostgreSQL" "$build/tilti_tests" --gtest_brief=1
  # Every end-to-end file but the one about SQLite's own backup command (PostgreSQL's is
  # pg_dump); the files skip their SQLite byte and PRAGMA checks on PostgreSQL.
  mapfile -t pg_e2e < <(ls tests/e2e/*.test.mjs | grep -v -e '/backup\.test')
  run "end-to-end tests on PostgreSQL" node --test --test-reporter=spec --test-concurrency=2 "${pg_e2e[@]}"
  unset TILTI_TEST_POSTGRES TILTI_E2E_POSTGRES
else
  results+=("FAIL  PostgreSQL cluster did not start (see $pgdir/server.log)")
  status=1
fi

# Two browser files at a time: each has its own server and Chromium, and one idles while the
# other works (195/195 passed this way on 2 cores, 2026-12-06).
run "browser tests" node --test --test-reporter=spec --test-concurrency=2 tests/browser/

echo
echo "=== Summary"
printf '%s\n' "${results[@]}"
if [ $status -eq 0 ]; then echo "ALL PASSED"; else echo "SOME FAILED"; fi
exit $status
