# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The case demo: its roles, network partners, stories and barriers"""

ROLES = {
    'coordination': "Coordination: steering, statistics and barriers, no "
    "case files; funding read-only",
    'lead': "Team lead: all cases of the organisation, a few own",
    'manager': "Case manager: own cases (and those as deputy)",
    }
ROLE_GROUPS = {
    'coordination': ('kim', 'group_kim_coordination'),
    'lead': ('kim_case', 'group_kim_team_lead'),
    'manager': ('kim_case', 'group_kim_case_manager'),
    }

# Network partners: key, name, category, legal domain, fields of action,
# street
PARTNERS = [
    ('jobcenter', "Jobcenter Musterstadt", 'work', 'sgb2',
        ['work', 'income'], "Bahnhofstraße 40"),
    ('agentur', "Agentur für Arbeit Musterstadt", 'work', 'sgb3',
        ['work', 'language'], "Bahnhofstraße 42"),
    ('abh', "Ausländerbehörde der Stadt Musterstadt", 'authority',
        'aufenthg', ['residence'], "Rathausplatz 1"),
    ('ebh', "Einbürgerungsbehörde der Stadt Musterstadt", 'authority',
        'stag', ['residence'], "Rathausplatz 1"),
    ('jugendamt', "Jugendamt der Stadt Musterstadt", 'authority', 'sgb8',
        ['health_family', 'education'], "Schillerstraße 20"),
    ('sozialamt', "Sozialamt der Stadt Musterstadt", 'authority', 'sgb12',
        ['income', 'housing'], "Schillerstraße 22"),
    ('wohnen', "Fachstelle Wohnen der Stadt Musterstadt", 'authority',
        'sgb12', ['housing'], "Schillerstraße 22"),
    ('schulamt', "Schulamt für die Stadt Musterstadt", 'authority',
        'school', ['education'], "Goethestraße 7"),
    ('gesundheitsamt', "Gesundheitsamt Musterstadt", 'health', 'sgb5',
        ['health_family'], "Friedrich-Ebert-Straße 15"),
    ('psz', "Psychosoziales Zentrum für Geflüchtete Musterstadt", 'health',
        'sgb5', ['health_family'], "Lindenweg 9"),
    ('pflege', "Pflegestützpunkt Musterstadt", 'health', 'sgb11',
        ['care'], "Friedrich-Ebert-Straße 17"),
    ('mbe', "Migrationsberatung für Erwachsene (MBE) Musterstadt",
        'counselling', 'aufenthg', ['orientation', 'residence', 'language'],
        "Kolpingstraße 12"),
    ('jmd', "Jugendmigrationsdienst Musterstadt", 'counselling', 'sgb8',
        ['orientation', 'education', 'work'], "Gartenstraße 28"),
    ('vhs', "Volkshochschule Musterstadt – Integrationskurse", 'education',
        'aufenthg', ['language'], "Am Markt 4"),
    ('iq', "IQ Anerkennungs- und Qualifizierungsberatung Musterstadt",
        'counselling', 'other', ['work'], "Industriestraße 3"),
    ('schuldner', "Schuldner- und Insolvenzberatung Musterstadt",
        'counselling', 'other', ['income', 'consumer'], "Wilhelmstraße 11"),
    ('verbraucher', "Verbraucherzentrale NRW, Beratungsstelle Musterstadt",
        'counselling', 'other', ['consumer'], "Wilhelmstraße 13"),
    ('familienkasse', "Familienkasse NRW West", 'authority', 'other',
        ['income'], "Postfach 10 11 12"),
    ('mso', "Deutsch-Arabischer Kulturverein Musterstadt e.V.", 'mso',
        'other', ['participation'], "Mühlenweg 21"),
    ('ukr', "Ukrainischer Verein Musterstadt e.V.", 'mso', 'other',
        ['participation'], "Rosenstraße 6"),
    ('sport', "SV Musterstadt 1912 e.V. – Integration durch Sport", 'mso',
        'other', ['participation'], "Am Stadtpark 1"),
    ('hwk', "Bildungszentrum des Handwerks Musterstadt", 'education',
        'sgb3', ['work'], "Zechenstraße 50"),
    ('schule', "Städtische Gesamtschule Musterstadt-Nord", 'education',
        'school', ['education'], "Nordring 60"),
    ]
PARTNER_ROOT_CATEGORY = "Netzwerkpartner KIM"
PARTNER_CATEGORIES = {
    'authority': "Behörden und Ämter",
    'work': "Jobcenter und Arbeitsagentur",
    'health': "Gesundheit und Pflege",
    'counselling': "Beratungsdienst",
    'education': "Bildung und Schule",
    'mso': "Migrantenselbstorganisation und Verein",
    }

