# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import datetime as dt
import unittest

from trytond.modules.kim_authority import calculation

D = dt.date
Period = calculation.Period
Status = calculation.Status

TOLERATED = Status('duldung', tolerated=True)
DULDUNG_60B = Status('duldung_60b', tolerated=True, section_60b=True)
PERMISSION = Status('gestattung', permission=True)
PERMIT = Status('aufenthaltserlaubnis', lawful=True)
ABROAD = Status('abroad', present=False)
VISITOR = Status('visa_free')  # present, but neither lawful nor tolerated

CUTOFF = D(2022, 10, 31)


def residence(periods, on_date, max_gap_days=0):
    return calculation.uninterrupted_residence(periods, on_date,
        counts=calculation.residing, excluded=calculation.tolerated_60b,
        max_gap_days=max_gap_days)


def check_25b(periods, on_date, has_minor_child=True):
    return calculation.check_25b(periods, on_date, years=6,
        years_with_child=4, has_minor_child=has_minor_child,
        max_gap_days=92)


class PeriodsTestCase(unittest.TestCase):
    "The residence history refused or accepted by check_periods"

    def test_reversed(self):
        "A period ending before it starts is refused"
        period = Period(D(2024, 5, 1), D(2024, 4, 30), TOLERATED)
        with self.assertRaises(calculation.PeriodError) as context:
            calculation.check_periods([period])
        self.assertEqual(context.exception.kind, 'order')
        self.assertEqual(context.exception.periods, [period])
        self.assertIsInstance(context.exception, ValueError)

    def test_one_day(self):
        "A period of one day (start = end) is accepted"
        period = Period(D(2024, 5, 1), D(2024, 5, 1), TOLERATED)
        self.assertEqual(calculation.check_periods([period]), [period])

    def test_overlap_same_day(self):
        "Ending 31.03. and starting 31.03. share that day"
        first = Period(D(2024, 1, 1), D(2024, 3, 31), PERMISSION)
        second = Period(D(2024, 3, 31), None, TOLERATED)
        with self.assertRaises(calculation.PeriodError) as context:
            calculation.check_periods([second, first])
        self.assertEqual(context.exception.kind, 'overlap')
        self.assertEqual(context.exception.periods, [first, second])

    def test_adjacent(self):
        "Ending 31.03. and starting 01.04. do not overlap; sorted by start"
        first = Period(D(2024, 1, 1), D(2024, 3, 31), PERMISSION)
        second = Period(D(2024, 4, 1), None, TOLERATED)
        self.assertEqual(
            calculation.check_periods([second, first]), [first, second])

    def test_overlap_ongoing(self):
        "An ongoing period overlaps any later one"
        first = Period(D(2020, 1, 1), None, TOLERATED)
        second = Period(D(2023, 6, 1), D(2023, 6, 30), ABROAD)
        with self.assertRaises(calculation.PeriodError) as context:
            calculation.check_periods([first, second])
        self.assertEqual(context.exception.kind, 'overlap')
        self.assertEqual(context.exception.periods, [first, second])

    def test_residence_refuses_overlap(self):
        "The residence is not computed from overlapping periods"
        with self.assertRaises(calculation.PeriodError):
            residence([
                    Period(D(2020, 1, 1), D(2021, 1, 1), TOLERATED),
                    Period(D(2020, 12, 1), None, PERMIT),
                    ], D(2024, 1, 1))

    def test_tuples(self):
        "(start, end, status) tuples are read as periods"
        self.assertEqual(
            calculation.check_periods([(D(2024, 1, 1), None, PERMIT)]),
            [Period(D(2024, 1, 1), None, PERMIT)])


