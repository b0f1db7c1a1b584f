# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The money rules of the flat rates, free of the database.

A flat rate is an amount per FTE and year; a month is worth a twelfth of
it.  Amounts are rounded to the cent (half up) as the grant notice states
them.  The months of a post are rounded cumulatively: each month is the
rounded running total less the rounded total before it, so the months add
up to the exactly rounded total (55,000 / 12 × 6 = 27,500.00, not
6 × 4,583.33).
"""
import calendar
import datetime as dt
from collections import namedtuple
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal('0.01')
FTE_QUANTUM = Decimal('0.0001')
MONTHS = 12

Month = namedtuple('Month', [
        'month', 'days', 'post_days', 'rate', 'fte', 'occupied',
        'vacant_days', 'approved', 'eligible'])


def round_cent(amount):
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def month_end(date):
    return date.replace(day=calendar.monthrange(date.year, date.month)[1])


def months(start, end):
    "Yield the first day of each month touching [start, end]"
    month = start.replace(day=1)
    while month <= end:
        yield month
        month = (month_end(month) + dt.timedelta(days=1))


def overlap(start1, end1, start2, end2):
    "Return the number of days common to both periods (inclusive ends)"
    start, end = max(start1, start2), min(end1, end2)
    return max((end - start).days + 1, 0)


def full_months(start, end):
    "Return the number of months of a period from a 1st to a month end"
    return (end.year - start.year) * MONTHS + end.month - start.month + 1


def line_amount(rate, fte, start, end):
    "The amount of a grant line: rate × FTE × months / 12"
    return round_cent(rate * fte * full_months(start, end) / MONTHS)


def _occupation(staffings, start, end):
    """Return the FTE-days, the highest FTE staffed at once and the days with
    any staffing between start and end; staffings as (start, end, fte) with
    end None when open"""
    fte_days = Decimal(0)
    changes = {}
    for s_start, s_end, fte in staffings:
        s_end = min(s_end or end, end)
        s_start = max(s_start, start)
        if s_start > s_end:
            continue
        fte_days += fte * ((s_end - s_start).days + 1)
        changes[s_start] = changes.get(s_start, 0) + fte
        after = s_end + dt.timedelta(days=1)
        changes[after] = changes.get(after, 0) - fte
    highest = current = Decimal(0)
    staffed_days = 0
    previous = None
    for day in sorted(changes):
        if previous is not None and current > 0:
            staffed_days += (day - previous).days
        current += changes[day]
        highest = max(highest, current)
        previous = day
    return fte_days, highest, staffed_days


def post_months(
        post_start, post_end, post_fte, staffings, rate_of, rule,
        start, end):
    """Compute the months of a post between start and end.

    staffings: (start, end or None, fte) of the post
    rate_of: function returning the rate per FTE and year of a month
    rule: 'day' (pro rata per vacant day) or 'month' (a twelfth is cut
    only for a month without any staffing of the FTE share)
    """
    first, last = max(post_start, start), min(post_end, end)
    result = []
    if first > last:
        return result
    total_approved = total_eligible = Decimal(0)
    rounded_approved = rounded_eligible = Decimal(0)
    for month in months(first, last):
        days = calendar.monthrange(month.year, month.month)[1]
        m_start, m_end = max(month, first), min(month_end(month), last)
        post_days = (m_end - m_start).days + 1
        rate = rate_of(month)
        fte_days, highest, staffed_days = _occupation(
            staffings, m_start, m_end)
        monthly = rate / MONTHS
        approved = monthly * post_fte * post_days / days
        if rule == 'month':
            occupied = min(highest, post_fte)
            eligible = monthly * occupied * post_days / days
        else:
            occupied = fte_days / post_days
            eligible = monthly * fte_days / days
        total_approved += approved
        total_eligible += min(eligible, approved)
        result.append(Month(
                month=month, days=days, post_days=post_days, rate=rate,
                fte=post_fte,
                occupied=occupied.quantize(
                    FTE_QUANTUM, rounding=ROUND_HALF_UP),
                vacant_days=post_days - staffed_days,
                approved=round_cent(total_approved) - rounded_approved,
                eligible=round_cent(total_eligible) - rounded_eligible))
        rounded_approved = round_cent(total_approved)
        rounded_eligible = round_cent(total_eligible)
    return result


def peak_fte(periods):
    """Return the highest sum of FTE at any day and that day, from periods
    as (start, end or None, fte)"""
    changes = {}
    for start, end, fte in periods:
        changes[start] = changes.get(start, 0) + fte
        if end:
            after = end + dt.timedelta(days=1)
            changes[after] = changes.get(after, 0) - fte
    highest, peak, current = Decimal(0), None, Decimal(0)
    for day in sorted(changes):
        current += changes[day]
        if current > highest:
            highest, peak = current, day
    return highest, peak


def filled_months(start, end):
    "Return the months (2 decimals) between start and end, days pro rata"
    total = Decimal(0)
    for month in months(start, end):
        days = calendar.monthrange(month.year, month.month)[1]
        total += Decimal(overlap(start, end, month, month_end(month))) / days
    return total.quantize(CENT, rounding=ROUND_HALF_UP)
