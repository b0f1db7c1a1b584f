# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from decimal import Decimal

from trytond.pool import Pool
from trytond.transaction import Transaction

from .audit import audit


class ReportMixin:
    """Helpers of the reports of the suite: dates, numbers and selection
    values in the language of the report"""
    __slots__ = ()

    @classmethod
    def execute(cls, ids, data):
        "Log the print of the KIM records once the report is rendered"
        pool = Pool()
        ActionReport = pool.get('ir.action.report')
        result = super().execute(ids, data)
        transaction = Transaction()
        if transaction.check_access and transaction.user and ids:
            action_id = data.get('action_id')
            if action_id is not None:
                action = ActionReport(action_id)
            else:
                action, = ActionReport.search([
                        ('report_name', '=', cls.__name__),
                        ], limit=1)
            model = action.model or data.get('model')
            if model:
                audit(pool.get(model), ids, 'print', cls.__name__)
        return result

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['today'] = Pool().get('ir.date').today()
        context['selection'] = cls.selection_string
        context['address_lines'] = cls.address_lines
        context['format_amount'] = cls.format_amount
        context['format_decimal'] = cls.format_decimal
        context['address'] = cls.address
        return context

    @classmethod
    def format_date(cls, value, lang=None, format=None):
        "Format the date in the language, an empty date as empty string"
        if not value:
            return ''
        return super().format_date(value, lang=lang, format=format)

    @classmethod
    def format_amount(cls, value, lang=None):
        """Format the amount with two digits and grouping in the language
        of the report, an empty amount as zero"""
        if value is None:
            value = Decimal(0)
        return cls.format_number(value, lang, digits=2)

    @classmethod
    def format_decimal(cls, value, digits=2, lang=None):
        """Format a quantity (VZÄ, months, hours) in the language of the
        report, an empty value as empty string"""
        if value is None:
            return ''
        return cls.format_number(value, lang, digits=digits)

    @classmethod
    def address(cls, company):
        "Return the address of the organisation on one line"
        if not company or not company.party:
            return ''
        address = company.party.address_get()
        if not address:
            return ''
        return ', '.join(cls.address_lines(address))

    @staticmethod
    def address_lines(address):
        """Return the lines of the address as a document names it: the
        country by its name, not in the capitals of a postal address"""
        lines = [
            line.strip() for line in (address.full_address or '').splitlines()
            if line.strip()]
        country = address.country
        if country and lines and lines[-1] == (country.name or '').upper():
            lines[-1] = country.name
        return lines

    @staticmethod
    def selection_string(record, name):
        "Return the translated label of the selection field name of record"
        Model = record.__class__
        return Model._fields[name].translated(name).__get__(record, Model)