class CalendarTestCase(unittest.TestCase):
    "The calendar arithmetic of durations"

    def test_add_months(self):
        """The same day months later, else the last day of the month:
        31.01.2024 + 1 = 29.02.2024 (leap), 31.01.2025 + 1 = 28.02.2025,
        29.02.2024 + 12 = 28.02.2025, 15.11.2024 + 3 = 15.02.2025"""
        self.assertEqual(
            calculation.add_months(D(2024, 1, 31), 1), D(2024, 2, 29))
        self.assertEqual(
            calculation.add_months(D(2025, 1, 31), 1), D(2025, 2, 28))
        self.assertEqual(
            calculation.add_months(D(2024, 2, 29), 12), D(2025, 2, 28))
        self.assertEqual(
            calculation.add_months(D(2024, 11, 15), 3), D(2025, 2, 15))

    def test_calendar_difference(self):
        """31.01.2024 → 29.02.2024: 31.01. + 1 month = 29.02., (0, 1, 0);
        01.01.2025 → 31.01.2025: 30 days; 15.03.2020 → 14.03.2023:
        + 2 years = 15.03.2022, + 11 months = 15.02.2023, + 27 days
        (28 days in February 2023, less one) = 14.03.2023"""
        self.assertEqual(calculation.calendar_difference(
                D(2024, 1, 31), D(2024, 2, 29)), (0, 1, 0))
        self.assertEqual(calculation.calendar_difference(
                D(2025, 1, 1), D(2025, 1, 31)), (0, 0, 30))
        self.assertEqual(calculation.calendar_difference(
                D(2020, 3, 15), D(2023, 3, 14)), (2, 11, 27))


