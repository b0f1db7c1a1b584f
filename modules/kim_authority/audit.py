# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.modules.kim.audit import ReadLogMixin
from trytond.pool import PoolMeta


class Procedure(ReadLogMixin, metaclass=PoolMeta):
    "The opening of a procedure of the authority is logged"
    __name__ = 'kim.authority.procedure'
