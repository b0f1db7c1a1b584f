# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Anonymous case figures, computed in SQL as table queries.

Each model aggregates over the period and organisation given by
`kim.case.statistics.context`; the record rules restrict the rows to the
organisations of the user."""
import datetime as dt

from sql import Cast, Column, Literal, Null, Union, Values
from sql.aggregate import Count, Min, Sum
from sql.conditionals import Case as SQLCase
from sql.conditionals import Coalesce
from sql.functions import DateTrunc, Round

from trytond import backend
from trytond.cache import Cache
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.kim.access import AccessMixin
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction

from .exceptions import StatisticsContextError


def _context_value(name, type_):
    "Return the value of name in the context, checked to be of type_"
    value = Transaction().context.get(name)
    if value is not None and (
            not isinstance(value, type_) or isinstance(value, bool)):
        # The context comes from the client: a bad value is a user error,
        # not a failing SQL query.
        raise StatisticsContextError(gettext(
                'kim_case.msg_statistics_context',
                field=Pool().get('ir.model.field').get_name(
                    'kim.case.statistics.context', name)))
    return value


def _organisation():
    return _context_value('organisation', int)


def _period():
    today = Pool().get('ir.date').today()
    from_date = (_context_value('from_date', dt.date)
        or dt.date(today.year, 1, 1))
    to_date = _context_value('to_date', dt.date) or dt.date(today.year, 12, 31)
    return from_date, to_date


def _in_period(column):
    from_date, to_date = _period()
    return (column >= from_date) & (column <= to_date)


def _hours(minutes):
    minutes = Coalesce(minutes, 0)
    # PostgreSQL rounds only numeric to digits; SQLite divides integers
    # as integers unless one side is a real.
    if backend.name == 'postgresql':
        minutes = Cast(minutes, 'NUMERIC')
    else:
        minutes = minutes * Literal(1.0)
    return Round(minutes / 60, 2)


class Context(ModelView):
    __string__ = "KIM Case Statistics Context"
    __name__ = 'kim.case.statistics.context'
    # Not "company": that key of the context is the user's current
    # organisation, which the record rules follow.
    organisation = fields.Many2One(
        'company.company', "Organisation",
        help="Leave empty for all organisations you have access to.")
    from_date = fields.Date(
        "From Date", required=True,
        domain=[
            If(Eval('to_date') & Eval('from_date'),
                ('from_date', '<=', Eval('to_date')),
                ()),
            ])
    to_date = fields.Date(
        "To Date", required=True,
        domain=[
            If(Eval('from_date') & Eval('to_date'),
                ('to_date', '>=', Eval('from_date')),
                ()),
            ])

    @classmethod
    def default_organisation(cls):
        return Transaction().context.get('company')

    @classmethod
    def default_from_date(cls):
        context = Transaction().context
        if 'from_date' in context:
            return context['from_date']
        return dt.date(Pool().get('ir.date').today().year, 1, 1)

    @classmethod
    def default_to_date(cls):
        context = Transaction().context
        if 'to_date' in context:
            return context['to_date']
        return dt.date(Pool().get('ir.date').today().year, 12, 31)


# The client evaluates a list 3 to 4 times (search, count, reads of
# chunks); the figures of a period are computed once and kept until case
# data changes (cleared by the case and its lines on modification).
figures_cache = Cache('kim_case.statistics', context=False)


class StatisticsMixin(AccessMixin, ModelSQL, ModelView):
    __slots__ = ()
    company = fields.Many2One('company.company', "Organisation")

    @classmethod
    def table_query(cls):
        from_date, to_date = _period()
        key = (cls.__name__, from_date, to_date, _organisation())
        query = cls._figures_query()
        names = [c.output_name for c in query.columns]
        rows = figures_cache.get(key)
        if rows is None:
            cursor = Transaction().connection.cursor()
            cursor.execute(*query)
            rows = figures_cache.set(key, [tuple(r) for r in cursor])
        # An empty VALUES list is not valid SQL: one NULL row filtered out.
        table = Values([list(r) for r in rows] or [[None] * len(names)])
        return table.select(*(
                cls._sql_column_cast(name, Column(table, f'column{i}')).as_(
                    name)
                for i, name in enumerate(names, 1)),
            where=None if rows else Literal(False))

    @classmethod
    def _sql_column_cast(cls, name, column):
        if name == 'id':
            return Cast(column, cls.id.sql_type().base)
        return getattr(cls, name).sql_cast(column)

    @classmethod
    def _company_where(cls, column):
        company = _organisation()
        if company:
            return column == company
        return Literal(True)

    @classmethod
    def _tables(cls):
        pool = Pool()
        return {
            name: pool.get(model).__table__() for name, model in [
                ('case', 'kim.case'),
                ('contact', 'kim.case.contact'),
                ('referral', 'kim.case.referral'),
                ('need', 'kim.case.need'),
                ('goal', 'kim.case.goal'),
                ]}

    @classmethod
    def _active_in_period(cls, case):
        from_date, to_date = _period()
        return ((case.start_date <= to_date)
            & ((case.end_date == Null) | (case.end_date >= from_date))
            & cls._company_where(case.company))


class CaseStatistics(StatisticsMixin):
    __string__ = "KIM Case Statistics"
    __name__ = 'kim.case.statistics'
    target_group = fields.Many2One('kim.case.target_group', "Target Group")
    cases_active = fields.Integer(
        "Active Cases", help="Cases open at some time in the period.")
    cases_new = fields.Integer("New Cases")
    cases_closed = fields.Integer("Closed Cases")
    cases_successful = fields.Integer(
        "Closed Successfully",
        help="Closed cases whose closure reason counts as goal reached.")
    cases_cancelled = fields.Integer("Cancelled Cases")
    clients = fields.Integer("Clients")
    contacts = fields.Integer("Contacts")
    hours = fields.Numeric("Hours", digits=(16, 2))
    referrals = fields.Integer("Referrals")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [
            ('company', 'ASC'), ('target_group', 'ASC'), ('id', 'ASC')]

    @classmethod
    def _figures_query(cls):
        tables = cls._tables()
        case, contact, referral = (
            tables['case'], tables['contact'], tables['referral'])
        contact_where = _in_period(contact.date)
        referral_where = _in_period(referral.date)
        if _organisation():
            # Aggregate only the lines of the organisation's cases, not
            # those of the whole state (statewide the filter costs more).
            def cases():
                active = Pool().get('kim.case').__table__()
                return active.select(
                    active.id, where=cls._active_in_period(active))
            contact_where &= contact.case.in_(cases())
            referral_where &= referral.case.in_(cases())
        contacts = contact.select(
            contact.case.as_('case'),
            Count(contact.id).as_('number'),
            Sum(contact.duration).as_('minutes'),
            where=contact_where,
            group_by=[contact.case])
        referrals = referral.select(
            referral.case.as_('case'),
            Count(referral.id).as_('number'),
            where=referral_where,
            group_by=[referral.case])

        def count_if(condition):
            return Sum(SQLCase((condition, 1), else_=0))

        reason = Pool().get('kim.case.closure_reason').__table__()
        closed = (case.state == 'closed') & _in_period(case.end_date)
        query = (case
            .join(reason, 'LEFT', condition=case.closure_reason == reason.id)
            .join(contacts, 'LEFT', condition=contacts.case == case.id)
            .join(referrals, 'LEFT', condition=referrals.case == case.id)
            .select(
                Min(case.id).as_('id'),
                case.company.as_('company'),
                case.target_group.as_('target_group'),
                Count(case.id).as_('cases_active'),
                count_if(_in_period(case.start_date)).as_('cases_new'),
                count_if(closed).as_('cases_closed'),
                count_if(closed & (reason.goal_reached == Literal(True))).as_(
                    'cases_successful'),
                count_if((case.state == 'cancelled')
                    & _in_period(case.end_date)).as_('cases_cancelled'),
                Count(case.client, distinct=True).as_('clients'),
                cls.contacts.sql_cast(
                    Sum(Coalesce(contacts.number, 0))).as_('contacts'),
                cls.hours.sql_cast(
                    _hours(Sum(contacts.minutes))).as_('hours'),
                cls.referrals.sql_cast(
                    Sum(Coalesce(referrals.number, 0))).as_('referrals'),
                where=cls._active_in_period(case),
                group_by=[case.company, case.target_group]))
        return query


class MonthStatistics(StatisticsMixin):
    __string__ = "KIM Case Statistics per Month"
    __name__ = 'kim.case.statistics.month'
    month = fields.Date("Month")
    cases_new = fields.Integer("New Cases")
    cases_closed = fields.Integer("Closed Cases")
    contacts = fields.Integer("Contacts")
    hours = fields.Numeric("Hours", digits=(16, 2))

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('month', 'ASC'), ('company', 'ASC'), ('id', 'ASC')]

    @classmethod
    def _figures_query(cls):
        tables = cls._tables()
        case, contact = tables['case'], tables['contact']
        closed_case = Pool().get('kim.case').__table__()
        contact_case = Pool().get('kim.case').__table__()
        # Each event keeps a unique id among the three sources.
        events = Union(
            case.select(
                (case.id * 3).as_('id'),
                case.company.as_('company'),
                case.start_date.as_('date'),
                Literal(1).as_('new'),
                Literal(0).as_('closed'),
                Literal(0).as_('contact'),
                Literal(0).as_('minutes'),
                where=_in_period(case.start_date)
                & cls._company_where(case.company)),
            closed_case.select(
                (closed_case.id * 3 + 1).as_('id'),
                closed_case.company.as_('company'),
                closed_case.end_date.as_('date'),
                Literal(0).as_('new'),
                Literal(1).as_('closed'),
                Literal(0).as_('contact'),
                Literal(0).as_('minutes'),
                where=(closed_case.state == 'closed')
                & _in_period(closed_case.end_date)
                & cls._company_where(closed_case.company)),
            contact.join(contact_case,
                condition=contact.case == contact_case.id).select(
                (contact.id * 3 + 2).as_('id'),
                contact_case.company.as_('company'),
                contact.date.as_('date'),
                Literal(0).as_('new'),
                Literal(0).as_('closed'),
                Literal(1).as_('contact'),
                contact.duration.as_('minutes'),
                where=_in_period(contact.date)
                & cls._company_where(contact_case.company)),
            all_=True)
        # Truncated in a sub-query: PostgreSQL does not see two
        # parametrised DATE_TRUNC expressions as the same grouping key.
        events = events.select(
            events.id, events.company,
            cls.month.sql_cast(DateTrunc('month', events.date)).as_('month'),
            events.new, events.closed, events.contact, events.minutes)
        return events.select(
            Min(events.id).as_('id'),
            events.company.as_('company'),
            events.month.as_('month'),
            cls.cases_new.sql_cast(Sum(events.new)).as_('cases_new'),
            cls.cases_closed.sql_cast(
                Sum(events.closed)).as_('cases_closed'),
            cls.contacts.sql_cast(Sum(events.contact)).as_('contacts'),
            cls.hours.sql_cast(_hours(Sum(events.minutes))).as_('hours'),
            group_by=[events.company, events.month])


class FieldStatistics(StatisticsMixin):
    __string__ = "KIM Case Statistics per Field of Action"
    __name__ = 'kim.case.statistics.field'
    field_of_action = fields.Many2One(
        'kim.field_of_action', "Field of Action")
    cases = fields.Integer(
        "Cases with Need", help="Active cases with a need in the field.")
    goals_agreed = fields.Integer("Goals Agreed")
    goals_achieved = fields.Integer("Goals Achieved")
    referrals = fields.Integer("Referrals")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [
            ('company', 'ASC'), ('field_of_action', 'ASC'), ('id', 'ASC')]

    @classmethod
    def _figures_query(cls):
        pool = Pool()
        Case = pool.get('kim.case')
        tables = cls._tables()
        need, goal, referral = (
            tables['need'], tables['goal'], tables['referral'])
        need_case, goal_case, referral_case = (
            Case.__table__(), Case.__table__(), Case.__table__())

        rows = Union(
            need.join(need_case, condition=need.case == need_case.id).select(
                (need.id * 3).as_('id'),
                need_case.company.as_('company'),
                need.field_of_action.as_('field_of_action'),
                need.case.as_('case'),
                Literal(0).as_('agreed'),
                Literal(0).as_('achieved'),
                Literal(0).as_('referral'),
                where=cls._active_in_period(need_case)),
            goal.join(goal_case, condition=goal.case == goal_case.id).select(
                (goal.id * 3 + 1).as_('id'),
                goal_case.company.as_('company'),
                goal.field_of_action.as_('field_of_action'),
                Literal(None).as_('case'),
                SQLCase((_in_period(goal.agreed_date), 1), else_=0).as_(
                    'agreed'),
                SQLCase(((goal.outcome == 'achieved')
                        & _in_period(goal.outcome_date), 1),
                    else_=0).as_('achieved'),
                Literal(0).as_('referral'),
                where=(_in_period(goal.agreed_date)
                    | _in_period(goal.outcome_date))
                & cls._company_where(goal_case.company)),
            referral.join(referral_case,
                condition=referral.case == referral_case.id).select(
                (referral.id * 3 + 2).as_('id'),
                referral_case.company.as_('company'),
                referral.field_of_action.as_('field_of_action'),
                Literal(None).as_('case'),
                Literal(0).as_('agreed'),
                Literal(0).as_('achieved'),
                Literal(1).as_('referral'),
                where=_in_period(referral.date)
                & (referral.field_of_action != Null)
                & cls._company_where(referral_case.company)),
            all_=True)
        return rows.select(
            Min(rows.id).as_('id'),
            rows.company.as_('company'),
            rows.field_of_action.as_('field_of_action'),
            Count(rows.case, distinct=True).as_('cases'),
            cls.goals_agreed.sql_cast(Sum(rows.agreed)).as_('goals_agreed'),
            cls.goals_achieved.sql_cast(
                Sum(rows.achieved)).as_('goals_achieved'),
            cls.referrals.sql_cast(Sum(rows.referral)).as_('referrals'),
            group_by=[rows.company, rows.field_of_action])


class ClosureStatistics(StatisticsMixin):
    __string__ = "KIM Case Statistics per Closure Reason"
    __name__ = 'kim.case.statistics.closure'
    closure_reason = fields.Many2One('kim.case.closure_reason', "Closure Reason")
    cases = fields.Integer("Closed Cases")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('company', 'ASC'), ('cases', 'DESC'), ('id', 'ASC')]

    @classmethod
    def _figures_query(cls):
        case = cls._tables()['case']
        return case.select(
            Min(case.id).as_('id'),
            case.company.as_('company'),
            case.closure_reason.as_('closure_reason'),
            Count(case.id).as_('cases'),
            where=(case.state == 'closed')
            & _in_period(case.end_date)
            & cls._company_where(case.company),
            group_by=[case.company, case.closure_reason])


class LegalDomainStatistics(StatisticsMixin):
    __string__ = "KIM Case Statistics per Legal Domain"
    __name__ = 'kim.case.statistics.legal_domain'
    legal_domain = fields.Many2One('kim.legal_domain', "Legal Domain")
    referrals = fields.Integer("Referrals")
    referrals_successful = fields.Integer(
        "Accepted", help="Referrals accepted or with the service received.")
    referrals_failed = fields.Integer(
        "Not Taken Up", help="Referrals rejected or broken off.")
    referrals_pending = fields.Integer("Pending")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('company', 'ASC'), ('referrals', 'DESC'), ('id', 'ASC')]

    @classmethod
    def _figures_query(cls):
        pool = Pool()
        tables = cls._tables()
        referral = tables['referral']
        case = pool.get('kim.case').__table__()

        def count_in(outcomes):
            return Sum(SQLCase((referral.outcome.in_(outcomes), 1), else_=0))

        return referral.join(case, condition=referral.case == case.id).select(
            Min(referral.id).as_('id'),
            case.company.as_('company'),
            referral.legal_domain.as_('legal_domain'),
            Count(referral.id).as_('referrals'),
            count_in(['accepted', 'service_received']).as_(
                'referrals_successful'),
            count_in(['rejected', 'broken_off']).as_('referrals_failed'),
            count_in(['pending']).as_('referrals_pending'),
            where=_in_period(referral.date)
            & cls._company_where(case.company),
            group_by=[case.company, referral.legal_domain])
