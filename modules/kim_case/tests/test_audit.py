# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The audit of the case files in ir.model.log: what is logged and who
finds it (the reads of a read-only call, committed in a transaction of
their own, are tested over JSON-RPC in tests/test_access.py)"""
import datetime as dt
import unittest

from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import create_company, set_company
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction
from trytond.transaction import Transaction


class KimCaseAuditTestCase(unittest.TestCase):
    "Test the audit of the KIM case files"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('kim_case')

    @staticmethod
    def create_users(company, *specs):
        "Create the users (name, module, group XML id) of company"
        pool = Pool()
        Employee = pool.get('company.employee')
        ModelData = pool.get('ir.model.data')
        Party = pool.get('party.party')
        User = pool.get('res.user')
        users = []
        for name, module, group in specs:
            employee, = Employee.create([{
                        'party': Party.create([{'name': name}])[0].id,
                        'company': company.id}])
            user, = User.create([{
                        'name': name, 'login': name.split()[0].lower(),
                        'companies': [('add', [company.id])],
                        'company': company.id,
                        'employees': [('add', [employee.id])],
                        'employee': employee.id,
                        'groups': [('add', [
                                    ModelData.get_id(module, group)])],
                        }])
            users.append((user, employee))
        return users

    @staticmethod
    def as_user(user):
        "The transaction of user over RPC: her context, access checked"
        User = Pool().get('res.user')
        with Transaction().set_user(user.id):
            context = User.get_preferences(context_only=True)
        return Transaction().set_user(user.id), Transaction().set_context(
            context, _check_access=True)

    def setup_case(self):
        pool = Pool()
        Case = pool.get('kim.case')
        Client = pool.get('kim.case.client')
        Party = pool.get('party.party')
        company = create_company()
        # the officer of another organisation, who reads none of its files
        office = create_company(name="Datenschutz Testhausen")
        with set_company(office):
            (dpo, _), = self.create_users(office,
                ("Dora Schulz", 'kim', 'group_kim_data_protection'))
        with set_company(company):
            (manager, employee), = self.create_users(company,
                ("Maria Schneider", 'kim_case', 'group_kim_case_manager'))
            party, = Party.create([{'name': "Amina Yusuf"}])
            client, = Client.create([{'party': party.id}])
            case, = Case.create([{
                        'client': client.id, 'manager': employee.id,
                        'start_date': dt.date(2026, 3, 1)}])
        return case, manager, dpo

    def logs(self, case, event):
        "The logs of the event on case, stored (without access checks)"
        Log = Pool().get('ir.model.log')
        Transaction()._store_log_records()
        return Log.search([
                ('resource', '=', str(case)), ('event', '=', event)],
            order=[('id', 'ASC')])

    @with_transaction()
    def test_read_of_form_logged_list_not(self):
        "Opening the form of a case is logged, reading its list row is not"
        pool = Pool()
        Case = pool.get('kim.case')
        Client = pool.get('kim.case.client')
        case, manager, _ = self.setup_case()
        user, context = self.as_user(manager)
        with user, context:
            list_fields = list(Case.fields_view_get(
                    view_type='tree')['fields'])
            Case.read([case.id], list_fields + ['rec_name', '_timestamp'])
            Case.read([case.id], ['client.rec_name', 'state:string'])
            # the check of the rules by a button reads only the id
            Case.read([case.id], ['id'])
            self.assertEqual(self.logs(case, 'read'), [])
            Case.read([case.id], ['situation', 'rec_name'])
            Client.read([case.client.id], ['name', 'birth_date'])
        # without check of the access (internal reads) nothing is logged
        Case.read([case.id], ['situation'])
        log, = self.logs(case, 'read')
        self.assertEqual(log.user, manager)
        self.assertEqual(log.target, None)
        client_log, = self.logs(case.client, 'read')
        self.assertEqual(client_log.user, manager)

    @with_transaction()
    def test_export_and_print_logged(self):
        "The export and the print of a case file are logged by whom"
        pool = Pool()
        Case = pool.get('kim.case')
        CaseFile = pool.get('kim.case.file', type='report')
        case, manager, _ = self.setup_case()
        user, context = self.as_user(manager)
        with user, context:
            Case.export_data([case], ['number', 'client/name'])
            CaseFile.execute([case.id], {})
        export, = self.logs(case, 'export')
        self.assertEqual(
            (export.user, export.target), (manager, 'number,client/name'))
        printed, = self.logs(case, 'print')
        self.assertEqual(
            (printed.user, printed.target), (manager, 'kim.case.file'))

    @with_transaction()
    def test_logs_for_data_protection_only(self):
        """Only the data protection officer finds the logs of a case, by
        user, event, model and the name of the record, without reading
        the case"""
        pool = Pool()
        Case = pool.get('kim.case')
        Log = pool.get('ir.model.log')
        case, manager, dpo = self.setup_case()
        user, context = self.as_user(manager)
        with user, context:
            Case.write([case], {'situation': "Looking for work"})
            Case.read([case.id], ['situation'])
        read, = self.logs(case, 'read')
        written = self.logs(case, 'write')
        domain = [('resource', '=', str(case))]
        user, context = self.as_user(manager)
        with user, context:
            self.assertEqual(Log.search(domain), [])
            self.assertEqual(Log.search_count(domain), 0)
            self.assertEqual(Log.search([('event', '=', 'read')]), [])
            with self.assertRaises(AccessError):
                Log.read([read.id], ['event'])
            with self.assertRaises(AccessError):
                Log.export_data(Log.browse(written), ['event'])

        user, context = self.as_user(dpo)
        with user, context:
            logs = Log.search(domain, order=[('id', 'ASC')])
            self.assertEqual(Log.search_count(domain), len(logs))
            rows = Log.read([l.id for l in logs], [
                    'event', 'user', 'resource_name', 'resource_model',
                    'action', 'target'])
            self.assertEqual(
                [(r['event'], r['user']) for r in rows],
                [('write', manager.id), ('read', manager.id)])
            self.assertEqual({r['resource_name'] for r in rows},
                {case.rec_name})
            self.assertIn("Amina Yusuf", rows[0]['resource_name'])
            self.assertEqual(rows[0]['target'], 'situation')
            for clause in [
                    ('user', '=', manager.id),
                    ('event', '=', 'read'),
                    ('resource_model', 'ilike', '%kim.case%'),
                    ('resource_name', 'ilike', '%Yusuf%'),
                    ('create_date', '<=', dt.datetime.now()),
                    ]:
                self.assertTrue(
                    set(Log.search([clause])) & set(logs), clause)
            self.assertEqual(
                Log.search([('resource_name', 'ilike', '%Nobody%')]), [])
            self.assertEqual(Log.export_data(logs, ['event', 'user/name']),
                [['write', "Maria Schneider"], ['read', "Maria Schneider"]])
            # the record itself stays out of reach
            with self.assertRaises(AccessError):
                Case.read([case.id], ['situation'])
            with self.assertRaises(AccessError):
                Log.export_data(logs, ['resource/situation'])

        # Nothing of the audit read by the officer is logged
        self.assertEqual(len(self.logs(case, 'read')), 1)
