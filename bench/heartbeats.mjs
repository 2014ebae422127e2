#!/usr/bin/env node
// Open-loop load at a fixed rate for the heartbeat bench (bench/heartbeats.sh): wrk only
// drives a closed loop (each connection waits for its answer before sending again), so when
// the server slows down wrk slows down with it and its latencies hide the wait (coordinated
// omission). Here request i is due at start + i / rate whatever happened before; its latency is
// measured from that due time to the end of its response, so time spent queued in this client
// behind a slow server counts as the server's.
//
//   node bench/heartbeats.mjs --url http://127.0.0.1:8000 --lesson ID --cookies FILE
//        [--rate 700] [--duration 60] [--warmup 15] [--connections 64]
//        [--origin http://localhost:3000] [--video-seconds 7200] [--json FILE] [--label NAME]
//        [--wait 30] [--prime 1]
//
// With --prime 1 it sends instead one heartbeat per viewer, closed loop over --connections
// connections, untimed per request, and prints how many per second: a viewer's first heartbeat
// reads their session, account and access from the database and caches them, as it does once
// per viewer and lesson (then every few minutes) in real life. The fixed-rate runs follow a
// prime, so they measure the steady state of 10,000 viewers already watching.
//
// Each request is POST /api/lessons/ID/heartbeat as the next simulated viewer (one session
// cookie per line of FILE, in turn), with the same body bench/heartbeats.lua sends: a played
// range growing by 15 s on each of that viewer's beats. The warm-up runs at the same rate and
// is not recorded (it also puts every session in the API's cache: 15 s at 700/s is more than
// one beat per viewer). Keep-alive connections, at most --connections at once (a browser
// fleet reaches an API through a proxy that pools connections the same way).
//
// Fails (exit 1) on any non-2xx answer or socket error: a fast error is not a result. A server
// that can't keep up is a result: requests still unanswered --wait seconds after the last one
// was due are abandoned and count as infinitely slow in the percentiles (so p99 reads
// "Infinity" when more than 1 % never came back), and `sustained` is false. Prints one line
// and writes the figures as JSON: the rate asked and achieved, latency percentiles, how late
// this client dispatched requests (its own lag: if large, the client was the limit) and its
// CPU time.

import { Agent, request } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

