#!/usr/bin/env python3
"""Writes the example CRM exports used by the README and the example scripts.

    python3 examples/make_examples.py [--seed 2026] [--out examples]

Output (the same every run for the same seed; only random.Random.random() is
used, whose sequence does not change between Python releases):

  leads.csv              ~300 leads, the column names rules/b2b.yaml and
                         `leadscore init` use
  leads.jsonl            the same leads as JSON lines (numbers as numbers,
                         booleans as true/false, missing values as null)
  hubspot_contacts.csv   ~100 contacts in a HubSpot-style export layout,
                         for rules/hubspot.yaml

The data is made up but shaped like real exports: quoted company names with
commas, non-ASCII names, mixed-case industries and e-mail domains, empty
values and `N/A`, free-mail addresses, shared inboxes, a few competitors and
test records. Dates are relative to 2026-11-01, the as-of date the examples
use (`--as-of 2026-11-01`).
"""
import argparse
import csv
import datetime
import json
import os
import random

AS_OF = datetime.datetime(2026, 11, 1, 0, 0)

LEAD_COLUMNS = [
    "lead_id", "email", "first_name", "last_name", "job_title", "company",
    "company_size", "industry", "country", "budget", "authority", "timeline",
    "page_views", "pricing_page_views", "content_downloads", "webinar_attended",
    "email_opens", "email_clicks", "demo_requested", "meeting_booked",
    "replied_to_email", "unsubscribed", "sales_accepted", "last_activity_at",
    "created_at",
]

HUBSPOT_COLUMNS = [
    "Record ID", "First Name", "Last Name", "Email", "Job Title", "Company Name",
    "Number of Employees", "Industry", "Country/Region", "Annual Revenue",
    "Lifecycle Stage", "Lead Status", "Number of Pageviews", "Number of Sessions",
    "Number of Form Submissions", "Last Activity Date", "Create Date",
    "Marketing emails opened", "Marketing emails clicked", "Budget", "Authority",
    "Timeline", "Demo Requested", "Meeting Booked", "Sales Accepted",
]

# (display name, ascii slug for the e-mail address)
FIRST_NAMES = [
    ("James", "james"), ("Mary", "mary"), ("John", "john"), ("Patricia", "patricia"),
    ("Robert", "robert"), ("Jennifer", "jennifer"), ("Michael", "michael"),
    ("Linda", "linda"), ("David", "david"), ("Sarah", "sarah"), ("Priya", "priya"),
    ("Wei", "wei"), ("Mohammed", "mohammed"), ("Ana", "ana"), ("Lucas", "lucas"),
    ("Emma", "emma"), ("Olivia", "olivia"), ("Noah", "noah"), ("Fatima", "fatima"),
    ("Hiroshi", "hiroshi"), ("Ngozi", "ngozi"), ("Kwame", "kwame"), ("José", "jose"),
    ("François", "francois"), ("Zoë", "zoe"), ("Søren", "soren"), ("Łukasz", "lukasz"),
    ("Björn", "bjorn"), ("Chloé", "chloe"), ("Renée", "renee"), ("Ines", "ines"),
    ("Ayşe", "ayse"), ("Dmitri", "dmitri"), ("Mary-Kate", "marykate"),
    ("Jean-Luc", "jeanluc"), ("Siobhán", "siobhan"), ("Tomás", "tomas"),
    ("Anaïs", "anais"), ("Raj", "raj"), ("Mei", "mei"), ("Kenji", "kenji"),
    ("Laura", "laura"), ("Daniel", "daniel"), ("Sophie", "sophie"), ("Ben", "ben"),
]
LAST_NAMES = [
    ("Smith", "smith"), ("Johnson", "johnson"), ("Williams", "williams"),
    ("Brown", "brown"), ("Jones", "jones"), ("Garcia", "garcia"), ("Miller", "miller"),
    ("Davis", "davis"), ("Patel", "patel"), ("Chen", "chen"), ("Kim", "kim"),
    ("Nguyen", "nguyen"), ("Schmidt", "schmidt"), ("Rossi", "rossi"), ("Silva", "silva"),
    ("Okafor", "okafor"), ("Tanaka", "tanaka"), ("Andersson", "andersson"),
    ("O'Brien", "obrien"), ("D'Angelo", "dangelo"), ("Müller", "mueller"),
    ("García", "garcia"), ("Nguyễn", "nguyen"), ("Ødegaard", "odegaard"),
    ("Kowalczyk", "kowalczyk"), ("Dubois", "dubois"), ("Smith-Jones", "smithjones"),
    ("van der Berg", "vanderberg"), ("Dvořák", "dvorak"), ("Yılmaz", "yilmaz"),
    ("Núñez", "nunez"), ("Fischer", "fischer"), ("Murphy", "murphy"),
    ("Lefèvre", "lefevre"), ("Sato", "sato"), ("Ivanova", "ivanova"),
]

