#!/usr/bin/python3
"""Deterministic adversarial lead generator for the oracle agreement check.

Usage:
    gen_random_leads.py --rows N [--seed S] --format csv|jsonl > leads.EXT

The same --rows/--seed give the same records in both formats (only
random.Random(seed).random() is used, the same number of draws whatever the
format).  Columns match torture.yaml (and torture_score_decay.yaml):
header names with spaces and odd case ("Job Title", "  company size ",
"NumberOfEmployees", "INDUSTRY", "Signup Date"), a dotted column
"properties.seniority" (a nested object in JSON lines), and a "Score" column
that leadscore must replace in place.

Values are deliberately hostile: currency signs, thousands separators (valid
and invalid), percentages, exponents, negatives, junk, blanks, N/A / null
spellings, the rules' missing_values, ASCII and non-ASCII white space padding;
booleans in every accepted spelling plus junk; dates in every accepted layout
(offsets that cross midnight, epoch seconds and milliseconds, future dates,
day boundaries around the as-of cut-offs) plus impossible dates and junk.

CSV: UTF-8 with BOM, CRLF line ends (or with --delimiter ';' etc.: no BOM, LF), RFC 4180 quoting (some fields contain
commas, quotes and line breaks).  JSON lines: one object per line; some
numbers and booleans as JSON numbers / true / false, blanks as null or "".
"""
import argparse
import csv
import io
import json
import re
import sys

COLUMNS = [
    "lead_id", "email", "Job Title", "  company size ", "NumberOfEmployees",
    "INDUSTRY", "country", "budget", "annual_revenue", "win_rate", "rating",
    "tier", "page_views", "pricing_page_views", "content_downloads",
    "email_opens", "email_clicks", "demo_requested", "meeting_booked",
    "webinar_attended", "unsubscribed", "sales_accepted", "is_customer",
    "last_activity_at", "created_at", "Signup Date", "authority", "timeline",
    "lead_source", "properties.seniority", "phone", "notes", "Score",
]

MISSING = ["", "", "", "null", "NULL", "Null", "N/A", "n/a", "N/a", "unknown",
           "UNKNOWN", "Select", "-", " ", "\t"]

GENERIC_NUM_JUNK = [
    "1,23", "12,3456", "1234,567", "10k", "100$", "100\u20ac", "$ 100", ".5",
    "5.", "1_000", "0x10", "Infinity", "NaN", "inf", "1e", "e5", "--5", "+-5",
    "(100)", "1 000", "\u00a05000", "\u22125", "abc", "12.5 %", "%50",
    "\uff11\uff12", "1.2.3", "$$5", "5-", "1,000,00", ",100", "100,",
    "\u20ac", "$", "%", "+", "-.5",
]

NUM_FORMS = [
    "15000", "15000.50", "$15,000", "\u20ac12,500.75", "\u00a39,999.99", "-$500",
    "$-500", "+2500", "1,000,000", "1e4", "1.5E3", "2.5e-1", "50%", "12.5%",
    "9999.99", "10000", "10000.00", "10000.001", "9999.994", "1,234,567.89",
    "0", "-0", "0.00", "007", "  20000  ", "\t300\t", "1000", "999", "5e1%",
    "-1e2", "+$1,000", "$+1,000", "1E+2", "\u20ac-3", "-\u00a33",
    "1,000e3", "$1,000.50e-1", "1e3%", "-1,000%", "\u00a3-1,000.5", "1e+03",
    "123456789012345678901234567890", "0.000", "+0", "1,000.", "00,100", "0001",
]

BOOLS = ["true", "false", "TRUE", "False", "yes", "No", "YES", "no", "Y", "n",
         "y", "N", "t", "F", "T", "f", "1", "0", " true ", "\tfalse",
         "maybe", "ja", "2", "-1", "on", "off", "truee", "yes!", "0.0", "1.0"]

