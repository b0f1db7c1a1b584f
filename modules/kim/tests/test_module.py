# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import datetime as dt
import glob
import io
import json
import os
import zipfile
from unittest.mock import patch
from zoneinfo import ZoneInfo

from lxml import etree

from trytond.model import ModelStorage
from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import (
    CompanyTestMixin, create_company, set_company)
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.exceptions import LinkValueError
from trytond.modules.kim.ir import Readable
from trytond.pool import Pool, isregisteredby
from trytond.modules import get_module_info
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.tools import find_dir
from trytond.transaction import Transaction, check_access


class AccessTestMixin:
    "Every storage model of the module follows the access mechanisms"

    @with_transaction()
    def test_models_access_mixin(self):
        pool = Pool()
        missing = [name for name, Model in pool.iterobject()
            if isregisteredby(Model, self.module)
            and issubclass(Model, ModelStorage)
            and (name.startswith('kim.') or name.startswith('kim_'))
            and not issubclass(Model, AccessMixin)]
        self.assertEqual(missing, [])


class ViewTestMixin:
    "The views of the module show in the Tryton clients"

    @with_transaction()
    def test_tree_datetime_widgets(self):
        """A date and time in a list has the date or time widget: the lists
        of the clients have no widget for both"""
        pool = Pool()
        View = pool.get('ir.ui.view')
        views = View.search([
                ('module', '=', self.module),
                ('type', '=', 'tree'),
                ])
        for view in views:
            Model = pool.get(view.model)
            fields = Model.fields_view_get(view_id=view.id)
            for node in etree.fromstring(fields['arch']).iter('field'):
                field = fields['fields'].get(node.get('name'), {})
                if field.get('type') in {'datetime', 'timestamp'}:
                    with self.subTest(view=view.name, field=node.get('name')):
                        self.assertIn(node.get('widget'), {'date', 'time'})


class OptionalViewsTestMixin:
    """The views of the module's <data depends="…"> sections are unused
    when the modules they depend on are not activated"""

    @with_transaction()
    def _optional_view_files(self):
        Module = Pool().get('ir.module')
        directory = find_dir(self.module, subdir='modules')
        info = get_module_info(self.module)
        files = set()
        for name in info.get('xml', []):
            tree = etree.parse(os.path.join(directory, name))
            for data in tree.iterfind('data[@depends]'):
                depends = {d.strip() for d in data.get('depends').split(',')}
                if Module.search_count([
                            ('name', 'in', list(depends)),
                            ('state', '=', 'activated'),
                            ]) == len(depends):
                    continue
                for record in data.iterfind(
                        'record[@model="ir.ui.view"]/field[@name="name"]'):
                    files.add(os.path.join(
                            directory, 'view', record.text + '.xml'))
        return files

    def test_view(self):
        optional = self._optional_view_files()
        glob_ = glob.glob

        def view_files(pathname, *args, **kwargs):
            return [f for f in glob_(pathname, *args, **kwargs)
                if f not in optional]
        with patch('trytond.tests.test_tryton.glob.glob', view_files):
            super().test_view()


