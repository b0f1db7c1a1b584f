# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.kim.access import AccessMixin
from trytond.pool import Pool
from trytond.transaction import Transaction


class Reconstruction(AccessMixin, ModelSQL, ModelView):
    """KIM Case Reconstruction

    A Fallrekonstruktion: those involved in a case retrace it together,
    from an anonymised summary, to find the structural barriers the case
    met."""
    __string__ = "KIM Case Reconstruction"
    __name__ = 'kim.steering.reconstruction'
    company = fields.Many2One(
        'company.company', "Organisation", required=True)
    name = fields.Char("Title", required=True)
    date = fields.Date("Date", required=True)
    participants = fields.One2Many(
        'kim.steering.reconstruction.participant', 'reconstruction',
        "Participants")
    summary = fields.Text(
        "Anonymised Summary", required=True,
        help="The course of the case without names, addresses, dates of "
        "birth or anything else that identifies a person.")
    findings = fields.One2Many(
        'kim.steering.reconstruction.finding', 'reconstruction', "Findings")

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


class Participant(AccessMixin, ModelSQL, ModelView):
    "KIM Case Reconstruction Participant"
    __string__ = "KIM Case Reconstruction Participant"
    __name__ = 'kim.steering.reconstruction.participant'
    reconstruction = fields.Many2One(
        'kim.steering.reconstruction', "Case Reconstruction", required=True,
        ondelete='CASCADE')
    party = fields.Many2One(
        'party.party', "Person", required=True, ondelete='RESTRICT')
    organisation = fields.Many2One(
        'party.party', "Organisation", ondelete='RESTRICT')
    function = fields.Char(
        "Function", help="The part the person played in the case.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('reconstruction')

    def get_rec_name(self, name):
        return self.party.rec_name


class Finding(AccessMixin, ModelSQL, ModelView):
    "KIM Case Reconstruction Finding"
    __string__ = "KIM Case Reconstruction Finding"
    __name__ = 'kim.steering.reconstruction.finding'
    reconstruction = fields.Many2One(
        'kim.steering.reconstruction', "Case Reconstruction", required=True,
        ondelete='CASCADE')
    name = fields.Char("Finding", required=True)
    description = fields.Text("Description")
    field_of_action = fields.Many2One(
        'kim.field_of_action', "Field of Action", ondelete='RESTRICT')
    legal_domain = fields.Many2One(
        'kim.legal_domain', "Legal Domain", ondelete='RESTRICT')
    theme = fields.Many2One(
        'kim.steering.theme', "Theme", ondelete='SET NULL',
        help="The generative theme the finding belongs to.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('reconstruction')
