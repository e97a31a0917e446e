-- A storm of sign-ins: every connection posts the same login until `total` responses have arrived.
-- Usage: wrk -t1 -c50 -d30s -s bench/login_storm.lua URL -- LOGIN PASSWORD TOTAL
local done = 0
local total = 200

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = string.format('{"login":"%s","password":"%s","client":"app"}', args[1], args[2])
  total = tonumber(args[3] or "200")
  wrk.path = "/api/v1/auth/login"
end

function response(status, headers, body)
  done = done + 1
  if done >= total then wrk.thread:stop() end
end