# Job titles by seniority: 3 = C-level, 2 = VP / head / director, 1 = manager,
# 0 = individual contributor, -1 = student / intern.
TITLES = {
    3: ["Chief Technology Officer", "Chief Marketing Officer", "CEO & Founder", "CTO",
        "Co-Founder", "Chief Revenue Officer", "CFO", "Chief Operating Officer"],
    2: ["VP Marketing", "VP of Sales", "VP, Marketing", "SVP Engineering", "Head of Sales",
        "Head of Growth", "Head of Sales, EMEA", "Director of Engineering", "Marketing Director",
        "Director, Product Management", "IT Director", "Vice President, Operations",
        "Sr. Director – Demand Generation", "Head of Revenue Operations", "President"],
    1: ["Marketing Manager", "Product Manager", "Engineering Manager", "Sales Manager",
        "Senior Manager, Demand Generation", "Marketing Operations Manager",
        "International Account Manager", "Internal Audit Manager", "IT Manager"],
    0: ["Software Engineer", "Senior Software Engineer", "Data Analyst",
        "Marketing Specialist", "Account Executive", "Business Analyst", "Consultant",
        "Operations Coordinator", "DevOps Engineer", "Headhunter", "Designer", ""],
    -1: ["Intern", "Marketing Intern", "Student", "PhD Student", "Graduate Student",
         "Engineering Intern", "Working Student"],
}

COMPANY_A = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Hooli", "Vandelay",
             "Tyrell", "Cyberdyne", "Aperture", "Northwind", "Contoso", "Fabrikam",
             "Pied Piper", "Oceanic", "Nakatomi", "Vertex", "Quantum", "Nimbus", "Lumen",
             "Brightline", "Redwood", "Silverline", "Ironclad", "Helios", "Pinnacle",
             "Zephyr", "Bluebird", "Cobalt", "Evergreen"]
COMPANY_B = ["Data", "Cloud", "Health", "Pay", "Labs", "Systems", "Analytics", "Logistics",
             "Robotics", "Bio", "Media", "Works", "Networks", "Capital", "Software", "AI"]
COMPANY_SUFFIX = ["", "", "", " Inc.", ", Inc.", " LLC", ", LLC", " Ltd", " GmbH", " Corp.",
                  " & Co.", " Group", " B.V.", " AB"]
COMPANY_SPECIAL = [  # (name, domain, country)
    ("Müller Präzision GmbH", "mueller-praezision.de", "DE"),
    ("Société Générale Numérique", "sgnumerique.fr", "FR"),
    ('The "Good" Company', "thegoodcompany.com", "US"),
    ("Smith, Jones & Partners", "smithjones.com", "GB"),
    ("Ørsted Løsninger A/S", "orsted-losninger.dk", "DK"),
    ("O'Reilly's Analytics", "oreillysanalytics.com", "IE"),
    ("Café Olé, S.L.", "cafeole.es", "ES"),
    ("Nordlicht Software AB", "nordlicht.se", "SE"),
]
TLDS = [".com", ".com", ".com", ".com", ".io", ".io", ".co", ".de", ".ai", ".co.uk", ".fr"]

