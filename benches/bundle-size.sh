#!/usr/bin/env bash
# What the browser downloads before each first page becomes interactive,
# measured from what the server serves: the page's module script, the main
# wasm and every wasm chunk the page asks the browser to preload, each
# fetched with `Accept-Encoding: br` and with `gzip`, summed per page.
# Usage: cargo xtask bench   (or BIN=path/to/resolution-studio benches/bundle-size.sh)
set -euo pipefail
BIN=${BIN:-target/release/resolution-studio}
export LEPTOS_SITE_ROOT=${LEPTOS_SITE_ROOT:-target/site}
source "$(dirname "$0")/signed-in.sh"

curl -fs -o /dev/null "${auth[@]}" --data-urlencode template_id=us-14a8-hrdd-proposal \
  --data-urlencode title="Bundle size" "$base/api/create_draft" || true
draft=$(curl -fs "${auth[@]}" --data-urlencode text="Bundle size" --data-urlencode status=any \
  --data-urlencode include_archived=true "$base/api/list_drafts" \
  | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)

bytes() { # URL ENCODING -> bytes on the wire
  curl -fs "${auth[@]}" -H "accept-encoding: $2" -o /dev/null -w '%{size_download}' "$1"
}

printf '| page | files | wasm+js, brotli | wasm+js, gzip | uncompressed |\n|---|---:|---:|---:|---:|\n'
for page in / /drafts "/drafts/$draft" "/drafts/$draft/history" /evidence /library /library/new /account; do
  html=$(curl -fs "${auth[@]}" "$base$page")
  # The module script and every wasm the page preloads (main and chunks).
  urls=$(grep -oE '(href|src)="/pkg/[^"]+\.(js|wasm)"' <<<"$html" | cut -d'"' -f2 | sort -u)
  br=0 gz=0 raw=0 n=0
  for url in $urls; do
    br=$((br + $(bytes "$base$url" br)))
    gz=$((gz + $(bytes "$base$url" gzip)))
    raw=$((raw + $(bytes "$base$url" identity)))
    n=$((n + 1))
  done
  printf '| `%s` | %d | %d KB | %d KB | %d KB |\n' "$page" "$n" $((br / 1024)) $((gz / 1024)) $((raw / 1024))
done
