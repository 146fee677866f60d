-- wrk script for bench/http/run: replays a list of requests round-robin and reports one
-- machine-readable line. Environment:
--   BENCH_TOKEN     bearer token sent with every request
--   BENCH_METHOD    GET or POST
--   BENCH_REQUESTS  file with one request a line: a path, optionally a tab and a JSON body
-- Counts every answer outside 2xx (wrk itself only counts status >= 400).

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local prepared = {}
local next_index = 1
non2xx = 0
first_bad = ""

function init(args)
  local method = os.getenv("BENCH_METHOD") or "GET"
  local headers = {
    ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or ""),
    ["Accept"] = "application/json",
  }
  if method ~= "GET" then
    headers["Content-Type"] = "application/json"
  end
  local list = assert(os.getenv("BENCH_REQUESTS"), "BENCH_REQUESTS is not set")
  for line in io.lines(list) do
    local path, body = line:match("^([^\t]+)\t(.*)$")
    if not path then
      path, body = line, nil
    end
    if path ~= "" then
      table.insert(prepared, wrk.format(method, path, headers, body))
    end
  end
  assert(#prepared > 0, "no requests in " .. list)
  -- Each thread starts at a different place in the list.
  next_index = (id * 7919) % #prepared + 1
end

function request()
  local answer = prepared[next_index]
  next_index = next_index % #prepared + 1
  return answer
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first_bad == "" then
      first_bad = tostring(status) .. " " .. string.sub(body or "", 1, 160):gsub("%s+", " ")
    end
  end
end

function done(summary, latency, requests)
  local bad, sample = 0, ""
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non2xx") or 0)
    if sample == "" then
      sample = thread:get("first_bad") or ""
    end
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f p50_us=%d p99_us=%d non2xx=%d socket_errors=%d first_bad=%s\n",
    summary.requests,
    summary.duration / 1e6,
    latency:percentile(50.0),
    latency:percentile(99.0),
    bad,
    e.connect + e.read + e.write + e.timeout,
    sample
  ))
end
