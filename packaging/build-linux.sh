#!/usr/bin/env bash
# Build the self-contained Linux app and prove that it runs:
#
#     bash packaging/build-linux.sh
#
# Result: dist/Facilitator/ (run dist/Facilitator/facilitator; install with
# dist/Facilitator/install.sh) and dist/Facilitator-<version>-linux-<arch>.tar.gz.
# The build has an environment of its own in build/venv (the app's dependencies and
# PyInstaller, no dev tools), so the developer's .venv is left alone. Set UV_PYTHON to
# build with another Python than 3.11.
set -euo pipefail
cd "$(dirname "$0")/.."

# PyInstaller needs objdump (binutils); Qt needs these shared libraries to start, and
# PyInstaller copies them into the bundle from this machine.
debian_packages=(
  binutils
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  libdbus-1-3 libglib2.0-0 fonts-dejavu-core
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for package in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing ${missing[*]}"
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 -qq update
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 -qq install -y \
      --no-install-recommends "${missing[@]}"
  fi
elif ! command -v objdump >/dev/null 2>&1; then
  echo "build-linux.sh: install binutils (objdump) and Qt's runtime libraries first" >&2
  exit 1
fi

export PATH="$HOME/.local/bin:$HOME/.cargo/bin:$PATH"
if ! command -v uv >/dev/null 2>&1; then
  python3 -m pip install --quiet --user uv 2>/dev/null || python3 -m pip install --quiet uv
fi

export UV_PROJECT_ENVIRONMENT="$PWD/build/venv"
# Same input, same bundle: no random hash seed, file times from the last commit.
export PYTHONHASHSEED=0
SOURCE_DATE_EPOCH="$(git log -1 --format=%ct 2>/dev/null || date +%s)"
export SOURCE_DATE_EPOCH
uv sync --quiet --python "${UV_PYTHON:-3.11}" --no-dev --group packaging

if [ -f packaging/translations.py ]; then
  uv run --no-sync python packaging/translations.py release
fi

version="$(uv run --no-sync python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
rm -rf build/pyinstaller dist/Facilitator
uv run --no-sync pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/facilitator.spec
cp packaging/linux/facilitator.desktop packaging/linux/install.sh dist/Facilitator/

echo "Self-test of the frozen app:"
start=$(date +%s%N)
QT_QPA_PLATFORM=offscreen dist/Facilitator/facilitator --self-test
end=$(date +%s%N)

archive="dist/Facilitator-${version}-linux-$(uname -m).tar.gz"
tar --sort=name --mtime="@${SOURCE_DATE_EPOCH}" --owner=0 --group=0 --numeric-owner \
  -C dist -cf - Facilitator | gzip -n -6 > "$archive"

echo
echo "Facilitator ${version}: dist/Facilitator/ ($(du -sh dist/Facilitator | cut -f1)), ${archive} ($(du -h "$archive" | cut -f1))"
echo "Frozen self-test took $(((end - start) / 1000000)) ms"
