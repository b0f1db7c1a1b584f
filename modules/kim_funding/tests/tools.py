# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"Helpers for the proteus scenarios of kim_funding"
import datetime as dt
from decimal import Decimal

from proteus import Model
from trytond.modules.kim.tests.tools import (
    PASSWORD, create_employee, create_organisation, create_user)

__all__ = ['create_organisation', 'create_employee', 'create_finance_user',
    'create_rates', 'create_grant', 'PASSWORD']

# Amounts and FTE as entered in the client, with their two decimals
CENT = Decimal('0.01')


def create_finance_user(companies, name, login, groups, config=None):
    """Create a user of the companies (the first is the current one) in the
    groups named by their XML id in kim_funding"""
    return create_user(name, login, companies,
        [('kim_funding', g) for g in groups], company_filter='all',
        config=config)


# Published rates per FTE and year (doc/domain.md, funding)
RATES = {
    2022: {
        ('1', 'coordination'): 57000, ('1', 'administration'): 45000,
        ('1', 'workplace'): 5700, ('2', 'case_management'): 55000,
        ('3', 'foreigners_authority'): 50000,
        ('3', 'naturalisation_authority'): 50000},
    2023: {
        ('1', 'coordination'): 57000, ('1', 'administration'): 45000,
        ('1', 'workplace'): 5700, ('2', 'case_management'): 57000,
        ('3', 'foreigners_authority'): 50000,
        ('3', 'naturalisation_authority'): 50000},
    }


def create_rates(years, config=None):
    "Create the rates of the years, later years at the 2023 rates"
    Rate = Model.get('kim.funding.rate', config=config)
    for year in years:
        for (building_block, kind), amount in RATES.get(
                year, RATES[2023]).items():
            Rate(building_block=building_block, kind=kind, year=year,
                amount=Decimal(amount).quantize(CENT),
                source="Bezirksregierung Arnsberg").save()


def create_grant(company, authority, number, start, end, lines,
        rule='day', config=None):
    """Create and confirm a grant with lines as (building block, kind, FTE)
    per calendar year of the period, the rate taken from the rates"""
    Grant = Model.get('kim.funding.grant', config=config)
    grant = Grant(company=company, authority=authority, number=number,
        date=start, start_date=start, end_date=end, vacancy_rule=rule)
    for year in range(start.year, end.year + 1):
        for building_block, kind, fte in lines:
            line = grant.lines.new()
            line.building_block = building_block
            line.kind = kind
            line.start_date = max(start, dt.date(year, 1, 1))
            line.end_date = min(end, dt.date(year, 12, 31))
            line.fte = Decimal(fte).quantize(CENT)
    grant.save()
    grant.click('confirm')
    return grant