class ResidenceTestCase(unittest.TestCase):
    "The uninterrupted residence walked backwards from the reference date"

    def test_days_inclusive(self):
        """1–31 January is 31 days, measured as 0 months 30 days from the
        first day (the event) to the last"""
        result = residence(
            [Period(D(2025, 1, 1), D(2025, 1, 31), TOLERATED)],
            D(2025, 1, 31))
        self.assertEqual(result.days, 31)
        self.assertEqual(result.start, D(2025, 1, 1))
        self.assertEqual(result.counted, [(D(2025, 1, 1), D(2025, 1, 31))])
        self.assertEqual(result.years_months_days(), (0, 0, 30))
        self.assertTrue(result.reaches(months=0))
        self.assertFalse(result.reaches(months=1))

    def test_ongoing(self):
        """An ongoing period from 01.01.2020 is cut at 31.12.2020: 366 days
        (leap year), 01.01. + 11 months = 01.12. + 30 days = 31.12."""
        result = residence(
            [Period(D(2020, 1, 1), None, PERMISSION)], D(2020, 12, 31))
        self.assertEqual(result.days, 366)
        self.assertEqual(result.counted, [(D(2020, 1, 1), D(2020, 12, 31))])
        self.assertEqual(result.years_months_days(), (0, 11, 30))
        self.assertIsNone(result.interruption)
        self.assertEqual(result.gaps, [])

    def test_after_on_date_ignored(self):
        """A period running beyond on_date is cut, one starting after it is
        ignored: 01.01.–30.06.2024 counted = 31 + 29 + 31 + 30 + 31 + 30 =
        182 days; the stay abroad from 01.08.2024 does not matter"""
        result = residence([
                Period(D(2024, 1, 1), D(2024, 7, 31), TOLERATED),
                Period(D(2024, 8, 1), None, ABROAD),
                ], D(2024, 6, 30))
        self.assertEqual(result.days, 182)
        self.assertEqual(result.counted, [(D(2024, 1, 1), D(2024, 6, 30))])
        self.assertIsNone(result.interruption)

    def test_interruption_abroad(self):
        """Tolerated 2019–2020, a year abroad, permission since 01.01.2022:
        on 31.12.2023 only 2022–2023 counts (365 + 365 = 730 days), the year
        abroad is the interruption"""
        result = residence([
                Period(D(2019, 1, 1), D(2020, 12, 31), TOLERATED),
                Period(D(2021, 1, 1), D(2021, 12, 31), ABROAD),
                Period(D(2022, 1, 1), None, PERMISSION),
                ], D(2023, 12, 31))
        self.assertEqual(result.start, D(2022, 1, 1))
        self.assertEqual(result.days, 730)
        self.assertEqual(
            result.interruption, (D(2021, 1, 1), D(2021, 12, 31)))
        self.assertEqual(result.years_months_days(), (1, 11, 30))

    def test_first_record_is_no_interruption(self):
        """A stay abroad before the first residence is the arrival, not an
        interruption: 01.03.2024–31.03.2024 = 31 days"""
        result = residence([
                Period(D(2020, 1, 1), D(2024, 2, 29), ABROAD),
                Period(D(2024, 3, 1), None, PERMISSION),
                ], D(2024, 3, 31))
        self.assertEqual(result.days, 31)
        self.assertIsNone(result.interruption)
        self.assertEqual(result.gaps, [])

    def test_gap_of_other_status_merged(self):
        """Days abroad (01.04.–15.05.) and days without record (16.05.–
        30.06.) form one gap of 30 + 31 + 30 = 91 days, tolerated up to 92"""
        result = residence([
                Period(D(2021, 1, 1), D(2021, 3, 31), TOLERATED),
                Period(D(2021, 4, 1), D(2021, 5, 15), ABROAD),
                Period(D(2021, 7, 1), D(2021, 7, 31), TOLERATED),
                ], D(2021, 7, 31), max_gap_days=92)
        self.assertEqual(result.gaps, [(D(2021, 4, 1), D(2021, 6, 30))])
        self.assertEqual(result.days, 90 + 31)
        self.assertIsNone(result.interruption)

    def test_trailing_gap(self):
        """A permit ended 30.06.2024; on 31.12.2024 the 184 days since
        (31 + 31 + 30 + 31 + 30 + 31) exceed 183: nothing is counted"""
        periods = [Period(D(2019, 1, 1), D(2024, 6, 30), PERMIT)]
        check = calculation.check_stag10(
            periods, D(2024, 12, 31), years=5, max_gap_days=183)
        self.assertIs(check.met, False)
        self.assertIsNone(check.residence.start)
        self.assertEqual(check.residence.days, 0)
        self.assertEqual(check.residence.interruption,
            (D(2024, 7, 1), D(2024, 12, 31)))
        self.assertIsNone(check.residence.date_reached(5))

    def test_trailing_gap_tolerated(self):
        """A permit from 01.01.2021 ended 30.09.2024; on 31.12.2024 the 92
        days since are tolerated (≤ 183).  Counted 01.01.2021–30.09.2024
        = 3 years 8 months 29 days: 5 years are not reached and no date can
        be projected while nothing counts"""
        periods = [Period(D(2021, 1, 1), D(2024, 9, 30), PERMIT)]
        check = calculation.check_stag10(
            periods, D(2024, 12, 31), years=5, max_gap_days=183)
        self.assertIs(check.met, False)
        self.assertEqual(check.residence.gaps,
            [(D(2024, 10, 1), D(2024, 12, 31))])
        self.assertEqual(check.detail['gap_days'], 92)
        self.assertEqual(check.residence.years_months_days(), (3, 8, 29))
        self.assertIsNone(check.residence.date_reached(5))

    def test_date_reached_projection(self):
        """Tolerated since 15.03.2023, on 01.01.2025: 3 years are reached on
        15.03.2026 if the residence continues; 1 year 9 months was reached
        on 15.12.2024"""
        result = residence(
            [Period(D(2023, 3, 15), None, TOLERATED)], D(2025, 1, 1))
        self.assertEqual(result.years_months_days(), (1, 9, 17))
        self.assertFalse(result.reaches(3))
        self.assertEqual(result.date_reached(3), D(2026, 3, 15))
        self.assertTrue(result.reaches(1, 9))
        self.assertEqual(result.date_reached(1, 9), D(2024, 12, 15))

    def test_no_period(self):
        "Without periods up to on_date the checks are unknown"
        for periods in [[], [Period(D(2025, 1, 1), None, TOLERATED)]]:
            with self.subTest(periods=periods):
                check = calculation.check_25a(
                    periods, D(2024, 12, 31), years=3)
                self.assertIsNone(check.met)
                self.assertEqual(check.residence.days, 0)
                self.assertEqual(check.residence.years_months_days(),
                    (0, 0, 0))


