# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond import backend
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.migration import RenamedMixin
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Date, Eval, If
from trytond.tools import grouped_slice
from trytond.transaction import Transaction

from .tools import count_related

RESIDENCE_STATUSES = [
    (None, ""),
    ('asylum_procedure', "Permission to Reside (Asylum Procedure)"),
    ('toleration', "Toleration (Duldung)"),
    ('toleration_60b', "Toleration § 60b AufenthG"),
    ('residence_permit', "Residence Permit"),
    ('settlement_permit', "Settlement Permit"),
    ('eu_free_movement', "EU Freedom of Movement"),
    ('fictional_certificate', "Fictitious Certificate"),
    ('german_citizen', "German Citizen"),
    ('other', "Other"),
    ]
# Statuses that are granted under a paragraph worth recording.
_PARAGRAPH_STATUSES = {
    'residence_permit', 'settlement_permit', 'fictional_certificate',
    'toleration'}


class Client(RenamedMixin, AccessMixin, ModelSQL, ModelView):
    __string__ = "KIM Client"
    __name__ = 'kim.case.client'
    _former_name = 'kim.client'
    _rec_name = 'name'

    company = fields.Many2One(
        'company.company', "Organisation", required=True,
        states={
            'readonly': Eval('id', -1) >= 0,
            },
        help="The organisation that keeps the file of the client.")
    # The person is created from the name typed on a new client, so the
    # client form asks for it only when no name is given.
    party = fields.Many2One(
        'party.party', "Person", required=True, ondelete='RESTRICT',
        context={
            'company': Eval('company', -1),
            },
        states={
            'required': ~Eval('name'),
            },
        depends={'company'},
        help="Name, addresses and contact data of the client.\n"
        "Leave empty to create the person from the name.")
    name = fields.Function(
        fields.Char(
            "Name",
            states={
                'required': ~Eval('party'),
                },
            help="The name of the client's person."),
        'get_name', setter='set_name', searcher='search_name')
    birth_date = fields.Date(
        "Birth Date",
        domain=[If(Eval('birth_date'), ('birth_date', '<=', Date()), ())])
    age = fields.Function(fields.Integer("Age"), 'get_age')
    gender = fields.Selection([
            (None, ""),
            ('female', "Female"),
            ('male', "Male"),
            ('diverse', "Diverse"),
            ('unspecified', "Not Specified"),
            ], "Gender")
    nationality = fields.Many2One('country.country', "Nationality")
    stateless = fields.Boolean(
        "Stateless", help="Check if the client has no nationality.")
    languages = fields.Many2Many(
        'kim.case.client-kim.case.language', 'client', 'language', "Languages")
    german_level = fields.Selection([
            (None, ""),
            ('none', "None"),
            ('a1', "A1"),
            ('a2', "A2"),
            ('b1', "B1"),
            ('b2', "B2"),
            ('c1', "C1"),
            ('c2', "C2"),
            ], "German Level",
        help="Level of German according to the CEFR.")
    entry_date = fields.Date(
        "Entry Date",
        domain=[If(Eval('entry_date') & Eval('birth_date'),
                ('entry_date', '>=', Eval('birth_date')),
                ())],
        help="Date of entry to Germany.")
    residence_status = fields.Selection(
        RESIDENCE_STATUSES, "Residence Status")
    residence_paragraph = fields.Char(
        "Legal Basis",
        states={
            'invisible': ~Eval('residence_status').in_(
                list(_PARAGRAPH_STATUSES)),
            },
        help='The paragraph the status is based on, '
        'e.g. "§ 25 Abs. 2 AufenthG".')
    residence_valid_until = fields.Date(
        "Residence Valid Until",
        states={
            'invisible': Eval('residence_status').in_(
                [None, 'german_citizen', 'eu_free_movement']),
            })
    household_members = fields.One2Many(
        'kim.case.client.household_member', 'client', "Household")
    household_size = fields.Function(
        fields.Integer("Household Size"), 'get_household_size')
    cases = fields.One2Many('kim.case', 'client', "Cases", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                # the rule on the companies checked on the clients read
                Index(t,
                    (t.company, Index.Equality()),
                    (t.id, Index.Equality())),
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @classmethod
    def get_name(cls, clients, name):
        # Read in SQL: through the ORM each party would load all its
        # fields, which made the name the main cost of the case lists.
        pool = Pool()
        Party = pool.get('party.party')
        client = cls.__table__()
        party = Party.__table__()
        cursor = Transaction().connection.cursor()
        names = dict.fromkeys(map(int, clients))
        for sub_clients in grouped_slice(clients, backend.MAX_QUERY_PARAMS):
            cursor.execute(*client.join(
                    party, condition=client.party == party.id).select(
                    client.id, Party.rec_name_column(party),
                    where=fields.SQL_OPERATORS['in'](
                        client.id, list(map(int, sub_clients)))))
            names.update(cursor)
        return names

    @classmethod
    def set_name(cls, clients, name, value):
        pool = Pool()
        Party = pool.get('party.party')
        parties = [c.party for c in clients if c.party.name != value]
        if value and parties:
            Party.write(parties, {'name': value})

    @classmethod
    def get_rec_name(cls, clients, name):
        return cls.get_name(clients, name)

    @classmethod
    def search_name(cls, name, clause):
        return [('party.rec_name', *clause[1:])]

    def get_age(self, name):
        if self.birth_date:
            today = Pool().get('ir.date').today()
            return today.year - self.birth_date.year - (
                (today.month, today.day)
                < (self.birth_date.month, self.birth_date.day))

    @classmethod
    def get_household_size(cls, clients, name):
        members = count_related(
            clients, 'kim.case.client.household_member', 'client')
        return {c: n + 1 for c, n in members.items()}

    @classmethod
    def create(cls, vlist):
        pool = Pool()
        Party = pool.get('party.party')
        vlist = [v.copy() for v in vlist]
        new = [v for v in vlist if not v.get('party') and v.get('name')]
        if new:
            parties = Party.create([{'name': v.pop('name')} for v in new])
            for values, party in zip(new, parties):
                values['party'] = party.id
        return super().create(vlist)

    @fields.depends('party')
    def on_change_party(self):
        # a person not yet saved has no name to read
        if self.party and self.party.id is not None and self.party.id >= 0:
            self.name = self.party.rec_name

    @fields.depends('stateless')
    def on_change_stateless(self):
        if self.stateless:
            self.nationality = None


class ClientLanguage(RenamedMixin, AccessMixin, ModelSQL):
    __string__ = "KIM Client - Language"
    __name__ = 'kim.case.client-kim.case.language'
    _former_name = 'kim.client-kim.language'
    client = fields.Many2One(
        'kim.case.client', "Client", required=True, ondelete='CASCADE')
    language = fields.Many2One(
        'kim.case.language', "Language", required=True, ondelete='CASCADE')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('client')


class HouseholdMember(RenamedMixin, AccessMixin, ModelSQL, ModelView):
    __string__ = "KIM Household Member"
    __name__ = 'kim.case.client.household_member'
    _former_name = 'kim.client.household_member'
    client = fields.Many2One(
        'kim.case.client', "Client", required=True, ondelete='CASCADE')
    name = fields.Char("Name", required=True)
    relation = fields.Selection([
            ('partner', "Partner"),
            ('child', "Child"),
            ('parent', "Parent"),
            ('sibling', "Sibling"),
            ('other', "Other"),
            ], "Relation", required=True)
    birth_date = fields.Date("Birth Date")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('client')


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'
    kim_clients = fields.One2Many(
        'kim.case.client', 'party', "KIM Client Files", readonly=True)