TITLES = [
    "Head of Sales", "Headhunter", "VP, Sales", "VP Sales", "SVP Engineering",
    "evp, product", "Vice President", "Chief Executive Officer", "CEO", "ceo",
    "Co-CEO", "CEO/Founder", "Director", "Sr. Director \u2013 Marketing",
    "Directorate Clerk", "Student Intern", "Marketing Intern",
    "International Account Manager", "Internal Audit Manager",
    "Intern-ship coordinator", "student_rep", "Head_of_Ops", "HEAD OF SALES",
    "vp", "V.P. Sales", "Director of Sales", "Sales", "sales", "Inside Sales",
    "Zo\u00eb Director", "Director\u00f6", "CTO", "cto", "CFO & COO",
    "head of  growth", "Chiefly Sales", "Team lead, Sales", "vp of SALES",
    "Senior Developer", "Heads of State", "INTERN", "studentship",
    "Head\tof Sales", "vp \u2014 ops", "Software Engineer", "Product Manager",
]

EMAILS = [
    "alice@gmail.com", "bob@GMAIL.COM", "carol@mail.gmail.com", "dan@notgmail.com",
    "eve@gmail.com.evil.io", "a@b@Yahoo.com", "noatsign.example.com",
    "ceo@acme.com", "CEO@acme.com", "ceo@startup.AI", "test@acme.com",
    "Test42@acme.com", "tester@acme.com", "x@rival.example", "y@sales.rival.example",
    "z@competitor.io", "zz@notcompetitor.io", "bob+leads@smith.ai", "user@", "@gmail.com",
    " padded@hotmail.com ", "u@outlook.com", "U@OutLook.Com", "v@icloud.com",
    "w@proton.me", "@", "a@b@c", "x@yahoo.com.", "x@.gmail.com", "pat@sub.outlook.com",
    "j.doe@corp.example.co.uk", "test99@gmail.com", "first.last@company.io",
]

INDUSTRIES = ["software", "SOFTWARE", "Software", "fintech", "FinTech", "Health Care",
              "health care", "healthcare", "HealthTech", "42", "42.0", "$42", "4,2",
              "7", "7.0", "student", "Student", "SaaS", "Financial Services",
              "software ", " fintech"]

COUNTRIES = ["US", "us", "Us", "CA", "GB", "uk", "UK", "DE", "de", "FR", "NL", "SE",
             "AU", "BR", "IN", "USA", " US", "U S"]

AUTHORITY = ["decision_maker", "Decision_Maker", "DECISION_MAKER", "influencer",
             "INFLUENCER", "user", "decision maker", "champion"]
TIMELINE = ["this_quarter", "Next_Quarter", "NEXT_QUARTER", "next quarter", "none",
            "this_year", "this_quarter "]
SOURCES = ["webinar", "Webinar", "Trade Show", "trade show", "tradeshow", "referral",
           "REFERRAL", "3", "3.0", "$3", "003", "true", "yes", "Y", "1", "0", "false",
           "organic", "paid, social"]
SENIORITY = ["executive", "Executive", "EXECUTIVE", "VP", "vp", "manager", "individual"]
PHONES = ["+1 555 0100", "555-0199", "(555) 010-0000", "0", "none"]
NOTES = [
    "Urgent: call back", "asap please", "VIP customer", "vip customer", "call me maybe",
    "Please call", "Budget: $5000", "budget: $5000", "Budget: $", "Budget:  $5",
    "multi\nline\nnote, with \"quotes\"", "h\u00e9llo w\u00f6rld, \u00fcrgent?", "ASAP",
    "callback", "call", "CALL now", "not urgent", "VIPs only", "say \"hi\"", "comma, separated",
    "trailing newline\n", "\r\nleading crlf", "tab\tinside",
    "M\u00fcller AG", "M\u00dcLLER AG", "m\u00dcller ag", "\u00dcRGENT", "\u00fcrgent call",
    "\u00c9cole", "\u00c9COLE", "\u00e9cole", "semi;colon", "pipe|pipe",
]
TIERS = ["10", "10.0", "010", "$10", "10%", "1e1", "ten", "1", "2", "3", "3.0", "4.5",
         "4.50", "gold", "GOLD", "Gold", "platinum", "Platinum", "1,0", " 10 ", "+10",
         "-10", "10.01"]
IS_CUSTOMER = ["true", "TRUE", "yes", "Yes", "YES", "no", "false", "False", "maybe",
               "Maybe", "1", "0", "y", "n", "t", "ja", "yes "]
WIN_RATES = ["55%", "50%", "0.5", "49.99%", "50", "50.0%", "12.5 %", "%50", "100%",
             "5e1%", "-50%", "49,99%"]
RATINGS = ["-3.25", "4.5", "2.75", "1,000", "$3", "7%", "1e1", "0.01", "-0.5", "-10",
           "3", "0", "-0", "2.5e-1", "5", "4.99", "+1.5"]
