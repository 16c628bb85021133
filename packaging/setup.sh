#!/usr/bin/env bash
# Set up News Compare from a source checkout: the Debian packages Qt needs, then a virtual
# environment in .venv with the program installed in editable mode.
#   packaging/setup.sh            the program
#   packaging/setup.sh --test     the program, the test tools and what the tests use
#   packaging/setup.sh --dry-run  say what it would do, change nothing
# As root it installs the packages with apt-get, as a user through sudo; a user who can do
# neither gets the apt-get line to hand to someone with root, and the rest is still set up.
# One line per step; everything the tools print goes to build/setup.log.
# Exit status: 0 ready; 1 failed; 3 installed, but system packages are missing (line printed).
# Environment: PYTHON (default python3); NEWS_COMPARE_EXTRA_APT (more Debian packages to require).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

mode=run
dry_run=
for arg in "$@"; do
  case $arg in
    --test) mode="test" ;;
    --dry-run) dry_run=1 ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup: unknown option '$arg' (see packaging/setup.sh --help)" >&2; exit 2 ;;
  esac
done

python=${PYTHON:-python3}
log=build/setup.log
if [ -z "$dry_run" ]; then
  if ! { mkdir -p build && : >"$log"; }; then echo "setup: cannot write $log in $(pwd)" >&2; exit 1; fi
fi
tty=
[ -t 1 ] && tty=1

# --- output: one line per step --------------------------------------------------------------
steps=3
step=0
label=
started=0
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; echo; exit 130' INT TERM

begin() {  # begin TEXT: start the next step's line
  step=$((step + 1))
  label="setup [$step/$steps] $1"
  started=$SECONDS
  if [ -n "$dry_run" ]; then printf '%s\n' "$label"
  elif [ -n "$tty" ]; then printf '\r\033[K%s ...' "$label"
  else printf '%s ...' "$label"; fi
}
finish() {  # finish TEXT: end the step's line with its outcome
  local took=$((SECONDS - started)) text="$1"
  [ "$took" -ge 2 ] && text="$text ($took s)"
  if [ -n "$dry_run" ]; then printf '  => %s\n' "$1"
  elif [ -n "$tty" ]; then printf '\r\033[K%s: %s\n' "$label" "$text"
  else printf ' %s\n' "$text"; fi
}
note() { printf 'setup: %s\n' "$*"; }
packages_word() { if [ "$1" -eq 1 ]; then echo "1 package"; else echo "$1 packages"; fi; }
problem() { printf 'setup: %s\n' "$*" >&2; }

# Lines of apt-get and pip output worth showing as a step's progress.
progress='^ *(Collecting|Downloading|Processing|Obtaining|Building|Installing|Successfully|Get:[0-9]+|Unpacking|Setting up|Preparing to unpack)'
watch() {  # watch CMD...: run it, its output into the log; on a terminal the line shows its progress
  if [ -n "$dry_run" ]; then
    printf '  would run: %s\n' "$*"
    return 0
  fi
  printf '\n$ %s\n' "$*" >>"$log"
  "$@" >>"$log" 2>&1 </dev/null &
  pid=$!
  if [ -n "$tty" ]; then
    local cols last line from
    cols=$(tput cols 2>/dev/null || echo 80)
    from=$(($(wc -l <"$log") + 1))
    while kill -0 "$pid" 2>/dev/null; do
      # The latest line of this command's output, a wheel's platform tags left out.
      last=$(tail -n "+$from" "$log" | grep -E "$progress" | tail -n 1 |
             sed -E 's/^ +//; s/-[0-9][^ ]*\.(whl|tar\.gz)//')
      line="$label ... $last"
      printf '\r\033[K%s' "${line:0:$((cols - 1))}"
      sleep 0.3
    done
  fi
  wait "$pid"
  local status=$?
  pid=
  return $status
}
show_log_tail() {
  problem "the last lines of $log:"
  grep -v "^WARNING: Location 'file:" "$log" | tail -n 15 | sed 's/^/    /' >&2
}

