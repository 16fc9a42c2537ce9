"""What goes into the frozen app and what it says about itself; read by facilitator.spec.

Plain Python with no PyInstaller import, so tests/core/test_packaging.py can check it
without building anything. Everything the three platforms share lives here: the version
(always taken from pyproject.toml), the macOS Info.plist, the Windows version resource,
and the rules that keep the bundle small (which Qt modules, plugins and translations stay).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"

APP_NAME = "Facilitator"
#: The program file inside the bundle (and the command on Linux).
EXECUTABLE = "facilitator"
#: macOS bundle identifier; a reverse-DNS name of our own, no domain is claimed by it.
BUNDLE_ID = "dk.facilitator.app"
DESCRIPTION = "Facilitator: runs a partnership-formation session for the green transition, offline."
COPYRIGHT = "© Facilitator contributors"
#: Languages the app speaks, Danish first. Qt's own translations ship for these only.
LANGUAGES = ("da", "en")

#: The Qt modules the app imports (QtNetwork only for the local single-instance socket).
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtNetwork")
#: Every other PySide6 module: never imported, so never bundled (with their Qt libraries).
QT_MODULES_EXCLUDED = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCanvasPainter",
    "QtCharts",
    "QtConcurrent",
    "QtDBus",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvg",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)
#: Python modules that would otherwise ride along and are never used.
PYTHON_EXCLUDES = (
    "tkinter",
    "_tkinter",
    # Pillow is there only because ReportLab imports it; the PDFs hold no pictures, so
    # its optional codecs (with several MB of libraries) stay out.
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL.ImageQt",  # would pull in a Qt binding of its own
    "PIL.ImageTk",
    # The build environment's setuptools; nothing in the app uses it.
    "setuptools",
    "_distutils_hack",
    "pkg_resources",
    "distutils",
    "pydoc_data",
    "lib2to3",
    "readline",  # only for an interactive prompt; drops libreadline and libtinfo too
)


def excludes() -> list[str]:
    """The `excludes` of the PyInstaller Analysis."""
    return [*(f"PySide6.{name}" for name in QT_MODULES_EXCLUDED), *PYTHON_EXCLUDES]


#: Qt plugins that stay, by folder. Everything else Qt's hooks collect is dropped.
#: The app paints with QPainter on plain widgets (raster), so it needs no OpenGL buffer
#: integration on Wayland; it draws on X11 or Wayland, and offscreen for --self-test.
#: SVG stays (about 0.9 MB) because desktop icon themes, which Qt uses for the standard
#: icons of message boxes and file dialogs, are mostly SVG, and so are Wayland's Adwaita
#: window decorations. PNG is built into QtGui. On Windows and macOS the native plugins.
QT_PLUGINS_KEPT = {
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa", "qdirect2d"),
    # The desktop portal: dark mode, native file dialogs in sandboxes. GTK's theme plugin
    # is left out, as it would load the system's GTK against libraries bundled from the
    # build machine; Qt's built-in GNOME and KDE themes cover colours and fonts.
    "platformthemes": ("qxdgdesktopportal",),
    # Typing æ, ø, å through an input method or a compose key.
    "platforminputcontexts": ("composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"),
    "xcbglintegrations": ("qxcb-egl-integration", "qxcb-glx-integration"),
    "wayland-decoration-client": ("adwaita", "bradient"),
    "wayland-shell-integration": ("xdg-shell",),
    "styles": ("qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"),
    "iconengines": ("qsvgicon",),
    "imageformats": ("qsvg",),
}
#: Qt shared libraries that no kept module or plugin needs (file name stems).
QT_LIBRARIES_DROPPED = (
    "Qt6EglFSDeviceIntegration",
    "Qt6EglFsKmsSupport",
    "Qt6OpenGL",
    "Qt6Pdf",
    "Qt6Qml",
    "Qt6QmlMeta",
    "Qt6QmlModels",
    "Qt6QmlWorkerScript",
    "Qt6Quick",
    "Qt6VirtualKeyboard",
    "Qt6WaylandEglClientHwIntegration",
    "Qt6WlShellIntegration",
    "opengl32sw",  # Windows: Mesa's software OpenGL (about 20 MB); the app draws without OpenGL
)
#: Qt's own translations (qtbase_da.qm ...) that stay, for the languages the app speaks.
QT_TRANSLATIONS_KEPT = ("qt", "qtbase")
#: pyphen's hyphenation dictionaries that stay (with their README, which states the licence).
PYPHEN_KEPT = "hyph_da_DK"


def keep_in_bundle(destination: str) -> bool:
    """Whether a file PyInstaller collected (by its path inside the bundle) stays in it."""
    parts = PurePosixPath(destination.replace("\\", "/")).parts
    name = parts[-1]
    if "PySide6" in parts and "translations" in parts and name.endswith(".qm"):
        catalogue, _, language = name.removesuffix(".qm").rpartition("_")
        return catalogue in QT_TRANSLATIONS_KEPT and language in LANGUAGES
    if "PySide6" in parts and "plugins" in parts:
        folder = parts[parts.index("plugins") + 1]
        return _plugin_stem(name) in QT_PLUGINS_KEPT.get(folder, ())
    if any(f"{library}.framework" in parts for library in _framework_names()):
        return False
    if "pyphen" in parts and "dictionaries" in parts:
        # The PDFs hyphenate in Danish only (export/hyphenation.py); the other 80 languages are 6 MB.
        return name.removesuffix(".dic").removesuffix(".txt").endswith(PYPHEN_KEPT)
    return _library_stem(name) not in QT_LIBRARIES_DROPPED


def _plugin_stem(name: str) -> str:
    # libqxcb.so (Linux), qwindows.dll (Windows), libqcocoa.dylib (macOS)
    return name.split(".")[0].removeprefix("lib")


def _library_stem(name: str) -> str:
    # libQt6Gui.so.6 (Linux), Qt6Gui.dll (Windows)
    return name.split(".")[0].removeprefix("lib")


def _framework_names() -> tuple[str, ...]:
    # macOS: QtQml.framework/...
    return tuple(name.replace("Qt6", "Qt", 1) for name in QT_LIBRARIES_DROPPED)


def keep_collected(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Hook-style (source file, folder in the bundle) entries, less what `keep_in_bundle` drops."""
    return [(source, folder) for source, folder in entries if keep_in_bundle(f"{folder}/{Path(source).name}")]


