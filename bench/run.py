#!/usr/bin/env python3
# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Time on the server what a KIM user waits for, in the database made by
bench/generate.py.

Each operation is replayed as the RPC calls the Tryton client makes: one
transaction per call, started as the user with her preferences as context
and `_check_access` set, like trytond.protocols.dispatcher does, so access
rights and record rules apply.  HTTP and JSON are left out.

For every operation it prints the median and p90 of the server time, the
number of SQL statements and the time they took inside Tryton, the time of
the same statements replayed directly on PostgreSQL, and the time of a
hand-written plain SQL query that gives the same answer.
"""
import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections import namedtuple

import psycopg

from client_fields import CLIENT_LIMIT, form_fields, view_fields
from trytond_config import use_database_uri

DEFAULT_URI = 'postgresql://postgres@127.0.0.1:5432/'
LIST_LIMIT = 80  # rows of a list page in the client
COUNT_LIMIT = 1000

Statement = namedtuple('Statement', ['query', 'params', 'seconds'])
STATISTICS_LINE = 'kim.case.statistics.line'


class Recorder:
    "Records the statements trytond executes (the hook is cheap)"
    statements = []

    @classmethod
    def install(cls):
        from trytond.backend.postgresql import database
        execute = database.LoggingCursor.execute

        def recording_execute(self, query, params=None, **kwargs):
            start = time.perf_counter()
            try:
                return execute(self, query, params, **kwargs)
            finally:
                cls.statements.append(Statement(
                        query, params, time.perf_counter() - start))
        database.LoggingCursor.execute = recording_execute

    @classmethod
    def take(cls):
        statements, cls.statements = cls.statements, []
        return statements


def make_parser(description=__doc__.split('\n\n')[0]):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument('--database', '-d', default='kim_bench')
    parser.add_argument(
        '--uri', default=os.environ.get('KIM_BENCH_URI', DEFAULT_URI))
    parser.add_argument('--runs', '-n', type=int, default=15)
    parser.add_argument('--warmup', type=int, default=2)
    parser.add_argument(
        '--target-cases', type=int, default=200,
        help="pick the case manager whose 'My Cases' count is nearest")
    parser.add_argument(
        '--company', type=int,
        help="take the case manager from this organisation (id)")
    parser.add_argument(
        '--year', type=int, default=dt.date.today().year - 1,
        help="year of the statistics (default: last year)")
    parser.add_argument(
        '--only', help="comma separated operation keys or prefixes, "
        "e.g. 'list,stats'")
    parser.add_argument(
        '--explain', action='store_true',
        help="print EXPLAIN ANALYZE of the slowest statement of each "
        "operation")
    parser.add_argument(
        '--dump-sql', metavar='DIR',
        help="write the SQL of each operation to DIR/<key>.sql")
    parser.add_argument(
        '--materialized', action='store_true',
        help="read the statistics from the materialised "
        f"{STATISTICS_LINE} (made by trytond-admin -u kim_case with "
        "[table_query_materialized]); it is refreshed once before measuring")
    return parser


# The figures of the statistics written by hand, with the company rule of
# the user as "companies"; from the tables, never the materialised lines.
_ACTIVE = """c.company = ANY(%(companies)s) AND c.start_date <= %(to_date)s
    AND (c.end_date IS NULL OR c.end_date >= %(from_date)s)"""
_PERIOD = "BETWEEN %(from_date)s AND %(to_date)s"


def _own(column):
    "Only the lines of the organisation's cases, through their index"
    return (f"(%(statewide)s OR {column} IN "
        "(SELECT id FROM kim_case WHERE company = ANY(%(companies)s)))")


STATISTICS_SQL = {
    'kim.case.statistics': f"""
        SELECT c.company, c.target_group, COUNT(*),
            COUNT(*) FILTER (WHERE c.start_date {_PERIOD}),
            COUNT(*) FILTER (WHERE c.state = 'closed'
                AND c.end_date {_PERIOD}),
            COUNT(*) FILTER (WHERE c.state = 'closed'
                AND c.end_date {_PERIOD} AND r.goal_reached),
            COUNT(*) FILTER (WHERE c.state = 'cancelled'
                AND c.end_date {_PERIOD}),
            COUNT(DISTINCT c.client), COALESCE(SUM(t.n), 0),
            ROUND(COALESCE(SUM(t.minutes), 0)::numeric / 60, 2),
            COALESCE(SUM(f.n), 0)
        FROM kim_case c
        LEFT JOIN kim_case_closure_reason r ON r.id = c.closure_reason
        LEFT JOIN (SELECT "case", COUNT(*) AS n, SUM(duration) AS minutes
            FROM kim_case_contact WHERE date {_PERIOD}
            AND {_own('"case"')} GROUP BY "case") t
            ON t.case = c.id
        LEFT JOIN (SELECT "case", COUNT(*) AS n FROM kim_case_referral
            WHERE date {_PERIOD} AND {_own('"case"')}
            GROUP BY "case") f ON f.case = c.id
        WHERE {_ACTIVE}
        GROUP BY c.company, c.target_group""",
    'kim.case.statistics.month': f"""
        SELECT company, month, SUM(new), SUM(closed), SUM(contacts),
            ROUND(SUM(minutes)::numeric / 60, 2)
        FROM (
            SELECT company, date_trunc('month', start_date) AS month,
                1 AS new, 0 AS closed, 0 AS contacts, 0 AS minutes
            FROM kim_case WHERE company = ANY(%(companies)s)
                AND start_date {_PERIOD}
            UNION ALL
            SELECT company, date_trunc('month', end_date), 0, 1, 0, 0
            FROM kim_case WHERE company = ANY(%(companies)s)
                AND state = 'closed' AND end_date {_PERIOD}
            UNION ALL
            SELECT c.company, date_trunc('month', t.date), 0, 0, 1,
                t.duration
            FROM kim_case_contact t JOIN kim_case c ON c.id = t.case
            WHERE c.company = ANY(%(companies)s) AND t.date {_PERIOD}
                AND {_own('t.case')}) AS e
        GROUP BY company, month""",
    'kim.case.statistics.field': f"""
        SELECT company, field_of_action, COUNT(DISTINCT "case"),
            SUM(agreed), SUM(achieved), SUM(referrals)
        FROM (
            SELECT c.company, n.field_of_action, n.case,
                0 AS agreed, 0 AS achieved, 0 AS referrals
            FROM kim_case_need n JOIN kim_case c ON c.id = n.case
            WHERE {_ACTIVE}
            UNION ALL
            SELECT c.company, g.field_of_action, NULL,
                (g.agreed_date {_PERIOD})::int,
                (g.outcome = 'achieved' AND g.outcome_date {_PERIOD})::int, 0
            FROM kim_case_goal g JOIN kim_case c ON c.id = g.case
            WHERE c.company = ANY(%(companies)s)
                AND (g.agreed_date {_PERIOD} OR g.outcome_date {_PERIOD})
            UNION ALL
            SELECT c.company, f.field_of_action, NULL, 0, 0, 1
            FROM kim_case_referral f JOIN kim_case c ON c.id = f.case
            WHERE c.company = ANY(%(companies)s) AND f.date {_PERIOD}
                AND f.field_of_action IS NOT NULL) AS e
        GROUP BY company, field_of_action""",
    'kim.case.statistics.closure': f"""
        SELECT company, closure_reason, COUNT(*) FROM kim_case
        WHERE company = ANY(%(companies)s) AND state = 'closed'
            AND end_date {_PERIOD}
        GROUP BY company, closure_reason""",
    'kim.case.statistics.legal_domain': f"""
        SELECT c.company, f.legal_domain, COUNT(*),
            COUNT(*) FILTER (
                WHERE f.outcome IN ('accepted', 'service_received')),
            COUNT(*) FILTER (WHERE f.outcome IN ('rejected', 'broken_off')),
            COUNT(*) FILTER (WHERE f.outcome = 'pending')
        FROM kim_case_referral f JOIN kim_case c ON c.id = f.case
        WHERE c.company = ANY(%(companies)s) AND f.date {_PERIOD}
            AND {_own('f.case')}
        GROUP BY c.company, f.legal_domain""",
    }


def percentile(values, fraction):
    values = sorted(values)
    index = min(len(values) - 1, max(0, round(fraction * len(values)) - 1))
    return values[index]


class Bench:

    def __init__(self, args):
        self.args = args
        self.db = args.database
        self.raw = psycopg.connect(
            args.uri.rstrip('/') + '/' + args.database, autocommit=True)
        # psycopg prepares a statement on its 5th execution on a
        # connection: the figures would then depend on the number of runs.
        # Neither side prepares (see rpc).
        self.raw.prepare_threshold = None
        self.operations = []

    # --- Tryton side -----------------------------------------------------

    def start_pool(self):
        from trytond.pool import Pool
        from trytond.transaction import Transaction
        self.pool = Pool(self.db)
        with Transaction().start(self.db, 0, readonly=True):
            self.pool.init()
        Recorder.install()

    def rpc(self, user, context, method, *args):
        "Run one call in its own transaction like the dispatcher does"
        from trytond.transaction import Transaction
        context = dict(context, _check_access=True)
        with Transaction().start(
                self.db, user, readonly=True, context=context) as transaction:
            transaction.connection.prepare_threshold = None
            return method(*args)

    def preferences(self, user):
        from trytond.transaction import Transaction
        with Transaction().start(self.db, user, readonly=True):
            User = self.pool.get('res.user')
            return User.get_preferences(context_only=True)

    def view_fields(self, model, view_type, field=None):
        """The fields the client reads for the default view of the model
        or, with field, for the list that view embeds for that field"""
        from trytond.transaction import Transaction
        with Transaction().start(self.db, 0, readonly=True):
            Model = self.pool.get(model)
            fields = Model.fields_view_get(view_type=view_type)['fields']
        if field:
            fields, = (v['fields'] for v in fields[field]['views'].values())
        return view_fields(fields)

    def form_fields(self, model):
        """The fields the client reads to open a record in the default form
        view, with the related_read_limit it sends (client_fields)"""
        from trytond.transaction import Transaction
        with Transaction().start(self.db, 0, readonly=True):
            Model = self.pool.get(model)
            view = Model.fields_view_get(view_type='form')
        return form_fields(view)

    def client_read(self, user, context, model, ids, fields):
        "read() in chunks of client.limit // len(fields) like the client"
        Model = self.pool.get(model)
        size = max(1, CLIENT_LIMIT // len(fields))
        rows = []
        for i in range(0, len(ids), size):
            rows += self.rpc(
                user, context, Model.read, ids[i:i + size], list(fields))
        return rows

    def client_list(self, user, context, model, domain, fields):
        "A list page: search, count if the page is full, read"
        Model = self.pool.get(model)
        ids = self.rpc(
            user, context, Model.search, domain, 0, LIST_LIMIT, None)
        ids = list(map(int, ids))
        if len(ids) == LIST_LIMIT:
            self.rpc(user, context, Model.search_count, domain, 0,
                COUNT_LIMIT)
        return self.client_read(user, context, model, ids, fields)

    # --- plain SQL side --------------------------------------------------

    def sql(self, query, params=None):
        return self.raw.execute(query, params).fetchall()

    def replay(self, statements):
        """Run the statements trytond issued, one read-only transaction,
        without the insert of the audit entries (ir.model.log) of a read,
        which trytond commits in a transaction of its own"""
        with self.raw.transaction():
            self.raw.execute(
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            for statement in statements:
                if statement.query.lstrip().upper().startswith('INSERT'):
                    continue
                self.raw.execute(statement.query, statement.params)

    def mogrify(self, statement):
        return psycopg.ClientCursor(self.raw).mogrify(
            statement.query, statement.params)

    # --- the scenario ----------------------------------------------------

    def pick_people(self):
        args = self.args
        group = dict(self.sql(
                "SELECT fs_id, db_id FROM ir_model_data "
                "WHERE module = 'kim_case' AND model = 'res.group'"))
        (self.manager, self.employee, self.company, self.my_cases), = \
            self.sql("""
                WITH mine AS (
                    SELECT emp, COUNT(*) AS n FROM (
                        SELECT manager AS emp FROM kim_case
                        UNION ALL
                        SELECT deputy FROM kim_case WHERE deputy IS NOT NULL
                        ) c GROUP BY emp)
                SELECT u.id, u.employee, u.company, mine.n
                FROM res_user u
                JOIN "res_user-res_group" g ON g.user = u.id
                JOIN mine ON mine.emp = u.employee
                WHERE g.group = %s AND u.company = COALESCE(%s, u.company)
                ORDER BY abs(mine.n - %s), u.id LIMIT 1""",
                (group['group_kim_case_manager'], args.company,
                    args.target_cases))
        (self.lead,), = self.sql("""
            SELECT u.id FROM res_user u
            JOIN "res_user-res_group" g ON g.user = u.id
            WHERE g.group = %s AND u.company = %s ORDER BY u.id LIMIT 1""",
            (group['group_kim_team_lead'], self.company))
        (self.coordination,), = self.sql(
            "SELECT id FROM res_user WHERE login = 'coordination'")
        # A client she looks for, a case number she types, the case she
        # opens: the active case of hers with the most contacts.
        (self.client_name, self.case_number), = self.sql("""
            SELECT p.name, c.number FROM kim_case c
            JOIN kim_case_client k ON k.id = c.client
            JOIN party_party p ON p.id = k.party
            WHERE c.manager = %s
            ORDER BY c.start_date DESC, c.id DESC OFFSET 4 LIMIT 1""",
            (self.employee,))
        (self.case_id, self.case_contacts), = self.sql("""
            SELECT c.id, COUNT(t.id) FROM kim_case c
            JOIN kim_case_contact t ON t.case = c.id
            WHERE c.manager = %s AND c.state NOT IN ('closed', 'cancelled')
            GROUP BY c.id ORDER BY COUNT(t.id) DESC, c.id LIMIT 1""",
            (self.employee,))
        self.companies = [r[0] for r in self.sql(
                "SELECT id FROM company_company ORDER BY id")]

    def define(self, key, title, target, tryton, plain, prepare=None):
        self.operations.append(
            (key, title, target, tryton, plain, prepare or (lambda: None)))

    def refresh_statistics(self):
        "Refresh the materialised statistics lines like the cron does"
        from trytond.transaction import Transaction
        with Transaction().start(self.db, 0) as transaction:
            Line = self.pool.get(STATISTICS_LINE)
            start = time.perf_counter()
            Line._table_query_refresh(force=True)
            transaction.commit()
        print(f"{STATISTICS_LINE} refreshed in "
            f"{time.perf_counter() - start:.1f} s", flush=True)

    def setup(self):
        args = self.args
        self.start_pool()
        self.pick_people()
        manager_ctx = self.preferences(self.manager)
        lead_ctx = self.preferences(self.lead)
        coord_ctx = self.preferences(self.coordination)
        emp = manager_ctx['employee']
        assert emp == self.employee, (emp, self.employee)

        case_list = self.view_fields('kim.case', 'tree')
        case_form = self.view_fields('kim.case', 'form')
        lines = {name: (model, self.view_fields('kim.case', 'form', name))
            for name, model in [
                ('contacts', 'kim.case.contact'),
                ('consents', 'kim.case.consent'),
                ('goals', 'kim.case.goal'),
                ('needs', 'kim.case.need'),
                ('referrals', 'kim.case.referral')]}
        # The "My Cases" tab of the Cases action, as the client sends it.
        my_tab = ['OR', ('manager', '=', emp), ('deputy', '=', emp)]
        intake_tab = [('state', '=', 'intake')]
        pattern = f'%{self.client_name}%'
        me = self.manager

        def my_cases(search=None):
            return ['AND', search or [], my_tab]

        # --- plain SQL equivalents (rules written out by hand) ---------
        case_rule = """c.company = %(company)s
            AND (c.manager = %(emp)s OR c.deputy = %(emp)s)"""
        # the names of a case's client, manager, deputy, target group and
        # organisation
        case_names = """
            FROM kim_case c
            JOIN kim_case_client k ON k.id = c.client
            JOIN party_party pc ON pc.id = k.party
            LEFT JOIN company_employee m ON m.id = c.manager
            LEFT JOIN party_party pm ON pm.id = m.party
            LEFT JOIN company_employee d ON d.id = c.deputy
            LEFT JOIN party_party pd ON pd.id = d.party
            LEFT JOIN kim_case_target_group tg ON tg.id = c.target_group
            JOIN company_company co ON co.id = c.company
            JOIN party_party pco ON pco.id = co.party"""
        case_page = f"""
            SELECT c.id, c.number, pc.name, pm.name, pd.name, tg.name,
                c.start_date, c.end_date, pco.name, c.state
            {case_names}
            WHERE {case_rule} AND {{extra}}
            ORDER BY c.start_date DESC NULLS FIRST, c.id DESC
            LIMIT {LIST_LIMIT}"""
        sql_params = {'company': self.company, 'emp': emp,
            'pattern': pattern, 'number': self.case_number,
            'case': self.case_id}

        def plain(*queries):
            def run():
                for query in queries:
                    self.sql(query, sql_params)
            return run

        # a. the first page of "My Cases"
        self.define('list', "My Cases, first page (80 rows)", 0.1,
            lambda: self.client_list(
                me, manager_ctx, 'kim.case', my_cases(), case_list),
            plain(case_page.format(extra='true'),
                f"SELECT COUNT(*) FROM kim_case c WHERE {case_rule}"))
        self.define('list.tabs', "My Cases, tab counters", 0.1,
            lambda: [self.rpc(me, manager_ctx,
                    self.pool.get('kim.case').search_count,
                    ['AND', tab, []], 0, COUNT_LIMIT)
                for tab in [my_tab, intake_tab]],
            plain(f"SELECT COUNT(*) FROM kim_case c WHERE {case_rule}",
                """SELECT COUNT(*) FROM kim_case c WHERE
                c.company = %(company)s AND c.state = 'intake'
                AND (c.manager = %(emp)s OR c.deputy = %(emp)s)"""))

        # b. searches
        # Her cases first, then the names: left alone the planner scans all
        # 200,000 names with ILIKE.
        own_first = ("WITH mine AS MATERIALIZED (SELECT * FROM kim_case c "
            f"WHERE {case_rule})")
        self.define('search.name', f"search '{self.client_name}' (rec_name)",
            0.1,
            lambda: self.client_list(me, manager_ctx, 'kim.case',
                my_cases([('rec_name', 'ilike', pattern)]), case_list),
            plain(own_first + case_page.replace(
                    'FROM kim_case c', 'FROM mine c').format(extra="""(
                pc.name ILIKE %(pattern)s OR c.number ILIKE %(pattern)s)""")))
        self.define('search.client', "search by client.name ilike", 0.1,
            lambda: self.client_list(me, manager_ctx, 'kim.case',
                my_cases([('client.name', 'ilike', pattern)]), case_list),
            plain(own_first + case_page.replace(
                    'FROM kim_case c', 'FROM mine c').format(
                    extra="pc.name ILIKE %(pattern)s")))
        self.define('search.number', f"search number = {self.case_number}",
            0.1,
            lambda: self.client_list(me, manager_ctx, 'kim.case',
                my_cases([('number', '=', self.case_number)]), case_list),
            plain(case_page.format(extra="c.number = %(number)s")))

        # c. opening one case as the Tryton 8 clients do: one read of the
        # form fields with the lines of the tab on the first page (the
        # consents) nested in it; the lines of another tab are read when
        # the user turns to it.
        Case = self.pool.get('kim.case')
        form, related_read_limit = self.form_fields('kim.case')
        form_ctx = dict(manager_ctx, related_read_limit=related_read_limit)
        line_ids = self.rpc(
            me, manager_ctx, Case.read, [self.case_id], list(lines))[0]

        def open_tab(name):
            model, fields = lines[name]
            if line_ids[name]:
                self.client_read(
                    me, manager_ctx, model, line_ids[name], fields)

        def open_all_tabs():
            self.client_read(
                me, manager_ctx, 'kim.case', [self.case_id], case_form)
            for name in lines:
                open_tab(name)
        lines_of_case = ("""FROM {table} t
            JOIN kim_case c ON c.id = t.case AND c.id = %(case)s
                AND """ + case_rule)
        line_sql = {
            'contacts': "SELECT t.*, pe.name, f.name " + lines_of_case + """
                LEFT JOIN company_employee e ON e.id = t.employee
                LEFT JOIN party_party pe ON pe.id = e.party
                LEFT JOIN kim_field_of_action f ON f.id = t.field_of_action
                ORDER BY t.date DESC, t.id DESC""",
            'consents': ("SELECT t.* " + lines_of_case
                + " ORDER BY t.date DESC, t.id DESC"),
            'goals': "SELECT t.*, f.name " + lines_of_case + """
                JOIN kim_field_of_action f ON f.id = t.field_of_action
                ORDER BY t.id""",
            'needs': "SELECT t.*, f.name " + lines_of_case + """
                JOIN kim_field_of_action f ON f.id = t.field_of_action
                ORDER BY t.id""",
            'referrals': "SELECT t.*, p.name, l.name " + lines_of_case + """
                JOIN party_party p ON p.id = t.recipient
                JOIN kim_legal_domain l ON l.id = t.legal_domain
                ORDER BY t.date DESC, t.id DESC""",
            }
        line_sql = {name: query.format(table=f'kim_case_{name[:-1]}')
            for name, query in line_sql.items()}
        case_form_sql = f"""
            SELECT c.*, pc.name, pm.name, pd.name, tg.name, ar.name,
                cr.name, pr.name, pco.name
            {case_names}
            LEFT JOIN kim_case_access_route ar ON ar.id = c.access_route
            LEFT JOIN kim_case_closure_reason cr ON cr.id = c.closure_reason
            LEFT JOIN party_party pr ON pr.id = c.referrer
            WHERE {case_rule} AND c.id = %(case)s"""
        # the ids of the lines of every tab, which the form read returns
        tab_tables = {
            name: self.pool.get(Case._fields[name].model_name)._table
            for name in case_form
            if getattr(Case._fields.get(name), '_type', None) == 'one2many'}
        tab_ids_sql = " UNION ALL ".join(
            f"SELECT '{name}', t.id " + lines_of_case.format(table=table)
            for name, table in tab_tables.items()) + (
            """ UNION ALL SELECT 'barriers', t.barrier
            FROM "kim_case_barrier-kim_case" t
            JOIN kim_case c ON c.id = t.case AND c.id = %(case)s
                AND """ + case_rule)
        self.define('open', "open a case: the form with its first tab",
            0.1,
            lambda: self.rpc(me, form_ctx, Case.read, [self.case_id], form),
            plain(case_form_sql, tab_ids_sql, line_sql['consents']))
        self.define('open.contacts',
            f"then its contacts tab ({self.case_contacts} contacts)", 0.1,
            lambda: open_tab('contacts'), plain(line_sql['contacts']))
        self.define('open.tabs',
            "the form, then every tab read one after the other", None,
            open_all_tabs,
            plain(case_form_sql, tab_ids_sql, *line_sql.values()))

        # d. statistics of one year: for the team lead's organisation and
        # statewide for the coordination (all organisations)
        year = {'from_date': dt.date(args.year, 1, 1),
            'to_date': dt.date(args.year, 12, 31)}
        stats = ['kim.case.statistics', 'kim.case.statistics.month',
            'kim.case.statistics.field', 'kim.case.statistics.closure',
            'kim.case.statistics.legal_domain']
        for who, user, ctx, company in [
                ('org', self.lead, lead_ctx, self.company),
                ('land', self.coordination, coord_ctx, None)]:
            ctx = dict(ctx, organisation=company,
                context_model='kim.case.statistics.context', **year)
            stats_params = dict(year, statewide=not company,
                companies=[company] if company else self.companies)
            total = []
            for model in stats:
                fields = self.view_fields(model, 'tree')
                query = STATISTICS_SQL[model]
                run = (lambda user=user, ctx=ctx, model=model,
                    fields=fields: self.client_list(
                        user, ctx, model, [], fields))
                total.append((run, query))
                self.define(f'stats.{who}.{model.rsplit(".", 1)[-1]}',
                    f"{model} {args.year}", None, run,
                    self.plain_stats(query, stats_params))
            scope = '1 organisation' if company else 'statewide'
            self.define(f'stats.{who}',
                f"yearly statistics, {scope} (5 lists)",
                2.0, lambda total=total: [run() for run, _ in total],
                self.plain_stats(*(q for _, q in total), stats_params))

    def plain_stats(self, *queries_params):
        *queries, params = queries_params

        def run():
            for query in queries:
                self.sql(query, params)
        return run

    # --- measuring -------------------------------------------------------

    def selected(self, key):
        if not self.args.only:
            return True
        return any(key == o or key.startswith(o + '.')
            for o in self.args.only.split(','))

    def measure(self):
        args = self.args
        results = []
        for key, title, target, tryton, plain, prepare in self.operations:
            if not self.selected(key):
                continue
            for _ in range(args.warmup):
                prepare()
                tryton()
                plain()
            Recorder.take()
            times, cpu_times, sql_times, counts = [], [], [], []
            for _ in range(args.runs):
                prepare()
                Recorder.take()
                start, cpu = time.perf_counter(), time.process_time()
                tryton()
                times.append(time.perf_counter() - start)
                cpu_times.append(time.process_time() - cpu)
                statements = Recorder.take()
                sql_times.append(sum(s.seconds for s in statements))
                counts.append(len(statements))
            replay, hand = [], []
            for _ in range(args.runs):
                start = time.perf_counter()
                self.replay(statements)
                replay.append(time.perf_counter() - start)
                start = time.perf_counter()
                plain()
                hand.append(time.perf_counter() - start)
            results.append(dict(
                    key=key, title=title, target=target,
                    median=statistics.median(times),
                    p90=percentile(times, 0.9),
                    min=min(times),
                    cpu=statistics.median(cpu_times),
                    statements=statistics.median(counts),
                    sql=statistics.median(sql_times),
                    replay=statistics.median(replay),
                    hand=statistics.median(hand)))
            self.report_line(results[-1])
            self.inspect(key, statements)
        return results

    def inspect(self, key, statements):
        if self.args.dump_sql:
            os.makedirs(self.args.dump_sql, exist_ok=True)
            with open(os.path.join(self.args.dump_sql, f'{key}.sql'),
                    'w') as f:
                for s in statements:
                    f.write(f'-- {s.seconds * 1000:.2f} ms\n'
                        f'{self.mogrify(s)};\n\n')
        if self.args.explain:
            slowest = max(statements, key=lambda s: s.seconds)
            plan = self.sql(
                'EXPLAIN (ANALYZE, BUFFERS) ' + slowest.query,
                slowest.params)
            print(f'\n-- slowest statement of {key} '
                f'({slowest.seconds * 1000:.1f} ms):')
            print(self.mogrify(slowest))
            print('\n'.join(r[0] for r in plan), end='\n\n', flush=True)

    def report_header(self):
        args = self.args
        counts = dict(self.sql("""
            SELECT 'cases', COUNT(*) FROM kim_case UNION ALL
            SELECT 'contacts', COUNT(*) FROM kim_case_contact"""))
        print(f"database {self.db}: {counts['cases']:,} cases, "
            f"{counts['contacts']:,} contacts; case manager user "
            f"{self.manager} (employee {self.employee}, organisation "
            f"{self.company}) with {self.my_cases} cases in 'My Cases'; "
            f"{args.runs} runs, times in ms; statistics "
            f"{'materialised' if args.materialized else 'live'}; psycopg "
            f"{psycopg.__version__} ({psycopg.pq.__impl__} implementation)")
        print()
        print("| operation | median | p90 | min | Python CPU | SQL stmts "
            "| SQL in Tryton | replayed SQL | plain SQL | Tryton / plain "
            "| target |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")

    @staticmethod
    def report_line(r):
        ms = lambda s: f'{s * 1000:.1f}'  # noqa: E731
        if r['target']:
            verdict = ('ok' if r['median'] <= r['target'] else 'MISSED')
            target = f"< {ms(r['target'])[:-2]} {verdict}"
        else:
            target = ''
        print(f"| {r['key']}: {r['title']} | {ms(r['median'])} "
            f"| {ms(r['p90'])} | {ms(r['min'])} | {ms(r['cpu'])} "
            f"| {r['statements']:.0f} "
            f"| {ms(r['sql'])} "
            f"| {ms(r['replay'])} | {ms(r['hand'])} "
            f"| {r['median'] / r['hand']:.1f}× | {target} |", flush=True)


def main():
    args = make_parser().parse_args()
    workdir = use_database_uri(args.uri)

    if args.materialized:
        from trytond import config
        config.add_section('table_query_materialized')
        config.set('table_query_materialized', STATISTICS_LINE, '3600')

    bench = Bench(args)
    bench.setup()
    if args.materialized:
        bench.refresh_statistics()
    bench.report_header()
    load = os.getloadavg()[0]
    bench.measure()
    # Other processes on the machine inflate the wall times, not the CPU.
    print(f"\nload average (1 min) at start {load:.2f}, "
        f"at end {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")
    workdir.cleanup()


if __name__ == '__main__':
    sys.exit(main())
