#!/usr/bin/env bash
# The wizard's first download if the app used Leptos islands instead of lazy
# routes, measured on a copy of this checkout (nothing here is changed).
#
# `islands-probe.patch` turns on Leptos's `islands` feature for the browser
# bundle, makes the wizard page an island and hydrates with
# `hydrate_islands`, as an islands build of the app would for that page: the
# router, the shell and the other pages are rendered by the server only and
# leave the bundle. (The header's two forms are plain forms and need no island.)
# In islands mode nothing calls the lazy routes' split points, but their
# `#[lazy_route]` exports stay in the module and would keep every page in it;
# `drop-exports.py` removes them, as the linker would if nothing exported them.
#
# Prints the bytes a first visit to the wizard fetches: the module script,
# the main wasm, the split loader and the English words' piece, gzipped and
# brotli-compressed as the xtask precompresses them. Compare with the
# `/drafts/ID` row of `benches/bundle-size.sh`.
# Usage: bash benches/islands-probe.sh   (about 8 minutes on a cold build cache)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$root" worktree add --detach "$work/tree" HEAD >/dev/null
git -C "$work/tree" apply "$root/benches/islands-probe.patch"
# A build cache of its own: the probe must not replace the bundle in
# target/site, and cargo, finding the xtask of another checkout up to date in
# a shared cache, would run it against that checkout's files.
export CARGO_TARGET_DIR=${PROBE_TARGET_DIR:-$root/target/islands-probe}
if [ "$(realpath -m "$CARGO_TARGET_DIR")" = "$(realpath -m "$root/target")" ]; then
  echo "PROBE_TARGET_DIR must not be this checkout's target/" >&2
  exit 2
fi
(cd "$work/tree" && cargo xtask site >"$work/first.log" 2>&1) || { cat "$work/first.log"; exit 1; }
python3 "$root/benches/drop-exports.py" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/resolution_studio.wasm" __wasm_split_00 _words
# Split, bind and optimise again from the module without those exports (cargo
# finds the crate up to date and leaves the edited module in place).
(cd "$work/tree" && cargo xtask site >"$work/second.log" 2>&1) || { cat "$work/second.log"; exit 1; }

pkg=$(ls -d "$CARGO_TARGET_DIR"/site/pkg/*/)
if grep -q '_view' "$pkg/__wasm_split_manifest.json"; then
  echo "the route pieces are still in the split manifest: the exports were not dropped" >&2
  exit 1
fi
files=("$pkg/resolution-studio.js" "$pkg/resolution-studio_bg.wasm" "$pkg"/__wasm_split.*.js)
files+=($(python3 -c 'import json, sys
m = json.load(open(sys.argv[1]))
[key] = [k for k in m if k.startswith("english_words_")]
print(" ".join(sys.argv[2] + c + ".wasm" for c in m[key]))' "$pkg/__wasm_split_manifest.json" "$pkg"))
raw=0 gz=0 br=0
for f in "${files[@]}"; do
  raw=$((raw + $(stat -c %s "$f")))
  gz=$((gz + $(stat -c %s "$f.gz")))
  br=$((br + $(stat -c %s "$f.br")))
done
printf '| page | files | wasm+js, brotli | wasm+js, gzip | uncompressed |\n|---|---:|---:|---:|---:|\n'
printf '| wizard as an island | %d | %d KB | %d KB | %d KB |\n' "${#files[@]}" $((br / 1024)) $((gz / 1024)) $((raw / 1024))
