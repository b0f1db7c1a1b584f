# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import datetime as dt
import json

from trytond.exceptions import UserError
from trytond.model.exceptions import (
    AccessError, DomainValidationError, SQLConstraintError)
from trytond.modules.company.tests import (
    CompanyTestMixin, create_company, set_company)
from trytond.modules.kim.tests import (
    AccessTestMixin, OptionalViewsTestMixin, ViewTestMixin)
from trytond.pool import Pool
from trytond.pyson import PYSONDecoder
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction, check_access


class SteeringMixin:
    "Records of a steering group with a meeting of 10 March 2026"

    def _user(self, login, company, xml_id):
        pool = Pool()
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        module, _, name = xml_id.partition('.')
        user, = User.create([{
                    'name': login.title(), 'login': login,
                    'companies': [('add', [company.id])],
                    'company': company.id,
                    'groups': [('add', [ModelData.get_id(module, name)])],
                    }])
        return user

    def _group(self, company, name="Lenkungsgruppe Musterstadt", code='LG'):
        pool = Pool()
        Group = pool.get('kim.steering.group')
        Party = pool.get('party.party')
        chair, jobcenter = Party.create(
            [{'name': "Dr. Anna Chair"}, {'name': "Jobcenter Musterstadt"}])
        group, = Group.create([{
                    'name': name, 'code': code, 'company': company.id,
                    'members': [('create', [{
                                    'party': chair.id,
                                    'organisation': jobcenter.id,
                                    'role': 'chair',
                                    'start_date': dt.date(2025, 1, 1),
                                    }, {
                                    'party': jobcenter.id,
                                    'role': 'guest',
                                    'start_date': dt.date(2025, 1, 1),
                                    'end_date': dt.date(2025, 12, 31),
                                    }])],
                    }])
        return group

    def _meeting(self, group, day=dt.date(2026, 3, 10), **values):
        Meeting = Pool().get('kim.steering.meeting')
        meeting, = Meeting.create([{
                    'group': group.id, 'name': "Sitzung",
                    'start': dt.datetime.combine(day, dt.time(14)),
                    'end': dt.datetime.combine(day, dt.time(16)),
                    **values}])
        return meeting

    def _resolution(self, group, meeting, **values):
        Resolution = Pool().get('kim.steering.resolution')
        resolution, = Resolution.create([{
                    'group': group.id, 'meeting': meeting.id,
                    'name': "Sprachkurse", 'text': "Mehr Kursplätze.",
                    **values}])
        return resolution


