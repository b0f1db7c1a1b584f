# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"Helpers for the proteus scenarios of kim_steering"
import datetime as dt

from proteus import Model

__all__ = ['create_steering_group', 'create_meeting']


def create_steering_group(company, members, name=None, code='LG',
        config=None):
    """Create the steering group of company with members as (person,
    organisation, role, login or None), members since 1 January 2025"""
    Party = Model.get('party.party', config=config)
    Group = Model.get('kim.steering.group', config=config)
    group = Group(name=name or f"Lenkungsgruppe {company.rec_name}",
        code=code, company=company)
    for person, organisation, role, user in members:
        member = group.members.new()
        member.party = Party(name=person)
        member.party.save()
        if organisation:
            member.organisation, = (
                Party.find([('name', '=', organisation)])
                or [Party(name=organisation)])
            if member.organisation.id < 0:
                member.organisation.save()
        member.role = role
        member.start_date = dt.date(2025, 1, 1)
        member.user = user
    group.save()
    return group


def create_meeting(group, day, name="Sitzung der Lenkungsgruppe",
        items=(), config=None):
    "Create a meeting of group on day from 14:00 to 16:00 with agenda items"
    Meeting = Model.get('kim.steering.meeting', config=config)
    meeting = Meeting(group=group, name=name,
        start=dt.datetime.combine(day, dt.time(14)),
        end=dt.datetime.combine(day, dt.time(16)), place="Rathaus, Raum 101")
    for topic in items:
        meeting.items.new(name=topic)
    meeting.save()
    return meeting
