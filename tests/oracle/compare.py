#!/usr/bin/python3
"""Compare the oracle's expected results with leadscore's output, row by row.

Usage: compare.py [--max N] EXPECTED.csv ACTUAL [INPUT]

EXPECTED: oracle.py output, header `ID,score,fit,engagement,stage,reasons`
where ID names the input column holding the lead id.
ACTUAL: `leadscore score` output, either
  * CSV: every input column plus score, fit, engagement, stage, reasons
    (found by name, case-insensitively and trimmed; an input column of the
    same name must have been replaced in place, so each must occur once), or
  * JSON lines: the input object plus "score", "fit", "engagement" (JSON
    numbers), "stage" and "reasons" (array of strings, joined with "; ").
Row i of one is compared with row i of the other on id, score, fit,
engagement, stage and reasons.  CSV numbers are compared as text (the printed
form is part of the contract); JSON numbers by value.

With INPUT (the file that was scored), also checks that ACTUAL keeps every
input column / key with its value as read, in order (CSV: result columns
replace same-named input columns in place, the others are appended in the
order score, fit, engagement, stage, reasons).

Prints the first N (default 20) differences with both sides and exits 1 on
any difference; else prints "N rows agree" and exits 0.
"""
import csv
import json
import sys

RESULT = ["score", "fit", "engagement", "stage", "reasons"]
ASCII_WS = " \t\n\r\f\v"


def fold(s):
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s.strip(ASCII_WS))


def load_expected(path):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r)
        rows = [dict(zip(["id"] + RESULT, row)) for row in r]
    return header[0], rows


