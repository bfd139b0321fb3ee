#!/usr/bin/env bash
# The co-filer packet from the command line: ROWS co-filer authorisations
# (default 1000), each as DOCX and PDF, in one ZIP (`resolution-studio
# batch`), timed with its peak memory (GNU time), beside LibreOffice
# converting 5 of those DOCX files to PDF one after another.
# Usage: cargo xtask bench   (or BIN=path/to/resolution-studio benches/batch.sh)
set -euo pipefail
BIN=$(realpath "${BIN:-target/release/resolution-studio}")
ROWS=${ROWS:-1000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$ROOT/templates/cofiler-authorisation.sample.json" "$work" "$ROWS" <<'PY'
import json, sys
sample, work, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
shared = json.load(open(sample))
shared.pop("cofiler", None)
json.dump(shared, open(f"{work}/shared.json", "w"))
with open(f"{work}/rows.csv", "w") as out:
    out.write("cofiler,signatory_name,shares,contact_email\n")
    for n in range(1, rows + 1):
        out.write(f"Co-filer Foundation {n},Signatory {n},{100 + n},office{n}@cofiler.example\n")
PY
cd "$work"
RESOLUTION_STUDIO_ROOT=$ROOT /usr/bin/time -f '%e %M' -o batch.time "$BIN" batch cofiler-authorisation \
  --data shared.json --rows rows.csv --format docx,pdf --out packet.zip 2>batch.log ||
  { cat batch.log; exit 1; }
read -r seconds kib <batch.time
files=$(python3 -c 'import zipfile,sys; print(len(zipfile.ZipFile(sys.argv[1]).namelist()) - 1)' packet.zip)
printf 'batch: %d co-filer authorisations as DOCX and PDF (%d files) in %.2f s wall, peak memory %d MB\n' \
  "$ROWS" "$files" "$seconds" $((kib / 1024))
python3 - <<'PY'
import zipfile
z = zipfile.ZipFile("packet.zip")
docx = [n for n in z.namelist() if n.endswith(".docx")][:5]
for i, name in enumerate(docx):
    open(f"lo-{i}.docx", "wb").write(z.read(name))
PY
start=$(date +%s%N)
for i in 0 1 2 3 4; do
  soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf "lo-$i.docx" >/dev/null 2>&1
done
lo_ms=$(( ($(date +%s%N) - start) / 1000000 ))
ls lo-*.pdf >/dev/null
awk -v lo="$lo_ms" -v s="$seconds" -v rows="$ROWS" 'BEGIN {
  printf "LibreOffice: 5 of those DOCX to PDF one after another in %.2f s (%.0f ms each)\n", lo / 1000, lo / 5
  printf "batch rate: %.0f documents (DOCX+PDF) per second, %.0f times LibreOffice rate of PDF conversion\n", rows / s, (rows / s) / (5000 / lo)
}'