class Check25aTestCase(unittest.TestCase):
    "§ 25a AufenthG"

    periods = [
        Period(D(2021, 7, 1), D(2022, 6, 30), TOLERATED),
        Period(D(2022, 7, 1), D(2023, 6, 30), DULDUNG_60B),
        Period(D(2023, 7, 1), None, TOLERATED),
        ]

    def test_60b_excluded(self):
        """On 30.06.2025: 365 days tolerated + 365 days § 60b (excluded) +
        731 days tolerated (2024 is a leap year) = 1,096 counted days.
        Virtual first day 30.06.2025 − 1,095 days = 01.07.2022:
        2 years 11 months 29 days; 3 years on 01.07.2025"""
        check = calculation.check_25a(self.periods, D(2025, 6, 30), years=3)
        self.assertIs(check.met, False)
        self.assertEqual(check.residence.days, 1096)
        self.assertEqual(check.residence.start, D(2021, 7, 1))
        self.assertEqual(check.residence.excluded,
            [(D(2022, 7, 1), D(2023, 6, 30), 'duldung_60b')])
        self.assertIsNone(check.residence.interruption)
        self.assertEqual(check.residence.years_months_days(), (2, 11, 29))
        self.assertEqual(check.detail['excluded_days'], 365)
        self.assertEqual(check.detail['date_reached'], D(2025, 7, 1))

    def test_60b_excluded_reached(self):
        "One day later, 01.07.2025: 1,097 days, exactly 3 years"
        check = calculation.check_25a(self.periods, D(2025, 7, 1), years=3)
        self.assertIs(check.met, True)
        self.assertEqual(check.residence.days, 1097)
        self.assertEqual(
            (check.detail['years'], check.detail['months'],
                check.detail['remaining_days']), (3, 0, 0))

    def test_60b_counted_for_25b(self):
        """§ 25b counts the § 60b year: 01.07.2021–30.06.2025 = 1,461 days,
        3 years 11 months 29 days, the 4 years with a child reached on
        01.07.2025"""
        check = check_25b(self.periods, D(2025, 6, 30))
        self.assertIs(check.met, False)
        self.assertEqual(check.residence.days, 1461)
        self.assertEqual(check.residence.excluded, [])
        self.assertEqual(check.residence.counted, [
                (D(2021, 7, 1), D(2022, 6, 30)),
                (D(2022, 7, 1), D(2023, 6, 30)),
                (D(2023, 7, 1), D(2025, 6, 30)),
                ])
        self.assertEqual(check.residence.years_months_days(), (3, 11, 29))
        self.assertEqual(check.detail['date_reached'], D(2025, 7, 1))
        self.assertIs(check_25b(self.periods, D(2025, 7, 1)).met, True)

    def test_age_day_before_birthday(self):
        """Born 15.05.1998: the 27th year of life is completed at the end of
        14.05.2025, an application that day is in time"""
        check = calculation.check_25a_age(
            D(1998, 5, 15), D(2025, 5, 14), max_age=27)
        self.assertIs(check.met, True)
        self.assertEqual(check.detail['age'], 26)
        self.assertEqual(check.detail['last_day'], D(2025, 5, 14))

    def test_age_on_birthday(self):
        "An application on the 27th birthday, 15.05.2025, is refused"
        check = calculation.check_25a_age(
            D(1998, 5, 15), D(2025, 5, 15), max_age=27)
        self.assertIs(check.met, False)
        self.assertEqual(check.detail['age'], 27)
        self.assertEqual(check.detail['birthday'], D(2025, 5, 15))

    def test_age_29_february(self):
        """Born 29.02.2000: 2027 is a common year, the 27th birthday is
        01.03.2027; 28.02.2027 is still in time"""
        self.assertIs(calculation.check_25a_age(
                D(2000, 2, 29), D(2027, 2, 28), max_age=27).met, True)
        check = calculation.check_25a_age(
            D(2000, 2, 29), D(2027, 3, 1), max_age=27)
        self.assertIs(check.met, False)
        self.assertEqual(check.detail['birthday'], D(2027, 3, 1))
        self.assertEqual(calculation.age_on(D(2000, 2, 29), D(2001, 2, 28)),
            0)
        self.assertEqual(calculation.age_on(D(2000, 2, 29), D(2001, 3, 1)),
            1)
        self.assertEqual(calculation.age_on(D(2000, 2, 29), D(2004, 2, 29)),
            4)

    def test_age_unknown(self):
        "Without a birth date the age is unknown"
        self.assertIsNone(calculation.check_25a_age(
                None, D(2025, 1, 1), max_age=27).met)


