# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import json

from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, Unique, Workflow, fields
from trytond.modules.kim.access import AccessMixin, readable_by
from trytond.modules.kim.model import (
    MessageValueMixin, format_date, in_states)
from trytond.pool import Pool
from trytond.pyson import Bool, Eval, If
from trytond.transaction import Transaction

from .exceptions import FrozenError, WorkflowError

# The states of a resolution that is being carried out
OPEN = ['adopted', 'in_progress']
# The states in which a resolution is closed and read-only
CLOSED = {'implemented', 'rejected', 'withdrawn'}


class Resolution(
        MessageValueMixin, AccessMixin, Workflow, ModelSQL, ModelView):
    """KIM Steering Group Resolution

    A Beschluss of the steering group: proposed, then adopted or rejected in
    a held meeting, carried out by those responsible and followed up until
    it is implemented."""
    __string__ = "KIM Resolution"
    __name__ = 'kim.steering.resolution'
    _rec_name = 'number'
    _proposed = {
        'readonly': Eval('state') != 'proposed',
        }
    _open = {
        'readonly': ~Eval('state').in_(['proposed'] + OPEN),
        }
    group = fields.Many2One(
        'kim.steering.group', "Steering Group", required=True,
        ondelete='RESTRICT', states=_proposed)
    number = fields.Char(
        "Number", readonly=True,
        help="Given on adoption from the sequence of the steering group and "
        "year.")
    meeting = fields.Many2One(
        'kim.steering.meeting', "Meeting", ondelete='RESTRICT',
        domain=[
            ('group', '=', Eval('group', -1)),
            If(Eval('state') == 'proposed',
                ('state', 'in', ['planned', 'invited', 'held']),
                ()),
            ],
        states=_proposed,
        help="The meeting in which the resolution is taken.")
    date = fields.Date(
        "Date", readonly=True,
        help="The day of the meeting that adopted or rejected it.")
    kind = fields.Selection([
            ('decision', "Decision"),
            ('recommendation', "Recommendation"),
            ('mandate', "Mandate"),
            ], "Kind", required=True, sort=False, states=_proposed)
    name = fields.Char("Title", required=True, states=_proposed)
    text = fields.Text("Text", required=True, states=_proposed)
    responsible_working_group = fields.Many2One(
        'kim.steering.working_group', "Responsible Working Group",
        ondelete='SET NULL', states=_open,
        domain=[('group', '=', Eval('group', -1))])
    responsible_organisation = fields.Many2One(
        'party.party', "Responsible Organisation", ondelete='RESTRICT',
        states=_open)
    responsible_person = fields.Many2One(
        'party.party', "Responsible Person", ondelete='RESTRICT',
        states=_open)
    responsible_user = fields.Many2One(
        'res.user', "Responsible Login", ondelete='SET NULL', states=_open,
        help="Notified every day while the resolution is overdue.")
    due_date = fields.Date(
        "Due Date", states=_open,
        domain=[If(Eval('date') & Eval('due_date'),
                ('due_date', '>=', Eval('date')), ())])
    overdue = fields.Function(
        fields.Boolean("Overdue"), 'get_overdue', searcher='search_overdue')
    follow_ups = fields.One2Many(
        'kim.steering.resolution.follow_up', 'resolution', "Follow-ups",
        states={
            'readonly': ~Eval('state').in_(OPEN),
            })
    reminder_date = fields.Date(
        "Last Reminder", readonly=True,
        help="The day the responsible login was last notified of the "
        "overdue resolution.")
    state = fields.Selection([
            ('proposed', "Proposed"),
            ('adopted', "Adopted"),
            ('in_progress', "In Progress"),
            ('implemented', "Implemented"),
            ('rejected', "Rejected"),
            ('withdrawn', "Withdrawn"),
            ], "State", readonly=True, required=True, sort=False)
    state_string = state.translated('state')

    del _proposed, _open

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('group')
        t = cls.__table__()
        cls._sql_constraints += [
            ('number_unique', Unique(t, t.group, t.number),
                'kim_steering.msg_resolution_number_unique'),
            ]
        cls._sql_indexes.add(
            Index(t, (t.state, Index.Equality()),
                (t.due_date, Index.Range())))
        cls._order = [('date', 'DESC NULLS FIRST'), ('number', 'DESC'),
            ('id', 'DESC')]
        cls._transitions |= {
            ('proposed', 'adopted'),
            ('proposed', 'rejected'),
            ('proposed', 'withdrawn'),
            ('adopted', 'in_progress'),
            ('adopted', 'implemented'),
            ('in_progress', 'implemented'),
            ('adopted', 'withdrawn'),
            ('in_progress', 'withdrawn'),
            }
        cls._buttons.update({
                'adopt': {
                    'invisible': Eval('state') != 'proposed',
                    'readonly': ~Bool(Eval('meeting')),
                    'icon': 'tryton-ok',
                    'depends': ['state', 'meeting'],
                    },
                'reject': {
                    'invisible': Eval('state') != 'proposed',
                    'readonly': ~Bool(Eval('meeting')),
                    'icon': 'tryton-cancel',
                    'depends': ['state', 'meeting'],
                    },
                'start': {
                    'invisible': Eval('state') != 'adopted',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'implement': {
                    'invisible': ~Eval('state').in_(OPEN),
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'withdraw': {
                    'invisible': ~Eval('state').in_(['proposed'] + OPEN),
                    'icon': 'tryton-undo',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_kind():
        return 'decision'

    @staticmethod
    def default_state():
        return 'proposed'

    def get_rec_name(self, name):
        return self.number or self.name

    @classmethod
    def search_rec_name(cls, name, clause):
        _, operator, *_ = clause
        bool_op = 'AND' if operator.startswith('!') else 'OR'
        return [bool_op,
            ('number', *clause[1:]),
            ('name', *clause[1:]),
            ]

    def get_overdue(self, name):
        today = Pool().get('ir.date').today()
        return bool(self.state in OPEN
            and self.due_date and self.due_date < today)

    @classmethod
    def search_overdue(cls, name, clause):
        today = Pool().get('ir.date').today()
        _, operator, value = clause
        overdue = [
            ('state', 'in', OPEN),
            ('due_date', '<', today),
            ]
        if (operator == '=') == bool(value):
            return overdue
        return ['OR',
            ('state', 'not in', OPEN),
            ('due_date', '=', None),
            ('due_date', '>=', today),
            ]

    @classmethod
    def view_attributes(cls):
        return super().view_attributes() + [
            ('/tree', 'visual', If(Eval('overdue'), 'danger',
                    If(Eval('state').in_(['rejected', 'withdrawn']),
                        'muted', ''))),
            ]

    @classmethod
    def copy(cls, resolutions, default=None):
        default = default.copy() if default is not None else {}
        for name in ['number', 'meeting', 'date', 'follow_ups',
                'reminder_date']:
            default.setdefault(name)
        return super().copy(resolutions, default=default)

    @classmethod
    def check_modification(
            cls, mode, resolutions, values=None, external=False):
        super().check_modification(
            mode, resolutions, values=values, external=external)
        if mode == 'delete':
            for resolution in resolutions:
                if resolution.state != 'proposed':
                    raise FrozenError(gettext(
                            'kim_steering.msg_resolution_delete',
                            resolution=resolution.rec_name))
        elif mode == 'write' and not set(values) <= {
                'state', 'reminder_date'}:
            for resolution in resolutions:
                if resolution.state in CLOSED:
                    raise FrozenError(gettext(
                            'kim_steering.msg_resolution_closed',
                            resolution=resolution.rec_name,
                            state=resolution.state_string))

    @classmethod
    def _check_meeting(cls, resolutions):
        for resolution in resolutions:
            meeting = resolution.meeting
            if not meeting or meeting.state != 'held':
                raise WorkflowError(gettext(
                        'kim_steering.msg_resolution_meeting_not_held',
                        resolution=resolution.rec_name,
                        meeting=meeting.rec_name if meeting else '-',
                        state=meeting.state_string if meeting else '-'))

    @classmethod
    @in_states({'proposed'}, 'kim_steering.msg_resolution_adopt_state')
    @ModelView.button
    @Workflow.transition('adopted')
    def adopt(cls, resolutions):
        "Adopt in the held meeting: dated and numbered"
        cls._check_meeting(resolutions)
        for resolution in sorted(resolutions, key=lambda r: r.id):
            date = resolution.meeting.start.date()
            if resolution.due_date and resolution.due_date < date:
                raise WorkflowError(gettext(
                        'kim_steering.msg_resolution_due_before_date',
                        resolution=resolution.rec_name,
                        due_date=format_date(resolution.due_date),
                        date=format_date(date)))
            resolution.date = date
            resolution.number = resolution.group.resolution_number(
                date.year)
        cls.save(resolutions)

    @classmethod
    @in_states({'proposed'}, 'kim_steering.msg_resolution_reject_state')
    @ModelView.button
    @Workflow.transition('rejected')
    def reject(cls, resolutions):
        cls._check_meeting(resolutions)
        for resolution in resolutions:
            resolution.date = resolution.meeting.start.date()
        cls.save(resolutions)

    @classmethod
    @in_states({'adopted'}, 'kim_steering.msg_resolution_start_state')
    @ModelView.button
    @Workflow.transition('in_progress')
    def start(cls, resolutions):
        pass

    @classmethod
    @in_states(OPEN, 'kim_steering.msg_resolution_implement_state')
    @ModelView.button
    @Workflow.transition('implemented')
    def implement(cls, resolutions):
        pass

    @classmethod
    @in_states(
        ['proposed'] + OPEN, 'kim_steering.msg_resolution_withdraw_state')
    @ModelView.button
    @Workflow.transition('withdrawn')
    def withdraw(cls, resolutions):
        pass

    @classmethod
    def notify_overdue(cls):
        """Notify each responsible login of its overdue resolutions once a
        day (cron), if the login may read them"""
        pool = Pool()
        Date = pool.get('ir.date')
        Notification = pool.get('res.notification')
        ModelData = pool.get('ir.model.data')
        today = Date.today()
        action = ModelData.get_id('kim_steering', 'act_resolution_form')
        resolutions = cls.search([
                ('overdue', '=', True),
                ('responsible_user', '!=', None),
                ['OR',
                    ('reminder_date', '=', None),
                    ('reminder_date', '<', today),
                    ],
                ], order=[('responsible_user', 'ASC'), ('id', 'ASC')])
        by_user = {}
        for resolution in resolutions:
            by_user.setdefault(resolution.responsible_user, []).append(
                resolution)
        notifications, notified = [], []
        for user, user_resolutions in by_user.items():
            readable = readable_by(user, user_resolutions)
            language = user.language.code if user.language else None
            with Transaction().set_context(language=language):
                for resolution in readable:
                    notifications.append(Notification(
                            user=user,
                            label=gettext(
                                'kim_steering.msg_resolution_overdue_label',
                                resolution=resolution.rec_name),
                            description=resolution.name,
                            icon='tryton-warning',
                            model=cls.__name__,
                            records=json.dumps([resolution.id]),
                            action=action))
            notified.extend(readable)
        Notification.save(notifications)
        cls.write(notified, {'reminder_date': today})


class FollowUp(AccessMixin, ModelSQL, ModelView):
    "KIM Resolution Follow-up"
    __string__ = "KIM Resolution Follow-up"
    __name__ = 'kim.steering.resolution.follow_up'
    resolution = fields.Many2One(
        'kim.steering.resolution', "Resolution", required=True,
        ondelete='CASCADE')
    date = fields.Date("Date", required=True)
    author = fields.Many2One(
        'res.user', "Author", required=True, readonly=True,
        ondelete='RESTRICT')
    text = fields.Text("Text", required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('resolution')
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @staticmethod
    def default_date():
        return Pool().get('ir.date').today()

    @staticmethod
    def default_author():
        return Transaction().user

    @classmethod
    def preprocess_values(cls, mode, values):
        values = super().preprocess_values(mode, values)
        if mode == 'create':
            # the author is who writes the entry
            values['author'] = Transaction().user
        elif Transaction().check_access:
            values.pop('author', None)
        return values

    @classmethod
    def check_modification(cls, mode, follow_ups, values=None, external=False):
        super().check_modification(
            mode, follow_ups, values=values, external=external)
        for follow_up in follow_ups:
            resolution = follow_up.resolution
            if resolution.state not in OPEN:
                raise FrozenError(gettext(
                        'kim_steering.msg_follow_up_state',
                        resolution=resolution.rec_name,
                        state=resolution.state_string))
