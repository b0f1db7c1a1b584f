#!/usr/bin/env python3
# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Demo data: the Kommune "Stadt Musterstadt" with its Kommunales
Integrationszentrum, four Träger of the Freie Wohlfahrtspflege, their case
managers and a few hundred clients and cases of Baustein 2, and the funding
of 2025 and 2026 (scenarios/demo/funding.py).

Usage (on a database where kim_case and kim_funding are activated):

    python scenarios/demo/case.py -d kim_demo -c var/trytond.conf

With --funding-only, only the funding data is added to a database that
already holds the case data (a demo built before kim_funding).

All names, addresses and stories are invented; the random generator has a
fixed seed, so two runs on the same day give the same data.

The cases are driven through the workflow buttons by their case managers
(and reopened by a team lead), each step on the date it happened: the
script runs trytond in-process and moves the clock of `ir.date` to the date
of the step, as if the user had clicked the button on that day.
"""
import argparse
import datetime as dt
import random
import sys
import time
from collections import Counter, defaultdict
from decimal import Decimal

from data.case import (
    BARRIERS, CLOSURE_NOTES, CONTACT_NOTES, FIELD_WEIGHTS, GOAL_TEXTS,
    NEED_TEXTS, PARTNER_CATEGORIES, PARTNERS, ROLE_GROUPS, ROLES,
    SITUATIONS)
from data.organisations import (
    ADMIN_ROLE, COUNTRIES, ORGANISATIONS, ORGANISATIONS_SHORT, STAFF)
from data.funding import FINANCE_ROLES, FINANCE_STAFF
from data.people import NAMES, ORIGINS, STREETS, UA_PROTECTION_UNTIL
from funding import FundingDemo

SEED = 20261121
PASSWORD = 'kim-demo-2026'


def print_logins(password=PASSWORD, file=sys.stdout):
    names = dict(ORGANISATIONS_SHORT)
    rows = [('admin', "Administrator", ADMIN_ROLE, "all")]
    roles = ROLES | FINANCE_ROLES
    for login, first, last, org, role in STAFF + FINANCE_STAFF:
        rows.append((login, f"{first} {last}", roles[role],
                "all" if role == 'coordination' else names[org]))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    print(f"All logins use the password: {password}", file=file)
    print(file=file)
    for row in rows:
        print("  " + "  ".join(
                v.ljust(w) for v, w in zip(row, widths + [0])).rstrip(),
            file=file)


def weighted(rng, items):
    "Choose from [(value, weight), …]"
    values, weights = zip(*items)
    return rng.choices(values, weights=weights)[0]


def add_months(date, months):
    month = date.month - 1 + months
    year = date.year + month // 12
    month = month % 12 + 1
    day = min(date.day, 28)
    return dt.date(year, month, day)


def days(n):
    return dt.timedelta(days=n)


class Clock:
    """Moves the date returned by ir.date.today() in this process.

    The demo replays what the users did on past days; the server started
    afterwards keeps the real clock."""

    def __init__(self, pool):
        Date = pool.get('ir.date')
        original = Date.today
        self.date = None
        clock = self

        @classmethod
        def today(cls, timezone=None):
            if clock.date is not None:
                return clock.date
            return original(timezone=timezone)
        Date.today = today

    def __call__(self, date):
        self.date = date


class Builder:

    def __init__(self, database, config_file, password):
        global RequiredValidationError
        from trytond.model.exceptions import RequiredValidationError
        from proteus import config as pconfig
        self.pconfig = pconfig
        self.password = password
        self.rng = random.Random(SEED)
        self.admin_config = pconfig.set_trytond(
            database, config_file=config_file)
        self.pool = self.admin_config.pool
        self.clock = Clock(self.pool)
        self.today = dt.date.today()
        self.start_of_demo = dt.date(self.today.year - 2, 1, 8)
        self.sessions = {}
        self.counts = Counter()

    # --- sessions ---------------------------------------------------------
    def session(self, login='admin', refresh=False):
        "Return the proteus config of login, sharing the initialised pool"
        if refresh or login not in self.sessions:
            self.sessions[login] = _UserConfig(self.admin_config, login)
        return self.sessions[login]

    def model(self, name, login='admin'):
        from proteus import Model
        return Model.get(name, config=self.session(login))

    def ref(self, module, fs_id):
        "Return the id of the record defined in XML (ir.model.data)"
        from trytond.transaction import Transaction
        with Transaction().start(self.admin_config.database_name, 0):
            return self.pool.get('ir.model.data').get_id(module, fs_id)

    # --- set-up -----------------------------------------------------------
    def check_empty(self):
        Party = self.model('party.party')
        if Party.find([('name', '=', ORGANISATIONS[0][1])]):
            print("demo_data: the demo data is already loaded",
                file=sys.stderr)
            return False
        return True

    def setup_language(self):
        Lang = self.model('ir.lang')
        de, = Lang.find([('code', '=', 'de')])
        if not de.translatable:
            Lang.click([de], 'load_translations')
        self.lang_de = de.id
        menu_id = self.ref('kim', 'menu_kim')
        from proteus import Model
        with self.admin_config.set_context(language='de'):
            Menu = Model.get('ir.ui.menu', config=self.admin_config)
            name = Menu(menu_id).name
        print(f"   German activated; menu 'KIM' in German: "
            f"{name!r}")

    def setup_countries(self):
        Country = self.model('country.country')
        Subdivision = self.model('country.subdivision')
        existing = {c.code: c for c in Country.find([])}
        new = []
        for code, code3, numeric, name, _ in COUNTRIES:
            if code not in existing:
                new.append(Country(
                        code=code, code3=code3, code_numeric=numeric,
                        name=name))
        Country.save(new)
        countries = {c.code: c for c in Country.find([])}
        # German names as translations
        from proteus import Model
        with self.admin_config.set_context(language='de'):
            CountryDe = Model.get('country.country', config=self.admin_config)
            records = []
            for code, _, _, _, name_de in COUNTRIES:
                record = CountryDe(countries[code].id)
                if record.name != name_de:
                    record.name = name_de
                    records.append(record)
            CountryDe.save(records)
        self.countries = {code: c.id for code, c in countries.items()}
        if not Subdivision.find([('code', '=', 'DE-NW')]):
            Subdivision(country=countries['DE'], code='DE-NW',
                name="Nordrhein-Westfalen", type='state').save()
        self.subdivision_nw, = [s.id for s in Subdivision.find(
                [('code', '=', 'DE-NW')])]
        self.counts['countries'] = len(countries)

    def setup_currency(self):
        Currency = self.model('currency.currency')
        euros = Currency.find([('code', '=', 'EUR')])
        if euros:
            euro, = euros
        else:
            euro = Currency(name="Euro", code='EUR', symbol='€',
                numeric_code='978', rounding=Decimal('0.01'), digits=2)
            euro.save()
        self.euro = euro.id

    def new_party(self, Party, name, street=None, postal_code='12345',
            login='admin'):
        Country = self.model('country.country', login)
        Subdivision = self.model('country.subdivision', login)
        party = Party(name=name)
        if street:
            address, = party.addresses
            address.street_unstructured = street
            address.postal_code = postal_code
            address.city = "Musterstadt"
            address.country = Country(self.countries['DE'])
            address.subdivision = Subdivision(self.subdivision_nw)
        else:
            party.addresses.pop()
        return party

    def setup_organisations(self):
        Party = self.model('party.party')
        Company = self.model('company.company')
        parties = [self.new_party(Party, name, street, pc)
            for _, name, _, street, pc in ORGANISATIONS]
        Party.save(parties)
        companies = [Company(party=p, currency=self.euro,
                timezone='Europe/Berlin') for p in parties]
        Company.save(companies)
        self.companies = {key: c.id
            for (key, *_), c in zip(ORGANISATIONS, companies)}
        self.counts['organisations'] = len(companies)

        # The administrator works for all organisations, in German
        User = self.model('res.user')
        Group = self.model('res.group')
        admin, = User.find([('login', '=', 'admin')])
        for company in companies:
            if company.id not in [c.id for c in admin.companies]:
                admin.companies.append(
                    self.model('company.company')(company.id))
        admin.company = self.model('company.company')(self.companies['ki'])
        admin.company_filter = 'all'
        admin.language = self.model('ir.lang')(self.lang_de)
        kim_admin = self.ref('kim', 'group_kim_admin')
        if kim_admin not in [g.id for g in admin.groups]:
            admin.groups.append(Group(kim_admin))
        admin.save()
        self.admin_config = self.session('admin', refresh=True)

        # One case sequence per organisation, set in the configuration
        Sequence = self.model('ir.sequence')
        sequence_type = self.ref('kim_case', 'sequence_type_case')
        sequences = [Sequence(name=f"Fallnummern {prefix}",
                sequence_type=sequence_type, company=self.companies[key],
                prefix=f'{prefix}-${{year}}-', padding=4)
            for key, _, prefix, _, _ in ORGANISATIONS]
        Sequence.save(sequences)
        from proteus import Model
        for (key, *_), sequence in zip(ORGANISATIONS, sequences):
            with self.admin_config.set_context(company=self.companies[key]):
                Configuration = Model.get(
                    'kim.case.configuration', config=self.admin_config)
                configuration = Configuration(1)
                configuration.case_sequence = Model.get(
                    'ir.sequence', config=self.admin_config)(sequence.id)
                configuration.save()

    def setup_partners(self):
        Party = self.model('party.party')
        Category = self.model('party.category')
        parent = Category(name="Netzwerkpartner KIM")
        parent.save()
        categories = {}
        for key, name in PARTNER_CATEGORIES.items():
            categories[key] = Category(name=name, parent=parent)
        Category.save(list(categories.values()))
        parties = []
        for key, name, category, _, _, street in PARTNERS:
            party = self.new_party(Party, name, street)
            party.categories.append(Category(categories[category].id))
            parties.append(party)
        Party.save(parties)
        self.partners = {p[0]: party.id for p, party in zip(PARTNERS, parties)}
        self.partner_info = {p[0]: p for p in PARTNERS}
        self.counts['network partners'] = len(parties)

    def setup_staff(self):
        Party = self.model('party.party')
        Employee = self.model('company.employee')
        User = self.model('res.user')
        Group = self.model('res.group')
        parties = [self.new_party(Party, f"{first} {last}")
            for _, first, last, *_ in STAFF]
        Party.save(parties)
        employees = []
        for (login, first, last, org, role), party in zip(STAFF, parties):
            employees.append(Employee(party=party,
                    company=self.companies[org],
                    start_date=dt.date(2022, 1, 1) + days(
                        self.rng.randint(0, 600))))
        Employee.save(employees)
        self.employees = {}
        leads = {}
        for (login, _, _, org, role), employee in zip(STAFF, employees):
            self.employees[login] = employee.id
            if role == 'lead':
                leads[org] = employee.id
        supervised = []
        for (login, _, _, org, role), employee in zip(STAFF, employees):
            if role == 'manager' and org in leads:
                employee.supervisor = Employee(leads[org])
                supervised.append(employee)
        Employee.save(supervised)

        groups = {role: Group(self.ref(module, fs_id))
            for role, (module, fs_id) in ROLE_GROUPS.items()}
        all_companies = list(self.companies.values())
        users = []
        for (login, first, last, org, role), employee in zip(
                STAFF, employees):
            user = User(name=f"{first} {last}", login=login)
            user.password = self.password
            user.language = self.model('ir.lang')(self.lang_de)
            user.groups.append(Group(groups[role].id))
            if role == 'coordination':
                for company in all_companies:
                    user.companies.append(
                        self.model('company.company')(company))
                user.company_filter = 'all'
            else:
                user.companies.append(
                    self.model('company.company')(self.companies[org]))
            user.company = self.model('company.company')(self.companies[org])
            user.employees.append(Employee(employee.id))
            user.employee = employee
            users.append(user)
        User.save(users)

        self.counts['users'] = len(users) + 1
        self.counts['employees'] = len(employees)

    # --- generation of clients and cases ---------------------------------
    def make_person(self, rng, nationality, start):
        (_, groups, languages, (entry_from, entry_to), statuses) = \
            ORIGINS[nationality]
        group = weighted(rng, groups)
        female, male, family = NAMES[group]
        gender = weighted(rng, [('female', 46), ('male', 52),
                ('diverse', 1), ('unspecified', 1)])
        first = rng.choice(female if gender == 'female'
            else male if gender == 'male' else female + male)
        last = rng.choice(family)
        if group in {'ukrainian', 'russian', 'bulgarian'} and \
                gender == 'female' and last.endswith('ow'):
            last = last + 'a'
        age_band = weighted(rng, [((18, 27), 26), ((28, 45), 48),
                ((46, 59), 17), ((60, 79), 9)])
        age = rng.randint(*age_band)
        birth_date = start - days(age * 365 + rng.randint(0, 364))
        entry_year = rng.randint(entry_from, min(entry_to, start.year))
        entry_date = dt.date(entry_year, rng.randint(1, 12),
            rng.randint(1, 28))
        if entry_date >= start:
            entry_date = start - days(rng.randint(20, 200))
        if nationality == 'UA' and entry_date < dt.date(2022, 3, 1):
            entry_date = dt.date(2022, 3, rng.randint(1, 31))
        if entry_date <= birth_date + days(365):
            entry_date = birth_date + days(365 * rng.randint(1, 15))
        weight, status, paragraph, months = weighted(
            rng, [((w, s, p, m), w) for w, s, p, m in statuses])
        years = (start - entry_date).days / 365
        if nationality == 'DE':
            entry_date = None if rng.random() < 0.4 else entry_date
            years = 20
        if status == 'settlement_permit' and years < 3:
            status, paragraph, months = (
                'residence_permit', "§ 25 Abs. 2 S. 1 Alt. 1 AufenthG", 36)
        if status == 'asylum_procedure' and years > 4:
            status, paragraph, months = (
                'toleration', "§ 60a Abs. 2 S. 1 AufenthG", 6)
        if months == 'ua':
            valid_until = UA_PROTECTION_UNTIL
        elif months:
            valid_until = add_months(
                max(start, self.today - days(rng.randint(0, 200))),
                rng.randint(1, months))
        else:
            valid_until = None
        langs = list(languages)
        if group == 'kurdish' and 'kmr' not in langs:
            langs.insert(0, 'kmr')
        if nationality == 'IQ' and group == 'kurdish' and rng.random() < 0.5:
            langs = ['ckb', 'ar']
        if nationality == 'AF' and rng.random() < 0.3:
            langs = ['ps', 'fa']
        if nationality == 'UA' and rng.random() < 0.4:
            langs.append('ru')
        if nationality == 'BG' and group == 'bulgarian' and \
                first in {"Ayshe", "Mehmed"}:
            langs.append('tr')
        if rng.random() < 0.15 and 'en' not in langs:
            langs.append('en')
        if years < 1:
            level = weighted(rng, [('none', 6), ('a1', 3), ('a2', 1)])
        elif years < 3:
            level = weighted(rng, [('none', 1), ('a1', 3), ('a2', 4),
                    ('b1', 2)])
        else:
            level = weighted(rng, [('a1', 1), ('a2', 3), ('b1', 4),
                    ('b2', 2), ('c1', 1)])
        if nationality == 'DE':
            level = weighted(rng, [('b2', 1), ('c1', 2), ('c2', 2)])
        if level in {'b1', 'b2', 'c1', 'c2'} and 'de' not in langs:
            langs.append('de')
        household = []
        if 24 <= age <= 55 and rng.random() < 0.5:
            if rng.random() < 0.7:
                partner_first = rng.choice(
                    male if gender == 'female' else female)
                household.append((f"{partner_first} {last}", 'partner',
                        birth_date + days(rng.randint(-2500, 2500))))
            for _ in range(weighted(rng, [(1, 3), (2, 4), (3, 3), (4, 2),
                        (5, 1)])):
                child_birth = birth_date + days(
                    365 * rng.randint(19, min(age, 44) or 19)
                    + rng.randint(0, 364))
                if child_birth >= start:
                    continue
                household.append((
                        f"{rng.choice(female + male)} {last}", 'child',
                        child_birth))
        elif age >= 60 and rng.random() < 0.6:
            household.append((f"{rng.choice(female + male)} {last}",
                    'child', birth_date + days(365 * rng.randint(22, 35))))
        elif age < 24 and rng.random() < 0.3:
            household.append((f"{rng.choice(male)} {last}", 'sibling',
                    birth_date + days(rng.randint(-2000, 2000))))
        return {
            'name': f"{first} {last}",
            'gender': gender,
            'birth_date': birth_date,
            'age': age,
            'nationality': None if nationality == 'stateless'
            else nationality,
            'stateless': nationality == 'stateless',
            'languages': langs,
            'german_level': level,
            'entry_date': entry_date,
            'residence_status': status,
            'residence_paragraph': paragraph,
            'residence_valid_until': valid_until,
            'household': household,
            'street': f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
            'postal_code': rng.choice(['12345', '12346', '12347', '12348',
                    '12349']),
            }

    def target_group(self, rng, person, start):
        children = sum(1 for m in person['household'] if m[1] == 'child')
        years = ((start - person['entry_date']).days / 365
            if person['entry_date'] else 20)
        age = person['age']
        if (age <= 27 and person['residence_status'] in {
                    'toleration', 'toleration_60b', 'asylum_procedure'}
                and rng.random() < 0.8):
            return 'young_tolerated'
        if age >= 60 and rng.random() < 0.7:
            return 'elderly_care'
        if years <= 3 and rng.random() < 0.65:
            return 'newly_arrived'
        if children >= 2 and rng.random() < 0.6:
            return 'families'
        return 'complex_needs'

    def plan_timeline(self, rng, final):
        "Return the dates of the steps of a case ending in state final"
        today = self.today
        first = self.start_of_demo
        t = {}
        d_assess = rng.randint(2, 21)
        d_plan = rng.randint(10, 45)
        d_implement = rng.randint(5, 28)
        if final == 'intake':
            t['start'] = today - days(rng.randint(0, 35))
        elif final == 'assessment':
            t['assess'] = today - days(rng.randint(0, 40))
            t['start'] = t['assess'] - days(d_assess)
        elif final == 'planning':
            t['plan'] = today - days(rng.randint(0, 35))
            t['assess'] = t['plan'] - days(d_plan)
            t['start'] = t['assess'] - days(d_assess)
        elif final == 'implementation':
            t['implement'] = today - days(int(560 * rng.random() ** 1.6))
            t['plan'] = t['implement'] - days(d_implement)
            t['assess'] = t['plan'] - days(d_plan)
            t['start'] = t['assess'] - days(d_assess)
        elif final == 'cancelled':
            t['cancel'] = first + days(rng.randint(
                    40, (today - first).days - 1))
            if rng.random() < 0.55:
                t['start'] = t['cancel'] - days(rng.randint(10, 40))
            else:
                t['assess'] = t['cancel'] - days(rng.randint(10, 35))
                t['start'] = t['assess'] - days(d_assess)
        elif final in {'closed', 'reopened'}:
            span = (today - first).days
            t['close'] = first + days(
                int(120 + (span - 121) * rng.random() ** 0.8))
            if final == 'reopened':
                t['close'] = min(t['close'], today - days(70))
            phase = weighted(rng, [('implementation', 86), ('planning', 6),
                    ('assessment', 8)])
            run = rng.randint(60, 480)
            budget = (t['close'] - first).days
            if phase == 'implementation':
                fixed = d_assess + d_plan + d_implement
                run = max(20, min(run, budget - fixed - 1))
                t['implement'] = t['close'] - days(run)
                t['plan'] = t['implement'] - days(d_implement)
                t['assess'] = t['plan'] - days(d_plan)
            elif phase == 'planning':
                t['plan'] = t['close'] - days(rng.randint(10, 60))
                t['assess'] = t['plan'] - days(d_plan)
            else:
                t['assess'] = t['close'] - days(rng.randint(10, 60))
            t['start'] = t['assess'] - days(d_assess)
            if final == 'reopened':
                t['reopen'] = t['close'] + days(rng.randint(20, 60))
        if t['start'] < first:
            shift = first - t['start'] + days(rng.randint(0, 20))
            for key in t:
                t[key] += shift
            if max(t.values()) > today:
                return self.plan_timeline(rng, final)
        return t

    def generate(self):
        rng = self.rng
        # case managers carry full caseloads, team leads a few cases
        managers = [s for s in STAFF if s[4] == 'manager' for _ in range(3)]
        managers += [s for s in STAFF if s[4] == 'lead']
        n_cases = 345
        finals = [('intake', 7), ('assessment', 9), ('planning', 8),
            ('implementation', 33), ('closed', 33), ('cancelled', 8),
            ('reopened', 1)]
        specs = []
        nationalities = [(k, v[0]) for k, v in ORIGINS.items()]
        for i in range(n_cases):
            login, _, _, org, _ = managers[i % len(managers)]
            final = weighted(rng, finals)
            if final == 'reopened' and org not in {'ki', 'car'}:
                final = 'closed'
            timeline = self.plan_timeline(rng, final)
            nationality = weighted(rng, nationalities)
            person = self.make_person(rng, nationality, timeline['start'])
            specs.append({
                    'manager': login,
                    'org': org,
                    'final': final,
                    't': timeline,
                    'person': person,
                    })
        # Some clients come back with a new need: reuse the client of an
        # earlier, ended case of the same manager.
        by_manager = defaultdict(list)
        for spec in specs:
            by_manager[spec['manager']].append(spec)
        reused = 0
        for login, cases in by_manager.items():
            ended = sorted((s for s in cases
                    if 'close' in s['t'] or 'cancel' in s['t']),
                key=lambda s: s['t'].get('close') or s['t'].get('cancel'))
            for spec in sorted(cases, key=lambda s: s['t']['start']):
                if rng.random() > 0.12 or 'reopen' in spec['t']:
                    continue
                for earlier in ended:
                    end = earlier['t'].get('close') or earlier['t'].get(
                        'cancel')
                    if (end + days(30) < spec['t']['start']
                            and 'reopen' not in earlier['t']
                            and not earlier.get('reused')):
                        earlier['reused'] = True
                        spec['person'] = earlier['person']
                        reused += 1
                        break
        for spec in specs:
            spec['target_group'] = self.target_group(
                rng, spec['person'], spec['t']['start'])
        specs.sort(key=lambda s: (s['t']['start'], s['manager']))
        return specs

    def load_catalogs(self):
        def by_code(name):
            return {r.code: r.id for r in self.model(name).find([])}
        self.target_groups = by_code('kim.case.target_group')
        self.fields = by_code('kim.field_of_action')
        self.legal_domains = by_code('kim.legal_domain')
        self.access_routes = by_code('kim.case.access_route')
        self.closure_reasons = by_code('kim.case.closure_reason')
        self.languages = by_code('kim.case.language')

    def choose_needs(self, rng, spec):
        weights = list(FIELD_WEIGHTS[spec['target_group']])
        n = weighted(rng, [(1, 2), (2, 4), (3, 4), (4, 2)])
        fields = []
        while len(fields) < n and weights:
            field = weighted(rng, weights)
            weights = [w for w in weights if w[0] != field]
            fields.append(field)
        return fields

    def partners_for(self, rng, fields, person):
        result = []
        for field in fields:
            candidates = [p[0] for p in PARTNERS if field in p[4]]
            if field == 'participation' and person['nationality'] == 'UA':
                candidates = ['ukr', 'sport']
            elif field == 'participation':
                candidates = ['mso', 'sport']
            if candidates:
                result.append((field, rng.choice(candidates)))
        return result

    def legal_domain_for(self, partner, person):
        domain = self.partner_info[partner][3]
        if partner == 'sozialamt' and person['residence_status'] in {
                'asylum_procedure', 'toleration', 'toleration_60b'}:
            domain = 'asylblg'
        return self.legal_domains[domain]

    # --- loading ----------------------------------------------------------
    # Records are sent the way the web client sends them when the user
    # saves a form: one create or write per step with the lines nested in
    # it; the workflow is driven by clicking the buttons.
    def rpc(self, login, model, method, *args):
        Model_ = self.model(model, login)
        return getattr(Model_._proxy, method)(
            *args, self.session(login).context)

    def load_clients(self, specs):
        "Each case manager registers the clients of her cases"
        by_manager = defaultdict(list)
        seen = set()
        for spec in specs:
            person = spec['person']
            if id(person) in seen:
                continue
            seen.add(id(person))
            by_manager[spec['manager']].append(person)
        # and a few who just came in and have no case yet
        rng = self.rng
        for login, _, _, org, role in STAFF:
            if role == 'manager' and rng.random() < 0.6:
                nationality = weighted(rng, [(k, v[0])
                        for k, v in ORIGINS.items()])
                by_manager[login].append(self.make_person(
                        rng, nationality, self.today - days(
                            rng.randint(0, 10))))
        self.clock(None)
        for login, persons in by_manager.items():
            party_ids = self.rpc(login, 'party.party', 'create', [{
                        'name': p['name'],
                        'addresses': [('create', [{
                                        'street_unstructured': p['street'],
                                        'postal_code': p['postal_code'],
                                        'city': "Musterstadt",
                                        'country': self.countries['DE'],
                                        'subdivision': self.subdivision_nw,
                                        }])],
                        } for p in persons])
            values = []
            for person, party_id in zip(persons, party_ids):
                client = {'party': party_id}
                for name in ['gender', 'birth_date', 'stateless',
                        'german_level', 'entry_date', 'residence_status',
                        'residence_paragraph', 'residence_valid_until']:
                    client[name] = person[name]
                if person['nationality']:
                    client['nationality'] = self.countries[
                        person['nationality']]
                client['languages'] = [('add', [
                            self.languages[c] for c in person['languages']])]
                if person['household']:
                    client['household_members'] = [('create', [{
                                    'name': name,
                                    'relation': relation,
                                    'birth_date': birth_date,
                                    } for name, relation, birth_date
                                in person['household']])]
                values.append(client)
            client_ids = self.rpc(login, 'kim.case.client', 'create', values)
            for person, client_id in zip(persons, client_ids):
                person['client'] = client_id
            self.counts['clients'] += len(client_ids)
            self.counts['household members'] += sum(
                len(p['household']) for p in persons)

    def contact(self, rng, case, date, phase, person, field=None,
            employee=None):
        kind = ('in_person' if phase in {'first', 'planning'}
            else weighted(rng, [('in_person', 50), ('phone', 30),
                    ('outreach', 7), ('video', 5), ('written', 8)]))
        duration = {
            'first': rng.choice([60, 75, 90]),
            'assessment': rng.choice([45, 60, 90, 120]),
            'planning': rng.choice([45, 60, 75]),
            'closure': rng.choice([30, 45, 60]),
            }.get(phase) or (rng.choice([10, 15, 20]) if kind in {
                'phone', 'written'} else rng.choice([30, 45, 60, 90, 120]))
        contact = {
            'date': date,
            'duration': duration,
            'kind': kind,
            'notes': rng.choice(CONTACT_NOTES[phase]),
            }
        if field:
            contact['field_of_action'] = self.fields[field]
        if employee:
            contact['employee'] = employee
        others = [c for c in person['languages'] if c != 'de']
        if (kind in {'in_person', 'phone', 'video', 'outreach'}
                and person['german_level'] in {'none', 'a1', 'a2'}
                and others and rng.random() < 0.65):
            contact['interpreter'] = True
            contact['interpreter_language'] = self.languages[others[0]]
        case.add('contacts', contact)
        self.counts['contacts'] += 1

    def monitoring_contacts(self, rng, case, spec, fields, start, end):
        date = start + days(rng.randint(7, 30))
        deputy = spec.get('deputy')
        while date < end:
            self.contact(rng, case, date, 'monitoring', spec['person'],
                field=rng.choice(fields) if fields else None,
                employee=deputy if deputy and rng.random() < 0.15 else None)
            date += days(rng.randint(10, 50))

    def run_case(self, spec):
        rng = self.rng
        login = spec['manager']
        t = spec['t']
        person = spec['person']
        today = self.today
        case = _CaseForm(self, login)

        fields = self.choose_needs(rng, spec)
        planned = self.partners_for(rng, fields, person)
        route = weighted(rng, [('self', 30), ('authority', 15),
                ('jobcenter', 18), ('welfare', 20), ('school', 7),
                ('outreach', 7), ('other', 3)])
        referrer = {
            'authority': rng.choice(['abh', 'sozialamt', 'jugendamt']),
            'jobcenter': 'jobcenter',
            'welfare': rng.choice(['mbe', 'jmd', 'psz']),
            'school': 'schule',
            }.get(route)
        recipients = sorted({p for _, p in planned}
            | ({referrer} if referrer else set()))
        if rng.random() < 0.5:
            recipients = sorted(set(recipients) | {'jobcenter'})

        # Intake
        self.clock(t['start'])
        case.values.update({
                'client': person['client'],
                'start_date': t['start'],
                'access_route': self.access_routes[route],
                })
        if referrer:
            case.values['referrer'] = self.partners[referrer]
        colleagues = [s[0] for s in STAFF
            if s[3] == spec['org'] and s[4] == 'manager' and s[0] != login]
        if colleagues and rng.random() < 0.3:
            deputy = self.employees[rng.choice(colleagues)]
            case.values['deputy'] = deputy
            spec['deputy'] = deputy
        if 'assess' in t or rng.random() < 0.5:
            case.values['target_group'] = self.target_groups[
                spec['target_group']]
        consent_date = None
        if 'assess' in t:
            consent_date = t['start'] + days(
                rng.randint(0, (t['assess'] - t['start']).days))
        elif rng.random() < 0.5:
            consent_date = t['start']
        consent_valid_until = None
        if consent_date and rng.random() < 0.3:
            consent_valid_until = consent_date + days(730)

        def new_consent(date, parties, purpose, valid_until=None):
            case.add('consents', {
                    'purpose': purpose,
                    'date': date,
                    'form': weighted(rng, [('written', 8),
                            ('electronic', 1), ('oral', 1)]),
                    'valid_until': valid_until,
                    'data_categories': "Stammdaten, Aufenthaltsstatus, "
                    "Angaben zu Familie, Einkommen, Bildung und Gesundheit, "
                    "soweit für die Fallbearbeitung erforderlich.",
                    'recipients': [('add', [
                                self.partners[k] for k in parties])],
                    })
            self.counts['consents'] += 1

        consent_purpose = ("Einwilligung in das Case Management und "
            "Schweigepflichtentbindung gegenüber den genannten Stellen")
        if consent_date == t['start']:
            new_consent(consent_date, recipients, consent_purpose,
                consent_valid_until)
        self.contact(rng, case, t['start'], 'first', person)
        case.save()
        self.counts['cases'] += 1

        # Consent validity for referrals: (recipient, from, until)
        coverage = [(key, consent_date, consent_valid_until)
            for key in recipients] if consent_date else []

        if 'assess' in t:
            self.clock(t['assess'])
            if consent_date != t['start']:
                new_consent(consent_date, recipients, consent_purpose,
                    consent_valid_until)
            self.contact(rng, case, t['assess'], 'assessment', person)
            case.click('assess')

        end = t.get('close') or t.get('cancel') or today
        if 'cancel' in t:
            self.clock(t['cancel'])
            case.values['end_date'] = t['cancel']
            case.values['closure_note'] = rng.choice([
                    "Klient*in ist nach dem Erstgespräch nicht wieder "
                    "erschienen.",
                    "Zuständigkeit liegt beim Fallmanagement des "
                    "Jobcenters; Case Management nicht erforderlich.",
                    "Klient*in hat das Angebot nach Bedenkzeit "
                    "abgelehnt.",
                    "Doppelte Anlage: Fall wird bei einem anderen Träger "
                    "geführt.",
                    ])
            case.click('cancel')
            return case.done(fields=[])

        recorded = []

        def needs_and_situation():
            case.values['situation'] = rng.choice(SITUATIONS)
            for field in fields:
                case.add('needs', {
                        'field_of_action': self.fields[field],
                        'description': rng.choice(NEED_TEXTS[field]),
                        'priority': weighted(rng, [('high', 3),
                                ('normal', 5), ('low', 1)]),
                        })
                recorded.append(field)
                self.counts['needs'] += 1

        goals = []
        if 'plan' in t:
            self.clock(t['plan'])
            needs_and_situation()
            self.contact(rng, case, t['assess'] + days(
                    (t['plan'] - t['assess']).days // 2), 'assessment',
                person)
            case.click('plan')
        elif 'close' in t:
            # closed during the assessment
            if rng.random() < 0.5:
                needs_and_situation()

        if 'implement' in t:
            self.clock(t['implement'])
            for field in fields:
                for text in rng.sample(GOAL_TEXTS[field],
                        k=min(len(GOAL_TEXTS[field]),
                            weighted(rng, [(1, 3), (2, 1)]))):
                    agreed = t['implement']
                    goal = {
                        'field_of_action': self.fields[field],
                        'description': text,
                        'agreed_date': agreed,
                        'review_date': agreed + days(rng.randint(45, 180)),
                        }
                    case.add('goals', goal)
                    goals.append(goal)
                    self.counts['goals'] += 1
            self.contact(rng, case, t['implement'], 'planning', person)
            case.click('implement')

            # Back to planning when a goal turns out unrealistic
            run_end = min(end, today)
            if (run_end - t['implement']).days > 150 and rng.random() < 0.1:
                replan = t['implement'] + days(rng.randint(60, 120))
                self.clock(replan)
                self.contact(rng, case, replan, 'planning', person)
                case.click('plan')
                self.counts['re-planned'] += 1
                implement = min(replan + days(rng.randint(7, 21)), today)
                self.clock(implement)
                field = rng.choice(fields)
                goal = {
                    'field_of_action': self.fields[field],
                    'description': rng.choice(GOAL_TEXTS[field])
                    + " (angepasst)",
                    'agreed_date': implement,
                    'review_date': implement + days(90),
                    }
                case.add('goals', goal)
                goals.append(goal)
                self.counts['goals'] += 1
                case.click('implement')

            # Monitoring: contacts, referrals, extended consents, outcomes
            self.clock(run_end)
            self.monitoring_contacts(
                rng, case, spec, fields, t['implement'], run_end)
            extra = [p for p in PARTNERS if p[0] not in recipients]
            if rng.random() < 0.15 and extra:
                key = rng.choice(extra)[0]
                date = t['implement'] + days(rng.randint(
                        5, max(5, (run_end - t['implement']).days)))
                if date < run_end:
                    new_consent(date, [key], "Erweiterung der "
                        "Schweigepflichtentbindung")
                    coverage.append((key, date, None))
                    planned.append((self.partner_info[key][4][0], key))
            if (consent_valid_until and consent_valid_until < run_end):
                renewal = consent_valid_until - days(14)
                new_consent(renewal, recipients,
                    "Verlängerung der Einwilligung und "
                    "Schweigepflichtentbindung")
                coverage.extend((key, renewal, None) for key in recipients)
            # the consents must be recorded before the referrals
            case.save()
            for field, key in planned[:rng.randint(1, 3)]:
                windows = [(f, u) for k, f, u in coverage if k == key]
                if not windows:
                    continue
                start = max(t['implement'] - days(20), windows[0][0])
                until = min([run_end] + [u for _, u in windows if u])
                if until <= start:
                    continue
                date = start + days(rng.randint(0, (until - start).days))
                if not any(f <= date and (not u or date <= u)
                        for f, u in windows):
                    continue
                referral = {
                    'date': date,
                    'recipient': self.partners[key],
                    'legal_domain': self.legal_domain_for(key, person),
                    'field_of_action': self.fields[field],
                    'purpose': rng.choice(GOAL_TEXTS.get(
                            field, ["Unterstützung"])) + ".",
                    }
                if (run_end - date).days > 21:
                    referral['outcome'] = weighted(rng, [
                            ('service_received', 5), ('accepted', 3),
                            ('rejected', 1), ('broken_off', 1)])
                    referral['outcome_date'] = date + days(rng.randint(
                            7, min(90, (run_end - date).days)))
                    referral['outcome_note'] = {
                        'service_received': "Leistung wurde erbracht.",
                        'accepted': "Termin vergeben, Bearbeitung läuft.",
                        'rejected': "Nicht zuständig; Weiterverweisung "
                        "empfohlen.",
                        'broken_off': "Klient*in hat den Termin nicht "
                        "wahrgenommen.",
                        }[referral['outcome']]
                case.add('referrals', referral)
                self.counts['referrals'] += 1
            for goal in goals:
                if goal['review_date'] < run_end and rng.random() < 0.45:
                    goal['outcome'] = weighted(rng, [('achieved', 6),
                            ('partially_achieved', 2), ('not_achieved', 1)])
                    goal['outcome_date'] = goal['review_date']
                    case.update_line('goals', goal, {
                            'outcome': goal['outcome'],
                            'outcome_date': goal['outcome_date'],
                            })
            case.save()

        if 'close' in t:
            self.clock(t['close'])
            reason = weighted(rng, [('goal_reached', 35),
                    ('regular_service', 20), ('other_case_management', 8),
                    ('no_need', 7), ('moved_away', 12),
                    ('contact_broken', 13), ('other', 5)]
                if 'implement' in t else [('moved_away', 3),
                    ('contact_broken', 4), ('other_case_management', 3),
                    ('no_need', 1)])
            if 'reopen' in t:
                reason = rng.choice(['contact_broken', 'moved_away'])
            for goal in goals:
                if goal.get('outcome', 'open') == 'open':
                    outcome = weighted(rng, {
                            'goal_reached': [('achieved', 8),
                                ('partially_achieved', 2)],
                            'regular_service': [('achieved', 4),
                                ('partially_achieved', 4), ('open', 2)],
                            'no_need': [('achieved', 5),
                                ('partially_achieved', 2)],
                            }.get(reason, [('not_achieved', 3),
                                ('dropped', 3), ('partially_achieved', 1)]))
                    if outcome != 'open':
                        goal['outcome'] = outcome
                        case.update_line('goals', goal, {
                                'outcome': outcome,
                                'outcome_date': max(
                                    t['close'], goal['agreed_date']),
                                })
            if (reason == 'contact_broken' and case.lines['consents']
                    and rng.random() < 0.3):
                case.update_line('consents', case.lines['consents'][0], {
                        'withdrawal_date': t['close'],
                        'withdrawal_note': "Einwilligung telefonisch "
                        "widerrufen; Widerruf in der Akte vermerkt.",
                        })
                self.counts['consents withdrawn'] += 1
            if reason not in {'contact_broken', 'moved_away'}:
                self.contact(rng, case, t['close'], 'closure', person)
            case.values.update({
                    'closure_reason': self.closure_reasons[reason],
                    'closure_note': CLOSURE_NOTES[reason],
                    'end_date': t['close'],
                    })
            case.click('close')

        if 'reopen' in t:
            # The client is back: the team lead reopens the case
            lead = [s[0] for s in STAFF
                if s[3] == spec['org'] and s[4] == 'lead'][0]
            self.clock(t['reopen'])
            Case = self.model('kim.case', lead)
            try:
                Case.click([Case(case.id)], 'reopen')
            except RequiredValidationError as exception:
                # kim_case clears the closure reason while the case is
                # still closed, where the reason is required.
                if not self.counts['reopen failed']:
                    print("demo_data: WARNING: the 'Reopen' button fails, "
                        "the case stays closed: "
                        f"{exception.message}", file=sys.stderr)
                self.counts['reopen failed'] += 1
                return case.done(recorded)
            self.counts['reopened'] += 1
            self.clock(today)
            self.contact(rng, case, t['reopen'], 'assessment', person)
            self.monitoring_contacts(
                rng, case, spec, fields, t['reopen'], today)
            case.save()
        return case.done(recorded)

    def load_barriers(self, cases_by_org):
        rng = self.rng
        for org, title, description, field, legal, target in BARRIERS:
            cases = [c for c in cases_by_org[org]
                if field in c['fields'] and c['state'] != 'intake']
            if len(cases) < 2:
                cases = [c for c in cases_by_org[org]
                    if c['state'] != 'intake']
            # team leads link cases across their organisation, elsewhere a
            # case manager records the barrier for her own cases
            lead = [s[0] for s in STAFF if s[3] == org and s[4] == 'lead']
            if lead and rng.random() < 0.6:
                login = lead[0]
            else:
                login = Counter(c['manager'] for c in cases).most_common(
                    1)[0][0]
                cases = [c for c in cases if c['manager'] == login]
            linked = rng.sample(cases, k=min(len(cases), rng.randint(3, 9)))
            date = max(c['start'] for c in linked) + days(rng.randint(1, 40))
            date = min(date, self.today)
            self.clock(date)
            S = _Models(self, login)
            Barrier = S['kim.case.barrier']
            barrier = Barrier(name=title, description=description,
                date=date,
                field_of_action=S['kim.field_of_action'](self.fields[field]),
                legal_domain=S['kim.legal_domain'](self.legal_domains[legal]))
            if target:
                barrier.target_group = S['kim.case.target_group'](
                    self.target_groups[target])
            for c in sorted(linked, key=lambda c: c['id']):
                barrier.cases.append(S['kim.case'](c['id']))
            barrier.save()
            self.counts['barriers'] += 1
            self.counts['barrier links'] += len(linked)
            if rng.random() < 0.75:
                barrier.click('report')
                self.counts['barriers reported'] += 1

    def run(self):
        timer = time.monotonic()

        def step(msg):
            print(f"   [{time.monotonic() - timer:6.1f} s] {msg}", flush=True)

        if not self.check_empty():
            return False
        self.setup_language()
        step("language")
        self.setup_currency()
        self.setup_countries()
        step(f"currency and {self.counts['countries']} countries")
        self.setup_organisations()
        step(f"{self.counts['organisations']} organisations with case "
            "sequences")
        self.setup_partners()
        step(f"{self.counts['network partners']} network partners")
        self.setup_staff()
        step(f"{self.counts['employees']} employees and "
            f"{self.counts['users']} users")
        self.load_catalogs()
        specs = self.generate()
        self.load_clients(specs)
        step(f"{self.counts['clients']} clients")
        cases_by_org = defaultdict(list)
        for i, spec in enumerate(specs, 1):
            case = self.run_case(spec)
            case['start'] = spec['t']['start']
            cases_by_org[spec['org']].append(case)
            if i % 50 == 0:
                step(f"{i} cases")
        step(f"{len(specs)} cases")
        self.load_barriers(cases_by_org)
        self.clock(None)
        step(f"{self.counts['barriers']} structural barriers")
        FundingDemo(self).run()
        step(f"funding 2025–2026: {self.counts['funding posts']} posts, "
            f"{self.counts['funding contracts']} pass-through contracts")
        for key, value in sorted(self.counts.items()):
            print(f"   {key:30} {value:6}")
        return True

    def lookup_existing(self):
        "Find the records of the case demo that the funding demo uses"
        Company = self.model('company.company')
        Employee = self.model('company.employee')
        Country = self.model('country.country')
        Subdivision = self.model('country.subdivision')
        companies = {c.party.name: c.id for c in Company.find([])}
        self.companies = {key: companies[name]
            for key, name, *_ in ORGANISATIONS}
        employees = {e.party.name: e.id for e in Employee.find([])}
        self.employees = {login: employees[f"{first} {last}"]
            for login, first, last, *_ in STAFF}
        self.countries = {c.code: c.id for c in Country.find([])}
        self.subdivision_nw, = [s.id for s in Subdivision.find(
                [('code', '=', 'DE-NW')])]

    def run_funding(self):
        "Add the funding data to a database with the case data"
        Party = self.model('party.party')
        if not Party.find([('name', '=', ORGANISATIONS[0][1])]):
            print("demo_data: the case data is missing", file=sys.stderr)
            return False
        User = self.model('res.user')
        if User.find([('login', '=', FINANCE_STAFF[0][0])]):
            print("   the funding demo data is already loaded")
            return True
        self.lookup_existing()
        FundingDemo(self).run()
        for key, value in sorted(self.counts.items()):
            print(f"   {key:30} {value:6}")
        return True


class _CaseForm:
    """A case as edited in the form of the web client by one user: changes
    are collected and sent in one create or write, with the new and changed
    lines nested in it, when saving or clicking a button."""
    _tracked = ('goals', 'consents')

    def __init__(self, builder, login):
        self.builder = builder
        self.login = login
        self.id = None
        self.values = {}
        self.lines = defaultdict(list)
        self.to_create = defaultdict(list)
        self.to_write = defaultdict(list)

    def add(self, field, values):
        self.lines[field].append(values)
        self.to_create[field].append(values)

    def update_line(self, field, line, values):
        if '_id' in line:
            self.to_write[field].append((line['_id'], values))
        else:
            line.update(values)

    def save(self):
        values = dict(self.values)
        for field, lines in self.to_create.items():
            if lines:
                values.setdefault(field, []).append(('create', [
                            {k: v for k, v in l.items()
                                if not k.startswith('_')}
                            for l in lines]))
        for field, writes in self.to_write.items():
            for line_id, line_values in writes:
                values.setdefault(field, []).append(
                    ('write', [line_id], line_values))
        if not values:
            return
        rpc = self.builder.rpc
        if self.id is None:
            self.id, = rpc(self.login, 'kim.case', 'create', [values])
        else:
            rpc(self.login, 'kim.case', 'write', [self.id], values)
        tracked = [f for f in self._tracked if self.to_create.get(f)]
        if tracked:
            # remember the ids of the new lines to change them later
            record, = rpc(self.login, 'kim.case', 'read', [self.id], tracked)
            for field in tracked:
                known = {l['_id'] for l in self.lines[field] if '_id' in l}
                new_ids = sorted(set(record[field]) - known)
                for line, line_id in zip(self.to_create[field], new_ids):
                    line['_id'] = line_id
        self.values = {}
        self.to_create.clear()
        self.to_write.clear()

    def click(self, button):
        self.save()
        Case = self.builder.model('kim.case', self.login)
        Case.click([Case(self.id)], button)

    def done(self, fields):
        self.save()
        state, = self.builder.rpc(
            self.login, 'kim.case', 'read', [self.id], ['state'])
        state = state['state']
        self.builder.counts[f"state {state}"] += 1
        return {
            'id': self.id,
            'state': state,
            'manager': self.login,
            'fields': set(fields),
            }


class _Models(dict):
    "Model classes of one user, by name"

    def __init__(self, builder, login):
        super().__init__()
        self.builder = builder
        self.login = login

    def __missing__(self, name):
        model = self.builder.model(name, self.login)
        self[name] = model
        return model


def _UserConfig(base, login):
    "A proteus config for login that reuses the pool of base"
    from proteus.config import TrytondConfig
    from trytond.transaction import Transaction

    config = TrytondConfig.__new__(TrytondConfig)
    super(TrytondConfig, config).__init__()
    config.database = base.database
    config.database_name = base.database_name
    config._user = login
    config.config_file = base.config_file
    config.skip_warning = False
    config.pool = base.pool
    with Transaction().start(config.database_name, 0) as transaction:
        User = config.pool.get('res.user')
        with transaction.set_context(active_test=False):
            config.user, = [u.id for u in User.search(
                    [('login', '=', login)], limit=1)]
        with transaction.set_user(config.user):
            config._context = User.get_preferences(context_only=True)
    return config


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('-d', '--database', help="database name")
    parser.add_argument('-c', '--config', dest='config_file',
        help="trytond configuration file")
    parser.add_argument('--password', default=PASSWORD,
        help="password of the demo users (default: %(default)s)")
    parser.add_argument('--print-logins', action='store_true',
        help="print the demo logins and exit")
    parser.add_argument('--funding-only', action='store_true',
        help="add only the funding data (if missing) to a database with "
        "the case data")
    options = parser.parse_args()
    if options.print_logins:
        print_logins(options.password)
        return 0
    if not options.database:
        parser.error("the database is required")
    builder = Builder(options.database, options.config_file, options.password)
    if options.funding_only:
        return 0 if builder.run_funding() else 1
    if builder.run():
        print("   logins: python scenarios/demo/case.py --print-logins")
    return 0


if __name__ == '__main__':
    sys.exit(main())
