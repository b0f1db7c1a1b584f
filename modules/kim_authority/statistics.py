# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The figures of the authorities in SQL: procedures per organisation,
authority, kind, year, state and outcome, the persons who reached a secure
status and the average duration from application to decision"""
from sql.aggregate import Avg, Count, Min
from sql.conditionals import Case
from sql.functions import Extract, Function

from trytond import backend
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.kim.access import AccessMixin
from trytond.pool import Pool

from .procedure import KINDS


class JulianDay(Function):
    __slots__ = ()
    _function = 'JULIANDAY'


class Statistics(AccessMixin, ModelSQL, ModelView):
    "KIM Authority Statistics"
    __string__ = "KIM Authority Statistics"
    __name__ = 'kim.authority.statistics'
    company = fields.Many2One('company.company', "Organisation")
    authority = fields.Selection('get_authorities', "Authority")
    kind = fields.Selection(KINDS, "Kind")
    year = fields.Integer("Year", help="The year of the application.")
    state = fields.Selection('get_states', "State")
    outcome = fields.Selection('get_outcomes', "Outcome")
    procedures = fields.Integer("Procedures")
    persons = fields.Integer(
        "Persons", help="The persons with procedures in the row.")
    secured = fields.Integer(
        "Persons Secured",
        help="The persons whose procedure was granted: they reached a "
        "secure residence status or were naturalised.")
    duration = fields.Float(
        "Average Duration (Days)", digits=(16, 1),
        help="The average number of days from the application to the "
        "decision of the decided procedures.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('year', 'DESC'), ('company', 'ASC'), ('kind', 'ASC'),
            ('id', 'ASC')]

    @classmethod
    def _selection(cls, name):
        Procedure = Pool().get('kim.authority.procedure')
        return Procedure.fields_get([name])[name]['selection']

    @classmethod
    def get_authorities(cls):
        return cls._selection('authority')

    @classmethod
    def get_states(cls):
        return cls._selection('state')

    @classmethod
    def get_outcomes(cls):
        return cls._selection('outcome')

    @classmethod
    def table_query(cls):
        tables = cls._joins()
        return tables['from'].select(
            *cls._columns(tables),
            where=cls._where(tables),
            group_by=cls._group_by(tables))

    @classmethod
    def _joins(cls):
        Procedure = Pool().get('kim.authority.procedure')
        procedure = Procedure.__table__()
        return {'from': procedure, 'procedure': procedure}

    @classmethod
    def _days(cls, start, end):
        "The SQL expression of the days from start to end"
        if backend.name == 'sqlite':
            return JulianDay(end) - JulianDay(start)
        return end - start

    @classmethod
    def _columns(cls, tables):
        procedure = tables['procedure']
        decided = (procedure.outcome.in_(['granted', 'refused'])
            & (procedure.decision_date != None)  # noqa: E711
            & (procedure.application_date != None))  # noqa: E711
        year = cls.year.sql_cast(Extract('YEAR', procedure.application_date))
        return [
            Min(procedure.id).as_('id'),
            procedure.company.as_('company'),
            procedure.authority.as_('authority'),
            procedure.kind.as_('kind'),
            year.as_('year'),
            procedure.state.as_('state'),
            procedure.outcome.as_('outcome'),
            Count(procedure.id).as_('procedures'),
            Count(procedure.party, distinct=True).as_('persons'),
            Count(Case((procedure.outcome == 'granted', procedure.party)),
                distinct=True).as_('secured'),
            cls.duration.sql_cast(Avg(Case(
                        (decided, cls._days(procedure.application_date,
                                procedure.decision_date))))).as_('duration'),
            ]

    @classmethod
    def _where(cls, tables):
        return None

    @classmethod
    def _group_by(cls, tables):
        procedure = tables['procedure']
        return [procedure.company, procedure.authority, procedure.kind,
            Extract('YEAR', procedure.application_date), procedure.state,
            procedure.outcome]
