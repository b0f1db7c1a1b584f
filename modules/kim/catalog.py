# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Configurable classifications that each Kommune sets in its
Handlungskonzept; they change over time, so they are records, not
selections. The fields of action and the legal domains are shared by the
modules of every Baustein."""
from trytond.cache import Cache
from trytond.model import (
    DeactivableMixin, ModelSQL, ModelView, Unique, fields, sequence_ordered)

from trytond.transaction import Transaction, inactive_records

from .access import AccessMixin
from .migration import move_model, move_xml_ids


class CatalogMixin(
        AccessMixin, DeactivableMixin, sequence_ordered(), ModelSQL,
        ModelView):
    __slots__ = ()
    # The names of each catalog per language: shown in most lists and forms,
    # changed rarely
    _rec_names_cache = Cache('kim.catalog.rec_names', context=False)
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
            ('code_unique', Unique(t, t.code), 'kim.msg_catalog_code_unique'),
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


class SharedCatalogMixin(CatalogMixin):
    __slots__ = ()

    @classmethod
    def __register__(cls, module):
        # Migration from kim_case 8.0.0: the catalogue and its data came
        # from there
        stem = cls.__name__.split('.')[-1]
        move_model('kim_case', module, cls.__name__)
        move_xml_ids(
            'kim_case', module, f'{stem}_%', f'access_{stem}%',
            f'act_{stem}_form%', f'menu_{stem}_form')
        super().__register__(module)


class FieldOfAction(SharedCatalogMixin):
    __string__ = "KIM Field of Action"
    __name__ = 'kim.field_of_action'


class LegalDomain(SharedCatalogMixin):
    __string__ = "KIM Legal Domain"
    __name__ = 'kim.legal_domain'
