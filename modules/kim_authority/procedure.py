# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import datetime as dt

from trytond.i18n import gettext
from trytond.model import (
    Index, ModelSQL, ModelView, Workflow, fields, sequence_ordered)
from trytond.modules.currency.fields import Monetary
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.model import (
    FrozenLineMixin, MessageValueMixin, format_date, in_states)
from trytond.pool import Pool
from trytond.pyson import Bool, Eval, If
from trytond.transaction import Transaction

from . import calculation
from .exceptions import FrozenError, ProcedureValidationError, WorkflowError

KINDS = [
    ('25a', "Well-Integrated Young People (§ 25a AufenthG)"),
    ('25b', "Sustained Integration (§ 25b AufenthG)"),
    ('104c', "Opportunity Residence (§ 104c AufenthG)"),
    ('104c_25a', "Conversion of § 104c into § 25a AufenthG"),
    ('104c_25b', "Conversion of § 104c into § 25b AufenthG"),
    ('stag10', "Naturalisation (§ 10 StAG)"),
    ('stag8', "Discretionary Naturalisation (§ 8 StAG)"),
    ('other', "Other"),
    ]
LANGUAGE_LEVELS = [
    (None, ""),
    ('A1', "A1"),
    ('A2', "A2"),
    ('B1', "B1"),
    ('B2', "B2"),
    ('C1', "C1"),
    ('C2', "C2"),
    ]
# The states in which a procedure is decided and read-only
DECIDED = {'granted', 'refused', 'withdrawn', 'closed'}


