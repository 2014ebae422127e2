"""ffmpeg for video lessons, without ffprobe: read what an upload is from `ffmpeg -i`'s report,
then transcode it in one decode to an HLS ladder (fMP4), a thumbnail sprite with its WebVTT
index, and a poster. Synchronous: it runs in a worker."""

from __future__ import annotations

import ctypes
import functools
import math
import os
import re
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import IO

import imageio_ffmpeg  # type: ignore[import-untyped]
from PIL import Image

# Only these demuxers may open an upload (ffmpeg -format_whitelist), and only local files
# (-protocol_whitelist): no playlist or concat script can make ffmpeg read other files or
# the network. Pictures are left out, so a PNG or a JPEG is refused as "not a video".
# The audio formats are there to tell "only sound" from "not a video".
DEMUXERS = (
    "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,flv,mpegts,mpeg,asf,ogg,mxf,dv,mp3,wav,flac,aac"
)
INPUT_SAFETY = ["-protocol_whitelist", "file", "-format_whitelist", DEMUXERS]

# Short side of the frame -> H.264 average kbit/s at 30 fps, after Apple's HLS authoring
# specification (the 16:9 rows of its example ladder, rounded).
LADDER_KBPS = {1080: 5000, 720: 2800, 480: 1400, 360: 800, 240: 400}
HIGH_FPS_FACTOR = 1.5  # above 30 fps
MAXRATE_FACTOR = 1.07  # capped VBR: peak 7 % over the average...
BUFSIZE_FACTOR = 1.5  # ...over a buffer of 1.5 x the average
AUDIO_KBPS = 128  # AAC-LC stereo in every rendition

KEYFRAME_SECONDS = 2  # a keyframe every 2 s in every rendition, at the same instants
SEGMENT_SECONDS = 4
THUMB_WIDTH, THUMB_HEIGHT = 160, 90
SPRITE_COLUMNS = SPRITE_ROWS = 10
THUMBS_DIR = ".thumbs"  # the single thumbnails, removed once tiled
MAX_THUMBNAILS = 300
POSTER_MAX_WIDTH = 1280
PROGRESS_EVERY = 1.0  # seconds between on_progress calls

EMPTY = "The file is empty."
NOT_A_VIDEO = "This file isn't a video we can read (it may be a document or an image)."
AUDIO_ONLY = "The file has no video picture, only sound."
DAMAGED = "The file looks damaged or cut short; upload the original again."
FAILED = (
    "We couldn't convert this video. If it plays on your computer, export it again "
    "as an MP4 (H.264) file and upload that."
)
TOO_SLOW = (
    "Converting this video took far too long. Export it again as an MP4 (H.264) file "
    "and upload that."
)
# ffmpeg's words for a file that ends early or is broken inside.
_DAMAGE_MARKERS = ("moov atom not found", "partial file", "truncat", "invalid nal unit")
_MP4_BOXES = {b"ftyp", b"moov", b"mdat", b"free", b"wide", b"skip", b"pnot"}


