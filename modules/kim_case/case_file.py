# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.pool import Pool
from trytond.report import Report
from trytond.transaction import Transaction, check_access


class CaseFile(Report):
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
        context['today'] = Pool().get('ir.date').today()
        context['selection'] = cls.selection_string
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

    @classmethod
    def format_date(cls, value, lang=None, format=None):
        "Format the date in the language, an empty date as empty string"
        if not value:
            return ''
        return super().format_date(value, lang=lang, format=format)

    @staticmethod
    def selection_string(record, name):
        "Return the translated label of the selection field name of record"
        Model = record.__class__
        return Model._fields[name].translated(name).__get__(record, Model)