# Mixed-case and free-text industries, as a CRM really holds them.
TARGET_INDUSTRIES = ["Software", "Software", "software", "SOFTWARE", "SaaS", "FinTech",
                     "Fintech", "Healthcare", "healthcare", "HealthTech",
                     "Financial Services"]
OTHER_INDUSTRIES = ["Manufacturing", "Retail", "Education", "Government", "Media",
                    "Telecommunications", "Non-profit", "Logistics", "Energy",
                    "Health Care", "", "N/A", "unknown"]
TARGET_COUNTRIES = ["US", "US", "US", "US", "USA", "United States", "GB", "UK", "DE", "DE",
                    "FR", "CA", "NL", "SE", "AU", "IE"]
OTHER_COUNTRIES = ["IN", "BR", "JP", "ES", "IT", "PL", "MX", "SG", "ZA", "DK", ""]

FREE_DOMAINS = ["gmail.com", "gmail.com", "gmail.com", "yahoo.com", "hotmail.com",
                "outlook.com", "Gmail.com", "icloud.com", "gmx.de", "proton.me", "web.de"]
COMPETITORS = ["funnelforge.com", "scorely.io", "leadlytics.com", "pipelinepilot.io"]
ROLE_INBOXES = ["info", "sales", "contact", "hello", "office"]
UNIVERSITIES = [("Stanford University", "stanford.edu", "US"),
                ("University of Manchester", "manchester.ac.uk", "GB"),
                ("Technische Universität München", "tum.de", "DE"),
                ("Boston College", "bc.edu", "US")]

# HubSpot-style labels.
HS_TARGET_INDUSTRIES = ["Computer Software", "Computer Software", "Information Technology and Services",
                        "Financial Services", "Hospital & Health Care", "Internet"]
HS_OTHER_INDUSTRIES = ["Retail", "Higher Education", "Marketing and Advertising",
                       "Mechanical or Industrial Engineering", "Government Administration",
                       "Logistics and Supply Chain", ""]
HS_TARGET_COUNTRIES = ["United States", "United States", "United States", "Canada",
                       "United Kingdom", "Germany", "France", "Netherlands", "Sweden",
                       "Australia", "Ireland"]
HS_OTHER_COUNTRIES = ["India", "Brazil", "Japan", "Spain", "Mexico", "Singapore", ""]


class Gen:
    """Every choice is made from rng.random(), so the output is reproducible."""

    def __init__(self, seed):
        self.r = random.Random(seed).random

    def chance(self, p):
        return self.r() < p

    def pick(self, items):
        return items[int(self.r() * len(items))]

    def between(self, lo, hi):
        """An integer in [lo, hi]."""
        return lo + int(self.r() * (hi - lo + 1))

    def days_ago(self, lo, hi):
        """A date-time lo..hi days before the as-of date, at a random minute."""
        return AS_OF - datetime.timedelta(days=self.between(lo, hi),
                                          minutes=self.between(1, 23 * 60))


def make_company_pool(g, n):
    pool = []
    seen = set()
    for special in COMPANY_SPECIAL:
        name, domain, country = special
        pool.append({"name": name, "domain": domain, "country": country,
                     "size": g.between(60, 3000),
                     "industry": g.pick(TARGET_INDUSTRIES + OTHER_INDUSTRIES[:6])})
    while len(pool) < n:
        a, b = g.pick(COMPANY_A), g.pick(COMPANY_B)
        if (a, b) in seen:
            continue
        seen.add((a, b))
        icp = g.chance(0.6)
        if icp:
            size = g.between(200, 5000) if g.chance(0.75) else g.between(50, 199)
            industry = g.pick(TARGET_INDUSTRIES)
            country = g.pick(TARGET_COUNTRIES)
        else:
            u = g.r()
            size = g.between(1, 9) if u < 0.3 else (g.between(10, 49) if u < 0.6 else g.between(5001, 90000))
            industry = g.pick(OTHER_INDUSTRIES + TARGET_INDUSTRIES[:3])
            country = g.pick(OTHER_COUNTRIES + TARGET_COUNTRIES[:4])
        pool.append({"name": a + " " + b + g.pick(COMPANY_SUFFIX),
                     "domain": (a + b).lower().replace(" ", "") + g.pick(TLDS),
                     "size": size, "industry": industry, "country": country, "icp": icp})
    return pool