def qt_hook(hook_file: str) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """What packaging/hooks/hook-PySide6.<module>.py collect: PyInstaller's own answer, filtered.

    QtNetwork's extra OpenSSL files are not collected: the app only uses a local socket.
    """
    from PyInstaller.utils.hooks.qt import add_qt6_dependencies

    hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)
    hiddenimports = [name for name in hiddenimports if name.removeprefix("PySide6.") not in QT_MODULES_EXCLUDED]
    return hiddenimports, keep_collected(binaries), keep_collected(datas)


def resource_datas(root: Path = ROOT) -> Iterator[tuple[str, str]]:
    """(source file, folder in the bundle) for everything facilitator.paths looks up.

    `resources/` and `sessions/` land at the top of the bundle under the same names, which
    is where `resource_path` and `programs_dir` look when the app is frozen. The Qt
    Linguist sources (*.ts) stay behind; the compiled *.qm files travel.
    """
    for folder in ("resources", "sessions"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix != ".ts" and "__pycache__" not in path.parts:
                yield str(path), str(path.parent.relative_to(root).as_posix())


def migration_datas(root: Path = ROOT) -> Iterator[tuple[str, str]]:
    """Alembic reads env.py and the revisions as files next to facilitator.store.database."""
    package = root / "src"
    for path in sorted((package / "facilitator" / "store" / "migrations").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".mako"):
            yield str(path), str(path.parent.relative_to(package).as_posix())


# Version ------------------------------------------------------------------------------


def project_version(pyproject: Path = PYPROJECT) -> str:
    """The version in pyproject.toml: the single source for every platform's metadata."""
    with pyproject.open("rb") as file:
        return tomllib.load(file)["project"]["version"]


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows wants: "0.1.0" -> (0, 1, 0, 0); suffixes like "rc1" are dropped."""
    match = re.match(r"\d+(?:\.\d+)*", version)
    numbers = [int(part) for part in match.group(0).split(".")][:4] if match else []
    a, b, c, d = (*numbers, 0, 0, 0, 0)[:4]
    return a, b, c, d


def short_version(version: str) -> str:
    """The "1.2.3" macOS shows (CFBundleShortVersionString takes three numbers)."""
    return ".".join(str(number) for number in version_numbers(version)[:3])


def info_plist(version: str) -> dict[str, object]:
    """What the macOS bundle says about itself, beyond what PyInstaller writes."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": short_version(version),
        "CFBundleVersion": version,
        "CFBundleDevelopmentRegion": "da",
        "CFBundleLocalizations": list(LANGUAGES),
        "CFBundleAllowMixedLocalizations": True,
        "LSApplicationCategoryType": "public.app-category.productivity",
        "LSMinimumSystemVersion": "11.0",
        "NSHighResolutionCapable": True,
        "NSSupportsAutomaticGraphicsSwitching": True,
        "NSRequiresAquaSystemAppearance": False,
        "NSHumanReadableCopyright": COPYRIGHT,
    }


def windows_version_info(version: str) -> str:
    """The Windows version resource in PyInstaller's version-file syntax (file and product version)."""
    numbers = version_numbers(version)
    strings = {
        "CompanyName": APP_NAME,
        "FileDescription": APP_NAME,
        "FileVersion": version,
        "InternalName": EXECUTABLE,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{EXECUTABLE}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    string_structs = ",\n".join(f"          StringStruct({key!r}, {value!r})" for key, value in strings.items())
    # 0x0406 Danish, 0x0409 English (US); 1200 = Unicode.
    return f"""# Written by packaging/bundle.py from pyproject.toml; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('040604B0', [
{string_structs}
      ]),
      StringTable('040904B0', [
{string_structs}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0406, 1200, 0x0409, 1200])])
  ]
)
"""


#: What uvicorn imports by name for the room's configuration (httptools or else h11,
#: asyncio, no lifespan): PyInstaller cannot see these imports, so the spec names them.
ROOM_SERVER_MODULES = (
    "uvicorn.protocols.http.httptools_impl",
    "uvicorn.protocols.http.h11_impl",
    "uvicorn.loops.asyncio",
    "uvicorn.lifespan.off",
)
