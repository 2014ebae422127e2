-- wrk script: a catalog request whose cache key changes every time while the SQL does not,
-- so every request to Lectern misses its Redis cache and runs the whole query path.
--
--   BENCH_VARY_PATH   the request path, e.g. /api/catalog/courses?sort=newest&cursor=...
--   BENCH_VARY_Q      words to search for (empty: none). Every request adds
--                     q=<words> <punctuation>: Lectern's cache key is a hash of the raw q, but
--                     its query words (lectern.catalog.search_text.query_words) are the same,
--                     so the same statements run. Without words, q is punctuation only: no
--                     words, so no search at all, the plain listing.
--   BENCH_VARY_SLUGS  instead: a file of course slugs, one a line; every request asks for
--                     BENCH_VARY_PATH .. <the next slug> (each thread its own slice)
--   BENCH_VARY_SALT   a number different for every wrk run (no key of an earlier run repeats)
--   BENCH_THREADS     wrk's -t, to slice the slugs
local path = os.getenv("BENCH_VARY_PATH") or "/api/catalog/courses"
local words = os.getenv("BENCH_VARY_Q") or ""
local slugs_file = os.getenv("BENCH_VARY_SLUGS")
local salt = tonumber(os.getenv("BENCH_VARY_SALT") or "0")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")

local created = 0
function setup(thread)
  thread:set("thread_id", created)
  created = created + 1
end

-- A number written with the three characters "-", "." and "~": no word characters.
local digits = { "-", ".", "~" }
local function punctuation(n)
  local out = ""
  repeat
    local d = n % 3
    out = digits[d + 1] .. out
    n = (n - d) / 3
  until n == 0
  return out
end

local counter = 0
local slugs = nil
local separator = string.find(path, "?", 1, true) and "&" or "?"

function init(args)
  if slugs_file and slugs_file ~= "" then
    slugs = {}
    for line in io.lines(slugs_file) do
      if line ~= "" then
        slugs[#slugs + 1] = line
      end
    end
  end
end

function request()
  counter = counter + 1
  if slugs then
    -- Thread t takes slugs t, t + T, t + 2T... from an offset that moves with the salt.
    local index = (salt * 997 + thread_id + (counter - 1) * nthreads) % #slugs
    return wrk.format(nil, path .. slugs[index + 1])
  end
  local marks = punctuation(salt) .. "_" .. punctuation(thread_id) .. "_" .. punctuation(counter)
  local q = words ~= "" and (string.gsub(words, " ", "+") .. "+" .. marks) or marks
  return wrk.format(nil, path .. separator .. "q=" .. q)
end
