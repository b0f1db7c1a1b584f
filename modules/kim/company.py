# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.pool import PoolMeta

from .access import AccessMixin
from .party import party_rec_names


class Company(metaclass=PoolMeta):
    __name__ = 'company.company'

    @classmethod
    def get_rec_name(cls, companies, name):
        return party_rec_names(cls, companies, 'party')


class Employee(AccessMixin, metaclass=PoolMeta):
    __name__ = 'company.employee'

    @classmethod
    def get_rec_name(cls, employees, name):
        return party_rec_names(cls, employees, 'party')
