# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The authority demo: the foreigners' authority (ABH) and the
naturalisation authority (EBH) of Stadt Musterstadt, their logins and their
procedures"""
import datetime as dt
from decimal import Decimal

D = dt.date

# Logins of the authorities: login, first name, last name, organisation,
# role.  Sven Hartmann and Tanja Richter hold the KIM posts of Baustein 3
# (data/funding.py, NEW_EMPLOYEES 'hartmann' and 'richter'); Ines Sommer is
# the head of the residence section of the steering demo (PERSONS
# 'sommer').
AUTHORITY_STAFF = [
    ('sven', "Sven", "Hartmann", 'ki', 'abh'),
    ('ines', "Ines", "Sommer", 'ki', 'abh_lead'),
    ('tanja', "Tanja", "Richter", 'ki', 'ebh'),
    ]
AUTHORITY_ROLES = {
    'abh': "Foreigners' authority: residence procedures (§ 25a, § 25b, "
    "§ 104c)",
    'abh_lead': "Foreigners' authority, head of section: procedures and "
    "decisions",
    'ebh': "Naturalisation authority: naturalisations (§ 10, § 8 StAG)",
    }
# The group of each role (module kim_authority)
AUTHORITY_GROUPS = {
    'abh': 'group_kim_authority_abh',
    'abh_lead': 'group_kim_authority_abh',
    'ebh': 'group_kim_authority_ebh',
    }
# The start of the employment of those not hired by the funding demo
AUTHORITY_EMPLOYEE_START = {
    'sven': D(2021, 10, 1),
    'ines': D(2011, 4, 1),
    'tanja': D(2025, 6, 1),
    }

# Procedures: a dict per procedure with
#   key, authority ('abh' or 'ebh'), kind, person (name, street, postal
#   code), birth_date, minor_child, german_level, origin, fee (None: set on
#   application for § 10 StAG), periods as (status code of data.xml,
#   paragraph, start, end, notes), lines (requirements added by hand to a
#   kind without templates: name, mandatory), steps;
# a conversion of a § 104c permit has from_ (the key of the § 104c
# procedure) instead of person, authority and birth_date, and its periods
# are added to the copied residence history.
# Steps: (date, login, action, arguments), the actions:
#   create       the person and the procedure with its residence history,
#                then Check Requirements
#   convert      Convert into § 25a / § 25b on the § 104c procedure (the
#                button of the kind), then the periods added
#   apply        the application date recorded, then Applied
#   confirm      manual lines confirmed: [(sequence, state, evidence)],
#                dated the day of the step
#   process      In Progress
#   grant        values written (decision, permit), for § 104c the open
#                toleration ended the day before the permit starts, then
#                Grant
#   withdraw     values written, then Withdrawn
#   close        Close
# Every step is done by the login on its date; steps after today are left
# out.
PROCEDURES = [
    # --- § 25a AufenthG ---------------------------------------------------
    {
        'key': '25a-tekle',
        'authority': 'abh', 'kind': '25a',
        'person': ("Dawit Tekle", "Lindenstraße 14", '12345'),
        'birth_date': D(2004, 5, 12),
        'german_level': 'B1',
        'origin': 'case_management',
        'periods': [
            ('gestattung', None, D(2019, 8, 5), D(2020, 11, 30),
                None),
            ('duldung', "§ 60a Abs. 2 AufenthG", D(2020, 12, 1), None,
                None),
            ],
        'steps': [
            (D(2025, 2, 17), 'sven', 'create', None),
            (D(2025, 3, 10), 'sven', 'apply', None),
            (D(2025, 3, 24), 'sven', 'confirm', [
                    (30, 'met', "Erster Schulabschluss nach Klasse 10, "
                        "Gesamtschule Musterstadt (Zeugnis vom 27.06.2023)"),
                    (40, 'met', "Duldung seit 01.12.2020 (Ausländerakte)"),
                    (50, 'met', "Bekenntnis und Belehrung, unterschrieben "
                        "am 24.03.2025"),
                    ]),
            (D(2025, 3, 24), 'sven', 'process', None),
            (D(2025, 4, 28), 'ines', 'grant', {
                    'decision': "Aufenthaltserlaubnis nach § 25a Abs. 1 "
                    "AufenthG für drei Jahre erteilt.",
                    'permit_valid_from': D(2025, 5, 5),
                    'permit_valid_until': D(2028, 5, 4),
                    }),
            ],
        },
    # An application on the 27th birthday is refused: the pre-check of a
    # young man of 26, whose birthday is ahead, shows the deadline.
    {
        'key': '25a-rahimi',
        'authority': 'abh', 'kind': '25a',
        'person': ("Yusuf Rahimi", "Bahnhofstraße 41", '12347'),
        'birth_date': D(2000, 2, 8),
        'german_level': 'A2',
        'origin': 'case_management',
        'periods': [
            ('gestattung', None, D(2021, 6, 14), D(2022, 9, 30),
                None),
            ('duldung_60b', None, D(2022, 10, 1),
                D(2023, 12, 31), "Identität bis zur Vorlage der Tazkira "
                "ungeklärt"),
            ('duldung', "§ 60a Abs. 2 AufenthG", D(2024, 1, 1), None, None),
            ],
        'steps': [
            (D(2026, 11, 18), 'sven', 'create', None),
            (D(2026, 11, 25), 'sven', 'confirm', [
                    (40, 'met', "Duldung seit 01.01.2024 (Ausländerakte)"),
                    ]),
            ],
        },
    # --- § 25b AufenthG ---------------------------------------------------
    {
        'key': '25b-krasniqi',
        'authority': 'abh', 'kind': '25b',
        'person': ("Arben Krasniqi", "Am Mühlbach 7", '12349'),
        'birth_date': D(1986, 7, 21),
        'minor_child': True,
        'german_level': 'A2',
        'origin': 'application',
        'periods': [
            ('gestattung', None, D(2016, 3, 1), D(2017, 2, 28),
                None),
            ('duldung', "§ 60a Abs. 2 AufenthG", D(2017, 3, 1),
                D(2019, 12, 31), None),
            ('duldung_60d', None, D(2020, 1, 1), None,
                "Beschäftigungsduldung"),
            ],
        'steps': [
            (D(2025, 8, 11), 'ines', 'create', None),
            (D(2025, 9, 1), 'ines', 'apply', None),
            (D(2025, 9, 15), 'ines', 'confirm', [
                    (30, 'met', "Arbeitsvertrag Lagerlogistik Musterstadt "
                        "GmbH, Gehaltsabrechnungen 06–08/2025"),
                    (40, 'met', "Schulbescheinigungen der beiden Kinder, "
                        "Grundschule Am Park"),
                    (50, 'met', "Bekenntnis und Belehrung, unterschrieben "
                        "am 15.09.2025"),
                    ]),
            (D(2025, 9, 15), 'ines', 'process', None),
            (D(2025, 11, 20), 'ines', 'grant', {
                    'decision': "Aufenthaltserlaubnis nach § 25b Abs. 1 "
                    "AufenthG für zwei Jahre erteilt; die Ehefrau und die "
                    "Kinder erhalten ihre Titel nach § 25b Abs. 4 AufenthG.",
                    'permit_valid_from': D(2025, 11, 24),
                    'permit_valid_until': D(2027, 11, 23),
                    }),
            ],
        },
    # In progress: the A2 certificate is missing (A1 proven)
    {
        'key': '25b-nikolic',
        'authority': 'abh', 'kind': '25b',
        'person': ("Goran Nikolić", "Weststraße 88", '12347'),
        'birth_date': D(1979, 1, 30),
        'german_level': 'A1',
        'origin': 'case_management',
        'periods': [
            ('gestattung', None, D(2015, 11, 2), D(2016, 8, 31),
                None),
            ('duldung', "§ 60a Abs. 2 AufenthG", D(2016, 9, 1), None, None),
            ],
        'steps': [
            (D(2026, 7, 27), 'sven', 'create', None),
            (D(2026, 8, 17), 'sven', 'apply', None),
            (D(2026, 9, 7), 'sven', 'confirm', [
                    (30, 'met', "Arbeitsvertrag Gebäudereinigung Brandt & "
                        "Söhne, Lohnabrechnungen 05–07/2026"),
                    (50, 'met', "Bekenntnis und Belehrung, unterschrieben "
                        "am 07.09.2026"),
                    ]),
            (D(2026, 9, 7), 'sven', 'process', None),
            ],
        },
    # --- § 104c AufenthG and its conversions ------------------------------
    # Granted in 2024, converted into § 25b in time, then closed
    {
        'key': '104c-camara',
        'authority': 'abh', 'kind': '104c',
        'person': ("Ibrahima Camara", "Kolpingstraße 30", '12345'),
        'birth_date': D(1993, 4, 2),
        'german_level': 'A1',
        'origin': 'own',
        'periods': [
            ('gestattung', None, D(2016, 5, 10), D(2017, 9, 30),
                None),
            ('duldung', "§ 60a Abs. 2 AufenthG", D(2017, 10, 1), None, None),
            ],
        'steps': [
            (D(2023, 11, 6), 'sven', 'create', None),
            (D(2023, 11, 20), 'sven', 'apply', None),
            (D(2024, 2, 26), 'sven', 'confirm', [
                    (20, 'met', "Auskunft aus dem Bundeszentralregister vom "
                        "21.02.2024 ohne Eintrag"),
                    (30, 'met', "Bekenntnis und Belehrung, unterschrieben "
                        "am 26.02.2024"),
                    ]),
            (D(2024, 2, 26), 'sven', 'process', None),
            (D(2024, 3, 14), 'ines', 'grant', {
                    'decision': "Chancen-Aufenthaltsrecht nach § 104c "
                    "AufenthG für 18 Monate erteilt.",
                    'permit_valid_from': D(2024, 4, 1),
                    }),
            (D(2025, 9, 22), 'sven', 'close', None),
            ],
        },
    {
        'key': '104c_25b-camara',
        'from_': '104c-camara', 'kind': '104c_25b',
        'german_level': 'A2',
        'periods': [
            ('aufenthaltserlaubnis', "§ 104c AufenthG", D(2024, 4, 1), None,
                "Chancen-Aufenthaltsrecht bis 30.09.2025"),
            ],
        'steps': [
            (D(2025, 7, 7), 'sven', 'convert', None),
            (D(2025, 7, 21), 'sven', 'apply', None),
            (D(2025, 8, 4), 'sven', 'confirm', [
                    (30, 'met', "Arbeitsvertrag Ambulanter Pflegedienst "
                        "Sonnenblick, Gehaltsabrechnungen 04–06/2025"),
                    (50, 'met', "Bekenntnis und Belehrung, unterschrieben "
                        "am 04.08.2025"),
                    ]),
            (D(2025, 8, 4), 'sven', 'process', None),
            (D(2025, 9, 15), 'ines', 'grant', {
                    'decision': "Aufenthaltserlaubnis nach § 25b Abs. 1 "
                    "AufenthG im Anschluss an das Chancen-Aufenthaltsrecht "
                    "für zwei Jahre erteilt.",
                    'permit_valid_from': D(2025, 10, 1),
                    'permit_valid_until': D(2027, 9, 30),
                    }),
            ],
        },
    # Granted in 2024, converted into § 25a in time, then closed
    {
        'key': '104c-bah',
        'authority': 'abh', 'kind': '104c',
        'person': ("Mariama Bah", "Gartenweg 3", '12349'),
        'birth_date': D(2003, 9, 14),
        'german_level': 'A2',
        'origin': 'own',
        'periods': [
            ('gestattung', None, D(2017, 2, 1), D(2018, 1, 31),
                None),
            ('duldung', "§ 60a Abs. 2 AufenthG", D(2018, 2, 1), None, None),
            ],
        'steps': [
            (D(2024, 5, 13), 'sven', 'create', None),
            (D(2024, 6, 3), 'sven', 'apply', None),
            (D(2024, 9, 23), 'sven', 'confirm', [
                    (20, 'met', "Auskunft aus dem Bundeszentralregister vom "
                        "16.09.2024 ohne Eintrag"),
                    (30, 'met', "Bekenntnis und Belehrung, unterschrieben "
                        "am 23.09.2024"),
                    ]),
            (D(2024, 9, 23), 'sven', 'process', None),
            (D(2024, 10, 17), 'ines', 'grant', {
                    'decision': "Chancen-Aufenthaltsrecht nach § 104c "
                    "AufenthG für 18 Monate erteilt.",
                    'permit_valid_from': D(2024, 11, 1),
                    }),
            (D(2026, 4, 27), 'sven', 'close', None),
            ],
        },
    {
        'key': '104c_25a-bah',
        'from_': '104c-bah', 'kind': '104c_25a',
        'german_level': 'B1',
        'periods': [
            ('aufenthaltserlaubnis', "§ 104c AufenthG", D(2024, 11, 1), None,
                "Chancen-Aufenthaltsrecht bis 30.04.2026"),
            ],
        'steps': [
            (D(2026, 2, 2), 'sven', 'convert', None),
            (D(2026, 2, 16), 'sven', 'apply', None),
            (D(2026, 3, 2), 'sven', 'confirm', [
                    (20, 'met', "Berufskolleg Musterstadt: Ausbildung zur "
                        "Pflegefachassistentin seit 01.08.2023, "
                        "Zwischenzeugnis vom 30.01.2026"),
                    (30, 'met', "Aufenthaltserlaubnis nach § 104c AufenthG "
                        "seit 01.11.2024"),
                    (40, 'met', "Bekenntnis und Belehrung, unterschrieben "
                        "am 02.03.2026"),
                    ]),
            (D(2026, 3, 2), 'sven', 'process', None),
            (D(2026, 4, 20), 'ines', 'grant', {
                    'decision': "Aufenthaltserlaubnis nach § 25a Abs. 1 "
                    "AufenthG im Anschluss an das Chancen-Aufenthaltsrecht "
                    "für drei Jahre erteilt.",
                    'permit_valid_from': D(2026, 5, 1),
                    'permit_valid_until': D(2029, 4, 30),
                    }),
            ],
        },
    # Granted in 2025: the conversion deadline of 30.11.2026 has come, the
    # permit runs until 28.02.2027
    {
        'key': '104c-okafor',
        'authority': 'abh', 'kind': '104c',
        'person': ("Chinedu Okafor", "Hochstraße 112", '12345'),
        'birth_date': D(1988, 12, 5),
        'german_level': 'A2',
        'origin': 'own',
        'periods': [
            ('gestattung', None, D(2015, 8, 3), D(2016, 6, 30),
                None),
            ('duldung', "§ 60a Abs. 2 AufenthG", D(2016, 7, 1), None, None),
            ],
        'steps': [
            (D(2025, 2, 10), 'sven', 'create', None),
            (D(2025, 3, 3), 'sven', 'apply', None),
            (D(2025, 7, 21), 'sven', 'confirm', [
                    (20, 'met', "Auskunft aus dem Bundeszentralregister vom "
                        "14.07.2025 ohne Eintrag"),
                    (30, 'met', "Bekenntnis und Belehrung, unterschrieben "
                        "am 21.07.2025"),
                    ]),
            (D(2025, 7, 21), 'sven', 'process', None),
            (D(2025, 8, 14), 'ines', 'grant', {
                    'decision': "Chancen-Aufenthaltsrecht nach § 104c "
                    "AufenthG für 18 Monate erteilt.",
                    'permit_valid_from': D(2025, 9, 1),
                    }),
            ],
        },
    # --- § 10 StAG --------------------------------------------------------
    {
        'key': 'stag10-arslan',
        'authority': 'ebh', 'kind': 'stag10',
        'person': ("Elif Arslan", "Schillerstraße 9", '12345'),
        'birth_date': D(1994, 3, 17),
        'german_level': 'C1',
        'origin': 'application',
        'periods': [
            ('aufenthaltserlaubnis', "§ 16b AufenthG", D(2013, 10, 1),
                D(2018, 9, 30), "Studium"),
            ('aufenthaltserlaubnis', "§ 18b AufenthG", D(2018, 10, 1),
                D(2021, 12, 31), None),
            ('niederlassungserlaubnis', "§ 18c AufenthG", D(2022, 1, 1),
                None, None),
            ],
        'steps': [
            (D(2025, 6, 10), 'tanja', 'create', None),
            (D(2025, 6, 16), 'tanja', 'apply', None),
            (D(2025, 7, 7), 'tanja', 'confirm', [
                    (30, 'met', "Bescheinigung des BAMF über den bestandenen "
                        "Einbürgerungstest vom 12.05.2025"),
                    (40, 'met', "Arbeitsvertrag Stadtwerke Musterstadt, "
                        "Gehaltsnachweise 04–06/2025"),
                    (50, 'met', "Reisepass der Republik Türkei"),
                    (60, 'met', "Auskunft aus dem Bundeszentralregister vom "
                        "01.07.2025 ohne Eintrag"),
                    (70, 'met', "Bekenntnis- und Loyalitätserklärung, "
                        "unterschrieben am 07.07.2025"),
                    ]),
            (D(2025, 7, 7), 'tanja', 'process', None),
            (D(2025, 11, 5), 'tanja', 'grant', {
                    'decision': "Eingebürgert; die Einbürgerungsurkunde "
                    "wurde am 05.11.2025 ausgehändigt.",
                    }),
            ],
        },
    # Applied, the B1 certificate is missing (A2 proven)
    {
        'key': 'stag10-noori',
        'authority': 'ebh', 'kind': 'stag10',
        'person': ("Bashir Noori", "Parkallee 23", '12347'),
        'birth_date': D(1990, 10, 1),
        'german_level': 'A2',
        'origin': 'case_management',
        'periods': [
            ('gestattung', None, D(2016, 2, 15), D(2018, 3, 31),
                None),
            ('aufenthaltserlaubnis', "§ 25 Abs. 2 AufenthG", D(2018, 4, 1),
                D(2023, 3, 31), None),
            ('niederlassungserlaubnis', "§ 26 Abs. 3 AufenthG",
                D(2023, 4, 1), None, None),
            ],
        'steps': [
            (D(2026, 9, 21), 'tanja', 'create', None),
            (D(2026, 10, 5), 'tanja', 'apply', None),
            (D(2026, 10, 19), 'tanja', 'confirm', [
                    (30, 'met', "Bescheinigung des BAMF über den bestandenen "
                        "Einbürgerungstest vom 02.09.2026"),
                    (40, 'met', "Arbeitsvertrag Autohaus Musterstadt, "
                        "Gehaltsnachweise 07–09/2026"),
                    (50, 'met', "Reisepass der Islamischen Republik "
                        "Afghanistan, Tazkira"),
                    (70, 'met', "Bekenntnis- und Loyalitätserklärung, "
                        "unterschrieben am 19.10.2026"),
                    ]),
            ],
        },
    # Withdrawn: the applicant moves to another city
    {
        'key': 'stag10-khalil',
        'authority': 'ebh', 'kind': 'stag10',
        'person': ("Rania Khalil", "Rosenstraße 5", '12349'),
        'birth_date': D(1985, 5, 28),
        'german_level': 'B2',
        'origin': 'application',
        'periods': [
            ('aufenthaltserlaubnis', "§ 28 Abs. 1 AufenthG", D(2019, 9, 1),
                D(2022, 8, 31), None),
            ('niederlassungserlaubnis', "§ 28 Abs. 2 AufenthG",
                D(2022, 9, 1), None, None),
            ],
        'steps': [
            (D(2025, 9, 8), 'tanja', 'create', None),
            (D(2025, 9, 15), 'tanja', 'apply', None),
            (D(2025, 10, 6), 'tanja', 'confirm', [
                    (30, 'met', "Bescheinigung des BAMF über den bestandenen "
                        "Einbürgerungstest vom 18.08.2025"),
                    (50, 'met', "Reisepass der Libanesischen Republik"),
                    ]),
            (D(2026, 1, 26), 'tanja', 'withdraw', {
                    'decision': "Antrag am 26.01.2026 zurückgenommen: Umzug "
                    "nach Köln, der Antrag wird dort neu gestellt.",
                    }),
            ],
        },
    # --- § 8 StAG ---------------------------------------------------------
    # No templates for § 8: the authority keeps its own checklist
    {
        'key': 'stag8-mansour',
        'authority': 'ebh', 'kind': 'stag8',
        'person': ("Dr. Karim Mansour", "Klinikweg 2", '12347'),
        'birth_date': D(1983, 8, 9),
        'german_level': 'C1',
        'origin': 'application',
        'fee': Decimal('255.00'),
        'periods': [
            ('aufenthaltserlaubnis', "§ 18b Abs. 2 AufenthG (Blaue Karte EU)",
                D(2022, 5, 1), D(2024, 4, 30), None),
            ('niederlassungserlaubnis', "§ 18c Abs. 2 AufenthG",
                D(2024, 5, 1), None, None),
            ],
        'lines': [
            ("Öffentliches Interesse an der Einbürgerung", True),
            ("Lebensunterhalt gesichert", True),
            ("Identität geklärt", True),
            ("Keine relevante Verurteilung", True),
            ],
        'steps': [
            (D(2026, 6, 8), 'tanja', 'create', None),
            (D(2026, 6, 22), 'tanja', 'apply', None),
            (D(2026, 7, 13), 'tanja', 'confirm', [
                    (10, 'met', "Stellungnahme des Klinikums Musterstadt "
                        "vom 30.06.2026: Oberarzt der Kinderheilkunde"),
                    (20, 'met', "Arbeitsvertrag Klinikum Musterstadt"),
                    (30, 'met', "Reisepass des Königreichs Marokko"),
                    ]),
            (D(2026, 7, 13), 'tanja', 'process', None),
            ],
        },
    ]
