#!/usr/bin/env python3
# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Create a statewide-sized KIM database on PostgreSQL for bench/run.py.

The schema is installed by trytond-admin; organisations, currency and
countries go through the ORM; the bulk (clients, cases, contacts, ...) is
written with INSERT ... SELECT generate_series straight into the module
tables, with foreign-key triggers off and secondary indexes built
afterwards, so that 200,000 cases and 2,000,000 contacts take minutes.

Usage: python bench/generate.py [--database kim_bench] [--cases 200000]
The server is taken from $KIM_BENCH_URI
(default postgresql://postgres@127.0.0.1:5432/); the database is dropped
and created again.
"""
import argparse
import os
import random
import secrets
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import psycopg

import generate_modules
from trytond_config import use_database_uri

DEFAULT_URI = 'postgresql://postgres@127.0.0.1:5432/'
DEFAULT_PASSWORD = 'kim-bench-2026'
STARTED = time.monotonic()

# Kreise and kreisfreie Städte of NRW with a weight (about the population in
# thousands) that spreads cases and staff like in reality.
ORGANISATIONS = [
    ("Stadt Köln", 1084), ("Landeshauptstadt Düsseldorf", 629),
    ("Stadt Dortmund", 595), ("Stadt Essen", 586), ("Stadt Duisburg", 502),
    ("Stadt Bochum", 365), ("Stadt Wuppertal", 358), ("Stadt Bielefeld", 334),
    ("Bundesstadt Bonn", 336), ("Stadt Münster", 320),
    ("Stadt Mönchengladbach", 268), ("Stadt Gelsenkirchen", 264),
    ("StädteRegion Aachen", 560), ("Stadt Krefeld", 228),
    ("Stadt Oberhausen", 210), ("Stadt Hagen", 190), ("Stadt Hamm", 180),
    ("Stadt Mülheim an der Ruhr", 172), ("Stadt Leverkusen", 164),
    ("Klingenstadt Solingen", 160), ("Stadt Herne", 158),
    ("Stadt Remscheid", 112), ("Stadt Bottrop", 117),
    ("Kreis Recklinghausen", 615), ("Rhein-Sieg-Kreis", 600),
    ("Kreis Mettmann", 485), ("Rhein-Erft-Kreis", 470), ("Kreis Wesel", 460),
    ("Kreis Unna", 395), ("Märkischer Kreis", 410), ("Kreis Steinfurt", 450),
    ("Rhein-Kreis Neuss", 450), ("Kreis Gütersloh", 365),
    ("Kreis Borken", 370), ("Kreis Paderborn", 308), ("Kreis Düren", 265),
    ("Kreis Kleve", 310), ("Ennepe-Ruhr-Kreis", 325),
    ("Kreis Warendorf", 277), ("Kreis Viersen", 298), ("Kreis Lippe", 348),
    ("Kreis Herford", 250), ("Kreis Minden-Lübbecke", 310),
    ("Rheinisch-Bergischer Kreis", 283), ("Oberbergischer Kreis", 272),
    ("Kreis Soest", 301), ("Kreis Siegen-Wittgenstein", 276),
    ("Hochsauerlandkreis", 260), ("Kreis Coesfeld", 220),
    ("Kreis Heinsberg", 255),
    ]
SERVICES = [
    "Jobcenter", "Agentur für Arbeit", "Ausländerbehörde",
    "Migrationsberatung für Erwachsene (MBE)", "Jugendmigrationsdienst",
    "Volkshochschule – Integrationskurse", "Schuldnerberatung",
    "Familienkasse", "Wohnungsamt", "Sozialamt", "Jugendamt",
    "Anerkennungsberatung IQ", "Gesundheitsamt",
    "Kommunales Integrationszentrum",
    "Pflegestützpunkt", "Frauenberatungsstelle", "Bildungsberatung",
    "Mieterverein", "Psychosoziales Zentrum", "Verbraucherzentrale",
    ]
FEMALE = """Amina Fatima Sara Layla Nour Mariam Zainab Aisha Zahra Maryam
    Parisa Nasrin Elif Ayse Zeynep Fatma Olena Oksana Iryna Natalia Tetiana
    Svitlana Yulia Viktoria Kateryna Anna Maria Elena Liridona Senait Haben
    Hodan Faduma Fatoumata Kadiatou Ngozi Joy Blessing Grace Lina Dana Rana
    Hiba Yara Jana Malak Noor Selin Esra Merve Samira Hanna Rima Dilan Shirin
    Mina Roya Soraya Leyla""".split()
MALE = """Mohammed Ahmad Omar Ali Hassan Hussein Yusuf Ibrahim Mustafa Khaled
    Rami Hamid Farid Karim Samir Walid Tariq Bilal Abdul Rahim Sayed Reza
    Arash Emre Mehmet Murat Hakan Andrii Oleksandr Dmytro Serhii Daniel Ion
    Florin Ivan Georgi Petar Dragan Arben Blerim Dardan Teklay Yonas Mulugeta
    Abdi Said Musa Amadou Mamadou Chinedu Samuel David Joseph Adnan Jamal
    Nabil Yasin Kerem Deniz Can Aziz Jawad Nasir Firas""".split()
LAST = """Haddad Al-Hassan Khalil Ibrahim Mahmoud Hussein Ahmadi Hosseini
    Rahimi Mohammadi Karimi Rezaei Sultani Noori Hamidi Yilmaz Kaya Demir
    Sahin Celik Yildiz Öztürk Aydin Arslan Dogan Kovalenko Bondarenko
    Shevchenko Tkachenko Kravchenko Melnyk Boyko Koval Oliynyk Lysenko Popescu
    Ionescu Stan Dumitru Georgiev Ivanov Dimitrov Petrov Krasniqi Berisha
    Gashi Hoxha Shala Tesfaye Gebremedhin Haile Tekle Mohamed Ali Abdi Hassan
    Warsame Diallo Bah Barry Sow Camara Okafor Okeke Nwosu Adeyemi Mensah
    Owusu Nowak Kowalski Wiśniewski Müller Schmidt Schneider Fischer Weber
    Meyer Wagner Becker Hoffmann Al-Khatib Saleh Nasser Darwish Suleiman
    Othman Jaber Awad Mansour Qasim Zaidi Farouk Bakr Hamdan Issa Abboud
    Sabbagh Kurdi Yousef Amiri Safi Wardak Popal Stanekzai Rasuli""".split()
STAFF_LAST = """Schulz Koch Richter Klein Wolf Schröder Neumann Schwarz
    Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Meier
    Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber
    Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel
    Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann
    Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher
    Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas
    Demir Yilmaz Kaya Nowak Popescu Haddad""".split()
STAFF_FIRST = """Julia Katharina Laura Lisa Sarah Hannah Lea Anna Miriam Sabine
    Claudia Andrea Petra Stefanie Nicole Sandra Christina Jana Ayse Olga
    Thomas Michael Andreas Stefan Markus Christian Tobias Jan Daniel Sebastian
    Jonas Felix Mehmet Ali Dirk Frank Martin Tim""".split()
SITUATION = [
    "Lebt mit Familie in einer Sammelunterkunft, sucht eigene Wohnung.",
    "Aufenthaltstitel läuft in wenigen Monaten aus, Verlängerung unklar.",
    "Berufsabschluss aus dem Herkunftsland liegt vor, nicht anerkannt.",
    "Integrationskurs abgebrochen wegen Kinderbetreuung.",
    "Mehrere offene Forderungen, Mahnungen von Energieversorger.",
    "Gesundheitliche Einschränkungen, kein Hausarzt.",
    "Kinder im schulpflichtigen Alter, Schulplatz fehlt.",
    "Arbeitet in Minijob, möchte Ausbildung beginnen.",
    "Leistungsbezug nach SGB II, Mitwirkungspflichten unklar.",
    "Duldung nach § 60a, Beschäftigungserlaubnis beantragt.",
    "Sprachniveau A2, möchte B1-Prüfung ablegen.",
    "Pflegebedürftiger Elternteil im Haushalt.",
    ]
NOTES = [
    "Gespräch im Büro, Unterlagen gesichtet und Kopien erstellt.",
    "Termin bei der Ausländerbehörde vorbereitet, Fragen geklärt.",
    "Telefonische Rückfrage zum Stand des Antrags beim Jobcenter.",
    "Gemeinsam Antrag auf Wohngeld ausgefüllt und abgeschickt.",
    "Klientin berichtet von Schwierigkeiten mit dem Vermieter.",
    "Anmeldung zum Integrationskurs besprochen, Träger kontaktiert.",
    "Bewerbungsunterlagen überarbeitet, zwei Stellen recherchiert.",
    "Nachfrage zur Anerkennung des Abschlusses, Beratung vermittelt.",
    "Kurzes Gespräch, nächster Termin in zwei Wochen vereinbart.",
    "Begleitung zum Termin, Dolmetschung durch Sprachmittlerin.",
    "Ziele im Hilfeplan überprüft und teilweise angepasst.",
    "Schreiben der Familienkasse erläutert, Frist notiert.",
    ]
GOALS = [
    "Eigene Wohnung finden", "B1-Sprachzertifikat erreichen",
    "Anerkennung des Berufsabschlusses", "Aufnahme einer Ausbildung",
    "Sozialversicherungspflichtige Beschäftigung",
    "Aufenthalt dauerhaft sichern", "Schulden regulieren",
    "Kita-Platz für die Kinder", "Hausarzt und Krankenversicherung klären",
    "Einbürgerung vorbereiten",
    ]
COUNTRIES = [
    ("SY", "SYR", "Syria"), ("AF", "AFG", "Afghanistan"),
    ("UA", "UKR", "Ukraine"), ("TR", "TUR", "Türkiye"), ("IQ", "IRQ", "Iraq"),
    ("IR", "IRN", "Iran"), ("ER", "ERI", "Eritrea"), ("SO", "SOM", "Somalia"),
    ("NG", "NGA", "Nigeria"), ("GN", "GIN", "Guinea"),
    ("RO", "ROU", "Romania"), ("BG", "BGR", "Bulgaria"),
    ("PL", "POL", "Poland"), ("XK", "XKX", "Kosovo"), ("AL", "ALB", "Albania"),
    ("RS", "SRB", "Serbia"), ("RU", "RUS", "Russia"), ("GE", "GEO", "Georgia"),
    ("LB", "LBN", "Lebanon"), ("DE", "DEU", "Germany"),
    ]
# Tables written in bulk: their secondary indexes are dropped before and
# built again after the load, which is several times faster.
BULK_TABLES = [
    'party_party', 'party_contact_mechanism', 'kim_case_client',
    'kim_case_client-kim_case_language', 'kim_case_client_household_member',
    'kim_case',
    'kim_case_contact', 'kim_case_need', 'kim_case_goal', 'kim_case_consent',
    'kim_case_consent-party_party', 'kim_case_referral', 'company_employee',
    'res_user', 'res_user-company_company', 'res_user-company_employee',
    'res_user-res_group', 'country_country',
    ]


SUMMARY_TABLES = [
    'company_company', 'company_employee', 'res_user', 'party_party',
    'kim_case_client', 'kim_case', 'kim_case_contact', 'kim_case_need',
    'kim_case_goal', 'kim_case_consent', 'kim_case_consent-party_party',
    'kim_case_referral', 'party_contact_mechanism',
    'kim_case_client_household_member', 'kim_case_client-kim_case_language',
    ]


def log(message):
    print(f"[{time.monotonic() - STARTED:7.1f}s] {message}", flush=True)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--database', '-d', default='kim_bench')
    parser.add_argument(
        '--uri', default=os.environ.get('KIM_BENCH_URI', DEFAULT_URI),
        help="PostgreSQL server URI without database "
        "(default: $KIM_BENCH_URI or %(default)s)")
    parser.add_argument('--cases', type=int, default=200_000)
    parser.add_argument(
        '--contacts-per-case', type=float, default=10.0,
        help="average contacts per case (default: %(default)s)")
    parser.add_argument('--orgs', type=int, default=len(ORGANISATIONS))
    parser.add_argument(
        '--cases-per-manager', type=int, default=200,
        help="sets the number of case managers (default: %(default)s, "
        "i.e. 1,000 managers for 200,000 cases)")
    parser.add_argument('--seed', type=float, default=0.42)
    parser.add_argument(
        '--all-modules', action='store_true',
        help="also install and fill kim_steering, kim_funding and "
        "kim_authority, with the staff of their roles")
    parser.add_argument(
        '--password', default=DEFAULT_PASSWORD,
        help="the password of every generated login (default: "
        "%(default)s), for bench/load.py")
    args = parser.parse_args()
    if not 1 <= args.orgs <= len(ORGANISATIONS):
        parser.error(f"--orgs must be between 1 and {len(ORGANISATIONS)}")
    if args.cases < 10:
        parser.error("--cases must be at least 10")
    return args


def conninfo(uri, database):
    return uri.rstrip('/') + '/' + database


def recreate_database(args):
    with psycopg.connect(
            conninfo(args.uri, 'postgres'), autocommit=True) as conn:
        conn.execute(
            f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
        conn.execute(
            f'CREATE DATABASE "{args.database}" TEMPLATE template0 '
            "ENCODING 'UTF8'")


def modules(args):
    return generate_modules.MODULES if args.all_modules else ['kim_case']


def install_schema(args, conf):
    "Install the modules and their dependencies with trytond-admin"
    admin = Path(sys.executable).with_name('trytond-admin')
    if not admin.exists():
        admin = shutil.which('trytond-admin')
    passfile = Path(conf).with_name('admin.pw')
    passfile.write_text(secrets.token_urlsafe(16))
    env = dict(os.environ, TRYTONPASSFILE=str(passfile))
    subprocess.run([
            str(admin), '-c', conf, '-d', args.database, '--all',
            '-u', *modules(args), '--activate-dependencies',
            '--email', 'admin@example.org'],
        check=True, env=env, stdout=subprocess.DEVNULL)


def create_organisations(args):
    "Create currency, countries and the organisations with the ORM"
    from trytond.pool import Pool
    from trytond.transaction import Transaction

    pool = Pool(args.database)
    with Transaction().start(args.database, 0, readonly=True):
        pool.init()
    with Transaction().start(args.database, 0) as transaction:
        Currency = pool.get('currency.currency')
        Country = pool.get('country.country')
        Party = pool.get('party.party')
        Company = pool.get('company.company')
        User = pool.get('res.user')

        eur, = Currency.create([{
                    'name': "Euro", 'code': 'EUR', 'symbol': '€',
                    'numeric_code': '978', 'rounding': Decimal('0.01'),
                    'digits': 2}])
        Country.create([
                {'code': c, 'code3': c3, 'name': n} for c, c3, n in COUNTRIES])
        names = [n for n, _ in ORGANISATIONS[:args.orgs]]
        parties = Party.create([{'name': n} for n in names])
        companies = Company.create([
                {'party': p.id, 'currency': eur.id,
                    'timezone': 'Europe/Berlin'} for p in parties])
        # The administrator sees every organisation.
        admin, = User.search([('login', '=', 'admin')])
        User.write([admin], {
                'companies': [('add', [c.id for c in companies])],
                'company': companies[0].id,
                })
        transaction.commit()
        return [c.id for c in companies]


def set_sequences(args, next_party, next_case):
    """Move the Tryton sequences past the generated codes and numbers,
    give every login the password and schedule the actions as if they
    had run last night"""
    from trytond.pool import Pool
    from trytond.transaction import Transaction

    pool = Pool(args.database)
    with Transaction().start(args.database, 0) as transaction:
        ModelData = pool.get('ir.model.data')
        Sequence = pool.get('ir.sequence')
        User = pool.get('res.user')
        for module, fs_id, value in [
                ('party', 'sequence_party', next_party),
                ('kim_case', 'sequence_case', next_case)]:
            sequence = Sequence(ModelData.get_id(module, fs_id))
            Sequence.write([sequence], {'number_next': value})
        cursor = transaction.connection.cursor()
        # One hash for all: hashing 1,000 passwords one by one takes
        # minutes.
        cursor.execute(
            "UPDATE res_user SET password_hash = %s WHERE id > 0",
            (User.hash_password(args.password),))
        # Otherwise the first trytond-cron would run every action at once,
        # among them the anonymisation of the cases ended 5 years ago.
        cursor.execute(
            "UPDATE ir_cron SET next_call = CASE interval_type "
            "WHEN 'minutes' THEN now() AT TIME ZONE 'UTC' "
            "WHEN 'hours' THEN date_trunc('hour', now() AT TIME ZONE 'UTC') "
            "+ interval '1 hour' "
            "ELSE (current_date + 1) + time '02:00' END")
        transaction.commit()


class Loader:
    "The bulk load, in one PostgreSQL transaction"

    def __init__(self, args, conn, companies):
        self.args = args
        self.conn = conn
        self.cur = conn.cursor()
        self.companies = companies

    def x(self, sql, params=None):
        return self.cur.execute(sql, params)

    def scalar(self, sql, params=None):
        return self.x(sql, params).fetchone()[0]

    def ids(self, table, where="true"):
        return [r[0] for r in self.x(
                f'SELECT id FROM "{table}" WHERE {where} ORDER BY id')]

    def next_id(self, table):
        return self.scalar(f'SELECT COALESCE(MAX(id), 0) + 1 FROM "{table}"')

    def copy(self, table, columns, rows):
        cols = ', '.join(f'"{c}"' for c in columns)
        with self.cur.copy(f'COPY "{table}" ({cols}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)

    def group_id(self, fs_id, module=None):
        return self.scalar(
            "SELECT db_id FROM ir_model_data "
            "WHERE module = ANY(%s) AND fs_id = %s",
            ([module] if module else ['kim', 'kim_case'], fs_id))

    def run(self):
        args = self.args
        self.x("SET session_replication_role = replica")  # no FK triggers
        self.x("SET maintenance_work_mem = '1GB'")
        self.x("SET work_mem = '256MB'")
        self.x("SELECT setseed(%s)", (args.seed,))
        self.indexes = self.drop_indexes()
        self.staff()
        self.cases()
        self.clients()
        self.case_lines()
        if args.all_modules:
            generate_modules.ModulesLoader(self, log).run()
        self.restore_indexes()
        self.reset_identities()
        next_party = self.next_id('party_party')
        self.conn.commit()
        return next_party, args.cases + 1

    def drop_indexes(self):
        rows = self.x("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema()
                AND i.tablename = ANY(%s)
                AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                    WHERE c.conname = i.indexname)""",
            (BULK_TABLES,)).fetchall()
        for name, _ in rows:
            self.x(f'DROP INDEX "{name}"')
        return [d for _, d in rows]

    def restore_indexes(self):
        log(f"building {len(self.indexes)} indexes")
        for definition in self.indexes:
            self.x(definition)

    def reset_identities(self):
        for table in BULK_TABLES + ['kim_case', 'party_party']:
            self.x(f"""SELECT setval(
                    pg_get_serial_sequence('"{table}"', 'id'),
                    GREATEST((SELECT MAX(id) FROM "{table}"), 1))""")

    def staff(self):
        "Service providers, case managers, team leads and their users"
        args = self.args
        rng = random.Random(args.seed)
        weights = [w for _, w in ORGANISATIONS[:args.orgs]]
        total = sum(weights)
        n_managers = max(
            3 * args.orgs, round(args.cases / args.cases_per_manager))
        admin_menu = self.scalar(
            "SELECT menu FROM res_user WHERE login = 'admin'")
        g_manager = self.group_id('group_kim_case_manager')
        g_lead = self.group_id('group_kim_team_lead')
        g_coord = self.group_id('group_kim_coordination')

        party_id = self.next_id('party_party')
        employee_id = self.next_id('company_employee')
        user_id = self.next_id('res_user')
        parties, employees, users = [], [], []
        user_companies, user_employees, user_groups = [], [], []
        orgs, emps, svcs, staff = [], [], [], []
        lo = 0.
        for company, weight, (org_name, _) in zip(
                self.companies, weights, ORGANISATIONS):
            place = org_name.split(' ', 1)[-1]
            hi = lo + weight / total
            n_emp = max(3, round(n_managers * weight / total))
            orgs.append((company, lo, hi, n_emp, len(SERVICES)))
            lo = hi
            for k, service in enumerate(SERVICES):
                parties.append((party_id, f"{service} {place}"))
                svcs.append((company, k, party_id))
                party_id += 1
            # n_emp case managers and one team lead
            for k in range(n_emp + 1):
                name = f"{rng.choice(STAFF_FIRST)} {rng.choice(STAFF_LAST)}"
                parties.append((party_id, name))
                employees.append((employee_id, company, party_id))
                login = f"kim{company}_{'lead' if k == n_emp else k}"
                users.append((user_id, name, login, company, employee_id))
                user_companies.append((user_id, company))
                user_employees.append((user_id, employee_id))
                if k < n_emp:
                    user_groups.append((user_id, g_manager))
                    emps.append((company, k, employee_id, user_id))
                else:
                    user_groups.append((user_id, g_lead))
                party_id += 1
                employee_id += 1
                user_id += 1
            if args.all_modules:
                party_id, employee_id, user_id = generate_modules.staff(
                    self, company, n_emp, rng, STAFF_FIRST, STAFF_LAST,
                    (party_id, employee_id, user_id),
                    (parties, employees, users, user_companies,
                        user_employees, user_groups, staff))
        if args.all_modules:
            party_id = generate_modules.district_governments(
                party_id, parties)
        # Coordination at the Land level sees the figures of everyone.
        users.append((user_id, "Landeskoordination", 'coordination',
                self.companies[0], None))
        user_companies.extend((user_id, c) for c in self.companies)
        user_groups.append((user_id, g_coord))

        self.copy('party_party',
            ['id', 'code', 'code_alnum', 'code_digit', 'name', 'active',
                'create_uid', 'create_date'],
            [(i, str(i), str(i), i, n, True, 1, 'now') for i, n in parties])
        self.copy('company_employee',
            ['id', 'company', 'party', 'start_date', 'create_uid',
                'create_date'],
            [(*e, '2015-01-01', 1, 'now') for e in employees])
        self.copy('res_user',
            ['id', 'name', 'login', 'company', 'employee', 'active',
                'company_filter', 'menu', 'create_uid', 'create_date'],
            [(*u, True, 'one', admin_menu, 1, 'now') for u in users])
        self.x("UPDATE res_user SET company_filter = 'all' "
            "WHERE login = 'coordination'")
        for table, column, rows in [
                ('res_user-company_company', 'company', user_companies),
                ('res_user-company_employee', 'employee', user_employees),
                ('res_user-res_group', 'group', user_groups)]:
            self.copy(table, ['user', column, 'create_uid', 'create_date'],
                [(*r, 1, 'now') for r in rows])

        self.x("CREATE TEMP TABLE b_org (company int, lo float8, hi float8, "
            "n_emp int, n_svc int)")
        self.copy('b_org', ['company', 'lo', 'hi', 'n_emp', 'n_svc'], orgs)
        self.x("UPDATE b_org SET hi = 1.0001 "
            "WHERE hi = (SELECT MAX(hi) FROM b_org)")
        self.x("CREATE TEMP TABLE b_emp (company int, k int, employee int, "
            "usr int, PRIMARY KEY (company, k))")
        self.copy('b_emp', ['company', 'k', 'employee', 'usr'], emps)
        self.x("CREATE TEMP TABLE b_svc (company int, k int, party int, "
            "PRIMARY KEY (company, k))")
        self.copy('b_svc', ['company', 'k', 'party'], svcs)
        self.x("CREATE TEMP TABLE b_staff (company int, role text, k int, "
            "employee int, usr int, PRIMARY KEY (company, role, k))")
        self.copy('b_staff', ['company', 'role', 'k', 'employee', 'usr'],
            staff)
        self.x("ANALYZE b_org; ANALYZE b_emp; ANALYZE b_svc")
        log(f"{args.orgs} organisations, {len(emps)} case managers, "
            f"{len(users)} users, {len(svcs)} services")

    def catalog(self, table):
        return self.ids(table)

    def cases(self):
        args = self.args
        n = args.cases
        p = {
            'n': n,
            'contacts': n * args.contacts_per_case,
            'tg': self.catalog('kim_case_target_group'),
            'ar': self.catalog('kim_case_access_route'),
            'cr': self.catalog('kim_case_closure_reason'),
            'sit': SITUATION,
            }
        # One row per case with its random draws; start dates grow with
        # the id (cases are numbered in the order they come in) and become
        # denser over the years.
        self.x("""
            CREATE TEMP TABLE b_case AS
            WITH g AS MATERIALIZED (
                SELECT i, random() AS r_org, random() AS r_mgr,
                    random() AS r_dep, random() AS r_dep2, random() AS r_dur,
                    random() AS r_canc, random() AS r_rep, random() AS r_cnt,
                    random() AS r_svc
                FROM generate_series(1, %(n)s) AS i),
            c AS (
                SELECT g.*, o.company, o.n_emp, o.n_svc,
                    date '2015-01-01' + floor(
                        (current_date - date '2015-01-01')
                        * power((g.i - 0.5) / %(n)s, 0.8))::int AS start_date,
                    CASE WHEN g.r_canc < 0.07
                        THEN 3 + floor(g.r_dur * 60)::int
                        ELSE 45 + floor(power(g.r_dur, 1.6) * 1300)::int
                        END AS dur
                FROM g JOIN b_org o ON g.r_org >= o.lo AND g.r_org < o.hi)
            SELECT c.i AS id, c.company, c.start_date, c.r_cnt,
                m.employee AS manager, m.usr, d.employee AS deputy,
                floor(c.r_svc * c.n_svc)::int AS svc, c.n_svc,
                CASE WHEN c.start_date + c.dur <= current_date
                    THEN c.start_date + c.dur END AS end_date,
                CASE WHEN c.start_date + c.dur <= current_date THEN
                        CASE WHEN c.r_canc < 0.07 THEN 'cancelled'
                            ELSE 'closed' END
                    WHEN current_date - c.start_date < 21 THEN 'intake'
                    WHEN current_date - c.start_date < 60 THEN 'assessment'
                    WHEN current_date - c.start_date < 120 THEN 'planning'
                    ELSE 'implementation' END AS state,
                -- about 5%% are a new case of a client known before
                CASE WHEN c.r_rep < 0.05 THEN COALESCE(lag(c.i, 25) OVER (
                        PARTITION BY c.company ORDER BY c.i), c.i)
                    ELSE c.i END AS client
            FROM c
            JOIN b_emp m ON m.company = c.company
                AND m.k = floor(c.r_mgr * c.n_emp)::int
            LEFT JOIN b_emp d ON c.r_dep < 0.6 AND c.n_emp > 1
                AND d.company = c.company
                AND d.k = mod(floor(c.r_mgr * c.n_emp)::int + 1
                    + floor(c.r_dep2 * (c.n_emp - 1))::int, c.n_emp)
            """, p)
        self.x("ALTER TABLE b_case ADD PRIMARY KEY (id)")
        self.x("""
            ALTER TABLE b_case ADD days int, ADD n_contacts int;
            UPDATE b_case SET days = COALESCE(end_date, current_date)
                - start_date""")
        # Contacts in proportion to the time the case was open.
        self.x("""
            UPDATE b_case b SET n_contacts = GREATEST(1, round(
                    %(contacts)s::float8 * b.days * (0.4 + 1.2 * b.r_cnt)
                    / t.total))
            FROM (SELECT SUM(days)::float8 AS total FROM b_case) t""", p)
        self.x("ANALYZE b_case")
        self.x("""
            INSERT INTO kim_case (id, number, company, client, manager,
                deputy, target_group, access_route, referrer, start_date,
                end_date, state, situation, closure_reason, closure_note,
                create_uid, create_date, write_uid, write_date)
            SELECT b.id,
                'KIM-' || extract(year FROM b.start_date) || '-'
                    || lpad(b.id::text, GREATEST(5, length(b.id::text)), '0'),
                b.company, b.client, b.manager, b.deputy,
                CASE WHEN b.state = 'intake' AND random() < 0.5 THEN NULL
                    ELSE (%(tg)s::int[])[1 + floor(power(random(), 1.3)
                        * cardinality(%(tg)s::int[]))::int] END,
                CASE WHEN random() < 0.9 THEN (%(ar)s::int[])[
                    1 + floor(random() * cardinality(%(ar)s::int[]))::int]
                    END,
                CASE WHEN random() < 0.3 THEN s.party END,
                b.start_date, b.end_date, b.state,
                CASE WHEN random() < 0.7 THEN (%(sit)s::text[])[
                    1 + floor(random() * cardinality(%(sit)s::text[]))::int]
                    || ' ' || (%(sit)s::text[])[1 + floor(random()
                        * cardinality(%(sit)s::text[]))::int] END,
                CASE WHEN b.state = 'closed' THEN (%(cr)s::int[])[
                    1 + floor(random() * cardinality(%(cr)s::int[]))::int]
                    END,
                CASE WHEN b.state = 'closed' AND random() < 0.5
                    THEN 'Abschlussgespräch geführt, Akte geschlossen.' END,
                b.usr, b.start_date + time '09:00'
                    + random() * interval '8 hours',
                b.usr, COALESCE(b.end_date, b.start_date) + time '16:00'
            FROM b_case b
            JOIN b_svc s ON s.company = b.company AND s.k = b.svc
            ORDER BY b.id""", p)
        log(f"{n} cases")

    def clients(self):
        "One party and one client file per case id (some cases share one)"
        party_base = self.next_id('party_party') - 1
        p = {
            'pb': party_base,
            'female': FEMALE, 'male': MALE, 'last': LAST,
            'nat': self.ids('country_country'),
            'lang': self.ids('kim_case_language'),
            'status': ['asylum_procedure', 'toleration', 'toleration_60b',
                'residence_permit', 'settlement_permit', 'eu_free_movement',
                'fictional_certificate', 'german_citizen', 'other'],
            'level': ['none', 'a1', 'a2', 'b1', 'b2', 'c1', 'c2'],
            }
        self.x("""
            CREATE TEMP TABLE b_client AS
            SELECT b.id, b.company, b.start_date, b.usr,
                %(pb)s + b.id AS party,
                CASE WHEN g.r < 0.48 THEN 'female' WHEN g.r < 0.98 THEN 'male'
                    WHEN g.r < 0.99 THEN 'diverse' ELSE 'unspecified' END
                    AS gender,
                date '1950-01-01' + floor(random() * 365 * 58)::int
                    AS birth_date,
                g.r AS r
            FROM b_case b, LATERAL (SELECT random() + b.id * 0 AS r) g""", p)
        self.x("""
            INSERT INTO party_party (id, code, code_alnum, code_digit, name,
                active, create_uid, create_date)
            SELECT c.party, c.party::text, c.party::text, c.party,
                CASE WHEN c.gender = 'female'
                    THEN (%(female)s::text[])[1 + floor(random()
                        * cardinality(%(female)s::text[]))::int]
                    ELSE (%(male)s::text[])[1 + floor(random()
                        * cardinality(%(male)s::text[]))::int] END
                || ' ' || (%(last)s::text[])[1 + floor(random()
                    * cardinality(%(last)s::text[]))::int],
                true, c.usr, c.start_date + time '09:00'
            FROM b_client c ORDER BY c.id""", p)
        self.x("""
            INSERT INTO kim_case_client (id, company, party, birth_date,
                gender, nationality, stateless, german_level, entry_date,
                residence_status, residence_paragraph, residence_valid_until,
                create_uid, create_date)
            SELECT c.id, c.company, c.party, c.birth_date, c.gender,
                x.nat, x.nat IS NULL,
                (%(level)s::text[])[1 + floor(random() * 7)::int],
                LEAST(c.start_date, GREATEST(c.birth_date + 365,
                    c.start_date - floor(random() * 3000)::int)),
                x.status,
                CASE WHEN x.status = 'residence_permit'
                    THEN '§ 25 Abs. 2 AufenthG' END,
                CASE WHEN x.status NOT IN (
                        'german_citizen', 'eu_free_movement')
                    THEN c.start_date + 180 + floor(random() * 900)::int END,
                c.usr, c.start_date + time '09:00'
            FROM b_client c, LATERAL (SELECT
                CASE WHEN random() < 0.02 + c.id * 0 THEN NULL
                    ELSE (%(nat)s::int[])[1 + floor(power(random(), 1.4)
                        * cardinality(%(nat)s::int[]))::int] END AS nat,
                (%(status)s::text[])[1 + floor(random() * 9)::int] AS status
                ) x
            ORDER BY c.id""", p)
        self.x("""
            INSERT INTO party_contact_mechanism (party, type, value,
                value_compact, active, sequence, create_uid, create_date)
            SELECT c.party, 'mobile', v.value, replace(v.value, ' ', ''),
                true, 10, c.usr, c.start_date + time '09:00'
            FROM b_client c, LATERAL (SELECT '+49 1' || (50 + floor(random()
                * 30)::int) || ' ' || lpad(floor(random() * 1e7)::text, 7,
                '0') AS value, random() + c.id * 0 AS r) v
            WHERE v.r < 0.8""")
        self.x("""
            INSERT INTO "kim_case_client-kim_case_language" (client, language,
                create_uid, create_date)
            SELECT DISTINCT c.id, l.language, 1, now()
            FROM b_client c, LATERAL (SELECT (%(lang)s::int[])[1 + floor(
                    power(random(), 1.5) * cardinality(%(lang)s::int[]))::int]
                    AS language
                FROM generate_series(1, 1 + floor(random() * 2 + c.id * 0)
                    ::int)) l""", p)
        self.x("""
            INSERT INTO kim_case_client_household_member (client, name,
                relation, birth_date, create_uid, create_date)
            SELECT c.id, 'Angehörige/r ' || s, CASE WHEN s = 1 THEN 'partner'
                    ELSE 'child' END,
                CASE WHEN s = 1 THEN c.birth_date + floor(random() * 1500
                        - 750)::int
                    ELSE c.birth_date + 7000 + floor(random() * 5000)::int
                    END,
                c.usr, c.start_date + time '10:00'
            FROM b_client c, generate_series(1, floor(power(random()
                + c.id * 0, 2) * 4)::int) s""")
        log(f"{self.scalar('SELECT COUNT(*) FROM kim_case_client')} clients")

    def case_lines(self):
        p = {
            'foa': self.ids('kim_field_of_action'),
            'ld': self.ids('kim_legal_domain'),
            'lang': self.ids('kim_case_language'),
            'notes': NOTES, 'goals': GOALS,
            }
        self.x("""
            INSERT INTO kim_case_contact ("case", date, duration, kind,
                employee, field_of_action, interpreter, interpreter_language,
                notes, create_uid, create_date, write_uid, write_date)
            SELECT x.case, x.date,
                CASE x.kind WHEN 'in_person' THEN 30 + 15 * floor(random() * 6)
                    WHEN 'outreach' THEN 60 + 30 * floor(random() * 4)
                    WHEN 'video' THEN 30 + 15 * floor(random() * 3)
                    ELSE 5 + 5 * floor(random() * 6) END,
                x.kind,
                CASE WHEN x.r < 0.85 THEN x.manager ELSE x.deputy END,
                CASE WHEN random() < 0.8 THEN (%(foa)s::int[])[1 + floor(
                    random() * cardinality(%(foa)s::int[]))::int] END,
                x.interpreter,
                CASE WHEN x.interpreter THEN (%(lang)s::int[])[2 + floor(
                    random() * (cardinality(%(lang)s::int[]) - 1))::int] END,
                CASE WHEN random() < 0.85 THEN (%(notes)s::text[])[1 + floor(
                        random() * cardinality(%(notes)s::text[]))::int]
                    || ' ' || (%(notes)s::text[])[1 + floor(random()
                        * cardinality(%(notes)s::text[]))::int]
                    || ' ' || (%(notes)s::text[])[1 + floor(random()
                        * cardinality(%(notes)s::text[]))::int] END,
                x.usr, x.date + time '10:00', x.usr, x.date + time '10:00'
            FROM (
                SELECT b.id AS case, b.manager, b.deputy, b.usr,
                    b.start_date + floor(random() * (b.days + 1))::int AS date,
                    CASE WHEN k.r < 0.55 THEN 'in_person'
                        WHEN k.r < 0.80 THEN 'phone'
                        WHEN k.r < 0.85 THEN 'video'
                        WHEN k.r < 0.95 THEN 'written'
                        ELSE 'outreach' END AS kind,
                    random() < 0.2 AS interpreter,
                    random() AS r
                FROM b_case b,
                    LATERAL (SELECT random() AS r, s
                        FROM generate_series(1, b.n_contacts) s) k
                ) x
            ORDER BY x.date, x.case""", p)
        log(f"{self.cur.rowcount} contacts")
        self.x("""
            INSERT INTO kim_case_need ("case", field_of_action, priority,
                description, create_uid, create_date)
            SELECT b.id, (%(foa)s::int[])[1 + floor(random()
                    * cardinality(%(foa)s::int[]))::int],
                (ARRAY['low', 'normal', 'normal', 'high'])[
                    1 + floor(random() * 4)::int],
                CASE WHEN random() < 0.5 THEN 'Bedarf im Erstgespräch '
                    || 'festgestellt.' END,
                b.usr, b.start_date + 20 + time '10:00'
            FROM b_case b, generate_series(1, CASE WHEN b.state = 'intake'
                THEN floor(random() * 2)::int
                ELSE 1 + floor(random() * 3.5 + b.id * 0)::int END) s""", p)
        log(f"{self.cur.rowcount} needs")
        self.x("""
            INSERT INTO kim_case_goal ("case", field_of_action, description,
                agreed_date, review_date, outcome, outcome_date, create_uid,
                create_date)
            SELECT g.case, g.foa, g.description, g.agreed_date,
                g.agreed_date + 90, g.outcome,
                CASE WHEN g.outcome <> 'open' THEN LEAST(g.last_date,
                    g.agreed_date + 30 + floor(random() * 300)::int) END,
                g.usr, g.agreed_date + time '11:00'
            FROM (
                SELECT b.id AS case, b.usr,
                    (%(foa)s::int[])[1 + floor(random()
                        * cardinality(%(foa)s::int[]))::int] AS foa,
                    (%(goals)s::text[])[1 + floor(random()
                        * cardinality(%(goals)s::text[]))::int]
                        AS description,
                    LEAST(COALESCE(b.end_date, current_date),
                        b.start_date + 60 + floor(random() * 60)::int)
                        AS agreed_date,
                    COALESCE(b.end_date, current_date) AS last_date,
                    CASE WHEN b.state = 'closed' THEN (ARRAY['achieved',
                            'achieved', 'achieved', 'partially_achieved',
                            'partially_achieved', 'not_achieved', 'dropped'])[
                            1 + floor(random() * 7)::int]
                        WHEN random() < 0.15 THEN 'achieved'
                        ELSE 'open' END AS outcome
                FROM b_case b, generate_series(1,
                    1 + floor(random() * 3 + b.id * 0)::int) s
                WHERE b.state IN ('planning', 'implementation', 'closed')
                ) g""", p)
        log(f"{self.cur.rowcount} goals")
        # Every case has the consent to case management; about a third a
        # second one for passing data on.  Each lists two services of the
        # organisation, the ones referrals go to.
        self.x("""
            INSERT INTO kim_case_consent ("case", purpose, data_categories,
                date, form, valid_until, withdrawal_date, create_uid,
                create_date)
            SELECT b.id, CASE WHEN s = 1 THEN 'Fallmanagement im KIM'
                    ELSE 'Weitergabe an Beratungsdienste' END,
                'Stammdaten, Aufenthalt, Bildung, Arbeit',
                b.start_date + (s - 1) * (10 + floor(random() * 50)::int),
                (ARRAY['written', 'written', 'written', 'written',
                    'electronic', 'oral'])[1 + floor(random() * 6)::int],
                CASE WHEN random() < 0.4 THEN b.start_date + 730 END,
                CASE WHEN random() < 0.02 THEN b.start_date + 100 END,
                b.usr, b.start_date + time '09:30'
            FROM b_case b, generate_series(1, CASE WHEN random() < 0.35
                + b.id * 0 THEN 2 ELSE 1 END) s
            ORDER BY b.id, s""")
        log(f"{self.cur.rowcount} consents")
        self.x("""
            INSERT INTO "kim_case_consent-party_party" (consent, party,
                create_uid, create_date)
            SELECT c.id, s.party, 1, c.create_date
            FROM kim_case_consent c
            JOIN b_case b ON b.id = c.case
            CROSS JOIN generate_series(0, 1) j
            JOIN b_svc s ON s.company = b.company
                AND s.k = mod(b.svc + j, b.n_svc)""")
        self.x("""
            INSERT INTO kim_case_referral ("case", date, recipient,
                legal_domain, field_of_action, purpose, outcome, outcome_date,
                create_uid, create_date)
            SELECT r.case, r.date, r.recipient, r.ld, r.foa,
                'Vermittlung zur Klärung des Anliegens', r.outcome,
                CASE WHEN r.outcome <> 'pending' THEN LEAST(current_date,
                    r.date + 7 + floor(random() * 60)::int) END,
                r.usr, r.date + time '12:00'
            FROM (
                SELECT b.id AS case, b.usr, x.date, sv.party AS recipient,
                    (%(ld)s::int[])[1 + floor(power(random(), 1.3)
                        * cardinality(%(ld)s::int[]))::int] AS ld,
                    CASE WHEN random() < 0.85 THEN (%(foa)s::int[])[1 + floor(
                        random() * cardinality(%(foa)s::int[]))::int]
                        END AS foa,
                    CASE WHEN x.date > current_date - 60 AND random() < 0.6
                        THEN 'pending'
                        ELSE (ARRAY['accepted', 'accepted', 'service_received',
                            'service_received', 'service_received', 'rejected',
                            'broken_off', 'pending'])[
                            1 + floor(random() * 8)::int] END AS outcome
                FROM b_case b
                CROSS JOIN LATERAL (SELECT b.start_date + 14 + floor(random()
                            * GREATEST(b.days - 13, 1))::int AS date,
                            floor(random() * 2)::int AS j
                        -- b.id makes PostgreSQL draw the count per case
                        -- instead of reusing one function scan for all
                        FROM generate_series(1,
                            floor(random() * 3.2 + b.id * 0)::int)
                        ) x
                JOIN b_svc sv ON sv.company = b.company
                    AND sv.k = mod(b.svc + x.j, b.n_svc)
                WHERE b.state NOT IN ('intake', 'cancelled')
                ) r
            ORDER BY r.date, r.case""", p)
        log(f"{self.cur.rowcount} referrals")


