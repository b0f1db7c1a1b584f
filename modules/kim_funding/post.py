# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from decimal import Decimal

from sql import Null

from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.modules.kim.access import AccessMixin
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction

from . import calculation
from .exceptions import FundingValidationError, StaffingError
from .grant import PeriodMixin, format_date
from .rate import BAUSTEINE, KINDS, VZAE_DIGITS

ONE = Decimal('1.00')


class Post(AccessMixin, PeriodMixin, ModelSQL, ModelView):
    __string__ = "KIM Funded Post"
    __name__ = 'kim.funding.post'
    _period_within = 'grant'
    company = fields.Many2One(
        'company.company', "Employer", required=True,
        help="The organisation employing the staff: the Kommune or a "
        "Träger.")
    grant = fields.Many2One(
        'kim.funding.grant', "Grant", required=True, ondelete='RESTRICT',
        domain=[('state', '=', 'confirmed')])
    line = fields.Many2One(
        'kim.funding.grant.line', "Grant Line", required=True,
        ondelete='RESTRICT',
        domain=[
            ('grant', '=', Eval('grant', -1)),
            ],
        help="The line of the Bescheid funding the post; it gives the "
        "Baustein and kind of post.")
    name = fields.Char(
        "Designation", required=True,
        help="A name for the post, e.g. \"Case Management Caritas 1\".")
    baustein = fields.Function(fields.Selection(
            BAUSTEINE, "Baustein"), 'on_change_with_baustein',
        searcher='search_line_field')
    kind = fields.Function(fields.Selection(
            KINDS, "Kind of Post"), 'on_change_with_kind',
        searcher='search_line_field')
    vzae = fields.Numeric(
        "VZÄ", digits=VZAE_DIGITS, required=True,
        help="The full-time equivalents of the post.")
    start_date = fields.Date("Start Date", required=True)
    end_date = fields.Date("End Date", required=True)
    pay_grade = fields.Char(
        "Pay Grade", help="E.g. \"TVöD-SuE S 12\" or \"TV-L E 10\".")
    contract = fields.Many2One(
        'kim.funding.contract', "Pass-through Contract",
        ondelete='RESTRICT',
        domain=[
            ('grant', '=', Eval('grant', -1)),
            ('company', '=', Eval('company', -1)),
            ],
        help="The Weiterleitungsvertrag passing the funds to the Träger.")
    staffings = fields.One2Many(
        'kim.funding.staffing', 'post', "Staffing")
    staffed_vzae = fields.Function(fields.Numeric(
            "Staffed VZÄ", digits=VZAE_DIGITS,
            help="The VZÄ staffed today."),
        'get_staffed_vzae')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.grant, Index.Equality())),
                Index(t, (t.company, Index.Equality())),
                Index(t, (t.contract, Index.Equality()),
                    where=t.contract != Null),
                })
        cls._order = [('grant', 'DESC'), ('name', 'ASC'), ('id', 'ASC')]

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_vzae():
        return ONE

    @fields.depends('grant', '_parent_grant.start_date',
        '_parent_grant.end_date', 'start_date', 'end_date')
    def on_change_grant(self):
        if self.grant:
            self.start_date = self.start_date or self.grant.start_date
            self.end_date = self.end_date or self.grant.end_date

    @fields.depends('line')
    def on_change_with_baustein(self, name=None):
        return self.line.baustein if self.line else None

    @fields.depends('line')
    def on_change_with_kind(self, name=None):
        return self.line.kind if self.line else None

    @classmethod
    def search_line_field(cls, name, clause):
        return [(f'line.{name}', *clause[1:])]

    @classmethod
    def get_staffed_vzae(cls, posts, name):
        today = Pool().get('ir.date').today()
        return {p.id: sum((s.vzae for s in p.staffings
                    if s.start_date <= today
                    and (not s.end_date or s.end_date >= today)),
                Decimal(0))
            for p in posts}

    @classmethod
    def validate_fields(cls, posts, field_names):
        pool = Pool()
        Staffing = pool.get('kim.funding.staffing')
        super().validate_fields(posts, field_names)
        cls.check_vzae(posts, field_names)
        cls.check_contract(posts, field_names)
        if not field_names or (
                field_names & {'vzae', 'start_date', 'end_date'}):
            Staffing.check_post(sum((p.staffings for p in posts), ()))

    @classmethod
    def check_vzae(cls, posts, field_names=None):
        if field_names and 'vzae' not in field_names:
            return
        for post in posts:
            if post.vzae <= 0:
                raise FundingValidationError(gettext(
                        'kim_funding.msg_post_vzae', post=post.rec_name))

    @classmethod
    def check_contract(cls, posts, field_names=None):
        if field_names and not (field_names & {
                    'contract', 'company', 'grant', 'line'}):
            return
        for post in posts:
            if post.line.grant != post.grant:
                raise FundingValidationError(gettext(
                        'kim_funding.msg_post_line_grant',
                        post=post.rec_name))
            if post.contract and (
                    post.contract.company != post.company
                    or post.contract.grant != post.grant):
                raise FundingValidationError(gettext(
                        'kim_funding.msg_post_contract',
                        post=post.rec_name,
                        contract=post.contract.rec_name))

    def staffing_periods(self):
        return [(s.start_date, s.end_date, s.vzae) for s in self.staffings]

    def months(self, start, end, rule, rate_of):
        "Return the calculation of the months between start and end"
        return calculation.post_months(
            self.start_date, self.end_date, self.vzae,
            self.staffing_periods(),
            lambda month: rate_of(self.line.baustein, self.line.kind, month),
            rule, start, end)


