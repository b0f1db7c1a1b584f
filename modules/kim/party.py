# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.pool import PoolMeta

from .access import AccessMixin


class Party(AccessMixin, metaclass=PoolMeta):
    __name__ = 'party.party'


class Address(AccessMixin, metaclass=PoolMeta):
    __name__ = 'party.address'


class ContactMechanism(AccessMixin, metaclass=PoolMeta):
    __name__ = 'party.contact_mechanism'


class Identifier(AccessMixin, metaclass=PoolMeta):
    __name__ = 'party.identifier'
