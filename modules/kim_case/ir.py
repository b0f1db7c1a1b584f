# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.pool import PoolMeta


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.extend([
                ('kim.case.appointment|notify_today',
                    "Notify Appointments of the Day"),
                ('kim.case.reminder|notify_due', "Notify Reminders Due"),
                ('kim.case|anonymise_expired',
                    "Anonymise Cases after Retention"),
                ])
