# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Values in the language of the user for the messages of every module,
and the refusal of a workflow button in the wrong state"""
import datetime as dt
from decimal import Decimal
from functools import wraps
from zoneinfo import ZoneInfo

from trytond.i18n import gettext
from trytond.pool import Pool
from trytond.transaction import Transaction

from .access import AccessMixin, check_records
from .exceptions import FrozenError, StateError


def format_date(date):
    "The date in the language of the user, e.g. 02.12.2026 in German"
    return Pool().get('ir.lang').format_date(date)


def format_datetime(value):
    """The date and time in the language and time zone of the user, e.g.
    02.12.2026 14:00 in German: Tryton stores them in UTC"""
    timezone = Transaction().context.get('timezone')
    if timezone:
        value = value.replace(tzinfo=dt.timezone.utc).astimezone(
            ZoneInfo(timezone))
    lang = Pool().get('ir.lang').get()
    return lang.strftime(value, f'{lang.date} %H:%M')


def format_number(value, digits=2):
    "The number in the language of the user, e.g. 1,10 in German"
    return Pool().get('ir.lang').get().format_number(value, digits)


def format_count(value):
    "A count in the language of the user, with its thousands separator"
    return Pool().get('ir.lang').get().format_number(value, 0)


def format_amount(value, currency):
    "The amount with its currency in the language of the user"
    return Pool().get('ir.lang').get().currency(
        value, currency, grouping=True)


class MessageValueMixin:
    """The value of a field in the messages of the validation (required,
    domain …) in the language of the user: 1,10 and 02.12.2026 in German"""
    __slots__ = ()

    @classmethod
    def __names__(cls, field=None, record=None):
        names = super().__names__(field=field, record=record)
        if field and record and 'value' in names:
            value = getattr(record, field, None)
            if isinstance(value, Decimal):
                names['value'] = format_number(
                    value, max(-value.as_tuple().exponent, 0))
            elif isinstance(value, dt.datetime):
                names['value'] = format_datetime(value)
            elif isinstance(value, dt.date):
                names['value'] = format_date(value)
        return names


def in_states(states, message):
    """Refuse the button on records whose state is not in states with the
    message, which names the record and its state: Tryton would refuse it
    naming the method or, once the workflow filtered the records, do
    nothing. Decorates a ModelView.button."""
    def decorator(func):
        @wraps(func)
        def wrapper(cls, records, *args, **kwargs):
            if Transaction().check_access:
                # The message names the record: only to those who read it
                check_records(cls, [r.id for r in records])
            for record in records:
                if record.state not in states:
                    raise StateError(gettext(
                            message, record=record.rec_name,
                            state=record.state_string))
            return func(cls, records, *args, **kwargs)
        return wrapper
    return decorator


class FrozenLineMixin(AccessMixin):
    """A line of a parent record: it follows the access of the parent and is
    read-only while the parent is in one of the frozen states"""
    __slots__ = ()
    _parent_name = None
    _parent_frozen = set()
    # the message of the refusal, naming the parent as record and its state
    _parent_frozen_message = None

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add(cls._parent_name)

    @classmethod
    def check_modification(cls, mode, lines, values=None, external=False):
        super().check_modification(
            mode, lines, values=values, external=external)
        for line in lines:
            parent = getattr(line, cls._parent_name)
            if parent.state in cls._parent_frozen:
                raise FrozenError(gettext(
                        cls._parent_frozen_message, record=parent.rec_name,
                        state=parent.state_string))
