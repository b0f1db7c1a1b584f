# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.model import DeactivableMixin, ModelSQL, ModelView, fields
from trytond.modules.kim.access import AccessMixin
from trytond.pyson import Eval

PRIORITIES = [
    (None, ""),
    ('1', "High"),
    ('2', "Medium"),
    ('3', "Low"),
    ]


class Theme(AccessMixin, DeactivableMixin, ModelSQL, ModelView):
    """KIM Generative Theme

    A theme across cases that groups structural barriers: the steering
    group sets its priority and takes it up through working groups and
    resolutions."""
    __string__ = "KIM Generative Theme"
    __name__ = 'kim.steering.theme'
    group = fields.Many2One(
        'kim.steering.group', "Steering Group", required=True,
        ondelete='RESTRICT')
    name = fields.Char("Name", required=True)
    description = fields.Text("Description")
    field_of_action = fields.Many2One(
        'kim.field_of_action', "Field of Action", ondelete='RESTRICT')
    priority = fields.Selection(
        PRIORITIES, "Priority", sort=False,
        help="The priority set by the steering group.")
    priority_meeting = fields.Many2One(
        'kim.steering.meeting', "Prioritised in", ondelete='RESTRICT',
        domain=[('group', '=', Eval('group', -1))],
        help="The meeting of the steering group that set the priority.")
    working_groups = fields.Many2Many(
        'kim.steering.theme-kim.steering.working_group', 'theme',
        'working_group', "Working Groups",
        domain=[('group', '=', Eval('group', -1))])
    resolutions = fields.Many2Many(
        'kim.steering.theme-kim.steering.resolution', 'theme', 'resolution',
        "Resolutions",
        domain=[('group', '=', Eval('group', -1))])

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('group')
        cls._order = [
            ('priority', 'ASC NULLS LAST'), ('name', 'ASC'), ('id', 'ASC')]


class ThemeWorkingGroup(AccessMixin, ModelSQL):
    __string__ = "KIM Generative Theme - Working Group"
    __name__ = 'kim.steering.theme-kim.steering.working_group'
    theme = fields.Many2One(
        'kim.steering.theme', "Theme", required=True, ondelete='CASCADE')
    working_group = fields.Many2One(
        'kim.steering.working_group', "Working Group", required=True,
        ondelete='CASCADE')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('theme')


class ThemeResolution(AccessMixin, ModelSQL):
    __string__ = "KIM Generative Theme - Resolution"
    __name__ = 'kim.steering.theme-kim.steering.resolution'
    theme = fields.Many2One(
        'kim.steering.theme', "Theme", required=True, ondelete='CASCADE')
    resolution = fields.Many2One(
        'kim.steering.resolution', "Resolution", required=True,
        ondelete='CASCADE')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('theme')
