# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The demo of kim_steering: a year of the Lenkungsgruppe of Stadt
Musterstadt.

The coordinator Petra Lange (the login of the case demo, created here if
the case demo has not been built) enters the local network with its two
cooperation agreements and the steering group with nine members at
leadership level, two of them with a login to read meetings, minutes and
resolutions.  Four meetings in 2026, each planned with its agenda and
proposed resolutions, invited, held with attendance, notes and minutes and
approved in the next meeting (the last one is held, its minutes not yet
approved); eleven resolutions in every kind and state (LG 2026/01 to
LG 2026/10 and one rejected), with follow-ups, one of them overdue; two
generative themes prioritised in the first meeting; a project group
mandated by LG 2026/01 with two meetings of its own, whose proposal is
submitted, scheduled into the second meeting and adopted there; two case
reconstructions at Caritas and the DRK.  With kim_case the coordination
takes up the structural barriers reported in the cases and from a
reconstruction: assessed, grouped under a theme, assigned to the project
group or a resolution, those of the project group resolved, one closed.

Every step is done by the user who does it in real life (the logins by
the administrator, the rest by the coordinator, the link of a
reconstruction to its case by the case manager) on its date, with the
clock of ir.date moved to that date; steps after today are left out.  All
data is fixed (data/steering.py)."""
from .base import Models, Part, days, utc
from .data.case import PARTNERS
from .data.funding import FUNDING_READERS, READ_GROUP
from .data.organisations import ORGANISATIONS, STAFF
from .data.steering import (
    AGREEMENTS, ATTENDANCE, BARRIER_ASSESSMENT_START,
    BARRIER_DEFAULT_ASSESSMENT, BARRIER_PLAN, COORDINATOR, GROUP_CODE,
    GROUP_NAME, MEETING_BARRIERS, MEETINGS, MEMBER_CHANGE, MEMBERS, MINUTES,
    MINUTES_DAY_AFTER, NETWORK, NEW_ORGANISATIONS, NOTES, PERSONS,
    PROJECT_GROUP, PROPOSAL, PROPOSAL_ITEM_SEQUENCE, RECONSTRUCTION_BARRIERS,
    RECONSTRUCTION_CASE, RECONSTRUCTIONS, RESOLUTION_STEPS, RESOLUTIONS,
    SETUP_DATE, STEERING_GROUP, STEERING_ROLES, STEERING_STAFF,
    THEME_RESOLUTIONS, THEMES, THEMES_DATE, WORKING_GROUP_MEETINGS)
from .organisation import hire_staff


class SteeringDemo(Part):
    module = 'kim_steering'
    title = "steering"
    staff = STEERING_STAFF
    roles = STEERING_ROLES

    def __init__(self, demo):
        super().__init__(demo)
        self.events = []
        self.with_case = False
        self.reconstructions = {}

    def is_loaded(self):
        Group = self.model('kim.steering.group')
        return bool(Group.find([('name', '=', GROUP_NAME)]))

    def build(self):
        demo = self.demo
        self.with_case = 'kim_case' in demo.activated_modules()
        hire_staff(demo)
        self.clock(SETUP_DATE)
        self.setup_users()
        demo.step(f"{self.counts['steering logins']} steering logins")
        self.S = Models(demo, COORDINATOR)
        self.load_catalogs()
        self.setup_network()
        self.setup_group()
        demo.step(f"steering group with {self.counts['steering members']} "
            f"members, {self.counts['steering network parties']} parties "
            "in the local network")
        self.plan()
        self.run_events()
        demo.step(f"steering 2026: {self.counts['steering meetings']} "
            f"meetings, {self.counts['steering resolutions']} resolutions")

    # --- helpers ----------------------------------------------------------
    def at(self, date, function, *args):
        "Plan a step on its date"
        self.events.append((date, len(self.events), function, args))

    def run_events(self):
        "Run the planned steps in the order of their dates until today"
        events, self.events = sorted(
            self.events, key=lambda e: e[:2]), []
        for date, _, function, args in events:
            if date > self.today:
                self.counts['steering steps after today'] += 1
                continue
            self.clock(date)
            function(*args)
        self.clock(None)

    def get(self, name, id_):
        "The record id_ of model name as seen by the coordinator"
        return self.S[name](id_)

    def party(self, key):
        "The party of a person or an organisation"
        if key in self.persons:
            return self.get('party.party', self.persons[key])
        return self.get('party.party', self.organisations[key])

    # --- set-up -----------------------------------------------------------
    def setup_users(self):
        """The coordinator (unless the case demo created her), in the group
        of the coordination with the companies of all organisations, and
        the logins of the members of the steering group, by the
        administrator"""
        demo = self.demo
        User = demo.model('res.user')
        Group = demo.model('res.group')
        Company = demo.model('company.company')
        Employee = demo.model('company.employee')
        Lang = demo.model('ir.lang')
        de = Lang(demo.lang_de)
        coordination = demo.ref('kim', 'group_kim_coordination')
        funding = 'kim_funding' in demo.activated_modules()
        petras = User.find([('login', '=', COORDINATOR)])
        if petras:
            petra, = petras
        else:
            _, first, last, org, _ = [
                s for s in STAFF if s[0] == COORDINATOR][0]
            petra = User(name=f"{first} {last}", login=COORDINATOR)
            petra.password = demo.password
            petra.language = de
            petra.company = Company(demo.companies[org])
            petra.employees.append(Employee(demo.employees[COORDINATOR]))
            petra.employee = Employee(demo.employees[COORDINATOR])
            self.counts['steering logins'] += 1
        groups = [coordination]
        if funding and COORDINATOR in FUNDING_READERS:
            # as the funding demo does when it finds her
            groups.append(demo.ref('kim_funding', READ_GROUP))
        for group in groups:
            if group not in [g.id for g in petra.groups]:
                petra.groups.append(Group(group))
        for company in demo.companies.values():
            if company not in [c.id for c in petra.companies]:
                petra.companies.append(Company(company))
        petra.company_filter = 'all'
        # her start page, opened at login
        start_page = self.model('ir.action.act_window')(
            demo.ref('kim_steering', 'act_board_coordination')).action
        if start_page not in petra.actions:
            petra.actions.append(self.model('ir.action')(start_page.id))
        petra.save()
        demo.session(COORDINATOR, refresh=True)

        member_group = Group(demo.ref(*STEERING_GROUP))
        users = []
        for login, first, last, org, _ in STEERING_STAFF:
            user = User(name=f"{first} {last}", login=login)
            user.password = demo.password
            user.language = de
            user.groups.append(Group(member_group.id))
            user.companies.append(Company(demo.companies[org]))
            user.company = Company(demo.companies[org])
            users.append(user)
        User.save(users)
        self.users = {u.login: u.id for u in users}
        self.users[COORDINATOR] = petra.id
        self.counts['steering logins'] += len(users)

    def load_catalogs(self):
        def by_code(name):
            return {r.code: r.id for r in self.S[name].find([])}
        self.legal_domains = by_code('kim.legal_domain')
        self.fields_of_action = by_code('kim.field_of_action')

    def setup_network(self):
        """The organisations of the local network with their kind, legal
        domain and contact person, and the persons of the steering work"""
        demo, S = self.demo, self.S
        Party = S['party.party']
        Company = S['company.company']
        self.organisations = {}
        for key, *_ in ORGANISATIONS:
            self.organisations[key] = Company(demo.companies[key]).party.id
        partners = {p[0]: (p[1], p[5]) for p in PARTNERS}
        partners.update({k: (name, street)
                for k, name, street in NEW_ORGANISATIONS})
        new = []
        for key, *_ in NETWORK:
            if key in self.organisations:
                continue
            name, street = partners[key]
            found = Party.find([('name', '=', name)], limit=1)
            if found:
                self.organisations[key] = found[0].id
            else:
                new.append((key, demo.new_party(
                            Party, name, street, login=COORDINATOR)))
        Party.save([p for _, p in new])
        self.organisations.update({k: p.id for k, p in new})

        self.persons = {}
        new = []
        for key, name, *_ in PERSONS:
            found = Party.find([('name', '=', name)], limit=1)
            if found:
                self.persons[key] = found[0].id
            else:
                new.append((key, demo.new_party(
                            Party, name, login=COORDINATOR)))
        Party.save([p for _, p in new])
        self.persons.update({k: p.id for k, p in new})
        self.person_info = {k: (org, position)
            for k, _, org, position in PERSONS}
        self.counts['steering persons'] += len(new)

        parties = []
        for key, kind, legal, contact in NETWORK:
            party = Party(self.organisations[key])
            party.kim_network_kind = kind
            party.kim_legal_domain = S['kim.legal_domain'](
                self.legal_domains[legal])
            if contact:
                party.kim_contact_person = Party(self.persons[contact])
            parties.append(party)
        Party.save(parties)
        self.counts['steering network parties'] = len(parties)

    def setup_group(self):
        "The steering group of the municipality with its members"
        demo, S = self.demo, self.S
        Group = S['kim.steering.group']
        group = Group(name=GROUP_NAME, code=GROUP_CODE,
            company=S['company.company'](demo.companies['ki']))
        for person, role, start, end, login in MEMBERS:
            self.new_member(group, person, role, start, end, login)
        group.save()
        self.group = group.id
        self.members = {self.person_key(m.party.id): m.id
            for m in group.members}
        self.counts['steering members'] = len(group.members)

    def new_member(self, group, person, role, start, end=None, login=None):
        org, position = self.person_info[person]
        member = group.members.new()
        member.party = self.party(person)
        member.organisation = self.party(org)
        member.position = position
        member.role = role
        member.start_date = start
        member.end_date = end
        if login:
            member.user = self.S['res.user'](self.users[login])
        return member

    def person_key(self, party_id):
        keys = [k for k, v in self.persons.items() if v == party_id]
        return keys[0]

    def change_member(self):
        "The Agentur für Arbeit sends a new member"
        _, leaving, last_day, (person, role, first_day) = MEMBER_CHANGE
        Group = self.S['kim.steering.group']
        group = Group(self.group)
        for member in group.members:
            if member.id == self.members[leaving]:
                member.end_date = last_day
        self.new_member(group, person, role, first_day)
        group.save()
        self.members = {self.person_key(m.party.id): m.id
            for m in group.members}
        self.counts['steering members'] = len(group.members)

    def create_agreement(self, subject, date, start, end, partners, text):
        Agreement = self.S['kim.steering.agreement']
        agreement = Agreement(
            company=self.get('company.company', self.demo.companies['ki']),
            name=subject, date=date, start_date=start, end_date=end,
            text=text)
        for key in partners:
            agreement.partners.append(self.party(key))
        agreement.save()
        self.counts['steering agreements'] += 1

    def create_themes(self):
        S = self.S
        Theme = S['kim.steering.theme']
        self.themes = {}
        for key, name, field, description, _, _ in THEMES:
            theme = Theme(group=self.get('kim.steering.group', self.group),
                name=name, description=description,
                field_of_action=S['kim.field_of_action'](
                    self.fields_of_action[field]))
            theme.save()
            self.themes[key] = theme.id
            self.counts['steering generative themes'] += 1

    # --- the story --------------------------------------------------------
    def plan(self):
        self.meetings = {}
        self.items = {}
        self.resolutions = {}
        self.meeting_info = {m[0]: m for m in MEETINGS}
        self.working_group = None
        at = self.at
        at(THEMES_DATE, self.create_themes)
        for _, date, subject, signed, start, end, partners, text in (
                AGREEMENTS):
            at(date, self.create_agreement, subject, signed, start, end,
                partners, text)
        at(MEMBER_CHANGE[0], self.change_member)
        previous = None
        for key, _, day, *_, planned, invited, _ in MEETINGS:
            at(planned, self.plan_meeting, key)
            at(invited, self.invite, key)
            if previous:
                # the minutes of the last meeting are approved first
                at(day, self.approve, previous)
            at(day, self.hold, key)
            at(day + days(1) if key in MINUTES_DAY_AFTER else day,
                self.write_minutes, key)
            previous = key
        self.plan_project_group()
        for date, resolution, action, text in RESOLUTION_STEPS:
            at(date, self.resolution_step, resolution, action, date, text)
        for reconstruction in RECONSTRUCTIONS:
            at(reconstruction[2], self.create_reconstruction, reconstruction)
        if self.with_case:
            key, login = RECONSTRUCTION_CASE
            date = [r[2] for r in RECONSTRUCTIONS if r[0] == key][0]
            at(date + days(1), self.link_case, key, login)
            key, date = RECONSTRUCTION_BARRIERS
            at(date, self.create_barriers, key)
            self.plan_barriers()

    def plan_meeting(self, key):
        """The coordination plans the meeting with its agenda and the
        proposed resolutions"""
        S = self.S
        _, name, day, start, end, place, _, _, items = self.meeting_info[key]
        Meeting = S['kim.steering.meeting']
        meeting = Meeting(group=self.get('kim.steering.group', self.group),
            name=f"{name} der {GROUP_NAME}", start=utc(day, start),
            end=utc(day, end), place=place)
        for i, (_, topic, presenter, theme, description) in enumerate(
                items):
            item = meeting.items.new(sequence=(i + 1) * 10, name=topic,
                description=description)
            if presenter:
                item.presenter = self.party(presenter)
            if theme:
                item.theme = self.get('kim.steering.theme',
                    self.themes[theme])
        meeting.save()
        self.meetings[key] = meeting.id
        self.items[key] = {k[0]: item.id
            for k, item in zip(items, meeting.items)}
        self.counts['steering meetings'] += 1
        self.counts['steering agenda items'] += len(items)
        Resolution = S['kim.steering.resolution']
        Item = S['kim.steering.meeting.item']
        for (r_key, m_key, item_key, kind, title, text, org, person, login,
                due, _) in RESOLUTIONS:
            if m_key != key or not item_key:
                continue
            resolution = Resolution(
                group=self.get('kim.steering.group', self.group),
                meeting=Meeting(meeting.id), kind=kind, name=title,
                text=text, due_date=due)
            self.set_responsible(resolution, org, person, login)
            resolution.save()
            self.resolutions[r_key] = resolution.id
            item = Item(self.items[key][item_key])
            item.resolution = Resolution(resolution.id)
            item.save()
            self.counts['steering resolutions'] += 1

    def set_responsible(self, resolution, org, person, login):
        if org:
            resolution.responsible_organisation = self.party(org)
        if person:
            resolution.responsible_person = self.party(person)
        if login:
            resolution.responsible_user = self.get(
                'res.user', self.users[login])

    def invite(self, key):
        Meeting = self.S['kim.steering.meeting']
        meeting = Meeting(self.meetings[key])
        meeting.click('invite')
        self.counts['steering invitations'] += len(meeting.attendances)

    def hold(self, key):
        """The meeting is held: attendance, the resolutions adopted or
        rejected, the priorities of the themes set"""
        S = self.S
        Meeting = S['kim.steering.meeting']
        Resolution = S['kim.steering.resolution']
        Theme = S['kim.steering.theme']
        meeting = Meeting(self.meetings[key])
        absent = ATTENDANCE.get(key, {})
        members = {v: k for k, v in self.members.items()}
        for attendance in meeting.attendances:
            person = members[attendance.member.id]
            status, representative = absent.get(person, ('present', None))
            attendance.status = status
            if representative:
                attendance.represented_by = self.party(representative)
            self.counts[f'steering attendees {status}'] += 1
        meeting.save()
        meeting.click('hold')
        for (r_key, m_key, _, _, _, _, org, person, login, due,
                decision) in RESOLUTIONS:
            if m_key != key:
                continue
            resolution = Resolution(self.resolutions[r_key])
            if resolution.state != 'proposed':
                continue
            if r_key == PROPOSAL['resolution']:
                # those responsible are agreed in the meeting
                self.set_responsible(resolution, org, person, login)
                resolution.due_date = due
                resolution.save()
            resolution.click(decision)
            for theme_key, keys in THEME_RESOLUTIONS.items():
                if r_key in keys and decision == 'adopt':
                    theme = Theme(self.themes[theme_key])
                    theme.resolutions.append(Resolution(resolution.id))
                    theme.save()
        for theme_key, _, _, _, priority, m_key in THEMES:
            if m_key == key:
                theme = Theme(self.themes[theme_key])
                theme.priority = priority
                theme.priority_meeting = Meeting(meeting.id)
                theme.save()

    def write_minutes(self, key):
        "The coordination writes the notes of the items and the minutes"
        S = self.S
        Meeting = S['kim.steering.meeting']
        meeting = Meeting(self.meetings[key])
        notes = NOTES.get(key, {})
        by_id = {v: k for k, v in self.items[key].items()}
        barriers = {}
        if self.with_case:
            # the barriers discussed, reported by the day of the meeting
            Barrier = S['kim.case.barrier']
            day = self.meeting_info[key][2]
            for m_key, item_key, title in MEETING_BARRIERS:
                found = Barrier.find([('name', '=', title),
                        ('state', '!=', 'draft'),
                        ('date', '<=', day)], limit=1) if m_key == key else []
                if found:
                    barriers[self.items[key][item_key]] = found[0].id
        for item in meeting.items:
            text = notes.get(by_id.get(item.id))
            if text:
                item.notes = text
            if item.id in barriers:
                item.barrier = S['kim.case.barrier'](barriers[item.id])
                self.counts['steering items on a barrier'] += 1
        meeting.minutes = MINUTES[key]
        meeting.save()

    def approve(self, key):
        Meeting = self.S['kim.steering.meeting']
        meeting = Meeting(self.meetings[key])
        meeting.click('approve')
        self.counts['steering minutes approved'] += 1

    def resolution_step(self, key, action, date, text):
        Resolution = self.S['kim.steering.resolution']
        resolution = Resolution(self.resolutions[key])
        if action == 'follow_up':
            resolution.follow_ups.new(date=date, text=text)
            resolution.save()
            self.counts['steering follow-ups'] += 1
        else:
            resolution.click(action)

    # --- the project group --------------------------------------------
    def plan_project_group(self):
        at = self.at
        at(PROJECT_GROUP['date'], self.create_project_group)
        for date, subject, notes in WORKING_GROUP_MEETINGS:
            at(date, self.working_group_meeting, date, subject, notes)
        at(PROPOSAL['date'], self.submit_proposal)
        at(PROPOSAL['schedule'], self.schedule_proposal)
        at(PROJECT_GROUP['close'], self.close_project_group)

    def create_project_group(self):
        S = self.S
        WorkingGroup = S['kim.steering.working_group']
        Resolution = S['kim.steering.resolution']
        group = WorkingGroup(
            group=self.get('kim.steering.group', self.group),
            kind=PROJECT_GROUP['kind'], name=PROJECT_GROUP['name'],
            mandate=Resolution(self.resolutions[PROJECT_GROUP['mandate']]),
            lead=self.party(PROJECT_GROUP['lead']),
            start_date=PROJECT_GROUP['start_date'],
            end_date=PROJECT_GROUP['end_date'])
        for person in PROJECT_GROUP['members']:
            member = group.members.new()
            member.party = self.party(person)
            member.organisation = self.party(self.person_info[person][0])
            member.start_date = PROJECT_GROUP['start_date']
        group.save()
        group.click('activate')
        self.working_group = group.id
        theme = S['kim.steering.theme'](self.themes[PROJECT_GROUP['theme']])
        theme.working_groups.append(WorkingGroup(group.id))
        theme.save()
        self.counts['steering working groups'] += 1
        self.counts['steering WG members'] += len(group.members)

    def working_group_meeting(self, date, subject, notes):
        WorkingGroup = self.S['kim.steering.working_group']
        group = WorkingGroup(self.working_group)
        group.meetings.new(date=date, name=subject, notes=notes)
        group.save()
        self.counts['steering WG meetings'] += 1

    def submit_proposal(self):
        S = self.S
        Proposal = S['kim.steering.proposal']
        proposal = Proposal(
            working_group=S['kim.steering.working_group'](
                self.working_group),
            name=PROPOSAL['name'], text=PROPOSAL['text'],
            kind=PROPOSAL['kind'], date=PROPOSAL['date'])
        proposal.save()
        proposal.click('submit')
        self.proposal = proposal.id
        self.counts['steering proposals'] += 1

    def schedule_proposal(self):
        """The coordination puts the proposal on the agenda: an item with a
        proposed resolution, placed after the welcome"""
        S = self.S
        Proposal = S['kim.steering.proposal']
        proposal = Proposal(self.proposal)
        key = PROPOSAL['meeting']
        proposal.meeting = S['kim.steering.meeting'](self.meetings[key])
        proposal.click('schedule')
        proposal = Proposal(self.proposal)
        item = S['kim.steering.meeting.item'](proposal.item.id)
        item.sequence = PROPOSAL_ITEM_SEQUENCE
        item.save()
        self.items[key]['proposal'] = item.id
        self.resolutions[PROPOSAL['resolution']] = proposal.resolution.id
        self.counts['steering agenda items'] += 1
        self.counts['steering resolutions'] += 1

    def close_project_group(self):
        WorkingGroup = self.S['kim.steering.working_group']
        group = WorkingGroup(self.working_group)
        group.results = PROJECT_GROUP['results']
        group.save()
        group.click('close')

    # --- case reconstructions ---------------------------------------------
    def create_reconstruction(self, data):
        S = self.S
        key, org, date, title, summary, participants, findings = data
        Reconstruction = S['kim.steering.reconstruction']
        reconstruction = Reconstruction(
            company=S['company.company'](self.demo.companies[org]),
            name=title, date=date, summary=summary)
        for person, function in participants:
            participant = reconstruction.participants.new()
            participant.party = self.party(person)
            participant.organisation = self.party(
                self.person_info[person][0])
            participant.function = function
        for name, description, field, legal, theme in findings:
            finding = reconstruction.findings.new(name=name,
                description=description)
            finding.field_of_action = S['kim.field_of_action'](
                self.fields_of_action[field])
            finding.legal_domain = S['kim.legal_domain'](
                self.legal_domains[legal])
            if theme:
                finding.theme = S['kim.steering.theme'](self.themes[theme])
        reconstruction.save()
        self.reconstructions[key] = reconstruction.id
        self.counts['steering case reconstructions'] += 1
        self.counts['steering findings'] += len(findings)

    def link_case(self, key, login):
        "The case manager links one of her cases to the reconstruction"
        demo = self.demo
        User = demo.model('res.user')
        if not User.find([('login', '=', login)]):
            return
        cases = demo.rpc(login, 'kim.case', 'search',
            [('start_date', '<', self.demo.clock.date)], 0, 1,
            [('start_date', 'ASC'), ('id', 'ASC')])
        if cases:
            demo.rpc(login, 'kim.steering.reconstruction', 'write',
                [self.reconstructions[key]], {'case': cases[0]})
            self.counts['steering reconstruction links'] += 1

    def create_barriers(self, key):
        Reconstruction = self.S['kim.steering.reconstruction']
        reconstruction = Reconstruction(self.reconstructions[key])
        reconstruction.click('create_barriers')
        reconstruction = Reconstruction(self.reconstructions[key])
        self.counts['steering barriers reported'] += len(
            [f for f in reconstruction.findings if f.barrier])

    # --- the barriers taken up by the coordination ------------------------
    def plan_barriers(self):
        """The barriers reported in the cases and from the reconstruction,
        each taken up once it is reported"""
        Barrier = self.S['kim.case.barrier']
        barriers = [(b.name, b.date) for b in Barrier.find(
                [('state', '=', 'reported')], order=[('date', 'ASC')])]
        key, date = RECONSTRUCTION_BARRIERS
        findings = [r[6] for r in RECONSTRUCTIONS if r[0] == key][0]
        barriers += [(f[0], date) for f in findings]
        for name, reported in barriers:
            assessment, theme, working_group, resolutions, assign, final = (
                BARRIER_PLAN.get(name, (BARRIER_DEFAULT_ASSESSMENT,
                        None, False, [], None, None)))
            assessed = max(reported + days(7), BARRIER_ASSESSMENT_START)
            self.at(assessed, self.assess_barrier, name, assessment, theme)
            last = assessed
            if assign:
                last = max(assign, assessed)
                self.at(last, self.assign_barrier, name, working_group,
                    resolutions)
            if final:
                action, date = final
                self.at(max(date, last), self.close_barrier, name, action,
                    resolutions)

    def find_barrier(self, name, state):
        Barrier = self.S['kim.case.barrier']
        barriers = Barrier.find([('name', '=', name), ('state', '=', state)],
            limit=1)
        return barriers[0] if barriers else None

    def add_resolutions(self, barrier, keys):
        "Link the resolutions that have been taken"
        Resolution = self.S['kim.steering.resolution']
        linked = {r.id for r in barrier.resolutions}
        for key in keys:
            if key not in self.resolutions:
                continue
            resolution = Resolution(self.resolutions[key])
            if resolution.number and resolution.id not in linked:
                barrier.resolutions.append(Resolution(resolution.id))

    def assess_barrier(self, name, assessment, theme):
        barrier = self.find_barrier(name, 'reported')
        if not barrier:
            return
        barrier.assessment = assessment
        if theme:
            barrier.theme = self.get('kim.steering.theme', self.themes[theme])
        barrier.save()
        barrier.click('assess')
        self.counts['steering barriers assessed'] += 1

    def assign_barrier(self, name, working_group, resolutions):
        barrier = self.find_barrier(name, 'assessed')
        if not barrier:
            return
        if working_group and self.working_group:
            barrier.working_group = self.get(
                'kim.steering.working_group', self.working_group)
        self.add_resolutions(barrier, resolutions)
        if not barrier.working_group and not barrier.resolutions:
            return
        barrier.save()
        barrier.click('assign')
        self.counts['steering barriers assigned'] += 1

    def close_barrier(self, name, action, resolutions):
        barrier = (self.find_barrier(name, 'assigned')
            or self.find_barrier(name, 'assessed'))
        if not barrier:
            return
        self.add_resolutions(barrier, resolutions)
        barrier.save()
        barrier.click(action)
        self.counts[{'resolve': 'steering barriers resolved',
                'close': 'steering barriers closed'}[action]] += 1
