-- wrk script for bench/delivery.sh: GET the paths listed in the file $BENCH_PATHS (one a
-- line) in turn, as a player fetches segments one after the other. Each thread starts at a
-- different place in the list, so the connections do not all ask for the same file at once.

local paths = {}
local next_index = 0
local threads_made = 0

function setup(thread)
  thread:set("thread_number", threads_made)
  threads_made = threads_made + 1
end

function init(args)
  local list = os.getenv("BENCH_PATHS")
  if not list then
    error("set BENCH_PATHS to a file of URL paths")
  end
  for line in io.lines(list) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("no paths in " .. list)
  end
  next_index = (tonumber(thread_number) or 0) * 5
end

function request()
  next_index = next_index + 1
  return wrk.format("GET", paths[next_index % #paths + 1])
end
