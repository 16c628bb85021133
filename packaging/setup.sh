#!/usr/bin/env bash
# Set up News Compare from a source checkout on a fresh Debian/Ubuntu machine:
# the system libraries Qt needs (installed with apt when missing), then a virtual
# environment in .venv with the package installed in editable mode.
#   packaging/setup.sh          the program
#   packaging/setup.sh --test   the program, the test tools and what the tests use
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
python=${PYTHON:-python3}

# Qt's offscreen and xcb platforms (PySide6 wheels bring Qt, not these).
packages=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3
          libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
          libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1
          fonts-dejavu-core)
if [ "$mode" = "--test" ]; then
  # Screenshots under a virtual screen; desktop-file and AppStream validators.
  packages+=(xvfb xauth desktop-file-utils appstream)
  # FreeDict bilingual dictionaries: optional anchors for the cross-language aligner.
  packages+=(dict-freedict-deu-fra dict-freedict-fra-deu dict-freedict-deu-eng dict-freedict-eng-deu
             dict-freedict-fra-eng dict-freedict-eng-fra)
fi
if [ -n "${NEWS_COMPARE_EXTRA_APT:-}" ]; then packages+=($NEWS_COMPARE_EXTRA_APT); fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing system packages: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: not a Debian system; make sure Qt's system libraries (libgl, libegl, xkbcommon, fontconfig) are installed" >&2
fi

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
if [ "$mode" = "--test" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
else
  .venv/bin/python -m pip install -q --disable-pip-version-check -e .
fi
