# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import datetime as dt

from sql import Null
from sql.aggregate import Max
from sql.conditionals import Coalesce

from trytond import backend
from trytond.i18n import gettext
from trytond.model import (
    Index, ModelSQL, ModelView, Unique, Workflow, fields)
from trytond.modules.company.model import employee_field
from trytond.modules.kim import fields as kim_fields
from trytond.modules.kim.access import AccessMixin
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.tools import grouped_slice
from trytond.transaction import Transaction

from .exceptions import (
    CaseClosedError, CaseDeleteError, WorkflowError)

STATES = [
    ('intake', "Intake"),
    ('assessment', "Assessment"),
    ('planning', "Planning"),
    ('implementation', "Implementation"),
    ('closed', "Closed"),
    ('cancelled', "Cancelled"),
    ]
ACTIVE_STATES = ['intake', 'assessment', 'planning', 'implementation']
_ENDED = Eval('state').in_(['closed', 'cancelled'])


class Case(AccessMixin, Workflow, ModelSQL, ModelView):
    __string__ = "KIM Case"
    __name__ = 'kim.case'
    _rec_name = 'number'
    # What users may still change on an ended case; only the buttons change
    # the rest (reopen, reset to intake).
    _ended_writable = {
        'closed': {'consents', 'barriers'},
        'cancelled': {'barriers'},
        }

    number = fields.Char(
        "Number",
        states={
            'readonly': Eval('state') != 'intake',
            },
        help="Leave empty to fill it from the case sequence of the "
        "organisation.")
    company = fields.Many2One(
        'company.company', "Organisation", required=True,
        states={
            'readonly': (Eval('state') != 'intake') | Eval('client'),
            },
        help="The organisation (Kommune or Träger) responsible for the case.")
    client = fields.Many2One(
        'kim.case.client', "Client", required=True, ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))],
        states={
            'readonly': Eval('state') != 'intake',
            })
    manager = employee_field("Case Manager", states=['closed', 'cancelled'])
    deputy = employee_field("Deputy", states=['closed', 'cancelled'])
    target_group = fields.Many2One(
        'kim.case.target_group', "Target Group", ondelete='RESTRICT',
        states={
            'readonly': _ENDED,
            'required': ~Eval('state').in_(['intake', 'cancelled']),
            })
    access_route = fields.Many2One(
        'kim.case.access_route', "Access Route", ondelete='RESTRICT',
        states={
            'readonly': _ENDED,
            })
    referrer = fields.Many2One(
        'party.party', "Referred by", ondelete='RESTRICT',
        context={
            'company': Eval('company', -1),
            },
        depends={'company'},
        states={
            'readonly': _ENDED,
            },
        help="The service that referred the client, if any.")
    start_date = fields.Date(
        "Start Date", required=True,
        states={
            'readonly': Eval('state') != 'intake',
            })
    end_date = fields.Date(
        "End Date",
        domain=[If(Eval('start_date') & Eval('end_date'),
                ('end_date', '>=', Eval('start_date')),
                ())],
        states={
            'readonly': _ENDED,
            'invisible': ~_ENDED & ~Eval('end_date'),
            })
    state = fields.Selection(
        STATES, "State", readonly=True, required=True, sort=False)
    situation = fields.Text(
        "Situation", states={'readonly': _ENDED},
        help="The client's situation and resources as found in the "
        "assessment.")
    closure_reason = fields.Many2One(
        'kim.case.closure_reason', "Closure Reason", ondelete='RESTRICT',
        states={
            'readonly': _ENDED,
            'required': Eval('state') == 'closed',
            })
    closure_note = fields.Text(
        "Closure Note", states={'readonly': _ENDED})
    needs = kim_fields.One2Many(
        'kim.case.need', 'case', "Needs", states={'readonly': _ENDED})
    goals = kim_fields.One2Many(
        'kim.case.goal', 'case', "Goals", states={'readonly': _ENDED})
    referrals = kim_fields.One2Many(
        'kim.case.referral', 'case', "Referrals",
        states={'readonly': _ENDED})
    contacts = kim_fields.One2Many(
        'kim.case.contact', 'case', "Contacts", states={'readonly': _ENDED})
    appointments = kim_fields.One2Many(
        'kim.case.appointment', 'case', "Appointments",
        states={'readonly': _ENDED})
    reminders = kim_fields.One2Many(
        'kim.case.reminder', 'case', "Reminders", states={'readonly': _ENDED})
    consents = kim_fields.One2Many(
        'kim.case.consent', 'case', "Consents",
        states={'readonly': Eval('state') == 'cancelled'})
    barriers = kim_fields.Many2Many(
        'kim.case.barrier-kim.case', 'case', 'barrier', "Structural Barriers",
        domain=[('company', '=', Eval('company', -1))])
    last_contact = fields.Function(fields.Date(
            "Last Contact", help="The date of the latest contact."),
        'get_last_contact')
    contact_overdue = fields.Function(fields.Boolean(
            "Contact Overdue",
            help="Whether the latest contact, or the start of the case if it "
            "has none, is older than the days set in the configuration."),
        'get_contact_overdue', searcher='search_contact_overdue')

    @classmethod
    def __setup__(cls):
        cls.number.search_unaccented = False
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('number_unique', Unique(t, t.company, t.number),
                'kim_case.msg_case_number_unique'),
            ]
        cls._sql_indexes.update({
                Index(t, (t.number, Index.Equality(cardinality='high'))),
                # "My Cases" and the case managers' record rule, which
                # come with the rule on the companies
                Index(t,
                    (t.manager, Index.Equality()),
                    (t.company, Index.Equality())),
                Index(t,
                    (t.deputy, Index.Equality()),
                    (t.company, Index.Equality()),
                    where=t.deputy != Null),
                Index(t, (t.state, Index.Equality(cardinality='low')),
                    where=t.state.in_(ACTIVE_STATES)),
                Index(t,
                    (t.company, Index.Equality()),
                    (t.start_date, Index.Range()),
                    (t.end_date, Index.Range())),
                # the statewide statistics: cases active or ended in a period
                Index(t,
                    (t.end_date, Index.Range()),
                    (t.start_date, Index.Range())),
                })
        cls.manager.domain = [('company', '=', Eval('company', -1))]
        cls.deputy.domain = [
            ('company', '=', Eval('company', -1)),
            ('id', '!=', Eval('manager', -1)),
            ]
        cls._order = [
            ('start_date', 'DESC NULLS FIRST'),
            ('id', 'DESC'),
            ]
        cls._transitions |= {
            ('intake', 'assessment'),
            ('assessment', 'planning'),
            ('planning', 'implementation'),
            ('implementation', 'planning'),
            ('assessment', 'closed'),
            ('planning', 'closed'),
            ('implementation', 'closed'),
            ('intake', 'cancelled'),
            ('assessment', 'cancelled'),
            ('cancelled', 'intake'),
            ('closed', 'implementation'),
            }
        cls._buttons.update({
                'assess': {
                    'invisible': Eval('state') != 'intake',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'plan': {
                    'invisible': ~Eval('state').in_(
                        ['assessment', 'implementation']),
                    'icon': If(Eval('state') == 'implementation',
                        'tryton-back', 'tryton-forward'),
                    'depends': ['state'],
                    },
                'implement': {
                    'invisible': Eval('state') != 'planning',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'close': {
                    'invisible': ~Eval('state').in_(
                        ['assessment', 'planning', 'implementation']),
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'cancel': {
                    'invisible': ~Eval('state').in_(['intake', 'assessment']),
                    'icon': 'tryton-cancel',
                    'depends': ['state'],
                    },
                'draft': {
                    'invisible': Eval('state') != 'cancelled',
                    'icon': 'tryton-undo',
                    'depends': ['state'],
                    },
                'reopen': {
                    'invisible': Eval('state') != 'closed',
                    'icon': 'tryton-undo',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_state():
        return 'intake'

    @staticmethod
    def default_start_date():
        return Pool().get('ir.date').today()

    @classmethod
    def default_manager(cls):
        return Transaction().context.get('employee')

    @classmethod
    def read(cls, ids, fields_names):
        # the lines of the tabs of the form in one query
        with kim_fields.read_together(cls, ids, fields_names):
            return super().read(ids, fields_names)

    @classmethod
    def get_last_contact(cls, cases, name):
        pool = Pool()
        Contact = pool.get('kim.case.contact')
        contact = Contact.__table__()
        cursor = Transaction().connection.cursor()
        dates = dict.fromkeys(map(int, cases))
        for sub_cases in grouped_slice(cases):
            cursor.execute(*contact.select(
                    contact.case, Max(contact.date),
                    where=contact.case.in_([c.id for c in sub_cases]),
                    group_by=[contact.case]))
            # SQLite returns the maximum of dates as text
            dates.update(
                (case_id, dt.date.fromisoformat(date)
                    if isinstance(date, str) else date)
                for case_id, date in cursor)
        return dates

    @classmethod
    def _contact_cutoff(cls):
        "The date before which the latest contact is overdue"
        pool = Pool()
        Configuration = pool.get('kim.case.configuration')
        Date = pool.get('ir.date')
        days = Configuration(1).contact_overdue_days
        return Date.today() - dt.timedelta(days=days)

    @classmethod
    def get_contact_overdue(cls, cases, name):
        cutoff = cls._contact_cutoff()
        return {
            c.id: (c.last_contact or c.start_date) < cutoff for c in cases}

    @classmethod
    def search_contact_overdue(cls, name, clause):
        pool = Pool()
        Contact = pool.get('kim.case.contact')
        case = cls.__table__()
        contact = Contact.__table__()
        _, operator, value = clause
        overdue = (case
            .join(contact, 'LEFT', condition=contact.case == case.id)
            .select(case.id,
                group_by=[case.id, case.start_date],
                having=Coalesce(Max(contact.date), case.start_date)
                < cls._contact_cutoff()))
        if (operator == '=') == bool(value):
            return [('id', 'in', overdue)]
        return [('id', 'not in', overdue)]

    @classmethod
    def get_rec_name(cls, cases, name):
        # In SQL: through the ORM each case loads all its fields and its
        # client; the client part is the client's name (its rec_name).
        Client = cls.client.get_target()
        Party = Pool().get('party.party')
        case = cls.__table__()
        client = Client.__table__()
        party = Party.__table__()
        transaction = Transaction()
        cursor = transaction.connection.cursor()
        # The names of the clients for their rec_name read next by the form
        # and the lists: in a read-only transaction read() takes the values
        # of getters from the cache, and still applies the clients' rules.
        cache = (transaction.get_cache()[Client.__name__]
            if transaction.readonly else None)
        names = {}
        for sub_cases in grouped_slice(cases, backend.MAX_QUERY_PARAMS):
            cursor.execute(*case
                .join(client, condition=case.client == client.id)
                .join(party, condition=client.party == party.id)
                .select(case.id, case.number, client.id,
                    Party.rec_name_column(party),
                    where=fields.SQL_OPERATORS['in'](
                        case.id, [c.id for c in sub_cases])))
            for case_id, number, client_id, client_name in cursor:
                names[case_id] = f'{number or ""} - {client_name}'.strip()
                if cache is not None:
                    cache[client_id]['rec_name'] = client_name
        return names

    @classmethod
    def search_rec_name(cls, name, clause):
        if clause[1].startswith('!') or clause[1].startswith('not '):
            bool_op = 'AND'
        else:
            bool_op = 'OR'
        return [bool_op,
            ('number', *clause[1:]),
            ('client.name', *clause[1:]),
            ]

    @classmethod
    def preprocess_values(cls, mode, values):
        pool = Pool()
        Configuration = pool.get('kim.case.configuration')
        values = super().preprocess_values(mode, values)
        if mode == 'create' and not values.get('number'):
            company_id = values.get('company', cls.default_company())
            if company_id is not None:
                configuration = Configuration(1)
                if sequence := configuration.get_multivalue(
                        'case_sequence', company=company_id):
                    values['number'] = sequence.get()
        return values

    @classmethod
    def copy(cls, cases, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('number', None)
        default.setdefault('end_date', None)
        default.setdefault('closure_reason', None)
        for name in ['needs', 'goals', 'referrals', 'contacts', 'consents']:
            default.setdefault(name, None)
        return super().copy(cases, default=default)

    @classmethod
    def index_set_field(cls, name):
        index = super().index_set_field(name)
        if name == 'consents':
            # Referrals are checked against the consents saved with them.
            index -= 1
        return index

    @classmethod
    def check_modification(cls, mode, cases, values=None, external=False):
        super().check_modification(
            mode, cases, values=values, external=external)
        if mode == 'write' and external:
            for case in cases:
                if set(values) - cls._ended_writable.get(
                        case.state, set(values)):
                    raise CaseClosedError(gettext(
                            'kim_case.msg_case_ended_modify',
                            case=case.rec_name))
        if mode == 'delete':
            for case in cases:
                if case.state not in {'intake', 'cancelled'}:
                    raise CaseDeleteError(gettext(
                            'kim_case.msg_case_delete_state',
                            case=case.rec_name))

    def valid_consents(self, date=None, recipient=None):
        "Return the consents of the case valid at date for the recipient"
        if date is None:
            date = Pool().get('ir.date').today()
        return [c for c in self.consents
            if c.is_valid(date)
            and (recipient is None or recipient in c.recipients)]

    @classmethod
    @ModelView.button
    @Workflow.transition('assessment')
    def assess(cls, cases):
        for case in cases:
            if not case.target_group:
                raise WorkflowError(gettext(
                        'kim_case.msg_case_no_target_group',
                        case=case.rec_name))
            if not case.valid_consents():
                raise WorkflowError(gettext(
                        'kim_case.msg_case_assess_no_consent',
                        case=case.rec_name))

    @classmethod
    @ModelView.button
    @Workflow.transition('planning')
    def plan(cls, cases):
        for case in cases:
            if not case.needs:
                raise WorkflowError(gettext(
                        'kim_case.msg_case_plan_no_need',
                        case=case.rec_name))

    @classmethod
    @ModelView.button
    @Workflow.transition('implementation')
    def implement(cls, cases):
        for case in cases:
            if not case.goals:
                raise WorkflowError(gettext(
                        'kim_case.msg_case_implement_no_goal',
                        case=case.rec_name))

    @classmethod
    @ModelView.button
    @Workflow.transition('closed')
    def close(cls, cases):
        today = Pool().get('ir.date').today()
        for case in cases:
            if not case.closure_reason:
                raise WorkflowError(gettext(
                        'kim_case.msg_case_close_no_reason',
                        case=case.rec_name))
            if not case.end_date:
                case.end_date = max(today, case.start_date)
        cls.save(cases)

    @classmethod
    @ModelView.button
    @Workflow.transition('cancelled')
    def cancel(cls, cases):
        today = Pool().get('ir.date').today()
        for case in cases:
            if not case.end_date:
                case.end_date = max(today, case.start_date)
        cls.save(cases)

    @classmethod
    @ModelView.button
    @Workflow.transition('intake')
    def draft(cls, cases):
        cls.write(cases, {'end_date': None})

    @classmethod
    @ModelView.button
    def reopen(cls, cases):
        cls._reopen(cases)
        # Cleared once the case is no longer closed, where it is required.
        cls.write(cases, {'closure_reason': None})

    @classmethod
    @Workflow.transition('implementation')
    def _reopen(cls, cases):
        cls.write(cases, {'end_date': None})


class CaseLineMixin(AccessMixin):
    """Lines of a case share its access rights and rules, and are read-only
    once the case is ended"""
    __slots__ = ()
    _case_ended_states = {'closed', 'cancelled'}
    case = fields.Many2One(
        'kim.case', "Case", required=True, ondelete='CASCADE')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('case')

    @classmethod
    def check_modification(cls, mode, lines, values=None, external=False):
        super().check_modification(
            mode, lines, values=values, external=external)
        if external:
            for line in lines:
                if line.case.state in cls._case_ended_states:
                    raise CaseClosedError(gettext(
                            'kim_case.msg_case_ended_modify',
                            case=line.case.rec_name))


class Need(CaseLineMixin, ModelSQL, ModelView):
    __string__ = "KIM Case Need"
    __name__ = 'kim.case.need'
    field_of_action = fields.Many2One(
        'kim.field_of_action', "Field of Action", required=True,
        ondelete='RESTRICT')
    description = fields.Text("Description")
    priority = fields.Selection([
            ('low', "Low"),
            ('normal', "Normal"),
            ('high', "High"),
            ], "Priority", required=True, sort=False)

    @staticmethod
    def default_priority():
        return 'normal'

    @classmethod
    def get_rec_name(cls, needs, name):
        FieldOfAction = cls.field_of_action.get_target()
        names = FieldOfAction.get_rec_name(
            [n.field_of_action for n in needs], name)
        return {n.id: names[n.field_of_action.id] for n in needs}


class Goal(CaseLineMixin, ModelSQL, ModelView):
    __string__ = "KIM Case Goal"
    __name__ = 'kim.case.goal'
    _rec_name = 'description'
    field_of_action = fields.Many2One(
        'kim.field_of_action', "Field of Action", required=True,
        ondelete='RESTRICT')
    description = fields.Char("Goal", required=True)
    agreed_date = fields.Date("Agreed on", required=True)
    review_date = fields.Date(
        "Review Date",
        domain=[If(Eval('review_date') & Eval('agreed_date'),
                ('review_date', '>=', Eval('agreed_date')),
                ())])
    outcome = fields.Selection([
            ('open', "Open"),
            ('achieved', "Achieved"),
            ('partially_achieved', "Partially Achieved"),
            ('not_achieved', "Not Achieved"),
            ('dropped', "Dropped"),
            ], "Outcome", required=True, sort=False)
    outcome_date = fields.Date(
        "Outcome Date",
        domain=[If(Eval('outcome_date') & Eval('agreed_date'),
                ('outcome_date', '>=', Eval('agreed_date')),
                ())],
        states={
            'invisible': Eval('outcome') == 'open',
            })
    outcome_note = fields.Text(
        "Outcome Note",
        states={
            'invisible': Eval('outcome') == 'open',
            })

    @staticmethod
    def default_agreed_date():
        return Pool().get('ir.date').today()

    @staticmethod
    def default_outcome():
        return 'open'
