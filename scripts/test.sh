#!/usr/bin/env bash
# Runs every test of patient-kiosk: the one command README.md gives.
#
# The tests need these from the system: Mesa, to render snapshots headless with wgpu; Xvfb,
# because `patient-kiosk render` and the kiosk's own binary open real windows; openbox,
# xdotool and xprop, to minimise the locked kiosk as a window manager would; poppler's
# pdftotext, pdftoppm and pdfinfo, to read handout PDFs back; systemd-analyze, to check the
# shipped service files; espeak-ng, the voice that reads pages aloud; a D-Bus session,
# AT-SPI and pyatspi, to walk the tree as Orca does; minisign, to check that the content
# bundles verify with the standard tool; prometheus, whose promtool checks the health
# textfile; and ffmpeg, which encodes `patient-kiosk video` (ffprobe reads it back).
# Missing ones are installed when we may (root with apt-get); otherwise we say what to
# install and stop.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(xvfb xauth libegl1 libegl-mesa0 libgl1-mesa-dri libxkbcommon-x11-0 poppler-utils
          openbox xdotool x11-utils systemd espeak-ng
          dbus-x11 at-spi2-core python3-pyatspi minisign prometheus curl ffmpeg)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The UI tests need these packages: ${missing[*]}" >&2
    echo "Install them (sudo apt-get install ${missing[*]}) and run this again." >&2
    exit 1
  fi
fi

exec cargo test "$@"