def person_email(g, first, last, domain):
    local = first + g.pick([".", ".", ".", "_", ""]) + last
    if g.chance(0.1):
        local = first[0] + last
    if g.chance(0.05):
        domain = domain.upper()
    return local + "@" + domain


def title_for(g, persona):
    if persona in ("sao", "sql"):
        level = 3 if g.chance(0.25) else (2 if g.chance(0.75) else 1)
    elif persona == "mql":
        level = 3 if g.chance(0.15) else (2 if g.chance(0.5) else (1 if g.chance(0.8) else 0))
    elif persona == "poor":
        level = -1 if g.chance(0.5) else g.pick([0, 0, 1, 2])
    else:
        level = g.pick([3, 2, 2, 1, 1, 1, 0, 0, 0, 0, -1])
    return g.pick(TITLES[level])


def personas(g, n, shares):
    """n persona names in the given shares, in a shuffled order."""
    out = []
    for name, share in shares:
        out += [name] * int(round(n * share))
    out = (out + [shares[0][0]] * n)[:n]
    for i in range(n - 1, 0, -1):  # Fisher-Yates with random() only
        j = int(g.r() * (i + 1))
        out[i], out[j] = out[j], out[i]
    return out


# What kind of lead each row is meant to be before the rules have their say.
# The rules decide the stage; BANT gaps and noise move some rows down.
LEAD_SHARES = [("cold", 0.28), ("sao", 0.115), ("sql", 0.16), ("mql", 0.235),
               ("poor", 0.14), ("dq", 0.07)]
CONTACT_SHARES = [("cold", 0.33), ("sao", 0.11), ("sql", 0.16), ("mql", 0.25),
                  ("poor", 0.09), ("dq", 0.06)]