class KimSteeringTestCase(
        SteeringMixin, OptionalViewsTestMixin, AccessTestMixin, ViewTestMixin,
        CompanyTestMixin, ModuleTestCase):
    "Test KIM Steering module"
    module = 'kim_steering'

    @with_transaction()
    def test_personal_data_of_member(self):
        """The right of access exports where the steering work names the
        person: her membership, her items and the resolutions she is
        responsible for, to the data protection officer of the
        organisation only"""
        pool = Pool()
        Item = pool.get('kim.steering.meeting.item')
        Party = pool.get('party.party')
        company, other = create_company(), create_company("Other")
        with set_company(company):
            group = self._group(company)
            chair = group.members[0].party
            meeting = self._meeting(group)
            Item.create([{
                        'meeting': meeting.id, 'name': "Sprachkurse",
                        'presenter': chair.id}])
            self._resolution(group, meeting, responsible_person=chair.id)
        dpo = self._user('dana', company, 'kim.group_kim_data_protection')
        other_dpo = self._user(
            'olga', other, 'kim.group_kim_data_protection')
        with Transaction().set_user(dpo.id), set_company(company):
            data = json.loads(Party.kim_personal_json(chair))
        models = [s['model'] for s in data['sections']]
        for model in ['kim.steering.member', 'kim.steering.meeting.item',
                'kim.steering.resolution']:
            self.assertIn(model, models)
        self.assertIn("Mehr Kursplätze.", json.dumps(
                data, ensure_ascii=False))
        with Transaction().set_user(other_dpo.id), set_company(other):
            data = Party.kim_personal_data(chair)
        self.assertEqual(
            [s['model'] for s in data['sections']], ['party.party'])

    @with_transaction()
    def test_invite_current_members(self):
        "Invitation adds attendance for the members of the meeting's day"
        Meeting = Pool().get('kim.steering.meeting')
        company = create_company()
        with set_company(company):
            group = self._group(company)
            meeting = self._meeting(group)
            Meeting.invite([meeting])
            self.assertEqual(meeting.state, 'invited')
            self.assertEqual(
                [a.member.party.name for a in meeting.attendances],
                ["Dr. Anna Chair"])
            self.assertEqual(
                [a.status for a in meeting.attendances], ['invited'])
            self.assertIsNotNone(meeting.invitation_date)

    @with_transaction()
    def test_resolution_numbers_per_year(self):
        "Resolutions are numbered per steering group and year on adoption"
        pool = Pool()
        Meeting = pool.get('kim.steering.meeting')
        Resolution = pool.get('kim.steering.resolution')
        company = create_company()
        with set_company(company):
            group = self._group(company)
            other = self._group(company, name="Zweite Gruppe", code='ZG')
            meetings = [self._meeting(group),
                self._meeting(group, dt.date(2027, 2, 1)),
                self._meeting(other)]
            Meeting.hold(meetings)
            # held, the meetings have the sequences of their years
            self.assertEqual(
                sorted(s.year for s in group.sequences), [2026, 2027])
            resolutions = [
                self._resolution(group, meetings[0]),
                self._resolution(group, meetings[0]),
                self._resolution(group, meetings[1]),
                self._resolution(other, meetings[2]),
                ]
            Resolution.adopt(resolutions)
            self.assertEqual([r.number for r in resolutions],
                ['LG 2026/01', 'LG 2026/02', 'LG 2027/01', 'ZG 2026/01'])
            self.assertEqual(resolutions[0].date, dt.date(2026, 3, 10))
            self.assertEqual(
                sorted(s.year for s in group.sequences), [2026, 2027])

    @with_transaction()
    def test_adopt_outside_held_meeting(self):
        "A resolution is adopted only in a held meeting"
        Resolution = Pool().get('kim.steering.resolution')
        company = create_company()
        with set_company(company):
            group = self._group(company)
            resolution = self._resolution(group, self._meeting(group))
            with self.assertRaisesRegex(UserError, 'held meeting'):
                Resolution.adopt([resolution])
            self.assertEqual(resolution.state, 'proposed')
            self.assertIsNone(resolution.number)

    @with_transaction()
    def test_adopt_due_before_meeting(self):
        "A resolution due before its adoption is refused"
        pool = Pool()
        Meeting = pool.get('kim.steering.meeting')
        Resolution = pool.get('kim.steering.resolution')
        company = create_company()
        with set_company(company):
            group = self._group(company)
            meeting = self._meeting(group)
            Meeting.hold([meeting])
            resolution = self._resolution(
                group, meeting, due_date=dt.date(2026, 3, 1))
            with self.assertRaisesRegex(UserError, 'due date'):
                Resolution.adopt([resolution])
            self.assertEqual(resolution.state, 'proposed')

    @with_transaction()
    def test_approve_not_held(self):
        "The minutes of a meeting not held are not approved"
        Meeting = Pool().get('kim.steering.meeting')
        company = create_company()
        with set_company(company):
            meeting = self._meeting(self._group(company), minutes="Text")
            with self.assertRaisesRegex(UserError, 'held first'):
                Meeting.approve([meeting])
            self.assertEqual(meeting.state, 'planned')

    @with_transaction()
    def test_approve_closes_meeting(self):
        "Approved minutes freeze the meeting and its lines"
        pool = Pool()
        Meeting = pool.get('kim.steering.meeting')
        Item = pool.get('kim.steering.meeting.item')
        company = create_company()
        with set_company(company):
            meeting = self._meeting(self._group(company),
                items=[('create', [{'name': "Begrüßung"}])])
            Meeting.hold([meeting])
            with self.assertRaisesRegex(UserError, 'write the minutes'):
                Meeting.approve([meeting])
            meeting.minutes = "Protokoll"
            meeting.save()
            Meeting.approve([meeting])
            self.assertEqual(meeting.state, 'approved')
            with self.assertRaises(AccessError):
                meeting.minutes = "Anders"
                meeting.save()
            with self.assertRaises(AccessError):
                Item.write(list(meeting.items), {'name': "Anders"})
            with self.assertRaises(AccessError):
                Item.create([{'meeting': meeting.id, 'name': "Neu"}])

    @with_transaction()
    def test_meeting_end_before_start(self):
        "A meeting ending before it starts is refused"
        company = create_company()
        with set_company(company):
            group = self._group(company)
            with self.assertRaises(DomainValidationError):
                self._meeting(group, end=dt.datetime(2026, 3, 10, 12))

    @with_transaction()
    def test_member_period(self):
        "A membership ending before it starts is refused"
        pool = Pool()
        Member = pool.get('kim.steering.member')
        company = create_company()
        with set_company(company):
            group = self._group(company)
            member = group.members[0]
            with self.assertRaises(DomainValidationError):
                Member.write([member], {'end_date': dt.date(2024, 12, 31)})

    @with_transaction()
    def test_number_unique(self):
        "A resolution number is used once per steering group"
        pool = Pool()
        Meeting = pool.get('kim.steering.meeting')
        Resolution = pool.get('kim.steering.resolution')
        company = create_company()
        with set_company(company):
            group = self._group(company)
            meeting = self._meeting(group)
            Meeting.hold([meeting])
            first = self._resolution(group, meeting)
            Resolution.adopt([first])
            with self.assertRaises(SQLConstraintError):
                self._resolution(group, meeting, number=first.number)

    @with_transaction()
    def test_state_only_by_buttons(self):
        "The state of a resolution is not written directly"
        Resolution = Pool().get('kim.steering.resolution')
        company = create_company()
        with set_company(company):
            group = self._group(company)
            resolution = self._resolution(group, self._meeting(group))
            user = self._user('coord', company, 'kim.group_kim_coordination')
            with Transaction().set_user(user.id), check_access():
                with self.assertRaises(AccessError):
                    Resolution.write(
                        [Resolution(resolution.id)], {'state': 'adopted'})

    @with_transaction()
    def test_closed_resolution_read_only(self):
        "An implemented resolution and its follow-ups stay as they are"
        pool = Pool()
        Meeting = pool.get('kim.steering.meeting')
        Resolution = pool.get('kim.steering.resolution')
        FollowUp = pool.get('kim.steering.resolution.follow_up')
        company = create_company()
        with set_company(company):
            group = self._group(company)
            meeting = self._meeting(group)
            Meeting.hold([meeting])
            resolution = self._resolution(group, meeting)
            with self.assertRaisesRegex(UserError, 'follow-ups'):
                FollowUp.create([{
                            'resolution': resolution.id, 'text': "Früh"}])
            Resolution.adopt([resolution])
            follow_up, = FollowUp.create([{
                        'resolution': resolution.id, 'text': "Gestartet",
                        'author': 1}])
            self.assertEqual(follow_up.author.id, Transaction().user)
            Resolution.implement([resolution])
            with self.assertRaises(AccessError):
                Resolution.write([resolution], {'text': "Anders"})
            with self.assertRaises(AccessError):
                FollowUp.write([follow_up], {'text': "Anders"})
            with self.assertRaisesRegex(UserError, 'no longer be withdrawn'):
                Resolution.withdraw([resolution])

    @with_transaction()
    def test_overdue(self):
        "Overdue resolutions are found and their login notified once a day"
        pool = Pool()
        Date = pool.get('ir.date')
        Meeting = pool.get('kim.steering.meeting')
        Resolution = pool.get('kim.steering.resolution')
        Notification = pool.get('res.notification')
        company = create_company()
        today = Date.today()
        with set_company(company):
            group = self._group(company)
            coordinator = self._user(
                'coord', company, 'kim.group_kim_coordination')
            stranger = self._user('stranger', company, 'res.group_admin')
            meeting = self._meeting(group, today - dt.timedelta(days=30))
            Meeting.hold([meeting])
            late, on_time, hidden = resolutions = [
                self._resolution(group, meeting,
                    due_date=today - dt.timedelta(days=1),
                    responsible_user=coordinator.id),
                self._resolution(group, meeting, due_date=today,
                    responsible_user=coordinator.id),
                self._resolution(group, meeting,
                    due_date=today - dt.timedelta(days=1),
                    responsible_user=stranger.id),
                ]
            Resolution.adopt(resolutions)
            self.assertEqual(
                Resolution.search([('overdue', '=', True)]), [hidden, late])
            self.assertEqual(
                Resolution.search([('overdue', '=', False)]), [on_time])

            Resolution.notify_overdue()
            Resolution.notify_overdue()
            notifications = Notification.search([])
            self.assertEqual(
                [(n.user, json.loads(n.records)) for n in notifications],
                [(coordinator, [late.id])])
            self.assertIn(late.number, notifications[0].label)
            self.assertEqual(late.reminder_date, today)
            # the stranger may not read resolutions: not told of one
            self.assertIsNone(hidden.reminder_date)

    @with_transaction()
    def test_member_reads_own_group(self):
        "A member reads the meetings and resolutions of her groups only"
        pool = Pool()
        Group = pool.get('kim.steering.group')
        Meeting = pool.get('kim.steering.meeting')
        Resolution = pool.get('kim.steering.resolution')
        Member = pool.get('kim.steering.member')
        company = create_company()
        with set_company(company):
            own = self._group(company)
            other = self._group(company, name="Andere Gruppe", code='AG')
            user = self._user(
                'member', company, 'kim_steering.group_kim_steering_member')
            Member.write([own.members[0]], {'user': user.id})
            meetings = [self._meeting(own), self._meeting(other)]
            self._resolution(own, meetings[0])
            self._resolution(other, meetings[1])
            with Transaction().set_user(user.id), check_access():
                self.assertEqual(Group.search([]), [own])
                self.assertEqual(
                    [m.group for m in Meeting.search([])], [own])
                self.assertEqual(Resolution.search_count([]), 1)
                with self.assertRaises(AccessError):
                    Meeting.read([meetings[1].id], ['name'])
                with self.assertRaises(AccessError):
                    Meeting.write([Meeting(meetings[0].id)], {'name': "X"})


