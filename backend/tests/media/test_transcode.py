"""transcode(): one ffmpeg run to an HLS ladder, sprite, thumbnails index and poster; its
progress, its cancelling, and what it does with a damaged file or a dead parent."""

from __future__ import annotations

import itertools
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from lectern.media.ffmpeg import (
    MediaError,
    TranscodeCanceled,
    TranscodeResult,
    plan_ladder,
    probe,
    transcode,
)
from tests.fixtures.media import ffmpeg, make_video

BACKEND = Path(__file__).resolve().parents[2]


@dataclass
class Done:
    out: Path
    result: TranscodeResult
    progress: list[float]


@pytest.fixture(scope="module")
def done(tmp_path_factory: pytest.TempPathFactory) -> Done:
    """A 6 s 640x360 clip with sound, transcoded once for the tests that read the output."""
    base = tmp_path_factory.mktemp("transcode")
    src = make_video(base / "clip.mp4", seconds=6, width=640, height=360)
    found = probe(src)
    progress: list[float] = []

    def on_progress(percent: float) -> bool:
        progress.append(percent)
        return True

    out = base / "hls"
    result = transcode(src, out, plan_ladder(found), found, on_progress=on_progress)
    return Done(out, result, progress)


@pytest.fixture(scope="module")
def long_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Long enough at 720p that the transcode takes several seconds on two cores."""
    base = tmp_path_factory.mktemp("long")
    return make_video(base / "long.mp4", seconds=24, width=1280, height=720, audio=False)


def playlist(path: Path) -> tuple[list[float], list[str], str]:
    """(segment durations, segment names, the init segment) of a media playlist."""
    text = path.read_text()
    durations = [float(d) for d in re.findall(r"^#EXTINF:([\d.]+),", text, re.MULTILINE)]
    names = [line for line in text.splitlines() if line and not line.startswith("#")]
    init = re.search(r'^#EXT-X-MAP:URI="([^"]+)"', text, re.MULTILINE)
    assert init, text
    return durations, names, init.group(1)


def keyframe_times(path: Path) -> list[float]:
    report = ffmpeg(
        *("-skip_frame", "nokey", "-i", str(path), "-map", "0:v:0"),
        *("-vf", "showinfo", "-f", "null", "-"),
    )
    return [float(t) for t in re.findall(r"pts_time:([\d.]+)", report)]


def processes() -> dict[int, tuple[str, str, int]]:
    """pid -> (name, state, parent pid) of every process still running (not a zombie)."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            head, tail = stat.read_text().rsplit(")", 1)
        except OSError:
            continue  # gone meanwhile
        state, parent = tail.split()[:2]
        if state != "Z":
            found[int(stat.parent.name)] = (head.split("(", 1)[1], state, int(parent))
    return found


def ffmpeg_children(parent: int) -> list[int]:
    return [
        pid for pid, (name, _, ppid) in processes().items() if ppid == parent and "ffmpeg" in name
    ]


def test_the_master_playlist_lists_each_rendition(done: Done) -> None:
    master = (done.out / "master.m3u8").read_text()

    variants = re.findall(r"^#EXT-X-STREAM-INF:(.*)\n(.*)$", master, re.MULTILINE)
    assert [uri for _, uri in variants] == ["v0/index.m3u8", "v1/index.m3u8"]
    assert [r.name for r in done.result.ladder] == ["360p", "240p"]
    for (attributes, _), size in zip(variants, ("640x360", "426x240"), strict=True):
        assert re.search(r"(^|,)BANDWIDTH=\d+", attributes)
        assert f"RESOLUTION={size}" in attributes
        assert re.search(r'CODECS="avc1\.64[0-9a-f]{4},mp4a\.40\.2"', attributes)


