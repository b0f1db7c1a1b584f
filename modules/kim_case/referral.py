# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.modules.kim.model import format_date
from trytond.modules.kim.party import party_rec_names
from trytond.pool import Pool
from trytond.pyson import Eval, If

from .case import CaseLineMixin
from .exceptions import ConsentError


class Referral(CaseLineMixin, ModelSQL, ModelView):
    __string__ = "KIM Case Referral"
    __name__ = 'kim.case.referral'
    date = fields.Date("Date", required=True)
    recipient = fields.Many2One(
        'party.party', "Recipient", required=True, ondelete='RESTRICT',
        help="The service or organisation the client is referred to.")
    legal_domain = fields.Many2One(
        'kim.legal_domain', "Legal Domain", required=True,
        ondelete='RESTRICT')
    field_of_action = fields.Many2One(
        'kim.field_of_action', "Field of Action", ondelete='RESTRICT')
    purpose = fields.Text("Purpose")
    outcome = fields.Selection([
            ('pending', "Pending"),
            ('accepted', "Accepted"),
            ('service_received', "Service Received"),
            ('rejected', "Rejected"),
            ('broken_off', "Broken Off"),
            ], "Outcome", required=True, sort=False)
    outcome_date = fields.Date(
        "Outcome Date",
        domain=[If(Eval('outcome_date') & Eval('date'),
                ('outcome_date', '>=', Eval('date')),
                ())],
        states={
            'invisible': Eval('outcome') == 'pending',
            })
    outcome_note = fields.Text(
        "Outcome Note",
        states={
            'invisible': Eval('outcome') == 'pending',
            })
    entered_after_withdrawal = fields.Function(fields.Boolean(
            "Entered after Withdrawal",
            help="The referral was recorded when every consent that covers "
            "its date had already been withdrawn."),
        'get_entered_after_withdrawal')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(Index(t, (t.date, Index.Range())))
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @staticmethod
    def default_date():
        return Pool().get('ir.date').today()

    @staticmethod
    def default_outcome():
        return 'pending'

    @classmethod
    def get_rec_name(cls, referrals, name):
        recipients = party_rec_names(cls, referrals, 'recipient')
        return {
            r.id: f'{recipients[r.id]} ({format_date(r.date)})'
            for r in referrals}

    def get_entered_after_withdrawal(self, name):
        # A referral dated before the withdrawal is still valid, but if it
        # was entered after it, the data may have been passed on without
        # consent.
        if not self.create_date:
            return False
        entered = self.create_date.date()
        consents = self.case.valid_consents(self.date, self.recipient)
        return bool(consents) and all(
            c.withdrawal_date and c.withdrawal_date <= entered
            for c in consents)

    @classmethod
    def validate_fields(cls, referrals, field_names):
        super().validate_fields(referrals, field_names)
        for referral in referrals:
            if field_names and not (
                    field_names & {'date', 'recipient', 'case'}):
                continue
            if not referral.case.valid_consents(
                    referral.date, referral.recipient):
                raise ConsentError(gettext(
                        'kim_case.msg_referral_no_consent',
                        case=referral.case.rec_name,
                        recipient=referral.recipient.rec_name,
                        date=format_date(referral.date)))