class KimSteeringCaseFundingTestCase(
        SteeringMixin, AccessTestMixin, CompanyTestMixin, ModuleTestCase):
    "Test KIM Steering module with kim_case and kim_funding"
    module = 'kim_steering'
    extras = ['kim_case', 'kim_funding']

    @with_transaction()
    def test_referral_recipient_from_network(self):
        "A referral picks its recipient from the network by its kind"
        pool = Pool()
        Party = pool.get('party.party')
        Client = pool.get('kim.case.client')
        Case = pool.get('kim.case')
        Referral = pool.get('kim.case.referral')
        LegalDomain = pool.get('kim.legal_domain')
        company = create_company()
        with set_company(company):
            jobcenter, school, person = Party.create([
                    {'name': "Jobcenter", 'kim_network_kind': 'jobcenter'},
                    {'name': "VHS", 'kim_network_kind': 'education'},
                    {'name': "Amina Yusuf"}])
            client, = Client.create([{
                        'company': company.id, 'party': person.id}])
            case, = Case.create([{'client': client.id}])
            domain, = LegalDomain.search([], limit=1)
            referral = Referral(case=case, recipient=school,
                legal_domain=domain, recipient_kind='jobcenter')
            with self.assertRaises(DomainValidationError):
                referral.save()
            referral = Referral(case=case, legal_domain=domain)
            referral.recipient = jobcenter
            referral.on_change_recipient()
            self.assertEqual(referral.recipient_kind, 'jobcenter')

    @with_transaction()
    def test_coordination_board_barriers(self):
        """With case management the start page of the coordination lists
        the open barriers"""
        pool = Pool()
        ActWindow = pool.get('ir.action.act_window')
        Barrier = pool.get('kim.case.barrier')
        FieldOfAction = pool.get('kim.field_of_action')
        ModelData = pool.get('ir.model.data')
        View = pool.get('ir.ui.view')
        board = ActWindow(ModelData.get_id(
                'kim_steering', 'act_board_coordination'))
        (view_id, _), *_ = board.views
        arch = View(view_id).arch
        self.assertIn('kim_steering.act_board_barrier_open', arch)

        company = create_company()
        with set_company(company):
            field, = FieldOfAction.search([], limit=1)
            draft, reported = Barrier.create([{
                        'name': n, 'description': "Keine Abendkurse",
                        'company': company.id, 'field_of_action': field.id}
                    for n in ["Entwurf", "Gemeldet"]])
            Barrier.report([reported])
            action = ActWindow(ModelData.get_id(
                    'kim_steering', 'act_board_barrier_open'))
            tab, = action.act_window_domains
            self.assertEqual(
                Barrier.search(PYSONDecoder().decode(tab.domain)),
                [reported])


del ModuleTestCase
