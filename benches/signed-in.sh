# Sourced by the server benchmarks: starts the server ($BIN) on a fresh
# database in $work on a free port, makes an organisation and its admin with
# the command line, signs in, and leaves in the environment:
#   $base   the server's address
#   $pid    its process id
#   $auth   curl arguments that send the session cookie and the app's Origin
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
export DATABASE_URL="sqlite://$work/bench.db"
LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_OUTPUT_NAME=resolution-studio \
  RUST_LOG=warn "$BIN" serve >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
# A server that stopped (no bundle built, no data folder) is reported, not awaited.
for _ in $(seq 300); do
  curl -fs "$base/health" >/dev/null && break
  kill -0 $pid 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
curl -fs "$base/health" >/dev/null || { echo "the server did not answer in 30 s" >&2; cat "$work/server.log" >&2; exit 1; }
slug=$("$BIN" org add --name "Benchmark Investors" | head -n 1)
echo 'lantern orchard velvet 42' | "$BIN" user add --org "$slug" --email bench@example.org --role admin >/dev/null
curl -fs -o /dev/null -c "$work/cookies" -H "origin: $base" \
  --data-urlencode email=bench@example.org --data-urlencode 'password=lantern orchard velvet 42' "$base/login"
auth=(-b "$work/cookies" -H "origin: $base")
