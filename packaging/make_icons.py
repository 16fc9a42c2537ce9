"""Render the app icon from its SVG source into every size the platforms need.

    uv run python packaging/make_icons.py

Reads ``resources/icons/facilitator.svg`` and writes

* ``resources/icons/facilitator-<size>.png`` for every size in `SIZES` (the window icon,
  the Linux hicolor theme, the Windows and macOS containers below),
* ``packaging/icons/facilitator.ico`` (Windows: PNG-compressed entries, 16-256 px),
* ``packaging/icons/facilitator.icns`` (macOS: PNG entries, 16-1024 px incl. @2x).

Qt's SVG renderer does the drawing (QtSvg is used here only, never by the app); the ICO and
ICNS containers are written by hand, so no imaging library is needed. The output is
checked in: run this again only after changing the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "facilitator.svg"
PNG_DIR = ROOT / "resources" / "icons"
ICO_PATH = ROOT / "packaging" / "icons" / "facilitator.ico"
ICNS_PATH = ROOT / "packaging" / "icons" / "facilitator.icns"

SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
#: Windows shows 16-48 in lists and the taskbar, 256 in large views.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS element types holding PNG data, and the pixel size each must have.
ICNS_TYPES = {
    "icp4": 16,
    "icp5": 32,
    "icp6": 64,
    "ic07": 128,
    "ic08": 256,
    "ic09": 512,
    "ic10": 1024,  # 512@2x
    "ic11": 32,  # 16@2x
    "ic12": 64,  # 32@2x
    "ic13": 256,  # 128@2x
    "ic14": 512,  # 256@2x
}


def png_name(size: int) -> str:
    return f"facilitator-{size}.png"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn antialiased into a transparent `size` x `size` PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """An ICO file whose entries are the given PNGs (allowed since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = [], []
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the directory
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset))
        images.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(images)


def icns_bytes(elements: Iterable[tuple[str, bytes]]) -> bytes:
    """An ICNS file of (four-character type, PNG data) elements."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data for kind, data in elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pngs = {size: render_png(SOURCE, size) for size in SIZES}
    for size, data in pngs.items():
        (PNG_DIR / png_name(size)).write_bytes(data)
    ICO_PATH.parent.mkdir(parents=True, exist_ok=True)
    ICO_PATH.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    ICNS_PATH.write_bytes(icns_bytes((kind, pngs[size]) for kind, size in ICNS_TYPES.items()))
    for path in [*(PNG_DIR / png_name(size) for size in SIZES), ICO_PATH, ICNS_PATH]:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
