# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.migration import RenamedMixin
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction

from .tools import count_related


class Barrier(RenamedMixin, AccessMixin, Workflow, ModelSQL, ModelView):
    """KIM Structural Barrier

    A gap in the system of services seen across cases (strukturelle
    Fehlstelle); recorded without personal data so that coordination can
    take it up."""
    __name__ = 'kim.case.barrier'
    _former_name = 'kim.barrier'
    __string__ = "KIM Structural Barrier"
    _states = {
        'readonly': Eval('state') != 'draft',
        }

    name = fields.Char("Title", required=True, states=_states)
    description = fields.Text(
        "Description", required=True, states=_states,
        help="Describe the gap without any personal data.")
    company = fields.Many2One(
        'company.company', "Organisation", required=True, states=_states)
    reported_by = fields.Many2One(
        'company.employee', "Reported by", ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))], states=_states)
    date = fields.Date("Date", required=True, states=_states)
    field_of_action = fields.Many2One(
        'kim.field_of_action', "Field of Action", ondelete='RESTRICT',
        states=_states)
    legal_domain = fields.Many2One(
        'kim.legal_domain', "Legal Domain", ondelete='RESTRICT',
        states=_states)
    target_group = fields.Many2One(
        'kim.case.target_group', "Target Group", ondelete='RESTRICT',
        states=_states)
    cases = fields.Many2Many(
        'kim.case.barrier-kim.case', 'barrier', 'case', "Cases",
        domain=[('company', '=', Eval('company', -1))],
        help="The cases in which the barrier occurred.")
    case_count = fields.Function(
        fields.Integer("Number of Cases"), 'get_case_count')
    state = fields.Selection([
            ('draft', "Draft"),
            ('reported', "Reported"),
            ], "State", readonly=True, required=True, sort=False)

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'reported'),
            ('reported', 'draft'),
            }
        cls._buttons.update({
                'report': {
                    'invisible': Eval('state') != 'draft',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'draft': {
                    'invisible': Eval('state') != 'reported',
                    'icon': 'tryton-back',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_reported_by():
        return Transaction().context.get('employee')

    @staticmethod
    def default_date():
        return Pool().get('ir.date').today()

    @staticmethod
    def default_state():
        return 'draft'

    @classmethod
    def get_case_count(cls, barriers, name):
        # Counted in SQL so that coordination sees how often a barrier
        # occurred without access to the cases themselves.
        return count_related(barriers, 'kim.case.barrier-kim.case', 'barrier')

    @classmethod
    @ModelView.button
    @Workflow.transition('reported')
    def report(cls, barriers):
        pass

    @classmethod
    @ModelView.button
    @Workflow.transition('draft')
    def draft(cls, barriers):
        pass


class BarrierCase(RenamedMixin, AccessMixin, ModelSQL):
    __string__ = "KIM Structural Barrier - Case"
    __name__ = 'kim.case.barrier-kim.case'
    _former_name = 'kim.barrier-kim.case'
    barrier = fields.Many2One(
        'kim.case.barrier', "Barrier", required=True, ondelete='CASCADE')
    case = fields.Many2One(
        'kim.case', "Case", required=True, ondelete='CASCADE')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('case')
