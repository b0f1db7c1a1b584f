# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The right of access (Art. 15 GDPR) over JSON-RPC, as real logins.

The database of the access tests (``access_fixture``) gets a data
protection officer for each organisation.  Each runs the wizard of the
person's actions as the web client does: she gets the document and the
JSON file of what is stored about a person of her organisation, across
kim_case, kim_funding, kim_steering and kim_authority, and is refused the
person of another organisation; a case manager cannot run the wizard."""
import io
import json
import unittest
import zipfile

from .access_fixture import MARKERS, PASSWORD, Fixture, TrytonServer
from .rpc import RPCError

WIZARD = 'kim.party.personal_data'
# login: (name, organisation)
OFFICERS = {
    'carla': ("Carla Datenschutz", 'caritas'),
    'detlef': ("Detlef Datenschutz", 'drk'),
    'karin': ("Karin Datenschutz", 'kommune'),
    }


class PersonalDataTestCase(unittest.TestCase):
    "The export of the right of access over JSON-RPC"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = TrytonServer(prefix='test_kim_art15')
        try:
            cls.server.setup()
            cls.fixture = Fixture(cls.server).load()
            cls._load_officers()
        except BaseException:
            cls.server.stop()
            raise
        cls.ids = cls.fixture.ids
        cls.action_id = cls.fixture.ref('kim', 'wizard_personal_data')

    @classmethod
    def tearDownClass(cls):
        try:
            cls.server.stop()
        finally:
            super().tearDownClass()

    @classmethod
    def _load_officers(cls):
        fixture = cls.fixture
        User = fixture.model('admin', 'res.user')
        Company = fixture.model('admin', 'company.company')
        Group = fixture.model('admin', 'res.group')
        Lang = fixture.model('admin', 'ir.lang')
        group = fixture.ref('kim', 'group_kim_data_protection')
        for login, (name, organisation) in OFFICERS.items():
            company = Company(fixture.companies[organisation])
            user = User(name=name, login=login, password=PASSWORD,
                language=Lang(fixture.lang_de))
            user.companies.append(company)
            user.company = company
            user.groups.append(Group(group))
            user.save()

    def export(self, login, key):
        """Run the wizard as login on the party key and return the values
        of its result: the document and the JSON file"""
        session = self.fixture.session(login)
        party_id = self.ids[key]
        context = session._context({
                'active_model': 'party.party', 'active_id': party_id,
                'active_ids': [party_id], 'action_id': self.action_id})
        session_id, _, _ = session.call(
            f'wizard.{WIZARD}.create', context)
        try:
            result = session.call(
                f'wizard.{WIZARD}.execute', session_id, {}, 'export',
                context)
        finally:
            session.call(f'wizard.{WIZARD}.delete', session_id, context)
        return result['view']['defaults']

    def sections(self, values):
        data = json.loads(values['data'].decode('utf-8'))
        return data, {s['model']: s for s in data['sections']}

    @staticmethod
    def document(values):
        with zipfile.ZipFile(io.BytesIO(values['document'])) as odt:
            return odt.read('content.xml').decode('utf-8')

    def assertShows(self, text, keys):
        for key in keys:
            for marker in MARKERS[key]:
                self.assertIn(marker, text, f"{key}: {marker}")

    def assertHides(self, text, keys):
        for key in keys:
            for marker in MARKERS[key]:
                self.assertNotIn(marker, text, f"{key}: {marker}")

    def test_client_of_own_organisation(self):
        """the officer of the Caritas gets the client file of Amina with
        all her cases (of maria and of lena), their lines, notes,
        attachments and logs, in German, nothing of the DRK"""
        values = self.export('carla', 'party_amina')
        data, sections = self.sections(values)
        self.assertEqual(data['person']['name'], "Amina Yusuf")
        self.assertEqual(data['language'], 'de')
        text = values['data'].decode('utf-8')
        self.assertShows(text, ['case_a', 'case_a2', 'case_a3',
                'client_amina', 'address_amina', 'phone_amina',
                'member_amina', 'need_a', 'goal_a', 'consent_a',
                'referral_a', 'contact_a', 'contact_a2', 'contact_a3',
                'appointment_a', 'reminder_a', 'note_a', 'attachment_a'])
        self.assertHides(text, ['case_d', 'client_dmitri', 'case_l',
                'client_leyla', 'note_d', 'contact_d'])
        # the write of the case by maria is logged and exported
        events = [{v['field']: v['value'] for v in r['fields']}
            for r in sections['ir.model.log']['records']]
        self.assertTrue(any(e.get('event') == 'write'
                and e.get('user') == "Maria Schneider" for e in events),
            events)
        # dates ISO in the file, German in the document
        client, = sections['kim.case.client']['records']
        birth_date, = [v for v in client['fields']
            if v['field'] == 'birth_date']
        self.assertEqual(birth_date['value'], '1991-04-02')
        self.assertEqual(birth_date['text'], '02.04.1991')
        self.assertEqual(birth_date['label'], "Geburtsdatum")
        content = self.document(values)
        self.assertIn("Auskunft", content)
        self.assertIn("02.04.1991", content)
        self.assertShows(content, ['case_a', 'consent_a', 'referral_a'])
        self.assertHides(content, ['case_d', 'client_dmitri'])
        self.assertTrue(values['data_name'].endswith('.json'))
        self.assertTrue(values['document_name'].endswith('.odt'))
        if values.get('pdf_name'):
            self.assertTrue(values['pdf'].startswith(b'%PDF'))

    def test_client_of_other_organisation(self):
        """the officer of the Caritas is refused Dmitri of the DRK, without
        a word of his file; the officer of the DRK gets it"""
        with self.assertRaises(RPCError) as context:
            self.export('carla', 'party_dmitri')
        self.assertHides(context.exception.text, [
                'party_dmitri', 'case_d', 'contact_d'])
        values = self.export('detlef', 'party_dmitri')
        text = values['data'].decode('utf-8')
        self.assertShows(text, ['case_d', 'member_dmitri', 'consent_d',
                'referral_d', 'contact_d', 'note_d', 'attachment_d'])
        self.assertHides(text, ['case_a', 'client_amina'])

    def test_staff_and_funding(self):
        """the officer of the Caritas gets the staffing of maria on the
        post of the Caritas, the officer of the DRK not"""
        values = self.export('carla', 'party_employee_maria')
        _, sections = self.sections(values)
        self.assertIn('company.employee', sections)
        staffing, = sections['kim.funding.staffing']['records']
        self.assertEqual(staffing['id'], self.ids['staffing_caritas'])
        self.assertShows(values['data'].decode('utf-8'), ['post_caritas'])
        values = self.export('detlef', 'party_employee_maria')
        _, sections = self.sections(values)
        self.assertNotIn('kim.funding.staffing', sections)
        self.assertHides(values['data'].decode('utf-8'), ['post_caritas'])

    def test_authority_and_steering(self):
        """the officer of the Kommune gets the procedure of Yonas (of the
        foreigners' authority) with its periods and requirements, and the
        membership of the chair in the steering group"""
        values = self.export('karin', 'party_yonas')
        text = values['data'].decode('utf-8')
        self.assertShows(text, [
                'procedure_abh', 'period_abh', 'requirement_abh'])
        self.assertHides(text, ['procedure_ebh'])
        with self.assertRaises(RPCError):
            self.export('carla', 'party_yonas')

        Member = self.fixture.session('admin')
        member, = Member.model('kim.steering.member', 'read',
            [self.ids['steering_member']], ['party'])
        self.ids['party_chair'] = member['party']
        values = self.export('karin', 'party_chair')
        _, sections = self.sections(values)
        records = sections['kim.steering.member']['records']
        self.assertEqual(
            [r['id'] for r in records], [self.ids['steering_member']])
        self.assertShows(values['data'].decode('utf-8'), ['steering_member'])

    def test_case_manager_refused(self):
        """a case manager cannot run the wizard, not even on a client she
        reads, nor print its document"""
        with self.assertRaises(RPCError):
            self.export('maria', 'party_amina')
        session = self.fixture.session('maria')
        with self.assertRaises(RPCError) as context:
            session.report(WIZARD, [self.ids['party_amina']], {
                    'model': 'party.party', 'id': self.ids['party_amina'],
                    'ids': [self.ids['party_amina']],
                    'action_id': self.fixture.ref(
                        'kim', 'report_personal_data')})
        self.assertHides(context.exception.text, ['case_a'])
