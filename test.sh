#!/usr/bin/env bash
# Runs the whole PsBill test suite on a fresh machine: installs what it needs (npm packages for
# Azurite, Debian's chromium for the browser tests, NuGet restore), builds (warnings are errors, by Directory.Build.props), runs every test (the tests start and stop
# their own Azurite and simulators on loopback), and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -x node_modules/.bin/azurite ]; then
  echo "== npm ci (Azurite)"
  npm ci --no-audit --no-fund --loglevel=error || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# The ops page's browser tests (Category=Browser) drive Debian's Chromium; they fail, not skip, without it.
if [ ! -x "${PSBILL_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "== apt-get install chromium (browser tests)"
  sudo=""; if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; } \
    || { echo "installing chromium failed"; echo "0 passed, 1 failed"; exit 1; }
fi

echo "== dotnet build"
# Warnings are errors through Directory.Build.props only: a warnings-as-errors switch given here would reach the Worker
# SDK's inner extensions project (PsBill.FunctionApp), which does not import the props, and fail it on NU1603.
if ! dotnet build PsBill.Functions.sln -c Release --nologo -v quiet; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

echo "== dotnet test"
log=$(mktemp)
dotnet test PsBill.Functions.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# VSTest prints one summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
count() { grep -Eo "$1: +[0-9]+" "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then echo "no test ran"; failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