def test_every_segment_is_there_and_about_4_seconds(done: Done) -> None:
    counts = []
    for variant in ("v0", "v1"):
        index = done.out / variant / "index.m3u8"
        text = index.read_text()
        target = re.search(r"#EXT-X-TARGETDURATION:(\d+)", text)
        assert target
        assert int(target.group(1)) <= 6
        assert "#EXT-X-PLAYLIST-TYPE:VOD" in text
        assert text.rstrip().endswith("#EXT-X-ENDLIST")
        durations, names, init = playlist(index)
        assert init == f"init_{variant[1:]}.mp4"  # ffmpeg appends _<N> to init.mp4
        for name in [init, *names]:
            assert (index.parent / name).stat().st_size > 0, name
        assert all(d == pytest.approx(4.0, abs=0.1) for d in durations[:-1])
        assert sum(durations) == pytest.approx(6.0, abs=0.1)
        counts.append(len(names))
    assert counts == [2, 2]


def test_keyframes_fall_at_the_same_instants_in_every_rendition(done: Done) -> None:
    times = [keyframe_times(done.out / v / "index.m3u8") for v in ("v0", "v1")]

    assert times[0] == pytest.approx([0.0, 2.0, 4.0], abs=0.05)
    assert times[1] == pytest.approx(times[0], abs=0.01)


def test_each_rendition_carries_stereo_aac(done: Done) -> None:
    report = ffmpeg("-i", str(done.out / "v1" / "index.m3u8"), "-f", "null", "-")

    assert re.search(r"Audio: aac.*48000 Hz, stereo", report)
    assert re.search(r"Video: h264 \(High\).*426x240", report)


def test_the_poster_is_a_jpeg_of_the_video(done: Done) -> None:
    with Image.open(done.out / "poster.jpg") as poster:
        assert poster.format == "JPEG"
        assert poster.size == (640, 360)


def test_the_thumbnails_index_covers_the_video_from_the_sprite(done: Done) -> None:
    text = (done.out / "thumbnails.vtt").read_text()
    assert text.startswith("WEBVTT\n\n")
    cues = re.findall(r"^([\d:.]+) --> ([\d:.]+)\n(.+)$", text, re.MULTILINE)

    def seconds(stamp: str) -> float:
        hours, minutes, rest = stamp.split(":")
        return int(hours) * 3600 + int(minutes) * 60 + float(rest)

    assert [(seconds(a), seconds(b)) for a, b, _ in cues] == [(0, 2), (2, 4), (4, 6)]
    for i, (_, _, target) in enumerate(cues):
        name, fragment = target.split("#xywh=")
        assert name == "sprite_001.jpg"
        assert fragment == f"{i * 160},0,160,90"
    with Image.open(done.out / "sprite_001.jpg") as sprite:
        assert sprite.format == "JPEG"
        assert sprite.size == (1600, 90)  # one row of 10 places, three used


def test_the_result_lists_every_file_written(done: Done) -> None:
    written = sorted(p.relative_to(done.out) for p in done.out.rglob("*") if p.is_file())

    assert done.result.files == written
    assert {"master.m3u8", "poster.jpg", "thumbnails.vtt", "sprite_001.jpg"} <= {
        p.as_posix() for p in written
    }
    assert not (done.out / ".thumbs").exists()
    assert done.result.duration == pytest.approx(6.0, abs=0.1)


def test_progress_ends_at_100(done: Done) -> None:
    assert done.progress[-1] == 100.0
    assert done.progress == sorted(done.progress)


def test_portrait_phone_video_is_encoded_upright(tmp_path: Path) -> None:
    clip = make_video(tmp_path / "clip.mp4", seconds=3, width=640, height=360)
    upright = tmp_path / "upright.mp4"
    ffmpeg("-display_rotation:v", "90", "-i", str(clip), "-c", "copy", str(upright))
    found = probe(upright)

    transcode(upright, tmp_path / "hls", plan_ladder(found), found, on_progress=lambda _: True)

    master = (tmp_path / "hls" / "master.m3u8").read_text()
    assert re.findall(r"RESOLUTION=(\d+x\d+)", master) == ["360x640", "240x426"]
    with Image.open(tmp_path / "hls" / "poster.jpg") as poster:
        assert poster.size == (360, 640)


