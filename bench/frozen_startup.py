"""The start-up benchmark on the frozen app: a PyInstaller bundle against a frozen bare window.

Both bench scripts (bare_window.py, app_window.py) are frozen with the app's own spec, so the
app side is bundled exactly as the installer bundles it (same hooks, excludes and data); the
bare window gets the same Qt. Then both start as in bench/startup.py and the medians compare.
Run packaging/build-linux.sh once first: it makes build/venv with PyInstaller.

    uv run python bench/frozen_startup.py [--runs 15] [--step delsession-1-analyse]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

# Python puts this script's folder first on sys.path, so the shared helpers import as `startup`.
from startup import bench_environment, make_demo_data, measure, report

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = ROOT / "build" / "bench-frozen"


def _spec_for(script: Path, name: str) -> Path:
    """The app's spec, pointed at `script` and named `name`."""
    spec = (ROOT / "packaging" / "facilitator.spec").read_text(encoding="utf-8")
    replacements = [
        ("HERE = Path(SPECPATH)", f"HERE = Path({str(ROOT / 'packaging')!r})"),
        ('[str(HERE / "launcher.py")]', f"[{str(script)!r}]"),
        ("name=bundle.EXECUTABLE,", f"name={name!r},"),
        ("name=bundle.APP_NAME,", f"name={name!r},"),
    ]
    for old, new in replacements:
        if old not in spec:
            raise SystemExit(f"packaging/facilitator.spec changed: {old!r} not found; update {Path(__file__).name}")
        spec = spec.replace(old, new)
    path = WORK / f"{name}.spec"
    path.write_text(spec, encoding="utf-8")
    return path


def _freeze(script: Path, name: str, pyinstaller: Path) -> Path:
    spec = _spec_for(script, name)
    subprocess.run(
        [str(pyinstaller), "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(WORK / "dist"), "--workpath", str(WORK / "work" / name), str(spec)],
        check=True,
    )  # fmt: skip
    return WORK / "dist" / name / name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--step", default="delsession-1-analyse", help="the step the session is reopened at")
    args = parser.parse_args()

    pyinstaller = ROOT / "build" / "venv" / "bin" / "pyinstaller"
    if not pyinstaller.exists():
        raise SystemExit("Run bash packaging/build-linux.sh first (it makes build/venv with PyInstaller).")
    WORK.mkdir(parents=True, exist_ok=True)
    bare = _freeze(HERE / "bare_window.py", "bare_window", pyinstaller)
    app = _freeze(HERE / "app_window.py", "app_window", pyinstaller)

    env = bench_environment()
    with tempfile.TemporaryDirectory() as data_dir:
        make_demo_data(data_dir, args.step, [sys.executable, "-m", "facilitator"], env)
        median = measure(
            {"bare": [str(bare)], "paint": [str(app), data_dir, "paint"], "ready": [str(app), data_dir, "ready"]},
            env,
            args.runs,
        )
    version = subprocess.run([str(pyinstaller), "--version"], capture_output=True, text=True, check=True).stdout
    setting = (
        f"frozen with PyInstaller {version.strip()}, QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}, "
        f"runs: {args.runs}, reopened at: {args.step}"
    )
    return report(median, setting, kind="frozen ")


if __name__ == "__main__":
    sys.exit(main())
