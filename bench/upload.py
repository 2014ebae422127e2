"""A 2 GiB video upload through the real API (tus), beside the disk's and nginx's own speed.

    python bench/upload.py [--size BYTES] [--chunk BYTES] [--json FILE] [--work DIR]

Run by bench/run.sh (BENCH_ONLY=upload), which provides a migrated and seeded database and
Redis through the usual LECTERN_* variables. This script starts its own API process
(uvicorn, 1 worker, uvloop, httptools) on a free port with its own scratch LECTERN_VAR_DIR and
a throwaway SQLite job queue (LECTERN_BROKER_URL), so the finished upload's transcode job goes
nowhere and no worker is needed. As the demo instructor it creates a draft course with one
video lesson and then:

1. idle: probes GET /healthz and GET /api/catalog/topics every 100 ms for a while and samples
   the API's VmRSS every 100 ms: the baseline latency and the idle memory;
2. upload: the same probes and samples while a tus client (httpx, one PATCH per 64 MiB, each
   streamed from a generator in 1 MiB reads) sends a sparse 2 GiB file: throughput, the
   API's peak RSS above its idle RSS (sampled VmRSS, and VmHWM read afterwards), and the
   probes' latency percentiles;
3. baselines: the same bytes PUT to nginx (WebDAV, one request, the same client) and copied
   with dd to the same disk (without and with fdatasync).

The probes and the memory samples run in a separate process so the uploading client's GIL
does not delay them. Afterwards the video is canceled and the course deleted (their files go
with them), the API and nginx stopped and the scratch directory removed, on failure too.
"""

from __future__ import annotations

import argparse
import base64
import json
import multiprocessing as mp
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from multiprocessing.synchronize import Event as EventType
from pathlib import Path
from typing import Any

import httpx

MIB = 1024 * 1024
MB = 1_000_000
READ_BLOCK = MIB  # what the client's generator reads and yields at a time
PROBE_EVERY = 0.1  # seconds
IDLE_SECONDS = 15.0
RSS_LIMIT_MB = 100.0
STALL_MS = 200.0  # a probe slower than this is a stall