CASE_SEQUENCE_NAME = "Fallnummern {prefix}"

# Target group: [(field of action, weight)] of the needs
FIELD_WEIGHTS = {
    'newly_arrived': [('orientation', 6), ('language', 7), ('residence', 5),
        ('income', 5), ('housing', 4), ('work', 4), ('education', 3),
        ('health_family', 3), ('participation', 2), ('consumer', 1)],
    'complex_needs': [('residence', 5), ('work', 5), ('income', 6),
        ('housing', 5), ('health_family', 5), ('language', 3),
        ('education', 2), ('participation', 2), ('consumer', 2)],
    'young_tolerated': [('work', 8), ('residence', 7), ('language', 5),
        ('education', 4), ('income', 2), ('housing', 2)],
    'families': [('education', 6), ('health_family', 6), ('housing', 5),
        ('income', 5), ('language', 4), ('residence', 3), ('work', 3),
        ('participation', 2), ('consumer', 1)],
    'elderly_care': [('care', 8), ('health_family', 6), ('income', 4),
        ('housing', 3), ('residence', 2), ('participation', 2)],
    }

NEED_TEXTS = {
    'residence': [
        "Aufenthaltserlaubnis läuft aus; Verlängerung und Passbeschaffung "
        "sind ungeklärt.",
        "Aufenthaltsperspektive unklar; mögliche Bleiberechtsregelung "
        "(§§ 25a, 25b AufenthG) prüfen.",
        "Wunsch nach Einbürgerung; Voraussetzungen und Unterlagen "
        "sind nicht bekannt.",
        "Familiennachzug der Kinder ist beantragt, Verfahren stockt.",
        ],
    'work': [
        "Berufsabschluss aus dem Herkunftsland ist nicht anerkannt.",
        "Sucht Ausbildungsplatz; Bewerbungsunterlagen fehlen.",
        "Beschäftigungserlaubnis fehlt, Arbeitgeber hat Stelle angeboten.",
        "Langzeitarbeitslos, gesundheitliche Einschränkungen.",
        "Arbeitet im Minijob, möchte sozialversicherungspflichtige Stelle.",
        ],
    'language': [
        "Integrationskurs abgebrochen wegen fehlender Kinderbetreuung.",
        "Noch kein Zugang zum Integrationskurs; Berechtigung klären.",
        "B1 erreicht, Berufssprachkurs B2 gewünscht.",
        "Alphabetisierungskurs erforderlich.",
        ],
    'education': [
        "Kinder haben seit Monaten keinen Schulplatz.",
        "Kita-Platz für das jüngste Kind fehlt.",
        "Schulabschluss aus dem Herkunftsland soll anerkannt werden.",
        "Sohn hat Schwierigkeiten in der Schule, Kontakt zur Schule "
        "fehlt.",
        ],
    'health_family': [
        "Krankenversicherungsschutz ungeklärt.",
        "Belastung nach Fluchterfahrung, Wunsch nach psychologischer "
        "Unterstützung.",
        "Chronische Erkrankung, keine Hausarztpraxis gefunden.",
        "Konflikte in der Familie, Beratung zu Erziehungsfragen gewünscht.",
        ],
    'housing': [
        "Lebt seit über einem Jahr in der Gemeinschaftsunterkunft, sucht "
        "Wohnung.",
        "Wohnung zu klein für die Familie; Wohnberechtigungsschein fehlt.",
        "Mietrückstände, Kündigung droht.",
        ],
    'income': [
        "Leistungsantrag beim Jobcenter unvollständig.",
        "Kindergeld und Kinderzuschlag nicht beantragt.",
        "Schulden aus Handy- und Stromverträgen.",
        "Wechsel vom AsylbLG in das SGB II, Leistungslücke.",
        ],
    'participation': [
        "Wenig soziale Kontakte, Wunsch nach Anschluss an Verein oder "
        "Gemeinde.",
        "Kinder sollen an Sport- und Freizeitangeboten teilnehmen.",
        ],
    'orientation': [
        "Erst kürzlich zugezogen, kennt Behörden und Hilfesystem nicht.",
        "Anmeldung, Konto und Krankenversicherung noch nicht erledigt.",
        ],
    'care': [
        "Pflegebedürftige Mutter im Haushalt, kein Pflegegrad beantragt.",
        "Häusliche Pflege überfordert die Familie.",
        ],
    'consumer': [
        "Mehrere Handyverträge an der Haustür abgeschlossen.",
        "Hohe Nachzahlung für Strom und Heizung.",
        ],
    }

