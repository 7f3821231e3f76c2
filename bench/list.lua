-- wrk script: GET a list of organisations with a different page and filter on every request, so
-- the benchmark is not one cached query. PATH (API or page) and the auth header come from env.
local path = os.getenv("LIST_PATH") or "/api/v1/organisations"
local maxPage = tonumber(os.getenv("MAX_PAGE") or "99")
-- MIX=browse: pages with no filter or one kind/county/industry filter; MIX=search: q= name search;
-- MIX=1..5: only that case (1 no filter, 2 kind, 3 county, 4 industry, 5 q), for finding the slow one
local mix = os.getenv("MIX") or "browse"
local kinds = { "ENTERPRISE", "USER", "SERVICE", "FINANCE", "RESEARCH", "UNIVERSITY", "GOVERNMENT" }
local counties = { "371502", "371503", "371581", "371521", "371522", "371524", "371525", "371526" }
local industries = { "NEW_MATERIALS", "HIGH_END_EQUIPMENT", "NEW_ENERGY_VEHICLES", "MEDICAL_HEALTH",
  "GREEN_CHEMICALS", "TEXTILES_APPAREL", "CULTURE_TOURISM", "MODERN_AGRICULTURE" }
local words = { "%E5%8D%8E%E4%BF%A1", "%E9%B2%81%E8%A5%BF", "%E9%87%91%E6%B3%B0", "%E6%81%92%E9%80%9A" } -- 华信 鲁西 金泰 恒通

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

request = function()
  local page = math.random(0, maxPage)
  local r = tonumber(mix) or (mix == "search" and 5 or math.random(1, 4))
  local filter = ""
  if r == 2 then filter = "&kind=" .. kinds[math.random(#kinds)]
  elseif r == 3 then filter = "&county=" .. counties[math.random(#counties)]
  elseif r == 4 then filter = "&industry=" .. industries[math.random(#industries)]
  elseif r == 5 then filter = "&q=" .. words[math.random(#words)]; page = math.random(0, 9)
  end
  return wrk.format("GET", path .. "?page=" .. page .. "&size=20" .. filter)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
