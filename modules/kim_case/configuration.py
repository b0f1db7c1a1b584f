# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.model import ModelSingleton, ModelSQL, ModelView, fields
from trytond.modules.company.model import (
    CompanyMultiValueMixin, CompanyValueMixin)
from trytond.modules.kim.access import AccessMixin
from trytond.pool import Pool
from trytond.pyson import Eval, Id


class Configuration(
        AccessMixin, ModelSingleton, ModelSQL, ModelView,
        CompanyMultiValueMixin):
    __string__ = "KIM Case Configuration"
    __name__ = 'kim.case.configuration'
    case_sequence = fields.MultiValue(fields.Many2One(
            'ir.sequence', "Case Sequence", required=True,
            domain=[
                ('company', 'in',
                    [Eval('context', {}).get('company', -1), None]),
                ('sequence_type', '=',
                    Id('kim_case', 'sequence_type_case')),
                ],
            help="Numbers the cases of the current organisation."))
    contact_overdue_days = fields.Integer(
        "Days without Contact", required=True,
        domain=[('contact_overdue_days', '>', 0)],
        help="After how many days without a contact an open case is listed "
        "on the start page of the team lead.")
    retention_years = fields.Integer(
        "Retention Years", required=True,
        domain=[('retention_years', '>=', 0)],
        help="For how many calendar years after the year of their end the "
        "cases are kept before their personal data is removed.")

    @classmethod
    def multivalue_model(cls, field):
        pool = Pool()
        if field == 'case_sequence':
            return pool.get('kim.case.configuration.sequence')
        return super().multivalue_model(field)

    @classmethod
    def default_contact_overdue_days(cls):
        return 42

    @classmethod
    def default_retention_years(cls):
        return 5

    @classmethod
    def default_case_sequence(cls, **pattern):
        return cls.multivalue_model(
            'case_sequence').default_case_sequence()


class ConfigurationSequence(AccessMixin, ModelSQL, CompanyValueMixin):
    __string__ = "KIM Case Configuration Sequence"
    __name__ = 'kim.case.configuration.sequence'
    case_sequence = fields.Many2One(
        'ir.sequence', "Case Sequence", required=True,
        domain=[
            ('company', 'in', [Eval('company', -1), None]),
            ('sequence_type', '=', Id('kim_case', 'sequence_type_case')),
            ])

    @classmethod
    def default_case_sequence(cls):
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        try:
            return ModelData.get_id('kim_case', 'sequence_case')
        except KeyError:
            return None
