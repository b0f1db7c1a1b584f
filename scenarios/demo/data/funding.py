# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The funding demo: its figures, posts and dates"""
import datetime as dt

# Finance staff: login, first name, last name, organisation, role
FINANCE_STAFF = [
    ('frank', "Frank", "Weber", 'ki', 'finance_municipality'),
    ('claudia', "Claudia", "Berger", 'car', 'finance_provider'),
    ]
FINANCE_ROLES = {
    'finance_municipality': "Finance: grants, posts, contracts, proofs of use",
    'finance_provider': "Finance: staffing and proofs of use of the provider",
    }
FINANCE_GROUPS = {
    'finance_municipality': 'group_kim_funding_municipality',
    'finance_provider': 'group_kim_funding_provider',
    }
# Logins of kim_case that also read the funding records, and their group
FUNDING_READERS = ['petra']
READ_GROUP = 'group_kim_funding_read'

AUTHORITY = "Bezirksregierung Arnsberg, Dezernat 36"
AUTHORITY_ADDRESS = ("Seibertzstraße 1", '59821', "Arnsberg")
YEARS = (2025, 2026)
# Published flat rates per VZÄ and year (the same in both years)
RATES = [
    ('1', 'coordination', 57000),
    ('1', 'administration', 45000),   # 22,500 € per 0.5 VZÄ
    ('1', 'workplace', 5700),
    ('2', 'case_management', 57000),
    ('3', 'foreigners_authority', 50000),  # 25,000 € per 0.5 FTE
    ('3', 'naturalisation_authority', 50000),
    ]
RATE_SOURCE = ("Bezirksregierung Arnsberg, Dezernat 36: Fachbezogene "
    "Pauschalen KIM {year}")

GRANT_NUMBER = "36.08.01-KIM-2025-0117"
GRANT_DATE = dt.date(2024, 12, 16)
GRANT_START, GRANT_END = dt.date(2025, 1, 1), dt.date(2026, 12, 31)
# Baustein, kind, VZÄ approved in each year
GRANT_LINES = [
    ('1', 'coordination', '2.5'),
    ('1', 'administration', '0.5'),
    ('1', 'workplace', '2.5'),
    ('2', 'case_management', '8.0'),
    ('3', 'foreigners_authority', '0.5'),
    ('3', 'naturalisation_authority', '0.5'),
    ]
AMENDMENT = {
    'number': "36.08.01-KIM-2025-0117-Ä1",
    'date': dt.date(2026, 6, 12),
    'effective_date': dt.date(2026, 7, 1),
    'reason': "Aufstockung des Case Managements um 1,0 VZÄ ab dem "
    "1. Juli 2026 (zusätzliche Stelle bei der Diakonie Musterstadt) auf "
    "Antrag der Stadt vom 20. April 2026.",
    # every line continuing after the effective date, changed or not
    'lines': [(b, k, '9.0' if k == 'case_management' else v)
        for b, k, v in GRANT_LINES],
    }

# Employees hired for funded posts (not users): key, first name, last
# name, organisation, start date, end date
NEW_EMPLOYEES = [
    ('brandt', "Markus", "Brandt", 'ki', dt.date(2018, 3, 1), None),
    ('schulte', "Heike", "Schulte", 'ki', dt.date(2009, 5, 1),
        dt.date(2025, 8, 15)),
    ('peters', "Jan", "Peters", 'ki', dt.date(2025, 8, 16), None),
    ('hartmann', "Sven", "Hartmann", 'ki', dt.date(2021, 10, 1), None),
    ('koch', "Miriam", "Koch", 'ki', dt.date(2020, 6, 1), None),
    ('richter', "Tanja", "Richter", 'ki', dt.date(2025, 6, 1), None),
    ]
FINANCE_EMPLOYEE_START = {
    'frank': dt.date(2016, 9, 1),
    'claudia': dt.date(2014, 2, 1),
    }

# Pass-through contracts: Träger, number, date, Nachtrag (date, amount)
CONTRACTS = [
    ('car', "WLV-KIM-2025-01", dt.date(2024, 12, 18), None),
    ('drk', "WLV-KIM-2025-02", dt.date(2024, 12, 18), None),
    ('dia', "WLV-KIM-2025-03", dt.date(2024, 12, 19),
        dt.date(2026, 6, 22)),
    ('awo', "WLV-KIM-2025-04", dt.date(2024, 12, 19), None),
    ]
