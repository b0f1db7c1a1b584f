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
import glob
import json
import os
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
                f"root = {var}/sao\n")
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

        db = sqlite3.connect(os.path.join(var, 'db', DATABASE + '.sqlite'))
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
        "No visible string of the menu and the open tab is English"
        texts = page.evaluate("""() => [
                '#menu', '#tablist', '#tabcontent .tab-pane.active']
            .flatMap(s => Array.from(document.querySelectorAll(s)))
            .flatMap(n => n.innerText.split('\\n'))
            .concat(Array.from(document.querySelectorAll(
                '#tabcontent .tab-pane.active [title]'))
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
        self.screenshot(page, name)

    def screenshot(self, page, name):
        page.screenshot(path=os.path.join(SCREENSHOTS, f'{name}.png'))

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
