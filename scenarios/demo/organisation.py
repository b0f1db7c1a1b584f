# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The demo of kim: German, the euro, the countries, the Kommune "Stadt
Musterstadt" and the four Träger as companies and the administrator
working for all of them; their staff are hired as employees by the first
part that needs them (hire_staff)."""
import datetime as dt
from decimal import Decimal

from proteus import Model

from .base import Part, days
from .data.organisations import COUNTRIES, ORGANISATIONS, STAFF


class OrganisationDemo(Part):
    module = 'kim'
    title = "organisations"

    def is_loaded(self):
        Party = self.model('party.party')
        return bool(Party.find([('name', '=', ORGANISATIONS[0][1])]))

    def build(self):
        demo = self.demo
        self.setup_language()
        demo.step("language")
        self.setup_currency()
        self.setup_countries()
        demo.step(f"currency and {self.counts['countries']} countries")
        self.setup_organisations()
        self.setup_admin()
        demo.step(f"{self.counts['organisations']} organisations")

    def lookup(self):
        demo = self.demo
        demo.lang_de, = [l.id for l in self.model('ir.lang').find(
                [('code', '=', 'de')])]
        demo.euro, = [c.id for c in self.model('currency.currency').find(
                [('code', '=', 'EUR')])]
        demo.countries = {c.code: c.id
            for c in self.model('country.country').find([])}
        demo.subdivision_nw, = [s.id for s in self.model(
                'country.subdivision').find([('code', '=', 'DE-NW')])]
        companies = {c.party.name: c.id
            for c in self.model('company.company').find([])}
        demo.companies = {key: companies[name]
            for key, name, *_ in ORGANISATIONS}
        employees = {e.party.name: e.id
            for e in self.model('company.employee').find([])}
        demo.employees = {login: employees[f"{first} {last}"]
            for login, first, last, *_ in STAFF
            if f"{first} {last}" in employees}

    def setup_language(self):
        demo = self.demo
        Lang = self.model('ir.lang')
        de, = Lang.find([('code', '=', 'de')])
        if not de.translatable:
            Lang.click([de], 'load_translations')
        demo.lang_de = de.id
        menu_id = demo.ref('kim', 'menu_kim')
        with demo.admin_config.set_context(language='de'):
            Menu = Model.get('ir.ui.menu', config=demo.admin_config)
            name = Menu(menu_id).name
        print(f"   German activated; menu 'KIM' in German: {name!r}")

    def setup_currency(self):
        Currency = self.model('currency.currency')
        euros = Currency.find([('code', '=', 'EUR')])
        if euros:
            euro, = euros
        else:
            euro = Currency(name="Euro", code='EUR', symbol='€',
                numeric_code='978', rounding=Decimal('0.01'), digits=2)
            euro.save()
        self.demo.euro = euro.id

    def setup_countries(self):
        demo = self.demo
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
        with demo.admin_config.set_context(language='de'):
            CountryDe = Model.get('country.country', config=demo.admin_config)
            records = []
            for code, _, _, _, name_de in COUNTRIES:
                record = CountryDe(countries[code].id)
                if record.name != name_de:
                    record.name = name_de
                    records.append(record)
            CountryDe.save(records)
        demo.countries = {code: c.id for code, c in countries.items()}
        if not Subdivision.find([('code', '=', 'DE-NW')]):
            Subdivision(country=countries['DE'], code='DE-NW',
                name="Nordrhein-Westfalen", type='state').save()
        demo.subdivision_nw, = [s.id for s in Subdivision.find(
                [('code', '=', 'DE-NW')])]
        self.counts['countries'] = len(countries)

    def setup_organisations(self):
        demo = self.demo
        Party = self.model('party.party')
        Company = self.model('company.company')
        parties = [demo.new_party(Party, name, street, pc)
            for _, name, _, street, pc in ORGANISATIONS]
        Party.save(parties)
        companies = [Company(party=p, currency=demo.euro,
                timezone='Europe/Berlin') for p in parties]
        Company.save(companies)
        demo.companies = {key: c.id
            for (key, *_), c in zip(ORGANISATIONS, companies)}
        self.counts['organisations'] = len(companies)

    def setup_admin(self):
        "The administrator works for all organisations, in German"
        demo = self.demo
        User = self.model('res.user')
        Group = self.model('res.group')
        Company = self.model('company.company')
        admin, = User.find([('login', '=', 'admin')])
        for company_id in demo.companies.values():
            if company_id not in [c.id for c in admin.companies]:
                admin.companies.append(Company(company_id))
        admin.company = Company(demo.companies['ki'])
        admin.company_filter = 'all'
        admin.language = self.model('ir.lang')(demo.lang_de)
        kim_admin = demo.ref('kim', 'group_kim_admin')
        if kim_admin not in [g.id for g in admin.groups]:
            admin.groups.append(Group(kim_admin))
        admin.save()
        demo.admin_config = demo.session('admin', refresh=True)


def hire_staff(demo):
    """The staff of the organisations as employees, the case managers under
    the team lead of their organisation, unless they are already hired"""
    if all(login in demo.employees for login, *_ in STAFF):
        return
    Party = demo.model('party.party')
    Employee = demo.model('company.employee')
    parties = [demo.new_party(Party, f"{first} {last}")
        for _, first, last, *_ in STAFF]
    Party.save(parties)
    employees = []
    for (login, first, last, org, role), party in zip(STAFF, parties):
        employees.append(Employee(party=party,
                company=demo.companies[org],
                start_date=dt.date(2022, 1, 1) + days(
                    demo.rng.randint(0, 600))))
    Employee.save(employees)
    leads = {}
    for (login, _, _, org, role), employee in zip(STAFF, employees):
        demo.employees[login] = employee.id
        if role == 'lead':
            leads[org] = employee.id
    supervised = []
    for (login, _, _, org, role), employee in zip(STAFF, employees):
        if role == 'manager' and org in leads:
            employee.supervisor = Employee(leads[org])
            supervised.append(employee)
    Employee.save(supervised)
    demo.counts['employees'] = len(employees)
