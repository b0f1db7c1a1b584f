# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The steering demo: the Lenkungsgruppe of Stadt Musterstadt, its local
network and its year 2026"""
import datetime as dt

D = dt.date

# The coordinator (a login of the case demo, organisation.STAFF)
COORDINATOR = 'petra'

# Logins of members of the steering group: login, first name, last name,
# organisation (of the login), role; the person is PERSONS[login]
STEERING_STAFF = [
    ('jens', "Jens", "Krüger", 'ki', 'member_jobcenter'),
    ('ayse', "Ayşe", "Yıldız", 'ki', 'member_mso'),
    ]
STEERING_ROLES = {
    'member_jobcenter': "Steering group member (Jobcenter): meetings and "
    "resolutions, read-only",
    'member_mso': "Steering group member (migrant organisation): meetings "
    "and resolutions, read-only",
    }
STEERING_GROUP = ('kim_steering', 'group_kim_steering_member')

GROUP_NAME = "Lenkungsgruppe KIM Stadt Musterstadt"
GROUP_CODE = 'LG'
# The day the coordination enters the steering group and the network
SETUP_DATE = D(2026, 1, 7)

# The local network: organisation key, network kind, legal domain (code of
# kim.legal_domain), contact person (key of PERSONS).  The keys are those of
# data/organisations.py (the companies), of the network partners of
# data/case.py (PARTNERS) or of NEW_ORGANISATIONS.
NETWORK = [
    ('ki', 'office', 'aufenthg', 'petra'),
    ('abh', 'office', 'aufenthg', 'sommer'),
    ('ebh', 'office', 'stag', None),
    ('sozialamt', 'office', 'asylblg', 'stein'),
    ('jugendamt', 'office', 'sgb8', 'brandl'),
    ('jobcenter', 'jobcenter', 'sgb2', 'wolff'),
    ('agentur', 'employment_agency', 'sgb3', 'hartwig'),
    ('car', 'welfare', 'aufenthg', 'monika'),
    ('drk', 'welfare', 'sgb8', 'kessler'),
    ('dia', 'welfare', 'sgb11', 'lindner'),
    ('awo', 'welfare', 'sgb2', 'franke'),
    ('msov', 'migrant_organisation', 'other', 'ayse'),
    ('mso', 'migrant_organisation', 'other', 'haddad'),
    ('ukr', 'migrant_organisation', 'other', None),
    ('sport', 'volunteering', 'other', None),
    ('vhs', 'education', 'aufenthg', 'nowak'),
    ('gesundheitsamt', 'health', 'sgb5', None),
    ('integrationsrat', 'other', 'other', 'aydin'),
    ]
# Organisations that are not in the case demo: key, name, street
NEW_ORGANISATIONS = [
    ('msov', "Verbund der Migrantenorganisationen Musterstadt e.V.",
        "Mühlenweg 23"),
    ('integrationsrat', "Integrationsrat der Stadt Musterstadt",
        "Rathausplatz 1"),
    ]

# Persons: key, name, organisation key, position.  The staff of the
# organisations (data/organisations.py) and the employees of the funding
# demo are found by their name.
PERSONS = [
    ('brenner', "Dr. Ursula Brenner", 'ki',
        "Beigeordnete für Soziales, Jugend und Integration"),
    ('brandt', "Markus Brandt", 'ki',
        "Leiter des Kommunalen Integrationszentrums"),
    ('petra', "Petra Lange", 'ki', "Koordination KIM"),
    ('jens', "Jens Krüger", 'jobcenter', "Geschäftsführer"),
    ('wolff', "Nadine Wolff", 'jobcenter', "Bereichsleiterin Leistungen"),
    ('albers', "Thomas Albers", 'agentur',
        "Vorsitzender der Geschäftsführung"),
    ('hartwig', "Dr. Julia Hartwig", 'agentur',
        "Vorsitzende der Geschäftsführung"),
    ('roth', "Martin Roth", 'agentur',
        "Beauftragter für Chancengleichheit am Arbeitsmarkt"),
    ('lorenz', "Birgit Lorenz", 'abh', "Leiterin der Ausländerbehörde"),
    ('sommer', "Ines Sommer", 'abh', "Sachgebietsleiterin Aufenthalt"),
    ('stein', "Rüdiger Stein", 'sozialamt',
        "Sachgebietsleiter Asylbewerberleistungen"),
    ('brandl', "Oliver Brandl", 'jugendamt',
        "Abteilungsleiter Kindertagesbetreuung"),
    ('brueckner', "Michael Brückner", 'car', "Vorstand"),
    ('monika', "Monika Schäfer", 'car',
        "Teamleitung Kommunales Integrationsmanagement"),
    ('maria', "Maria Kowalski", 'car', "Case Managerin"),
    ('hesse', "Karin Hesse", 'drk', "Kreisgeschäftsführerin"),
    ('kessler', "Andreas Keßler", 'drk', "stellv. Kreisgeschäftsführer"),
    ('fatma', "Fatma Demir", 'drk', "Case Managerin"),
    ('lindner', "Johannes Lindner", 'dia', "Geschäftsführer"),
    ('franke', "Gabriele Franke", 'awo', "Geschäftsführerin"),
    ('ayse', "Ayşe Yıldız", 'msov', "Vorsitzende"),
    ('haddad', "Samir Haddad", 'mso', "Vorsitzender"),
    ('aydin', "Mehmet Aydın", 'integrationsrat',
        "Vorsitzender des Integrationsrats"),
    ('nowak', "Sandra Nowak", 'vhs',
        "Fachbereichsleiterin Integrationskurse"),
    ]

# Members: person key, role, start, end, login
MEMBERS = [
    ('brenner', 'chair', D(2025, 1, 1), None, None),
    ('brandt', 'deputy_chair', D(2025, 1, 1), None, None),
    ('jens', 'member', D(2025, 1, 1), None, 'jens'),
    ('albers', 'member', D(2025, 1, 1), None, None),
    ('lorenz', 'member', D(2025, 1, 1), None, None),
    ('brueckner', 'member', D(2025, 1, 1), None, None),
    ('hesse', 'member', D(2025, 1, 1), None, None),
    ('ayse', 'member', D(2025, 4, 1), None, 'ayse'),
    ('aydin', 'guest', D(2025, 1, 1), None, None),
    ]
# The change of the Agentur für Arbeit: date, member who leaves, last day,
# the successor (person key, role, first day)
MEMBER_CHANGE = (D(2026, 6, 22), 'albers', D(2026, 6, 30),
    ('hartwig', 'member', D(2026, 7, 1)))

# Cooperation agreements: key, subject, date of signature, valid from,
# valid until, partners (organisation keys), content; recorded on the day
# given first
AGREEMENTS = [
    ('kim', SETUP_DATE + dt.timedelta(days=7),
        "Kooperationsvereinbarung Kommunales Integrationsmanagement "
        "Musterstadt",
        D(2025, 3, 20), D(2025, 4, 1), None,
        ['ki', 'jobcenter', 'agentur', 'abh', 'car', 'drk', 'dia', 'awo'],
        "Die Partner arbeiten im rechtskreisübergreifenden Case Management "
        "nach dem Handlungskonzept KIM zusammen: feste Ansprechpersonen, "
        "Fallkonferenzen mit Einwilligung der Betroffenen, gemeinsame "
        "Meldung struktureller Hürden an die Lenkungsgruppe."),
    ('transition', D(2026, 11, 2),
        "Verfahrensabsprache Rechtskreiswechsel AsylbLG – SGB II",
        D(2026, 11, 2), D(2026, 11, 15), D(2028, 11, 14),
        ['ki', 'jobcenter', 'sozialamt', 'abh'],
        "Das Sozialamt meldet dem Jobcenter jede Anerkennung innerhalb von "
        "drei Arbeitstagen mit dem gemeinsamen Übergabebogen; das Jobcenter "
        "bewilligt vorläufig, bis alle Unterlagen vorliegen. Die "
        "Ausländerbehörde stellt den Aufenthaltstitel oder eine "
        "Fiktionsbescheinigung binnen zwei Wochen aus. Umsetzung von "
        "Beschluss LG 2026/04."),
    ]

# Generative themes: key, name, field of action, description, priority,
# meeting that set it
THEMES = [
    ('transition', "Übergänge zwischen den Rechtskreisen", 'income',
        "Beim Wechsel vom Asylbewerberleistungsgesetz ins SGB II, bei "
        "Titelverlängerungen und bei Zuständigkeitswechseln entstehen "
        "Leistungslücken, weil Informationen zwischen den Behörden nicht "
        "fließen.", '1', 'm1'),
    ('parents', "Sprachkurse für Eltern", 'language',
        "Eltern kleiner Kinder, vor allem Mütter, beginnen "
        "Integrationskurse nicht oder brechen sie ab, weil Kurszeiten und "
        "Kinderbetreuung nicht zusammenpassen.", '2', 'm1'),
    ]
THEMES_DATE = D(2026, 1, 9)

# Meetings: key, title, day, from, to, place, planned on, invited on,
# agenda items (key, topic, presenter, theme, description)
PLACE = "Rathaus Musterstadt, Sitzungssaal 2.14"
MEETINGS = [
    ('m1', "1. Sitzung 2026", D(2026, 2, 3), (14, 0), (16, 30), PLACE,
        D(2026, 1, 12), D(2026, 1, 13), [
            ('welcome', "Begrüßung und Genehmigung der Tagesordnung",
                'brenner', None, None),
            ('report', "Bericht der Koordination: KIM 2025 in Zahlen",
                'petra', None,
                "Fallzahlen des Case Managements, gemeldete strukturelle "
                "Hürden, Stand der Förderung."),
            ('themes', "Generative Themen: Prioritäten 2026", 'brandt',
                'transition',
                "Die Koordination schlägt zwei Themen aus den gemeldeten "
                "Hürden vor."),
            ('reconstruction', "Ergebnisse der Fallrekonstruktion "
                "„Rechtskreiswechsel nach der Anerkennung“", 'monika',
                'transition', None),
            ('mandate', "Einsetzung einer Projektgruppe Rechtskreiswechsel",
                'brandt', 'transition', None),
            ('abh', "Terminvergabe in der Ausländerbehörde", 'lorenz', None,
                None),
            ('misc', "Verschiedenes", 'brenner', None, None),
            ]),
    ('m2', "2. Sitzung 2026", D(2026, 5, 5), (14, 0), (16, 0), PLACE,
        D(2026, 4, 7), D(2026, 4, 22), [
            ('welcome', "Begrüßung, Genehmigung der Niederschrift vom "
                "03.02.2026", 'brenner', None, None),
            # the proposal of the project group comes in here (sequence 20)
            ('jobcenter', "Feste Ansprechperson im Jobcenter", 'jens', None,
                None),
            ('health', "Sprachmittlung im Gesundheitswesen", 'lindner', None,
                None),
            ('msov', "Antrag des Verbunds der Migrantenorganisationen",
                'ayse', None, None),
            ('misc', "Verschiedenes", 'brenner', None, None),
            ]),
    ('m3', "3. Sitzung 2026", D(2026, 9, 8), (14, 0), (16, 30), PLACE,
        D(2026, 8, 11), D(2026, 8, 18), [
            ('welcome', "Begrüßung, Genehmigung der Niederschrift vom "
                "05.05.2026", 'brenner', None, None),
            ('project', "Abschlussbericht der Projektgruppe "
                "Rechtskreiswechsel", 'wolff', 'transition', None),
            ('parents', "Generatives Thema „Sprachkurse für Eltern“: "
                "Ergebnisse der Fallrekonstruktion beim DRK", 'kessler',
                'parents', None),
            ('status', "Sachstand der Beschlüsse", 'petra', None, None),
            ('day', "Fachtag Fallrekonstruktion im November", 'brandt', None,
                None),
            ('misc', "Verschiedenes", 'brenner', None, None),
            ]),
    ('m4', "4. Sitzung 2026", D(2026, 12, 1), (14, 0), (16, 30), PLACE,
        D(2026, 11, 3), D(2026, 11, 10), [
            ('welcome', "Begrüßung, Genehmigung der Niederschrift vom "
                "08.09.2026", 'brenner', None, None),
            ('status', "Sachstand der Beschlüsse 2026", 'petra', None, None),
            ('programme', "Arbeitsprogramm 2027", 'brandt', None, None),
            ('digital', "Digitale Antragswege", 'franke', None, None),
            ('misc', "Verschiedenes und Termine 2027", 'brenner', None,
                None),
            ]),
    ]
# The sequence of the agenda item that a proposal adds
PROPOSAL_ITEM_SEQUENCE = 15

# Attendance when the meeting is held: person key -> (status, represented
# by); the members not listed are present
ATTENDANCE = {
    'm1': {
        'hesse': ('represented', 'kessler'),
        'aydin': ('excused', None),
        },
    'm2': {
        'albers': ('represented', 'roth'),
        'brueckner': ('excused', None),
        },
    'm3': {
        'lorenz': ('represented', 'sommer'),
        'aydin': ('absent', None),
        },
    'm4': {
        'jens': ('represented', 'wolff'),
        'hesse': ('excused', None),
        },
    }

# Notes on agenda items and minutes, written after the meeting; the minutes
# of the meetings are approved in the next one (m4 is not yet approved)
NOTES = {
    'm1': {
        'welcome': "Die Vorsitzende begrüßt die Mitglieder. Die "
        "Tagesordnung wird ohne Änderungen genehmigt.",
        'report': "Frau Lange stellt die Zahlen 2025 vor: 310 Fälle im "
        "Case Management, 13 strukturelle Hürden gemeldet. Die Mitglieder "
        "danken für die Übersicht.",
        'themes': "Die Lenkungsgruppe legt die Prioritäten fest: "
        "„Übergänge zwischen den Rechtskreisen“ (hoch), „Sprachkurse für "
        "Eltern“ (mittel).",
        'reconstruction': "Frau Schäfer (Caritas) berichtet aus der "
        "Fallrekonstruktion: sechs Wochen ohne Leistungen nach der "
        "Anerkennung, weil die Akte das Jobcenter nicht erreichte.",
        'mandate': "Die Projektgruppe wird eingesetzt, Leitung Frau Wolff "
        "(Jobcenter).",
        'abh': "Frau Lorenz schildert die Personalsituation; die "
        "Empfehlung wird angenommen.",
        'misc': "Nächste Sitzung am 05.05.2026.",
        },
    'm2': {
        'welcome': "Die Niederschrift vom 03.02.2026 wird genehmigt.",
        'proposal': "Frau Wolff stellt den Vorschlag der Projektgruppe vor; "
        "Jobcenter und Sozialamt sagen die Umsetzung zu.",
        'jobcenter': "Herr Krüger sagt eine feste Ansprechperson bis Ende "
        "September zu.",
        'health': "Die Diakonie schildert abgewiesene Behandlungen. Die "
        "Prüfung einer Finanzierung aus Mitteln des KIM wird beschlossen.",
        'msov': "Eine eigene Beratungsstelle ist aus den Mitteln des KIM "
        "nicht förderfähig; der Antrag wird abgelehnt. Der Verbund wird "
        "bei der Fallrekonstruktion beteiligt.",
        'misc': "Nächste Sitzung am 08.09.2026.",
        },
    'm3': {
        'welcome': "Die Niederschrift vom 05.05.2026 wird genehmigt. Frau "
        "Dr. Hartwig wird als neues Mitglied für die Agentur für Arbeit "
        "begrüßt.",
        'project': "Die Projektgruppe hat ihren Auftrag erfüllt und wird "
        "aufgelöst; die Verfahrensabsprache wird im Herbst unterzeichnet.",
        'parents': "Herr Keßler berichtet aus der Fallrekonstruktion beim "
        "DRK. Die Lenkungsgruppe empfiehlt Integrationskurse mit "
        "Kinderbetreuung.",
        'status': "Der Beschluss LG 2026/06 wird zurückgezogen: das "
        "Landesprogramm Sprachmittlung übernimmt die Kosten ab Oktober.",
        'day': "Der Fachtag findet am 12.11.2026 im Rathaus statt.",
        'misc': "Nächste Sitzung am 01.12.2026.",
        },
    'm4': {
        'welcome': "Die Niederschrift vom 08.09.2026 wird genehmigt.",
        'status': "Frau Lange berichtet: acht von zehn Beschlüssen "
        "umgesetzt oder in Arbeit; die Ansprechperson im Jobcenter "
        "(LG 2026/05) ist noch nicht benannt.",
        'programme': "Das Arbeitsprogramm 2027 wird beschlossen.",
        'digital': "Die AWO stellt die Hürde digitaler Antragswege vor; "
        "eine Arbeitsgruppe wird eingesetzt.",
        'misc': "Termine 2027: 02.02., 04.05., 07.09., 30.11.2027.",
        },
    }
MINUTES = {
    'm1': "Niederschrift der 1. Sitzung 2026 der Lenkungsgruppe KIM\n\n"
    "Die Lenkungsgruppe hat die generativen Themen 2026 priorisiert, die "
    "Projektgruppe Rechtskreiswechsel eingesetzt (LG 2026/01), das "
    "Arbeitsprogramm 2026 beschlossen (LG 2026/02) und der "
    "Ausländerbehörde eine geänderte Terminvergabe empfohlen "
    "(LG 2026/03).",
    'm2': "Niederschrift der 2. Sitzung 2026 der Lenkungsgruppe KIM\n\n"
    "Die Lenkungsgruppe hat die Verfahrensabsprache zum Rechtskreiswechsel "
    "auf Vorschlag der Projektgruppe beschlossen (LG 2026/04), dem "
    "Jobcenter eine feste Ansprechperson empfohlen (LG 2026/05) und die "
    "Prüfung der Finanzierung von Sprachmittlung beschlossen (LG 2026/06). "
    "Der Antrag des Verbunds der Migrantenorganisationen wurde abgelehnt.",
    'm3': "Niederschrift der 3. Sitzung 2026 der Lenkungsgruppe KIM\n\n"
    "Die Projektgruppe Rechtskreiswechsel hat ihren Abschlussbericht "
    "vorgelegt (LG 2026/01 umgesetzt). Die Lenkungsgruppe empfiehlt "
    "Integrationskurse mit Kinderbetreuung (LG 2026/07) und richtet den "
    "Fachtag Fallrekonstruktion aus (LG 2026/08). LG 2026/06 wurde "
    "zurückgezogen.",
    'm4': "Entwurf der Niederschrift der 4. Sitzung 2026 der "
    "Lenkungsgruppe KIM\n\n"
    "Die Lenkungsgruppe hat das Arbeitsprogramm 2027 beschlossen "
    "(LG 2026/09) und eine Arbeitsgruppe Digitale Antragswege eingesetzt "
    "(LG 2026/10). Die Niederschrift wird in der ersten Sitzung 2027 "
    "genehmigt.",
    }
# Minutes written on the day after the meeting (the last one) or on the
# day of the meeting
MINUTES_DAY_AFTER = {'m4'}

# Resolutions: key, meeting, agenda item, kind, title, text, responsible
# organisation, person and login, due date, decision ('adopt' or
# 'reject'); proposed with the meeting when it is planned
RESOLUTIONS = [
    ('mandate', 'm1', 'mandate', 'mandate',
        "Projektgruppe Rechtskreiswechsel ohne Leistungslücke",
        "Die Lenkungsgruppe setzt eine Projektgruppe aus Jobcenter, "
        "Sozialamt, Ausländerbehörde und Trägern ein. Sie schlägt bis zur "
        "Sitzung im Mai ein Verfahren vor, mit dem Geflüchtete nach der "
        "Anerkennung ohne Leistungslücke ins SGB II wechseln.",
        'ki', 'petra', 'petra', D(2026, 9, 30), 'adopt'),
    ('programme', 'm1', 'themes', 'decision',
        "Arbeitsprogramm 2026 der Lenkungsgruppe",
        "Die Lenkungsgruppe beschließt das Arbeitsprogramm 2026 mit den "
        "generativen Themen „Übergänge zwischen den Rechtskreisen“ und "
        "„Sprachkurse für Eltern“.",
        'ki', 'brandt', 'petra', D(2026, 3, 31), 'adopt'),
    ('abh', 'm1', 'abh', 'recommendation',
        "Terminvergabe für Titelverlängerungen",
        "Die Lenkungsgruppe empfiehlt der Ausländerbehörde, Termine zur "
        "Verlängerung von Aufenthaltstiteln zwölf Wochen vor Ablauf von "
        "sich aus anzubieten und Fiktionsbescheinigungen per Post zu "
        "versenden.",
        'abh', 'lorenz', 'petra', D(2026, 12, 31), 'adopt'),
    ('transition', 'm2', None, 'decision', None, None,
        'jobcenter', 'jens', 'petra', D(2026, 11, 30), 'adopt'),
    ('contact', 'm2', 'jobcenter', 'recommendation',
        "Feste Ansprechperson für das Case Management im Jobcenter",
        "Die Lenkungsgruppe empfiehlt dem Jobcenter, für die Case "
        "Managerinnen und Case Manager des KIM eine feste Ansprechperson "
        "im Leistungsbereich zu benennen.",
        'jobcenter', 'jens', 'jens', D(2026, 9, 30), 'adopt'),
    ('health', 'm2', 'health', 'decision',
        "Finanzierung von Sprachmittlung im Gesundheitswesen prüfen",
        "Die Koordination prüft, ob Sprachmittlung bei Arztbesuchen von "
        "Klientinnen und Klienten des Case Managements aus Mitteln des KIM "
        "finanziert werden kann, und berichtet in der nächsten Sitzung.",
        'ki', 'petra', 'petra', D(2026, 9, 8), 'adopt'),
    ('msov', 'm2', 'msov', 'decision',
        "Eigene Beratungsstelle des Verbunds der Migrantenorganisationen",
        "Der Verbund der Migrantenorganisationen beantragt, eine eigene "
        "Beratungsstelle aus Mitteln des KIM zu finanzieren.",
        'msov', 'ayse', None, None, 'reject'),
    ('childcare', 'm3', 'parents', 'recommendation',
        "Integrationskurse mit Kinderbetreuung",
        "Die Lenkungsgruppe empfiehlt der Volkshochschule und dem "
        "Jugendamt, ab dem Frühjahr 2027 an drei Kursorten "
        "Integrationskurse mit Kinderbetreuung anzubieten.",
        'vhs', 'nowak', 'petra', D(2027, 3, 31), 'adopt'),
    ('day', 'm3', 'day', 'decision',
        "Fachtag Fallrekonstruktion",
        "Die Lenkungsgruppe richtet im November 2026 einen Fachtag zur "
        "Methode der Fallrekonstruktion für Fachkräfte aller Rechtskreise "
        "aus.",
        'ki', 'brandt', 'petra', D(2026, 11, 30), 'adopt'),
    ('programme2027', 'm4', 'programme', 'decision',
        "Arbeitsprogramm 2027 der Lenkungsgruppe",
        "Die Lenkungsgruppe beschließt das Arbeitsprogramm 2027 mit dem "
        "neuen Schwerpunkt digitale Teilhabe.",
        'ki', 'brandt', 'petra', D(2027, 3, 31), 'adopt'),
    ('digital', 'm4', 'digital', 'mandate',
        "Arbeitsgruppe Digitale Antragswege",
        "Die Lenkungsgruppe setzt eine Arbeitsgruppe ein, die "
        "Unterstützungsangebote für digitale Anträge (Bürgergeld, "
        "Kindergeld) in den Stadtteilen bis Juni 2027 aufbaut.",
        'awo', 'franke', 'petra', D(2027, 6, 30), 'adopt'),
    ]
# What happens to the resolutions after the meeting: date, resolution,
# action ('start', 'implement', 'withdraw' or 'follow_up' with its text)
RESOLUTION_STEPS = [
    (D(2026, 2, 10), 'mandate', 'start', None),
    (D(2026, 2, 20), 'programme', 'follow_up',
        "Arbeitsprogramm an alle Mitglieder und die Träger versandt."),
    (D(2026, 2, 27), 'programme', 'implement', None),
    (D(2026, 3, 24), 'abh', 'start', None),
    (D(2026, 3, 24), 'abh', 'follow_up',
        "Die Ausländerbehörde stellt die Fiktionsbescheinigungen seit März "
        "per Post zu."),
    (D(2026, 4, 14), 'mandate', 'follow_up',
        "Zwei Sitzungen der Projektgruppe; Vorschlag für die Sitzung am "
        "05.05.2026 eingereicht."),
    (D(2026, 5, 12), 'transition', 'start', None),
    (D(2026, 5, 12), 'contact', 'start', None),
    (D(2026, 6, 15), 'health', 'follow_up',
        "Anfrage beim Land gestellt: ein Landesprogramm zur Sprachmittlung "
        "ist angekündigt."),
    (D(2026, 8, 31), 'abh', 'follow_up',
        "Die proaktive Terminvergabe läuft für 60 % der Titel; vollständig "
        "ab Januar 2027 nach der Neubesetzung von zwei Stellen."),
    (D(2026, 8, 31), 'contact', 'follow_up',
        "Das Jobcenter sucht die Ansprechperson intern; die Benennung "
        "verzögert sich wegen einer Umorganisation."),
    (D(2026, 9, 1), 'transition', 'follow_up',
        "Übergabebogen zwischen Sozialamt und Jobcenter abgestimmt; "
        "Unterzeichnung der Verfahrensabsprache im November geplant."),
    (D(2026, 9, 8), 'mandate', 'implement', None),
    (D(2026, 9, 8), 'health', 'follow_up',
        "Das Landesprogramm Sprachmittlung übernimmt die Kosten ab Oktober "
        "2026; eine Finanzierung aus Mitteln des KIM ist nicht mehr "
        "nötig."),
    (D(2026, 9, 8), 'health', 'withdraw', None),
    (D(2026, 10, 1), 'childcare', 'start', None),
    (D(2026, 10, 1), 'day', 'start', None),
    (D(2026, 10, 20), 'childcare', 'follow_up',
        "VHS und Jugendamt haben drei Kursorte mit Räumen für die "
        "Kinderbetreuung gefunden."),
    (D(2026, 11, 2), 'transition', 'follow_up',
        "Verfahrensabsprache von Jobcenter, Sozialamt und Ausländerbehörde "
        "unterzeichnet; gilt ab 15.11.2026."),
    (D(2026, 11, 12), 'day', 'follow_up',
        "Fachtag mit 85 Teilnehmenden aus allen Rechtskreisen im Rathaus "
        "durchgeführt."),
    (D(2026, 11, 13), 'day', 'implement', None),
    (D(2026, 11, 16), 'transition', 'implement', None),
    (D(2026, 11, 17), 'contact', 'follow_up',
        "Erinnerung an das Jobcenter; Benennung für Dezember zugesagt."),
    ]
# Generative themes and their resolutions
THEME_RESOLUTIONS = {
    'transition': ['mandate', 'transition'],
    'parents': ['childcare'],
    }

# The project group mandated by the resolution 'mandate', set up by the
# coordination
PROJECT_GROUP = {
    'date': D(2026, 2, 10),
    'name': "Projektgruppe Rechtskreiswechsel ohne Leistungslücke",
    'kind': 'project',
    'mandate': 'mandate',
    'theme': 'transition',
    'lead': 'wolff',
    'start_date': D(2026, 2, 10),
    'end_date': D(2026, 9, 30),
    'members': ['wolff', 'stein', 'sommer', 'monika', 'fatma', 'petra'],
    'results': "Übergabebogen zwischen Sozialamt und Jobcenter, vorläufige "
    "Bewilligung durch das Jobcenter bis zur Vollständigkeit der "
    "Unterlagen, Fiktionsbescheinigung binnen zwei Wochen. Die "
    "Verfahrensabsprache wurde von der Lenkungsgruppe am 05.05.2026 "
    "beschlossen (LG 2026/04).",
    'close': D(2026, 9, 8),
    }
WORKING_GROUP_MEETINGS = [
    (D(2026, 3, 10), "Auftakt: Schnittstellen beim Rechtskreiswechsel",
        "Ablauf vom Bescheid des BAMF bis zur ersten Zahlung des Jobcenters "
        "an drei anonymisierten Fällen nachgezeichnet; Lücke zwischen der "
        "Einstellung des AsylbLG und dem Antrag im Jobcenter."),
    (D(2026, 4, 14), "Übergabebogen und vorläufige Leistungen",
        "Entwurf des Übergabebogens abgestimmt; das Jobcenter prüft die "
        "vorläufige Bewilligung nach § 41a SGB II. Vorschlag an die "
        "Lenkungsgruppe formuliert."),
    ]
# The proposal of the project group: created and submitted, scheduled into
# the meeting
PROPOSAL = {
    'date': D(2026, 4, 16),
    'schedule': D(2026, 4, 21),
    'meeting': 'm2',
    'kind': 'decision',
    'name': "Verfahrensabsprache zum Rechtskreiswechsel AsylbLG – SGB II",
    'text': "Sozialamt, Jobcenter und Ausländerbehörde schließen eine "
    "Verfahrensabsprache: Meldung der Anerkennung mit einem gemeinsamen "
    "Übergabebogen binnen drei Arbeitstagen, vorläufige Bewilligung durch "
    "das Jobcenter, Fiktionsbescheinigung binnen zwei Wochen.",
    'resolution': 'transition',
    }

# Case reconstructions: key, organisation, day, title, anonymised
# summary, participants (person key, function), findings (title,
# description, field of action, legal domain, theme)
RECONSTRUCTIONS = [
    ('transition', 'car', D(2026, 1, 27),
        "Fallrekonstruktion: Rechtskreiswechsel nach der Anerkennung",
        "Eine alleinerziehende Frau mit zwei Kindern, 2023 eingereist, wird "
        "als Flüchtling anerkannt. Das Sozialamt stellt die Leistungen nach "
        "dem AsylbLG zum Monatsende ein; der Antrag im Jobcenter bleibt "
        "ohne Aufenthaltstitel unbearbeitet, der Termin in der "
        "Ausländerbehörde liegt acht Wochen später. Die Familie lebt sechs "
        "Wochen von Spenden, die Miete bleibt offen.",
        [('monika', "Moderation, Teamleitung Caritas"),
            ('maria', "Case Managerin der Familie"),
            ('wolff', "Jobcenter, Leistungsbereich"),
            ('stein', "Sozialamt, Asylbewerberleistungen"),
            ('sommer', "Ausländerbehörde"),
            ('petra', "Koordination KIM")],
        [("Leistungslücke nach der Anerkennung",
            "Zwischen der Einstellung der Leistungen nach dem AsylbLG und "
            "der ersten Zahlung des Jobcenters vergehen sechs Wochen.",
            'income', 'sgb2', 'transition'),
            ("Keine Übergabe zwischen Sozialamt und Jobcenter",
            "Das Sozialamt informiert das Jobcenter nicht über die "
            "Anerkennung; die Unterlagen werden doppelt angefordert.",
            'income', 'asylblg', 'transition'),
            ("Krankenversicherung in der Übergangszeit ungeklärt",
            "Bis zur Anmeldung bei einer Krankenkasse ist unklar, wer "
            "Behandlungskosten übernimmt.",
            'health_family', 'sgb5', None)]),
    ('parents', 'drk', D(2026, 6, 23),
        "Fallrekonstruktion: Integrationskurs und Kinderbetreuung",
        "Eine Mutter von drei Kindern, seit 2022 in Musterstadt, ist zum "
        "Integrationskurs verpflichtet. Der Kurs beginnt um 8:00 Uhr, die "
        "Kita öffnet um 8:00 Uhr und liegt am anderen Ende der Stadt; das "
        "jüngste Kind hat keinen Kita-Platz. Nach drei Monaten bricht sie "
        "den Kurs ab, das Jobcenter kündigt eine Minderung an.",
        [('kessler', "Moderation, DRK"),
            ('fatma', "Case Managerin der Familie"),
            ('nowak', "Volkshochschule, Integrationskurse"),
            ('brandl', "Jugendamt, Kindertagesbetreuung"),
            ('ayse', "Verbund der Migrantenorganisationen"),
            ('petra', "Koordination KIM")],
        [("Kurszeiten passen nicht zu den Öffnungszeiten der Kitas",
            "Integrationskurse beginnen vor oder mit der Öffnung der Kitas; "
            "Kurse am Nachmittag gibt es nicht.",
            'language', 'aufenthg', 'parents'),
            ("Kein Kita-Platz für Kinder von Kursteilnehmerinnen",
            "Der Kursbesuch begründet keinen Vorrang bei der Vergabe von "
            "Kita-Plätzen.",
            'education', 'sgb8', 'parents')]),
    ]
# With kim_case: the coordination reports the findings of this
# reconstruction as barriers two days later
RECONSTRUCTION_BARRIERS = ('transition', D(2026, 1, 29))
# With kim_case: the case manager links the real case to this
# reconstruction the day after
RECONSTRUCTION_CASE = ('transition', 'maria')

# With kim_case: how the coordination takes up the barriers reported in
# the cases (by their title, data/case.py), and those reported from the
# reconstruction: assessment, theme, working group (True: the project
# group), resolutions, the day they are assigned (None: not assigned) and
# the final step ('resolve' or 'close') with its day
BARRIER_ASSESSMENT_START = THEMES_DATE
BARRIER_DEFAULT_ASSESSMENT = (
    "Von der Koordination gesichtet; wird im Arbeitsprogramm 2027 "
    "aufgegriffen.")
BARRIER_PLAN = {
    "Leistungslücken beim Rechtskreiswechsel AsylbLG – SGB II": (
        "Von mehreren Trägern bestätigt, durch die Fallrekonstruktion "
        "belegt. Schnittstelle Sozialamt – Jobcenter.",
        'transition', True, ['transition'], D(2026, 2, 10),
        ('resolve', D(2026, 11, 16))),
    "Keine Kinderbetreuung während der Integrationskurse": (
        "Betrifft vor allem Mütter; kein Kursträger bietet "
        "Kinderbetreuung an.",
        'parents', False, ['childcare'], D(2026, 9, 10), None),
    "Wartezeiten auf Termine bei der Ausländerbehörde": (
        "Personalengpass der Ausländerbehörde; Empfehlung der "
        "Lenkungsgruppe.",
        None, False, ['abh'], D(2026, 2, 10), None),
    "Sprachmittlung im Gesundheitswesen nicht finanziert": (
        "Wird durch das Landesprogramm Sprachmittlung ab Oktober 2026 "
        "gelöst.",
        None, False, [], None, ('resolve', D(2026, 10, 5))),
    "Haustürgeschäfte mit Handy- und Energieverträgen": (
        "Keine strukturelle Hürde der Verwaltung; an die "
        "Verbraucherzentrale zur Prävention abgegeben.",
        None, False, [], None, ('close', D(2026, 3, 2))),
    "Digitale Antragswege ohne Unterstützung": (
        "Thema des Arbeitsprogramms 2027.",
        None, False, ['digital'], D(2026, 12, 2), None),
    # reported from the reconstruction at Caritas
    "Leistungslücke nach der Anerkennung": (
        "Durch die Fallrekonstruktion belegt; Schnittstelle Sozialamt – "
        "Jobcenter, Auftrag der Projektgruppe.",
        'transition', True, ['transition'], D(2026, 2, 10),
        ('resolve', D(2026, 11, 16))),
    "Keine Übergabe zwischen Sozialamt und Jobcenter": (
        "Gleiche Ursache wie die Leistungslücke; Auftrag der "
        "Projektgruppe.",
        'transition', True, ['transition'], D(2026, 2, 10),
        ('resolve', D(2026, 11, 16))),
    "Krankenversicherung in der Übergangszeit ungeklärt": (
        "An das Gesundheitsamt und die Krankenkassen herangetragen; wird "
        "im Arbeitsprogramm 2027 aufgegriffen.",
        None, False, [], None, None),
    }
# With kim_case: the barrier discussed under an agenda item, linked with
# the minutes if it has been reported by then: meeting, item, barrier title
MEETING_BARRIERS = [
    ('m1', 'reconstruction', "Leistungslücke nach der Anerkennung"),
    ('m3', 'parents', "Keine Kinderbetreuung während der Integrationskurse"),
    ('m4', 'digital', "Digitale Antragswege ohne Unterstützung"),
    ]
