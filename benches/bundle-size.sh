#!/usr/bin/env bash
# What the browser downloads before each first page becomes interactive,
# measured from what the server serves: the page's module script and every
# file the page asks the browser to preload (its bundle's main wasm, the
# split loader, its words and its island's piece), each fetched with
# `Accept-Encoding: br` and with `gzip`, summed per page.
# Usage: cargo xtask bench   (or BIN=path/to/resolution-studio benches/bundle-size.sh)
set -euo pipefail
BIN=${BIN:-target/release/resolution-studio}
export LEPTOS_SITE_ROOT=${LEPTOS_SITE_ROOT:-target/site}
source "$(dirname "$0")/signed-in.sh"

# The wizard's row counts only if this draft exists: a failure stops the script.
curl -fs -o /dev/null "${auth[@]}" --data-urlencode template_id=us-14a8-hrdd-proposal \
  --data-urlencode title="Bundle size" "$base/api/create_draft"
draft=$(curl -fs "${auth[@]}" --data-urlencode text="Bundle size" --data-urlencode status=any \
  --data-urlencode include_archived=true "$base/api/list_drafts" \
  | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)

bytes() { # URL ENCODING -> bytes on the wire
  curl -fs "${auth[@]}" -H "accept-encoding: $2" -o /dev/null -w '%{size_download}' "$1"
}

# The files a page needs before it is interactive, as the page names them:
# its bundle's module script and every file it preloads (the bundle's main
# wasm, the split loader, the pieces holding the page's words and, on a page
# of the shared bundle, its island's piece). A test checks that every load
# names them all (`http::pages_rendered_before_answering_…`).
files_of() { # PAGE-HTML -> the page's URLs, one per line
  grep -oE 'href="/pkg/[^"]+\.(js|wasm)"' <<<"$1" | cut -d'"' -f2 | sort -u
}

printf '| page | files | wasm+js, brotli | wasm+js, gzip | uncompressed |\n|---|---:|---:|---:|---:|\n'
while read -r page lang; do
  # The page must render: a broken page would be measured as a small one.
  html=$(curl -fs "${auth[@]}" -H "accept-language: $lang" "$base$page")
  grep -q "<html lang=\"$lang\"" <<<"$html" || { echo "$page did not come in $lang" >&2; exit 1; }
  br=0 gz=0 raw=0 n=0
  for url in $(files_of "$html"); do
    br=$((br + $(bytes "$base$url" br)))
    gz=$((gz + $(bytes "$base$url" gzip)))
    raw=$((raw + $(bytes "$base$url" identity)))
    n=$((n + 1))
  done
  label=$page
  [ "$lang" = fr ] && label="$page (in French)"
  printf '| `%s` | %d | %d KB | %d KB | %d KB |\n' "$label" "$n" $((br / 1024)) $((gz / 1024)) $((raw / 1024))
done <<PAGES
/ en
/drafts en
/drafts/$draft en
/drafts/$draft/history en
/evidence en
/library en
/library/new en
/account en
/campaigns en
/ fr
/drafts/$draft fr
PAGES
