# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""What kim_steering adds where kim_case is installed: the structural
barriers of the cases taken up by the steering, and the link of a case
reconstruction to its case"""
from sql.aggregate import Count

from trytond import backend
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.model import in_states
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Bool, Eval, If
from trytond.tools import grouped_slice
from trytond.transaction import (
    Transaction, check_access, without_check_access)

from .exceptions import WorkflowError
from .network import NETWORK_KINDS

# The states of a barrier in which the steering works on it
STEERING_STATES = ['reported', 'assessed', 'assigned']


class Barrier(metaclass=PoolMeta):
    __name__ = 'kim.case.barrier'
    _steering_states = {
        'readonly': ~Eval('state').in_(STEERING_STATES),
        }
    theme = fields.Many2One(
        'kim.steering.theme', "Generative Theme", ondelete='SET NULL',
        states=_steering_states,
        help="The theme of the steering group that takes up the barrier.")
    working_group = fields.Many2One(
        'kim.steering.working_group', "Working Group", ondelete='SET NULL',
        states=_steering_states)
    resolutions = fields.Many2Many(
        'kim.steering.resolution-kim.case.barrier', 'barrier', 'resolution',
        "Resolutions", states=_steering_states)
    assessment = fields.Text(
        "Assessment", states=_steering_states,
        help="How the coordination assesses the barrier.")
    del _steering_states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.state.selection += [
            ('assessed', "Assessed"),
            ('assigned', "Assigned"),
            ('resolved', "Resolved"),
            ('closed', "Closed"),
            ]
        cls._transitions |= {
            ('reported', 'assessed'),
            ('assessed', 'assigned'),
            ('assessed', 'resolved'),
            ('assigned', 'resolved'),
            ('assessed', 'closed'),
            ('resolved', 'closed'),
            }
        cls._buttons.update({
                'assess': {
                    'invisible': Eval('state') != 'reported',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'assign': {
                    'invisible': Eval('state') != 'assessed',
                    'readonly': ~(Bool(Eval('working_group'))
                        | Bool(Eval('resolutions'))),
                    'icon': 'tryton-forward',
                    'depends': ['state', 'working_group', 'resolutions'],
                    },
                'resolve': {
                    'invisible': ~Eval('state').in_(['assessed', 'assigned']),
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'close': {
                    'invisible': ~Eval('state').in_(['assessed', 'resolved']),
                    'icon': 'tryton-close',
                    'depends': ['state'],
                    },
                })

    @classmethod
    @in_states({'reported'}, 'kim_steering.msg_barrier_assess_state')
    @ModelView.button
    @Workflow.transition('assessed')
    def assess(cls, barriers):
        pass

    @classmethod
    @in_states({'assessed'}, 'kim_steering.msg_barrier_assign_state')
    @ModelView.button
    @Workflow.transition('assigned')
    def assign(cls, barriers):
        for barrier in barriers:
            if not barrier.working_group and not barrier.resolutions:
                raise WorkflowError(gettext(
                        'kim_steering.msg_barrier_assign_nobody',
                        barrier=barrier.rec_name))

    @classmethod
    @in_states(
        {'assessed', 'assigned'}, 'kim_steering.msg_barrier_resolve_state')
    @ModelView.button
    @Workflow.transition('resolved')
    def resolve(cls, barriers):
        pass

    @classmethod
    @in_states(
        {'assessed', 'resolved'}, 'kim_steering.msg_barrier_close_state')
    @ModelView.button
    @Workflow.transition('closed')
    def close(cls, barriers):
        pass


class ResolutionBarrier(AccessMixin, ModelSQL):
    __string__ = "KIM Resolution - Structural Barrier"
    __name__ = 'kim.steering.resolution-kim.case.barrier'
    resolution = fields.Many2One(
        'kim.steering.resolution', "Resolution", required=True,
        ondelete='CASCADE')
    barrier = fields.Many2One(
        'kim.case.barrier', "Barrier", required=True, ondelete='CASCADE')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('barrier')


class Resolution(metaclass=PoolMeta):
    __name__ = 'kim.steering.resolution'
    barriers = fields.Many2Many(
        'kim.steering.resolution-kim.case.barrier', 'resolution', 'barrier',
        "Structural Barriers", readonly=True)


class Theme(metaclass=PoolMeta):
    __name__ = 'kim.steering.theme'
    barriers = fields.One2Many(
        'kim.case.barrier', 'theme', "Structural Barriers", readonly=True)
    case_count = fields.Function(
        fields.Integer("Number of Cases",
            help="The cases in which the barriers of the theme occurred."),
        'get_case_count')

    @classmethod
    def get_case_count(cls, themes, name):
        # Counted in SQL: coordination sees how many cases a theme touches
        # without access to the cases.
        pool = Pool()
        Barrier = pool.get('kim.case.barrier')
        BarrierCase = pool.get('kim.case.barrier-kim.case')
        barrier = Barrier.__table__()
        barrier_case = BarrierCase.__table__()
        cursor = Transaction().connection.cursor()
        counts = {t.id: 0 for t in themes}
        for sub_ids in grouped_slice(
                [t.id for t in themes], backend.MAX_QUERY_PARAMS):
            cursor.execute(*barrier.join(barrier_case,
                    condition=barrier_case.barrier == barrier.id).select(
                    barrier.theme, Count(barrier_case.case, distinct=True),
                    where=fields.SQL_OPERATORS['in'](
                        barrier.theme, list(sub_ids)),
                    group_by=[barrier.theme]))
            counts.update(cursor)
        return counts


class Item(metaclass=PoolMeta):
    __name__ = 'kim.steering.meeting.item'
    barrier = fields.Many2One(
        'kim.case.barrier', "Structural Barrier", ondelete='SET NULL',
        help="The barrier discussed under this item.")


class Reconstruction(metaclass=PoolMeta):
    __name__ = 'kim.steering.reconstruction'
    # Stored apart and read only through case, which shows the case to the
    # users who may read it and nothing to the others
    linked_case = fields.Many2One(
        'kim.case', "Linked Case", ondelete='SET NULL', readonly=True)
    case = fields.Function(fields.Many2One(
            'kim.case', "Case",
            domain=[('company', '=', Eval('company', -1))],
            help="The real case, if any; shown only to those who may read "
            "it."),
        'get_case', setter='set_case')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._buttons.update({
                'create_barriers': {
                    'icon': 'tryton-forward',
                    'depends': ['findings'],
                    },
                })

    @classmethod
    def get_case(cls, reconstructions, name):
        pool = Pool()
        Case = pool.get('kim.case')
        ModelAccess = pool.get('ir.model.access')
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        linked = {}
        for sub_ids in grouped_slice([r.id for r in reconstructions]):
            cursor.execute(*table.select(table.id, table.linked_case,
                    where=fields.SQL_OPERATORS['in'](table.id, list(sub_ids))
                    & (table.linked_case != None)))  # noqa: E711
            linked.update(cursor)
        result = dict.fromkeys((r.id for r in reconstructions))
        if not linked:
            return result
        # Function fields are computed without access checks: the case is
        # searched as the user.
        with check_access():
            if not ModelAccess.check('kim.case', 'read',
                    raise_exception=False):
                return result
            readable = set()
            for sub_ids in grouped_slice(sorted(set(linked.values()))):
                readable.update(map(int, Case.search(
                            [('id', 'in', list(sub_ids))], order=[])))
        for id_, case_id in linked.items():
            if case_id in readable:
                result[id_] = case_id
        return result

    @classmethod
    def set_case(cls, reconstructions, name, value):
        # The link was checked by AccessMixin.write against the case rules.
        with without_check_access():
            cls.write(reconstructions, {'linked_case': value})

    @classmethod
    @ModelView.button
    def create_barriers(cls, reconstructions):
        "Report a structural barrier for each finding that has none"
        pool = Pool()
        Barrier = pool.get('kim.case.barrier')
        Finding = pool.get('kim.steering.reconstruction.finding')
        Employee = pool.get('company.employee')
        employee = Transaction().context.get('employee')
        employee = Employee(employee) if employee else None
        findings, barriers = [], []
        for reconstruction in reconstructions:
            for finding in reconstruction.findings:
                if finding.barrier:
                    continue
                findings.append(finding)
                barriers.append(Barrier(
                        name=finding.name,
                        description=finding.description or finding.name,
                        company=reconstruction.company,
                        reported_by=(employee
                            if employee and employee.company
                            == reconstruction.company else None),
                        date=reconstruction.date,
                        field_of_action=finding.field_of_action,
                        legal_domain=finding.legal_domain,
                        theme=finding.theme))
        Barrier.save(barriers)
        Barrier.report(barriers)
        for finding, barrier in zip(findings, barriers):
            finding.barrier = barrier
        Finding.save(findings)


class Finding(metaclass=PoolMeta):
    __name__ = 'kim.steering.reconstruction.finding'
    barrier = fields.Many2One(
        'kim.case.barrier', "Structural Barrier", readonly=True,
        ondelete='SET NULL',
        help="The barrier reported from this finding.")


class Referral(metaclass=PoolMeta):
    __name__ = 'kim.case.referral'
    recipient_kind = fields.Selection(
        NETWORK_KINDS, "Recipient Kind", sort=False,
        help="Choose it to pick the recipient from the local network.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.recipient.domain = [
            cls.recipient.domain or [],
            If(Eval('recipient_kind'),
                ('kim_network_kind', '=', Eval('recipient_kind')),
                ()),
            ]
        cls.recipient.depends.add('recipient_kind')

    @fields.depends('recipient', '_parent_recipient.kim_network_kind')
    def on_change_recipient(self):
        if self.recipient and self.recipient.kim_network_kind:
            self.recipient_kind = self.recipient.kim_network_kind
