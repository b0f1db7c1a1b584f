# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.modules.kim.personal_data import search_readable
from trytond.pool import PoolMeta


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    @classmethod
    def kim_personal_records(cls, party):
        """The procedures of the person with their residence periods and
        requirements (deadlines and permits)"""
        records = super().kim_personal_records(party)
        procedures = search_readable('kim.authority.procedure',
            [('party', '=', party.id)], order=[('id', 'ASC')])
        for procedure in procedures:
            records.append(procedure)
            records.extend(procedure.periods)
            records.extend(procedure.requirements)
        return records
