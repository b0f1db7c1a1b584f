# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The local network of a municipality: the parties that act in
integration work, and their cooperation agreements"""
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.model import MessageValueMixin
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, If
from trytond.transaction import Transaction

NETWORK_KINDS = [
    (None, ""),
    ('office', "Municipal Office"),
    ('jobcenter', "Jobcenter"),
    ('employment_agency', "Employment Agency"),
    ('welfare', "Welfare Organisation"),
    ('migrant_organisation', "Migrant Organisation"),
    ('volunteering', "Volunteering"),
    ('education', "Education Provider"),
    ('health', "Health Service"),
    ('other', "Other"),
    ]


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'
    kim_network_kind = fields.Selection(
        NETWORK_KINDS, "Network Kind", sort=False,
        help="Set it to list the party in the local network of KIM.")
    kim_legal_domain = fields.Many2One(
        'kim.legal_domain', "Legal Domain", ondelete='RESTRICT',
        states={
            'invisible': ~Eval('kim_network_kind'),
            },
        help="The legal domain (Rechtskreis) the actor works in.")
    kim_contact_person = fields.Many2One(
        'party.party', "Contact Person", ondelete='SET NULL',
        states={
            'invisible': ~Eval('kim_network_kind'),
            })


class Agreement(MessageValueMixin, AccessMixin, ModelSQL, ModelView):
    "KIM Cooperation Agreement"
    __string__ = "KIM Cooperation Agreement"
    __name__ = 'kim.steering.agreement'
    company = fields.Many2One(
        'company.company', "Organisation", required=True)
    name = fields.Char("Subject", required=True)
    date = fields.Date("Date of Signature", required=True)
    partners = fields.Many2Many(
        'kim.steering.agreement-party.party', 'agreement', 'party',
        "Partners", domain=[('kim_network_kind', '!=', None)],
        context={
            'company': Eval('company', -1),
            },
        depends={'company'})
    start_date = fields.Date(
        "Valid from", required=True,
        domain=[If(Eval('start_date') & Eval('end_date'),
                ('start_date', '<=', Eval('end_date')), ())])
    end_date = fields.Date(
        "Valid until",
        domain=[If(Eval('start_date') & Eval('end_date'),
                ('end_date', '>=', Eval('start_date')), ())],
        help="Leave empty for an agreement without end.")
    text = fields.Text("Content")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_date():
        return Pool().get('ir.date').today()

    @staticmethod
    def default_start_date():
        return Pool().get('ir.date').today()


class AgreementParty(AccessMixin, ModelSQL):
    __string__ = "KIM Cooperation Agreement - Party"
    __name__ = 'kim.steering.agreement-party.party'
    agreement = fields.Many2One(
        'kim.steering.agreement', "Agreement", required=True,
        ondelete='CASCADE')
    party = fields.Many2One(
        'party.party', "Party", required=True, ondelete='CASCADE')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('agreement')
