# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.model import fields
from trytond.transaction import Transaction


class One2Many(fields.One2Many):
    """A one2many that fetches only the ids of the lines of one record.

    For one record, which is how a form reads its tabs, core's getter
    fetches every column of the lines for its cache in the search and then
    reads the lines again to map them to their parent, which applies the
    record rules of the lines a second time.  Here the search, with the
    same domain, order and rules, returns only the ids."""

    def get(self, ids, model, name, values=None):
        Target = self.get_target()
        field = Target._fields[self.field]
        if (len(ids) != 1 or field._type == 'reference'
                or not field.sortable(Target)):
            return super().get(ids, model, name, values=values)
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
        cursor = Transaction().connection.cursor()
        cursor.execute(*Target.search(clause, order=order, query=True))
        id_, = ids
        return {id_: tuple(line_id for line_id, in cursor)}
