#!/usr/bin/env bash
# Build the standalone one-folder bundle with PyInstaller, then smoke-test it:
# the bundle must open the sample pair in a window (offscreen) and exit 0, and its
# command line must diff the sample pair.
#   packaging/build_bundle.sh          -> build/dist/news-compare/
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || packaging/setup.sh
.venv/bin/python -m pip install -q --disable-pip-version-check "pyinstaller>=6.5"
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath build/dist --workpath build/work packaging/news-compare.spec
bundle=build/dist/news-compare/news-compare
echo "bundle: $(du -sh build/dist/news-compare | cut -f1) in build/dist/news-compare"

# Smoke test: a window on the sample pair, offscreen, quitting once it is loaded.
QT_QPA_PLATFORM=offscreen "$bundle" --sample --quit-when-loaded 60000
set +e
"$bundle" diff --format json --no-checks \
  build/dist/news-compare/_internal/resources/samples/nato-russia-talks.machine-translated.txt \
  build/dist/news-compare/_internal/resources/samples/nato-russia-talks.edited.txt > build/bundle-diff.json
status=$?
set -e
[ "$status" -eq 1 ] || { echo "bundle diff exited $status, expected 1 (divergences)" >&2; exit 1; }
"$bundle" check build/dist/news-compare/_internal/resources/samples/nato-russia-talks.machine-translated.txt >/dev/null && {
  echo "bundle check found nothing in the machine-translated sample" >&2; exit 1; } || true
"$bundle" --version
echo "bundle smoke test passed"