class Staffing(AccessMixin, PeriodMixin, ModelSQL, ModelView):
    __string__ = "KIM Post Staffing"
    __name__ = 'kim.funding.staffing'
    _period_within = 'post'
    post = fields.Many2One(
        'kim.funding.post', "Post", required=True, ondelete='CASCADE')
    company = fields.Function(fields.Many2One(
            'company.company', "Employer"), 'on_change_with_company')
    employee = fields.Many2One(
        'company.employee', "Employee", required=True, ondelete='RESTRICT')
    start_date = fields.Date("From", required=True)
    end_date = fields.Date(
        "To", help="Leave empty while the employee holds the post.")
    vzae = fields.Numeric(
        "VZÄ", digits=VZAE_DIGITS, required=True,
        help="The employee's share of the post, at most 1.0 per person.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('post')
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.post, Index.Equality()),
                    (t.start_date, Index.Range())),
                Index(t, (t.employee, Index.Equality()),
                    (t.start_date, Index.Range())),
                })
        cls.employee.domain = [('company', '=', Eval('company', -1))]
        cls._order = [('start_date', 'ASC'), ('id', 'ASC')]

    @fields.depends('post', '_parent_post.company')
    def on_change_with_company(self, name=None):
        return self.post.company if self.post else None

    @fields.depends('post', '_parent_post.start_date',
        '_parent_post.vzae', '_parent_post.staffings', 'start_date')
    def on_change_post(self):
        if self.post and not self.start_date:
            self.start_date = self.post.start_date

    def get_rec_name(self, name):
        return f'{self.employee.rec_name} ({self.post.rec_name})'

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('employee.rec_name', *clause[1:])]

    @classmethod
    def validate_fields(cls, staffings, field_names):
        super().validate_fields(staffings, field_names)
        cls.check_vzae(staffings, field_names)
        if not field_names or (field_names & {
                    'post', 'start_date', 'end_date', 'vzae'}):
            cls.check_post(staffings)
        if not field_names or (field_names & {
                    'employee', 'start_date', 'end_date', 'vzae'}):
            cls.check_employee(staffings)

    @classmethod
    def check_vzae(cls, staffings, field_names=None):
        if field_names and 'vzae' not in field_names:
            return
        for staffing in staffings:
            if not (0 < staffing.vzae <= ONE):
                raise StaffingError(gettext(
                        'kim_funding.msg_staffing_vzae',
                        staffing=staffing.rec_name, vzae=staffing.vzae))

    @classmethod
    def check_post(cls, staffings):
        "Check the staffing of each post never exceeds its VZÄ"
        for post in {s.post for s in staffings}:
            # The post's own period check reports staffing outside it.
            cls.check_period(post.staffings)
            highest, day = calculation.peak_vzae(post.staffing_periods())
            if highest > post.vzae:
                raise StaffingError(gettext(
                        'kim_funding.msg_staffing_over_post',
                        post=post.rec_name, date=format_date(day),
                        staffed=highest, vzae=post.vzae))

    @classmethod
    def check_employee(cls, staffings):
        "Check no employee holds more than 1.0 VZÄ at any day"
        # The workplace flat rate funds the workplace of staff counted on
        # their own post, not a further share of their working time.
        for employee in {s.employee for s in staffings
                if s.post.line.kind != 'workplace'}:
            others = cls.search([
                    ('employee', '=', employee.id),
                    ('post.line.kind', '!=', 'workplace'),
                    ])
            highest, day = calculation.peak_vzae(
                [(s.start_date, s.end_date, s.vzae) for s in others])
            if highest > ONE:
                raise StaffingError(gettext(
                        'kim_funding.msg_staffing_over_person',
                        employee=employee.rec_name,
                        date=format_date(day), staffed=highest))
