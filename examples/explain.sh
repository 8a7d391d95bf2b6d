#!/bin/sh
# Explain one lead: every criterion with its points and the value seen, and
# what keeps it from the next stage (this CTO asked for a demo but has no budget on file).
# Run from the repository root:  sh examples/explain.sh [LEAD_ID]
set -eu
LEADSCORE=${LEADSCORE:-leadscore}

"$LEADSCORE" explain -r rules/b2b.yaml examples/leads.csv --id "${1:-L-10124}" --as-of 2026-11-01