def test_progress_while_it_works_and_no_audio(long_clip: Path, tmp_path: Path) -> None:
    found = probe(long_clip)
    ladder = plan_ladder(found)[2:]  # 360p and 240p: still a few seconds of work
    calls: list[tuple[float, float]] = []

    def on_progress(percent: float) -> bool:
        calls.append((time.monotonic(), percent))
        return True

    transcode(long_clip, tmp_path, ladder, found, on_progress=on_progress, sprite_interval=4)

    percents = [p for _, p in calls]
    assert percents == sorted(percents)
    assert percents[-1] == 100.0
    assert any(0 < p < 100 for p in percents), percents
    gaps = [b - a for (a, _), (b, _) in itertools.pairwise(calls)]
    assert all(gap > 0.9 for gap in gaps[:-1]), gaps  # about once a second, then the end
    master = (tmp_path / "master.m3u8").read_text()
    codecs = re.findall(r'CODECS="([^"]+)"', master)
    assert len(codecs) == 2
    assert all(re.fullmatch(r"avc1\.64[0-9a-f]{4}", c) for c in codecs), codecs  # no audio
    vtt = (tmp_path / "thumbnails.vtt").read_text()
    assert vtt.count(" --> ") == 6  # every 4 s of 24 s
    assert "00:00:20.000 --> 00:00:24.000" in vtt


def test_cancel_kills_ffmpeg(long_clip: Path, tmp_path: Path) -> None:
    found = probe(long_clip)
    asked: list[float] = []

    def on_progress(percent: float) -> bool:
        asked.append(percent)
        return False

    started = time.monotonic()
    with pytest.raises(TranscodeCanceled):
        transcode(long_clip, tmp_path, plan_ladder(found), found, on_progress=on_progress)

    assert time.monotonic() - started < 3
    assert len(asked) == 1
    assert asked[0] < 100
    assert ffmpeg_children(os.getpid()) == []


def test_a_file_cut_short_fails_as_damaged(tmp_path: Path) -> None:
    # With the index first ("fast start") half a file still probes: the decode must fail.
    clip = make_video(tmp_path / "clip.mp4", seconds=6, width=640, height=360)
    fast = tmp_path / "fast.mp4"
    ffmpeg("-i", str(clip), "-c", "copy", "-movflags", "+faststart", str(fast))
    half = tmp_path / "half.mp4"
    half.write_bytes(fast.read_bytes()[: fast.stat().st_size // 2])
    found = probe(half)
    assert found.duration == pytest.approx(6.0, abs=0.1)

    with pytest.raises(MediaError) as caught:
        transcode(half, tmp_path / "hls", plan_ladder(found), found, on_progress=lambda _: True)

    assert caught.value.reason == "The file looks damaged or cut short; upload the original again."
    assert caught.value.detail


WORKER = """
import sys
from pathlib import Path
from lectern.media.ffmpeg import plan_ladder, probe, transcode

found = probe(Path(sys.argv[1]))

def on_progress(percent: float) -> bool:
    print("working", flush=True)
    return True

transcode(Path(sys.argv[1]), Path(sys.argv[2]), plan_ladder(found), found, on_progress=on_progress)
"""


def test_ffmpeg_dies_with_a_killed_worker(long_clip: Path, tmp_path: Path) -> None:
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(long_clip), str(tmp_path / "hls")],
        cwd=BACKEND,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert worker.stdout is not None
        assert worker.stdout.readline() == "working\n"
        encoders = ffmpeg_children(worker.pid)
        assert len(encoders) == 1

        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()

        deadline = time.monotonic() + 5
        while encoders[0] in processes() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert encoders[0] not in processes()
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