class Check25bTestCase(unittest.TestCase):
    "§ 25b AufenthG, interruptions up to 92 days harmless"

    def test_gap_three_months_tolerated(self):
        """Tolerated 01.01.2019–31.03.2021 (365 + 366 + 90 = 821 days), no
        record April–June 2021 (30 + 31 + 30 = 91 days ≤ 92), tolerated
        since 01.07.2021; on 01.07.2025 another 1,462 days: 2,283 days.
        Virtual first day 01.07.2025 − 2,282 days = 02.04.2019 (the start
        postponed by the 91 days): 6 years 2 months 29 days.  The 4 years
        were reached on 02.04.2019 + 4 years = 02.04.2023"""
        check = check_25b([
                Period(D(2019, 1, 1), D(2021, 3, 31), TOLERATED),
                Period(D(2021, 7, 1), None, TOLERATED),
                ], D(2025, 7, 1))
        self.assertIs(check.met, True)
        self.assertEqual(check.residence.start, D(2019, 1, 1))
        self.assertEqual(check.residence.days, 2283)
        self.assertEqual(check.residence.gaps,
            [(D(2021, 4, 1), D(2021, 6, 30))])
        self.assertIsNone(check.residence.interruption)
        self.assertEqual(check.residence.years_months_days(), (6, 2, 29))
        self.assertEqual(check.detail['required_years'], 4)
        self.assertEqual(check.detail['gap_days'], 91)
        self.assertEqual(check.detail['date_reached'], D(2023, 4, 2))

    def test_gap_three_months_without_child(self):
        "The same 6 years 2 months 29 days also reach the 6 years"
        check = check_25b([
                Period(D(2019, 1, 1), D(2021, 3, 31), TOLERATED),
                Period(D(2021, 7, 1), None, TOLERATED),
                ], D(2025, 7, 1), has_minor_child=False)
        self.assertIs(check.met, True)
        self.assertEqual(check.detail['required_years'], 6)
        self.assertEqual(check.detail['date_reached'], D(2025, 4, 2))

    def test_gap_four_months_interrupts(self):
        """No record April–July 2021 (30 + 31 + 30 + 31 = 122 days > 92):
        only 01.08.2021–01.07.2025 counts, 01.08.2021 + 3 years 11 months =
        01.07.2025: 3 years 11 months 0 days (1,461 − 31 + 1 = 1,431 days),
        the 4 years reached on 01.08.2025"""
        check = check_25b([
                Period(D(2019, 1, 1), D(2021, 3, 31), TOLERATED),
                Period(D(2021, 8, 1), None, TOLERATED),
                ], D(2025, 7, 1))
        self.assertIs(check.met, False)
        self.assertEqual(check.residence.start, D(2021, 8, 1))
        self.assertEqual(check.residence.days, 1431)
        self.assertEqual(check.residence.interruption,
            (D(2021, 4, 1), D(2021, 7, 31)))
        self.assertEqual(check.residence.gaps, [])
        self.assertEqual(check.residence.years_months_days(), (3, 11, 0))
        self.assertEqual(check.detail['date_reached'], D(2025, 8, 1))


