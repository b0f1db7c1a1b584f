# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.model import Index, ModelSQL, ModelView, Unique, fields
from trytond.modules.currency.fields import Monetary
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.model import MessageValueMixin
from trytond.pool import Pool
from trytond.transaction import Transaction


BUILDING_BLOCKS = [
    ('1', "Building Block 1 – Strategic Overhead"),
    ('2', "Building Block 2 – Case Management"),
    ('3', "Building Block 3 – Foreigners' and Naturalisation Authorities"),
    ]
KINDS = [
    ('coordination', "Coordination"),
    ('administration', "Administrative Assistance"),
    ('case_management', "Case Management"),
    ('foreigners_authority', "Foreigners' Authority"),
    ('naturalisation_authority', "Naturalisation Authority"),
    ('workplace', "Workplace Flat Rate"),
    ]
FTE_DIGITS = (4, 2)
AMOUNT_DIGITS = (16, 2)


def migrate_post_kinds(table_handler, table):
    "Migration from 8.0.0: English names of the building block and kinds"
    if not table_handler.column_exist('baustein'):
        return
    cursor = Transaction().connection.cursor()
    table_handler.column_rename('baustein', 'building_block')
    for old, new in [
            ('abh', 'foreigners_authority'),
            ('ebh', 'naturalisation_authority')]:
        cursor.execute(*table.update(
                [table.kind], [new], where=table.kind == old))


class Rate(AccessMixin, MessageValueMixin, ModelSQL, ModelView):
    __string__ = "KIM Funding Rate"
    __name__ = 'kim.funding.rate'
    building_block = fields.Selection(
        BUILDING_BLOCKS, "Building Block", required=True)
    kind = fields.Selection(KINDS, "Kind of Post", required=True)
    year = fields.Integer("Year", required=True)
    amount = Monetary(
        "Amount per FTE and Year", currency='currency',
        digits=AMOUNT_DIGITS, required=True,
        domain=[('amount', '>=', 0)],
        help="The flat rate for one full-time post (1.0 FTE) during a "
        "whole year.")
    currency = fields.Function(fields.Many2One(
            'currency.currency', "Currency"), 'get_currency')
    source = fields.Char(
        "Source",
        help="Where the rate is published, e.g. the grant notice.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('building_block_kind_year_unique',
                Unique(t, t.building_block, t.kind, t.year),
                'kim_funding.msg_rate_unique'),
            ]
        cls._sql_indexes.add(
            Index(t, (t.year, Index.Range()), (t.kind, Index.Equality())))
        cls._order = [
            ('year', 'DESC'), ('building_block', 'ASC'), ('kind', 'ASC'),
            ('id', 'DESC')]

    @classmethod
    def __register__(cls, module):
        table_h = cls.__table_handler__(module)
        if table_h.column_exist('baustein'):
            table_h.drop_constraint('baustein_kind_year_unique')
        migrate_post_kinds(table_h, cls.__table__())
        super().__register__(module)

    @classmethod
    def default_currency(cls):
        pool = Pool()
        Company = pool.get('company.company')
        company = Transaction().context.get('company')
        if company is not None and company >= 0:
            return Company(company).currency.id

    @classmethod
    def get_currency(cls, rates, name):
        "The rates are published in the currency of the user's company"
        currency = cls.default_currency()
        return {r.id: currency for r in rates}

    def get_rec_name(self, name):
        kind = self.__class__.kind.translated('kind').__get__(
            self, self.__class__)
        return f'{kind} {self.year}'

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('source', *clause[1:])]

    @classmethod
    def get_amount(cls, building_block, kind, year):
        "Return the rate of the year or None"
        rates = cls.search([
                ('building_block', '=', building_block),
                ('kind', '=', kind),
                ('year', '=', year),
                ], limit=1)
        if rates:
            return rates[0].amount
