"""The installers' inputs: version, bundle contents, icons and the Linux menu entry.

Nothing here builds a bundle (packaging/build-linux.sh does, and runs --self-test on it);
these tests check what the build reads, so a broken spec or icon fails in seconds.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import plistlib
import re
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

import facilitator
from facilitator import paths as app_paths

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _load(name: str) -> ModuleType:
    # By file path: `packaging` is also the name of PyPA's package.
    spec = importlib.util.spec_from_file_location(f"facilitator_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle = _load("bundle")
make_icons = _load("make_icons")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (length, kind) == (13, b"IHDR")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# Version ------------------------------------------------------------------------------


def test_the_version_comes_from_pyproject():
    version = _pyproject()["project"]["version"]
    assert bundle.project_version() == version
    # The installed package reports the same (the frozen app bundles this metadata).
    assert facilitator.__version__ == version


@pytest.mark.parametrize(
    ("version", "numbers", "short"),
    [
        ("0.1.0", (0, 1, 0, 0), "0.1.0"),
        ("1.2", (1, 2, 0, 0), "1.2.0"),
        ("2.0.1rc1", (2, 0, 1, 0), "2.0.1"),
        ("3.4.5.6", (3, 4, 5, 6), "3.4.5"),
        ("1.0.0.dev2+local", (1, 0, 0, 0), "1.0.0"),
    ],
)
def test_version_numbers_for_windows_and_macos(version, numbers, short):
    assert bundle.version_numbers(version) == numbers
    assert bundle.short_version(version) == short


def test_macos_info_plist():
    version = bundle.project_version()
    info = bundle.info_plist(version)
    assert info["CFBundleShortVersionString"] == bundle.short_version(version)
    assert info["CFBundleVersion"] == version
    assert info["CFBundleIdentifier"] == "dk.facilitator.app"
    assert info["CFBundleDevelopmentRegion"] == "da"
    assert info["CFBundleLocalizations"] == ["da", "en"]
    assert info["NSHighResolutionCapable"] is True
    # A valid property list.
    assert plistlib.loads(plistlib.dumps(info)) == info


def test_windows_version_resource():
    version = bundle.project_version()
    text = bundle.windows_version_info(version)
    calls: list[tuple[str, tuple, dict]] = []

    def recorder(name):
        def record(*args, **kwargs):
            calls.append((name, args, kwargs))
            return (name, args, kwargs)

        return record

    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )
    # PyInstaller evaluates the file the same way, with its own classes.
    eval(compile(text, "version_info.txt", "eval"), {name: recorder(name) for name in names})
    fixed = next(kwargs for name, _, kwargs in calls if name == "FixedFileInfo")
    assert fixed["filevers"] == fixed["prodvers"] == bundle.version_numbers(version)
    strings = {args[0]: args[1] for name, args, _ in calls if name == "StringStruct"}
    assert strings["FileVersion"] == strings["ProductVersion"] == version
    assert strings["ProductName"] == "Facilitator"
    assert strings["OriginalFilename"] == "facilitator.exe"


def test_the_spec_takes_everything_from_bundle_py():
    spec = (PACKAGING / "facilitator.spec").read_text(encoding="utf-8")
    compile(spec, "facilitator.spec", "exec")
    for needed in (
        "bundle.project_version()",
        "bundle.windows_version_info(VERSION)",
        "bundle.info_plist(VERSION)",
        "bundle.excludes()",
        "bundle.resource_datas(ROOT)",
        "bundle.migration_datas(ROOT)",
        "bundle.keep_in_bundle",
        'copy_metadata("facilitator")',
        'hookspath=[str(HERE / "hooks")]',
        "bundle_identifier=bundle.BUNDLE_ID",
        "exclude_binaries=True",  # one folder, not one file
    ):
        assert needed in spec, needed


def test_pyinstaller_is_a_packaging_dependency_with_a_lower_bound_only():
    group = _pyproject()["dependency-groups"]["packaging"]
    pins = [entry for entry in group if entry.startswith("pyinstaller")]
    assert pins
    assert all(re.fullmatch(r"pyinstaller>=[\d.]+", entry) for entry in pins), pins


# What goes into the bundle ----------------------------------------------------------------


def test_the_app_imports_only_the_qt_modules_the_bundle_keeps():
    used = set()
    for path in Path(facilitator.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
                used.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                used |= {alias.name.split(".")[1] for alias in node.names if alias.name.startswith("PySide6.")}
    assert used <= set(bundle.QT_MODULES_USED)


def test_every_other_qt_module_is_excluded():
    import PySide6

    installed = {path.name.split(".")[0] for path in Path(PySide6.__file__).parent.glob("Qt*.pyi")}
    excluded = set(bundle.QT_MODULES_EXCLUDED)
    assert installed - set(bundle.QT_MODULES_USED) <= excluded
    assert not excluded & set(bundle.QT_MODULES_USED)
    for name in ("QtQml", "QtQuick", "Qt3DCore", "QtPdf", "QtMultimedia", "QtWebEngineCore", "QtSvg", "QtDesigner"):
        assert f"PySide6.{name}" in bundle.excludes()


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt/translations/qtbase_da.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_help_da.qm", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6\\Qt6Qml.dll", False),
        ("PySide6\\opengl32sw.dll", False),
        ("PySide6\\Qt6Widgets.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", False),
        ("PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui", True),
        ("resources/icons/facilitator-256.png", True),
        ("resources/translations/facilitator_da.qm", True),
        ("pyphen/dictionaries/hyph_da_DK.dic", True),
        ("pyphen/dictionaries/README_hyph_da_DK.txt", True),
        ("pyphen/dictionaries/hyph_de_DE.dic", False),
        ("pyphen\\dictionaries\\hyph_en_US.dic", False),
        ("resources/translations/qtbase_extra_da.qm", True),
    ],
)
def test_bundle_filter(destination, kept):
    assert bundle.keep_in_bundle(destination) is kept


def test_our_qt_hooks_replace_pyinstallers_for_the_modules_the_app_uses():
    hooks = {path.name for path in (PACKAGING / "hooks").glob("hook-*.py")}
    assert hooks == {f"hook-PySide6.{name}.py" for name in bundle.QT_MODULES_USED}
    for name in hooks:
        assert "qt_hook(__file__)" in (PACKAGING / "hooks" / name).read_text(encoding="utf-8")


def test_resources_land_where_the_one_lookup_finds_them(tmp_path, monkeypatch):
    """Lay the bundle's data out as PyInstaller would, and look it up as the frozen app does."""
    datas = list(bundle.resource_datas())
    assert not [source for source, _ in datas if source.endswith(".ts")]
    for source, folder in datas:
        target = tmp_path / folder / Path(source).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    for parts in (
        ("fonts", "NotoSans-Regular.ttf"),
        ("fonts", "NotoSans-Bold.ttf"),
        ("fonts", "NotoEmoji-Regular.ttf"),
        ("translations", "facilitator_en.qm"),
        ("translations", "facilitator_da.qm"),
        # What Qt's own Danish catalogue lacks for its file dialogs (see ui.appearance).
        ("translations", "qtbase_extra_da.qm"),
        ("icons", "facilitator-256.png"),
        ("styles", "app.qss"),
        ("guidance", "method.toml"),
    ):
        found = app_paths.resource_path(*parts)
        assert found.is_file(), parts
        assert found.is_relative_to(tmp_path)
    assert app_paths.default_program_path().is_file()
    assert app_paths.default_program_path().is_relative_to(tmp_path)


