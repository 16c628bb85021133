"""Can the window start here? Checked before Qt is imported, because Qt cannot be asked.

Qt aborts the process (exit 134, no exception to catch) when its platform plugin cannot
load: no display, or a system library its xcb plugin links that is not installed. This
module looks first, without importing Qt: it reads the environment the way Qt chooses its
platform and asks the dynamic loader to load the PySide6 files that the window loads; only when
one cannot load does it run ``ldd`` on them to find the shared libraries that are missing, then
names the Debian packages that ship them. What it finds is
one sentence for the user; ``None`` means nothing stands in the way.

It is also the one list of the Debian packages the window needs:
``python3 compare/startup.py --debian-packages`` prints them for ``packaging/setup.sh``.
Standard library only, so that works before any virtual environment exists.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shlex
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

# The shared libraries that PySide6's widgets, its xcb, wayland and offscreen platform plugins
# and their OpenGL integrations link (what `ldd` lists, less glibc, libstdc++ and libgcc, which
# every Debian has), with the Debian 12 package that ships each. tests/packaging/test_startup.py
# checks the entries against `ldd` and `dpkg -S`.
SONAME_PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbsd.so.0": "libbsd0",
    "libcap.so.2": "libcap2",
    "libdbus-1.so.3": "libdbus-1-3",
    "libexpat.so.1": "libexpat1",
    "libffi.so.8": "libffi8",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libgcrypt.so.20": "libgcrypt20",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgpg-error.so.0": "libgpg-error0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "liblz4.so.1": "liblz4-1",
    "liblzma.so.5": "liblzma5",
    "libmd.so.0": "libmd0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libpng16.so.16": "libpng16-16",
    "libsystemd.so.0": "libsystemd0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}
# Not a library any file links, but without a font Qt draws no text.
FONT_PACKAGES = ("fonts-dejavu-core",)
# What packaging/setup.sh installs for the window.
WINDOW_PACKAGES = tuple(sorted({*SONAME_PACKAGES.values(), *FONT_PACKAGES}))

# Platforms that draw into a window on a display, and the variable naming that display.
DISPLAY_VARIABLE = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY"}
_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)
_CANNOT_LOAD = re.compile(r"error while loading shared libraries: (\S+?):")
_CTYPES_ERROR = re.compile(r"(\S+\.so[.\d]*): cannot open shared object file")


def qt_folder() -> Path | None:
    """The installed PySide6 package folder, found without importing it."""
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def platform_plugins(qt: Path) -> dict[str, Path]:
    """Qt's platform plugins by name (``xcb``, ``offscreen`` …)."""
    folder = qt / "Qt" / "plugins" / "platforms"
    return {p.name[len("libq") :].split(".so")[0]: p for p in sorted(folder.glob("libq*.so*"))}


def platforms_to_try(environ: Mapping[str, str]) -> list[str]:
    """The platforms Qt will try, in its order: QT_QPA_PLATFORM, else by session type."""
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        return [name.split(":", 1)[0].strip() for name in requested.split(";") if name.strip()]
    if environ.get("XDG_SESSION_TYPE") == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def display_reachable(platform: str, environ: Mapping[str, str]) -> bool:
    """Whether the display a platform draws on is named and, where local, listening."""
    name = environ.get(DISPLAY_VARIABLE[platform], "").strip()
    if not name:
        return False
    if platform == "wayland":
        path = (
            Path(name) if name.startswith("/") else Path(environ.get("XDG_RUNTIME_DIR", "/nonexistent"), name)
        )
        return path.exists()
    local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", name)
    if not local:
        return True  # a remote display (host:0, an SSH forward): Qt is the one to ask
    socket_path = f"/tmp/.X11-unix/X{local.group(1)}"
    # An X server listens on the socket file and, on Linux, on the same name in the
    # abstract namespace (the one left when /tmp is not shared, as in some containers).
    return any(_can_connect(address) for address in (socket_path, "\0" + socket_path))


def _can_connect(address: str) -> bool:
    import socket  # the modules below are imported where needed: the usual start needs none

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(1.0)
        try:
            s.connect(address)
        except OSError:
            return False
    return True


def missing_libraries(files: Iterable[Path]) -> list[str]:
    """The shared libraries (sonames) that the given ELF files need and that cannot be loaded."""
    import shutil
    import subprocess

    missing: set[str] = set()
    ldd = shutil.which("ldd")
    for path in files:
        if ldd:
            try:
                proc = subprocess.run(
                    [ldd, str(path)],
                    capture_output=True,
                    text=True,
                    timeout=20,
                    check=False,
                    env={**os.environ, "LC_ALL": "C"},
                )
            except (OSError, subprocess.SubprocessError):
                continue
            output = proc.stdout + proc.stderr
            missing.update(_NOT_FOUND.findall(output))
            missing.update(Path(name).name for name in _CANNOT_LOAD.findall(output))
        else:  # no ldd: loading the file names the first library that is missing
            try:
                ctypes.CDLL(str(path))
            except OSError as err:
                found = _CTYPES_ERROR.search(str(err))
                if found:
                    missing.add(Path(found.group(1)).name)
    return sorted(missing)


def _loads(path: Path) -> bool:
    """Whether the dynamic loader can load an ELF file and all it links, here (without running any
    of Qt: no Python module is imported, and a file that cannot load is an error, not an abort).
    What loads stays loaded: these are the files the window loads next anyway."""
    try:
        ctypes.CDLL(str(path))
    except OSError:
        return False
    return True


