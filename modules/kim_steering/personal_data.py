# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.modules.kim.personal_data import search_readable
from trytond.pool import PoolMeta

# Where the steering work names a person: model and its fields to a party
MENTIONS = [
    ('kim.steering.member', ['party']),
    ('kim.steering.meeting.item', ['presenter']),
    ('kim.steering.meeting.attendance', ['member.party', 'represented_by']),
    ('kim.steering.resolution', ['responsible_person']),
    ('kim.steering.working_group', ['lead']),
    ('kim.steering.working_group.member', ['party']),
    ('kim.steering.reconstruction.participant', ['party']),
    ]


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    @classmethod
    def kim_personal_records(cls, party):
        """The records of the steering work that name the person: member,
        presenter, representative, responsible person, lead, participant"""
        records = super().kim_personal_records(party)
        for model_name, names in MENTIONS:
            records.extend(search_readable(model_name,
                    ['OR'] + [(n, '=', party.id) for n in names],
                    order=[('id', 'ASC')]))
        return records
