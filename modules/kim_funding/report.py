# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.modules.kim.report import ReportMixin
from trytond.report import Report


class Statement(ReportMixin, Report):
    """Proof of Use (Verwendungsnachweis)

    One class for both templates: the Kommune's proof to the
    Bewilligungsbehörde and the Träger's proof to the Kommune."""
    __name__ = 'kim.funding.statement'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['place'] = cls.place
        return context

    @staticmethod
    def place(company):
        "Return the city of the company's address for the signature block"
        if not company or not company.party:
            return ''
        address = company.party.address_get()
        return (address.city or '') if address else ''
