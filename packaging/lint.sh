#!/usr/bin/env bash
# The gates CI runs before the tests (and pre-commit runs on a commit): lint, formatting, types
# and the import contracts (the engine never imports Qt, the window or the command line; the
# engine's stages import only the stages before them). Versions are pinned in pyproject.toml's
# "dev" extra.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || packaging/setup.sh --test
tools=$(.venv/bin/python - <<'PY'
import re, tomllib
dev = tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["dev"]
print(" ".join(d for d in dev if re.match(r"(ruff|mypy|import-linter)==", d)))
PY
)
# shellcheck disable=SC2086
.venv/bin/python -m pip install -q --disable-pip-version-check $tools
status=0
step() { echo "lint: $*"; "$@" || status=1; }
step .venv/bin/ruff check compare tests bench
step .venv/bin/ruff format --check compare tests bench
step .venv/bin/mypy compare
step .venv/bin/lint-imports
exit $status
