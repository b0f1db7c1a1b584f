# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import datetime as dt
from zoneinfo import ZoneInfo

from trytond.model import Index, ModelSQL, ModelView, Workflow, fields
from trytond.modules.kim.model import format_datetime, in_states
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction

from .case import CaseLineMixin
from .tools import notify_employees

_SCHEDULED = Eval('state') != 'scheduled'


def company_timezone():
    "The time zone of the organisation of the context, UTC without one"
    pool = Pool()
    Company = pool.get('company.company')
    company_id = Transaction().context.get('company')
    name = ''
    if company_id is not None and company_id >= 0:
        name = Company.get_timezone(company_id)
    return ZoneInfo(name) if name else dt.timezone.utc


def day_start(date, timezone):
    "The start of the date in timezone as a naive UTC datetime"
    start = dt.datetime.combine(date, dt.time(), tzinfo=timezone)
    return start.astimezone(dt.timezone.utc).replace(tzinfo=None)


class Appointment(CaseLineMixin, Workflow, ModelSQL, ModelView):
    __string__ = "KIM Case Appointment"
    __name__ = 'kim.case.appointment'
    _rec_name = 'subject'
    subject = fields.Char(
        "Subject", required=True, states={'readonly': _SCHEDULED})
    start = fields.DateTime(
        "Start", required=True, states={'readonly': _SCHEDULED})
    end = fields.DateTime(
        "End", required=True,
        domain=[If(Eval('start') & Eval('end'),
                ('end', '>=', Eval('start')),
                ())],
        states={'readonly': _SCHEDULED})
    date = fields.Function(fields.Date(
            "Date",
            help="The day of the appointment in the time zone of the "
            "organisation."),
        'get_date', searcher='search_date')
    place = fields.Char("Place", states={'readonly': _SCHEDULED})
    kind = fields.Selection(
        'get_kinds', "Kind", required=True, states={'readonly': _SCHEDULED})
    employee = fields.Many2One(
        'company.employee', "Employee", required=True, ondelete='RESTRICT',
        domain=[('company', '=', Eval('_parent_case', {}).get('company', -1))],
        states={'readonly': _SCHEDULED},
        help="The member of staff who holds the appointment.")
    interpreter = fields.Boolean(
        "Interpreter Needed", states={'readonly': _SCHEDULED})
    interpreter_language = fields.Many2One(
        'kim.case.language', "Interpreted Language", ondelete='RESTRICT',
        states={
            'invisible': ~Eval('interpreter'),
            'required': Eval('interpreter', False),
            'readonly': _SCHEDULED,
            })
    notes = fields.Text("Notes")
    contact = fields.Many2One(
        'kim.case.contact', "Contact", readonly=True, ondelete='SET NULL',
        domain=[('case', '=', Eval('case', -1))],
        help="The contact recorded when the appointment was held.")
    state = fields.Selection([
            ('scheduled', "Scheduled"),
            ('held', "Held"),
            ('missed', "Missed"),
            ('cancelled', "Cancelled"),
            ], "State", readonly=True, required=True, sort=False)
    state_string = state.translated('state')
    notified = fields.Date(
        "Notified on", readonly=True,
        help="The day the employee was told of the appointment.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.start, Index.Range())),
                Index(t, (t.case, Index.Range()), (t.start, Index.Range())),
                })
        cls._order = [('start', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('scheduled', 'held'),
            ('scheduled', 'missed'),
            ('scheduled', 'cancelled'),
            ('missed', 'scheduled'),
            ('cancelled', 'scheduled'),
            }
        cls._buttons.update({
                'hold': {
                    'invisible': Eval('state') != 'scheduled',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'miss': {
                    'invisible': Eval('state') != 'scheduled',
                    'icon': 'tryton-close',
                    'depends': ['state'],
                    },
                'cancel': {
                    'invisible': Eval('state') != 'scheduled',
                    'icon': 'tryton-cancel',
                    'depends': ['state'],
                    },
                'reschedule': {
                    'invisible': ~Eval('state').in_(['missed', 'cancelled']),
                    'icon': 'tryton-undo',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_state():
        return 'scheduled'

    @staticmethod
    def default_kind():
        return 'in_person'

    @staticmethod
    def default_employee():
        return Transaction().context.get('employee')

    @classmethod
    def get_kinds(cls):
        pool = Pool()
        Contact = pool.get('kim.case.contact')
        return Contact.fields_get(['kind'])['kind']['selection']

    @fields.depends('start', 'end')
    def on_change_start(self):
        # an hour by default, and never ending before it starts
        if self.start and (not self.end or self.end < self.start):
            self.end = self.start + dt.timedelta(hours=1)

    @classmethod
    def get_date(cls, appointments, name):
        timezone = company_timezone()
        return {
            a.id: a.start.replace(tzinfo=dt.timezone.utc).astimezone(
                timezone).date()
            for a in appointments}

    @classmethod
    def search_date(cls, name, clause):
        "The dates of the organisation's time zone as ranges of the start"
        _, operator, value = clause
        if value is None:
            return [('start', operator, None)]
        timezone = company_timezone()
        start = day_start(value, timezone)
        end = day_start(value + dt.timedelta(days=1), timezone)
        return {
            '=': [('start', '>=', start), ('start', '<', end)],
            '!=': ['OR', ('start', '<', start), ('start', '>=', end)],
            '<': [('start', '<', start)],
            '<=': [('start', '<', end)],
            '>': [('start', '>=', end)],
            '>=': [('start', '>=', start)],
            }[operator]

    @classmethod
    def order_date(cls, tables):
        return cls.start.convert_order('start', tables, cls)

    def get_rec_name(self, name):
        return f'{format_datetime(self.start)} {self.subject}'

    @classmethod
    def copy(cls, appointments, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('state', None)
        default.setdefault('contact', None)
        default.setdefault('notified', None)
        return super().copy(appointments, default=default)

    @classmethod
    def preprocess_values(cls, mode, values):
        values = super().preprocess_values(mode, values)
        # a moved appointment is told again on its new day
        if mode == 'write' and 'start' in values:
            values.setdefault('notified', None)
        return values

    @classmethod
    @in_states({'scheduled'}, 'kim_case.msg_appointment_not_scheduled')
    @ModelView.button
    @Workflow.transition('held')
    def hold(cls, appointments):
        "Record each appointment held as a contact of its case"
        pool = Pool()
        Contact = pool.get('kim.case.contact')
        contacts = Contact.create([a._contact_values() for a in appointments])
        for appointment, contact in zip(appointments, contacts):
            appointment.contact = contact
        cls.save(appointments)

    def _contact_values(self):
        minutes = (self.end - self.start) // dt.timedelta(minutes=1)
        return {
            'case': self.case.id,
            'date': self.date,
            'duration': max(minutes, 1),
            'kind': self.kind,
            'employee': self.employee.id,
            'interpreter': self.interpreter,
            'interpreter_language': (
                self.interpreter_language.id
                if self.interpreter_language else None),
            'notes': self.notes,
            }

    @classmethod
    @in_states({'scheduled'}, 'kim_case.msg_appointment_not_scheduled')
    @ModelView.button
    @Workflow.transition('missed')
    def miss(cls, appointments):
        pass

    @classmethod
    @in_states({'scheduled'}, 'kim_case.msg_appointment_not_scheduled')
    @ModelView.button
    @Workflow.transition('cancelled')
    def cancel(cls, appointments):
        pass

    @classmethod
    @in_states(
        {'missed', 'cancelled'}, 'kim_case.msg_appointment_not_ended')
    @ModelView.button
    @Workflow.transition('scheduled')
    def reschedule(cls, appointments):
        pass

    @classmethod
    def notify_today(cls):
        """Tell the users of each employee of her appointments of the day
        (cron), once, if they may read them"""
        pool = Pool()
        Date = pool.get('ir.date')
        today = Date.today()
        appointments = cls.search([
                ('state', '=', 'scheduled'),
                ('date', '=', today),
                ('case.state', 'not in', list(cls._case_ended_states)),
                ('notified', '=', None),
                ], order=[('start', 'ASC'), ('id', 'ASC')])
        notify_employees(appointments,
            'kim_case.msg_appointment_today_label',
            'kim_case.act_appointment_form',
            lambda a: {'appointment': a.rec_name})
        cls.write(appointments, {'notified': today})
