# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import datetime as dt
import json

from trytond.exceptions import UserError
from trytond.model.exceptions import AccessError, DomainValidationError
from trytond.modules.company.tests import (
    CompanyTestMixin, create_company, set_company)
from trytond.modules.kim.tests import (
    AccessTestMixin, OptionalViewsTestMixin, ViewTestMixin)
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction, check_access

from .test_calculation import *  # noqa: F401,F403


class AuthorityMixin:
    "A person with a residence history, and the users of the authorities"

    def _status(self, code):
        Status = Pool().get('kim.authority.residence_status')
        status, = Status.search([('code', '=', code)])
        return status

    def _procedure(self, kind, periods=(), authority='abh', **values):
        pool = Pool()
        Procedure = pool.get('kim.authority.procedure')
        Party = pool.get('party.party')
        party, = Party.create([{'name': "Amina Yusuf"}])
        procedure, = Procedure.create([{
                    'kind': kind, 'authority': authority, 'party': party.id,
                    'periods': [('create', [{
                                    'status': self._status(code).id,
                                    'start_date': start,
                                    'end_date': end,
                                    } for code, start, end in periods])],
                    **values}])
        return procedure

    def _user(self, login, company, group):
        pool = Pool()
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        user, = User.create([{
                    'name': login.title(), 'login': login,
                    'companies': [('add', [company.id])],
                    'company': company.id,
                    'groups': [('add', [
                                ModelData.get_id('kim_authority', group)])],
                    }])
        return user


