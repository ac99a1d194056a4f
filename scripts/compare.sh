#!/usr/bin/env bash
# Issue 7: the kiosk side by side with a Chromium kiosk showing the same content, in one run,
# under one Xvfb at 1920x1080 with software rendering, measured the same way for both:
#
#   first paint   launch to the first screen capture that is not one flat colour. Xvfb keeps its
#                 screen in a file (-fbdir); a loop copies that file every CAPTURE_SLEEP_SECS,
#                 for both programs, from before the launch, and keeps each copy that differs
#                 from the last. The picture came between the start of the capture before (which
#                 did not see it) and the end of the one that did: the middle of that, give or
#                 take half. (Copying the file costs a few ms of one core; asking the X server
#                 for the screen with xwd took 30 ms and a whole core, which slowed the start of
#                 both programs.)
#   complete      launch to the capture that shows the picture the screen then keeps (no change
#                 for STABLE_SECS): fonts, pictures and diagrams all in.
#   peak PSS/RSS  the largest sum over every process of the program (the kiosk; Chromium's
#                 browser, zygotes, renderer, GPU and utility processes: everything in the
#                 session it is started in), read from /proc/PID/smaps_rollup every 100 ms from
#                 launch to the end. PSS shares each shared page among the processes that map it,
#                 so Chromium's many processes are not charged several times for one library;
#                 the sum of RSS does charge them and is shown for comparison.
#   idle CPU      user + system CPU seconds of all those processes (reaped children included)
#                 during IDLE_SECS on the home screen (the site's index) with nobody touching it,
#                 after SETTLE_SECS. The kiosk opens on its attract screen: its English button
#                 is clicked first.
#   paging CPU    the same while turning PAGES pages: one click on the first topic's tile, then
#                 clicks on Next, STEP_SECS apart, the same xdotool clicks for both, then one
#                 second more for the last page to be drawn.
#   idle frames   frames the kiosk painted during the idle seconds (its --count-frames log).
#   tap to photon from each click while paging (the button's release, sent through XTEST by a
#                 helper that is already running, timed when the X server has it) to the first
#                 change of the screen's middle (MIDDLE, a box in the page's text), which a
#                 watcher reads from Xvfb's screen file every POLL_SECS (2 ms): the middle of
#                 the window between the poll before and the one that saw it. The median over
#                 the page turns. The
#                 kiosk's frame log shows what each frame after a tap was for (causes, input,
#                 and passes drawn again at once before painting).
#
# RUNS=N measures both N times, one after the other (kiosk, Chromium, kiosk, ...; Chromium with
# a new empty profile each time), and reports each figure's median over the runs, and every
# run's first paint: a program's start varies from run to run by more than the targets' margins.
# "Zero frames while idle" must hold in every run.
#
# Targets (issue 7): the kiosk's first paint at most 1/4 of Chromium's, its peak memory (PSS) at
# most 1/4, and no frame painted while idle. Issue 15: a page turn's tap to photon at most 1/4
# of Chromium's.
#
# PROBE=1 has the kiosk paint one word as its first frame (--probe-first-frame) and its first
# screen the frame after: its first paint is then what the window, X and OpenGL take to start,
# the least any first screen could take.
#
# Usage: scripts/compare.sh                       (30 idle seconds, 20 pages, 0.5 s apart)
#        RUNS=5 scripts/compare.sh                (medians of five runs each)
#        IDLE_SECS=5 PAGES=5 scripts/compare.sh   (a quick run)
# Needs: Xvfb, xdotool, ImageMagick's identify and convert, chromium, cargo, python3-xlib
#   (apt-get install -y chromium xdotool xvfb imagemagick python3-xlib).
# KIOSK_BIN=path skips the build; KEEP=dir keeps the captures, logs and samples there.
set -euo pipefail
cd "$(dirname "$0")/.."

