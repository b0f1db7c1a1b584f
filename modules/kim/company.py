# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from zoneinfo import ZoneInfo

from trytond.cache import Cache
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

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
    _timezone_cache = Cache('company.company.timezone', context=False)

    @classmethod
    def get_timezone(cls, company_id):
        "The name of the time zone of the organisation, or an empty string"
        timezone = cls._timezone_cache.get(company_id)
        if timezone is None:
            timezone = cls._timezone_cache.set(
                company_id, cls(company_id).timezone or '')
        return timezone

    @classmethod
    def on_modification(cls, mode, companies, field_names=None):
        super().on_modification(mode, companies, field_names=field_names)
        if mode != 'create':
            cls._timezone_cache.clear()


class Employee(PartyNameMixin, AccessMixin, metaclass=PoolMeta):
    __name__ = 'company.employee'
    _rec_name_cache = Cache('company.employee.rec_name', context=False)


class Date(metaclass=PoolMeta):
    __name__ = 'ir.date'

    @classmethod
    def today(cls, timezone=None):
        pool = Pool()
        Company = pool.get('company.company')
        company_id = Transaction().context.get('company')
        if timezone is None and company_id is not None and company_id >= 0:
            # From the cache instead of loading the organisation for every
            # "today" of a request, e.g. the state of each consent read
            if name := Company.get_timezone(company_id):
                timezone = ZoneInfo(name)
        return super().today(timezone=timezone)
