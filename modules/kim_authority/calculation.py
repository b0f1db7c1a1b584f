# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The residence time rules of the authorities, free of the database.

A person's residence history is a list of periods, each with a status of
the catalogue.  Days are inclusive: 1 January – 31 January is 31 days.  The
legal durations and dates are arguments: the module keeps them as data
records with their legal source.

Durations (the rule for the residence requirements)
    The residence requirement "on the reference date resided for N years"
    (e.g. § 104c AufenthG: "am 31. Oktober 2022 seit fünf Jahren") is met
    when the N-th anniversary of the first counted day falls on or before
    the last counted day.  The first day is the event (§ 187 Abs. 1 BGB)
    and the period ends with the day of the same number (§ 188 Abs. 2 BGB);
    a day missing in the last month is replaced by the month's last day
    (§ 188 Abs. 3 BGB, 31 January + 1 month = 28/29 February).  So whoever
    arrived on 31.10.2017 has resided five years on 31.10.2022 (1,827 days
    counted, both ends included) and whoever arrived on 01.11.2017 misses
    them by one day (1,826 days).

    When the counted days are not contiguous (a tolerated gap, § 60b time
    in between), the counted days are laid end to end so that they end on
    the last counted day: the virtual first day is the last counted day
    less (days - 1) days, and the calendar figures are measured from it.
    The number of days stays the precise figure.

Time limits beginning with a day (permits, age)
    A permit valid from a day and an age count that day in full (§ 187
    Abs. 2 BGB): the period ends with the day before the day of the same
    number (§ 188 Abs. 2 BGB), or with the last day of the month when that
    day is missing (§ 188 Abs. 3 BGB).  This is computed as the duration of
    an event on the day before: add_months(start - 1 day, months).
