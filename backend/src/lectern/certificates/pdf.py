"""The certificate as a PDF: landscape A4 drawn with fpdf2, with a QR code of its public
verification address. Blocking (fonts are parsed, the page laid out): run it in a thread.

Fonts: Source Sans Pro ships with the app (the font-source-sans-pro package, SIL OFL) and
covers Latin, Greek, Cyrillic and Vietnamese. For other scripts (CJK, Arabic, Hebrew...) the
fonts of the operating system are used when installed (DejaVu, Noto); a character that no
font has is printed as its closest Latin letter, else as "?", rather than as an empty box.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path

import segno
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fpdf import FPDF

PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, millimetres
MARGIN = 24.0
TEXT_W = PAGE_W - 2 * MARGIN
INK = (22, 27, 36)  # the site's --foreground
MUTED = (100, 110, 125)
ACCENT = (71, 79, 182)  # the site's --primary

_FAMILY = "SourceSans"
_PACKAGED = files("font_source_sans_pro") / "files"
_PRIMARY = {
    "": Path(str(_PACKAGED / "SourceSansPro-Regular.ttf")),
    "B": Path(str(_PACKAGED / "SourceSansPro-Semibold.ttf")),
}
# Looked for on the machine, in this order, for characters Source Sans lacks.
_SYSTEM_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"),
    Path("/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
)


@dataclass(frozen=True)
class CertificateFacts:
    student_name: str
    course_title: str
    instructor_names: list[str]
    issued_on: date
    code: str
    verification_url: str


@cache
def _characters(path: Path) -> frozenset[int]:
    """The code points a font has glyphs for (read once per process)."""
    font = TTFont(str(path), fontNumber=0, lazy=True)
    try:
        return frozenset(font.getBestCmap() or {})
    finally:
        font.close()


def _fallbacks_for(text: str) -> list[Path]:
    """The installed system fonts needed for the characters of `text` Source Sans lacks."""
    primary = _characters(_PRIMARY[""])
    missing = {ord(c) for c in text if not c.isspace() and ord(c) not in primary}
    chosen: list[Path] = []
    for path in _SYSTEM_FONTS:
        if not missing:
            break
        if not path.is_file():
            continue
        covered = missing & _characters(path)
        if covered:
            chosen.append(path)
            missing -= covered
    return chosen


def printable(text: str, fonts: Iterable[Path]) -> str:
    """`text` with every character no font has replaced: by its base letter (ǅ -> DZ, ą -> a)
    when some font has that, else by "?"."""
    known = frozenset().union(*(_characters(p) for p in fonts))
    out: list[str] = []
    for char in text:
        if char.isspace() or ord(char) in known:
            out.append(char)
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        out.append(base if base and all(ord(c) in known for c in base) else "?")
    return "".join(out)


def joined_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def render_certificate(facts: CertificateFacts) -> bytes:
    """The finished PDF document."""
    instructors = joined_names(facts.instructor_names)
    every_text = f"{facts.student_name}{facts.course_title}{instructors}"
    fallbacks = _fallbacks_for(every_text)
    fonts = [*_PRIMARY.values(), *fallbacks]

    pdf = FPDF(orientation="landscape", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    for style, path in _PRIMARY.items():
        pdf.add_font(_FAMILY, style, str(path))
    fallback_names = []
    for index, path in enumerate(fallbacks):
        name = f"fallback{index}"
        pdf.add_font(name, "", str(path))
        fallback_names.append(name)
    if fallback_names:
        pdf.set_fallback_fonts(fallback_names, exact_match=False)
    # HarfBuzz joins Arabic letters, orders right-to-left runs and places Vietnamese marks.
    pdf.set_text_shaping(use_shaping_engine=True)
    name = printable(facts.student_name, fonts)
    course = printable(facts.course_title, fonts)
    instructors = printable(instructors, fonts)
    pdf.set_title(f"Certificate of completion: {facts.course_title}")
    pdf.set_subject(f"{facts.student_name} completed {facts.course_title}")
    pdf.set_author("Lectern")
    pdf.set_creator("Lectern")
    pdf.set_keywords(f"certificate {facts.code}")
    pdf.set_lang("en")
    pdf.add_page()

    _frame(pdf)
    _centred(pdf, 26, "LECTERN", size=12, style="B", color=ACCENT, spacing=2.5)
    _centred(pdf, 38, "Certificate of completion", size=30, style="B")
    _centred(pdf, 60, "This certifies that", size=13, color=MUTED)
    _fitted_name(pdf, name, top=68)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.4)
    pdf.line(PAGE_W / 2 - 60, 90, PAGE_W / 2 + 60, 90)
    _centred(pdf, 95, "has completed the course", size=13, color=MUTED)
    course_bottom = _course_title(pdf, course, top=104)
    if instructors:
        _centred(pdf, course_bottom + 4, f"Taught by {instructors}", size=12, color=MUTED)
    _footer(pdf, facts)
    _qr_code(pdf, facts.verification_url, x=PAGE_W - MARGIN - 32, y=144, size=32)
    return bytes(pdf.output())


def _frame(pdf: FPDF) -> None:
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(1.0)
    pdf.rect(10, 10, PAGE_W - 20, PAGE_H - 20)
    pdf.set_line_width(0.3)
    pdf.rect(13.5, 13.5, PAGE_W - 27, PAGE_H - 27)


def _centred(
    pdf: FPDF,
    y: float,
    text: str,
    *,
    size: float,
    style: str = "",
    color: tuple[int, int, int] = INK,
    spacing: float = 0,
) -> None:
    pdf.set_font(_FAMILY, style, size)
    pdf.set_text_color(*color)
    pdf.set_char_spacing(spacing)
    pdf.set_xy(MARGIN, y)
    pdf.cell(TEXT_W, size * 0.45, text, align="C")
    pdf.set_char_spacing(0)


def _fitted_name(pdf: FPDF, name: str, *, top: float) -> None:
    """The name as large as fits on one line."""
    size = 40.0
    pdf.set_font(_FAMILY, "B", size)
    while size > 16 and pdf.get_string_width(name) > TEXT_W - 20:
        size -= 2
        pdf.set_font(_FAMILY, "B", size)
    _centred(pdf, top + (40 - size) * 0.2, name, size=size, style="B")


def _course_title(pdf: FPDF, title: str, *, top: float) -> float:
    """The course title on at most two lines; returns where it ends."""
    size = 22.0
    pdf.set_font(_FAMILY, "B", size)
    while size > 12 and pdf.get_string_width(title) > 2 * (TEXT_W - 40):
        size -= 1
        pdf.set_font(_FAMILY, "B", size)
    pdf.set_text_color(*INK)
    pdf.set_xy(MARGIN + 20, top)
    pdf.multi_cell(TEXT_W - 40, size * 0.5, title, align="C", max_line_height=size * 0.5)
    return float(pdf.get_y())


def _footer(pdf: FPDF, facts: CertificateFacts) -> None:
    rows = (
        ("Issued", f"{facts.issued_on.day} {facts.issued_on:%B %Y}"),
        ("Certificate no.", facts.code),
        ("Verify at", facts.verification_url),
    )
    y = 150.0
    for label, value in rows:
        pdf.set_xy(MARGIN + 4, y)
        pdf.set_font(_FAMILY, "", 9)
        pdf.set_text_color(*MUTED)
        pdf.cell(30, 5, label.upper())
        pdf.set_font(_FAMILY, "B", 11)
        pdf.set_text_color(*INK)
        link = value if value.startswith("http") else ""
        pdf.cell(150, 5, value, link=link)
        y += 8


def _qr_code(pdf: FPDF, url: str, *, x: float, y: float, size: float) -> None:
    """Drawn as vector squares (one per run of dark modules), so it prints sharp."""
    qr = segno.make(url, error="m")
    rows = [list(row) for row in qr.matrix_iter(scale=1, border=0)]
    module = size / len(rows)
    pdf.set_fill_color(*INK)
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            pdf.rect(x + start * module, y + r * module, (c - start) * module, module, style="F")
    pdf.set_font(_FAMILY, "", 8)
    pdf.set_text_color(*MUTED)
    pdf.set_xy(x - 4, y + size + 1.5)
    pdf.cell(size + 8, 4, "Scan to verify", align="C")