def test_alembic_migrations_travel_as_files():
    datas = {(Path(source).name, folder) for source, folder in bundle.migration_datas()}
    assert ("env.py", "facilitator/store/migrations") in datas
    revisions = sorted((ROOT / "src/facilitator/store/migrations/versions").glob("*.py"))
    assert revisions
    for revision in revisions:
        assert (revision.name, "facilitator/store/migrations/versions") in datas


# Icons --------------------------------------------------------------------------------------


def test_every_icon_size_is_a_png_of_that_size():
    assert make_icons.SIZES == (16, 24, 32, 48, 64, 128, 256, 512, 1024)
    for size in make_icons.SIZES:
        data = (ROOT / "resources" / "icons" / make_icons.png_name(size)).read_bytes()
        assert _png_size(data) == (size, size)
        bit_depth, colour_type = data[24], data[25]
        assert (bit_depth, colour_type) == (8, 6), "8-bit RGBA, so the rounded corners are transparent"
    assert (ROOT / "resources" / "icons" / "facilitator.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def _ico_entries(data: bytes) -> dict[int, bytes]:
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    entries = {}
    for index in range(count):
        width, height, colours, _, planes, bits, size, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert width == height
        assert (colours, planes, bits) == (0, 1, 32)
        assert offset + size <= len(data)
        entries[width or 256] = data[offset : offset + size]
    return entries


def _icns_entries(data: bytes) -> dict[str, bytes]:
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    entries, offset = {}, 8
    while offset < len(data):
        kind, length = struct.unpack(">4sI", data[offset : offset + 8])
        entries[kind.decode("ascii")] = data[offset + 8 : offset + length]
        offset += length
    assert offset == len(data)
    return entries


def test_the_windows_icon_holds_every_size_as_png():
    entries = _ico_entries((PACKAGING / "icons" / "facilitator.ico").read_bytes())
    assert sorted(entries) == [16, 24, 32, 48, 64, 128, 256]
    for size, png in entries.items():
        assert _png_size(png) == (size, size)


def test_the_macos_icon_holds_every_size_as_png():
    entries = _icns_entries((PACKAGING / "icons" / "facilitator.icns").read_bytes())
    assert set(entries) == set(make_icons.ICNS_TYPES)
    assert {"ic07", "ic08", "ic09", "ic10"} <= set(entries)
    for kind, png in entries.items():
        size = make_icons.ICNS_TYPES[kind]
        assert _png_size(png) == (size, size), kind


def test_the_container_writers_round_trip():
    def fake_png(size: int) -> bytes:
        return PNG_SIGNATURE + struct.pack(">I4sII", 13, b"IHDR", size, size) + b"\x08\x06\x00\x00\x00rest"

    ico = make_icons.ico_bytes({size: fake_png(size) for size in (16, 256)})
    assert {size: _png_size(png) for size, png in _ico_entries(ico).items()} == {16: (16, 16), 256: (256, 256)}
    icns = make_icons.icns_bytes([("ic07", fake_png(128)), ("ic10", fake_png(1024))])
    assert {kind: _png_size(png) for kind, png in _icns_entries(icns).items()} == {
        "ic07": (128, 128),
        "ic10": (1024, 1024),
    }


# Linux ----------------------------------------------------------------------------------------


def test_the_linux_desktop_file():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / "linux" / "facilitator.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Facilitator"
    for key in ("GenericName", "GenericName[da]", "Comment", "Comment[da]"):
        assert entry[key].strip(), key
    assert "omstilling" in entry["Comment[da]"]
    assert entry["Exec"] == "facilitator"
    assert entry["Icon"] == "facilitator"
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    assert entry["Categories"].endswith(";")
    # Qt on X11 uses the application name as the window class.
    assert entry["StartupWMClass"] == app_paths.APP_NAME


def test_the_build_scripts_are_valid_shell_and_run_the_self_test():
    for script in (PACKAGING / "build-linux.sh", PACKAGING / "build-macos.sh", PACKAGING / "linux" / "install.sh"):
        subprocess.run(["bash", "-n", str(script)], check=True)
    for script in ("build-linux.sh", "build-macos.sh", "build-windows.ps1"):
        text = (PACKAGING / script).read_text(encoding="utf-8")
        assert "packaging/facilitator.spec" in text.replace("\\", "/"), script
        assert "--self-test" in text, script
        assert "--group packaging" in text, script


def test_the_room_travels_in_the_bundle():
    """The room's page is read as files and uvicorn's parts are imported by name: the spec must name both."""
    spec = (PACKAGING / "facilitator.spec").read_text(encoding="utf-8")
    assert '"facilitator" / "room" / "static"' in spec
    assert "bundle.ROOM_SERVER_MODULES" in spec
    for name in bundle.ROOM_SERVER_MODULES:
        importlib.import_module(name)
    static = PACKAGING.parent / "src" / "facilitator" / "room" / "static"
    assert sorted(path.name for path in static.iterdir()) == ["index.html", "room.css", "room.js"]
