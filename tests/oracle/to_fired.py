#!/usr/bin/python3
"""Convert oracle output (ID,score,fit,engagement,stage,reasons) to the bench
format of the shared benchmark kit (lead_id,score,stage,fired with `id:+N;...`), so
the oracle can be checked against RULES.md's hand-computed edge cases and peers.

Usage: to_fired.py ORACLE_OUT.csv > fired.csv
"""
import csv
import re
import sys

rows = csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))
next(rows)
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["lead_id", "score", "stage", "fired"])
for r in rows:
    fired = [re.sub(r"([+-])", r":\1", x, count=1) for x in r[5].split("; ") if x]
    w.writerow([r[0], r[1], r[4], ";".join(fired)])
