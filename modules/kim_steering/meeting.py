# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.i18n import gettext
from trytond.model import (
    ModelSQL, ModelView, Workflow, fields, sequence_ordered)
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.model import (
    FrozenLineMixin, MessageValueMixin, format_date, in_states)
from trytond.pool import Pool
from trytond.pyson import Eval, If

from .exceptions import FrozenError, WorkflowError

# The states in which the meeting and its agenda, attendance and minutes
# are frozen
FROZEN = {'approved', 'cancelled'}


class Meeting(MessageValueMixin, AccessMixin, Workflow, ModelSQL, ModelView):
    """KIM Steering Group Meeting

    Planned with its agenda, invited, held with attendance and minutes, and
    closed by the approval of the minutes."""
    __string__ = "KIM Steering Group Meeting"
    __name__ = 'kim.steering.meeting'
    _states = {
        'readonly': Eval('state').in_(list(FROZEN)),
        }
    group = fields.Many2One(
        'kim.steering.group', "Steering Group", required=True,
        ondelete='RESTRICT',
        states={
            'readonly': Eval('state') != 'planned',
            })
    company = fields.Function(fields.Many2One(
            'company.company', "Organisation"),
        'on_change_with_company', searcher='search_company')
    name = fields.Char("Title", required=True, states=_states)
    start = fields.DateTime(
        "Start", required=True, states=_states,
        domain=[If(Eval('start') & Eval('end'),
                ('start', '<=', Eval('end')), ())])
    end = fields.DateTime(
        "End", states=_states,
        domain=[If(Eval('start') & Eval('end'),
                ('end', '>=', Eval('start')), ())])
    place = fields.Char("Place", states=_states)
    invitation_date = fields.Date(
        "Invitation Date", readonly=True,
        help="The day the invitations were sent.")
    items = fields.One2Many(
        'kim.steering.meeting.item', 'meeting', "Agenda", states=_states)
    attendances = fields.One2Many(
        'kim.steering.meeting.attendance', 'meeting', "Attendance",
        states=_states)
    minutes = fields.Text(
        "Minutes",
        states={
            'readonly': Eval('state') != 'held',
            'invisible': ~Eval('state').in_(['held', 'approved']),
            })
    minutes_approval_date = fields.Date(
        "Minutes Approved on", readonly=True)
    resolutions = fields.One2Many(
        'kim.steering.resolution', 'meeting', "Resolutions", readonly=True,
        help="The resolutions taken in the meeting.")
    state = fields.Selection([
            ('planned', "Planned"),
            ('invited', "Invited"),
            ('held', "Held"),
            ('approved', "Minutes Approved"),
            ('cancelled', "Cancelled"),
            ], "State", readonly=True, required=True, sort=False)
    state_string = state.translated('state')

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('group')
        cls._order = [('start', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('planned', 'invited'),
            ('planned', 'held'),
            ('invited', 'held'),
            ('held', 'approved'),
            ('planned', 'cancelled'),
            ('invited', 'cancelled'),
            ('cancelled', 'planned'),
            }
        cls._buttons.update({
                'invite': {
                    'invisible': Eval('state') != 'planned',
                    'icon': 'tryton-email',
                    'depends': ['state'],
                    },
                'hold': {
                    'invisible': ~Eval('state').in_(['planned', 'invited']),
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'approve': {
                    'invisible': Eval('state') != 'held',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'cancel': {
                    'invisible': ~Eval('state').in_(['planned', 'invited']),
                    'icon': 'tryton-cancel',
                    'depends': ['state'],
                    },
                'plan': {
                    'invisible': Eval('state') != 'cancelled',
                    'icon': 'tryton-undo',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_state():
        return 'planned'

    @fields.depends('group', '_parent_group.company')
    def on_change_with_company(self, name=None):
        return self.group.company if self.group else None

    @classmethod
    def search_company(cls, name, clause):
        return [('group.' + clause[0], *clause[1:])]

    def get_rec_name(self, name):
        return f'{self.name} ({format_date(self.start.date())})'

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('name', *clause[1:])]

    @classmethod
    def view_attributes(cls):
        return super().view_attributes() + [
            ('/tree', 'visual',
                If(Eval('state') == 'cancelled', 'muted', '')),
            ]

    @classmethod
    def copy(cls, meetings, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('invitation_date')
        default.setdefault('minutes')
        default.setdefault('minutes_approval_date')
        default.setdefault('attendances')
        default.setdefault('resolutions')
        return super().copy(meetings, default=default)

    @classmethod
    def check_modification(cls, mode, meetings, values=None, external=False):
        super().check_modification(
            mode, meetings, values=values, external=external)
        if mode == 'delete':
            for meeting in meetings:
                if meeting.state != 'planned':
                    raise FrozenError(gettext(
                            'kim_steering.msg_meeting_delete',
                            meeting=meeting.rec_name))
        elif mode == 'write' and not set(values) <= {'state'}:
            for meeting in meetings:
                if meeting.state in FROZEN:
                    raise FrozenError(gettext(
                            'kim_steering.msg_meeting_frozen',
                            record=meeting.rec_name))

    @classmethod
    @in_states({'planned'}, 'kim_steering.msg_meeting_invite_state')
    @ModelView.button
    @Workflow.transition('invited')
    def invite(cls, meetings):
        "Invite the current members and record the day of invitation"
        pool = Pool()
        Date = pool.get('ir.date')
        Attendance = pool.get('kim.steering.meeting.attendance')
        today = Date.today()
        attendances = []
        for meeting in meetings:
            invited = {a.member for a in meeting.attendances}
            for member in meeting.group.members:
                if (member not in invited
                        and member.is_current(meeting.start.date())):
                    attendances.append(Attendance(
                            meeting=meeting, member=member))
        Attendance.save(attendances)
        cls.write(meetings, {'invitation_date': today})

    @classmethod
    @in_states(
        {'planned', 'invited'}, 'kim_steering.msg_meeting_hold_state')
    @ModelView.button
    @Workflow.transition('held')
    def hold(cls, meetings):
        # Adoptions in parallel would both create a missing sequence of
        # the year and one of them be refused as a duplicate.
        for meeting in meetings:
            meeting.group.resolution_sequence(meeting.start.year)

    @classmethod
    @in_states({'held'}, 'kim_steering.msg_meeting_approve_state')
    @ModelView.button
    @Workflow.transition('approved')
    def approve(cls, meetings):
        "Approve the minutes: the meeting is closed"
        pool = Pool()
        Date = pool.get('ir.date')
        for meeting in meetings:
            if not (meeting.minutes or '').strip():
                raise WorkflowError(gettext(
                        'kim_steering.msg_meeting_approve_no_minutes',
                        meeting=meeting.rec_name))
            for resolution in meeting.resolutions:
                if resolution.state == 'proposed':
                    raise WorkflowError(gettext(
                            'kim_steering.msg_meeting_approve_proposed',
                            meeting=meeting.rec_name,
                            resolution=resolution.rec_name))
        cls.write(meetings, {'minutes_approval_date': Date.today()})

    @classmethod
    @in_states(
        {'planned', 'invited'}, 'kim_steering.msg_meeting_cancel_state')
    @ModelView.button
    @Workflow.transition('cancelled')
    def cancel(cls, meetings):
        pass

    @classmethod
    @in_states({'cancelled'}, 'kim_steering.msg_meeting_plan_state')
    @ModelView.button
    @Workflow.transition('planned')
    def plan(cls, meetings):
        pass


class MeetingLineMixin(FrozenLineMixin):
    "A line of a meeting, frozen with it"
    __slots__ = ()
    _parent_name = 'meeting'
    _parent_frozen = FROZEN
    _parent_frozen_message = 'kim_steering.msg_meeting_frozen'


class Item(MeetingLineMixin, sequence_ordered(), ModelSQL, ModelView):
    "KIM Steering Group Meeting Agenda Item"
    __string__ = "KIM Agenda Item"
    __name__ = 'kim.steering.meeting.item'
    meeting = fields.Many2One(
        'kim.steering.meeting', "Meeting", required=True, ondelete='CASCADE')
    name = fields.Char("Topic", required=True)
    description = fields.Text("Description")
    presenter = fields.Many2One(
        'party.party', "Presenter", ondelete='RESTRICT')
    theme = fields.Many2One(
        'kim.steering.theme', "Generative Theme", ondelete='SET NULL',
        domain=[
            ('group', '=', Eval('_parent_meeting', {}).get('group', -1)),
            ])
    resolution = fields.Many2One(
        'kim.steering.resolution', "Resolution", ondelete='SET NULL',
        domain=[
            ('group', '=', Eval('_parent_meeting', {}).get('group', -1)),
            ],
        help="The resolution proposed or taken under this item.")
    notes = fields.Text(
        "Minutes Notes", help="What was discussed under this item.")

    def get_rec_name(self, name):
        return self.name


class Attendance(MeetingLineMixin, ModelSQL, ModelView):
    "KIM Steering Group Meeting Attendance"
    __string__ = "KIM Meeting Attendance"
    __name__ = 'kim.steering.meeting.attendance'
    meeting = fields.Many2One(
        'kim.steering.meeting', "Meeting", required=True, ondelete='CASCADE')
    member = fields.Many2One(
        'kim.steering.member', "Member", required=True, ondelete='RESTRICT',
        domain=[
            ('group', '=', Eval('_parent_meeting', {}).get('group', -1)),
            ])
    role = fields.Function(
        fields.Selection('get_roles', "Role"), 'on_change_with_role')
    status = fields.Selection([
            ('invited', "Invited"),
            ('present', "Present"),
            ('excused', "Excused"),
            ('represented', "Represented"),
            ('absent', "Absent"),
            ], "Status", required=True, sort=False)
    represented_by = fields.Many2One(
        'party.party', "Represented by", ondelete='RESTRICT',
        states={
            'required': Eval('status') == 'represented',
            'invisible': Eval('status') != 'represented',
            })

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('meeting', 'ASC'), ('id', 'ASC')]

    @staticmethod
    def default_status():
        return 'invited'

    @classmethod
    def get_roles(cls):
        Member = Pool().get('kim.steering.member')
        return Member.fields_get(['role'])['role']['selection']

    @fields.depends('member', '_parent_member.role')
    def on_change_with_role(self, name=None):
        return self.member.role if self.member else None

    def get_rec_name(self, name):
        return self.member.rec_name
