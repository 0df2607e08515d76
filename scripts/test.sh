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
# Two browser files at a time: each has its own server and Chromium, and one idles while the
# other works (195/195 passed this way on 2 cores, 2026-12-06).
run "browser tests" node --test --test-reporter=spec --test-concurrency=2 tests/browser/

echo
echo "=== Summary"
printf '%s\n' "${results[@]}"
if [ $status -eq 0 ]; then echo "ALL PASSED"; else echo "SOME FAILED"; fi
exit $status