class KimAuthorityTestCase(
        AuthorityMixin, OptionalViewsTestMixin, AccessTestMixin, ViewTestMixin,
        CompanyTestMixin, ModuleTestCase):
    "Test KIM Authority module"
    module = 'kim_authority'

    @with_transaction()
    def test_personal_data_of_procedure(self):
        """The right of access exports the procedures of the person with
        their periods and requirements to the data protection officer of
        the organisation, not to the one of another"""
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        Party = pool.get('party.party')
        User = pool.get('res.user')
        group = ModelData.get_id('kim', 'group_kim_data_protection')
        company, other = create_company(), create_company("Other")
        with set_company(company):
            procedure = self._procedure('25b', [
                    ('duldung', dt.date(2020, 3, 1), None)],
                override_reason="Reason of the override")
        dpo, other_dpo = User.create([{
                    'name': n, 'login': n.lower(),
                    'companies': [('add', [c.id])], 'company': c.id,
                    'groups': [('add', [group])],
                    } for n, c in [("Dana", company), ("Olga", other)]])
        with Transaction().set_user(dpo.id), set_company(company):
            data = json.loads(Party.kim_personal_json(procedure.party))
        sections = {s['model']: s for s in data['sections']}
        self.assertEqual(
            len(sections['kim.authority.procedure']['records']), 1)
        self.assertEqual(
            len(sections['kim.authority.requirement']['records']),
            len(procedure.requirements))
        period, = sections['kim.authority.residence_period']['records']
        self.assertIn(
            {'2020-03-01'}, [{v['value']} for v in period['fields']])
        self.assertIn("Reason of the override", json.dumps(data))
        with Transaction().set_user(other_dpo.id), set_company(other):
            with self.assertRaises(AccessError):
                Party.kim_personal_data(procedure.party)

    @with_transaction()
    def test_checklist_from_templates(self):
        "A procedure gets the checklist of its kind"
        company = create_company()
        with set_company(company):
            procedure = self._procedure('25b')
            self.assertEqual(
                [(r.check, r.mandatory) for r in procedure.requirements], [
                    ('residence_25b', True), ('language', True),
                    (None, True), (None, False), (None, True)])

    @with_transaction()
    def test_check_25b_residence_with_gap(self):
        "§ 25b: six years with a harmless gap of two months"
        Procedure = Pool().get('kim.authority.procedure')
        company = create_company()
        with set_company(company):
            procedure = self._procedure('25b', [
                    ('gestattung', dt.date(2018, 1, 1),
                        dt.date(2019, 12, 31)),
                    ('duldung', dt.date(2020, 3, 1), None),
                    ], application_date=dt.date(2026, 3, 1),
                german_level='B1')
            Procedure.check_requirements([procedure])
            residence, language = procedure.requirements[:2]
            self.assertEqual(residence.state, 'met')
            # in the language of the test, English
            self.assertIn('since 01/01/2018', residence.explanation)
            self.assertIn('harmless interruption 01/01/2020 – 02/29/2020',
                residence.explanation)
            self.assertEqual(language.state, 'met')

    @with_transaction()
    def test_check_25b_residence_too_short(self):
        "§ 25b: a four-month gap ends the residence: not met"
        Procedure = Pool().get('kim.authority.procedure')
        company = create_company()
        with set_company(company):
            procedure = self._procedure('25b', [
                    ('gestattung', dt.date(2018, 1, 1),
                        dt.date(2019, 12, 31)),
                    ('duldung', dt.date(2020, 5, 1), None),
                    ], application_date=dt.date(2026, 3, 1))
            Procedure.check_requirements([procedure])
            residence, language = procedure.requirements[:2]
            self.assertEqual(residence.state, 'not_met')
            self.assertIn('since 05/01/2020', residence.explanation)
            self.assertIn('interrupted 01/01/2020 – 04/30/2020',
                residence.explanation)
            self.assertEqual(language.state, 'unknown')

    @with_transaction()
    def test_periods_overlap(self):
        "Overlapping residence periods are refused"
        company = create_company()
        with set_company(company):
            with self.assertRaisesRegex(UserError, 'overlap'):
                self._procedure('25b', [
                        ('duldung', dt.date(2020, 1, 1), dt.date(2021, 1, 31)),
                        ('aufenthaltserlaubnis', dt.date(2021, 1, 31), None),
                        ])

    @with_transaction()
    def test_period_end_before_start(self):
        "A residence period ending before it starts is refused"
        company = create_company()
        with set_company(company):
            with self.assertRaises(DomainValidationError):
                self._procedure('25b', [
                        ('duldung', dt.date(2021, 1, 1), dt.date(2020, 1, 1))])

    @with_transaction()
    def test_decision_before_application(self):
        "A decision date before the application date is refused"
        company = create_company()
        with set_company(company):
            with self.assertRaises(DomainValidationError):
                self._procedure('25b', application_date=dt.date(2026, 3, 1),
                    decision_date=dt.date(2026, 2, 1))

    @with_transaction()
    def test_25a_age_limit(self):
        "§ 25a: an application on the 27th birthday is refused"
        Procedure = Pool().get('kim.authority.procedure')
        company = create_company()
        with set_company(company):
            late = self._procedure('25a', birth_date=dt.date(1999, 3, 1),
                application_date=dt.date(2026, 3, 1))
            with self.assertRaisesRegex(UserError, '27'):
                Procedure.apply([late])
            self.assertEqual(late.state, 'precheck')
            in_time = self._procedure('25a', birth_date=dt.date(1999, 3, 1),
                application_date=dt.date(2026, 2, 28))
            Procedure.apply([in_time])
            self.assertEqual(in_time.state, 'applied')
            age = in_time.requirements[0]
            self.assertEqual((age.check, age.state), ('age_25a', 'met'))

    @with_transaction()
    def test_104c_closed_after_2025(self):
        "No new § 104c application after 31 December 2025"
        Procedure = Pool().get('kim.authority.procedure')
        company = create_company()
        with set_company(company):
            procedure = self._procedure(
                '104c', application_date=dt.date(2026, 1, 2))
            with self.assertRaisesRegex(UserError, '12/31/2025'):
                Procedure.apply([procedure])

    @with_transaction()
    def test_grant_unmet_needs_reason(self):
        "Granting with unmet mandatory lines needs a documented reason"
        pool = Pool()
        Procedure = pool.get('kim.authority.procedure')
        Requirement = pool.get('kim.authority.requirement')
        company = create_company()
        with set_company(company):
            procedure = self._procedure('stag10', [
                    ('aufenthaltserlaubnis', dt.date(2018, 1, 1), None)],
                authority='ebh', application_date=dt.date(2026, 3, 1),
                german_level='B1')
            Procedure.apply([procedure])
            self.assertEqual(procedure.fee, 255)
            manual = [r for r in procedure.requirements if not r.check]
            Requirement.write(manual[1:], {'state': 'met'})
            with self.assertRaisesRegex(UserError, manual[0].name):
                Procedure.grant([procedure])
            self.assertEqual(procedure.state, 'applied')
            user = self._user('eva', company, 'group_kim_authority_ebh')
            procedure.override_reason = "Test in Vorbereitung, Härtefall."
            procedure.save()
            with Transaction().set_user(user.id), check_access():
                Procedure.grant([Procedure(procedure.id)])
            procedure = Procedure(procedure.id)
            self.assertEqual(procedure.state, 'granted')
            self.assertTrue(procedure.override)
            self.assertEqual(procedure.override_by, user)
            with self.assertRaises(AccessError):
                procedure.decision = "Anders"
                procedure.save()

    @with_transaction()
    def test_104c_permit_and_deadline(self):
        "A § 104c permit runs 18 months; its conversion deadline is notified"
        pool = Pool()
        Procedure = pool.get('kim.authority.procedure')
        Requirement = pool.get('kim.authority.requirement')
        Notification = pool.get('res.notification')
        Date = pool.get('ir.date')
        company = create_company()
        today = Date.today()
        with set_company(company):
            procedure = self._procedure('104c', [
                    ('duldung', dt.date(2016, 5, 1), None)],
                application_date=dt.date(2025, 6, 1))
            Procedure.apply([procedure])
            Requirement.write([r for r in procedure.requirements
                    if not r.check], {'state': 'met'})
            start = today - dt.timedelta(days=480)
            procedure.permit_valid_from = start
            procedure.save()
            Procedure.grant([procedure])
            expiry = start.replace(year=start.year + 1)
            self.assertEqual(procedure.permit_valid_until,
                pool.get('ir.date').today() and procedure.permit_valid_until)
            self.assertGreater(procedure.permit_valid_until, expiry)
            self.assertEqual(procedure.conversion_deadline,
                procedure.permit_valid_until - dt.timedelta(days=90))
            Procedure.notify_deadlines()
            Procedure.notify_deadlines()
            notification, = Notification.search([])
            self.assertEqual(notification.user.id, Transaction().user)
            self.assertEqual(procedure.reminder_date, today)

    @with_transaction()
    def test_person_of_procedure_kept(self):
        "The person of a procedure is not erased, even by another authority"
        pool = Pool()
        Erase = pool.get('party.erase', type='wizard')
        Party = pool.get('party.party')
        company = create_company()
        with set_company(company):
            procedure = self._procedure('stag10', authority='ebh')
            other, = Party.create([{'name': "Jonas Weber"}])
            party = procedure.party
            self.assertEqual(
                Party.kim_needed([party, other]), {party.id})
            Party.write([party, other], {'active': False})
            session_id, _, _ = Erase.create()
            alex = self._user('alex', company, 'group_kim_authority_abh')
            with Transaction().set_user(alex.id):
                with self.assertRaises(UserError):
                    Erase(session_id).check_erase(party)
                Erase(session_id).check_erase(other)

    @with_transaction()
    def test_authorities_apart(self):
        "The staff of each authority see its procedures only"
        Procedure = Pool().get('kim.authority.procedure')
        company = create_company()
        with set_company(company):
            abh = self._procedure('25b')
            ebh = self._procedure('stag10', authority='ebh')
            alex = self._user('alex', company, 'group_kim_authority_abh')
            eva = self._user('eva', company, 'group_kim_authority_ebh')
            for user, procedure in [(alex, abh), (eva, ebh)]:
                with Transaction().set_user(user.id), check_access():
                    self.assertEqual(Procedure.search([]), [procedure])

    @with_transaction()
    def test_statistics(self):
        "Procedures, persons secured and durations are counted in SQL"
        pool = Pool()
        Procedure = pool.get('kim.authority.procedure')
        Statistics = pool.get('kim.authority.statistics')
        company = create_company()
        with set_company(company):
            first, second, third = procedures = [
                self._procedure('stag10', authority='ebh',
                    application_date=dt.date(2026, 1, 10),
                    decision_date=dt.date(2026, 1, 10) + dt.timedelta(days=d),
                    override_reason="Test")
                for d in [30, 60, 90]]
            Procedure.apply(procedures)
            eva = self._user('eva', company, 'group_kim_authority_ebh')
            with Transaction().set_user(eva.id):
                Procedure.grant([first, second])
                Procedure.refuse([third])
                Procedure.close([first])
            rows = Statistics.search([])
            self.assertEqual(sorted(
                    (r.year, r.state, r.outcome, r.procedures, r.secured,
                        r.duration) for r in rows), [
                    (2026, 'closed', 'granted', 1, 1, 30.0),
                    (2026, 'granted', 'granted', 1, 1, 60.0),
                    (2026, 'refused', 'refused', 1, 0, 90.0),
                    ])

    @with_transaction()
    def test_naturalisation_fees(self):
        "255 € per person, 51 € per minor naturalised with a parent"
        Procedure = Pool().get('kim.authority.procedure')
        company = create_company()
        with set_company(company):
            adult, minor = [self._procedure('stag10', authority='ebh',
                    application_date=dt.date(2026, 3, 1),
                    minor_with_parent=m) for m in [False, True]]
            Procedure.apply([adult, minor])
            self.assertEqual((adult.fee, minor.fee), (255, 51))

    @with_transaction()
    def test_ebh_kinds(self):
        "The naturalisation authority handles naturalisation only"
        company = create_company()
        with set_company(company):
            with self.assertRaises(DomainValidationError):
                self._procedure('25b', authority='ebh')


class KimAuthorityCaseFundingTestCase(
        AuthorityMixin, OptionalViewsTestMixin, AccessTestMixin,
        CompanyTestMixin, ModuleTestCase):
    "Test KIM Authority module with kim_case and kim_funding"
    module = 'kim_authority'
    extras = ['kim_case', 'kim_funding']


del ModuleTestCase
