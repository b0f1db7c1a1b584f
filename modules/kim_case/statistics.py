# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Anonymous case figures, computed in SQL as table queries.

`kim.case.statistics.line` sums the dated lines of the cases (contacts,
referrals, goals) per organisation and month.  It does not depend on the
context, so it can be materialised (``[table_query_materialized]`` of the
configuration).  The reports aggregate it and the cases over the period
and organisation of `kim.case.statistics.context`; the record rules
restrict their rows to the organisations of the user."""
import datetime as dt
import operator
from functools import reduce

from sql import Cast, Column, Expression, Literal, Null, Union
from sql.aggregate import Count, Min, Sum
from sql.conditionals import Case as SQLCase
from sql.conditionals import Coalesce
from sql.functions import DateTrunc, Round

from trytond import backend
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.modules.kim.access import AccessMixin
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction

from .exceptions import StatisticsContextError


class _Inline(Expression):
    """A constant of the code written into the SQL text: PostgreSQL takes
    no parameters in the query of a materialised view"""
    __slots__ = ('_value',)

    def __init__(self, value):
        super().__init__()
        self._value = value

    def __str__(self):
        if self._value is None:
            return 'NULL'
        if isinstance(self._value, int):
            return str(int(self._value))
        return "'%s'" % self._value.replace("'", "''")

    @property
    def params(self):
        return ()


def _hours(minutes):
    minutes = Coalesce(minutes, 0)
    # PostgreSQL rounds only numeric to digits; SQLite divides integers
    # as integers unless one side is a real.
    if backend.name == 'postgresql':
        minutes = Cast(minutes, 'NUMERIC')
    else:
        minutes = minutes * Literal(1.0)
    return Round(minutes / 60, 2)


def _count_if(condition):
    return Sum(SQLCase((condition, 1), else_=0))


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


class Line(AccessMixin, ModelSQL):
    __string__ = "KIM Case Statistics Line"
    __name__ = 'kim.case.statistics.line'
    kind = fields.Selection([
            ('contact', "Contact"),
            ('referral', "Referral"),
            ('referral_field', "Referral per Field of Action"),
            ('referral_domain', "Referral per Legal Domain"),
            ('goal_agreed', "Goal Agreed"),
            ('goal_outcome', "Goal Outcome"),
            ('case_new', "New Case"),
            ('case_closed', "Closed Case"),
            ('need_start', "Need at Start of Case"),
            ('need_end', "Need at End of Case"),
            ], "Kind")
    company = fields.Many2One('company.company', "Organisation")
    month = fields.Date("Month")
    target_group = fields.Many2One('kim.case.target_group', "Target Group")
    field_of_action = fields.Many2One(
        'kim.field_of_action', "Field of Action")
    legal_domain = fields.Many2One('kim.legal_domain', "Legal Domain")
    outcome = fields.Char("Outcome")
    closure_reason = fields.Many2One(
        'kim.case.closure_reason', "Closure Reason")
    case = fields.Many2One(
        'kim.case', "Case",
        help="The case of lines dated outside of it, which count only while "
        "the case is active.")
    number = fields.Integer("Number")
    minutes = fields.Integer("Minutes")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        if cls._table_query_materialized():
            t = cls.__table__()
            cls._sql_indexes.update({
                    Index(t,
                        (t.kind, Index.Equality(cardinality='low')),
                        (t.month, Index.Range())),
                    Index(t,
                        (t.kind, Index.Equality(cardinality='low')),
                        (t.company, Index.Equality()),
                        (t.month, Index.Range())),
                    })

    @classmethod
    def table_query(cls):
        return cls.query()

    @classmethod
    def query(cls, kinds=None, period=None, company=None):
        """Return the query of the lines of kinds (all by default), only of
        the dates in period (from, to) and of company if given"""
        sources = cls._sources()
        rows = Union(*(
                source(len(sources), i, period, company)
                for i, (kind, source) in enumerate(sources.items())
                if kinds is None or kind in kinds),
            all_=True)
        keys = ['kind', 'company', 'month', 'target_group', 'field_of_action',
            'legal_domain', 'outcome', 'closure_reason', 'case']
        return rows.select(
            Min(rows.id).as_('id'),
            *(Column(rows, k).as_(k) for k in keys),
            cls.number.sql_cast(Count(rows.id)).as_('number'),
            cls.minutes.sql_cast(Sum(rows.minutes)).as_('minutes'),
            group_by=[Column(rows, k) for k in keys])

    @classmethod
    def _sources(cls):
        "Return the method giving the rows of each kind"
        return {
            'contact': cls._source_contact,
            'referral': cls._source_referral,
            'referral_field': cls._source_referral_field,
            'referral_domain': cls._source_referral_domain,
            'goal_agreed': cls._source_goal_agreed,
            'goal_outcome': cls._source_goal_outcome,
            'case_new': cls._source_case_new,
            'case_closed': cls._source_case_closed,
            'need_start': cls._source_need_start,
            'need_end': cls._source_need_end,
            }

    @classmethod
    def _source_columns(cls, length, index, line, case, date, /, **values):
        """Return the columns of the rows of the line table on date, joined
        to case, with values for the other columns (and the id)"""
        columns = {
            'id': values.pop('id', line.id) * _Inline(length) + _Inline(index),
            'kind': _Inline(list(cls._sources())[index]),
            'company': case.company,
            'month': cls.month.sql_cast(DateTrunc(_Inline('month'), date)),
            }
        for name in ['target_group', 'field_of_action', 'legal_domain',
                'outcome', 'closure_reason', 'case', 'minutes']:
            columns[name] = values.pop(
                name, getattr(cls, name).sql_cast(_Inline(None)))
        assert not values, values
        return [c.as_(n) for n, c in columns.items()]

    @staticmethod
    def _source_where(line, case, date, period, company, *conditions):
        conditions = list(conditions)
        if period:
            from_date, to_date = period
            conditions.append((date >= from_date) & (date <= to_date))
        if company:
            conditions.append(case.company == company)
            if line is not case:
                # Only the lines of the organisation's cases, through the
                # index on the case, not those of the whole state
                cases = Pool().get('kim.case').__table__()
                conditions.append(line.case.in_(cases.select(
                            cases.id, where=cases.company == company)))
        return reduce(operator.and_, conditions) if conditions else None

    @staticmethod
    def _outside_case(case, date):
        "The case of a line dated outside of it, which counts only then"
        return SQLCase(
            ((date >= case.start_date)
                & ((case.end_date == Null) | (date <= case.end_date)),
                _Inline(None)),
            else_=case.id)

    @classmethod
    def _tables(cls, model):
        "Return the table of model joined to the table of the case"
        pool = Pool()
        line = pool.get(model).__table__()
        case = pool.get('kim.case').__table__()
        return line, case, line.join(case, condition=line.case == case.id)

    @classmethod
    def _source_contact(cls, length, index, period, company):
        contact, case, from_item = cls._tables('kim.case.contact')
        return from_item.select(
            *cls._source_columns(length, index, contact, case, contact.date,
                target_group=case.target_group,
                case=cls._outside_case(case, contact.date),
                minutes=contact.duration),
            where=cls._source_where(contact, case, contact.date,
                period, company))

    @classmethod
    def _source_referral(cls, length, index, period, company):
        referral, case, from_item = cls._tables('kim.case.referral')
        return from_item.select(
            *cls._source_columns(length, index, referral, case, referral.date,
                target_group=case.target_group,
                case=cls._outside_case(case, referral.date)),
            where=cls._source_where(referral, case, referral.date,
                period, company))

    @classmethod
    def _source_referral_field(cls, length, index, period, company):
        referral, case, from_item = cls._tables('kim.case.referral')
        return from_item.select(
            *cls._source_columns(length, index, referral, case, referral.date,
                field_of_action=referral.field_of_action),
            where=cls._source_where(referral, case, referral.date,
                period, company,
                referral.field_of_action != Null))

    @classmethod
    def _source_referral_domain(cls, length, index, period, company):
        referral, case, from_item = cls._tables('kim.case.referral')
        return from_item.select(
            *cls._source_columns(length, index, referral, case, referral.date,
                legal_domain=referral.legal_domain,
                outcome=referral.outcome),
            where=cls._source_where(referral, case, referral.date,
                period, company))

    @classmethod
    def _source_goal_agreed(cls, length, index, period, company):
        goal, case, from_item = cls._tables('kim.case.goal')
        return from_item.select(
            *cls._source_columns(length, index, goal, case, goal.agreed_date,
                field_of_action=goal.field_of_action),
            where=cls._source_where(goal, case, goal.agreed_date,
                period, company))

    @classmethod
    def _source_goal_outcome(cls, length, index, period, company):
        goal, case, from_item = cls._tables('kim.case.goal')
        return from_item.select(
            *cls._source_columns(length, index, goal, case, goal.outcome_date,
                field_of_action=goal.field_of_action, outcome=goal.outcome),
            where=cls._source_where(goal, case, goal.outcome_date,
                period, company,
                goal.outcome_date != Null))

    @classmethod
    def _source_case_new(cls, length, index, period, company):
        case = Pool().get('kim.case').__table__()
        return case.select(
            *cls._source_columns(length, index, case, case, case.start_date),
            where=cls._source_where(case, case, case.start_date,
                period, company))

    @classmethod
    def _source_case_closed(cls, length, index, period, company):
        case = Pool().get('kim.case').__table__()
        return case.select(
            *cls._source_columns(length, index, case, case, case.end_date,
                closure_reason=case.closure_reason),
            where=cls._source_where(case, case, case.end_date,
                period, company,
                case.state == _Inline('closed')))

    @classmethod
    def _source_need(cls, length, index, period, company, date):
        "The fields of action of the needs of each case, dated by the case"
        need, case, from_item = cls._tables('kim.case.need')
        date = Column(case, date)
        return from_item.select(
            *cls._source_columns(length, index, need, case, date,
                id=Min(need.id), field_of_action=need.field_of_action),
            where=cls._source_where(need, case, date, period, company,
                date != Null),
            group_by=[need.case, need.field_of_action, case.company, date])

    @classmethod
    def _source_need_start(cls, length, index, period, company):
        return cls._source_need(length, index, period, company, 'start_date')

    @classmethod
    def _source_need_end(cls, length, index, period, company):
        return cls._source_need(length, index, period, company, 'end_date')


class StatisticsMixin(AccessMixin, ModelSQL, ModelView):
    """The rows of the sources are united, filtered by _where and aggregated
    by _columns per _group_by; the sources apply the context"""
    __slots__ = ()
    company = fields.Many2One('company.company', "Organisation")

    @classmethod
    def table_query(cls):
        from_item, tables = cls._joins()
        return from_item.select(*cls._columns(tables),
            where=cls._where(tables),
            group_by=cls._group_by(tables))

    @classmethod
    def _joins(cls):
        "Return the from item and the tables by name"
        sources = cls._sources()
        row = Union(*(source(len(sources), i)
                for i, source in enumerate(sources)), all_=True)
        return row, {'row': row}

    @classmethod
    def _sources(cls):
        """Return the methods giving the rows to aggregate, each called with
        the number of sources and its index to make unique ids"""
        raise NotImplementedError

    @classmethod
    def _columns(cls, tables):
        row = tables['row']
        return [Min(row.id).as_('id'), row.company.as_('company')]

    @classmethod
    def _where(cls, tables):
        return None

    @classmethod
    def _group_by(cls, tables):
        return [tables['row'].company]

    @classmethod
    def _context_value(cls, name, type_):
        "Return the value of name in the context, checked to be of type_"
        value = Transaction().context.get(name)
        if value is not None and (
                not isinstance(value, type_) or isinstance(value, bool)):
            # The context comes from the client: a bad value is a user
            # error, not a failing SQL query.
            raise StatisticsContextError(gettext(
                    'kim_case.msg_statistics_context',
                    field=Pool().get('ir.model.field').get_name(
                        'kim.case.statistics.context', name)))
        return value

    @classmethod
    def _context_organisation(cls):
        return cls._context_value('organisation', int)

    @classmethod
    def _context_period(cls):
        today = Pool().get('ir.date').today()
        from_date = (cls._context_value('from_date', dt.date)
            or dt.date(today.year, 1, 1))
        to_date = (cls._context_value('to_date', dt.date)
            or dt.date(today.year, 12, 31))
        return from_date, to_date

    @classmethod
    def _in_period(cls, column):
        from_date, to_date = cls._context_period()
        return (column >= from_date) & (column <= to_date)

    @classmethod
    def _organisation_where(cls, column):
        organisation = cls._context_organisation()
        if organisation:
            return column == organisation
        return Literal(True)

    @classmethod
    def _active_in_period(cls, case):
        from_date, to_date = cls._context_period()
        return ((case.start_date <= to_date)
            & ((case.end_date == Null) | (case.end_date >= from_date))
            & cls._organisation_where(case.company))

    @classmethod
    def _active_cases(cls):
        case = Pool().get('kim.case').__table__()
        return case.select(case.id, where=cls._active_in_period(case))

    @classmethod
    def _stored_lines(cls):
        """Return the table of kim.case.statistics.line when it is
        materialised and the period is made of whole months"""
        Line = Pool().get('kim.case.statistics.line')
        from_date, to_date = cls._context_period()
        if (Line._table_query_materialized()
                and from_date.day == 1
                and (to_date + dt.timedelta(days=1)).day == 1):
            return Line.__table__()

    @classmethod
    def _lines(cls, kinds):
        """Return the rows of kim.case.statistics.line of kinds in the period
        and organisation: the stored ones if possible, else computed now"""
        from_date, to_date = cls._context_period()
        organisation = cls._context_organisation()
        line = cls._stored_lines()
        if line is None:
            return Pool().get('kim.case.statistics.line').query(
                kinds, (from_date, to_date), organisation)
        where = (line.kind.in_(kinds)
            & (line.month >= from_date) & (line.month <= to_date))
        if organisation:
            where &= line.company == organisation
        return line.select(where=where)


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
    def _sources(cls):
        return [cls._source_cases, cls._source_lines]

    @classmethod
    def _source_cases(cls, length, index):
        "The figures of the cases active in the period"
        pool = Pool()
        case = pool.get('kim.case').__table__()
        reason = pool.get('kim.case.closure_reason').__table__()
        closed = (case.state == 'closed') & cls._in_period(case.end_date)
        successful = closed & (reason.goal_reached == Literal(True))
        cancelled = (case.state == 'cancelled') & cls._in_period(case.end_date)
        # Grouped here: the clients are counted once per group.
        return (case
            .join(reason, 'LEFT', condition=case.closure_reason == reason.id)
            .select(
                (Min(case.id) * length + index).as_('id'),
                case.company.as_('company'),
                case.target_group.as_('target_group'),
                Count(case.id).as_('active'),
                _count_if(cls._in_period(case.start_date)).as_('new'),
                _count_if(closed).as_('closed'),
                _count_if(successful).as_('successful'),
                _count_if(cancelled).as_('cancelled'),
                Count(case.client, distinct=True).as_('clients'),
                *(Literal(0).as_(n)
                    for n in ['contacts', 'minutes', 'referrals']),
                where=cls._active_in_period(case),
                group_by=[case.company, case.target_group]))

    @classmethod
    def _source_lines(cls, length, index):
        "The contacts and referrals of the active cases"
        line = cls._lines(['contact', 'referral'])
        contact = line.kind == 'contact'
        referral = line.kind == 'referral'
        return line.select(
            (line.id * length + index).as_('id'),
            line.company.as_('company'),
            line.target_group.as_('target_group'),
            *(Literal(0).as_(n) for n in [
                    'active', 'new', 'closed', 'successful', 'cancelled',
                    'clients']),
            SQLCase((contact, line.number), else_=0).as_('contacts'),
            SQLCase((contact, line.minutes), else_=0).as_('minutes'),
            SQLCase((referral, line.number), else_=0).as_('referrals'),
            where=(line.case == Null) | line.case.in_(cls._active_cases()))

    @classmethod
    def _columns(cls, tables):
        row = tables['row']
        return super()._columns(tables) + [
            row.target_group.as_('target_group'),
            *(getattr(cls, n).sql_cast(Sum(Column(row, c))).as_(n)
                for n, c in [
                    ('cases_active', 'active'), ('cases_new', 'new'),
                    ('cases_closed', 'closed'),
                    ('cases_successful', 'successful'),
                    ('cases_cancelled', 'cancelled'), ('clients', 'clients'),
                    ('contacts', 'contacts'), ('referrals', 'referrals')]),
            cls.hours.sql_cast(_hours(Sum(row.minutes))).as_('hours'),
            ]

    @classmethod
    def _group_by(cls, tables):
        return super()._group_by(tables) + [tables['row'].target_group]


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
    def _sources(cls):
        return [cls._source_lines]

    @classmethod
    def _source_lines(cls, length, index):
        "The new and closed cases and the contacts"
        line = cls._lines(['case_new', 'case_closed', 'contact'])
        contact = line.kind == 'contact'
        return line.select(
            (line.id * length + index).as_('id'),
            line.company.as_('company'),
            line.month.as_('month'),
            SQLCase((line.kind == 'case_new', line.number),
                else_=0).as_('new'),
            SQLCase((line.kind == 'case_closed', line.number),
                else_=0).as_('closed'),
            SQLCase((contact, line.number), else_=0).as_('contacts'),
            SQLCase((contact, line.minutes), else_=0).as_('minutes'))

    @classmethod
    def _columns(cls, tables):
        row = tables['row']
        return super()._columns(tables) + [
            row.month.as_('month'),
            cls.cases_new.sql_cast(Sum(row.new)).as_('cases_new'),
            cls.cases_closed.sql_cast(Sum(row.closed)).as_('cases_closed'),
            cls.contacts.sql_cast(Sum(row.contacts)).as_('contacts'),
            cls.hours.sql_cast(_hours(Sum(row.minutes))).as_('hours'),
            ]

    @classmethod
    def _group_by(cls, tables):
        return super()._group_by(tables) + [tables['row'].month]


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
    def _sources(cls):
        return [cls._source_needs, cls._source_lines]

    @classmethod
    def _source_needs(cls, length, index):
        "The active cases with needs in the period"
        line = cls._stored_lines()
        if line is not None:
            return cls._source_stored_needs(line, length, index)
        pool = Pool()
        need = pool.get('kim.case.need').__table__()
        case = pool.get('kim.case').__table__()
        # Grouped here: a case is counted once per field.
        return need.join(case, condition=need.case == case.id).select(
            (Min(need.id) * length + index).as_('id'),
            case.company.as_('company'),
            need.field_of_action.as_('field_of_action'),
            Count(need.case, distinct=True).as_('cases'),
            *(Literal(0).as_(n) for n in ['agreed', 'achieved', 'referrals']),
            where=cls._active_in_period(case),
            group_by=[case.company, need.field_of_action])

    @classmethod
    def _source_stored_needs(cls, line, length, index):
        # A case ends after it starts: the cases active in the period are
        # those started by its end less those ended before its start.
        from_date, to_date = cls._context_period()
        started = (line.kind == 'need_start') & (line.month <= to_date)
        ended = (line.kind == 'need_end') & (line.month < from_date)
        cases = Sum(SQLCase((started, line.number), else_=-line.number))
        return line.select(
            (Min(line.id) * length + index).as_('id'),
            line.company.as_('company'),
            line.field_of_action.as_('field_of_action'),
            cases.as_('cases'),
            *(Literal(0).as_(n) for n in ['agreed', 'achieved', 'referrals']),
            where=(started | ended)
            & cls._organisation_where(line.company),
            group_by=[line.company, line.field_of_action],
            having=cases > 0)

    @classmethod
    def _source_lines(cls, length, index):
        "The goals agreed or with an outcome and the referrals in the period"
        line = cls._lines(['goal_agreed', 'goal_outcome', 'referral_field'])
        achieved = (line.kind == 'goal_outcome') & (line.outcome == 'achieved')
        return line.select(
            (line.id * length + index).as_('id'),
            line.company.as_('company'),
            line.field_of_action.as_('field_of_action'),
            Literal(0).as_('cases'),
            SQLCase((line.kind == 'goal_agreed', line.number),
                else_=0).as_('agreed'),
            SQLCase((achieved, line.number), else_=0).as_('achieved'),
            SQLCase((line.kind == 'referral_field', line.number),
                else_=0).as_('referrals'))

    @classmethod
    def _columns(cls, tables):
        row = tables['row']
        return super()._columns(tables) + [
            row.field_of_action.as_('field_of_action'),
            cls.cases.sql_cast(Sum(row.cases)).as_('cases'),
            cls.goals_agreed.sql_cast(Sum(row.agreed)).as_('goals_agreed'),
            cls.goals_achieved.sql_cast(
                Sum(row.achieved)).as_('goals_achieved'),
            cls.referrals.sql_cast(Sum(row.referrals)).as_('referrals'),
            ]

    @classmethod
    def _group_by(cls, tables):
        return super()._group_by(tables) + [tables['row'].field_of_action]


class ClosureStatistics(StatisticsMixin):
    __string__ = "KIM Case Statistics per Closure Reason"
    __name__ = 'kim.case.statistics.closure'
    closure_reason = fields.Many2One(
        'kim.case.closure_reason', "Closure Reason")
    cases = fields.Integer("Closed Cases")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('company', 'ASC'), ('cases', 'DESC'), ('id', 'ASC')]

    @classmethod
    def _sources(cls):
        return [cls._source_lines]

    @classmethod
    def _source_lines(cls, length, index):
        "The cases closed in the period"
        line = cls._lines(['case_closed'])
        return line.select(
            (line.id * length + index).as_('id'),
            line.company.as_('company'),
            line.closure_reason.as_('closure_reason'),
            line.number.as_('number'))

    @classmethod
    def _columns(cls, tables):
        row = tables['row']
        return super()._columns(tables) + [
            row.closure_reason.as_('closure_reason'),
            cls.cases.sql_cast(Sum(row.number)).as_('cases'),
            ]

    @classmethod
    def _group_by(cls, tables):
        return super()._group_by(tables) + [tables['row'].closure_reason]


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
    def _sources(cls):
        return [cls._source_lines]

    @classmethod
    def _source_lines(cls, length, index):
        "The referrals of the period"
        line = cls._lines(['referral_domain'])
        return line.select(
            (line.id * length + index).as_('id'),
            line.company.as_('company'),
            line.legal_domain.as_('legal_domain'),
            line.outcome.as_('outcome'),
            line.number.as_('number'))

    @classmethod
    def _columns(cls, tables):
        row = tables['row']

        def count_in(outcomes):
            return Sum(SQLCase((row.outcome.in_(outcomes), row.number),
                    else_=0))
        return super()._columns(tables) + [
            row.legal_domain.as_('legal_domain'),
            cls.referrals.sql_cast(Sum(row.number)).as_('referrals'),
            cls.referrals_successful.sql_cast(
                count_in(['accepted', 'service_received'])).as_(
                'referrals_successful'),
            cls.referrals_failed.sql_cast(
                count_in(['rejected', 'broken_off'])).as_('referrals_failed'),
            cls.referrals_pending.sql_cast(
                count_in(['pending'])).as_('referrals_pending'),
            ]

    @classmethod
    def _group_by(cls, tables):
        return super()._group_by(tables) + [tables['row'].legal_domain]
