"""Transcoding speed: Lectern's transcode() beside one plain ffmpeg command.

    backend/.venv/bin/python bench/transcode.py [--runs 3] [--json FILE] [--cache DIR]

The source: 60 s of 1920x1080 at 30 fps with sound (ffmpeg's testsrc2 pattern and a 440 Hz
tone, H.264 + AAC), encoded once and kept in DIR (default bench/results/cache/, which git
ignores). Then, alternating, RUNS times each:

- ours: probe(), plan_ladder() and transcode() of lectern.media.ffmpeg, i.e. the five-rendition
  HLS ladder (1080p to 240p, fMP4, AAC in each) plus the thumbnail sprite with its WebVTT index
  and the poster, as the worker does it;
- plain: one ffmpeg command written out here by hand that produces the same five-rendition HLS
  ladder (same sizes, x264 settings, bitrates, keyframes and segments): no sprite, no poster,
  no progress reading, no input whitelists.

Reported: the median wall time of each side as x realtime (source seconds / wall seconds),
the ffmpeg CPU time, the output size, and the ratio ours / plain. The machine should be
otherwise idle: transcoding takes every core.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from lectern.media.ffmpeg import ffmpeg_exe, plan_ladder, probe, transcode

ROOT = Path(__file__).resolve().parent
SECONDS, WIDTH, HEIGHT, FPS = 60, 1920, 1080, 30
SOURCE_NAME = f"source_{SECONDS}s_{HEIGHT}p{FPS}.mp4"


def make_source(cache: Path) -> Path:
    """The 60 s 1080p30 clip with sound, made once (about a minute on two cores)."""
    source = cache / SOURCE_NAME
    if source.exists():
        return source
    cache.mkdir(parents=True, exist_ok=True)
    partial = source.with_suffix(".partial.mp4")
    print(f"making the source {source} (once)", flush=True)
    subprocess.run(  # noqa: S603 - our argv
        [
            ffmpeg_exe(),
            *("-nostdin", "-hide_banner", "-loglevel", "error", "-y"),
            *("-f", "lavfi", "-i", f"testsrc2=size={WIDTH}x{HEIGHT}:rate={FPS}:duration={SECONDS}"),
            *("-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={SECONDS}"),
            *("-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p"),
            *("-c:a", "aac", "-b:a", "192k", "-ac", "2", "-shortest", str(partial)),
        ],
        check=True,
    )
    partial.rename(source)
    return source


def plain_command(source: Path, out: Path) -> list[str]:
    """The same five-rendition HLS ladder as transcode() writes, in one ffmpeg command."""
    return [
        ffmpeg_exe(),
        *("-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", str(source)),
        "-filter_complex",
        "[0:v]split=5[a][b][c][d][e];"
        "[a]scale=1920:1080[v0];[b]scale=1280:720[v1];[c]scale=854:480[v2];"
        "[d]scale=640:360[v3];[e]scale=426:240[v4]",
        *("-map", "[v0]", "-map", "0:a:0", "-map", "[v1]", "-map", "0:a:0"),
        *("-map", "[v2]", "-map", "0:a:0", "-map", "[v3]", "-map", "0:a:0"),
        *("-map", "[v4]", "-map", "0:a:0"),
        *("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p"),
        *("-force_key_frames", "expr:gte(t,n_forced*2)", "-sc_threshold", "0"),
        *("-b:v:0", "5000k", "-maxrate:v:0", "5350k", "-bufsize:v:0", "7500k"),
        *("-b:v:1", "2800k", "-maxrate:v:1", "2996k", "-bufsize:v:1", "4200k"),
        *("-b:v:2", "1400k", "-maxrate:v:2", "1498k", "-bufsize:v:2", "2100k"),
        *("-b:v:3", "800k", "-maxrate:v:3", "856k", "-bufsize:v:3", "1200k"),
        *("-b:v:4", "400k", "-maxrate:v:4", "428k", "-bufsize:v:4", "600k"),
        *("-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000"),
        *("-f", "hls", "-hls_time", "4", "-hls_playlist_type", "vod"),
        *("-hls_segment_type", "fmp4", "-hls_flags", "independent_segments"),
        *("-hls_segment_filename", str(out / "v%v" / "seg_%05d.m4s")),
        *("-master_pl_name", "master.m3u8"),
        *("-var_stream_map", "v:0,a:0 v:1,a:1 v:2,a:2 v:3,a:3 v:4,a:4"),
        str(out / "v%v" / "index.m3u8"),
    ]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Run:
    wall_s: float
    ffmpeg_cpu_s: float  # every ffmpeg process of the run, user + system
    python_cpu_s: float  # this process (ours: reading progress, tiling the sprite)
    files: int
    bytes: int
    segments: int


def measured(out: Path, started: float, cpu: float, mine: float) -> Run:
    wall = time.perf_counter() - started
    files = [p for p in out.rglob("*") if p.is_file()]
    return Run(
        wall_s=wall,
        ffmpeg_cpu_s=children_cpu() - cpu,
        python_cpu_s=own_cpu() - mine,
        files=len(files),
        bytes=sum(p.stat().st_size for p in files),
        segments=sum(1 for p in files if p.suffix == ".m4s"),
    )


def run_ours(source: Path, out: Path) -> Run:
    cpu, mine, started = children_cpu(), own_cpu(), time.perf_counter()
    found = probe(source)
    result = transcode(source, out, plan_ladder(found), found, on_progress=lambda _: True)
    run = measured(out, started, cpu, mine)
    assert [r.name for r in result.ladder] == ["1080p", "720p", "480p", "360p", "240p"]
    return run


def run_plain(source: Path, out: Path) -> Run:
    cpu, mine, started = children_cpu(), own_cpu(), time.perf_counter()
    subprocess.run(plain_command(source, out), check=True)  # noqa: S603 - our argv
    run = measured(out, started, cpu, mine)
    assert (out / "master.m3u8").read_text().count("#EXT-X-STREAM-INF") == 5
    return run


def ffmpeg_version() -> str:
    done = subprocess.run(  # noqa: S603 - our argv
        [ffmpeg_exe(), "-version"], capture_output=True, text=True, check=True
    )
    return done.stdout.split("\n", 1)[0]


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        padded = (
            c.rjust(w) if i else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )
        return "| " + " | ".join(padded) + " |"

    sep = (
        "|"
        + "|".join(("-" * (w + 1) + ":") if i else "-" * (w + 2) for i, w in enumerate(widths))
        + "|"
    )
    return "\n".join([line(headers), sep, *(line(r) for r in rows)])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--cache", type=Path, default=ROOT / "results" / "cache")
    args = parser.parse_args(argv)

    source = make_source(args.cache)
    found = probe(source)
    load_before = os.getloadavg()
    cpus = os.cpu_count() or 1
    if load_before[0] > cpus / 2:
        print(
            f"WARNING: the machine is busy (load average {load_before[0]:.2f} on {cpus} CPUs):"
            " expect slow, noisy figures.",
            file=sys.stderr,
        )
    print(
        f"\nsource: {found.duration:.1f} s, {found.width}x{found.height} at {found.fps:g} fps,"
        f" {found.video_codec} + {'sound' if found.has_audio else 'no sound'},"
        f" {found.size_bytes / 1e6:.1f} MB; {args.runs} runs each, alternating;"
        f" {cpus} CPUs, load average {load_before[0]:.2f}",
        flush=True,
    )

    runs: dict[str, list[Run]] = {"ours": [], "plain": []}
    sides = {"ours": run_ours, "plain": run_plain}
    with tempfile.TemporaryDirectory(prefix="lectern-bench-video-") as scratch:
        for round_ in range(args.runs):
            order = ["ours", "plain"] if round_ % 2 == 0 else ["plain", "ours"]
            for side in order:
                out = Path(scratch) / f"{side}_{round_}"
                run = sides[side](source, out)
                runs[side].append(run)
                print(
                    f"  {side:5} run {round_ + 1}: {run.wall_s:6.1f} s wall,"
                    f" {found.duration / run.wall_s:.2f}x realtime,"
                    f" ffmpeg CPU {run.ffmpeg_cpu_s:.0f} s, {run.segments} segments,"
                    f" {run.bytes / 1e6:.1f} MB",
                    flush=True,
                )
                shutil.rmtree(out)

    medians = {
        side: {
            key: statistics.median(float(getattr(r, key)) for r in results)
            for key in ("wall_s", "ffmpeg_cpu_s", "python_cpu_s", "bytes")
        }
        for side, results in runs.items()
    }
    speed = {side: found.duration / m["wall_s"] for side, m in medians.items()}
    ratio = speed["ours"] / speed["plain"]
    print()
    print(
        table(
            ["side", "median wall s", "x realtime", "ffmpeg CPU s", "output MB"],
            [
                [
                    label,
                    f"{medians[side]['wall_s']:.1f}",
                    f"{speed[side]:.2f}",
                    f"{medians[side]['ffmpeg_cpu_s']:.0f}",
                    f"{medians[side]['bytes'] / 1e6:.1f}",
                ]
                for side, label in (
                    ("ours", "Lectern transcode(): ladder + sprite + poster"),
                    ("plain", "plain ffmpeg: the same 5-rendition HLS ladder"),
                )
            ],
        )
    )
    print(
        f"\nratio ours / plain (x realtime) = {ratio:.2f}: Lectern's whole job takes"
        f" {1 / ratio:.2f}x the plain ladder's wall time"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "date": datetime.now(UTC).isoformat(timespec="seconds"),
                    "meta": {
                        "nproc": cpus,
                        "cpu": platform.processor() or platform.machine(),
                        "python": platform.python_version(),
                        "ffmpeg": ffmpeg_version(),
                        "load_average_before": load_before,
                        "load_average_after": os.getloadavg(),
                    },
                    "source": {
                        "seconds": found.duration,
                        "width": found.width,
                        "height": found.height,
                        "fps": found.fps,
                        "bytes": found.size_bytes,
                    },
                    "runs": {side: [asdict(r) for r in results] for side, results in runs.items()},
                    "medians": medians,
                    "x_realtime": speed,
                    "ratio_ours_over_plain": ratio,
                },
                indent=2,
            )
            + "\n"
        )
        print(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
