"""Covers for the demo courses, drawn with Pillow: a gradient in the topic's colours, a soft
glow, a few quiet rings and one large glyph. No text, so no font has to be installed."""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

from lectern.demo.content import Glyph

WIDTH, HEIGHT = 1280, 720
# Shapes are drawn at twice the size and scaled down: smooth edges without antialiasing.
SCALE = 2

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]
Point = tuple[float, float]


@dataclass(frozen=True)
class Palette:
    start: RGB  # the gradient, from the top left...
    end: RGB  # ...to the bottom right
    glow: RGB  # the soft light behind the glyph
    ink: RGB  # the glyph
    accent: RGB  # the glyph's details and the rings


PALETTES: dict[str, Palette] = {
    # Development: indigo night to electric blue, cyan details.
    "development": Palette(
        start=(23, 22, 64),
        end=(30, 64, 175),
        glow=(96, 165, 250),
        ink=(239, 246, 255),
        accent=(103, 232, 249),
    ),
    # Creative: aubergine to rose, warm orange light.
    "creative": Palette(
        start=(46, 16, 101),
        end=(190, 24, 93),
        glow=(251, 146, 60),
        ink=(255, 247, 237),
        accent=(253, 186, 116),
    ),
    # Business: slate to emerald, brass details.
    "business": Palette(
        start=(17, 28, 46),
        end=(4, 120, 87),
        glow=(110, 231, 183),
        ink=(240, 253, 244),
        accent=(252, 211, 77),
    ),
}


def _with_alpha(colour: RGB, alpha: int) -> RGBA:
    return (*colour, alpha)


def _background(palette: Palette, variant: int, glyph_centre: Point) -> Image.Image:
    """A diagonal blend from `start` to `end` (the variant tilts it) with two soft discs of
    light, one behind the glyph. All of it is smooth, so it is made at an eighth of the size
    and scaled up: blurring at full size would be slow."""
    small = (WIDTH // 8, HEIGHT // 8)
    ramp = Image.linear_gradient("L")  # 256 x 256, black at the top
    down = ramp.resize(small)
    across = ramp.transpose(Image.Transpose.ROTATE_90).resize(small)
    across = across.transpose(Image.Transpose.FLIP_LEFT_RIGHT)  # black on the left
    mask = Image.blend(across, down, 0.25 + 0.15 * (variant % 3))
    image = Image.composite(
        Image.new("RGB", small, palette.end), Image.new("RGB", small, palette.start), mask
    ).convert("RGBA")
    lights = ((glyph_centre, 330, 120), ((120 + 90 * (variant % 3), 640), 260, 60))
    for (x, y), radius, alpha in lights:
        glow = Image.new("RGBA", small, _with_alpha(palette.glow, 0))
        x, y, r = x / 8, y / 8, radius / 8
        ImageDraw.Draw(glow).ellipse((x - r, y - r, x + r, y + r), _with_alpha(palette.glow, alpha))
        image.alpha_composite(glow.filter(ImageFilter.GaussianBlur(r * 0.6)))
    return image.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)


# --- glyphs: each draws into a box of `size` around (cx, cy), on the doubled canvas ---------

GlyphDrawer = Callable[[ImageDraw.ImageDraw, float, float, float, Palette], None]


def _stroke(draw: ImageDraw.ImageDraw, points: list[Point], colour: RGBA, width: float) -> None:
    """A polyline with round ends and joints."""
    w = max(1, round(width))
    draw.line(points, fill=colour, width=w, joint="curve")
    r = width / 2
    for x, y in (points[0], points[-1]):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)


def _ring(
    draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, colour: RGBA, width: float
) -> None:
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=colour, width=max(1, round(width)))


def _code(d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, p: Palette) -> None:
    ink, accent, w = _with_alpha(p.ink, 255), _with_alpha(p.accent, 255), s * 0.07
    _stroke(
        d,
        [(cx - 0.18 * s, cy - 0.26 * s), (cx - 0.46 * s, cy), (cx - 0.18 * s, cy + 0.26 * s)],
        ink,
        w,
    )
    _stroke(
        d,
        [(cx + 0.18 * s, cy - 0.26 * s), (cx + 0.46 * s, cy), (cx + 0.18 * s, cy + 0.26 * s)],
        ink,
        w,
    )
    _stroke(d, [(cx + 0.08 * s, cy - 0.34 * s), (cx - 0.08 * s, cy + 0.34 * s)], accent, w)


