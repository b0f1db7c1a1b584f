# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.modules.kim.personal_data import search_readable
from trytond.pool import PoolMeta

# The lines of a case in the export of the right of access
CASE_LINES = ['consents', 'needs', 'goals', 'contacts', 'referrals',
    'appointments', 'reminders']


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    @classmethod
    def kim_personal_records(cls, party):
        "The client files of the person, their cases and lines"
        records = super().kim_personal_records(party)
        clients = search_readable('kim.case.client',
            [('party', '=', party.id)], order=[('id', 'ASC')])
        for client in clients:
            records.append(client)
            records.extend(client.household_members)
        cases = search_readable('kim.case', [
                ('client', 'in', [c.id for c in clients]),
                ], order=[('start_date', 'ASC'), ('id', 'ASC')])
        records.extend(cases)
        for case in cases:
            for name in CASE_LINES:
                records.extend(getattr(case, name))
        return records
