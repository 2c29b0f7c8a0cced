#!/usr/bin/env bash
# Runs PsBill's main job on the embedded sandbox: Azurite, a simulated PeopleSoft and a simulated BILL
# (seeded), and the standalone host, through one full cycle; prints a summary and writes the JSON report.
#   ./sandbox.sh [--suppliers N] [--vouchers N] [--bill-latency-ms L] [--faults none|chaos] [--report FILE] [--seed N] [--preexisting N] [--keep]
#   --keep leaves the world running after the cycle and prints the ops page's URL and how to sign in (Ctrl+C stops it).
# Exits non-zero if any BILL vendor or bill is duplicated, or an item failed outside parking.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -x node_modules/.bin/azurite ]; then
  echo "== installing Azurite (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "== building"
dotnet build sandbox/PsBill.Sandbox/PsBill.Sandbox.csproj -c Release --nologo -v quiet
exec dotnet sandbox/PsBill.Sandbox/bin/Release/net10.0/PsBill.Sandbox.dll "$@"
