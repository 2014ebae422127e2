#!/usr/bin/env node
// Time to first frame in Chromium, from pressing Play on a lesson's player to the first video
// frame after it, beside a bare hls.js page playing the same stream from a static server.
//
//   node bench/playback.mjs --web http://127.0.0.1:3000 [--runs 20] [--course SLUG]
//                           [--json FILE] [--chromium /usr/bin/chromium]
//
// --web is a running Lectern (the web app, which forwards /api/* to the API). The video is the
// course's free preview lesson (the demo course by default), watched signed out. For each page
// the script makes --runs cold runs (a fresh browser context each: empty cache, new
// connections) and --runs warm ones (one context, the page loaded once before and then again
// for every run). A run opens the page, waits for the player to say it is ready
// (data-testid="video-player", data-state="ready": the video's metadata is in), clicks the
// button named "Play", and measures in the page, on its own clock, from the click event to the
// first requestVideoFrameCallback after it; the `playing` event is recorded beside it.
//
// The baseline is the same HLS stream, copied once through a playback grant into a temporary
// folder, served with hls.js (frontend/node_modules/hls.js/dist/hls.min.js) by a static
// server in this process with the same Cache-Control as the API, in a page holding only a
// <video> of the same size as the player's, hls.js with the player's options, and a Play
// button. Both pages load the stream as soon as they open (hls.js starts loading before
// Play), so the ratio is the lesson page's overhead on the same work.
//
// Cleans up after itself: the browser, the static server and the temporary folder.

import { createServer } from "node:http";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const FRONTEND = join(HERE, "..", "frontend");
const requireFromFrontend = createRequire(join(FRONTEND, "package.json"));
const { chromium } = requireFromFrontend("playwright-core");
const HLS_JS = join(FRONTEND, "node_modules", "hls.js", "dist", "hls.min.js");

const VIEWPORT = { width: 1280, height: 800 };
const READY_TIMEOUT = 30_000;
const FRAME_TIMEOUT = 30_000;

function parseArgs(argv) {
  const args = { web: "", runs: 20, course: "smartphone-filmmaking-essentials", json: "", chromium: "/usr/bin/chromium" };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in args) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option ${argv[i]} (see the top of bench/playback.mjs)`);
    }
    args[key] = key === "runs" ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!args.web) throw new Error("--web is required: the origin of a running Lectern");
  args.web = args.web.replace(/\/$/, "");
  return args;
}

async function fetchOk(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response;
}

/** The course's free preview video lesson: its id and the page that plays it. */
async function previewLesson(web, slug) {
  const landing = await (await fetchOk(`${web}/api/catalog/courses/${slug}`)).json();
  for (const section of landing.sections) {
    for (const lesson of section.lessons) {
      if (lesson.kind === "video" && lesson.is_preview) {
        return { id: lesson.id, title: lesson.title, url: `${web}/courses/${slug}/lessons/${lesson.id}` };
      }
    }
  }
  throw new Error(`course ${slug} has no free preview video lesson`);
}

/** Copy the stream behind one grant (playlists, init segments, segments, poster) into `folder`. */
async function mirrorStream(web, lessonId, folder) {
  const grant = await (
    await fetchOk(`${web}/api/lessons/${lessonId}/playback`, {
      method: "POST",
      headers: { Origin: web, "Content-Type": "application/json" },
      body: "{}",
    })
  ).json();
  const base = new URL(grant.master_url, web);
  const prefix = base.pathname.slice(0, base.pathname.lastIndexOf("/") + 1);
  let bytes = 0;
  const copy = async (relative) => {
    const response = await fetchOk(new URL(prefix + relative, web));
    const data = Buffer.from(await response.arrayBuffer());
    const target = join(folder, relative);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data);
    bytes += data.length;
    return data.toString("utf8");
  };
  const master = await copy("master.m3u8");
  await copy("poster.jpg");
  for (const variant of master.split("\n").filter((line) => /^v\d+\/index\.m3u8$/.test(line.trim()))) {
    const rendition = variant.trim().split("/")[0];
    const playlist = await copy(variant.trim());
    const map = /#EXT-X-MAP:URI="([^"]+)"/.exec(playlist);
    if (map) await copy(`${rendition}/${map[1]}`);
    for (const segment of playlist.split("\n").filter((line) => /^seg_\d+\.m4s$/.test(line.trim()))) {
      await copy(`${rendition}/${segment.trim()}`);
    }
  }
  return { bytes, videoId: grant.video_id };
}

const BARE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hls.js baseline</title>
<style>body{margin:0;background:#111}#box{position:relative;background:#000}video{position:absolute;inset:0;width:100%;height:100%;object-fit:contain}
button{position:absolute;left:8px;bottom:8px;z-index:2}</style></head>
<body><div id="box" data-testid="video-player" data-state="loading">
<video id="video" playsinline preload="metadata" poster="/stream/poster.jpg"></video>
<button type="button" aria-label="Play" id="play">Play</button></div>
<script src="/hls.min.js"></script>
<script>
  const params = new URLSearchParams(location.search);
  const box = document.getElementById("box");
  box.style.width = params.get("w") + "px";
  box.style.height = params.get("h") + "px";
  const video = document.getElementById("video");
  // The player's options (frontend/src/components/player/use-hls-source.ts).
  const hls = new Hls({ startPosition: -1, capLevelToPlayerSize: true, enableCEA708Captions: false });
  video.addEventListener("loadedmetadata", () => { box.dataset.state = "ready"; }, { once: true });
  video.addEventListener("playing", () => { box.dataset.state = "playing"; });
  hls.loadSource("/stream/master.m3u8");
  hls.attachMedia(video);
  document.getElementById("play").addEventListener("click", () => { video.play().catch(() => undefined); });
</script></body></html>`;

