#!/usr/bin/env python3
"""Deterministic synthetic CRM export for the leadscore benchmark.

    python3 bench/gen_leads.py --rows 1000000 --seed 42 --format csv   > leads.csv
    python3 bench/gen_leads.py --rows 1000000 --seed 42 --format jsonl > leads.jsonl

Python 3 standard library only. Every random draw is random.Random(seed).random(), whose
sequence is stable across Python releases (randint, choice, gauss and friends are never used),
so the same --rows/--seed gives byte-identical files everywhere, and the CSV and JSON lines files
for one seed hold the same leads.

Columns (32, the order of the benchmark kit's ../shared/bench/gen_leads.py):
  lead_id email first_name last_name job_title company company_domain company_size industry
  country annual_revenue budget lead_source created_at last_activity_at page_views sessions
  email_opens email_clicks content_downloads webinar_attended pricing_page_views demo_requested
  contact_form_submitted meeting_booked replied_to_email unsubscribed authority need_confirmed
  timeline sales_accepted opportunity_id

CSV: header row, comma, "\\n" line ends, a field is quoted only when it holds a comma or a double
quote (quotes doubled); no field holds a line break. Empty field = missing; booleans true/false.
JSON lines: one object per line, keys in column order, counts and sizes as JSON integers, budget
as a JSON number (decimals written with two digits: 15000.50), booleans as true/false, missing as
null, non-ASCII text as raw UTF-8.

Quirks on purpose: company names with commas (", Inc.", "Smith, Jones & Partners"), with double
quotes and apostrophes, non-ASCII names and companies (Zoë, Łukasz, 美咲, Müller, 株式会社...),
job titles with commas, "Head"/"Intern" only inside longer words (Headhunter, Headquarters
Coordinator, International Account Manager, Internal Audit Manager), mixed-case industries and
e-mail domains (GMAIL.COM, Gmail.com, upper-case company domains), an e-mail with two @, rare
lower-case country codes, empty industry/job_title/annual_revenue/budget/authority/timeline/
last_activity_at, decimal budgets. About 245 bytes a lead in CSV and 750 in JSON lines.
"""
import argparse
import datetime
import json
import sys

COLUMNS = (
    "lead_id", "email", "first_name", "last_name", "job_title", "company",
    "company_domain", "company_size", "industry", "country", "annual_revenue",
    "budget", "lead_source", "created_at", "last_activity_at", "page_views",
    "sessions", "email_opens", "email_clicks", "content_downloads",
    "webinar_attended", "pricing_page_views", "demo_requested",
    "contact_form_submitted", "meeting_booked", "replied_to_email",
    "unsubscribed", "authority", "need_confirmed", "timeline",
    "sales_accepted", "opportunity_id",
)

SLOTS = 4096  # resolution of the weighted tables


def csv_text(s):
    """A CSV field: quoted only when it must be."""
    if s is None:
        return ""
    if "," in s or '"' in s:
        return '"' + s.replace('"', '""') + '"'
    return s


def json_text(s):
    return "null" if s is None else json.dumps(s, ensure_ascii=False)


class Table:
    """Weighted draw with one uniform number: a lookup table of SLOTS entries (weights are
    quantised to 1/SLOTS, plenty for synthetic data)."""

    def __init__(self, entries):  # entries: (weight, payload)
        total = float(sum(w for w, _ in entries))
        self.slots = []
        acc = 0.0
        for w, payload in entries:
            acc += w
            upto = int(round(acc / total * SLOTS))
            self.slots.extend([payload] * (upto - len(self.slots)))
        self.slots.extend([entries[-1][1]] * (SLOTS - len(self.slots)))

    def pick(self, u):
        return self.slots[int(u * SLOTS)]


