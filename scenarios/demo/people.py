# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The clients of the case demo and the course of their cases, drawn from
the random generator: who comes in, when, and how far each case gets.
Nothing here touches the database."""
import datetime as dt
from collections import defaultdict

from .base import add_months, days, weighted
from .data.organisations import STAFF
from .data.people import NAMES, ORIGINS, STREETS, UA_PROTECTION_UNTIL

N_CASES = 345
# Final state of a case: weight
FINALS = [('intake', 7), ('assessment', 9), ('planning', 8),
    ('implementation', 33), ('closed', 33), ('cancelled', 8),
    ('reopened', 1)]


class People:

    def __init__(self, rng, today):
        self.rng = rng
        self.today = today
        self.start_of_demo = dt.date(today.year - 2, 1, 8)

    # --- the cases --------------------------------------------------------
    def plan_cases(self):
        """Return the cases to tell, by date: their case manager and
        organisation, final state, timeline, client and target group"""
        rng = self.rng
        # case managers carry full caseloads, team leads a few cases
        managers = [s for s in STAFF if s[4] == 'manager' for _ in range(3)]
        managers += [s for s in STAFF if s[4] == 'lead']
        specs = []
        nationalities = [(k, v[0]) for k, v in ORIGINS.items()]
        for i in range(N_CASES):
            login, _, _, org, _ = managers[i % len(managers)]
            final = weighted(rng, FINALS)
            if final == 'reopened' and org not in {'ki', 'car'}:
                final = 'closed'
            timeline = self.timeline(final)
            nationality = weighted(rng, nationalities)
            person = self.person(nationality, timeline['start'])
            specs.append({
                    'manager': login,
                    'org': org,
                    'final': final,
                    't': timeline,
                    'person': person,
                    })
        self.returning_clients(specs)
        for spec in specs:
            spec['target_group'] = self.target_group(
                spec['person'], spec['t']['start'])
        specs.sort(key=lambda s: (s['t']['start'], s['manager']))
        return specs

    def returning_clients(self, specs):
        """Some clients come back with a new need: reuse the client of an
        earlier, ended case of the same manager."""
        rng = self.rng
        by_manager = defaultdict(list)
        for spec in specs:
            by_manager[spec['manager']].append(spec)
        for login, cases in by_manager.items():
            ended = sorted((s for s in cases
                    if 'close' in s['t'] or 'cancel' in s['t']),
                key=lambda s: s['t'].get('close') or s['t'].get('cancel'))
            for spec in sorted(cases, key=lambda s: s['t']['start']):
                if rng.random() > 0.12 or 'reopen' in spec['t']:
                    continue
                for earlier in ended:
                    end = earlier['t'].get('close') or earlier['t'].get(
                        'cancel')
                    if (end + days(30) < spec['t']['start']
                            and 'reopen' not in earlier['t']
                            and not earlier.get('reused')):
                        earlier['reused'] = True
                        spec['person'] = earlier['person']
                        break

    def clients(self, specs):
        """Return {login: [person]}: the clients of the cases of each case
        manager and a few who just came in and have no case yet"""
        by_manager = defaultdict(list)
        seen = set()
        for spec in specs:
            person = spec['person']
            if id(person) in seen:
                continue
            seen.add(id(person))
            by_manager[spec['manager']].append(person)
        rng = self.rng
        for login, _, _, org, role in STAFF:
            if role == 'manager' and rng.random() < 0.6:
                nationality = weighted(rng, [(k, v[0])
                        for k, v in ORIGINS.items()])
                by_manager[login].append(self.person(
                        nationality, self.today - days(rng.randint(0, 10))))
        return by_manager

    def timeline(self, final):
        "Return the dates of the steps of a case ending in state final"
        rng = self.rng
        today = self.today
        first = self.start_of_demo
        t = {}
        d_assess = rng.randint(2, 21)
        d_plan = rng.randint(10, 45)
        d_implement = rng.randint(5, 28)
        if final == 'intake':
            t['start'] = today - days(rng.randint(0, 35))
        elif final == 'assessment':
            t['assess'] = today - days(rng.randint(0, 40))
            t['start'] = t['assess'] - days(d_assess)
        elif final == 'planning':
            t['plan'] = today - days(rng.randint(0, 35))
            t['assess'] = t['plan'] - days(d_plan)
            t['start'] = t['assess'] - days(d_assess)
        elif final == 'implementation':
            t['implement'] = today - days(int(560 * rng.random() ** 1.6))
            t['plan'] = t['implement'] - days(d_implement)
            t['assess'] = t['plan'] - days(d_plan)
            t['start'] = t['assess'] - days(d_assess)
        elif final == 'cancelled':
            t['cancel'] = first + days(rng.randint(
                    40, (today - first).days - 1))
            if rng.random() < 0.55:
                t['start'] = t['cancel'] - days(rng.randint(10, 40))
            else:
                t['assess'] = t['cancel'] - days(rng.randint(10, 35))
                t['start'] = t['assess'] - days(d_assess)
        elif final in {'closed', 'reopened'}:
            self.closed_timeline(t, final, d_assess, d_plan, d_implement)
        if t['start'] < first:
            shift = first - t['start'] + days(rng.randint(0, 20))
            for key in t:
                t[key] += shift
            if max(t.values()) > today:
                return self.timeline(final)
        return t

    def closed_timeline(self, t, final, d_assess, d_plan, d_implement):
        "Fill t for a case closed (and reopened) after the phase it got to"
        rng = self.rng
        today = self.today
        first = self.start_of_demo
        span = (today - first).days
        t['close'] = first + days(
            int(120 + (span - 121) * rng.random() ** 0.8))
        if final == 'reopened':
            t['close'] = min(t['close'], today - days(70))
        phase = weighted(rng, [('implementation', 86), ('planning', 6),
                ('assessment', 8)])
        run = rng.randint(60, 480)
        budget = (t['close'] - first).days
        if phase == 'implementation':
            fixed = d_assess + d_plan + d_implement
            run = max(20, min(run, budget - fixed - 1))
            t['implement'] = t['close'] - days(run)
            t['plan'] = t['implement'] - days(d_implement)
            t['assess'] = t['plan'] - days(d_plan)
        elif phase == 'planning':
            t['plan'] = t['close'] - days(rng.randint(10, 60))
            t['assess'] = t['plan'] - days(d_plan)
        else:
            t['assess'] = t['close'] - days(rng.randint(10, 60))
        t['start'] = t['assess'] - days(d_assess)
        if final == 'reopened':
            t['reopen'] = t['close'] + days(rng.randint(20, 60))

    def target_group(self, person, start):
        rng = self.rng
        children = sum(1 for m in person['household'] if m[1] == 'child')
        years = ((start - person['entry_date']).days / 365
            if person['entry_date'] else 20)
        age = person['age']
        if (age <= 27 and person['residence_status'] in {
                    'toleration', 'toleration_60b', 'asylum_procedure'}
                and rng.random() < 0.8):
            return 'young_tolerated'
        if age >= 60 and rng.random() < 0.7:
            return 'elderly_care'
        if years <= 3 and rng.random() < 0.65:
            return 'newly_arrived'
        if children >= 2 and rng.random() < 0.6:
            return 'families'
        return 'complex_needs'

    # --- the clients ------------------------------------------------------
    def person(self, nationality, start):
        "A client of nationality (or 'stateless') who comes in on start"
        rng = self.rng
        _, groups, languages, entry_years, statuses = ORIGINS[nationality]
        group = weighted(rng, groups)
        gender, first, last = self.name(group)
        age_band = weighted(rng, [((18, 27), 26), ((28, 45), 48),
                ((46, 59), 17), ((60, 79), 9)])
        age = rng.randint(*age_band)
        birth_date = start - days(age * 365 + rng.randint(0, 364))
        entry_date = self.entry_date(
            nationality, entry_years, start, birth_date)
        entry_date, years, status, paragraph, valid_until = self.residence(
            nationality, statuses, start, entry_date)
        langs, level = self.languages(
            nationality, group, first, languages, years)
        household = self.household(
            group, gender, last, age, birth_date, start)
        return {
            'name': f"{first} {last}",
            'gender': gender,
            'birth_date': birth_date,
            'age': age,
            'nationality': None if nationality == 'stateless'
            else nationality,
            'stateless': nationality == 'stateless',
            'languages': langs,
            'german_level': level,
            'entry_date': entry_date,
            'residence_status': status,
            'residence_paragraph': paragraph,
            'residence_valid_until': valid_until,
            'household': household,
            'street': f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
            'postal_code': rng.choice(['12345', '12346', '12347', '12348',
                    '12349']),
            }

    def name(self, group):
        "Return gender, first and family name"
        rng = self.rng
        female, male, family = NAMES[group]
        gender = weighted(rng, [('female', 46), ('male', 52),
                ('diverse', 1), ('unspecified', 1)])
        first = rng.choice(female if gender == 'female'
            else male if gender == 'male' else female + male)
        last = rng.choice(family)
        if group in {'ukrainian', 'russian', 'bulgarian'} and \
                gender == 'female' and last.endswith('ow'):
            last = last + 'a'
        return gender, first, last

    def entry_date(self, nationality, entry_years, start, birth_date):
        rng = self.rng
        entry_from, entry_to = entry_years
        entry_year = rng.randint(entry_from, min(entry_to, start.year))
        entry_date = dt.date(entry_year, rng.randint(1, 12),
            rng.randint(1, 28))
        if entry_date >= start:
            entry_date = start - days(rng.randint(20, 200))
        if nationality == 'UA' and entry_date < dt.date(2022, 3, 1):
            entry_date = dt.date(2022, 3, rng.randint(1, 31))
        if entry_date <= birth_date + days(365):
            entry_date = birth_date + days(365 * rng.randint(1, 15))
        return entry_date

    def residence(self, nationality, statuses, start, entry_date):
        """Return the entry date (none for some Germans), the years in
        Germany, the residence status, its paragraph and its end"""
        rng = self.rng
        weight, status, paragraph, months = weighted(
            rng, [((w, s, p, m), w) for w, s, p, m in statuses])
        years = (start - entry_date).days / 365
        if nationality == 'DE':
            entry_date = None if rng.random() < 0.4 else entry_date
            years = 20
        if status == 'settlement_permit' and years < 3:
            status, paragraph, months = (
                'residence_permit', "§ 25 Abs. 2 S. 1 Alt. 1 AufenthG", 36)
        if status == 'asylum_procedure' and years > 4:
            status, paragraph, months = (
                'toleration', "§ 60a Abs. 2 S. 1 AufenthG", 6)
        if months == 'ua':
            valid_until = UA_PROTECTION_UNTIL
        elif months:
            valid_until = add_months(
                max(start, self.today - days(rng.randint(0, 200))),
                rng.randint(1, months))
        else:
            valid_until = None
        return entry_date, years, status, paragraph, valid_until

    def languages(self, nationality, group, first, languages, years):
        "Return the languages spoken and the level of German"
        rng = self.rng
        langs = list(languages)
        if group == 'kurdish' and 'kmr' not in langs:
            langs.insert(0, 'kmr')
        if nationality == 'IQ' and group == 'kurdish' and rng.random() < 0.5:
            langs = ['ckb', 'ar']
        if nationality == 'AF' and rng.random() < 0.3:
            langs = ['ps', 'fa']
        if nationality == 'UA' and rng.random() < 0.4:
            langs.append('ru')
        if nationality == 'BG' and group == 'bulgarian' and \
                first in {"Ayshe", "Mehmed"}:
            langs.append('tr')
        if rng.random() < 0.15 and 'en' not in langs:
            langs.append('en')
        if years < 1:
            level = weighted(rng, [('none', 6), ('a1', 3), ('a2', 1)])
        elif years < 3:
            level = weighted(rng, [('none', 1), ('a1', 3), ('a2', 4),
                    ('b1', 2)])
        else:
            level = weighted(rng, [('a1', 1), ('a2', 3), ('b1', 4),
                    ('b2', 2), ('c1', 1)])
        if nationality == 'DE':
            level = weighted(rng, [('b2', 1), ('c1', 2), ('c2', 2)])
        if level in {'b1', 'b2', 'c1', 'c2'} and 'de' not in langs:
            langs.append('de')
        return langs, level

    def household(self, group, gender, last, age, birth_date, start):
        "Return the members: [(name, relation, birth date)]"
        rng = self.rng
        female, male, _ = NAMES[group]
        household = []
        if 24 <= age <= 55 and rng.random() < 0.5:
            if rng.random() < 0.7:
                partner_first = rng.choice(
                    male if gender == 'female' else female)
                household.append((f"{partner_first} {last}", 'partner',
                        birth_date + days(rng.randint(-2500, 2500))))
            for _ in range(weighted(rng, [(1, 3), (2, 4), (3, 3), (4, 2),
                        (5, 1)])):
                child_birth = birth_date + days(
                    365 * rng.randint(19, min(age, 44) or 19)
                    + rng.randint(0, 364))
                if child_birth >= start:
                    continue
                household.append((
                        f"{rng.choice(female + male)} {last}", 'child',
                        child_birth))
        elif age >= 60 and rng.random() < 0.6:
            household.append((f"{rng.choice(female + male)} {last}",
                    'child', birth_date + days(365 * rng.randint(22, 35))))
        elif age < 24 and rng.random() < 0.3:
            household.append((f"{rng.choice(male)} {last}", 'sibling',
                    birth_date + days(rng.randint(-2000, 2000))))
        return household
