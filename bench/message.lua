-- POST the same message to every class's parents again and again.
-- Usage: wrk -t1 -c1 -d10s -s bench/message.lua URL -- TOKEN BODY_FILE
function init(args)
  wrk.method = "POST"
  wrk.path = "/api/v1/messages"
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  wrk.headers["Content-Type"] = "application/json"
  local f = io.open(args[2], "r")
  wrk.body = f:read("*a")
  f:close()
end
