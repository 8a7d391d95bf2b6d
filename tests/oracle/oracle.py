#!/usr/bin/python3
"""Independent reference implementation of leadscore's scoring semantics.

Written from the README rules reference ("Rules file", "Semantics") and the exact
semantics only, without looking at the C++ engine, so that the two can be
checked against each other (see run_oracle_check.sh).

Usage:
    oracle.py --rules RULES.yaml [--as-of YYYY-MM-DD] [--format csv|jsonl]
              [--delimiter C] INPUT > expected.csv

Output (CSV, "\\n" line ends): ID,score,fit,engagement,stage,reasons where the
first column is named after the input column that holds the id (the rules'
id_field, else the first of id / lead_id / email the input has, else "id").

Only the Python 3 standard library and PyYAML are used.  The rules file is
assumed to be valid (leadscore check passes); nothing is validated here.
YAML scalars are resolved with the YAML 1.2 core schema from their raw text
(plain 10 is a number, quoted "10" a string, plain 2026-01-01 a date), so
PyYAML's YAML 1.1 quirks (yes/no/on/off as booleans, octal 010) do not leak in.
"""
import argparse
import csv
import datetime
import json
import math
import re
import sys

import yaml

# --------------------------------------------------------------------------
# Small helpers: ASCII case folding, trimming, rounding, number printing.

_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def alower(s):
    """ASCII-only lower case (what a C++ tolower on bytes does)."""
    return s.translate(_ASCII_LOWER)


ASCII_WS = " \t\n\r\f\v"


def trim(s):
    return s.strip(ASCII_WS)


def cround(y):
    """C/C++ std::round: nearest integer, halves away from zero (exact on doubles)."""
    a = abs(y)
    t = math.floor(a)
    if a - t >= 0.5:
        t += 1.0
    return math.copysign(t, y)


def round2(x):
    return cround(x * 100.0) / 100.0


def fmt_num(x):
    """Round to 2 decimals, trailing zeros trimmed, -0 printed as 0."""
    x = round2(x)
    s = "%.2f" % x
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s


def fmt_points(x):
    s = fmt_num(x)
    if s.startswith("-"):
        return s
    return "+" + s


# --------------------------------------------------------------------------
# Value readers (README "Exact semantics": numbers, booleans, dates).

_NUM_RE = re.compile(
    r"(?:([+-]?)[$\u20ac\u00a3]?|[$\u20ac\u00a3]([+-]))"
    r"([0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)"
    r"(\.[0-9]+)?"
    r"([eE][+-]?[0-9]+)?"
    r"%?")


def read_number(s):
    """Return a float, or None when s is not a number."""
    m = _NUM_RE.fullmatch(s)
    if not m:
        return None
    sign = m.group(1) or m.group(2) or ""
    text = sign + m.group(3).replace(",", "") + (m.group(4) or "") + (m.group(5) or "")
    try:
        v = float(text)
    except ValueError:  # pragma: no cover
        return None
    return v


_TRUE = {"true", "yes", "y", "t", "1"}
_FALSE = {"false", "no", "n", "f", "0"}


def read_bool(s):
    t = alower(s)
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    return None


