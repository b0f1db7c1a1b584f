# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import datetime as dt

from trytond.model import Index, ModelSQL, ModelView, Workflow, fields
from trytond.modules.kim.model import format_date, in_states
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction

from .case import CaseLineMixin
from .tools import notify_employees

_DONE = Eval('state') == 'done'


class Reminder(CaseLineMixin, Workflow, ModelSQL, ModelView):
    "A follow-up date of a case: what to check again and when"
    __string__ = "KIM Case Reminder"
    __name__ = 'kim.case.reminder'
    _rec_name = 'subject'
    date = fields.Date("Date", required=True, states={'readonly': _DONE})
    subject = fields.Char("Subject", required=True, states={'readonly': _DONE})
    employee = fields.Many2One(
        'company.employee', "Employee", required=True, ondelete='RESTRICT',
        domain=[('company', '=', Eval('_parent_case', {}).get('company', -1))],
        states={'readonly': _DONE},
        help="The member of staff who follows it up.")
    notes = fields.Text("Notes")
    state = fields.Selection([
            ('open', "Open"),
            ('done', "Done"),
            ], "State", readonly=True, required=True, sort=False)
    state_string = state.translated('state')
    done_date = fields.Date("Done on", readonly=True)
    notified = fields.Date(
        "Notified on", readonly=True,
        help="The day the employee was told that it falls due.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.date, Index.Range()),
                    where=t.state == 'open'),
                Index(t, (t.case, Index.Range()), (t.date, Index.Range())),
                })
        cls._order = [('date', 'ASC'), ('id', 'ASC')]
        cls._transitions |= {
            ('open', 'done'),
            ('done', 'open'),
            }
        cls._buttons.update({
                'done': {
                    'invisible': Eval('state') != 'open',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'reopen': {
                    'invisible': Eval('state') != 'done',
                    'icon': 'tryton-undo',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_state():
        return 'open'

    @staticmethod
    def default_date():
        return Pool().get('ir.date').today() + dt.timedelta(days=7)

    @staticmethod
    def default_employee():
        return Transaction().context.get('employee')

    def get_rec_name(self, name):
        return f'{format_date(self.date)} {self.subject}'

    @classmethod
    def copy(cls, reminders, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('state', None)
        default.setdefault('done_date', None)
        default.setdefault('notified', None)
        return super().copy(reminders, default=default)

    @classmethod
    def preprocess_values(cls, mode, values):
        values = super().preprocess_values(mode, values)
        # a postponed reminder is told again when it falls due
        if mode == 'write' and 'date' in values:
            values.setdefault('notified', None)
        return values

    @classmethod
    @in_states({'open'}, 'kim_case.msg_reminder_not_open')
    @ModelView.button
    @Workflow.transition('done')
    def done(cls, reminders):
        Date = Pool().get('ir.date')
        cls.write(reminders, {'done_date': Date.today()})

    @classmethod
    @in_states({'done'}, 'kim_case.msg_reminder_not_done')
    @ModelView.button
    @Workflow.transition('open')
    def reopen(cls, reminders):
        cls.write(reminders, {'done_date': None})

    @classmethod
    def notify_due(cls):
        """Tell the users of each employee of her reminders that fall due
        (cron), once, if they may read them"""
        Date = Pool().get('ir.date')
        today = Date.today()
        reminders = cls.search([
                ('state', '=', 'open'),
                ('date', '<=', today),
                ('case.state', 'not in', list(cls._case_ended_states)),
                ('notified', '=', None),
                ], order=[('date', 'ASC'), ('id', 'ASC')])
        notify_employees(reminders, 'kim_case.msg_reminder_due_label',
            'kim_case.act_reminder_form',
            lambda r: {'reminder': r.rec_name})
        cls.write(reminders, {'notified': today})
