# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Configurable classifications that each Kommune sets in its
Handlungskonzept; they change over time, so they are records, not
selections."""
from trytond.cache import Cache
from trytond.model import (
    DeactivableMixin, ModelSQL, ModelView, Unique, fields, sequence_ordered)
from trytond.modules.kim.access import AccessMixin
from trytond.pool import PoolMeta
from trytond.transaction import Transaction, inactive_records

from .statistics import figures_cache


class CatalogMixin(
        AccessMixin, DeactivableMixin, sequence_ordered(), ModelSQL, ModelView):
    __slots__ = ()
    # The names of each catalog per language: shown in most lists and forms
    # of the cases, changed rarely
    _rec_names_cache = Cache('kim_case.catalog.rec_names', context=False)
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

    @classmethod
    def get_rec_name(cls, records, name):
        key = (cls.__name__, Transaction().language)
        names = cls._rec_names_cache.get(key)
        if names is None or any(r.id not in names for r in records):
            with inactive_records():
                names = {c['id']: c['name'] for c in cls.search_read(
                        [], order=[], fields_names=['name'])}
            names = cls._rec_names_cache.set(key, names)
        return {r.id: names[r.id] for r in records}

    @classmethod
    def on_modification(cls, mode, records, field_names=None):
        super().on_modification(mode, records, field_names=field_names)
        cls._rec_names_cache.clear()


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

    @classmethod
    def on_modification(cls, mode, reasons, field_names=None):
        super().on_modification(mode, reasons, field_names=field_names)
        # The statistics count the successful closures by this flag.
        figures_cache.clear()


class Language(CatalogMixin):
    __string__ = "KIM Language"
    __name__ = 'kim.language'


class Translation(metaclass=PoolMeta):
    __name__ = 'ir.translation'

    @classmethod
    def _clear_cache_for(cls, types, models):
        super()._clear_cache_for(types, models)
        if 'model' in types:
            # the translated names of the catalogs
            CatalogMixin._rec_names_cache.clear()
