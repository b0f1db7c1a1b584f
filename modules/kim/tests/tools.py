# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"Helpers for the proteus scenarios of the KIM modules"
from proteus import Model
from trytond.modules.currency.tests.tools import get_currency

__all__ = ['PASSWORD', 'create_organisation', 'create_employee',
    'create_user']

PASSWORD = 'kim-test-password'


def create_organisation(name, config=None):
    "Create a company (Kommune or Träger) with the euro as currency"
    Party = Model.get('party.party', config=config)
    Company = Model.get('company.company', config=config)
    company = Company(party=Party(name=name))
    company.party.save()
    company.currency = get_currency('EUR', config=config)
    company.save()
    return company


def create_employee(company, name, config=None):
    "Create an employee of company, a person of that name"
    Party = Model.get('party.party', config=config)
    Employee = Model.get('company.employee', config=config)
    employee = Employee(party=Party(name=name), company=company)
    employee.party.save()
    employee.save()
    return employee


def create_user(name, login, companies, groups, employee=None,
        company_filter='one', config=None):
    """Create a user of the companies (the first is the current one) in the
    groups given as (module, XML id), with the employee if any"""
    User = Model.get('res.user', config=config)
    Group = Model.get('res.group', config=config)
    Company = Model.get('company.company', config=config)
    Employee = Model.get('company.employee', config=config)
    ModelData = Model.get('ir.model.data', config=config)
    user = User(name=name, login=login, password=PASSWORD)
    # Fresh instances: a proteus record belongs to one list only.
    for company in companies:
        user.companies.append(Company(company.id))
    user.company = Company(companies[0].id)
    user.company_filter = company_filter
    if employee:
        user.employees.append(Employee(employee.id))
        user.employee = Employee(employee.id)
    for module, group in groups:
        user.groups.append(Group(ModelData.get_id(module, group, {})))
    user.save()
    return user
