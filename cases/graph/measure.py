"""How wide a line of text is drawn, estimated without a font file, and cutting one to fit.

The widths are those of a common sans-serif (DejaVu Sans, Arial, Roboto differ by a few per
cent) in ems, by kind of character, rounded up so that a line cut to fit does fit.
"""

from __future__ import annotations

import functools

ELLIPSIS = "…"
_NARROW = set("iljI.,:;'!|()[]{} `")
_SEMI = set('frt-/\\"*')
_WIDE = set("mwMW@%")


def _em(char: str) -> float:
    if char in _NARROW:
        return 0.3
    if char in _SEMI:
        return 0.42
    if char in _WIDE:
        return 0.9
    if char.isupper():
        return 0.7
    return 0.58


@functools.lru_cache(maxsize=4096)
def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Return the estimated width in px of ``text`` at font size ``size``."""
    width = sum(_em(char) for char in text) * size
    return width * 1.07 if bold else width


def fit(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """Return ``text``, cut with an ellipsis if it is wider than ``width`` px."""
    if text_width(text, size, bold=bold) <= width:
        return text
    room = width - text_width(ELLIPSIS, size, bold=bold)
    used, cut = 0.0, 0
    scale = size * (1.07 if bold else 1.0)
    for cut, char in enumerate(text):  # noqa: B007 - cut is read after the loop
        used += _em(char) * scale
        if used > room:
            break
    return text[:cut].rstrip() + ELLIPSIS
