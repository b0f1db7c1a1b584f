# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The demo of kim_authority: the work of the foreigners' authority (ABH)
and of the naturalisation authority (EBH) of Stadt Musterstadt.

Three logins of the city: Sven Hartmann on the KIM post of the ABH, Ines
Sommer, head of its residence section, and Tanja Richter on the KIM post of
the EBH (the holders of the posts of Baustein 3 are the employees of the
funding demo, found by their name, hired here without it).  Thirteen
procedures with the residence history of the person (two to four periods)
and the checklist generated from the templates: § 25a granted, and one in
pre-check for a young man of 26 whose 27th birthday is ahead (an
application on the birthday is refused); § 25b granted, and one in progress
whose A2 line is not met; three § 104c permits, two granted in 2024 and
converted in time with the buttons into § 25b and § 25a (both granted, the
§ 104c procedures closed), one granted in 2025 whose conversion deadline of
30 November 2026 has come; § 10 StAG granted with the fee of 255 €, one
applied without B1, one withdrawn; § 8 StAG in progress with a checklist of
its own.  The manual lines of the checklists are confirmed with their
evidence and date.

Every step is done by the login who does it in real life (the logins by
the administrator, the procedures by their officer, the decisions of the
ABH by the head of the section) on its date, with the clock of ir.date
moved to that date; steps after today are left out.  At the end the
scheduled action of the day notifies the responsible login of the § 104c
deadlines, as trytond-cron does.  All data is fixed (data/authority.py)."""
from .base import Part, days
from .data.authority import (
    AUTHORITY_EMPLOYEE_START, AUTHORITY_GROUPS, AUTHORITY_ROLES,
    AUTHORITY_STAFF, PROCEDURES)

PROCEDURE = 'kim.authority.procedure'
# The button that opens each conversion of a § 104c permit
CONVERSIONS = {
    '104c_25a': 'convert_25a',
    '104c_25b': 'convert_25b',
    }


class AuthorityDemo(Part):
    module = 'kim_authority'
    title = "authorities"
    staff = AUTHORITY_STAFF
    roles = AUTHORITY_ROLES

    def __init__(self, demo):
        super().__init__(demo)
        self.events = []
        self.procedures = {}

    def is_loaded(self):
        User = self.model('res.user')
        return bool(User.find([('login', '=', AUTHORITY_STAFF[0][0])]))

    def build(self):
        demo = self.demo
        self.setup_users(self.hire_employees())
        demo.step(f"{self.counts['authority logins']} authority logins")
        self.statuses = {s.code: s.id for s in self.model(
                'kim.authority.residence_status').find([])}
        self.plan()
        self.run_events()
        self.notify_deadlines()
        demo.step(f"authorities: {self.counts['authority procedures']} "
            f"procedures, {self.counts['authority procedures granted']} "
            "granted")

    # --- helpers ----------------------------------------------------------
    def at(self, date, login, function, spec, argument):
        "Plan a step on its date"
        self.events.append((date, len(self.events), login, function, spec,
                argument))

    def run_events(self):
        "Run the planned steps in the order of their dates until today"
        events, self.events = sorted(
            self.events, key=lambda e: e[:2]), []
        for date, _, login, function, spec, argument in events:
            if date > self.today:
                self.counts['authority steps after today'] += 1
                continue
            self.clock(date)
            function(spec, login, date, argument)
        self.clock(None)

    def procedure(self, spec, login):
        "The procedure of spec as seen by login"
        return self.model(PROCEDURE, login)(self.procedures[spec['key']])

    def add_periods(self, procedure, periods, login):
        Status = self.model('kim.authority.residence_status', login)
        for code, paragraph, start, end, notes in periods:
            procedure.periods.new(status=Status(self.statuses[code]),
                paragraph=paragraph, start_date=start, end_date=end,
                notes=notes)
        self.counts['authority residence periods'] += len(periods)

    # --- set-up by the administrator -------------------------------------
    def hire_employees(self):
        """The employees of the logins: the holders of the KIM posts hired
        by the funding demo are found by their name, the others are hired
        (with the party of the steering demo for its persons); return the
        employee id by login"""
        demo = self.demo
        Party = demo.model('party.party')
        Employee = demo.model('company.employee')
        employees, new = {}, []
        for login, first, last, org, _ in AUTHORITY_STAFF:
            name = f"{first} {last}"
            found = Employee.find([
                    ('party.name', '=', name),
                    ('company', '=', demo.companies[org]),
                    ], limit=1)
            if found:
                employees[login] = found[0].id
                continue
            parties = Party.find([('name', '=', name)], limit=1)
            if parties:
                party, = parties
            else:
                party = demo.new_party(Party, name)
                party.save()
            new.append((login, Employee(party=party,
                        company=demo.companies[org],
                        start_date=AUTHORITY_EMPLOYEE_START[login])))
        Employee.save([e for _, e in new])
        employees.update({login: e.id for login, e in new})
        demo.employees.update(employees)
        self.counts['authority employees hired'] = len(new)
        return employees

    def setup_users(self, employees):
        "The logins of the authorities, each in the group of its authority"
        demo = self.demo
        User = demo.model('res.user')
        Group = demo.model('res.group')
        Company = demo.model('company.company')
        Employee = demo.model('company.employee')
        de = demo.model('ir.lang')(demo.lang_de)
        # their start page, opened at login
        start_page = demo.model('ir.action.act_window')(
            demo.ref('kim_authority', 'act_board_authority')).action.id
        users = []
        for login, first, last, org, role in AUTHORITY_STAFF:
            user = User(name=f"{first} {last}", login=login)
            user.password = demo.password
            user.language = de
            user.groups.append(
                Group(demo.ref('kim_authority', AUTHORITY_GROUPS[role])))
            user.companies.append(Company(demo.companies[org]))
            user.company = Company(demo.companies[org])
            user.employees.append(Employee(employees[login]))
            user.employee = Employee(employees[login])
            user.actions.append(demo.model('ir.action')(start_page))
            users.append(user)
        User.save(users)
        self.counts['authority logins'] = len(users)

    # --- the story --------------------------------------------------------
    def plan(self):
        actions = {
            'create': self.create,
            'convert': self.convert,
            'apply': self.apply,
            'confirm': self.confirm,
            'process': self.click('process'),
            'grant': self.grant,
            'withdraw': self.withdraw,
            'close': self.click('close'),
            }
        for spec in PROCEDURES:
            for date, login, action, argument in spec['steps']:
                self.at(date, login, actions[action], spec, argument)

    def create(self, spec, login, date, _):
        """The officer records the person and the procedure with its
        residence history; the checklist is generated on saving and
        pre-checked"""
        demo = self.demo
        Party = self.model('party.party', login)
        Company = self.model('company.company', login)
        Procedure = self.model(PROCEDURE, login)
        name, street, postal_code = spec['person']
        party = demo.new_party(Party, name, street, postal_code, login=login)
        party.save()
        self.counts['authority persons'] += 1
        procedure = Procedure(
            company=Company(demo.companies['ki']),
            authority=spec['authority'], kind=spec['kind'], party=party,
            birth_date=spec['birth_date'],
            minor_child=spec.get('minor_child', False),
            german_level=spec.get('german_level'), origin=spec['origin'],
            fee=spec.get('fee'))
        self.add_periods(procedure, spec['periods'], login)
        for sequence, (line, mandatory) in enumerate(
                spec.get('lines', []), 1):
            procedure.requirements.new(
                sequence=sequence * 10, name=line, mandatory=mandatory)
        procedure.save()
        self.procedures[spec['key']] = procedure.id
        procedure.click('check_requirements')
        self.counts['authority procedures'] += 1

    def convert(self, spec, login, date, _):
        """The officer converts the § 104c permit with the button and adds
        the period of the permit to the copied residence history"""
        Procedure = self.model(PROCEDURE, login)
        kind = spec['kind']
        permit = Procedure(self.procedures[spec['from_']])
        permit.click(CONVERSIONS[kind])
        conversion, = Procedure.find([
                ('converted_from', '=', permit.id),
                ('kind', '=', kind),
                ], order=[('id', 'DESC')], limit=1)
        for name in ['german_level', 'minor_child']:
            if name in spec:
                setattr(conversion, name, spec[name])
        self.add_periods(conversion, spec['periods'], login)
        conversion.save()
        self.procedures[spec['key']] = conversion.id
        conversion.click('check_requirements')
        self.counts['authority procedures'] += 1
        self.counts['authority conversions'] += 1

    def apply(self, spec, login, date, _):
        procedure = self.procedure(spec, login)
        procedure.application_date = date
        procedure.save()
        procedure.click('apply')

    def confirm(self, spec, login, date, lines):
        "The officer confirms manual lines with the evidence, on the day"
        procedure = self.procedure(spec, login)
        requirements = {r.sequence: r for r in procedure.requirements}
        for sequence, state, evidence in lines:
            requirement = requirements[sequence]
            assert not requirement.check, (spec['key'], sequence)
            requirement.state = state
            requirement.evidence = evidence
            requirement.date = date
        procedure.save()
        self.counts['authority lines confirmed'] += len(lines)

    def click(self, button):
        def step(spec, login, date, _):
            self.procedure(spec, login).click(button)
        return step

    def grant(self, spec, login, date, values):
        """The decision with the permit; the toleration of a § 104c permit
        ends the day before the permit starts"""
        procedure = self.procedure(spec, login)
        for name, value in values.items():
            setattr(procedure, name, value)
        if procedure.kind == '104c':
            for period in procedure.periods:
                if not period.end_date:
                    period.end_date = procedure.permit_valid_from - days(1)
        procedure.save()
        procedure.click('grant')
        self.counts['authority procedures granted'] += 1

    def withdraw(self, spec, login, date, values):
        procedure = self.procedure(spec, login)
        for name, value in values.items():
            setattr(procedure, name, value)
        procedure.save()
        procedure.click('withdraw')

    # --- the scheduler ----------------------------------------------------
    def notify_deadlines(self):
        """The scheduled action of today, run as trytond-cron runs it: the
        responsible login is notified of the § 104c permits whose
        conversion deadline has come"""
        from trytond.transaction import Transaction
        demo = self.demo
        with Transaction().start(demo.admin_config.database_name, 0):
            Procedure = demo.pool.get(PROCEDURE)
            Notification = demo.pool.get('res.notification')
            before = Notification.search_count([])
            Procedure.notify_deadlines()
            self.counts['authority notifications'] += (
                Notification.search_count([]) - before)
