#!/usr/bin/env bash
# Build the macOS app and prove that it runs (not run by this project's CI, which is Linux):
#
#     bash packaging/build-macos.sh
#
# Needs uv and the Xcode command line tools. Result: dist/Facilitator.app and
# dist/Facilitator-<version>-macos-<arch>.zip, for the architecture of this Mac (build on
# Apple silicon for arm64, on Intel for x86_64). Unsigned apart from PyInstaller's ad-hoc
# signature: see "Signing" in packaging/README.md before handing it to others.
set -euo pipefail
cd "$(dirname "$0")/.."

export UV_PROJECT_ENVIRONMENT="$PWD/build/venv"
export PYTHONHASHSEED=0
uv sync --quiet --python "${UV_PYTHON:-3.11}" --no-dev --group packaging

if [ -f packaging/translations.py ]; then
  uv run --no-sync python packaging/translations.py release
fi

version="$(uv run --no-sync python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
rm -rf build/pyinstaller dist/Facilitator dist/Facilitator.app
uv run --no-sync pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/facilitator.spec

echo "Self-test of the frozen app:"
QT_QPA_PLATFORM=offscreen dist/Facilitator.app/Contents/MacOS/facilitator --self-test

archive="dist/Facilitator-${version}-macos-$(uname -m).zip"
ditto -c -k --sequesterRsrc --keepParent dist/Facilitator.app "$archive"
echo
echo "Facilitator ${version}: dist/Facilitator.app ($(du -sh dist/Facilitator.app | cut -f1)), ${archive} ($(du -h "$archive" | cut -f1))"
