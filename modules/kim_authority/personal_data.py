# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.pool import Pool, PoolMeta


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    @classmethod
    def kim_personal_records(cls, party):
        """The procedures of the person with their residence periods and
        requirements (deadlines and permits)"""
        Procedure = Pool().get('kim.authority.procedure')
        records = super().kim_personal_records(party)
        procedures = Procedure.search(
            [('party', '=', party.id)], order=[('id', 'ASC')])
        for procedure in procedures:
            records.append(procedure)
            records.extend(procedure.periods)
            records.extend(procedure.requirements)
        return records
