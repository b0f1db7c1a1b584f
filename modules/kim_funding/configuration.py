# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.model import ModelSingleton, ModelSQL, ModelView, fields
from trytond.modules.company.model import (
    CompanyMultiValueMixin, CompanyValueMixin)
from trytond.modules.kim.access import AccessMixin
from trytond.pool import Pool

VACANCY_RULES = [
    ('day', "Pro Rata per Day"),
    ('month', "1/12 per Full Vacant Month"),
    ]
VACANCY_RULE_HELP = (
    "How the flat rate of a post is cut while it is vacant:\n"
    "- pro rata per day: only the days and FTE share staffed are paid;\n"
    "- 1/12 per full vacant month: a twelfth is cut for each month in "
    "which the FTE share was not staffed on any day.")


class Configuration(
        AccessMixin, ModelSingleton, ModelSQL, ModelView,
        CompanyMultiValueMixin):
    __string__ = "KIM Funding Configuration"
    __name__ = 'kim.funding.configuration'
    vacancy_rule = fields.MultiValue(fields.Selection(
            VACANCY_RULES, "Vacancy Rule", required=True,
            help=VACANCY_RULE_HELP))
    proof_due_months = fields.Integer(
        "Months to Prove the Use", required=True,
        domain=[('proof_due_months', '>=', 0)],
        help="The proof of use of a year is due at the end of the month "
        "this many months after the year, unless its grant notice sets "
        "another date.")

    @classmethod
    def multivalue_model(cls, field):
        pool = Pool()
        if field == 'vacancy_rule':
            return pool.get('kim.funding.configuration.vacancy_rule')
        return super().multivalue_model(field)

    @classmethod
    def default_vacancy_rule(cls, **pattern):
        return cls.multivalue_model('vacancy_rule').default_vacancy_rule()

    @classmethod
    def default_proof_due_months(cls):
        return 6


class ConfigurationVacancyRule(AccessMixin, ModelSQL, CompanyValueMixin):
    __string__ = "KIM Funding Configuration Vacancy Rule"
    __name__ = 'kim.funding.configuration.vacancy_rule'
    company = fields.Many2One(
        'company.company', "Organisation", ondelete='CASCADE',
        help="The municipality whose grants take this rule.")
    vacancy_rule = fields.Selection(
        VACANCY_RULES, "Vacancy Rule", required=True)

    @classmethod
    def default_vacancy_rule(cls):
        return 'day'
