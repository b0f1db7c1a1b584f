# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The coordinator's overview: resolutions by state and themes by priority,
counted in SQL over the steering groups the user reads"""
from sql import Literal
from sql.aggregate import Count, Min, Sum
from sql.conditionals import Case
from sql.functions import CurrentDate, Extract

from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.kim.access import AccessMixin
from trytond.pool import Pool

from .resolution import OPEN
from .theme import PRIORITIES


class OverviewMixin(AccessMixin, ModelSQL, ModelView):
    "A table query of the overview, composed as core's reporting"
    __slots__ = ()

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('id', 'ASC')]

    @classmethod
    def table_query(cls):
        tables = cls._joins()
        from_ = tables['from']
        return from_.select(
            *cls._columns(tables),
            where=cls._where(tables),
            group_by=cls._group_by(tables))


class ResolutionOverview(OverviewMixin):
    "KIM Resolutions by State"
    __string__ = "KIM Resolutions by State"
    __name__ = 'kim.steering.overview.resolution'
    group = fields.Many2One('kim.steering.group', "Steering Group")
    year = fields.Integer("Year")
    state = fields.Selection('get_states', "State")
    count = fields.Integer("Resolutions")
    overdue = fields.Integer("Overdue")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('year', 'DESC'), ('group', 'ASC'), ('id', 'ASC')]

    @classmethod
    def get_states(cls):
        Resolution = Pool().get('kim.steering.resolution')
        return Resolution.fields_get(['state'])['state']['selection']

    @classmethod
    def _joins(cls):
        Resolution = Pool().get('kim.steering.resolution')
        resolution = Resolution.__table__()
        return {'from': resolution, 'resolution': resolution}

    @classmethod
    def _columns(cls, tables):
        resolution = tables['resolution']
        today = CurrentDate()
        return [
            Min(resolution.id).as_('id'),
            resolution.group.as_('group'),
            cls.year.sql_cast(Extract('YEAR', resolution.date)).as_('year'),
            resolution.state.as_('state'),
            Count(resolution.id).as_('count'),
            Sum(Case(
                    (resolution.state.in_(OPEN)
                        & (resolution.due_date < today), 1),
                    else_=0)).as_('overdue'),
            ]

    @classmethod
    def _where(cls, tables):
        return None

    @classmethod
    def _group_by(cls, tables):
        resolution = tables['resolution']
        return [resolution.group, Extract('YEAR', resolution.date),
            resolution.state]


class ThemeOverview(OverviewMixin):
    "KIM Themes by Priority"
    __string__ = "KIM Themes by Priority"
    __name__ = 'kim.steering.overview.theme'
    group = fields.Many2One('kim.steering.group', "Steering Group")
    priority = fields.Selection(PRIORITIES, "Priority", sort=False)
    count = fields.Integer("Themes")
    working_groups = fields.Integer("Working Groups")
    resolutions = fields.Integer("Resolutions")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [
            ('group', 'ASC'), ('priority', 'ASC NULLS LAST'), ('id', 'ASC')]

    @classmethod
    def _joins(cls):
        pool = Pool()
        Theme = pool.get('kim.steering.theme')
        ThemeWorkingGroup = pool.get(
            'kim.steering.theme-kim.steering.working_group')
        ThemeResolution = pool.get(
            'kim.steering.theme-kim.steering.resolution')
        theme = Theme.__table__()
        theme_wg = ThemeWorkingGroup.__table__()
        theme_resolution = ThemeResolution.__table__()
        from_ = theme.join(theme_wg, 'LEFT',
            condition=theme_wg.theme == theme.id
            ).join(theme_resolution, 'LEFT',
            condition=theme_resolution.theme == theme.id)
        return {'from': from_, 'theme': theme, 'theme_wg': theme_wg,
            'theme_resolution': theme_resolution}

    @classmethod
    def _columns(cls, tables):
        theme = tables['theme']
        return [
            Min(theme.id).as_('id'),
            theme.group.as_('group'),
            theme.priority.as_('priority'),
            Count(theme.id, distinct=True).as_('count'),
            Count(tables['theme_wg'].working_group, distinct=True).as_(
                'working_groups'),
            Count(tables['theme_resolution'].resolution, distinct=True).as_(
                'resolutions'),
            ]

    @classmethod
    def _where(cls, tables):
        return tables['theme'].active == Literal(True)

    @classmethod
    def _group_by(cls, tables):
        theme = tables['theme']
        return [theme.group, theme.priority]


class BarrierOverview(OverviewMixin):
    "KIM Open Barriers by Field of Action"
    __string__ = "KIM Open Barriers by Field of Action"
    __name__ = 'kim.steering.overview.barrier'
    company = fields.Many2One('company.company', "Organisation")
    field_of_action = fields.Many2One(
        'kim.field_of_action', "Field of Action")
    state = fields.Selection('get_states', "State")
    count = fields.Integer("Barriers")
    cases = fields.Integer(
        "Cases", help="The cases in which the barriers occurred.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('company', 'ASC'), ('field_of_action', 'ASC'),
            ('id', 'ASC')]

    @classmethod
    def get_states(cls):
        Barrier = Pool().get('kim.case.barrier')
        return Barrier.fields_get(['state'])['state']['selection']

    @classmethod
    def _joins(cls):
        pool = Pool()
        Barrier = pool.get('kim.case.barrier')
        BarrierCase = pool.get('kim.case.barrier-kim.case')
        barrier = Barrier.__table__()
        barrier_case = BarrierCase.__table__()
        from_ = barrier.join(barrier_case, 'LEFT',
            condition=barrier_case.barrier == barrier.id)
        return {'from': from_, 'barrier': barrier,
            'barrier_case': barrier_case}

    @classmethod
    def _columns(cls, tables):
        barrier = tables['barrier']
        return [
            Min(barrier.id).as_('id'),
            barrier.company.as_('company'),
            barrier.field_of_action.as_('field_of_action'),
            barrier.state.as_('state'),
            Count(barrier.id, distinct=True).as_('count'),
            Count(tables['barrier_case'].case, distinct=True).as_('cases'),
            ]

    @classmethod
    def _where(cls, tables):
        return tables['barrier'].state.in_(
            ['reported', 'assessed', 'assigned'])

    @classmethod
    def _group_by(cls, tables):
        barrier = tables['barrier']
        return [barrier.company, barrier.field_of_action, barrier.state]
