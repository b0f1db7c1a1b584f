# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The demo of kim_funding: the funding of Stadt Musterstadt by the Land in
2025 and 2026.

One grant notice of the Bezirksregierung Arnsberg for 2025–2026 with an
amendment from 1 July 2026 (case management 8.0 → 9.0 FTE), the funded
posts of the municipality and of the four providers with their staffing (a
vacancy, a change of employee in mid-month, a shared post and a parental
leave), the pass-through contracts with the providers and their quarterly
installments, the payments of the Land and the proofs of use: those of 2025
submitted and accepted, those of 2026 computed as drafts.

Every step is done by the user who does it in real life (the rates by the
administrator, the Kommune's records by its finance officer Frank Weber,
the staffing and proofs of Caritas by its finance officer Claudia Berger)
on its date, with the clock of ir.date moved to that date.  The posts are
staffed by the employees of the organisations (organisation.py), hired
here if the case demo has not hired them.  All figures are fixed
(data/funding.py): two runs give the same data.
"""
import datetime as dt
from decimal import Decimal

from .base import Part
from .data.funding import (
    ACTIVITIES_MUNICIPALITY, ACTIVITIES_PROVIDER, AMENDMENT, AMENDMENT_POSTS,
    AUTHORITY, AUTHORITY_ADDRESS, CONTRACTS, FINANCE_EMPLOYEE_START,
    FINANCE_GROUPS, FINANCE_ROLES, FINANCE_STAFF, FUNDING_READERS,
    GRANT_DATE, GRANT_END, GRANT_LINES, GRANT_NUMBER, GRANT_START,
    INSTALLMENT_DUE, INSTALLMENT_PAID, LAND_PAYMENTS, NEW_EMPLOYEES, POSTS,
    RATE_SOURCE, RATES, READ_GROUP, REFUNDS_2025, RESULTS_MUNICIPALITY,
    RESULTS_PROVIDER, PROOFS_2025, YEARS)
from .organisation import hire_staff


def _d(value):
    return Decimal(value)


def quarter_amounts(total, n=4):
    "Split total into n amounts in cents, the remainder on the last"
    part = (total / n).quantize(Decimal('0.01'))
    return [part] * (n - 1) + [total - part * (n - 1)]


def months_between(start, end):
    return (end.year - start.year) * 12 + end.month - start.month + 1


class FundingDemo(Part):
    module = 'kim_funding'
    title = "funding"
    staff = FINANCE_STAFF
    roles = FINANCE_ROLES

    def __init__(self, demo):
        super().__init__(demo)
        self.rates = {(b, k): _d(a) for b, k, a in RATES}
        self.events = []

    def is_loaded(self):
        User = self.model('res.user')
        return bool(User.find([('login', '=', FINANCE_STAFF[0][0])]))

    def build(self):
        hire_staff(self.demo)
        self.setup_users(self.hire_employees())
        self.setup_authority()
        self.plan()
        self.run_events()
        self.demo.step(f"funding 2025–2026: {self.counts['funding posts']} "
            f"posts, {self.counts['funding contracts']} pass-through "
            "contracts")

    # --- helpers ----------------------------------------------------------
    def get(self, name, login, id_):
        "The record id_ of model name as seen by login"
        return self.model(name, login)(id_)

    def at(self, date, description, function, *args):
        "Plan a step on its date"
        self.events.append((date, len(self.events), description, function,
                args))

    def run_events(self, until=None):
        "Run the planned steps in the order of their dates"
        until = until or self.today
        events, self.events = sorted(self.events), []
        for date, _, description, function, args in events:
            if date > until:
                self.counts['funding steps after today'] += 1
                continue
            self.clock(date)
            function(*args)
        self.clock(None)

    def employee(self, key):
        "Employee id of a login of the case demo or of NEW_EMPLOYEES"
        if key in self.demo.employees:
            return self.demo.employees[key]
        return self.new_employees[key]

    def approved(self, kind_fte, start, end):
        "The amount of lines (building_block, kind, fte) for the months"
        months = months_between(start, end)
        return sum((self.rates[(b, k)] * _d(v) * months / 12
                for b, k, v in kind_fte), Decimal(0)).quantize(
            Decimal('0.01'))

    def post_amount(self, post, start, end):
        "The flat rates of a post (as approved) between start and end"
        _, _, building_block, kind, _, fte, _, p_start, p_end, _ = post
        first = max(p_start or GRANT_START, start)
        last = min(p_end or GRANT_END, end)
        if first > last:
            return Decimal(0)
        return (self.rates[(building_block, kind)] * _d(fte)
            * months_between(first, last) / 12).quantize(Decimal('0.01'))

    # --- set-up by the administrator -------------------------------------
    def hire_employees(self):
        """The employees hired for funded posts and the finance officers;
        return the finance officers' employees"""
        demo = self.demo
        Party = demo.model('party.party')
        Employee = demo.model('company.employee')
        parties = [demo.new_party(Party, f"{first} {last}")
            for _, first, last, *_ in NEW_EMPLOYEES + FINANCE_STAFF]
        Party.save(parties)
        employees = []
        for (key, _, _, org, start, end), party in zip(
                NEW_EMPLOYEES, parties):
            employees.append(Employee(party=party,
                    company=demo.companies[org], start_date=start,
                    end_date=end))
        for (login, _, _, org, _), party in zip(
                FINANCE_STAFF, parties[len(NEW_EMPLOYEES):]):
            employees.append(Employee(party=party,
                    company=demo.companies[org],
                    start_date=FINANCE_EMPLOYEE_START[login]))
        Employee.save(employees)
        self.new_employees = {key: e.id
            for (key, *_), e in zip(NEW_EMPLOYEES, employees)}
        self.counts['funding employees'] = len(employees)
        return employees[len(NEW_EMPLOYEES):]

    def setup_users(self, finance_employees):
        "The logins of the finance officers and the readers of the funding"
        demo = self.demo
        Employee = demo.model('company.employee')
        User = demo.model('res.user')
        Group = demo.model('res.group')
        Company = demo.model('company.company')
        Lang = demo.model('ir.lang')
        de, = Lang.find([('code', '=', 'de')])
        Action = demo.model('ir.action')
        # their start page, opened at login
        start_page = demo.model('ir.action.act_window')(
            demo.ref('kim_funding', 'act_board_finance')).action.id
        users = []
        for (login, first, last, org, role), employee in zip(
                FINANCE_STAFF, finance_employees):
            user = User(name=f"{first} {last}", login=login)
            user.password = demo.password
            user.language = de
            user.groups.append(
                Group(demo.ref('kim_funding', FINANCE_GROUPS[role])))
            user.companies.append(Company(demo.companies[org]))
            user.company = Company(demo.companies[org])
            user.employees.append(Employee(employee.id))
            user.employee = Employee(employee.id)
            user.actions.append(Action(start_page))
            users.append(user)
        User.save(users)
        for user in User.find([('login', 'in', FUNDING_READERS)]):
            user.groups.append(Group(demo.ref('kim_funding', READ_GROUP)))
            user.save()
        self.counts['funding users'] = len(users)

    def setup_authority(self):
        Party = self.model('party.party')
        address_street, postal_code, city = AUTHORITY_ADDRESS
        authority = self.demo.new_party(
            Party, AUTHORITY, address_street, postal_code)
        authority.addresses[0].city = city
        authority.save()
        self.authority = authority.id

    def create_rates(self, year):
        Rate = self.model('kim.funding.rate', 'admin')
        Rate.save([Rate(building_block=building_block, kind=kind, year=year,
                    amount=amount, source=RATE_SOURCE.format(year=year))
                for (building_block, kind), amount in self.rates.items()])
        self.counts['funding rates'] += len(self.rates)

    # --- the municipality's finance officer -----------------------------
    def create_grant(self):
        Grant = self.model('kim.funding.grant', 'frank')
        Party = self.model('party.party', 'frank')
        grant = Grant(company=self.demo.companies['ki'],
            authority=Party(self.authority), number=GRANT_NUMBER,
            date=GRANT_DATE, start_date=GRANT_START, end_date=GRANT_END,
            vacancy_rule='day')
        for year in YEARS:
            for building_block, kind, fte in GRANT_LINES:
                line = grant.lines.new()
                line.building_block = building_block
                line.kind = kind
                line.start_date = max(GRANT_START, dt.date(year, 1, 1))
                line.end_date = min(GRANT_END, dt.date(year, 12, 31))
                line.fte = _d(fte)
                assert line.rate == self.rates[(building_block, kind)], (
                    line.rate)
        grant.save()
        grant.click('confirm')
        self.grant = grant.id
        self.lines = {(l.building_block, l.kind, l.start_date.year): l.id
            for l in grant.lines}

    def contract_amount(self, org, amended=False):
        "The flat rates of the provider's posts for the whole period"
        posts = [p for p in POSTS + (AMENDMENT_POSTS if amended else [])
            if p[1] == org]
        return sum((self.post_amount(p, GRANT_START, GRANT_END)
                for p in posts), Decimal(0))

    def installments(self, org, amended=False):
        "Return [(due date, amount)]: a quarter of the year's flat rates"
        posts = [p for p in POSTS + (AMENDMENT_POSTS if amended else [])
            if p[1] == org]
        result = []
        for year in YEARS:
            for month, day in INSTALLMENT_DUE:
                start = dt.date(year, month, 1)
                end = dt.date(year, month + 2, 1) + dt.timedelta(days=31)
                end = end.replace(day=1) - dt.timedelta(days=1)
                amount = sum((self.post_amount(p, start, end) for p in posts),
                    Decimal(0))
                result.append((dt.date(year, month, day), amount))
        return result

    def create_contract(self, org, number, date):
        Contract = self.model('kim.funding.contract', 'frank')
        Grant = self.model('kim.funding.grant', 'frank')
        contract = Contract(company=self.demo.companies[org],
            grant=Grant(self.grant), number=number, date=date,
            start_date=GRANT_START, end_date=GRANT_END,
            amount=self.contract_amount(org))
        for due, amount in self.installments(org):
            contract.installments.new(date=due, amount=amount)
        contract.save()
        self.contracts[org] = contract.id
        self.counts['funding contracts'] += 1

    def amend_contract(self, org):
        "The supplement for the post funded by the amendment"
        Contract = self.model('kim.funding.contract', 'frank')
        contract = Contract(self.contracts[org])
        contract.amount = self.contract_amount(org, amended=True)
        contract.save()
        due = dict(self.installments(org, amended=True))
        for installment in contract.installments:
            installment.amount = due[installment.date]
        contract.save()

    def create_post(self, post, line_year=2025, amendment_line=None):
        key, org, building_block, kind, name, fte, pay_grade, start, end, \
            staffing = post
        Post = self.model('kim.funding.post', 'frank')
        Grant = self.model('kim.funding.grant', 'frank')
        Line = self.model('kim.funding.grant.line', 'frank')
        Contract = self.model('kim.funding.contract', 'frank')
        record = Post(company=self.demo.companies[org],
            grant=Grant(self.grant), line=Line(amendment_line
                or self.lines[(building_block, kind, line_year)]),
            name=name, fte=_d(fte), pay_grade=pay_grade,
            start_date=start or GRANT_START, end_date=end or GRANT_END)
        if org in self.contracts:
            record.contract = Contract(self.contracts[org])
        record.save()
        self.posts[key] = record.id
        self.counts['funding posts'] += 1
        # The provider with a finance login records its staffing itself
        login = 'claudia' if org == 'car' else 'frank'
        Staffing = self.model('kim.funding.staffing', login)
        Post = self.model('kim.funding.post', login)
        Employee = self.model('company.employee', login)
        Staffing.save([Staffing(post=Post(record.id),
                    employee=Employee(self.employee(who)),
                    start_date=s_start, end_date=s_end, fte=_d(s_fte))
                for who, s_start, s_end, s_fte in staffing])
        self.counts['funding staffing'] += len(staffing)

    def land_payment(self, date, kind, year, amount, description):
        Payment = self.model('kim.funding.grant.payment', 'frank')
        Grant = self.model('kim.funding.grant', 'frank')
        Payment(grant=Grant(self.grant), kind=kind, date=date, year=year,
            amount=amount, description=description).save()
        self.counts['funding payments of the Land'] += 1

    def contract_payment(self, org, date, kind, year, amount, description):
        Payment = self.model('kim.funding.contract.payment', 'frank')
        Contract = self.model('kim.funding.contract', 'frank')
        Payment(contract=Contract(self.contracts[org]), kind=kind,
            date=date, year=year, amount=amount,
            description=description).save()
        self.counts['funding payments to providers'] += 1

    def pay_installment(self, org, due):
        "Pay the installment due on the date as it stands in the schedule"
        Contract = self.model('kim.funding.contract', 'frank')
        contract = Contract(self.contracts[org])
        amount, = [i.amount for i in contract.installments if i.date == due]
        quarter = (due.month - 1) // 3 + 1
        self.contract_payment(org, INSTALLMENT_PAID[due], 'payment',
            due.year, amount, f"Abschlag {quarter}. Quartal {due.year}")

    def pay_land(self, date, index):
        year = date.year
        lines = [(b, k, v) for b, k, v in GRANT_LINES]
        approved = self.approved(lines, dt.date(year, 1, 1),
            dt.date(year, 12, 31))
        if year == AMENDMENT['effective_date'].year and (
                date >= AMENDMENT['date']):
            # From the amendment on, the rest of the new total
            effective = AMENDMENT['effective_date']
            changed = {(b, k) for b, k, _ in AMENDMENT['lines']}
            before = [l for l in lines if (l[0], l[1]) in changed]
            approved += self.approved(AMENDMENT['lines'], effective,
                dt.date(year, 12, 31)) - self.approved(before, effective,
                dt.date(year, 12, 31))
            Payment = self.model('kim.funding.grant.payment', 'frank')
            paid = sum((p.signed_amount for p in Payment.find([
                            ('grant', '=', self.grant),
                            ('year', '=', year)])), Decimal(0))
            amount = quarter_amounts(approved - paid, 4 - index)[0]
        else:
            amount = quarter_amounts(approved)[index]
        self.land_payment(date, 'payment', year, amount,
            f"Fachbezogene Pauschalen {year}, {index + 1}. Rate")

    def amend_grant(self):
        Amendment = self.model('kim.funding.grant.amendment', 'frank')
        Grant = self.model('kim.funding.grant', 'frank')
        grant = Grant(self.grant)
        amendment = Amendment(grant=grant, number=AMENDMENT['number'],
            date=AMENDMENT['date'],
            effective_date=AMENDMENT['effective_date'],
            reason=AMENDMENT['reason'])
        for building_block, kind, fte in AMENDMENT['lines']:
            line = amendment.lines.new()
            line.grant = grant
            line.building_block = building_block
            line.kind = kind
            line.start_date = AMENDMENT['effective_date']
            line.end_date = dt.date(line.start_date.year, 12, 31)
            line.fte = _d(fte)
        amendment.save()
        amendment.click('confirm')
        self.amendment_lines = {(l.building_block, l.kind): l.id
            for l in amendment.lines}

    def create_amendment_posts(self):
        for post in AMENDMENT_POSTS:
            self.create_post(post, amendment_line=self.amendment_lines[
                    (post[2], post[3])])

    # --- proofs of use --------------------------------------------------
    def proof_login(self, org):
        return 'claudia' if org == 'car' else 'frank'

    def create_proof(self, org, year, texts=True):
        login = self.proof_login(org)
        Proof = self.model('kim.funding.proof', login)
        Grant = self.model('kim.funding.grant', login)
        Contract = self.model('kim.funding.contract', login)
        proof = Proof(grant=Grant(self.grant), year=year)
        if org:
            proof.contract = Contract(self.contracts[org])
        assert proof.company.id == self.demo.companies[org or 'ki']
        proof.save()
        proof.click('compute')
        if texts:
            proof.activities = (ACTIVITIES_PROVIDER if org
                else ACTIVITIES_MUNICIPALITY)
            proof.results = RESULTS_PROVIDER if org else RESULTS_MUNICIPALITY
            proof.save()
        self.proofs[(org, year)] = proof.id
        self.counts[f'funding proofs of use {year}'] += 1

    def refresh_draft_proofs(self):
        """Compute again the municipality's draft proofs of use: the parts
        built after the funding add figures to their narrative report"""
        Proof = self.model('kim.funding.proof', 'frank')
        drafts = Proof.find(
            [('state', '=', 'draft'), ('contract', '=', None)])
        for proof in drafts:
            proof.click('compute')
        self.counts['funding proofs computed again'] += len(drafts)

    def submit_proof(self, org, year):
        login = self.proof_login(org)
        Proof = self.model('kim.funding.proof', login)
        proof = Proof(self.proofs[(org, year)])
        proof.click('submit')

    def accept_proof(self, org, year):
        Proof = self.model('kim.funding.proof', 'frank')
        proof = Proof(self.proofs[(org, year)])
        proof.click('accept')

    def refund(self, org, year):
        "Record the refund due by the accepted proof of use"
        Proof = self.model('kim.funding.proof', 'frank')
        proof = Proof(self.proofs[(org, year)])
        assert proof.state == 'accepted'
        amount = proof.refund_due
        if not amount:
            return
        description = f"Rückzahlung lt. Verwendungsnachweis {year}"
        if org:
            self.contract_payment(org, self.demo.clock.date, 'refund', year,
                amount, description)
        else:
            self.land_payment(self.demo.clock.date, 'refund', year, amount,
                description)

    # --- the story ------------------------------------------------------
    def plan(self):
        self.contracts = {}
        self.posts = {}
        self.proofs = {}
        at = self.at
        at(dt.date(2024, 12, 2), "rates 2025", self.create_rates, 2025)
        at(GRANT_DATE, "grant", self.create_grant)
        for org, number, date, _ in CONTRACTS:
            at(date, f"contract {number}", self.create_contract,
                org, number, date)
        for post in POSTS:
            at(dt.date(2024, 12, 20), f"post {post[4]}", self.create_post,
                post)
        for org, _, _, _ in CONTRACTS:
            for due, _ in self.installments(org):
                at(INSTALLMENT_PAID[due], f"installment {org} {due}",
                    self.pay_installment, org, due)
        for index, date in enumerate(LAND_PAYMENTS):
            at(date, f"payment of the Land {date}", self.pay_land, date,
                index % 4)
        at(dt.date(2025, 12, 1), "rates 2026", self.create_rates, 2026)
        for org, created, submitted, accepted in PROOFS_2025:
            at(created, f"proof of use 2025 {org}", self.create_proof,
                org, 2025)
            at(submitted, f"submit 2025 {org}", self.submit_proof,
                org, 2025)
            at(accepted, f"accept 2025 {org}", self.accept_proof,
                org, 2025)
        for org, date in REFUNDS_2025:
            at(date, f"refund 2025 {org}", self.refund, org, 2025)
        at(AMENDMENT['date'], "amendment", self.amend_grant)
        at(AMENDMENT['date'] + dt.timedelta(days=8), "amendment posts",
            self.create_amendment_posts)
        for org, _, _, supplement in CONTRACTS:
            if supplement:
                at(supplement, f"supplement {org}", self.amend_contract,
                    org)
        # The drafts of the running year, computed today
        for org in [None, 'car', 'drk', 'dia', 'awo']:
            at(self.today, f"proof of use 2026 {org}",
                self.create_proof, org, 2026, False)
