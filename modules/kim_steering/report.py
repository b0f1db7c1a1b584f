# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The printed invitation and minutes of a meeting and the resolution list
(Beschlussliste) of a steering group for a period"""
import datetime as dt

from trytond.model import ModelView, fields
from trytond.modules.kim.access import check_records
from trytond.modules.kim.report import ReportMixin
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.report import Report
from trytond.transaction import Transaction, check_access
from trytond.wizard import Button, StateAction, StateReport, StateView, Wizard


def _number_key(resolution):
    "Sort by number, the resolutions without number (rejected) last"
    return (resolution.number is None, resolution.number or '',
        resolution.date or dt.date.min, resolution.id)


class SteeringReportMixin(ReportMixin):
    """The organisation in the header, the days and times of the meetings
    in the time zone of the user and the persons responsible for a
    resolution"""
    __slots__ = ()

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['company'] = header.get('company')
        context['format_day'] = cls.format_day
        context['format_time'] = cls.format_time
        context['responsible'] = cls.responsible
        return context

    @classmethod
    def format_day(cls, value, format=None):
        """Format the day of the date and time in the time zone of the user
        (Tryton stores them in UTC), by default as the date of the language"""
        if not value:
            return ''
        return cls.format_datetime(value, format=format or '%x',
            timezone=Transaction().context.get('timezone'))

    @classmethod
    def format_time(cls, start, end=None):
        """Format the time (and the end time) in the time zone of the user,
        e.g. 14:00 – 16:00"""
        timezone = Transaction().context.get('timezone')
        times = [cls.format_datetime(value, format='%H:%M', timezone=timezone)
            for value in [start, end] if value]
        return ' – '.join(times)

    @staticmethod
    def responsible(resolution):
        """Return the responsible working group (to those who may read it),
        organisation and person of the resolution"""
        ModelAccess = Pool().get('ir.model.access')
        names = []
        if (ModelAccess.check('kim.steering.working_group', 'read',
                    raise_exception=False)
                and resolution.responsible_working_group):
            names.append(resolution.responsible_working_group.rec_name)
        names.extend(party.rec_name for party in [
                resolution.responsible_organisation,
                resolution.responsible_person] if party)
        return ' / '.join(names)


class MeetingReportMixin(SteeringReportMixin):
    "A report on meetings: one document per organisation"
    __slots__ = ()

    @classmethod
    def header_key(cls, record, data):
        return super().header_key(record, data) + (
            ('company', record.group.company),
            )


class Invitation(MeetingReportMixin, Report):
    """Invitation to a Meeting

    The agenda and the invited members; before the invitation is sent the
    current members of the steering group on the day of the meeting."""
    __name__ = 'kim.steering.meeting.invitation'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['invitees'] = cls.invitees
        return context

    @staticmethod
    def invitees(meeting):
        "Return the members invited to the meeting"
        if meeting.attendances:
            return [a.member for a in meeting.attendances]
        day = meeting.start.date()
        return [m for m in meeting.group.members if m.is_current(day)]


class Minutes(MeetingReportMixin, Report):
    """Minutes of a Meeting

    A draft until the minutes are approved."""
    __name__ = 'kim.steering.meeting.minutes'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['decided'] = cls.decided
        return context

    @staticmethod
    def decided(meeting):
        """Return the resolutions adopted or rejected in the meeting, by
        number"""
        return sorted(
            (r for r in meeting.resolutions if r.date), key=_number_key)


class ResolutionList(SteeringReportMixin, Report):
    """Resolution List

    The resolutions of a steering group dated in a period, that the user may
    read, by number, with a count per state."""
    __name__ = 'kim.steering.resolution_list'

    @classmethod
    def get_context(cls, records, header, data):
        pool = Pool()
        Group = pool.get('kim.steering.group')
        Resolution = pool.get('kim.steering.resolution')
        Date = pool.get('ir.date')
        today = Date.today()
        from_date = data.get('from_date') or dt.date(today.year, 1, 1)
        to_date = data.get('to_date') or dt.date(today.year, 12, 31)
        group = None
        resolutions = []
        with check_access():
            if data.get('group') is not None:
                check_records(Group, [data['group']])
                group = Group(int(data['group']))
                resolutions = Resolution.search([
                        ('group', '=', group.id),
                        ('date', '!=', None),
                        ('date', '>=', from_date),
                        ('date', '<=', to_date),
                        ], order=[('number', 'ASC NULLS LAST'),
                        ('date', 'ASC'), ('id', 'ASC')])
        if group:
            header = dict(header, company=group.company)
        context = super().get_context(records, header, data)
        context['group'] = group
        context['from_date'] = from_date
        context['to_date'] = to_date
        context['resolutions'] = sorted(resolutions, key=_number_key)
        context['summary'] = cls.summary(resolutions)
        return context

    @staticmethod
    def summary(resolutions):
        "Return the label and count of each state of the resolutions"
        Resolution = Pool().get('kim.steering.resolution')
        counts = {}
        for resolution in resolutions:
            counts[resolution.state] = counts.get(resolution.state, 0) + 1
        selection = Resolution.fields_get(['state'])['state']['selection']
        return [(label, counts[state]) for state, label in selection
            if state in counts]


class ResolutionListStart(ModelView):
    "The steering group and period of the resolution list"
    __string__ = "KIM Resolution List"
    __name__ = 'kim.steering.resolution_list.start'
    group = fields.Many2One(
        'kim.steering.group', "Steering Group", required=True)
    from_date = fields.Date(
        "From Date", required=True,
        domain=[If(Eval('from_date') & Eval('to_date'),
                ('from_date', '<=', Eval('to_date')), ())],
        help="The first day of the resolutions listed.")
    to_date = fields.Date(
        "To Date", required=True,
        domain=[If(Eval('from_date') & Eval('to_date'),
                ('to_date', '>=', Eval('from_date')), ())],
        help="The last day of the resolutions listed.")

    @staticmethod
    def default_from_date():
        today = Pool().get('ir.date').today()
        return dt.date(today.year, 1, 1)

    @staticmethod
    def default_to_date():
        today = Pool().get('ir.date').today()
        return dt.date(today.year, 12, 31)


class PrintResolutionList(Wizard):
    """Print Resolution List

    From the menu or from a steering group, for the current year unless
    another period is chosen."""
    __name__ = 'kim.steering.resolution_list'
    start = StateView(
        'kim.steering.resolution_list.start',
        'kim_steering.resolution_list_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Print PDF", 'print_pdf', 'tryton-print'),
            Button("Print", 'print_', 'tryton-print', default=True),
            ])
    print_ = StateReport('kim.steering.resolution_list')
    print_pdf = StateAction('kim_steering.report_resolution_list_pdf')

    def default_start(self, fields):
        defaults = {}
        if (self.model and self.model.__name__ == 'kim.steering.group'
                and self.record):
            defaults['group'] = self.record.id
        return defaults

    def _data(self, action):
        "Return the data of the report, for a group the user may read"
        pool = Pool()
        Group = pool.get('kim.steering.group')
        group_id = self.start.group.id if self.start.group else None
        # the wizard runs without the access checks
        with check_access():
            check_records(Group, [group_id])
        return action, {
            'group': group_id,
            'from_date': self.start.from_date,
            'to_date': self.start.to_date,
            }

    def do_print_(self, action):
        return self._data(action)

    def do_print_pdf(self, action):
        return self._data(action)