def lead_record(g, i, pool, persona):
    """One lead as a dict of Python values (None = missing)."""
    dq_kind = g.pick(["competitor", "competitor", "dnc", "dnc", "dnc", "test"]) if persona == "dq" else ""

    first, fslug = g.pick(FIRST_NAMES)
    last, lslug = g.pick(LAST_NAMES)
    title = title_for(g, persona)

    strong = persona in ("sao", "sql", "mql")
    while True:
        company = g.pick(pool)
        if not strong or company.get("icp", True) or g.chance(0.15):
            break
    email = person_email(g, fslug, lslug, company["domain"])
    cname, size, industry, country = company["name"], company["size"], company["industry"], company["country"]
    if persona == "poor":
        kind = g.pick(["free", "free", "academic", "small", "role"])
        if kind == "free":
            email = person_email(g, fslug, lslug, g.pick(FREE_DOMAINS))
            if g.chance(0.4):
                cname, size = None, None
        elif kind == "academic":
            cname, dom, country = g.pick(UNIVERSITIES)
            email = person_email(g, fslug, lslug, dom)
            size, industry = g.between(2000, 20000), "Education"
        elif kind == "small":
            size = g.between(1, 8)
        else:
            email = g.pick(ROLE_INBOXES) + "@" + company["domain"]
    elif persona in ("cold", "mql") and g.chance(0.08):
        email = person_email(g, fslug, lslug, g.pick(FREE_DOMAINS))
    if dq_kind == "competitor":
        email = person_email(g, fslug, lslug, g.pick(COMPETITORS))
    elif dq_kind == "test":
        first, last = g.pick([("Test", "Test"), ("test", "User"), ("Jane", "Test")])
        email = g.pick(["test@example.com", "qa+%d@example.com" % i, "jane.test@test.com"])

    # Budget, authority and timeline, as captured by forms and SDR calls.
    if persona in ("sao", "sql"):
        budget = g.between(20, 500) * 500 if g.chance(0.9) else g.between(20, 39) * 500
        authority = "decision_maker" if g.chance(0.65) else "influencer"
        timeline = "this_quarter" if g.chance(0.55) else "next_quarter"
        # Now and then one BANT item is not there yet: the lead stays an MQL.
        if g.chance(0.12):
            w = g.pick(["budget", "authority", "timeline"])
            if w == "budget":
                budget = g.pick([None, 7500, 5000])
            elif w == "authority":
                authority = g.pick(["user", None])
            else:
                timeline = g.pick(["this_year", "none", None])
    else:
        budget = g.pick([None, None, None, 5000, 7500, 12000, 25000, 40000, 80000])
        authority = g.pick(["decision_maker", "influencer", "user", "user", None, None])
        timeline = g.pick(["this_quarter", "next_quarter", "this_year", "this_year",
                           "none", "none", None, None])
    if budget is not None and g.chance(0.05):
        budget = budget + 0.5  # a decimal now and then

    # Engagement.
    if persona in ("sao", "sql"):
        page_views = g.between(3, 50)
        pricing = g.between(1, 6) if g.chance(0.6) else 0
        downloads = g.between(0, 3)
        webinar = g.chance(0.25)
        opens = g.between(1, 15)
        clicks = g.between(0, 5)
        demo = g.chance(0.75)
        meeting = (not demo) or g.chance(0.3)
        replied = g.chance(0.35)
        active = g.days_ago(0, 40)
    elif persona == "mql":
        page_views = g.between(4, 35)
        pricing = g.between(1, 3) if g.chance(0.4) else 0
        downloads = g.between(1, 3) if g.chance(0.7) else 0
        webinar = g.chance(0.35)
        opens = g.between(2, 15)
        clicks = g.between(0, 5)
        demo = g.chance(0.12)
        meeting = g.chance(0.08)
        replied = g.chance(0.2)
        active = g.days_ago(0, 30) if g.chance(0.85) else g.days_ago(31, 60)
    elif persona == "poor":
        page_views = g.between(1, 25)
        pricing = g.between(1, 2) if g.chance(0.2) else 0
        downloads = g.between(0, 4)
        webinar = g.chance(0.3)
        opens = g.between(0, 12)
        clicks = g.between(0, 4)
        demo = g.chance(0.1)
        meeting = g.chance(0.03)
        replied = g.chance(0.05)
        active = g.days_ago(0, 90)
    else:  # cold, and the disqualified ones (competitors snoop on pricing)
        page_views = g.between(0, 6)
        pricing = g.between(1, 4) if dq_kind == "competitor" else (1 if g.chance(0.1) else 0)
        downloads = 1 if g.chance(0.2) else 0
        webinar = g.chance(0.05)
        opens = g.between(0, 5)
        clicks = 1 if g.chance(0.2) else 0
        demo = g.chance(0.02) or dq_kind == "test"
        meeting = g.chance(0.02)
        replied = g.chance(0.03)
        active = g.days_ago(20, 420) if dq_kind != "test" else g.days_ago(0, 10)
        if dq_kind == "dnc":
            demo = meeting = replied = False
        if g.chance(0.08):
            active = None  # never active
    if clicks > opens:
        opens = clicks
    unsubscribed = dq_kind == "dnc" or (persona in ("cold", "poor") and g.chance(0.06))
    sales_accepted = persona == "sao" or g.chance(0.01)  # CRM noise: accepted, yet not an SQL

    created = (active or g.days_ago(30, 400)) - datetime.timedelta(days=g.between(0, 300),
                                                                   minutes=g.between(0, 600))
    return {
        "lead_id": "L-%05d" % (10000 + i),
        "email": email,
        "first_name": first,
        "last_name": last,
        "job_title": title or None,
        "company": cname,
        "company_size": size,
        "industry": industry or None,
        "country": country or None,
        "budget": budget,
        "authority": authority,
        "timeline": timeline,
        "page_views": page_views,
        "pricing_page_views": pricing,
        "content_downloads": downloads,
        "webinar_attended": webinar,
        "email_opens": opens,
        "email_clicks": clicks,
        "demo_requested": demo,
        "meeting_booked": meeting,
        "replied_to_email": replied,
        "unsubscribed": unsubscribed,
        "sales_accepted": sales_accepted,
        "last_activity_at": active,
        "created_at": created,
    }


