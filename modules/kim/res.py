# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.cache import Cache
from trytond.pool import PoolMeta


class User(metaclass=PoolMeta):
    __name__ = 'res.user'
    # The companies and employees of a user follow the company and employee
    # of the context: a cache per user alone kept the empty list of a
    # request made with "company": null for all the following requests.
    _get_companies_cache = Cache('res.user.get_companies.context')
    _get_employees_cache = Cache('res.user.get_employees.context')
