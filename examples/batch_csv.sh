#!/bin/sh
# Score a CRM export to scored.csv, then count the leads in each stage.
# Run from the repository root:  sh examples/batch_csv.sh [EXPORT.csv] [OUT.csv]
set -eu
LEADSCORE=${LEADSCORE:-leadscore}
in=${1:-examples/leads.csv}
out=${2:-scored.csv}

# -o writes the whole file or nothing. --as-of fixes "today" so this example
# gives the same answer every day; drop it for real exports.
"$LEADSCORE" score -r rules/b2b.yaml "$in" -o "$out" --as-of 2026-11-01

# `stage` is the second-to-last column and `reasons` never holds a comma, so
# counting from the end of the line is safe even when company names have commas.
echo "Leads per stage in $out:"
awk -F, 'NR > 1 { n[$(NF - 1)]++ }
  END { split("Lead MQL SQL SAO", s, " "); for (i = 1; i <= 4; i++) printf "  %-4s %5d\n", s[i], n[s[i]] }' "$out"