class MediaError(Exception):
    """An upload we can't use: `reason` is for the instructor, `detail` (ffmpeg's last
    lines) for the logs."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


class TranscodeCanceled(Exception):
    """on_progress answered False: ffmpeg was killed."""


@dataclass(frozen=True)
class Probe:
    duration: float  # seconds
    width: int  # as displayed: after the rotation and the pixel aspect ratio
    height: int
    fps: float  # 0.0 when the file doesn't say
    video_codec: str
    has_audio: bool
    size_bytes: int


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    height: int
    video_kbps: int
    maxrate_kbps: int
    bufsize_kbps: int


@dataclass(frozen=True)
class TranscodeResult:
    ladder: list[Rendition]
    duration: float
    files: list[Path]  # every file written, relative to out_dir
    master: str = "master.m3u8"
    poster: str = "poster.jpg"
    thumbnails: str = "thumbnails.vtt"


@functools.cache
def ffmpeg_exe() -> str:
    """ffmpeg on PATH, else the static build the imageio-ffmpeg wheel carries."""
    return shutil.which("ffmpeg") or str(imageio_ffmpeg.get_ffmpeg_exe())


# --- child processes ----------------------------------------------------------------------

_PR_SET_PDEATHSIG = 1
# Loaded before any fork: the child only calls it (no dlopen between fork and exec).
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform == "linux" else None


def _die_with_parent(parent: int) -> None:
    """preexec_fn: the kernel SIGKILLs ffmpeg when the thread that started it dies, so a
    killed worker leaves no encoder behind (that thread waits for ffmpeg, so it can't end
    first while the worker lives); if the parent is already gone, exit now."""
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def _popen(argv: list[str], stdout: int | IO[bytes], stderr: IO[bytes]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - argv built here, no shell
        argv,
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=stderr,
        preexec_fn=functools.partial(_die_with_parent, os.getpid()),
    )


def _run(argv: list[str], *, timeout: float) -> tuple[int, str]:
    """Run ffmpeg to the end: its exit status and its stderr."""
    with tempfile.TemporaryFile() as errors:
        proc = _popen(argv, subprocess.DEVNULL, errors)
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise MediaError(TOO_SLOW, _tail(errors)) from exc
        finally:
            _kill(proc)
        return code, _read(errors)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def _read(stream: IO[bytes]) -> str:
    stream.seek(0)
    return stream.read().decode("utf-8", "replace")


def _tail(stream: IO[bytes] | str, lines: int = 15) -> str:
    text = stream if isinstance(stream, str) else _read(stream)
    return "\n".join(text.strip().splitlines()[-lines:])


def _input(path: Path) -> list[str]:
    # file: so a name like "concat:..." or "-x.mp4" is only ever a file name.
    return [*INPUT_SAFETY, "-i", f"file:{path}"]


# --- probe --------------------------------------------------------------------------------

_DURATION = re.compile(r"^\s*Duration: (?:(\d+):(\d\d):(\d\d(?:\.\d+)?)|N/A)", re.MULTILINE)
_STREAM = re.compile(r"^\s*Stream #0:\d+\S*: (Video|Audio|Subtitle|Data|Attachment): (.*)$")
_SIZE = re.compile(r"[ ,](\d+)x(\d+)(?=[ ,]|$)")
_SAR = re.compile(r"\[SAR (\d+):(\d+) DAR")
_RATE = re.compile(r"([\d.]+)(k?) (fps|tbr)\b")
_ROTATION = re.compile(r"rotation of (-?[\d.]+) degrees|^\s*rotate\s*:\s*(-?[\d.]+)", re.I)


def _rate(line: str, unit: str) -> float:
    for value, kilo, found in _RATE.findall(line):
        if found == unit:
            rate = float(value) * (1000 if kilo else 1)
            if 0 < rate <= 240:
                return rate
    return 0.0


def _spoken_duration(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{n} {unit}" for n, unit in ((hours, "h"), (minutes, "min"), (secs, "s")) if n]
    return " ".join(parts) or "0 s"


def _spoken_size(size: int, *, up: bool) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= scale:
            tenths = size * 10 / scale
            value = (math.ceil(tenths) if up else math.floor(tenths)) / 10
            return f"{value:g} {unit}"
    return f"{size} bytes"


def _stream_blocks(report: str) -> list[tuple[str, str, list[str]]]:
    """(kind, description, the lines under it) for each stream of the input."""
    blocks: list[tuple[str, str, list[str]]] = []
    for line in report.splitlines():
        found = _STREAM.match(line)
        if found:
            blocks.append((found.group(1), found.group(2), []))
        elif blocks and line.startswith("    "):
            blocks[-1][2].append(line)
        elif blocks and not line.startswith(" "):
            break
    return blocks


def _video_size(description: str, extra: list[str]) -> tuple[int, int] | None:
    size = _SIZE.search(description)
    if not size or not int(size.group(1)) or not int(size.group(2)):
        return None
    width, height = int(size.group(1)), int(size.group(2))
    sar = _SAR.search(description)
    if sar and int(sar.group(1)) and int(sar.group(2)) and sar.group(1) != sar.group(2):
        width = round(width * int(sar.group(1)) / int(sar.group(2)))
    for line in extra:
        rotation = _ROTATION.search(line)
        if rotation:
            angle = round(float(rotation.group(1) or rotation.group(2)))
            if angle % 180 == 90:
                width, height = height, width
            break
    return width, height


def _cut_short_mp4(path: Path, report: str) -> bool:
    """An MP4/MOV whose index never arrived (it is written last unless "fast start"): the
    file begins like one, but ffmpeg finds no moov box. A document renamed .mp4 doesn't."""
    with path.open("rb") as file:
        head = file.read(12)
    return head[4:8] in _MP4_BOXES and "moov atom not found" in report