# Installments are due quarterly in advance on the 15th of the quarter's
# first month, and paid on the working day given here.
INSTALLMENT_DUE = [(1, 15), (4, 15), (7, 15), (10, 15)]
INSTALLMENT_PAID = {
    dt.date(2025, 1, 15): dt.date(2025, 1, 15),
    dt.date(2025, 4, 15): dt.date(2025, 4, 15),
    dt.date(2025, 7, 15): dt.date(2025, 7, 15),
    dt.date(2025, 10, 15): dt.date(2025, 10, 15),
    dt.date(2026, 1, 15): dt.date(2026, 1, 15),
    dt.date(2026, 4, 15): dt.date(2026, 4, 15),
    dt.date(2026, 7, 15): dt.date(2026, 7, 15),
    dt.date(2026, 10, 15): dt.date(2026, 10, 15),
    }
# The Land pays a quarter of the amount approved for the year
LAND_PAYMENTS = [
    dt.date(2025, 2, 14), dt.date(2025, 5, 15), dt.date(2025, 8, 15),
    dt.date(2025, 11, 14),
    dt.date(2026, 2, 13), dt.date(2026, 5, 15), dt.date(2026, 8, 14),
    dt.date(2026, 11, 13),
    ]

# Funded posts: key, employer, Baustein, kind, designation, VZÄ, pay grade,
# start, end (None: those of the grant), contract (Träger key or None), the
# staffing as (employee: login or key of NEW_EMPLOYEES, from, to, VZÄ)
_END = None
POSTS = [
    ('ki-koord-1', 'ki', '1', 'coordination',
        "Koordination KI – Leitung", '1.0', "TVöD E 13", None, None, [
            ('brandt', GRANT_START, _END, '1.0')]),
    ('ki-koord-2', 'ki', '1', 'coordination',
        "Koordination KI – Bildung und Teilhabe", '1.0', "TVöD E 11",
        None, None, [
            ('petra', GRANT_START, _END, '1.0')]),
    ('ki-koord-3', 'ki', '1', 'coordination',
        "Koordination KI – Steuerung Case Management", '0.5',
        "TVöD-SuE S 17", None, None, [
            ('sabine', GRANT_START, _END, '0.5')]),
    # a change of employee in mid-month
    ('ki-verw', 'ki', '1', 'administration',
        "Verwaltungsassistenz KI", '0.5', "TVöD E 8", None, None, [
            ('schulte', GRANT_START, dt.date(2025, 8, 15), '0.5'),
            ('peters', dt.date(2025, 8, 16), _END, '0.5')]),
    ('ki-abh', 'ki', '3', 'foreigners_authority',
        "Ausländerbehörde – KIM-Stelle", '0.5', "TVöD E 9b", None, None, [
            ('hartmann', GRANT_START, _END, '0.5')]),
    # vacant from March to May 2025
    ('ki-ebh', 'ki', '3', 'naturalisation_authority',
        "Einbürgerungsbehörde – KIM-Stelle", '0.5', "TVöD E 9b", None, None, [
            ('koch', GRANT_START, dt.date(2025, 2, 28), '0.5'),
            ('richter', dt.date(2025, 6, 1), _END, '0.5')]),
    ('ki-cm-1', 'ki', '2', 'case_management',
        "Case Management KI 1", '1.0', "TVöD-SuE S 12", None, None, [
            ('anna', GRANT_START, _END, '1.0')]),
    # a shared post
    ('ki-cm-2', 'ki', '2', 'case_management',
        "Case Management KI 2", '1.0', "TVöD-SuE S 12", None, None, [
            ('leyla', GRANT_START, _END, '0.5'),
            ('jonas', GRANT_START, _END, '0.5')]),
    ('car-cm-1', 'car', '2', 'case_management',
        "Case Management Caritas 1", '1.0', "AVR Caritas S 12", None, None, [
            ('maria', GRANT_START, _END, '1.0')]),
    ('car-cm-2', 'car', '2', 'case_management',
        "Case Management Caritas 2", '1.0', "AVR Caritas S 12", None, None, [
            ('tobias', GRANT_START, _END, '1.0')]),
    ('drk-cm-1', 'drk', '2', 'case_management',
        "Case Management DRK 1", '1.0', "DRK-Reformtarifvertrag E 9",
        None, None, [
            ('fatma', GRANT_START, _END, '1.0')]),
    # parental leave from June to September 2025, without a substitute
    ('drk-cm-2', 'drk', '2', 'case_management',
        "Case Management DRK 2", '1.0', "DRK-Reformtarifvertrag E 9",
        None, None, [
            ('lukas', GRANT_START, dt.date(2025, 5, 31), '1.0'),
            ('lukas', dt.date(2025, 10, 1), _END, '1.0')]),
    ('dia-cm-1', 'dia', '2', 'case_management',
        "Case Management Diakonie 1", '1.0', "AVR DD E 9", None, None, [
            ('olena', GRANT_START, _END, '1.0')]),
    ('awo-cm-1', 'awo', '2', 'case_management',
        "Case Management AWO 1", '1.0', "TV AWO NRW E 9", None, None, [
            ('ahmad', GRANT_START, _END, '1.0')]),
    ]
