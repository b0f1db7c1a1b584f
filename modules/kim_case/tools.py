# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from sql.aggregate import Count

from trytond import backend
from trytond.model import fields
from trytond.pool import Pool
from trytond.tools import grouped_slice
from trytond.transaction import Transaction


def count_related(records, model_name, field_name):
    """Return the number of rows of model_name pointing to each record by
    field_name, counted in SQL without the record rules of model_name"""
    Model = Pool().get(model_name)
    table = Model.__table__()
    column = getattr(table, field_name)
    cursor = Transaction().connection.cursor()
    counts = {r.id: 0 for r in records}
    for sub_ids in grouped_slice(records, backend.MAX_QUERY_PARAMS):
        cursor.execute(*table.select(
                column, Count(table.id),
                where=fields.SQL_OPERATORS['in'](
                    column, list(map(int, sub_ids))),
                group_by=[column]))
        counts.update(cursor)
    return counts
