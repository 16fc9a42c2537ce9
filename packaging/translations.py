"""Keep the Qt Linguist translations in step with the code.

    uv run python packaging/translations.py update    # lupdate: new strings into the .ts files
    uv run python packaging/translations.py release   # lrelease: compile the .qm files the app loads

Danish is the source language, so facilitator_da.ts holds only the plural forms
("%n partner" / "%n partnere"); facilitator_en.ts holds every string. qtbase_extra_da.ts,
written by hand, gives Qt's own dialogs the Danish that Qt's catalogue lacks. Both .ts and .qm
are committed, so the app runs in English from a fresh checkout without a build step;
tests/ui/test_translations.py fails when either is out of date.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "facilitator" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("da", "en")
#: Hand-written additions to Qt's own catalogues, for strings of Qt's dialogs that Qt's
#: translation lacks (qtbase_extra_da.ts); compiled with the rest, never extracted.
QT_EXTRA = "qtbase_extra"


def tool(name: str) -> str:
    """A Qt Linguist tool from the PySide6 wheel (next to this Python, else on PATH)."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; run this with `uv run` so PySide6's tools are installed")
    return found


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"facilitator_{language}.ts"


def qm_file(language: str) -> Path:
    return TRANSLATIONS / f"facilitator_{language}.qm"


def source_files() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))


def update() -> None:
    """Extract the UI strings into each .ts file, keeping the translations already made."""
    for language in LANGUAGES:
        # No line numbers: they would change the .ts file on every unrelated edit.
        options = ["-locations", "none", "-no-obsolete", "-target-language", language, "-source-language", "da"]
        if language == "da":
            options.append("-pluralonly")
        subprocess.run(
            [tool("pyside6-lupdate"), *options, *source_files(), "-ts", str(ts_file(language))], cwd=ROOT, check=True
        )


def extra_files() -> list[Path]:
    """The hand-written additions to Qt's own translations, one per language that needs one."""
    return sorted(TRANSLATIONS.glob(f"{QT_EXTRA}_*.ts"))


def release(target: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .ts into the .qm the app loads; returns the files written."""
    written = []
    sources = [ts_file(language) for language in LANGUAGES] + extra_files()
    for source in sources:
        qm = target / source.with_suffix(".qm").name
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(qm)], cwd=ROOT, check=True)
        written.append(qm)
    return written


def main(argv: list[str]) -> int:
    commands = {"update": update, "release": release}
    if len(argv) != 1 or argv[0] not in commands:
        print(__doc__)
        return 2
    commands[argv[0]]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
