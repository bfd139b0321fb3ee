#!/usr/bin/env bash
# The server under CLIENTS concurrent clients (default 50), in three set-ups
# on this machine: SQLite with one instance, PostgreSQL with one instance,
# and PostgreSQL with two instances on one database (clients alternate
# between them, as a round-robin proxy would send them). For each:
#   previews: PREVIEWS live-preview requests (default 2000) of the sample
#     proposal, CLIENTS at a time (one curl process, --parallel); prints
#     previews per second and the share answered 200;
#   saves: CLIENTS writers, each saving SAVES versions (default 20) of its
#     own draft one after another; prints p50 and p99 per save.
# PostgreSQL comes from RESOLUTION_STUDIO_BENCH_POSTGRES, a superuser's
# address (`cargo xtask bench` starts a throwaway cluster and sets it).
# Usage: cargo xtask bench   (or BIN=… RESOLUTION_STUDIO_BENCH_POSTGRES=… benches/instances.sh)
set -euo pipefail
BIN=${BIN:-target/release/resolution-studio}
CLIENTS=${CLIENTS:-50}
PREVIEWS=${PREVIEWS:-2000}
SAVES=${SAVES:-20}
ADMIN=${RESOLUTION_STUDIO_BENCH_POSTGRES:?set RESOLUTION_STUDIO_BENCH_POSTGRES to a PostgreSQL superuser address (cargo xtask bench does)}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
SAMPLE=$(cat "$ROOT/templates/us-14a8-hrdd-proposal.sample.json")

start_instances() { # database url, count -> $bases
  local url=$1 count=$2
  bases=()
  for _ in $(seq "$count"); do
    local port=$((20000 + RANDOM % 20000))
    DATABASE_URL=$url LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_OUTPUT_NAME=resolution-studio \
      RUST_LOG=warn "$BIN" serve >>"$work/server.log" 2>&1 &
    pids+=($!)
    bases+=("http://127.0.0.1:$port")
  done
  for b in "${bases[@]}"; do until curl -fs "$b/health" >/dev/null; do sleep 0.1; done; done
}

stop_instances() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  pids=()
}

run() { # label, database url, instances
  local label=$1 url=$2 count=$3
  start_instances "$url" "$count"
  local slug
  slug=$(DATABASE_URL=$url "$BIN" org add --name "Bench $label" | head -n 1)
  echo 'lantern orchard velvet 42' | DATABASE_URL=$url "$BIN" user add --org "$slug" \
    --email "bench@example.org" --role admin >/dev/null
  curl -fs -o /dev/null -c "$work/cookies" -H "origin: ${bases[0]}" \
    --data-urlencode email=bench@example.org --data-urlencode 'password=lantern orchard velvet 42' \
    "${bases[0]}/login"
  local cookie
  cookie=$(awk '$6 == "rs_session" { print "rs_session=" $7 }' "$work/cookies")
  for n in $(seq "$CLIENTS"); do
    curl -fs -o /dev/null -b "$work/cookies" -H "origin: ${bases[0]}" \
      -d "template_id=us-14a8-hrdd-proposal&title=Bench+$n" "${bases[0]}/api/create_draft"
  done
  local first_id
  first_id=$(curl -fs -b "$work/cookies" -H "origin: ${bases[0]}" -H 'accept: application/json' \
    -d 'text=Bench&status=any&include_archived=false' "${bases[0]}/api/list_drafts" |
    grep -o '"id":[0-9]*' | cut -d: -f2 | sort -n | head -n 1)

  # Previews: one curl, CLIENTS transfers at a time.
  : >"$work/previews.cfg"
  for i in $(seq 0 $((PREVIEWS - 1))); do
    local b=${bases[$((i % count))]} id=$((first_id + i % CLIENTS))
    printf '{"id":%d,"answers":%s,"dismissals":{}}' "$id" "$SAMPLE" >"$work/preview-$id.json"
    if ((i > 0)); then echo next >>"$work/previews.cfg"; fi
    printf 'url = "%s/api/preview_draft"\nheader = "content-type: application/json"\nheader = "origin: %s"\nheader = "cookie: %s"\ndata-binary = "@%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' \
      "$b" "$b" "$cookie" "$work/preview-$id.json" >>"$work/previews.cfg"
  done
  local start elapsed ok
  start=$(date +%s%N)
  curl -s --no-progress-meter --parallel --parallel-max "$CLIENTS" -K "$work/previews.cfg" >"$work/preview-codes"
  elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
  ok=$(grep -c '^200$' "$work/preview-codes" || true)
  awk -v n="$PREVIEWS" -v ok="$ok" -v ms="$elapsed" -v l="$label" -v c="$CLIENTS" \
    'BEGIN { printf "%-24s previews: %d in %d ms with %d clients = %.0f per second (%d answered 200)\n", l, n, ms, c, n * 1000 / ms, ok }'

  # Saves: each writer its own draft, versions one after another.
  writer() {
    trap - EXIT
    local id=$1 b=$2 base_version=1
    for n in $(seq "$SAVES"); do
      body=$(printf '{"request":{"draft_id":%d,"base_version":%d,"answers":{"proponent":"Writer %d save %d"},"dismissals":{}}}' \
        "$id" "$base_version" "$id" "$n")
      out=$(curl -s -H "cookie: $cookie" -H "origin: $b" -H 'content-type: application/json' \
        -w ' %{time_total}' --data "$body" "$b/api/save_draft")
      time=${out##* }
      if [[ $out =~ \"version\":([0-9]+) && $out == *Saved* ]]; then
        base_version=${BASH_REMATCH[1]}
        echo "$time ok"
      else
        echo "$time failed"
      fi
    done
  }
  local writers=()
  for i in $(seq 0 $((CLIENTS - 1))); do
    writer $((first_id + i)) "${bases[$((i % count))]}" >"$work/writer-$i" &
    writers+=($!)
  done
  wait "${writers[@]}"
  cat "$work"/writer-* >"$work/all"
  rm -f "$work"/writer-*
  local failed
  failed=$(grep -c failed "$work/all" || true)
  sort -n "$work/all" | awk -v l="$label" -v c="$CLIENTS" -v failed="$failed" '
    { t[NR] = $1 }
    END {
      printf "%-24s saves: %d by %d writers: p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d failed\n",
        l, NR, c, t[int(NR * 0.50 + 0.5)] * 1000, t[int(NR * 0.99 + 0.5)] * 1000, t[NR] * 1000, failed
    }'
  stop_instances
}

new_postgres_database() {
  local name="rs_bench_$$_$1"
  psql "$ADMIN" -qc "CREATE DATABASE $name" >/dev/null
  echo "${ADMIN%/*}/$name"
}

cd "$ROOT"
run "SQLite, 1 instance" "sqlite://$work/bench.db" 1
run "PostgreSQL, 1 instance" "$(new_postgres_database one)" 1
run "PostgreSQL, 2 instances" "$(new_postgres_database two)" 2