class Procedure(MessageValueMixin, AccessMixin, Workflow, ModelSQL, ModelView):
    """KIM Residence or Naturalisation Procedure

    A procedure of the foreigners' authority (ABH) for a residence title or
    of the naturalisation authority (EBH) for naturalisation, from the
    pre-check of its requirements to the decision."""
    __string__ = "KIM Authority Procedure"
    __name__ = 'kim.authority.procedure'
    # The kinds each authority handles
    _authority_kinds = {
        'abh': ['25a', '25b', '104c', '104c_25a', '104c_25b', 'other'],
        'ebh': ['stag10', 'stag8', 'other'],
        }
    _states = {
        'readonly': Eval('state').in_(list(DECIDED)),
        }
    company = fields.Many2One(
        'company.company', "Organisation", required=True,
        states={
            'readonly': Eval('state') != 'precheck',
            },
        help="The district or city whose authority conducts the procedure.")
    authority = fields.Selection([
            ('abh', "Foreigners' Authority"),
            ('ebh', "Naturalisation Authority"),
            ], "Authority", required=True, sort=False,
        states={
            'readonly': Eval('state') != 'precheck',
            })
    kind = fields.Selection(
        KINDS, "Kind", required=True, sort=False,
        domain=[If(Eval('authority') == 'ebh',
                ('kind', 'in', _authority_kinds['ebh']),
                ('kind', 'in', _authority_kinds['abh']))],
        states={
            'readonly': Eval('state') != 'precheck',
            })
    party = fields.Many2One(
        'party.party', "Person", required=True, ondelete='RESTRICT',
        states={
            'readonly': Eval('state') != 'precheck',
            },
        context={
            'company': Eval('company', -1),
            },
        depends={'company'})
    birth_date = fields.Date("Date of Birth", states=_states)
    minor_child = fields.Boolean(
        "Minor Child in the Household", states=_states,
        help="Shortens the prior residence for § 25b AufenthG.")
    minor_with_parent = fields.Boolean(
        "Minor Naturalised with a Parent", states=_states,
        help="A minor naturalised together with a parent pays the reduced "
        "fee.")
    german_level = fields.Selection(
        LANGUAGE_LEVELS, "German Level", sort=False, states=_states,
        help="The level of German proven by a certificate.")
    origin = fields.Selection([
            ('own', "Own Initiative of the Authority"),
            ('case_management', "Referral from KIM Case Management"),
            ('application', "Application"),
            ], "Origin", required=True, sort=False, states=_states)
    user = fields.Many2One(
        'res.user', "Responsible Login", ondelete='SET NULL', states=_states,
        help="Notified of the deadlines of the procedure.")
    application_date = fields.Date(
        "Application Date", states=_states,
        domain=[If(Eval('application_date') & Eval('decision_date'),
                ('application_date', '<=', Eval('decision_date')), ())])
    decision_date = fields.Date(
        "Decision Date", states=_states,
        domain=[If(Eval('application_date') & Eval('decision_date'),
                ('decision_date', '>=', Eval('application_date')), ())])
    decision = fields.Text("Decision", states=_states)
    permit_valid_from = fields.Date(
        "Permit Valid from", states=_states,
        domain=[If(Eval('permit_valid_from') & Eval('permit_valid_until'),
                ('permit_valid_from', '<=', Eval('permit_valid_until')),
                ())])
    permit_valid_until = fields.Date(
        "Permit Valid until", states=_states,
        domain=[If(Eval('permit_valid_from') & Eval('permit_valid_until'),
                ('permit_valid_until', '>=', Eval('permit_valid_from')),
                ())],
        help="For § 104c AufenthG computed from the start: the permit runs "
        "18 months and cannot be extended.")
    conversion_deadline = fields.Function(fields.Date(
            "Conversion Deadline",
            help="The date by which the conversion of the § 104c permit "
            "into § 25a or § 25b must be prepared."),
        'get_conversion_deadline')
    reminder_date = fields.Date("Last Reminder", readonly=True)
    currency = fields.Function(fields.Many2One(
            'currency.currency', "Currency"), 'on_change_with_currency')
    fee = Monetary(
        "Fee", currency='currency', digits=(16, 2), states=_states,
        domain=[If(Bool(Eval('fee')), ('fee', '>=', 0), ())],
        help="For naturalisation set from the legal parameters on "
        "application.")
    converted_from = fields.Many2One(
        'kim.authority.procedure', "Converted from", readonly=True,
        ondelete='RESTRICT',
        help="The § 104c procedure whose permit this procedure converts.")
    periods = fields.One2Many(
        'kim.authority.residence_period', 'procedure', "Residence History",
        states=_states)
    requirements = fields.One2Many(
        'kim.authority.requirement', 'procedure', "Requirements",
        states=_states)
    override = fields.Boolean(
        "Override", readonly=True,
        help="Granted although mandatory requirements were not met.")
    override_reason = fields.Text(
        "Reason for Granting", states=_states,
        help="Document why the procedure may be granted although mandatory "
        "requirements are not met.")
    override_by = fields.Many2One(
        'res.user', "Override by", readonly=True, ondelete='RESTRICT')
    outcome = fields.Selection([
            (None, ""),
            ('granted', "Granted"),
            ('refused', "Refused"),
            ('withdrawn', "Withdrawn"),
            ], "Outcome", readonly=True, sort=False,
        help="How the procedure ended; kept when it is closed.")
    state = fields.Selection([
            ('precheck', "Pre-check"),
            ('applied', "Applied"),
            ('in_progress', "In Progress"),
            ('granted', "Granted"),
            ('refused', "Refused"),
            ('withdrawn', "Withdrawn"),
            ('closed', "Closed"),
            ], "State", readonly=True, required=True, sort=False)
    state_string = state.translated('state')
    kind_string = kind.translated('kind')

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.company, Index.Equality()),
                    (t.authority, Index.Equality()),
                    (t.state, Index.Equality())),
                Index(t, (t.permit_valid_until, Index.Range())),
                })
        cls._order = [('application_date', 'DESC NULLS FIRST'),
            ('id', 'DESC')]
        cls._transitions |= {
            ('precheck', 'applied'),
            ('applied', 'in_progress'),
            ('applied', 'granted'),
            ('in_progress', 'granted'),
            ('applied', 'refused'),
            ('in_progress', 'refused'),
            ('precheck', 'withdrawn'),
            ('applied', 'withdrawn'),
            ('in_progress', 'withdrawn'),
            ('granted', 'closed'),
            ('refused', 'closed'),
            ('withdrawn', 'closed'),
            }
        cls._buttons.update({
                'check_requirements': {
                    'invisible': Eval('state').in_(list(DECIDED)),
                    'icon': 'tryton-refresh',
                    'depends': ['state'],
                    },
                'apply': {
                    'invisible': Eval('state') != 'precheck',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'process': {
                    'invisible': Eval('state') != 'applied',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'grant': {
                    'invisible': ~Eval('state').in_(
                        ['applied', 'in_progress']),
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'refuse': {
                    'invisible': ~Eval('state').in_(
                        ['applied', 'in_progress']),
                    'icon': 'tryton-cancel',
                    'depends': ['state'],
                    },
                'withdraw': {
                    'invisible': ~Eval('state').in_(
                        ['precheck', 'applied', 'in_progress']),
                    'icon': 'tryton-undo',
                    'depends': ['state'],
                    },
                'convert_25a': {
                    'invisible': ((Eval('kind') != '104c')
                        | ~Eval('state').in_(['granted', 'closed'])),
                    'icon': 'tryton-forward',
                    'depends': ['kind', 'state'],
                    },
                'convert_25b': {
                    'invisible': ((Eval('kind') != '104c')
                        | ~Eval('state').in_(['granted', 'closed'])),
                    'icon': 'tryton-forward',
                    'depends': ['kind', 'state'],
                    },
                'close': {
                    'invisible': ~Eval('state').in_(
                        ['granted', 'refused', 'withdrawn']),
                    'icon': 'tryton-close',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_authority():
        return 'abh'

    @staticmethod
    def default_origin():
        return 'own'

    @staticmethod
    def default_state():
        return 'precheck'

    @staticmethod
    def default_user():
        return Transaction().user

    @staticmethod
    def default_override():
        return False

    @fields.depends('company')
    def on_change_with_currency(self, name=None):
        return self.company.currency if self.company else None

    def get_rec_name(self, name):
        return f'{self.party.rec_name} – {self.kind_string}'

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('party.rec_name', *clause[1:])]

    def get_conversion_deadline(self, name):
        pool = Pool()
        Parameter = pool.get('kim.authority.legal_parameter')
        if self.kind != '104c' or not self.permit_valid_until:
            return None
        return calculation.conversion_deadline(self.permit_valid_until,
            lead_days=Parameter.get(
                '104c_conversion_lead_days', self.permit_valid_until))

    @classmethod
    def copy(cls, procedures, default=None):
        default = default.copy() if default is not None else {}
        for name in ['application_date', 'decision_date', 'decision',
                'permit_valid_from', 'permit_valid_until', 'reminder_date',
                'requirements', 'override', 'override_reason',
                'override_by', 'fee', 'converted_from', 'outcome']:
            default.setdefault(name)
        return super().copy(procedures, default=default)

    @classmethod
    def create(cls, vlist):
        procedures = super().create(vlist)
        cls._create_requirements(
            [p for p in procedures if not p.requirements])
        return procedures

    @classmethod
    def _create_requirements(cls, procedures):
        "Generate the checklist of each procedure from the templates"
        pool = Pool()
        Template = pool.get('kim.authority.requirement.template')
        Requirement = pool.get('kim.authority.requirement')
        lines = []
        for procedure in procedures:
            for template in Template.search([('kind', '=', procedure.kind)]):
                lines.append(Requirement(procedure=procedure,
                        **template.requirement_values()))
        Requirement.save(lines)

    @classmethod
    def validate_fields(cls, procedures, field_names):
        super().validate_fields(procedures, field_names)
        cls.check_periods(procedures)

    @classmethod
    def check_periods(cls, procedures):
        for procedure in procedures:
            try:
                calculation.check_periods(procedure.calculation_periods())
            except calculation.PeriodError as error:
                first, second = error.periods[:2] if len(
                    error.periods) > 1 else (error.periods[0],) * 2
                raise ProcedureValidationError(gettext(
                        'kim_authority.msg_periods_overlap',
                        procedure=procedure.rec_name,
                        first=cls._period_text(first),
                        second=cls._period_text(second)))

    @staticmethod
    def _period_text(period):
        end = format_date(period.end) if period.end else '…'
        return f'{format_date(period.start)} – {end}'

    def calculation_periods(self):
        return [calculation.Period(p.start_date, p.end_date,
                p.status.to_status()) for p in self.periods]

    @classmethod
    def check_modification(
            cls, mode, procedures, values=None, external=False):
        super().check_modification(
            mode, procedures, values=values, external=external)
        if mode == 'delete':
            for procedure in procedures:
                if procedure.state != 'precheck':
                    raise FrozenError(gettext(
                            'kim_authority.msg_procedure_delete',
                            procedure=procedure.rec_name))
        elif mode == 'write' and not set(values) <= {
                'state', 'reminder_date', 'override', 'override_by'}:
            for procedure in procedures:
                if procedure.state in DECIDED:
                    raise FrozenError(gettext(
                            'kim_authority.msg_procedure_decided',
                            record=procedure.rec_name,
                            state=procedure.state_string))

    def evaluate_requirements(self):
        "Evaluate the automatic lines of the checklist from the facts"
        for requirement in self.requirements:
            if requirement.check:
                requirement.evaluate()
        return self.requirements

    @classmethod
    @ModelView.button
    def check_requirements(cls, procedures):
        pool = Pool()
        Requirement = pool.get('kim.authority.requirement')
        lines = []
        for procedure in procedures:
            if procedure.state in DECIDED:
                continue
            if not procedure.requirements:
                cls._create_requirements([procedure])
                procedure = cls(procedure.id)
            lines.extend(procedure.evaluate_requirements())
        Requirement.save(lines)

    @classmethod
    @in_states({'precheck'}, 'kim_authority.msg_procedure_apply_state')
    @ModelView.button
    @Workflow.transition('applied')
    def apply(cls, procedures):
        pool = Pool()
        Parameter = pool.get('kim.authority.legal_parameter')
        for procedure in procedures:
            date = procedure.application_date
            if not date:
                raise WorkflowError(gettext(
                        'kim_authority.msg_procedure_no_application_date',
                        procedure=procedure.rec_name))
            if procedure.kind == '25a':
                max_age = Parameter.get('25a_max_age', date)
                if not procedure.birth_date:
                    raise WorkflowError(gettext(
                            'kim_authority.msg_procedure_no_birth_date',
                            procedure=procedure.rec_name))
                if not calculation.check_25a_age(
                        procedure.birth_date, date, max_age=max_age).met:
                    raise WorkflowError(gettext(
                            'kim_authority.msg_25a_age',
                            procedure=procedure.rec_name,
                            date=format_date(date), max_age=max_age))
            if procedure.kind == '104c':
                last = Parameter.get('104c_last_application', date)
                if date > last:
                    raise WorkflowError(gettext(
                            'kim_authority.msg_104c_application_closed',
                            procedure=procedure.rec_name,
                            date=format_date(date),
                            last=format_date(last)))
            if procedure.kind in {'104c_25a', '104c_25b'}:
                permit = procedure.converted_from
                if not permit or not permit.permit_valid_until:
                    raise WorkflowError(gettext(
                            'kim_authority.msg_conversion_no_permit',
                            procedure=procedure.rec_name))
                if date > permit.permit_valid_until:
                    raise WorkflowError(gettext(
                            'kim_authority.msg_conversion_late',
                            procedure=procedure.rec_name,
                            date=format_date(date),
                            expiry=format_date(permit.permit_valid_until)))
            if procedure.kind == 'stag10' and procedure.fee is None:
                fee = Parameter.get('stag10_fee_minor'
                    if procedure.minor_with_parent else 'stag10_fee', date)
                procedure.fee = (procedure.currency.round(fee)
                    if procedure.currency else fee)
        cls.save(procedures)
        cls.check_requirements(procedures)

    @classmethod
    @in_states({'applied'}, 'kim_authority.msg_procedure_process_state')
    @ModelView.button
    @Workflow.transition('in_progress')
    def process(cls, procedures):
        pass

    @classmethod
    @in_states(
        {'applied', 'in_progress'}, 'kim_authority.msg_procedure_grant_state')
    @ModelView.button
    @Workflow.transition('granted')
    def grant(cls, procedures):
        """Grant: refused while mandatory requirements are unmet, unless a
        user of the authority documents the reason for granting"""
        pool = Pool()
        Date = pool.get('ir.date')
        Parameter = pool.get('kim.authority.legal_parameter')
        today = Date.today()
        cls.check_requirements(procedures)
        for procedure in procedures:
            procedure = cls(procedure.id)
            unmet = [r for r in procedure.requirements
                if r.mandatory and r.state != 'met']
            if unmet:
                if not (procedure.override_reason or '').strip():
                    raise WorkflowError(gettext(
                            'kim_authority.msg_procedure_unmet',
                            procedure=procedure.rec_name,
                            requirements=', '.join(r.name for r in unmet)))
                cls._check_override_group(procedure)
                cls.write([procedure], {
                        'override': True,
                        'override_by': Transaction().user,
                        })
            values = {'outcome': 'granted'}
            if not procedure.decision_date:
                values['decision_date'] = today
            if procedure.kind == '104c':
                start = procedure.permit_valid_from or values.get(
                    'decision_date', procedure.decision_date)
                values['permit_valid_from'] = start
                values['permit_valid_until'] = calculation.permit_expiry(
                    start, months=Parameter.get('104c_permit_months', start))
            cls.write([procedure], values)

    @classmethod
    def _check_override_group(cls, procedure):
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        User = pool.get('res.user')
        group = ModelData.get_id('kim_authority',
            f'group_kim_authority_{procedure.authority}')
        if (Transaction().user != 0
                and group not in User.get_groups()):
            raise WorkflowError(gettext(
                    'kim_authority.msg_procedure_override_group',
                    procedure=procedure.rec_name))

    @classmethod
    @in_states(
        {'applied', 'in_progress'}, 'kim_authority.msg_procedure_refuse_state')
    @ModelView.button
    @Workflow.transition('refused')
    def refuse(cls, procedures):
        today = Pool().get('ir.date').today()
        cls.write(procedures, {'outcome': 'refused'})
        cls.write([p for p in procedures if not p.decision_date],
            {'decision_date': today})

    @classmethod
    @in_states({'precheck', 'applied', 'in_progress'},
        'kim_authority.msg_procedure_withdraw_state')
    @ModelView.button
    @Workflow.transition('withdrawn')
    def withdraw(cls, procedures):
        cls.write(procedures, {'outcome': 'withdrawn'})

    @classmethod
    @ModelView.button_action('kim_authority.act_procedure_form')
    def convert_25a(cls, procedures):
        return cls._convert(procedures, '104c_25a')

    @classmethod
    @ModelView.button_action('kim_authority.act_procedure_form')
    def convert_25b(cls, procedures):
        return cls._convert(procedures, '104c_25b')

    @classmethod
    def _convert(cls, procedures, kind):
        """Open the procedure converting each § 104c permit into kind, with
        a copy of the residence history"""
        for procedure in procedures:
            if procedure.kind != '104c' or procedure.state not in {
                    'granted', 'closed'}:
                raise WorkflowError(gettext(
                        'kim_authority.msg_conversion_state',
                        procedure=procedure.rec_name))
        conversions = cls.copy(procedures, default={
                'kind': kind,
                'state': 'precheck',
                'origin': 'own',
                'converted_from': lambda data: data['id'],
                })
        return {'res_id': [c.id for c in conversions]}

    @classmethod
    @in_states({'granted', 'refused', 'withdrawn'},
        'kim_authority.msg_procedure_close_state')
    @ModelView.button
    @Workflow.transition('closed')
    def close(cls, procedures):
        pass

    @classmethod
    def notify_deadlines(cls):
        """Notify the responsible login of each granted § 104c procedure
        whose conversion deadline is reached, once a day (cron)"""
        pool = Pool()
        Date = pool.get('ir.date')
        Notification = pool.get('res.notification')
        Parameter = pool.get('kim.authority.legal_parameter')
        today = Date.today()
        lead = Parameter.get('104c_conversion_lead_days', today)
        procedures = cls.search([
                ('kind', '=', '104c'),
                ('state', '=', 'granted'),
                ('user', '!=', None),
                ('permit_valid_until', '<=', today + dt.timedelta(days=lead)),
                ('permit_valid_until', '>=', today),
                ['OR',
                    ('reminder_date', '=', None),
                    ('reminder_date', '<', today),
                    ],
                ])
        notifications = []
        for procedure in procedures:
            user = procedure.user
            language = user.language.code if user.language else None
            with Transaction().set_context(language=language):
                # read again: the name shows the kind in that language
                procedure = cls(procedure.id)
                notifications.append(Notification(
                        user=user,
                        label=gettext(
                            'kim_authority.msg_deadline_label',
                            procedure=procedure.rec_name),
                        description=gettext(
                            'kim_authority.msg_deadline_description',
                            expiry=format_date(procedure.permit_valid_until)),
                        icon='tryton-warning',
                        model=cls.__name__,
                        records=f'[{procedure.id}]'))
        Notification.save(notifications)
        cls.write(procedures, {'reminder_date': today})


class ProcedureLineMixin(FrozenLineMixin):
    "A line of a procedure, read-only once it is decided"
    __slots__ = ()
    _parent_name = 'procedure'
    _parent_frozen = DECIDED
    _parent_frozen_message = 'kim_authority.msg_procedure_decided'


class ResidencePeriod(
        MessageValueMixin, ProcedureLineMixin, ModelSQL, ModelView):
    "KIM Residence Period"
    __string__ = "KIM Residence Period"
    __name__ = 'kim.authority.residence_period'
    procedure = fields.Many2One(
        'kim.authority.procedure', "Procedure", required=True,
        ondelete='CASCADE')
    status = fields.Many2One(
        'kim.authority.residence_status', "Status", required=True,
        ondelete='RESTRICT')
    paragraph = fields.Char(
        "Paragraph", help="The provision of the title, e.g. § 25 Abs. 2 "
        "AufenthG.")
    start_date = fields.Date(
        "Start Date", required=True,
        domain=[If(Eval('start_date') & Eval('end_date'),
                ('start_date', '<=', Eval('end_date')), ())])
    end_date = fields.Date(
        "End Date",
        domain=[If(Eval('start_date') & Eval('end_date'),
                ('end_date', '>=', Eval('start_date')), ())],
        help="Leave empty while the status lasts.")
    notes = fields.Char("Notes")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('start_date', 'ASC'), ('id', 'ASC')]

    def get_rec_name(self, name):
        end = format_date(self.end_date) if self.end_date else '…'
        return (f'{self.status.rec_name} '
            f'({format_date(self.start_date)} – {end})')


class RequirementMixin:
    "What a checklist line and its template share"
    __slots__ = ()
    name = fields.Char("Requirement", required=True)
    mandatory = fields.Boolean("Mandatory")
    check = fields.Selection([
            (None, "Confirmed by Staff"),
            ('age_25a', "Age on the Application Date (§ 25a)"),
            ('residence_25a', "Prior Residence (§ 25a)"),
            ('residence_25b', "Prior Residence (§ 25b)"),
            ('residence_104c', "Residence on the Cut-off Date (§ 104c)"),
            ('residence_stag10', "Lawful Residence (§ 10 StAG)"),
            ('language', "German Level"),
            ], "Check", sort=False,
        help="How the line is evaluated: from the recorded facts or "
        "confirmed by staff.")
    language_level = fields.Selection(
        LANGUAGE_LEVELS, "Required Level", sort=False,
        states={
            'invisible': Eval('check') != 'language',
            'required': Eval('check') == 'language',
            })

    @staticmethod
    def default_mandatory():
        return True


class RequirementTemplate(
        RequirementMixin, AccessMixin, sequence_ordered(), ModelSQL,
        ModelView):
    "KIM Requirement Template"
    __string__ = "KIM Requirement Template"
    __name__ = 'kim.authority.requirement.template'
    kind = fields.Selection(KINDS, "Kind of Procedure", required=True)
    legal_source = fields.Char("Legal Source")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.name.translate = True
        cls._order.insert(0, ('kind', 'ASC'))

    def requirement_values(self):
        return {
            'template': self.id,
            'sequence': self.sequence,
            'name': self.name,
            'mandatory': self.mandatory,
            'check': self.check,
            'language_level': self.language_level,
            }


class Requirement(
        RequirementMixin, ProcedureLineMixin, sequence_ordered(), ModelSQL,
        ModelView):
    "KIM Procedure Requirement"
    __string__ = "KIM Procedure Requirement"
    __name__ = 'kim.authority.requirement'
    procedure = fields.Many2One(
        'kim.authority.procedure', "Procedure", required=True,
        ondelete='CASCADE')
    template = fields.Many2One(
        'kim.authority.requirement.template', "Template",
        ondelete='SET NULL', readonly=True)
    state = fields.Selection([
            ('unknown', "Not Yet Known"),
            ('met', "Met"),
            ('not_met', "Not Met"),
            ], "State", required=True, sort=False,
        states={
            'readonly': Bool(Eval('check')),
            })
    evidence = fields.Char("Evidence", help="The document that proves it.")
    date = fields.Date("Date", help="The day it was checked or proven.")
    explanation = fields.Text(
        "Explanation", readonly=True,
        help="How the line was evaluated from the recorded facts.")

    @staticmethod
    def default_state():
        return 'unknown'

    def evaluate(self):
        "Set the state and the explanation from the facts of the procedure"
        pool = Pool()
        Date = pool.get('ir.date')
        Parameter = pool.get('kim.authority.legal_parameter')
        procedure = self.procedure
        date = procedure.application_date or Date.today()
        periods = procedure.calculation_periods()

        def param(code):
            return Parameter.get(code, date)

        check, detail = None, {}
        if self.check == 'age_25a':
            if procedure.birth_date:
                check = calculation.check_25a_age(procedure.birth_date, date,
                    max_age=param('25a_max_age'))
                detail = {'max_age': param('25a_max_age')}
        elif self.check == 'residence_25a':
            check = calculation.check_25a(
                periods, date, years=param('25a_years'))
            detail = {'years': param('25a_years')}
        elif self.check == 'residence_25b':
            check = calculation.check_25b(periods, date,
                years=param('25b_years'),
                years_with_child=param('25b_years_child'),
                has_minor_child=procedure.minor_child,
                max_gap_days=param('25b_max_gap_days'))
            detail = {'years': param('25b_years_child')
                if procedure.minor_child else param('25b_years')}
        elif self.check == 'residence_104c':
            cutoff = param('104c_cutoff')
            check = calculation.check_104c(
                periods, cutoff=cutoff, years=param('104c_years'))
            detail = {'years': param('104c_years'), 'date': cutoff}
            date = cutoff
        elif self.check == 'residence_stag10':
            check = calculation.check_stag10(periods, date,
                years=param('stag10_years'),
                max_gap_days=param('stag10_max_gap_days'))
            detail = {'years': param('stag10_years')}
        elif self.check == 'language':
            levels = [l for l, _ in LANGUAGE_LEVELS if l]
            if procedure.german_level:
                met = (levels.index(procedure.german_level)
                    >= levels.index(self.language_level))
                self.state = 'met' if met else 'not_met'
            else:
                self.state = 'unknown'
            self.explanation = gettext('kim_authority.msg_explain_language',
                level=procedure.german_level or '-',
                required=self.language_level)
            return
        if check is None or check.met is None:
            self.state = 'unknown'
            self.explanation = gettext('kim_authority.msg_explain_unknown')
            return
        self.state = 'met' if check.met else 'not_met'
        self.date = date
        self.explanation = self._explain(check, date, detail)

    def _explain(self, check, date, detail):
        if self.check == 'age_25a':
            return gettext('kim_authority.msg_explain_age',
                age=check.detail.get('age'), date=format_date(date),
                max_age=detail['max_age'])
        residence = check.residence
        years, months, days = residence.years_months_days()
        lines = [gettext('kim_authority.msg_explain_residence',
                date=format_date(date),
                start=format_date(residence.start) if residence.start
                else '-',
                years=years, months=months, days=days,
                required=detail['years'])]
        for start, end in residence.counted:
            lines.append(gettext('kim_authority.msg_explain_counted',
                    start=format_date(start), end=format_date(end)))
        for start, end, _ in residence.excluded:
            lines.append(gettext('kim_authority.msg_explain_excluded',
                    start=format_date(start), end=format_date(end)))
        for start, end in residence.gaps:
            lines.append(gettext('kim_authority.msg_explain_gap',
                    start=format_date(start), end=format_date(end)))
        if residence.interruption:
            start, end = residence.interruption
            lines.append(gettext('kim_authority.msg_explain_interruption',
                    start=format_date(start), end=format_date(end)))
        return '\n'.join(lines)
