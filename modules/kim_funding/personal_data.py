# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.modules.kim.personal_data import search_readable
from trytond.pool import PoolMeta


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    @classmethod
    def kim_personal_records(cls, party):
        "The staffings of the posts where the person is the employee"
        records = super().kim_personal_records(party)
        records.extend(search_readable('kim.funding.staffing',
                [('employee.party', '=', party.id)],
                order=[('start_date', 'ASC'), ('id', 'ASC')]))
        return records
