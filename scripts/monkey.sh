#!/usr/bin/env bash
# The monkey test (tests/kiosk/monkey.rs) with 100,000 events in an optimised build.
# MONKEY_EVENTS and MONKEY_SEED may be set to run another count or seed.
set -euo pipefail
cd "$(dirname "$0")/.."
export MONKEY_EVENTS="${MONKEY_EVENTS:-100000}"
exec cargo test --profile fuzz --test kiosk -- monkey:: --nocapture "$@"
