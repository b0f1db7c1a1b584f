# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The integrators' guide: the scenarios ``scenarios/integrator_*.rst``
run as doctests against a real trytond.

A database of its own with kim_case and kim_funding on the backend of the
test run (the server of ``access_fixture``) gets what an administration
sets up before the integrator comes: German, the municipality and two
providers, their staff with logins, a client of the DRK, and the funding
of 2025 (rates, a grant with a case management post at the Caritas, its
contract and payment).
The scenarios then connect to the server over XML-RPC and JSON-RPC as
those users, in the order of their names, on the same database; the
address and the password come to them through ``KIM_URL`` and
``KIM_PASSWORD``."""
import datetime as dt
import doctest
import glob
import os
import unittest
from decimal import Decimal
from unittest import mock

from proteus import Model
from proteus.config import XmlrpcConfig

from trytond.modules.kim.tests.tools import (
    PASSWORD, create_employee, create_organisation, create_user)
from trytond.modules.kim_funding.tests.tools import create_grant, create_rates

from .access_fixture import Fixture, TrytonServer
from .rpc import Server

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIOS = sorted(glob.glob(
        os.path.join(ROOT, 'scenarios', 'integrator_*.rst')))
YEAR = 2025

# login: (name, organisation, groups as (module, XML id))
STAFF = {
    'maria': ("Maria Kowalski", 'caritas',
        [('kim_case', 'group_kim_case_manager')]),
    'tobias': ("Tobias Schmitt", 'caritas',
        [('kim_case', 'group_kim_case_manager')]),
    'monika': ("Monika Schäfer", 'caritas',
        [('kim_case', 'group_kim_team_lead')]),
    'fatma': ("Fatma Demir", 'drk',
        [('kim_case', 'group_kim_case_manager')]),
    'frank': ("Frank Weber", 'municipality',
        [('kim_funding', 'group_kim_funding_municipality')]),
    }
ORGANISATIONS = {
    'municipality': "Stadt Musterstadt – KI",
    'caritas': "Caritasverband Musterstadt e.V.",
    'drk': "DRK-Kreisverband Musterstadt e.V.",
    }


def prepare(server):
    "Set up the organisations, staff and funding the scenarios start from"
    admin = Fixture(server).config('admin')
    Lang = Model.get('ir.lang', config=admin)
    german, = Lang.find([('code', '=', 'de')])
    german.click('load_translations')

    companies = {key: create_organisation(name, config=admin)
        for key, name in ORGANISATIONS.items()}
    Party = Model.get('party.party', config=admin)
    Party(name="Jobcenter Musterstadt").save()
    arnsberg = Party(name="Bezirksregierung Arnsberg, Dezernat 36")
    arnsberg.save()
    create_rates([YEAR], config=admin)

    configs, employees = {}, {}
    for login, (name, key, groups) in STAFF.items():
        employee = create_employee(companies[key], name, config=admin)
        user = create_user(name, login, [companies[key]], groups,
            employee=employee, config=admin)
        user.language = Lang(german.id)
        user.save()
        session = Server(server.url).login(login, PASSWORD)
        configs[login] = XmlrpcConfig(
            server.url, headers=list(session.headers.items()))
        employees[login] = employee.id

    # A client of the DRK, whom no login of the Caritas may find
    Client = Model.get('kim.case.client', config=configs['fatma'])
    Party = Model.get('party.party', config=configs['fatma'])
    party = Party(name="Dmitri Orlov")
    party.save()
    Client(party=party, birth_date=dt.date(1988, 4, 2)).save()

    frank = configs['frank']
    Company = Model.get('company.company', config=frank)
    start, end = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)
    grant = create_grant(Company(companies['municipality'].id),
        Model.get('party.party', config=frank)(arnsberg.id),
        "36.08.01-2025", start, end, [('2', 'case_management', 1)],
        config=frank)
    Model.get('kim.funding.grant.payment', config=frank)(
        grant=grant, date=dt.date(YEAR, 1, 15), year=YEAR,
        amount=Decimal('57000.00')).save()
    Contract = Model.get('kim.funding.contract', config=frank)
    contract = Contract(company=Company(companies['caritas'].id),
        grant=grant, number="WV-CAR-2025", date=start, start_date=start,
        end_date=end, amount=Decimal('57000.00'))
    contract.payments.new(date=dt.date(YEAR, 1, 20), year=YEAR,
        amount=Decimal('57000.00'))
    contract.save()
    Post = Model.get('kim.funding.post', config=frank)
    post = Post(company=Company(companies['caritas'].id), grant=grant,
        line=grant.lines[0], name="Fallmanagement Caritas 1",
        contract=contract)
    post.staffings.new(
        employee=Model.get('company.employee', config=frank)(
            employees['maria']),
        start_date=dt.date(YEAR, 3, 1), fte=Decimal('1.00'))
    post.save()


class IntegratorTestCase(unittest.TestCase):
    "The scenarios of the integrators' guide against a real server"

    @classmethod
    def setUpClass(cls):
        cls.server = TrytonServer(modules=['kim_case', 'kim_funding'],
            prefix='test_kim_integrator')
        cls.addClassCleanup(cls.server.stop)
        cls.server.setup()
        prepare(cls.server)

    def test_scenarios(self):
        "Each scenario of the guide passes, in the order of their names"
        self.assertTrue(SCENARIOS)
        environ = {'KIM_URL': self.server.url, 'KIM_PASSWORD': PASSWORD}
        parser = doctest.DocTestParser()
        flags = doctest.REPORT_ONLY_FIRST_FAILURE | doctest.ELLIPSIS
        failures = []
        for path in SCENARIOS:
            name = os.path.relpath(path, ROOT)
            with open(path, encoding='utf-8') as fp:
                test = parser.get_doctest(
                    fp.read(), {'__file__': path}, name, path, 0)
            report = []
            runner = doctest.DocTestRunner(optionflags=flags)
            with mock.patch.dict(os.environ, environ):
                result = runner.run(test, out=report.append)
            if result.failed or not result.attempted:
                failures.append(f'{name}: {result.failed} of '
                    f'{result.attempted} examples failed\n' + ''.join(report))
        if failures:
            self.fail('\n'.join(failures))
