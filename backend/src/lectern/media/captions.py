"""Caption files: WebVTT or SRT in (any common text encoding), clean WebVTT out."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

MAX_BYTES = 2 * 1024 * 1024

EXPECTED_TIMING = "expected a time range like 00:00:01.000 --> 00:00:04.000"
NO_CAPTIONS = "The file has no captions."

# hh:mm:ss.ttt, or mm:ss.ttt (WebVTT); SRT writes a comma before the milliseconds.
_TIME = r"(?:(\d+):)?([0-5]\d):([0-5]\d)[.,](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(.*)$")
_SETTING = re.compile(r"^(vertical|line|position|size|align|region):\S+$")
_ASS_OVERRIDE = re.compile(r"\{\\[^}]*\}")  # {\an8} and the like, in SRT files
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z]+)[^>]*>")
_KEPT_TAG = re.compile(r"(</?[biu]>)")
_BARE_AMPERSAND = re.compile(r"&(?![A-Za-z]+;|#\d+;|#x[0-9A-Fa-f]+;)")


class CaptionError(Exception):
    """A caption file we can't use; str() is "Line 7: ..." when a line is to blame."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"Line {line}: {message}" if line else message)
        self.line = line
        self.message = message


@dataclass
class _Cue:
    start: int  # milliseconds
    end: int
    identifier: str = ""
    settings: str = ""
    text: list[str] = field(default_factory=list)


def _decode(raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    raw = raw.removeprefix(codecs.BOM_UTF8)
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _millis(hours: str | None, minutes: str, seconds: str, fraction: str) -> int:
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(
        fraction.ljust(3, "0")
    )


def _timestamp(millis: int) -> str:
    seconds, ms = divmod(millis, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{ms:03d}"


def _timing(line: str, number: int, *, vtt: bool) -> _Cue:
    found = _TIMING.match(line)
    if not found:
        raise CaptionError(number, EXPECTED_TIMING)
    start, end = _millis(*found.group(1, 2, 3, 4)), _millis(*found.group(5, 6, 7, 8))
    if end < start:
        raise CaptionError(
            number,
            f"the caption ends at {_timestamp(end)}, before it starts at {_timestamp(start)}",
        )
    # WebVTT placement settings survive; SRT's rare X1:... coordinates don't.
    settings = [s for s in found.group(9).split() if vtt and _SETTING.match(s)]
    return _Cue(start, end, settings=" ".join(settings))


def _srt_text(line: str) -> str:
    """SRT text as WebVTT: <i>, <b>, <u> kept; <font> and other tags dropped; & and < escaped."""
    line = _TAG.sub(
        lambda m: f"<{m[1]}{m[2].lower()}>" if m[2].lower() in ("b", "i", "u") else "",
        _ASS_OVERRIDE.sub("", line),
    )
    escaped = (
        part
        if _KEPT_TAG.fullmatch(part)
        else _BARE_AMPERSAND.sub("&amp;", part).replace("<", "&lt;")
        for part in _KEPT_TAG.split(line)
    )
    return "".join(escaped).strip()


def _parse(lines: list[str], first: int, *, vtt: bool) -> list[_Cue]:
    cues: list[_Cue] = []
    cue: _Cue | None = None
    identifier: tuple[int, str] | None = None
    skipping = False  # inside a WebVTT NOTE, STYLE or REGION block
    for number, line in enumerate(lines[first:], start=first + 1):
        blank = not line.strip()
        if skipping:
            skipping = not blank
        elif cue is not None:
            if blank:
                cue = None
            elif "-->" in line:  # no blank line before the next cue
                if cue.text and cue.text[-1].isdigit() and not vtt:
                    cue.text.pop()  # that was the next cue's SRT number
                cue = _timing(line, number, vtt=vtt)
                cues.append(cue)
            else:
                cue.text.append(_srt_text(line) if not vtt else line.rstrip())
        elif "-->" in line:
            cue = _timing(line, number, vtt=vtt)
            if identifier is not None and vtt:
                cue.identifier = identifier[1].strip()
            identifier = None
            cues.append(cue)
        elif identifier is not None:
            raise CaptionError(number, EXPECTED_TIMING)
        elif vtt and line.split(" ", 1)[0].split("\t", 1)[0] in ("NOTE", "STYLE", "REGION"):
            skipping = True
        elif not blank:
            identifier = (number, line)
    return cues


def to_webvtt(raw: bytes) -> str:
    """WebVTT text of a WebVTT or SRT file (UTF-8 with or without BOM, UTF-16, Windows-1252;
    any line endings). Cues without text are dropped; times become hh:mm:ss.ttt."""
    if len(raw) > MAX_BYTES:
        raise CaptionError(
            0, "The file is over 2 MB; caption files are much smaller. Is this the right file?"
        )
    text = _decode(raw).replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise CaptionError(0, "This isn't a caption file: use WebVTT (.vtt) or SRT (.srt).")
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise CaptionError(0, NO_CAPTIONS)
    head = lines[first].lstrip("\ufeff")
    vtt = head == "WEBVTT" or head.startswith(("WEBVTT ", "WEBVTT\t"))
    if vtt:
        # the header: WEBVTT and its lines up to the first blank line (or a stray cue)
        first += 1
        while first < len(lines) and lines[first].strip() and "-->" not in lines[first]:
            first += 1
    elif not (head.strip().isdigit() or "-->" in head):
        raise CaptionError(
            first + 1,
            "this isn't a caption file: WebVTT files start with WEBVTT, SRT files with 1.",
        )
    cues = [cue for cue in _parse(lines, first, vtt=vtt) if _has_text(cue)]
    if not cues:
        raise CaptionError(0, NO_CAPTIONS)
    blocks = []
    for cue in cues:
        timing = f"{_timestamp(cue.start)} --> {_timestamp(cue.end)}"
        timing += f" {cue.settings}" if cue.settings else ""
        head_lines = [cue.identifier] if cue.identifier else []
        blocks.append("\n".join([*head_lines, timing, *(t for t in cue.text if t)]))
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def _has_text(cue: _Cue) -> bool:
    return any(_TAG.sub("", line).strip() for line in cue.text)