# ---------------------------------------------------------------- value pools
# given names: (weight, shown, e-mail slug)
GIVEN = [
    (28, "Michael", "michael"), (26, "Emily", "emily"), (25, "Daniel", "daniel"),
    (24, "Laura", "laura"), (22, "Thomas", "thomas"), (22, "Anna", "anna"),
    (20, "Christopher", "chris"), (20, "Jessica", "jessica"), (18, "Andrew", "andrew"),
    (18, "Rachel", "rachel"), (16, "Kevin", "kevin"), (16, "Megan", "megan"),
    (14, "Arjun", "arjun"), (14, "Mei", "mei"), (12, "Omar", "omar"), (12, "Sofia", "sofia"),
    (12, "Matteo", "matteo"), (10, "Aisha", "aisha"), (10, "Kenji", "kenji"),
    (8, "Chidi", "chidi"), (8, "Amara", "amara"), (10, "Zoë", "zoe"), (9, "José", "jose"),
    (8, "Łukasz", "lukasz"), (7, "Anaïs", "anais"), (6, "Jürgen", "juergen"),
    (6, "Åsa", "asa"), (6, "Hélène", "helene"), (5, "Çağla", "cagla"),
    (3, "陽菜", "hina"), (3, "Сергей", "sergey"), (2, "محمد", "mohamed"),
    (3, 'William "Bill"', "bill"), (3, 'Katherine "Kate"', "kate"),
    (3, "Anne-Marie", "annemarie"), (3, "Mary Ellen", "maryellen"),
]
FAMILY = [
    (25, "Taylor", "taylor"), (22, "Anderson", "anderson"), (20, "Thompson", "thompson"),
    (20, "Martin", "martin"), (18, "Lee", "lee"), (16, "Walker", "walker"),
    (16, "Wright", "wright"), (14, "Singh", "singh"), (14, "Wang", "wang"),
    (12, "Park", "park"), (12, "Tran", "tran"), (10, "Fischer", "fischer"),
    (10, "Bianchi", "bianchi"), (8, "Santos", "santos"), (8, "Adeyemi", "adeyemi"),
    (8, "Suzuki", "suzuki"), (7, "Lindqvist", "lindqvist"), (6, "O'Connor", "oconnor"),
    (5, "D'Souza", "dsouza"), (8, "Schröder", "schroeder"), (6, "Gómez", "gomez"),
    (5, "Lefèvre", "lefevre"), (4, "Østergaard", "ostergaard"), (4, "Wiśniewska", "wisniewska"),
    (4, "Nowak-Kowalska", "nowakkowalska"), (4, "de la Cruz", "delacruz"),
    (2, "高橋", "takahashi"), (2, "Петрова", "petrova"), (1, 'Jones "III"', "jones3"),
    (3, "Đặng", "dang"), (3, "Yılmaz", "yilmaz"),
]
# job titles: (weight, title, seniority 0 junior/individual .. 3 executive)
TITLES = [
    (18, "VP Sales", 3), (14, "VP of Marketing", 3), (6, "VP, Customer Success", 3),
    (4, "SVP Operations", 3), (2, "EVP, Strategy", 3), (8, "Chief Revenue Officer", 3),
    (7, "Chief Information Officer", 3), (5, "Chief Financial Officer", 3),
    (5, "CFO", 3), (4, "COO", 3), (4, "Founder & CEO", 3), (4, "Co-founder", 3),
    (12, "Head of Marketing", 3), (9, "Head of Data", 3), (4, "Head of Partnerships, APAC", 3),
    (3, "Head of International Expansion", 3), (4, "Global Head of IT", 3),
    (11, "Director of Sales", 2), (11, "Engineering Director", 2),
    (5, "Director, Revenue Operations", 2), (7, "Finance Director", 2),
    (4, "Associate Director of IT", 2), (6, "Senior Manager, Field Marketing", 2),
    (38, "Marketing Manager", 1), (30, "Project Manager", 1), (25, "IT Manager", 1),
    (28, "Account Manager", 1), (12, "Customer Success Manager", 1),
    (4, "International Account Manager", 1), (4, "Internal Audit Manager", 1),
    (55, "Software Developer", 0), (30, "Senior Data Engineer", 0), (24, "Business Analyst", 0),
    (22, "Sales Representative", 0), (22, "Content Specialist", 0), (18, "Solutions Architect", 0),
    (16, "Consultant", 0), (12, "Office Administrator", 0), (12, "QA Engineer", 0),
    (2, "Headhunter", 0), (2, "Headquarters Coordinator", 0), (2, "Internship Program Lead", 0),
    (10, "Intern", 0), (8, "Sales Intern", 0), (6, "Software Engineering Intern", 0),
    (14, "Student", 0), (5, "MBA Student", 0), (4, "Student, Computer Science", 0),
    (15, "", 0),
]
BRAND = ["Apex", "Bluewave", "Cobalt", "Driftwood", "Ember", "Falcon", "Granite", "Harbor",
         "Indigo", "Juniper", "Keystone", "Lighthouse", "Meridian", "Northstar", "Onyx",
         "Paragon", "Quartz", "Riverbend", "Sequoia", "Summit", "Tidal", "Upland", "Vanguard",
         "Willow", "Xenon", "Yellowstone", "Zenith", "Blue Harbor", "Red Rock", "Evergreen",
         "Crescent", "Polaris", "Atlas", "Sterling", "Beacon"]
