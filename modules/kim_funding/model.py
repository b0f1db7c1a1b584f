# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"What the models of kim_funding share: periods"
from trytond.i18n import gettext
from trytond.modules.kim.model import MessageValueMixin, format_date
from trytond.pyson import Eval, If

from .exceptions import FundingValidationError


class PeriodMixin(MessageValueMixin):
    """A period from start_date to end_date, the end not before the start,
    within the period of the record named by _period_within"""
    __slots__ = ()
    _period_within = None

    @classmethod
    def __setup__(cls):
        super().__setup__()
        both = Eval('start_date') & Eval('end_date')
        cls.start_date.domain = [
            If(both, ('start_date', '<=', Eval('end_date')), ())]
        cls.end_date.domain = [
            If(both, ('end_date', '>=', Eval('start_date')), ())]

    @classmethod
    def validate_fields(cls, records, field_names):
        super().validate_fields(records, field_names)
        cls.check_period(records, field_names)

    @classmethod
    def check_period(cls, records, field_names=None):
        if not cls._period_within or (field_names and not (field_names & {
                        'start_date', 'end_date', cls._period_within})):
            return
        for record in records:
            outer = getattr(record, cls._period_within)
            start, end = outer.start_date, outer.end_date
            # An open end means until the end of the outer period.
            if record.start_date < start or (record.end_date or end) > end:
                raise FundingValidationError(gettext(
                        'kim_funding.msg_period_outside',
                        record=record.rec_name,
                        outer=outer.rec_name,
                        start_date=format_date(start),
                        end_date=format_date(end)))