def days_from_civil(y, m, d):
    """Days since 1970-01-01 (proleptic Gregorian), H. Hinnant's algorithm."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _valid_ymd(y, m, d):
    if not 1 <= m <= 12 or d < 1:
        return False
    dim = [31, 29 if _is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return d <= dim


_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DT_RE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2})"
    r"(?::([0-9]{2})(?:[.,]([0-9]+))?)?"
    r"([Zz]|[+-][0-9]{2}(?::[0-9]{2}|[0-9]{2})?)?")
_EPOCH_RE = re.compile(r"[0-9]{1,13}")


def read_iso_date(s):
    """Return the UTC day number (days since epoch) or None."""
    m = _DATE_RE.fullmatch(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not _valid_ymd(y, mo, d):
            return None
        return days_from_civil(y, mo, d)
    m = _DT_RE.fullmatch(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        hh, mi = int(m.group(4)), int(m.group(5))
        ss = int(m.group(6)) if m.group(6) else 0
        # RFC 3339 / ISO 8601: lower-case t and z, a comma before the
        # fraction, a leap second (:60) and 24:00:00 (the end of the day).
        if not _valid_ymd(y, mo, d) or hh > 24 or mi > 59 or ss > 60:
            return None
        if hh == 24 and (mi != 0 or ss != 0):
            return None
        off = 0
        z = m.group(8)
        if z and z not in ("Z", "z"):
            sign = -1 if z[0] == "-" else 1
            oh = int(z[1:3])
            om = int(z[-2:]) if len(z) > 3 else 0
            if oh > 23 or om > 59:
                return None
            off = sign * (oh * 60 + om)
        minutes = hh * 60 + mi - off
        return days_from_civil(y, mo, d) + minutes // 1440
    if _EPOCH_RE.fullmatch(s):
        n = int(s)
        if len(s) <= 11:
            return n // 86400
        return n // 86400000
    return None


def read_formatted_date(s, fmt):
    """strftime-style layout: %Y %m %d %H %M %S %y %b %B %j not all needed;
    supports %Y %m %d %H %M %S %% and literal characters; the whole value must
    be consumed and the date must exist."""
    i = 0
    y = mo = d = None
    hh = mi = ss = 0
    k = 0
    while k < len(fmt):
        c = fmt[k]
        if c == "%" and k + 1 < len(fmt):
            dchar = fmt[k + 1]
            k += 2
            if dchar == "%":
                if i < len(s) and s[i] == "%":
                    i += 1
                    continue
                return None
            width = {"Y": 4, "m": 2, "d": 2, "H": 2, "M": 2, "S": 2}.get(dchar)
            if width is None:
                raise SystemExit("oracle: date_format directive %%%s not supported" % dchar)
            j = i
            while j < len(s) and j - i < width and "0" <= s[j] <= "9":
                j += 1
            if j == i or (dchar == "Y" and j - i != 4):
                return None
            v = int(s[i:j])
            i = j
            if dchar == "Y":
                y = v
            elif dchar == "m":
                mo = v
            elif dchar == "d":
                d = v
            elif dchar == "H":
                hh = v
            elif dchar == "M":
                mi = v
            else:
                ss = v
        else:
            if i < len(s) and s[i] == c:
                i += 1
                k += 1
                continue
            return None
    if i != len(s) or y is None or mo is None or d is None:
        return None
    if not _valid_ymd(y, mo, d) or hh > 23 or mi > 59 or ss > 60:
        return None
    return days_from_civil(y, mo, d)


# --------------------------------------------------------------------------
# RE2 patterns in Python's re.  RE2's \\b \\w \\d \\s are ASCII-only while its
# case-insensitive matching folds Unicode (so 'ü' matches 'Ü'); Python's re.ASCII
# would make both ASCII.  So the Perl classes are spelled out as ASCII sets and
# the pattern is compiled in Unicode mode.  `$` is RE2's end of text (\\z).

_W = "0-9A-Za-z_"
_S = "\\t\\n\\f\\r "
_CLASS_OUT = {"w": "[" + _W + "]", "W": "[^" + _W + "]", "d": "[0-9]", "D": "[^0-9]",
              "s": "[" + _S + "]", "S": "[^" + _S + "]",
              "b": "(?:(?<=[" + _W + "])(?![" + _W + "])|(?<![" + _W + "])(?=[" + _W + "]))",
              "B": "(?:(?<=[" + _W + "])(?=[" + _W + "])|(?<![" + _W + "])(?![" + _W + "]))",
              "z": "\\Z", "A": "\\A"}
_CLASS_IN = {"w": _W, "d": "0-9", "s": _S}


def re2_to_python(p):
    out = []
    i = 0
    in_class = False
    while i < len(p):
        c = p[i]
        if c == "\\" and i + 1 < len(p):
            e = p[i + 1]
            if in_class and e in _CLASS_IN:
                out.append(_CLASS_IN[e])
            elif in_class and e in "WDS":
                raise SystemExit("oracle: negated Perl class inside [] not supported: %r" % p)
            elif not in_class and e in _CLASS_OUT:
                out.append(_CLASS_OUT[e])
            elif e in "pP":
                raise SystemExit("oracle: Unicode classes not supported: %r" % p)
            else:
                out.append(c + e)
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < len(p) and p[i] == "^":
                out.append("^")
                i += 1
            if i < len(p) and p[i] == "]":  # a literal ] first in the class
                out.append("\\]")
                i += 1
            continue
        if c == "$":
            out.append("\\Z")
        else:
            out.append(c)
        i += 1
    return "".join(out)


# --------------------------------------------------------------------------
# YAML loading keeping raw scalar text and whether a scalar was quoted.

class Scalar:
    __slots__ = ("text", "plain")

    def __init__(self, text, plain):
        self.text = text
        self.plain = plain

    def __repr__(self):
        return ("%s" if self.plain else "%r") % self.text


class YMap(dict):
    """A YAML mapping; key_plain[k] tells whether key k was a plain scalar."""
    key_plain = None


def _conv(node):
    if isinstance(node, yaml.ScalarNode):
        return Scalar(node.value, node.style is None)
    if isinstance(node, yaml.SequenceNode):
        return [_conv(n) for n in node.value]
    if isinstance(node, yaml.MappingNode):
        out = YMap()
        out.key_plain = {}
        for k, v in node.value:
            out[k.value] = _conv(v)
            out.key_plain[k.value] = k.style is None
        return out
    raise SystemExit("oracle: unsupported YAML node %r" % node)


_YAML_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_YAML_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def lit(sc):
    """Resolve a rules scalar: ('num', float) ('bool', b) ('date', day) ('null',)
    or ('str', text)."""
    t = sc.text
    if sc.plain:
        if t in ("", "~", "null", "Null", "NULL"):
            return ("null", None)
        if t in ("true", "True", "TRUE"):
            return ("bool", True)
        if t in ("false", "False", "FALSE"):
            return ("bool", False)
        if _YAML_INT.fullmatch(t):
            return ("num", float(int(t, 0)) if t[:2] in ("0o", "0x") else float(int(t)))
        if _YAML_FLOAT.fullmatch(t):
            return ("num", float(t))
        m = _DATE_RE.fullmatch(t)
        if m:
            return ("date", days_from_civil(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    return ("str", t)


def num(sc):
    k, v = lit(sc)
    if k != "num":
        raise SystemExit("oracle: expected a number, got %r" % sc.text)
    return v


def boolv(sc):
    k, v = lit(sc)
    if k != "bool":
        raise SystemExit("oracle: expected a boolean, got %r" % sc.text)
    return v


def text(sc):
    return sc.text


def as_list(x):
    return x if isinstance(x, list) else [x]


# --------------------------------------------------------------------------
# Input records.

class RawNum(str):
    """A JSON number, kept as its source text."""


def json_text(v):
    """The text a JSON value is read as, or None when missing."""
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return str(v)
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


class CsvSource:
    def __init__(self, header):
        self.header = header
        self.exact = {}
        self.folded = {}
        for i, h in enumerate(header):
            self.exact.setdefault(h, i)
            self.folded.setdefault(alower(trim(h)), i)

    def column(self, names):
        for n in names:
            if n in self.exact:
                return self.exact[n]
        for n in names:
            k = alower(trim(n))
            if k in self.folded:
                return self.folded[k]
        return None


def json_lookup(obj, names):
    """Return (found, value).  Exact key, then dotted path, then case-insensitive."""
    for n in names:
        if n in obj:
            return True, obj[n]
    for n in names:
        if "." in n:
            cur = obj
            ok = True
            for part in n.split("."):
                if isinstance(cur, dict) and part in cur:
                    cur = cur[part]
                else:
                    ok = False
                    break
            if ok:
                return True, cur
    folded = None
    for n in names:
        k = alower(trim(n))
        if folded is None:
            folded = {}
            for key in obj:
                folded.setdefault(alower(trim(key)), key)
        if k in folded:
            return True, obj[folded[k]]
    for n in names:
        if "." in n:
            cur = obj
            ok = True
            for part in n.split("."):
                found = False
                if isinstance(cur, dict):
                    for key in cur:
                        if alower(trim(key)) == alower(trim(part)):
                            cur = cur[key]
                            found = True
                            break
                if not found:
                    ok = False
                    break
            if ok:
                return True, cur
    return False, None


# --------------------------------------------------------------------------
# The engine.

STAGES = ["MQL", "SQL", "SAO"]


class Rules:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            node = yaml.compose(f, Loader=yaml.SafeLoader)
        doc = _conv(node) if node is not None else {}
        self.doc = doc
        self.id_field = text(doc["id_field"]) if "id_field" in doc else None
        self.as_of = None
        if "as_of" in doc:
            k, v = lit(doc["as_of"])
            self.as_of = v if k == "date" else read_iso_date(doc["as_of"].text)
        self.missing = set()
        for sc in as_list(doc.get("missing_values", [])):
            self.missing.add(alower(trim(sc.text)))
        self.fields = {}
        for name, spec in (doc.get("fields") or {}).items():
            names = [name] + [text(a) for a in as_list(spec.get("from", []))]
            self.fields[name] = {
                "names": names,
                "date_format": text(spec["date_format"]) if "date_format" in spec else None,
            }
        self.criteria = []
        self.by_id = {}
        for c in doc.get("criteria", []):
            cid = text(c["id"])
            crit = {
                "id": cid,
                "category": text(c["category"]),
                "when": c.get("when"),
                "group": text(c["group"]) if "group" in c else None,
                "max": num(c["max"]) if "max" in c else None,
                "min": num(c["min"]) if "min" in c else None,
            }
            if "points" in c:
                crit["kind"] = "points"
                crit["points"] = num(c["points"])
            elif "points_per" in c:
                crit["kind"] = "per"
                crit["per_field"] = text(c["points_per"]["field"])
                crit["per_points"] = num(c["points_per"]["points"])
            else:
                pb = c["points_by"]
                crit["by_field"] = text(pb["field"])
                crit["default"] = num(pb["default"]) if "default" in pb else 0.0
                if "values" in pb:
                    crit["kind"] = "values"
                    vals = pb["values"]
                    crit["values"] = [(Scalar(k, vals.key_plain[k]), num(v)) for k, v in vals.items()]
                else:
                    crit["kind"] = "ranges"
                    crit["ranges"] = pb["ranges"]
            self.criteria.append(crit)
            self.by_id[cid] = crit
        self.groups = {}
        for g, spec in (doc.get("groups") or {}).items():
            self.groups[g] = (num(spec["max"]) if "max" in spec else None,
                              num(spec["min"]) if "min" in spec else None)
        sc = doc.get("score") or {}
        self.score_min = num(sc["min"]) if "min" in sc else None
        self.score_max = num(sc["max"]) if "max" in sc else None
        self.decay = None
        if "decay" in doc:
            d = doc["decay"]
            self.decay = {
                "field": text(d["field"]),
                "half_life": num(d["half_life_days"]),
                "applies_to": text(d["applies_to"]) if "applies_to" in d else "engagement",
            }
        self.disqualify = [(text(d["id"]), d["when"]) for d in doc.get("disqualify", []) or []]
        self.stages = {}
        for s in STAGES:
            if s in (doc.get("stages") or {}):
                spec = doc["stages"][s]
                self.stages[s] = {
                    "min_score": num(spec["min_score"]) if "min_score" in spec else None,
                    "min_fit": num(spec["min_fit"]) if "min_fit" in spec else None,
                    "min_engagement": num(spec["min_engagement"]) if "min_engagement" in spec else None,
                    "requires": as_list(spec.get("requires", [])),
                }

    def names_for(self, field):
        f = self.fields.get(field)
        return f["names"] if f else [field]

    def date_format(self, field):
        f = self.fields.get(field)
        return f["date_format"] if f else None


class Lead:
    """One record with memoised field lookups."""

    def __init__(self, engine, get):
        self.engine = engine
        self.get = get  # field name -> raw text or None (absent / JSON null)
        self.cache = {}

    def value(self, field):
        """Trimmed value, or None when missing."""
        if field in self.cache:
            return self.cache[field]
        raw = self.get(field)
        v = None
        if raw is not None:
            t = trim(raw)
            low = alower(t)
            if not (t == "" or low in ("null", "n/a") or low in self.engine.rules.missing):
                v = t
        self.cache[field] = v
        return v


class Engine:
    def __init__(self, rules, as_of_day):
        self.rules = rules
        self.as_of = as_of_day
        self.regex_cache = {}

    # ---- value readers in context
    def date_of(self, field, v):
        fmt = self.rules.date_format(field)
        if fmt:
            return read_formatted_date(v, fmt)
        return read_iso_date(v)

    def regex(self, pattern, cs):
        key = (pattern, cs)
        r = self.regex_cache.get(key)
        if r is None:
            r = re.compile(re2_to_python(pattern), 0 if cs else re.IGNORECASE)
            self.regex_cache[key] = r
        return r

    # ---- equality as `equals` does it
    def eq(self, v, sc, cs):
        k, lv = lit(sc)
        if k == "num":
            n = read_number(v)
            if n is not None:
                return n == lv
            return self.streq(v, sc.text, cs)
        if k == "bool":
            b = read_bool(v)
            if b is not None:
                return b == lv
            return self.streq(v, sc.text, cs)
        return self.streq(v, sc.text, cs)

    @staticmethod
    def streq(a, b, cs):
        return a == b if cs else alower(a) == alower(b)

    # ---- conditions
    def cond(self, c, lead):
        if "all" in c:
            return all(self.cond(x, lead) for x in c["all"])
        if "any" in c:
            return any(self.cond(x, lead) for x in c["any"])
        if "not" in c:
            return not self.cond(c["not"], lead)
        if "criterion" in c:
            return self.cond(self.rules.by_id[c["criterion"].text]["when"], lead)
        return self.leaf(c, lead)

    def leaf(self, c, lead):
        field = c["field"].text
        cs = boolv(c["case_sensitive"]) if "case_sensitive" in c else False
        ops = [k for k in c if k not in ("field", "case_sensitive")]
        assert len(ops) == 1, c
        op = ops[0]
        arg = c[op]
        v = lead.value(field)
        if op == "exists":
            return (v is not None) == boolv(arg)
        if v is None:
            return False
        if op == "equals":
            return self.eq(v, arg, cs)
        if op == "not_equals":
            return not self.eq(v, arg, cs)
        if op == "in":
            return any(self.eq(v, a, cs) for a in arg)
        if op == "not_in":
            return not any(self.eq(v, a, cs) for a in arg)
        if op in ("contains", "starts_with", "ends_with"):
            vv = v if cs else alower(v)
            for a in as_list(arg):
                t = a.text if cs else alower(a.text)
                if op == "contains" and t in vv:
                    return True
                if op == "starts_with" and vv.startswith(t):
                    return True
                if op == "ends_with" and vv.endswith(t):
                    return True
            return False
        if op == "matches":
            return self.regex(arg.text, cs).search(v) is not None
        if op in ("gt", "gte", "lt", "lte"):
            return self.compare(field, v, {op: arg})
        if op == "between":
            return self.compare(field, v, {"between": arg})
        if op == "is":
            b = read_bool(v)
            return b is not None and b == boolv(arg)
        if op in ("within_days", "older_than_days"):
            d = self.date_of(field, v)
            if d is None:
                return False
            cut = self.as_of - int(num(arg))
            return d >= cut if op == "within_days" else d < cut
        if op == "email_domain_in":
            if "@" not in v:
                return False
            dom = alower(v.rsplit("@", 1)[1])
            for a in as_list(arg):
                t = alower(a.text)
                if dom == t or dom.endswith("." + t):
                    return True
            return False
        raise SystemExit("oracle: unknown operator %s" % op)

    def compare(self, field, v, bounds):
        """All of the given bounds (gt/gte/lt/lte/between) hold for value v.
        Operands are numbers or dates; the value is read accordingly."""
        nv = dv = None
        nv_done = dv_done = False
        for op, arg in bounds.items():
            operands = arg if op == "between" else [arg]
            kinds = [lit(a) for a in operands]
            if kinds[0][0] == "date":
                if not dv_done:
                    dv = self.date_of(field, v)
                    dv_done = True
                x = dv
            else:
                if not nv_done:
                    nv = read_number(v)
                    nv_done = True
                x = nv
            if x is None:
                return False
            vals = [k[1] for k in kinds]
            if op == "gt" and not x > vals[0]:
                return False
            if op == "gte" and not x >= vals[0]:
                return False
            if op == "lt" and not x < vals[0]:
                return False
            if op == "lte" and not x <= vals[0]:
                return False
            if op == "between" and not (vals[0] <= x <= vals[1]):
                return False
        return True

    # ---- criteria
    def points(self, crit, lead):
        """(points after the criterion's own max/min) — 0 when `when` fails."""
        if crit["when"] is not None and not self.cond(crit["when"], lead):
            return 0.0
        kind = crit["kind"]
        if kind == "points":
            p = crit["points"]
        elif kind == "per":
            v = lead.value(crit["per_field"])
            n = read_number(v) if v is not None else None
            p = crit["per_points"] * n if n is not None else 0.0
        elif kind == "values":
            v = lead.value(crit["by_field"])
            p = crit["default"]
            if v is not None:
                for key, pts in crit["values"]:
                    if self.eq(v, key, False):
                        p = pts
                        break
        else:
            v = lead.value(crit["by_field"])
            p = crit["default"]
            if v is not None:
                for rng in crit["ranges"]:
                    bounds = {k: x for k, x in rng.items() if k != "points"}
                    if self.compare(crit["by_field"], v, bounds):
                        p = num(rng["points"])
                        break
        if crit["max"] is not None and p > crit["max"]:
            p = crit["max"]
        if crit["min"] is not None and p < crit["min"]:
            p = crit["min"]
        # README: points_per beyond +-1e15 (after min and max) scores 0.
        if kind == "per" and not abs(p) <= 1e15:
            p = 0.0
        return p

    def score(self, lead):
        rules = self.rules
        pts = []
        sums = {"fit": 0.0, "engagement": 0.0}
        gsum = {}
        gcat = {}
        for crit in rules.criteria:
            p = self.points(crit, lead)
            pts.append(p)
            g = crit["group"]
            if g is None:
                sums[crit["category"]] += p
            else:
                gsum[g] = gsum.get(g, 0.0) + p
                gcat[g] = crit["category"]
        for g, s in gsum.items():
            gmax, gmin = rules.groups.get(g, (None, None))
            if gmax is not None and s > gmax:
                s = gmax
            if gmin is not None and s < gmin:
                s = gmin
            sums[gcat[g]] += s
        factor = 1.0
        if rules.decay:
            dv = lead.value(rules.decay["field"])
            if dv is not None:
                d = self.date_of(rules.decay["field"], dv)
                if d is not None and d <= self.as_of:
                    factor = 0.5 ** ((self.as_of - d) / rules.decay["half_life"])
        fit_sum, eng_sum = sums["fit"], sums["engagement"]
        if factor != 1.0:
            eng_sum = eng_sum * factor
            if rules.decay["applies_to"] == "score":
                fit_sum = fit_sum * factor
        fit = round2(fit_sum)
        eng = round2(eng_sum)
        score = round2(fit + eng)
        if rules.score_min is not None and score < rules.score_min:
            score = rules.score_min
        if rules.score_max is not None and score > rules.score_max:
            score = rules.score_max

        dq = [did for did, when in rules.disqualify if self.cond(when, lead)]
        stage = "Lead"
        if not dq:
            for s in STAGES:
                g = rules.stages.get(s)
                if g is None:
                    break
                if g["min_score"] is not None and not score >= g["min_score"]:
                    break
                if g["min_fit"] is not None and not fit >= g["min_fit"]:
                    break
                if g["min_engagement"] is not None and not eng >= g["min_engagement"]:
                    break
                if not all(self.cond(r, lead) for r in g["requires"]):
                    break
                stage = s
        reasons = ["disqualified:" + d for d in dq]
        for crit, p in zip(rules.criteria, pts):
            if fmt_num(p) != "0":  # non-zero once rounded to 2 decimals
                reasons.append(crit["id"] + fmt_points(p))
        if factor < 1.0:
            reasons.append("decay\u00d7" + fmt_num(factor))
        return score, fit, eng, stage, reasons


# --------------------------------------------------------------------------
# Input reading.

def sniff_delimiter(first_line):
    best, count = ",", 0
    for d in [",", ";", "\t", "|"]:
        n = first_line.count(d)
        if n > count:
            best, count = d, n
    return best


def iter_csv(path, delimiter):
    f = sys.stdin if path == "-" else open(path, newline="", encoding="utf-8-sig")
    data = f.read()
    if data.startswith("\ufeff"):
        data = data[1:]
    if delimiter is None:
        delimiter = sniff_delimiter(data.split("\n", 1)[0])
    import io
    reader = csv.reader(io.StringIO(data, newline=""), delimiter=delimiter, quotechar='"',
                        doublequote=True, strict=False)
    header = None
    for lineno, row in enumerate(reader, 1):
        if header is None:
            header = row
            yield ("header", header)
            continue
        if not row:
            continue
        if len(row) != len(header):
            sys.stderr.write("oracle: %s: record %d has %d fields, header %d: skipped\n"
                             % (path, lineno, len(row), len(header)))
            continue
        yield ("row", row)


def iter_jsonl(path):
    f = sys.stdin if path == "-" else open(path, encoding="utf-8-sig")
    for line in f:
        if not line.strip():
            continue
        yield json.loads(line, parse_int=RawNum, parse_float=RawNum)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rules", "-r", required=True)
    ap.add_argument("--as-of")
    ap.add_argument("--format", "-f", choices=["csv", "jsonl"])
    ap.add_argument("--delimiter")
    ap.add_argument("input")
    a = ap.parse_args(argv)

    rules = Rules(a.rules)
    if a.as_of:
        as_of = read_iso_date(a.as_of)
    elif rules.as_of is not None:
        as_of = rules.as_of
    else:
        t = datetime.datetime.now(datetime.timezone.utc).date()
        as_of = days_from_civil(t.year, t.month, t.day)
    engine = Engine(rules, as_of)

    fmt = a.format
    if fmt is None:
        if a.input.endswith(".jsonl") or a.input.endswith(".ndjson"):
            fmt = "jsonl"
        elif a.input.endswith(".csv"):
            fmt = "csv"
        else:
            with open(a.input, encoding="utf-8-sig") as f:
                fmt = "jsonl" if f.read(1) == "{" else "csv"

    out = csv.writer(sys.stdout, lineterminator="\n")
    default_ids = ["id", "lead_id", "email"]

    if fmt == "csv":
        src = None
        id_col = None
        for kind, row in iter_csv(a.input, a.delimiter):
            if kind == "header":
                src = CsvSource(row)
                colmap = {}

                def resolve(field, src=src, colmap=colmap):
                    if field not in colmap:
                        colmap[field] = src.column(rules.names_for(field))
                    return colmap[field]
                if rules.id_field:
                    id_col = resolve(rules.id_field)
                else:
                    for n in default_ids:
                        id_col = src.column([n])
                        if id_col is not None:
                            break
                out.writerow([row[id_col] if id_col is not None else "id",
                              "score", "fit", "engagement", "stage", "reasons"])
                continue

            def get(field, row=row):
                i = resolve(field)
                return row[i] if i is not None else None
            lead = Lead(engine, get)
            score, fit, eng, stage, reasons = engine.score(lead)
            out.writerow([row[id_col] if id_col is not None else "", fmt_num(score),
                          fmt_num(fit), fmt_num(eng), stage, "; ".join(reasons)])
    else:
        wrote_header = False
        for obj in iter_jsonl(a.input):
            if not isinstance(obj, dict):
                continue

            def get(field, obj=obj):
                found, v = json_lookup(obj, rules.names_for(field))
                return json_text(v) if found else None
            if rules.id_field:
                id_names = rules.names_for(rules.id_field)
            else:
                id_names = None
                for n in default_ids:
                    if json_lookup(obj, [n])[0]:
                        id_names = [n]
                        break
            if not wrote_header:
                hdr = "id"
                if id_names:
                    hdr = id_names[0]
                    for n in id_names:
                        if n in obj:
                            hdr = n
                            break
                out.writerow([hdr, "score", "fit", "engagement", "stage", "reasons"])
                wrote_header = True
            idv = ""
            if id_names:
                found, v = json_lookup(obj, id_names)
                if found and v is not None:
                    idv = json_text(v)
            lead = Lead(engine, get)
            score, fit, eng, stage, reasons = engine.score(lead)
            out.writerow([idv, fmt_num(score), fmt_num(fit), fmt_num(eng), stage,
                          "; ".join(reasons)])
        if not wrote_header:
            out.writerow(["id", "score", "fit", "engagement", "stage", "reasons"])
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.exit(1)