def iso_date(g, dt):
    """Dates the way different tools write them into one export."""
    if dt is None:
        return None
    u = g.r()
    if u < 0.6:
        return dt.strftime("%Y-%m-%d")
    if u < 0.85:
        return dt.strftime("%Y-%m-%d %H:%M:%S")
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def lead_rows(g, leads):
    """The CSV text and the JSON values of each lead, with the export's blemishes."""
    csv_rows, json_rows = [], []
    for rec in leads:
        j = dict(rec)
        j["last_activity_at"] = iso_date(g, rec["last_activity_at"])
        j["created_at"] = rec["created_at"].strftime("%Y-%m-%dT%H:%M:%SZ")
        c = {}
        for k in LEAD_COLUMNS:
            v = j[k]
            if v is None:
                # Some systems write N/A where others leave the field empty.
                c[k] = "N/A" if (k in ("company_size", "budget", "industry") and g.chance(0.25)) else ""
            elif v is True or v is False:
                c[k] = "true" if v else "false"
            elif isinstance(v, float):
                c[k] = "%.2f" % v
            elif k in ("company_size", "budget") and v >= 1000 and g.chance(0.1):
                c[k] = "{:,}".format(v)  # "1,200": thousands separators, quoted in CSV
            else:
                c[k] = str(v)
        if j["industry"] in ("N/A", "unknown"):
            j["industry"] = None if j["industry"] == "N/A" else j["industry"]
        csv_rows.append(c)
        json_rows.append(j)
    return csv_rows, json_rows


