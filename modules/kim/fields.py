# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""One2Many and Many2Many fields that read the lines of one record, as a
form shows them in its tabs, with fewer queries than core's.

The model reads the record inside ``read_together()``: once read() has
applied the record rules to the record, the getters of these fields fetch
the lines of all the tabs read in one query, without the rules of lines
whose rules are only those of the record (``__access__``)."""
from contextlib import contextmanager
from contextvars import ContextVar

from sql import As, Column, Literal, Select, Union, Window
from sql.functions import RowNumber

from trytond.cache import freeze
from trytond.model import fields
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access

# The record that read() is reading inside read_together()
_together = ContextVar('kim_fields_together', default=None)


def _through(domain, parent_domain, name):
    """Whether the rule domain is the rule domain of the parent, each rule
    applied through the Many2One name as ir.rule does for __access__ (both
    frozen: the cache of the rules returns tuples)"""
    if domain in (
            ('OR', (name, 'where', parent_domain)),
            (name, 'where', parent_domain)):
        return True
    if (isinstance(domain, tuple) and isinstance(parent_domain, tuple)
            and domain and domain[0] in {'AND', 'OR'}
            and parent_domain and parent_domain[0] == domain[0]
            and len(domain) == len(parent_domain)):
        return all(_through(d, p, name)
            for d, p in zip(domain[1:], parent_domain[1:]))
    return domain == parent_domain == ()


def _search_query(Target, clause, order, parent_domain=None):
    """The query of Target.search(clause, order)

    With parent_domain, the read rules under which read() has just read
    the record of the first clause, a Many2One: when the rules of Target
    are only those of that record (``__access__``), they are not applied
    again, the access checks of the search are."""
    pool = Pool()
    ModelAccess = pool.get('ir.model.access')
    ModelFieldAccess = pool.get('ir.model.field.access')
    Rule = pool.get('ir.rule')
    transaction = Transaction()
    name = clause[0][0]
    if (parent_domain is None
            or Target.__access__ != {name}
            or Target._fields[name]._type != 'many2one'
            or not _through(
                freeze(Rule.domain_get(Target.__name__, mode='read')),
                parent_domain, name)):
        return Target.search(clause, order=order, query=True)
    ModelAccess.check(Target.__name__, 'read')
    if transaction.user and transaction.check_access:
        ModelFieldAccess.check(Target.__name__,
            {c[0] for c in clause} | {o.split('.', 1)[0] for o, _ in order},
            'read')
    with without_check_access():
        return Target.search(clause, order=order, query=True)


class _Together:
    "The lines of the fields of the record, fetched by the first getter"
    __slots__ = ('transaction', 'user', 'context', 'model', 'id', 'names',
        'lines')

    def __init__(self, Model, id_, names):
        self.transaction = Transaction()
        # both are replaced, not changed, by set_user and set_context
        self.user = self.transaction.user
        self.context = self.transaction.context
        self.model = Model
        self.id = id_
        self.names = names
        self.lines = None

    def get(self, Model, ids, name):
        "The ids of the lines of name, None when not fetched here"
        transaction = Transaction()
        if (transaction is not self.transaction
                or transaction.user != self.user
                or transaction.context is not self.context
                or Model is not self.model or list(ids) != [self.id]
                or name not in self.names):
            return None
        if self.lines is None:
            self.lines = self._fetch()
        return self.lines.get(name)

    def _fetch(self):
        Rule = Pool().get('ir.rule')
        parent_domain = freeze(
            Rule.domain_get(self.model.__name__, mode='read'))
        names, queries = [], []
        for name in sorted(self.names):
            query = self.model._fields[name]._lines_query(
                [self.id], parent_domain)
            if isinstance(query, Select) and not query.limit:
                # each query keeps its order as the number of its rows
                query.columns = [
                    Literal(len(names)), query.columns[0],
                    RowNumber(window=Window([], order_by=query.order_by))]
                query.order_by = None
                names.append(name)
                queries.append(query)
        lines = {name: [] for name in names}
        if queries:
            cursor = self.transaction.connection.cursor()
            cursor.execute(*(
                    Union(*queries, all_=True) if len(queries) > 1
                    else queries[0]))
            for index, line_id, _ in sorted(cursor, key=lambda r: r[::2]):
                lines[names[index]].append(line_id)
        return {name: tuple(ids) for name, ids in lines.items()}


@contextmanager
def read_together(Model, ids, fields_names):
    """Let the getters of the fields of this module fetch the lines of the
    record in one query when read() reads one record of Model"""
    names = {n.split('.', 1)[0].split(':', 1)[0] for n in fields_names}
    names = {n for n in names
        if isinstance(Model._fields.get(n), (One2Many, Many2Many))}
    if (not names or len(ids) != 1
            or Transaction().context.get('_datetime')):
        yield
        return
    token = _together.set(_Together(Model, int(ids[0]), names))
    try:
        yield
    finally:
        _together.reset(token)


def _together_lines(Model, ids, name):
    together = _together.get()
    if together is not None:
        return together.get(Model, ids, name)


class One2Many(fields.One2Many):
    """A one2many that fetches only the ids of the lines of one record.

    For one record core's getter fetches every column of the lines for its
    cache in the search and then reads the lines again to map them to
    their parent, which applies the record rules of the lines a second
    time.  Here the search, with the same domain and order, returns only
    the ids, and in read_together() in one query with the other tabs."""

    def _lines_query(self, ids, parent_domain=None):
        "The query of the ids of the lines of one record, None if none"
        Target = self.get_target()
        field = Target._fields[self.field]
        if field._type == 'reference' or not field.sortable(Target):
            return None
        order = [(self.field + '.id', None)]
        if self.order:
            order += self.order
        elif Target._order:
            order += [
                (oexpr, otype) for oexpr, otype in Target._order
                if not oexpr.startswith(f'{self.field}.')]
        clause = [(self.field, 'in', ids)]
        if self.filter:
            clause.append(self.filter)
            return Target.search(clause, order=order, query=True)
        return _search_query(Target, clause, order, parent_domain)

    def get(self, ids, model, name, values=None):
        lines = _together_lines(model, ids, name)
        if lines is not None:
            return {int(ids[0]): lines}
        query = self._lines_query(ids) if len(ids) == 1 else None
        if query is None:
            return super().get(ids, model, name, values=values)
        cursor = Transaction().connection.cursor()
        cursor.execute(*query)
        id_, = ids
        return {id_: tuple(line_id for line_id, in cursor)}


class Many2Many(fields.Many2Many):
    """A many2many that reads the targets of one record in one query.

    Core's getter searches the relation records and then reads them, each
    under the rules of the relation.  In read_together() the targets of
    the record come from one query of the relation in the same order with
    the other tabs."""

    def _lines_query(self, ids, parent_domain=None):
        "The query of the targets of one record, None if not supported"
        Relation = self.get_relation()
        if (self.filter
                or Relation._fields[self.origin]._type == 'reference'
                or not Relation._fields[self.origin].sortable(Relation)):
            return None
        order = [(self.origin + '.id', None)]
        order += [(self.target, None)] if self.order is None else self.order
        query = _search_query(Relation, [
                (self.origin, 'in', ids),
                (self.target, '!=', None),
                ], order, parent_domain)
        if not isinstance(query, Select):
            return None
        column, = query.columns
        if isinstance(column, As):
            column = column.expression
        query.columns = [Column(column.table, self.target)]
        return query

    def get(self, ids, model, name, values=None):
        lines = _together_lines(model, ids, name)
        if lines is not None:
            return {int(ids[0]): lines}
        return super().get(ids, model, name, values=values)
