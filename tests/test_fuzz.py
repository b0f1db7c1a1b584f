# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Hostile and bad input over JSON-RPC, as the logins of a real server.

For every field of every KIM model hypothesis generates values of the
wrong type, out of range, huge, unknown selection values and links to
records that do not exist; they are sent in create and write calls as a
login that may create or write the model, and garbage domains, orders,
ids and field names in search, search_count, search_read and read.  The
server must answer each with a user error (or an access error) or succeed,
never with an unhandled exception, and a row stored must be valid: its
links point at existing records, its selection values are of the
selection, its required columns are set (checked in the database)."""
import collections
import datetime as dt
import glob
import itertools
import os
import re
import sys
import time
import unittest
from decimal import Decimal
from xml.etree import ElementTree

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import trytond

from .access_fixture import Fixture, TrytonServer
from .rpc import ProtocolError, RPCError, ServerError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The logins tried, in order, for the models they may create or write: the
# case managers, finance, coordination, the authorities, the steering
# member and the administrator last.
LOGINS = ['maria', 'dirk', 'tom', 'frank', 'claudia', 'petra', 'alex', 'eva',
    'jens', 'admin']
# The seconds the calls may take (they take about a minute)
BUDGET = 150

# 70000 characters (a strategy of its own: a long repr slows hypothesis)
HUGE = st.just(70000).map(lambda n: 'x' * n)
INJECTIONS = [
    "id; DROP TABLE kim_case; --", "'; DELETE FROM res_user; --",
    'id" FROM kim_case; --', "name) OR (1=1", "1 OR 1=1", "%' OR '1'='1",
    "\x00", "id\x00name", "rec_name; SELECT pg_sleep(5)"]
GARBAGE = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-2 ** 70, max_value=2 ** 70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20), st.sampled_from(INJECTIONS), HUGE,
    st.lists(st.integers(min_value=-3, max_value=2 ** 40), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.just(Decimal('NaN')), st.just(Decimal('-1E+1000')),
    st.just({'__class__': 'date', 'year': 0, 'month': 1, 'day': 1}))
STRINGS = st.one_of(
    st.text(max_size=50), st.text(
        alphabet=st.characters(max_codepoint=0x1f), max_size=20),
    st.sampled_from(INJECTIONS + ['', ' ', '\u202e', '\ud7ff' * 10]), HUGE,
    GARBAGE)
NUMBERS = st.one_of(
    st.integers(min_value=-2 ** 70, max_value=2 ** 70),
    st.sampled_from([-1, 0, 2 ** 31, -2 ** 31 - 1, 2 ** 63, 10 ** 30]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(['NaN', 'inf', '-1e309', '1,5', '12abc', '']),
    st.sampled_from([Decimal('NaN'), Decimal('sNaN'), Decimal('Infinity'),
            Decimal('-1E+30'), Decimal('1E-30'),
            Decimal('123456789.123456789')]),
    GARBAGE)
DATES = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(['0000-01-01', '10000-01-01', '2026-13-45', '02.12.2026',
            'yesterday', '2026-02-30', '', '9999-12-31T25:00:00']),
    st.just({'__class__': 'date', 'year': 10000, 'month': 1, 'day': 1}),
    st.just({'__class__': 'date', 'year': 2026, 'month': 2, 'day': 30}),
    st.just({'__class__': 'date'}),
    st.datetimes(min_value=dt.datetime(1, 1, 1)),
    GARBAGE)
DATETIMES = st.one_of(
    st.datetimes(min_value=dt.datetime(1, 1, 1)),
    st.dates(),
    st.sampled_from(['0000-01-01 00:00:00', '10000-01-01 00:00:00',
            '2026-12-03 25:61:00', 'now', '']),
    st.just({'__class__': 'datetime', 'year': 0, 'month': 1, 'day': 1,
            'hour': 0, 'minute': 0, 'second': 0, 'microsecond': 0}),
    GARBAGE)
IDS = st.one_of(
    st.sampled_from([10 ** 9, 2 ** 31 - 1, -5, 0, 2 ** 63, -2 ** 63]),
    st.integers(min_value=-2 ** 64, max_value=2 ** 64),
    st.sampled_from(['1', 'abc', '1; DROP TABLE kim_case', 1.5, [1], {'id': 1},
            True]),
    GARBAGE)
X2MANY = st.one_of(
    st.lists(st.tuples(
            st.sampled_from(['add', 'remove', 'delete', 'copy', 'set',
                    'unknown', '']),
            st.lists(IDS, max_size=3)).map(list), max_size=2),
    st.lists(st.tuples(st.just('create'), st.lists(
                st.dictionaries(st.sampled_from(
                        ['name', 'garbage', 'id', 'company', 'state']),
                    GARBAGE, max_size=2), max_size=2)).map(list), max_size=1),
    st.lists(st.tuples(st.just('write'), st.lists(IDS, max_size=2),
            st.dictionaries(st.text(max_size=5), GARBAGE, max_size=2)).map(
            list), max_size=1),
    st.sampled_from([[['add']], [['add', 'x']], [[]], [['create']],
            [['create', {'name': 'x'}]], [['delete', [10 ** 9]]]]),
    GARBAGE)


def references(selection):
    models = [m for m, _ in selection if m] if isinstance(
        selection, list) else []
    return st.one_of(
        st.tuples(st.sampled_from(models + ['party.party', 'res.user',
                        'unknown.model', '', 'kim.case']),
            IDS).map(lambda t: f'{t[0]},{t[1]}'),
        st.tuples(st.sampled_from(models + ['unknown.model']), IDS).map(list),
        st.sampled_from(['kim.case', 'kim.case,', ',1', 'kim.case,1,2']),
        GARBAGE)


def selections(selection):
    keys = [k for k, _ in selection] if isinstance(selection, list) else []
    unknown = st.sampled_from(
        ['unknown', 'DRAFT', ' draft', 'draft\x00', 0, -1, True] + INJECTIONS)
    return st.one_of(unknown, st.sampled_from(keys), GARBAGE) if keys else (
        st.one_of(unknown, GARBAGE))


def values_of(definition):
    "The strategy of the values of the field of definition (fields_get)"
    type_ = definition['type']
    if type_ in {'char', 'text'}:
        return STRINGS
    if type_ in {'integer', 'float', 'numeric'}:
        return NUMBERS
    if type_ == 'date':
        return DATES
    if type_ in {'datetime', 'timestamp'}:
        return DATETIMES
    if type_ in {'time', 'timedelta'}:
        return st.one_of(st.sampled_from(['25:00', '-1', 'P1D']),
            st.just({'__class__': 'time', 'hour': 25, 'minute': 0,
                    'second': 0, 'microsecond': 0}),
            st.just({'__class__': 'timedelta', 'seconds': 'x'}), GARBAGE)
    if type_ == 'selection':
        return selections(definition.get('selection'))
    if type_ == 'multiselection':
        return st.one_of(
            st.lists(selections(definition.get('selection')), max_size=3),
            GARBAGE)
    if type_ in {'many2one', 'one2one'}:
        return IDS
    if type_ in {'one2many', 'many2many'}:
        return X2MANY
    if type_ == 'reference':
        return references(definition.get('selection'))
    if type_ == 'boolean':
        return st.one_of(st.sampled_from(['yes', 'false', 2, -1, [True]]),
            GARBAGE)
    if type_ == 'binary':
        return st.one_of(st.binary(max_size=50),
            st.just({'__class__': 'bytes', 'base64': '***'}), GARBAGE)
    if type_ == 'dict':
        return st.one_of(
            st.dictionaries(st.text(max_size=10), GARBAGE, max_size=3),
            GARBAGE)
    return GARBAGE


def paths(fields):
    "Field names, dotted paths and injections for domains, orders and reads"
    relational = [n for n, d in fields.items()
        if d['type'] in {'many2one', 'one2many', 'many2many'}]
    return st.one_of(
        st.sampled_from(sorted(fields)),
        st.sampled_from(
            [f'{n}.{s}' for n in relational for s in ['id', 'rec_name',
                    'unknown', 'id; DROP TABLE kim_case']] or ['id']),
        st.sampled_from(INJECTIONS + ['unknown', '', 'rec_name', '_timestamp',
                'id.id', '.', 'create_uid.password_hash', 'write_uid.login']),
        st.text(max_size=10))


OPERATORS = ['=', '!=', '<', '>=', 'in', 'not in', 'like', 'ilike',
    'not ilike', 'child_of', 'parent_of', 'where', 'not where', 'DROP',
    '= 1; DROP TABLE kim_case; --', '', 'IS NULL', None, 1]


def domains(fields):
    leaf = st.one_of(
        st.tuples(paths(fields), st.sampled_from(OPERATORS), GARBAGE).map(
            list),
        st.tuples(paths(fields), st.sampled_from(OPERATORS)).map(list),
        st.sampled_from([['id', 'in', 'x'], ['id', 'in', [None, 'x']],
                ['id', '=', 10 ** 30], ['id', 'child_of', [1], 'x'],
                ['rec_name', 'ilike', '%' * 1000], ['id'], [None, '=', 1],
                ['id', 'where', [['OR']]], ['id', 'in', [[1]]]]),
        GARBAGE)
    return st.recursive(
        st.lists(leaf, max_size=3),
        lambda children: st.lists(st.one_of(
                st.sampled_from(['OR', 'AND', 'NOT', 'XOR']), children, leaf),
            max_size=4),
        max_leaves=8)


def orders(fields):
    return st.one_of(st.none(),
        st.lists(st.tuples(paths(fields), st.sampled_from(
                    ['ASC', 'DESC', 'ASC NULLS FIRST', 'DESC NULLS LAST',
                        '; DROP TABLE kim_case', '', None, 1])).map(list),
            max_size=3),
        GARBAGE)


OFFSETS = st.one_of(st.just(0), st.integers(min_value=-5, max_value=2 ** 70),
    st.sampled_from(['x', '1; --', 1.5, None, [1]]))
READ_IDS = st.one_of(
    st.lists(IDS, max_size=4), st.sampled_from(['1', 1, None, {'x': 1}]))


def explore(strategy, examples, body):
    "Call body with examples values of strategy, the same ones each run"
    @settings(max_examples=examples, derandomize=True, deadline=None,
        database=None, phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(value):
        body(value)
    run()


def innermost(traceback):
    "The file and line of the innermost frame of a traceback text"
    frames = re.findall(r'File "([^"]+)", line (\d+), in (\S+)', traceback)
    if not frames:
        return '?', False
    path, line, function = frames[-1]
    kim = bool(re.search(r'/modules/kim\w*/', path))
    short = re.sub(r'^.*?/(trytond/|modules/)', r'\1', path)
    return f'{short}:{line} in {function}', kim


class FuzzTestCase(unittest.TestCase):
    "Bad input on every field of every KIM model, over JSON-RPC"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = TrytonServer(prefix='test_kim_fuzz')
        try:
            cls.server.setup()
            cls.fixture = Fixture(cls.server).load()
        except BaseException:
            cls.server.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            cls.server.stop()
        finally:
            super().tearDownClass()

    def setUp(self):
        self.admin = self.fixture.session('admin')
        self.sessions = {login: self.fixture.session(login)
            for login in LOGINS}
        self.counts = collections.Counter()
        self.outcomes = collections.Counter()
        self.messages = collections.Counter()
        self.faults = {}
        self.invalid = []
        self.columns = {}
        self.templates = self.message_templates()
        self.log_offset = os.path.getsize(self.server.log)

    # --- the answers -----------------------------------------------------
    def message_templates(self):
        """The (regular expression, module, XML id) of every ir.message, in
        English and German, the most specific first"""
        ids = {}
        for path in glob.glob(os.path.join(
                    os.path.dirname(trytond.__file__), '**', 'message.xml'),
                recursive=True) + glob.glob(
                os.path.join(ROOT, 'modules', '*', 'message.xml')):
            module = os.path.basename(os.path.dirname(path))
            for record in ElementTree.parse(path).iter('record'):
                text = record.find("field[@name='text']")
                if record.get('model') == 'ir.message' and text is not None:
                    ids[module, text.text.strip()] = record.get('id')
        templates = []
        for t in self.admin.model('ir.translation', 'search_read',
                [('name', '=', 'ir.message,text'),
                    ('lang', 'in', ['en', 'de'])], 0, None, None,
                ['module', 'src', 'value']):
            fs_id = ids.get((t['module'], t['src'].strip()))
            for text in {t['src'], t['value']} - {None, ''}:
                pattern = re.sub(r'%\\\([a-z_]+\\\)[rsd]', '.*',
                    re.escape(text.strip()))
                literal = len(re.sub(r'%\([a-z_]+\)[rsd]', '', text))
                templates.append((literal, re.compile(pattern, re.S),
                        t['module'], fs_id))
        templates.sort(key=lambda t: -t[0])
        return [t[1:] for t in templates]

    def message_of(self, text):
        "The module and XML id of the ir.message of a message text"
        for pattern, module, fs_id in self.templates:
            if pattern.fullmatch(text.strip()):
                return module, fs_id or '?'
        return None, None

    def call(self, kind, login, model, method, *args):
        """Call method of model as login, count its answer by kind and
        return its result (None unless it succeeds)"""
        self.counts[kind] += 1
        where = f'{login}: {model}.{method}{args!r}'[:300]
        try:
            result = self.sessions[login].model(model, method, *args)
        except RPCError as error:
            if error.type in {'UserError', 'UserWarning'}:
                module, fs_id = self.message_of(error.message)
                access = bool(fs_id) and (
                    'access' in fs_id or fs_id.endswith('rule_error')
                    or fs_id in {'msg_read_error', 'msg_write_error'})
                origin = ('kim' if module and module.startswith('kim')
                    else 'trytond' if module else 'unknown')
                self.outcomes[('access error' if access else 'user error',
                        origin)] += 1
                self.messages[(origin, module, fs_id,
                        None if fs_id else error.message[:80])] += 1
            else:
                self.outcomes[(error.type, '')] += 1
            return None
        except ProtocolError as error:
            if 400 <= error.status < 500:
                self.outcomes[(f'HTTP {error.status}', 'trytond')] += 1
            else:
                self.fault(where, error.message, 'HTTP')
            return None
        except ServerError as error:
            text = (error.traceback if isinstance(error.traceback, str)
                else repr(error.traceback))
            self.fault(where, error.message, text)
            return None
        self.outcomes[('success', '')] += 1
        return result

    def fault(self, where, message, traceback):
        if 'Traceback' not in traceback:
            traceback = self.logged_traceback()
        frame, kim = innermost(traceback)
        origin = 'kim' if kim else 'trytond'
        self.outcomes[('fault', origin)] += 1
        key = (origin, message.splitlines()[0][:120] if message else '',
            frame)
        self.faults.setdefault(key, [0, where, traceback[-1500:]])[0] += 1

    def logged_traceback(self):
        "The last traceback the server logged since the last call of it"
        with open(self.server.log, encoding='utf-8', errors='replace') as fp:
            fp.seek(self.log_offset)
            text = fp.read()
            self.log_offset = fp.tell()
        start = text.rfind('Traceback (most recent call last)')
        return text[start:] if start >= 0 else ''

    # --- the stored rows -------------------------------------------------
    def table_columns(self, table):
        if table not in self.columns:
            if self.server.backend == 'sqlite':
                rows = self.server.query(
                    'SELECT name FROM pragma_table_info(%s)', table)
            else:
                rows = self.server.query('SELECT column_name '
                    'FROM information_schema.columns WHERE table_name = %s',
                    table)
            self.columns[table] = {r[0] for r in rows}
        return self.columns[table]

    def check_stored(self, model, fields, ids, where):
        """Add to self.invalid what is wrong with the rows of ids of model
        in the database"""
        table = model.replace('.', '_')
        columns = self.table_columns(table)
        ids = [i for i in ids if isinstance(i, int)]
        if not columns or not ids:
            return
        in_ids = ', '.join(map(str, ids))
        for name, definition in sorted(fields.items()):
            if name not in columns:
                continue
            type_ = definition['type']
            problem = None
            if type_ in {'many2one', 'one2one'}:
                target = definition['relation'].replace('.', '_')
                if not self.table_columns(target):
                    continue
                problem = self.server.query(
                    f'SELECT t.id, t."{name}" FROM "{table}" t '
                    f'LEFT JOIN "{target}" r ON r.id = t."{name}" '
                    f'WHERE t.id IN ({in_ids}) AND t."{name}" IS NOT NULL '
                    'AND r.id IS NULL')
            elif type_ == 'selection' and isinstance(
                    definition.get('selection'), list):
                keys = {k for k, _ in definition['selection']}
                problem = [r for r in self.server.query(
                        f'SELECT id, "{name}" FROM "{table}" '
                        f'WHERE id IN ({in_ids})') if r[1] not in keys]
            elif type_ == 'reference':
                problem = []
                for id_, value in self.server.query(
                        f'SELECT id, "{name}" FROM "{table}" '
                        f'WHERE id IN ({in_ids}) AND "{name}" IS NOT NULL '
                        f"AND \"{name}\" != ''"):
                    target, _, target_id = value.partition(',')
                    if not target_id:
                        continue
                    if not target_id.lstrip('-').isdigit() or (
                            int(target_id) >= 0 and not self.server.count(
                                target.replace('.', '_'), 'id = %s',
                                int(target_id))):
                        problem.append((id_, value))
            if definition.get('required') and not definition.get('readonly'):
                problem = (problem or []) + self.server.query(
                    f'SELECT id, "{name}" FROM "{table}" '
                    f'WHERE id IN ({in_ids}) AND "{name}" IS NULL')
            if problem:
                self.invalid.append(
                    f'{where}: {table}.{name} stored {problem[:3]!r}')

    # --- the calls -------------------------------------------------------
    def models(self):
        "The KIM models stored in tables and their fields"
        models = {}
        for record in self.admin.model('ir.model', 'search_read',
                [('name', 'like', 'kim.%')], 0, None, [('name', 'ASC')],
                ['name']):
            name = record['name']
            try:
                self.admin.model(name, 'search_count', [])
            except (ProtocolError, RPCError):
                continue
            if not self.table_columns(name.replace('.', '_')):
                continue
            fields = self.admin.model(name, 'fields_get', None)
            models[name] = fields
        return models

    def access(self, models):
        "login: {model: access} of the logins"
        return {login: self.sessions[login].model(
                'ir.model.access', 'get_access', models)
            for login in LOGINS}

    def base_values(self, login, model, fields):
        """An existing record of model login may write and values to
        create one like it"""
        ids = self.sessions[login].model(model, 'search', [], 0, 1,
            [('id', 'ASC')])
        if not ids:
            return None, {}
        names = [n for n, d in fields.items() if not d.get('readonly')
            and d['type'] not in {'one2many', 'many2many', 'binary'}
            and n not in {'id', 'create_uid', 'create_date', 'write_uid',
                'write_date'}]
        record, = self.sessions[login].model(model, 'read', ids, names)
        values = {n: record[n] for n in names
            if record.get(n) is not None and n != 'id'}
        return ids[0], values

    def test_fuzz(self):
        "every answer to bad input is a user error or a valid success"
        started = time.monotonic()
        models = self.models()
        access = self.access(list(models))
        for model, fields in models.items():
            if time.monotonic() - started > BUDGET:
                break
            self.fuzz_model(model, fields, access)
        duration = time.monotonic() - started

        # the injections dropped and deleted nothing
        self.assertEqual(self.server.count('kim_case'), len(
                [k for k in self.fixture.ids if re.fullmatch(
                        r'case_\w+', k)]))
        self.report(models, duration)
        self.assertTrue(all(self.counts[k] for k in [
                    'create', 'write', 'search', 'read']), self.counts)
        problems = [f'{origin} fault {message} at {frame} ({n}×), '
            f'e.g. {where}\n{traceback}'
            for (origin, message, frame), (n, where, traceback)
            in sorted(self.faults.items())]
        problems += [f'invalid row: {i}' for i in self.invalid]
        if duration > BUDGET:
            problems.append(f"not done in {BUDGET} s")
        self.assertFalse(problems, '\n\n'.join(problems[:40]))

    def fuzz_model(self, model, fields, access):
        """Create or write each field of model with a generated value, then
        search and read it with generated arguments"""
        def first(mode):
            return next((login for login in LOGINS
                    if access[login][model][mode]), None)

        creator, writer, reader = first('create'), first('write'), first(
            'read')
        base_id, base = (self.base_values(writer, model, fields)
            if writer else (None, {}))
        names = sorted(n for n in fields if n != 'id')
        examples = itertools.count()

        def fields_example(data):
            # the first example draws the simplest values: '', 0, None
            k = next(examples)
            for i, name in enumerate(names):
                value = data.draw(values_of(fields[name]), label=name)
                if not k:
                    continue
                if creator and (i % 2 or not base_id):
                    self.create(creator, model, fields, base, name, value)
                elif writer and base_id:
                    self.write(writer, model, fields, base_id, name, value)

        explore(st.data(), 2, fields_example)
        if not reader:
            return
        domain, order = domains(fields), orders(fields)
        field_names = st.lists(paths(fields), max_size=3)
        examples = itertools.count()

        def search_example(data):
            def call(method, *strategies):
                args = [data.draw(s) for s in strategies]
                if k:
                    self.call(method.split('_')[0], reader, model, method,
                        *args)
            k = next(examples)
            if k <= 1:
                call('search', domain, OFFSETS, OFFSETS, order)
                call('search_count', domain)
            elif k == 2:
                call('search_read', domain, OFFSETS, OFFSETS, order,
                    field_names)
                call('read', READ_IDS, field_names)

        explore(st.data(), 3, search_example)

    def create(self, login, model, fields, base, name, value):
        values = dict(base)
        values[name] = value
        result = self.call('create', login, model, 'create', [values])
        if result:
            self.check_stored(model, fields, result,
                f'{login}: create {model} {name}={value!r:.60}')

    def write(self, login, model, fields, id_, name, value):
        before = self.outcomes[('success', '')]
        self.call('write', login, model, 'write', [id_], {name: value})
        if self.outcomes[('success', '')] > before:
            self.check_stored(model, fields, [id_],
                f'{login}: write {model} {name}={value!r:.60}')

    def report(self, models, duration):
        outcomes = self.outcomes
        user = sum(v for (k, _), v in outcomes.items() if k == 'user error')
        own = sum(v for (k, o), v in outcomes.items()
            if k == 'user error' and o == 'trytond')
        access = sum(
            v for (k, _), v in outcomes.items() if k == 'access error')
        faults = sum(v for (k, _), v in outcomes.items() if k == 'fault')
        other = {f'{k} {o}'.strip(): v for (k, o), v in outcomes.items()
            if k not in {'user error', 'access error', 'fault', 'success'}}
        counts = self.counts
        print(f"\nfuzz ({self.server.backend}, {len(models)} models, "
            f"{sum(len(f) for f in models.values())} fields, "
            f"{duration:.0f} s): {sum(counts.values())} calls (create "
            f"{counts['create']}, write {counts['write']}, search "
            f"{counts['search']}, read {counts['read']}): success "
            f"{outcomes[('success', '')]}, user error {user} (of them "
            f"trytond's own {own}), access error {access}, "
            + ''.join(f'{k} {v}, ' for k, v in sorted(other.items()))
            + f"faults {faults} (trytond {outcomes[('fault', 'trytond')]}, "
            f"kim {outcomes[('fault', 'kim')]})", file=sys.stderr)
        for (origin, module, fs_id, text), n in self.messages.most_common():
            print(f"  {n:5} {origin}: {module}.{fs_id}" if fs_id
                else f"  {n:5} {origin}: {text!r}", file=sys.stderr)