def hubspot_row(g, i, pool, persona):
    first, fslug = g.pick(FIRST_NAMES)
    last, lslug = g.pick(LAST_NAMES)
    title = title_for(g, persona)
    strong = persona in ("sao", "sql", "mql")
    company = g.pick(pool)
    size = g.between(200, 5000) if strong and g.chance(0.8) else company["size"]
    industry = g.pick(HS_TARGET_INDUSTRIES) if (strong and g.chance(0.8)) or g.chance(0.3) else g.pick(HS_OTHER_INDUSTRIES)
    country = g.pick(HS_TARGET_COUNTRIES) if strong or g.chance(0.6) else g.pick(HS_OTHER_COUNTRIES)
    email = person_email(g, fslug, lslug, company["domain"])
    lifecycle, status = "Lead", g.pick(["New", "Open", "", "Attempted to Contact"])
    if persona == "poor":
        email = person_email(g, fslug, lslug, g.pick(FREE_DOMAINS))
        if g.chance(0.5):
            title = g.pick(TITLES[-1])
        lifecycle = g.pick(["Subscriber", "Lead"])
    if persona == "dq":
        kind = g.pick(["competitor", "customer", "unqualified"])
        if kind == "competitor":
            email = person_email(g, fslug, lslug, g.pick(COMPETITORS))
        elif kind == "customer":
            lifecycle = "Customer"
        else:
            status = "Unqualified"

    if persona in ("sao", "sql"):
        budget = g.between(20, 300) * 500
        authority = "Decision Maker" if g.chance(0.6) else "Influencer"
        timeline = "This quarter" if g.chance(0.5) else "Next quarter"
        if g.chance(0.1):
            timeline = "This year"
        views = g.between(10, 80)
        forms = g.between(1, 4)
        opens, clicks = g.between(3, 25), g.between(1, 8)
        demo = g.chance(0.7)
        meeting = (not demo) or g.chance(0.5)
        active = g.days_ago(0, 20)
        lifecycle = "Opportunity" if persona == "sao" else "Sales Qualified Lead"
        status = "Open Deal" if persona == "sao" else g.pick(["Connected", "In Progress"])
    elif persona == "mql":
        budget = g.pick([None, None, 5000, 15000, 30000])
        authority = g.pick(["Decision Maker", "Influencer", "End User", None])
        timeline = g.pick(["This quarter", "Next quarter", "This year", "No timeline", None])
        views = g.between(8, 40)
        forms = g.between(1, 3)
        opens, clicks = g.between(2, 15), g.between(0, 5)
        demo = g.chance(0.1)
        meeting = g.chance(0.05)
        active = g.days_ago(0, 30)
        lifecycle = "Marketing Qualified Lead"
    else:
        budget = g.pick([None, None, None, 5000, 20000])
        authority = g.pick(["End User", None, None, "Influencer"])
        timeline = g.pick(["This year", "No timeline", None, None])
        views = g.between(0, 8)
        forms = 1 if g.chance(0.4) else 0
        opens, clicks = g.between(0, 6), 1 if g.chance(0.2) else 0
        demo = persona == "dq" and g.chance(0.5)
        meeting = False
        active = g.days_ago(5, 400) if persona != "poor" else g.days_ago(0, 60)
        if g.chance(0.07):
            active = None
    sessions = max(1, views // g.between(2, 4)) if views else 0
    accepted = persona == "sao"
    created = (active or g.days_ago(30, 400)) - datetime.timedelta(days=g.between(0, 300),
                                                                   minutes=g.between(0, 600))

    def us_date(dt):
        return dt.strftime("%m/%d/%Y %H:%M") if dt else ""

    def yes_no(b, blank_ok=True):
        if not b and blank_ok and g.chance(0.3):
            return ""  # never set in the CRM
        return "Yes" if b else "No"

    def money(v):
        if v is None:
            return ""
        return "${:,}".format(v) if g.chance(0.5) else str(v)

    return {
        "Record ID": str(51200000 + i * 137 + g.between(0, 99)),
        "First Name": first,
        "Last Name": last,
        "Email": email,
        "Job Title": title,
        "Company Name": company["name"],
        "Number of Employees": "" if g.chance(0.06) else str(size),
        "Industry": industry,
        "Country/Region": country,
        "Annual Revenue": "" if g.chance(0.2) else str(size * g.between(60, 300) * 1000),
        "Lifecycle Stage": lifecycle,
        "Lead Status": status,
        "Number of Pageviews": str(views),
        "Number of Sessions": str(sessions),
        "Number of Form Submissions": str(forms),
        "Last Activity Date": us_date(active),
        "Create Date": us_date(created),
        "Marketing emails opened": str(max(opens, clicks)),
        "Marketing emails clicked": str(clicks),
        "Budget": money(budget),
        "Authority": authority or "",
        "Timeline": timeline or "",
        "Demo Requested": yes_no(demo),
        "Meeting Booked": yes_no(meeting),
        "Sales Accepted": yes_no(accepted),
    }


def write_csv(path, columns, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--leads", type=int, default=300)
    ap.add_argument("--contacts", type=int, default=100)
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = ap.parse_args()

    g = Gen(args.seed)
    pool = make_company_pool(g, 70)
    kinds = personas(g, args.leads, LEAD_SHARES)
    leads = [lead_record(g, i, pool, kinds[i - 1]) for i in range(1, args.leads + 1)]
    csv_rows, json_rows = lead_rows(g, leads)
    write_csv(os.path.join(args.out, "leads.csv"), LEAD_COLUMNS, csv_rows)
    with open(os.path.join(args.out, "leads.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for j in json_rows:
            f.write(json.dumps({k: j[k] for k in LEAD_COLUMNS}, ensure_ascii=False,
                               separators=(",", ":")) + "\n")
    kinds = personas(g, args.contacts, CONTACT_SHARES)
    contacts = [hubspot_row(g, i, pool, kinds[i - 1]) for i in range(1, args.contacts + 1)]
    write_csv(os.path.join(args.out, "hubspot_contacts.csv"), HUBSPOT_COLUMNS, contacts)


if __name__ == "__main__":
    main()
