# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The classifications of case management; the fields of action and the
legal domains are shared and come from the kim module."""
from trytond.model import fields
from trytond.modules.kim.catalog import CatalogMixin
from trytond.modules.kim.migration import RenamedMixin


class CaseCatalogMixin(RenamedMixin, CatalogMixin):
    __slots__ = ()


class TargetGroup(CaseCatalogMixin):
    __string__ = "KIM Target Group"
    __name__ = 'kim.case.target_group'
    _former_name = 'kim.target_group'


class AccessRoute(CaseCatalogMixin):
    __string__ = "KIM Access Route"
    __name__ = 'kim.case.access_route'
    _former_name = 'kim.access_route'


class ClosureReason(CaseCatalogMixin):
    __string__ = "KIM Closure Reason"
    __name__ = 'kim.case.closure_reason'
    _former_name = 'kim.closure_reason'
    goal_reached = fields.Boolean(
        "Goal Reached",
        help="Check if closing for this reason counts as a success.")


class Language(CaseCatalogMixin):
    __string__ = "KIM Language"
    __name__ = 'kim.case.language'
    _former_name = 'kim.language'
