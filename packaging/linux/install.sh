#!/usr/bin/env bash
# Install (or with --uninstall remove) Facilitator for the current user, from the
# unpacked bundle this script lies in:
#
#     ./install.sh              # into ~/.local
#     PREFIX=/usr/local sudo -E ./install.sh
#
# Copies the bundle to $PREFIX/lib/facilitator, links $PREFIX/bin/facilitator, and adds
# the menu entry and icons. Your sessions are never touched: they live in the user data
# folder (see "facilitator --help"), not here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
target="$prefix/lib/facilitator"
sizes=(16 24 32 48 64 128 256 512)

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$target"
  rm -f "$prefix/bin/facilitator" "$prefix/share/applications/facilitator.desktop"
  for size in "${sizes[@]}"; do
    rm -f "$prefix/share/icons/hicolor/${size}x${size}/apps/facilitator.png"
  done
  echo "Facilitator removed from $prefix (your data is kept)."
  exit 0
fi

if [ "$here" != "$target" ]; then
  rm -rf "$target"
  mkdir -p "$target"
  cp -a "$here/." "$target/"
fi
mkdir -p "$prefix/bin" "$prefix/share/applications"
ln -sf "$target/facilitator" "$prefix/bin/facilitator"
for size in "${sizes[@]}"; do
  install -D -m 644 "$target/_internal/resources/icons/facilitator-${size}.png" \
    "$prefix/share/icons/hicolor/${size}x${size}/apps/facilitator.png"
done
sed "s|^Exec=.*|Exec=\"$target/facilitator\"|" "$here/facilitator.desktop" > "$prefix/share/applications/facilitator.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
echo "Facilitator installed in $target; start it from the menu or with: facilitator"