def json_text(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return v
    if isinstance(v, RawNum):
        return str(v)
    return json.dumps(v, ensure_ascii=False)


class RawNum(str):
    pass


def lookup(obj, name):
    if name in obj:
        return obj[name]
    if "." in name:
        cur = obj
        for part in name.split("."):
            if not isinstance(cur, dict) or part not in cur:
                cur = None
                break
            cur = cur[part]
        if cur is not None:
            return cur
    for k in obj:
        if fold(k) == fold(name):
            return obj[k]
    return None


def load_actual(path, id_name):
    """Return (rows, problems): rows of dicts id/score/fit/engagement/stage/reasons
    with a 'kind' of 'csv' or 'json'."""
    problems = []
    rows = []
    with open(path, "rb") as fb:
        head = fb.read(4096)
    text_head = head.decode("utf-8", "replace").lstrip("\ufeff")
    if text_head.lstrip(ASCII_WS).startswith("{"):
        with open(path, encoding="utf-8-sig") as f:
            for n, line in enumerate(f, 1):
                if not line.strip(ASCII_WS):
                    continue
                try:
                    o = json.loads(line, parse_int=RawNum, parse_float=RawNum)
                except ValueError as e:
                    problems.append("ACTUAL line %d: not JSON: %s" % (n, e))
                    continue
                row = {"kind": "json", "line": n}
                row["id"] = json_text(lookup(o, id_name)) if id_name else ""
                for k in ["score", "fit", "engagement"]:
                    v = lookup(o, k)
                    if not isinstance(v, RawNum):
                        problems.append("ACTUAL line %d: %r is %r, not a JSON number" % (n, k, v))
                    row[k] = v
                st = lookup(o, "stage")
                row["stage"] = st
                rs = lookup(o, "reasons")
                if isinstance(rs, list) and all(isinstance(x, str) for x in rs):
                    row["reasons"] = "; ".join(rs)
                else:
                    problems.append("ACTUAL line %d: \"reasons\" is %r, not an array of strings" % (n, rs))
                    row["reasons"] = rs if isinstance(rs, str) else json.dumps(rs)
                rows.append(row)
        return rows, problems
    with open(path, newline="", encoding="utf-8-sig") as f:
        r = csv.reader(f, delimiter=sniff(text_head))
        try:
            header = next(r)
        except StopIteration:
            return [], ["ACTUAL is empty"]
        cols = {}
        for k in RESULT:
            idx = [i for i, h in enumerate(header) if fold(h) == k]
            if len(idx) != 1:
                problems.append("ACTUAL header has %d columns named %r (want exactly 1): %s"
                                % (len(idx), k, header))
            if idx:
                cols[k] = idx[-1]
        id_idx = None
        if id_name:
            exact = [i for i, h in enumerate(header) if h == id_name]
            folded = [i for i, h in enumerate(header) if fold(h) == fold(id_name)]
            id_idx = (exact or folded or [None])[0]
            if id_idx is None:
                problems.append("ACTUAL header has no id column %r" % id_name)
        for n, rec in enumerate(r, 2):
            if len(rec) != len(header):
                problems.append("ACTUAL record %d has %d fields, header %d" % (n, len(rec), len(header)))
            row = {"kind": "csv", "line": n}
            row["id"] = rec[id_idx] if id_idx is not None and id_idx < len(rec) else ""
            for k in RESULT:
                i = cols.get(k)
                row[k] = rec[i] if i is not None and i < len(rec) else None
            rows.append(row)
    return rows, problems


def sniff(text):
    first = text.split("\n", 1)[0]
    best, count = ",", 0
    for d in [",", ";", "\t", "|"]:
        if first.count(d) > count:
            best, count = d, first.count(d)
    return best


def check_input(act_path, in_path, maxn):
    """Problems with how ACTUAL carries the input's own fields."""
    problems = []
    with open(in_path, "rb") as fb:
        head = fb.read(4096).decode("utf-8", "replace").lstrip("\ufeff")
    if head.lstrip(ASCII_WS).startswith("{"):
        with open(in_path, encoding="utf-8-sig") as fi, open(act_path, encoding="utf-8-sig") as fa:
            for n, (li, la) in enumerate(zip(fi, fa), 1):
                oi, oa = json.loads(li), json.loads(la)
                keys_a = [k for k in oa if k not in RESULT or k in oi]
                if list(oi) != keys_a[:len(oi)]:
                    problems.append("line %d: input keys %s, actual keys %s" % (n, list(oi), list(oa)))
                for k, v in oi.items():
                    if k in RESULT:
                        continue
                    if k not in oa or oa[k] != v:
                        problems.append("line %d: input %s=%r, actual %r" % (n, json.dumps(k), v, oa.get(k, "<absent>")))
                if len(problems) >= maxn:
                    break
        return problems
    with open(in_path, newline="", encoding="utf-8-sig") as fi, \
            open(act_path, newline="", encoding="utf-8-sig") as fa:
        ri = csv.reader(fi, delimiter=sniff(head))
        with open(act_path, "rb") as fb:
            ahead = fb.read(4096).decode("utf-8", "replace").lstrip("\ufeff")
        ra = csv.reader(fa, delimiter=sniff(ahead))
        hi, ha = next(ri), next(ra)
        want = list(hi) + [k for k in RESULT if k not in [fold(h) for h in hi]]
        if ha != want:
            problems.append("header: expected %s, actual %s" % (want, ha))
            return problems
        keep = [i for i, h in enumerate(hi) if fold(h) not in RESULT]
        for n, (a, b) in enumerate(zip(ri, ra), 2):
            for i in keep:
                if i >= len(b) or a[i] != b[i]:
                    problems.append("record %d column %r: input %r, actual %r"
                                    % (n, hi[i], a[i], b[i] if i < len(b) else "<absent>"))
                    break
            if len(problems) >= maxn:
                break
    return problems


def same(field, exp, act, kind):
    if kind == "json" and field in ("score", "fit", "engagement"):
        try:
            return float(exp) == float(act)
        except (TypeError, ValueError):
            return False
    return exp == act


def main(argv):
    try:
        return run(argv)
    except BrokenPipeError:
        return 1


def run(argv):
    maxn = 20
    if len(argv) >= 2 and argv[0] == "--max":
        maxn = int(argv[1])
        argv = argv[2:]
    if len(argv) not in (2, 3):
        sys.stderr.write(__doc__)
        return 2
    id_name, exp = load_expected(argv[0])
    if id_name == "id" and not exp:
        id_name = None
    act, problems = load_actual(argv[1], id_name)
    if len(argv) == 3:
        problems += ["INPUT " + p for p in check_input(argv[1], argv[2], max(maxn, 1))]
    shown = 0
    ndiff = 0
    for p in problems[:maxn]:
        print("FORMAT " + p)
    if len(exp) != len(act):
        print("ROWS   expected %d rows, actual has %d" % (len(exp), len(act)))
    for i, (e, a) in enumerate(zip(exp, act), 1):
        bad = [k for k in ["id"] + RESULT if not same(k, e[k], a[k], a["kind"])]
        if not bad:
            continue
        ndiff += 1
        if shown < maxn:
            shown += 1
            print("row %d (id %s; actual line %d): differs in %s" % (i, e["id"], a["line"], ", ".join(bad)))
            for k in bad:
                print("    %-10s expected %s" % (k, e[k]))
                print("    %-10s actual   %s" % ("", a[k]))
            if "reasons" in bad and isinstance(a["reasons"], str):
                es, as_ = e["reasons"].split("; "), a["reasons"].split("; ")
                only_e = [x for x in es if x not in as_]
                only_a = [x for x in as_ if x not in es]
                print("    reasons only in expected: %s" % "; ".join(only_e))
                print("    reasons only in actual:   %s" % "; ".join(only_a))
    if ndiff or problems or len(exp) != len(act):
        print("FAIL %s vs %s: %d of %d rows differ%s" % (
            argv[0], argv[1], ndiff, len(exp),
            "" if not problems else "; %d format problems" % len(problems)))
        return 1
    print("%d rows agree" % len(exp))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