function parseArgs(argv) {
  const args = {
    url: "",
    lesson: "",
    cookies: "",
    rate: 700,
    duration: 60,
    warmup: 15,
    connections: 64,
    origin: "http://localhost:3000",
    "video-seconds": 7200,
    json: "",
    label: "",
    wait: 30,
    prime: 0,
  };
  const numbers = new Set(["rate", "duration", "warmup", "connections", "video-seconds", "wait", "prime"]);
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in args) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option ${argv[i]} (see the top of bench/heartbeats.mjs)`);
    }
    args[key] = numbers.has(key) ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!args.url || !args.lesson || !args.cookies) throw new Error("--url, --lesson and --cookies are required");
  return args;
}

const args = parseArgs(process.argv.slice(2));
const cookies = readFileSync(args.cookies, "utf8").split("\n").filter(Boolean);
if (cookies.length === 0) throw new Error(`no cookies in ${args.cookies}`);
const target = new URL(`/api/lessons/${args.lesson}/heartbeat`, args.url);
const agent = new Agent({ keepAlive: true, maxSockets: args.connections, maxFreeSockets: args.connections });
const half = Math.floor(args["video-seconds"] / 2);

/** The k-th request: viewer k mod N (1-based, as in the Lua script), on their beat k div N + 1. */
function body(k) {
  const viewer = (k % cookies.length) + 1;
  const beat = Math.floor(k / cookies.length) + 1;
  const start = (viewer * 37) % half;
  const position = Math.min(start + 15 * beat, args["video-seconds"] - 1);
  return {
    cookie: cookies[viewer - 1],
    json: `{"position_seconds":${position.toFixed(1)},"played":[[${start.toFixed(1)},${position.toFixed(1)}]],"seconds":15.0}`,
  };
}

if (args.prime) {
  // Beat 0 of every viewer (position at its start): the fixed-rate runs go on from beat 1.
  const primeStart = performance.now();
  let nextViewer = 0;
  let errors = 0;
  const one = (viewer) =>
    new Promise((resolve) => {
      const cookie = cookies[viewer];
      const at = (((viewer + 1) * 37) % half).toFixed(1);
      const json = `{"position_seconds":${at},"played":[],"seconds":0.0}`;
      const req = request(
        target,
        {
          method: "POST",
          agent,
          headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(json), Origin: args.origin, Cookie: `lectern_session=${cookie}` },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode < 200 || res.statusCode >= 300) errors++;
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end(json);
    });
  const lane = async () => {
    while (nextViewer < cookies.length) await one(nextViewer++);
  };
  await Promise.all(Array.from({ length: args.connections }, lane));
  const seconds = (performance.now() - primeStart) / 1000;
  agent.destroy();
  const primed = { label: args.label, viewers: cookies.length, seconds, per_second: cookies.length / seconds, errors };
  if (args.json) writeFileSync(args.json, `${JSON.stringify(primed, null, 2)}\n`);
  console.log(`  ${args.label}: first heartbeat of ${cookies.length} viewers in ${seconds.toFixed(1)} s (${primed.per_second.toFixed(0)}/s), ${errors} errors`);
  process.exit(errors > 0 ? 1 : 0);
}

const intervalMs = 1000 / args.rate;
const warmupMs = args.warmup * 1000;
const totalMs = warmupMs + args.duration * 1000;
const total = Math.floor(totalMs / intervalMs);
const measuredFrom = Math.ceil(warmupMs / intervalMs);

const latencies = new Float64Array(total - measuredFrom);
// Which request each recorded latency is of, for the per-second figures.
const recordedK = new Uint32Array(total - measuredFrom);
let recorded = 0;
const lags = new Float64Array(total);
const failures = { status: {}, socket: {} };
let failed = 0;
let outstanding = 0;
let lastEnd = 0;
// Set when the client gives up on what is left: the errors that follow are its own doing.
let abandoning = false;

function send(k, due) {
  const { cookie, json } = body(k);
  outstanding++;
  const req = request(
    target,
    {
      method: "POST",
      agent,
      headers: {
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(json),
        Origin: args.origin,
        Cookie: `lectern_session=${cookie}`,
      },
    },
    (res) => {
      res.resume();
      res.on("end", () => {
        const end = performance.now();
        if (res.statusCode < 200 || res.statusCode >= 300) {
          failed++;
          failures.status[res.statusCode] = (failures.status[res.statusCode] ?? 0) + 1;
        } else if (k >= measuredFrom) {
          recordedK[recorded] = k;
          latencies[recorded++] = end - due;
          lastEnd = end;
        }
        outstanding--;
      });
    },
  );
  req.on("error", (error) => {
    if (abandoning) return;
    failed++;
    failures.socket[error.code ?? error.message] = (failures.socket[error.code ?? error.message] ?? 0) + 1;
    outstanding--;
  });
  req.end(json);
}

const cpuBefore = process.cpuUsage();
const start = performance.now();
let next = 0;
let measuredStart = 0;

await new Promise((resolve) => {
  const tick = () => {
    const now = performance.now();
    while (next < total && start + next * intervalMs <= now) {
      const due = start + next * intervalMs;
      if (next === measuredFrom) measuredStart = due;
      lags[next] = now - due;
      send(next, due);
      next++;
    }
    if (next >= total) return resolve();
    setTimeout(tick, Math.max(0, start + next * intervalMs - performance.now()));
  };
  tick();
});
const measuredEnd = start + total * intervalMs;

// The last answers, for at most --wait seconds; what is still out then is abandoned.
const deadline = performance.now() + args.wait * 1000;
while (outstanding > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
const cpu = process.cpuUsage(cpuBefore);
const unanswered = outstanding;
abandoning = true;
agent.destroy();
// Measured requests that never came back (errors aside) are slower than anything recorded.
const abandoned = failed > 0 ? 0 : latencies.length - recorded;
for (let i = 0; i < abandoned && recorded < latencies.length; i++) latencies[recorded++] = Number.POSITIVE_INFINITY;

function percentile(sorted, pct) {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((sorted.length * pct) / 100));
  return sorted[rank - 1];
}
const sorted = latencies.slice(0, recorded).sort();
// p99 and max of each second of the measured window (by due time): a stall shows where it was.
const bySecond = [];
for (let i = 0; i < recorded - abandoned; i++) {
  const second = Math.floor((recordedK[i] - measuredFrom) / args.rate);
  (bySecond[second] ??= []).push(latencies[i]);
}
const perSecond = bySecond.map((values, second) => {
  const ordered = Float64Array.from(values).sort();
  return { second, p99: percentile(ordered, 99), max: ordered[ordered.length - 1] };
});
const answered = recorded - abandoned;
const lagSorted = lags.slice(0, next).sort();
const measuredSeconds = (measuredEnd - measuredStart) / 1000;
const result = {
  label: args.label,
  url: target.href,
  viewers: cookies.length,
  connections: args.connections,
  rate_asked: args.rate,
  warmup_seconds: args.warmup,
  duration_seconds: args.duration,
  requests: recorded,
  answered,
  // Answers recorded over the measured window (the last may end a little after it).
  rate_achieved: answered / Math.max(measuredSeconds, (lastEnd - measuredStart) / 1000),
  latency_ms: {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : Number.NaN,
  },
  sustained: unanswered === 0 && answered >= 0.99 * args.rate * args.duration,
  per_second: perSecond,
  client_lag_ms: { p99: percentile(lagSorted, 99), max: lagSorted.length ? lagSorted[lagSorted.length - 1] : Number.NaN },
  client_cpu_seconds: (cpu.user + cpu.system) / 1e6,
  unanswered,
  errors: failed,
  failures,
};
// JSON has no Infinity: an abandoned request's latency is written as null.
if (args.json) writeFileSync(args.json, `${JSON.stringify(result, (_key, value) => (value === Number.POSITIVE_INFINITY ? null : value), 2)}\n`);
const l = result.latency_ms;
console.log(
  `  ${args.label || target.host}: ${answered} answers at ${result.rate_achieved.toFixed(1)}/s (asked ${args.rate}${result.sustained ? "" : `, NOT sustained: ${unanswered} abandoned`}),` +
    ` p50 ${l.p50.toFixed(2)} ms, p90 ${l.p90.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms, max ${l.max.toFixed(2)} ms;` +
    ` client lag p99 ${result.client_lag_ms.p99.toFixed(2)} ms, client CPU ${result.client_cpu_seconds.toFixed(1)} s`,
);
if (failed > 0) {
  console.error(`FAIL ${args.label}: ${failed} errors ${JSON.stringify(failures)}. A fast error is not a result.`);
  process.exit(1);
}
