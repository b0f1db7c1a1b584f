# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Each role in the sao web client, as its users see it.

The demo database (``scripts/demo.sh --no-serve`` with its own name) is
served by a real trytond with the sao 8.0 web client; Debian's Chromium,
driven headless by Playwright, logs in as each role, opens its main screen
through the menu, checks what it must not see and that no visible string
is English, and saves a screenshot of the screen (``var/screenshots``; the
README shows them from ``doc/images``).

The tests run in the SQLite pass of ``scripts/test.sh``.  Without Chromium
or npm they are skipped, except under ``CI=true``, where that is a failure
(``.ci/run`` installs Chromium).
"""
import datetime as dt
import glob
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import unittest

from .test_translations import parse_po

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHROMIUM = os.environ.get('KIM_CHROMIUM', '/usr/bin/chromium')
DATABASE = 'kim_browser'
PASSWORD = 'kim-demo-2026'
SCREENSHOTS = os.environ.get(
    'KIM_SCREENSHOTS', os.path.join(ROOT, 'var', 'screenshots'))
TIMEOUT = 30000  # ms


def english_strings():
    """The English strings of the suite and of sao whose German differs:
    none of them may be visible to a German user"""
    # German words that are English too ("Status", "Name") stay allowed
    strings, german = set(), set()
    for path in glob.glob(os.path.join(ROOT, 'modules', '*', 'locale',
                'de.po')):
        for _, msgid, msgstr in parse_po(path):
            german.add(msgstr)
            if msgstr and msgstr != msgid:
                strings.add(msgid)
    sao = os.path.join(ROOT, 'var', 'sao', 'locale', 'de.json')
    if os.path.exists(sao):
        with open(sao, encoding='utf-8') as fp:
            for msgid, msgstr in json.load(fp).items():
                if msgstr and msgstr != msgid and msgid:
                    strings.add(msgid)
    return {s for s in strings - german if any(c.isalpha() for c in s)}


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


class BrowserTestCase(unittest.TestCase):
    "The roles of the demo in the sao web client"

    @classmethod
    def setUpClass(cls):
        if not os.environ.get(
                'TRYTOND_DATABASE__URI', 'sqlite://').startswith('sqlite'):
            raise unittest.SkipTest("the browser tests run on SQLite")
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            sync_playwright = None
        missing = [name for name, ok in [
                ('Chromium', os.path.exists(CHROMIUM)),
                ('npm', shutil.which('npm')),
                ('Playwright', sync_playwright)] if not ok]
        if missing:
            message = "the browser tests need " + ', '.join(missing)
            if os.environ.get('CI'):
                raise RuntimeError(message)
            raise unittest.SkipTest(message)

        env = dict(os.environ, KIM_DEMO_DB=DATABASE)
        for name in ['TRYTOND_DATABASE__URI', 'DB_NAME', 'DB_CACHE']:
            env.pop(name, None)
        subprocess.run(['bash', os.path.join(ROOT, 'scripts', 'demo.sh'),
                '--rebuild', '--no-serve'], env=env, check=True,
            stdout=subprocess.DEVNULL)
        var = os.path.join(ROOT, 'var')
        cls.port = free_port()
        cls.conf = os.path.join(var, 'trytond-browser.conf')
        with open(cls.conf, 'w') as fp:
            fp.write(f"[database]\nuri = sqlite://\npath = {var}/db\n\n"
                f"[web]\nlisten = 127.0.0.1:{cls.port}\n"
                f"root = {var}/sao\n\n"
                # LibreOffice with a profile of its own: a conversion
                # started elsewhere with the shared one would take the job
                "[report]\nconvert_command = soffice "
                f"-env:UserInstallation=file://{var}/libreoffice-browser "
                "--headless --nolockcheck --nodefault --norestore "
                '--convert-to "%(output_extension)s" '
                '--outdir "%(directory)s" "%(input_path)s"\n')
        cls.log = open(os.path.join(var, 'trytond-browser.log'), 'w')
        cls.server = subprocess.Popen(
            [os.path.join(os.path.dirname(sys.executable), 'trytond'),
                '-c', cls.conf, '-d', DATABASE],
            env=env, stdout=cls.log, stderr=subprocess.STDOUT)
        cls.addClassCleanup(cls.stop_server)
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(('127.0.0.1', cls.port), 1).close()
                break
            except OSError:
                if (time.monotonic() > deadline
                        or cls.server.poll() is not None):
                    raise RuntimeError("trytond did not start")
                time.sleep(0.5)

        cls.playwright = sync_playwright().start()
        cls.addClassCleanup(cls.playwright.stop)
        cls.browser = cls.playwright.chromium.launch(
            executable_path=CHROMIUM, args=['--no-sandbox'])
        cls.addClassCleanup(cls.browser.close)
        cls.english = english_strings()
        os.makedirs(SCREENSHOTS, exist_ok=True)

        cls.database = os.path.join(var, 'db', DATABASE + '.sqlite')
        db = sqlite3.connect(cls.database)
        # a client of Caritas: no login of Stadt Musterstadt may find her
        (cls.caritas_client,), = db.execute("""
            SELECT p.name FROM kim_case_client k
            JOIN party_party p ON p.id = k.party
            JOIN company_company c ON c.id = k.company
            JOIN party_party cp ON cp.id = c.party
            WHERE cp.name LIKE 'Caritas%' ORDER BY k.id LIMIT 1""")
        (cls.new_cases_2025,), = db.execute("""
            SELECT COUNT(*) FROM kim_case k
            JOIN company_company c ON c.id = k.company
            JOIN party_party cp ON cp.id = c.party
            WHERE cp.name LIKE 'Stadt Musterstadt%'
                AND k.start_date BETWEEN '2025-01-01' AND '2025-12-31'""")
        # the meeting held last, in which the coordination adopts
        (cls.held_meeting, cls.held_meeting_start), = db.execute("""
            SELECT name, start FROM kim_steering_meeting
            WHERE state = 'held' ORDER BY start DESC LIMIT 1""")
        # another provider's case manager: no post of the city may have her
        (cls.caritas_employee,), = db.execute("""
            SELECT p.name FROM company_employee e
            JOIN party_party p ON p.id = e.party
            JOIN company_company c ON c.id = e.company
            JOIN party_party cp ON cp.id = c.party
            WHERE cp.name LIKE 'Caritas%' ORDER BY e.id LIMIT 1""")
        db.close()

    @classmethod
    def stop_server(cls):
        cls.server.terminate()
        cls.server.wait(timeout=30)
        cls.log.close()

    def login(self, login):
        context = self.browser.new_context(
            locale='de-DE', viewport={'width': 1400, 'height': 900})
        self.addCleanup(context.close)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        # errors of the client's script, e.g. a widget it does not have
        self.page_errors = []
        page.on('pageerror', lambda error: self.page_errors.append(str(error)))
        page.goto(f'http://127.0.0.1:{self.port}/#{DATABASE}')
        page.fill('#login', login)
        page.click('.login-dialog button[type=submit]')
        page.fill('input[type=password]', PASSWORD)
        page.keyboard.press('Enter')
        page.wait_for_selector('#menu .column-char')
        return page

    def menu_titles(self, page):
        return page.locator('#menu .column-char').evaluate_all(
            'nodes => nodes.map(n => n.title)')

    def open_menu(self, page, *path):
        "Open the menu entry by the titles of its path"
        for parent, child in zip(path, path[1:]):
            if child not in self.menu_titles(page):
                self.menu_row(page, parent).locator('.expander').click()
            self.menu_row(page, child).wait_for()
        self.menu_row(page, path[-1]).locator('.column-char').click()
        # the tab of the entry is open (its title is the path of the entry)
        page.wait_for_function("""title => {
                const tab = document.querySelector(
                    '#tablist li.active span[title]');
                return tab && tab.title.split(' / ').pop() == title;
            }""", arg=path[-1])
        page.wait_for_selector('#tabcontent .tab-pane.active table.tree')
        page.wait_for_load_state('networkidle')
        time.sleep(0.5)

    def menu_row(self, page, title):
        return page.locator('#menu tr').filter(
            has=page.locator(f'.column-char[title="{title}"]')).first

    def search(self, page, text):
        "Type into the search box of the list and wait for the answer"
        box = page.locator(
            '#tabcontent .tab-pane.active .filter-box input').first
        box.fill(text)
        box.press('Enter')
        page.wait_for_load_state('networkidle')
        time.sleep(0.5)

    def tab_text(self, page):
        return page.inner_text('#tabcontent .tab-pane.active')

    def assert_german(self, page):
        "No visible string of the menu, the tab and its dialogs is English"
        texts = page.evaluate("""() => [
                '#menu', '#tablist', '#tabcontent .tab-pane.active',
                '.modal.in']
            .flatMap(s => Array.from(document.querySelectorAll(s)))
            .flatMap(n => n.innerText.split('\\n'))
            .concat(Array.from(document.querySelectorAll(
                '#tabcontent .tab-pane.active [title], .modal.in [title]'))
                .map(n => n.title))""")
        visible = {t.strip() for t in texts if t.strip()}
        self.assertEqual(sorted(visible & self.english), [])
        self.assertEqual(self.page_errors, [])
        return visible

    def assert_start_page(self, page, name, titles):
        "The start page of the role opens at login with these lists"
        page.wait_for_selector('#tabcontent .tab-pane.active .board')
        page.wait_for_load_state('networkidle')
        time.sleep(1)
        text = self.tab_text(page)
        for title in titles:
            self.assertIn(title, text)
        self.assert_german(page)
        # the board scrolls to the search entry of a list it focuses
        page.evaluate("""() => {
                document.activeElement.blur();
                for (const element of document.querySelectorAll(
                        '#tabcontent .tab-pane.active *')) {
                    element.scrollTop = 0;
                }
            }""")
        self.screenshot(page, name)

    def screenshot(self, page, name):
        page.screenshot(path=os.path.join(SCREENSHOTS, f'{name}.png'))

    def query(self, sql, *args):
        "The rows of the demo database as the server left them"
        db = sqlite3.connect(self.database)
        try:
            return db.execute(sql, args).fetchall()
        finally:
            db.close()

    def tab(self, page):
        return page.locator('#tabcontent > .tab-pane.active')

    def new_record(self, page, ready):
        "A new record in the form of the open tab, once it shows the default"
        tab = self.tab(page)
        tab.locator('button#new_').click()
        self.wait_value(page, tab, ready)
        return tab

    def wait_value(self, page, scope, name):
        """Wait for the value of the field name, the default of a new record,
        and for the cursor the form then puts in a field: what is typed
        before is overwritten or cleared when the field loses the focus"""
        entry = scope.locator(f'[name="{name}"]').first
        entry.wait_for(state='attached')
        page.wait_for_function(
            'entry => entry.value', arg=entry.element_handle())
        page.wait_for_function("""scope => {
                const active = document.activeElement;
                return scope.contains(active)
                    && ['INPUT', 'SELECT', 'TEXTAREA'].includes(
                        active.tagName);
            }""", arg=scope.element_handle())
        page.wait_for_load_state('networkidle')

    def open_record(self, page, text):
        "Open the record of the list whose cell shows exactly the text"
        tab = self.tab(page)
        tab.locator('table.tree tbody td').get_by_text(
            text, exact=True).first.click()
        tab.locator('button#switch_').click()
        page.wait_for_selector('#tabcontent > .tab-pane.active .form')
        page.wait_for_load_state('networkidle')
        return self.tab(page)

    def dialog(self, page, count=1, ready='date'):
        """The dialog on top, once count dialogs are open and it shows the
        default of its field ready"""
        page.wait_for_function(
            'n => document.querySelectorAll(".modal.in").length == n',
            arg=count)
        dialog = page.locator('.modal.in').last
        self.wait_value(page, dialog, ready)
        return dialog

    def close_dialog(self, page, count=0):
        "Accept the dialog on top (OK, Add) and wait for the one below"
        from playwright.sync_api import TimeoutError as Timeout
        dialog = page.locator('.modal.in').last
        dialog.locator('.modal-footer button.btn-primary').click()
        try:
            page.wait_for_function(
                'n => document.querySelectorAll(".modal.in").length == n',
                arg=count)
        except Timeout:
            self.fail(f"the dialog stayed open: {dialog.inner_text()}")
        page.wait_for_load_state('networkidle')

    def fill_text(self, page, scope, name, text):
        """Fill the text field name until it keeps the text: a default or
        change the form applies late overwrites what was typed before"""
        entry = scope.locator(
            f'input[name="{name}"]:visible, textarea[name="{name}"]:visible')
        for _ in range(3):
            entry.fill(text)
            entry.press('Tab')
            page.wait_for_load_state('networkidle')
            if entry.input_value() == text:
                break
        self.assertEqual(entry.input_value(), text)

    def type_in(self, scope, name, text):
        """Type text into the relation field name until its completion
        answers: the form clears an entry that loses the focus while it
        settles.  Return the entry and the completion"""
        from playwright.sync_api import TimeoutError as Timeout
        entry = scope.locator(f'input[name="{name}"]:visible')
        menu = scope.locator('.dropdown-completion:visible')
        for _ in range(3):
            entry.fill(text)
            try:
                menu.locator('.action-search').wait_for(timeout=5000)
            except Timeout:
                continue
            scope.page.wait_for_load_state('networkidle')
            if entry.input_value() == text:
                break
        return entry, menu

    def completion(self, scope, name, text):
        "The records the field name offers for the typed text"
        entry, menu = self.type_in(scope, name, text)
        offered = menu.locator(
            'li:not(.dropdown-header):not(.action)').all_inner_texts()
        entry.fill('')
        entry.press('Escape')
        return offered

    def create(self, scope, name, text):
        "Create the record of the relation field name from the typed text"
        _, menu = self.type_in(scope, name, text)
        menu.locator('.action-create a').click()

    def choose(self, scope, name, text, choice=None):
        "Type text into the many2one field name and pick choice offered"
        entry, menu = self.type_in(scope, name, text)
        menu.locator('li:not(.dropdown-header):not(.action)',
            has_text=choice or text).first.click()
        scope.page.wait_for_load_state('networkidle')
        self.assertIn(choice or text, entry.input_value())

    def add(self, scope, name, text):
        "Add the record offered for text to the many2many field name"
        field = scope.locator('.form-many2many').filter(
            has=scope.page.locator(f'input[name="{name}"]'))
        _, menu = self.type_in(field, name, text)
        menu.locator('li:not(.dropdown-header):not(.action)',
            has_text=text).first.click()
        field.locator('tbody tr', has_text=text).wait_for()

    def fill_number(self, scope, name, value):
        """Enter the number into the numeric field: its input to edit shows
        once the field has the focus, which the form may still move"""
        from playwright.sync_api import TimeoutError as Timeout
        number = scope.locator(f'input[name="{name}"][type=number]')
        for _ in range(3):
            try:
                scope.locator(f'input[name="{name}"]:visible').first.click(
                    timeout=5000)
                number.fill(value, timeout=5000)
            except Timeout:
                continue
            number.press('Tab')
            return
        self.fail(f"the field {name} took no number")

    def page_tab(self, page, title):
        "Show the page of the form's notebook and return its field"
        tab = self.tab(page)
        tab.locator('.form-notebook .nav-tabs a', has_text=title).first.click()
        return tab.locator('.form-notebook .tab-pane.active').first

    def click_button(self, page, name, label):
        "Click the button of the form and wait for its answer"
        button = self.tab(page).locator(f'.form button[name="{name}"]')
        self.assertEqual(button.get_attribute('title'), label)
        called = re.compile(rf'"method": ?"model\.[\w.]+\.{name}"')
        with page.expect_response(lambda response: called.search(
                    response.request.post_data or '')):
            button.click()
        page.wait_for_load_state('networkidle')
        self.assertEqual(page.locator('.modal.in').count(), 0,
            page.locator('.modal.in').all_inner_texts())

    def save(self, page):
        "Save the record of the tab and wait until the server has it"
        stored = re.compile(r'"method": ?"model\.[\w.]+\.(create|write)"')
        with page.expect_response(lambda response: stored.search(
                    response.request.post_data or '')):
            self.tab(page).locator('button#save').click()
        page.wait_for_load_state('networkidle')
        self.assertEqual(page.locator('.modal.in').count(), 0,
            page.locator('.modal.in').all_inner_texts())

    def selected(self, scope, name):
        "The text shown by the selection field name"
        return scope.locator(f'select[name="{name}"]').evaluate(
            's => s.selectedIndex >= 0 ? s.options[s.selectedIndex].text'
            ' : ""')

    def value(self, page, scope, name):
        "The value of the field name, once the form shows one"
        entry = scope.locator(f'input[name="{name}"]').first
        page.wait_for_function(
            'entry => entry.value', arg=entry.element_handle())
        return entry.input_value()

    def wait_selected(self, page, scope, name, text):
        "Wait for the selection field name to show the text"
        page.wait_for_function("""([select, text]) =>
                select.selectedIndex >= 0
                && select.options[select.selectedIndex].text == text""",
            arg=[scope.locator(f'select[name="{name}"]').element_handle(),
                text])

    def assert_pdf(self, page, action):
        "The print action of the form gives a PDF"
        tab = self.tab(page)
        tab.locator('button#print').click()
        with page.expect_download(timeout=120000) as download:
            tab.locator('.dropdown-menu:visible a', has_text=action).click()
        with open(download.value.path(), 'rb') as fp:
            content = fp.read()
        self.assertTrue(content.startswith(b'%PDF'), content[:20])
        self.assertEqual(self.page_errors, [])
        return content

    def test_case_manager(self):
        "A case manager sees her cases, never a client of another Träger"
        page = self.login('anna')
        self.assertNotIn('Parteien', self.menu_titles(page))
        self.assert_start_page(
            page, 'case-manager-start',
            ['Fällige Zielüberprüfungen', 'Ablaufende Einwilligungen',
                'Offene Vermittlungen', 'Fälle in der Aufnahme'])
        self.assertIn('Mein Tag', page.inner_text('#tablist'))

        self.open_menu(page, 'KIM', 'Fallmanagement', 'Fälle')
        self.assertIn('Meine Fälle', self.tab_text(page))
        self.assert_german(page)
        self.screenshot(page, 'case-manager')

        self.search(page, self.caritas_client)
        self.assertNotIn(self.caritas_client, self.tab_text(page))
        self.open_menu(page, 'KIM', 'Fallmanagement', 'Klient*innen')
        self.search(page, self.caritas_client)
        self.assertNotIn(self.caritas_client, self.tab_text(page))

    def test_team_lead(self):
        """A team lead reads the case figures of her organisation, and those
        of last year once she has changed the dates"""
        page = self.login('sabine')
        self.assert_start_page(
            page, 'team-lead-start',
            ['Fälle ohne aktuellen Kontakt', 'Fälle in der Aufnahme'])

        self.open_menu(
            page, 'KIM', 'Fallmanagement', 'Auswertungen', 'Fallzahlen')
        self.tab(page).locator('table.tree tbody td').filter(
            has_text='Stadt Musterstadt').first.wait_for()
        text = self.tab_text(page)
        self.assertIn('Stadt Musterstadt', text)
        self.assertNotIn('Caritas', text)
        self.assert_german(page)
        self.screenshot(page, 'team-lead')

        totals = '#tabcontent .tab-pane.active table.tree tfoot'
        this_year = page.inner_text(totals)
        for name, value in [
                ('from_date', '01.01.2025'), ('to_date', '31.12.2025')]:
            field = page.locator(
                f'#tabcontent .tab-pane.active input[name="{name}"]')
            field.fill(value)
            field.press('Tab')
        page.wait_for_load_state('networkidle')
        time.sleep(1)
        last_year = page.inner_text(totals)
        self.assertNotEqual(last_year, this_year)
        self.assertIn(str(self.new_cases_2025), last_year.split())

    def test_coordinator(self):
        "The coordination steers without reading case files"
        page = self.login('petra')
        self.assert_start_page(
            page, 'coordinator-start',
            ['Überfällige Beschlüsse', 'Anstehende Sitzungen',
                'Generative Themen'])
        self.assertNotIn('Fälle', self.menu_titles(page))
        self.open_menu(page, 'KIM', 'Steuerung', 'Beschlüsse')
        self.assertIn('Überfällig', self.tab_text(page))
        self.assert_german(page)
        self.screenshot(page, 'coordinator')

    def test_finance(self):
        "Finance reads the proofs of use with their years as 2026"
        page = self.login('frank')
        self.open_menu(page, 'KIM', 'Förderung', 'Verwendungsnachweise')
        words = self.tab_text(page).split()
        self.assertIn('2026', words)
        self.assertNotIn('2.026', words)
        self.assert_german(page)
        self.screenshot(page, 'finance')

    def test_foreigners_authority(self):
        "The foreigners' authority sees its procedures, not the case files"
        page = self.login('sven')
        self.assert_start_page(
            page, 'foreigners-authority-start',
            ['Auslaufende Erlaubnisse nach § 104c', 'Offene Verfahren'])
        self.open_menu(page, 'KIM', 'Behörden', 'Verfahren')
        self.assertEqual(
            self.menu_titles(page),
            ['KIM', 'Behörden', 'Übersicht Behörde', 'Verfahren'])
        self.assert_german(page)
        self.screenshot(page, 'foreigners-authority')
        self.search(page, self.caritas_client)
        self.assertNotIn(self.caritas_client, self.tab_text(page))

    def test_foreigners_authority_precheck(self):
        """The foreigners' authority opens the pre-check of a § 25b
        procedure and sees which requirement is not proven"""
        page = self.login('sven')
        self.open_menu(page, 'KIM', 'Behörden', 'Verfahren')
        # the procedure is in progress, on the tab of the open ones
        tab = self.tab(page)
        tab.locator('.nav-tabs a', has_text='Offen').first.click()
        # her name links to the person: the row is selected by its state
        row = tab.locator('table.tree tbody tr', has_text='Goran Nikolić')
        row.wait_for()
        page.wait_for_load_state('networkidle')
        row.locator('td').get_by_text('In Bearbeitung', exact=True).click()
        tab.locator('button#switch_').click()
        page.wait_for_selector('#tabcontent > .tab-pane.active .form')
        page.wait_for_load_state('networkidle')
        self.wait_selected(
            page, tab, 'kind', 'Nachhaltige Integration (§ 25b AufenthG)')
        self.assertEqual(self.selected(tab, 'german_level'), 'A1')
        self.click_button(page, 'check_requirements', 'Voraussetzungen prüfen')
        requirements = self.page_tab(page, 'Voraussetzungen')
        for requirement, state in [
                ('Mündliche Deutschkenntnisse auf Niveau A2', 'Nicht erfüllt'),
                ('Voraufenthalt von sechs Jahren', 'Erfüllt'),
                ]:
            requirements.locator('tbody tr', has_text=requirement).filter(
                has_text=state).first.wait_for()
        self.assert_german(page)
        self.screenshot(page, 'foreigners-authority-precheck')
        self.assertEqual(self.query("""
                SELECT r.state FROM kim_authority_requirement r
                JOIN kim_authority_procedure p ON p.id = r.procedure
                JOIN party_party pp ON pp.id = p.party
                WHERE pp.name = ? AND r.name LIKE 'Mündliche%'""",
                'Goran Nikolić'), [('not_met',)])

    def test_case_manager_person(self):
        """The person of a client opens in the form of what a case manager
        records: no tax identifier, post box or floor"""
        page = self.login('anna')
        self.open_menu(page, 'KIM', 'Fallmanagement', 'Klient*innen')
        tab = self.tab(page)
        tab.locator('table.tree tbody tr').first.locator('td').nth(1).click()
        tab.locator('button#switch_').click()
        page.wait_for_selector('#tabcontent > .tab-pane.active .form')
        page.wait_for_load_state('networkidle')
        tab = self.tab(page)
        name = self.value(page, tab, 'name')
        tab.locator('.form-many2one').filter(
            has=page.locator('input[name="party"]')).locator(
            'button[title="Datensatz öffnen"]').click()
        person = self.dialog(page, ready='name')
        self.assertEqual(person.locator('input[name="name"]').input_value(),
            name)
        shown = set(person.locator('[name]').evaluate_all(
                'es => es.map(e => e.getAttribute("name"))'))
        self.assertLessEqual({'name', 'lang'}, shown)
        headers = person.locator('table.tree thead th').all_inner_texts()
        for header in ['Anschrift', 'Postleitzahl', 'Stadt', 'Land']:
            self.assertIn(header, headers)
        self.assertEqual(shown & {'code', 'replaced_by', 'identifiers',
                'tax_identifier', 'post_box', 'floor_number', 'categories',
                'building_name', 'kim_network_kind'}, set())
        self.assert_german(page)

    def test_case_manager_case(self):
        """A case manager takes a new client in: the client and her case,
        a consent, the assessment, a contact, a referral and the case file"""
        name = 'Amira Haddou'
        page = self.login('anna')
        self.open_menu(page, 'KIM', 'Fallmanagement', 'Fälle')
        tab = self.new_record(page, 'start_date')
        self.assertNotIn(self.caritas_client, ' '.join(
                self.completion(tab, 'client', self.caritas_client)))

        # the client, created from the case: the name typed there is hers,
        # and her person is created with it
        self.create(tab, 'client', name)
        client = self.dialog(page, ready='company')
        self.assertEqual(client.locator('input[name="name"]').input_value(),
            name)
        self.assertEqual(
            client.locator('input[name="party"]').input_value(), '')
        client.locator('input[name="birth_date"]').fill('14.03.1990')
        client.locator('input[name="birth_date"]').press('Tab')
        self.assert_german(page)
        self.close_dialog(page)
        # the case gets the client created once the dialog has closed
        page.wait_for_function('([entry, name]) => entry.value == name',
            arg=[tab.locator('input[name="client"]').element_handle(), name])
        self.choose(tab, 'target_group', 'Neuzugewanderte')
        self.save(page)
        number = self.value(page, tab, 'number')
        self.assertRegex(number, r'^KI-\d{4}-\d{4}$')

        # the consent, which names the Jobcenter as recipient
        consents = self.page_tab(page, 'Einwilligungen')
        consents.locator('button[title="Neu"]').first.click()
        consent = self.dialog(page)
        self.fill_text(page, consent, 'purpose',
            'Case Management und Vermittlung an das Jobcenter')
        self.add(consent, 'recipients', 'Jobcenter Musterstadt')
        self.assertEqual(
            consent.locator('input[name="purpose"]').input_value(),
            'Case Management und Vermittlung an das Jobcenter')
        self.assertEqual(self.selected(consent, 'form'), 'Schriftlich')
        self.assert_german(page)
        self.close_dialog(page)
        self.save(page)
        consents.locator('tbody td').get_by_text(
            'Gültig', exact=True).wait_for()

        self.click_button(page, 'assess', 'Bestandsaufnahme beginnen')
        self.wait_selected(
            page, tab, 'state', 'Bestandsaufnahme (Assessment)')

        contacts = self.page_tab(page, 'Kontakte')
        contacts.locator('button[title="Neu"]').first.click()
        contact = self.dialog(page)
        self.fill_number(contact, 'duration', '45')
        self.fill_text(page, contact, 'notes',
            'Erstgespräch mit Dolmetscherin')
        self.assert_german(page)
        self.close_dialog(page)

        referrals = self.page_tab(page, 'Vermittlungen')
        referrals.locator('button[title="Neu"]').first.click()
        referral = self.dialog(page)
        self.choose(referral, 'recipient', 'Jobcenter Musterstadt')
        self.choose(referral, 'legal_domain', 'SGB II',
            'SGB II – Grundsicherung für Arbeitsuchende')
        self.assert_german(page)
        self.close_dialog(page)

        # the next appointment, with an interpreter
        start = dt.datetime.combine(
            dt.date.today() + dt.timedelta(days=7), dt.time(10))
        appointments = self.page_tab(page, 'Termine')
        appointments.locator('button[title="Neu"]').first.click()
        appointment = self.dialog(page, ready='employee')
        self.fill_text(page, appointment, 'subject', 'Folgegespräch')
        self.fill_text(page, appointment, 'start',
            start.strftime('%d.%m.%Y %H:%M:%S'))
        self.assertEqual(self.value(page, appointment, 'end'),
            (start + dt.timedelta(hours=1)).strftime('%d.%m.%Y %H:%M:%S'))
        self.fill_text(page, appointment, 'place', 'Beratungsraum 2')
        appointment.locator('input[name="interpreter"]').check()
        self.choose(appointment, 'interpreter_language', 'Arabisch')
        self.assert_german(page)
        self.close_dialog(page)
        self.save(page)
        self.page_tab(page, 'Termine').locator('tbody td').get_by_text(
            'Folgegespräch', exact=True).first.wait_for()
        self.page_tab(page, 'Kontakte').locator('tbody td').get_by_text(
            '45', exact=True).first.wait_for()
        self.page_tab(page, 'Vermittlungen').locator('tbody td').get_by_text(
            'Jobcenter Musterstadt', exact=True).first.wait_for()
        self.assert_german(page)
        self.screenshot(page, 'case-manager-case')

        (state, consents, contacts, referrals, party, birth_date), = (
            self.query("""
                SELECT k.state,
                    (SELECT COUNT(*) FROM kim_case_consent
                        WHERE "case" = k.id),
                    (SELECT COUNT(*) FROM kim_case_contact
                        WHERE "case" = k.id),
                    (SELECT COUNT(*) FROM kim_case_referral
                        WHERE "case" = k.id),
                    p.name, c.birth_date
                FROM kim_case k JOIN kim_case_client c ON c.id = k.client
                JOIN party_party p ON p.id = c.party
                WHERE k.number = ?""", number))
        self.assertEqual(
            (state, consents, contacts, referrals, party, birth_date),
            ('assessment', 1, 1, 1, name, '1990-03-14'))
        (subject, place, interpreter, state), = self.query("""
            SELECT a.subject, a.place, a.interpreter, a.state
            FROM kim_case_appointment a JOIN kim_case k ON k.id = a."case"
            WHERE k.number = ?""", number)
        self.assertEqual((subject, place, bool(interpreter), state),
            ('Folgegespräch', 'Beratungsraum 2', True, 'scheduled'))

        self.assertGreater(len(self.assert_pdf(page, 'Fallakte (PDF)')), 1000)

    def test_coordinator_resolution(self):
        """The coordination adopts a resolution in the meeting held and
        finds it overdue once its due date has passed"""
        title = 'Sprachkursplätze mit Kinderbetreuung ausbauen'
        start = dt.datetime.fromisoformat(self.held_meeting_start).date()
        due = start + dt.timedelta(days=1)
        self.assertLess(due, dt.date.today())
        page = self.login('petra')
        self.open_menu(page, 'KIM', 'Steuerung', 'Beschlüsse')
        tab = self.new_record(page, 'kind')
        tab.locator('input[name="name"]').fill(title)
        self.choose(tab, 'group', 'Lenkungsgruppe')
        self.choose(tab, 'meeting', self.held_meeting)
        tab.locator('input[name="due_date"]').fill(due.strftime('%d.%m.%Y'))
        tab.locator('input[name="due_date"]').press('Tab')
        self.page_tab(page, 'Text').locator('textarea[name="text"]').fill(
            'Die Lenkungsgruppe bittet das Kommunale Integrationszentrum, '
            'mit den Sprachkursträgern zusätzliche Plätze mit '
            'Kinderbetreuung zu planen.')
        responsibility = self.page_tab(page, 'Zuständigkeit')
        self.assertNotIn(self.caritas_client, ' '.join(self.completion(
                    responsibility, 'responsible_person',
                    self.caritas_client)))
        self.save(page)
        self.click_button(page, 'adopt', 'Beschließen')
        self.wait_selected(page, tab, 'state', 'Beschlossen')
        number = self.value(page, tab, 'number')
        self.assertRegex(number, r'\d{4}/\d+')
        self.page_tab(page, 'Text')
        self.assert_german(page)
        self.screenshot(page, 'coordinator-resolution')

        tab.locator('button#switch_').click()
        tab.locator('.nav-tabs a', has_text='Überfällig').first.click()
        page.wait_for_load_state('networkidle')
        tab.locator('table.tree tbody td').get_by_text(
            title, exact=True).wait_for()
        self.assert_german(page)

        # the start page of the next login lists it among the overdue
        page = self.login('petra')
        page.wait_for_selector('#tabcontent .tab-pane.active .board')
        page.get_by_text(title, exact=True).first.wait_for()
        self.assert_german(page)

    def test_finance_staffing(self):
        """Finance records a change of staff on a post of the city and
        prints the proof of use of the year with it"""
        page = self.login('frank')
        self.open_menu(page, 'KIM', 'Förderung', 'Geförderte Stellen')
        self.search(page, 'Verwaltungsassistenz KI')
        tab = self.open_record(page, 'Verwaltungsassistenz KI')
        staffing = tab.locator('.form-one2many').first
        # Jan Peters leaves at the end of November, Miriam Koch follows
        row = staffing.locator('tbody tr', has_text='Jan Peters').first
        row.click()
        row.locator('td').nth(4).click()
        end = row.locator('input[name="end_date"]')
        end.fill('30.11.2026')
        end.press('Tab')
        rows = staffing.locator('tbody tr')
        count = rows.count()
        staffing.locator('button[title="Neu"]').first.click()
        # the new line, below the others, starts with the post
        new = rows.nth(count)
        self.wait_value(page, new, 'start_date')
        self.assertEqual(
            self.completion(new, 'employee', self.caritas_employee), [])
        self.choose(new, 'employee', 'Miriam', 'Miriam Koch')
        new.locator('input[name="start_date"]').fill('01.12.2026')
        new.locator('input[name="start_date"]').press('Tab')
        self.fill_number(new, 'fte', '0.5')
        self.save(page)
        self.assert_german(page)
        self.screenshot(page, 'finance-staffing')
        self.assertEqual(self.query("""
                SELECT p.name, s.start_date, s.end_date, s.fte
                FROM kim_funding_staffing s
                JOIN kim_funding_post t ON t.id = s.post
                JOIN company_employee e ON e.id = s.employee
                JOIN party_party p ON p.id = e.party
                WHERE t.name = 'Verwaltungsassistenz KI'
                    AND s.start_date >= '2025-08-16'
                ORDER BY s.start_date"""), [
                ('Jan Peters', '2025-08-16', '2026-11-30', b'0.5'),
                ('Miriam Koch', '2026-12-01', None, b'0.5')])

        self.open_menu(page, 'KIM', 'Förderung', 'Verwendungsnachweise')
        tab = self.tab(page)
        # the city's proof of 2026 is the one without a contract
        row = tab.locator('table.tree tbody tr').filter(
            has_text='2026').filter(has_not_text='WLV-').first
        row.locator('td').get_by_text('2026', exact=True).click()
        tab.locator('button#switch_').click()
        page.wait_for_selector('#tabcontent > .tab-pane.active .form')
        page.wait_for_load_state('networkidle')
        self.click_button(page, 'compute', 'Berechnen')
        staff = self.page_tab(page, 'Stellenbesetzung')
        staff.get_by_text('Miriam Koch').first.wait_for()
        self.assert_german(page)
        self.assertGreater(len(self.assert_pdf(
                    page, 'Verwendungsnachweis (Kommune, PDF)')), 1000)
