#!/usr/bin/env bash
# MARC reading against pymarc on the same file, and a full import into SQLite.
#
#   tools/bench/marc.sh [RECORDS]
#
# Generates RECORDS (default 250000) ISO 2709 records from the demo catalog's MARC books
# (each with its own ISBN and title), then measures, in one run: our reader walking the
# structure, decoding to Unicode and mapping to books; pymarc reading the same file
# (pip install pymarc==5.4.0); and `shelfmark import` into an empty data directory
# (wall time and peak memory from /usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/../.."
records=${1:-250000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet -p biblio --example marc_bench
cargo build --release --quiet -p shelfmark
bench=./target/release/examples/marc_bench
$bench generate "$records" "$work/records.mrc"
$bench parse "$work/records.mrc"
python3 tools/bench/marc_pymarc.py "$work/records.mrc"
/usr/bin/time -f "import: %e s wall, %M KiB peak" \
    ./target/release/shelfmark --data "$work/data" import "$work/records.mrc" 2>&1 >/dev/null \
    | grep -E "^(import|1 files)"