TRADE = ["Software", "Systems", "Analytics", "Cloud", "Health", "Payments", "Robotics",
         "Logistics", "Labs", "Media", "Networks", "Security", "Energy", "Bio", "Finance",
         "Devices", "Solutions", "Digital", "AI", "Foods"]
# legal suffix: (weight, text)
SUFFIX = [(32, ""), (12, " Inc."), (9, ", Inc."), (8, " LLC"), (5, ", LLC"), (6, " Ltd."),
          (5, " GmbH"), (2, " SE"), (2, " S.p.A."), (6, " Corporation"), (3, " & Sons"),
          (4, " Holdings"), (2, " Oy"), (2, " N.V."), (1, " Pty Ltd")]
ODD_COMPANIES = [  # (company, domain): rare, odd names
    ('"Best Buy" Consulting', "bestbuyconsulting.com"),
    ("Jones, Lang & Associates", "joneslang.com"),
    ("Bäckerei Müller & Söhne", "baeckerei-mueller.de"),
    ("Électricité Nouvelle", "electricite-nouvelle.fr"),
    ("Åkesson Ståhl AB", "akesson-stahl.se"),
    ("北京数据科技", "bj-data.cn"),
    ("McDonald's Franchise Group", "mcdfranchise.com"),
    ('Say "Hello", Inc.', "sayhello.io"),
    ("Łódź Software Sp. z o.o.", "lodzsoftware.pl"),
]
TLDS = [(58, ".com"), (14, ".io"), (6, ".co"), (6, ".de"), (5, ".ai"), (5, ".co.uk"),
        (3, ".fr"), (3, ".net")]
INDUSTRY = [(18, "Software"), (5, "software"), (2, "SOFTWARE"), (8, "SaaS"), (5, "Fintech"),
            (3, "FinTech"), (2, "fintech"), (7, "Healthcare"), (2, "healthcare"),
            (1, "HealthCare"), (3, "HealthTech"), (8, "Financial Services"), (9, "Manufacturing"),
            (7, "Retail"), (6, "Education"), (4, "Public Sector"), (5, "Media & Entertainment"),
            (4, "Telecom"), (3, "Non-Profit"), (4, "Transportation"), (3, "Energy"), (4, "")]
COUNTRY = [(34, "US"), (10, "GB"), (8, "DE"), (6, "FR"), (6, "CA"), (4, "AU"), (4, "NL"),
           (3, "SE"), (7, "IN"), (4, "BR"), (3, "JP"), (3, "ES"), (3, "IT"), (2, "PL"),
           (2, "MX"), (2, "SG"), (1, "ZA"), (1, "KE"), (2, "IE"), (0.3, "us"), (0.2, "de")]
SOURCE = [(24, "Organic Search"), (14, "Paid Search"), (9, "Webinar"), (8, "Referral"),
          (6, "Events"), (8, "Content Syndication"), (10, "Paid Social"), (8, "Direct"),
          (8, "Newsletter"), (3, "Partner, Reseller"), (2, "Events, Trade Show")]
