# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.cache import Cache
from trytond.pool import PoolMeta

from .access import AccessMixin
from .party import cached_party_rec_names


class PartyNameMixin:
    "The rec_name is the party's, cached: shown in most lists of the suite"
    __slots__ = ()

    @classmethod
    def get_rec_name(cls, records, name):
        return cached_party_rec_names(
            cls, records, 'party', cls._rec_name_cache)

    @classmethod
    def on_modification(cls, mode, records, field_names=None):
        super().on_modification(mode, records, field_names=field_names)
        if mode != 'create':
            cls._rec_name_cache.clear()


class Company(PartyNameMixin, metaclass=PoolMeta):
    __name__ = 'company.company'
    _rec_name_cache = Cache('company.company.rec_name', context=False)


class Employee(PartyNameMixin, AccessMixin, metaclass=PoolMeta):
    __name__ = 'company.employee'
    _rec_name_cache = Cache('company.employee.rec_name', context=False)
