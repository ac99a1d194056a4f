#!/usr/bin/env bash
# Measures patient-kiosk as a kiosk runs it: under Xvfb at 1920x1080 with software rendering.
# For each renderer (glow, wgpu) and each run it reports:
#   first_frame_ms  launch to the first frame drawn (the app logs each frame's wall clock)
#   peak_rss_mb     the process's peak resident memory (VmHWM), shared libraries included
#   private_mb      of that, at the end of the idle time, the process's own memory (anonymous + shared);
#                   the rest is file pages of libraries, mostly Mesa's libLLVM
#   idle_frames     frames painted during IDLE_SECS with nobody touching the screen
#   idle_cpu_ms     CPU time used during those seconds
# Usage: scripts/measure.sh            (3 runs of each renderer, 30 idle seconds)
#        RUNS=1 IDLE_SECS=5 RENDERERS=glow scripts/measure.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
IDLE_SECS=${IDLE_SECS:-30}
RENDERERS=${RENDERERS:-"glow wgpu"}
SETTLE_SECS=${SETTLE_SECS:-3}

for tool in Xvfb cargo; do
  command -v "$tool" >/dev/null || { echo "measure.sh needs $tool (apt-get install xvfb)" >&2; exit 1; }
done

work=$(mktemp -d)
# Each renderer is measured in the build that ships it: glow is the default build, wgpu needs
# the `wgpu` feature (and would add its code to the glow build's memory if always built in).
for renderer in $RENDERERS; do
  features=""
  [ "$renderer" = wgpu ] && features="--features wgpu"
  cargo build --release --quiet $features
  cp target/release/patient-kiosk "$work/patient-kiosk-$renderer"
done

display=":$((RANDOM % 500 + 200))"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
sleep 1

cpu_ms() { # user + system CPU time of a process, in milliseconds
  awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"
}

printf '%-8s %-4s %15s %12s %11s %12s %12s\n' renderer run first_frame_ms peak_rss_mb private_mb idle_frames idle_cpu_ms
for renderer in $RENDERERS; do
  for run in $(seq 1 "$RUNS"); do
    log="$work/$renderer-$run.log"
    start_ms=$(date +%s%3N)
    DISPLAY="$display" LIBGL_ALWAYS_SOFTWARE=1 "$work/patient-kiosk-$renderer" --renderer "$renderer" --count-frames \
      --size 1920x1080 2>"$log" >/dev/null &
    app_pid=$!
    for _ in $(seq 1 200); do
      grep -q '^frame 1 ' "$log" && break
      sleep 0.1
    done
    first_epoch=$(sed -n 's/^frame 1 epoch_ms=\([0-9]*\).*/\1/p' "$log")
    if [ -z "$first_epoch" ]; then
      echo "no frame from the $renderer renderer; its log:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep "$SETTLE_SECS"
    frames_before=$(grep -c '^frame ' "$log")
    cpu_before=$(cpu_ms "$app_pid")
    sleep "$IDLE_SECS"
    frames_after=$(grep -c '^frame ' "$log")
    cpu_after=$(cpu_ms "$app_pid")
    peak_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$app_pid/status")
    private_kb=$(awk '/^RssAnon|^RssShmem/ {sum += $2} END {print sum}' "/proc/$app_pid/status")
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
    printf '%-8s %-4s %15d %12.1f %11.1f %12d %12d\n' "$renderer" "$run" "$((first_epoch - start_ms))" \
      "$(echo "$peak_kb / 1024" | bc -l)" "$(echo "$private_kb / 1024" | bc -l)" \
      "$((frames_after - frames_before))" "$((cpu_after - cpu_before))"
  done
done
