-- wrk script: posts sms-gateway webhooks with unique ids, spread over 1,000 senders (conversations).
-- Used by io.hookbot.load.LoadHarness; see docs/benchmarks.md.
local threads = {}
local counter = 0

-- each run and each wrk thread gets its own id range, so every webhook is new (no dedupe hits)
local run = os.time() % 100000

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

request = function()
  counter = counter + 1
  local id = (run * 10 + tid) * 100000000 + counter
  local body = "secret=load-secret&type=sms&data[id]=" .. id
    .. "&data[device]=load-device&data[sim]=1&data[phone]=%2B63900" .. (counter % 1000)
    .. "&data[message]=t" .. id
  return wrk.format(nil, "/webhooks/load", nil, body)
end