class KimTestCase(
        AccessTestMixin, ViewTestMixin, CompanyTestMixin, ModuleTestCase):
    "Test KIM module"
    module = 'kim'

    @staticmethod
    def _hide(model, field, value):
        "Hide the records of model whose field has value by a global rule"
        RuleGroup = Pool().get('ir.rule.group')
        RuleGroup.create([{
                    'name': f"Not {value}",
                    'model': model,
                    'global_p': True,
                    'rules': [('create', [{
                                    'domain': json.dumps(
                                        [[field, '!=', value]]),
                                    }])],
                    }])

    def _secret_party(self):
        "Create a party hidden by a global rule and a user it applies to"
        pool = Pool()
        Party = pool.get('party.party')
        User = pool.get('res.user')
        secret = Party(name="Secret Person", addresses=[{'street': "Way 1"}])
        public = Party(name="Public Office", addresses=[{'street': "Road 2"}])
        Party.save([secret, public])
        self._hide('party.party', 'name', "Secret Person")
        Group = pool.get('res.group')
        ModelData = pool.get('ir.model.data')
        party_admin = Group(ModelData.get_id('party', 'group_party_admin'))
        user, = User.create([{
                    'name': "Reader", 'login': 'reader',
                    'groups': [('add', [party_admin.id])],
                    }])
        return secret, public, user

    @with_transaction()
    def test_export_follows_inherited_rules(self):
        "Export checks rules inherited through __access__ and nested paths"
        pool = Pool()
        Party = pool.get('party.party')
        Address = pool.get('party.address')
        secret, public, user = self._secret_party()
        Address.create([{'party': public.id, 'street': "Hidden Street"}])
        self._hide('party.address', 'street', "Hidden Street")
        road, = Address.search([('street', '=', "Road 2")])
        with Transaction().set_user(user.id), check_access():
            self.assertEqual(
                Party.export_data([Party(public.id)], ['name']),
                [["Public Office"]])
            self.assertEqual(
                Address.export_data([Address(road.id)], ['party/name']),
                [["Public Office"]])
            # a nested path reaching the hidden address
            with self.assertRaises(AccessError):
                Party.export_data([Party(public.id)], ['addresses/street'])
            # the rule of the party inherited by its address
            with self.assertRaises(AccessError):
                Address.export_data(
                    [Address(secret.addresses[0].id)], ['street'])

    @with_transaction()
    def test_copy_write_delete_follow_rules(self):
        "Copy, write and delete check the rules before anything else"
        pool = Pool()
        Party = pool.get('party.party')
        secret, public, user = self._secret_party()
        count = Party.search_count([])
        with Transaction().set_user(user.id), check_access():
            for call in [
                    lambda: Party.copy([Party(secret.id)]),
                    lambda: Party.write(
                        [Party(secret.id)], {'name': "Renamed"}),
                    lambda: Party.delete([Party(secret.id)]),
                    ]:
                with self.assertRaises(AccessError) as cm:
                    call()
                self.assertNotIn("Secret", cm.exception.message)
        self.assertEqual(Party.search_count([]), count)
        self.assertEqual(secret.name, "Secret Person")

    @with_transaction()
    def test_links_follow_rules(self):
        "Links to unreadable, missing or badly typed records are refused"
        pool = Pool()
        Address = pool.get('party.address')
        Party = pool.get('party.party')
        secret, public, user = self._secret_party()
        with Transaction().set_user(user.id), check_access():
            with self.assertRaises(AccessError):
                Address.create([{'party': secret.id, 'street': "Hidden"}])
            with self.assertRaises(LinkValueError):
                Address.create([{'party': 10 ** 9, 'street': "None"}])
            with self.assertRaises(LinkValueError):
                Address.create([{'party': str(public.id)}])
            # SQLite has no foreign keys to refuse a negative id
            with self.assertRaises(LinkValueError):
                Address.create([{'party': -5, 'street': "None"}])
            # nor a type to refuse a number for a text
            with self.assertRaises(LinkValueError):
                Address.create([{'party': public.id, 'street': 5}])
            with self.assertRaises(LinkValueError):
                Address.search([('street', '=', "Ok"), 'OR'])
            with self.assertRaises(LinkValueError):
                Party.write([Party(public.id)], {'addresses': 'add'})
            # the form's checks and on_change calls build records too
            with self.assertRaises(AccessError):
                Address(party=secret.id, street="Hidden").pre_validate()
            with self.assertRaises(AccessError):
                Address(party=secret.id).on_change(['party'])
            Address(party=public.id, street="Ok").pre_validate()
            address, = Address.create([{'party': public.id, 'street': "Ok"}])
            self.assertEqual(address.party, public)
        self.assertEqual(Address.search_count([('street', '=', "Hidden")]), 0)

    @with_transaction()
    def test_erase_follows_rules(self):
        "The party erase wizard refuses a party the user may not read"
        pool = Pool()
        Erase = pool.get('party.erase', type='wizard')
        secret, public, user = self._secret_party()
        with Transaction().set_user(user.id):
            session_id, _, _ = Erase.create()
            erase = Erase(session_id)
            erase.ask.party = secret
            with self.assertRaises(AccessError):
                erase.transition_erase()
        self.assertEqual(secret.name, "Secret Person")

    @with_transaction()
    def test_resources_of_unreadable_models(self):
        "Notes of models the user may not read are left out of her search"
        pool = Pool()
        ModelAccess = pool.get('ir.model.access')
        Note = pool.get('ir.note')
        PartyLang = pool.get('party.configuration.party_lang')
        secret, public, user = self._secret_party()
        hidden, = PartyLang.create([{}])
        ModelAccess.create([{
                    'model': PartyLang.__name__,
                    'perm_read': False,
                    }])
        visible, _, _ = Note.create([
                {'resource': str(public), 'message': "Visible"},
                {'resource': str(hidden), 'message': "Hidden model"},
                {'resource': str(secret), 'message': "Hidden record"},
                ])
        with Transaction().set_user(user.id), check_access():
            self.assertEqual(Note.search([]), [visible])
            self.assertEqual(Note.search_count([]), 1)

    @with_transaction()
    def test_readable_domain(self):
        "The readable domain of a model follows rights and rules"
        pool = Pool()
        ModelAccess = pool.get('ir.model.access')
        secret, public, user = self._secret_party()
        ModelAccess.create([{
                    'model': 'ir.note',
                    'perm_read': False,
                    }])
        readable = Readable()
        with Transaction().set_user(user.id), check_access():
            self.assertEqual(readable['ir.note'], [('id', '=', None)])
            self.assertEqual(
                pool.get('party.party').search(
                    [('id', 'in', [secret.id, public.id]),
                        readable['party.party']]),
                [public])
        self.assertEqual(readable['party.party'], [])
        with self.assertRaises(KeyError):
            readable['no.such.model']

    @with_transaction()
    def test_companies_follow_context(self):
        "The companies of a user are not kept from another context"
        pool = Pool()
        User = pool.get('res.user')
        company = create_company()
        with set_company(company):
            user, = User.create([{
                        'name': "Clerk", 'login': 'clerk',
                        'companies': [('add', [company.id])],
                        'company': company.id,
                        }])
            with Transaction().set_user(user.id):
                with Transaction().set_context(company=None):
                    self.assertEqual(list(User.get_companies()), [])
                with Transaction().set_context(company=company.id):
                    self.assertEqual(
                        list(User.get_companies()), [company.id])

    @with_transaction()
    def test_names_follow_parties(self):
        "The names of parties, companies and employees follow the parties"
        pool = Pool()
        Party = pool.get('party.party')
        Company = pool.get('company.company')
        Employee = pool.get('company.employee')
        company = create_company()
        person = Party(name="Erika Muster")
        person.save()
        employee = Employee(party=person, company=company)
        employee.save()
        self.assertEqual(Employee(employee.id).rec_name, "Erika Muster")
        self.assertEqual(
            Company(company.id).rec_name, company.party.name)

        person.name = "Erika Beispiel"
        person.save()
        company.party.name = "Stadt Musterstadt"
        company.party.save()
        self.assertEqual(Employee(employee.id).rec_name, "Erika Beispiel")
        self.assertEqual(Company(company.id).rec_name, "Stadt Musterstadt")

        person.name = None
        person.save()
        self.assertEqual(Party(person.id).rec_name, f'[{person.code}]')
        self.assertEqual(Employee(employee.id).rec_name, f'[{person.code}]')

        other = Party(name="Max Muster")
        other.save()
        employee.party = other
        employee.save()
        self.assertEqual(Employee(employee.id).rec_name, "Max Muster")

    @with_transaction()
    def test_format_date_follows_language(self):
        "Dates follow the format of the language and its changes"
        pool = Pool()
        Lang = pool.get('ir.lang')
        date = dt.date(2026, 12, 2)
        german, = Lang.search([('code', '=', 'de')])
        with Transaction().set_context(language='de'):
            self.assertEqual(Lang.format_date(date), '02.12.2026')
            german.date = '%d/%m/%Y'
            german.save()
            self.assertEqual(Lang.format_date(date), '02/12/2026')
            german.date = '%d %B %Y'
            german.save()
            self.assertEqual(
                Lang.format_date(date), Lang.get('de').strftime(date))
        with Transaction().set_context(language='en'):
            self.assertEqual(Lang.format_date(date), '12/02/2026')

    @with_transaction()
    def test_today_follows_company_timezone(self):
        "Today is the date in the time zone of the organisation"
        pool = Pool()
        Date = pool.get('ir.date')
        company = create_company()
        with set_company(company):
            # 25 hours apart: never the same date
            for name in ['Pacific/Kiritimati', 'Pacific/Pago_Pago']:
                company.timezone = name
                company.save()
                self.assertEqual(
                    Date.today(), dt.datetime.now(ZoneInfo(name)).date())

    @with_transaction()
    def test_party_menu_for_administrators(self):
        "Of the roles of the suite only the administration sees Parties"
        pool = Pool()
        Menu = pool.get('ir.ui.menu')
        ModelData = pool.get('ir.model.data')
        User = pool.get('res.user')
        menu_id = ModelData.get_id('party', 'menu_party')
        coordination = ModelData.get_id('kim', 'group_kim_coordination')
        admin = ModelData.get_id('kim', 'group_kim_admin')
        user, = User.create([
                {'login': 'coordinator', 'groups': [('add', [coordination])]}])
        for groups, visible in [([], False), ([admin], True)]:
            User.write([user], {'groups': [('add', groups)]})
            with Transaction().set_user(user.id), check_access():
                self.assertEqual(
                    bool(Menu.search([('id', '=', menu_id)])), visible)

    def _data_protection_officer(self, login='dpo'):
        "Create a user of the data protection group"
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        User = pool.get('res.user')
        group = ModelData.get_id('kim', 'group_kim_data_protection')
        user, = User.create([{
                    'name': "DPO", 'login': login,
                    'groups': [('add', [group])],
                    }])
        return user

    @with_transaction()
    def test_personal_data_of_party(self):
        """The export of a person holds her names, addresses, contact
        mechanisms and identifiers with their labels in the language of the
        user, and the log entries of her records"""
        pool = Pool()
        Party = pool.get('party.party')
        Log = pool.get('ir.model.log')
        party = Party(name="Amal Haddad", addresses=[{
                    'street': "Hafenweg 3", 'postal_code': "44100",
                    'city': "Testhausen", 'active': False}],
            contact_mechanisms=[{'type': 'phone', 'value': "+4923150505"}],
            identifiers=[{'type': None, 'code': "ID-4711"}])
        party.save()
        Log.create([{
                    'resource': str(party), 'event': 'write',
                    'target': 'name', 'user': 1}])
        data = json.loads(Party.kim_personal_json(party))
        self.assertEqual(data['format'], 'kim-personal-data/1')
        self.assertEqual(data['person'], {
                'id': party.id, 'name': "Amal Haddad"})
        sections = {s['model']: s for s in data['sections']}
        self.assertEqual(list(sections), [
                'party.party', 'party.address', 'party.contact_mechanism',
                'party.identifier', 'ir.model.log'])
        self.assertIn('Hafenweg 3', json.dumps(sections['party.address']))
        self.assertIn('ID-4711', json.dumps(sections['party.identifier']))
        values = {v['field']: v
            for v in sections['party.party']['records'][0]['fields']}
        self.assertEqual(values['name']['value'], "Amal Haddad")
        log, = sections['ir.model.log']['records']
        fields_ = {v['field']: v['value'] for v in log['fields']}
        self.assertEqual(fields_['target'], 'name')
        # ISO in the file
        dt.datetime.fromisoformat(fields_['create_date'])

        with Transaction().set_context(language='de'):
            data = Party.kim_personal_data(party)
        mechanism, = [s for s in data['sections']
            if s['model'] == 'party.contact_mechanism']
        values = {v['field']: v for v in mechanism['records'][0]['fields']}
        self.assertEqual(values['type']['value'], 'phone')
        self.assertEqual(data['language'], 'de')

    @with_transaction()
    def test_personal_data_follows_rules(self):
        """The export of a person the user may not read is refused; nothing
        of a record she may not read comes into the export"""
        pool = Pool()
        Party = pool.get('party.party')
        secret, public, _ = self._secret_party()
        user = self._data_protection_officer()
        with Transaction().set_user(user.id):
            with self.assertRaises(AccessError):
                Party.kim_personal_data(secret)
            data = Party.kim_personal_json(public)
        self.assertIn(b'Road 2', data)
        self.assertNotIn(b'Secret Person', data)

    @with_transaction()
    def test_personal_data_wizard(self):
        """The wizard of the person's actions gives the document (ODT) and
        the JSON file to the data protection group, nobody else"""
        pool = Pool()
        Party = pool.get('party.party')
        ModelData = pool.get('ir.model.data')
        Keyword = pool.get('ir.action.keyword')
        Wizard = pool.get('kim.party.personal_data', type='wizard')
        party, = Party.create([{'name': "Amal Haddad"}])
        action_id = ModelData.get_id('kim', 'wizard_personal_data')
        self.assertEqual(Keyword.search_count([
                    ('keyword', '=', 'form_action'),
                    ('model', '=', 'party.party,-1'),
                    ('action.id', '=', action_id),
                    ]), 1)
        dpo = self._data_protection_officer()
        other = self._data_protection_officer('other')
        other.groups = []
        other.save()
        context = {
            'active_model': 'party.party', 'active_id': party.id,
            'active_ids': [party.id], 'action_id': action_id}

        with Transaction().set_user(other.id), Transaction().set_context(
                context), check_access():
            with self.assertRaises(AccessError):
                Wizard.create()

        with Transaction().set_user(dpo.id), Transaction().set_context(
                context), check_access():
            session_id, _, _ = Wizard.create()
            with patch('shutil.which', return_value=None):
                result = Wizard.execute(session_id, {}, 'export')
        values = result['view']['defaults']
        data = json.loads(values['data'])
        self.assertEqual(data['person']['name'], "Amal Haddad")
        self.assertTrue(values['data_name'].endswith('.json'))
        self.assertTrue(values['document_name'].endswith('.odt'))
        self.assertIsNone(values['pdf'])
        with zipfile.ZipFile(io.BytesIO(values['document'])) as odt:
            self.assertIn('Amal Haddad', odt.read('content.xml').decode())


del ModuleTestCase