GOAL_TEXTS = {
    'residence': [
        "Antrag auf Verlängerung der Aufenthaltserlaubnis ist gestellt",
        "Nationalpass ist beschafft",
        "Antrag nach § 25b AufenthG ist vollständig eingereicht",
        "Einbürgerungsantrag ist gestellt",
        "Unterlagen für den Familiennachzug liegen vollständig vor",
        ],
    'work': [
        "Anerkennungsverfahren für den Berufsabschluss ist eingeleitet",
        "Bewerbungsunterlagen sind erstellt",
        "Ausbildung beginnt zum 1. August",
        "Beschäftigungserlaubnis liegt vor",
        "Praktikum in einem Betrieb ist vereinbart",
        ],
    'language': [
        "Teilnahme am Integrationskurs ist gesichert",
        "Anmeldung zum Berufssprachkurs B2 ist erfolgt",
        "Prüfung Deutsch-Test für Zuwanderer (B1) ist abgelegt",
        "Kinderbetreuung während des Sprachkurses ist organisiert",
        ],
    'education': [
        "Alle schulpflichtigen Kinder besuchen eine Schule",
        "Kita-Platz ist zugesagt",
        "Zeugnisbewertung ist beantragt",
        "Gespräch mit der Klassenleitung hat stattgefunden",
        ],
    'health_family': [
        "Krankenversicherung ist geklärt",
        "Anbindung an eine Hausarztpraxis",
        "Erstgespräch im Psychosozialen Zentrum hat stattgefunden",
        "Erziehungsberatung ist in Anspruch genommen",
        ],
    'housing': [
        "Wohnberechtigungsschein liegt vor",
        "Umzug aus der Gemeinschaftsunterkunft in eine eigene Wohnung",
        "Ratenzahlung für die Mietrückstände ist vereinbart",
        ],
    'income': [
        "Bürgergeld ist bewilligt",
        "Kindergeld und Kinderzuschlag sind beantragt",
        "Schuldenübersicht mit der Schuldnerberatung ist erstellt",
        "Leistungen sind ohne Unterbrechung gesichert",
        ],
    'participation': [
        "Anschluss an einen Verein ist gefunden",
        "Kinder nehmen an einem Freizeitangebot teil",
        ],
    'orientation': [
        "Anmeldung, Konto und Krankenkasse sind erledigt",
        "Klient*in kennt die zuständigen Stellen und Wege",
        ],
    'care': [
        "Pflegegrad ist beantragt",
        "Ambulanter Pflegedienst ist organisiert",
        ],
    'consumer': [
        "Verträge sind geprüft und überflüssige gekündigt",
        "Ratenplan mit dem Energieversorger ist vereinbart",
        ],
    }

SITUATIONS = [
    "Klient*in ist motiviert und gut vernetzt in der Community; "
    "die Vielzahl der Zuständigkeiten überfordert.",
    "Hohe Belastung durch ungeklärten Aufenthalt; Ressourcen: "
    "Berufserfahrung und Unterstützung durch Verwandte.",
    "Familie mit mehreren Kindern, beengte Wohnverhältnisse; "
    "Eltern sehr engagiert.",
    "Gesundheitliche Einschränkungen, bislang keine Anbindung an "
    "Regeldienste.",
    "Gute Deutschkenntnisse, aber fehlende Anerkennung der "
    "Qualifikation.",
    "Mehrere Behörden beteiligt, Informationen liegen verstreut vor; "
    "Klient*in wünscht eine koordinierende Ansprechperson.",
    "Ehrenamtliche Patin begleitet die Familie; Absprache der "
    "Zuständigkeiten nötig.",
    ]

