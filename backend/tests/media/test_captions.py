"""to_webvtt(): SRT or WebVTT in, clean WebVTT out, or the line that is wrong."""

from __future__ import annotations

import codecs

import pytest

from lectern.media.captions import MAX_BYTES, CaptionError, to_webvtt

SRT = """1
00:00:01,000 --> 00:00:04,000
Welcome to the course.

2
00:00:04,500 --> 00:00:07,250
<font color="#ffff00">Today:</font> <i>starters</i>, <b>flour</b> & <u>water</u>.
{\\an8}Second line < first

3
00:01:02,000 --> 01:00:00,000
The end.
"""

VTT_FROM_SRT = """WEBVTT

00:00:01.000 --> 00:00:04.000
Welcome to the course.

00:00:04.500 --> 00:00:07.250
Today: <i>starters</i>, <b>flour</b> &amp; <u>water</u>.
Second line &lt; first

00:01:02.000 --> 01:00:00.000
The end.
"""


def error(raw: bytes) -> CaptionError:
    with pytest.raises(CaptionError) as caught:
        to_webvtt(raw)
    return caught.value


def test_srt_becomes_webvtt() -> None:
    assert to_webvtt(SRT.encode()) == VTT_FROM_SRT


@pytest.mark.parametrize(
    "raw",
    [
        codecs.BOM_UTF8 + SRT.encode(),
        SRT.replace("\n", "\r\n").encode(),
        codecs.BOM_UTF8 + SRT.replace("\n", "\r\n").encode(),
        SRT.encode("utf-16"),  # with its BOM, as Windows Notepad saves "Unicode"
        SRT.replace("\n", "\r").encode(),  # old Mac line endings
    ],
    ids=["bom", "crlf", "bom-crlf", "utf16", "cr"],
)
def test_encodings_and_line_endings(raw: bytes) -> None:
    assert to_webvtt(raw) == VTT_FROM_SRT


def test_windows_1252_text() -> None:
    srt = "1\r\n00:00:01,000 --> 00:00:02,000\r\nCafé, crème brûlée, hors d'œuvre\r\n"

    assert to_webvtt(srt.encode("cp1252")).endswith("Café, crème brûlée, hors d'œuvre\n")


def test_webvtt_is_kept_with_its_ids_and_settings_without_notes() -> None:
    vtt = """WEBVTT - Sourdough, lesson 1
Kind: captions

NOTE made by hand
over two lines

STYLE
::cue { color: yellow }

intro
00:01.000 --> 00:04.000 align:start position:10% bogus
<v Anna>Welcome</v> to the <c.loud>course</c>.

00:00:05.000 --> 00:00:06.000
Next.
"""

    assert to_webvtt(vtt.encode()) == (
        "WEBVTT\n\n"
        "intro\n"
        "00:00:01.000 --> 00:00:04.000 align:start position:10%\n"
        "<v Anna>Welcome</v> to the <c.loud>course</c>.\n\n"
        "00:00:05.000 --> 00:00:06.000\n"
        "Next.\n"
    )


def test_cues_without_text_are_dropped() -> None:
    srt = (
        b"1\n00:00:01,000 --> 00:00:02,000\n\n"
        b"2\n00:00:03,000 --> 00:00:04,000\n<i> </i>\n\n"
        b"3\n00:00:05,000 --> 00:00:06,000\nKept\n"
    )

    assert to_webvtt(srt) == "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nKept\n"


def test_a_missing_blank_line_between_srt_cues() -> None:
    srt = b"1\n00:00:01,000 --> 00:00:02,000\nOne\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n"

    assert to_webvtt(srt) == (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne\n\n00:00:03.000 --> 00:00:04.000\nTwo\n"
    )


def test_overlapping_cues_are_allowed() -> None:
    srt = b"1\n00:00:01,000 --> 00:00:05,000\nA\n\n2\n00:00:02,000 --> 00:00:03,000\nB\n"

    assert to_webvtt(srt).count(" --> ") == 2


def test_a_malformed_time_range_names_its_line() -> None:
    srt = SRT.replace("00:00:04,500 --> 00:00:07,250", "00:00:04,500 -> 00:00:07,250")

    caught = error(srt.encode())

    assert caught.line == 6
    assert str(caught) == "Line 6: expected a time range like 00:00:01.000 --> 00:00:04.000"


@pytest.mark.parametrize(
    ("timing", "line"),
    [("00:00:61,000 --> 00:00:62,000", 2), ("00:00:01 --> 00:00:02", 2), ("1 --> 2", 2)],
)
def test_times_that_are_not_times(timing: str, line: int) -> None:
    caught = error(f"1\n{timing}\nText\n".encode())

    assert caught.line == line
    assert "expected a time range" in str(caught)


def test_a_cue_number_without_a_time_range() -> None:
    caught = error(b"1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\nTwo\n")

    assert str(caught) == "Line 6: expected a time range like 00:00:01.000 --> 00:00:04.000"


def test_ending_before_it_starts() -> None:
    vtt = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nFine\n\n00:00:09.000 --> 00:00:08.500\nNot\n"

    caught = error(vtt)

    assert caught.line == 6
    assert str(caught) == (
        "Line 6: the caption ends at 00:00:08.500, before it starts at 00:00:09.000"
    )


@pytest.mark.parametrize("raw", [b"", b"\n\n  \r\n", codecs.BOM_UTF8, b"WEBVTT\n\n"])
def test_no_captions(raw: bytes) -> None:
    caught = error(raw)

    assert str(caught) == "The file has no captions."
    assert caught.line == 0


def test_not_a_caption_file() -> None:
    assert error(b"Lesson notes\nNothing timed here.\n").line == 1
    assert str(error(b"\x00\x01binary")) == (
        "This isn't a caption file: use WebVTT (.vtt) or SRT (.srt)."
    )


def test_over_2_mb() -> None:
    cue = b"1\n00:00:01,000 --> 00:00:02,000\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n\n"
    big = cue * (MAX_BYTES // len(cue) + 1)

    assert MAX_BYTES == 2 * 1024 * 1024
    assert str(error(big)).startswith("The file is over 2 MB")
    assert to_webvtt(big[:MAX_BYTES].rsplit(b"\n\n1\n", 1)[0]).startswith("WEBVTT\n\n")
