# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from decimal import Decimal

from sql import Cast, Null
from sql.aggregate import Sum
from sql.conditionals import Coalesce

from trytond import backend
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.model import format_date, format_number
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction

from . import calculation
from .exceptions import StaffingError
from .model import PeriodMixin
from .rate import BUILDING_BLOCKS, FTE_DIGITS, KINDS

ONE = Decimal('1.00')


class Post(AccessMixin, PeriodMixin, ModelSQL, ModelView):
    __string__ = "KIM Funded Post"
    __name__ = 'kim.funding.post'
    _period_within = 'grant'
    company = fields.Many2One(
        'company.company', "Organisation", required=True,
        help="The organisation employing the staff of the post: the "
        "municipality or a provider.")
    grant = fields.Many2One(
        'kim.funding.grant', "Grant", required=True, ondelete='RESTRICT',
        domain=[('state', '=', 'confirmed')])
    line = fields.Many2One(
        'kim.funding.grant.line', "Grant Line", required=True,
        ondelete='RESTRICT',
        domain=[
            ('grant', '=', Eval('grant', -1)),
            ],
        help="The line of the grant notice funding the post; it gives the "
        "building block and kind of post.")
    name = fields.Char(
        "Designation", required=True,
        help="A name for the post, e.g. \"Case Management Caritas 1\".")
    building_block = fields.Function(fields.Selection(
            BUILDING_BLOCKS, "Building Block"),
        'on_change_with_building_block', searcher='search_line_field')
    kind = fields.Function(fields.Selection(
            KINDS, "Kind of Post"), 'on_change_with_kind',
        searcher='search_line_field')
    fte = fields.Numeric(
        "FTE", digits=FTE_DIGITS, required=True,
        domain=[('fte', '>', 0)],
        help="The full-time equivalents of the post, more than 0.")
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
        help="The contract passing the funds of the grant to the provider "
        "employing the staff of the post.")
    staffings = fields.One2Many(
        'kim.funding.staffing', 'post', "Staffing")
    staffed_fte = fields.Function(fields.Numeric(
            "Staffed FTE", digits=FTE_DIGITS,
            help="The FTE staffed today."),
        'get_staffed_fte')
    vacant = fields.Function(fields.Boolean(
            "Vacant",
            help="Whether the post runs today with less FTE staffed than "
            "funded."),
        'get_vacant', searcher='search_vacant')

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

    @classmethod
    def __register__(cls, module):
        cls.__table_handler__(module).column_rename('vzae', 'fte')
        super().__register__(module)

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_fte():
        return ONE

    @fields.depends('grant', '_parent_grant.start_date',
        '_parent_grant.end_date', 'start_date', 'end_date')
    def on_change_grant(self):
        if self.grant:
            self.start_date = self.start_date or self.grant.start_date
            self.end_date = self.end_date or self.grant.end_date

    @fields.depends('line')
    def on_change_with_building_block(self, name=None):
        return self.line.building_block if self.line else None

    @fields.depends('line')
    def on_change_with_kind(self, name=None):
        return self.line.kind if self.line else None

    @classmethod
    def search_line_field(cls, name, clause):
        return [(f'line.{name}', *clause[1:])]

    @classmethod
    def get_staffed_fte(cls, posts, name):
        today = Pool().get('ir.date').today()
        return {p.id: sum((s.fte for s in p.staffings
                    if s.start_date <= today
                    and (not s.end_date or s.end_date >= today)),
                Decimal(0))
            for p in posts}

    @classmethod
    def get_vacant(cls, posts, name):
        today = Pool().get('ir.date').today()
        return {p.id: (p.start_date <= today <= p.end_date
                and p.staffed_fte < p.fte)
            for p in posts}

    @classmethod
    def search_vacant(cls, name, clause):
        pool = Pool()
        Staffing = pool.get('kim.funding.staffing')
        post = cls.__table__()
        staffing = Staffing.__table__()
        today = pool.get('ir.date').today()
        _, operator, value = clause

        def fte(column):
            # SQLite stores decimals as bytes
            if backend.name == 'sqlite':
                return Cast(column, cls.fte.sql_type().base)
            return column
        vacant = (post
            .join(staffing, 'LEFT', condition=(staffing.post == post.id)
                & (staffing.start_date <= today)
                & ((staffing.end_date == Null) | (staffing.end_date >= today)))
            .select(post.id,
                where=(post.start_date <= today) & (post.end_date >= today),
                group_by=[post.id, post.fte],
                having=Coalesce(Sum(fte(staffing.fte)), 0) < fte(post.fte)))
        if (operator == '=') == bool(value):
            return [('id', 'in', vacant)]
        return [('id', 'not in', vacant)]

    @classmethod
    def validate_fields(cls, posts, field_names):
        pool = Pool()
        Staffing = pool.get('kim.funding.staffing')
        super().validate_fields(posts, field_names)
        if not field_names or (
                field_names & {'fte', 'start_date', 'end_date'}):
            Staffing.check_post(sum((p.staffings for p in posts), ()))

    def staffing_periods(self):
        return [(s.start_date, s.end_date, s.fte) for s in self.staffings]

    def months(self, start, end, rule, rate_of):
        "Return the calculation of the months between start and end"
        return calculation.post_months(
            self.start_date, self.end_date, self.fte,
            self.staffing_periods(),
            lambda month: rate_of(
                self.line.building_block, self.line.kind, month),
            rule, start, end)


