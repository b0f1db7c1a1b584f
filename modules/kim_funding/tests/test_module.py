# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import datetime as dt
import unittest
from decimal import Decimal

from lxml import etree

from trytond.modules.company.tests import (
    CompanyTestMixin, create_company, set_company)
from trytond.modules.kim.tests import AccessTestMixin, ViewTestMixin
from trytond.modules.kim_funding import calculation
from trytond.pool import Pool
from trytond.pyson import PYSONDecoder
from trytond.tests.test_tryton import ModuleTestCase, with_transaction

D = Decimal
RATE = D(57000)
YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def year_of_post(staffings, rule, fte=D(1), rate_of=lambda m: RATE):
    months = calculation.post_months(
        *YEAR, fte, staffings, rate_of, rule, *YEAR)
    return (sum(m.eligible for m in months), months)


class CalculationTestCase(unittest.TestCase):
    "Hand-computed figures of the money rules (rate 57,000 = 4,750/month)"

    def test_vacant_two_and_a_half_months_per_day(self):
        "Vacant 1 Jan – 15 Mar: 9 × 4,750 + 4,750 × 16/31"
        total, months = year_of_post(
            [(dt.date(2025, 3, 16), None, D(1))], 'day')
        self.assertEqual(months[2].eligible, D('2451.61'))
        self.assertEqual(months[2].vacant_days, 15)
        self.assertEqual(total, D('45201.61'))

    def test_vacant_two_and_a_half_months_per_month(self):
        "Vacant 1 Jan – 15 Mar: two full months cut"
        total, months = year_of_post(
            [(dt.date(2025, 3, 16), None, D(1))], 'month')
        self.assertEqual([m.eligible for m in months[:3]],
            [D(0), D(0), D('4750.00')])
        self.assertEqual(total, D('47500.00'))

    def test_shared_post(self):
        "Two employees at 0.5 each fill the post under both rules"
        staffings = [
            (dt.date(2025, 1, 1), None, D('0.5')),
            (dt.date(2025, 1, 1), dt.date(2025, 12, 31), D('0.5')),
            ]
        for rule in ['day', 'month']:
            with self.subTest(rule=rule):
                total, _ = year_of_post(staffings, rule)
                self.assertEqual(total, D('57000.00'))

    def test_half_staffed(self):
        "A 1.0 post staffed 0.5 earns half under both rules"
        for rule in ['day', 'month']:
            with self.subTest(rule=rule):
                total, _ = year_of_post(
                    [(dt.date(2025, 1, 1), None, D('0.5'))], rule)
                self.assertEqual(total, D('28500.00'))

    def test_change_mid_month(self):
        "A until 10 April, B from 21 April: 10 vacant days in April"
        staffings = [
            (dt.date(2025, 1, 1), dt.date(2025, 4, 10), D(1)),
            (dt.date(2025, 4, 21), None, D(1)),
            ]
        total, months = year_of_post(staffings, 'day')
        self.assertEqual(months[3].eligible, D('3166.67'))
        self.assertEqual(total, D('55416.67'))
        total, _ = year_of_post(staffings, 'month')
        self.assertEqual(total, D('57000.00'))

    def test_seamless_change(self):
        "A until 15 April, B from 16 April: nothing is cut"
        staffings = [
            (dt.date(2025, 1, 1), dt.date(2025, 4, 15), D(1)),
            (dt.date(2025, 4, 16), None, D(1)),
            ]
        for rule in ['day', 'month']:
            with self.subTest(rule=rule):
                total, months = year_of_post(staffings, rule)
                self.assertEqual(total, D('57000.00'))
                self.assertEqual(months[3].vacant_days, 0)

    def test_rate_change_between_years(self):
        "July 2022 – June 2023 at 55,000 then 57,000"
        rates = {2022: D(55000), 2023: D(57000)}
        start, end = dt.date(2022, 7, 1), dt.date(2023, 6, 30)
        for year, expected in [(2022, D('27500.00')), (2023, D('28500.00'))]:
            with self.subTest(year=year):
                months = calculation.post_months(
                    start, end, D(1), [(start, None, D(1))],
                    lambda m: rates[m.year], 'day',
                    dt.date(year, 1, 1), dt.date(year, 12, 31))
                self.assertEqual(len(months), 6)
                self.assertEqual(sum(m.eligible for m in months), expected)

    def test_post_starting_mid_month(self):
        "A post from 16 March has 16 of 31 days approved in March"
        months = calculation.post_months(
            dt.date(2025, 3, 16), dt.date(2025, 12, 31), D(1),
            [(dt.date(2025, 3, 16), None, D(1))], lambda m: RATE, 'month',
            *YEAR)
        self.assertEqual(months[0].approved, D('2451.61'))
        self.assertEqual(months[0].eligible, D('2451.61'))

    def test_line_amount(self):
        "Rate × FTE × months / 12, rounded to the cent"
        self.assertEqual(calculation.line_amount(
                D(57000), D(2), dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
            D('57000.00'))
        self.assertEqual(calculation.line_amount(
                D(45000), D('0.5'), dt.date(2025, 1, 1),
                dt.date(2025, 12, 31)),
            D('22500.00'))
        self.assertEqual(calculation.line_amount(
                D('55555.55'), D('0.33'), dt.date(2025, 1, 1),
                dt.date(2025, 1, 31)),
            D('1527.78'))

    def test_peak_fte(self):
        "The highest FTE staffed at once and its first day"
        self.assertEqual(calculation.peak_fte([
                    (dt.date(2025, 1, 1), None, D('0.5')),
                    (dt.date(2025, 3, 1), dt.date(2025, 3, 31), D('0.6')),
                    (dt.date(2025, 4, 1), None, D('0.5')),
                    ]),
            (D('1.1'), dt.date(2025, 3, 1)))

    def test_filled_months(self):
        "Months filled, days pro rata"
        self.assertEqual(calculation.filled_months(
                dt.date(2025, 3, 16), dt.date(2025, 12, 31)), D('9.52'))


class KimFundingTestCase(
        AccessTestMixin, ViewTestMixin, CompanyTestMixin, ModuleTestCase):
    "Test KIM Funding module"
    module = 'kim_funding'

    @with_transaction()
    def test_proof_list_without_totals(self):
        """The list of proofs of use adds no amounts up: a municipality's
        proof holds the amounts of its providers' proofs"""
        Proof = Pool().get('kim.funding.proof')
        arch = etree.fromstring(
            Proof.fields_view_get(view_type='tree')['arch'])
        self.assertEqual(
            [f.get('name') for f in arch.iterfind('field[@sum]')], [])
        self.assertIn('eligible_amount', [
                f.get('name') for f in arch.iterfind('field')])

    @with_transaction()
    def test_finance_board(self):
        """The start page of finance lists the posts vacant today and the
        proofs of use to submit by their due date, by default six months
        after the year"""
        pool = Pool()
        ActWindow = pool.get('ir.action.act_window')
        Date = pool.get('ir.date')
        Employee = pool.get('company.employee')
        Grant = pool.get('kim.funding.grant')
        ModelData = pool.get('ir.model.data')
        Party = pool.get('party.party')
        Post = pool.get('kim.funding.post')
        Proof = pool.get('kim.funding.proof')
        Rate = pool.get('kim.funding.rate')
        Staffing = pool.get('kim.funding.staffing')
        company = create_company()
        today = Date.today()
        start, end = dt.date(today.year - 1, 1, 1), dt.date(
            today.year, 12, 31)
        year_start = dt.date(today.year, 1, 1)
        with set_company(company):
            rates = Rate.create([{
                        'building_block': '2', 'kind': 'case_management',
                        'year': y, 'amount': RATE}
                    for y in range(start.year, end.year + 1)])
            authority, staff = Party.create(
                [{'name': "Bezirksregierung"}, {'name': "Anna Becker"}])
            grant, = Grant.create([{
                        'company': company.id, 'authority': authority.id,
                        'number': "AZ 1", 'date': start,
                        'start_date': start, 'end_date': end,
                        'lines': [('create', [{
                                        'building_block': '2',
                                        'kind': 'case_management',
                                        'start_date': dt.date(y, 1, 1),
                                        'end_date': dt.date(y, 12, 31),
                                        'fte': D(2), 'rate': r.id}
                                    for y, r in zip(
                                        [start.year, end.year], rates)])]}])
            Grant.confirm([grant])
            line, = [l for l in grant.lines if l.start_date == year_start]
            employees = Employee.create(
                [{'party': staff.id, 'company': company.id}] * 3)
            half, full, ended = Post.create([{
                        'company': company.id, 'grant': grant.id,
                        'line': line.id, 'name': n, 'fte': fte,
                        'start_date': year_start, 'end_date': e}
                    for n, fte, e in [("Half", D(1), end),
                        ("Full", D('0.5'), end),
                        ("Ended", D('0.5'), today - dt.timedelta(days=1))]])
            Staffing.create([{
                        'post': p.id, 'employee': employee.id, 'fte': fte,
                        'start_date': year_start, 'end_date': e}
                    for employee, (p, fte, e) in zip(employees, [
                        (half, D('0.5'), None),
                        (half, D('0.5'), today - dt.timedelta(days=1)),
                        (full, D('0.5'), None)])])
            self.assertEqual(Post.search([('vacant', '=', True)]), [half])
            self.assertEqual(
                Post.search([('vacant', '=', False)], order=[('id', 'ASC')]),
                [full, ended])
            self.assertEqual(
                [p.vacant for p in [half, full, ended]], [True, False, False])

            last, current = Proof.create([
                    {'grant': grant.id, 'year': y}
                    for y in [today.year - 1, today.year]])
            self.assertEqual(
                [p.due_date for p in [last, current]],
                [dt.date(today.year, 6, 30), dt.date(today.year + 1, 6, 30)])

            action = ActWindow(ModelData.get_id(
                    'kim_funding', 'act_board_proof_due'))
            tab, = action.act_window_domains
            domain = PYSONDecoder().decode(tab.domain)
            Proof.write([current], {'due_date': dt.date(today.year, 1, 31)})
            order = [tuple(o) for o in PYSONDecoder().decode(action.order)]
            self.assertEqual(
                Proof.search(domain, order=order), [current, last])

    @with_transaction()
    def test_proof_due_date_follows_year(self):
        "The due date of a proof follows the year entered and the months set"
        pool = Pool()
        Configuration = pool.get('kim.funding.configuration')
        Proof = pool.get('kim.funding.proof')
        config = Configuration(1)
        config.proof_due_months = 3
        config.save()
        proof = Proof(year=2025)
        proof.on_change_year()
        self.assertEqual(proof.due_date, dt.date(2026, 3, 31))
        config.proof_due_months = 0
        config.save()
        proof.on_change_year()
        self.assertEqual(proof.due_date, dt.date(2025, 12, 31))


class KimFundingCaseTestCase(
        AccessTestMixin, CompanyTestMixin, ModuleTestCase):
    "Test KIM Funding module with KIM Case"
    module = 'kim_funding'
    extras = ['kim_case']


del ModuleTestCase
