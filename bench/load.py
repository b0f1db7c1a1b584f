#!/usr/bin/env python3
# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Load on several trytond workers: gunicorn with K worker processes serving
trytond.application:app, trytond-cron and trytond-worker (queue) against
one PostgreSQL database made by `generate.py --all-modules`, and simulated
users of every role calling JSON-RPC as the Tryton client does.

Each simulated user logs in as a real user of her role and repeats that
role's daily screens with a think time between them: case managers the My
Cases list, opening one of their cases and now and then a new contact; team
leads a statistics list of their organisation; coordinators the structural
barriers and the open resolutions; finance the funded posts and the proofs
of use; the foreigners' authority its open procedures and one of them.

It prints one line per run: users, workers, requests, requests per second,
p50/p95/p99 latency of the requests, errors and the load average of the
machine, and writes every figure to bench/out/load-*.json.
"""
import argparse
import collections
import datetime as dt
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error

import psycopg

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
# also when loaded from its file (tests/test_load.py)
sys.path.insert(0, os.path.join(ROOT, 'bench'))
from tests.rpc import Server  # noqa: E402

from client_fields import (  # noqa: E402
    CLIENT_LIMIT, form_fields, view_fields)

DEFAULT_URI = 'postgresql://postgres@127.0.0.1:5432/'
DEFAULT_PASSWORD = 'kim-bench-2026'
LIST_LIMIT = 80
# share of the simulated users per role
MIX = [('case_manager', 0.6), ('team_lead', 0.1), ('coordinator', 0.1),
    ('finance', 0.1), ('abh', 0.1)]
STATISTICS = ['kim.case.statistics', 'kim.case.statistics.month',
    'kim.case.statistics.field', 'kim.case.statistics.closure',
    'kim.case.statistics.legal_domain']
OPEN_RESOLUTIONS = [('state', 'in', ['adopted', 'in_progress'])]
OPEN_PROCEDURES = [('authority', '=', 'abh'),
    ('state', 'in', ['precheck', 'applied', 'in_progress'])]


def config_text(uri, maxconn):
    """The trytond configuration shared by every process: the database,
    a small connection pool per process (a sync gunicorn worker serves one
    request at a time), the cache invalidation through PostgreSQL's
    LISTEN/NOTIFY instead of the 5-minute polling of the default, and the
    queue handed to trytond-worker"""
    return (
        '[database]\n'
        f'uri = {uri}\n'
        f'maxconn = {maxconn}\n'
        '[cache]\n'
        '# 0: every process clears its caches on the NOTIFY of another\n'
        'clean_timeout = 0\n'
        '[session]\n'
        'timeout = 3600\n'
        '[queue]\n'
        'worker = True\n')


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def command(name):
    path = os.path.join(os.path.dirname(sys.executable), name)
    return path if os.path.exists(path) else shutil.which(name)


def percentile(values, fraction):
    if not values:
        return None
    values = sorted(values)
    index = min(len(values) - 1, max(0, round(fraction * len(values)) - 1))
    return values[index]


class Cluster:
    """gunicorn with K trytond workers, trytond-cron and trytond-worker on
    one database"""

    def __init__(self, database, uri, workers, directory, maxconn=4,
            cron=True, queue_worker=True, timeout=120):
        self.database = database
        self.workers = workers
        self.directory = directory
        self.port = free_port()
        self.url = f'http://127.0.0.1:{self.port}/{database}/rpc/'
        self.config = os.path.join(directory, 'trytond.conf')
        with open(self.config, 'w') as fp:
            fp.write(config_text(uri, maxconn))
        self.env = {k: v for k, v in os.environ.items()
            if not k.startswith('TRYTOND_') and k not in {'DB_NAME'}}
        self.env.update(TRYTOND_CONFIG=self.config,
            TRYTOND_DATABASE_NAMES=database)
        self.cron, self.queue_worker = cron, queue_worker
        self.timeout = timeout
        self.processes = {}

    def _spawn(self, name, args):
        log = open(os.path.join(self.directory, f'{name}.log'), 'a')
        self.processes[name] = subprocess.Popen(args, env=self.env,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()

    def start(self):
        self._spawn('gunicorn', [command('gunicorn'),
                '--workers', str(self.workers),
                '--bind', f'127.0.0.1:{self.port}',
                '--timeout', str(self.timeout), '--backlog', '2048',
                'trytond.application:app'])
        if self.cron:
            self._spawn('cron', [command('trytond-cron'),
                    '-c', self.config, '-d', self.database])
        if self.queue_worker:
            self._spawn('worker', [command('trytond-worker'),
                    '-c', self.config, '-d', self.database, '-n', '1'])
        version = Server(f'http://127.0.0.1:{self.port}/rpc/', timeout=10)
        deadline = time.monotonic() + 180
        while True:
            self.check()
            try:
                version.request('common.server.version', [])
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"gunicorn does not answer:\n{self.tail('gunicorn')}")
                time.sleep(0.3)

    def tail(self, name, lines=30):
        try:
            with open(os.path.join(self.directory, f'{name}.log')) as fp:
                return ''.join(fp.readlines()[-lines:])
        except OSError:
            return ''

    def check(self):
        "Raise if one of the processes stopped"
        for name, process in self.processes.items():
            if process.poll() is not None:
                raise RuntimeError(
                    f"{name} stopped (status {process.returncode}):\n"
                    f"{self.tail(name)}")

    def stop(self):
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(30)


def pick_users(conninfo, count):
    """count logins of the roles in the proportions of MIX, interleaved so
    that the first n of them keep the mix, with what each one works on"""
    with psycopg.connect(conninfo) as conn:
        def rows(sql, *params):
            return conn.execute(sql, params).fetchall()
        group = dict(rows("SELECT fs_id, db_id FROM ir_model_data "
                "WHERE model = 'res.group'"))
        # case managers with an active case, spread over the organisations
        managers = rows("""
            SELECT u.login, u.company, u.employee, (
                    SELECT c.id FROM kim_case c WHERE c.manager = u.employee
                        AND c.state NOT IN ('closed', 'cancelled')
                    ORDER BY c.id DESC LIMIT 1)
            FROM res_user u
            JOIN "res_user-res_group" g ON g.user = u.id AND g.group = %s
            ORDER BY row_number() OVER (PARTITION BY u.company
                ORDER BY u.id), u.company""",
            group['group_kim_case_manager'])
        managers = [m for m in managers if m[3]]

        def role(fs_id):
            return rows("""
                SELECT u.login, u.company, u.employee, NULL FROM res_user u
                JOIN "res_user-res_group" g ON g.user = u.id AND g.group = %s
                WHERE u.login LIKE 'kim%%'
                ORDER BY row_number() OVER (PARTITION BY u.company
                    ORDER BY u.id), u.company""", group[fs_id])
        pools = {'case_manager': managers,
            'team_lead': role('group_kim_team_lead'),
            'coordinator': role('group_kim_coordination'),
            'finance': role('group_kim_funding_municipality'),
            'abh': role('group_kim_authority_abh')}
    missing = [r for r, p in pools.items() if not p]
    if missing:
        raise RuntimeError(f"no users of the roles {missing}: generate the "
            "database with bench/generate.py --all-modules")
    users, taken = [], collections.Counter()
    for i in range(count):
        # the role furthest below its share
        role_ = min(MIX, key=lambda m: (taken[m[0]] / m[1]))[0]
        pool = pools[role_]
        login, company, employee, case = pool[taken[role_] % len(pool)]
        taken[role_] += 1
        users.append({'role': role_, 'login': login, 'company': company,
                'employee': employee, 'case': case})
    return users


class Views:
    "The fields the client reads for a view, fetched once like its cache"

    def __init__(self):
        self.lock = threading.Lock()
        self.cache = {}

    def fields(self, session, model, view_type):
        key = (model, view_type)
        with self.lock:
            if key not in self.cache:
                self.cache[key] = self._fields(session, model, view_type)
            return self.cache[key]

    def _fields(self, session, model, view_type):
        view = session.model(model, 'fields_view_get', None, view_type)
        if view_type != 'form':
            return view_fields(view['fields']), None
        return form_fields(view)


class User(threading.Thread):
    "One simulated user: logs in, then repeats the screens of her role"

    def __init__(self, url, spec, password, views, think, write_share,
            seed):
        super().__init__(daemon=True)
        self.url, self.spec, self.password = url, spec, password
        self.views, self.think = views, think
        self.write_share = write_share
        self.random = random.Random(seed)
        self.server = Server(url, timeout=120)
        self.session = None
        # (start, seconds, role, action, error or None) of every request
        self.requests = []
        self.actions = collections.Counter()
        self.start_at = self.stop_at = None

    def login(self):
        self.session = self.server.login(
            self.spec['login'], self.password, 'de')
        self.context = dict(self.session.context)

    def call(self, action, model, method, *args, context=None):
        start = time.monotonic()
        error = None
        try:
            return self.session.model(model, method, *args, context=context)
        except Exception as exception:
            error = f'{type(exception).__name__}: {exception}'[:300]
            raise
        finally:
            self.requests.append((start, time.monotonic() - start,
                    self.spec['role'], action, error))

    def list(self, action, model, domain, context=None):
        "A list page: search, count if the page is full, read in chunks"
        fields, _ = self.views.fields(self.session, model, 'tree')
        ids = self.call(action, model, 'search', domain, 0, LIST_LIMIT,
            None, context=context)
        if len(ids) == LIST_LIMIT:
            self.call(action, model, 'search_count', domain, 0,
                CLIENT_LIMIT, context=context)
        size = max(1, CLIENT_LIMIT // len(fields))
        for i in range(0, len(ids), size):
            self.call(action, model, 'read', ids[i:i + size], fields,
                context=context)
        return ids

    def open(self, action, model, id_):
        fields, limit = self.views.fields(self.session, model, 'form')
        context = {'related_read_limit': limit} if limit else None
        return self.call(action, model, 'read', [id_], fields,
            context=context)

    # --- the screens of each role ----------------------------------------

    def case_manager(self):
        emp = self.spec['employee']
        if self.random.random() < self.write_share:
            self.call('contact.create', 'kim.case.contact', 'create', [{
                        'case': self.spec['case'], 'date': dt.date.today(),
                        'duration': 30, 'kind': 'phone', 'employee': emp,
                        'notes': "Telefonat (Lasttest)"}])
            return 'contact.create'
        if self.random.random() < 0.5:
            self.list('my_cases', 'kim.case',
                ['OR', ('manager', '=', emp), ('deputy', '=', emp)])
            return 'my_cases'
        self.open('open_case', 'kim.case', self.spec['case'])
        return 'open_case'

    def team_lead(self):
        year = dt.date.today().year - 1
        model = self.random.choice(STATISTICS)
        self.list('statistics', model, [], context={
                'organisation': self.spec['company'],
                'context_model': 'kim.case.statistics.context',
                'from_date': dt.date(year, 1, 1),
                'to_date': dt.date(year, 12, 31)})
        return 'statistics'

    def coordinator(self):
        if self.random.random() < 0.5:
            self.list('barriers', 'kim.case.barrier', [])
            return 'barriers'
        self.list('resolutions', 'kim.steering.resolution', OPEN_RESOLUTIONS)
        return 'resolutions'

    def finance(self):
        if self.random.random() < 0.5:
            self.list('posts', 'kim.funding.post', [])
            return 'posts'
        self.list('proofs', 'kim.funding.proof', [])
        return 'proofs'

    def abh(self):
        ids = self.list('procedures', 'kim.authority.procedure',
            OPEN_PROCEDURES)
        if ids:
            self.open('procedures', 'kim.authority.procedure',
                self.random.choice(ids))
        return 'procedures'

    def run(self):
        screen = getattr(self, self.spec['role'])
        while time.monotonic() < self.stop_at:
            try:
                self.actions[screen()] += 1
            except Exception:
                self.actions['failed'] += 1
            time.sleep(self.think * self.random.uniform(0.5, 1.5))


def cpu_seconds(pids):
    "User and system CPU seconds of the processes (Linux /proc)"
    total = 0
    tick = os.sysconf('SC_CLK_TCK')
    for pid in pids:
        try:
            with open(f'/proc/{pid}/stat') as fp:
                fields = fp.read().rsplit(')', 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def server_pids(cluster, conninfo):
    "The gunicorn workers and the PostgreSQL backends of the database"
    master = cluster.processes['gunicorn'].pid
    try:
        with open(f'/proc/{master}/task/{master}/children') as fp:
            workers = [int(p) for p in fp.read().split()]
    except OSError:
        workers = []
    with psycopg.connect(conninfo) as conn:
        backends = [p for p, in conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = "
                "current_database() AND pid <> pg_backend_pid()")]
    return workers, backends


def load_average_sampler(stop, samples):
    while not stop.wait(2):
        samples.append(os.getloadavg()[0])


def run_level(cluster, specs, password, duration, warmup, think,
        write_share, seed=0, conninfo=None):
    """Run len(specs) simulated users against the cluster for duration
    seconds after warmup seconds and return the figures"""
    views = Views()
    # the load of the machine before: the other processes on it
    load_before = os.getloadavg()
    users = [User(cluster.url, spec, password, views, think, write_share,
            seed * 1000 + i) for i, spec in enumerate(specs)]
    started = time.monotonic()
    for user in users:
        user.login()
    login_seconds = time.monotonic() - started
    window_start = time.monotonic() + warmup
    window_end = window_start + duration
    for user in users:
        user.stop_at = window_end
    stop, samples = threading.Event(), []
    sampler = threading.Thread(target=load_average_sampler,
        args=(stop, samples), daemon=True)
    cpu = time.process_time()
    sampler.start()
    for user in users:
        user.start()
    server_cpu = None
    if conninfo:
        time.sleep(max(0, window_start - time.monotonic()))
        pids = server_pids(cluster, conninfo)
        before = [cpu_seconds(p) for p in pids]
        time.sleep(max(0, window_end - time.monotonic()))
        server_cpu = [cpu_seconds(p) - b for p, b in zip(pids, before)]
    for user in users:
        user.join(duration + warmup + 180)
    stop.set()
    cpu = time.process_time() - cpu
    cluster.check()
    requests = [r for u in users for r in u.requests
        if window_start <= r[0] < window_end]
    # the requests still running at the end of the window
    elapsed = max([window_end] + [r[0] + r[1] for r in requests]) \
        - window_start
    errors = [r for r in requests if r[4]]
    times = [r[1] * 1000 for r in requests]
    by_role = {}
    for role, _ in MIX:
        role_times = [r[1] * 1000 for r in requests if r[2] == role]
        by_role[role] = {
            'requests': len(role_times),
            'p50_ms': percentile(role_times, 0.5),
            'p95_ms': percentile(role_times, 0.95),
            'errors': sum(1 for r in errors if r[2] == role),
            }
    actions = collections.Counter()
    for user in users:
        actions.update(user.actions)
    return {
        'users': len(users), 'workers': cluster.workers,
        'requests': len(requests), 'seconds': round(elapsed, 1),
        'rps': round(len(requests) / elapsed, 1),
        'p50_ms': percentile(times, 0.5), 'p95_ms': percentile(times, 0.95),
        'p99_ms': percentile(times, 0.99),
        'errors': len(errors),
        'error_samples': sorted({r[4] for r in errors})[:5],
        'load_avg_mean': round(sum(samples) / len(samples), 2)
        if samples else None,
        'load_avg_max': max(samples) if samples else None,
        'load_avg_before': load_before,
        'client_cpu_s': round(cpu, 1),
        # CPU of the gunicorn workers and of PostgreSQL in the window
        'trytond_cpu_ms_per_request': round(
            server_cpu[0] * 1000 / len(requests), 1)
        if server_cpu and requests else None,
        'postgresql_cpu_ms_per_request': round(
            server_cpu[1] * 1000 / len(requests), 1)
        if server_cpu and requests else None,
        'login_s': round(login_seconds, 1),
        'actions': dict(actions), 'by_role': by_role,
        'by_action': {a: sum(1 for r in requests if r[3] == a and not r[4])
            for a in {r[3] for r in requests}},
        }


def fmt(value):
    return '-' if value is None else f'{value:.0f}'


def print_row(row, header=False):
    if header:
        print(f"{'users':>5} {'workers':>7} {'requests':>8} {'rps':>6} "
            f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6} "
            f"{'load avg':>12}", flush=True)
    print(f"{row['users']:>5} {row['workers']:>7} {row['requests']:>8} "
        f"{row['rps']:>6.1f} {fmt(row['p50_ms']):>7} "
        f"{fmt(row['p95_ms']):>7} {fmt(row['p99_ms']):>7} "
        f"{row['errors']:>6} "
        f"{row['load_avg_mean']:>5} (≤{row['load_avg_max']:.1f})",
        flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--database', '-d', default='kim_bench_load')
    parser.add_argument(
        '--uri', default=os.environ.get('KIM_BENCH_URI', DEFAULT_URI))
    parser.add_argument('--workers', default='1,2,4',
        help="numbers of gunicorn workers, comma separated")
    parser.add_argument('--users', default='10,50,200',
        help="numbers of simultaneous users, comma separated")
    parser.add_argument('--duration', type=float, default=40,
        help="measured seconds of each run (default: %(default)s)")
    parser.add_argument('--warmup', type=float, default=5,
        help="seconds before the measurement (default: %(default)s)")
    parser.add_argument('--think', type=float, default=2.0,
        help="mean think time in seconds between two screens of a user, "
        "drawn between half and 1.5 times (default: %(default)s)")
    parser.add_argument('--write-share', type=float, default=0.05,
        help="share of the case managers' screens that create a contact")
    parser.add_argument('--maxconn', type=int, default=4,
        help="[database] maxconn of each process (default: %(default)s)")
    parser.add_argument('--password', default=DEFAULT_PASSWORD)
    parser.add_argument('--out', default=os.path.join(ROOT, 'bench', 'out'))
    args = parser.parse_args()
    workers = [int(w) for w in args.workers.split(',')]
    levels = [int(u) for u in args.users.split(',')]
    conninfo = args.uri.rstrip('/') + '/' + args.database
    specs = pick_users(conninfo, max(levels))
    rows = []
    print(f"database {args.database}, {os.cpu_count()} CPUs, think time "
        f"{args.think} s, {args.duration:.0f} s per run", flush=True)
    print_row_header = True
    for k in workers:
        directory = tempfile.mkdtemp(prefix='kim_load_')
        cluster = Cluster(args.database, args.uri, k, directory,
            maxconn=args.maxconn)
        try:
            cluster.start()
            for n in levels:
                row = run_level(cluster, specs[:n], args.password,
                    args.duration, args.warmup, args.think,
                    args.write_share, seed=k * 7 + n, conninfo=conninfo)
                with psycopg.connect(conninfo) as conn:
                    row['pg_connections'] = conn.execute(
                        "SELECT COUNT(*) FROM pg_stat_activity "
                        "WHERE datname = %s", (args.database,)).fetchone()[0]
                rows.append(row)
                print_row(row, header=print_row_header)
                print_row_header = False
                print('      p95 ms by role: ' + ', '.join(
                        f"{role} {fmt(figures['p95_ms'])}"
                        for role, figures in row['by_role'].items())
                    + f"; load average before {row['load_avg_before'][0]}"
                    + "; CPU ms per request: trytond "
                    f"{row['trytond_cpu_ms_per_request']}, PostgreSQL "
                    f"{row['postgresql_cpu_ms_per_request']}",
                    flush=True)
                for sample in row['error_samples']:
                    print(f"      {sample}", flush=True)
        finally:
            cluster.stop()
            shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, 'load-{}.json'.format(
            dt.datetime.now().strftime('%Y%m%d-%H%M%S')))
    with open(path, 'w') as fp:
        json.dump({'database': args.database, 'think_s': args.think,
                'duration_s': args.duration, 'cpus': os.cpu_count(),
                'rows': rows}, fp, indent=1, default=str)
    print(f"written to {path}")


if __name__ == '__main__':
    main()