class Check104cTestCase(unittest.TestCase):
    "§ 104c AufenthG, cut-off date 31.10.2022"

    def test_arrived_1_november_2017(self):
        """01.11.2017–31.10.2022 is 5 × 365 + 1 (29.02.2020) = 1,826 days,
        4 years 11 months 30 days: 5 years only on 01.11.2022, one day
        late"""
        check = calculation.check_104c(
            [Period(D(2017, 11, 1), None, PERMISSION)],
            cutoff=CUTOFF, years=5)
        self.assertIs(check.met, False)
        self.assertEqual(check.residence.days, 1826)
        self.assertEqual(check.residence.years_months_days(), (4, 11, 30))
        self.assertEqual(check.detail['date_reached'], D(2022, 11, 1))
        self.assertEqual(check.detail['on_date'], CUTOFF)

    def test_arrived_31_october_2017(self):
        "31.10.2017–31.10.2022 is 1,827 days, exactly 5 years"
        check = calculation.check_104c(
            [Period(D(2017, 10, 31), None, PERMISSION)],
            cutoff=CUTOFF, years=5)
        self.assertIs(check.met, True)
        self.assertEqual(check.residence.days, 1827)
        self.assertEqual(check.residence.years_months_days(), (5, 0, 0))
        self.assertEqual(check.detail['date_reached'], CUTOFF)

    def test_period_spanning_cutoff(self):
        """Permission 01.06.2017–31.12.2018, tolerated 01.01.2019–
        30.06.2023 (cut at 31.10.2022), later a permit and a stay abroad:
        counted 01.06.2017–31.10.2022, 5 years 4 months 30 days
        (214 + 365 = 579 days, then 365 + 366 + 365 + 304 = 1,400 days:
        1,979 days)"""
        check = calculation.check_104c([
                Period(D(2017, 6, 1), D(2018, 12, 31), PERMISSION),
                Period(D(2019, 1, 1), D(2023, 6, 30), TOLERATED),
                Period(D(2023, 7, 1), D(2024, 6, 30), ABROAD),
                Period(D(2024, 7, 1), None, PERMIT),
                ], cutoff=CUTOFF, years=5)
        self.assertIs(check.met, True)
        self.assertEqual(check.residence.counted, [
                (D(2017, 6, 1), D(2018, 12, 31)),
                (D(2019, 1, 1), D(2022, 10, 31)),
                ])
        self.assertEqual(check.residence.days, 1979)
        self.assertEqual(check.residence.years_months_days(), (5, 4, 30))
        self.assertEqual(check.detail['date_reached'], D(2022, 6, 1))

    def test_visitor_interrupts(self):
        """A stay without status (neither lawful, tolerated nor permitted)
        from 01.01.2020 to 31.01.2020 interrupts: counted only 01.02.2020–
        31.10.2022"""
        check = calculation.check_104c([
                Period(D(2016, 1, 1), D(2019, 12, 31), TOLERATED),
                Period(D(2020, 1, 1), D(2020, 1, 31), VISITOR),
                Period(D(2020, 2, 1), None, TOLERATED),
                ], cutoff=CUTOFF, years=5)
        self.assertIs(check.met, False)
        self.assertEqual(check.residence.interruption,
            (D(2020, 1, 1), D(2020, 1, 31)))
        self.assertEqual(check.residence.years_months_days(), (2, 8, 30))

    def test_permit_expiry(self):
        """Valid from 01.01.2024 for 18 months: the day before 01.07.2025,
        30.06.2025; from 15.03.2024: 14.09.2025; from 31.08.2024: 31.02.2026
        does not exist, the last day of February, 28.02.2026"""
        self.assertEqual(calculation.permit_expiry(
                D(2024, 1, 1), months=18), D(2025, 6, 30))
        self.assertEqual(calculation.permit_expiry(
                D(2024, 3, 15), months=18), D(2025, 9, 14))
        self.assertEqual(calculation.permit_expiry(
                D(2024, 8, 31), months=18), D(2026, 2, 28))

    def test_conversion_deadline(self):
        """90 days before 30.06.2025: − 29 = 01.06., − 31 = 01.05.,
        − 30 = 01.04.2025"""
        self.assertEqual(calculation.conversion_deadline(
                D(2025, 6, 30), lead_days=90), D(2025, 4, 1))


