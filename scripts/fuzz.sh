#!/usr/bin/env bash
# Fuzzes every kind of content file (tests/kiosk/fuzz_content.rs) in an optimised build.
#
# FUZZ_CASES inputs per test; 18 tests (8 kinds of file, arbitrary and mutated, and the numbers
# of the diagram and the topic changed), so the default 62,500 is 1,125,000 inputs in all. Prints each test's count and the total.
set -euo pipefail
cd "$(dirname "$0")/.."

export FUZZ_CASES="${FUZZ_CASES:-62500}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
cargo test --profile fuzz --test kiosk -- fuzz_content:: --nocapture "$@" 2>&1 | tee "$log" || status=$?
total=$(grep -o 'fuzz: [a-z_]* ran [0-9]* inputs' "$log" | awk '{ sum += $4 } END { print sum + 0 }')
echo "fuzz: $total inputs in all ($FUZZ_CASES per test)"
exit "$status"
