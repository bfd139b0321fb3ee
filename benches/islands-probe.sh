#!/usr/bin/env bash
# What a first visit fetches if the app used Leptos islands instead of lazy
# routes, measured on a copy of this checkout (nothing here is changed).
#
# `islands-probe.patch` turns on Leptos's `islands` feature for the browser
# bundle, makes the template list, the drafts list and the wizard lazy islands
# (`#[island(lazy)]`: each its own piece, fetched by the page that has it) and
# hydrates with `hydrate_islands`, as an islands build of the app would for
# those pages: the router, the shell and the other pages are rendered by the
# server only and leave the bundle. (The header's language switch and sign-out
# are plain forms and need no island.) In islands mode nothing calls the lazy
# routes' split points, but their `#[lazy_route]` exports stay in the module
# and would keep every page in it; `drop-exports.py` removes them, as the
# linker would if nothing exported them.
#
# Prints, per page, the bytes its first visit fetches: the module script, the
# main wasm, the split loader, the English words' piece and the page island's
# pieces, gzipped and brotli-compressed as the xtask precompresses them.
# Compare with the same rows of `benches/bundle-size.sh`.
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
# The lazy routes' exports are named after their views, which start with an underscore.
python3 "$root/benches/drop-exports.py" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/resolution_studio.wasm" __wasm_split_00__
# Split, bind and optimise again from the module without those exports (cargo
# finds the crate up to date and leaves the edited module in place).
(cd "$work/tree" && cargo xtask site >"$work/second.log" 2>&1) || { cat "$work/second.log"; exit 1; }

pkg=$(ls -d "$CARGO_TARGET_DIR"/site/pkg/*/)
python3 - "$pkg" <<'PY'
import glob, json, os, sys
pkg = sys.argv[1]
manifest = json.load(open(os.path.join(pkg, "__wasm_split_manifest.json")))
if any("_view_" in key for key in manifest):
    sys.exit("the route pieces are still in the split manifest: the exports were not dropped")
def pieces(prefix):
    [key] = [k for k in manifest if k.startswith(prefix)]
    return [c + ".wasm" for c in manifest[key]]
first = ["resolution-studio.js", "resolution-studio_bg.wasm",
         os.path.basename(glob.glob(os.path.join(pkg, "__wasm_split.*.js"))[0])]
first += pieces("english_words_")
def size(name, suffix=""):
    return os.path.getsize(os.path.join(pkg, name + suffix))
print("| page | files | wasm+js, brotli | wasm+js, gzip | uncompressed |")
print("|---|---:|---:|---:|---:|")
for page, island in [("/", "templates_page_loader_"), ("/drafts", "drafts_page_loader_"),
                     ("/drafts/ID", "wizard_page_loader_")]:
    files = sorted(set(first + pieces(island)))
    print(f"| `{page}` as an island | {len(files)} | {sum(size(f, '.br') for f in files) // 1024} KB"
          f" | {sum(size(f, '.gz') for f in files) // 1024} KB | {sum(size(f) for f in files) // 1024} KB |")
PY
