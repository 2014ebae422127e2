-- wrk script of the heartbeat bench (bench/heartbeats.sh): POST /api/lessons/<id>/heartbeat,
-- each request as the next of the simulated viewers (their session cookies, one per line in
-- BENCH_HB_COOKIES), with a played range that grows by 15 s on each of that viewer's beats,
-- as a page playing the video sends. Threads take every THREADS-th viewer, so no two send for
-- the same viewer. The same bytes go to the API and to the bare acknowledger.
--   BENCH_HB_COOKIES  the cookie file    BENCH_HB_LESSON  the lesson id
--   BENCH_HB_ORIGIN   the Origin header  BENCH_HB_DURATION  the video's length in seconds
--   BENCH_HB_THREADS  wrk's -t

local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local file = assert(io.open(os.getenv("BENCH_HB_COOKIES"), "r"))
  cookies = {}
  for line in file:lines() do
    if #line > 0 then table.insert(cookies, line) end
  end
  file:close()
  -- The thread count comes from outside: setup() runs in the main state, before every thread.
  stride = tonumber(os.getenv("BENCH_HB_THREADS") or "1")
  next_viewer = id + 1
  beats = {}
  path = "/api/lessons/" .. os.getenv("BENCH_HB_LESSON") .. "/heartbeat"
  origin = os.getenv("BENCH_HB_ORIGIN") or "http://localhost:3000"
  duration = tonumber(os.getenv("BENCH_HB_DURATION") or "7200")
end

function request()
  local viewer = next_viewer
  next_viewer = next_viewer + stride
  if next_viewer > #cookies then next_viewer = id + 1 end
  local beat = (beats[viewer] or 0) + 1
  beats[viewer] = beat
  -- Viewers resumed at different places; each beat has played 15 s more.
  local start = (viewer * 37) % math.floor(duration / 2)
  local position = math.min(start + 15 * beat, duration - 1)
  local body = string.format(
    '{"position_seconds":%.1f,"played":[[%.1f,%.1f]],"seconds":15.0}', position, start, position)
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Origin"] = origin,
    ["Cookie"] = "lectern_session=" .. cookies[viewer],
  }, body)
end
