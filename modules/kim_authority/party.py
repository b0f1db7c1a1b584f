# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.tools import grouped_slice, reduce_ids
from trytond.transaction import Transaction


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'
    # The persons of the procedures are read only with a procedure the user
    # may read (record rule in kim_authority.xml)
    kim_procedures = fields.One2Many(
        'kim.authority.procedure', 'party', "KIM Procedures", readonly=True)

    @classmethod
    def kim_needed(cls, parties):
        # The files of the authorities are kept under their own legal
        # retention: never anonymised here, they keep their persons.  In
        # SQL: also the procedures the user may not read count.
        Procedure = Pool().get('kim.authority.procedure')
        procedure = Procedure.__table__()
        cursor = Transaction().connection.cursor()
        needed = super().kim_needed(parties)
        for sub_parties in grouped_slice(parties):
            cursor.execute(*procedure.select(procedure.party,
                    where=reduce_ids(
                        procedure.party, [p.id for p in sub_parties]),
                    group_by=[procedure.party]))
            needed.update(p for p, in cursor)
        return needed
