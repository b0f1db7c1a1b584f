# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Need-to-know access over JSON-RPC, as real logins of a real server.

A trytond process serves a database of its own (on the backend of the test
run) with three organisations, their staff and a few case files and
funding records.  Each login then tries every path to every record of the
matrix below: search, read, related fields, export, copy, reports, links,
write and delete.  Besides the refusals, no answer (result or error
message) may show a text that belongs to a record the login may not read.
"""
import collections
import datetime as dt
import io
import json
import sys
import unittest
import zipfile
from decimal import Decimal

from .access_fixture import LOGINS, MARKERS, NUMBERS, Fixture, TrytonServer
from .rpc import ProtocolError, RPCError, ServerError

EVERYBODY = 'everybody'
# Who may read what: each organisation its own cases, a case manager her
# own (as manager or deputy), a team lead those of her organisation; the
# lines, notes and attachments of a case follow the case, its logs are for
# the data protection officer only (test_audit), the person
# of a client (with her addresses and contact mechanisms) her client files.
# Amina has a case of lena (case_a3), so lena reads her client file too.
# Coordination (petra) reads the barriers, finance (frank for the
# municipality, claudia for Caritas) the funding records of their
# organisations, the administration (admin) catalogues and rates; the three
# of them and petra read no case file and no client person.  Petra keeps the
# steering of the Kommune; jens, a member of its first steering group, reads
# that group's meetings, minutes, resolutions and themes only.  A case
# reconstruction belongs to the organisation of its case (Caritas).  Alex
# (foreigners' authority) and eva (naturalisation authority) of the Kommune
# read the procedures of their authority and their persons, nobody else.
MATRIX = """
# record            model                           who may read it
case_a              kim.case                        maria tom
case_a2             kim.case                        maria tom
case_a3             kim.case                        lena tom
case_l              kim.case                        lena tom
case_d              kim.case                        dirk
need_a              kim.case.need                   maria tom
goal_a              kim.case.goal                   maria tom
consent_a           kim.case.consent                maria tom
recipient_a         kim.case.consent-party.party    maria tom
referral_a          kim.case.referral               maria tom
contact_a           kim.case.contact                maria tom
contact_a2          kim.case.contact                maria tom
contact_a3          kim.case.contact                lena tom
contact_l           kim.case.contact                lena tom
need_d              kim.case.need                   dirk
goal_d              kim.case.goal                   dirk
consent_d           kim.case.consent                dirk
recipient_d         kim.case.consent-party.party    dirk
referral_d          kim.case.referral               dirk
contact_d           kim.case.contact                dirk
appointment_a       kim.case.appointment            maria tom
reminder_a          kim.case.reminder               maria tom
appointment_d       kim.case.appointment            dirk
reminder_d          kim.case.reminder               dirk
note_a              ir.note                         maria tom
attachment_a        ir.attachment                   maria tom
log_a               ir.model.log
note_d              ir.note                         dirk
attachment_d        ir.attachment                   dirk
log_d               ir.model.log
barrier_case_a      kim.case.barrier-kim.case            maria tom
client_amina        kim.case.client                      maria lena tom
member_amina        kim.case.client.household_member     maria lena tom
language_amina      kim.case.client-kim.case.language         maria lena tom
party_amina         party.party                     maria lena tom
address_amina       party.address                   maria lena tom
phone_amina         party.contact_mechanism         maria lena tom
client_leyla        kim.case.client                      lena tom
party_leyla         party.party                     lena tom
address_leyla       party.address                   lena tom
client_dmitri       kim.case.client                      dirk
member_dmitri       kim.case.client.household_member     dirk
party_dmitri        party.party                     dirk
address_dmitri      party.address                   dirk
barrier             kim.case.barrier                     maria lena tom petra
party_jobcenter     party.party                     everybody
address_jobcenter   party.address                   everybody
party_caritas       party.party                     everybody
employee_maria      company.employee                everybody
party_employee_maria party.party                    everybody
rate                kim.funding.rate                petra frank claudia admin
grant               kim.funding.grant               petra frank claudia admin
grant_line          kim.funding.grant.line          petra frank claudia admin
grant_payment       kim.funding.grant.payment       petra frank admin
contract_caritas    kim.funding.contract            petra frank claudia admin
contract_drk        kim.funding.contract            petra frank admin
post_caritas        kim.funding.post                petra frank claudia admin
post_drk            kim.funding.post                petra frank admin
staffing_caritas    kim.funding.staffing            petra frank claudia admin
staffing_drk        kim.funding.staffing            petra frank admin
proof_caritas       kim.funding.proof               petra frank claudia admin
proof_municipality  kim.funding.proof               petra frank admin
steering_group      kim.steering.group              petra jens admin
steering_group_b    kim.steering.group              petra admin
steering_member     kim.steering.member             petra jens admin
meeting_a           kim.steering.meeting            petra jens admin
meeting_b           kim.steering.meeting            petra admin
item_a              kim.steering.meeting.item       petra jens admin
attendance_a        kim.steering.meeting.attendance petra jens admin
resolution_a        kim.steering.resolution         petra jens admin
follow_up_a         kim.steering.resolution.follow_up petra jens admin
resolution_b        kim.steering.resolution         petra admin
working_group       kim.steering.working_group      petra admin
proposal            kim.steering.proposal           petra admin
theme               kim.steering.theme              petra jens admin
reconstruction      kim.steering.reconstruction     maria lena tom petra admin
finding       kim.steering.reconstruction.finding maria lena tom petra admin
agreement           kim.steering.agreement          petra admin
procedure_abh       kim.authority.procedure         alex admin
party_yonas         party.party                     alex admin
period_abh          kim.authority.residence_period  alex admin
requirement_abh     kim.authority.requirement       alex admin
procedure_ebh       kim.authority.procedure         eva admin
party_nour          party.party                     eva admin
"""

Row = collections.namedtuple('Row', 'key model readers')


def parse_matrix(text):
    rows = {}
    for line in text.strip().splitlines():
        if line.startswith('#'):
            continue
        key, model, *readers = line.split()
        readers = set(LOGINS) if readers == [EVERYBODY] else set(readers)
        assert readers <= set(LOGINS), line
        rows[key] = Row(key, model, frozenset(readers))
    return rows


ROWS = parse_matrix(MATRIX)
# The fields read besides rec_name
FIELDS = {
    'kim.case': ['number', 'client', 'situation', 'state'],
    'kim.case.need': ['case', 'description'],
    'kim.case.goal': ['case', 'description'],
    'kim.case.consent': ['case', 'purpose'],
    'kim.case.referral': ['case', 'recipient', 'purpose'],
    'kim.case.contact': ['case', 'notes', 'duration'],
    'kim.case.appointment': ['case', 'subject', 'start'],
    'kim.case.reminder': ['case', 'subject', 'date'],
    'ir.note': ['resource', 'message'],
    'ir.attachment': ['resource', 'name'],
    'ir.model.log': ['resource', 'event', 'target'],
    'kim.case.client': ['party', 'name', 'birth_date', 'residence_status'],
    'kim.case.client.household_member': ['client', 'name'],
    'party.party': ['name', 'addresses'],
    'party.address': ['party', 'street'],
    'party.contact_mechanism': ['party', 'value'],
    'kim.case.barrier': ['name', 'description', 'company', 'case_count'],
    'company.employee': ['party', 'company'],
    'kim.funding.rate': ['year', 'amount'],
    'kim.funding.grant': ['number', 'company'],
    'kim.funding.grant.line': ['grant', 'fte'],
    'kim.funding.grant.payment': ['grant', 'amount'],
    'kim.funding.contract': ['number', 'company', 'amount'],
    'kim.funding.post': ['name', 'company', 'fte'],
    'kim.funding.staffing': ['post', 'employee', 'fte'],
    'kim.funding.proof': ['year', 'company', 'activities'],
    'kim.steering.group': ['name', 'company', 'members'],
    'kim.steering.member': ['group', 'party', 'position', 'user'],
    'kim.steering.meeting': ['group', 'name', 'minutes', 'items'],
    'kim.steering.meeting.item': ['meeting', 'name', 'resolution'],
    'kim.steering.meeting.attendance': ['meeting', 'member', 'status'],
    'kim.steering.resolution': ['group', 'number', 'text', 'follow_ups'],
    'kim.steering.resolution.follow_up': ['resolution', 'text', 'author'],
    'kim.steering.working_group': ['group', 'name', 'mandate', 'proposals'],
    'kim.steering.proposal': ['working_group', 'name', 'text'],
    'kim.steering.theme': ['group', 'name', 'resolutions'],
    'kim.steering.reconstruction': ['company', 'name', 'summary', 'case'],
    'kim.steering.reconstruction.finding': ['reconstruction', 'name'],
    'kim.steering.agreement': ['company', 'name', 'partners'],
    'kim.authority.procedure': ['party', 'kind', 'override_reason',
        'periods'],
    'kim.authority.residence_period': ['procedure', 'status', 'notes'],
    'kim.authority.requirement': ['procedure', 'name', 'evidence'],
    }
# The link tables are not exposed over RPC (no ModelView): they are read
# through the Many2Many field of the record they belong to.
# (the record, its field, the record linked)
VIA = {
    'language_amina': ('client_amina', 'languages', 'language_so'),
    'recipient_a': ('consent_a', 'recipients', 'party_jobcenter'),
    'recipient_d': ('consent_d', 'recipients', 'party_jobcenter'),
    'barrier_case_a': ('barrier', 'cases', 'case_a'),
    }
# The nested exports of the records of LINKS, and the records each of their
# relations reaches (relation field -> records)
NESTED_EXPORTS = {
    'kim.case.client': ['cases/contacts/notes'],
    'party.party': ['addresses/street'],
    'kim.case': ['client/party/addresses/street', 'contacts/notes'],
    'kim.case.contact': ['case/client/name', 'notes'],
    }
LINKS = {
    'client_amina': {
        'cases': ['case_a', 'case_a2', 'case_a3'], 'party': ['party_amina']},
    'client_leyla': {'cases': ['case_l'], 'party': ['party_leyla']},
    'client_dmitri': {'cases': ['case_d'], 'party': ['party_dmitri']},
    **{case: {'client': [client],
            'contacts': [case.replace('case', 'contact')]}
        for case, client in [('case_a', 'client_amina'),
            ('case_a2', 'client_amina'), ('case_a3', 'client_amina'),
            ('case_l', 'client_leyla'), ('case_d', 'client_dmitri')]},
    **{case.replace('case', 'contact'): {'case': [case]}
        for case in NUMBERS},
    'party_amina': {'addresses': ['address_amina']},
    'party_leyla': {'addresses': ['address_leyla']},
    'party_dmitri': {'addresses': ['address_dmitri']},
    'party_jobcenter': {'addresses': ['address_jobcenter']},
    }
SCALARS = {'notes', 'street', 'name'}
# Reads through a record the login may read (login, record, fields, must
# it be allowed, texts it must show, (field path, record) it must not list)
RELATED = [
    ('petra', 'barrier', ['rec_name', 'case_count'], True,
        ["Fehlende Abendsprachkurse"], []),
    ('petra', 'barrier', ['cases.rec_name'], None, [],
        [('cases', 'case_a')]),
    ('lena', 'barrier', ['cases', 'cases.rec_name'], None, [],
        [('cases', 'case_a')]),
    ('maria', 'barrier', ['cases.rec_name'], True, [NUMBERS['case_a']], []),
    ('maria', 'client_amina', ['cases', 'cases.number'], True,
        [NUMBERS['case_a'], NUMBERS['case_a2']], [('cases', 'case_a3')]),
    ('lena', 'client_amina', ['cases', 'cases.number'], True,
        [NUMBERS['case_a3']], [('cases', 'case_a'), ('cases', 'case_a2')]),
    ('maria', 'case_a', ['client.name', 'client.party.addresses.street'],
        True, ["Amina Yusuf", "Geheimweg 1"], []),
    ('tom', 'case_l', ['client.name'], True, ["Leyla Kaya"], []),
    ('lena', 'case_a3', ['client.name', 'client.household_members.name'],
        True, ["Amina Yusuf", "Samir Yusuf"], []),
    ('maria', 'referral_a', ['recipient.rec_name'], True,
        ["Jobcenter Testhausen"], []),
    ('dirk', 'consent_d', ['recipients.rec_name'], True,
        ["Jobcenter Testhausen"], []),
    ('petra', 'employee_maria', ['party.rec_name'], True,
        ["Maria Schneider"], []),
    *[(login, 'staffing_caritas', ['employee.rec_name', 'fte'], True,
        ["Maria Schneider"], [])
        for login in ['frank', 'claudia', 'petra', 'admin']],
    *[(login, 'staffing_drk', ['employee.rec_name', 'fte'], True,
        ["Dirk Hoffmann"], [])
        for login in ['frank', 'petra', 'admin']],
    ('claudia', 'post_caritas', ['staffings.employee.rec_name',
            'grant.rec_name'], True,
        ["Maria Schneider", "AZ 51.02-TH-2026"], []),
    ('claudia', 'grant', ['posts.name', 'contracts.number'], True,
        ["Fallmanagement Caritas", "WV-CAR-2026"],
        [('posts', 'post_drk'), ('contracts', 'contract_drk')]),
    ('claudia', 'contract_caritas', ['grant.posts.name'], None,
        ["Fallmanagement Caritas"], [('grant.posts', 'post_drk')]),
    ('claudia', 'proof_caritas', ['lines.post.name',
            'staffing.employee.rec_name'], True,
        ["Fallmanagement Caritas", "Maria Schneider"], []),
    ('frank', 'proof_municipality', ['lines.post.name'], True,
        ["Fallmanagement Caritas", "Fallmanagement DRK"], []),
    # the case of a reconstruction only for the readers of the case
    ('maria', 'reconstruction', ['case.rec_name'], True,
        [NUMBERS['case_a']], []),
    ('lena', 'reconstruction', ['case', 'case.rec_name'], True, [],
        [('case', 'case_a')]),
    ('petra', 'reconstruction', ['case'], True, [], [('case', 'case_a')]),
    ('petra', 'reconstruction', ['case.rec_name'], None, [],
        [('case', 'case_a')]),
    ('petra', 'reconstruction', ['linked_case'], False, [], []),
    # a member reads her group's meetings and resolutions, not the
    # barriers they take up nor the other group
    ('jens', 'meeting_a', ['items.name', 'attendances.status', 'minutes'],
        True, ["TOP Wohnraum Testhausen", "Protokoll LG vertraulich"], []),
    ('jens', 'item_a', ['barrier', 'barrier.rec_name'], None, [],
        [('barrier', 'barrier')]),
    ('jens', 'resolution_a', ['barriers.rec_name'], None, [],
        [('barriers', 'barrier')]),
    ('jens', 'steering_group', ['meetings.name', 'resolutions.text'], True,
        ["Frühjahrssitzung Testhausen", "Beschlusstext Wohnraum"], []),
    ('petra', 'barrier', ['resolutions.text', 'theme'], True,
        ["Beschlusstext Wohnraum"], []),
    ('jens', 'resolution_a', ['group.resolutions', 'group.meetings'],
        True, [], [('group.meetings', 'meeting_b')]),
    ]
# Exports through a record the login may read (login, record, fields,
# must it be allowed, texts it must show)
RELATED_EXPORTS = [
    ('petra', 'barrier', ['name', 'cases/number', 'cases/client/name'],
        None, []),
    ('lena', 'barrier', ['name', 'cases/number'], None, []),
    *[(login, 'staffing_caritas', ['employee/rec_name', 'fte'], True,
        ["Maria Schneider"])
        for login in ['frank', 'claudia', 'petra', 'admin']],
    ('claudia', 'post_caritas', ['name', 'staffings/employee/rec_name'],
        True, ["Fallmanagement Caritas", "Maria Schneider"]),
    ('claudia', 'grant', ['number', 'posts/name', 'contracts/number',
            'payments/amount'], None, []),
    ('claudia', 'contract_caritas', ['number', 'grant/posts/name',
            'grant/contracts/number'], None, []),
    ('frank', 'proof_municipality', ['lines/post/name'], True,
        ["Fallmanagement DRK"]),
    ('petra', 'reconstruction', ['name', 'case/number',
            'case/client/name'], None, []),
    ('jens', 'resolution_a', ['number', 'barriers/name'], None, []),
    ('eva', 'procedure_ebh', ['kind', 'party/name'], True, ["Nour Haddad"]),
    ('alex', 'procedure_abh', ['kind', 'periods/notes',
            'requirements/evidence'], True,
        ["Duldung seit Einreise vertraulich",
            "Nachweis Lebensunterhalt vertraulich"]),
    ('jens', 'meeting_a', ['name', 'items/barrier/name',
            'items/barrier/cases/number'], None, []),
    ('jens', 'steering_group', ['name', 'meetings/name',
            'resolutions/text'], True,
        ["Frühjahrssitzung Testhausen", "Beschlusstext Wohnraum"]),
    ]
# Write values refused to logins that may not read the record
WRITES = {
    'case_d': {'situation': "Geändert"},
    'consent_d': {'purpose': "Geändert"},
    'contact_d': {'notes': "Geändert"},
    'client_dmitri': {'birth_date': dt.date(1980, 1, 1)},
    'party_dmitri': {'name': "Geändert"},
    'address_dmitri': {'street': "Geändert"},
    'meeting_b': {'name': "Geändert"},
    'procedure_abh': {'decision': "Geändert"},
    'party_yonas': {'name': "Geändert"},
    'reconstruction': {'summary': "Geändert"},
    }
# What a message about a record of Dmitri must never name
DMITRI_WORDS = [NUMBERS['case_d'], "Dmitri", "Orlov"]


class Outcome(collections.namedtuple('Outcome', 'kind value')):
    """The answer of a call: 'ok' (value is the result), 'refused' (an
    application error), 'error' (an unhandled server error) or
    'http' (an HTTP error status)"""
    __slots__ = ()

    @property
    def text(self):
        if self.kind == 'ok':
            return _text(self.value)
        return self.value.text


def _text(value):
    if isinstance(value, (bytes, bytearray)):
        return value.decode('utf-8', errors='replace')
    return json.dumps(value, ensure_ascii=False, default=str)


def ids_at(row, path):
    """Return the ids a read row gives for the dotted path of a relation
    field: its value and the ids of its related records"""
    *parents, name = path.split('.')
    rows = [row]
    for parent in parents:
        rows = [r for row in rows
            for r in _as_list(row.get(f'{parent}.'))]
    ids = set()
    for row in rows:
        ids.update(_as_list(row.get(name)))
        ids.update(r['id'] for r in _as_list(row.get(f'{name}.')))
    return ids


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def odt_text(content):
    "Return the content.xml of an ODT document"
    with zipfile.ZipFile(io.BytesIO(content)) as odt:
        return odt.read('content.xml').decode('utf-8')


class AccessTestCase(unittest.TestCase):
    "Who sees what, over JSON-RPC as the logins of a trytond server"
    cells = collections.Counter()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = TrytonServer()
        try:
            cls.server.setup()
            cls.fixture = Fixture(cls.server).load()
        except BaseException:
            cls.server.stop()
            raise
        cls.ids = cls.fixture.ids
        cls.sessions = {
            login: cls.fixture.session(login) for login in LOGINS}
        missing = set(ROWS) - set(cls.ids)
        assert not missing, f"records of the matrix missing: {missing}"
        markers = [m for ms in MARKERS.values() for m in ms]
        # A marker inside another one would be seen where it is not.
        assert not [(a, b) for a in markers for b in markers
            if a != b and a in b], "markers overlap"

    @classmethod
    def tearDownClass(cls):
        total = sum(cls.cells.values())
        detail = ', '.join(f'{k} {v}' for k, v in sorted(cls.cells.items()))
        print(f"\naccess matrix: {total} cells checked ({detail})",
            file=sys.stderr)
        try:
            cls.server.stop()
        finally:
            super().tearDownClass()

    # --- helpers ---------------------------------------------------------
    def readable(self, login, key):
        return login in ROWS[key].readers

    def call(self, login, model, method, *args, context=None):
        "Return the outcome of a model call as login"
        return self.attempt(lambda: self.sessions[login].model(
                model, method, *args, context=context))

    def report(self, login, name, ids, data=None):
        return self.attempt(
            lambda: self.sessions[login].report(name, ids, data))

    @staticmethod
    def attempt(call):
        try:
            return Outcome('ok', call())
        except RPCError as error:
            return Outcome('refused', error)
        except ServerError as error:
            return Outcome('error', error)
        except ProtocolError as error:
            return Outcome('http', error)

    def leaks(self, login, text):
        "Return the markers in text of the records login may not read"
        return [(key, marker)
            for key, markers in MARKERS.items()
            if not self.readable(login, key)
            for marker in markers if marker in text]

    def check(self, problems, path, login, what, outcome, allowed,
            words=()):
        """Count a cell and add its problems: allowed True (must succeed),
        False (must be refused) or None (either); never an unhandled
        error, never a marker of a record login may not read nor one of
        words"""
        self.cells[path] += 1
        where = f'{login}: {what}'
        if outcome.kind in {'error', 'http'}:
            problems.append(f'{where}: unhandled error: '
                f'{outcome.value.message.splitlines()[0][:200]}')
        elif allowed is True and outcome.kind == 'refused':
            problems.append(f'{where}: refused: {outcome.value.message}')
        elif allowed is False and outcome.kind == 'ok':
            problems.append(
                f'{where}: allowed, returned {outcome.text[:200]}')
        text = outcome.text
        for key, marker in self.leaks(login, text):
            problems.append(f'{where}: shows {marker!r} of {key}')
        for word in words:
            if word in text:
                problems.append(f'{where}: names {word!r}')

    def assertNoProblems(self, problems, shown=60):
        if problems:
            more = len(problems) - shown
            self.fail(f'{len(problems)} problems:\n' + '\n'.join(
                    problems[:shown] + ([f'... and {more} more'] if more > 0
                        else [])))

    def rows(self, exposed=True):
        "The rows of the matrix whose model is exposed over RPC (or not)"
        return [r for r in ROWS.values() if (r.key not in VIA) == exposed]

    def stored(self, table, where, *params):
        return self.server.count(table, where, *params)

    def discard(self, table, outcome):
        """Delete in the database the records of table that a call, which
        should have been refused, created: readable by others, they would
        fail the other tests"""
        if outcome.kind == 'ok':
            self.server.query(f'DELETE FROM "{table}" WHERE id IN '
                f'({", ".join(map(str, outcome.value))})')

    def case_file(self, login, key):
        return self.report(login, 'kim.case.file', [self.ids[key]])

    def proof_report(self, login, key, action):
        id_ = self.ids[key]
        return self.report(login, 'kim.funding.proof', [id_], {
                'action_id': self.fixture.ref('kim_funding', action),
                'model': 'kim.funding.proof', 'id': id_, 'ids': [id_]})

    def statistics(self, login, context):
        return self.call(login, 'kim.case.statistics', 'search_read', [],
            0, None, None, ['company', 'cases_closed', 'cases_successful'],
            context=context)

    # --- 1. search -------------------------------------------------------
    def test_matrix_search(self):
        "search and search_count find a record exactly for its readers"
        problems = []
        for row in self.rows():
            id_ = self.ids[row.key]
            domain = [('id', '=', id_)]
            for login in LOGINS:
                allowed = self.readable(login, row.key)
                what = f'search {row.model} {row.key}'
                outcome = self.call(login, row.model, 'search', domain)
                self.check(problems, 'search', login, what, outcome,
                    allowed or None)
                if outcome.kind == 'ok' and outcome.value != (
                        [id_] if allowed else []):
                    problems.append(f'{login}: {what}: {outcome.value}')
                outcome = self.call(login, row.model, 'search_count', domain)
                self.check(problems, 'search', login, what + ' (count)',
                    outcome, allowed or None)
                if outcome.kind == 'ok' and outcome.value != int(allowed):
                    problems.append(
                        f'{login}: {what} (count): {outcome.value}')
        for row in self.rows(exposed=False):
            for login in LOGINS:
                outcome = self.call(login, row.model, 'search', [])
                self.cells['search'] += 1
                if outcome.kind != 'http':
                    problems.append(f'{login}: search {row.model}: '
                        f'exposed over RPC ({outcome.kind})')
        self.assertNoProblems(problems)

    # --- 2. read ---------------------------------------------------------
    def test_matrix_read(self):
        "read of rec_name and real fields succeeds exactly for the readers"
        problems = []
        for row in self.rows():
            fields = ['rec_name'] + FIELDS[row.model]
            for login in LOGINS:
                allowed = self.readable(login, row.key)
                outcome = self.call(
                    login, row.model, 'read', [self.ids[row.key]], fields)
                what = f'read {row.model} {row.key}'
                self.check(problems, 'read', login, what, outcome,
                    allowed or None)
                if (not allowed and outcome.kind == 'ok'
                        and outcome.value):
                    problems.append(f'{login}: {what}: returned '
                        f'{_text(outcome.value)[:200]}')
        for key, (parent, field, target) in VIA.items():
            for login in LOGINS:
                allowed = self.readable(login, key)
                outcome = self.call(login, ROWS[parent].model, 'read',
                    [self.ids[parent]], [field])
                what = f'read {parent}.{field} ({key})'
                self.check(problems, 'read', login, what, outcome,
                    allowed or None)
                if outcome.kind == 'ok' and allowed != any(
                        self.ids[target] in row[field]
                        for row in outcome.value):
                    problems.append(f'{login}: {what}: {outcome.value}')
        self.assertNoProblems(problems)

    # --- 3. related fields -------------------------------------------------
    def test_matrix_related(self):
        "related fields read through a readable record show only readable ones"
        problems = []
        for login, key, fields, allowed, shown, hidden in RELATED:
            model = ROWS[key].model
            outcome = self.call(login, model, 'read', [self.ids[key]], fields)
            what = f'read {key} {fields}'
            self.check(problems, 'related', login, what, outcome, allowed)
            if outcome.kind != 'ok':
                continue
            for text in shown:
                if text not in outcome.text:
                    problems.append(f'{login}: {what}: misses {text!r}')
            for path, other in hidden:
                if any(self.ids[other] in ids_at(row, path)
                        for row in outcome.value):
                    problems.append(f'{login}: {what}: lists {other}')
        for login, key, fields, allowed, shown in RELATED_EXPORTS:
            outcome = self.call(login, ROWS[key].model, 'export_data',
                [self.ids[key]], fields, False)
            what = f'export {key} {fields}'
            self.check(problems, 'related', login, what, outcome, allowed)
            for text in shown:
                if outcome.kind == 'ok' and text not in outcome.text:
                    problems.append(f'{login}: {what}: misses {text!r}')
        self.assertNoProblems(problems)

    # --- 4. export -------------------------------------------------------
    def reached(self, key, path):
        "The records an export path reaches from the record key"
        name, *rest = path
        if name in SCALARS:
            return {key}
        result = {key}
        for target in LINKS[key][name]:
            result |= self.reached(target, rest)
        return result

    def test_matrix_export(self):
        """export_data is refused unless the login may read every record
        reached"""
        problems = []
        for row in self.rows():
            for login in LOGINS:
                allowed = self.readable(login, row.key)
                outcome = self.call(login, row.model, 'export_data',
                    [self.ids[row.key]], ['rec_name'], False)
                what = f'export {row.model} {row.key} rec_name'
                self.check(problems, 'export', login, what, outcome, allowed)
                if allowed and outcome.kind == 'ok' and not outcome.value:
                    problems.append(f'{login}: {what}: empty')
        for key in LINKS:
            model = ROWS[key].model
            fields = NESTED_EXPORTS[model]
            reached = set().union(
                *(self.reached(key, f.split('/')) for f in fields))
            for login in LOGINS:
                allowed = all(self.readable(login, k) for k in reached)
                outcome = self.call(login, model, 'export_data',
                    [self.ids[key]], fields, False)
                self.check(problems, 'export', login,
                    f'export {key} {fields}', outcome, allowed)
        self.assertNoProblems(problems)

    def test_matrix_export_domain(self):
        "export_data_domain of everything lists only readable records"
        problems = []
        for model in sorted({r.model for r in self.rows()}):
            keys = [k for k, r in ROWS.items() if r.model == model]
            for login in LOGINS:
                outcome = self.call(login, model, 'export_data_domain', [],
                    ['id', 'rec_name'])
                what = f'export_data_domain {model}'
                self.check(problems, 'export domain', login, what, outcome,
                    None)
                if outcome.kind != 'ok':
                    continue
                exported = {line[0] for line in outcome.value}
                for key in keys:
                    if (self.ids[key] in exported
                            and not self.readable(login, key)):
                        problems.append(f'{login}: {what}: lists {key}')
        self.assertNoProblems(problems)

    # --- 5. copy ---------------------------------------------------------
    def test_matrix_copy(self):
        "copy of a record the login may not read is refused, creates nothing"
        problems = []
        for row in self.rows():
            table = row.model.replace('.', '_')
            for login in sorted(set(LOGINS) - row.readers):
                before = self.stored(table, '1 = 1')
                outcome = self.call(
                    login, row.model, 'copy', [self.ids[row.key]], {})
                self.check(problems, 'copy', login,
                    f'copy {row.model} {row.key}', outcome, False)
                if self.stored(table, '1 = 1') != before:
                    problems.append(f'{login}: copy {row.key}: created')
                self.discard(table, outcome)
        self.assertNoProblems(problems)

    # --- 6. reports ------------------------------------------------------
    def test_matrix_case_file(self):
        "the case file prints only for the readers of the case"
        problems = []
        for key in NUMBERS:
            for login in LOGINS:
                allowed = self.readable(login, key)
                outcome = self.case_file(login, key)
                self.check(problems, 'report', login, f'case file {key}',
                    outcome._replace(value=odt_text(outcome.value[1]))
                    if outcome.kind == 'ok' else outcome, allowed)
        outcome = self.case_file('maria', 'case_a')
        if outcome.kind == 'ok':
            content = odt_text(outcome.value[1])
            for key in ['case_d', 'case_l']:
                self.cells['report'] += 1
                if NUMBERS[key] in content:
                    problems.append(f'maria: case file case_a names {key}')
        self.assertNoProblems(problems)

    def test_matrix_proof_report(self):
        "the proof of use prints only for the readers of the proof"
        problems = []
        for key, action in [('proof_caritas', 'report_proof_provider'),
                ('proof_municipality', 'report_proof')]:
            for login in LOGINS:
                outcome = self.proof_report(login, key, action)
                self.check(problems, 'report', login, f'proof of use {key}',
                    outcome._replace(value=odt_text(outcome.value[1]))
                    if outcome.kind == 'ok' else outcome,
                    self.readable(login, key))
        self.assertNoProblems(problems)

    def test_matrix_check_sheet(self):
        "the check sheet of a procedure prints only for its readers"
        problems = []
        for key in ['procedure_abh', 'procedure_ebh']:
            for login in LOGINS:
                outcome = self.report(login,
                    'kim.authority.procedure.check_sheet', [self.ids[key]])
                self.check(problems, 'report', login, f'check sheet {key}',
                    outcome._replace(value=odt_text(outcome.value[1]))
                    if outcome.kind == 'ok' else outcome,
                    self.readable(login, key))
        self.assertNoProblems(problems)

    # --- 7. links --------------------------------------------------------
    def test_matrix_links(self):
        "a link to a record the login may not read is refused, stores nothing"
        ids = self.ids
        today = dt.date.today()
        problems = []
        # login, model, method, arguments, and what must stay stored:
        # table, condition on an id, number of rows
        attempts = [
            ('maria', 'kim.case.client', 'create', [[{
                            'party': ids['party_dmitri']}]],
                'kim_case_client', 'party = %s', ids['party_dmitri'], 1),
            ('maria', 'kim.case', 'write', [[ids['case_a']], {
                        'referrer': ids['party_dmitri']}],
                'kim_case', 'referrer = %s', ids['party_dmitri'], 0),
            ('dirk', 'kim.case', 'create', [[{
                            'client': ids['client_amina'],
                            'company': self.fixture.companies['drk']}]],
                'kim_case', 'client = %s', ids['client_amina'], 3),
            ('maria', 'kim.case.contact', 'create', [[{
                            'case': ids['case_d'], 'date': today,
                            'duration': 10, 'kind': 'phone'}]],
                'kim_case_contact', '"case" = %s', ids['case_d'], 1),
            ('lena', 'party.address', 'create', [[{
                            'party': ids['party_dmitri'],
                            'street': "Neuweg 2"}]],
                'party_address', 'party = %s', ids['party_dmitri'], 1),
            ('maria', 'kim.case.barrier', 'write', [[ids['barrier']], {
                        'cases': [('add', [ids['case_l']])]}],
                'kim_case_barrier-kim_case', 'barrier = %s', ids['barrier'],
                1),
            ('petra', 'kim.steering.reconstruction', 'write', [
                    [ids['reconstruction']], {'case': ids['case_d']}],
                'kim_steering_reconstruction', 'linked_case = %s',
                ids['case_d'], 0),
            ('jens', 'kim.steering.meeting.item', 'create', [[{
                            'meeting': ids['meeting_a'], 'name': "X"}]],
                'kim_steering_meeting_item', 'meeting = %s',
                ids['meeting_a'], 1),
            ('claudia', 'kim.funding.staffing', 'create', [[{
                            'post': ids['post_drk'],
                            'employee': self.fixture.employees['claudia'],
                            'start_date': today, 'fte': Decimal('0.1')}]],
                'kim_funding_staffing', 'post = %s', ids['post_drk'], 1),
            ]
        for login, model, method, args, table, where, id_, count in attempts:
            outcome = self.call(login, model, method, *args)
            self.check(problems, 'link', login, f'{method} {model} {args}',
                outcome, False)
            if self.stored(table, where, id_) != count:
                problems.append(f'{login}: {method} {model}: stored')
            if method == 'create':
                self.discard(table, outcome)
        self.assertNoProblems(problems)

    # --- 8. write and delete ---------------------------------------------
    def test_matrix_write_delete(self):
        """write and delete of a record the login may not read are refused
        without naming it"""
        problems = []
        for key, values in WRITES.items():
            row = ROWS[key]
            table = row.model.replace('.', '_')
            for login in sorted(set(LOGINS) - row.readers):
                for method, args in [('write', ([self.ids[key]], values)),
                        ('delete', ([self.ids[key]],))]:
                    outcome = self.call(login, row.model, method, *args)
                    self.check(problems, 'write/delete', login,
                        f'{method} {key}', outcome, False, DMITRI_WORDS)
                if not self.stored(table, 'id = %s', self.ids[key]):
                    problems.append(f'{login}: delete {key}: deleted')
        (situation,), = self.server.query(
            'SELECT situation FROM kim_case WHERE id = %s', self.ids['case_d'])
        if situation != "Lage von Herrn Orlov":
            problems.append(f'case_d: situation written: {situation!r}')
        self.assertNoProblems(problems)

    # --- regressions -----------------------------------------------------
    def test_regression_1(self):
        "maria cannot export the lines, notes and addresses of other cases"
        problems = []
        for key, fields in [
                ('contact_d', ['rec_name', 'notes']),
                ('contact_l', ['rec_name', 'notes']),
                ('consent_d', ['rec_name', 'purpose']),
                ('referral_d', ['rec_name', 'purpose']),
                ('need_d', ['rec_name', 'description']),
                ('goal_d', ['rec_name', 'description']),
                ('member_dmitri', ['rec_name', 'name']),
                ('address_dmitri', ['rec_name', 'street']),
                ('address_leyla', ['rec_name', 'street']),
                ('note_d', ['rec_name', 'message']),
                ('attachment_d', ['rec_name', 'name']),
                ]:
            outcome = self.call('maria', ROWS[key].model, 'export_data',
                [self.ids[key]], fields, False)
            self.check(problems, 'regression', 'maria', f'export {key}',
                outcome, False)
        self.assertNoProblems(problems)

    def test_regression_2(self):
        """coordination, finance and administration see no logs of cases
        and no client person, and cannot change one"""
        ids = self.ids
        problems = []
        for login in ['petra', 'frank', 'admin']:
            for what, outcome, allowed in [
                    ('search logs of cases', self.call(login, 'ir.model.log',
                            'search_read',
                            [('resource', 'like', 'kim.case,%')],
                            0, None, None, ['resource', 'target']), None),
                    ('read log', self.call(login, 'ir.model.log', 'read',
                            [ids['log_a']], ['resource', 'target']), False),
                    ('read address', self.call(login, 'party.address', 'read',
                            [ids['address_amina']], ['street']), False),
                    ('export address', self.call(login, 'party.address',
                            'export_data', [ids['address_amina']],
                            ['street', 'party/name'], False), False),
                    ('search address', self.call(login, 'party.address',
                            'search_read', [('street', '=', "Geheimweg 1")],
                            0, None, None, ['street']), None),
                    ('read person', self.call(login, 'party.party', 'read',
                            [ids['party_amina']], ['name']), False),
                    ('export person', self.call(login, 'party.party',
                            'export_data', [ids['party_amina']],
                            ['name', 'addresses/street'], False), False),
                    ('search person', self.call(login, 'party.party',
                            'search_read', [('name', 'ilike', '%Yusuf%')],
                            0, None, None, ['name']), None),
                    ('rename person', self.call(login, 'party.party', 'write',
                            [ids['party_amina']], {'name': "Umbenannt"}),
                        False),
                    ('add address', self.call(login, 'party.address',
                            'create', [{'party': ids['party_amina'],
                                    'street': "Neuweg 2"}]), False),
                    ('add address to person', self.call(login, 'party.party',
                            'write', [ids['party_amina']], {'addresses': [
                                    ('create', [{'street': "Neuweg 2"}])]}),
                        False),
                    ]:
                self.check(
                    problems, 'regression', login, what, outcome, allowed)
                if (outcome.kind == 'ok' and what.startswith('search')
                        and outcome.value):
                    problems.append(f'{login}: {what}: {outcome.text[:200]}')
        (name,), = self.server.query(
            'SELECT name FROM party_party WHERE id = %s', ids['party_amina'])
        if name != "Amina Yusuf":
            problems.append(f'party_amina renamed to {name!r}')
        addresses = self.stored(
            'party_address', 'party = %s', ids['party_amina'])
        if addresses != 1:
            problems.append(f'party_amina has {addresses} addresses')
        self.assertNoProblems(problems)

    def test_regression_3(self):
        "maria cannot copy dirk's case, client or Dmitri's person"
        problems = []
        for key, table in [('case_d', 'kim_case'),
                ('client_dmitri', 'kim_case_client'),
                ('party_dmitri', 'party_party')]:
            before = self.stored(table, '1 = 1')
            outcome = self.call(
                'maria', ROWS[key].model, 'copy', [self.ids[key]], {})
            self.check(problems, 'regression', 'maria', f'copy {key}',
                outcome, False)
            if self.stored(table, '1 = 1') != before:
                problems.append(f'maria: copy {key}: created')
            self.discard(table, outcome)
        self.assertNoProblems(problems)

    def test_regression_4(self):
        "maria cannot link Dmitri's person to a client file or to her case"
        ids = self.ids
        problems = []
        outcome = self.call('maria', 'kim.case.client', 'create',
            [{'party': ids['party_dmitri']}])
        self.check(problems, 'regression', 'maria',
            "create a client of Dmitri's person", outcome, False)
        if self.stored(
                'kim_case_client', 'party = %s', ids['party_dmitri']) != 1:
            problems.append("maria: a client of Dmitri's person stored")
        self.discard('kim_case_client', outcome)
        outcome = self.call('maria', 'kim.case', 'write', [ids['case_a']],
            {'referrer': ids['party_dmitri']})
        self.check(problems, 'regression', 'maria',
            "refer case A by Dmitri's person", outcome, False)
        if self.stored('kim_case', 'referrer IS NOT NULL'):
            problems.append("maria: Dmitri's person stored as referrer")
        self.assertNoProblems(problems)

    def test_regression_5(self):
        "refusals of dirk's records name neither the case nor Dmitri"
        ids = self.ids
        problems = []
        for what, model, method, args in [
                ('delete case D', 'kim.case', 'delete', [[ids['case_d']]]),
                ('write case D', 'kim.case', 'write',
                    [[ids['case_d']], {'situation': "Geändert"}]),
                ('write consent D', 'kim.case.consent', 'write',
                    [[ids['consent_d']], {'purpose': "Geändert"}]),
                ('withdraw consent D', 'kim.case.consent', 'write',
                    [[ids['consent_d']],
                        {'withdrawal_date': dt.date.today()}]),
                ('delete consent D', 'kim.case.consent', 'delete',
                    [[ids['consent_d']]]),
                ]:
            outcome = self.call('maria', model, method, *args)
            self.check(problems, 'regression', 'maria', what, outcome, False,
                DMITRI_WORDS)
        if not self.stored('kim_case_consent',
                'id = %s AND withdrawal_date IS NULL', ids['consent_d']):
            problems.append('consent_d withdrawn or deleted')
        self.assertNoProblems(problems)

    def test_regression_6(self):
        """a first request for all organisations ("company": null, as the
        statistics make it) leaves the companies of the next requests as
        they are"""
        problems = []
        for login, model, keys in [
                ('maria', 'kim.case.statistics', ['case_a', 'case_a2']),
                ('maria', 'kim.case', ['case_a', 'case_a2']),
                ('tom', 'kim.case.statistics',
                    ['case_a', 'case_a2', 'case_a3', 'case_l'])]:
            # A change of a user empties the cached companies of all users.
            outcome = self.call('admin', 'res.user', 'write',
                [self.sessions[login].user_id],
                {'email': f'{login}@testhausen.example'})
            self.assertEqual(outcome.kind, 'ok', outcome.text)
            outcome = self.call(login, model, 'search', [],
                context={'company': None})
            self.check(problems, 'regression', login,
                f'search {model} of all organisations', outcome, None)
            outcome = self.call(login, 'kim.case', 'search', [])
            self.check(problems, 'regression', login,
                f'search kim.case after {model}', outcome, True)
            if outcome.kind == 'ok' and sorted(outcome.value) != sorted(
                    self.ids[k] for k in keys):
                problems.append(f'{login}: search kim.case after {model}: '
                    f'{outcome.value} instead of the ids of {keys}')
        self.assertNoProblems(problems)

    def test_regression_7(self):
        """the statistics follow the closure reasons at once, and a closed
        case changes only by its buttons"""
        ids = self.ids
        today = dt.date.today()
        problems = []
        caritas = self.fixture.companies['caritas']
        context = {'organisation': caritas,
            'from_date': dt.date(today.year, 1, 1),
            'to_date': dt.date(today.year, 12, 31)}

        def successful():
            outcome = self.statistics('tom', context)
            self.check(problems, 'regression', 'tom', 'statistics', outcome,
                True)
            if outcome.kind == 'ok':
                return sum(r['cases_successful'] or 0 for r in outcome.value
                    if r['company'] == caritas)

        def set_goal_reached(value):
            outcome = self.call('admin', 'kim.case.closure_reason', 'write',
                [self.fixture.closure_reason], {'goal_reached': value})
            self.assertEqual(outcome.kind, 'ok', outcome.text)

        for goal_reached, expected in [(None, 1), (False, 0), (True, 1)]:
            if goal_reached is not None:
                set_goal_reached(goal_reached)
            count = successful()
            if count != expected:
                problems.append(f'tom: statistics after goal reached '
                    f'{goal_reached}: {count} successful instead of '
                    f'{expected}')
        for what, model, method, args in [
                ('reopen by state', 'kim.case', 'write',
                    [[ids['case_a2']], {'state': 'implementation'}]),
                ('write situation', 'kim.case', 'write',
                    [[ids['case_a2']], {'situation': "Nachtrag"}]),
                ('write number', 'kim.case', 'write',
                    [[ids['case_a2']], {'number': "CAR-2026-999"}]),
                ('write start date', 'kim.case', 'write',
                    [[ids['case_a2']], {'start_date': dt.date(2020, 1, 1)}]),
                ('create contact', 'kim.case.contact', 'create',
                    [[{'case': ids['case_a2'], 'date': today,
                        'duration': 10, 'kind': 'phone'}]]),
                ('write contact', 'kim.case.contact', 'write',
                    [[ids['contact_a2']], {'notes': "Nachtrag"}]),
                ]:
            outcome = self.call('maria', model, method, *args)
            self.check(problems, 'regression', 'maria', f'case A2: {what}',
                outcome, False)
        (state, number, start_date, situation), = self.server.query(
            'SELECT state, number, start_date, situation FROM kim_case '
            'WHERE id = %s', ids['case_a2'])
        # SQLite returns the date as text
        stored = (state, number, str(start_date), situation)
        if stored != ('closed', NUMBERS['case_a2'],
                str(today.replace(day=1)), None):
            problems.append(f'case A2 stored as {stored}')
        contacts = self.stored(
            'kim_case_contact', '"case" = %s', ids['case_a2'])
        if contacts != 1:
            problems.append(f'case A2 has {contacts} contacts')

        self.assertNoProblems(problems)

    def test_regression_8(self):
        "the case file lists the other cases of the client maria may read"
        outcome = self.case_file('maria', 'case_a')
        self.cells['regression'] += 1
        self.assertEqual(outcome.kind, 'ok', outcome.text)
        content = odt_text(outcome.value[1])
        self.assertTrue(NUMBERS['case_a2'] in content,
            "the case file of case_a does not list case_a2")
        self.assertFalse(NUMBERS['case_a3'] in content,
            "the case file of case_a lists case_a3 of lena")

    def test_regression_9(self):
        "values of the wrong type are refused with a message to the user"
        # The statistics filter by the "organisation" of their context; the
        # "company" of the context is trytond's own (its company module
        # answers a string there before any KIM code runs).
        problems = []
        today = dt.date.today()
        for login, what, model, method, args, context in [
                ('maria', 'case with a string as client', 'kim.case',
                    'create', [[{'client': str(self.ids['client_amina'])}]],
                    None),
                ('tom', 'statistics of a string organisation',
                    'kim.case.statistics', 'search', [[]],
                    {'organisation': "Caritas Testhausen"}),
                ('tom', 'statistics from a string date',
                    'kim.case.statistics', 'search', [[]],
                    {'from_date': today.isoformat()}),
                ('tom', 'statistics from a number',
                    'kim.case.statistics', 'search', [[]],
                    {'from_date': 2026}),
                ]:
            outcome = self.call(login, model, method, *args, context=context)
            self.check(problems, 'regression', login, what, outcome, False)
        self.assertNoProblems(problems)

    # --- 9. audit --------------------------------------------------------
    def test_audit(self):
        """the reads of a case file, a client file and a procedure (not of
        a list), the exports, prints and writes are logged with their user;
        only the data protection officer finds these logs (search, count,
        read, export), by the name of the record she does not read"""
        ids = self.ids
        problems = []
        dora = self.fixture.session('dora')
        user_id = {login: self.sessions[login].user_id for login in LOGINS}
        case = f"kim.case,{ids['case_a']}"

        def logged(event, resource, login):
            return self.stored('ir_model_log',
                'event = %s AND resource = %s AND "user" = %s',
                event, resource, user_id[login])

        def expect(login, what, outcome, event, resource, before):
            self.check(problems, 'audit', login, what, outcome, True)
            after = logged(event, resource, login)
            if after != before + 1:
                problems.append(f'{login}: {what}: {after - before} '
                    f'{event} entries stored instead of 1')

        # a list page reads what the list shows: not logged
        outcome = self.call('maria', 'kim.case', 'fields_view_get', None,
            'tree')
        self.assertEqual(outcome.kind, 'ok', outcome.text)
        before = logged('read', case, 'maria')
        outcome = self.call('maria', 'kim.case', 'read', [ids['case_a']],
            [*outcome.value['fields'], 'rec_name', '_timestamp'])
        self.check(problems, 'audit', 'maria', 'read list', outcome, True)
        if logged('read', case, 'maria') != before:
            problems.append('maria: the read of a list row is logged')
        # the form, an export, a print: one entry each, committed from the
        # read-only transaction of the call
        for login, key, fields in [
                ('maria', 'case_a', ['situation', 'rec_name']),
                ('maria', 'client_amina', ['name', 'birth_date']),
                ('alex', 'procedure_abh', ['override_reason', 'periods'])]:
            resource = f'{ROWS[key].model},{ids[key]}'
            before = logged('read', resource, login)
            expect(login, f'read form of {key}', self.call(
                    login, ROWS[key].model, 'read', [ids[key]], fields),
                'read', resource, before)
        before = logged('export', case, 'maria')
        expect('maria', 'export case_a', self.call('maria', 'kim.case',
                'export_data', [ids['case_a']], ['number', 'situation'],
                False), 'export', case, before)
        before = logged('print', case, 'maria')
        expect('maria', 'print case_a', self.case_file('maria', 'case_a'),
            'print', case, before)

        # the officer finds them all with their user, by the case number
        fields = ['event', 'user', 'resource_name', 'resource_model',
            'action', 'create_date']
        found = dora.model('ir.model.log', 'search_read',
            [('resource', '=', case)], 0, None, None, fields)
        events = {(r['event'], r['user']) for r in found}
        for event in ['read', 'export', 'print', 'write']:
            if (event, user_id['maria']) not in events:
                problems.append(f'dora: no {event} of maria on case_a')
        if {r['resource_name'] for r in found} != {
                f'{NUMBERS["case_a"]} - Amina Yusuf'}:
            problems.append(f'dora: case_a named '
                f'{sorted({r["resource_name"] for r in found})}')
        count = dora.model('ir.model.log', 'search_count',
            [('resource', '=', case)])
        if count != len(found):
            problems.append(f'dora: count {count} of {len(found)} logs')
        for domain, key, login in [
                ([('resource_name', 'ilike', '%Yusuf%'),
                    ('event', '=', 'print')], 'case_a', 'maria'),
                ([('resource_model', 'ilike', '%kim.authority.procedure%'),
                    ('user', '=', user_id['alex'])], 'procedure_abh',
                    'alex'),
                ]:
            rows = dora.model('ir.model.log', 'search_read', domain, 0,
                None, None, ['resource_name', 'user'])
            if not any(r['user'] == user_id[login] for r in rows):
                problems.append(f'dora: {domain} finds no log of {key}')
        log_ids = [r['id'] for r in found]
        exported = dora.model('ir.model.log', 'export_data', log_ids,
            ['event', 'user/name', 'resource_name'], False)
        if ['print', "Maria Schneider",
                f'{NUMBERS["case_a"]} - Amina Yusuf'] not in exported:
            problems.append(f'dora: export of the logs {exported[:3]}')
        # without reading the case itself
        outcome = self.attempt(lambda: dora.model(
                'kim.case', 'read', [ids['case_a']], ['situation']))
        if outcome.kind != 'refused':
            problems.append(f'dora: read case_a: {outcome.kind}')

        # nobody else finds, counts, reads or exports any of them
        for login in LOGINS:
            for what, method, args in [
                    ('search logs of KIM records', 'search',
                        [[('resource', 'like', 'kim.%')]]),
                    ('logs of the record menu', 'search',
                        [[('resource', '=', case)]]),
                    ('search reads, prints, exports', 'search',
                        [[('event', 'in', ['read', 'print', 'export'])]]),
                    ('count logs of KIM records', 'search_count',
                        [[('resource', 'like', 'kim.%')]]),
                    ]:
                outcome = self.call(login, 'ir.model.log', method, *args)
                self.check(problems, 'audit', login, what, outcome, None)
                if outcome.kind == 'ok' and outcome.value:
                    problems.append(f'{login}: {what}: {outcome.value}')
            for what, method, args in [
                    ('read logs', 'read', [log_ids, ['event', 'user']]),
                    ('export logs', 'export_data',
                        [log_ids, ['event', 'user/name'], False]),
                    ]:
                self.check(problems, 'audit', login, what,
                    self.call(login, 'ir.model.log', method, *args), False)
        self.assertNoProblems(problems)
