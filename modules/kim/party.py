# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.pool import Pool, PoolMeta
from trytond.transaction import check_access

from .access import AccessMixin, check_records


class Party(AccessMixin, metaclass=PoolMeta):
    __name__ = 'party.party'


class Address(AccessMixin, metaclass=PoolMeta):
    __name__ = 'party.address'


class ContactMechanism(AccessMixin, metaclass=PoolMeta):
    __name__ = 'party.contact_mechanism'


class Identifier(AccessMixin, metaclass=PoolMeta):
    __name__ = 'party.identifier'


def _check_parties(parties, mode):
    "Check as the user that the parties may be read and changed"
    # Wizards run without access checks: the parties chosen in their form
    # must still be ones the user may see.
    Party = Pool().get('party.party')
    ids = [p.id for p in parties if p]
    with check_access():
        check_records(Party, ids, 'read')
        check_records(Party, ids, mode)


class Erase(metaclass=PoolMeta):
    __name__ = 'party.erase'

    def transition_erase(self):
        _check_parties([self.ask.party], 'write')
        return super().transition_erase()


class Replace(metaclass=PoolMeta):
    __name__ = 'party.replace'

    def transition_replace(self):
        _check_parties([self.ask.source, self.ask.destination], 'write')
        return super().transition_replace()
