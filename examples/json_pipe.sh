#!/bin/sh
# JSON lines in, JSON lines out: pick the sales-qualified leads with jq.
# Run from the repository root:  sh examples/json_pipe.sh
set -eu
LEADSCORE=${LEADSCORE:-leadscore}

# Standard input is read when no file is named; -f jsonl keeps JSON lines out.
cat examples/leads.jsonl |
  "$LEADSCORE" score -r rules/b2b.yaml -f jsonl --as-of 2026-11-01 |
  jq -c 'select(.stage=="SQL") | {lead_id, email, score, reasons}'