CONTACT_NOTES = {
    'first': [
        "Erstgespräch: Anliegen geklärt, Ablauf des Case Managements und "
        "Datenschutz erläutert.",
        "Erstgespräch mit Sprachmittlung; Unterlagen gesichtet, nächste "
        "Schritte vereinbart.",
        ],
    'assessment': [
        "Bestandsaufnahme: Lebenslage, Ressourcen und Bedarfe in den "
        "Handlungsfeldern besprochen.",
        "Unterlagen zu Aufenthalt, Einkommen und Bildung gesichtet.",
        ],
    'planning': [
        "Zielvereinbarung besprochen und unterschrieben.",
        "Ziele und Zuständigkeiten gemeinsam festgelegt.",
        ],
    'monitoring': [
        "Stand der Anträge besprochen; Unterlagen nachgereicht.",
        "Begleitung zum Termin bei der Behörde.",
        "Telefonische Rücksprache zum Stand des Verfahrens.",
        "Rückmeldung der Netzwerkpartner besprochen, Ziele überprüft.",
        "Hausbesuch: Wohnsituation und Familie besprochen.",
        "Bescheid erläutert, Widerspruchsfrist notiert.",
        "Kurzes Gespräch zur Terminvorbereitung.",
        "Fallbesprechung mit dem Jobcenter (mit Einwilligung).",
        ],
    'closure': [
        "Abschlussgespräch: Zielerreichung ausgewertet, Übergang "
        "besprochen.",
        "Abschluss des Case Managements besprochen; Kontakt bei neuem "
        "Bedarf angeboten.",
        ],
    }

CONSENT_PURPOSE = ("Einwilligung in das Case Management und "
    "Schweigepflichtentbindung gegenüber den genannten Stellen")
CONSENT_EXTENSION = "Erweiterung der Schweigepflichtentbindung"
CONSENT_RENEWAL = ("Verlängerung der Einwilligung und "
    "Schweigepflichtentbindung")
CONSENT_DATA_CATEGORIES = ("Stammdaten, Aufenthaltsstatus, Angaben zu "
    "Familie, Einkommen, Bildung und Gesundheit, soweit für die "
    "Fallbearbeitung erforderlich.")
CONSENT_WITHDRAWAL_NOTE = ("Einwilligung telefonisch widerrufen; Widerruf "
    "in der Akte vermerkt.")

# The note of a goal agreed again after a return to the planning
GOAL_ADJUSTED = " (angepasst)"

REFERRAL_OUTCOME_NOTES = {
    'service_received': "Leistung wurde erbracht.",
    'accepted': "Termin vergeben, Bearbeitung läuft.",
    'rejected': "Nicht zuständig; Weiterverweisung empfohlen.",
    'broken_off': "Klient*in hat den Termin nicht wahrgenommen.",
    }

CANCEL_NOTES = [
    "Klient*in ist nach dem Erstgespräch nicht wieder erschienen.",
    "Zuständigkeit liegt beim Fallmanagement des Jobcenters; Case "
    "Management nicht erforderlich.",
    "Klient*in hat das Angebot nach Bedenkzeit abgelehnt.",
    "Doppelte Anlage: Fall wird bei einem anderen Träger geführt.",
    ]

CLOSURE_NOTES = {
    'goal_reached': "Vereinbarte Ziele weitgehend erreicht.",
    'regular_service': "Weitere Begleitung durch den Regeldienst "
    "sichergestellt.",
    'other_case_management': "Übergabe an das Fallmanagement des "
    "Jobcenters.",
    'no_need': "Kein weiterer Unterstützungsbedarf.",
    'moved_away': "Klient*in ist in eine andere Kommune verzogen.",
    'contact_broken': "Klient*in ist trotz mehrfacher Kontaktversuche "
    "nicht mehr erreichbar.",
    'other': "Sonstiger Grund, siehe Kontakte.",
    }