def _form(d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, p: Palette) -> None:
    ink, accent = _with_alpha(p.ink, 255), _with_alpha(p.accent, 255)
    left, right, w = cx - 0.42 * s, cx + 0.42 * s, round(s * 0.025)
    for i in range(2):
        top = cy - 0.42 * s + i * 0.34 * s
        d.rounded_rectangle((left, top, left + 0.3 * s, top + 0.05 * s), 0.025 * s, fill=accent)
        d.rounded_rectangle(
            (left, top + 0.1 * s, right, top + 0.24 * s), 0.04 * s, outline=ink, width=w
        )
    # a checked box and the button
    top = cy + 0.26 * s
    d.rounded_rectangle((left, top, left + 0.14 * s, top + 0.14 * s), 0.03 * s, fill=ink)
    _stroke(
        d,
        [
            (left + 0.035 * s, top + 0.07 * s),
            (left + 0.06 * s, top + 0.1 * s),
            (left + 0.105 * s, top + 0.04 * s),
        ],
        _with_alpha(p.start, 255),
        0.025 * s,
    )
    d.rounded_rectangle((cx + 0.06 * s, top, right, top + 0.14 * s), 0.07 * s, fill=accent)


def _chart(d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, p: Palette) -> None:
    ink, accent = _with_alpha(p.ink, 255), _with_alpha(p.accent, 255)
    base = cy + 0.36 * s
    heights = (0.28, 0.44, 0.36, 0.62)
    bar = 0.14 * s
    tops: list[Point] = []
    for i, h in enumerate(heights):
        x = cx - 0.4 * s + i * 0.22 * s
        d.rounded_rectangle((x, base - h * s, x + bar, base), 0.03 * s, fill=ink)
        tops.append((x + bar / 2, base - h * s - 0.12 * s))
    _stroke(d, tops, accent, 0.03 * s)
    for x, y in tops:
        r = 0.035 * s
        d.ellipse((x - r, y - r, x + r, y + r), fill=accent)
    _stroke(d, [(cx - 0.48 * s, base + 0.05 * s), (cx + 0.48 * s, base + 0.05 * s)], ink, 0.025 * s)


def _play(d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, p: Palette) -> None:
    _ring(d, cx, cy, 0.46 * s, _with_alpha(p.ink, 255), 0.05 * s)
    _ring(d, cx, cy, 0.36 * s, _with_alpha(p.accent, 140), 0.015 * s)
    r = 0.2 * s
    points = [(cx - r * 0.7 + r * math.cos(a), cy + r * math.sin(a)) for a in (0, 2.0944, 4.1888)]
    shifted = [(x + 0.05 * s, y) for x, y in points]
    d.polygon(shifted, fill=_with_alpha(p.ink, 255))
    _stroke(d, [*shifted, shifted[0]], _with_alpha(p.ink, 255), 0.04 * s)


def _wheels(d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, p: Palette) -> None:
    """Three colour wheels, as on a grading panel: lift, gamma, gain."""
    tints: tuple[RGB, ...] = ((125, 211, 252), p.ink, p.accent)
    offsets = ((-0.06, 0.05), (0.0, -0.02), (0.07, -0.04))
    for i, (tint, (ox, oy)) in enumerate(zip(tints, offsets, strict=True)):
        x = cx + (i - 1) * 0.38 * s
        _ring(d, x, cy, 0.16 * s, _with_alpha(p.ink, 255), 0.025 * s)
        _stroke(d, [(x - 0.1 * s, cy), (x + 0.1 * s, cy)], _with_alpha(p.ink, 90), 0.01 * s)
        _stroke(d, [(x, cy - 0.1 * s), (x, cy + 0.1 * s)], _with_alpha(p.ink, 90), 0.01 * s)
        r = 0.03 * s
        dx, dy = x + ox * s, cy + oy * s
        d.ellipse((dx - r, dy - r, dx + r, dy + r), fill=_with_alpha(tint, 255))
        # the master slider under each wheel
        d.rounded_rectangle(
            (x - 0.16 * s, cy + 0.25 * s, x + 0.16 * s, cy + 0.28 * s),
            0.015 * s,
            fill=_with_alpha(p.ink, 120),
        )
        knob = x + (ox * 1.5) * s
        d.ellipse(
            (knob - r, cy + 0.265 * s - r, knob + r, cy + 0.265 * s + r),
            fill=_with_alpha(tint, 255),
        )


