"""Only facilitator.ui may use Qt: the core stays testable without a window."""

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
