#!/bin/sh
# Agreement check between leadscore and the independent Python oracle.
#
# Usage: run_oracle_check.sh LEADSCORE_BINARY
#   ORACLE_ROWS=N   leads to generate (default 20000)
#   ORACLE_SEED=S   generator seed (default 1)
#   ORACLE_KEEP=1   keep the work directory (printed) for inspection
#
# Generates adversarial leads (gen_random_leads.py) as CSV and as JSON lines,
# scores them with `LEADSCORE score -r RULES --as-of 2026-11-01 -f FMT IN` and
# with oracle.py, and compares row by row (compare.py).  Also checks the
# repository's own rules on its examples and the benchmark edge cases when those
# files exist.  Warnings on leadscore's stderr are expected.  Exit status 0 only
# when every comparison agrees and leadscore exited 0 every time.
set -u
[ $# -eq 1 ] || { echo "usage: $0 LEADSCORE_BINARY" >&2; exit 2; }
bin=$1
[ -x "$bin" ] || { echo "run_oracle_check: $bin is not an executable" >&2; exit 2; }
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
py=/usr/bin/python3
[ -x $py ] || py=python3
rows=${ORACLE_ROWS:-20000}
seed=${ORACLE_SEED:-1}
as_of=2026-11-01
# The shared benchmark kit sits beside the repository when it is there; the
# edge cases are also kept in tests/data/bench_edge so they always run.
bench=${BENCH_DIR:-$here/../../../shared/bench}
edge="$here/../data/bench_edge"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/oracle_check.XXXXXX")
if [ "${ORACLE_KEEP:-0}" = 1 ]; then
  echo "work directory: $tmp"
else
  trap 'rm -rf "$tmp"' EXIT
fi

failures=0
checks=0

# check NAME RULES INPUT FMT [AS_OF]   (no AS_OF: neither side gets --as-of)
check() {
  name=$1 rules=$2 input=$3 fmt=$4 date=${5:-}
  checks=$((checks + 1))
  out=$tmp/$name.actual.$fmt exp=$tmp/$name.expected.csv err=$tmp/$name.stderr
  if [ -n "$date" ]; then
    "$bin" score -r "$rules" --as-of "$date" -f "$fmt" "$input" > "$out" 2> "$err"
  else
    "$bin" score -r "$rules" -f "$fmt" "$input" > "$out" 2> "$err"
  fi
  rc=$?
  if [ -n "$date" ]; then
    $py "$here/oracle.py" --rules "$rules" --as-of "$date" "$input" > "$exp"
  else
    $py "$here/oracle.py" --rules "$rules" "$input" > "$exp"
  fi
  orc=$?
  printf '== %s: %s on %s (-f %s%s)\n' "$name" "${rules#"$repo"/}" "${input#"$repo"/}" "$fmt" "${date:+, --as-of $date}"
  ok=1
  if [ $rc -ne 0 ]; then
    echo "   leadscore exited $rc (expected 0); stderr:"
    grep -v ': warning: ' "$err" | head -n 10 | sed 's/^/     /'
    ok=0
  fi
  if [ $orc -ne 0 ]; then
    echo "   oracle failed (exit $orc)"
    ok=0
  elif ! $py "$here/compare.py" "$exp" "$out" "$input" > "$tmp/$name.compare"; then
    ok=0
  fi
  [ -f "$tmp/$name.compare" ] && sed 's/^/   /' "$tmp/$name.compare"
  [ $ok = 1 ] || failures=$((failures + 1))
}

$py "$here/gen_random_leads.py" --rows "$rows" --seed "$seed" --format csv > "$tmp/leads.csv" || exit 2
$py "$here/gen_random_leads.py" --rows "$rows" --seed "$seed" --format jsonl > "$tmp/leads.jsonl" || exit 2
$py "$here/gen_random_leads.py" --rows 3000 --seed "$((seed + 1))" --format csv --delimiter ';' > "$tmp/leads_semicolon.csv" || exit 2

check torture_csv "$here/torture.yaml" "$tmp/leads.csv" csv "$as_of"
check torture_jsonl "$here/torture.yaml" "$tmp/leads.jsonl" jsonl "$as_of"
check torture_rules_as_of "$here/torture.yaml" "$tmp/leads.csv" csv
check torture_semicolon "$here/torture.yaml" "$tmp/leads_semicolon.csv" csv "$as_of"
check score_decay_csv "$here/torture_score_decay.yaml" "$tmp/leads.csv" csv "$as_of"
check score_decay_jsonl "$here/torture_score_decay.yaml" "$tmp/leads.jsonl" jsonl "$as_of"

if [ -f "$edge/edge_cases.csv" ]; then
  check bench_edge_csv "$here/bench_rules.yaml" "$edge/edge_cases.csv" csv "$as_of"
  check bench_edge_jsonl "$here/bench_rules.yaml" "$edge/edge_cases.jsonl" jsonl "$as_of"
  if [ -f "$repo/rules/bench.yaml" ]; then
    check repo_bench_edge "$repo/rules/bench.yaml" "$edge/edge_cases.csv" csv "$as_of"
  fi
fi
if [ -f "$bench/gen_leads.py" ]; then
  $py "$bench/gen_leads.py" --rows "$rows" --seed 3 --format csv > "$tmp/bench.csv"
  check bench_generated "$here/bench_rules.yaml" "$tmp/bench.csv" csv "$as_of"
  if [ -f "$repo/rules/bench.yaml" ]; then
    check repo_bench_generated "$repo/rules/bench.yaml" "$tmp/bench.csv" csv "$as_of"
  fi
fi
for pair in b2b.yaml:leads.csv b2b.yaml:leads.jsonl hubspot.yaml:hubspot_contacts.csv; do
  r=$repo/rules/${pair%%:*} i=$repo/examples/${pair#*:}
  if [ -f "$r" ] && [ -f "$i" ]; then
    ext=${i##*.}
    check "repo_${pair%%.*}_$ext" "$r" "$i" "$ext" "$as_of"
  fi
done

if [ $failures -ne 0 ]; then
  echo "oracle check: $failures of $checks comparisons FAILED"
  exit 1
fi
echo "oracle check: all $checks comparisons agree"
