-- wrk script for the bench mixes: walks the list of URLs given after `--` round-robin, each
-- connection from its own place in it.
local urls = {}
local n = 0
init = function(args)
  for line in io.lines(args[1]) do table.insert(urls, line) end
  n = math.random(#urls)
end
request = function()
  n = n % #urls + 1
  return wrk.format("GET", urls[n])
end