# Organisation, title, description, field of action, legal domain, target
# group
BARRIERS = [
    ('ki', "Wartezeiten auf Termine bei der Ausländerbehörde",
        "Termine zur Verlängerung von Aufenthaltstiteln werden erst nach "
        "vier bis sechs Monaten vergeben. Titel laufen ab, "
        "Fiktionsbescheinigungen werden nicht rechtzeitig ausgestellt; "
        "Arbeitgeber und Jobcenter stellen Leistungen oder "
        "Beschäftigung ein.",
        'residence', 'aufenthg', None),
    ('ki', "Keine Kinderbetreuung während der Integrationskurse",
        "Integrationskurse mit Kinderbetreuung gibt es in der Stadt nicht. "
        "Vor allem Mütter brechen Kurse ab oder beginnen sie nicht.",
        'language', 'aufenthg', 'families'),
    ('ki', "Leistungslücken beim Rechtskreiswechsel AsylbLG – SGB II",
        "Nach der Anerkennung vergehen regelmäßig mehrere Wochen, bis das "
        "Jobcenter leistet; das Sozialamt hat die Zahlungen bereits "
        "eingestellt.",
        'income', 'sgb2', None),
    ('ki', "Seiteneinsteiger*innen warten monatelang auf einen Schulplatz",
        "Neu zugewanderte schulpflichtige Kinder warten im Durchschnitt "
        "drei Monate auf die Zuweisung einer Schule.",
        'education', 'school', 'families'),
    ('car', "Kaum bezahlbarer Wohnraum für große Familien",
        "Für Familien ab fünf Personen gibt es praktisch keine Wohnungen "
        "innerhalb der Mietobergrenzen; der Wohnberechtigungsschein "
        "bleibt ohne Wirkung.",
        'housing', 'sgb2', 'families'),
    ('car', "Sprachmittlung im Gesundheitswesen nicht finanziert",
        "Arztpraxen und Kliniken lehnen Behandlungen ohne Sprachmittlung "
        "ab; die Kosten übernimmt niemand.",
        'health_family', 'sgb5', None),
    ('car', "Lange Verfahren bei der Anerkennung von Berufsabschlüssen",
        "Anerkennungsverfahren in Pflege- und Gesundheitsberufen dauern "
        "über ein Jahr; Übergangsbeschäftigung ist kaum möglich.",
        'work', 'other', None),
    ('drk', "Wartelisten für Berufssprachkurse B2",
        "Berufssprachkurse B2 haben Wartelisten von mehr als sechs "
        "Monaten; Stellenzusagen verfallen.",
        'language', 'sgb3', None),
    ('drk', "Uneinheitliche Erteilung von Beschäftigungserlaubnissen",
        "Junge Geduldete erhalten Beschäftigungserlaubnisse für Ausbildung "
        "und Arbeit sehr unterschiedlich schnell; Ausbildungsbetriebe "
        "springen ab.",
        'work', 'aufenthg', 'young_tolerated'),
    ('dia', "Psychotherapieplätze für Geflüchtete fehlen",
        "Für traumatisierte Erwachsene gibt es Wartezeiten von über einem "
        "Jahr; Kostenübernahmen für Sprachmittlung in der Therapie "
        "fehlen.",
        'health_family', 'sgb5', None),
    ('dia', "Pflegeberatung nicht in Herkunftssprachen",
        "Ältere Menschen und ihre Angehörigen kennen die Leistungen der "
        "Pflegeversicherung kaum; Beratung gibt es nur auf Deutsch.",
        'care', 'sgb11', 'elderly_care'),
    ('awo', "Digitale Antragswege ohne Unterstützung",
        "Bürgergeld- und Kindergeldanträge sind fast nur noch online "
        "möglich; ohne Endgerät und Sprachkenntnisse gelingt die "
        "Antragstellung nicht.",
        'income', 'sgb2', None),
    ('awo', "Haustürgeschäfte mit Handy- und Energieverträgen",
        "Neu zugewanderte Familien schließen an der Haustür überteuerte "
        "Verträge ab und geraten in Schulden.",
        'consumer', 'other', 'newly_arrived'),
    ]

# The appointments of the open cases, from today on:
# (subject, place, kind)
APPOINTMENTS = [
    ("Beratungsgespräch", "Büro Kommunales Integrationszentrum, Raum 2.14",
        'in_person'),
    ("Begleitung zur Ausländerbehörde", "Ausländerbehörde, Bürgerhaus",
        'in_person'),
    ("Gemeinsamer Termin beim Jobcenter", "Jobcenter Musterstadt",
        'in_person'),
    ("Zielüberprüfung", "Büro Kommunales Integrationszentrum, Raum 2.14",
        'in_person'),
    ("Telefonische Rücksprache", "", 'phone'),
    ("Hausbesuch", "Wohnung der Klientin / des Klienten", 'outreach'),
    ("Videoberatung", "", 'video'),
    ]
# The days from today of the appointments, with their local start times
APPOINTMENT_DAYS = [0, 0, 1, 2, 3, 6, 8, 13]
APPOINTMENT_TIMES = [(8, 30), (9, 30), (10, 0), (11, 0), (13, 30), (14, 0),
    (15, 30)]
APPOINTMENT_MINUTES = [30, 45, 60, 90]
# The follow-ups of the open cases, with the days from today they fall due
REMINDERS = [
    "Bescheid des Jobcenters nachfragen",
    "Ablauf der Aufenthaltserlaubnis prüfen",
    "Rückmeldung zur Anmeldung im Integrationskurs einholen",
    "Widerspruchsfrist beachten",
    "Unterlagen zur Anerkennung nachreichen lassen",
    "Wohnungsangebote besprechen",
    ]
REMINDER_DAYS = [-3, -1, 0, 0, 2, 7, 14, 21]
