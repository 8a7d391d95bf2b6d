#!/usr/bin/env python3
"""Convert leadscore's scored output to the benchmark kit's comparison format.

    python3 bench/to_fired.py SCORED.csv|SCORED.jsonl > fired.csv

leadscore appends score,fit,engagement,stage,reasons to every record, with reasons written as
`senior_title+15; demo_requested+30` (CSV) or ["senior_title+15", "demo_requested+30"] (JSON).
The kit's compare.py (../shared/bench/compare.py) reads CSV `lead_id,score,stage,fired` with
fired = `senior_title:+15;demo_requested:+30`. This writes that CSV; anything in reasons that is
not `ID+N` / `ID-N` (a decay or disqualified entry) is passed through unchanged, so it shows up
as a difference. The score is copied as written (a non-integer score makes compare.py fail).
Standard library only; CSV or JSON lines input is told apart by the first byte.
"""
import csv
import json
import re
import sys

ENTRY = re.compile(r"^(.*?)([+-]\d+(?:\.\d+)?)$")


def fired(entries):
    out = []
    for e in entries:
        e = e.strip()
        if not e:
            continue
        m = ENTRY.match(e)
        out.append(m.group(1) + ":" + m.group(2) if m else e)
    return ";".join(out)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = sys.argv[1]
    out = csv.writer(sys.stdout, lineterminator="\n")
    w = out.writerow
    w(("lead_id", "score", "stage", "fired"))
    with open(path, newline="", encoding="utf-8") as f:
        head = f.read(1)
        f.seek(0)
        if head == "{":
            loads = json.loads
            for line in f:
                if not line.strip():
                    continue
                o = loads(line)
                reasons = o.get("reasons") or []
                if isinstance(reasons, str):
                    reasons = reasons.split(";")
                w((o["lead_id"], o["score"], o["stage"], fired(reasons)))
        else:
            rows = csv.reader(f)
            header = next(rows)
            # the appended columns are the last of their name (a clash replaces in place)
            pos = {name: i for i, name in enumerate(header)}
            i_id, i_score = pos["lead_id"], pos["score"]
            i_stage, i_reasons = pos["stage"], pos["reasons"]
            for r in rows:
                w((r[i_id], r[i_score], r[i_stage], fired(r[i_reasons].split(";"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
