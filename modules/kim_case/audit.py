# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.modules.kim.audit import ReadLogMixin
from trytond.pool import PoolMeta


class Case(ReadLogMixin, metaclass=PoolMeta):
    "The opening of a case file is logged"
    __name__ = 'kim.case'


class Client(ReadLogMixin, metaclass=PoolMeta):
    "The opening of a client file is logged"
    __name__ = 'kim.case.client'