def _measured_duration(path: Path) -> float:
    """The length of a file whose header doesn't say (a WebM recorded in a browser): read
    the video packets through, without decoding them."""
    _, report = _run(
        [
            ffmpeg_exe(),
            *("-nostdin", "-hide_banner", "-loglevel", "error"),
            *_input(path),
            *("-map", "0:V:0", "-c", "copy", "-f", "null", "-progress", "pipe:2", "-nostats", "-"),
        ],
        timeout=600,
    )
    times = re.findall(r"^out_time_us=(\d+)$", report, re.MULTILINE)
    return int(times[-1]) / 1e6 if times else 0.0


def probe(
    path: Path, *, max_duration_seconds: float | None = None, max_bytes: int | None = None
) -> Probe:
    """What the upload is, or MediaError saying plainly why it can't be a lesson video."""
    size = path.stat().st_size
    if size == 0:
        raise MediaError(EMPTY)
    if max_bytes is not None and size > max_bytes:
        raise MediaError(
            f"The file is {_spoken_size(size, up=True)}; "
            f"the limit is {_spoken_size(max_bytes, up=False)}."
        )
    # No output file: ffmpeg prints what it found and exits 1 ("At least one output file").
    _, report = _run([ffmpeg_exe(), "-nostdin", "-hide_banner", *_input(path)], timeout=120)
    if "Input #0" not in report:
        raise MediaError(DAMAGED if _cut_short_mp4(path, report) else NOT_A_VIDEO, _tail(report))

    blocks = _stream_blocks(report)
    has_audio = any(kind == "Audio" for kind, _, _ in blocks)
    # A cover picture in a music file is a "video" stream too, marked (attached pic).
    video = next(
        ((d, extra) for kind, d, extra in blocks if kind == "Video" and "attached pic" not in d),
        None,
    )
    if video is None:
        raise MediaError(AUDIO_ONLY if has_audio else NOT_A_VIDEO, _tail(report))
    description, extra = video
    dimensions = _video_size(description, extra)
    found = _DURATION.search(report)
    if found and found.group(1):
        duration = int(found.group(1)) * 3600 + int(found.group(2)) * 60 + float(found.group(3))
    else:
        duration = _measured_duration(path) if dimensions else 0.0
    # Still no duration: a still picture in a video container (HEIC, AVIF), no real video.
    if dimensions is None or duration <= 0:
        raise MediaError(NOT_A_VIDEO, _tail(report))
    if max_duration_seconds is not None and duration > max_duration_seconds:
        raise MediaError(
            f"The video is {_spoken_duration(math.ceil(duration))} long; "
            f"the limit is {_spoken_duration(math.floor(max_duration_seconds))}."
        )
    return Probe(
        duration=duration,
        width=dimensions[0],
        height=dimensions[1],
        fps=_rate(description, "fps") or _rate(description, "tbr"),
        video_codec=re.split(r"[\s,]", description, maxsplit=1)[0],
        has_audio=has_audio,
        size_bytes=size,
    )


# --- ladder -------------------------------------------------------------------------------


def _even(value: float) -> int:
    return max(2, round(value / 2) * 2)