"""
import calendar
import datetime as dt
from dataclasses import dataclass, field

MONTHS = 12
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Status:
    """A residence status of the catalogue

    present: the person resides in Germany under it (False for "abroad")
    lawful: lawful residence, counting for § 10 StAG (Aufenthaltserlaubnis,
        Niederlassungserlaubnis, EU right of residence, Fiktionsbescheinigung)
    tolerated: a Duldung of any kind
    section_60b: a Duldung nach § 60b AufenthG ("für Personen mit ungeklärter
        Identität")
    permission: the Aufenthaltsgestattung during the asylum procedure
    """
    code: str
    present: bool = True
    lawful: bool = False
    tolerated: bool = False
    section_60b: bool = False
    permission: bool = False


@dataclass(frozen=True)
class Period:
    "A period of residence from start to end (inclusive, None when ongoing)"
    start: dt.date
    end: dt.date
    status: Status

    @property
    def ongoing(self):
        return self.end is None

    def clip(self, on_date):
        """Return (start, end) of the period up to on_date, or None when it
        starts after on_date"""
        if self.start > on_date:
            return None
        end = on_date if self.end is None else min(self.end, on_date)
        return self.start, end


class PeriodError(ValueError):
    """Periods that cannot be a residence history

    kind: 'order' (a period ends before it starts) or 'overlap' (two periods
    share at least one day)
    periods: the offending period or pair of periods
    """

    def __init__(self, kind, periods):
        self.kind = kind
        self.periods = list(periods)
        if kind == 'order':
            message = 'Period ends before it starts: %s' % self.periods[0]
        else:
            message = 'Periods overlap: %s and %s' % tuple(self.periods[:2])
        super().__init__(message)


def _period(value):
    "Return value as a Period; a (start, end, status) tuple is accepted"
    if isinstance(value, Period):
        return value
    return Period(*value)


def check_periods(periods):
    """Raise PeriodError when a period ends before it starts or two periods
    overlap, else return the periods sorted by their start.

    Both ends are days of the period: a period ending 31.03. and the next
    starting 31.03. overlap, the next starting 01.04. does not.
    """
    periods = [_period(p) for p in periods]
    for period in periods:
        if period.end is not None and period.end < period.start:
            raise PeriodError('order', [period])
    periods.sort(key=lambda p: p.start)
    # Once sorted, a period overlapping any earlier one overlaps the one
    # before it, as long as no overlap has been found so far.
    for previous, period in zip(periods, periods[1:]):
        if previous.end is None or previous.end >= period.start:
            raise PeriodError('overlap', [previous, period])
    return periods


def days_between(start, end):
    "Return the number of days from start to end, both included"
    return (end - start).days + 1


def add_months(date, months):
    """Return the day of the same number months later; a day missing in that
    month is replaced by the month's last day (§ 188 Abs. 3 BGB)"""
    index = date.year * MONTHS + date.month - 1 + months
    year, month = divmod(index, MONTHS)
    month += 1
    day = min(date.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def anniversary(start, years=0, months=0):
    """Return the day on which a duration of years and months beginning with
    the event on start is completed (§ 187 Abs. 1, § 188 Abs. 2 and 3 BGB)"""
    return add_months(start, years * MONTHS + months)


def calendar_difference(start, end):
    """Return (years, months, days) from start to end (end not before start).

    The years and months are the most whole months m such that
    add_months(start, m) is not after end, the days the rest: 31.01.2024 to
    29.02.2024 is (0, 1, 0), 01.01.2025 to 31.01.2025 is (0, 0, 30).
    """
    if end < start:
        raise ValueError('end before start')
    months = (end.year - start.year) * MONTHS + end.month - start.month
    while months > 0 and add_months(start, months) > end:
        months -= 1
    days = (end - add_months(start, months)).days
    return months // MONTHS, months % MONTHS, days


@dataclass(frozen=True)
class Residence:
    """The uninterrupted residence counted backwards from on_date

    start: the first counted day of the uninterrupted residence, or None
    days: the number of counted days (both ends included)
    counted: the (start, end) parts counted, oldest first
    excluded: the (start, end, reason) parts not counted that do not
        interrupt (reason is the code of the status, e.g. § 60b time)
    gaps: the (start, end) gaps tolerated (not counted, not interrupting)
    interruption: the (start, end) gap that broke the residence, or None
        when the counted residence begins with the first recorded period
    on_date: the reference date
    """
    start: dt.date = None
    days: int = 0
    counted: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    gaps: list = field(default_factory=list)
    interruption: tuple = None
    on_date: dt.date = None

    @property
    def last(self):
        "The last counted day, or None"
        return self.counted[-1][1] if self.counted else None

    @property
    def virtual_start(self):
        """The first day had the counted days been contiguous up to the last
        counted day, or None"""
        if not self.days:
            return None
        return self.last - dt.timedelta(days=self.days - 1)

    @property
    def ongoing(self):
        "Whether the residence counts on the reference date itself"
        return self.last is not None and self.last == self.on_date

    def years_months_days(self):
        """Return the counted time as (years, months, days).

        The calendar difference (see calendar_difference) from the virtual
        first day to the last counted day (the counted days laid end to end
        so that they end on the last counted day); the first day is the
        event, not itself measured (§ 187 Abs. 1 BGB).
        01.11.2017 – 31.10.2022 is 1,826 days and (4, 11, 30);
        31.10.2017 – 31.10.2022 is 1,827 days and (5, 0, 0).
        (0, 0, 0) without counted days.
        """
        if not self.days:
            return 0, 0, 0
        return calendar_difference(self.virtual_start, self.last)

    def reaches(self, years=0, months=0):
        """Whether the counted time reaches years and months: the anniversary
        of the virtual first day is not after the last counted day.  False
        without counted days."""
        if not self.days:
            return False
        return anniversary(self.virtual_start, years, months) <= self.last

    def date_reached(self, years=0, months=0):
        """Return the day on which the counted time reaches years and months.

        A day up to on_date when it is already reached: the first day of a
        counted part on which the days counted so far reach it (a tolerated
        gap or excluded time postpones the day by its length).  Otherwise
        the day on which it will be reached if the residence continues to
        count every day from on_date.  None without counted days or when
        the residence does not count on on_date (excluded time, a gap) and
        the time is not reached yet.
        """
        if not self.days:
            return None
        total = 0
        target = None
        for start, end in self.counted:
            total += days_between(start, end)
            first = end - dt.timedelta(days=total - 1)
            target = anniversary(first, years, months)
            if target <= end:
                return max(target, start)
        if self.ongoing:
            return target
        return None


def uninterrupted_residence(
        periods, on_date, *, counts, excluded=lambda status: False,
        max_gap_days=0):
    """Return the Residence counted backwards from on_date (inclusive).

    Periods starting after on_date are ignored, a period running beyond it
    (or ongoing) is cut at on_date.  A period counts when counts(status) is
    true; when excluded(status) is true it is not counted but does not
    interrupt (excluded is tested first: a § 60b Duldung is also a
    Duldung).  Any other day (no period, or a status neither counting nor
    excluded) belongs to a gap; a gap of at most max_gap_days days is
    tolerated (neither counted nor interrupting), a longer one ends the
    uninterrupted residence.  The days before the first recorded period
    are not a gap: the residence simply begins there.

    Raises PeriodError for overlapping or reversed periods.
    """
    segments = []
    for period in check_periods(periods):
        clipped = period.clip(on_date)
        if clipped is None:
            continue
        if excluded(period.status):
            segments.append((*clipped, period.status, False))
        elif counts(period.status):
            segments.append((*clipped, period.status, True))
    counted, excluded_parts, gaps = [], [], []
    interruption = None
    cursor = on_date  # the latest day not yet walked over
    for start, end, status, is_counted in reversed(segments):
        gap = (cursor - end).days
        if gap > 0:
            if gap > max_gap_days:
                interruption = (end + ONE_DAY, cursor)
                break
            gaps.append((end + ONE_DAY, cursor))
        if is_counted:
            counted.append((start, end))
        else:
            excluded_parts.append((start, end, status.code))
        cursor = start - ONE_DAY
    counted.reverse()
    excluded_parts.reverse()
    gaps.reverse()
    return Residence(
        start=counted[0][0] if counted else None,
        days=sum(days_between(s, e) for s, e in counted),
        counted=counted, excluded=excluded_parts, gaps=gaps,
        interruption=interruption, on_date=on_date)


@dataclass(frozen=True)
class Check:
    """The result of a rule

    rule: '25a', '25a_age', '25b', '104c' or 'stag10'
    met: True, False or None when unknown (no period up to the reference
        date, no birth date)
    residence: the Residence used, None for the age
    detail: machine-readable figures to explain the result
    """
    rule: str
    met: bool
    residence: Residence = None
    detail: dict = field(default_factory=dict)


def residing(status):
    "Tolerated, with permission or lawfully present in Germany"
    return bool(status.present and (
            status.tolerated or status.permission or status.lawful))


def lawfully_residing(status):
    "Lawfully present in Germany"
    return bool(status.present and status.lawful)


def tolerated_60b(status):
    "Present with a Duldung nach § 60b AufenthG"
    return bool(status.present and status.section_60b)


def _never(status):
    return False


def _known(periods, on_date):
    "Whether any period starts on or before on_date"
    return any(_period(p).start <= on_date for p in periods)


def _residence_check(
        rule, periods, on_date, *, years, counts, excluded=_never,
        max_gap_days=0, **detail):
    periods = list(periods)
    residence = uninterrupted_residence(periods, on_date, counts=counts,
        excluded=excluded, max_gap_days=max_gap_days)
    if not _known(periods, on_date):
        met = None
    else:
        met = residence.reaches(years)
    counted_years, counted_months, counted_days = (
        residence.years_months_days())
    detail.update({
            'on_date': on_date,
            'required_years': years,
            'max_gap_days': max_gap_days,
            'start': residence.start,
            'days': residence.days,
            'years': counted_years,
            'months': counted_months,
            'remaining_days': counted_days,
            'excluded_days': sum(
                days_between(s, e) for s, e, _ in residence.excluded),
            'gap_days': sum(days_between(s, e) for s, e in residence.gaps),
            'interruption': residence.interruption,
            'date_reached': residence.date_reached(years),
            })
    return Check(rule=rule, met=met, residence=residence, detail=detail)


def check_25a(periods, on_date, *, years, max_gap_days=0):
    """§ 25a Abs. 1 Nr. 1 AufenthG: resided uninterrupted for years (3)
    tolerated, with permission or lawfully on on_date.

    Time under a Duldung nach § 60b is not counted (§ 60b Abs. 5 Satz 1
    AufenthG) but does not interrupt.
    """
    return _residence_check('25a', periods, on_date, years=years,
        counts=residing, excluded=tolerated_60b, max_gap_days=max_gap_days)


def age_on(birth_date, date):
    """Return the completed years of life of a person born on birth_date at
    the beginning of date.

    The day of birth counts in full (§ 187 Abs. 2 Satz 2 BGB): the N-th
    year of life is completed at the end of the day before the N-th
    birthday, so the person is N on the birthday.  Born on 29 February, the
    year of life ends on 28 February of a common year (§ 188 Abs. 3 BGB):
    the birthday of a common year is 1 March.
    """
    if date < birth_date:
        raise ValueError('date before birth')
    age = date.year - birth_date.year
    if birthday(birth_date, age) > date:
        age -= 1
    return age


def birthday(birth_date, age):
    "Return the day on which the person becomes age (1 March for 29 Feb)"
    return add_months(birth_date - ONE_DAY, age * MONTHS) + ONE_DAY


def check_25a_age(birth_date, application_date, *, max_age):
    """§ 25a Abs. 1 Nr. 3 AufenthG: the application is made before the
    max_age-th (27th) year of life is completed, that is before the 27th
    birthday: an application on the birthday is refused."""
    if birth_date is None or application_date is None:
        return Check(rule='25a_age', met=None, detail={'max_age': max_age})
    limit = birthday(birth_date, max_age)
    return Check(rule='25a_age', met=application_date < limit, detail={
            'birth_date': birth_date,
            'application_date': application_date,
            'age': age_on(birth_date, application_date),
            'max_age': max_age,
            'birthday': limit,
            'last_day': limit - ONE_DAY,
            })


def check_25b(
        periods, on_date, *, years, years_with_child, has_minor_child,
        max_gap_days, count_section_60b=True):
    """§ 25b Abs. 1 Nr. 1 AufenthG: resided uninterrupted for years (6), or
    years_with_child (4) when living with a minor unmarried child, tolerated,
    with permission or lawfully on on_date.  Interruptions of up to
    max_gap_days (three months, e.g. 92) are harmless.

    § 60b time is counted by default; count_section_60b=False treats it as
    for § 25a (not counted, not interrupting).
    """
    required = years_with_child if has_minor_child else years
    return _residence_check('25b', periods, on_date, years=required,
        counts=residing,
        excluded=_never if count_section_60b else tolerated_60b,
        max_gap_days=max_gap_days, has_minor_child=bool(has_minor_child))


def check_104c(
        periods, *, cutoff, years, max_gap_days=0, count_section_60b=True):
    """§ 104c Abs. 1 AufenthG: on the cut-off date (31.10.2022) resided
    uninterrupted for years (5) tolerated, with permission or with a
    residence permit.  The cut-off date is the reference date: later
    periods are irrelevant.  Only the residence time is checked (not the
    Duldung on the application date nor the grounds for refusal).

    § 60b time is counted by default; count_section_60b=False excludes it
    (not counted, not interrupting).
    """
    return _residence_check('104c', periods, cutoff, years=years,
        counts=residing,
        excluded=_never if count_section_60b else tolerated_60b,
        max_gap_days=max_gap_days, cutoff=cutoff)


def permit_expiry(valid_from, *, months):
    """Return the last valid day of a permit granted for months from
    valid_from (§ 104c Abs. 1: 18 months, not extendable).

    The day before the day of the same number months later (§ 187 Abs. 2,
    § 188 Abs. 2 BGB): 01.01.2024 + 18 months → 30.06.2025.  When that day
    is missing the last day of the month (§ 188 Abs. 3 BGB): 31.08.2024 +
    18 months → 28.02.2026.
    """
    return add_months(valid_from - ONE_DAY, months)


def conversion_deadline(expiry, *, lead_days):
    """Return the day by which the conversion of a § 104c permit to § 25a or
    § 25b should be prepared: lead_days before the expiry"""
    return expiry - dt.timedelta(days=lead_days)


def check_stag10(periods, on_date, *, years, max_gap_days):
    """§ 10 Abs. 1 StAG: lawful habitual residence for years (5) on on_date.

    Only statuses marked lawful count (an Aufenthaltsgestattung only when
    the catalogue marks it lawful, e.g. credited under § 55 AsylG).  Stays
    abroad and other interruptions of up to max_gap_days (§ 12b Abs. 1
    StAG: six months, e.g. 183) are harmless but not counted; the crediting
    of earlier residence after a longer stay abroad (§ 12b Abs. 2 StAG) is
    not computed.
    """
    return _residence_check('stag10', periods, on_date, years=years,
        counts=lawfully_residing, max_gap_days=max_gap_days)
