#!/usr/bin/env bash
# A fleet of three kiosks on one machine, to see signed content bundles, health metrics and
# merged statistics work together (README.md, "Many kiosks"):
#
#   scripts/fleet.sh
#
# It needs Xvfb, xdotool, minisign, curl, python3 and promtool.
#
# 1. Makes a signing key (minisign -G) and bundle version 1 of content/, served over HTTP on
#    127.0.0.1 by python3's http.server.
# 2. Starts three kiosks under Xvfb, each with its own home, settings (name, inbox, public
#    key, metrics file), statistics and store. The fetch script (what the timer runs) pulls
#    the bundle into each inbox; each kiosk checks it and shows it.
# 3. A patient starts a visit on kiosk 1; bundle version 2 is published and pulled: kiosks 2
#    and 3 show it at once (no one is using them), kiosk 1 at its next reset, after the idle
#    time.
# 4. A tampered bundle version 3 reaches kiosk 3: refused, and version 2 stays.
# 5. Prints each kiosk's metrics (checked by promtool) and the three kiosks' statistics read
#    together.
#
# Everything runs in a temporary folder; every process it starts is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in Xvfb xdotool minisign curl python3 promtool; do
  command -v "$tool" >/dev/null || { echo "fleet.sh needs $tool" >&2; exit 1; }
done
bin=${PATIENT_KIOSK:-target/release/patient-kiosk}
[ -x "$bin" ] || bin=target/debug/patient-kiosk
[ -x "$bin" ] || { cargo build --release; bin=target/release/patient-kiosk; }
bin=$(realpath "$bin")
fetch=$(realpath scripts/patient-kiosk-fetch-bundle)
work=$(mktemp -d /tmp/patient-kiosk-fleet.XXXXXX)
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT
say() { printf '\n== %s\n' "$*"; }

say "a signing key, and bundle version 1 served on 127.0.0.1"
minisign -G -W -p "$work/kiosk.pub" -s "$work/kiosk.key" >/dev/null
key=$(sed -n 2p "$work/kiosk.pub")
mkdir -p "$work/www"
"$bin" bundle --content content --key "$work/kiosk.key" --out "$work/www/content.tar.zst" --version 1
port=$((20000 + RANDOM % 20000))
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/www" >"$work/http.log" 2>&1 &
pids+=($!)
url="http://127.0.0.1:$port/content.tar.zst"
for _ in $(seq 50); do curl -fs -o /dev/null "$url.minisig" && break; sleep 0.1; done

names=("Lobby" "Floor 2, east" "Spine center")
start_kiosk() { # start_kiosk N
  local n=$1 home="$work/kiosk$1" display=":$((70 + $1))"
  mkdir -p "$home/.config/patient-kiosk"
  cat >"$home/.config/patient-kiosk/config.ron" <<RON
(
    kiosk_name: Some("${names[$n-1]}"),
    idle_timeout_secs: 15,
    countdown_secs: 5,
    bundle_inbox: Some("$home/inbox"),
    bundle_public_key: Some("$key"),
    metrics_file: Some("$home/textfile/patient_kiosk.prom"),
)
RON
  Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
  pids+=($!)
  sleep 0.5
  HOME="$home" DISPLAY="$display" RUST_LOG=warn,patient_kiosk=info \
    "$bin" --content content --size 1280x800 >"$home/kiosk.log" 2>&1 &
  pids+=($!)
}
metric() { # metric N NAME: the value of patient_kiosk_NAME in kiosk N's textfile
  sed -n "s/^patient_kiosk_$2{[^}]*} //p" "$work/kiosk$1/textfile/patient_kiosk.prom" 2>/dev/null
}
wait_for() { # wait_for N NAME VALUE SECONDS
  for _ in $(seq $(($4 * 2))); do
    [ "$(metric "$1" "$2")" = "$3" ] && return 0
    sleep 0.5
  done
  echo "kiosk $1: $2 is $(metric "$1" "$2"), not $3, after $4 s" >&2
  return 1
}
pull() { for n in "$@"; do "$fetch" "$url" "$work/kiosk$n/inbox"; done; }

say "three kiosks start, and the timer's fetch pulls version 1 into each"
for n in 1 2 3; do start_kiosk "$n"; done
pull 1 2 3
for n in 1 2 3; do wait_for "$n" content_version 1 40; echo "kiosk $n (${names[$n-1]}) shows version 1"; done

say "a patient starts a visit on kiosk 1; version 2 is published and pulled"
DISPLAY=:71 xdotool mousemove 640 700 click 1 2>/dev/null || true
sleep 1
"$bin" bundle --content content --key "$work/kiosk.key" --out "$work/www/content.tar.zst" --version 2
pull 1 2 3
for n in 2 3; do wait_for "$n" content_version 2 40; echo "kiosk $n shows version 2 (no one was using it)"; done
echo "kiosk 1 still shows version $(metric 1 content_version): its patient's visit goes on"
wait_for 1 content_version 2 60
echo "kiosk 1 shows version 2 after its idle reset"

say "a tampered version 3 reaches kiosk 3"
"$bin" bundle --content content --key "$work/kiosk.key" --out "$work/www/content.tar.zst" --version 3
python3 - "$work/www/content.tar.zst" <<'PY'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
data[len(data) // 2] ^= 0x40
open(path, "wb").write(data)
PY
pull 3
wait_for 3 bundle_refusals_total 1 40
echo "kiosk 3 refused it and still shows version $(metric 3 content_version):"
grep "content bundle refused" "$work/kiosk3/kiosk.log" | tail -1

say "a patient on each kiosk opens a topic; the kiosks start over after the idle time"
for n in 1 2 3; do
  DISPLAY=":$((70 + n))" xdotool mousemove 640 700 click 1 2>/dev/null || true
done
sleep 1.5
for n in 1 2 3; do
  DISPLAY=":$((70 + n))" xdotool mousemove 300 380 click 1 2>/dev/null || true
done
wait_for 1 visits_today 2 60
for n in 2 3; do wait_for "$n" visits_today 1 30; done
echo "visits today: $(metric 1 visits_today), $(metric 2 visits_today), $(metric 3 visits_today)"

say "each kiosk's metrics, checked by promtool"
for n in 1 2 3; do
  file="$work/kiosk$n/textfile/patient_kiosk.prom"
  echo "-- kiosk $n: $file"
  grep -v '^#' "$file"
  promtool check metrics <"$file" && echo "promtool: OK"
done

say "the statistics of the three kiosks, together and one by one"
files=()
for n in 1 2 3; do files+=(--file "$work/kiosk$n/.local/share/patient-kiosk/visits.ron"); done
"$bin" stats "${files[@]}" || true
echo
echo "(the kiosks' folders are in $work)"
