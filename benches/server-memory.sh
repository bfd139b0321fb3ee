#!/usr/bin/env bash
# The web server's memory (resident set, from /proc) right after start and
# after 1,000 live-preview renders of the 14a-8 proposal, sent to the same
# endpoint the wizard calls, with the template's sample answers. Also times
# the 1,000 requests end to end (one curl process each, so the figure
# includes curl's own start-up; criterion's `preview/...` benches give the
# server's time alone).
# Usage: cargo xtask bench   (or BIN=path/to/resolution-studio benches/server-memory.sh)
set -euo pipefail
BIN=${BIN:-target/release/resolution-studio}
RENDERS=${RENDERS:-1000}
# shellcheck source=benches/signed-in.sh
source "$(dirname "$0")/signed-in.sh"

kib() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$pid/status"; }
echo "after start:                 RSS $(kib VmRSS) KiB"

curl -fs -o /dev/null "${auth[@]}" -d 'template_id=us-14a8-hrdd-proposal&title=Memory+benchmark' "$base/api/create_draft"
curl -fs -o /dev/null "${auth[@]}" "$base/drafts/1"
echo "after one wizard page:       RSS $(kib VmRSS) KiB"

printf '{"id":1,"answers":%s,"dismissals":{}}' \
  "$(cat templates/us-14a8-hrdd-proposal.sample.json)" >"$work/preview.json"
start=$(date +%s%N)
for _ in $(seq "$RENDERS"); do
  curl -fs -o /dev/null "${auth[@]}" -H 'content-type: application/json' \
    --data-binary "@$work/preview.json" "$base/api/preview_draft"
done
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "after $RENDERS previews:        RSS $(kib VmRSS) KiB, peak $(kib VmHWM) KiB"
# The same loop against /health: curl's start-up and the HTTP round trip.
start=$(date +%s%N)
for _ in $(seq "$RENDERS"); do curl -fs -o /dev/null "$base/health"; done
baseline_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "$RENDERS preview requests: ${elapsed_ms} ms end to end; $RENDERS /health requests: ${baseline_ms} ms"
echo "preview cost per request beyond a bare request: $(( (elapsed_ms - baseline_ms) * 1000 / RENDERS )) µs"