IDLE_SECS=${IDLE_SECS:-30}
RUNS=${RUNS:-1}
PAGES=${PAGES:-20}
STEP_SECS=${STEP_SECS:-0.5}
SETTLE_SECS=${SETTLE_SECS:-3}
STABLE_SECS=${STABLE_SECS:-2}
CAPTURE_SLEEP_SECS=${CAPTURE_SLEEP_SECS:-0.01}
START_TIMEOUT_SECS=${START_TIMEOUT_SECS:-30}
CHROMIUM=${CHROMIUM:-chromium}
# Where to click, on the 1920x1080 screen: the kiosk opens on its attract screen, so its English
# button is clicked first (the site opens on its index); then each one's first topic tile, and
# Next, at the bottom right of both.
KIOSK_START=${KIOSK_START:-"851 961"}
KIOSK_TILE=${KIOSK_TILE:-"290 452"}
WEB_TILE=${WEB_TILE:-"290 370"}
NEXT=${NEXT:-"1787 1024"}
# The part of the screen a page turn must have changed: WxH+X+Y, in the text of the page.
MIDDLE=${MIDDLE:-"800x240+560+420"}

for tool in Xvfb xdotool identify convert cmp "$CHROMIUM"; do
  command -v "$tool" >/dev/null || {
    echo "compare.sh needs $tool (apt-get install -y chromium xdotool xvfb imagemagick python3-xlib)" >&2
    exit 1
  }
done
/usr/bin/python3 -c 'from Xlib.ext import xtest' 2>/dev/null || {
  echo "compare.sh needs python3-xlib (apt-get install -y python3-xlib)" >&2
  exit 1
}

work=$(mktemp -d)
if [ -n "${KEEP:-}" ]; then
  mkdir -p "$KEEP"
  work=$(cd "$KEEP" && pwd)
fi

if [ -z "${KIOSK_BIN:-}" ]; then
  cargo build --release --quiet
  KIOSK_BIN="${CARGO_TARGET_DIR:-target}/release/patient-kiosk"
fi
cp "$KIOSK_BIN" "$work/patient-kiosk"
"$work/patient-kiosk" export-html --out "$work/site" >/dev/null

# A free display: the first number without a lock file or socket.
number=99
while [ -e "/tmp/.X$number-lock" ] || [ -e "/tmp/.X11-unix/X$number" ]; do
  number=$((number + 1))
done
display=":$number"
mkdir -p "$work/fb"
Xvfb "$display" -screen 0 1920x1080x24 -br -nolisten tcp -fbdir "$work/fb" >/dev/null 2>&1 &
xvfb_pid=$!
framebuffer="$work/fb/Xvfb_screen0" # the screen, in XWD format
export DISPLAY="$display"

app_pid=""
sampler_pid=""
capture_pid=""
stop() { # ends what this script started, by id
  for pid in "$capture_pid" "$sampler_pid"; do
    if [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [ -n "$app_pid" ]; then
    kill -TERM -- "-$app_pid" 2>/dev/null || true # the program's whole process group
    for _ in $(seq 1 50); do
      [ -z "$(session_pids "$app_pid")" ] && break
      sleep 0.1
    done
    kill -KILL -- "-$app_pid" 2>/dev/null || true
    for pid in $(session_pids "$app_pid"); do # stragglers outside the group
      kill -KILL "$pid" 2>/dev/null || true
    done
    wait "$app_pid" 2>/dev/null || true
  fi
  capture_pid="" sampler_pid="" app_pid=""
}
cleanup() {
  stop
  [ -n "${TAPPER_PID:-}" ] && kill "$TAPPER_PID" 2>/dev/null
  kill "$xvfb_pid" 2>/dev/null || true
  [ -z "${KEEP:-}" ] && rm -rf "$work"
  return 0
}
trap cleanup EXIT
for _ in $(seq 1 50); do
  xdpyinfo >/dev/null 2>&1 && break
  [ -e "/tmp/.X11-unix/X$number" ] && break
  sleep 0.1
done
sleep 0.5

now_ms() { # bash's own clock: no process started for each reading
  local now=${EPOCHREALTIME/[.,]/}
  echo $((now / 1000))
}

session_pids() { # every live process of the program led by $1: its session, and the processes
  # that left it but name $MARKER (Chromium's crash handlers, which start their own sessions,
  # name its profile folder)
  {
    ps -o pid= -s "$1" 2>/dev/null | tr -d ' '
    [ -n "${MARKER:-}" ] && pgrep -f -- "$MARKER"
  } | sort -un || true
}

cpu_ticks() { # utime + stime + cutime + cstime of every process in the session of $1
  local pid total=0 ticks
  for pid in $(session_pids "$1"); do
    # Fields after the command name, which may hold spaces: state is field 1, utime field 12.
    ticks=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $12 + $13 + $14 + $15}') || continue
    total=$((total + ${ticks:-0}))
  done
  echo "$total"
}

