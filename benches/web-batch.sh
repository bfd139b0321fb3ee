#!/usr/bin/env bash
# The co-filer packet through the web app: DRAFTS co-filer authorisations
# (default 1000) created over the HTTP API, then rendered as one packet
# (DOCX and PDF of each, and its evidence report) by the background job;
# prints the time from the start request to the finished ZIP, the server's
# peak memory (VmHWM) and the ZIP's size.
# Usage: cargo xtask bench   (or BIN=path/to/resolution-studio benches/web-batch.sh)
set -euo pipefail
BIN=${BIN:-target/release/resolution-studio}
DRAFTS=${DRAFTS:-1000}
# shellcheck source=benches/signed-in.sh
source "$(dirname "$0")/signed-in.sh"
# A token may make 120 requests a minute: one draft token per hundred drafts.
tokens=()
for t in $(seq 0 $(( (DRAFTS - 1) / 100 ))); do
  tokens+=("$(curl -fs "${auth[@]}" -H 'accept: application/json' \
    -d "name=bench-$t&scope=draft" "$base/api/create_api_token" | tr -d '"')")
done
render=$(curl -fs "${auth[@]}" -H 'accept: application/json' \
  -d 'name=bench-render&scope=render' "$base/api/create_api_token" | tr -d '"')
sample=$(cat templates/cofiler-authorisation.sample.json)
ids=()
for n in $(seq "$DRAFTS"); do
  body=$(printf '{"template":"cofiler-authorisation","title":"Co-filer %d","answers":%s}' "$n" \
    "$(printf '%s' "$sample" | sed "s/Fernhill Community Foundation/Co-filer Foundation $n/")")
  token=${tokens[$(( (n - 1) / 100 ))]}
  id=$(curl -fs -H "authorization: Bearer $token" -H 'content-type: application/json' \
    --data "$body" "$base/api/v1/drafts" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
  ids+=("$id")
done
list=$(IFS=,; echo "${ids[*]}")
start=$(date +%s%N)
batch=$(curl -fs -H "authorization: Bearer $render" -H 'content-type: application/json' \
  --data "{\"title\":\"bench\",\"drafts\":[$list],\"formats\":[\"docx\",\"pdf\"]}" \
  "$base/api/v1/batches" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
until curl -fs -H "authorization: Bearer $render" "$base/api/v1/batches/$batch" | grep -q '"state":"done"'; do
  sleep 0.2
done
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
bytes=$(curl -fs -H "authorization: Bearer $render" "$base/api/v1/batches/$batch/zip" | wc -c)
peak=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$pid/status")
echo "web batch: $DRAFTS co-filer authorisations (DOCX, PDF, evidence report each) in $elapsed_ms ms from start to finished ZIP ($((bytes / 1024 / 1024)) MB); server peak memory $peak MB"