COUNTS_EXTRA = ["2.5", "1,000", "3%", "1e1", "-2", "0", "007", "$4", "12", "1.0",
                "0.5", "3.5"]

SIGNUP = ["01/10/2026", "1/9/2026", "31/12/2025", "29/02/2024", "29/02/2026",
          "31/04/2026", "2026-10-01", "1759276800", "13/13/2026", "01/10/2026 10:00",
          "01-10-2026", "15/06/2026", "16/04/2025", "14/06/2025", "15/06/2025",
          "02/09/2026", "03/09/2026", "01/11/2026", "02/11/2026", "1/1/2027", "00/10/2026",
          "32/01/2026", "5/5/2026", "05/05/2026", "4/5/2026"]

DATE_JUNK = ["2026-02-30", "2026-13-01", "2026-10-1", "10/01/2026", "2026/10/01",
             "yesterday", "2026-10-01T25:00Z", "2026-10-01T10", "2026-10-01Z",
             "12345678901234", "2026-10-01T10:00:00 Z", "2025-02-29", "2026-00-10",
             "2026-10-01T10:60Z", "2026-10-01T10:00+5:30", "2026-10-01T", "20261001",
             "2026-1-01", "26-10-01", "2026-10-01T10:00:00+25:00", "Oct 1, 2026",
             "-86400", "1.7e9", "2026-10-01T1:00Z", "2024-02-29", "0", "86399", "86400",
             "999999999999", "99999999999", "1000000000000",
             "2026-10-01t10:00:00z", "2026-10-01T10:00:00,5Z", "2026-10-01T10:00:00.Z",
             "2026-10-01T10:00:00+05:30:00", "0000000001", "2026-10-01T10:00:00-0000",
             "2026-10-01  10:00", "2026-10-01T10:00:00+05:", "2026-10-31T23:59:59-00:01"]

JSON_NUM = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?")


def days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


AS_OF_A = days_from_civil(2026, 11, 1)   # --as-of of the check
AS_OF_B = days_from_civil(2026, 6, 15)   # torture.yaml's as_of
# offsets (days before the as-of) right at the cut-offs of torture.yaml
BOUNDARY = [0, -1, 1, 13, 14, 15, 29, 30, 31, 59, 60, 61, 89, 90, 91, 179, 180, 181,
            182, 364, 365, 366, 30 * 30, -400]