def _libraries_of(qt: Path, plugin: Path) -> list[Path]:
    """The files whose libraries the window needs on a platform: the plugin and the widgets."""
    modules = [p for name in ("QtWidgets", "QtSvg") for p in sorted(qt.glob(f"{name}.*so"))[:1]]
    return [plugin, *modules]


def install_advice(packages: Iterable[str]) -> str:
    """How this user installs the packages: the apt-get line, with sudo or by someone with root."""
    import shutil

    line = "apt-get install -y --no-install-recommends " + " ".join(sorted(set(packages)))
    if os.geteuid() == 0:
        return f"install them with `{line}`"
    if shutil.which("sudo"):
        return f"install them with `sudo {line}`"
    return f"ask someone with root to run `{line}`"


def _library_sentence(missing: list[str], platform: str) -> str:
    import shutil

    known = sorted({SONAME_PACKAGES[name] for name in missing if name in SONAME_PACKAGES})
    own = [name for name in missing if name.startswith("libQt6")]
    unknown = [name for name in missing if name not in SONAME_PACKAGES and name not in own]
    advice = []
    if known and shutil.which("apt-get"):
        advice.append(install_advice(known))
    elif known:
        advice.append("install the packages of your system that provide them")
    if unknown:
        advice.append(f"find the packages of {', '.join(unknown)} with `apt-file search`")
    if own:
        advice.append(
            "Qt's own libraries are part of PySide6, so reinstall it "
            "(`python3 -m pip install --force-reinstall PySide6-Essentials` in the environment)"
        )
    return (
        f"the window cannot start: Qt's {platform} platform needs libraries that cannot be loaded "
        f"({', '.join(missing)}); {', and '.join(advice)}; the command line works without them "
        f"(news-compare --help)."
    )


def _no_display_sentence(
    platforms: list[str], environ: Mapping[str, str], command: str, missing_packages: list[str]
) -> str:
    import shutil

    named = [DISPLAY_VARIABLE[p] for p in platforms if p in DISPLAY_VARIABLE]
    unreachable = [f"{v}={environ[v]}" for v in named if environ.get(v, "").strip()]
    if unreachable:
        what = f"nothing answers on {' or '.join(unreachable)}"
    else:
        what = "there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)"
    xvfb = f"`xvfb-run -a {command}`" + ("" if shutil.which("xvfb-run") else " (Debian package xvfb)")
    first = ""
    if missing_packages:
        first = f" (either way Qt needs packages that are missing here: {install_advice(missing_packages)})"
    return (
        f"the window cannot open: {what}; run it from a desktop session, on a virtual screen with "
        f"{xvfb}, or unseen with `QT_QPA_PLATFORM=offscreen {command}`{first}; the command line needs "
        f"no display (news-compare --help)."
    )


def window_problem(
    environ: Mapping[str, str] | None = None, *, command: str = "news-compare", qt: Path | None = None
) -> str | None:
    """One sentence saying why the window cannot start here, or None if nothing is in the way.

    ``command`` is the command line to repeat in the advice (with ``xvfb-run`` or offscreen).
    """
    if not sys.platform.startswith("linux"):
        return None
    environ = os.environ if environ is None else environ
    qt = qt or qt_folder()
    if qt is None:
        return None  # no PySide6: the import that follows says so
    plugins = platform_plugins(qt)
    if not plugins:
        return None  # an unusual layout: let Qt speak for itself
    wanted = platforms_to_try(environ)
    unknown = [p for p in wanted if p not in plugins]
    if unknown and len(unknown) == len(wanted):
        return (
            f"the window cannot start: QT_QPA_PLATFORM={environ.get('QT_QPA_PLATFORM', '')} names no "
            f"platform this Qt has (it has {', '.join(sorted(plugins))}); offscreen draws without a display."
        )
    usable = [
        p for p in wanted if p in plugins and (p not in DISPLAY_VARIABLE or display_reachable(p, environ))
    ]
    if not usable:
        # xvfb-run and a real X display both use xcb; offscreen needs a subset of its libraries.
        missing = missing_libraries(_libraries_of(qt, plugins["xcb"])) if "xcb" in plugins else []
        packages = sorted({SONAME_PACKAGES[m] for m in missing if m in SONAME_PACKAGES})
        return _no_display_sentence([p for p in wanted if p in plugins], environ, command, packages)
    # Qt falls back to the next platform when a plugin cannot load: one whose libraries are all
    # there is enough; otherwise the first one's missing libraries are the ones to name.
    if all(_loads(path) for path in _libraries_of(qt, plugins[usable[0]])):
        return None  # the usual case, at every start: ldd (50 ms) only to explain a failure
    first_missing: list[str] = []
    for platform in usable:
        missing = missing_libraries(_libraries_of(qt, plugins[platform]))
        if not missing:
            return None
        first_missing = first_missing or missing
    return _library_sentence(first_missing, usable[0])


def command_line(argv: Iterable[str]) -> str:
    """How the user started the window, to repeat in advice they can paste."""
    program = sys.argv[0] if sys.argv and sys.argv[0] else "news-compare"
    if Path(program).name in ("__main__.py", "-c"):
        program = "news-compare"
    return shlex.join([program, *argv])


if __name__ == "__main__":
    if sys.argv[1:] == ["--debian-packages"]:
        print(" ".join(WINDOW_PACKAGES))
    else:
        problem = window_problem(command=shlex.join(sys.argv[1:]) or "news-compare")
        print(problem or "nothing stands in the way of the window")
        sys.exit(2 if problem else 0)
