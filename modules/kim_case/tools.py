# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import json

from sql.aggregate import Count

from trytond import backend
from trytond.i18n import gettext
from trytond.model import fields
from trytond.modules.kim.access import readable_by
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


def notify_employees(records, label, action, values):
    """Send each user of the employee of the case lines a notification of
    each line she may read, in her language and the time zone of her
    organisation, opening action (an XML id)"""
    pool = Pool()
    Notification = pool.get('res.notification')
    ModelData = pool.get('ir.model.data')
    User = pool.get('res.user')
    Company = pool.get('company.company')
    if not records:
        return
    model = records[0].__name__
    action_id = ModelData.get_id(*action.split('.'))
    by_employee = {}
    for record in records:
        by_employee.setdefault(record.employee.id, []).append(record)
    notifications = []
    for user in User.search([('employees', 'in', list(by_employee))]):
        mine = [r for e in user.employees for r in by_employee.get(e.id, [])]
        with Transaction().set_context(
                language=user.language.code if user.language else None,
                timezone=Company.get_timezone(user.company.id)
                if user.company else None):
            for record in readable_by(user, mine):
                notifications.append(Notification(
                        user=user,
                        label=gettext(label, **values(record)),
                        description=record.case.rec_name,
                        icon='tryton-calendar',
                        model=model,
                        records=json.dumps([record.id]),
                        action=action_id))
    Notification.save(notifications)
