"""The room's address as a QR code: the modules as rows of booleans, for the projector to paint.

`segno` encodes (pure Python, no image library); the window draws the matrix with
QPainter at whatever size the projector has, so no picture file is made.
"""

from __future__ import annotations

#: The quiet zone around the code, in modules, as the QR standard asks.
QUIET_ZONE = 4


def qr_matrix(text: str, *, border: int = QUIET_ZONE) -> list[list[bool]]:
    """The QR code of `text` (error correction M at least, so a smudged projector still scans): True is dark.

    segno raises the correction further where the same size of code holds it.
    """
    # Imported when a code is made, not with the window's projector, which opens at every
    # board of the day, the room or not.
    import segno

    code = segno.make(text, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=border)]
