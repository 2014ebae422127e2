"""plan_ladder(): the renditions for a source, never above it, portrait kept portrait."""

from __future__ import annotations

from lectern.media.ffmpeg import Probe, Rendition, plan_ladder


def source(width: int, height: int, fps: float = 30.0) -> Probe:
    return Probe(
        duration=60.0,
        width=width,
        height=height,
        fps=fps,
        video_codec="h264",
        has_audio=True,
        size_bytes=10_000_000,
    )


def sizes(ladder: list[Rendition]) -> list[tuple[str, int, int]]:
    return [(r.name, r.width, r.height) for r in ladder]


def test_full_hd_gets_five_renditions_with_apples_bitrates() -> None:
    ladder = plan_ladder(source(1920, 1080))

    assert sizes(ladder) == [
        ("1080p", 1920, 1080),
        ("720p", 1280, 720),
        ("480p", 854, 480),
        ("360p", 640, 360),
        ("240p", 426, 240),
    ]
    assert [(r.video_kbps, r.maxrate_kbps, r.bufsize_kbps) for r in ladder] == [
        (5000, 5350, 7500),
        (2800, 2996, 4200),
        (1400, 1498, 2100),
        (800, 856, 1200),
        (400, 428, 600),
    ]


def test_never_above_the_source() -> None:
    assert [r.name for r in plan_ladder(source(1280, 720))] == ["720p", "480p", "360p", "240p"]
    assert sizes(plan_ladder(source(640, 360))) == [("360p", 640, 360), ("240p", 426, 240)]
    # between two rungs: the rungs below it
    assert [r.name for r in plan_ladder(source(1000, 562))] == ["480p", "360p", "240p"]


def test_a_source_under_240_lines_keeps_its_own_size() -> None:
    assert sizes(plan_ladder(source(356, 200))) == [("200p", 356, 200)]
    assert sizes(plan_ladder(source(175, 99))) == [("100p", 176, 100)]  # even sides


def test_portrait_keeps_its_orientation() -> None:
    ladder = plan_ladder(source(1080, 1920))

    assert sizes(ladder) == [
        ("1080p", 1080, 1920),
        ("720p", 720, 1280),
        ("480p", 480, 854),
        ("360p", 360, 640),
        ("240p", 240, 426),
    ]


def test_every_side_is_even() -> None:
    for width, height in ((1918, 1078), (1440, 1080), (1080, 1350), (722, 406), (1279, 719)):
        for rendition in plan_ladder(source(width, height)):
            assert rendition.width % 2 == 0, (width, height)
            assert rendition.height % 2 == 0, (width, height)


def test_more_bits_above_30_fps() -> None:
    at_30, at_60 = plan_ladder(source(1920, 1080, 29.97)), plan_ladder(source(1920, 1080, 60))

    assert at_30[0].video_kbps == 5000
    assert [r.video_kbps for r in at_60] == [7500, 4200, 2100, 1200, 600]
    assert (at_60[0].maxrate_kbps, at_60[0].bufsize_kbps) == (8025, 11250)
