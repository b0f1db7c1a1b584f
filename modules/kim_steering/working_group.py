# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.model import (
    FrozenLineMixin, MessageValueMixin, in_states)
from trytond.pool import Pool
from trytond.pyson import Eval, If

from .exceptions import FrozenError, WorkflowError


class WorkingGroup(
        MessageValueMixin, AccessMixin, Workflow, ModelSQL, ModelView):
    """KIM Working Group

    An Arbeits- or Projektgruppe set up by a resolution of the steering
    group; it works on a mandate and brings its results and proposals back
    to the steering group."""
    __string__ = "KIM Working Group"
    __name__ = 'kim.steering.working_group'
    _states = {
        'readonly': Eval('state') == 'closed',
        }
    group = fields.Many2One(
        'kim.steering.group', "Steering Group", required=True,
        ondelete='RESTRICT',
        states={
            'readonly': Eval('state') != 'planned',
            })
    name = fields.Char("Name", required=True, states=_states)
    kind = fields.Selection([
            ('working', "Working Group"),
            ('project', "Project Group"),
            ], "Kind", required=True, sort=False, states=_states,
        help="A working group works on a subject for a longer time, a "
        "project group on one task until its end date.")
    mandate = fields.Many2One(
        'kim.steering.resolution', "Mandate", ondelete='RESTRICT',
        domain=[
            ('group', '=', Eval('group', -1)),
            ('state', 'in', ['adopted', 'in_progress', 'implemented']),
            ],
        states=_states,
        help="The resolution that set up the group and gave its mandate.")
    lead = fields.Many2One(
        'party.party', "Lead", ondelete='RESTRICT', states=_states)
    members = fields.One2Many(
        'kim.steering.working_group.member', 'working_group', "Members",
        states=_states)
    start_date = fields.Date(
        "Start Date", required=True, states=_states,
        domain=[If(Eval('start_date') & Eval('end_date'),
                ('start_date', '<=', Eval('end_date')), ())])
    end_date = fields.Date(
        "End Date", states=_states,
        domain=[If(Eval('start_date') & Eval('end_date'),
                ('end_date', '>=', Eval('start_date')), ())])
    meetings = fields.One2Many(
        'kim.steering.working_group.meeting', 'working_group', "Meetings",
        states=_states)
    results = fields.Text("Results", states=_states)
    proposals = fields.One2Many(
        'kim.steering.proposal', 'working_group', "Proposals",
        states=_states)
    state = fields.Selection([
            ('planned', "Planned"),
            ('active', "Active"),
            ('closed', "Closed"),
            ], "State", readonly=True, required=True, sort=False)
    state_string = state.translated('state')

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # Not through __access__, which would grant the access rights of
        # the steering group to its members
        cls._order = [('start_date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('planned', 'active'),
            ('active', 'closed'),
            ('closed', 'active'),
            }
        cls._buttons.update({
                'activate': {
                    'invisible': Eval('state') == 'active',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'close': {
                    'invisible': Eval('state') != 'active',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_kind():
        return 'working'

    @staticmethod
    def default_state():
        return 'planned'

    @staticmethod
    def default_start_date():
        return Pool().get('ir.date').today()

    @classmethod
    def check_modification(cls, mode, groups, values=None, external=False):
        super().check_modification(
            mode, groups, values=values, external=external)
        if mode == 'write' and not set(values) <= {'state'}:
            for group in groups:
                if group.state == 'closed':
                    raise FrozenError(gettext(
                            'kim_steering.msg_working_group_closed',
                            record=group.rec_name))

    @classmethod
    @in_states(
        {'planned', 'closed'}, 'kim_steering.msg_working_group_activate_state')
    @ModelView.button
    @Workflow.transition('active')
    def activate(cls, groups):
        pass

    @classmethod
    @in_states({'active'}, 'kim_steering.msg_working_group_close_state')
    @ModelView.button
    @Workflow.transition('closed')
    def close(cls, groups):
        pass


class WorkingGroupLineMixin(FrozenLineMixin):
    "A line of a working group, read-only once the group is closed"
    __slots__ = ()
    _parent_name = 'working_group'
    _parent_frozen = {'closed'}
    _parent_frozen_message = 'kim_steering.msg_working_group_closed'


class WorkingGroupMember(
        MessageValueMixin, WorkingGroupLineMixin, ModelSQL, ModelView):
    "KIM Working Group Member"
    __string__ = "KIM Working Group Member"
    __name__ = 'kim.steering.working_group.member'
    working_group = fields.Many2One(
        'kim.steering.working_group', "Working Group", required=True,
        ondelete='CASCADE')
    party = fields.Many2One(
        'party.party', "Person", required=True, ondelete='RESTRICT')
    organisation = fields.Many2One(
        'party.party', "Organisation", ondelete='RESTRICT')
    start_date = fields.Date(
        "Start Date",
        domain=[If(Eval('start_date') & Eval('end_date'),
                ('start_date', '<=', Eval('end_date')), ())])
    end_date = fields.Date(
        "End Date",
        domain=[If(Eval('start_date') & Eval('end_date'),
                ('end_date', '>=', Eval('start_date')), ())])

    def get_rec_name(self, name):
        return self.party.rec_name


class WorkingGroupMeeting(WorkingGroupLineMixin, ModelSQL, ModelView):
    "KIM Working Group Meeting"
    __string__ = "KIM Working Group Meeting"
    __name__ = 'kim.steering.working_group.meeting'
    working_group = fields.Many2One(
        'kim.steering.working_group', "Working Group", required=True,
        ondelete='CASCADE')
    date = fields.Date("Date", required=True)
    name = fields.Char("Subject", required=True)
    notes = fields.Text("Notes")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]


class Proposal(MessageValueMixin, AccessMixin, Workflow, ModelSQL, ModelView):
    """KIM Proposal

    What a working group proposes to the steering group: put on the agenda
    of a meeting, it becomes an agenda item with a proposed resolution."""
    __string__ = "KIM Proposal"
    __name__ = 'kim.steering.proposal'
    _states = {
        'readonly': Eval('state') != 'draft',
        }
    working_group = fields.Many2One(
        'kim.steering.working_group', "Working Group", required=True,
        ondelete='CASCADE', states=_states)
    name = fields.Char("Title", required=True, states=_states)
    text = fields.Text("Text", required=True, states=_states)
    kind = fields.Selection(
        'get_kinds', "Kind", required=True, states=_states,
        help="The kind of resolution proposed.")
    date = fields.Date("Date", required=True, states=_states)
    meeting = fields.Many2One(
        'kim.steering.meeting', "Meeting", ondelete='RESTRICT',
        domain=[
            ('group', '=', Eval('steering_group', -1)),
            ('state', 'in', ['planned', 'invited']),
            ],
        states={
            'readonly': Eval('state') != 'submitted',
            'required': Eval('state') == 'scheduled',
            },
        help="The meeting of the steering group that is to decide on it.")
    steering_group = fields.Function(fields.Many2One(
            'kim.steering.group', "Steering Group"),
        'on_change_with_steering_group')
    item = fields.Many2One(
        'kim.steering.meeting.item', "Agenda Item", readonly=True,
        ondelete='SET NULL')
    resolution = fields.Many2One(
        'kim.steering.resolution', "Resolution", readonly=True,
        ondelete='SET NULL')
    resolution_state = fields.Function(fields.Selection(
            'get_resolution_states', "Resolution State"),
        'on_change_with_resolution_state')
    state = fields.Selection([
            ('draft', "Draft"),
            ('submitted', "Submitted"),
            ('scheduled', "On the Agenda"),
            ], "State", readonly=True, required=True, sort=False)
    state_string = state.translated('state')

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('working_group')
        cls._order = [('date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'submitted'),
            ('submitted', 'draft'),
            ('submitted', 'scheduled'),
            }
        cls._buttons.update({
                'submit': {
                    'invisible': Eval('state') != 'draft',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'draft': {
                    'invisible': Eval('state') != 'submitted',
                    'icon': 'tryton-back',
                    'depends': ['state'],
                    },
                'schedule': {
                    'invisible': Eval('state') != 'submitted',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_state():
        return 'draft'

    @staticmethod
    def default_kind():
        return 'decision'

    @staticmethod
    def default_date():
        return Pool().get('ir.date').today()

    @classmethod
    def get_kinds(cls):
        Resolution = Pool().get('kim.steering.resolution')
        return Resolution.fields_get(['kind'])['kind']['selection']

    @classmethod
    def get_resolution_states(cls):
        Resolution = Pool().get('kim.steering.resolution')
        return Resolution.fields_get(['state'])['state']['selection'] + [
            (None, '')]

    @fields.depends('working_group', '_parent_working_group.group')
    def on_change_with_steering_group(self, name=None):
        return self.working_group.group if self.working_group else None

    @fields.depends('resolution', '_parent_resolution.state')
    def on_change_with_resolution_state(self, name=None):
        return self.resolution.state if self.resolution else None

    @classmethod
    def check_modification(
            cls, mode, proposals, values=None, external=False):
        super().check_modification(
            mode, proposals, values=values, external=external)
        if mode == 'delete':
            for proposal in proposals:
                if proposal.state == 'scheduled':
                    raise FrozenError(gettext(
                            'kim_steering.msg_proposal_delete',
                            proposal=proposal.rec_name))

    @classmethod
    @in_states({'draft'}, 'kim_steering.msg_proposal_submit_state')
    @ModelView.button
    @Workflow.transition('submitted')
    def submit(cls, proposals):
        pass

    @classmethod
    @in_states({'submitted'}, 'kim_steering.msg_proposal_draft_state')
    @ModelView.button
    @Workflow.transition('draft')
    def draft(cls, proposals):
        pass

    @classmethod
    @in_states({'submitted'}, 'kim_steering.msg_proposal_schedule_state')
    @ModelView.button
    @Workflow.transition('scheduled')
    def schedule(cls, proposals):
        """Put the proposals on the agenda of their meeting with a proposed
        resolution each"""
        pool = Pool()
        Item = pool.get('kim.steering.meeting.item')
        Resolution = pool.get('kim.steering.resolution')
        for proposal in proposals:
            meeting = proposal.meeting
            if not meeting or meeting.state not in {'planned', 'invited'}:
                raise WorkflowError(gettext(
                        'kim_steering.msg_proposal_no_meeting',
                        proposal=proposal.rec_name))
        resolutions = Resolution.create([{
                    'group': p.meeting.group.id,
                    'meeting': p.meeting.id,
                    'kind': p.kind,
                    'name': p.name,
                    'text': p.text,
                    } for p in proposals])
        items = Item.create([{
                    'meeting': p.meeting.id,
                    'name': p.name,
                    'description': p.text,
                    'presenter': (p.working_group.lead.id
                        if p.working_group.lead else None),
                    'resolution': r.id,
                    } for p, r in zip(proposals, resolutions)])
        for proposal, item, resolution in zip(proposals, items, resolutions):
            proposal.item = item
            proposal.resolution = resolution
        cls.save(proposals)
