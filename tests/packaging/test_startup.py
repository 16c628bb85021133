"""Before Qt starts, the window says in one sentence what stands in its way (no display, a
missing library and the Debian package that ships it) instead of Qt's abort with exit 134."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from compare import startup

ROOT = Path(__file__).resolve().parents[2]
QT = startup.qt_folder()
LINUX = sys.platform.startswith("linux")
needs_qt_on_linux = pytest.mark.skipif(not LINUX or QT is None, reason="checks PySide6's Linux plugins")
# glibc, the C++ runtime and the loader: on every Debian system, so never the missing piece.
BASE_SYSTEM = (
    "linux-vdso.so",
    "ld-linux",
    "libc.so",
    "libm.so",
    "libdl.so",
    "libpthread.so",
    "librt.so",
    "libstdc++.so",
    "libgcc_s.so",
)


def window_env(**extra: str) -> dict[str, str]:
    """The environment of a user who starts the window: none of the test run's Qt settings."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM")
    }
    env.update(extra)
    return env


def run_window(
    *args: str, env: dict[str, str], prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "compare", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def fake_x_display() -> Iterator[str]:
    """A display number on which something listens, as an X server would (abstract socket, no files)."""
    for number in range(4400, 4500):
        path = f"/tmp/.X11-unix/X{number}"
        if os.path.exists(path):
            continue
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind("\0" + path)
        except OSError:
            server.close()
            continue
        server.listen(8)
        try:
            yield f":{number}"
        finally:
            server.close()
        return
    pytest.skip("no free display number to listen on")


def free_display() -> str:
    for number in range(4300, 4400):
        if not startup.display_reachable("xcb", {"DISPLAY": f":{number}"}):
            return f":{number}"
    pytest.skip("no unused display number")


def window_files() -> list[Path]:
    assert QT is not None
    plugins = QT / "Qt" / "plugins"
    files = [plugins / "platforms" / f"libq{name}.so" for name in ("xcb", "wayland", "offscreen")]
    files += sorted((plugins / "xcbglintegrations").glob("*.so"))
    files += [next(QT.glob(f"{module}.*so")) for module in ("QtWidgets", "QtSvg")]
    return [f for f in files if f.exists()]


@needs_qt_on_linux
@pytest.mark.skipif(shutil.which("ldd") is None, reason="ldd is not installed")
def test_every_library_the_window_links_is_mapped_to_its_debian_package() -> None:
    linked: dict[str, str] = {}  # soname -> where ldd found it ("not" when it did not)
    for path in window_files():
        out = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, check=False, env={**os.environ, "LC_ALL": "C"}
        ).stdout
        for line in out.splitlines():
            parts = line.split()
            if not parts or parts[0].startswith(BASE_SYSTEM) or "=>" not in parts or str(QT) in parts[2]:
                continue  # the base system, or Qt's own libraries inside the wheel
            assert parts[0] in startup.SONAME_PACKAGES, (
                f"{path.name} links {parts[0]}, which names no package"
            )
            linked[parts[0]] = parts[2]
    checked = len(linked)
    if shutil.which("dpkg-query"):
        found = [name for name, target in linked.items() if target != "not"]
        # The path as ldd found it, and as dpkg may know it on a merged /usr.
        paths = {
            variant
            for name in found
            for variant in (linked[name], "/usr" + linked[name], linked[name].removeprefix("/usr"))
        }
        owners = subprocess.run(
            ["dpkg-query", "-S", *sorted(paths)], capture_output=True, text=True, check=False
        ).stdout
        shipped: dict[str, set[str]] = {}
        for row in owners.splitlines():
            packages, _, file = row.partition(": ")
            for package in packages.split(", "):
                shipped.setdefault(Path(file).name, set()).add(package.split(":")[0])
        for name in found:
            assert startup.SONAME_PACKAGES[name] in shipped.get(name, set()), (name, shipped.get(name))
    assert checked > 40
    assert set(startup.SONAME_PACKAGES.values()) <= set(startup.WINDOW_PACKAGES)