FREEMAIL = [(48, "gmail.com"), (15, "yahoo.com"), (12, "hotmail.com"), (12, "outlook.com"),
            (2, "Gmail.com"), (1, "GMAIL.COM"), (1, "Yahoo.com"), (1, "Outlook.COM"),
            (6, "icloud.com"), (2, "proton.me")]
TIMELINE = [(15, "this_quarter"), (15, "next_quarter"), (20, "this_year"), (20, "none"), (30, "")]

FIRST_DAY = datetime.date(2024, 1, 1).toordinal()
AS_OF = datetime.date(2026, 11, 1).toordinal()


def build_tables(fmt):
    """Every pooled value pre-rendered for the output format."""
    text = csv_text if fmt == "csv" else json_text

    def t(s):  # empty string = missing
        return text(s if s != "" else None)

    tables = {
        "given": Table([(w, (t(s), slug)) for w, s, slug in GIVEN]),
        "family": Table([(w, (t(s), slug)) for w, s, slug in FAMILY]),
        "title": Table([(w, (t(s), lvl)) for w, s, lvl in TITLES]),
        "suffix": Table([(w, s) for w, s in SUFFIX]),
        "tld": Table([(w, s) for w, s in TLDS]),
        "industry": Table([(w, t(s)) for w, s in INDUSTRY]),
        "country": Table([(w, t(s)) for w, s in COUNTRY]),
        "source": Table([(w, t(s)) for w, s in SOURCE]),
        "freemail": Table([(w, s) for w, s in FREEMAIL]),
        "timeline": Table([(w, (t(s), s)) for w, s in TIMELINE]),
    }
    odd = [(t(c), t(d), d) for c, d in ODD_COMPANIES]
    days = [text(datetime.date.fromordinal(o).isoformat())
            for o in range(FIRST_DAY, AS_OF + 1)]
    return tables, odd, days