memory_sampler() { # every 100 ms: "epoch_ms pss_kb rss_kb" summed over the session of $1
  local leader=$1 out=$2 files
  while :; do
    files=()
    for pid in $(session_pids "$leader"); do
      files+=("/proc/$pid/smaps_rollup")
    done
    if [ ${#files[@]} -gt 0 ]; then
      awk -v t="$(now_ms)" '/^Pss:/ {pss += $2} /^Rss:/ {rss += $2} END {print t, pss, rss}' \
        "${files[@]}" 2>/dev/null >>"$out" || true
    fi
    sleep 0.1
  done
}

screen_capture() { # copies the screen over and over; keeps each new picture as <end ms>.xwd
  local dir=$1 start end
  mkdir -p "$dir"
  : >"$dir/last"
  while :; do
    start=$(now_ms)
    cp "$framebuffer" "$dir/current" 2>/dev/null || continue
    end=$(now_ms)
    if cmp -s "$dir/current" "$dir/last"; then
      echo "$start $end" >>"$dir/repeats"
    else
      cp "$dir/current" "$dir/$end.xwd"
      mv "$dir/current" "$dir/last"
      echo "$start $end" >>"$dir/list"
    fi
    sleep "$CAPTURE_SLEEP_SECS"
  done
}

click() { # x y
  xdotool mousemove "$1" "$2" click 1
}

# A tap whose release is timed: a helper, started once, moves the pointer, presses, holds it
# down TAP_HOLD_SECS (0.1 s, as a finger does), releases, waits until the X server has the
# release, and prints that moment (epoch ms). Starting a program for each tap (xdotool) took
# 50 ms and more, after which a fast program had already redrawn.
start_tapper() {
  coproc TAPPER {
    exec /usr/bin/python3 -u -c '
import sys, time
from Xlib import X, display
from Xlib.ext import xtest
d = display.Display()
hold = float(sys.argv[1])
for line in sys.stdin:
    x, y = (int(v) for v in line.split())
    xtest.fake_input(d, X.MotionNotify, x=x, y=y)
    xtest.fake_input(d, X.ButtonPress, 1)
    d.sync()
    time.sleep(hold)
    xtest.fake_input(d, X.ButtonRelease, 1)
    d.sync()
    print(int(time.time() * 1000))
' "${TAP_HOLD_SECS:-0.1}"
  }
}
timed_tap() { # x y: taps, and appends the release's time to $tap_log
  local at
  echo "$1 $2" >&"${TAPPER[1]}"
  read -r at <&"${TAPPER[0]}"
  echo "$at" >>"$tap_log"
}

# Watches the MIDDLE box of the screen every POLL_SECS, straight from Xvfb's screen file
# (mapped, not copied), and prints "before_ms after_ms checksum" each time it changes: the
# change came after the poll that began at before_ms (which saw the old picture) and before
# after_ms. Reading one box instead of copying the whole 6 MB file makes a poll take about a
# millisecond instead of 30.
watch_middle() {
  exec /usr/bin/python3 -u -c '
import mmap, struct, sys, time, zlib
path, box, interval = sys.argv[1], sys.argv[2], float(sys.argv[3])
size, x, y = box.split("+")[0], int(box.split("+")[1]), int(box.split("+")[2])
w, h = (int(v) for v in size.split("x"))
with open(path, "rb") as f:
    m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
fields = struct.unpack(">25I", m[:100])
header, bits, line, colours = fields[0], fields[11], fields[12], fields[19]
start = header + colours * 12
pixel = bits // 8
last, before = None, int(time.time() * 1000)
while True:
    began = int(time.time() * 1000)
    crc = 0
    for row in range(y, y + h):
        at = start + row * line + x * pixel
        crc = zlib.crc32(m[at:at + w * pixel], crc)
    if crc != last:
        print(before, int(time.time() * 1000), crc)
        last = crc
    before = began
    time.sleep(interval)
' "$framebuffer" "$MIDDLE" "${POLL_SECS:-0.002}"
}

# Each click's tap to photon from the changes in $1/middle, into $1/taps (one per click) and
# their median into $1/tap_ms.
tap_to_photon() {
  local dir=$1
  awk -v clicks="$dir/clicks" '
    BEGIN { while ((getline c < clicks) > 0) click[++n] = c }
    { before[NR] = $1; after[NR] = $2 }
    END {
      for (i = 1; i <= n; i++) {
        for (j = 1; j <= NR; j++) {
          if (after[j] > click[i]) {
            from = before[j] > click[i] ? before[j] : click[i]
            print int((from + after[j]) / 2 - click[i])
            break
          }
        }
      }
    }' "$dir/middle" >"$dir/taps"
  sort -n "$dir/taps" | awk '{v[NR] = $1} END {print NR ? v[int((NR + 1) / 2)] : 0}' >"$dir/tap_ms"
  wc -l <"$dir/taps" >"$dir/tap_count"
}

# Measures one program. $1 is its name; the rest is its command line.
measure() {
  local name=$1
  shift
  local dir="$work/$run_dir/$name"
  mkdir -p "$dir"
  : >"$dir/memory"
  screen_capture "$dir/frames" &
  capture_pid=$!
  sleep 0.5 # the blank screen is the first picture
  local launch
  launch=$(now_ms)
  setsid "$@" >"$dir/stdout" 2>"$dir/stderr" &
  app_pid=$!
  memory_sampler "$app_pid" "$dir/memory" &
  sampler_pid=$!

  # Wait for a picture other than the blank one, then for the screen to stay the same.
  local waited=0 pictures changed_ms
  while :; do
    sleep 0.1
    waited=$((waited + 1))
    pictures=$(wc -l <"$dir/frames/list")
    if [ "$pictures" -ge 2 ]; then
      changed_ms=$(tail -n 1 "$dir/frames/list" | cut -d' ' -f2)
      [ $(($(now_ms) - changed_ms)) -ge $((STABLE_SECS * 1000)) ] && break
    fi
    if [ "$waited" -ge $((START_TIMEOUT_SECS * 10)) ]; then
      echo "$name drew nothing in $START_TIMEOUT_SECS s; its stderr:" >&2
      tail -n 20 "$dir/stderr" >&2
      exit 1
    fi
  done
  kill "$capture_pid" 2>/dev/null || true
  wait "$capture_pid" 2>/dev/null || true
  capture_pid=""
  local captures
  captures=$(wc -l <"$dir/frames/list")
  touch "$dir/frames/repeats"
  # The time from one capture's start to the next's: the resolution of the two launch figures.
  cat "$dir/frames/list" "$dir/frames/repeats" | sort -n |
    awk 'NR > 1 {sum += $1 - last; n++} {last = $1} END {printf "%d\n", n ? sum / n : 0}' \
      >"$dir/capture_ms"

  # The first picture that is not one flat colour appeared after the start of the capture
  # before it (which still saw none) and before the end of its own: the middle of that window,
  # give or take half of it.
  local first_paint="" paint_error="" complete start_ms end_ms file colours
  local before_ms
  while read -r start_ms end_ms _; do
    file="$dir/frames/$end_ms.xwd"
    colours=$(identify -format '%k' "$file" 2>/dev/null || echo 0)
    if [ "${colours:-0}" -gt 1 ] && [ -z "$first_paint" ]; then
      # the last capture that began before this one (it saw no content yet)
      before_ms=$(cat "$dir/frames/list" "$dir/frames/repeats" | sort -n |
        awk -v s="$start_ms" '$1 < s {b = $1} END {print b}')
      first_paint=$(((before_ms + end_ms) / 2 - launch))
      paint_error=$(((end_ms - before_ms) / 2))
    fi
  done < <(tail -n +2 "$dir/frames/list")
  complete=$(($(tail -n 1 "$dir/frames/list" | cut -d' ' -f2) - launch))
  convert "$dir/frames/$(tail -n 1 "$dir/frames/list" | cut -d' ' -f2).xwd" "$dir/first-screen.png" 2>/dev/null || true
  find "$dir/frames" -name '*.xwd' -delete
  rm -f "$dir/frames/last" "$dir/frames/current"
  echo "${first_paint:-0}" >"$dir/first_paint_ms"
  echo "${paint_error:-0}" >"$dir/paint_error_ms"
  echo "$complete" >"$dir/complete_ms"
  echo "$captures" >"$dir/pictures"

  if [ "$name" = kiosk ]; then
    # shellcheck disable=SC2086 # "x y"
    click $KIOSK_START
  fi
  sleep "$SETTLE_SECS"
  local cpu_before frames_before
  frames_before=$(grep -c '^frame ' "$dir/stderr" || true)
  cpu_before=$(cpu_ticks "$app_pid")
  sleep "$IDLE_SECS"
  echo $(($(cpu_ticks "$app_pid") - cpu_before)) >"$dir/idle_ticks"
  echo $(($(grep -c '^frame ' "$dir/stderr" || true) - frames_before)) >"$dir/idle_frames"

  local tile=$WEB_TILE
  [ "$name" = kiosk ] && tile=$KIOSK_TILE
  frames_before=$(grep -c '^frame ' "$dir/stderr" || true)
  cpu_before=$(cpu_ticks "$app_pid")
  watch_middle >"$dir/middle" &
  capture_pid=$!
  sleep 0.3
  : >"$dir/clicks"
  tap_log="$dir/clicks"
  # shellcheck disable=SC2086 # "x y"
  timed_tap $tile
  sleep "$STEP_SECS"
  for _ in $(seq 2 "$PAGES"); do
    # shellcheck disable=SC2086
    timed_tap $NEXT
    sleep "$STEP_SECS"
  done
  sleep 1
  echo $(($(cpu_ticks "$app_pid") - cpu_before)) >"$dir/paging_ticks"
  echo $(($(grep -c '^frame ' "$dir/stderr" || true) - frames_before)) >"$dir/paging_frames"
  kill "$capture_pid" 2>/dev/null || true
  wait "$capture_pid" 2>/dev/null || true
  capture_pid=""
  tap_to_photon "$dir"
  convert "xwd:$framebuffer" "$dir/last-page.png" 2>/dev/null || true

  stop
  awk 'BEGIN {pss = 0} $2 > pss {pss = $2} END {print pss}' "$dir/memory" >"$dir/peak_pss_kb"
  awk 'BEGIN {rss = 0} $3 > rss {rss = $3} END {print rss}' "$dir/memory" >"$dir/peak_rss_kb"
  wc -l <"$dir/memory" >"$dir/memory_samples"
  sed -n 's/^frame 1 .*since_start_ms=\([0-9]*\).*/\1/p' "$dir/stderr" >"$dir/log_frame_1_ms"
}

# The kiosk as measure.sh runs it, its data and settings in the temporary folder (a long idle
# time, so the attract screen does not start during the measurement).
mkdir -p "$work/home/config" "$work/home/data" "$work/home/cache"
printf '(idle_timeout_secs: 3600)\n' >"$work/kiosk-config.ron"
export XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data" XDG_CACHE_HOME="$work/home/cache"

start_tapper
for run in $(seq 1 "$RUNS"); do
  run_dir="run$run"
  [ "$RUNS" -gt 1 ] && echo "run $run of $RUNS" >&2
  measure kiosk env LIBGL_ALWAYS_SOFTWARE=1 "$work/patient-kiosk" --fullscreen --size 1920x1080 \
    --count-frames --config "$work/kiosk-config.ron" ${PROBE:+--probe-first-frame}
  profile=$(mktemp -d --suffix=.compare-chromium-profile)
  # Without a window manager Chromium's --kiosk window is not made fullscreen (it opens at
  # 945x1060); the window flags give it the whole screen as the kiosk has. Its settings folder
  # is in the profile too, so its crash handlers (which start sessions of their own) name the
  # profile.
  MARKER=$profile measure chromium env XDG_CONFIG_HOME="$profile/config" "$CHROMIUM" --kiosk \
    --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-position=0,0 --window-size=1920,1080 \
    "file://$work/site/index.html"
  rm -rf "$profile"
done

# The report.
hz=$(getconf CLK_TCK)
each() { # one figure of one program, run by run
  local run
  for run in $(seq 1 "$RUNS"); do
    cat "$work/run$run/$1/$2"
  done
}
value() { # its median over the runs
  each "$1" "$2" | sort -n |
    awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'
}
most() { each "$1" "$2" | sort -n | tail -n 1; }
secs() { awk -v t="$1" -v hz="$hz" 'BEGIN {printf "%.2f", t / hz}'; }
mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }
verdict() { awk -v a="$1" -v b="$2" 'BEGIN {print (b > 0 && a <= b / 4) ? "PASS" : "FAIL"}'; }
kiosk_pss=$(value kiosk peak_pss_kb) kiosk_rss=$(value kiosk peak_rss_kb)
web_pss=$(value chromium peak_pss_kb) web_rss=$(value chromium peak_rss_kb)
kiosk_samples=$(value kiosk memory_samples) web_samples=$(value chromium memory_samples)

echo "patient-kiosk against Chromium $("$CHROMIUM" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n 1)," \
  "Xvfb 1920x1080, $(nproc) CPU(s), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "idle $IDLE_SECS s after $SETTLE_SECS s; $PAGES pages, $STEP_SECS s apart; screen captured every" \
  "$(value kiosk capture_ms) ms (kiosk) / $(value chromium capture_ms) ms (Chromium);" \
  "memory sampled $kiosk_samples / $web_samples times"
[ "$RUNS" -gt 1 ] && echo "medians of $RUNS runs each"
[ -n "${PROBE:-}" ] && echo "PROBE=1: the kiosk's first frame was one word; its first screen came the frame after"
echo
printf '%-30s %12s %12s %16s\n' figure kiosk chromium kiosk/chromium
row() { printf '%-30s %12s %12s %16s\n' "$1" "$2" "$3" "$(ratio "$4" "$5")"; }
row "first paint (ms)" "$(value kiosk first_paint_ms)" "$(value chromium first_paint_ms)" \
  "$(value kiosk first_paint_ms)" "$(value chromium first_paint_ms)"
row "  give or take (ms)" "$(value kiosk paint_error_ms)" "$(value chromium paint_error_ms)" 0 0
row "complete picture (ms)" "$(value kiosk complete_ms)" "$(value chromium complete_ms)" \
  "$(value kiosk complete_ms)" "$(value chromium complete_ms)"
row "peak memory, PSS (MB)" "$(mb "$kiosk_pss")" "$(mb "$web_pss")" "$kiosk_pss" "$web_pss"
row "peak memory, sum of RSS (MB)" "$(mb "$kiosk_rss")" "$(mb "$web_rss")" "$kiosk_rss" "$web_rss"
row "CPU idle $IDLE_SECS s (s)" "$(secs "$(value kiosk idle_ticks)")" "$(secs "$(value chromium idle_ticks)")" \
  "$(value kiosk idle_ticks)" "$(value chromium idle_ticks)"
row "CPU paging $PAGES pages (s)" "$(secs "$(value kiosk paging_ticks)")" "$(secs "$(value chromium paging_ticks)")" \
  "$(value kiosk paging_ticks)" "$(value chromium paging_ticks)"
row "tap to photon, median (ms)" "$(value kiosk tap_ms)" "$(value chromium tap_ms)" \
  "$(value kiosk tap_ms)" "$(value chromium tap_ms)"
row "  page turns measured" "$(value kiosk tap_count)" "$(value chromium tap_count)" 0 0
row "frames painted while idle" "$(value kiosk idle_frames)" "n/a" 0 0
row "frames painted while paging" "$(value kiosk paging_frames)" "n/a" 0 0
echo "(the kiosk's own log: frame 1 began $(value kiosk log_frame_1_ms) ms after its main() started)"
if [ "$RUNS" -gt 1 ]; then
  echo "first paint, run by run (ms): kiosk $(each kiosk first_paint_ms | paste -sd ' ');" \
    "Chromium $(each chromium first_paint_ms | paste -sd ' ')"
fi
echo
echo "targets (issue 7)"
printf '%-44s %s\n' "first paint <= 1/4 of Chromium's" \
  "$(verdict "$(value kiosk first_paint_ms)" "$(value chromium first_paint_ms)")"
printf '%-44s %s\n' "peak memory (PSS) <= 1/4 of Chromium's" "$(verdict "$kiosk_pss" "$web_pss")"
printf '%-44s %s\n' "tap to photon <= 1/4 of Chromium's" \
  "$(verdict "$(value kiosk tap_ms)" "$(value chromium tap_ms)")"
printf '%-44s %s\n' "zero frames painted while idle" \
  "$([ "$(most kiosk idle_frames)" -eq 0 ] && echo PASS || echo FAIL)"
[ -n "${KEEP:-}" ] && echo "captures, logs and samples: $work"
exit 0
