# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The residence statuses and the legal parameters of the pre-check: data,
so that a change of the law is a change of records, not of code"""
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.modules.kim.access import AccessMixin
from trytond.modules.kim.catalog import CatalogMixin
from trytond.pool import Pool
from trytond.pyson import Eval

from .calculation import Status
from .exceptions import ProcedureValidationError


class ResidenceStatus(CatalogMixin):
    """KIM Residence Status

    A status of residence as the foreigners' register records it; the code
    follows the terms of the federal data standard (XAusländer) where it
    names the status."""
    __string__ = "KIM Residence Status"
    __name__ = 'kim.authority.residence_status'
    present = fields.Boolean(
        "Present", help="The person resides in Germany under this status.")
    lawful = fields.Boolean(
        "Lawful Residence",
        help="Counts as lawful residence for naturalisation (§ 10 StAG).")
    tolerated = fields.Boolean("Toleration", help="A Duldung of any kind.")
    section_60b = fields.Boolean(
        "Toleration § 60b",
        help="The Duldung for persons whose identity is not clarified; its "
        "time does not count for § 25a AufenthG.")
    permission = fields.Boolean(
        "Permission to Reside",
        help="The Aufenthaltsgestattung during the asylum procedure.")

    @staticmethod
    def default_present():
        return True

    def to_status(self):
        "The status as the calculation of the residence time reads it"
        return Status(code=self.code or str(self.id), present=self.present,
            lawful=self.lawful, tolerated=self.tolerated,
            section_60b=self.section_60b, permission=self.permission)


class LegalParameter(AccessMixin, ModelSQL, ModelView):
    """KIM Legal Parameter

    A duration, date or amount that the law sets, with its legal source and
    the period it applies to."""
    __string__ = "KIM Legal Parameter"
    __name__ = 'kim.authority.legal_parameter'
    code = fields.Char("Code", required=True, strip=False)
    name = fields.Char("Name", required=True, translate=True)
    kind = fields.Selection([
            ('number', "Number"),
            ('date', "Date"),
            ('amount', "Amount"),
            ], "Kind", required=True, sort=False)
    number = fields.Integer(
        "Number",
        states={
            'invisible': Eval('kind') != 'number',
            'required': Eval('kind') == 'number',
            },
        help="The number of years, months or days.")
    date = fields.Date(
        "Date",
        states={
            'invisible': Eval('kind') != 'date',
            'required': Eval('kind') == 'date',
            })
    amount = fields.Numeric(
        "Amount", digits=(16, 2),
        states={
            'invisible': Eval('kind') != 'amount',
            'required': Eval('kind') == 'amount',
            })
    source = fields.Char(
        "Legal Source", required=True,
        help="The provision that sets the value, e.g. § 25b Abs. 1 Satz 2 "
        "Nr. 1 AufenthG.")
    start_date = fields.Date("Valid from")
    end_date = fields.Date("Valid until")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('code_start_unique', Unique(t, t.code, t.start_date),
                'kim_authority.msg_legal_parameter_unique'),
            ]
        cls._order = [('code', 'ASC'), ('start_date', 'DESC NULLS LAST'),
            ('id', 'ASC')]

    @staticmethod
    def default_kind():
        return 'number'

    @classmethod
    def get(cls, code, date=None):
        "Return the value of the parameter code valid on date"
        Date = Pool().get('ir.date')
        date = date or Date.today()
        parameters = cls.search([
                ('code', '=', code),
                ['OR', ('start_date', '=', None), ('start_date', '<=', date)],
                ['OR', ('end_date', '=', None), ('end_date', '>=', date)],
                ], limit=1)
        if not parameters:
            raise ProcedureValidationError(gettext(
                    'kim_authority.msg_legal_parameter_missing', code=code))
        parameter, = parameters
        return getattr(parameter, parameter.kind)