# --- Python ---------------------------------------------------------------------------------
if ! command -v "$python" >/dev/null 2>&1; then
  problem "$python is not installed; someone with root can run: apt-get update && apt-get install -y python3 python3-venv"
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  problem "News Compare needs Python 3.11 or newer, and $python is $("$python" -V 2>&1); name another one: PYTHON=python3.12 packaging/setup.sh"
  exit 1
fi
pyver=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')

venv_state() {  # healthy, absent, foreign (not a venv) or the reason it is broken
  if [ ! -e .venv ] && [ ! -L .venv ]; then echo absent; return; fi
  if [ ! -f .venv/pyvenv.cfg ]; then echo foreign; return; fi
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c '' 2>/dev/null; then echo "its Python did not run"; return; fi
  if ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "its Python was older than 3.11"; return
  fi
  if ! .venv/bin/python -c 'import pip' 2>/dev/null; then echo "it had no pip"; return; fi
  echo healthy
}
venv=$(venv_state)
if [ "$venv" = foreign ]; then
  problem "'.venv' exists but is not a virtual environment; move it away and run packaging/setup.sh again"
  exit 1
fi
# A new .venv needs ensurepip, which Debian ships in python3.X-venv.
need_ensurepip=
if [ "$venv" != healthy ] && ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
  need_ensurepip=python$pyver-venv
fi

