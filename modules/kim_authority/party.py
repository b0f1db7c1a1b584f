# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.model import fields
from trytond.pool import PoolMeta


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'
    # The persons of the procedures are read only with a procedure the user
    # may read (record rule in kim_authority.xml)
    kim_procedures = fields.One2Many(
        'kim.authority.procedure', 'party', "KIM Procedures", readonly=True)
