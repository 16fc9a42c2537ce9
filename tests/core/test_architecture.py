"""The shape of the house: layers, no Qt in the core, no cycles, no module too big to read."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import facilitator

PACKAGE = Path(facilitator.__file__).parent


def _core_modules() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if "ui" not in path.relative_to(PACKAGE).parts]


def test_no_core_module_imports_qt():
    offenders = []
    for path in _core_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.relative_to(PACKAGE)}: {name}"
                for name in names
                if name.split(".")[0] in ("PySide6", "shiboken6")
            ]
    assert offenders == []


def test_core_imports_and_runs_with_qt_unavailable():
    """Transitive imports count too: block PySide6 and import every core module."""
    modules = sorted(
        "facilitator." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        for path in _core_modules()
        if "migrations" not in path.parts
    )
    script = (
        "import sys, importlib\n"
        "sys.modules['PySide6'] = None\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__main__') if name.endswith('__main__') else name)\n"
        "from facilitator.__main__ import main\n"
        "raise SystemExit(main(['schedule', '--json']))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_the_layers_hold_and_nothing_imports_in_a_circle():
    """The import-linter contracts in pyproject.toml (`uv run lint-imports` shows the same)."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=PACKAGE.parents[1],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


#: A module a newcomer can read whole; past this, split it along a seam.
MAX_MODULE_LINES = 700


def test_no_module_is_too_long_to_read():
    lengths = {
        str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert {name: lines for name, lines in lengths.items() if lines > MAX_MODULE_LINES} == {}
