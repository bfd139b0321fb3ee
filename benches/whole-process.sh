#!/usr/bin/env bash
# Whole-process timing, side by side in one hyperfine run each:
#   DOCX: resolution-studio rendering the proposal, next to pandoc producing
#         DOCX in two ways: from comparable Markdown with the notes already
#         formatted (same text; pandoc writes the notes as a numbered list),
#         and doing the same work as ours, the notes formatted from the
#         cited sources with the Chicago full-note CSL style (--citeproc)
#         into Word footnotes;
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
# The same text with citations in pandoc's syntax, and the cited sources in
# CSL JSON, for pandoc's own citation processor (Debian's CSL styles).
python3 benches/citeproc-input.py assets/evidence/library.json templates/us-14a8-hrdd-proposal.sample.json \
  "$work/proposal.md" "$work/cited.md" "$work/sources.json"
chicago=/usr/share/citation-style-language/styles/chicago-fullnote-bibliography.csl
citeproc="pandoc $work/cited.md --citeproc --csl $chicago --bibliography $work/sources.json -M suppress-bibliography=true -o $work/citeproc.docx"
$citeproc
# Like for like only if pandoc wrote as many Word footnotes as we do.
python3 - "$work/proposal.docx" "$work/citeproc.docx" <<'PY'
import re, sys, zipfile
def notes(path):
    xml = zipfile.ZipFile(path).read("word/footnotes.xml").decode()
    # Word's separator and continuation notes carry a w:type; notes do not.
    return len(re.findall(r'<w:footnote [^>]*>', xml)) - len(re.findall(r'<w:footnote [^>]*w:type=', xml))
ours, theirs = map(notes, sys.argv[1:])
if ours != theirs or ours == 0:
    sys.exit(f"footnotes: ours {ours}, pandoc --citeproc {theirs}: not the same work")
print(f"both write {ours} footnotes")
PY
# LibreOffice keeps its profile here; the first start creates it (not timed).
profile="-env:UserInstallation=file://$work/lo-profile"
soffice "$profile" --headless --convert-to pdf --outdir "$work/lo" "$work/proposal.docx" >/dev/null 2>&1

echo "$(pandoc --version | head -1); $(soffice --version 2>/dev/null | head -1)"
# -N: each command is started directly, not through a shell. hyperfine
# subtracts a shell's start-up when it uses one, but not all of it: about
# 2 ms of a 17 ms render were the shell's (measured both ways).
hyperfine -N --warmup 3 --min-runs 40 --export-markdown "$work/docx.md" --export-json "$work/docx.json" \
  -n "resolution-studio render --format docx" "$BIN render us-14a8-hrdd-proposal --sample --format docx --out $work/ours.docx" \
  -n "pandoc markdown -> docx" "pandoc $work/proposal.md -o $work/pandoc.docx" \
  -n "pandoc --citeproc markdown -> docx" "$citeproc"
hyperfine -N --warmup 2 --min-runs 30 --export-markdown "$work/pdf.md" --export-json "$work/pdf.json" \
  -n "resolution-studio render --format pdf" "$BIN render us-14a8-hrdd-proposal --sample --format pdf --out $work/ours.pdf" \
  -n "soffice --convert-to pdf (our docx)" "soffice $profile --headless --convert-to pdf --outdir $work/lo $work/proposal.docx"
# Each program's own start and exit, with no document: what any run of it
# costs before it does anything (ours loads and relocates a 60 MB binary).
hyperfine -N --warmup 5 --min-runs 60 --export-markdown "$work/start.md" --export-json "$work/start.json" \
  -n "resolution-studio --version" "$BIN --version" \
  -n "pandoc --version" "pandoc --version"
cat "$work/docx.md" "$work/pdf.md" "$work/start.md"
# Medians too: on a shared machine a neighbour's burst moves a mean more.
python3 - "$work/docx.json" "$work/pdf.json" "$work/start.json" <<'PY'
import json, sys
*documents, start = sys.argv[1:]
for path in documents:
    ours, *others = json.load(open(path))["results"]
    for theirs in others:
        print(f"median {ours['median']*1000:.1f} ms against {theirs['median']*1000:.1f} ms: "
              f"{theirs['median'] / ours['median']:.1f}x ({ours['command'].split()[-1]}; {theirs['command']})")
ours_start, pandoc_start = (r["median"] * 1000 for r in json.load(open(start))["results"])
ours_docx, pandoc_docx, _ = (r["median"] * 1000 for r in json.load(open(documents[0]))["results"])
print(f"start and exit alone: ours {ours_start:.1f} ms, pandoc {pandoc_start:.1f} ms; "
      f"DOCX beyond them: ours {ours_docx - ours_start:.1f} ms, pandoc {pandoc_docx - pandoc_start:.1f} ms")
PY
ls -l "$work/ours.docx" "$work/pandoc.docx" "$work/citeproc.docx" "$work/ours.pdf" "$work/lo/proposal.pdf"
