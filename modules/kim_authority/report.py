# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The printed check sheet (Prüfbogen) of a procedure: its facts, the
residence history and the checklist with the explanation of each evaluated
line"""
from trytond.modules.kim.report import ReportMixin
from trytond.report import Report


class CheckSheet(ReportMixin, Report):
    """Requirement Check Sheet

    One document per organisation, one section per procedure, in the
    language of the user.  Tryton executes it with the access rights and
    record rules of the user: a procedure she may not read is refused."""
    __name__ = 'kim.authority.procedure.check_sheet'

    @classmethod
    def header_key(cls, record, data):
        return super().header_key(record, data) + (
            ('company', record.company),
            )

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['company'] = header.get('company')
        context['lines'] = cls.lines
        context['evaluated'] = cls.evaluated
        return context

    @staticmethod
    def lines(text):
        "Return the non-empty lines of the text, one paragraph each"
        return [line for line in (text or '').splitlines() if line.strip()]

    @staticmethod
    def evaluated(procedure):
        """Return the lines of the checklist evaluated from the facts that
        explain their result"""
        return [r for r in procedure.requirements
            if r.check and (r.explanation or '').strip()]
