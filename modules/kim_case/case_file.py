# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.modules.kim.report import ReportMixin
from trytond.pool import Pool
from trytond.report import Report
from trytond.transaction import Transaction, check_access


class CaseFile(ReportMixin, Report):
    "Case File (Art. 15 GDPR)"
    __name__ = 'kim.case.file'

    @classmethod
    def _get_records(cls, ids, model, data):
        # The access request covers everything stored, so also the
        # deactivated addresses, contact mechanisms, identifiers etc.
        with Transaction().set_context(active_test=False):
            return super()._get_records(ids, model, data)

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['other_cases'] = cls.other_cases
        return context

    @staticmethod
    def other_cases(case):
        "Return the other cases of the client that the reader may read"
        Case = Pool().get('kim.case')
        with check_access():
            return Case.search([
                    ('client', '=', case.client.id),
                    ('id', '!=', case.id),
                    ])