INSTRUCTOR = ("instructor@lectern.test", "lectern-teach-demo")
TUS = {"Tus-Resumable": "1.0.0"}
PROBES = {"healthz": "/healthz", "topics": "/api/catalog/topics"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_up(url: str, process: subprocess.Popen[bytes], what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"upload bench: {what} exited on start (code {process.returncode})")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"upload bench: {what} did not answer {url} within {seconds:.0f} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _stat_seconds(path: str) -> float:
    """User + system CPU time from a /proc stat file (the comm field may hold spaces)."""
    fields = Path(path).read_text().rpartition(") ")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU seconds of a whole process (ended threads included) and of its main thread."""
    return _stat_seconds(f"/proc/{pid}/stat"), _stat_seconds(f"/proc/{pid}/task/{pid}/stat")


def status_kb(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in kB."""
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


# --- the probe process -----------------------------------------------------------------------


def _probe_loop(url: str, stop: EventType, out: list[float], errors: list[str]) -> None:
    """GET url on a 100 ms grid (right away after a slow one); latencies in ms."""
    with httpx.Client(timeout=60) as client:
        client.get(url)  # connect first: the connection is not what we measure
        next_at = time.perf_counter()
        while not stop.is_set():
            started = time.perf_counter()
            try:
                response = client.get(url)
                if response.status_code != 200:
                    errors.append(f"{url}: {response.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{url}: {exc!r}")
            out.append((time.perf_counter() - started) * 1000)
            next_at += PROBE_EVERY
            delay = next_at - time.perf_counter()
            if delay > 0:
                stop.wait(delay)
            else:
                next_at = time.perf_counter()


def _rss_loop(pid: int, stop: EventType, out: list[int]) -> None:
    while not stop.is_set():
        try:
            rss = status_kb(pid).get("VmRSS")
        except OSError:
            rss = None
        if rss is None:  # the process is gone (or a zombie)
            return
        out.append(rss)
        stop.wait(PROBE_EVERY)


def probe_process(
    base: str, pid: int, stop: EventType, ready: EventType, results: mp.Queue[dict[str, Any]]
) -> None:
    latencies: dict[str, list[float]] = {name: [] for name in PROBES}
    errors: list[str] = []
    rss: list[int] = []
    threads = [
        threading.Thread(target=_probe_loop, args=(base + path, stop, latencies[name], errors))
        for name, path in PROBES.items()
    ]
    threads.append(threading.Thread(target=_rss_loop, args=(pid, stop, rss)))
    for thread in threads:
        thread.start()
    ready.set()
    for thread in threads:
        thread.join()
    results.put({"latencies": latencies, "errors": errors, "rss_kb": rss})


class Probe:
    """Probes and memory samples in another process, from start() to finish()."""

    def __init__(self, base: str, pid: int) -> None:
        ctx = mp.get_context("spawn")
        self.stop_event = ctx.Event()
        ready = ctx.Event()
        self.results: mp.Queue[dict[str, Any]] = ctx.Queue()
        self.process = ctx.Process(
            target=probe_process,
            args=(base, pid, self.stop_event, ready, self.results),
            daemon=True,  # a failed run must not wait for it
        )
        self.process.start()
        if not ready.wait(30):
            self.process.kill()
            raise SystemExit("upload bench: the probe process did not start")

    def finish(self) -> dict[str, Any]:
        self.stop_event.set()
        result = self.results.get(timeout=120)
        self.process.join(30)
        return result

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
            self.process.join(10)


# --- figures ---------------------------------------------------------------------------------


def percentile(values: list[float], pct: float) -> float:
    """Nearest rank."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


@dataclass
class Latency:
    samples: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    stalls: int  # slower than STALL_MS

    @classmethod
    def of(cls, values: list[float]) -> Latency:
        if not values:
            raise SystemExit("upload bench: a probe made no requests")
        return cls(
            samples=len(values),
            p50_ms=percentile(values, 50),
            p99_ms=percentile(values, 99),
            max_ms=max(values),
            stalls=sum(v > STALL_MS for v in values),
        )


@dataclass
class Transfer:
    what: str
    seconds: float
    bytes: int

    @property
    def mb_per_s(self) -> float:
        return self.bytes / MB / self.seconds


@dataclass
class Result:
    size: int
    chunk: int
    upload: Transfer
    patch_seconds: list[float]
    idle_rss_mb: float
    peak_rss_mb: float  # sampled VmRSS during the upload
    hwm_before_mb: float  # VmHWM before it (the sign-in's argon2id takes 64 MiB for a moment)
    hwm_mb: float  # VmHWM after it
    api_cpu_seconds: float  # the API process's CPU time during the upload
    loop_cpu_seconds: float  # of which its main thread's: the event loop
    client_peak_rss_mb: float
    latency: dict[str, dict[str, Latency]]  # probe -> phase -> figures
    baselines: list[Transfer] = field(default_factory=list)
    load_average: str = ""

    @property
    def rss_increase_mb(self) -> float:
        """The highest VmRSS of the upload above the idle one: VmHWM when the upload raised it
        (it catches a peak between two samples), else the highest sample."""
        peak = self.hwm_mb if self.hwm_mb > self.hwm_before_mb else self.peak_rss_mb
        return max(peak, self.peak_rss_mb) - self.idle_rss_mb


# --- the client ------------------------------------------------------------------------------


def read_range(path: Path, offset: int, length: int) -> Iterator[bytes]:
    with path.open("rb") as f:
        f.seek(offset)
        left = length
        while left:
            data = f.read(min(READ_BLOCK, left))
            if not data:
                raise RuntimeError(f"{path} ended early")
            left -= len(data)
            yield data


def metadata(**values: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


def expect(response: httpx.Response, status: int) -> httpx.Response:
    if response.status_code != status:
        raise SystemExit(
            f"upload bench: {response.request.method} {response.request.url.path} answered "
            f"{response.status_code} (wanted {status}): {response.text[:500]}"
        )
    return response


def video_lesson(client: httpx.Client) -> tuple[str, str]:
    """A draft course with one video lesson, as the studio makes it: (course id, lesson id)."""
    email, password = INSTRUCTOR
    expect(client.post("/api/auth/sign-in", json={"email": email, "password": password}), 200)
    course = expect(
        client.post("/api/studio/courses", json={"title": f"Upload bench {time.time():.0f}"}), 201
    ).json()
    sections = expect(
        client.post(f"/api/studio/courses/{course['id']}/sections", json={"title": "Footage"}),
        200,
    ).json()["sections"]
    lessons = expect(
        client.post(
            f"/api/studio/sections/{sections[-1]['id']}/lessons",
            json={"title": "Raw footage", "kind": "video"},
        ),
        200,
    ).json()
    lesson_id = next(
        lesson["id"]
        for section in lessons["sections"]
        for lesson in section["lessons"]
        if lesson["kind"] == "video"
    )
    return str(course["id"]), str(lesson_id)


def tus_upload(
    client: httpx.Client, lesson_id: str, source: Path, size: int, chunk: int
) -> tuple[str, list[float]]:
    """POST, then one PATCH per chunk; the upload's id and each PATCH's seconds."""
    location = expect(
        client.post(
            "/api/uploads",
            # The tus creation URL had a trailing slash at first: follow a redirect either way.
            follow_redirects=True,
            headers={
                **TUS,
                "Upload-Length": str(size),
                "Upload-Metadata": metadata(lesson_id=lesson_id, filename="bench.mp4"),
            },
        ),
        201,
    ).headers["location"]
    offset, timings = 0, []
    while offset < size:
        length = min(chunk, size - offset)
        started = time.perf_counter()
        response = expect(
            client.patch(
                location,
                content=read_range(source, offset, length),
                headers={
                    **TUS,
                    "Upload-Offset": str(offset),
                    "Content-Type": "application/offset+octet-stream",
                    # A length, so httpx sends the generator as is rather than chunked.
                    "Content-Length": str(length),
                },
            ),
            204,
        )
        timings.append(time.perf_counter() - started)
        offset = int(response.headers["upload-offset"])
        if offset != sum(min(chunk, size - i) for i in range(0, offset, chunk)):
            raise SystemExit(f"upload bench: the server reports offset {offset}")
    return location.rsplit("/", 1)[1], timings


# --- baselines -------------------------------------------------------------------------------

NGINX_CONF = """\
{user}worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {dir}/dav;
        client_max_body_size 0;
        location / {{
            dav_methods PUT DELETE;
            create_full_put_path on;
        }}
    }}
}}
"""


def nginx_put(work: Path, source: Path, size: int) -> Transfer:
    """The same bytes in one streamed PUT to nginx's WebDAV module (it spools the body to a
    temporary file on the same disk, then renames it into place)."""
    directory = work / "nginx"
    (directory / "dav").mkdir(parents=True)
    port = free_port()
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = directory / "nginx.conf"
    conf.write_text(NGINX_CONF.format(user=user, dir=directory, port=port))
    nginx = subprocess.Popen(  # noqa: S603 - fixed arguments
        ["/usr/sbin/nginx", "-p", str(directory), "-c", str(conf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_up(f"http://127.0.0.1:{port}/", nginx, "nginx")
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600) as client:
            started = time.perf_counter()
            response = client.put(
                "/bench.mp4",
                content=read_range(source, 0, size),
                headers={"Content-Length": str(size)},
            )
            seconds = time.perf_counter() - started
        if response.status_code not in (201, 204):
            raise SystemExit(f"upload bench: nginx PUT answered {response.status_code}")
        stored = (directory / "dav" / "bench.mp4").stat().st_size
        if stored != size:
            raise SystemExit(f"upload bench: nginx stored {stored} bytes, not {size}")
    finally:
        stop(nginx)
        shutil.rmtree(directory, ignore_errors=True)
    return Transfer("nginx PUT (WebDAV), the same client, one request", seconds, size)


def dd_copy(work: Path, source: Path, size: int, *, sync: bool) -> Transfer:
    target = work / "dd.out"
    command = ["dd", f"if={source}", f"of={target}", "bs=64M", "status=none"]
    if sync:
        command.append("conv=fdatasync")
    started = time.perf_counter()
    subprocess.run(command, check=True)  # noqa: S603 - fixed arguments
    seconds = time.perf_counter() - started
    target.unlink()
    what = "dd bs=64M to the same disk" + (", conv=fdatasync" if sync else " (page cache)")
    return Transfer(what, seconds, size)


# --- the run ---------------------------------------------------------------------------------


def start_api(work: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "LECTERN_VAR_DIR": str(work / "var"),
        # The finished upload queues a transcode: into a file that goes with the scratch dir.
        "LECTERN_BROKER_URL": f"sqla+sqlite:///{work / 'queue.sqlite3'}",
    }
    uvicorn = Path(sys.executable).with_name("uvicorn")
    log = (work / "api.log").open("wb")
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            str(uvicorn),
            "--factory",
            "lectern.app:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        cwd=work,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    wait_up(base + "/healthz", process, "the API")
    return process, base


def run(size: int, chunk: int, work_parent: Path | None) -> Result:
    with ExitStack() as cleanup:
        work = Path(tempfile.mkdtemp(prefix="lectern-upload-", dir=work_parent))
        cleanup.callback(shutil.rmtree, work, ignore_errors=True)
        source = work / "source.bin"
        with source.open("wb") as f:
            f.truncate(size)  # sparse: reading it costs no disk, only the copy to the client

        api, base = start_api(work)
        cleanup.callback(stop, api)
        origin = os.environ.get("LECTERN_PUBLIC_URL", "http://localhost:3000")
        client = cleanup.enter_context(
            httpx.Client(base_url=base, headers={"Origin": origin}, timeout=600)
        )
        course_id, lesson_id = video_lesson(client)
        for path in PROBES.values():  # warm both probe paths (and the catalog's cache)
            for _ in range(20):
                expect(client.get(path), 200)

        os.sync()
        print(f"  idle: probing every {PROBE_EVERY * 1000:.0f} ms for {IDLE_SECONDS:.0f} s")
        probe = Probe(base, api.pid)
        cleanup.callback(probe.kill)
        time.sleep(IDLE_SECONDS)
        idle = probe.finish()
        rss_idle = sorted(idle["rss_kb"])[len(idle["rss_kb"]) // 2] / 1024

        print(f"  upload: {size / MIB:,.0f} MiB in PATCHes of {chunk / MIB:.0f} MiB")
        probe = Probe(base, api.pid)
        cleanup.callback(probe.kill)
        hwm_before = status_kb(api.pid)["VmHWM"] / 1024
        cpu_before = cpu_seconds(api.pid)
        started = time.perf_counter()
        video_id, timings = tus_upload(client, lesson_id, source, size, chunk)
        upload = Transfer(
            "Lectern tus upload (POST + PATCHes)", time.perf_counter() - started, size
        )
        cpu_after = cpu_seconds(api.pid)
        api_cpu, loop_cpu = (
            after - before for after, before in zip(cpu_after, cpu_before, strict=True)
        )
        busy = probe.finish()
        hwm = status_kb(api.pid)["VmHWM"] / 1024
        stored = work / "var" / "files" / "videos" / video_id / "source"
        if not stored.is_file() or stored.stat().st_size != size:
            raise SystemExit(f"upload bench: the API did not store {size} bytes at {stored}")
        errors = idle["errors"] + busy["errors"]
        if errors:
            raise SystemExit(f"upload bench: probes failed: {errors[:5]}")

        # No transcode: cancel the queued video, then drop the course with its files.
        expect(client.post(f"/api/studio/videos/{video_id}/cancel"), 200)
        expect(client.delete(f"/api/studio/courses/{course_id}"), 204)
        stop(api)
        result = Result(
            size=size,
            chunk=chunk,
            upload=upload,
            patch_seconds=timings,
            idle_rss_mb=rss_idle,
            peak_rss_mb=max(busy["rss_kb"], default=0) / 1024,
            hwm_before_mb=hwm_before,
            hwm_mb=hwm,
            api_cpu_seconds=api_cpu,
            loop_cpu_seconds=loop_cpu,
            client_peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            latency={
                name: {
                    "idle": Latency.of(idle["latencies"][name]),
                    "upload": Latency.of(busy["latencies"][name]),
                }
                for name in PROBES
            },
        )

        # Baselines, each after the dirty pages of the step before are written out.
        steps: list[Callable[[], Transfer]] = [
            lambda: nginx_put(work, source, size),
            lambda: dd_copy(work, source, size, sync=False),
            lambda: dd_copy(work, source, size, sync=True),
        ]
        for step in steps:
            os.sync()
            result.baselines.append(step())
        result.load_average = " ".join(Path("/proc/loadavg").read_text().split()[:3])
        return result
    raise AssertionError("unreachable")


def report(result: Result) -> None:
    up = result.upload
    print(
        f"\nUpload: {result.size / MIB:,.0f} MiB, tus PATCHes of {result.chunk / MIB:.0f} MiB "
        f"({len(result.patch_seconds)}), uvicorn 1 worker; MB = 10^6 bytes\n"
    )
    rows = [(up, "1.00")] + [(b, f"{up.mb_per_s / b.mb_per_s:.2f}") for b in result.baselines]
    print("| what | seconds | MB/s | Lectern / this |")
    print("|---|--:|--:|--:|")
    for transfer, ratio in rows:
        print(f"| {transfer.what} | {transfer.seconds:.1f} | {transfer.mb_per_s:,.0f} | {ratio} |")
    patches = sorted(result.patch_seconds[:-1]) or [0.0]
    print(
        f"\nPATCH of {result.chunk / MIB:.0f} MiB: median {patches[len(patches) // 2]:.2f} s, "
        f"slowest {patches[-1]:.2f} s; the last one (with the assembly of the whole file) "
        f"{result.patch_seconds[-1]:.2f} s."
    )
    gib = result.size / 1024**3
    print(
        f"The API process's CPU time for the upload: {result.api_cpu_seconds:.1f} s "
        f"({result.api_cpu_seconds / gib:.1f} s per GiB): the event loop's thread "
        f"{result.loop_cpu_seconds:.1f} s, the worker threads (file writes, copies, MD5) "
        f"{result.api_cpu_seconds - result.loop_cpu_seconds:.1f} s"
    )
    verdict = "yes" if result.rss_increase_mb < RSS_LIMIT_MB else "NO"
    print(
        f"\nAPI memory: idle VmRSS {result.idle_rss_mb:.1f} MB, highest sampled during the "
        f"upload {result.peak_rss_mb:.1f} MB, VmHWM before/after it {result.hwm_before_mb:.1f}/"
        f"{result.hwm_mb:.1f} MB: "
        f"+{result.rss_increase_mb:.1f} MB (under {RSS_LIMIT_MB:.0f} MB: {verdict}). "
        f"The client's own peak RSS: {result.client_peak_rss_mb:.1f} MB."
    )
    print(f"\nProbes every {PROBE_EVERY * 1000:.0f} ms (latency of a whole GET, ms)\n")
    print(f"| probe | phase | requests | p50 | p99 | max | > {STALL_MS:.0f} ms |")
    print("|---|---|--:|--:|--:|--:|--:|")
    for name, phases in result.latency.items():
        for phase, f in phases.items():
            print(
                f"| GET {PROBES[name]} | {phase} | {f.samples} | {f.p50_ms:.1f} | "
                f"{f.p99_ms:.1f} | {f.max_ms:.1f} | {f.stalls} |"
            )
    worst = max(p["upload"].max_ms for p in result.latency.values())
    print(
        f"\nSlowest probe during the upload: {worst:.0f} ms "
        f"(no stall over {STALL_MS:.0f} ms: {'yes' if worst <= STALL_MS else 'NO'}); "
        f"load average at the end: {result.load_average}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2 * 1024 * MIB)
    parser.add_argument("--chunk", type=int, default=64 * MIB)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--work", type=Path, help="make the scratch directory in here")
    args = parser.parse_args()
    if "LECTERN_DATABASE_URL" not in os.environ:
        print(
            "upload bench: run it through bench/run.sh (BENCH_ONLY=upload), which provides the "
            "database and Redis",
            file=sys.stderr,
        )
        return 2
    result = run(args.size, args.chunk, args.work)
    report(result)
    if args.json:
        data = asdict(result)
        data["rss_increase_mb"] = result.rss_increase_mb
        data["upload"]["mb_per_s"] = result.upload.mb_per_s
        for baseline, raw in zip(result.baselines, data["baselines"], strict=True):
            raw["mb_per_s"] = baseline.mb_per_s
        args.json.write_text(json.dumps(data, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
