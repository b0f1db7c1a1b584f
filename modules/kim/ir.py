# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import re
from collections.abc import Mapping

from trytond.cache import Cache
from trytond.ir.lang import NO_BREAKING_SPACE
from trytond.model import ModelStorage
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

from .access import AccessMixin
from .catalog import CatalogMixin


class Readable(Mapping):
    """The read domain of each model for the current user, computed when a
    rule uses it: [('id', '=', None)] where the user may not read the model
    at all, the domain of its record rules otherwise"""
    __slots__ = ()

    def __getitem__(self, model_name):
        pool = Pool()
        ModelAccess = pool.get('ir.model.access')
        Rule = pool.get('ir.rule')
        pool.get(model_name)  # KeyError for an unknown model
        if not ModelAccess.check(model_name, 'read', raise_exception=False):
            return [('id', '=', None)]
        return Rule.domain_get(model_name, mode='read')

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0


class Rule(metaclass=PoolMeta):
    __name__ = 'ir.rule'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.domain.help += (
            '\n- "employees" as list of employee ids of the current user'
            '\n- "user_id" as id of the current user'
            '\n- "readable" as dictionary of the read domain per model name '
            'of the current user')

    @classmethod
    def _get_cache_key(cls, model_names):
        pool = Pool()
        User = pool.get('res.user')
        key = super()._get_cache_key(model_names)
        return (*key, Transaction().user, User.get_employees())

    @classmethod
    def _get_context(cls, model_name):
        pool = Pool()
        User = pool.get('res.user')
        context = super()._get_context(model_name)
        context['employees'] = User.get_employees()
        context['user_id'] = Transaction().user
        # The read domains depend only on the groups, companies and
        # employees of the cache key above.
        context['readable'] = Readable()
        return context


class ModelAccess(metaclass=PoolMeta):
    __name__ = 'ir.model.access'

    @classmethod
    def on_modification(cls, mode, accesses, field_names=None):
        pool = Pool()
        Rule = pool.get('ir.rule')
        super().on_modification(mode, accesses, field_names=field_names)
        # The "readable" domains of the cached rules follow the access rights
        Rule._domain_get_cache.clear()


class Lang(metaclass=PoolMeta):
    __name__ = 'ir.lang'
    _date_format_cache = Cache('ir.lang.date_format', context=False)

    @classmethod
    def format_date(cls, value):
        """The date in the format of the transaction's language, read once
        per language instead of loading the language in every call"""
        code = Transaction().language
        date_format = cls._date_format_cache.get(code)
        if date_format is None:
            date_format = cls._date_format_cache.set(code, cls.get(code).date)
        if not re.fullmatch(r'(?:[^%]|%[dmyY%])*', date_format):
            # names of days or months come from the language's calendar
            return cls.get(code).strftime(value)
        return value.strftime(date_format).replace(' ', NO_BREAKING_SPACE)

    @classmethod
    def on_modification(cls, mode, languages, field_names=None):
        super().on_modification(mode, languages, field_names=field_names)
        cls._date_format_cache.clear()


class ResourceSearchMixin:
    """Search only the records of resources whose model the user may read

    Tryton refuses the whole search as soon as one record found belongs to
    a model the user may not read (a note on a case for finance staff), so
    those records are left out of the search instead."""
    __slots__ = ()

    @classmethod
    def search(cls, domain, offset=0, limit=None, order=None, count=False,
            **kwargs):
        if Transaction().check_access and not kwargs.get('query'):
            denied = cls._denied_resource_models()
            if denied:
                domain = [domain, ['OR',
                        ('resource', '=', None),
                        [('resource', 'not like', f'{m},%') for m in denied],
                        ]]
        return super().search(domain, offset=offset, limit=limit,
            order=order, count=count, **kwargs)

    @classmethod
    def _denied_resource_models(cls):
        "Return the models the user may not read"
        pool = Pool()
        ModelAccess = pool.get('ir.model.access')
        models = [n for n, M in pool.iterobject()
            if issubclass(M, ModelStorage)]
        access = ModelAccess.get_access(models)
        return sorted(m for m in models if not access[m]['read'])


class Note(ResourceSearchMixin, AccessMixin, metaclass=PoolMeta):
    __name__ = 'ir.note'


class Attachment(ResourceSearchMixin, AccessMixin, metaclass=PoolMeta):
    __name__ = 'ir.attachment'


class Log(ResourceSearchMixin, AccessMixin, metaclass=PoolMeta):
    __name__ = 'ir.model.log'


class Email(ResourceSearchMixin, AccessMixin, metaclass=PoolMeta):
    __name__ = 'ir.email'


class Translation(metaclass=PoolMeta):
    __name__ = 'ir.translation'

    @classmethod
    def _clear_cache_for(cls, types, models):
        super()._clear_cache_for(types, models)
        if 'model' in types:
            # the translated names of the catalogs
            CatalogMixin._rec_names_cache.clear()
