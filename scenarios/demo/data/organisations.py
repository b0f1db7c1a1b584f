# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The demo organisations: the Kommune and four Träger, their staff, and
the countries used"""

# Organisations: key, name, case number prefix, street, postal code
ORGANISATIONS = [
    ('ki', "Stadt Musterstadt – Kommunales Integrationszentrum", 'KI',
        "Rathausplatz 1", '12345'),
    ('car', "Caritasverband Musterstadt e.V.", 'CAR',
        "Kolpingstraße 12", '12345'),
    ('drk', "DRK-Kreisverband Musterstadt e.V.", 'DRK',
        "Henri-Dunant-Straße 5", '12347'),
    ('dia', "Diakonie Musterstadt", 'DIA',
        "Kirchplatz 3", '12345'),
    ('awo', "AWO Unterbezirk Musterstadt", 'AWO',
        "Marie-Juchacz-Straße 8", '12349'),
    ]
# Short names in the list of logins
ORGANISATIONS_SHORT = [
    ('ki', "Stadt Musterstadt – KI"),
    ('car', "Caritas"),
    ('drk', "DRK"),
    ('dia', "Diakonie"),
    ('awo', "AWO"),
    ]

# Staff: login, first name, last name, organisation, role (of the case
# demo)
STAFF = [
    ('petra', "Petra", "Lange", 'ki', 'coordination'),
    ('sabine', "Sabine", "Hoffmann", 'ki', 'lead'),
    ('monika', "Monika", "Schäfer", 'car', 'lead'),
    ('anna', "Anna", "Becker", 'ki', 'manager'),
    ('leyla', "Leyla", "Yılmaz", 'ki', 'manager'),
    ('jonas', "Jonas", "Weber", 'ki', 'manager'),
    ('maria', "Maria", "Kowalski", 'car', 'manager'),
    ('tobias', "Tobias", "Schmitt", 'car', 'manager'),
    ('fatma', "Fatma", "Demir", 'drk', 'manager'),
    ('lukas', "Lukas", "Neumann", 'drk', 'manager'),
    ('olena', "Olena", "Kravchenko", 'dia', 'manager'),
    ('katharina', "Katharina", "Wagner", 'dia', 'manager'),
    ('ahmad', "Ahmad", "Haidari", 'awo', 'manager'),
    ]
ADMIN_ROLE = "KIM administration (all organisations)"

# Countries: code, code3, numeric, English name, German name
COUNTRIES = [
    ('DE', 'DEU', '276', "Germany", "Deutschland"),
    ('SY', 'SYR', '760', "Syrian Arab Republic", "Syrien"),
    ('AF', 'AFG', '004', "Afghanistan", "Afghanistan"),
    ('UA', 'UKR', '804', "Ukraine", "Ukraine"),
    ('TR', 'TUR', '792', "Türkiye", "Türkei"),
    ('IQ', 'IRQ', '368', "Iraq", "Irak"),
    ('ER', 'ERI', '232', "Eritrea", "Eritrea"),
    ('IR', 'IRN', '364', "Iran, Islamic Republic of", "Iran"),
    ('SO', 'SOM', '706', "Somalia", "Somalia"),
    ('GN', 'GIN', '324', "Guinea", "Guinea"),
    ('NG', 'NGA', '566', "Nigeria", "Nigeria"),
    ('RU', 'RUS', '643', "Russian Federation", "Russische Föderation"),
    ('RO', 'ROU', '642', "Romania", "Rumänien"),
    ('BG', 'BGR', '100', "Bulgaria", "Bulgarien"),
    ('PL', 'POL', '616', "Poland", "Polen"),
    ('AL', 'ALB', '008', "Albania", "Albanien"),
    ('RS', 'SRB', '688', "Serbia", "Serbien"),
    ('MK', 'MKD', '807', "North Macedonia", "Nordmazedonien"),
    ('LB', 'LBN', '422', "Lebanon", "Libanon"),
    ('MA', 'MAR', '504', "Morocco", "Marokko"),
    ('GE', 'GEO', '268', "Georgia", "Georgien"),
    ]
