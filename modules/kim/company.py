# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.pool import PoolMeta

from .access import AccessMixin


class Employee(AccessMixin, metaclass=PoolMeta):
    __name__ = 'company.employee'