def _waveform(d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, p: Palette) -> None:
    heights = (0.12, 0.3, 0.52, 0.34, 0.7, 0.46, 0.86, 0.58, 0.38, 0.64, 0.3, 0.44, 0.2, 0.1)
    step = 0.96 * s / len(heights)
    for i, h in enumerate(heights):
        x = cx - 0.48 * s + step * (i + 0.5)
        colour = p.accent if i % 4 == 2 else p.ink
        _stroke(d, [(x, cy - h * s / 2), (x, cy + h * s / 2)], _with_alpha(colour, 255), step * 0.5)


def _aperture(d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, p: Palette) -> None:
    ink = _with_alpha(p.ink, 255)
    outer, inner = 0.46 * s, 0.2 * s
    _ring(d, cx, cy, outer, ink, 0.05 * s)
    corners = [
        (
            cx + inner * math.cos(math.radians(60 * i + 15)),
            cy + inner * math.sin(math.radians(60 * i + 15)),
        )
        for i in range(6)
    ]
    d.polygon(corners, fill=_with_alpha(p.accent, 255))
    for i, (x, y) in enumerate(corners):
        # each blade's edge runs from a corner of the opening out to the barrel
        angle = math.radians(60 * i + 15 + 120)
        reach = math.sqrt(outer**2 - inner**2 * math.sin(math.radians(60)) ** 2) * 0.98
        end = (
            x + reach * math.cos(angle - math.radians(60)),
            y + reach * math.sin(angle - math.radians(60)),
        )
        ex, ey = end
        dist = math.hypot(ex - cx, ey - cy)
        if dist > outer * 0.97:
            ex, ey = cx + (ex - cx) * outer * 0.97 / dist, cy + (ey - cy) * outer * 0.97 / dist
        _stroke(d, [(x, y), (ex, ey)], ink, 0.025 * s)


def _envelope(d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, p: Palette) -> None:
    ink, accent = _with_alpha(p.ink, 255), _with_alpha(p.accent, 255)
    left, right, top, bottom = cx - 0.46 * s, cx + 0.46 * s, cy - 0.3 * s, cy + 0.3 * s
    d.rounded_rectangle((left, top, right, bottom), 0.05 * s, outline=ink, width=round(0.045 * s))
    _stroke(
        d,
        [
            (left + 0.04 * s, top + 0.05 * s),
            (cx, cy + 0.04 * s),
            (right - 0.04 * s, top + 0.05 * s),
        ],
        ink,
        0.045 * s,
    )
    # a notification dot
    r = 0.1 * s
    d.ellipse((right - r, top - r, right + r, top + r), fill=accent)


def _picture(d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, p: Palette) -> None:
    ink, accent = _with_alpha(p.ink, 255), _with_alpha(p.accent, 255)
    left, right, top, bottom = cx - 0.48 * s, cx + 0.48 * s, cy - 0.27 * s, cy + 0.27 * s
    d.rounded_rectangle((left, top, right, bottom), 0.04 * s, outline=ink, width=round(0.04 * s))
    d.polygon(
        [
            (left + 0.06 * s, bottom - 0.06 * s),
            (cx - 0.14 * s, cy - 0.06 * s),
            (cx + 0.06 * s, bottom - 0.06 * s),
        ],
        fill=ink,
    )
    d.polygon(
        [
            (cx - 0.04 * s, bottom - 0.06 * s),
            (cx + 0.16 * s, cy + 0.02 * s),
            (right - 0.06 * s, bottom - 0.06 * s),
        ],
        fill=_with_alpha(p.ink, 170),
    )
    r = 0.07 * s
    d.ellipse(
        (cx + 0.24 * s - r, top + 0.14 * s - r, cx + 0.24 * s + r, top + 0.14 * s + r), fill=accent
    )


