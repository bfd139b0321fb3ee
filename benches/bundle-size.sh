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

# The wizard's row counts only if this draft exists: a failure stops the script.
curl -fs -o /dev/null "${auth[@]}" --data-urlencode template_id=us-14a8-hrdd-proposal \
  --data-urlencode title="Bundle size" "$base/api/create_draft"
draft=$(curl -fs "${auth[@]}" --data-urlencode text="Bundle size" --data-urlencode status=any \
  --data-urlencode include_archived=true "$base/api/list_drafts" \
  | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)

bytes() { # URL ENCODING -> bytes on the wire
  curl -fs "${auth[@]}" -H "accept-encoding: $2" -o /dev/null -w '%{size_download}' "$1"
}

# The files a page needs: the module script, the main wasm, the split
# loader, the pieces holding the page's words (English, and French for the
# last rows) and every piece the split manifest lists for the page's island. They are read from the manifest, which is
# what the page's preload links are made from (`server::preloads`; a test
# checks every load carries them), so the script does not depend on them.
html=$(curl -fs "${auth[@]}" "$base/")
pkg=$(grep -oE 'href="/pkg/[0-9a-f]+/resolution-studio\.js"' <<<"$html" | head -n 1 | cut -d'"' -f2 | xargs dirname)
manifest=$(curl -fs "${auth[@]}" "$base$pkg/__wasm_split_manifest.json")
split_js=$(cd "$LEPTOS_SITE_ROOT$pkg" && ls __wasm_split.*.js)

files_of() { # WORDS-KEY PAGE-KEY -> the page's URLs, one per line
  echo "$pkg/resolution-studio.js"
  echo "$pkg/resolution-studio_bg.wasm"
  echo "$pkg/$split_js"
  for key in "$1" "$2"; do
    [ "$key" = - ] && continue
    python3 -c 'import json, sys
m = json.loads(sys.argv[1])
[key] = [k for k in m if k.startswith(sys.argv[2] + "_")]
print("\n".join(sys.argv[3] + "/" + c + ".wasm" for c in m[key]))' "$manifest" "$key" "$pkg"
  done
}

printf '| page | files | wasm+js, brotli | wasm+js, gzip | uncompressed |\n|---|---:|---:|---:|---:|\n'
while read -r page words key; do
  # The page must render: a broken page would be measured as a small one.
  curl -fs -o /dev/null "${auth[@]}" "$base$page"
  br=0 gz=0 raw=0 n=0
  for url in $(files_of "$words" "$key" | sort -u); do
    br=$((br + $(bytes "$base$url" br)))
    gz=$((gz + $(bytes "$base$url" gzip)))
    raw=$((raw + $(bytes "$base$url" identity)))
    n=$((n + 1))
  done
  label=$page
  [ "$words" = french_words ] && label="$page (in French)"
  printf '| `%s` | %d | %d KB | %d KB | %d KB |\n' "$label" "$n" $((br / 1024)) $((gz / 1024)) $((raw / 1024))
done <<PAGES
/ english_words templates_page_loader
/drafts english_words drafts_page_loader
/drafts/$draft english_words wizard_page_loader
/drafts/$draft/history english_words history_page_loader
/evidence english_words evidence_page_loader
/library english_words library_page_loader
/library/new english_words editor_page_loader
/account english_words account_page_loader
/campaigns english_words campaigns_page_loader
/ french_words templates_page_loader
/drafts/$draft french_words wizard_page_loader
PAGES
