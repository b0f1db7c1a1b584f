# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from sql.conditionals import Coalesce, NullIf
from sql.operators import Concat

from trytond import backend
from trytond.i18n import gettext
from trytond.model import fields
from trytond.modules.party.exceptions import EraseError
from trytond.pool import Pool, PoolMeta
from trytond.tools import grouped_slice
from trytond.transaction import Transaction, check_access

from .access import AccessMixin, check_records


def party_rec_names(Model, records, field=None):
    """Return the rec_name of the party of each record by its Many2One
    field to party.party (of the record itself without field), in SQL:
    through the ORM each record and its party load all their fields, which
    made these names the main cost of the lists"""
    pool = Pool()
    Party = pool.get('party.party')
    party = Party.__table__()
    if field:
        table = Model.__table__()
        from_ = table.join(party, condition=getattr(table, field) == party.id)
    else:
        table = from_ = party
    cursor = Transaction().connection.cursor()
    names = {}
    for sub_records in grouped_slice(records, backend.MAX_QUERY_PARAMS):
        cursor.execute(*from_.select(
                table.id, Party.rec_name_column(party),
                where=fields.SQL_OPERATORS['in'](
                    table.id, [r.id for r in sub_records])))
        names.update(cursor)
    return names


def cached_party_rec_names(Model, records, field, cache):
    "party_rec_names() of the records through the cache of the names by id"
    names, missing = {}, []
    for record in records:
        name = cache.get(record.id)
        if name is None:
            missing.append(record)
        else:
            names[record.id] = name
    if missing:
        for id_, name in party_rec_names(Model, missing, field).items():
            names[id_] = cache.set(id_, name)
    return names


class Party(AccessMixin, metaclass=PoolMeta):
    __name__ = 'party.party'

    @classmethod
    def rec_name_column(cls, table):
        "The SQL expression of get_rec_name on the party table"
        return Coalesce(NullIf(table.name, ''),
            Concat('[', Concat(Coalesce(table.code, ''), ']')))

    @classmethod
    def get_rec_name(cls, parties, name):
        return party_rec_names(cls, parties)

    @classmethod
    def on_modification(cls, mode, parties, field_names=None):
        pool = Pool()
        super().on_modification(mode, parties, field_names=field_names)
        if mode != 'create' and (
                field_names is None or field_names & {'name', 'code'}):
            for name in ['company.company', 'company.employee']:
                pool.get(name)._rec_name_cache.clear()

    @classmethod
    def kim_needed(cls, parties):
        """Return the ids of the parties that a KIM record still needs: they
        are not erased"""
        return set()


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

    def check_erase(self, party):
        super().check_erase(party)
        if party.id in party.kim_needed([party]):
            raise EraseError(gettext(
                    'kim.msg_erase_party_needed', party=party.rec_name))


class Replace(metaclass=PoolMeta):
    __name__ = 'party.replace'

    def transition_replace(self):
        _check_parties([self.ask.source, self.ask.destination], 'write')
        return super().transition_replace()
