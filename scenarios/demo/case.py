# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The demo of kim_case: the case sequences of the organisations, 23
network partners, the logins of the staff, a few hundred clients and cases
of Baustein 2 and the structural barriers found in them.

The cases are driven through the workflow buttons by their case managers
(and reopened by a team lead), each step on the date it happened, with the
clock of ir.date moved to the date of the step, as if the user had clicked
the button on that day.  Who the clients are and when their cases move on
is drawn from the random generator with its fixed seed (people.py)."""
import datetime as dt
import random
from collections import Counter, defaultdict

from proteus import Model

from .base import Models, Part, days, utc, weighted
from .data.case import (
    APPOINTMENT_DAYS, APPOINTMENT_MINUTES, APPOINTMENT_TIMES, APPOINTMENTS,
    BARRIERS, CANCEL_NOTES, CASE_SEQUENCE_NAME, CLOSURE_NOTES,
    CONSENT_DATA_CATEGORIES, CONSENT_EXTENSION, CONSENT_PURPOSE,
    CONSENT_RENEWAL, CONSENT_WITHDRAWAL_NOTE, CONTACT_NOTES, FIELD_WEIGHTS,
    GOAL_ADJUSTED, GOAL_TEXTS, NEED_TEXTS, PARTNER_CATEGORIES,
    PARTNER_ROOT_CATEGORY, PARTNERS, REFERRAL_OUTCOME_NOTES, REMINDER_DAYS,
    REMINDERS, ROLE_GROUPS, ROLES, SITUATIONS)
from .data.organisations import ORGANISATIONS, STAFF
from .organisation import hire_staff
from .people import People


class CaseDemo(Part):
    module = 'kim_case'
    title = "cases"
    staff = STAFF
    roles = ROLES

    def is_loaded(self):
        # The coordinator may come from the steering demo: a case login
        User = self.model('res.user')
        login = next(s[0] for s in STAFF if s[4] != 'coordination')
        return bool(User.find([('login', '=', login)]))

    def build(self):
        demo = self.demo
        self.setup_sequences()
        demo.step(f"{len(ORGANISATIONS)} case sequences")
        self.setup_partners()
        demo.step(f"{self.counts['network partners']} network partners")
        hire_staff(demo)
        self.setup_users()
        demo.step(f"{self.counts['employees']} employees and "
            f"{self.counts['users']} users")
        self.load_catalogs()
        people = People(self.rng, self.today)
        specs = people.plan_cases()
        self.load_clients(people.clients(specs))
        demo.step(f"{self.counts['clients']} clients")
        cases_by_org = defaultdict(list)
        for i, spec in enumerate(specs, 1):
            case = CaseStory(self, spec).run()
            case['start'] = spec['t']['start']
            cases_by_org[spec['org']].append(case)
            if i % 50 == 0:
                demo.step(f"{i} cases")
        demo.step(f"{len(specs)} cases")
        self.load_barriers(cases_by_org)
        self.clock(None)
        demo.step(f"{self.counts['barriers']} structural barriers")

    # --- set-up by the administrator -------------------------------------
    def setup_sequences(self):
        "One case sequence per organisation, set in the configuration"
        demo = self.demo
        Sequence = self.model('ir.sequence')
        sequence_type = demo.ref('kim_case', 'sequence_type_case')
        sequences = [Sequence(name=CASE_SEQUENCE_NAME.format(prefix=prefix),
                sequence_type=sequence_type, company=demo.companies[key],
                prefix=f'{prefix}-${{year}}-', padding=4)
            for key, _, prefix, _, _ in ORGANISATIONS]
        Sequence.save(sequences)
        for (key, *_), sequence in zip(ORGANISATIONS, sequences):
            with demo.admin_config.set_context(company=demo.companies[key]):
                Configuration = Model.get(
                    'kim.case.configuration', config=demo.admin_config)
                configuration = Configuration(1)
                configuration.case_sequence = Model.get(
                    'ir.sequence', config=demo.admin_config)(sequence.id)
                configuration.save()

    def setup_partners(self):
        Party = self.model('party.party')
        Category = self.model('party.category')
        parent = Category(name=PARTNER_ROOT_CATEGORY)
        parent.save()
        categories = {}
        for key, name in PARTNER_CATEGORIES.items():
            categories[key] = Category(name=name, parent=parent)
        Category.save(list(categories.values()))
        parties = []
        for key, name, category, _, _, street in PARTNERS:
            party = self.demo.new_party(Party, name, street)
            party.categories.append(Category(categories[category].id))
            parties.append(party)
        Party.save(parties)
        self.partners = {p[0]: party.id for p, party in zip(PARTNERS, parties)}
        self.partner_info = {p[0]: p for p in PARTNERS}
        self.counts['network partners'] = len(parties)

    def setup_users(self):
        "The logins of the staff, each in the group of its role"
        demo = self.demo
        User = self.model('res.user')
        Group = self.model('res.group')
        Company = self.model('company.company')
        Employee = self.model('company.employee')
        groups = {role: Group(demo.ref(module, fs_id))
            for role, (module, fs_id) in ROLE_GROUPS.items()}
        # the start page of each role, opened at login
        ActWindow = self.model('ir.action.act_window')
        start_pages = {role: ActWindow(demo.ref('kim_case', fs_id)).action
            for role, fs_id in [
                ('manager', 'act_board_case_manager'),
                ('lead', 'act_board_team_lead')]}
        users = []
        # the coordinator may exist already, from the steering demo
        existing = {u.login: u for u in User.find(
                [('login', 'in', [s[0] for s in STAFF])])}
        for login, first, last, org, role in STAFF:
            if login in existing:
                user = existing[login]
                if groups[role] not in user.groups:
                    user.groups.append(Group(groups[role].id))
                if Employee(demo.employees[login]) not in user.employees:
                    user.employees.append(Employee(demo.employees[login]))
                user.employee = Employee(demo.employees[login])
                start_page = start_pages.get(role)
                if start_page and start_page not in user.actions:
                    user.actions.append(
                        self.model('ir.action')(start_page.id))
                users.append(user)
                continue
            user = User(name=f"{first} {last}", login=login)
            user.password = demo.password
            user.language = self.model('ir.lang')(demo.lang_de)
            user.groups.append(Group(groups[role].id))
            if role == 'coordination':
                for company in demo.companies.values():
                    user.companies.append(Company(company))
                user.company_filter = 'all'
            else:
                user.companies.append(Company(demo.companies[org]))
            user.company = Company(demo.companies[org])
            user.employees.append(Employee(demo.employees[login]))
            user.employee = Employee(demo.employees[login])
            if role in start_pages:
                user.actions.append(
                    self.model('ir.action')(start_pages[role].id))
            users.append(user)
        User.save(users)
        self.counts['users'] = len(users) + 1

    def load_catalogs(self):
        def by_code(name):
            return {r.code: r.id for r in self.model(name).find([])}
        self.target_groups = by_code('kim.case.target_group')
        self.fields_of_action = by_code('kim.field_of_action')
        self.legal_domains = by_code('kim.legal_domain')
        self.access_routes = by_code('kim.case.access_route')
        self.closure_reasons = by_code('kim.case.closure_reason')
        self.languages = by_code('kim.case.language')

    # --- the case managers ----------------------------------------------
    # Records are sent the way the web client sends them when the user
    # saves a form: one create or write per step with the lines nested in
    # it; the workflow is driven by clicking the buttons.
    def load_clients(self, by_manager):
        "Each case manager registers her clients: {login: [person]}"
        demo = self.demo
        self.clock(None)
        for login, persons in by_manager.items():
            party_ids = demo.rpc(login, 'party.party', 'create', [{
                        'name': p['name'],
                        'addresses': [('create', [{
                                        'street_unstructured': p['street'],
                                        'postal_code': p['postal_code'],
                                        'city': "Musterstadt",
                                        'country': demo.countries['DE'],
                                        'subdivision': demo.subdivision_nw,
                                        }])],
                        } for p in persons])
            values = []
            for person, party_id in zip(persons, party_ids):
                values.append(self.client_values(person, party_id))
            client_ids = demo.rpc(login, 'kim.case.client', 'create', values)
            for person, client_id in zip(persons, client_ids):
                person['client'] = client_id
            self.counts['clients'] += len(client_ids)
            self.counts['household members'] += sum(
                len(p['household']) for p in persons)

    def client_values(self, person, party_id):
        client = {'party': party_id}
        for name in ['gender', 'birth_date', 'stateless', 'german_level',
                'entry_date', 'residence_status', 'residence_paragraph',
                'residence_valid_until']:
            client[name] = person[name]
        if person['nationality']:
            client['nationality'] = self.demo.countries[
                person['nationality']]
        client['languages'] = [('add', [
                    self.languages[c] for c in person['languages']])]
        if person['household']:
            client['household_members'] = [('create', [{
                            'name': name,
                            'relation': relation,
                            'birth_date': birth_date,
                            } for name, relation, birth_date
                        in person['household']])]
        return client

    # --- the barriers found in the cases ---------------------------------
    def load_barriers(self, cases_by_org):
        rng = self.rng
        for org, title, description, field, legal, target in BARRIERS:
            cases = [c for c in cases_by_org[org]
                if field in c['fields'] and c['state'] != 'intake']
            if len(cases) < 2:
                cases = [c for c in cases_by_org[org]
                    if c['state'] != 'intake']
            # team leads link cases across their organisation, elsewhere a
            # case manager records the barrier for her own cases
            lead = [s[0] for s in STAFF if s[3] == org and s[4] == 'lead']
            if lead and rng.random() < 0.6:
                login = lead[0]
            else:
                login = Counter(c['manager'] for c in cases).most_common(
                    1)[0][0]
                cases = [c for c in cases if c['manager'] == login]
            linked = rng.sample(cases, k=min(len(cases), rng.randint(3, 9)))
            date = max(c['start'] for c in linked) + days(rng.randint(1, 40))
            date = min(date, self.today)
            self.clock(date)
            S = Models(self.demo, login)
            Barrier = S['kim.case.barrier']
            barrier = Barrier(name=title, description=description,
                date=date,
                field_of_action=S['kim.field_of_action'](
                    self.fields_of_action[field]),
                legal_domain=S['kim.legal_domain'](self.legal_domains[legal]))
            if target:
                barrier.target_group = S['kim.case.target_group'](
                    self.target_groups[target])
            for c in sorted(linked, key=lambda c: c['id']):
                barrier.cases.append(S['kim.case'](c['id']))
            barrier.save()
            self.counts['barriers'] += 1
            self.counts['barrier links'] += len(linked)
            if rng.random() < 0.75:
                barrier.click('report')
                self.counts['barriers reported'] += 1


class CaseStory:
    """One case from the intake to its final state spec['final'], each step
    on its date spec['t'][step], by its case manager"""

    def __init__(self, demo_part, spec):
        self.part = demo_part
        self.demo = demo_part.demo
        self.rng = demo_part.rng
        self.counts = demo_part.counts
        self.today = demo_part.today
        self.spec = spec
        self.t = spec['t']
        self.person = spec['person']
        self.login = spec['manager']
        self.case = CaseForm(self.demo, self.login)
        self.end = self.t.get('close') or self.t.get('cancel') or self.today
        self.goals = []
        self.recorded = []

    def run(self):
        "Return the summary of the case for the barriers"
        t = self.t
        self.plan()
        self.intake()
        if 'assess' in t:
            self.assessment()
        if 'cancel' in t:
            self.cancel()
            return self.case.done(fields=[])
        if 'plan' in t:
            self.planning()
        elif 'close' in t and self.rng.random() < 0.5:
            # closed during the assessment, with the needs found
            self.record_needs()
        if 'implement' in t:
            self.implementation()
            self.replanning()
            self.monitoring()
        if 'close' in t:
            self.closure()
        if 'reopen' in t:
            self.reopen()
        if 'close' not in t or 'reopen' in t:
            self.schedule()
        return self.case.done(self.recorded)

    # --- what the case manager records along the way ---------------------
    def clock(self, date):
        self.demo.clock(date)

    def new_consent(self, date, parties, purpose, valid_until=None):
        self.case.add('consents', {
                'purpose': purpose,
                'date': date,
                'form': weighted(self.rng, [('written', 8),
                        ('electronic', 1), ('oral', 1)]),
                'valid_until': valid_until,
                'data_categories': CONSENT_DATA_CATEGORIES,
                'recipients': [('add', [
                            self.part.partners[k] for k in parties])],
                })
        self.counts['consents'] += 1

    def choose_needs(self):
        "The fields of action of the needs, by the target group"
        weights = list(FIELD_WEIGHTS[self.spec['target_group']])
        n = weighted(self.rng, [(1, 2), (2, 4), (3, 4), (4, 2)])
        fields = []
        while len(fields) < n and weights:
            field = weighted(self.rng, weights)
            weights = [w for w in weights if w[0] != field]
            fields.append(field)
        return fields

    def partners_for(self, fields):
        "Return [(field, partner key)]: who can help in each field"
        result = []
        for field in fields:
            candidates = [p[0] for p in PARTNERS if field in p[4]]
            if field == 'participation' and self.person['nationality'] == 'UA':
                candidates = ['ukr', 'sport']
            elif field == 'participation':
                candidates = ['mso', 'sport']
            if candidates:
                result.append((field, self.rng.choice(candidates)))
        return result

    def legal_domain_for(self, partner):
        domain = self.part.partner_info[partner][3]
        if partner == 'sozialamt' and self.person['residence_status'] in {
                'asylum_procedure', 'toleration', 'toleration_60b'}:
            domain = 'asylblg'
        return self.part.legal_domains[domain]

    def contact(self, date, phase, field=None, employee=None):
        rng, person = self.rng, self.person
        kind = ('in_person' if phase in {'first', 'planning'}
            else weighted(rng, [('in_person', 50), ('phone', 30),
                    ('outreach', 7), ('video', 5), ('written', 8)]))
        duration = {
            'first': rng.choice([60, 75, 90]),
            'assessment': rng.choice([45, 60, 90, 120]),
            'planning': rng.choice([45, 60, 75]),
            'closure': rng.choice([30, 45, 60]),
            }.get(phase) or (rng.choice([10, 15, 20]) if kind in {
                'phone', 'written'} else rng.choice([30, 45, 60, 90, 120]))
        contact = {
            'date': date,
            'duration': duration,
            'kind': kind,
            'notes': rng.choice(CONTACT_NOTES[phase]),
            }
        if field:
            contact['field_of_action'] = self.part.fields_of_action[field]
        if employee:
            contact['employee'] = employee
        others = [c for c in person['languages'] if c != 'de']
        if (kind in {'in_person', 'phone', 'video', 'outreach'}
                and person['german_level'] in {'none', 'a1', 'a2'}
                and others and rng.random() < 0.65):
            contact['interpreter'] = True
            contact['interpreter_language'] = self.part.languages[others[0]]
        self.case.add('contacts', contact)
        self.counts['contacts'] += 1

    def monitoring_contacts(self, start, end):
        "Contacts every few weeks, some by the deputy"
        rng = self.rng
        date = start + days(rng.randint(7, 30))
        deputy = self.spec.get('deputy')
        while date < end:
            self.contact(date, 'monitoring',
                field=rng.choice(self.fields) if self.fields else None,
                employee=deputy if deputy and rng.random() < 0.15 else None)
            date += days(rng.randint(10, 50))

    def schedule(self):
        """The next appointment and follow-up of an open case, drawn apart
        from the story so that they leave the rest of the demo as it is"""
        rng = random.Random(f"schedule {self.spec['person']['name']}")
        self.clock(self.today)
        if rng.random() < 0.6:
            subject, place, kind = rng.choice(APPOINTMENTS)
            day = self.today + days(rng.choice(APPOINTMENT_DAYS))
            while day > self.today and day.weekday() >= 5:
                day += days(1)
            start = utc(day, rng.choice(APPOINTMENT_TIMES))
            interpreter = any(c.get('interpreter')
                for c in self.case.lines['contacts'])
            appointment = {
                'subject': subject,
                'place': place,
                'kind': kind,
                'start': start,
                'end': start + dt.timedelta(
                    minutes=rng.choice(APPOINTMENT_MINUTES)),
                'interpreter': interpreter,
                }
            if interpreter:
                appointment['interpreter_language'] = next(
                    c['interpreter_language']
                    for c in self.case.lines['contacts']
                    if c.get('interpreter'))
            self.case.add('appointments', appointment)
            self.counts['appointments'] += 1
        if rng.random() < 0.5:
            self.case.add('reminders', {
                    'subject': rng.choice(REMINDERS),
                    'date': self.today + days(rng.choice(REMINDER_DAYS)),
                    })
            self.counts['reminders'] += 1

    # --- the steps, in the order of run() --------------------------------
    def plan(self):
        "The needs, the partners to involve and who sent the client"
        rng = self.rng
        self.fields = self.choose_needs()
        self.planned = self.partners_for(self.fields)
        self.route = weighted(rng, [('self', 30), ('authority', 15),
                ('jobcenter', 18), ('welfare', 20), ('school', 7),
                ('outreach', 7), ('other', 3)])
        self.referrer = {
            'authority': rng.choice(['abh', 'sozialamt', 'jugendamt']),
            'jobcenter': 'jobcenter',
            'welfare': rng.choice(['mbe', 'jmd', 'psz']),
            'school': 'schule',
            }.get(self.route)
        recipients = sorted({p for _, p in self.planned}
            | ({self.referrer} if self.referrer else set()))
        if rng.random() < 0.5:
            recipients = sorted(set(recipients) | {'jobcenter'})
        self.recipients = recipients

    def intake(self):
        rng, t, part, case = self.rng, self.t, self.part, self.case
        self.clock(t['start'])
        case.values.update({
                'client': self.person['client'],
                'start_date': t['start'],
                'access_route': part.access_routes[self.route],
                })
        if self.referrer:
            case.values['referrer'] = part.partners[self.referrer]
        colleagues = [s[0] for s in STAFF
            if s[3] == self.spec['org'] and s[4] == 'manager'
            and s[0] != self.login]
        if colleagues and rng.random() < 0.3:
            deputy = self.demo.employees[rng.choice(colleagues)]
            case.values['deputy'] = deputy
            self.spec['deputy'] = deputy
        if 'assess' in t or rng.random() < 0.5:
            case.values['target_group'] = part.target_groups[
                self.spec['target_group']]
        self.consent_date = None
        if 'assess' in t:
            self.consent_date = t['start'] + days(
                rng.randint(0, (t['assess'] - t['start']).days))
        elif rng.random() < 0.5:
            self.consent_date = t['start']
        self.consent_valid_until = None
        if self.consent_date and rng.random() < 0.3:
            self.consent_valid_until = self.consent_date + days(730)
        if self.consent_date == t['start']:
            self.new_consent(self.consent_date, self.recipients,
                CONSENT_PURPOSE, self.consent_valid_until)
        self.contact(t['start'], 'first')
        case.save()
        self.counts['cases'] += 1
        # Consent validity for referrals: (recipient, from, until)
        self.coverage = [
            (key, self.consent_date, self.consent_valid_until)
            for key in self.recipients] if self.consent_date else []

    def assessment(self):
        t = self.t
        self.clock(t['assess'])
        if self.consent_date != t['start']:
            self.new_consent(self.consent_date, self.recipients,
                CONSENT_PURPOSE, self.consent_valid_until)
        self.contact(t['assess'], 'assessment')
        self.case.click('assess')

    def cancel(self):
        t = self.t
        self.clock(t['cancel'])
        self.case.values['end_date'] = t['cancel']
        self.case.values['closure_note'] = self.rng.choice(CANCEL_NOTES)
        self.case.click('cancel')

    def record_needs(self):
        rng, case = self.rng, self.case
        case.values['situation'] = rng.choice(SITUATIONS)
        for field in self.fields:
            case.add('needs', {
                    'field_of_action': self.part.fields_of_action[field],
                    'description': rng.choice(NEED_TEXTS[field]),
                    'priority': weighted(rng, [('high', 3),
                            ('normal', 5), ('low', 1)]),
                    })
            self.recorded.append(field)
            self.counts['needs'] += 1

    def planning(self):
        t = self.t
        self.clock(t['plan'])
        self.record_needs()
        self.contact(t['assess'] + days((t['plan'] - t['assess']).days // 2),
            'assessment')
        self.case.click('plan')

    def add_goal(self, field, description, agreed, review):
        goal = {
            'field_of_action': self.part.fields_of_action[field],
            'description': description,
            'agreed_date': agreed,
            'review_date': review,
            }
        self.case.add('goals', goal)
        self.goals.append(goal)
        self.counts['goals'] += 1

    def implementation(self):
        "The goals agreed for the needs, one or two per field"
        rng, agreed = self.rng, self.t['implement']
        self.clock(agreed)
        for field in self.fields:
            for text in rng.sample(GOAL_TEXTS[field],
                    k=min(len(GOAL_TEXTS[field]),
                        weighted(rng, [(1, 3), (2, 1)]))):
                self.add_goal(field, text, agreed,
                    agreed + days(rng.randint(45, 180)))
        self.contact(agreed, 'planning')
        self.case.click('implement')

    def replanning(self):
        "Back to planning when a goal turns out unrealistic"
        rng, t = self.rng, self.t
        run_end = min(self.end, self.today)
        if not ((run_end - t['implement']).days > 150
                and rng.random() < 0.1):
            return
        replan = t['implement'] + days(rng.randint(60, 120))
        self.clock(replan)
        self.contact(replan, 'planning')
        self.case.click('plan')
        self.counts['re-planned'] += 1
        implement = min(replan + days(rng.randint(7, 21)), self.today)
        self.clock(implement)
        field = rng.choice(self.fields)
        self.add_goal(field, rng.choice(GOAL_TEXTS[field]) + GOAL_ADJUSTED,
            implement, implement + days(90))
        self.case.click('implement')

    def monitoring(self):
        "Contacts, extended consents, referrals and the goals reviewed"
        rng, t = self.rng, self.t
        run_end = min(self.end, self.today)
        self.clock(run_end)
        self.monitoring_contacts(t['implement'], run_end)
        extra = [p for p in PARTNERS if p[0] not in self.recipients]
        if rng.random() < 0.15 and extra:
            key = rng.choice(extra)[0]
            date = t['implement'] + days(rng.randint(
                    5, max(5, (run_end - t['implement']).days)))
            if date < run_end:
                self.new_consent(date, [key], CONSENT_EXTENSION)
                self.coverage.append((key, date, None))
                self.planned.append((self.part.partner_info[key][4][0], key))
        if (self.consent_valid_until
                and self.consent_valid_until < run_end):
            renewal = self.consent_valid_until - days(14)
            self.new_consent(renewal, self.recipients, CONSENT_RENEWAL)
            self.coverage.extend(
                (key, renewal, None) for key in self.recipients)
        # the consents must be recorded before the referrals
        self.case.save()
        for field, key in self.planned[:rng.randint(1, 3)]:
            self.refer(field, key, run_end)
        for goal in self.goals:
            if goal['review_date'] < run_end and rng.random() < 0.45:
                goal['outcome'] = weighted(rng, [('achieved', 6),
                        ('partially_achieved', 2), ('not_achieved', 1)])
                goal['outcome_date'] = goal['review_date']
                self.case.update_line('goals', goal, {
                        'outcome': goal['outcome'],
                        'outcome_date': goal['outcome_date'],
                        })
        self.case.save()

    def refer(self, field, key, run_end):
        "A referral to the partner key, while a consent covers it"
        rng, part = self.rng, self.part
        windows = [(f, u) for k, f, u in self.coverage if k == key]
        if not windows:
            return
        start = max(self.t['implement'] - days(20), windows[0][0])
        until = min([run_end] + [u for _, u in windows if u])
        if until <= start:
            return
        date = start + days(rng.randint(0, (until - start).days))
        if not any(f <= date and (not u or date <= u) for f, u in windows):
            return
        referral = {
            'date': date,
            'recipient': part.partners[key],
            'legal_domain': self.legal_domain_for(key),
            'field_of_action': part.fields_of_action[field],
            'purpose': rng.choice(GOAL_TEXTS.get(
                    field, ["Unterstützung"])) + ".",
            }
        if (run_end - date).days > 21:
            referral['outcome'] = weighted(rng, [
                    ('service_received', 5), ('accepted', 3),
                    ('rejected', 1), ('broken_off', 1)])
            referral['outcome_date'] = date + days(rng.randint(
                    7, min(90, (run_end - date).days)))
            referral['outcome_note'] = REFERRAL_OUTCOME_NOTES[
                referral['outcome']]
        self.case.add('referrals', referral)
        self.counts['referrals'] += 1

    def closure(self):
        rng, t, case = self.rng, self.t, self.case
        self.clock(t['close'])
        reason = weighted(rng, [('goal_reached', 35),
                ('regular_service', 20), ('other_case_management', 8),
                ('no_need', 7), ('moved_away', 12),
                ('contact_broken', 13), ('other', 5)]
            if 'implement' in t else [('moved_away', 3),
                ('contact_broken', 4), ('other_case_management', 3),
                ('no_need', 1)])
        if 'reopen' in t:
            reason = rng.choice(['contact_broken', 'moved_away'])
        self.close_goals(reason)
        if (reason == 'contact_broken' and case.lines['consents']
                and rng.random() < 0.3):
            case.update_line('consents', case.lines['consents'][0], {
                    'withdrawal_date': t['close'],
                    'withdrawal_note': CONSENT_WITHDRAWAL_NOTE,
                    })
            self.counts['consents withdrawn'] += 1
        if reason not in {'contact_broken', 'moved_away'}:
            self.contact(t['close'], 'closure')
        case.values.update({
                'closure_reason': self.part.closure_reasons[reason],
                'closure_note': CLOSURE_NOTES[reason],
                'end_date': t['close'],
                })
        case.click('close')

    def close_goals(self, reason):
        "The outcome of the open goals, as the closure reason suggests"
        for goal in self.goals:
            if goal.get('outcome', 'open') != 'open':
                continue
            outcome = weighted(self.rng, {
                    'goal_reached': [('achieved', 8),
                        ('partially_achieved', 2)],
                    'regular_service': [('achieved', 4),
                        ('partially_achieved', 4), ('open', 2)],
                    'no_need': [('achieved', 5),
                        ('partially_achieved', 2)],
                    }.get(reason, [('not_achieved', 3),
                        ('dropped', 3), ('partially_achieved', 1)]))
            if outcome != 'open':
                goal['outcome'] = outcome
                self.case.update_line('goals', goal, {
                        'outcome': outcome,
                        'outcome_date': max(
                            self.t['close'], goal['agreed_date']),
                        })

    def reopen(self):
        "The client is back: the team lead reopens the case"
        from trytond.model.exceptions import RequiredValidationError
        t = self.t
        lead = [s[0] for s in STAFF
            if s[3] == self.spec['org'] and s[4] == 'lead'][0]
        self.clock(t['reopen'])
        Case = self.demo.model('kim.case', lead)
        try:
            Case.click([Case(self.case.id)], 'reopen')
        except RequiredValidationError as exception:
            # kim_case clears the closure reason while the case is
            # still closed, where the reason is required.
            if not self.counts['reopen failed']:
                self.demo.warn("the 'Reopen' button fails, the case stays "
                    f"closed: {exception.message}")
            self.counts['reopen failed'] += 1
            return
        self.counts['reopened'] += 1
        self.clock(self.today)
        self.contact(t['reopen'], 'assessment')
        self.monitoring_contacts(t['reopen'], self.today)
        self.case.save()


class CaseForm:
    """A case as edited in the form of the web client by one user: changes
    are collected and sent in one create or write, with the new and changed
    lines nested in it, when saving or clicking a button."""
    _tracked = ('goals', 'consents')

    def __init__(self, demo, login):
        self.demo = demo
        self.login = login
        self.id = None
        self.values = {}
        self.lines = defaultdict(list)
        self.to_create = defaultdict(list)
        self.to_write = defaultdict(list)

    def add(self, field, values):
        self.lines[field].append(values)
        self.to_create[field].append(values)

    def update_line(self, field, line, values):
        if '_id' in line:
            self.to_write[field].append((line['_id'], values))
        else:
            line.update(values)

    def save(self):
        values = dict(self.values)
        for field, lines in self.to_create.items():
            if lines:
                values.setdefault(field, []).append(('create', [
                            {k: v for k, v in l.items()
                                if not k.startswith('_')}
                            for l in lines]))
        for field, writes in self.to_write.items():
            for line_id, line_values in writes:
                values.setdefault(field, []).append(
                    ('write', [line_id], line_values))
        if not values:
            return
        rpc = self.demo.rpc
        if self.id is None:
            self.id, = rpc(self.login, 'kim.case', 'create', [values])
        else:
            rpc(self.login, 'kim.case', 'write', [self.id], values)
        tracked = [f for f in self._tracked if self.to_create.get(f)]
        if tracked:
            # remember the ids of the new lines to change them later
            record, = rpc(self.login, 'kim.case', 'read', [self.id], tracked)
            for field in tracked:
                known = {l['_id'] for l in self.lines[field] if '_id' in l}
                new_ids = sorted(set(record[field]) - known)
                for line, line_id in zip(self.to_create[field], new_ids):
                    line['_id'] = line_id
        self.values = {}
        self.to_create.clear()
        self.to_write.clear()

    def click(self, button):
        self.save()
        Case = self.demo.model('kim.case', self.login)
        Case.click([Case(self.id)], button)

    def done(self, fields):
        self.save()
        state, = self.demo.rpc(
            self.login, 'kim.case', 'read', [self.id], ['state'])
        state = state['state']
        self.demo.counts[f"state {state}"] += 1
        return {
            'id': self.id,
            'state': state,
            'manager': self.login,
            'fields': set(fields),
            }
