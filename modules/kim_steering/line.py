# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.i18n import gettext
from trytond.modules.kim.access import AccessMixin

from .exceptions import FrozenError


class FrozenLineMixin(AccessMixin):
    """A line of a parent record: it follows the access of the parent and is
    read-only while the parent is in one of the frozen states"""
    __slots__ = ()
    _parent_name = None
    _parent_frozen = set()
    # the message of the refusal, naming the parent as record
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
                        cls._parent_frozen_message, record=parent.rec_name))
