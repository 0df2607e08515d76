#!/usr/bin/env bash
# Installs what is missing: Debian packages (as root, or through sudo) and, for tests, the npm
# packages of package-lock.json. Does nothing when everything is there, so it is cheap to call.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-build}

build_pkgs=(build-essential cmake ninja-build pkg-config libboost1.81-dev libboost-url1.81-dev
  libboost-json1.81-dev libsqlite3-dev libicu-dev libkainjow-mustache-dev libspdlog-dev
  zlib1g-dev libqrencode-dev libsodium-dev libical-dev libgtest-dev libgmock-dev libmd4c-dev
  libespeak-ng-dev espeak-ng-data libpqxx-dev)
test_pkgs=(nodejs npm chromium sqlite3 python3 python3-icalendar postgresql)

pkgs=("${build_pkgs[@]}")
[ "$what" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from elsewhere than Debian (as on the CI image); accept them if present.
if [ ${#missing[@]} -gt 0 ]; then
  filtered=()
  for p in "${missing[@]}"; do
    if { [ "$p" = nodejs ] && command -v node >/dev/null; } || { [ "$p" = npm ] && command -v npm >/dev/null; }; then
      continue
    fi
    filtered+=("$p")
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$what" = test ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing npm packages for the tests"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
