# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"Helpers for the proteus scenarios of kim_case and the modules above it"
from proteus import Model
from trytond.modules.currency.tests.tools import get_currency

__all__ = ['create_organisation', 'create_staff', 'create_client']

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


def create_staff(company, name, login, groups, config=None):
    """Create an employee of company with a user in the KIM groups named
    by their XML id in kim_case (e.g. 'group_kim_case_manager')"""
    Party = Model.get('party.party', config=config)
    Employee = Model.get('company.employee', config=config)
    User = Model.get('res.user', config=config)
    Group = Model.get('res.group', config=config)
    ModelData = Model.get('ir.model.data', config=config)

    employee = Employee(party=Party(name=name), company=company)
    employee.party.save()
    employee.save()
    user = User(name=name, login=login, password=PASSWORD)
    # Fresh instances: a proteus record belongs to one list only.
    Company = Model.get('company.company', config=config)
    user.companies.append(Company(company.id))
    user.company = Company(company.id)
    user.employees.append(Employee(employee.id))
    user.employee = Employee(employee.id)
    for group in groups:
        user.groups.append(Group(ModelData.get_id('kim_case', group, {})))
    user.save()
    return user, employee


def create_client(company, name, config=None, **values):
    "Create a client file with a person of that name"
    Party = Model.get('party.party', config=config)
    Client = Model.get('kim.client', config=config)
    client = Client(company=company, party=Party(name=name), **values)
    client.party.save()
    client.save()
    return client
