# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import datetime as dt
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import (
    Index, ModelSQL, ModelView, Unique, Workflow, fields)
from trytond.modules.currency.fields import Monetary
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.model import (
    MessageValueMixin, format_date, format_number)
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction

from . import calculation
from .configuration import VACANCY_RULE_HELP, VACANCY_RULES
from .exceptions import FrozenError, FundingValidationError, WorkflowError
from .model import PeriodMixin
from .rate import (
    AMOUNT_DIGITS, BUILDING_BLOCKS, FTE_DIGITS, KINDS, migrate_post_kinds)


class Grant(AccessMixin, PeriodMixin, Workflow, ModelSQL, ModelView):
    __string__ = "KIM Grant"
    __name__ = 'kim.funding.grant'
    _rec_name = 'number'

    _states = {
        'readonly': Eval('state') != 'draft',
        }
    company = fields.Many2One(
        'company.company', "Organisation", required=True, states=_states,
        help="The municipality receiving the grant: a district or a "
        "county-level city.")
    authority = fields.Many2One(
        'party.party', "Granting Authority", required=True,
        ondelete='RESTRICT', states=_states,
        context={
            'company': Eval('company', -1),
            },
        depends={'company'},
        help="The authority granting the funds, e.g. the district "
        "government of Arnsberg.")
    number = fields.Char(
        "File Number", required=True, states=_states,
        help="The file number of the grant notice.")
    date = fields.Date("Date of Notice", required=True, states=_states)
    start_date = fields.Date(
        "Start Date", required=True, states=_states,
        help="Start of the grant period.")
    end_date = fields.Date(
        "End Date", required=True, states=_states,
        help="End of the grant period.")
    vacancy_rule = fields.Selection(
        VACANCY_RULES, "Vacancy Rule", required=True, states=_states,
        help=VACANCY_RULE_HELP)
    currency = fields.Function(fields.Many2One(
            'currency.currency', "Currency"), 'on_change_with_currency')
    lines = fields.One2Many(
        'kim.funding.grant.line', 'grant', "Lines",
        filter=[('amendment', '=', None)],
        states=_states,
        help="The lines of the original grant notice.")
    all_lines = fields.One2Many(
        'kim.funding.grant.line', 'grant', "All Lines", readonly=True,
        help="The lines of the grant notice and of its amendments.")
    amendments = fields.One2Many(
        'kim.funding.grant.amendment', 'grant', "Amendments",
        states={
            'readonly': Eval('state') != 'confirmed',
            })
    payments = fields.One2Many(
        'kim.funding.grant.payment', 'grant', "Payments")
    posts = fields.One2Many(
        'kim.funding.post', 'grant', "Posts", readonly=True)
    contracts = fields.One2Many(
        'kim.funding.contract', 'grant', "Pass-through Contracts",
        readonly=True)
    approved_amount = fields.Function(Monetary(
            "Approved Amount", currency='currency', digits=AMOUNT_DIGITS,
            help="The amount approved for the whole period, amendments "
            "included."),
        'get_amounts')
    received_amount = fields.Function(Monetary(
            "Received Amount", currency='currency', digits=AMOUNT_DIGITS,
            help="Payments received from the Land less refunds."),
        'get_amounts')
    state = fields.Selection([
            ('draft', "Draft"),
            ('confirmed', "Confirmed"),
            ], "State", readonly=True, required=True, sort=False)

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('number_unique', Unique(t, t.company, t.number),
                'kim_funding.msg_grant_number_unique'),
            ]
        cls._sql_indexes.add(
            Index(t, (t.company, Index.Equality()),
                (t.start_date, Index.Range())))
        cls._order = [('start_date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'confirmed'),
            ('confirmed', 'draft'),
            }
        cls._buttons.update({
                'confirm': {
                    'invisible': Eval('state') != 'draft',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'draft': {
                    'invisible': Eval('state') != 'confirmed',
                    'icon': 'tryton-undo',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_state():
        return 'draft'

    @classmethod
    def default_vacancy_rule(cls, **pattern):
        pool = Pool()
        Configuration = pool.get('kim.funding.configuration')
        company = pattern.get('company', cls.default_company())
        return Configuration(1).get_multivalue(
            'vacancy_rule', company=company)

    @fields.depends('company')
    def on_change_company(self):
        self.vacancy_rule = self.default_vacancy_rule(
            company=self.company.id if self.company else None)

    @fields.depends('company')
    def on_change_with_currency(self, name=None):
        return self.company.currency if self.company else None

    def get_rec_name(self, name):
        start, end = self.start_date.year, self.end_date.year
        years = str(start) if start == end else f'{start}–{end}'
        return f'{self.number} ({years})'

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('number', *clause[1:])]

    @classmethod
    def get_amounts(cls, grants, names):
        result = {n: {g.id: Decimal('0.00') for g in grants} for n in names}
        for grant in grants:
            if 'approved_amount' in result:
                result['approved_amount'][grant.id] = sum(
                    (l.effective_amount for l in grant.effective_lines()),
                    Decimal(0))
            if 'received_amount' in result:
                result['received_amount'][grant.id] = sum(
                    (p.signed_amount for p in grant.payments), Decimal(0))
        return result

    def effective_lines(self):
        "Return the lines of the grant notice and its confirmed amendments"
        return [l for l in self.all_lines
            if not l.amendment or l.amendment.state == 'confirmed']

    def years(self):
        return range(self.start_date.year, self.end_date.year + 1)

    def rate_finder(self):
        """Return a function giving the rate of building block, kind and
        month from the effective lines, 0 where no line covers the month"""
        lines = sorted((l for l in self.effective_lines()
                if l.effective_end_date and l.start_date),
            key=lambda l: l.start_date, reverse=True)

        def rate_of(building_block, kind, month):
            for line in lines:
                if (line.building_block == building_block
                        and line.kind == kind
                        and line.start_date <= month
                        <= line.effective_end_date):
                    return line.rate
            return Decimal(0)
        return rate_of

    def approved_by_kind(self, start, end):
        """Return the approved amount per (building block, kind) for the
        months between start and end"""
        result = {}
        for line in self.effective_lines():
            key = (line.building_block, line.kind)
            result.setdefault(key, Decimal(0))
            result[key] += line.amount_between(start, end)
        return result

    @classmethod
    def check_modification(cls, mode, grants, values=None, external=False):
        super().check_modification(
            mode, grants, values=values, external=external)
        if mode == 'delete':
            for grant in grants:
                if grant.state != 'draft':
                    raise FrozenError(gettext(
                            'kim_funding.msg_grant_delete_confirmed',
                            grant=grant.rec_name))

    @classmethod
    def copy(cls, grants, default=None):
        default = default.copy() if default is not None else {}
        for name in ['amendments', 'payments', 'posts', 'contracts',
                'all_lines']:
            default.setdefault(name, None)
        return super().copy(grants, default=default)

    @classmethod
    @ModelView.button
    @Workflow.transition('confirmed')
    def confirm(cls, grants):
        for grant in grants:
            if not grant.lines:
                raise WorkflowError(gettext(
                        'kim_funding.msg_grant_no_lines',
                        grant=grant.rec_name))

    @classmethod
    @ModelView.button
    @Workflow.transition('draft')
    def draft(cls, grants):
        for grant in grants:
            if grant.amendments or grant.posts:
                raise WorkflowError(gettext(
                        'kim_funding.msg_grant_draft_used',
                        grant=grant.rec_name))


class GrantLine(AccessMixin, PeriodMixin, ModelSQL, ModelView):
    __string__ = "KIM Grant Line"
    __name__ = 'kim.funding.grant.line'
    _period_within = 'grant'
    # What is still written on the line of a confirmed grant notice: the
    # date from which an amendment replaces it
    _frozen_writable_fields = {'superseded_from'}
    _states = {
        'readonly': Eval('frozen', False),
        }
    grant = fields.Many2One(
        'kim.funding.grant', "Grant", required=True, ondelete='CASCADE',
        states=_states)
    amendment = fields.Many2One(
        'kim.funding.grant.amendment', "Amendment", ondelete='CASCADE',
        domain=[('grant', '=', Eval('grant', -1))],
        states=_states,
        help="The amendment that set this line; empty for the original "
        "grant notice.")
    building_block = fields.Selection(
        BUILDING_BLOCKS, "Building Block", required=True, states=_states)
    kind = fields.Selection(
        KINDS, "Kind of Post", required=True, states=_states)
    start_date = fields.Date(
        "Start Date", required=True, states=_states,
        help="The first day of a month.")
    end_date = fields.Date(
        "End Date", required=True, states=_states,
        help="The last day of a month in the same year.")
    fte = fields.Numeric(
        "FTE", digits=FTE_DIGITS, required=True, states=_states,
        domain=[('fte', '>=', 0)],
        help="The approved full-time equivalents.")
    rate = Monetary(
        "Rate", currency='currency', digits=AMOUNT_DIGITS, required=True,
        states=_states,
        domain=[('rate', '>=', 0)],
        help="The flat rate per FTE and year, filled from the rates of the "
        "year.")
    amount = fields.Function(Monetary(
            "Amount", currency='currency', digits=AMOUNT_DIGITS,
            help="Rate × FTE × months / 12 as stated in the grant notice."),
        'on_change_with_amount')
    superseded_from = fields.Date(
        "Superseded From", readonly=True,
        help="The effective date of the amendment that replaced the line.")
    effective_end_date = fields.Function(
        fields.Date("Effective End Date"), 'on_change_with_effective_end_date')
    effective_amount = fields.Function(Monetary(
            "Effective Amount", currency='currency', digits=AMOUNT_DIGITS,
            help="The amount for the months until the line was superseded."),
        'get_effective_amount')
    currency = fields.Function(fields.Many2One(
            'currency.currency', "Currency"), 'on_change_with_currency')
    frozen = fields.Function(
        fields.Boolean("Frozen"), 'on_change_with_frozen')

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(
            Index(t, (t.grant, Index.Equality()),
                (t.building_block, Index.Equality()),
                (t.kind, Index.Equality())))
        cls._order = [
            ('grant', 'ASC'), ('start_date', 'ASC'),
            ('building_block', 'ASC'), ('kind', 'ASC'), ('id', 'ASC')]

    @classmethod
    def __register__(cls, module):
        table_h = cls.__table_handler__(module)
        migrate_post_kinds(table_h, cls.__table__())
        table_h.column_rename('vzae', 'fte')
        super().__register__(module)

    @fields.depends('grant', '_parent_grant.start_date',
        '_parent_grant.end_date', 'amendment',
        '_parent_amendment.effective_date',
        methods=['on_change_with_rate'])
    def on_change_grant(self):
        if self.amendment and self.amendment.effective_date:
            self.start_date = self.amendment.effective_date
        elif self.grant and self.grant.start_date:
            self.start_date = self.grant.start_date
        if self.grant and self.grant.end_date and self.start_date:
            self.end_date = min(
                self.grant.end_date, self.start_date.replace(month=12, day=31))
        self.rate = self.on_change_with_rate()

    @fields.depends('_parent_amendment.grant', methods=['on_change_grant'])
    def on_change_amendment(self):
        if self.amendment and self.amendment.grant:
            self.grant = self.amendment.grant
        self.on_change_grant()

    @fields.depends('building_block', 'kind', 'start_date', 'rate')
    def on_change_with_rate(self):
        pool = Pool()
        Rate = pool.get('kim.funding.rate')
        if self.building_block and self.kind and self.start_date:
            rate = Rate.get_amount(
                self.building_block, self.kind, self.start_date.year)
            if rate is not None:
                return rate
        return self.rate

    @fields.depends('rate', 'fte', 'start_date', 'end_date')
    def on_change_with_amount(self, name=None):
        if (self.rate is not None and self.fte is not None
                and self.start_date and self.end_date
                and self.start_date <= self.end_date):
            return calculation.line_amount(
                self.rate, self.fte, self.start_date, self.end_date)

    @fields.depends('end_date', 'superseded_from')
    def on_change_with_effective_end_date(self, name=None):
        if self.superseded_from and self.end_date:
            return min(
                self.end_date, self.superseded_from - dt.timedelta(days=1))
        return self.end_date

    def get_effective_amount(self, name):
        return self.amount_between(self.start_date, self.end_date)

    def amount_between(self, start, end):
        "Return the amount of the effective months between start and end"
        first = max(self.start_date, start.replace(day=1))
        last = min(self.effective_end_date, calculation.month_end(end))
        if first > last:
            return Decimal(0)
        return calculation.line_amount(self.rate, self.fte, first, last)

    @fields.depends('grant', '_parent_grant.company')
    def on_change_with_currency(self, name=None):
        if self.grant and self.grant.company:
            return self.grant.company.currency

    @fields.depends('grant', '_parent_grant.state', 'amendment',
        '_parent_amendment.state')
    def on_change_with_frozen(self, name=None):
        if self.amendment:
            return self.amendment.state != 'draft'
        return bool(self.grant and self.grant.state != 'draft')

    def get_rec_name(self, name):
        kind = self.__class__.kind.translated('kind').__get__(
            self, self.__class__)
        return gettext('kim_funding.msg_grant_line_rec_name',
            kind=kind, year=self.start_date.year,
            fte=format_number(self.fte) if self.fte is not None else '')

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('grant.number', *clause[1:])]

    @classmethod
    def validate_fields(cls, lines, field_names):
        super().validate_fields(lines, field_names)
        cls.check_months(lines, field_names)
        cls.check_overlap(lines, field_names)

    @classmethod
    def check_months(cls, lines, field_names=None):
        if field_names and not (field_names & {
                    'start_date', 'end_date', 'amendment'}):
            return
        for line in lines:
            if (line.start_date.day != 1
                    or line.end_date != calculation.month_end(line.end_date)
                    or line.start_date.year != line.end_date.year):
                raise FundingValidationError(gettext(
                        'kim_funding.msg_line_months',
                        line=line.rec_name))
            if (line.amendment
                    and line.start_date < line.amendment.effective_date):
                raise FundingValidationError(gettext(
                        'kim_funding.msg_line_before_amendment',
                        line=line.rec_name,
                        date=format_date(line.amendment.effective_date)))

    @classmethod
    def check_overlap(cls, lines, field_names=None):
        if field_names and not (field_names & {
                    'start_date', 'end_date', 'building_block', 'kind',
                    'amendment', 'grant'}):
            return
        for line in lines:
            others = cls.search([
                    ('grant', '=', line.grant.id),
                    ('amendment', '=',
                        line.amendment.id if line.amendment else None),
                    ('building_block', '=', line.building_block),
                    ('kind', '=', line.kind),
                    ('start_date', '<=', line.end_date),
                    ('end_date', '>=', line.start_date),
                    ('id', '!=', line.id),
                    ], limit=1)
            if others:
                raise FundingValidationError(gettext(
                        'kim_funding.msg_line_overlap',
                        line=line.rec_name, other=others[0].rec_name))

    @classmethod
    def check_modification(cls, mode, lines, values=None, external=False):
        super().check_modification(
            mode, lines, values=values, external=external)
        if mode == 'write' and set(values) <= cls._frozen_writable_fields:
            return
        for line in lines:
            if line.frozen:
                raise FrozenError(gettext(
                        'kim_funding.msg_line_frozen', line=line.rec_name))


class Amendment(
        AccessMixin, MessageValueMixin, Workflow, ModelSQL, ModelView):
    __string__ = "KIM Grant Amendment"
    __name__ = 'kim.funding.grant.amendment'
    _rec_name = 'number'
    # What the workflow still writes on a confirmed amendment
    _confirmed_writable_fields = {'state'}
    _states = {
        'readonly': Eval('state') != 'draft',
        }
    grant = fields.Many2One(
        'kim.funding.grant', "Grant", required=True, ondelete='CASCADE',
        domain=[('state', '=', 'confirmed')], states=_states)
    number = fields.Char(
        "File Number", required=True, states=_states,
        help="The file number of the amendment notice.")
    date = fields.Date("Date of Notice", required=True, states=_states)
    effective_date = fields.Date(
        "Effective Date", required=True, states=_states,
        help="The first day of the month from which the new lines apply; "
        "the earlier lines are kept and apply until the day before.")
    reason = fields.Text("Reason", states=_states)
    lines = fields.One2Many(
        'kim.funding.grant.line', 'amendment', "Lines",
        domain=[('grant', '=', Eval('grant', -1))],
        states={
            'readonly': (Eval('state') != 'draft') | ~Eval('grant'),
            },
        help="The figures from the effective date on, for every line "
        "that changes.")
    state = fields.Selection([
            ('draft', "Draft"),
            ('confirmed', "Confirmed"),
            ], "State", readonly=True, required=True, sort=False)

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('effective_date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {('draft', 'confirmed')}
        cls._buttons.update({
                'confirm': {
                    'invisible': Eval('state') != 'draft',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_state():
        return 'draft'

    @classmethod
    def validate_fields(cls, amendments, field_names):
        super().validate_fields(amendments, field_names)
        cls.check_effective_date(amendments, field_names)

    @classmethod
    def check_effective_date(cls, amendments, field_names=None):
        if field_names and not (field_names & {'effective_date', 'grant'}):
            return
        for amendment in amendments:
            grant = amendment.grant
            if (amendment.effective_date.day != 1
                    or not (grant.start_date < amendment.effective_date
                        <= grant.end_date)):
                raise FundingValidationError(gettext(
                        'kim_funding.msg_amendment_effective_date',
                        amendment=amendment.rec_name,
                        start_date=format_date(grant.start_date),
                        end_date=format_date(grant.end_date)))

    @classmethod
    def check_modification(
            cls, mode, amendments, values=None, external=False):
        super().check_modification(
            mode, amendments, values=values, external=external)
        if mode == 'write' and set(values) <= cls._confirmed_writable_fields:
            return
        for amendment in amendments:
            if amendment.state != 'draft':
                raise FrozenError(gettext(
                        'kim_funding.msg_amendment_confirmed',
                        amendment=amendment.rec_name))

    @classmethod
    @ModelView.button
    @Workflow.transition('confirmed')
    def confirm(cls, amendments):
        pool = Pool()
        Line = pool.get('kim.funding.grant.line')
        to_save = []
        for amendment in sorted(amendments, key=lambda a: a.effective_date):
            if not amendment.lines:
                raise WorkflowError(gettext(
                        'kim_funding.msg_amendment_no_lines',
                        amendment=amendment.rec_name))
            date = amendment.effective_date
            changed = {(l.building_block, l.kind) for l in amendment.lines}
            for line in amendment.grant.effective_lines():
                if (line.amendment == amendment
                        or (line.building_block, line.kind) not in changed
                        or line.effective_end_date < date):
                    continue
                # A line starting later is replaced entirely.
                line.superseded_from = max(date, line.start_date)
                to_save.append(line)
        Line.save(to_save)


class PaymentMixin(MessageValueMixin):
    "A payment of a budget year: date, kind and amount"
    __slots__ = ()
    date = fields.Date("Date", required=True)
    year = fields.Integer(
        "Budget Year", required=True,
        help="The year of the grant the payment belongs to.")
    amount = Monetary(
        "Amount", currency='currency', digits=AMOUNT_DIGITS, required=True,
        domain=[('amount', '>=', 0)],
        help="Never negative: the kind tells a refund from a payment.")
    signed_amount = fields.Function(Monetary(
            "Signed Amount", currency='currency', digits=AMOUNT_DIGITS,
            help="The amount, negative for a refund."),
        'get_signed_amount')
    currency = fields.Function(fields.Many2One(
            'currency.currency', "Currency"), 'on_change_with_currency')
    description = fields.Char("Description")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @staticmethod
    def default_kind():
        return 'payment'

    @fields.depends('date', 'year')
    def on_change_date(self):
        if self.date and not self.year:
            self.year = self.date.year

    def get_signed_amount(self, name):
        return self.amount if self.kind == 'payment' else -self.amount

    def get_rec_name(self, name):
        kind = self.__class__.kind.translated('kind').__get__(
            self, self.__class__)
        return f'{kind} {format_date(self.date) if self.date else ""}'

    def get_grant(self):
        raise NotImplementedError

    @classmethod
    def validate_fields(cls, payments, field_names):
        super().validate_fields(payments, field_names)
        cls.check_year(payments, field_names)

    @classmethod
    def check_year(cls, payments, field_names=None):
        if field_names and not (field_names & {'year', 'grant', 'contract'}):
            return
        for payment in payments:
            grant = payment.get_grant()
            if payment.year not in grant.years():
                raise FundingValidationError(gettext(
                        'kim_funding.msg_payment_year',
                        payment=payment.rec_name, year=payment.year,
                        grant=grant.rec_name))


class Payment(AccessMixin, PaymentMixin, ModelSQL, ModelView):
    __string__ = "KIM Grant Payment"
    __name__ = 'kim.funding.grant.payment'
    grant = fields.Many2One(
        'kim.funding.grant', "Grant", required=True, ondelete='CASCADE')
    kind = fields.Selection([
            ('payment', "Payment from the Land"),
            ('refund', "Refund to the Land"),
            ], "Kind", required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(
            Index(t, (t.grant, Index.Equality()), (t.year, Index.Range())))

    @fields.depends('grant', '_parent_grant.company')
    def on_change_with_currency(self, name=None):
        if self.grant and self.grant.company:
            return self.grant.company.currency

    def get_grant(self):
        return self.grant
