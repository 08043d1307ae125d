-- Cycles through pre-built requests read from a file (one per line:
-- METHOD <tab> PATH <tab> HEADER1=V1|HEADER2=V2 <tab> BODY), so every request can be unique
-- and correctly signed. Usage: wrk -s wrk_cycle.lua URL -- FILE
local requests = {}
local index = 0

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local method, path, headers, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    local h = {}
    for pair in headers:gmatch("[^|]+") do
      local name, value = pair:match("^([^=]+)=(.*)$")
      h[name] = value
    end
    requests[#requests + 1] = wrk.format(method, path, h, body)
  end
  file:close()
end

function request()
  index = index % #requests + 1
  return requests[index]
end
