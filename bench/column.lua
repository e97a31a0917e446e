-- POST a new grade book column with a grade for every pupil of the class, again and again.
-- Usage: wrk -t1 -c4 -d10s -s bench/column.lua URL -- TOKEN BODY_FILE
function init(args)
  wrk.method = "POST"
  wrk.path = "/api/v1/grades"
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  wrk.headers["Content-Type"] = "application/json"
  local f = io.open(args[2], "r")
  wrk.body = f:read("*a")
  f:close()
end
