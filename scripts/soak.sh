#!/usr/bin/env bash
# The soak test (tests/soak.rs) with 10,000 idle-reset cycles in an optimised build; memory is
# compared after cycle 1,000 and cycle 10,000. SOAK_CYCLES may be set to run another count.
set -euo pipefail
cd "$(dirname "$0")/.."
export SOAK_CYCLES="${SOAK_CYCLES:-10000}"
exec cargo test --profile fuzz --test soak -- --nocapture "$@"
