# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""A trytond server of its own for the access tests and their data.

``TrytonServer`` creates a database on the backend of the test run (SQLite
in a temporary directory or PostgreSQL), activates kim_case, kim_funding,
kim_steering and kim_authority with trytond-admin and serves it with a
trytond process on a free port of localhost.  ``load`` fills it through the
RPC interface, each record created by the user responsible for it, so that
the rules apply as in real life."""
import datetime as dt
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
from decimal import Decimal

from proteus import Model
from proteus.config import XmlrpcConfig

from trytond.modules.kim_funding.tests.tools import (
    create_employee, create_grant, create_organisation, create_rates)

from .rpc import Server

PASSWORD = 'kim-access-2026'
LOGINS = ['maria', 'lena', 'tom', 'dirk', 'petra', 'frank', 'claudia', 'jens',
    'alex', 'eva', 'admin']

# login: (name, organisation, groups as (module, XML id))
STAFF = {
    'maria': ("Maria Schneider", 'caritas',
        [('kim_case', 'group_kim_case_manager')]),
    'lena': ("Lena Wagner", 'caritas',
        [('kim_case', 'group_kim_case_manager')]),
    'tom': ("Tom Becker", 'caritas', [('kim_case', 'group_kim_team_lead')]),
    'dirk': ("Dirk Hoffmann", 'drk', [('kim_case', 'group_kim_case_manager')]),
    'petra': ("Petra Lange", 'kommune', [
            ('kim', 'group_kim_coordination'),
            ('kim_funding', 'group_kim_funding_read')]),
    'frank': ("Frank Weber", 'kommune',
        [('kim_funding', 'group_kim_funding_municipality')]),
    'claudia': ("Claudia Berger", 'caritas',
        [('kim_funding', 'group_kim_funding_provider')]),
    # a member of the steering group (Jobcenter) with a login
    'jens': ("Jens Krüger", 'kommune',
        [('kim_steering', 'group_kim_steering_member')]),
    # the foreigners' and the naturalisation authority of the Kommune
    'alex': ("Alex Albrecht", 'kommune',
        [('kim_authority', 'group_kim_authority_abh')]),
    'eva': ("Eva Eckert", 'kommune',
        [('kim_authority', 'group_kim_authority_ebh')]),
    # the data protection officer, who reads the audit (not in LOGINS: the
    # audit test of test_access checks what she finds)
    'dora': ("Dora Schulz", 'kommune',
        [('kim', 'group_kim_data_protection')]),
    }
ORGANISATIONS = {
    'kommune': "Stadt Testhausen – KI",
    'caritas': "Caritas Testhausen",
    'drk': "DRK Testhausen",
    }

# The case numbers: none is part of another
NUMBERS = {
    'case_a': 'CAR-2026-101',
    'case_a2': 'CAR-2026-102',
    'case_a3': 'CAR-2026-103',
    'case_l': 'CAR-2026-201',
    'case_d': 'DRK-2026-301',
    }
# Texts found only in one record (and in the records that show it, which
# nobody may read without reading it): seen by a login that may not read
# the record, they are a leak.
MARKERS = {
    'case_a': [NUMBERS['case_a'], "Lage von Frau Yusuf"],
    'case_a2': [NUMBERS['case_a2']],
    'case_a3': [NUMBERS['case_a3']],
    'case_l': [NUMBERS['case_l']],
    'case_d': [NUMBERS['case_d'], "Lage von Herrn Orlov"],
    'client_amina': ["Amina Yusuf"],
    'party_amina': ["Amina Yusuf"],
    'address_amina': ["Geheimweg 1"],
    'phone_amina': ["+49 170 5550101"],
    'member_amina': ["Samir Yusuf"],
    'client_leyla': ["Leyla Kaya"],
    'party_leyla': ["Leyla Kaya"],
    'address_leyla': ["Kayagasse 3"],
    'client_dmitri': ["Dmitri Orlov"],
    'party_dmitri': ["Dmitri Orlov"],
    'address_dmitri': ["Orlowweg 7"],
    'member_dmitri': ["Olga Orlova"],
    'need_a': ["Bedarf Arbeitssuche Yusuf"],
    'goal_a': ["Ziel Sprachkurs Yusuf"],
    'consent_a': ["Einwilligung Jobcenter Yusuf"],
    'referral_a': ["Vermittlung Jobcenter Yusuf"],
    'contact_a': ["Vertrauliche Notiz A"],
    'contact_a2': ["Abschlussgespräch vertraulich"],
    'contact_a3': ["Gesprächsnotiz Lena vertraulich"],
    'contact_l': ["Beratungsnotiz Leyla vertraulich"],
    'need_d': ["Bedarf Wohnung Orlov"],
    'goal_d': ["Ziel Wohnung Orlov"],
    'consent_d': ["Einwilligung Jobcenter Orlov"],
    'referral_d': ["Vermittlung Jobcenter Orlov"],
    'contact_d': ["Beratungsnotiz Dmitri vertraulich"],
    'appointment_a': ["Termin Ausländerbehörde Yusuf"],
    'reminder_a': ["Wiedervorlage Aufenthalt Yusuf"],
    'appointment_d': ["Termin Wohnungsamt Orlov"],
    'reminder_d': ["Wiedervorlage Mietvertrag Orlov"],
    'note_a': ["Aktennotiz Yusuf vertraulich"],
    'attachment_a': ["Protokoll-Yusuf.txt"],
    'note_d': ["Aktennotiz Orlov vertraulich"],
    'attachment_d': ["Protokoll-Orlov.txt"],
    'barrier': ["Fehlende Abendsprachkurse"],
    'grant': ["AZ 51.02-TH-2026"],
    'contract_caritas': ["WV-CAR-2026"],
    'contract_drk': ["WV-DRK-2026"],
    'post_caritas': ["Fallmanagement Caritas"],
    'post_drk': ["Fallmanagement DRK"],
    'proof_caritas': ["Sachbericht Caritas Testhausen"],
    'proof_municipality': ["Sachbericht Kommune Testhausen"],
    'steering_group': ["Lenkungsgruppe Testhausen"],
    'steering_group_b': ["Lenkungsgruppe Nordstadt"],
    'steering_member': ["Beigeordnete für Integration"],
    'meeting_a': ["Frühjahrssitzung Testhausen", "Protokoll LG vertraulich"],
    'meeting_b': ["Sitzung Nordstadt"],
    'item_a': ["TOP Wohnraum Testhausen"],
    'resolution_a': ["Beschlusstext Wohnraum"],
    'follow_up_a': ["Sachstand Wohnraum vertraulich"],
    'resolution_b': ["Beschluss Nordstadt"],
    'working_group': ["Projektgruppe Wohnraum"],
    'proposal': ["Vorschlag Wohnraumbörse"],
    'theme': ["Thema Wohnraum Testhausen"],
    'reconstruction': ["Rekonstruktion anonym Caritas"],
    'finding': ["Befund Wartezeit Kita"],
    'agreement': ["Kooperation Jobcenter Testhausen"],
    'procedure_abh': ["Yonas Tesfay", "Bleiberecht Begründung vertraulich"],
    'party_yonas': ["Yonas Tesfay"],
    'period_abh': ["Duldung seit Einreise vertraulich"],
    'requirement_abh': ["Nachweis Lebensunterhalt vertraulich"],
    'procedure_ebh': ["Nour Haddad"],
    'party_nour': ["Nour Haddad"],
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def _tail(path, lines=40):
    try:
        with open(path, encoding='utf-8', errors='replace') as fp:
            return ''.join(fp.readlines()[-lines:])
    except OSError:
        return ''


class TrytonServer:
    """A database with the modules (all of the suite by default) on the
    backend given by TRYTOND_DATABASE__URI (SQLite when unset), served by
    trytond; its name is the prefix and the process id"""

    def __init__(self, environ=os.environ, modules=(
                'kim_case', 'kim_funding', 'kim_steering', 'kim_authority'),
            prefix='test_kim_access'):
        self.modules = list(modules)
        self.uri = environ.get('TRYTOND_DATABASE__URI') or 'sqlite://'
        self.backend = urllib.parse.urlsplit(self.uri).scheme
        if self.backend not in {'sqlite', 'postgresql'}:
            raise ValueError(f"unsupported database URI {self.uri!r}")
        self.directory = tempfile.mkdtemp(prefix=f'{prefix}-')
        self.database = f'{prefix}_{os.getpid()}'
        self.port = free_port()
        self.url = f'http://127.0.0.1:{self.port}/{self.database}/rpc/'
        self.config = os.path.join(self.directory, 'trytond.conf')
        self.log = os.path.join(self.directory, 'trytond.log')
        self.process = None
        self.created = False
        # The variables of the test run name another database: the
        # processes get theirs from the configuration file only.
        self.environ = {k: v for k, v in environ.items()
            if not k.startswith('TRYTOND_')
            and k not in {'DB_NAME', 'DB_CACHE'}}

    def _command(self, name):
        path = os.path.join(os.path.dirname(sys.executable), name)
        return path if os.path.exists(path) else shutil.which(name)

    def setup(self):
        "Create and activate the database, then start the server"
        with open(self.config, 'w', encoding='utf-8') as fp:
            fp.write(
                '[database]\n'
                f'uri = {self.uri}\n'
                f'path = {self.directory}\n'
                '[web]\n'
                f'listen = 127.0.0.1:{self.port}\n'
                '[session]\n'
                # the logins stay idle while the others are tested
                'timeout = 7200\n')
        self._create_database()
        passfile = os.path.join(self.directory, 'admin-password')
        with open(passfile, 'w', encoding='utf-8') as fp:
            fp.write(PASSWORD + '\n')
        with open(self.log, 'a', encoding='utf-8') as log:
            result = subprocess.run([self._command('trytond-admin'),
                    '-c', self.config, '-d', self.database, '--all',
                    '-u', *self.modules, '--activate-dependencies',
                    '--email', 'admin@testhausen.example'],
                env={**self.environ, 'TRYTONPASSFILE': passfile},
                stdout=log, stderr=subprocess.STDOUT, timeout=900)
        if result.returncode:
            raise RuntimeError(
                f"trytond-admin failed:\n{_tail(self.log)}")
        self._start()

    def _create_database(self):
        if self.backend == 'sqlite':
            # trytond-admin initialises an existing empty file
            open(os.path.join(
                    self.directory, f'{self.database}.sqlite'), 'a').close()
        else:
            with self._postgresql('postgres') as conn:
                conn.cursor().execute(
                    f'CREATE DATABASE "{self.database}" '
                    "TEMPLATE template0 ENCODING 'UTF8'")
        self.created = True

    def _postgresql(self, database):
        import psycopg2
        parts = urllib.parse.urlsplit(self.uri)
        conn = psycopg2.connect(urllib.parse.urlunsplit(
                ('postgresql', parts.netloc, '/' + database, parts.query,
                    '')))
        conn.autocommit = True
        return _Closing(conn)

    def _start(self):
        with open(self.log, 'a', encoding='utf-8') as log:
            # -d loads the database at start: trytond 8.0.12 refuses the
            # logins of a database it first opens lazily on a request.
            self.process = subprocess.Popen([self._command('trytond'),
                    '-c', self.config, '-d', self.database],
                env=self.environ, stdout=log, stderr=subprocess.STDOUT)
        version = Server(f'http://127.0.0.1:{self.port}/rpc/', timeout=5)
        deadline = time.monotonic() + 120
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"trytond stopped (status {self.process.returncode}):\n"
                    f"{_tail(self.log)}")
            try:
                version.request('common.server.version', [])
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"trytond does not answer:\n{_tail(self.log)}")
                time.sleep(0.2)

    def stop(self):
        "Stop the server, drop the database and remove the directory"
        try:
            if self.process and self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(30)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(30)
            if self.created and self.backend == 'postgresql':
                with self._postgresql('postgres') as conn:
                    conn.cursor().execute(
                        f'DROP DATABASE IF EXISTS "{self.database}"')
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)

    def query(self, sql, *params):
        """Return the rows of sql (%s placeholders) run in the database
        itself: what is stored, whatever the rules let users see"""
        if self.backend == 'sqlite':
            conn = sqlite3.connect(os.path.join(
                    self.directory, f'{self.database}.sqlite'))
            try:
                cursor = conn.execute(sql.replace('%s', '?'), params)
                rows = cursor.fetchall()
                conn.commit()
                return rows
            finally:
                conn.close()
        with self._postgresql(self.database) as conn:
            cursor = conn.cursor()
            cursor.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def count(self, table, where='1 = 1', *params):
        "Return the number of rows of table where the condition holds"
        (count,), = self.query(
            f'SELECT COUNT(*) FROM "{table}" WHERE {where}', *params)
        return count


class _Closing:
    def __init__(self, conn):
        self.conn = conn

    def __enter__(self):
        return self.conn

    def __exit__(self, *exc):
        self.conn.close()


class Fixture:
    """The organisations, logins and records of the tests; ids maps the
    keys of the access matrix to the ids of the records"""

    def __init__(self, server):
        self.server = server
        self.rpc = Server(server.url)
        self.today = dt.date.today()
        self.year = self.today.year
        self.ids = {}
        self.sessions = {}
        self.configs = {}

    def session(self, login):
        if login not in self.sessions:
            self.sessions[login] = self.rpc.login(login, PASSWORD)
        return self.sessions[login]

    def config(self, login, refresh=False):
        "The proteus configuration of login over XML-RPC"
        if refresh or login not in self.configs:
            session = self.session(login)
            session.context = session.call(
                'model.res.user.get_preferences', True, {})
            self.configs[login] = XmlrpcConfig(self.server.url, headers=list(
                    session.headers.items()))
        return self.configs[login]

    def model(self, login, name):
        return Model.get(name, config=self.config(login))

    def record(self, login, name, id_):
        "The record of model name as seen by login"
        return self.model(login, name)(id_)

    def ref(self, module, fs_id):
        return self.session('admin').model(
            'ir.model.data', 'get_id', module, fs_id)

    def load(self):
        self._load_language()
        self._load_organisations()
        self._load_staff()
        self._load_partners()
        self._load_amina()
        self._load_leyla()
        self._load_dmitri()
        self._load_barrier()
        self._load_funding()
        self._load_steering()
        self._load_authority()
        self._load_links()
        return self

    def _load_language(self):
        Lang = self.model('admin', 'ir.lang')
        de, = Lang.find([('code', '=', 'de')])
        if not de.translatable:
            de.click('load_translations')
        self.lang_de = de.id

    def _load_organisations(self):
        config = self.config('admin')
        companies = {key: create_organisation(name, config=config)
            for key, name in ORGANISATIONS.items()}
        self.companies = {key: c.id for key, c in companies.items()}
        self.ids['party_caritas'] = companies['caritas'].party.id

        User = self.model('admin', 'res.user')
        Company = self.model('admin', 'company.company')
        admin, = User.find([('login', '=', 'admin')])
        admin.companies.extend(Company(i) for i in self.companies.values())
        admin.company = Company(self.companies['kommune'])
        admin.company_filter = 'all'
        admin.language = self.model('admin', 'ir.lang')(self.lang_de)
        admin.save()
        self.config('admin', refresh=True)

    def _load_staff(self):
        config = self.config('admin')
        Company = self.model('admin', 'company.company')
        Employee = self.model('admin', 'company.employee')
        User = self.model('admin', 'res.user')
        Group = self.model('admin', 'res.group')
        Lang = self.model('admin', 'ir.lang')
        self.employees = {}
        for login, (name, organisation, groups) in STAFF.items():
            employee = create_employee(
                Company(self.companies[organisation]), name, config=config)
            self.employees[login] = employee.id
            user = User(name=name, login=login, password=PASSWORD,
                language=Lang(self.lang_de))
            companies = (list(self.companies.values()) if login == 'petra'
                else [self.companies[organisation]])
            user.companies.extend(Company(c) for c in companies)
            user.company = Company(self.companies[organisation])
            if login == 'petra':
                user.company_filter = 'all'
            user.employees.append(Employee(employee.id))
            user.employee = Employee(employee.id)
            user.groups.extend(Group(self.ref(m, g)) for m, g in groups)
            user.save()
        self.ids['employee_maria'] = self.employees['maria']
        self.ids['party_employee_maria'] = Employee(
            self.employees['maria']).party.id

    def _load_partners(self):
        Party = self.model('admin', 'party.party')
        jobcenter = Party(name="Jobcenter Testhausen")
        address, = jobcenter.addresses
        address.street = "Agenturplatz 1"
        address.postal_code = "44100"
        address.city = "Testhausen"
        jobcenter.save()
        self.ids['party_jobcenter'] = jobcenter.id
        self.ids['address_jobcenter'] = jobcenter.addresses[0].id
        authority = Party(name="Bezirksregierung Testhausen")
        authority.save()
        self.authority = authority.id

    def catalog(self, login, model, code):
        record, = self.model(login, model).find([('code', '=', code)])
        return record

    def _client(self, login, key, name, street, postal_code, phone=None,
            member=None, languages=(), **values):
        """Create as login the client file of a person with an address (and
        a phone and a household member), recorded as party_<key>,
        address_<key>, phone_<key>, client_<key> and member_<key>"""
        Party = self.model(login, 'party.party')
        party = Party(name=name)
        address, = party.addresses
        address.street = street
        address.postal_code = postal_code
        address.city = "Testhausen"
        if phone:
            party.contact_mechanisms.new(type='mobile', value=phone)
        party.save()
        self.ids[f'party_{key}'] = party.id
        self.ids[f'address_{key}'] = party.addresses[0].id
        if phone:
            self.ids[f'phone_{key}'] = party.contact_mechanisms[0].id
        client = self.model(login, 'kim.case.client')(party=party, **values)
        if member:
            client.household_members.new(name=member[0], relation=member[1])
        client.languages.extend(languages)
        client.save()
        self.ids[f'client_{key}'] = client.id
        if member:
            self.ids[f'member_{key}'] = client.household_members[0].id
        return client

    def _case(self, login, client, key, **values):
        "Create a case of client as login with lines of values"
        Case = self.model(login, 'kim.case')
        Party = self.model(login, 'party.party')
        work = self.catalog(login, 'kim.field_of_action', 'work')
        case = Case(client=self.model(login, 'kim.case.client')(client),
            number=NUMBERS[key], start_date=self.today.replace(day=1),
            target_group=self.catalog(
                login, 'kim.case.target_group', 'newly_arrived'))
        if 'manager' in values:
            case.manager = self.record(
                login, 'company.employee', values['manager'])
        if 'consent' in values:
            consent = case.consents.new(
                purpose=values['consent'], date=case.start_date)
            consent.recipients.append(Party(self.ids['party_jobcenter']))
        if 'need' in values:
            case.needs.new(field_of_action=work, description=values['need'])
        if 'goal' in values:
            case.goals.new(field_of_action=work, description=values['goal'])
        if 'referral' in values:
            case.referrals.new(
                recipient=Party(self.ids['party_jobcenter']),
                purpose=values['referral'],
                legal_domain=self.catalog(login, 'kim.legal_domain', 'sgb2'))
        case.contacts.new(duration=45, notes=values['contact'])
        if 'appointment' in values:
            start = dt.datetime.combine(self.today, dt.time(9))
            case.appointments.new(subject=values['appointment'],
                start=start, end=start + dt.timedelta(hours=1))
        if 'reminder' in values:
            case.reminders.new(subject=values['reminder'], date=self.today)
        case.save()
        self.ids[key] = case.id
        suffix = key[len('case'):]
        for name, field in [('consent', 'consents'), ('need', 'needs'),
                ('goal', 'goals'), ('referral', 'referrals'),
                ('contact', 'contacts'), ('appointment', 'appointments'),
                ('reminder', 'reminders')]:
            if getattr(case, field):
                self.ids[name + suffix] = getattr(case, field)[0].id
        return case

    def _resource_notes(self, login, key, note, attachment):
        "Add a note and an attachment to the case key as login"
        session = self.session(login)
        resource = f'kim.case,{self.ids[key]}'
        suffix = key[len('case'):]
        self.ids['note' + suffix], = session.model('ir.note', 'create', [{
                    'resource': resource, 'message': note}])
        self.ids['attachment' + suffix], = session.model(
            'ir.attachment', 'create', [{
                    'resource': resource, 'name': attachment,
                    'type': 'data', 'data': b'vertraulich'}])

    def _load_amina(self):
        somali = self.catalog('maria', 'kim.case.language', 'so')
        self.ids['language_so'] = somali.id
        client = self._client('maria', 'amina', "Amina Yusuf",
            "Geheimweg 1", "44101", phone="+49 170 5550101",
            member=("Samir Yusuf", 'child'), languages=[somali],
            birth_date=dt.date(1991, 4, 2),
            residence_status='residence_permit',
            residence_paragraph="§ 25 Abs. 2 AufenthG")

        case = self._case('maria', client.id, 'case_a',
            consent="Einwilligung Jobcenter Yusuf",
            need="Bedarf Arbeitssuche Yusuf", goal="Ziel Sprachkurs Yusuf",
            referral="Vermittlung Jobcenter Yusuf",
            contact="Vertrauliche Notiz A",
            appointment="Termin Ausländerbehörde Yusuf",
            reminder="Wiedervorlage Aufenthalt Yusuf")
        # a write of the case is logged (ir.model.log)
        case.situation = "Lage von Frau Yusuf"
        case.save()
        self._resource_notes('maria', 'case_a',
            "Aktennotiz Yusuf vertraulich", "Protokoll-Yusuf.txt")

        # A closed case of maria, driven by the buttons
        case = self._case('maria', client.id, 'case_a2',
            consent="Einwilligung Fallmanagement", need="Bedarf Abschluss",
            goal="Ziel Abschluss", contact="Abschlussgespräch vertraulich")
        for button in ['assess', 'plan', 'implement']:
            case.click(button)
        case.closure_reason = self.catalog(
            'maria', 'kim.case.closure_reason', 'goal_reached')
        case.save()
        case.click('close')
        self.closure_reason = case.closure_reason.id

        # Her second case at Caritas, given by the team lead to lena
        self._case('tom', client.id, 'case_a3', manager=self.employees['lena'],
            contact="Gesprächsnotiz Lena vertraulich")

    def _load_leyla(self):
        client = self._client('lena', 'leyla', "Leyla Kaya", "Kayagasse 3",
            "44102")
        self._case('lena', client.id, 'case_l',
            contact="Beratungsnotiz Leyla vertraulich")

    def _load_dmitri(self):
        client = self._client('dirk', 'dmitri', "Dmitri Orlov", "Orlowweg 7",
            "44103", member=("Olga Orlova", 'partner'))
        case = self._case('dirk', client.id, 'case_d',
            consent="Einwilligung Jobcenter Orlov",
            need="Bedarf Wohnung Orlov", goal="Ziel Wohnung Orlov",
            referral="Vermittlung Jobcenter Orlov",
            contact="Beratungsnotiz Dmitri vertraulich",
            appointment="Termin Wohnungsamt Orlov",
            reminder="Wiedervorlage Mietvertrag Orlov")
        case.situation = "Lage von Herrn Orlov"
        case.save()
        self._resource_notes('dirk', 'case_d',
            "Aktennotiz Orlov vertraulich", "Protokoll-Orlov.txt")

    def _load_barrier(self):
        Barrier = self.model('maria', 'kim.case.barrier')
        barrier = Barrier(name="Fehlende Abendsprachkurse",
            description="Für Berufstätige gibt es keine Sprachkurse am Abend.",
            field_of_action=self.catalog(
                'maria', 'kim.field_of_action', 'language'))
        barrier.cases.append(
            self.record('maria', 'kim.case', self.ids['case_a']))
        barrier.save()
        barrier.click('report')
        self.ids['barrier'] = barrier.id

    def _load_funding(self):
        start, end = dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        create_rates([self.year], config=self.config('admin'))
        rate, = self.model('admin', 'kim.funding.rate').find([
                ('year', '=', self.year),
                ('building_block', '=', '2'),
                ('kind', '=', 'case_management')])
        self.ids['rate'] = rate.id

        def company(key):
            return self.record('frank', 'company.company', self.companies[key])

        grant = create_grant(company('kommune'),
            self.record('frank', 'party.party', self.authority),
            "AZ 51.02-TH-2026", start, end, [('2', 'case_management', '2')],
            config=self.config('frank'))
        self.ids['grant'] = grant.id
        line, = grant.lines
        self.ids['grant_line'] = line.id
        payment = self.model('frank', 'kim.funding.grant.payment')(
            grant=grant, date=start, year=self.year, amount=Decimal('50000'))
        payment.save()
        self.ids['grant_payment'] = payment.id

        Contract = self.model('frank', 'kim.funding.contract')
        Post = self.model('frank', 'kim.funding.post')
        for key, number, post_name, login in [
                ('caritas', "WV-CAR-2026", "Fallmanagement Caritas", 'maria'),
                ('drk', "WV-DRK-2026", "Fallmanagement DRK", 'dirk')]:
            contract = Contract(company=company(key), grant=grant,
                number=number, date=start, start_date=start, end_date=end,
                amount=Decimal('57000'))
            contract.installments.new(date=start, amount=Decimal('28500'))
            contract.save()
            post = Post(company=company(key), grant=grant, line=line,
                name=post_name, fte=Decimal(1), start_date=start,
                end_date=end, contract=contract)
            post.staffings.new(employee=self.record(
                    'frank', 'company.employee', self.employees[login]),
                start_date=start, fte=Decimal('0.5'))
            post.save()
            self.ids[f'contract_{key}'] = contract.id
            self.ids[f'post_{key}'] = post.id
            self.ids[f'staffing_{key}'] = post.staffings[0].id

        Proof = self.model('claudia', 'kim.funding.proof')
        proof = Proof(
            grant=self.record('claudia', 'kim.funding.grant', grant.id),
            contract=self.record('claudia', 'kim.funding.contract',
                self.ids['contract_caritas']),
            year=self.year, activities="Sachbericht Caritas Testhausen")
        proof.save()
        proof.click('compute')
        self.ids['proof_caritas'] = proof.id

        Proof = self.model('frank', 'kim.funding.proof')
        proof = Proof(grant=grant, year=self.year,
            activities="Sachbericht Kommune Testhausen")
        proof.save()
        proof.click('compute')
        self.ids['proof_municipality'] = proof.id

    def _load_steering(self):
        "The steering of the Kommune: jens sits on its first group only"
        Party = self.model('petra', 'party.party')
        Group = self.model('petra', 'kim.steering.group')
        User = self.model('petra', 'res.user')
        Company = self.model('petra', 'company.company')
        kommune = Company(self.companies['kommune'])
        jens, = User.find([('login', '=', 'jens')])
        day = dt.date(self.year, 3, 10)
        groups = {}
        for key, name, code, person in [
                ('steering_group', "Lenkungsgruppe Testhausen", 'LG',
                    "Dr. Vorsitz Testhausen"),
                ('steering_group_b', "Lenkungsgruppe Nordstadt", 'NS',
                    "Dr. Vorsitz Nordstadt")]:
            chair = Party(name=person)
            chair.save()
            group = Group(name=name, code=code, company=kommune)
            group.members.new(party=chair, role='chair',
                start_date=dt.date(self.year, 1, 1),
                position="Beigeordnete für Integration"
                if key == 'steering_group' else "Dezernent")
            if key == 'steering_group':
                group.members.new(
                    party=Party(self.ids['party_jobcenter']),
                    role='member', start_date=dt.date(self.year, 1, 1),
                    user=jens)
            group.save()
            groups[key] = group
            self.ids[key] = group.id
        self.ids['steering_member'] = groups['steering_group'].members[0].id

        Meeting = self.model('petra', 'kim.steering.meeting')
        Resolution = self.model('petra', 'kim.steering.resolution')
        Barrier = self.model('petra', 'kim.case.barrier')
        for suffix, key, name, resolution_text in [
                ('_a', 'steering_group', "Frühjahrssitzung Testhausen",
                    "Beschlusstext Wohnraum"),
                ('_b', 'steering_group_b', "Sitzung Nordstadt",
                    "Beschluss Nordstadt")]:
            meeting = Meeting(group=groups[key], name=name, place="Rathaus",
                start=dt.datetime.combine(day, dt.time(14)),
                end=dt.datetime.combine(day, dt.time(16)))
            if suffix == '_a':
                meeting.items.new(name="TOP Wohnraum Testhausen",
                    barrier=Barrier(self.ids['barrier']))
            meeting.save()
            meeting.click('invite')
            meeting.click('hold')
            resolution = Resolution(group=groups[key], meeting=meeting,
                name="Wohnraum" if suffix == '_a' else "Nordstadt",
                text=resolution_text, due_date=dt.date(self.year, 12, 31))
            resolution.save()
            resolution.click('adopt')
            self.ids['meeting' + suffix] = meeting.id
            self.ids['resolution' + suffix] = resolution.id
            if suffix == '_a':
                meeting.minutes = "Protokoll LG vertraulich"
                meeting.save()
                self.ids['item_a'] = meeting.items[0].id
                self.ids['attendance_a'] = meeting.attendances[0].id
                resolution.follow_ups.new(
                    text="Sachstand Wohnraum vertraulich")
                resolution.save()
                self.ids['follow_up_a'] = resolution.follow_ups[0].id
                barrier = Barrier(self.ids['barrier'])
                barrier.resolutions.append(Resolution(resolution.id))
                barrier.save()
                mandate = resolution

        WorkingGroup = self.model('petra', 'kim.steering.working_group')
        working_group = WorkingGroup(group=groups['steering_group'],
            name="Projektgruppe Wohnraum", mandate=mandate,
            start_date=day)
        working_group.proposals.new(name="Wohnraumbörse",
            text="Vorschlag Wohnraumbörse")
        working_group.save()
        self.ids['working_group'] = working_group.id
        self.ids['proposal'] = working_group.proposals[0].id
        Theme = self.model('petra', 'kim.steering.theme')
        theme = Theme(group=groups['steering_group'],
            name="Thema Wohnraum Testhausen")
        theme.save()
        self.ids['theme'] = theme.id

        Reconstruction = self.model('petra', 'kim.steering.reconstruction')
        reconstruction = Reconstruction(
            company=Company(self.companies['caritas']),
            name="Fallrekonstruktion", date=day,
            summary="Rekonstruktion anonym Caritas")
        reconstruction.findings.new(name="Befund Wartezeit Kita")
        reconstruction.save()
        self.ids['reconstruction'] = reconstruction.id
        self.ids['finding'] = reconstruction.findings[0].id
        # maria links her case: only its readers see the link
        self.session('maria').model('kim.steering.reconstruction', 'write',
            [reconstruction.id], {'case': self.ids['case_a']})

        Agreement = self.model('petra', 'kim.steering.agreement')
        agreement = Agreement(company=kommune,
            name="Kooperation Jobcenter Testhausen",
            date=dt.date(self.year, 1, 15),
            start_date=dt.date(self.year, 2, 1))
        agreement.save()
        self.ids['agreement'] = agreement.id

    def _load_authority(self):
        "A procedure of each authority of the Kommune"
        Status = self.model('alex', 'kim.authority.residence_status')
        duldung, = Status.find([('code', '=', 'duldung')])
        for login, key, name, kind, authority in [
                ('alex', 'abh', "Yonas Tesfay", '25b', 'abh'),
                ('eva', 'ebh', "Nour Haddad", 'stag10', 'ebh')]:
            Party = self.model(login, 'party.party')
            person = Party(name=name)
            person.save()
            Procedure = self.model(login, 'kim.authority.procedure')
            procedure = Procedure(kind=kind, authority=authority,
                party=person,
                company=self.record(
                    login, 'company.company', self.companies['kommune']))
            if key == 'abh':
                procedure.override_reason = (
                    "Bleiberecht Begründung vertraulich")
                procedure.periods.new(
                    status=self.model(login, 'kim.authority.residence_status')(
                        duldung.id),
                    start_date=dt.date(2018, 1, 1),
                    notes="Duldung seit Einreise vertraulich")
            procedure.save()
            self.ids[f'procedure_{key}'] = procedure.id
            self.ids['party_' + name.split()[0].lower()] = person.id
            if key == 'abh':
                self.ids['period_abh'] = procedure.periods[0].id
                requirement = procedure.requirements[2]
                requirement.evidence = "Nachweis Lebensunterhalt vertraulich"
                procedure.save()
                self.ids['requirement_abh'] = requirement.id

    def _load_links(self):
        "The ids of the link tables and logs, read in the database"
        def first(sql, *params):
            (id_,), *_ = self.server.query(sql, *params) or [(None,)]
            assert id_ is not None, (sql, params)
            return id_

        for suffix in ['_a', '_d']:
            self.ids['recipient' + suffix] = first(
                'SELECT id FROM "kim_case_consent-party_party" '
                'WHERE consent = %s', self.ids['consent' + suffix])
            self.ids['log' + suffix] = first(
                'SELECT MIN(id) FROM ir_model_log WHERE resource = %s',
                f'kim.case,{self.ids["case" + suffix]}')
        self.ids['language_amina'] = first(
            'SELECT id FROM "kim_case_client-kim_case_language" '
            'WHERE client = %s',
            self.ids['client_amina'])
        self.ids['barrier_case_a'] = first(
            'SELECT id FROM "kim_case_barrier-kim_case" WHERE barrier = %s',
            self.ids['barrier'])