def main():
    args = parse_args()
    workdir = use_database_uri(args.uri)

    log(f"recreating database {args.database!r} on {args.uri}")
    recreate_database(args)
    log(f"installing {', '.join(modules(args))} with trytond-admin")
    install_schema(args, os.environ["TRYTOND_CONFIG"])
    log("creating organisations")
    companies = create_organisations(args)
    with psycopg.connect(conninfo(args.uri, args.database)) as conn:
        next_party, next_case = Loader(args, conn, companies).run()
    set_sequences(args, next_party, next_case)
    log("VACUUM ANALYZE")
    with psycopg.connect(
            conninfo(args.uri, args.database), autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")
        rows = [(table, *conn.execute(
                    f'SELECT COUNT(*), pg_size_pretty(pg_total_relation_size('
                    f"'\"{table}\"')) FROM \"{table}\"").fetchone())
            for table in SUMMARY_TABLES + (
                generate_modules.SUMMARY_TABLES if args.all_modules else [])]
        size = conn.execute(
            "SELECT pg_size_pretty(pg_database_size(current_database()))"
            ).fetchone()[0]
    for name, count, rel_size in rows:
        log(f"  {name:32} {count:>10,} rows {rel_size:>10}")
    log(f"done: database {args.database!r}, {size}")
    workdir.cleanup()


if __name__ == '__main__':
    main()
