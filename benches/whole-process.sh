#!/usr/bin/env bash
# Whole-process timing, side by side in one hyperfine run:
#   resolution-studio rendering the proposal to DOCX (the command a user runs)
#   pandoc producing DOCX from comparable Markdown (same text and footnotes)
# Usage: cargo xtask bench   (or BIN=path/to/resolution-studio benches/whole-process.sh)
set -euo pipefail
BIN=${BIN:-target/release/resolution-studio}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Comparable input for pandoc: our own HTML of the same document, turned
# into Markdown once (not timed), so both tools typeset the same content.
"$BIN" render us-14a8-hrdd-proposal --sample --format html --out "$work/proposal.html"
pandoc -f html -t markdown "$work/proposal.html" -o "$work/proposal.md"

echo "pandoc $(pandoc --version | head -1 | cut -d' ' -f2), $(soffice --version 2>/dev/null | head -1 || echo 'LibreOffice not installed')"
hyperfine --warmup 3 --min-runs 20 --export-markdown "$work/results.md" \
  -n "resolution-studio render --format docx" "$BIN render us-14a8-hrdd-proposal --sample --format docx --out $work/ours.docx" \
  -n "pandoc markdown -> docx" "pandoc $work/proposal.md -o $work/pandoc.docx"
cat "$work/results.md"
ls -l "$work/ours.docx" "$work/pandoc.docx"
