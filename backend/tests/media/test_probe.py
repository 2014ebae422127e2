"""probe(): what an upload is, from ffmpeg's report, or a plain reason why it can't be used."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from lectern.media.ffmpeg import MediaError, ffmpeg_exe, probe
from tests.fixtures.media import ffmpeg, make_video

NOT_A_VIDEO = "This file isn't a video we can read (it may be a document or an image)."
DAMAGED = "The file looks damaged or cut short; upload the original again."


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_video(
        tmp_path_factory.mktemp("probe") / "clip.mp4", seconds=5, width=640, height=360
    )


def reason(
    path: Path, *, max_duration_seconds: float | None = None, max_bytes: int | None = None
) -> str:
    with pytest.raises(MediaError) as caught:
        probe(path, max_duration_seconds=max_duration_seconds, max_bytes=max_bytes)
    return caught.value.reason


def test_a_normal_clip(clip: Path) -> None:
    found = probe(clip)

    assert found.duration == pytest.approx(5.0, abs=0.1)
    assert (found.width, found.height) == (640, 360)
    assert found.fps == pytest.approx(30.0)
    assert found.video_codec == "h264"
    assert found.has_audio is True
    assert found.size_bytes == clip.stat().st_size


def test_a_clip_without_sound(tmp_path: Path) -> None:
    silent = make_video(tmp_path / "silent.mp4", seconds=3, width=320, height=240, audio=False)

    found = probe(silent)

    assert found.has_audio is False
    assert (found.width, found.height) == (320, 240)


def test_a_phone_video_held_upright_is_portrait(clip: Path, tmp_path: Path) -> None:
    # Phones store the landscape frame and a display matrix saying "turn it 90 degrees".
    upright = tmp_path / "upright.mp4"
    ffmpeg("-display_rotation:v", "90", "-i", str(clip), "-c", "copy", str(upright))

    found = probe(upright)

    assert (found.width, found.height) == (360, 640)


def test_a_recording_whose_header_has_no_duration(tmp_path: Path) -> None:
    # Written to a pipe, as a browser's MediaRecorder does: Matroska/WebM can't go back
    # to fill in the duration, so ffmpeg's report says "Duration: N/A".
    recording = tmp_path / "recording.webm"
    piped = subprocess.run(
        [
            *(ffmpeg_exe(), "-nostdin", "-loglevel", "error"),
            *("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30:duration=4"),
            *("-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8"),
            *("-f", "webm", "pipe:1"),
        ],
        capture_output=True,
        check=True,
    )
    recording.write_bytes(piped.stdout)
    assert "Duration: N/A" in ffmpeg("-i", str(recording), "-f", "null", "-")

    found = probe(recording)

    assert found.duration == pytest.approx(4.0, abs=0.1)
    assert (found.video_codec, found.width, found.height) == ("vp8", 320, 240)


def test_an_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "lesson.mp4"
    empty.touch()

    assert reason(empty) == "The file is empty."


def test_a_text_file(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Lesson 1: what a sourdough starter is.\n" * 20)

    assert reason(notes) == NOT_A_VIDEO


def test_a_document_named_like_a_video(tmp_path: Path) -> None:
    renamed = tmp_path / "lesson.mp4"
    renamed.write_text("Lesson 1: what a sourdough starter is.\n" * 20)

    assert reason(renamed) == NOT_A_VIDEO


@pytest.mark.parametrize("name", ["slide.png", "photo.jpg"])
def test_a_still_picture(tmp_path: Path, name: str) -> None:
    picture = tmp_path / name
    ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360", "-frames:v", "1", str(picture))

    assert reason(picture) == NOT_A_VIDEO


def test_sound_only(tmp_path: Path) -> None:
    sound = tmp_path / "voice.m4a"
    ffmpeg("-f", "lavfi", "-i", "sine=duration=3", "-c:a", "aac", str(sound))

    assert reason(sound) == "The file has no video picture, only sound."


def test_music_with_cover_art_is_still_sound_only(tmp_path: Path) -> None:
    cover = tmp_path / "cover.png"
    ffmpeg("-f", "lavfi", "-i", "testsrc2=size=300x300", "-frames:v", "1", str(cover))
    song = tmp_path / "song.mp3"
    ffmpeg(
        *("-f", "lavfi", "-i", "sine=duration=3", "-i", str(cover)),
        *("-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame", "-c:v", "png"),
        *("-disposition:v", "attached_pic", str(song)),
    )

    assert reason(song) == "The file has no video picture, only sound."


def test_an_mp4_cut_in_half_before_its_index(clip: Path, tmp_path: Path) -> None:
    # As cameras write it, the index (moov) comes last: half the file has none.
    half = tmp_path / "half.mp4"
    data = clip.read_bytes()
    half.write_bytes(data[: len(data) // 2])

    with pytest.raises(MediaError) as caught:
        probe(half)

    assert caught.value.reason == DAMAGED
    assert "moov atom not found" in caught.value.detail


def test_longer_than_allowed(clip: Path, tmp_path: Path) -> None:
    assert reason(clip, max_duration_seconds=3) == "The video is 5 s long; the limit is 3 s."

    long = make_video(tmp_path / "long.mp4", seconds=65, width=64, height=64, fps=1, audio=False)
    assert reason(long, max_duration_seconds=60) == (
        "The video is 1 min 5 s long; the limit is 1 min."
    )

    # 3 h 12 min at one frame a minute: quick to make, as long as a real one.
    epic = tmp_path / "epic.mp4"
    ffmpeg(
        *("-f", "lavfi", "-i", "color=size=64x64:rate=1/60:duration=11520"),
        *("-c:v", "libx264", "-preset", "ultrafast", str(epic)),
    )
    assert reason(epic, max_duration_seconds=3 * 3600) == (
        "The video is 3 h 12 min long; the limit is 3 h."
    )


def test_bigger_than_allowed(clip: Path) -> None:
    size = clip.stat().st_size
    assert 1_000_000 < size < 10_000_000  # the message below depends on it

    message = reason(clip, max_bytes=1_000_000)

    assert message == f"The file is {-(-size // 100_000) / 10:g} MB; the limit is 1 MB."


def test_within_the_limits(clip: Path) -> None:
    found = probe(clip, max_duration_seconds=5.5, max_bytes=clip.stat().st_size)

    assert found.duration == pytest.approx(5.0, abs=0.1)
