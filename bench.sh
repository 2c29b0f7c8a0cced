#!/usr/bin/env bash
# Throughput benchmark (not a test): one sandbox cycle at a given size, then the benchmark table: seconds, BILL calls and
# table operations per phase, BILL calls by kind, the most in flight, calls per 1,000 vouchers, table operations per record,
# peak memory, and the run against the one-record and bulk floors.
#   ./bench.sh [--suppliers N] [--vouchers N] [--bill-latency-ms L] [--first-load] [any ./sandbox.sh option]
# Defaults: 2,000 suppliers, 10,000 vouchers, 100 ms. The memory of a 100,000-voucher first load:
#   ./bench.sh --suppliers 5000 --vouchers 100000 --first-load
# and with the connector in a process of its own (psbill run), for the connector's own peak beside the simulators':
#   ./bench.sh --suppliers 5000 --vouchers 100000 --first-load --connector-process
set -euo pipefail
cd "$(dirname "$0")"
args=("$@")
has() { for a in "${args[@]}"; do [ "$a" = "$1" ] && return 0; done; return 1; }
has --suppliers || args+=(--suppliers 2000)
has --vouchers || args+=(--vouchers 10000)
has --bill-latency-ms || args+=(--bill-latency-ms 100)
exec ./sandbox.sh --bench "${args[@]}"