class CheckStag10TestCase(unittest.TestCase):
    "§ 10 StAG, stays abroad up to 183 days harmless"

    def test_stay_abroad_tolerated(self):
        """Permit 2019–2021 (1,096 days), abroad 01.01.–30.06.2022 (181
        days ≤ 183), permit since 01.07.2022 (184 + 365 + 366 = 915 days):
        on 31.12.2024 2,011 days; virtual first day 01.01.2019 + 181 days
        = 01.07.2019: 5 years 5 months 30 days, reached on 01.07.2024"""
        check = calculation.check_stag10([
                Period(D(2019, 1, 1), D(2021, 12, 31), PERMIT),
                Period(D(2022, 1, 1), D(2022, 6, 30), ABROAD),
                Period(D(2022, 7, 1), None, PERMIT),
                ], D(2024, 12, 31), years=5, max_gap_days=183)
        self.assertIs(check.met, True)
        self.assertEqual(check.residence.days, 2011)
        self.assertEqual(check.residence.gaps,
            [(D(2022, 1, 1), D(2022, 6, 30))])
        self.assertEqual(check.residence.years_months_days(), (5, 5, 30))
        self.assertEqual(check.detail['date_reached'], D(2024, 7, 1))

    def test_stay_abroad_too_long(self):
        """Abroad 01.01.–03.07.2022, 184 days > 183: only 04.07.2022–
        31.12.2024 counts, 2 years 5 months 27 days"""
        check = calculation.check_stag10([
                Period(D(2019, 1, 1), D(2021, 12, 31), PERMIT),
                Period(D(2022, 1, 1), D(2022, 7, 3), ABROAD),
                Period(D(2022, 7, 4), None, PERMIT),
                ], D(2024, 12, 31), years=5, max_gap_days=183)
        self.assertIs(check.met, False)
        self.assertEqual(check.residence.interruption,
            (D(2022, 1, 1), D(2022, 7, 3)))
        self.assertEqual(check.residence.start, D(2022, 7, 4))
        self.assertEqual(check.residence.years_months_days(), (2, 5, 27))
        self.assertEqual(check.detail['date_reached'], D(2027, 7, 4))

    def test_toleration_not_lawful(self):
        """A Duldung 2019–2020 is not lawful residence: only the permit
        since 01.01.2021 counts (1,461 days, 3 years 11 months 30 days); the
        Duldung before it is no interruption, the lawful residence begins
        with the permit"""
        check = calculation.check_stag10([
                Period(D(2019, 1, 1), D(2020, 12, 31), TOLERATED),
                Period(D(2021, 1, 1), None, PERMIT),
                ], D(2024, 12, 31), years=5, max_gap_days=183)
        self.assertIs(check.met, False)
        self.assertEqual(check.residence.start, D(2021, 1, 1))
        self.assertEqual(check.residence.days, 1461)
        self.assertEqual(check.residence.years_months_days(), (3, 11, 30))
        self.assertIsNone(check.residence.interruption)