# --- 1. system packages ---------------------------------------------------------------------
read -r -a packages < <("$python" -I compare/startup.py --debian-packages)
[ ${#packages[@]} -gt 0 ] || { problem "compare/startup.py did not list the Debian packages the window needs"; exit 1; }
if [ "$mode" = test ]; then
  # Screenshots under a virtual screen; desktop-file, AppStream and shell-script checkers.
  packages+=(xvfb xauth desktop-file-utils appstream shellcheck)
  # FreeDict bilingual dictionaries: optional anchors for the cross-language aligner.
  packages+=(dict-freedict-deu-fra dict-freedict-fra-deu dict-freedict-deu-eng dict-freedict-eng-deu
             dict-freedict-fra-eng dict-freedict-eng-fra)
fi
if [ -n "${NEWS_COMPARE_EXTRA_APT:-}" ]; then read -r -a extra <<<"$NEWS_COMPARE_EXTRA_APT"; packages+=("${extra[@]}"); fi
[ -n "$need_ensurepip" ] && packages+=("$need_ensurepip")
# The compiled alignment (compare/core/align/_kernel.pyx), detection (compare/core/text/_detect.pyx) and
# word-diff tokens (compare/core/diff/_tokens.pyx) need a C compiler and Python's headers; without them the program still installs and aligns in Python, about five times slower.
command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || packages+=(gcc)
if ! "$python" -c 'import os, sys, sysconfig; sys.exit(not os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' 2>/dev/null; then
  packages+=("python$pyver-dev")
fi

missing=()
unmet=()  # missing packages that are still missing after this step
can_install=
as_root=()
cannot=
begin "system packages"
if ! command -v dpkg-query >/dev/null 2>&1; then
  finish "not a Debian system: make sure Qt's libraries (OpenGL/EGL, xkbcommon, fontconfig, the xcb libraries) are installed"
  [ -n "$need_ensurepip" ] && { problem "$python has no ensurepip: install its venv module"; exit 1; }
else
  installed=" $(dpkg-query -W -f='${Package}=${Status}\n' "${packages[@]}" 2>/dev/null |
                sed -n 's/=install ok installed$//p' | tr '\n' ' ') "
  for p in "${packages[@]}"; do
    [[ $installed == *" $p "* ]] || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    finish "all ${#packages[@]} present"
  else
    if [ "$(id -u)" -eq 0 ]; then
      can_install=1 as_root=(env)
    elif ! command -v sudo >/dev/null 2>&1; then
      cannot="not root, no sudo"
    elif sudo -n true 2>/dev/null; then
      can_install=1 as_root=(sudo -n)
    elif [ -n "$dry_run" ]; then
      can_install=1 as_root=(sudo)
    elif [ -t 0 ]; then
      printf '\n'
      note "${#missing[@]} system packages are missing; sudo asks for your password to install them"
      if sudo -v; then can_install=1 as_root=(sudo -n); else cannot="not root, and sudo refused"; fi
      step=$((step - 1))
      begin "system packages"
    else
      cannot="not root, and sudo needs a password, which only a terminal can give"
    fi
    if [ -n "$can_install" ]; then
      # sudo passes a VAR=value argument on (implied for sudoers allowed ALL commands).
      apt=("${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get -q)
      if watch "${apt[@]}" update &&
         watch "${apt[@]}" install -y --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}"; then
        if [ -n "$dry_run" ]; then finish "${#missing[@]} to install"
        else finish "installed $(packages_word ${#missing[@]}), listed in $log"; fi
      else
        finish "apt-get failed"
        show_log_tail
        unmet=("${missing[@]}")
      fi
    else
      finish "${#missing[@]} missing, and this user can install none ($cannot)"
      unmet=("${missing[@]}")
    fi
  fi
fi
apt_line="apt-get update && apt-get install -y --no-install-recommends ${unmet[*]:-}"
tell_admin() {  # tell_admin WHY: the one command that installs what is still missing, for whoever can
  if [ "$(id -u)" -eq 0 ]; then
    problem "$1; install what is missing with this one command once apt-get works:"
  elif [ -n "$can_install" ]; then
    problem "$1; install what is missing with this one command once apt-get works:"
    apt_line="sudo sh -c '$apt_line'"
  else
    problem "$1; someone with root can install what is missing with this one command:"
  fi
  printf '  %s\n' "$apt_line" >&2
}

# --- 2. virtual environment -----------------------------------------------------------------
begin "virtual environment .venv"
if [ "$venv" = healthy ]; then
  finish "kept ($(.venv/bin/python -V 2>&1))"
else
  if [ -n "$need_ensurepip" ] && [[ " ${unmet[*]:-} " == *" $need_ensurepip "* ]]; then
    finish "cannot be made: $python has no ensurepip (Debian package $need_ensurepip)"
    tell_admin "the virtual environment needs $need_ensurepip first"
    exit 1
  fi
  what=created
  if [ "$venv" != absent ]; then
    what="repaired, $venv"
    if [ -n "$dry_run" ]; then printf '  would remove the broken .venv\n'; else rm -rf .venv; fi
  fi
  if ! watch "$python" -m venv .venv; then
    rm -rf .venv  # half a venv (no pip) would only fail again on the next run
    finish "failed"
    show_log_tail
    exit 1
  fi
  watch .venv/bin/python -m pip install --disable-pip-version-check --progress-bar off --upgrade pip ||
    { finish "failed to update pip"; show_log_tail; exit 1; }
  finish "$what"
fi

# --- 3. the program -------------------------------------------------------------------------
target=.
[ "$mode" = test ] && target=".[test]"
begin "News Compare and its libraries"
if watch .venv/bin/python -m pip install --disable-pip-version-check --progress-bar off -e "$target"; then
  if [ -n "$dry_run" ]; then
    finish "nothing changed (dry run)"
    [ ${#unmet[@]} -gt 0 ] && tell_admin "the window would still need $(packages_word ${#unmet[@]})"
    exit 0
  fi
  count=$(sed -n 's/^Successfully installed //p' "$log" | tail -n 1 | wc -w)
  finish "installed in .venv, $(packages_word "$count") new or updated"
  if [ -z "$dry_run" ] && ! .venv/bin/python -c 'import compare.core.align._kernel' 2>/dev/null; then
    note "the compiled alignment was not built (it needs a C compiler and Python's headers, Debian packages gcc and python$pyver-dev); the same alignments come from Python, about five times slower"
  fi
else
  finish "failed"
  show_log_tail
  [ ${#unmet[@]} -gt 0 ] && tell_admin "system packages are missing too"
  exit 1
fi

if [ ${#unmet[@]} -gt 0 ]; then
  tell_admin "the command line works (.venv/bin/news-compare --help), but the window still needs $(packages_word ${#unmet[@]})"
  exit 3
fi
# The window's own start-up check: no display, a library missing after all.
if verdict=$(.venv/bin/python -m compare.startup .venv/bin/news-compare --sample 2>&1); then
  note "ready: .venv/bin/news-compare --sample opens the window, .venv/bin/news-compare --help lists the commands"
else
  note "installed; the command line is ready (.venv/bin/news-compare --help), but here $verdict"
fi
