# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Concurrency and faults against a real trytond on PostgreSQL.

A database of its own with kim_case and kim_steering (the server of
``access_fixture``) is used by several client processes over JSON-RPC at
once: two users saving the same case, parallel creation of numbered cases
and adoption of numbered resolutions, trytond killed with SIGKILL in the
middle of their writes and, when KIM_FAULT_PG_RESTART=1 or CI=true,
PostgreSQL restarted under load (it disturbs every other database of the
machine).  A client refused under contention (the lock of a strict
sequence, HTTP 503 once trytond's retries are spent) tries again as a user
would; what counts is that nothing is lost, doubled or half written.
SQLite serialises its writers and has no server to restart: the tests run
in the PostgreSQL pass of ``scripts/test.sh``.
"""
import collections
import datetime as dt
import http.client
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
import unittest
import urllib.error

from proteus import Model
from proteus.config import XmlrpcConfig

from trytond.modules.kim.tests.tools import (
    PASSWORD as STAFF_PASSWORD, create_employee, create_organisation,
    create_user)
from trytond.modules.kim_steering.tests.tools import (
    create_meeting, create_steering_group)

from .access_fixture import Fixture, TrytonServer
from .rpc import ProtocolError, RPCError, Server

# login: (organisation, groups as (module, XML id))
STAFF = {
    'maria': ('caritas', [('kim_case', 'group_kim_case_manager')]),
    'lena': ('caritas', [('kim_case', 'group_kim_case_manager')]),
    'tom': ('caritas', [('kim_case', 'group_kim_team_lead')]),
    'dirk': ('drk', [('kim_case', 'group_kim_case_manager')]),
    'petra': ('kommune', [('kim', 'group_kim_coordination')]),
    }
CASE_MAKERS = ['maria', 'lena', 'tom', 'dirk']
PER_PROCESS = 25
CONTACTS, NEEDS = 3, 2
# Errors of a client whose server is gone
GONE = (urllib.error.URLError, ConnectionError, http.client.HTTPException,
    OSError)

_counter = None


def _init(counter):
    global _counter
    _counter = counter


def _acknowledged():
    with _counter.get_lock():
        _counter.value += 1


def _error(error):
    return f'{type(error).__name__}: {error}'[:300]


def _wait(start_at):
    time.sleep(max(0, start_at - time.time()))


def create_cases(url, login, values, count, start_at):
    """Create count cases of values one by one as login and return their
    ids and the errors"""
    session = Server(url, timeout=120).login(login, STAFF_PASSWORD)
    _wait(start_at)
    ids, errors = [], []
    for _ in range(count):
        try:
            ids += session.model('kim.case', 'create', [values])
        except Exception as error:
            errors.append(_error(error))
    return ids, errors


def adopt(url, login, resolutions, start_at):
    """Adopt the resolutions one by one as login, each again after a
    refusal as a user would (up to 20 times); return the adopted ones and
    the refusals"""
    session = Server(url, timeout=120).login(login, STAFF_PASSWORD)
    _wait(start_at)
    adopted, refusals = [], []
    for resolution in resolutions:
        for _ in range(20):
            try:
                session.model(
                    'kim.steering.resolution', 'adopt', [resolution])
            except (RPCError, ProtocolError) as error:
                refusals.append(_error(error))
                time.sleep(0.1)
            else:
                adopted.append(resolution)
                break
    return adopted, refusals


def save_as(url, login, case, situation, timestamp, start_at):
    "Write the situation of case with the timestamp read before"
    session = Server(url, timeout=120).login(login, STAFF_PASSWORD)
    _wait(start_at)
    try:
        session.model('kim.case', 'write', [case], {'situation': situation},
            context={'_timestamp': {f'kim.case,{case}': timestamp}})
    except RPCError as error:
        return error.type
    return 'saved'


def write_cases(url, login, values, token, deadline):
    """Until the server is gone or the deadline, create a case of values
    with its lines in one call, then write its situation; return what the
    server acknowledged and the calls left unanswered"""
    session = Server(url, timeout=60).login(login, STAFF_PASSWORD)
    acknowledged, unanswered = [], []
    for i in range(1000):
        if time.monotonic() > deadline:
            break
        marker = f'{token}-{login}-{i}'
        case = dict(values, contacts=[('create', [
                        {'duration': 30, 'notes': f'{marker} contact {j}'}
                        for j in range(CONTACTS)])],
            needs=[('create', [
                        {'field_of_action': values['field_of_action'],
                            'description': f'{marker} need {j}'}
                        for j in range(NEEDS)])])
        del case['field_of_action']
        try:
            case_id, = session.model('kim.case', 'create', [case])
            acknowledged.append(('create', case_id, marker))
            _acknowledged()
            session.model('kim.case', 'write', [case_id],
                {'situation': marker})
            acknowledged.append(('write', case_id, marker))
            _acknowledged()
        except GONE as error:
            unanswered.append(_error(error))
            break
    return acknowledged, unanswered


def request_loop(url, login, values, deadline):
    """Create a case and read it back until told to stop or the deadline;
    return (start, end, case id or None, error) of each call"""
    session = Server(url, timeout=60).login(login, STAFF_PASSWORD)
    calls = []
    while not _counter.value and time.monotonic() < deadline:
        start = time.monotonic()
        try:
            case_id, = session.model('kim.case', 'create', [values])
            session.model('kim.case', 'read', [case_id], ['number'])
            calls.append((start, time.monotonic(), case_id, None))
        except Exception as error:
            calls.append((start, time.monotonic(), None, _error(error)))
            time.sleep(0.2)
    return calls


def pg_restart_wanted():
    return (os.environ.get('KIM_FAULT_PG_RESTART') == '1'
        or os.environ.get('CI') == 'true')


class FaultsTestCase(unittest.TestCase):
    "Several clients of one trytond at once, and the faults of the servers"

    @classmethod
    def setUpClass(cls):
        cls.server = TrytonServer(
            modules=['kim_case', 'kim_steering'], prefix='test_kim_faults')
        if cls.server.backend != 'postgresql':
            raise unittest.SkipTest(
                "the concurrency and fault tests need PostgreSQL (SQLite "
                "serialises its writers and has no server to restart)")
        cls.addClassCleanup(cls.server.stop)
        cls.server.setup()
        cls.url = cls.server.url
        cls.today = dt.date.today()
        cls._prepare()

    @classmethod
    def _prepare(cls):
        admin = Fixture(cls.server).config('admin')
        companies = {key: create_organisation(name, config=admin)
            for key, name in [('kommune', "Stadt Testhausen – KI"),
                ('caritas', "Caritas Testhausen"),
                ('drk', "DRK Testhausen")]}
        cls.sessions = {}
        for login, (key, groups) in STAFF.items():
            employee = create_employee(
                companies[key], login.title(), config=admin)
            create_user(login.title(), login, [companies[key]], groups,
                employee=employee, config=admin)
            cls.sessions[login] = Server(cls.url).login(
                login, STAFF_PASSWORD)

        TargetGroup = Model.get('kim.case.target_group', config=admin)
        Field = Model.get('kim.field_of_action', config=admin)
        target_group, = TargetGroup.find([('code', '=', 'newly_arrived')])
        work, = Field.find([('code', '=', 'work')])
        cls.field_of_action = work.id
        # a client of each case maker, the case values of her
        cls.values = {}
        for login in CASE_MAKERS:
            session = cls.sessions[login]
            party, = session.model('party.party', 'create', [
                    {'name': f"Klientin von {login.title()}"}])
            client, = session.model(
                'kim.case.client', 'create', [{'party': party}])
            cls.values[login] = {'client': client,
                'start_date': cls.today, 'target_group': target_group.id}

        # the steering group of the Kommune and its held meeting
        petra = XmlrpcConfig(cls.url,
            headers=list(cls.sessions['petra'].headers.items()))
        Company = Model.get('company.company', config=petra)
        cls.group = create_steering_group(Company(companies['kommune'].id),
            [("Dr. Vorsitz Testhausen", None, 'chair', None)], code='LG',
            config=petra)
        meeting = create_meeting(
            cls.group, cls.today.replace(month=1, day=15), config=petra)
        meeting.click('invite')
        meeting.click('hold')
        cls.meeting = meeting

    def session(self, login):
        return self.sessions[login]

    def pool(self, processes, counter=None):
        context = multiprocessing.get_context('fork')
        pool = context.Pool(processes, initializer=_init,
            initargs=(counter or context.Value('i', 0),))
        self.addCleanup(pool.terminate)
        return pool

    def test_concurrent_edit(self):
        "The second save of a case read before the first is refused"
        maria, tom = self.session('maria'), self.session('tom')
        case, = maria.model('kim.case', 'create', [self.values['maria']])

        def read(session):
            record, = session.model('kim.case', 'read', [case],
                ['situation', '_timestamp'])
            return record

        def write(session, situation, timestamp):
            session.model('kim.case', 'write', [case],
                {'situation': situation},
                context={'_timestamp': {f'kim.case,{case}': timestamp}})

        by_maria, by_tom = read(maria), read(tom)
        self.assertEqual(by_maria['_timestamp'], by_tom['_timestamp'])
        write(maria, "Lage nach Maria", by_maria['_timestamp'])
        with self.assertRaises(RPCError) as refusal:
            write(tom, "Lage nach Tom", by_tom['_timestamp'])
        self.assertEqual(refusal.exception.type, 'ConcurrencyException')
        self.assertEqual(read(tom)['situation'], "Lage nach Maria")
        # tom reads again and saves
        write(tom, "Lage nach Tom", read(tom)['_timestamp'])
        self.assertEqual(read(maria)['situation'], "Lage nach Tom")

        # both save at the same moment what they read: one of them only
        outcomes = []
        with self.pool(2) as pool:
            for round_ in range(8):
                timestamp = read(maria)['_timestamp']
                start_at = time.time() + 1.5
                results = pool.starmap(save_as, [
                        (self.url, login, case, f"Runde {round_} {login}",
                            timestamp, start_at)
                        for login in ['maria', 'tom']])
                outcomes.append(results)
                self.assertEqual(
                    sorted(results), ['ConcurrencyException', 'saved'])
                saved = ['maria', 'tom'][results.index('saved')]
                self.assertEqual(read(maria)['situation'],
                    f"Runde {round_} {saved}")
        print(f"\nsaves at the same moment: {outcomes}", file=sys.stderr)

    def test_case_numbers(self):
        "Case numbers from the sequence stay unique under parallel creation"
        start_at = time.time() + 2
        with self.pool(len(CASE_MAKERS)) as pool:
            results = pool.starmap(create_cases, [
                    (self.url, login, self.values[login], PER_PROCESS,
                        start_at)
                    for login in CASE_MAKERS])
        ids = [i for ids, _ in results for i in ids]
        errors = [e for _, errors in results for e in errors]
        self.assertEqual(errors, [])
        self.assertEqual(len(ids), len(CASE_MAKERS) * PER_PROCESS)
        numbers = [n for n, in self.server.query(
                'SELECT number FROM kim_case WHERE id = ANY(%s)', ids)]
        self.assertEqual(len(numbers), len(ids))
        prefix = f'KIM-{self.today.year}-'
        self.assertTrue(all(n.startswith(prefix) for n in numbers), numbers)
        values = sorted(int(n[len(prefix):]) for n in numbers)
        print(f"\ncase numbers: {len(numbers)} created, "
            f"{len(set(numbers))} distinct, {values[0]}..{values[-1]}",
            file=sys.stderr)
        self.assertEqual(len(set(numbers)), len(numbers))

    def test_resolution_numbers(self):
        "Resolution numbers (a strict sequence) stay unique and gap-free"
        petra = self.session('petra')
        count = len(CASE_MAKERS) * PER_PROCESS
        resolutions = petra.model('kim.steering.resolution', 'create', [
                {'group': self.group.id, 'meeting': self.meeting.id,
                    'name': f"Beschluss {i}", 'text': f"Text {i}"}
                for i in range(count)])
        start_at = time.time() + 2
        with self.pool(len(CASE_MAKERS)) as pool:
            results = pool.starmap(adopt, [
                    (self.url, 'petra', resolutions[i::len(CASE_MAKERS)],
                        start_at)
                    for i in range(len(CASE_MAKERS))])
        adopted = [i for ids, _ in results for i in ids]
        refusals = collections.Counter(
            r for _, refusals in results for r in refusals)
        numbers = [n for n, in self.server.query(
                'SELECT number FROM kim_steering_resolution '
                'WHERE id = ANY(%s)', resolutions)]
        prefix = f'LG {self.today.year}/'
        values = sorted(int(n[len(prefix):]) for n in numbers if n)
        print(f"\nresolution numbers: {len(adopted)} adopted, "
            f"{len(set(values))} distinct, {values[:1]}..{values[-1:]}; "
            f"refused on the way: {dict(refusals)}", file=sys.stderr)
        self.assertEqual(sorted(adopted), sorted(resolutions))
        self.assertEqual(values, list(range(1, count + 1)))
        # only the lock of the sequence, no duplicate sequence of the year
        self.assertEqual([r for r in refusals if 'UserError' in r], [])

    def test_kill_server(self):
        "After SIGKILL of trytond every acknowledged write is there, whole"
        token = f'kill{os.getpid()}'
        logins = ['maria', 'lena', 'dirk']
        context = multiprocessing.get_context('fork')
        counter = context.Value('i', 0)
        deadline = time.monotonic() + 60
        with self.pool(len(logins), counter) as pool:
            pending = pool.starmap_async(write_cases, [
                    (self.url, login,
                        dict(self.values[login],
                            field_of_action=self.field_of_action),
                        token, deadline)
                    for login in logins])
            while counter.value < 30 and time.monotonic() < deadline:
                time.sleep(0.05)
            self.assertGreaterEqual(counter.value, 30, "no writes")
            self.server.process.send_signal(signal.SIGKILL)
            self.server.process.wait(30)
            results = pending.get(60)
        self.server._start()

        acknowledged = [a for acks, _ in results for a in acks]
        unanswered = [u for _, u in results for u in u]
        self.assertEqual(len(unanswered), len(logins), unanswered)
        rows = self.server.query(
            'SELECT c.id, c.situation, '
            '(SELECT COUNT(*) FROM kim_case_contact t WHERE t."case" = c.id '
            "AND t.notes LIKE %s), "
            '(SELECT COUNT(*) FROM kim_case_need n WHERE n."case" = c.id '
            "AND n.description LIKE %s) "
            'FROM kim_case c WHERE c.id IN (SELECT "case" '
            "FROM kim_case_contact WHERE notes LIKE %s)",
            f'{token}-%', f'{token}-%', f'{token}-%')
        stored = {id_: (situation, contacts, needs)
            for id_, situation, contacts, needs in rows}
        created = {c for op, c, _ in acknowledged if op == 'create'}
        written = {c: m for op, c, m in acknowledged if op == 'write'}
        found = sum(1 for op, c, m in acknowledged if c in stored
            and (op == 'create' or stored[c][0] == m))
        print(f"\nSIGKILL: {len(acknowledged)} writes acknowledged, {found} "
            f"found after restart, {len(stored)} cases stored "
            f"({len(created)} acknowledged)", file=sys.stderr)
        self.assertEqual(found, len(acknowledged))
        # whole cases only, and at most the one unanswered of each client
        self.assertEqual(
            {c for c, (_, contacts, needs) in stored.items()
                if (contacts, needs) != (CONTACTS, NEEDS)}, set())
        self.assertLessEqual(len(stored) - len(created), len(logins))
        self.assertLessEqual(created, set(stored))
        for case, marker in written.items():
            self.assertEqual(stored[case][0], marker)
        # the sessions survive the restart: each reads her cases
        for login in logins:
            own = {c for op, c, m in acknowledged
                if op == 'create' and m.split('-')[1] == login}
            self.assertLessEqual(own, set(self.session(login).model(
                        'kim.case', 'search', [('id', 'in', list(created))])))

    @unittest.skipUnless(pg_restart_wanted(),
        "restarts PostgreSQL: only with KIM_FAULT_PG_RESTART=1 or CI=true")
    def test_restart_postgresql(self):
        "trytond recovers by itself from a restart of PostgreSQL under load"
        versions = sorted(os.listdir('/etc/postgresql')) if os.path.isdir(
            '/etc/postgresql') else []
        if not versions or not shutil.which('pg_ctlcluster'):
            raise unittest.SkipTest("no local PostgreSQL cluster to restart")
        command = ['pg_ctlcluster', '--skip-systemctl-redirect',
            versions[-1], 'main']
        logins = ['maria', 'dirk']
        deadline = time.monotonic() + 150
        context = multiprocessing.get_context('fork')
        stop = context.Value('i', 0)
        try:
            with self.pool(len(logins), stop) as pool:
                pending = pool.starmap_async(request_loop, [
                        (self.url, login, self.values[login], deadline)
                        for login in logins])
                time.sleep(4)
                restart = time.monotonic()
                subprocess.run(command + ['restart'], check=True,
                    stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                    timeout=120)
                restarted = time.monotonic()
                time.sleep(6)
                stop.value = 1
                results = pending.get(120)
        finally:
            status = subprocess.run(command + ['status'],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if status.returncode:
                subprocess.run(command + ['start'], timeout=120)
        calls = sorted(c for calls in results for c in calls)
        failed = [c for c in calls if c[3]]
        before = [c for c in calls if c[1] < restart]
        after = [c for c in calls if c[1] > restarted]
        # the first call answered after the restart, if it waited through it
        recovered = min((c[1] for c in after if not c[3]), default=None)
        print(f"\nPostgreSQL restart: {restarted - restart:.1f} s, "
            f"{len(calls)} calls, {len(failed)} failed, recovered "
            f"{recovered - restarted:.1f} s after it" if recovered else
            "never recovered", file=sys.stderr)
        for call in failed[:5]:
            print(f"  {call[3]}", file=sys.stderr)
        self.assertTrue(before and all(not c[3] for c in before), before)
        self.assertIsNotNone(recovered, failed)
        # the calls made after the first success all succeed
        self.assertEqual([c for c in calls if c[0] > recovered and c[3]], [])
        self.assertLess(recovered - restarted, 30)
        ids = [c[2] for c in calls if c[2]]
        self.assertEqual(self.server.count(
                'kim_case', 'id = ANY(%s)', ids), len(ids))
