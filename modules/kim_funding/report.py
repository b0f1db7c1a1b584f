# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.modules.kim.report import ReportMixin
from trytond.report import Report


class Proof(ReportMixin, Report):
    """Proof of Use

    One class for both templates: the municipality's proof to the granting
    authority and the provider's proof to the municipality."""
    __name__ = 'kim.funding.proof'

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
