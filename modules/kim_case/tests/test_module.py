# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import datetime as dt
import json

from lxml import etree

from trytond.model import fields
from trytond.modules.company.tests import (
    CompanyTestMixin, PartyCompanyCheckEraseMixin, create_company,
    set_company)
from trytond.modules.kim.tests import AccessTestMixin, ViewTestMixin
from trytond.exceptions import UserError
from trytond.model.exceptions import (
    DomainValidationError, RequiredValidationError)
from trytond.pool import Pool
from trytond.pyson import PYSONDecoder
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction

from .test_audit import KimCaseAuditTestCase  # noqa: F401


class KimCaseTestCase(
        AccessTestMixin, ViewTestMixin, PartyCompanyCheckEraseMixin,
        CompanyTestMixin, ModuleTestCase):
    "Test KIM Case module"
    module = 'kim_case'

    @staticmethod
    def create_cases(*values):
        "Create the cases of one client in the organisation of the context"
        pool = Pool()
        Case = pool.get('kim.case')
        Client = pool.get('kim.case.client')
        Party = pool.get('party.party')
        party, = Party.create([{'name': "Amal Haddad"}])
        client, = Client.create([{'party': party.id}])
        return Case.create([{'client': client.id, **v} for v in values])

    @with_transaction()
    def test_catalog_names_follow_changes(self):
        "The cached names of a catalog follow its changes and translations"
        pool = Pool()
        Lang = pool.get('ir.lang')
        TargetGroup = pool.get('kim.case.target_group')
        Translation = pool.get('ir.translation')
        for code in ['en', 'de']:
            lang, = Lang.search([('code', '=', code)])
            lang.translatable = True
            lang.save()

        with Transaction().set_context(language='en'):
            group, = TargetGroup.create([{'name': "Families"}])
            self.assertEqual(TargetGroup(group.id).rec_name, "Families")
            TargetGroup.write([group], {'name': "Young Families"})
            self.assertEqual(
                TargetGroup(group.id).rec_name, "Young Families")
        with Transaction().set_context(language='de'):
            TargetGroup.write([group], {'name': "Junge Familien"})
            self.assertEqual(
                TargetGroup(group.id).rec_name, "Junge Familien")

        translation, = Translation.search([
                ('name', '=', 'kim.case.target_group,name'),
                ('lang', '=', 'de'),
                ('res_id', '=', group.id),
                ])
        translation.value = "Familien"
        translation.save()
        with Transaction().set_context(language='de'):
            self.assertEqual(TargetGroup(group.id).rec_name, "Familien")
        with Transaction().set_context(language='en'):
            self.assertEqual(
                TargetGroup(group.id).rec_name, "Young Families")

        TargetGroup.write([group], {'active': False})
        with Transaction().set_context(language='en'):
            self.assertEqual(
                TargetGroup(group.id).rec_name, "Young Families")

    @with_transaction()
    def test_case_form_lines_without_case(self):
        "The tabs of the case form do not list the case of their lines"
        pool = Pool()
        Case = pool.get('kim.case')
        fields = Case.fields_view_get(view_type='form')['fields']
        for name, shown in [
                ('contacts', 'date'),
                ('appointments', 'start'),
                ('reminders', 'date'),
                ('goals', 'agreed_date'),
                ('referrals', 'date')]:
            with self.subTest(tab=name):
                view, = fields[name]['views'].values()
                self.assertEqual(view['type'], 'tree')
                self.assertNotIn('case', list(view['fields']))
                self.assertIn(shown, list(view['fields']))

    @with_transaction()
    def test_line_lists_show_case(self):
        "The lists of contacts, goals and referrals say whose they are"
        pool = Pool()
        for model in [
                'kim.case.contact', 'kim.case.goal', 'kim.case.referral',
                'kim.case.appointment', 'kim.case.reminder']:
            Model = pool.get(model)
            arch = etree.fromstring(
                Model.fields_view_get(view_type='tree')['arch'])
            with self.subTest(model=model):
                case, = arch.iterfind('field[@name="case"]')
                self.assertNotEqual(case.get('optional'), '1')

    @with_transaction()
    def test_client_person_in_one_form(self):
        "The person of a client is entered in a form of what is recorded"
        pool = Pool()
        Client = pool.get('kim.case.client')
        ModelData = pool.get('ir.model.data')
        Party = pool.get('party.party')
        arch = etree.fromstring(
            Client.fields_view_get(view_type='form')['arch'])
        party, = arch.iterfind('.//field[@name="party"]')
        view_id = ModelData.get_id('kim_case', 'party_view_form_client')
        # the clients take the second view of a many2one for its form
        self.assertEqual(party.get('view_ids'), '%s,%s' % (
                ModelData.get_id('party', 'party_view_tree'), view_id))
        view = Party.fields_view_get(view_id=view_id)

        def shown(arch):
            return [
                f.get('name') for f in etree.fromstring(arch).iter('field')]
        self.assertEqual(
            shown(view['arch']),
            ['name', 'lang', 'addresses', 'contact_mechanisms'])
        for name, fields_ in [
                ('addresses', ['street', 'postal_code', 'city', 'country']),
                ('contact_mechanisms', ['type', 'value', 'comment'])]:
            embedded, = view['fields'][name]['views'].values()
            self.assertEqual(shown(embedded['arch']), fields_)

    @with_transaction()
    def test_client_from_typed_name(self):
        """The name typed where a client is created becomes the name of her
        person, which is created with the client"""
        pool = Pool()
        Client = pool.get('kim.case.client')
        Party = pool.get('party.party')
        company = create_company()
        with set_company(company):
            with Transaction().set_context(default_rec_name="Amira Haddou"):
                defaults = Client.default_get(['name', 'party', 'company'])
            self.assertEqual(defaults['name'], "Amira Haddou")
            self.assertNotIn('party', defaults)

            client, = Client.create([{
                        'company': company.id, 'name': "Amira Haddou"}])
            self.assertEqual(client.party.name, "Amira Haddou")
            self.assertEqual(client.rec_name, "Amira Haddou")

            Client.write([client], {'name': "Amira Haddou-Saleh"})
            self.assertEqual(client.party.name, "Amira Haddou-Saleh")

            other = Party(name="Samira Haddou")
            other.save()
            client.party = other
            client.on_change_party()
            self.assertEqual(client.name, "Samira Haddou")

            with self.assertRaises(RequiredValidationError):
                Client.create([{'company': company.id}])

    @with_transaction()
    def test_case_file_as_pdf(self):
        "The case file prints from the case as ODT and as PDF"
        pool = Pool()
        Keyword = pool.get('ir.action.keyword')
        Report = pool.get('ir.action.report')
        reports = Report.search([('report_name', '=', 'kim.case.file')])
        self.assertEqual(
            sorted(r.extension or r.template_extension for r in reports),
            ['odt', 'pdf'])
        for report in reports:
            self.assertEqual(Keyword.search_count([
                        ('keyword', '=', 'form_print'),
                        ('model', '=', 'kim.case,-1'),
                        ('action', '=', report.action.id),
                        ]), 1)

    @with_transaction()
    def test_case_manager_board(self):
        "The start page of a case manager lists what is due in her cases"
        pool = Pool()
        ActWindow = pool.get('ir.action.act_window')
        Consent = pool.get('kim.case.consent')
        Date = pool.get('ir.date')
        Employee = pool.get('company.employee')
        ModelData = pool.get('ir.model.data')
        Party = pool.get('party.party')
        company = create_company()
        with set_company(company):
            today = Date.today()
            mine, other = Employee.create([
                    {'party': Party.create([{'name': n}])[0].id,
                        'company': company.id}
                    for n in ["Anna Becker", "Jonas Weber"]])
            cases = self.create_cases(*(
                    {'start_date': today, 'manager': e.id}
                    for e in [mine, other]))
            soon, _, _ = Consent.create([
                    {'case': c.id, 'date': today, 'purpose': "Referral",
                        'valid_until': today + dt.timedelta(days=d)}
                    for c, d in [(cases[0], 10), (cases[1], 10),
                        (cases[0], 60)]])

            def board(fs_id):
                action = ActWindow(ModelData.get_id('kim_case', fs_id))
                tab, = action.act_window_domains
                domain = PYSONDecoder(
                    {'context': {'employee': mine.id}}).decode(tab.domain)
                return pool.get(action.res_model).search(domain)
            self.assertEqual(board('act_board_consent_expiring'), [soon])
            self.assertEqual(board('act_board_case_intake'), [cases[0]])

    @with_transaction()
    def test_contact_overdue(self):
        "A case is overdue without a contact for the configured days"
        pool = Pool()
        Case = pool.get('kim.case')
        Configuration = pool.get('kim.case.configuration')
        Contact = pool.get('kim.case.contact')
        Date = pool.get('ir.date')
        company = create_company()
        with set_company(company):
            today = Date.today()
            days = dt.timedelta
            recent, old, without, new = self.create_cases(*(
                    {'start_date': today - days(d)}
                    for d in [100, 100, 100, 5]))
            Contact.create([
                    {'case': c.id, 'date': today - days(d), 'duration': 30}
                    for c, d in [(recent, 50), (recent, 10), (old, 40)]])
            config = Configuration(1)
            config.contact_overdue_days = 30
            config.save()

            self.assertEqual(
                Case.search([('contact_overdue', '=', True)], order=[
                        ('id', 'ASC')]), [old, without])
            self.assertEqual(
                Case.search([('contact_overdue', '=', False)], order=[
                        ('id', 'ASC')]), [recent, new])
            self.assertEqual(
                [(c.last_contact, c.contact_overdue)
                    for c in Case.browse([recent, without])],
                [(today - days(10), False), (None, True)])

            config.contact_overdue_days = 45
            config.save()
            self.assertEqual(
                Case.search([('contact_overdue', '=', True)]), [without])

    @with_transaction()
    def test_case_tabs_as_core(self):
        "The tabs of one case hold the lines in core's order"
        pool = Pool()
        Case = pool.get('kim.case')
        Consent = pool.get('kim.case.consent')
        Contact = pool.get('kim.case.contact')
        company = create_company()
        with set_company(company):
            cases = self.create_cases(
                {'start_date': dt.date(2026, 1, 5)},
                {'start_date': dt.date(2026, 2, 1)})
            Contact.create([
                    {'case': c.id, 'date': dt.date(2026, 3, d),
                        'duration': 30}
                    for c in cases for d in [2, 9, 4]])
            Consent.create([
                    {'case': c.id, 'date': dt.date(2026, 1, d),
                        'purpose': "Case management"}
                    for c in cases for d in [5, 20]])

            for name in ['contacts', 'consents']:
                field = Case._fields[name]
                core = super(type(field), field).get
                for ids in [[cases[0].id], [c.id for c in cases]]:
                    with self.subTest(tab=name, ids=ids):
                        self.assertEqual(
                            field.get(ids, Case, name),
                            core(ids, Case, name))
            case, = Case.read([cases[0].id], ['contacts'])
            self.assertEqual(
                [c.date.day for c in Contact.browse(case['contacts'])],
                [9, 4, 2])
            self.assertIsInstance(Case._fields['contacts'], fields.One2Many)

    @with_transaction()
    def test_case_form_tabs_under_rules(self):
        "The tabs of the form hold the lines of the case the user may read"
        pool = Pool()
        Barrier = pool.get('kim.case.barrier')
        Case = pool.get('kim.case')
        Consent = pool.get('kim.case.consent')
        Contact = pool.get('kim.case.contact')
        RuleGroup = pool.get('ir.rule.group')
        User = pool.get('res.user')
        company = create_company()
        with set_company(company):
            (anna, ben), (user, _) = self.create_staff(
                company, "Anna Becker", "Ben Kaya")
            mine, theirs = self.create_cases(
                {'start_date': dt.date(2026, 1, 5), 'manager': anna.id},
                {'start_date': dt.date(2026, 1, 5), 'manager': ben.id})
            Contact.create([
                    {'case': c.id, 'date': dt.date(2026, 3, d),
                        'duration': m}
                    for c in [mine, theirs]
                    for d, m in [(2, 30), (9, 90), (4, 60)]])
            Consent.create([
                    {'case': c.id, 'date': dt.date(2026, 1, d),
                        'purpose': "Case management"}
                    for c in [mine, theirs] for d in [5, 20]])
            Barrier.create([{
                        'name': n, 'description': "No interpreters",
                        'company': company.id, 'date': dt.date(2026, 2, 1),
                        'cases': [('add', [mine.id, theirs.id])],
                        } for n in ["Interpreters", "Childcare"]])
        tabs = ['contacts', 'consents', 'barriers', 'goals']

        def read_as_user():
            with Transaction().set_user(user.id):
                context = User.get_preferences(context_only=True)
            with Transaction().set_user(user.id), Transaction().set_context(
                    context, _check_access=True):
                case, = Case.read([mine.id], tabs)
                with self.assertRaises(UserError):
                    Case.read([theirs.id], tabs)
                # core's getters, one tab after the other
                return ({n: case[n] for n in tabs}, {
                        n: super(type(Case._fields[n]), Case._fields[n]).get(
                            [mine.id], Case, n)[mine.id]
                        for n in tabs})

        read, core = read_as_user()
        self.assertEqual(read, core)
        self.assertEqual(
            [c.date.day for c in Contact.browse(read['contacts'])],
            [9, 4, 2])
        self.assertEqual(
            [b.name for b in Barrier.browse(read['barriers'])],
            ["Childcare", "Interpreters"])

        # a rule of the lines themselves still applies
        RuleGroup.create([{
                    'name': "Short contacts",
                    'model': 'kim.case.contact',
                    'global_p': True,
                    'rules': [('create', [{
                                    'domain': json.dumps(
                                        [['duration', '<', 80]]),
                                    }])],
                    }])
        read, core = read_as_user()
        self.assertEqual(read, core)
        self.assertEqual(
            [c.date.day for c in Contact.browse(read['contacts'])],
            [4, 2])

    @staticmethod
    def create_staff(company, *names):
        "Create an employee of company with a case manager login per name"
        pool = Pool()
        Employee = pool.get('company.employee')
        ModelData = pool.get('ir.model.data')
        Party = pool.get('party.party')
        User = pool.get('res.user')
        employees = Employee.create([
                {'party': Party.create([{'name': n}])[0].id,
                    'company': company.id}
                for n in names])
        users = User.create([{
                    'name': n, 'login': n.split()[0].lower(),
                    'companies': [('add', [company.id])],
                    'company': company.id,
                    'employees': [('add', [e.id])],
                    'employee': e.id,
                    'groups': [('add', [ModelData.get_id(
                                    'kim_case', 'group_kim_case_manager')])],
                    } for n, e in zip(names, employees)])
        return employees, users

    @with_transaction()
    def test_appointment_date_in_timezone(self):
        "The day of an appointment is that of the organisation's time zone"
        pool = Pool()
        Appointment = pool.get('kim.case.appointment')
        company = create_company()
        company.timezone = 'Europe/Berlin'
        company.save()
        with set_company(company):
            (employee,), _ = self.create_staff(company, "Anna Becker")
            case, = self.create_cases({'start_date': dt.date(2026, 3, 1)})
            # 00:30 in Berlin on the 2nd, 23:30 UTC on the 1st
            late, early = Appointment.create([
                    {'case': case.id, 'subject': s, 'start': start,
                        'employee': employee.id,
                        'end': start + dt.timedelta(minutes=45)}
                    for s, start in [
                        ("Late", dt.datetime(2026, 3, 1, 23, 30)),
                        ("Early", dt.datetime(2026, 3, 2, 8, 30))]])
            self.assertEqual(
                [a.date for a in Appointment.browse([late, early])],
                [dt.date(2026, 3, 2)] * 2)
            for clause, found in [
                    (('date', '=', dt.date(2026, 3, 2)), [early, late]),
                    (('date', '=', dt.date(2026, 3, 1)), []),
                    (('date', '!=', dt.date(2026, 3, 2)), []),
                    (('date', '<', dt.date(2026, 3, 2)), []),
                    (('date', '<=', dt.date(2026, 3, 2)), [early, late]),
                    (('date', '>', dt.date(2026, 3, 1)), [early, late]),
                    (('date', '>=', dt.date(2026, 3, 3)), []),
                    ]:
                with self.subTest(clause=clause):
                    self.assertEqual(Appointment.search([clause]), found)

    @with_transaction()
    def test_appointment_held_as_contact(self):
        "A held appointment becomes a contact of its case, once"
        pool = Pool()
        Appointment = pool.get('kim.case.appointment')
        Language = pool.get('kim.case.language')
        company = create_company()
        with set_company(company):
            (employee,), _ = self.create_staff(company, "Anna Becker")
            case, = self.create_cases({'start_date': dt.date(2026, 3, 1)})
            arabic, = Language.search([], limit=1)
            start = dt.datetime(2026, 3, 4, 9, 0)
            appointment, = Appointment.create([{
                        'case': case.id, 'subject': "Beratung",
                        'start': start,
                        'end': start + dt.timedelta(minutes=90),
                        'kind': 'video', 'employee': employee.id,
                        'interpreter': True,
                        'interpreter_language': arabic.id,
                        'notes': "Unterlagen mitbringen"}])
            Appointment.hold([appointment])
            contact = appointment.contact
            self.assertEqual(appointment.state, 'held')
            self.assertEqual(
                (contact.case, contact.date, contact.duration, contact.kind,
                    contact.employee, contact.interpreter_language,
                    contact.notes),
                (case, dt.date(2026, 3, 4), 90, 'video', employee, arabic,
                    "Unterlagen mitbringen"))
            with self.assertRaises(UserError) as cm:
                Appointment.hold([appointment])
            self.assertIn("Beratung", cm.exception.message)
            self.assertEqual(len(case.contacts), 1)

            with self.assertRaises(DomainValidationError):
                Appointment.create([{
                            'case': case.id, 'subject': "Rückwärts",
                            'employee': employee.id, 'start': start,
                            'end': start - dt.timedelta(hours=1)}])

    @with_transaction()
    def test_notify_due(self):
        """The cron tells each case manager once of her appointments of the
        day and reminders due, only of those she may read"""
        pool = Pool()
        Appointment = pool.get('kim.case.appointment')
        Date = pool.get('ir.date')
        Notification = pool.get('res.notification')
        Reminder = pool.get('kim.case.reminder')
        company = create_company()
        with set_company(company):
            today = Date.today()
            now = dt.datetime.combine(today, dt.time(10))
            (mine, other), (anna, _) = self.create_staff(
                company, "Anna Becker", "Jonas Weber")
            own, foreign = self.create_cases(
                {'start_date': today, 'manager': mine.id},
                {'start_date': today, 'manager': other.id})
            appointments = Appointment.create([
                    {'case': c.id, 'subject': s, 'employee': mine.id,
                        'start': now + dt.timedelta(days=d),
                        'end': now + dt.timedelta(days=d, hours=1)}
                    for c, s, d in [(own, "Heute", 0), (own, "Morgen", 1),
                        (foreign, "Fremd", 0)]])
            reminders = Reminder.create([
                    {'case': c.id, 'subject': s, 'employee': mine.id,
                        'date': today + dt.timedelta(days=d)}
                    for c, s, d in [(own, "Bescheid prüfen", -2),
                        (own, "Später", 3), (foreign, "Fremd", 0)]])

            for _ in range(2):
                Appointment.notify_today()
                Reminder.notify_due()
            notifications = Notification.search([], order=[('id', 'ASC')])
            self.assertEqual(
                [(n.user, n.model, json.loads(n.records))
                    for n in notifications],
                [(anna, 'kim.case.appointment', [appointments[0].id]),
                    (anna, 'kim.case.reminder', [reminders[0].id])])
            self.assertIn("Heute", notifications[0].label)
            self.assertIn("Bescheid prüfen", notifications[1].label)

            # postponed, it is told again when it falls due
            Reminder.write([reminders[0]], {'date': today})
            self.assertIsNone(reminders[0].notified)
            Reminder.notify_due()
            self.assertEqual(Notification.search([], count=True), 3)
            Reminder.done([reminders[0]])
            self.assertEqual(
                (reminders[0].state, reminders[0].done_date), ('done', today))

    @with_transaction()
    def test_case_manager_board_due(self):
        "The start page lists her appointments of today and reminders due"
        pool = Pool()
        ActWindow = pool.get('ir.action.act_window')
        Appointment = pool.get('kim.case.appointment')
        Date = pool.get('ir.date')
        ModelData = pool.get('ir.model.data')
        Reminder = pool.get('kim.case.reminder')
        company = create_company()
        with set_company(company):
            today = Date.today()
            now = dt.datetime.combine(today, dt.time(10))
            (mine, other), _ = self.create_staff(
                company, "Anna Becker", "Jonas Weber")
            case, = self.create_cases({'start_date': today})
            today_mine, _, _ = Appointment.create([
                    {'case': case.id, 'subject': "Termin", 'employee': e.id,
                        'start': now + dt.timedelta(days=d),
                        'end': now + dt.timedelta(days=d, hours=1)}
                    for e, d in [(mine, 0), (other, 0), (mine, 1)]])
            due, _, _ = Reminder.create([
                    {'case': case.id, 'subject': "Prüfen", 'employee': e.id,
                        'date': today + dt.timedelta(days=d)}
                    for e, d in [(mine, 0), (other, -1), (mine, 1)]])

            def board(fs_id):
                action = ActWindow(ModelData.get_id('kim_case', fs_id))
                tab, = action.act_window_domains
                domain = PYSONDecoder(
                    {'context': {'employee': mine.id}}).decode(tab.domain)
                return pool.get(action.res_model).search(domain)
            self.assertEqual(
                board('act_board_appointment_today'), [today_mine])
            self.assertEqual(board('act_board_reminder_due'), [due])

    @with_transaction()
    def test_anonymise_after_retention(self):
        "The cases are anonymised after their retention, with the same figures"
        pool = Pool()
        Attachment = pool.get('ir.attachment')
        Case = pool.get('kim.case')
        Client = pool.get('kim.case.client')
        ClosureReason = pool.get('kim.case.closure_reason')
        Cron = pool.get('ir.cron')
        Date = pool.get('ir.date')
        FieldOfAction = pool.get('kim.field_of_action')
        LegalDomain = pool.get('kim.legal_domain')
        ModelData = pool.get('ir.model.data')
        Note = pool.get('ir.note')
        Party = pool.get('party.party')
        TargetGroup = pool.get('kim.case.target_group')
        company = create_company()
        today = Date.today()
        year = today.year
        statistics = [
            'kim.case.statistics', 'kim.case.statistics.month',
            'kim.case.statistics.field', 'kim.case.statistics.closure',
            'kim.case.statistics.legal_domain']
        with set_company(company):
            field, = FieldOfAction.search([], limit=1)
            domain, = LegalDomain.search([], limit=1)
            group, = TargetGroup.search([], limit=1)
            reason, = ClosureReason.create([
                    {'name': "Goals Reached", 'goal_reached': True}])
            service, = Party.create([{'name': "Jobcenter"}])
            (anna,), _ = self.create_staff(company, "Anna Becker")

            def new_case(name, birth_date, start, end, **values):
                party, = Party.create([{
                            'name': name,
                            'addresses': [('create', [{
                                            'street': "Hauptstr. 1",
                                            'city': "Bielefeld"}])],
                            'contact_mechanisms': [('create', [{
                                            'type': 'phone',
                                            'value': "+49521123456"}])],
                            }])
                client, = Client.create([{
                            'party': party.id, 'birth_date': birth_date,
                            'gender': 'female',
                            'household_members': [('create', [{
                                            'name': "Sami " + name,
                                            'relation': 'child',
                                            'birth_date': dt.date(
                                                2015, 8, 20)}])],
                            }])
                case, = Case.create([{
                            'client': client.id, 'target_group': group.id,
                            'start_date': start,
                            'situation': "Lives with her son in Sennestadt",
                            'needs': [('create', [{
                                            'field_of_action': field.id,
                                            'description': "Job search"}])],
                            'goals': [('create', [{
                                            'field_of_action': field.id,
                                            'description': "A job at Miele",
                                            'agreed_date': start,
                                            'outcome': 'achieved',
                                            'outcome_date': start,
                                            'outcome_note': "Signed"}])],
                            'consents': [('create', [{
                                            'purpose': "Referral of " + name,
                                            'date': start,
                                            'data_categories': "Her CV",
                                            'recipients': [
                                                ('add', [service.id])]}])],
                            'contacts': [('create', [{
                                            'date': start,
                                            'duration': 45,
                                            'field_of_action': field.id,
                                            'notes': "Talked of her son"}])],
                            'reminders': [('create', [{
                                            'date': start,
                                            'employee': anna.id,
                                            'subject': "Call " + name}])],
                            'appointments': [('create', [{
                                            'subject': "Meet " + name,
                                            'employee': anna.id,
                                            'place': "Her flat",
                                            'notes': "Bring the CV",
                                            'start': dt.datetime.combine(
                                                start, dt.time(10)),
                                            'end': dt.datetime.combine(
                                                start, dt.time(11))}])],
                            }])
                Case.write([case], {'referrals': [('create', [{
                                    'date': start, 'recipient': service.id,
                                    'legal_domain': domain.id,
                                    'field_of_action': field.id,
                                    'outcome': 'accepted',
                                    'outcome_date': start,
                                    'purpose': "Her job search",
                                    'outcome_note': "Took her"}])]})
                Case.write([case], {
                        'state': 'closed', 'end_date': end,
                        'closure_reason': reason.id,
                        'closure_note': "Moved to Köln", **values})
                Attachment.create([{
                            'name': "cv.txt", 'data': b"CV",
                            'resource': str(case)}])
                Note.create([{'message': "Phoned", 'resource': str(client)}])
                return case

            # kept until the end of the 5th year after the end
            old = new_case("Amal Haddad", dt.date(1990, 5, 17),
                dt.date(year - 7, 3, 1), dt.date(year - 6, 12, 31))
            recent = new_case("Lina Haddad", dt.date(1995, 2, 3),
                dt.date(year - 6, 3, 1), dt.date(year - 5, 1, 1))
            # the same person has another open case in the organisation
            kept = new_case("Nora Haddad", dt.date(1980, 12, 31),
                dt.date(year - 8, 3, 1), dt.date(year - 8, 6, 1))
            other, = Case.create([{
                        'client': kept.client.id, 'target_group': group.id,
                        'start_date': dt.date(year - 1, 3, 1)}])

            def figures():
                result = {}
                for year_ in range(year - 8, year + 1):
                    with Transaction().set_context(
                            from_date=dt.date(year_, 1, 1),
                            to_date=dt.date(year_, 12, 31)):
                        for model in statistics:
                            Model = pool.get(model)
                            names = sorted(
                                n for n in Model._fields
                                if n not in {'create_uid', 'create_date',
                                    'write_uid', 'write_date', 'rec_name'})
                            result[year_, model] = sorted(
                                tuple((n, str(getattr(r, n)))
                                    for n in names if n != 'id')
                                for r in Model.search([]))
                return result
            before = figures()
            self.assertTrue(before[year - 6, 'kim.case.statistics'])

            # nobody erases by hand the person of a case not anonymised
            Erase = pool.get('party.erase', type='wizard')
            session_id, _, _ = Erase.create()
            Party.write([kept.client.party], {'active': False})
            with self.assertRaises(UserError) as cm:
                Erase(session_id).check_erase(kept.client.party)
            self.assertIn("KIM", cm.exception.message)
            Party.write([kept.client.party], {'active': True})

            cron, = Cron.search([
                    ('method', '=', 'kim.case|anonymise_expired')])
            self.assertEqual(
                cron.id, ModelData.get_id(
                    'kim_case', 'cron_case_anonymise_expired'))
            # as the cron runs: as root
            with Transaction().set_user(0):
                Cron.run_once([cron])
            self.assertEqual(figures(), before)

            old, recent, kept = Case.browse(map(int, [old, recent, kept]))
            self.assertEqual(old.anonymised, today)
            self.assertEqual(kept.anonymised, today)
            self.assertIsNone(recent.anonymised)
            for case in [old, kept]:
                self.assertIsNone(case.situation)
                self.assertIsNone(case.closure_note)
                self.assertEqual(
                    [n.description for n in case.needs], [None])
                self.assertEqual(
                    [(g.description, g.outcome_note) for g in case.goals],
                    [('****', None)])
                self.assertEqual(
                    [(r.purpose, r.outcome_note, r.outcome)
                        for r in case.referrals],
                    [(None, None, 'accepted')])
                self.assertEqual(
                    [(c.purpose, c.data_categories) for c in case.consents],
                    [('****', None)])
                self.assertEqual(
                    [(c.notes, c.duration) for c in case.contacts],
                    [(None, 45)])
                self.assertEqual(
                    [(a.subject, a.place, a.notes)
                        for a in case.appointments],
                    [('****', None, None)])
                self.assertEqual(
                    [(r.subject, r.notes) for r in case.reminders],
                    [('****', None)])
                self.assertFalse(Attachment.search(
                        [('resource', '=', str(case))]))
            self.assertTrue(Attachment.search(
                    [('resource', '=', str(recent))]))

            # her only case: the person is erased, the birth in its quarter
            client = old.client
            self.assertEqual(client.birth_date, dt.date(1990, 4, 1))
            self.assertEqual(client.gender, 'female')
            member, = client.household_members
            self.assertEqual(
                (member.name, member.birth_date),
                ('****', dt.date(2015, 7, 1)))
            self.assertFalse(Note.search([('resource', '=', str(client))]))
            with Transaction().set_context(active_test=False):
                party = Party(client.party.id)
                self.assertIsNone(party.name)
                self.assertFalse(party.active)
                self.assertEqual(
                    [(a.street, a.city) for a in party.addresses],
                    [(None, None)])
                self.assertEqual(
                    [m.value for m in party.contact_mechanisms], ['****'])
            # another case still needs the client and the person
            self.assertEqual(kept.client.birth_date, dt.date(1980, 12, 31))
            self.assertEqual(kept.client.party.name, "Nora Haddad")
            self.assertEqual(recent.client.party.name, "Lina Haddad")

            # idempotent, and read-only
            with Transaction().set_user(0):
                Cron.run_once([cron])
            self.assertEqual(figures(), before)
            with Transaction().set_context(_check_access=True), \
                    self.assertRaises(UserError):
                Case.write([old], {'barriers': [('add', [])]})
            with self.assertRaises(UserError):
                Case.reopen([old])
            self.assertEqual(Case(old.id).state, 'closed')
            with self.assertRaises(UserError):
                Case.write([old], {'consents': [('create', [{
                                    'purpose': "Again",
                                    'date': today}])]})

    @with_transaction()
    def test_retention_years(self):
        "The retention is set in years after the end, at least none"
        pool = Pool()
        Configuration = pool.get('kim.case.configuration')
        Case = pool.get('kim.case')
        Date = pool.get('ir.date')
        configuration = Configuration(1)
        self.assertEqual(configuration.retention_years, 5)
        self.assertEqual(
            Case.retention_cutoff(), dt.date(Date.today().year - 5, 1, 1))
        configuration.retention_years = 0
        configuration.save()
        self.assertEqual(
            Case.retention_cutoff(), dt.date(Date.today().year, 1, 1))
        configuration.retention_years = -1
        with self.assertRaises(DomainValidationError):
            configuration.save()

    @with_transaction()
    def test_referral_after_withdrawal(self):
        "A withdrawal stops the referrals from its date and flags late ones"
        pool = Pool()
        Case = pool.get('kim.case')
        Consent = pool.get('kim.case.consent')
        Date = pool.get('ir.date')
        LegalDomain = pool.get('kim.legal_domain')
        Party = pool.get('party.party')
        Referral = pool.get('kim.case.referral')
        company = create_company()
        today = Date.today()
        with set_company(company):
            domain, = LegalDomain.search([], limit=1)
            service, other = Party.create(
                [{'name': "Jobcenter"}, {'name': "Schulamt"}])
            case, = self.create_cases({
                    'start_date': today - dt.timedelta(days=90)})
            consent, = Consent.create([{
                        'case': case.id, 'purpose': "Referral",
                        'date': today - dt.timedelta(days=60),
                        'recipients': [('add', [service.id, other.id])],
                        }])

            def refer(days, recipient=service):
                referral, = Referral.create([{
                            'case': case.id, 'recipient': recipient.id,
                            'legal_domain': domain.id,
                            'date': today - dt.timedelta(days=days),
                            }])
                return referral
            before = refer(30)
            # entered 20 days ago
            table = Referral.__table__()
            Transaction().connection.cursor().execute(*table.update(
                    [table.create_date],
                    [dt.datetime.combine(
                            today - dt.timedelta(days=20), dt.time(9))],
                    where=table.id == before.id))
            Transaction().cache.clear()
            Consent.write([consent], {
                    'withdrawal_date': today - dt.timedelta(days=10)})
            late = refer(30)
            with self.assertRaises(UserError):
                refer(10)
            # another consent still covers the other recipient
            Consent.create([{
                        'case': case.id, 'purpose': "Schulamt",
                        'date': today - dt.timedelta(days=60),
                        'recipients': [('add', [other.id])],
                        }])
            covered = refer(30, other)

            self.assertEqual(Consent(consent.id).state, 'withdrawn')
            self.assertEqual(
                [(r.id, r.entered_after_withdrawal)
                    for r in Referral.browse([before, late, covered])],
                [(before.id, False), (late.id, True), (covered.id, False)])
            # the history remains on the case
            self.assertEqual(
                sorted(c.state for c in Case(case.id).consents),
                ['valid', 'withdrawn'])

    @with_transaction()
    def test_personal_data_of_client(self):
        """The export of the right of access holds the client file of the
        person with her cases and their lines; a data protection officer of
        another organisation gets nothing of it, a case manager cannot run
        the export"""
        import io
        import zipfile
        from trytond.model.exceptions import AccessError
        pool = Pool()
        Attachment = pool.get('ir.attachment')
        Case = pool.get('kim.case')
        Client = pool.get('kim.case.client')
        Consent = pool.get('kim.case.consent')
        Contact = pool.get('kim.case.contact')
        Lang = pool.get('ir.lang')
        LegalDomain = pool.get('kim.legal_domain')
        ModelData = pool.get('ir.model.data')
        Note = pool.get('ir.note')
        Party = pool.get('party.party')
        Referral = pool.get('kim.case.referral')
        User = pool.get('res.user')
        Wizard = pool.get('kim.party.personal_data', type='wizard')
        dpo_group = ModelData.get_id('kim', 'group_kim_data_protection')
        german, = Lang.search([('code', '=', 'de')])
        Lang.load_translations([german])
        company, other = create_company(), create_company("Other")
        jobcenter, = Party.create([{'name': "Jobcenter Testhausen"}])
        with set_company(company):
            (anna,), (manager,) = self.create_staff(company, "Anna Becker")
            case, = self.create_cases({
                    'start_date': dt.date(2026, 3, 2), 'manager': anna.id})
            party = case.client.party
            Client.write([case.client], {
                    'birth_date': dt.date(1991, 4, 2),
                    'household_members': [('create', [{
                                    'name': "Samir Haddad",
                                    'relation': 'child'}])],
                    })
            Consent.create([{
                        'case': case.id, 'date': dt.date(2026, 3, 2),
                        'purpose': "Exchange with the Jobcenter",
                        'recipients': [('add', [jobcenter.id])]}])
            Contact.create([{
                        'case': case.id, 'date': dt.date(2026, 3, 3),
                        'duration': 45, 'notes': "First counselling"}])
            sgb2, = LegalDomain.search([], limit=1)
            Referral.create([{
                        'case': case.id, 'date': dt.date(2026, 3, 4),
                        'recipient': jobcenter.id, 'legal_domain': sgb2.id,
                        'purpose': "Job search"}])
            Note.create([{
                        'resource': str(case), 'message': "Note on file"}])
            Attachment.create([{
                        'resource': str(case), 'name': "letter.pdf",
                        'type': 'data', 'data': b'%PDF'}])
            with Transaction().set_context(_log=True):
                Case.write([case], {'situation': "Looking for work"})
            # the log of the write is stored on commit
            Transaction()._store_log_records()
        with set_company(other):
            stranger, = self.create_cases({'start_date': dt.date(2026, 3, 2)})
        dpo, other_dpo = User.create([{
                    'name': n, 'login': n.lower(),
                    'companies': [('add', [c.id])], 'company': c.id,
                    'groups': [('add', [dpo_group])],
                    } for n, c in [("Dana", company), ("Olga", other)]])

        def as_user(user):
            with Transaction().set_user(user.id):
                context = User.get_preferences(context_only=True)
            return Transaction().set_user(user.id), Transaction().set_context(
                context, language='de')

        user, context = as_user(dpo)
        with user, context:
            data = json.loads(Party.kim_personal_json(party))
            with self.assertRaises(AccessError):
                Party.kim_personal_data(stranger.client.party)
        sections = {s['model']: s for s in data['sections']}
        for model in ['party.party', 'kim.case.client',
                'kim.case.client.household_member', 'kim.case',
                'kim.case.consent', 'kim.case.contact', 'kim.case.referral',
                'ir.note', 'ir.attachment', 'ir.model.log']:
            self.assertIn(model, sections)
        text = json.dumps(data, ensure_ascii=False)
        for value in ["Samir Haddad", "Exchange with the Jobcenter",
                "First counselling", "Job search", "Note on file",
                "letter.pdf", "Looking for work", "1991-04-02"]:
            self.assertIn(value, text)
        self.assertNotIn(stranger.number, text)
        client, = sections['kim.case.client']['records']
        birth_date, = [v for v in client['fields']
            if v['field'] == 'birth_date']
        self.assertEqual(birth_date['text'], '02.04.1991')
        self.assertEqual(birth_date['value'], '1991-04-02')
        self.assertEqual(birth_date['label'], "Geburtsdatum")
        consent, = sections['kim.case.consent']['records']
        recipients, = [v for v in consent['fields']
            if v['field'] == 'recipients']
        self.assertEqual(recipients['value'], ["Jobcenter Testhausen"])
        logs = [r['fields'] for r in sections['ir.model.log']['records']]
        self.assertTrue(any(
                {'field': 'resource', 'value': case.rec_name} == {
                    'field': v['field'], 'value': v['value']}
                for fields_ in logs for v in fields_))

        # the officer of the other organisation reads nothing of her
        user, context = as_user(other_dpo)
        with user, context:
            with self.assertRaises(AccessError):
                Party.kim_personal_data(party)

        # only the data protection group and the administration run it
        action_id = ModelData.get_id('kim', 'wizard_personal_data')
        wizard_context = {
            'active_model': 'party.party', 'active_id': party.id,
            'active_ids': [party.id], 'action_id': action_id}
        user, context = as_user(manager)
        with user, context, Transaction().set_context(
                wizard_context, _check_access=True):
            with self.assertRaises(AccessError):
                Wizard.create()
        user, context = as_user(dpo)
        with user, context, Transaction().set_context(
                wizard_context, _check_access=True):
            session_id, _, _ = Wizard.create()
            result = Wizard.execute(session_id, {}, 'export')
        values = result['view']['defaults']
        self.assertEqual(json.loads(values['data']), data)
        with zipfile.ZipFile(io.BytesIO(values['document'])) as odt:
            content = odt.read('content.xml').decode('utf-8')
        for value in ["Samir Haddad", "02.04.1991", "Geburtsdatum"]:
            self.assertIn(value, content)
        if values['pdf_name']:
            self.assertTrue(values['pdf'].startswith(b'%PDF'))

        # the administration, which reads no client file, gets the staff
        # member without them, and is refused the client
        admin, = User.create([{
                    'name': "Admin", 'login': 'kimadmin',
                    'companies': [('add', [company.id])],
                    'company': company.id,
                    'groups': [('add', [
                                ModelData.get_id('kim', 'group_kim_admin')])],
                    }])
        user, context = as_user(admin)
        with user, context:
            data = Party.kim_personal_data(anna.party)
            with self.assertRaises(AccessError):
                Party.kim_personal_data(party)
        self.assertEqual([s['model'] for s in data['sections']],
            ['party.party', 'company.employee'])


del ModuleTestCase
