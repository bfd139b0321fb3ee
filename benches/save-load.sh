#!/usr/bin/env bash
# Save latency under load, as browsers send saves: WRITERS concurrent
# clients (default 50), each with a draft of its own, each saving SAVES
# versions (default 20) one after another over HTTP with its session.
# Prints p50, p99 and the maximum of the per-save times curl measured, and
# how many saves failed (the answer must be 0).
# Usage: cargo xtask bench   (or BIN=path/to/resolution-studio benches/save-load.sh)
set -euo pipefail
BIN=${BIN:-target/release/resolution-studio}
WRITERS=${WRITERS:-50}
SAVES=${SAVES:-20}
# shellcheck source=benches/signed-in.sh
source "$(dirname "$0")/signed-in.sh"

for n in $(seq "$WRITERS"); do
  curl -fs -o /dev/null "${auth[@]}" -d "template_id=us-14a8-hrdd-proposal&title=Load+$n" "$base/api/create_draft"
done

writer() { # draft id -> one line per save: seconds and whether it saved
  trap - EXIT # a writer runs in a subshell: the server is not its to stop
  local id=$1 base_version=1
  for n in $(seq "$SAVES"); do
    body=$(printf '{"request":{"draft_id":%d,"base_version":%d,"answers":{"proponent":"Writer %d save %d"},"dismissals":{}}}' \
      "$id" "$base_version" "$id" "$n")
    out=$(curl -s "${auth[@]}" -H 'content-type: application/json' -w ' %{time_total}' \
      --data "$body" "$base/api/save_draft")
    time=${out##* }
    if [[ $out =~ \"version\":([0-9]+) && $out == *Saved* ]]; then
      base_version=${BASH_REMATCH[1]}
      echo "$time ok"
    else
      echo "$time failed"
    fi
  done
}

start=$(date +%s%N)
writers=()
for id in $(seq "$WRITERS"); do
  writer "$id" >"$work/writer-$id" &
  writers+=($!)
done
wait "${writers[@]}" # not a bare `wait`: the server is a child of this shell too
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
cat "$work"/writer-* >"$work/all"
failed=$(grep -c failed "$work/all" || true)
sort -n "$work/all" | awk -v writers="$WRITERS" -v failed="$failed" -v ms="$elapsed_ms" '
  { t[NR] = $1 }
  END {
    p50 = t[int(NR * 0.50 + 0.5)]; p99 = t[int(NR * 0.99 + 0.5)]
    printf "%d saves by %d writers in %d ms: p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d failed\n",
      NR, writers, ms, p50 * 1000, p99 * 1000, t[NR] * 1000, failed
  }'