def _rendition(name: str, width: int, height: int, kbps: int, fps: float) -> Rendition:
    if fps > 30.5:
        kbps = round(kbps * HIGH_FPS_FACTOR)
    return Rendition(
        name=name,
        width=width,
        height=height,
        video_kbps=kbps,
        maxrate_kbps=round(kbps * MAXRATE_FACTOR),
        bufsize_kbps=round(kbps * BUFSIZE_FACTOR),
    )


def plan_ladder(probe: Probe) -> list[Rendition]:
    """Every rung no taller (by the frame's short side) than the source, largest first;
    a source under 240 lines gets one rendition at its own size. Portrait stays portrait."""
    short, long = sorted((probe.width, probe.height))
    portrait = probe.height > probe.width
    if short < min(LADDER_KBPS):
        width, height = _even(probe.width), _even(probe.height)
        return [
            _rendition(
                f"{min(width, height)}p", width, height, LADDER_KBPS[min(LADDER_KBPS)], probe.fps
            )
        ]
    ladder = []
    for lines, kbps in LADDER_KBPS.items():
        if lines > short:
            continue
        across = _even(long * lines / short)
        width, height = (lines, across) if portrait else (across, lines)
        ladder.append(_rendition(f"{lines}p", width, height, kbps, probe.fps))
    return ladder


# --- transcode ----------------------------------------------------------------------------


def sprite_interval_for(duration: float) -> float:
    """Seconds between thumbnails: 2 up to 2 minutes, then at most ~300 thumbnails."""
    return float(max(2, math.ceil(duration / MAX_THUMBNAILS)))


def ladder_command(
    src: Path,
    out_dir: Path,
    ladder: list[Rendition],
    probe: Probe,
    *,
    sprite_interval: float | None = None,
) -> list[str]:
    """The one ffmpeg command of transcode(): decode once, split to every rendition and to
    the thumbnails; write HLS fMP4 (out_dir/v<N>/) and one 160x90 PNG per interval into
    out_dir/.thumbs/ (which must exist), tiled into the sprite afterwards: a tile filter
    here would hold ffmpeg's progress report back until its first sheet of 100."""
    interval = sprite_interval or sprite_interval_for(probe.duration)
    count = len(ladder)
    branches = "".join(f"[s{i}]" for i in range(count))
    rate = Fraction(1 / interval).limit_denominator(1000)
    graph = [f"[0:V:0]split={count + 1}{branches}[thumbs]"]
    graph += [f"[s{i}]scale={r.width}:{r.height},setsar=1[v{i}]" for i, r in enumerate(ladder)]
    graph.append(
        f"[thumbs]fps={rate.numerator}/{rate.denominator},"
        f"scale={THUMB_WIDTH}:{THUMB_HEIGHT}:force_original_aspect_ratio=decrease,"
        f"pad={THUMB_WIDTH}:{THUMB_HEIGHT}:(ow-iw)/2:(oh-ih)/2,setsar=1[thumb]"
    )
    maps: list[str] = []
    rates: list[str] = []
    variants: list[str] = []
    for i, r in enumerate(ladder):
        maps += ["-map", f"[v{i}]"] + (["-map", "0:a:0"] if probe.has_audio else [])
        rates += [f"-b:v:{i}", f"{r.video_kbps}k", f"-maxrate:v:{i}", f"{r.maxrate_kbps}k"]
        rates += [f"-bufsize:v:{i}", f"{r.bufsize_kbps}k"]
        variants.append(f"v:{i},a:{i}" if probe.has_audio else f"v:{i}")
    audio = ["-c:a", "aac", "-b:a", f"{AUDIO_KBPS}k", "-ac", "2", "-ar", "48000"]
    return [
        ffmpeg_exe(),
        *("-nostdin", "-hide_banner", "-loglevel", "error", "-y"),
        *("-progress", "pipe:1", "-nostats"),
        *_input(src),
        *("-filter_complex", ";".join(graph)),
        *maps,
        *("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p"),
        *("-force_key_frames", f"expr:gte(t,n_forced*{KEYFRAME_SECONDS})", "-sc_threshold", "0"),
        *rates,
        *(audio if probe.has_audio else []),
        *("-f", "hls", "-hls_time", str(SEGMENT_SECONDS), "-hls_playlist_type", "vod"),
        *("-hls_segment_type", "fmp4", "-hls_flags", "independent_segments"),
        *("-hls_fmp4_init_filename", "init.mp4"),
        *("-hls_segment_filename", str(out_dir / "v%v" / "seg_%05d.m4s")),
        *("-master_pl_name", "master.m3u8", "-var_stream_map", " ".join(variants)),
        str(out_dir / "v%v" / "index.m3u8"),
        *("-map", "[thumb]", "-c:v", "png", "-f", "image2"),
        str(out_dir / THUMBS_DIR / "%05d.png"),
    ]


