-- wrk script that POSTs one seeding request per organisation id FROM..TO (one wrk thread, many
-- connections: the counter is shared), then stops once the ids run out.
-- KIND=pipeline: register the firm as a tech SME (non-enterprises answer 404, which is expected);
-- KIND=investment: the sub-fund FUND invests in the organisation.
local from = tonumber(os.getenv("FROM"))
local to = tonumber(os.getenv("TO"))
local kind = os.getenv("KIND") or "pipeline"
local fund = os.getenv("FUND")
local id = from - 1
wrk.headers["Content-Type"] = "application/json"

response = function(status, headers, body)
  if id > to then
    wrk.thread:stop()
  end
end

request = function()
  id = id + 1
  if id > to then
    return wrk.format("GET", "/actuator/health")
  end
  if kind == "pipeline" then
    return wrk.format("POST", "/api/v1/cultivation/enterprises/" .. id .. "/pipeline/moves", nil,
      '{"action":"REGISTER_TECH_SME","year":2025,"number":"BENCH' .. id .. '"}')
  end
  local month = 1 + id % 12
  return wrk.format("POST", "/api/v1/funds/" .. fund .. "/investments", nil,
    string.format('{"organisationId":%d,"date":"2025-%02d-15","type":"INITIAL","amount":%d}', id, month,
      100000 + (id % 97) * 10000))
end
