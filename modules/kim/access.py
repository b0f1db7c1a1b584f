# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The access mechanisms every KIM model and every core model that holds or
points at personal data share.

Tryton applies the record rules in SQL to search and read, but evaluates
them in Python on export (where a rule inherited through ``__access__`` or
a dotted path counts as satisfied), reads without them on copy, checks
them on write and delete only after the validations that name the
records, and accepts links to records the user may not read.  The mixin
closes these paths by checking the rules in SQL before each of them.  It
also refuses, with a user error, the values, domains and ids of a call that
core would fail on with an unhandled error or, on SQLite, which has no
foreign keys, store (e.g. a link to a record that does not exist)."""
import datetime as dt
import math
from collections import defaultdict
from decimal import Decimal

from trytond.i18n import gettext
from trytond.ir.resource import ResourceAccessMixin
from trytond.model import Model, ModelStorage, Workflow, fields
from trytond.pool import Pool
from trytond.tools import grouped_slice
from trytond.transaction import (
    Transaction, check_access, inactive_records, without_check_access)

from .audit import audit
from .exceptions import LinkValueError, StateAccessError

RELATIONS = {'many2one', 'one2one', 'one2many', 'many2many', 'reference'}
# The actions of x2many values that link existing records
_LINK_ACTIONS = {'add', 'set', 'copy'}


# The names read accepts besides those of the fields
_READ_EXTRA = {'_timestamp', '_write', '_delete'}
_DOMAIN_OPERATORS = {'AND', 'OR'}


# The limits of the numbers the backends store (SQLite fails on an integer
# beyond 64 bits, the digits check on an infinite number)
_INT_LIMIT = 2 ** 63
_NUMBER_LIMIT = 10 ** 100


def _is_int(value):
    return (isinstance(value, int) and not isinstance(value, bool)
        and -_INT_LIMIT <= value < _INT_LIMIT)


def _valid_value(field, value):
    "Whether value is of the type field stores (not None)"
    type_ = field._type
    if type_ in {'char', 'text', 'full_text'}:
        return isinstance(value, str) and '\x00' not in value
    if type_ == 'integer':
        return _is_int(value) and -2 ** 31 <= value < 2 ** 31
    if type_ == 'biginteger':
        return _is_int(value) and -2 ** 63 <= value < 2 ** 63
    if type_ in {'float', 'numeric'}:
        if isinstance(value, Decimal):
            return value.is_finite() and abs(value) < _NUMBER_LIMIT
        return (isinstance(value, (int, float))
            and not isinstance(value, bool) and math.isfinite(value)
            and abs(value) < _NUMBER_LIMIT)
    if type_ == 'boolean':
        return isinstance(value, bool) or value in {0, 1}
    if type_ == 'date':
        return (isinstance(value, dt.date)
            and not isinstance(value, dt.datetime))
    if type_ in {'datetime', 'timestamp'}:
        return isinstance(value, dt.datetime)
    if type_ == 'time':
        return isinstance(value, dt.time)
    if type_ == 'timedelta':
        return isinstance(value, dt.timedelta)
    if type_ == 'selection':
        return (isinstance(value, str) and '\x00' not in value
            or _is_int(value))
    if type_ == 'multiselection':
        return isinstance(value, (list, tuple)) and all(
            isinstance(v, str) for v in value)
    if type_ == 'binary':
        return isinstance(value, (bytes, bytearray, memoryview))
    if type_ == 'dict':
        return isinstance(value, dict) and all(
            isinstance(k, str) for k in value)
    # the relational fields are checked by _check_links
    return True


def _valid_action(action):
    "Whether action is an action of an x2many value of a valid shape"
    if (not isinstance(action, (list, tuple)) or len(action) < 2
            or not isinstance(action[0], str)):
        return False

    def ids(value):
        return isinstance(value, (list, tuple)) and all(
            _is_int(i) for i in value)
    name, args = action[0], action[1:]
    if name == 'create':
        return len(args) == 1 and isinstance(args[0], (list, tuple)) and all(
            isinstance(v, dict) for v in args[0])
    if name == 'write':
        return len(args) % 2 == 0 and all(
            ids(i) and isinstance(v, dict)
            for i, v in zip(args[::2], args[1::2]))
    if name == 'copy':
        return len(args) in {1, 2} and ids(args[0]) and (
            len(args) == 1 or isinstance(args[1], dict))
    if name in {'delete', 'remove', 'add', 'set'}:
        return len(args) == 1 and ids(args[0])
    return False


def _valid_domain(domain):
    "Whether domain has the shape of a domain"
    if not isinstance(domain, (list, tuple)):
        return False
    for i, clause in enumerate(domain):
        if isinstance(clause, str):
            if i or clause not in _DOMAIN_OPERATORS:
                return False
        elif not isinstance(clause, (list, tuple)):
            return False
        elif (clause and isinstance(clause[0], str)
                and clause[0] not in _DOMAIN_OPERATORS):
            if not (3 <= len(clause) <= 4 and isinstance(clause[1], str)
                    and (len(clause) == 3 or isinstance(clause[3], str))):
                return False
        elif not _valid_domain(clause):
            return False
    return True


def check_records(Model_, ids, mode='read'):
    """Raise an access error unless the user may access all the ids of
    Model_ in mode, by the access rights and the record rules in SQL"""
    pool = Pool()
    ModelAccess = pool.get('ir.model.access')
    Rule = pool.get('ir.rule')
    ids = sorted({int(i) for i in ids if i is not None and int(i) >= 0})
    ModelAccess.check(Model_.__name__, mode)
    if not ids:
        return
    Rule.check(Model_.__name__, ids, mode)
    if issubclass(Model_, ResourceAccessMixin):
        # notes, attachments and logs follow the record they belong to
        Model_.check_access(ids, mode)


def readable_by(user, records):
    """Return the records the user may read by her access rights and record
    rules, e.g. before a cron tells her of them"""
    pool = Pool()
    ModelAccess = pool.get('ir.model.access')
    if not records:
        return []
    Model_ = records[0].__class__
    readable = set()
    with Transaction().set_user(user.id), Transaction().set_context(
            company=user.company.id if user.company else None,
            companies=None), check_access():
        if not ModelAccess.check(
                Model_.__name__, 'read', raise_exception=False):
            return []
        for sub_records in grouped_slice(records):
            readable.update(map(int, Model_.search(
                        [('id', 'in', [r.id for r in sub_records])])))
    return [r for r in records if r.id in readable]


def _field_name(name):
    "Return the field name of an export path element"
    name = name.split(':lang=', 1)[0]
    if name.endswith('.translated'):
        name = name[:-len('.translated')]
    return name


def check_export(Model_, records, paths):
    """Check in SQL that the user may read the records and every record
    reached from them through the exported relational paths"""
    pool = Pool()
    check_records(Model_, [r.id for r in records])
    children = defaultdict(list)
    for path in paths:
        if not path:
            continue
        name = _field_name(path[0])
        field = Model_._fields.get(name)
        if field is not None and field._type in RELATIONS:
            children[name].append(path[1:])
    for name, sub_paths in children.items():
        targets = defaultdict(dict)
        for record in records:
            value = getattr(record, name)
            if isinstance(value, Model):
                value = [value]
            for target in value or []:
                if isinstance(target, Model) and target.id is not None:
                    targets[target.__name__][target.id] = target
        for model_name, target_records in targets.items():
            check_export(
                pool.get(model_name), list(target_records.values()),
                sub_paths)


def check_instance(record):
    """Check that the user may read the stored records that an instance
    built from the values of a client refers to (on_change, pre_validate)"""
    pool = Pool()
    targets = defaultdict(set)
    seen = set()

    def walk(record):
        if id(record) in seen:
            return
        seen.add(id(record))
        if record.id is not None and record.id >= 0:
            targets[record.__name__].add(record.id)
        if record._values is None:
            return
        for _, value in record._values._items():
            for target in value if isinstance(value, (list, tuple)) else [
                    value]:
                if isinstance(target, Model):
                    walk(target)

    walk(record)
    for model_name, ids in targets.items():
        Target = pool.get(model_name)
        if issubclass(Target, ModelStorage):
            check_records(Target, ids)


class AccessMixin:
    "Apply the access rights and record rules on every path"
    __slots__ = ()

    def on_change(self, fieldnames):
        if Transaction().check_access:
            check_instance(self)
        return super().on_change(fieldnames)

    def on_change_with(self, fieldnames):
        if Transaction().check_access:
            check_instance(self)
        return super().on_change_with(fieldnames)

    def on_change_notify(self):
        if Transaction().check_access:
            check_instance(self)
        return super().on_change_notify()

    def pre_validate(self):
        if Transaction().check_access:
            check_instance(self)
        return super().pre_validate()

    @classmethod
    def export_data(cls, records, fields_names, header=False):
        transaction = Transaction()
        if transaction.check_access:
            check_export(
                cls, records, [name.split('/') for name in fields_names])
        result = super().export_data(records, fields_names, header=header)
        if transaction.check_access and transaction.user:
            audit(cls, [r.id for r in records], 'export',
                ','.join(fields_names))
        return result

    @classmethod
    def copy(cls, records, default=None):
        if Transaction().check_access:
            check_records(cls, [r.id for r in records])
        return super().copy(records, default=default)

    @classmethod
    def read(cls, ids, fields_names):
        if Transaction().check_access:
            cls._check_read(ids, fields_names)
        return super().read(ids, fields_names)

    @classmethod
    def search(cls, domain, offset=0, limit=None, order=None, count=False,
            **kwargs):
        if Transaction().check_access:
            cls._check_search(domain, offset, limit, order)
        return super().search(domain, offset=offset, limit=limit,
            order=order, count=count, **kwargs)

    @classmethod
    def create(cls, vlist):
        if Transaction().check_access:
            if not isinstance(vlist, (list, tuple)):
                raise LinkValueError(gettext(
                        'kim.msg_arguments_invalid', **cls.__names__()))
            for values in vlist:
                cls._check_values(values)
                cls._check_state_value('create', values)
            cls._check_links(vlist)
        return super().create(vlist)

    @classmethod
    def write(cls, records, values, *args):
        if Transaction().check_access:
            actions = iter((records, values) + args)
            all_records, vlist = [], []
            if len(args) % 2:
                raise LinkValueError(gettext(
                        'kim.msg_arguments_invalid', **cls.__names__()))
            for sub_records, sub_values in zip(actions, actions):
                all_records.extend(sub_records)
                vlist.append(sub_values)
                cls._check_values(sub_values)
                cls._check_state_value('write', sub_values)
            # Before the validations of the write name the records
            check_records(cls, [r.id for r in all_records], 'write')
            cls._check_links(vlist)
        super().write(records, values, *args)

    @classmethod
    def delete(cls, records):
        if Transaction().check_access:
            check_records(cls, [r.id for r in records], 'delete')
        super().delete(records)

    @classmethod
    def _check_values(cls, values):
        """Refuse values the fields cannot store, which core would fail on
        with an unhandled error (or, on SQLite, store)"""
        names = cls.__names__()
        if not isinstance(values, dict):
            raise LinkValueError(gettext('kim.msg_arguments_invalid', **names))
        for name, value in values.items():
            field = cls._fields.get(name)
            if field is None:
                raise LinkValueError(gettext(
                        'kim.msg_field_unknown', field=name, **names))
            if isinstance(field, fields.Function) and not field.setter:
                raise LinkValueError(gettext(
                        'kim.msg_field_not_writable',
                        **cls.__names__(field=name)))
            if value is not None and not _valid_value(field, value):
                raise LinkValueError(gettext(
                        'kim.msg_value_invalid', **cls.__names__(field=name)))

    @classmethod
    def _check_read(cls, ids, fields_names):
        "Refuse ids and field names read cannot handle"
        if (not isinstance(ids, (list, tuple, set))
                or not all(_is_int(i) for i in ids)
                or not isinstance(fields_names, (list, tuple, type(None)))
                or not all(isinstance(n, str) for n in fields_names or [])):
            raise LinkValueError(gettext(
                    'kim.msg_arguments_invalid', **cls.__names__()))
        for name in fields_names or []:
            if _field_name(name.split('.', 1)[0].split(':', 1)[0]) not in (
                    cls._fields.keys() | _READ_EXTRA):
                raise LinkValueError(gettext(
                        'kim.msg_field_unknown', field=name,
                        **cls.__names__()))

    @classmethod
    def _check_search(cls, domain, offset, limit, order):
        "Refuse a domain, offset, limit or order of the wrong shape"
        if (not _valid_domain(domain)
                or not (offset is None or _is_int(offset) and offset >= 0)
                or not (limit is None or _is_int(limit) and limit >= 0)
                or not (order is None or isinstance(order, (list, tuple))
                    and all(isinstance(o, (list, tuple)) and len(o) == 2
                        and isinstance(o[0], str)
                        and (o[1] is None or isinstance(o[1], str))
                        for o in order))):
            raise LinkValueError(gettext(
                    'kim.msg_arguments_invalid', **cls.__names__()))

    @classmethod
    def _check_state_value(cls, mode, values):
        "Refuse a workflow state set other than through its buttons"
        if not issubclass(cls, Workflow):
            return
        name = cls._transition_state
        if name not in values:
            return
        default = cls._defaults.get(name)
        if (mode == 'create'
                and values[name] == (default() if default else None)):
            return
        raise StateAccessError(gettext(
                'kim.msg_state_by_button', **cls.__names__(field=name)))

    @classmethod
    def _check_links(cls, vlist):
        """Refuse links to records that do not exist or that the user may
        not read, before a validation could name them"""
        pool = Pool()
        targets = defaultdict(set)
        # the field named when a linked record is missing
        field_of = {}
        for values in vlist:
            for name, value in values.items():
                field = cls._fields.get(name)
                if field is None or field._type not in RELATIONS:
                    continue
                for model_name, id_ in cls._linked_ids(name, field, value):
                    targets[model_name].add(id_)
                    field_of.setdefault(model_name, name)
        for model_name, ids in targets.items():
            Target = pool.get(model_name)
            ids = sorted(ids)
            with without_check_access(), inactive_records():
                existing = set()
                for sub_ids in grouped_slice(ids):
                    existing.update(map(int, Target.search(
                                [('id', 'in', list(sub_ids))], order=[])))
            if set(ids) - existing:
                raise LinkValueError(gettext(
                        'kim.msg_link_missing',
                        **cls.__names__(field=field_of[model_name])))
            check_records(Target, ids)

    @classmethod
    def _linked_ids(cls, name, field, value):
        "Yield (model name, id) of the existing records value links to"
        def invalid():
            return LinkValueError(gettext(
                    'kim.msg_link_invalid', **cls.__names__(field=name)))

        def valid_id(id_):
            # negative ids name records a client has not saved yet
            return _is_int(id_) and id_ >= 0

        if value is None:
            return
        if field._type in {'many2one', 'one2one'}:
            if not valid_id(value):
                raise invalid()
            yield field.get_target().__name__, value
        elif value == '' or value is False:
            return
        elif field._type == 'reference':
            if isinstance(value, str):
                model_name, _, id_ = value.partition(',')
                try:
                    id_ = int(id_)
                except ValueError:
                    raise invalid()
            elif isinstance(value, (list, tuple)) and len(value) == 2:
                model_name, id_ = value
            else:
                raise invalid()
            if not isinstance(model_name, str) or model_name not in (
                    field.get_selection(cls, name, None)):
                raise invalid()
            # a model selected without a record
            if id_ == -1:
                return
            if not valid_id(id_):
                raise invalid()
            yield model_name, id_
        else:
            if not isinstance(value, (list, tuple)):
                raise invalid()
            model_name = field.get_target().__name__
            for action in value:
                if not _valid_action(action):
                    raise invalid()
                if action[0] not in _LINK_ACTIONS:
                    continue
                for id_ in action[1]:
                    if not valid_id(id_):
                        raise invalid()
                    yield model_name, id_
