# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The audit of the KIM records: who read, printed or exported them, in
Tryton's ``ir.model.log`` beside the writes, deletes, buttons, wizards and
transitions core logs there.

A read, a print or an export runs in a read-only transaction, in which
PostgreSQL refuses an insert: their entries are written and committed in a
transaction of their own before the data leaves the server.  When that
fails, the call fails with it: no data is given out without its entry."""
import logging

from sql.functions import CurrentTimestamp

from trytond.cache import Cache
from trytond.i18n import gettext
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access

from .exceptions import AuditError

logger = logging.getLogger(__name__)

# The names the client reads besides the fields of a view
_LIST_EXTRA = {'id', 'rec_name', '_timestamp', '_write', '_delete'}


def audited(Model):
    "Whether the reads, prints and exports of Model are logged"
    return Model.__name__.startswith('kim.') and bool(Model._log)


def audit(Model, ids, event, target=None):
    """Log the event on the records ids of Model as the user of the
    transaction, with one insert

    In a read-only transaction the entries are committed in a transaction
    of their own; an error there is raised (the call then fails, nothing
    is read without its entry).  Otherwise they are stored with the
    transaction (core's log), which gives out nothing if it rolls back."""
    pool = Pool()
    Log = pool.get('ir.model.log')
    transaction = Transaction()
    ids = sorted({int(i) for i in ids if i is not None and int(i) >= 0})
    if not ids or not audited(Model):
        return
    if not transaction.readonly:
        Model.log(Model.browse(ids), event, target)
        return
    user = transaction.user
    log = Log.__table__()
    try:
        # One insert, committed at once: the values need no validation
        # and core's create would read the entries back
        with transaction.new_transaction(autocommit=True) as log_transaction:
            cursor = log_transaction.connection.cursor()
            columns = [log.create_uid, log.create_date, log.user,
                log.resource, log.event, log.target]
            values = [[user, CurrentTimestamp(), user,
                    f'{Model.__name__},{id_}', event, target]
                for id_ in ids]
            cursor.execute(*log.insert(columns, values))
    except Exception:
        logger.exception(
            "%s of %s %s by user %s not logged", event, Model.__name__,
            ids, user)
        raise AuditError(gettext(
                'kim.msg_audit_failed', **Model.__names__()))


class ReadLogMixin:
    """Log in ir.model.log the reads of the record by a user: the opening
    of its form

    A read that asks only for what a list of the model shows (the fields
    of its list views, as a list page or the list of a tab reads them) is
    not logged; a read of any other field (or of all) is."""
    __slots__ = ()
    _list_fields_cache = Cache('kim.audit.list_fields', context=False)

    @classmethod
    def read(cls, ids, fields_names):
        result = super().read(ids, fields_names)
        transaction = Transaction()
        if (transaction.check_access and transaction.user and result
                and cls._read_logged(fields_names)):
            audit(cls, [r['id'] for r in result], 'read')
        return result

    @classmethod
    def _read_logged(cls, fields_names):
        "Whether a read of fields_names is the reading of the record"
        if not fields_names:
            return True
        names = {n.split('.', 1)[0].split(':', 1)[0] for n in fields_names}
        return bool(names - cls._list_fields())

    @classmethod
    def _list_fields(cls):
        "The names a list of the model reads: the fields of its list views"
        names = cls._list_fields_cache.get(cls.__name__)
        if names is not None:
            return names
        pool = Pool()
        View = pool.get('ir.ui.view')
        names = set(_LIST_EXTRA)
        with without_check_access():
            views = View.search([
                    ('model', '=', cls.__name__),
                    ('type', '=', 'tree'),
                    ('inherit', '=', None),
                    ])
            for view in views:
                names.update(cls.fields_view_get(
                        view_id=view.id, view_type='tree')['fields'])
        return cls._list_fields_cache.set(cls.__name__, frozenset(names))
