# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.kim.access import AccessMixin
from trytond.pool import Pool
from trytond.pyson import Eval, If

from .case import CaseLineMixin
from .exceptions import ConsentHistoryError


class Consent(CaseLineMixin, ModelSQL, ModelView):
    __string__ = "KIM Case Consent"
    __name__ = 'kim.case.consent'
    _rec_name = 'purpose'
    # Once recorded, a consent documents what the client signed: only its
    # withdrawal may be added later; a changed consent is a new record.
    _mutable_fields = {'withdrawal_date', 'withdrawal_note'}
    # A consent may still be recorded or withdrawn after the case is closed
    _case_ended_states = {'cancelled'}
    _signed = Eval('id', -1) >= 0

    purpose = fields.Char(
        "Purpose", required=True, states={'readonly': _signed},
        help="What the data may be used for, "
        "e.g. case management, referral to the Jobcenter.")
    data_categories = fields.Text(
        "Data Concerned", states={'readonly': _signed},
        help="Which data the consent covers.")
    recipients = fields.Many2Many(
        'kim.case.consent-party.party', 'consent', 'party', "Recipients",
        states={'readonly': _signed},
        help="The organisations to which data may be passed on.")
    date = fields.Date(
        "Date", required=True, states={'readonly': _signed},
        help="The date the client gave the consent.")
    form = fields.Selection([
            ('written', "Written"),
            ('electronic', "Electronic"),
            ('oral', "Oral (documented)"),
            ], "Form", required=True, states={'readonly': _signed})
    valid_until = fields.Date(
        "Valid Until",
        domain=[If(Eval('valid_until') & Eval('date'),
                ('valid_until', '>=', Eval('date')),
                ())],
        states={'readonly': _signed})
    withdrawal_date = fields.Date(
        "Withdrawn on",
        domain=[If(Eval('withdrawal_date') & Eval('date'),
                ('withdrawal_date', '>=', Eval('date')),
                ())],
        states={
            'readonly': Eval('state') == 'withdrawn',
            })
    withdrawal_note = fields.Text(
        "Withdrawal Note",
        states={
            'invisible': ~Eval('withdrawal_date'),
            })
    state = fields.Function(fields.Selection([
                ('valid', "Valid"),
                ('withdrawn', "Withdrawn"),
                ('expired', "Expired"),
                ('pending', "Not Yet Valid"),
                ], "State"), 'get_state')

    del _signed

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @staticmethod
    def default_date():
        return Pool().get('ir.date').today()

    @staticmethod
    def default_form():
        return 'written'

    def is_valid(self, date):
        return (self.date <= date
            and (not self.valid_until or date <= self.valid_until)
            and (not self.withdrawal_date or date < self.withdrawal_date))

    @classmethod
    def get_state(cls, consents, name):
        today = Pool().get('ir.date').today()
        return {c.id: c.state_at(today) for c in consents}

    def state_at(self, date):
        if self.withdrawal_date and self.withdrawal_date <= date:
            return 'withdrawn'
        if self.valid_until and self.valid_until < date:
            return 'expired'
        if self.date > date:
            return 'pending'
        return 'valid'

    @classmethod
    def check_modification(cls, mode, consents, values=None, external=False):
        super().check_modification(
            mode, consents, values=values, external=external)
        if mode == 'delete':
            for consent in consents:
                raise ConsentHistoryError(gettext(
                        'kim_case.msg_consent_delete',
                        consent=consent.rec_name,
                        case=consent.case.rec_name))
        elif mode == 'write' and set(values) - cls._mutable_fields:
            for consent in consents:
                raise ConsentHistoryError(gettext(
                        'kim_case.msg_consent_modify',
                        consent=consent.rec_name,
                        case=consent.case.rec_name))
        elif mode == 'write' and 'withdrawal_date' in values:
            for consent in consents:
                if consent.withdrawal_date:
                    raise ConsentHistoryError(gettext(
                            'kim_case.msg_consent_modify',
                            consent=consent.rec_name,
                            case=consent.case.rec_name))

    @classmethod
    def copy(cls, consents, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('withdrawal_date', None)
        default.setdefault('withdrawal_note', None)
        return super().copy(consents, default=default)


class ConsentRecipient(AccessMixin, ModelSQL):
    __string__ = "KIM Case Consent - Recipient"
    __name__ = 'kim.case.consent-party.party'
    consent = fields.Many2One(
        'kim.case.consent', "Consent", required=True, ondelete='CASCADE')
    party = fields.Many2One(
        'party.party', "Recipient", required=True, ondelete='RESTRICT')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('consent')

    @classmethod
    def check_modification(cls, mode, records, values=None, external=False):
        super().check_modification(
            mode, records, values=values, external=external)
        # The recipients are part of what the client signed.
        if mode in {'write', 'delete'}:
            for record in records:
                raise ConsentHistoryError(gettext(
                        'kim_case.msg_consent_modify',
                        consent=record.consent.rec_name,
                        case=record.consent.case.rec_name))