def _encode(
    argv: list[str],
    out_dir: Path,
    probe: Probe,
    on_progress: Callable[[float], bool],
    timeout: float,
) -> None:
    """Run the ladder command, passing on the progress ffmpeg reports (out_time)."""
    deadline = time.monotonic() + timeout
    with tempfile.TemporaryFile() as errors:
        proc = _popen(argv, subprocess.PIPE, errors)
        assert proc.stdout is not None
        try:
            with selectors.DefaultSelector() as selector:
                selector.register(proc.stdout, selectors.EVENT_READ)
                pending, percent, last_call = b"", 0.0, time.monotonic()
                while True:
                    if time.monotonic() > deadline:
                        raise MediaError(TOO_SLOW, _tail(errors))
                    if selector.select(timeout=0.25):
                        chunk = os.read(proc.stdout.fileno(), 65536)
                        if not chunk:
                            break  # ffmpeg closed its end: it has finished
                        *lines, pending = (pending + chunk).split(b"\n")
                        for line in lines:
                            key, _, value = line.decode("ascii", "replace").partition("=")
                            if key in ("out_time_us", "out_time_ms") and value.isdigit():
                                # both in microseconds (out_time_ms is misnamed)
                                done = int(value) / 1e6 / probe.duration * 100
                                percent = max(percent, min(99.9, done))
                    if time.monotonic() - last_call >= PROGRESS_EVERY:
                        last_call = time.monotonic()
                        if not on_progress(round(percent, 1)):
                            _kill(proc)
                            raise TranscodeCanceled
            code = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired as exc:
            raise MediaError(TOO_SLOW, _tail(errors)) from exc
        finally:
            _kill(proc)
        if code != 0:
            report = _read(errors)
            damaged = any(marker in report.lower() for marker in _DAMAGE_MARKERS)
            raise MediaError(DAMAGED if damaged else FAILED, _tail(report))
        encoded = _playlist_seconds(out_dir / "v0" / "index.m3u8")
        if encoded < probe.duration - max(1.0, probe.duration / 100):
            # ffmpeg stops without an error status at a file cut short: what's missing tells.
            raise MediaError(
                DAMAGED, f"encoded {encoded:.1f} s of {probe.duration:.1f} s\n{_tail(errors)}"
            )


def _playlist_seconds(playlist: Path) -> float:
    text = playlist.read_text() if playlist.exists() else ""
    return sum(float(s) for s in re.findall(r"^#EXTINF:([\d.]+)", text, re.MULTILINE))


def _timestamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _tile(thumbs: list[Path], out_dir: Path) -> None:
    """sprite_001.jpg, sprite_002.jpg...: up to 10 x 10 thumbnails each, in reading order;
    the last sheet only as tall as its rows."""
    per_sheet = SPRITE_COLUMNS * SPRITE_ROWS
    for sheet, start in enumerate(range(0, len(thumbs), per_sheet), start=1):
        batch = thumbs[start : start + per_sheet]
        rows = math.ceil(len(batch) / SPRITE_COLUMNS)
        with Image.new("RGB", (SPRITE_COLUMNS * THUMB_WIDTH, rows * THUMB_HEIGHT)) as image:
            for place, thumb in enumerate(batch):
                row, column = divmod(place, SPRITE_COLUMNS)
                with Image.open(thumb) as picture:
                    image.paste(picture.convert("RGB"), (column * THUMB_WIDTH, row * THUMB_HEIGHT))
            image.save(out_dir / f"sprite_{sheet:03d}.jpg", "JPEG", quality=80)