class Gen:
    def __init__(self, seed):
        import random
        self.r = random.Random(seed)

    def f(self):
        return self.r.random()

    def pick(self, seq):
        return seq[int(self.f() * len(seq))]

    def chance(self, p):
        return self.f() < p

    def int_between(self, lo, hi):
        return lo + int(self.f() * (hi - lo + 1))

    # Each value is (text, kind); kind: "str", "num" (JSON number token),
    # "bool" (JSON true/false), "null" (JSON null; CSV empty).
    def missing(self):
        t = self.pick(MISSING)
        if t == "" and self.chance(0.5):
            return ("", "null")
        return (t, "str")

    def maybe_native(self, t):
        """Same draw count whatever the value: decide JSON number/bool token."""
        native = self.chance(0.5)
        if native and JSON_NUM.fullmatch(t):
            return (t, "num")
        if native and t in ("true", "false"):
            return (t, "bool")
        return (t, "str")

    def pad(self, v):
        t, kind = v
        x = self.f()
        if kind == "str" and t and x < 0.06:
            return (self.pick([" ", "  ", "\t", " \t"]) + t + self.pick(["", " ", "\t "]), "str")
        return v

    def number(self, lo, hi, decimals, forms=True):
        x = self.f()
        if x < 0.12:
            return self.missing()
        if x < 0.22:
            return (self.pick(GENERIC_NUM_JUNK), "str")
        if x < 0.40 and forms:
            return self.pad((self.pick(NUM_FORMS), "str"))
        v = lo + (hi - lo) * self.f()
        if decimals == 0:
            t = str(int(v))
        else:
            t = "%.*f" % (decimals, v)
            if self.chance(0.5):
                t = t.rstrip("0").rstrip(".") or "0"
        style = self.f()
        if style < 0.15 and abs(v) >= 1000:
            t = "{:,}".format(int(v)) + (t[t.index("."):] if "." in t else "")
        elif style < 0.25:
            t = self.pick(["$", "\u20ac", "\u00a3"]) + t
        elif style < 0.30:
            t = t + "%"
        return self.pad(self.maybe_native(t))

    def pool(self, seq, p_missing=0.1):
        if self.chance(p_missing):
            return self.missing()
        return self.pad(self.maybe_native(self.pick(seq)))

    def count(self):
        x = self.f()
        if x < 0.1:
            return self.missing()
        if x < 0.18:
            return (self.pick(GENERIC_NUM_JUNK), "str")
        if x < 0.30:
            return self.pad(self.maybe_native(self.pick(COUNTS_EXTRA)))
        return self.pad(self.maybe_native(str(self.int_between(0, 25))))

    def boolean(self):
        x = self.f()
        if x < 0.1:
            return self.missing()
        if x < 0.55:
            return self.maybe_native(self.pick(["true", "false"]))
        return (self.pick(BOOLS), "str")

    def company_size(self):
        x = self.f()
        if x < 0.3:
            return self.pad(self.maybe_native(self.pick(
                ["9", "9.99", "10", "199", "199.5", "200", "5000", "5000.0", "5000.5",
                 "5001", "-1", "0", "2,000", "5,000", "1e3", "2e2", "$300", "10%", "200%"])))
        return self.number(1, 20000, 0, forms=False)

    def date(self):
        x = self.f()
        if x < 0.10:
            return self.missing()
        if x < 0.22:
            return (self.pick(DATE_JUNK), "str")
        base = AS_OF_A if self.chance(0.6) else AS_OF_B
        if self.chance(0.35):
            day = base - self.pick(BOUNDARY)
        else:
            day = base - self.int_between(-60, 1200)
        y, m, d = civil_from_days(day)
        layout = self.f()
        hh, mi, ss = self.int_between(0, 23), self.int_between(0, 59), self.int_between(0, 59)
        ymd = "%04d-%02d-%02d" % (y, m, d)
        if layout < 0.30:
            return self.pad((ymd, "str"))
        if layout < 0.40:
            return (ymd + "T%02d:%02d:%02dZ" % (hh, mi, ss), "str")
        if layout < 0.45:
            return (ymd + "T%02d:%02d:%02d.%dZ" % (hh, mi, ss, self.int_between(0, 999999)), "str")
        if layout < 0.60:
            # an offset chosen to cross midnight most of the time
            late = self.chance(0.5)
            if late:
                hh = self.int_between(20, 23)
                oh = -self.int_between(1, 12)
            else:
                hh = self.int_between(0, 3)
                oh = self.int_between(1, 14)
            om = self.pick([0, 0, 30, 45])
            sign = "-" if oh < 0 else "+"
            ah = abs(oh)
            off = self.pick(["%s%02d:%02d" % (sign, ah, om), "%s%02d%02d" % (sign, ah, om),
                             "%s%02d" % (sign, ah) if om == 0 else "%s%02d:%02d" % (sign, ah, om)])
            sep = self.pick(["T", " "])
            secs = self.pick(["", ":%02d" % ss, ":%02d.5" % ss])
            return (ymd + sep + "%02d:%02d" % (hh, mi) + secs + off, "str")
        if layout < 0.70:
            return (ymd + " %02d:%02d" % (hh, mi) + self.pick(["", ":%02d" % ss]), "str")
        if layout < 0.80:
            t = str(day * 86400 + hh * 3600 + mi * 60 + ss)
            return self.maybe_native(t)
        if layout < 0.90:
            t = str((day * 86400 + hh * 3600 + mi * 60 + ss) * 1000 + self.int_between(0, 999))
            return self.maybe_native(t)
        if layout < 0.95:
            return (ymd + "T%02d:%02d" % (hh, mi), "str")
        return (ymd + "T%02d:%02d:%02d+00:00" % (hh, mi, ss), "str")

    def email(self):
        if self.chance(0.08):
            return self.missing()
        if self.chance(0.5):
            return self.pad((self.pick(EMAILS), "str"))
        user = self.pick(["jo", "ann", "ceo", "Test", "test7", "x.y", "sales+crm"])
        dom = self.pick(["acme.com", "gmail.com", "Yahoo.COM", "eu.hotmail.com", "globex.io",
                         "rival.example", "mail.rival.example", "widgets.ai", "OUTLOOK.com"])
        return (user + "@" + dom, "str")

    def record(self, i):
        rec = {}
        rec["lead_id"] = ("T%06d" % i, "str")
        rec["email"] = self.email()
        rec["Job Title"] = self.pool(TITLES, 0.08)
        rec["  company size "] = self.company_size()
        rec["NumberOfEmployees"] = self.number(-50, 2000000, 0)
        rec["INDUSTRY"] = self.pool(INDUSTRIES, 0.12)
        rec["country"] = self.pool(COUNTRIES, 0.1)
        rec["budget"] = self.number(0, 40000, 2)
        rec["annual_revenue"] = self.number(-100000, 90000000, 2)
        rec["win_rate"] = self.pool(WIN_RATES, 0.2) if self.chance(0.5) else self.number(0, 100, 2)
        rec["rating"] = self.pool(RATINGS, 0.15)
        rec["tier"] = self.pool(TIERS, 0.1)
        rec["page_views"] = self.count()
        rec["pricing_page_views"] = self.count()
        rec["content_downloads"] = self.count()
        rec["email_opens"] = self.count()
        rec["email_clicks"] = self.count()
        for b in ["demo_requested", "meeting_booked", "webinar_attended", "unsubscribed",
                  "sales_accepted"]:
            rec[b] = self.boolean()
        rec["is_customer"] = self.pool(IS_CUSTOMER, 0.1)
        rec["last_activity_at"] = self.date()
        rec["created_at"] = self.date()
        rec["Signup Date"] = self.pool(SIGNUP, 0.1)
        rec["authority"] = self.pool(AUTHORITY, 0.15)
        rec["timeline"] = self.pool(TIMELINE, 0.15)
        rec["lead_source"] = self.pool(SOURCES, 0.1)
        rec["properties.seniority"] = self.pool(SENIORITY, 0.2)
        rec["phone"] = self.pool(PHONES, 0.3)
        rec["notes"] = self.pool(NOTES, 0.3)
        rec["Score"] = self.pool(["87", "12.5", "n/a", "-3", "high"], 0.3)
        # Adversarial "good lead" boost so that every stage is reached often.
        if self.chance(0.25):
            rec["demo_requested"] = ("true", "bool" if self.chance(0.5) else "str")
            rec["budget"] = (self.pick(["$25,000", "10000", "15000.5", "1e5", "10,000.00"]), "str")
            rec["authority"] = (self.pick(AUTHORITY[:5]), "str")
            rec["timeline"] = (self.pick(TIMELINE[:3]), "str")
            rec["Job Title"] = (self.pick(["VP, Sales", "Head of Sales", "Chief Executive Officer"]), "str")
            rec["page_views"] = (str(self.int_between(10, 40)), "str")
            rec["pricing_page_views"] = (str(self.int_between(1, 5)), "str")
            rec["sales_accepted"] = (self.pick(["true", "yes", "1", "T"]), "str")
            rec["last_activity_at"] = ("%04d-%02d-%02d" % civil_from_days(AS_OF_A - self.int_between(0, 40)), "str")
        return rec


def json_value(t, kind):
    if kind == "null":
        return "null"
    if kind == "num":
        return t
    if kind == "bool":
        return t
    return json.dumps(t, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=["csv", "jsonl"], required=True)
    ap.add_argument("--delimiter", default=",",
                    help="CSV delimiter; other than ',' also means LF line ends and no BOM")
    a = ap.parse_args()
    g = Gen(a.seed)
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    if a.format == "csv":
        if a.delimiter == ",":
            out.write("\ufeff")
            w = csv.writer(out, lineterminator="\r\n")
        else:
            w = csv.writer(out, delimiter=a.delimiter, lineterminator="\n")
        w.writerow(COLUMNS)
    for i in range(1, a.rows + 1):
        rec = g.record(i)
        if a.format == "csv":
            w.writerow([rec[c][0] for c in COLUMNS])
        else:
            parts = []
            for c in COLUMNS:
                t, kind = rec[c]
                if c == "properties.seniority":
                    parts.append('"properties":{"seniority":%s}' % json_value(t, kind))
                else:
                    parts.append("%s:%s" % (json.dumps(c), json_value(t, kind)))
            out.write("{" + ",".join(parts) + "}\n")
    out.flush()


if __name__ == "__main__":
    main()
