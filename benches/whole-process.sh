#!/usr/bin/env bash
# Whole-process timing, side by side in one hyperfine run each:
#   DOCX: resolution-studio rendering the proposal, next to pandoc producing
#         DOCX from comparable Markdown (same text and footnotes);
#   PDF:  resolution-studio rendering the proposal, next to LibreOffice
#         converting our DOCX of the same document.
# Usage: cargo xtask bench   (or BIN=path/to/resolution-studio benches/whole-process.sh)
set -euo pipefail
BIN=${BIN:-target/release/resolution-studio}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Comparable input for pandoc: our own HTML of the same document, turned
# into Markdown once (not timed), so both tools typeset the same content.
"$BIN" render us-14a8-hrdd-proposal --sample --format html --out "$work/proposal.html"
"$BIN" render us-14a8-hrdd-proposal --sample --format docx --out "$work/proposal.docx"
pandoc -f html -t markdown "$work/proposal.html" -o "$work/proposal.md"
# LibreOffice keeps its profile here; the first start creates it (not timed).
profile="-env:UserInstallation=file://$work/lo-profile"
soffice "$profile" --headless --convert-to pdf --outdir "$work/lo" "$work/proposal.docx" >/dev/null 2>&1

echo "$(pandoc --version | head -1); $(soffice --version 2>/dev/null | head -1)"
hyperfine --warmup 3 --min-runs 20 --export-markdown "$work/docx.md" \
  -n "resolution-studio render --format docx" "$BIN render us-14a8-hrdd-proposal --sample --format docx --out $work/ours.docx" \
  -n "pandoc markdown -> docx" "pandoc $work/proposal.md -o $work/pandoc.docx"
hyperfine --warmup 2 --min-runs 10 --export-markdown "$work/pdf.md" \
  -n "resolution-studio render --format pdf" "$BIN render us-14a8-hrdd-proposal --sample --format pdf --out $work/ours.pdf" \
  -n "soffice --convert-to pdf (our docx)" "soffice $profile --headless --convert-to pdf --outdir $work/lo $work/proposal.docx"
cat "$work/docx.md" "$work/pdf.md"
ls -l "$work/ours.docx" "$work/pandoc.docx" "$work/ours.pdf" "$work/lo/proposal.pdf"
