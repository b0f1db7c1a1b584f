# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, Unique, fields
from trytond.modules.currency.fields import Monetary
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.model import MessageValueMixin, format_amount

from .calculation import CENT
from .exceptions import FundingValidationError
from .grant import PaymentMixin
from .model import PeriodMixin
from .rate import AMOUNT_DIGITS


class Contract(AccessMixin, PeriodMixin, ModelSQL, ModelView):
    __string__ = "KIM Pass-through Contract"
    __name__ = 'kim.funding.contract'
    _period_within = 'grant'
    _rec_name = 'number'
    company = fields.Many2One(
        'company.company', "Organisation", required=True,
        help="The provider receiving the funds passed on.")
    grant = fields.Many2One(
        'kim.funding.grant', "Grant", required=True, ondelete='RESTRICT',
        domain=[('state', '=', 'confirmed')])
    number = fields.Char("Number", required=True)
    date = fields.Date("Date", required=True)
    start_date = fields.Date("Start Date", required=True)
    end_date = fields.Date("End Date", required=True)
    amount = Monetary(
        "Amount", currency='currency', digits=AMOUNT_DIGITS, required=True,
        domain=[('amount', '>=', 0)],
        help="The amount agreed to be passed on for the whole period.")
    currency = fields.Function(fields.Many2One(
            'currency.currency', "Currency"), 'on_change_with_currency')
    posts = fields.One2Many(
        'kim.funding.post', 'contract', "Posts", readonly=True)
    installments = fields.One2Many(
        'kim.funding.contract.installment', 'contract', "Schedule")
    payments = fields.One2Many(
        'kim.funding.contract.payment', 'contract', "Payments")
    eligible_amount = fields.Function(Monetary(
            "Eligible Amount", currency='currency', digits=AMOUNT_DIGITS,
            help="The flat rates earned by the staffing of the posts in "
            "the contract period."),
        'get_balance')
    paid_amount = fields.Function(Monetary(
            "Paid Amount", currency='currency', digits=AMOUNT_DIGITS,
            help="Payments passed on less refunds by the provider."),
        'get_balance')
    balance = fields.Function(Monetary(
            "Balance", currency='currency', digits=AMOUNT_DIGITS,
            help="Positive: the provider still has to receive it; "
            "negative: the provider has to pay it back."),
        'get_balance')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('number_unique', Unique(t, t.grant, t.number),
                'kim_funding.msg_contract_number_unique'),
            ]
        cls._sql_indexes.update({
                Index(t, (t.grant, Index.Equality())),
                Index(t, (t.company, Index.Equality())),
                })
        cls._order = [('start_date', 'DESC'), ('id', 'DESC')]

    @fields.depends('grant', '_parent_grant.start_date',
        '_parent_grant.end_date', 'start_date', 'end_date')
    def on_change_grant(self):
        if self.grant:
            self.start_date = self.start_date or self.grant.start_date
            self.end_date = self.end_date or self.grant.end_date

    @fields.depends('grant', '_parent_grant.company')
    def on_change_with_currency(self, name=None):
        if self.grant and self.grant.company:
            return self.grant.company.currency

    def get_rec_name(self, name):
        return f'{self.number} ({self.company.rec_name})'

    @classmethod
    def search_rec_name(cls, name, clause):
        return ['OR',
            ('number', *clause[1:]),
            ('company.party.name', *clause[1:]),
            ]

    @classmethod
    def get_balance(cls, contracts, names):
        result = {n: {} for n in names}
        for contract in contracts:
            eligible = contract.compute_eligible()
            paid = sum((p.signed_amount for p in contract.payments),
                Decimal(0))
            for name, value in [
                    ('eligible_amount', eligible),
                    ('paid_amount', paid),
                    ('balance', eligible - paid),
                    ]:
                if name in result:
                    result[name][contract.id] = value.quantize(CENT)
        return result

    def compute_eligible(self, start=None, end=None):
        "Return the eligible amount of the posts, capped by the contract"
        start = max(start or self.start_date, self.start_date)
        end = min(end or self.end_date, self.end_date)
        rate_of = self.grant.rate_finder()
        eligible = sum((m.eligible for p in self.posts
                for m in p.months(
                    start, end, self.grant.vacancy_rule, rate_of)),
            Decimal(0))
        return min(eligible, self.amount)

    @classmethod
    def validate_fields(cls, contracts, field_names):
        super().validate_fields(contracts, field_names)
        cls.check_company(contracts, field_names)

    @classmethod
    def check_company(cls, contracts, field_names=None):
        if field_names and not (field_names & {'company', 'grant'}):
            return
        for contract in contracts:
            if contract.company == contract.grant.company:
                raise FundingValidationError(gettext(
                        'kim_funding.msg_contract_own_company',
                        contract=contract.rec_name))


class Installment(AccessMixin, MessageValueMixin, ModelSQL, ModelView):
    __string__ = "KIM Pass-through Installment"
    __name__ = 'kim.funding.contract.installment'
    contract = fields.Many2One(
        'kim.funding.contract', "Contract", required=True,
        ondelete='CASCADE')
    date = fields.Date("Due Date", required=True)
    amount = Monetary(
        "Amount", currency='currency', digits=AMOUNT_DIGITS, required=True,
        domain=[('amount', '>=', 0)])
    currency = fields.Function(fields.Many2One(
            'currency.currency', "Currency"), 'on_change_with_currency')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('contract')
        cls._order = [('date', 'ASC'), ('id', 'ASC')]

    @fields.depends('contract', '_parent_contract.grant')
    def on_change_with_currency(self, name=None):
        if self.contract and self.contract.grant:
            return self.contract.grant.company.currency

    @classmethod
    def validate_fields(cls, installments, field_names):
        super().validate_fields(installments, field_names)
        if not field_names or (field_names & {'amount', 'contract'}):
            for contract in {i.contract for i in installments}:
                scheduled = sum(
                    (i.amount for i in contract.installments), Decimal(0))
                if scheduled > contract.amount:
                    raise FundingValidationError(gettext(
                            'kim_funding.msg_installments_over_amount',
                            contract=contract.rec_name,
                            scheduled=format_amount(
                                scheduled, contract.currency),
                            amount=format_amount(
                                contract.amount, contract.currency)))


class Payment(AccessMixin, PaymentMixin, ModelSQL, ModelView):
    __string__ = "KIM Pass-through Payment"
    __name__ = 'kim.funding.contract.payment'
    contract = fields.Many2One(
        'kim.funding.contract', "Contract", required=True,
        ondelete='CASCADE')
    kind = fields.Selection([
            ('payment', "Payment to the Provider"),
            ('refund', "Refund by the Provider"),
            ], "Kind", required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('contract')
        t = cls.__table__()
        cls._sql_indexes.add(
            Index(t, (t.contract, Index.Equality()), (t.year, Index.Range())))

    @fields.depends('contract', '_parent_contract.grant')
    def on_change_with_currency(self, name=None):
        if self.contract and self.contract.grant:
            return self.contract.grant.company.currency

    def get_grant(self):
        return self.contract.grant
