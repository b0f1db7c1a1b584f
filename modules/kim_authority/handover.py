# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The hand-over of a client from KIM case management to an authority,
where kim_case is installed: only with the client's consent, and each side
keeps its own records"""
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.kim.access import AccessMixin, check_records
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, If
from trytond.transaction import (
    Transaction, check_access, without_check_access)
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .exceptions import WorkflowError
from .procedure import KINDS, Procedure


class Handover(AccessMixin, ModelSQL, ModelView):
    """KIM Hand-over to an Authority

    What the case management sees of the procedure it handed over: its
    kind, state and next deadline, not the authority's notes."""
    __string__ = "KIM Hand-over to an Authority"
    __name__ = 'kim.authority.handover'
    case = fields.Many2One(
        'kim.case', "Case", required=True, ondelete='CASCADE',
        readonly=True)
    procedure = fields.Many2One(
        'kim.authority.procedure', "Procedure", required=True,
        ondelete='CASCADE', readonly=True)
    date = fields.Date("Date", required=True, readonly=True)
    authority = fields.Many2One(
        'company.company', "Authority", readonly=True)
    kind = fields.Function(
        fields.Selection(KINDS, "Kind"), 'get_procedure_values')
    state = fields.Function(
        fields.Selection('get_states', "State"), 'get_procedure_values')
    next_deadline = fields.Function(
        fields.Date("Next Deadline",
            help="The conversion deadline of a § 104c permit."),
        'get_procedure_values')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('case')
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @classmethod
    def get_states(cls):
        Procedure = Pool().get('kim.authority.procedure')
        return Procedure.fields_get(['state'])['state']['selection']

    @classmethod
    def get_procedure_values(cls, handovers, names):
        # Read without the rules of the authority: only these values are
        # shown to the case management.
        Procedure = Pool().get('kim.authority.procedure')
        result = {n: {} for n in names}
        with without_check_access():
            procedures = {p.id: p for p in Procedure.browse(
                    [h.procedure.id for h in handovers])}
            for handover in handovers:
                procedure = procedures[handover.procedure.id]
                for name in names:
                    if name == 'next_deadline':
                        value = procedure.conversion_deadline
                    else:
                        value = getattr(procedure, name)
                    result[name][handover.id] = value
        return result


class Case(metaclass=PoolMeta):
    __name__ = 'kim.case'
    authority_handovers = fields.One2Many(
        'kim.authority.handover', 'case', "Hand-overs to Authorities",
        readonly=True)


class HandoverStart(ModelView):
    "KIM Hand-over to an Authority"
    __string__ = "KIM Hand-over to an Authority (Start)"
    __name__ = 'kim.authority.handover.start'
    case = fields.Many2One('kim.case', "Case", readonly=True)
    company = fields.Many2One(
        'company.company', "Organisation of the Authority", required=True,
        help="The district or city whose authority takes over.")
    authority = fields.Selection([
            ('abh', "Foreigners' Authority"),
            ('ebh', "Naturalisation Authority"),
            ], "Authority", required=True, sort=False)
    kind = fields.Selection(
        KINDS, "Kind", required=True, sort=False,
        domain=[If(Eval('authority') == 'ebh',
                ('kind', 'in', Procedure._authority_kinds['ebh']),
                ('kind', 'in', Procedure._authority_kinds['abh']))])

    @staticmethod
    def default_authority():
        return 'abh'


class HandoverWizard(Wizard):
    "Hand over a client to an authority"
    __name__ = 'kim.authority.handover.create'
    start = StateView('kim.authority.handover.start',
        'kim_authority.handover_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Hand Over", 'handover', 'tryton-ok', default=True),
            ])
    handover = StateTransition()

    def default_start(self, fields):
        Case = Pool().get('kim.case')
        with check_access():
            check_records(Case, [self.record.id])
        return {'case': self.record.id}

    def transition_handover(self):
        "Open the procedure at the authority, if the consent covers it"
        pool = Pool()
        Case = pool.get('kim.case')
        Date = pool.get('ir.date')
        Party = pool.get('party.party')
        Procedure = pool.get('kim.authority.procedure')
        Handover = pool.get('kim.authority.handover')
        case = self.record
        # The wizard runs without access checks: the case must be the
        # user's, the procedure is created for the authority.
        with check_access():
            check_records(Case, [case.id], 'write')
        authority = self.start.company
        if not case.valid_consents(recipient=authority.party):
            raise WorkflowError(gettext(
                    'kim_authority.msg_handover_no_consent',
                    case=case.rec_name, authority=authority.rec_name))
        client = case.client
        with without_check_access(), Transaction().set_context(
                company=authority.id):
            # The authority keeps its own record of the person
            person = Party(name=client.party.name)
            person.save()
            procedure = Procedure(company=authority,
                authority=self.start.authority, kind=self.start.kind,
                party=person, birth_date=client.birth_date,
                origin='case_management', user=None)
            procedure.save()
            Handover(case=case, procedure=procedure, authority=authority,
                date=Date.today()).save()
        return 'end'
