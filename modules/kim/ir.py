# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import re
from collections import defaultdict
from collections.abc import Mapping

from sql import Union

from trytond.cache import Cache
from trytond.ir.lang import NO_BREAKING_SPACE
from trytond.ir.resource import ResourceAccessMixin
from trytond.model import (
    Model, ModelSingleton, ModelSQL, ModelStorage, fields)
from trytond.pool import Pool, PoolMeta
from trytond.tools import grouped_slice
from trytond.transaction import (
    Transaction, inactive_records, without_check_access)

from .access import AccessMixin
from .audit import ReadLogMixin
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
            'of the current user'
            '\n- "data_protection" as whether the current user is a data '
            'protection officer (group "KIM Data Protection")')

    @classmethod
    def _get_cache_key(cls, model_names):
        pool = Pool()
        User = pool.get('res.user')
        key = super()._get_cache_key(model_names)
        return (*key, Transaction().user, User.get_employees())

    @classmethod
    def _get_context(cls, model_name):
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        User = pool.get('res.user')
        context = super()._get_context(model_name)
        context['employees'] = User.get_employees()
        context['user_id'] = Transaction().user
        # The read domains depend only on the groups, companies and
        # employees of the cache key above.
        context['readable'] = Readable()
        try:
            group = ModelData.get_id('kim', 'group_kim_data_protection')
        except KeyError:
            # while the module is activated
            group = None
        context['data_protection'] = group in context['groups']
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
    """The logs of the KIM records are the audit of the data protection
    officer: a global rule lets only her group see them (see kim.xml), so
    their access does not follow the record they log, which she may not
    read; the logs of other records do as in core."""
    __name__ = 'ir.model.log'

    resource_model = fields.Function(
        fields.Char("Model"), 'get_resource_model',
        searcher='search_resource_model')
    resource_name = fields.Function(
        fields.Char("Record"), 'get_resource_name',
        searcher='search_resource_name')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.event.selection.extend([
                ('read', "Read"),
                ('print', "Printed"),
                ('export', "Exported"),
                ])

    @staticmethod
    def _audit_model(model_name):
        "Whether the logs of model_name are seen only by the audit group"
        return bool(model_name) and model_name.startswith('kim.')

    def get_resource_model(self, name):
        pool = Pool()
        IrModel = pool.get('ir.model')
        if self.resource:
            return IrModel.get_name(self.resource.__name__)

    @classmethod
    def search_resource_model(cls, name, clause):
        "Search the logs by the name or the technical name of the model"
        pool = Pool()
        IrModel = pool.get('ir.model')
        _, operator, value = clause[:3]
        bool_op = 'AND' if operator.startswith('not') else 'OR'
        with without_check_access():
            models = IrModel.search([bool_op,
                    ('string', operator, value),
                    ('name', operator, value),
                    ])
        return ['OR', *[('resource', 'like', f'{m.name},%')
                for m in models]] if models else [('id', '=', None)]

    @classmethod
    def get_resource_name(cls, logs, name):
        """The name of the record logged, read without the access of the
        user: the audit group sees which record, not the record itself"""
        names = {l.id: None for l in logs}
        resources = defaultdict(set)
        for log in logs:
            if log.resource:
                resources[log.resource.__name__].add(log.resource.id)
        rec_names = {}
        with without_check_access(), inactive_records():
            for model_name, ids in resources.items():
                Target = Pool().get(model_name)
                for sub_ids in grouped_slice(sorted(ids)):
                    for record in Target.browse(sub_ids):
                        rec_names[f'{model_name},{record.id}'] = (
                            record.rec_name)
        for log in logs:
            if log.resource:
                names[log.id] = rec_names.get(str(log.resource))
        return names

    @classmethod
    def search_resource_name(cls, name, clause):
        "Search the records logged by their name, without their access"
        pool = Pool()
        log = cls.__table__()
        column = log.resource
        queries = []
        with without_check_access(), inactive_records():
            for model_name in cls._logged_models():
                Target = pool.get(model_name)
                query = Target.search(
                    [('rec_name', *clause[1:])], order=[], query=True)
                queries.append(log.select(log.id, where=(
                            column.like(f'{model_name},%')
                            & cls.resource.sql_id(column, Target).in_(
                                query))))
        if not queries:
            return [('id', '=', None)]
        return [('id', 'in', Union(*queries, all_=True))]

    @classmethod
    def _logged_models(cls):
        """The names of the models of the audit whose logs are searched by
        the name of their record: the KIM models stored in a table"""
        return sorted(name for name, Target in Pool().iterobject()
            if cls._audit_model(name) and issubclass(Target, ModelSQL)
            and not issubclass(Target, ModelSingleton)
            and not Target._is_table_query())

    def get_action(self, name):
        pool = Pool()
        ActionReport = pool.get('ir.action.report')
        Field = pool.get('ir.model.field')
        if self.event == 'print' and self.target:
            with without_check_access():
                reports = ActionReport.search([
                        ('report_name', '=', self.target),
                        ], limit=1)
            if reports:
                return reports[0].name
        elif self.event == 'export' and self.target and self.resource:
            model = self.resource.__name__
            return ', '.join(
                '/'.join(Field.get_name(model, n) if i == 0 else n
                    for i, n in enumerate(path.split('/')))
                for path in self.target.split(','))
        return super().get_action(name)

    @classmethod
    def _denied_resource_models(cls):
        # The global rule decides on the logs of the KIM records
        return [m for m in super()._denied_resource_models()
            if not cls._audit_model(m)]

    @classmethod
    def check_access(cls, ids, mode='read'):
        """Check the access to the records logged, except the KIM records:
        the global rule lets only the audit group see their logs"""
        transaction = Transaction()
        if transaction.user == 0 or not transaction.check_access:
            return
        with without_check_access():
            others = [l.id for l in cls.browse(ids)
                if l.resource and not cls._audit_model(
                    l.resource.__name__)]
        super().check_access(others, mode=mode)

    @classmethod
    def search(cls, domain, offset=0, limit=None, order=None, count=False,
            **kwargs):
        transaction = Transaction()
        if (kwargs.get('query') or not transaction.user
                or not transaction.check_access):
            return super().search(domain, offset=offset, limit=limit,
                order=order, count=count, **kwargs)
        # The checks of AccessMixin and ResourceSearchMixin, then those of
        # core's ResourceAccessMixin for the logs of the other records
        cls._check_search(domain, offset, limit, order)
        denied = cls._denied_resource_models()
        if denied:
            domain = [domain, ['OR',
                    ('resource', '=', None),
                    [('resource', 'not like', f'{m},%') for m in denied],
                    ]]
        search = super(ResourceAccessMixin, cls).search
        fetched = []
        loop = 0
        while True:
            result = search(domain, offset=offset + loop * (limit or 0),
                limit=limit, order=order, count=False, **kwargs)
            resources = defaultdict(set)
            with without_check_access():
                logs = cls.browse(result)
                for log in logs:
                    if (isinstance(log.resource, Model)
                            and not cls._audit_model(
                                log.resource.__name__)):
                        resources[log.resource.__class__].add(
                            log.resource.id)
            allowed = set()
            for RModel, ids in resources.items():
                allowed.update(RModel.search([('id', 'in', list(ids))]))
            fetched.extend(l for l in logs
                if not isinstance(l.resource, Model)
                or cls._audit_model(l.resource.__name__)
                or l.resource in allowed)
            if limit is None or len(fetched) >= limit or not result:
                fetched = fetched[:limit] if limit is not None else fetched
                break
            loop += 1
        if count:
            return len(fetched)
        return cls.browse(fetched)


class Email(ResourceSearchMixin, AccessMixin, metaclass=PoolMeta):
    __name__ = 'ir.email'


class View(metaclass=PoolMeta):
    __name__ = 'ir.ui.view'

    @classmethod
    def on_modification(cls, mode, views, field_names=None):
        super().on_modification(mode, views, field_names=field_names)
        # the list fields of the models whose reads are logged
        ReadLogMixin._list_fields_cache.clear()


class Translation(metaclass=PoolMeta):
    __name__ = 'ir.translation'

    @classmethod
    def _clear_cache_for(cls, types, models):
        super()._clear_cache_for(types, models)
        if 'model' in types:
            # the translated names of the catalogs
            CatalogMixin._rec_names_cache.clear()
