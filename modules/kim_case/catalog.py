# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Configurable classifications that each Kommune sets in its
Handlungskonzept; they change over time, so they are records, not
selections."""
from trytond.model import (
    DeactivableMixin, ModelSQL, ModelView, Unique, fields, sequence_ordered)
from trytond.modules.kim.access import AccessMixin


class CatalogMixin(
        AccessMixin, DeactivableMixin, sequence_ordered(), ModelSQL, ModelView):
    __slots__ = ()
    name = fields.Char("Name", required=True, translate=True)
    code = fields.Char(
        "Code", strip=False,
        help="Short stable key used in exports and statistics.")
    description = fields.Text("Description", translate=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(t, t.code),
                'kim_case.msg_catalog_code_unique'),
            ]
        cls._order.insert(1, ('name', 'ASC'))


class TargetGroup(CatalogMixin):
    __string__ = "KIM Target Group"
    __name__ = 'kim.target_group'


class FieldOfAction(CatalogMixin):
    __string__ = "KIM Field of Action"
    __name__ = 'kim.field_of_action'


class LegalDomain(CatalogMixin):
    __string__ = "KIM Legal Domain"
    __name__ = 'kim.legal_domain'


class AccessRoute(CatalogMixin):
    __string__ = "KIM Access Route"
    __name__ = 'kim.access_route'


class ClosureReason(CatalogMixin):
    __string__ = "KIM Closure Reason"
    __name__ = 'kim.closure_reason'
    goal_reached = fields.Boolean(
        "Goal Reached",
        help="Check if closing for this reason counts as a success.")


class Language(CatalogMixin):
    __string__ = "KIM Language"
    __name__ = 'kim.language'
