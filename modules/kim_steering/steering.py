# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.model import (
    DeactivableMixin, ModelSQL, ModelView, Unique, fields)
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.model import MessageValueMixin
from trytond.pool import Pool
from trytond.pyson import Eval, Id, If
from trytond.transaction import Transaction, without_check_access


class SteeringGroup(AccessMixin, DeactivableMixin, ModelSQL, ModelView):
    """KIM Steering Group

    The Lenkungsgruppe of a municipality: the leaders from inside and
    outside the administration who decide on the structural work of KIM."""
    __string__ = "KIM Steering Group"
    __name__ = 'kim.steering.group'
    name = fields.Char("Name", required=True)
    code = fields.Char(
        "Code", required=True, strip=False,
        help="Prefix of the resolution numbers, e.g. LG for \"LG 2026/07\".")
    company = fields.Many2One(
        'company.company', "Organisation", required=True,
        help="The municipality whose steering group it is.")
    members = fields.One2Many('kim.steering.member', 'group', "Members")
    meetings = fields.One2Many(
        'kim.steering.meeting', 'group', "Meetings", readonly=True)
    resolutions = fields.One2Many(
        'kim.steering.resolution', 'group', "Resolutions", readonly=True)
    sequences = fields.One2Many(
        'kim.steering.group.sequence', 'group', "Resolution Sequences",
        readonly=True,
        help="The sequence of the resolution numbers of each year, "
        "created when the first meeting of the year is held.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(t, t.company, t.code),
                'kim_steering.msg_group_code_unique'),
            ]
        cls._order = [('name', 'ASC'), ('id', 'ASC')]

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_code():
        return 'LG'

    @classmethod
    def copy(cls, groups, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('meetings')
        default.setdefault('resolutions')
        default.setdefault('sequences')
        return super().copy(groups, default=default)

    def resolution_number(self, year):
        "Return the next resolution number of the year"
        return self.resolution_sequence(year).sequence.get()

    def resolution_sequence(self, year):
        "Return the sequence of the resolution numbers of the year"
        pool = Pool()
        GroupSequence = pool.get('kim.steering.group.sequence')
        with without_check_access():
            sequences = GroupSequence.search([
                    ('group', '=', self.id),
                    ('year', '=', year),
                    ], limit=1)
            if sequences:
                sequence, = sequences
            else:
                sequence = GroupSequence(group=self, year=year)
                sequence.sequence = self._create_sequence(year)
                sequence.save()
            return sequence

    def _create_sequence(self, year):
        pool = Pool()
        Sequence = pool.get('ir.sequence.strict')
        ModelData = pool.get('ir.model.data')
        sequence = Sequence(
            name=f'{self.name} {year}',
            sequence_type=ModelData.get_id(
                'kim_steering', 'sequence_type_resolution'),
            company=self.company,
            prefix=f'{self.code} {year}/',
            padding=2)
        sequence.save()
        return sequence


class GroupSequence(AccessMixin, ModelSQL, ModelView):
    "The sequence that numbers the resolutions of a steering group per year"
    __string__ = "KIM Steering Group Resolution Sequence"
    __name__ = 'kim.steering.group.sequence'
    group = fields.Many2One(
        'kim.steering.group', "Steering Group", required=True,
        ondelete='CASCADE')
    year = fields.Integer("Year", required=True)
    sequence = fields.Many2One(
        'ir.sequence.strict', "Sequence", required=True,
        domain=[
            ('sequence_type', '=',
                Id('kim_steering', 'sequence_type_resolution')),
            ])

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('year_unique', Unique(t, t.group, t.year),
                'kim_steering.msg_group_sequence_unique'),
            ]
        cls._order = [('group', 'ASC'), ('year', 'DESC'), ('id', 'DESC')]


ROLES = [
    ('chair', "Chair"),
    ('deputy_chair', "Deputy Chair"),
    ('member', "Member"),
    ('deputy_member', "Deputy Member"),
    ('guest', "Guest"),
    ]


class Member(MessageValueMixin, AccessMixin, ModelSQL, ModelView):
    """KIM Steering Group Member

    A person at leadership level from inside or outside the administration
    (Jobcenter, Agentur für Arbeit, welfare organisations …) who sits on the
    steering group for a period."""
    __string__ = "KIM Steering Group Member"
    __name__ = 'kim.steering.member'
    group = fields.Many2One(
        'kim.steering.group', "Steering Group", required=True,
        ondelete='CASCADE')
    party = fields.Many2One(
        'party.party', "Person", required=True, ondelete='RESTRICT')
    organisation = fields.Many2One(
        'party.party', "Organisation", ondelete='RESTRICT',
        help="The authority or organisation the member represents.")
    position = fields.Char(
        "Position", help="The member's position in the organisation.")
    role = fields.Selection(ROLES, "Role", required=True, sort=False)
    start_date = fields.Date(
        "Start Date", required=True,
        domain=[If(Eval('start_date') & Eval('end_date'),
                ('start_date', '<=', Eval('end_date')), ())])
    end_date = fields.Date(
        "End Date",
        domain=[If(Eval('start_date') & Eval('end_date'),
                ('end_date', '>=', Eval('start_date')), ())],
        help="Leave empty while the membership lasts.")
    user = fields.Many2One(
        'res.user', "Login", ondelete='SET NULL',
        help="With this login the member reads the meetings, minutes and "
        "resolutions of the steering group. Clear it when the membership "
        "ends.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('group')
        cls._order = [('group', 'ASC'), ('id', 'ASC')]

    @staticmethod
    def default_role():
        return 'member'

    @staticmethod
    def default_start_date():
        return Pool().get('ir.date').today()

    def get_rec_name(self, name):
        return self.party.rec_name

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('party.rec_name', *clause[1:])]

    def is_current(self, date):
        "Whether the membership includes the date"
        return (self.start_date <= date
            and (not self.end_date or date <= self.end_date))
