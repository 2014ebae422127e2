-- wrk script: POST a sign-in as the demo student, the way the web client does it.
-- The same request goes to Lectern's /api/auth/sign-in and to the baseline's POST endpoints.
-- Origin must match LECTERN_PUBLIC_URL: the API refuses cookie-style writes from elsewhere.
local email = os.getenv("BENCH_EMAIL") or "student@lectern.test"
local password = os.getenv("BENCH_PASSWORD") or "lectern-learn-demo"
local origin = os.getenv("BENCH_ORIGIN") or "http://localhost:3000"

wrk.method = "POST"
wrk.body = string.format('{"email": "%s", "password": "%s"}', email, password)
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Origin"] = origin
