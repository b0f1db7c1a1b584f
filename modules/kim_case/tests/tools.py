# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"Helpers for the proteus scenarios of kim_case and the modules above it"
from proteus import Model
from trytond.modules.kim.tests.tools import (
    PASSWORD, create_employee, create_organisation, create_user)

__all__ = ['PASSWORD', 'create_organisation', 'create_staff',
    'create_client']


def create_staff(company, name, login, groups, config=None):
    """Create an employee of company with a user in the KIM groups named
    by their XML id in kim_case (e.g. 'group_kim_case_manager')"""
    employee = create_employee(company, name, config=config)
    user = create_user(name, login, [company],
        [('kim_case', g) for g in groups], employee=employee, config=config)
    return user, employee


def create_client(company, name, config=None, **values):
    "Create a client file with a person of that name"
    Party = Model.get('party.party', config=config)
    Client = Model.get('kim.case.client', config=config)
    client = Client(company=company, party=Party(name=name), **values)
    client.party.save()
    client.save()
    return client
