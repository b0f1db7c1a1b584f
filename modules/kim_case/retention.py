# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The anonymisation of the cases after their retention period: what is
counted by the statistics stays, what tells who the client is goes"""
import datetime as dt

from sql import Column

from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.modules.party.exceptions import EraseError
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.tools import grouped_slice, reduce_ids
from trytond.transaction import Transaction

from .exceptions import CaseClosedError

# The value of erased required texts, as the erase of the parties does
ERASED = '****'


def quarter_start(date):
    "Return the first day of the quarter of date"
    if date:
        return date.replace(month=(date.month - 1) // 3 * 3 + 1, day=1)


class Case(metaclass=PoolMeta):
    __name__ = 'kim.case'
    anonymised = fields.Date(
        "Anonymised on", readonly=True,
        states={
            'invisible': ~Eval('anonymised'),
            },
        help="The date the personal data of the case was removed after its "
        "retention period; the case is kept for the statistics.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._buttons['reopen']['invisible'] |= Eval('anonymised')
        cls._buttons['reopen']['depends'] = (
            cls._buttons['reopen']['depends'] + ['anonymised'])

    @classmethod
    def check_modification(cls, mode, cases, values=None, external=False):
        super().check_modification(
            mode, cases, values=values, external=external)
        if mode in {'write', 'delete'}:
            cls.check_anonymised(cases)

    @classmethod
    def check_anonymised(cls, cases):
        for case in cases:
            if case.anonymised:
                raise CaseClosedError(gettext(
                        'kim_case.msg_case_anonymised_modify',
                        case=case.rec_name))

    @classmethod
    @ModelView.button
    def reopen(cls, cases):
        cls.check_anonymised(cases)
        super().reopen(cases)

    @classmethod
    def _anonymised_texts(cls):
        """Return the model, the field to the case and the values of the
        columns of the free texts erased on anonymisation"""
        return [
            ('kim.case', 'id', {'situation': None, 'closure_note': None}),
            ('kim.case.need', 'case', {'description': None}),
            ('kim.case.goal', 'case', {
                    'description': ERASED, 'outcome_note': None}),
            ('kim.case.referral', 'case', {
                    'purpose': None, 'outcome_note': None}),
            ('kim.case.contact', 'case', {'notes': None}),
            ('kim.case.appointment', 'case', {
                    'subject': ERASED, 'place': None, 'notes': None}),
            ('kim.case.reminder', 'case', {
                    'subject': ERASED, 'notes': None}),
            ('kim.case.consent', 'case', {
                    'purpose': ERASED, 'data_categories': None,
                    'withdrawal_note': None}),
            ]

    @classmethod
    def retention_cutoff(cls):
        "Return the date before which the ended cases are anonymised"
        pool = Pool()
        Configuration = pool.get('kim.case.configuration')
        Date = pool.get('ir.date')
        years = Configuration(1).retention_years
        # Kept until the end of the years-th calendar year after the end
        return dt.date(Date.today().year - years, 1, 1)

    @classmethod
    def anonymise_expired(cls):
        "Anonymise the ended cases whose retention period is over"
        cases = cls.search([
                ('state', 'in', ['closed', 'cancelled']),
                ('end_date', '<', cls.retention_cutoff()),
                ('anonymised', '=', None),
                ])
        cls.anonymise(cases)

    @classmethod
    def anonymise(cls, cases):
        """Remove the personal data of the ended cases, of their clients
        without any other case and erase the persons nothing else needs"""
        pool = Pool()
        Client = pool.get('kim.case.client')
        Date = pool.get('ir.date')
        transaction = Transaction()
        cursor = transaction.connection.cursor()
        if not cases:
            return
        assert all(c.state in {'closed', 'cancelled'} for c in cases)
        case_ids = [c.id for c in cases]
        resources = []
        # In SQL: the ended cases and their lines are read-only in the ORM.
        for model, field, values in cls._anonymised_texts() + [
                ('kim.case', 'id', {'anonymised': Date.today()})]:
            Model = pool.get(model)
            table = Model.__table__()
            ids = []
            for sub_ids in grouped_slice(case_ids):
                where = reduce_ids(Column(table, field), sub_ids)
                cursor.execute(*table.select(table.id, where=where))
                ids.extend(i for i, in cursor)
                cursor.execute(*table.update(
                        [Column(table, c) for c in values],
                        list(values.values()), where=where))
            resources.extend(f'{model},{i}' for i in ids)
            # the records read before are stale, as after a write
            for cache in transaction.cache.values():
                if model in cache:
                    for id_ in ids:
                        cache[model].pop(id_, None)
        transaction.counter += 1
        cls._delete_resources(resources)

        clients = Client.browse({c.client.id for c in cases})
        Client.anonymise([c for c in clients
                if all(k.anonymised for k in c.cases)])
        cls._erase_parties({c.client.party for c in cases})

    @classmethod
    def _delete_resources(cls, resources):
        "Delete the attachments and notes of the resources"
        pool = Pool()
        for name in ['ir.attachment', 'ir.note']:
            Resource = pool.get(name)
            for sub_resources in grouped_slice(resources):
                Resource.delete(Resource.search([
                            ('resource', 'in', list(sub_resources)),
                            ]))

    @classmethod
    def _erase_parties(cls, parties):
        "Erase the parties nothing else needs through the party erase"
        pool = Pool()
        Party = pool.get('party.party')
        Erase = pool.get('party.erase', type='wizard')
        needed = Party.kim_needed(list(parties))
        for party in parties:
            if party.id in needed:
                continue
            Party.write([party], {'active': False})
            session_id, _, _ = Erase.create()
            erase = Erase(session_id)
            erase.ask.party = party
            try:
                erase.transition_erase()
            except EraseError:
                # Needed by another module (e.g. a company or an employee)
                Party.write([party], {'active': True})
            Erase.delete(session_id)


class Client(metaclass=PoolMeta):
    __name__ = 'kim.case.client'

    @classmethod
    def anonymise(cls, clients):
        """Reduce the birth dates to their quarter and remove the names of
        the household"""
        pool = Pool()
        Case = pool.get('kim.case')
        Member = pool.get('kim.case.client.household_member')
        members = Member.search([('client', 'in', [c.id for c in clients])])
        for client in clients:
            client.birth_date = quarter_start(client.birth_date)
        for member in members:
            member.name = ERASED
            member.birth_date = quarter_start(member.birth_date)
        cls.save(clients)
        Member.save(members)
        Case._delete_resources(list(map(str, clients + members)))


class Consent(metaclass=PoolMeta):
    __name__ = 'kim.case.consent'

    @classmethod
    def check_modification(cls, mode, consents, values=None, external=False):
        pool = Pool()
        Case = pool.get('kim.case')
        super().check_modification(
            mode, consents, values=values, external=external)
        # The only lines still recorded on a closed case
        Case.check_anonymised({c.case for c in consents})


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    @classmethod
    def kim_needed(cls, parties):
        pool = Pool()
        Case = pool.get('kim.case')
        Client = pool.get('kim.case.client')
        case = Case.__table__()
        client = Client.__table__()
        cursor = Transaction().connection.cursor()
        needed = super().kim_needed(parties)
        # In SQL: also the cases the user may not read count.
        for sub_parties in grouped_slice(parties):
            cursor.execute(*client
                .join(case, condition=case.client == client.id)
                .select(client.party,
                    where=reduce_ids(
                        client.party, [p.id for p in sub_parties])
                    & (case.anonymised == None),  # noqa: E711
                    group_by=[client.party]))
            needed.update(p for p, in cursor)
        return needed
