#!/usr/bin/env python3
"""Gives the bundled Atkinson Hyperlegible fonts a plain zero (an oval with no slash).

Atkinson Hyperlegible slashes its zero to tell it from the letter O. On the kiosk, numbers
stand in numeric contexts ("1 in 10,000", phone numbers, "Page 1 of 3") where that confusion
does not arise, and patients who read little took the slashed zero for a strange letter in
the most important number on the risk page. So the zero's two inner pieces (the counter cut
in two by the slash) are replaced by one oval counter over the same area; the outer shape,
its width and every other glyph stay as they are. The font's licence (SIL OFL 1.1, no
Reserved Font Name) allows modified versions; the version string says what was changed.

Run once per font after updating it: scripts/plain-zero.py assets/fonts/*.ttf
Needs fontTools (Debian: python3-fonttools).
"""
import math
import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import GlyphCoordinates

MARK = "plain zero for patient-kiosk"


def signed_area(points):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1])) / 2


def oval(cx, cy, rx, ry, clockwise, count=16):
    """An ellipse as TrueType quadratic points: on-curve points with an off-curve control
    between each two, placed so the curve passes through the on-curve points."""
    points, flags = [], []
    step = 2 * math.pi / count
    for i in range(count):
        angle = (-i if clockwise else i) * step
        points.append((cx + rx * math.cos(angle), cy + ry * math.sin(angle)))
        flags.append(1)
        middle = angle + (-step if clockwise else step) / 2
        # The control point lies outside the arc by 1/cos(step/2).
        stretch = 1 / math.cos(step / 2)
        points.append((cx + rx * stretch * math.cos(middle), cy + ry * stretch * math.sin(middle)))
        flags.append(0)
    return [(round(x), round(y)) for x, y in points], flags


def plain_zero(path):
    font = TTFont(path)
    glyf = font["glyf"]
    zero = glyf["zero"]
    if zero.numberOfContours != 3:
        print(f"{path}: the zero has {zero.numberOfContours} contours, not 3; left as it is")
        return
    coords = list(zero.coordinates)
    ends = list(zero.endPtsOfContours)
    flags = list(zero.flags)
    outer = coords[: ends[0] + 1]
    inner = coords[ends[0] + 1 :]
    xs = [x for x, _ in inner]
    ys = [y for _, y in inner]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    rx, ry = (max(xs) - min(xs)) / 2, (max(ys) - min(ys)) / 2
    # The counter winds the other way from the outline.
    clockwise = signed_area(outer) > 0
    points, oval_flags = oval(cx, cy, rx, ry, clockwise)
    zero.coordinates = GlyphCoordinates(outer + points)
    zero.flags = bytearray(flags[: ends[0] + 1] + oval_flags)
    zero.endPtsOfContours = [ends[0], ends[0] + len(points)]
    zero.numberOfContours = 2
    # The old hints were for the slashed shape.
    if hasattr(zero, "program"):
        from fontTools.ttLib.tables import ttProgram

        zero.program = ttProgram.Program()
        zero.program.fromBytecode(b"")
    zero.recalcBounds(glyf)
    for record in font["name"].names:
        if record.nameID == 5:
            version = record.toUnicode()
            if MARK not in version:
                record.string = f"{version}; {MARK}"
    font.save(path)
    print(f"{path}: the zero is plain")


if __name__ == "__main__":
    for path in sys.argv[1:]:
        plain_zero(path)
