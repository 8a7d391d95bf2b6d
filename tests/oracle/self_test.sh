#!/bin/sh
# Check the oracle itself (no leadscore binary needed): bench_rules.yaml is
# the shared benchmark kit's RULES.md; the oracle must reproduce the hand-computed edge
# cases and agree with the bench's csv peer on generated leads.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
bench=${BENCH_DIR:-$here/../../../shared/bench}
[ -d "$bench" ] || { echo "self_test: $bench not found, skipped"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in csv jsonl; do
  $py "$here/oracle.py" --rules "$here/bench_rules.yaml" "$bench/edge/edge_cases.$f" > "$tmp/edge.$f.out"
  $py "$here/to_fired.py" "$tmp/edge.$f.out" > "$tmp/edge.$f.fired"
  $py "$bench/compare.py" "$bench/edge/edge_cases.expected.csv" "$tmp/edge.$f.fired"
done
$py "$bench/gen_leads.py" --rows "${ROWS:-20000}" --seed 7 --format csv > "$tmp/g.csv"
$py "$bench/gen_leads.py" --rows "${ROWS:-20000}" --seed 7 --format jsonl > "$tmp/g.jsonl"
$py "$bench/peers/score_csv.py" "$tmp/g.csv" > "$tmp/peer.csv"
for f in csv jsonl; do
  $py "$here/oracle.py" --rules "$here/bench_rules.yaml" "$tmp/g.$f" > "$tmp/g.$f.out"
  $py "$here/to_fired.py" "$tmp/g.$f.out" > "$tmp/g.$f.fired"
  $py "$bench/compare.py" "$tmp/peer.csv" "$tmp/g.$f.fired"
done
