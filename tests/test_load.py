# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The load of bench/load.py in reduced size, on PostgreSQL.

A database of its own from ``bench/generate.py --all-modules`` (2,000
cases in 5 organisations), served by gunicorn with 2 trytond workers, with
trytond-cron and trytond-worker running; 10 simulated users of every role
for 20 seconds.  Every request must succeed, every role's screens must
have been served and the contacts they created must be stored.  About 2
minutes; the full-size figures are in bench/README.md.  SQLite has no
server for several processes: the test runs in the PostgreSQL pass of
``scripts/test.sh``.
"""
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, 'bench')
USERS, WORKERS, DURATION = 10, 2, 20
# every screen of every role
ACTIONS = {
    'case_manager': {'my_cases', 'open_case', 'contact.create'},
    'team_lead': {'statistics'},
    'coordinator': {'barriers', 'resolutions'},
    'finance': {'posts', 'proofs'},
    'abh': {'procedures'},
    }


def _load_module():
    spec = importlib.util.spec_from_file_location(
        'kim_bench_load', os.path.join(BENCH, 'load.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class LoadTestCase(unittest.TestCase):
    "Simulated users of every role on several trytond workers"

    @classmethod
    def setUpClass(cls):
        uri = os.environ.get('TRYTOND_DATABASE__URI') or 'sqlite://'
        if urllib.parse.urlsplit(uri).scheme != 'postgresql':
            raise unittest.SkipTest(
                "the load test needs PostgreSQL (several trytond processes "
                "on one database)")
        import psycopg
        cls.psycopg = psycopg
        cls.load = _load_module()
        cls.uri = uri
        cls.database = f'test_kim_load_{os.getpid()}'
        cls.conninfo = uri.rstrip('/') + '/' + cls.database
        cls.directory = tempfile.mkdtemp(prefix='test_kim_load-')
        cls.addClassCleanup(shutil.rmtree, cls.directory, True)
        cls.addClassCleanup(cls._drop)
        env = {k: v for k, v in os.environ.items()
            if not k.startswith('TRYTOND_')
            and k not in {'DB_NAME', 'DB_CACHE'}}
        with open(os.path.join(cls.directory, 'generate.log'), 'w') as log:
            result = subprocess.run([sys.executable,
                    os.path.join(BENCH, 'generate.py'), '-d', cls.database,
                    '--uri', uri, '--cases', '2000', '--orgs', '5',
                    '--all-modules'],
                env=env, stdout=log, stderr=subprocess.STDOUT, timeout=900)
        if result.returncode:
            with open(os.path.join(cls.directory, 'generate.log')) as log:
                raise RuntimeError(
                    f"bench/generate.py failed:\n{log.read()[-3000:]}")
        cls.cluster = cls.load.Cluster(
            cls.database, uri, WORKERS, cls.directory)
        cls.addClassCleanup(cls.cluster.stop)
        cls.cluster.start()

    @classmethod
    def _drop(cls):
        with cls.psycopg.connect(uri_of(cls.uri, 'postgres'),
                autocommit=True) as conn:
            conn.execute(
                f'DROP DATABASE IF EXISTS "{cls.database}" WITH (FORCE)')

    def test_load(self):
        "10 users of every role on 2 workers: no error, every screen served"
        specs = self.load.pick_users(self.conninfo, USERS)
        self.assertEqual({s['role'] for s in specs}, set(ACTIONS))
        row = self.load.run_level(self.cluster, specs,
            self.load.DEFAULT_PASSWORD, DURATION, 3, 0.5, 0.1)
        print(f"\nload: {row['users']} users, {row['workers']} workers: "
            f"{row['requests']} requests, {row['rps']} rps, p50 "
            f"{row['p50_ms']:.0f} ms, p95 {row['p95_ms']:.0f} ms, "
            f"{row['errors']} errors, load average {row['load_avg_mean']}",
            file=sys.stderr)
        self.assertEqual(row['errors'], 0, row['error_samples'])
        self.assertEqual(row['actions'].get('failed', 0), 0)
        for role, actions in ACTIONS.items():
            self.assertGreater(row['by_role'][role]['requests'], 0, role)
            for action in actions:
                self.assertGreater(
                    row['by_action'].get(action, 0), 0, action)
        # the contacts created are stored, once each
        with self.psycopg.connect(self.conninfo) as conn:
            stored, = conn.execute(
                "SELECT COUNT(*) FROM kim_case_contact "
                "WHERE notes = 'Telefonat (Lasttest)'").fetchone()
        self.assertEqual(stored, row['actions']['contact.create'])
        # cron and the queue worker ran through the load
        self.cluster.check()


def uri_of(uri, database):
    return uri.rstrip('/') + '/' + database
