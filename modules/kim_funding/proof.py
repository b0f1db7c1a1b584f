# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The proof of use of a grant for one year.

Its figures are computed from the recorded staffing and stored with it, so
that a submitted proof keeps the figures as they were submitted."""
import datetime as dt
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, Workflow, fields
from trytond.modules.currency.fields import Monetary
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.migration import rename_model
from trytond.modules.kim.model import (
    MessageValueMixin, format_count, format_number)
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction

from . import calculation
from .exceptions import FrozenError, FundingValidationError
from .rate import AMOUNT_DIGITS, BUILDING_BLOCKS, FTE_DIGITS, KINDS


def _amount(string, help='', readonly=True):
    return Monetary(
        string, currency='currency', digits=AMOUNT_DIGITS, help=help,
        readonly=readonly)


class Proof(AccessMixin, MessageValueMixin, Workflow, ModelSQL, ModelView):
    __string__ = "KIM Proof of Use"
    __name__ = 'kim.funding.proof'
    # The states in which the proof keeps its figures and texts: every field
    # a user may change is then read-only
    _frozen_states = {'submitted', 'accepted'}
    # What the workflow still writes on a frozen proof: its state and dates,
    # and the figures and texts computed on submission
    _submitted_writable_fields = {
        'state', 'submitted_date', 'accepted_date',
        'income_approved', 'income_received', 'expense_approved',
        'expense_eligible', 'cap_amount', 'eligible_amount',
        'staff_report', 'figures_report', 'lines', 'months', 'staffing'}
    company = fields.Many2One(
        'company.company', "Organisation", required=True,
        help="The organisation giving the proof: the municipality to the "
        "granting authority, or a provider to the municipality.")
    grant = fields.Many2One(
        'kim.funding.grant', "Grant", required=True, ondelete='RESTRICT',
        domain=[('state', '=', 'confirmed')])
    contract = fields.Many2One(
        'kim.funding.contract', "Pass-through Contract",
        ondelete='RESTRICT',
        domain=[('grant', '=', Eval('grant', -1))],
        help="Set for the proof of a provider to the municipality.")
    year = fields.Integer("Year", required=True)
    state = fields.Selection([
            ('draft', "Draft"),
            ('submitted', "Submitted"),
            ('accepted', "Accepted"),
            ], "State", readonly=True, required=True, sort=False)
    due_date = fields.Date(
        "Due Date",
        help="The date by which the proof of use must be submitted: by "
        "default the end of the month set in the configuration after the "
        "year.")
    submitted_date = fields.Date("Submitted On", readonly=True)
    accepted_date = fields.Date("Accepted On", readonly=True)
    currency = fields.Function(fields.Many2One(
            'currency.currency', "Currency"), 'on_change_with_currency')

    # I. Narrative report
    activities = fields.Text(
        "Activities",
        help="What was done with the funding during the year.")
    results = fields.Text("Results", help="What was achieved.")
    staff_report = fields.Text(
        "Funded Staff",
        help="Filled by the computation from the staffing; may be "
        "completed.")
    figures_report = fields.Text(
        "Figures",
        help="Filled by the computation with the figures of the other KIM "
        "modules installed (cases, authority procedures).")

    # II. Numerical proof
    income_approved = _amount(
        "Grant as Approved", help="The grant of the Land as approved (for "
        "a provider: the flat rates of its posts).")
    income_received = _amount(
        "Grant as Received", help="The grant of the Land as received: "
        "payments of the year less refunds.")
    own_share_planned = _amount(
        "Own Share as Planned", readonly=False,
        help="The own share as planned in the grant notice.")
    own_share_actual = _amount(
        "Own Share as Spent", readonly=False,
        help="The own share as spent.")
    third_party_planned = _amount(
        "Third Parties as Planned", readonly=False,
        help="The contributions of third parties as planned in the grant "
        "notice.")
    third_party_actual = _amount(
        "Third Parties as Received", readonly=False,
        help="The contributions of third parties as received.")
    income_planned_total = fields.Function(_amount(
            "Total Income as Planned"), 'get_totals')
    income_actual_total = fields.Function(_amount(
            "Total Income as Received"), 'get_totals')
    expense_approved = _amount(
        "Expenses as Approved", help="The flat rates of the posts for the "
        "year as approved in the grant notice.")
    expense_eligible = _amount(
        "Expenses as Staffed", help="The flat rates earned by the "
        "staffing of the posts.")
    cap_amount = _amount(
        "Cut to Approved Amount", help="What the staffing earned beyond "
        "the amount approved per kind of post.")
    eligible_amount = _amount(
        "Eligible Amount", help="Expenses as staffed less the cut: the "
        "grant due for the year.")
    refund_due = fields.Function(_amount(
            "Refund Due", help="Received beyond the eligible amount."),
        'get_totals')
    amount_owed = fields.Function(_amount(
            "Amount Still Owed", help="Eligible beyond what was received."),
        'get_totals')

    lines = fields.One2Many(
        'kim.funding.proof.line', 'proof', "Expenses per Post",
        readonly=True)
    months = fields.One2Many(
        'kim.funding.proof.month', 'proof', "Calculation",
        readonly=True)
    staffing = fields.One2Many(
        'kim.funding.proof.staffing', 'proof', "Staffing List",
        readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(
            Index(t, (t.grant, Index.Equality()), (t.year, Index.Range())))
        cls._order = [('year', 'DESC'), ('id', 'DESC')]
        frozen = Eval('state').in_(sorted(cls._frozen_states))
        for name in dir(cls):
            field = getattr(cls, name)
            if (not name.startswith('_') and isinstance(field, fields.Field)
                    and not field.readonly):
                field.states['readonly'] = frozen
        cls._transitions |= {
            ('draft', 'submitted'),
            ('submitted', 'draft'),
            ('submitted', 'accepted'),
            }
        cls._buttons.update({
                'compute': {
                    'invisible': Eval('state') != 'draft',
                    'icon': 'tryton-refresh',
                    'depends': ['state'],
                    },
                'submit': {
                    'invisible': Eval('state') != 'draft',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'draft': {
                    'invisible': Eval('state') != 'submitted',
                    'icon': 'tryton-back',
                    'depends': ['state'],
                    },
                'accept': {
                    'invisible': Eval('state') != 'submitted',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                })

    @classmethod
    def __register__(cls, module):
        # Migration from 8.0.0: the proof of use was named statement
        rename_model(cls, 'kim.funding.statement')
        super().__register__(module)

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_state():
        return 'draft'

    @classmethod
    def default_year(cls):
        return Pool().get('ir.date').today().year - 1

    @classmethod
    def default_due_date(cls):
        return cls._due_date(cls.default_year())

    @classmethod
    def _due_date(cls, year):
        "The default due date of the proof of use of the year"
        Configuration = Pool().get('kim.funding.configuration')
        if not year or not (dt.MINYEAR < year < dt.MAXYEAR):
            return None
        months = 12 + Configuration(1).proof_due_months
        first = dt.date(year + months // 12, months % 12 + 1, 1)
        return first - dt.timedelta(days=1)

    @fields.depends('year')
    def on_change_year(self):
        self.due_date = self._due_date(self.year)

    @classmethod
    def preprocess_values(cls, mode, values):
        values = super().preprocess_values(mode, values)
        if mode == 'create' and 'due_date' not in values:
            values['due_date'] = cls._due_date(values.get('year'))
        return values

    @fields.depends('grant', 'contract', '_parent_grant.company',
        '_parent_contract.company')
    def on_change_contract(self):
        if self.contract:
            self.company = self.contract.company
        elif self.grant:
            self.company = self.grant.company

    @fields.depends(methods=['on_change_contract'])
    def on_change_grant(self):
        self.on_change_contract()

    @fields.depends('grant', '_parent_grant.company')
    def on_change_with_currency(self, name=None):
        if self.grant and self.grant.company:
            return self.grant.company.currency

    def get_rec_name(self, name):
        holder = self.contract.rec_name if self.contract else (
            self.grant.rec_name)
        return f'{self.year} {holder}'

    @classmethod
    def search_rec_name(cls, name, clause):
        return ['OR',
            ('grant.number', *clause[1:]),
            ('contract.number', *clause[1:]),
            ]

    @classmethod
    def get_totals(cls, proofs, names):
        result = {n: {} for n in names}
        zero = Decimal(0)
        for proof in proofs:
            planned = ((proof.income_approved or zero)
                + (proof.own_share_planned or zero)
                + (proof.third_party_planned or zero))
            actual = ((proof.income_received or zero)
                + (proof.own_share_actual or zero)
                + (proof.third_party_actual or zero))
            balance = ((proof.income_received or zero)
                - (proof.eligible_amount or zero))
            for name, value in [
                    ('income_planned_total', planned),
                    ('income_actual_total', actual),
                    ('refund_due', max(balance, zero)),
                    ('amount_owed', max(-balance, zero)),
                    ]:
                if name in result:
                    result[name][proof.id] = value.quantize(
                        calculation.CENT)
        return result

    @classmethod
    def validate_fields(cls, proofs, field_names):
        super().validate_fields(proofs, field_names)
        cls.check_grant(proofs, field_names)

    @classmethod
    def check_grant(cls, proofs, field_names=None):
        if field_names and not (field_names & {
                    'year', 'grant', 'contract', 'company'}):
            return
        for proof in proofs:
            grant, contract = proof.grant, proof.contract
            if proof.year not in grant.years():
                raise FundingValidationError(gettext(
                        'kim_funding.msg_proof_year',
                        year=proof.year, grant=grant.rec_name,
                        start_date=grant.start_date.year,
                        end_date=grant.end_date.year))
            holder = contract.company if contract else grant.company
            if proof.company != holder:
                raise FundingValidationError(gettext(
                        'kim_funding.msg_proof_company',
                        proof=proof.rec_name,
                        company=holder.rec_name))
            others = cls.search([
                    ('grant', '=', grant.id),
                    ('contract', '=', contract.id if contract else None),
                    ('year', '=', proof.year),
                    ('id', '!=', proof.id),
                    ], limit=1)
            if others:
                raise FundingValidationError(gettext(
                        'kim_funding.msg_proof_unique',
                        proof=proof.rec_name))

    @classmethod
    def check_modification(
            cls, mode, proofs, values=None, external=False):
        super().check_modification(
            mode, proofs, values=values, external=external)
        if mode == 'write' and set(values) <= cls._submitted_writable_fields:
            return
        if mode in {'write', 'delete'}:
            for proof in proofs:
                if proof.state in cls._frozen_states:
                    raise FrozenError(gettext(
                            'kim_funding.msg_proof_frozen',
                            proof=proof.rec_name))

    @classmethod
    def copy(cls, proofs, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('submitted_date', None)
        default.setdefault('accepted_date', None)
        for name in ['lines', 'months', 'staffing']:
            default.setdefault(name, None)
        return super().copy(proofs, default=default)

    @property
    def period(self):
        "The days of the year within the grant's period"
        return (
            max(dt.date(self.year, 1, 1), self.grant.start_date),
            min(dt.date(self.year, 12, 31), self.grant.end_date))

    @property
    def posts(self):
        if self.contract:
            return self.contract.posts
        return self.grant.posts

    @classmethod
    @ModelView.button
    def compute(cls, proofs, texts=True):
        for proof in proofs:
            if proof.state in cls._frozen_states:
                raise FrozenError(gettext(
                        'kim_funding.msg_proof_frozen',
                        proof=proof.rec_name))
        if proofs:
            cls.write(*sum(
                    ([[p], p._compute(texts=texts)] for p in proofs), []))

    def _compute(self, texts=True):
        """Return the values of the computed figures and, if texts or they
        are empty, of the texts of the narrative report"""
        pool = Pool()
        GrantPayment = pool.get('kim.funding.grant.payment')
        ContractPayment = pool.get('kim.funding.contract.payment')
        start, end = self.period
        grant = self.grant
        rate_of = grant.rate_finder()
        lines, months, staffing = [], [], []
        by_kind = {}
        for post in sorted(self.posts, key=lambda p: (p.name, p.id)):
            post_months = post.months(
                start, end, grant.vacancy_rule, rate_of)
            if not post_months:
                continue
            key = (post.line.building_block, post.line.kind)
            approved = sum((m.approved for m in post_months), Decimal(0))
            eligible = sum((m.eligible for m in post_months), Decimal(0))
            kind = by_kind.setdefault(key, {
                    'posts': 0, 'eligible': Decimal(0),
                    'staffed': Decimal(0)})
            kind['posts'] += 1
            kind['eligible'] += eligible
            kind['staffed'] += sum(
                (m.occupied * m.post_days / m.days for m in post_months),
                Decimal(0)) / calculation.MONTHS
            lines.append({
                    'post': post.id,
                    'fte': post.fte,
                    'approved_amount': approved,
                    'eligible_amount': eligible,
                    })
            months.extend({
                    'post': post.id,
                    'month': m.month,
                    'days': m.days,
                    'post_days': m.post_days,
                    'rate': m.rate,
                    'fte': m.fte,
                    'occupied': m.occupied,
                    'vacant_days': m.vacant_days,
                    'approved_amount': m.approved,
                    'eligible_amount': m.eligible,
                    } for m in post_months)
            for s in post.staffings:
                s_start = max(s.start_date, start)
                s_end = min(s.end_date or end, end)
                if s_start > s_end:
                    continue
                staffing.append({
                        'post': post.id,
                        'employee': s.employee.id,
                        'start_date': s_start,
                        'end_date': s_end,
                        'fte': s.fte,
                        'filled_months': calculation.filled_months(
                            s_start, s_end),
                        })

        cap = Decimal(0)
        if self.contract:
            income_approved = sum(
                (l['approved_amount'] for l in lines), Decimal(0))
            payments = ContractPayment.search([
                    ('contract', '=', self.contract.id),
                    ('year', '=', self.year),
                    ])
        else:
            approved = grant.approved_by_kind(start, end)
            income_approved = sum(approved.values(), Decimal(0))
            for key, kind in by_kind.items():
                cap += max(kind['eligible'] - approved.get(key, 0), 0)
            payments = GrantPayment.search([
                    ('grant', '=', grant.id),
                    ('year', '=', self.year),
                    ])
        expense_eligible = sum(
            (l['eligible_amount'] for l in lines), Decimal(0))
        figures = {
            'income_approved': income_approved,
            'income_received': sum(
                (p.signed_amount for p in payments), Decimal(0)),
            'expense_approved': sum(
                (l['approved_amount'] for l in lines), Decimal(0)),
            'expense_eligible': expense_eligible,
            'cap_amount': cap,
            'eligible_amount': expense_eligible - cap,
            }
        values = {n: v.quantize(calculation.CENT) for n, v in figures.items()}
        if texts or not self.staff_report:
            values['staff_report'] = self._staff_report(by_kind, start, end)
        if texts or not self.figures_report:
            values['figures_report'] = '\n\n'.join(self._report_figures())
        return values | {
            'lines': [('delete', [l.id for l in self.lines]),
                ('create', lines)],
            'months': [('delete', [m.id for m in self.months]),
                ('create', months)],
            'staffing': [('delete', [s.id for s in self.staffing]),
                ('create', staffing)],
            }

    def _staff_report(self, by_kind, start, end):
        "Return the text proving the funded staff per kind of post"
        approved_fte = {}
        for line in self.grant.effective_lines():
            first = max(line.start_date, start)
            last = min(line.effective_end_date, end)
            if first <= last:
                key = (line.building_block, line.kind)
                approved_fte[key] = approved_fte.get(key, 0) + (
                    line.fte * calculation.full_months(first, last)
                    / calculation.MONTHS)
        paragraphs = []
        Line = Pool().get('kim.funding.grant.line')
        selection = dict(Line.fields_get(['kind'])['kind']['selection'])
        for key, kind in sorted(by_kind.items()):
            paragraphs.append(gettext(
                    'kim_funding.msg_staff_report_kind',
                    kind=selection[key[1]],
                    posts=format_count(kind['posts']),
                    staffed=format_number(kind['staffed']),
                    approved=format_number(approved_fte.get(key, 0))))
        return '\n'.join(paragraphs)

    def _report_figures(self):
        """Return paragraphs with the figures of the year from other
        modules for the narrative report"""
        return []

    @classmethod
    @ModelView.button
    @Workflow.transition('submitted')
    def submit(cls, proofs):
        # The figures are frozen as computed now; texts completed by the
        # user are kept.
        cls.compute(proofs, texts=False)
        cls.write(proofs, {
                'submitted_date': Pool().get('ir.date').today(),
                })

    @classmethod
    @ModelView.button
    @Workflow.transition('draft')
    def draft(cls, proofs):
        cls.write(proofs, {'submitted_date': None})

    @classmethod
    @ModelView.button
    @Workflow.transition('accepted')
    def accept(cls, proofs):
        cls.write(proofs, {
                'accepted_date': Pool().get('ir.date').today(),
                })


class ProofLineMixin:
    "A computed row of a proof of use"
    __slots__ = ()
    proof = fields.Many2One(
        'kim.funding.proof', "Proof of Use", required=True,
        ondelete='CASCADE')
    post = fields.Many2One(
        'kim.funding.post', "Post", required=True, ondelete='RESTRICT')

    @classmethod
    def __register__(cls, module):
        # Migration from 8.0.0: the proof of use was named statement
        old = cls.__name__.replace('.proof.', '.statement.')
        rename_model(cls, old)
        table_h = cls.__table_handler__(module)
        table_h.column_rename('statement', 'proof')
        table_h.column_rename('vzae', 'fte')
        super().__register__(module)

    @classmethod
    def check_modification(cls, mode, lines, values=None, external=False):
        super().check_modification(
            mode, lines, values=values, external=external)
        for line in lines:
            if line.proof.state in line.proof._frozen_states:
                raise FrozenError(gettext(
                        'kim_funding.msg_proof_frozen',
                        proof=line.proof.rec_name))


class ProofAmountMixin(ProofLineMixin):
    "A computed row of a proof of use with amounts"
    __slots__ = ()
    currency = fields.Function(fields.Many2One(
            'currency.currency', "Currency"), 'on_change_with_currency')

    @fields.depends('proof', '_parent_proof.grant')
    def on_change_with_currency(self, name=None):
        if self.proof and self.proof.grant:
            return self.proof.grant.company.currency


class ProofLine(
        AccessMixin, ProofAmountMixin, ModelSQL, ModelView):
    __string__ = "KIM Proof of Use Line"
    __name__ = 'kim.funding.proof.line'
    employer = fields.Function(fields.Many2One(
            'company.company', "Organisation",
            help="The organisation employing the staff of the post."),
        'get_post_field')
    building_block = fields.Function(fields.Selection(
            BUILDING_BLOCKS, "Building Block"), 'get_post_field')
    kind = fields.Function(fields.Selection(
            KINDS, "Kind of Post"), 'get_post_field')
    fte = fields.Numeric("FTE", digits=FTE_DIGITS, readonly=True)
    approved_amount = Monetary(
        "As Approved", currency='currency', digits=AMOUNT_DIGITS,
        readonly=True,
        help="The flat rates of the post for its FTE as approved in the "
        "grant notice.")
    eligible_amount = Monetary(
        "As Staffed", currency='currency', digits=AMOUNT_DIGITS,
        readonly=True, help="The flat rates earned by the staffing.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('proof')
        cls._order = [('proof', 'ASC'), ('id', 'ASC')]

    def get_post_field(self, name):
        if name == 'employer':
            return self.post.company.id
        return getattr(self.post.line, name)


class ProofMonth(
        AccessMixin, ProofAmountMixin, ModelSQL, ModelView):
    __string__ = "KIM Proof of Use Month"
    __name__ = 'kim.funding.proof.month'
    month = fields.Date("Month", readonly=True)
    days = fields.Integer("Days of Month", readonly=True)
    post_days = fields.Integer(
        "Days of Post", readonly=True,
        help="The days of the month within the post's period.")
    rate = Monetary(
        "Rate", currency='currency', digits=AMOUNT_DIGITS, readonly=True,
        help="The rate per FTE and year of the grant line in force.")
    fte = fields.Numeric("FTE of Post", digits=FTE_DIGITS, readonly=True)
    occupied = fields.Numeric(
        "FTE Staffed", digits=(4, 4), readonly=True,
        help="Pro rata per day: the average over the days of the post; "
        "per full vacant month: the highest FTE staffed in the month.")
    vacant_days = fields.Integer("Vacant Days", readonly=True)
    approved_amount = Monetary(
        "As Approved", currency='currency', digits=AMOUNT_DIGITS,
        readonly=True)
    eligible_amount = Monetary(
        "As Staffed", currency='currency', digits=AMOUNT_DIGITS,
        readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('proof')
        cls._order = [('proof', 'ASC'), ('post', 'ASC'),
            ('month', 'ASC'), ('id', 'ASC')]


class ProofStaffing(
        AccessMixin, ProofLineMixin, ModelSQL, ModelView):
    __string__ = "KIM Proof of Use Staffing"
    __name__ = 'kim.funding.proof.staffing'
    employee = fields.Many2One(
        'company.employee', "Employee", readonly=True, ondelete='RESTRICT')
    start_date = fields.Date("From", readonly=True)
    end_date = fields.Date("To", readonly=True)
    fte = fields.Numeric("FTE", digits=FTE_DIGITS, readonly=True)
    filled_months = fields.Numeric(
        "Months Filled", digits=(4, 2), readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('proof')
        cls._order = [('proof', 'ASC'), ('post', 'ASC'),
            ('start_date', 'ASC'), ('id', 'ASC')]
