-- PUT a lesson's record (topic + the whole class's attendance) again and again.
-- Usage: wrk -t1 -c4 -d10s -s bench/record.lua URL -- TOKEN LESSON_ID BODY_FILE
function init(args)
  wrk.method = "PUT"
  wrk.path = "/api/v1/lessons/" .. args[2] .. "/record"
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  wrk.headers["Content-Type"] = "application/json"
  local f = io.open(args[3], "r")
  wrk.body = f:read("*a")
  f:close()
end