def thumbnails_vtt(count: int, duration: float, interval: float) -> str:
    """The WebVTT index of the sprite: one cue per thumbnail (thumbnail i was taken at
    i x interval), the last one to the end of the video; none starting after the end."""
    count = min(count, math.ceil(duration / interval))
    per_sheet = SPRITE_COLUMNS * SPRITE_ROWS
    cues = ["WEBVTT", ""]
    for i in range(count):
        start = i * interval
        end = duration if i == count - 1 else min((i + 1) * interval, duration)
        sheet, place = divmod(i, per_sheet)
        row, column = divmod(place, SPRITE_COLUMNS)
        cues += [
            f"{_timestamp(start)} --> {_timestamp(end)}",
            f"sprite_{sheet + 1:03d}.jpg#xywh={column * THUMB_WIDTH},{row * THUMB_HEIGHT},"
            f"{THUMB_WIDTH},{THUMB_HEIGHT}",
            "",
        ]
    return "\n".join(cues)


def _poster(src: Path, target: Path, probe: Probe) -> None:
    """One frame at ~10 % of the video, at most 1280 px wide; the first frame if that
    seek finds nothing (a very short video)."""
    width = min(POSTER_MAX_WIDTH, probe.width - probe.width % 2)
    height = max(2, round(probe.height * width / probe.width / 2) * 2)
    detail = ""
    for seek in (probe.duration / 10, 0.0):
        target.unlink(missing_ok=True)
        code, report = _run(
            [
                ffmpeg_exe(),
                *("-nostdin", "-hide_banner", "-loglevel", "error", "-y"),
                *("-ss", f"{seek:.3f}"),
                *_input(src),
                *("-map", "0:V:0", "-frames:v", "1", "-vf", f"scale={width}:{height},setsar=1"),
                *("-q:v", "3", str(target)),
            ],
            timeout=120,
        )
        if code == 0 and target.exists() and target.stat().st_size > 0:
            return
        detail = _tail(report)
    raise MediaError(FAILED, detail)


def transcode(
    src: Path,
    out_dir: Path,
    ladder: list[Rendition],
    probe: Probe,
    *,
    on_progress: Callable[[float], bool],
    sprite_interval: float | None = None,
) -> TranscodeResult:
    """The whole HLS package of a lesson video in out_dir: master.m3u8, v<N>/index.m3u8 with
    v<N>/init_<N>.mp4 and v<N>/seg_NNNNN.m4s, sprite_NNN.jpg with thumbnails.vtt, and
    poster.jpg. on_progress(percent) is called about once a second and with 100 at the end;
    returning False kills ffmpeg and raises TranscodeCanceled. On any error out_dir keeps
    whatever was written: the caller removes it."""
    interval = sprite_interval or sprite_interval_for(probe.duration)
    out_dir.mkdir(parents=True, exist_ok=True)
    argv = ladder_command(src, out_dir, ladder, probe, sprite_interval=interval)
    (out_dir / THUMBS_DIR).mkdir(exist_ok=True)
    _encode(argv, out_dir, probe, on_progress, timeout=4 * probe.duration + 300)
    thumbs = sorted((out_dir / THUMBS_DIR).glob("*.png"))
    if not thumbs:
        raise MediaError(FAILED, "no thumbnails")
    _tile(thumbs, out_dir)
    shutil.rmtree(out_dir / THUMBS_DIR)
    (out_dir / "thumbnails.vtt").write_text(thumbnails_vtt(len(thumbs), probe.duration, interval))
    _poster(src, out_dir / "poster.jpg", probe)
    on_progress(100.0)  # the work is done: a late "cancel" changes nothing
    return TranscodeResult(
        ladder=ladder,
        duration=probe.duration,
        files=sorted(p.relative_to(out_dir) for p in out_dir.rglob("*") if p.is_file()),
    )
