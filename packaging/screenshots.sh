#!/usr/bin/env bash
# The README's screenshots, as a person sees the window: Xvfb, openbox as the window manager,
# then packaging/screenshots.py grabs the screen (packages: xvfb xauth openbox).
#   packaging/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in xvfb-run openbox; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (apt-get install xvfb xauth openbox)" >&2; exit 2; }
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Settings, recent files and recovery files of the shots stay out of the user's own.
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" XDG_CACHE_HOME="$scratch/cache"
xvfb-run -a -s "-screen 0 1520x960x24" bash -c \
  'openbox >/dev/null 2>&1 & sleep 1; QT_QPA_PLATFORM=xcb .venv/bin/python packaging/screenshots.py'
