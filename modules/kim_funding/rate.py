# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.model import Index, ModelSQL, ModelView, Unique, fields
from trytond.modules.kim.access import AccessMixin

BAUSTEINE = [
    ('1', "Baustein 1 – Strategic Overhead"),
    ('2', "Baustein 2 – Case Management"),
    ('3', "Baustein 3 – Foreigners' and Naturalisation Authorities"),
    ]
KINDS = [
    ('coordination', "Coordination"),
    ('administration', "Administrative Assistance"),
    ('case_management', "Case Management"),
    ('abh', "Foreigners' Authority (ABH)"),
    ('ebh', "Naturalisation Authority (EBH)"),
    ('workplace', "Workplace Flat Rate"),
    ]
VZAE_DIGITS = (4, 2)
AMOUNT_DIGITS = (16, 2)


class Rate(AccessMixin, ModelSQL, ModelView):
    __string__ = "KIM Funding Rate"
    __name__ = 'kim.funding.rate'
    baustein = fields.Selection(BAUSTEINE, "Baustein", required=True)
    kind = fields.Selection(KINDS, "Kind of Post", required=True)
    year = fields.Integer("Year", required=True)
    amount = fields.Numeric(
        "Amount per VZÄ and Year", digits=AMOUNT_DIGITS, required=True,
        domain=[('amount', '>=', 0)],
        help="The flat rate (Fachpauschale) for one full-time post (1.0 "
        "VZÄ) during a whole year.")
    source = fields.Char(
        "Source", help="Where the rate is published, e.g. the Bescheid.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('baustein_kind_year_unique',
                Unique(t, t.baustein, t.kind, t.year),
                'kim_funding.msg_rate_unique'),
            ]
        cls._sql_indexes.add(
            Index(t, (t.year, Index.Range()), (t.kind, Index.Equality())))
        cls._order = [
            ('year', 'DESC'), ('baustein', 'ASC'), ('kind', 'ASC'),
            ('id', 'DESC')]

    def get_rec_name(self, name):
        kind = self.__class__.kind.translated('kind').__get__(
            self, self.__class__)
        return f'{kind} {self.year}'

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('source', *clause[1:])]

    @classmethod
    def get_amount(cls, baustein, kind, year):
        "Return the rate of the year or None"
        rates = cls.search([
                ('baustein', '=', baustein),
                ('kind', '=', kind),
                ('year', '=', year),
                ], limit=1)
        if rates:
            return rates[0].amount