class Staffing(AccessMixin, PeriodMixin, ModelSQL, ModelView):
    __string__ = "KIM Post Staffing"
    __name__ = 'kim.funding.staffing'
    _period_within = 'post'
    post = fields.Many2One(
        'kim.funding.post', "Post", required=True, ondelete='CASCADE')
    company = fields.Function(fields.Many2One(
            'company.company', "Organisation",
            help="The organisation employing the staff of the post."),
        'on_change_with_company')
    employee = fields.Many2One(
        'company.employee', "Employee", required=True, ondelete='RESTRICT')
    start_date = fields.Date("From", required=True)
    end_date = fields.Date(
        "To", help="Leave empty while the employee holds the post.")
    fte = fields.Numeric(
        "FTE", digits=FTE_DIGITS, required=True,
        domain=[('fte', '>', 0), ('fte', '<=', 1)],
        help="The employee's share of the post: more than 0 and at most "
        "1.0 per person.")

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

    @classmethod
    def __register__(cls, module):
        cls.__table_handler__(module).column_rename('vzae', 'fte')
        super().__register__(module)

    @fields.depends('post', '_parent_post.company')
    def on_change_with_company(self, name=None):
        return self.post.company if self.post else None

    @fields.depends('post', '_parent_post.start_date',
        '_parent_post.fte', '_parent_post.staffings', 'start_date')
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
        if not field_names or (field_names & {
                    'post', 'start_date', 'end_date', 'fte'}):
            cls.check_post(staffings)
        if not field_names or (field_names & {
                    'employee', 'start_date', 'end_date', 'fte'}):
            cls.check_employee(staffings)

    @classmethod
    def check_post(cls, staffings):
        "Check the staffing of each post never exceeds its FTE"
        for post in {s.post for s in staffings}:
            # The post's own period check reports staffing outside it.
            cls.check_period(post.staffings)
            highest, day = calculation.peak_fte(post.staffing_periods())
            if highest > post.fte:
                raise StaffingError(gettext(
                        'kim_funding.msg_staffing_over_post',
                        post=post.rec_name, date=format_date(day),
                        staffed=format_number(highest),
                        fte=format_number(post.fte)))

    @classmethod
    def check_employee(cls, staffings):
        "Check no employee holds more than 1.0 FTE at any day"
        # The workplace flat rate funds the workplace of staff counted on
        # their own post, not a further share of their working time.
        for employee in {s.employee for s in staffings
                if s.post.line.kind != 'workplace'}:
            others = cls.search([
                    ('employee', '=', employee.id),
                    ('post.line.kind', '!=', 'workplace'),
                    ])
            highest, day = calculation.peak_fte(
                [(s.start_date, s.end_date, s.fte) for s in others])
            if highest > ONE:
                raise StaffingError(gettext(
                        'kim_funding.msg_staffing_over_person',
                        employee=employee.rec_name,
                        date=format_date(day),
                        staffed=format_number(highest)))