const TYPES = {
  ".m3u8": "application/vnd.apple.mpegurl",
  ".m4s": "video/iso.segment",
  ".mp4": "video/mp4",
  ".jpg": "image/jpeg",
  ".js": "text/javascript; charset=utf-8",
  ".html": "text/html; charset=utf-8",
};

/** The bare page, hls.js and the mirrored stream, on a free loopback port. */
async function startStaticServer(folder) {
  const hlsJs = await readFile(HLS_JS);
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://x").pathname;
    try {
      let body;
      let type;
      if (path === "/") {
        body = BARE_PAGE;
        type = TYPES[".html"];
      } else if (path === "/hls.min.js") {
        body = hlsJs;
        type = TYPES[".js"];
      } else if (path.startsWith("/stream/")) {
        const relative = normalize(path.slice("/stream/".length));
        if (relative.startsWith("..")) throw new Error("outside");
        body = await readFile(join(folder, relative));
        type = TYPES[extname(relative)] ?? "application/octet-stream";
        response.setHeader("Cache-Control", "private, max-age=600"); // what delivery.py sends
      } else {
        throw new Error("not found");
      }
      response.writeHead(200, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

// In every page, before its scripts: note when the player turns ready, and on the click on Play
// ask the video for its next frame and note the `playing` event, all on the page's clock.
function instrument() {
  const bench = { ready: null, click: null, frame: null, mediaTime: null, playing: null, rvfc: "requestVideoFrameCallback" in HTMLVideoElement.prototype };
  window.__bench = bench;
  const watchReady = () => {
    const player = document.querySelector('[data-testid="video-player"]');
    if (bench.ready === null && player?.dataset.state === "ready") bench.ready = performance.now();
  };
  new MutationObserver(watchReady).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
  window.addEventListener(
    "click",
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button[aria-label="Play"]') : null;
      const video = document.querySelector('[data-testid="video-player"] video');
      if (!button || !video || bench.click !== null) return;
      bench.click = event.timeStamp;
      video.addEventListener("playing", () => { bench.playing ??= performance.now(); }, { once: true });
      if (bench.rvfc) {
        video.requestVideoFrameCallback((now, metadata) => {
          bench.frame = now;
          bench.mediaTime = metadata.mediaTime;
        });
      } else {
        const onTime = () => {
          if (video.currentTime > 0) {
            bench.frame = performance.now();
            bench.mediaTime = video.currentTime;
            video.removeEventListener("timeupdate", onTime);
          }
        };
        video.addEventListener("timeupdate", onTime);
      }
    },
    true,
  );
}

/** One page view: open, wait until ready, click Play, wait for the first frame. */
async function oneRun(context, url, playerSize) {
  const page = await context.newPage();
  const segments = [];
  page.on("request", (request) => {
    const match = /\/(v\d+)\/seg_\d+\.m4s$/.exec(new URL(request.url()).pathname);
    if (match) segments.push(match[1]);
  });
  try {
    await page.goto(url, { waitUntil: "commit" });
    const player = page.getByTestId("video-player");
    await player.and(page.locator('[data-state="ready"]')).waitFor({ timeout: READY_TIMEOUT });
    if (playerSize.width === 0) {
      const box = await player.locator("video").boundingBox();
      playerSize.width = Math.round(box.width);
      playerSize.height = Math.round(box.height);
    }
    const fetchedBeforeClick = segments.length;
    await player.getByRole("button", { name: "Play", exact: true }).click();
    await page.waitForFunction(() => window.__bench.frame !== null, null, { timeout: FRAME_TIMEOUT, polling: 50 });
    const bench = await page.evaluate(() => window.__bench);
    return {
      ttff_ms: bench.frame - bench.click,
      playing_ms: bench.playing === null ? null : bench.playing - bench.click,
      ready_ms: bench.ready,
      media_time: bench.mediaTime,
      rvfc: bench.rvfc,
      first_rendition: segments[0] ?? null,
      segments_before_click: fetchedBeforeClick,
    };
  } finally {
    await page.close();
  }
}

async function series(browser, url, runs, warm, playerSize) {
  const results = [];
  const newContext = () => browser.newContext({ viewport: VIEWPORT });
  let shared = null;
  if (warm) {
    shared = await newContext();
    await shared.addInitScript(instrument);
    await oneRun(shared, url, playerSize); // fills the cache; not counted
  }
  for (let i = 0; i < runs; i++) {
    const context = shared ?? (await newContext());
    if (!shared) await context.addInitScript(instrument);
    try {
      results.push(await oneRun(context, url, playerSize));
    } finally {
      if (!shared) await context.close();
    }
  }
  if (shared) await shared.close();
  return results;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summarize(label, results) {
  const ttff = results.map((r) => r.ttff_ms);
  const playing = results.filter((r) => r.playing_ms !== null).map((r) => r.playing_ms);
  const renditions = {};
  for (const r of results) renditions[r.first_rendition] = (renditions[r.first_rendition] ?? 0) + 1;
  return {
    label,
    runs: results.length,
    ttff_median_ms: median(ttff),
    ttff_min_ms: Math.min(...ttff),
    ttff_max_ms: Math.max(...ttff),
    playing_median_ms: playing.length ? median(playing) : null,
    ready_median_ms: median(results.map((r) => r.ready_ms)),
    segments_before_click_median: median(results.map((r) => r.segments_before_click)),
    first_renditions: renditions,
    rvfc: results.every((r) => r.rvfc),
    results,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const lesson = await previewLesson(args.web, args.course);
  const folder = await mkdtemp(join(tmpdir(), "lectern-playback-"));
  let server = null;
  let browser = null;
  try {
    const mirrored = await mirrorStream(args.web, lesson.id, join(folder, "stream"));
    const staticServer = await startStaticServer(join(folder, "stream"));
    server = staticServer.server;
    args.bare = staticServer.origin;
    browser = await chromium.launch({ executablePath: args.chromium, headless: true, args: ["--mute-audio"] });
    console.log(`lesson page: ${lesson.url} ("${lesson.title}")`);
    console.log(`baseline: ${args.bare}/ (hls.js ${requireFromFrontend("hls.js/package.json").version}, the stream copied: ${(mirrored.bytes / 1e6).toFixed(1)} MB)`);
    console.log(`Chromium ${browser.version()}, headless, viewport ${VIEWPORT.width}x${VIEWPORT.height}; ${args.runs} runs each`);

    const playerSize = { width: 0, height: 0 };
    const summaries = [];
    summaries.push(summarize("lesson page, cold", await series(browser, lesson.url, args.runs, false, playerSize)));
    const bareUrl = `${args.bare}/?w=${playerSize.width}&h=${playerSize.height}`;
    summaries.push(summarize("bare hls.js page, cold", await series(browser, bareUrl, args.runs, false, playerSize)));
    summaries.push(summarize("lesson page, warm", await series(browser, lesson.url, args.runs, true, playerSize)));
    summaries.push(summarize("bare hls.js page, warm", await series(browser, bareUrl, args.runs, true, playerSize)));

    console.log(`\nTime to first frame after the click on Play (player ${playerSize.width}x${playerSize.height} px), ms\n`);
    console.log("| page | runs | TTFF median | min | max | 'playing' median | ready after (median, from navigation) | first segment from | ratio (median / bare) |");
    console.log("|---|--:|--:|--:|--:|--:|--:|---|--:|");
    for (const [i, s] of summaries.entries()) {
      const bare = i % 2 === 0 ? summaries[i + 1] : null;
      const renditions = Object.entries(s.first_renditions).map(([k, v]) => `${k} ×${v}`).join(", ");
      const ratio = bare ? (s.ttff_median_ms / bare.ttff_median_ms).toFixed(2) : "";
      const playing = s.playing_median_ms === null ? "?" : s.playing_median_ms.toFixed(0);
      console.log(
        `| ${s.label} | ${s.runs} | ${s.ttff_median_ms.toFixed(0)} | ${s.ttff_min_ms.toFixed(0)} | ${s.ttff_max_ms.toFixed(0)} | ${playing} | ${s.ready_median_ms.toFixed(0)} | ${renditions} | ${ratio} |`,
      );
    }
    if (!summaries.every((s) => s.rvfc)) console.log("\n(no requestVideoFrameCallback: the first frame is the first timeupdate with currentTime > 0)");
    if (args.json) {
      await writeFile(args.json, `${JSON.stringify({ lesson, player: playerSize, chromium: browser.version(), summaries }, null, 2)}\n`);
    }
  } finally {
    if (browser) await browser.close();
    if (server) await new Promise((resolve) => server.close(resolve));
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`playback bench: ${error.message ?? error}`);
  process.exit(1);
});