def test_setup_reads_the_package_list_without_a_virtual_environment() -> None:
    proc = subprocess.run(
        [sys.executable, "-I", str(ROOT / "compare" / "startup.py"), "--debian-packages"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == list(startup.WINDOW_PACKAGES)
    assert {"libxcb-cursor0", "libegl1", "fonts-dejavu-core"} <= set(proc.stdout.split())


def test_platforms_are_tried_in_qts_order() -> None:
    assert startup.platforms_to_try({}) == ["xcb"]
    assert startup.platforms_to_try({"XDG_SESSION_TYPE": "wayland"}) == ["wayland", "xcb"]
    assert startup.platforms_to_try({"QT_QPA_PLATFORM": "offscreen:fontengine=freetype"}) == ["offscreen"]
    assert startup.platforms_to_try({"QT_QPA_PLATFORM": "wayland;xcb"}) == ["wayland", "xcb"]


@needs_qt_on_linux
def test_no_display_is_one_sentence_with_the_ways_out_not_an_abort() -> None:
    proc = run_window("--sample", env=window_env())
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "no display" in lines[0] and "xvfb-run -a " in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert "--sample" in lines[0]  # the advice repeats the user's own command


@needs_qt_on_linux
def test_a_display_nobody_answers_on_is_named() -> None:
    display = free_display()
    proc = run_window("--sample", env=window_env(DISPLAY=display))
    assert proc.returncode == 2
    assert f"nothing answers on DISPLAY={display}" in proc.stderr and "Aborted" not in proc.stderr


@needs_qt_on_linux
def test_an_unknown_platform_lists_the_ones_there_are() -> None:
    proc = run_window("--sample", env=window_env(QT_QPA_PLATFORM="nonesuch"))
    assert proc.returncode == 2
    assert "QT_QPA_PLATFORM=nonesuch" in proc.stderr and "offscreen" in proc.stderr


@needs_qt_on_linux
def test_a_listening_display_and_offscreen_pass(fake_x_display: str) -> None:
    assert startup.window_problem({"DISPLAY": fake_x_display}) is None
    assert startup.window_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


@needs_qt_on_linux
def test_a_window_that_can_start_costs_no_ldd(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check runs at every start: where the platform's libraries all load, it starts no
    process (ldd on three files took 50 ms, a sixth of the window's start-up)."""

    def no_process(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the check started a process")

    monkeypatch.setattr(subprocess, "run", no_process)
    assert startup.window_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


@needs_qt_on_linux
def test_a_wayland_session_falls_back_to_x_as_qt_does(fake_x_display: str, tmp_path: Path) -> None:
    """Wayland's plugin tried first; where its libraries are missing, Qt takes xcb on Xwayland."""
    (tmp_path / "wayland-7").touch()
    session = {
        "XDG_SESSION_TYPE": "wayland",
        "WAYLAND_DISPLAY": "wayland-7",
        "XDG_RUNTIME_DIR": str(tmp_path),
    }
    assert startup.window_problem({**session, "DISPLAY": fake_x_display}) is None
    assert startup.window_problem(session) == startup.window_problem(
        {**session, "QT_QPA_PLATFORM": "wayland"}
    )


@needs_qt_on_linux
@pytest.mark.skipif(shutil.which("ldd") is None, reason="ldd is not installed")
def test_libraries_that_cannot_be_found_are_named(tmp_path: Path) -> None:
    """A copy of the xcb plugin away from Qt's own libraries: ldd finds none of them."""
    assert QT is not None
    plugin = tmp_path / "libqxcb.so"
    shutil.copy(QT / "Qt" / "plugins" / "platforms" / "libqxcb.so", plugin)
    missing = startup.missing_libraries([plugin])
    assert "libQt6XcbQpa.so.6" in missing and "libQt6Gui.so.6" in missing
    sentence = startup._library_sentence(missing, "xcb")
    assert "libQt6XcbQpa.so.6" in sentence and "reinstall" in sentence


@needs_qt_on_linux
@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("unshare") is None,
    reason="hiding a system library needs root and unshare (a private mount namespace)",
)
def test_a_missing_xcb_library_names_its_debian_package(fake_x_display: str) -> None:
    """libxcb-cursor0's library made unloadable in a private mount namespace: the window names the
    package, where Qt would abort with exit 134 ("Could not load the Qt platform plugin xcb")."""
    library = Path("/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0")
    if not library.exists():
        pytest.skip("libxcb-cursor0 is not installed here")
    hide = f'mount --bind /dev/null {library.resolve()} && exec "$@"'
    proc = run_window(
        "--sample",
        env=window_env(DISPLAY=fake_x_display),
        prefix=("unshare", "--mount", "sh", "-c", hide, "sh"),
    )
    if "mount:" in proc.stderr:
        pytest.skip(f"cannot mount here: {proc.stderr.strip()}")
    assert proc.returncode == 2, proc.stderr
    assert (
        "libxcb-cursor.so.0" in proc.stderr
        and "apt-get install -y --no-install-recommends libxcb-cursor0" in proc.stderr
    )
    assert len(proc.stderr.strip().splitlines()) == 1


def test_the_check_runs_without_importing_qt() -> None:
    """It must run before Qt: importing PySide6's modules may itself fail on a missing library."""
    code = (
        "import sys; from compare import startup; startup.window_problem({'QT_QPA_PLATFORM': 'offscreen'});"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')));"
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