def generate(rows, seed, fmt, out, batch=5000):
    rand = __import__("random").Random(seed).random
    is_csv = fmt == "csv"
    tb, odd, days = build_tables(fmt)
    given, family, title_t = tb["given"].pick, tb["family"].pick, tb["title"].pick
    suffix, tld, industry_t = tb["suffix"].pick, tb["tld"].pick, tb["industry"].pick
    country_t, source_t = tb["country"].pick, tb["source"].pick
    freemail, timeline_t = tb["freemail"].pick, tb["timeline"].pick
    span_days = AS_OF - FIRST_DAY
    if is_csv:
        q = csv_text
        null, true, false = "", "true", "false"
        line_fmt = ",".join(["%s"] * len(COLUMNS)) + "\n"
        out.write(",".join(COLUMNS) + "\n")
    else:
        def q(s):  # texts built from the ASCII pools need no escaping...
            return '"' + s + '"'
        null, true, false = "null", "true", "false"
        line_fmt = "{" + ",".join('"%s":%%s' % c for c in COLUMNS) + "}\n"
    nbrand, ntrade, nodd = len(BRAND), len(TRADE), len(odd)
    decision = (q("decision_maker"), q("influencer"), q("user"), null)
    buf = []
    for i in range(1, rows + 1):
        r = rand
        first_txt, first_slug = given(r())
        last_txt, last_slug = family(r())
        title_txt, level = title_t(r())

        if r() < 0.012:
            company, domain, domain_raw = odd[int(r() * nodd)]
        else:
            a = BRAND[int(r() * nbrand)]
            b = TRADE[int(r() * ntrade)]
            name = a + " " + b + suffix(r())
            # ...but a legal suffix may bring a comma, so CSV may need quotes
            company = q(name) if not is_csv else csv_text(name)
            domain_raw = a.replace(" ", "").lower() + b.lower() + tld(r())
            domain = q(domain_raw)

        size = int(10.0 ** (r() * 5.3)) + 1
        # buying intent in 0..1, skewed low; senior people a bit keener
        intent = r() * r()
        if level >= 2:
            intent = min(1.0, intent * 1.5 + 0.05)

        u = r()
        local = first_slug + ("." if u < 0.65 else ("" if u < 0.85 else "_")) + last_slug
        if r() < 0.12:
            local += str(int(r() * 1000))
        elif r() < 0.02:
            local = first_slug[0] + last_slug
        u = r()
        if u < 0.17:
            maildom = freemail(r())
        elif u < 0.975:
            maildom = domain_raw
        else:
            maildom = domain_raw.upper()
        email = local + "@" + maildom
        if r() < 0.0005:
            email = local + "@crm@" + maildom  # two @: the domain is after the last one

        revenue = null if r() < 0.15 else str(size * (40000 + int(r() * 260000)))
        u = r()
        if u < 0.40:
            budget = null
        elif u < 0.43:
            budget = "%.2f" % (500.0 + r() * 199500.0)
        elif intent > 0.25:
            budget = str(500 * (1 + int(r() * 200)))
        else:
            budget = str(500 * (1 + int(r() * 36)))

        created = int(r() * span_days)  # days after FIRST_DAY
        if r() < 0.02:
            last_act = null
        else:
            back = int((r() ** (1.0 + 4.0 * intent)) * (span_days - created + 1))
            last_act = days[max(created, span_days - back)]

        views = int(r() * 7 + intent * r() * 42)
        sessions = 0 if views == 0 else max(1, int(views / (1.3 + r() * 3.2)))
        opens = int(r() * 9 + intent * r() * 24)
        clicks = int(opens * r() * (0.12 + intent * 0.55))
        downloads = int(intent * r() * 5.5)
        webinar = r() < 0.04 + intent * 0.33
        pricing = int(intent * r() * 5.5) if r() < 0.62 else 0
        demo = r() < intent * 0.38
        contact = r() < 0.03 + intent * 0.2
        meeting = r() < (0.45 if demo else 0.02 + intent * 0.1)
        replied = r() < 0.05 + intent * 0.3
        unsub = r() < 0.055 * (1.25 - intent)

        u = r()
        if level >= 2:
            auth = 0 if u < 0.6 else (1 if u < 0.85 else (3 if u < 0.95 else 2))
        elif level == 1:
            auth = 1 if u < 0.5 else (0 if u < 0.6 else (2 if u < 0.85 else 3))
        else:
            auth = 2 if u < 0.55 else (1 if u < 0.65 else (3 if u < 0.97 else 0))
        need = r() < 0.1 + intent * 0.6
        if r() < 0.5 + intent * 0.5:
            timeline, tl_raw = timeline_t(r())
        else:
            timeline, tl_raw = null, ""
        if intent > 0.55 and tl_raw in ("", "none", "this_year") and r() < 0.5:
            timeline = q("this_quarter") if r() < 0.5 else q("next_quarter")
        accepted = (demo or meeting) and r() < 0.2 + intent * 0.3
        if not accepted and r() < 0.008:
            accepted = True
        opp = q("OPP-%07d" % int(r() * 10000000)) if accepted and r() < 0.7 else null

        buf.append(line_fmt % (
            q("L%08d" % i), q(email), first_txt, last_txt, title_txt, company, domain,
            size, industry_t(r()), country_t(r()), revenue, budget, source_t(r()),
            days[created], last_act, views, sessions, opens, clicks, downloads,
            true if webinar else false, pricing, true if demo else false,
            true if contact else false, true if meeting else false,
            true if replied else false, true if unsub else false, decision[auth],
            true if need else false, timeline, true if accepted else false, opp))
        if len(buf) >= batch:
            out.write("".join(buf))
            buf.clear()
    out.write("".join(buf))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, required=True, help="number of leads")
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    ap.add_argument("-o", "--output", help="write here instead of standard output")
    args = ap.parse_args()
    if args.rows < 0:
        ap.error("--rows must be >= 0")
    if args.output:
        out = open(args.output, "w", encoding="utf-8", newline="\n", buffering=1 << 20)
    else:
        out = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="\n",
                   buffering=1 << 20, closefd=False)
    try:
        generate(args.rows, args.seed, args.format, out)
        out.flush()
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