# The post funded by the amendment, created after it
AMENDMENT_POSTS = [
    ('dia-cm-2', 'dia', '2', 'case_management',
        "Case Management Diakonie 2", '1.0', "AVR DD E 9",
        dt.date(2026, 7, 1), None, [
            ('katharina', dt.date(2026, 7, 1), _END, '1.0')]),
    ]

# Proofs of use of 2025: Träger key (None: the Kommune), created, submitted,
# accepted
PROOFS_2025 = [
    ('car', dt.date(2026, 2, 9), dt.date(2026, 2, 20), dt.date(2026, 3, 16)),
    ('awo', dt.date(2026, 2, 16), dt.date(2026, 2, 26),
        dt.date(2026, 3, 18)),
    ('drk', dt.date(2026, 2, 18), dt.date(2026, 2, 27),
        dt.date(2026, 3, 20)),
    ('dia', dt.date(2026, 2, 23), dt.date(2026, 3, 6), dt.date(2026, 3, 24)),
    (None, dt.date(2026, 4, 20), dt.date(2026, 5, 29),
        dt.date(2026, 9, 15)),
    ]
# Refunds after the accepted proof of 2025: Träger key (None: the Kommune
# to the Land), date
REFUNDS_2025 = [
    ('drk', dt.date(2026, 4, 15)),
    (None, dt.date(2026, 10, 15)),
    ]

ACTIVITIES_PROVIDER = (
    "Rechtskreisübergreifendes Case Management (Baustein 2) für "
    "Zugewanderte mit komplexem Unterstützungsbedarf in Musterstadt: "
    "Erstgespräche, Bestandsaufnahme, Zielvereinbarung, Begleitung und "
    "Vermittlung an die Regeldienste nach der Rahmenkonzeption des "
    "Kommunalen Integrationszentrums; Teilnahme an den Fallkonferenzen "
    "und am Netzwerk Case Management der Stadt.")
RESULTS_PROVIDER = (
    "Die Fälle wurden nach den Standards des KIM geführt; strukturelle "
    "Hürden aus der Fallarbeit wurden an die Koordinierung gemeldet. "
    "Die Fallzahlen des Jahres sind unten aufgeführt.")
ACTIVITIES_MUNICIPALITY = (
    "Baustein 1: Koordinierung des Kommunalen Integrationsmanagements "
    "durch das Kommunale Integrationszentrum, Geschäftsführung der "
    "Lenkungsgruppe, Netzwerk Case Management mit Caritas, DRK, Diakonie "
    "und AWO. Baustein 2: rechtskreisübergreifendes Case Management bei "
    "der Stadt und bei vier Trägern der Freien Wohlfahrtspflege "
    "(Weiterleitung nach Nr. 12 VVG zu § 44 LHO). Baustein 3: je eine "
    "halbe Stelle in der Ausländer- und der Einbürgerungsbehörde für "
    "Bleiberechtsperspektiven und Einbürgerungen.")
RESULTS_MUNICIPALITY = (
    "Die geförderten Stellen waren bis auf die Vakanz in der "
    "Einbürgerungsbehörde (März bis Mai 2025) und die Elternzeit im "
    "Case Management DRK 2 (Juni bis September 2025) besetzt. Die "
    "Arbeitsplatzpauschale wurde nicht über eine eigene Stelle "
    "nachgewiesen. Die Verwendungsnachweise der Träger liegen vor und "
    "wurden geprüft.")