def _calendar(d: ImageDraw.ImageDraw, cx: float, cy: float, s: float, p: Palette) -> None:
    ink, accent = _with_alpha(p.ink, 255), _with_alpha(p.accent, 255)
    left, right, top, bottom = cx - 0.42 * s, cx + 0.42 * s, cy - 0.36 * s, cy + 0.4 * s
    d.rounded_rectangle((left, top, right, bottom), 0.06 * s, outline=ink, width=round(0.04 * s))
    d.rounded_rectangle((left, top, right, top + 0.16 * s), 0.06 * s, fill=ink)
    for x in (cx - 0.22 * s, cx + 0.22 * s):
        _stroke(d, [(x, top - 0.07 * s), (x, top + 0.05 * s)], accent, 0.05 * s)
    cell = 0.14 * s
    for row in range(3):
        for col in range(4):
            x = left + 0.09 * s + col * (cell + 0.04 * s)
            y = top + 0.25 * s + row * (cell + 0.03 * s)
            done = (row, col) in {(0, 0), (0, 1), (0, 2), (1, 0), (1, 2)}
            today = (row, col) == (1, 1)
            fill = accent if today else _with_alpha(p.ink, 200 if done else 70)
            d.rounded_rectangle((x, y, x + cell, y + cell), 0.025 * s, fill=fill)


GLYPHS: dict[Glyph, GlyphDrawer] = {
    Glyph.code: _code,
    Glyph.form: _form,
    Glyph.chart: _chart,
    Glyph.play: _play,
    Glyph.wheels: _wheels,
    Glyph.waveform: _waveform,
    Glyph.aperture: _aperture,
    Glyph.envelope: _envelope,
    Glyph.picture: _picture,
    Glyph.calendar: _calendar,
}


def draw_cover(glyph: Glyph, palette: Palette, *, variant: int = 0) -> bytes:
    """A 1280x720 PNG. `variant` (any small number) moves the light and the rings, so two
    courses of one topic don't look alike."""
    glyph_centre: Point = (860 + 60 * (variant % 2), HEIGHT / 2)
    image = _background(palette, variant, glyph_centre)

    shapes = Image.new("RGBA", (WIDTH * SCALE, HEIGHT * SCALE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(shapes)
    gx, gy = glyph_centre[0] * SCALE, glyph_centre[1] * SCALE
    # Quiet rings around the glyph and one large arc leaving the frame.
    for i, radius in enumerate((250, 330, 430)):
        alpha = (70, 44, 28)[i]
        _ring(draw, gx, gy, radius * SCALE, _with_alpha(palette.accent, alpha), 2 * SCALE)
    big = 520 + 40 * (variant % 4)
    corner_x = -200 if variant % 2 else WIDTH * 0.34
    _ring(
        draw, corner_x * SCALE, -120 * SCALE, big * SCALE, _with_alpha(palette.ink, 26), 36 * SCALE
    )
    # A field of dots on the left, fading to the right.
    for row in range(6):
        for col in range(9 - row % 2):
            x = (64 + col * 40 + (20 if row % 2 else 0)) * SCALE
            y = (400 + row * 40) * SCALE
            r = 3.2 * SCALE
            draw.ellipse((x - r, y - r, x + r, y + r), fill=_with_alpha(palette.ink, 80 - col * 8))
    # The glyph's badge, then the glyph.
    badge = 215 * SCALE
    draw.ellipse(
        (gx - badge, gy - badge, gx + badge, gy + badge), fill=_with_alpha(palette.start, 90)
    )
    GLYPHS[glyph](draw, gx, gy, 330 * SCALE, palette)

    image.alpha_composite(shapes.reduce(SCALE))
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", compress_level=1)
    return out.getvalue()
