# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The clients of the case demo: their origins, names and streets"""
import datetime as dt

STREETS = [
    "Hauptstraße", "Bahnhofstraße", "Lindenweg", "Gartenstraße", "Am Markt",
    "Schillerstraße", "Goethestraße", "Friedrich-Ebert-Straße",
    "Wilhelmstraße", "Mühlenweg", "Industriestraße", "Hafenstraße",
    "Rosenstraße", "Eichendorffweg", "Zechenstraße", "Feldstraße",
    "Nordring", "Kanalstraße", "Kampstraße", "Barbarastraße",
    "Glückaufstraße", "Am Brunnen", "Ulmenallee", "Hochstraße",
    ]

# Names: group -> (female first names, male first names, family names)
NAMES = {
    'arabic': (
        ["Amina", "Fatima", "Rasha", "Hiba", "Noor", "Lina", "Rania",
            "Yasmin", "Mariam", "Hala", "Dima", "Reem", "Aya", "Salma",
            "Nour", "Ruba", "Ghada", "Samira"],
        ["Mohammed", "Ahmad", "Khaled", "Omar", "Yousef", "Mahmoud",
            "Hassan", "Ali", "Ibrahim", "Samer", "Tarek", "Bassel", "Anas",
            "Hamza", "Mustafa", "Abdullah", "Firas", "Wael"],
        ["Al-Hassan", "Haddad", "Khalil", "Darwish", "Mansour", "Al-Ahmad",
            "Hamdan", "Saleh", "Youssef", "Al-Ali", "Othman", "Ibrahim",
            "Najjar", "Al-Shami", "Al-Khatib", "Suleiman", "Abdo",
            "Al-Masri", "Hamwi", "Zein"]),
    'kurdish': (
        ["Rojin", "Berfin", "Zilan", "Dilan", "Hêvî", "Nesrin", "Jiyan",
            "Evîn"],
        ["Baran", "Rezan", "Serhat", "Azad", "Ciwan", "Dilovan", "Rênas",
            "Şiyar"],
        ["Ahmo", "Hussein", "Osman", "Sido", "Murad", "Bakir", "Temo",
            "Xelil"]),
    'afghan': (
        ["Zahra", "Fereshta", "Maryam", "Soraya", "Mahsa", "Parwana",
            "Nargis", "Shabnam", "Roya", "Sakina", "Madina", "Hosai"],
        ["Ahmad", "Mohammad", "Mustafa", "Hamid", "Farid", "Jawad", "Sayed",
            "Naweed", "Rahim", "Ali Reza", "Wahid", "Sohrab", "Bilal",
            "Shafiq"],
        ["Ahmadi", "Rahimi", "Hakimi", "Karimi", "Noori", "Sultani",
            "Hashimi", "Mohammadi", "Azizi", "Sadat", "Wardak", "Popal",
            "Stanikzai", "Hussaini", "Jafari", "Amiri"]),
    'persian': (
        ["Narges", "Shirin", "Leila", "Sara", "Mina", "Ladan"],
        ["Reza", "Mehdi", "Amir", "Behnam", "Kian", "Arash"],
        ["Hosseini", "Rezaei", "Moradi", "Jafari", "Tehrani", "Karimi"]),
    'ukrainian': (
        ["Olena", "Iryna", "Nataliia", "Oksana", "Tetiana", "Yuliia",
            "Kateryna", "Svitlana", "Anastasiia", "Halyna", "Viktoriia",
            "Liudmyla", "Mariia", "Daryna"],
        ["Oleksandr", "Andrii", "Serhii", "Dmytro", "Mykola", "Ihor",
            "Volodymyr", "Bohdan", "Yurii", "Vasyl", "Maksym"],
        ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk",
            "Boiko", "Kovalchuk", "Oliinyk", "Marchenko", "Lysenko",
            "Moroz", "Savchenko", "Petrenko", "Rudenko", "Klymenko",
            "Ponomarenko", "Hrytsenko", "Danyliuk"]),
    'russian': (
        ["Ekaterina", "Olga", "Tatjana", "Irina"],
        ["Sergej", "Pavel", "Alexej", "Dmitrij"],
        ["Iwanow", "Smirnow", "Popow", "Wolkow"]),
    'turkish': (
        ["Ayşe", "Elif", "Zeynep", "Emine", "Hatice", "Merve", "Büşra",
            "Esra", "Gül", "Sevgi"],
        ["Mehmet", "Mustafa", "Emre", "Hüseyin", "Yusuf", "Murat",
            "Burak", "Kemal", "Hasan", "Oğuz"],
        ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın",
            "Öztürk", "Arslan", "Doğan", "Kılıç", "Aslan"]),
    'eritrean': (
        ["Senait", "Helen", "Selam", "Luwam", "Mebrat", "Tsega", "Saba",
            "Yohanna"],
        ["Yonas", "Tesfay", "Daniel", "Robel", "Semere", "Mussie",
            "Filmon", "Aron", "Samuel"],
        ["Tesfamariam", "Ghebremedhin", "Haile", "Kidane", "Berhane",
            "Tekle", "Woldu", "Mehari", "Gebru", "Asmerom"]),
    'somali': (
        ["Hodan", "Faadumo", "Ayaan", "Hibaaq", "Sahra"],
        ["Abdirahman", "Mohamed", "Abdullahi", "Abdiqani", "Liban"],
        ["Warsame", "Farah", "Abdi", "Hassan", "Jama", "Nur"]),
    'westafrican': (
        ["Aissatou", "Mariama", "Fatoumata", "Kadiatou", "Hawa"],
        ["Mamadou", "Ibrahima", "Alpha", "Ousmane", "Sekou"],
        ["Diallo", "Barry", "Bah", "Camara", "Sow", "Sylla"]),
    'nigerian': (
        ["Blessing", "Chioma", "Precious", "Ngozi", "Favour"],
        ["Chinedu", "Emeka", "Samuel", "Tunde", "Godwin"],
        ["Okafor", "Adeyemi", "Eze", "Okonkwo", "Nwosu", "Balogun"]),
    'romanian': (
        ["Ioana", "Elena", "Andreea", "Florentina", "Mihaela", "Denisa"],
        ["Ionuț", "Florin", "Gheorghe", "Marian", "Costel", "Adrian"],
        ["Popescu", "Ionescu", "Dumitru", "Stan", "Constantin", "Lăcătuș",
            "Rădulescu", "Munteanu"]),
    'bulgarian': (
        ["Desislava", "Maria", "Silvia", "Ayshe", "Radka"],
        ["Ivan", "Georgi", "Stefan", "Mehmed", "Asen"],
        ["Iwanow", "Petrow", "Dimitrow", "Asenow", "Mehmedow"]),
    'polish': (
        ["Agnieszka", "Katarzyna", "Joanna"],
        ["Piotr", "Tomasz", "Krzysztof"],
        ["Nowak", "Wiśniewski", "Zieliński", "Kamiński"]),
    'albanian': (
        ["Arta", "Blerta", "Drita", "Valbona", "Elira"],
        ["Arben", "Besnik", "Driton", "Ilir", "Genti"],
        ["Krasniqi", "Berisha", "Hoxha", "Gashi", "Shala", "Leka"]),
    'serbian': (
        ["Jelena", "Milica", "Dragana"],
        ["Dragan", "Nenad", "Zoran"],
        ["Jovanović", "Nikolić", "Stojanović"]),
    'maghreb': (
        ["Khadija", "Salma", "Imane", "Nadia"],
        ["Youssef", "Hamid", "Karim", "Rachid"],
        ["El Amrani", "Benali", "Bouzid", "El Idrissi"]),
    'georgian': (
        ["Nino", "Tamar", "Mariam", "Ketevan"],
        ["Giorgi", "Levan", "Davit", "Irakli"],
        ["Beridze", "Kapanadze", "Gelashvili", "Lomidze"]),
    'german': (
        ["Lena", "Julia", "Viktoria", "Natalie", "Swetlana"],
        ["Viktor", "Alexander", "Eduard", "Waldemar", "Andreas"],
        ["Schmidt", "Becker", "Wagner", "Braun", "Dück", "Janzen",
            "Klassen"]),
    }

# Nationality: weight, name groups, languages, entry years, statuses
# A status is (weight, residence_status, paragraph, validity in months)
ORIGINS = {
    'SY': (20, [('arabic', 8), ('kurdish', 2)], ['ar'], (2015, 2025), [
            (5, 'residence_permit', "§ 25 Abs. 2 S. 1 Alt. 2 AufenthG", 12),
            (3, 'residence_permit', "§ 25 Abs. 2 S. 1 Alt. 1 AufenthG", 36),
            (2, 'settlement_permit', "§ 26 Abs. 3 AufenthG", None),
            (2, 'asylum_procedure', None, 6),
            (1, 'residence_permit', "§ 36a AufenthG", 24),
            (1, 'fictional_certificate', "§ 81 Abs. 4 AufenthG", 6),
            ]),
    'AF': (15, [('afghan', 1)], ['fa'], (2015, 2025), [
            (4, 'asylum_procedure', None, 6),
            (3, 'residence_permit', "§ 25 Abs. 2 S. 1 Alt. 1 AufenthG", 36),
            (2, 'residence_permit', "§ 22 S. 2 AufenthG", 36),
            (2, 'residence_permit', "§ 25 Abs. 3 AufenthG", 12),
            (2, 'toleration', "§ 60a Abs. 2 S. 1 AufenthG", 6),
            (1, 'residence_permit', "§ 25a AufenthG", 24),
            (1, 'residence_permit', "§ 104c AufenthG", 18),
            ]),
    'UA': (17, [('ukrainian', 1)], ['uk'], (2022, 2025), [
            (10, 'residence_permit', "§ 24 AufenthG", 'ua'),
            (1, 'fictional_certificate', "§ 81 Abs. 5 AufenthG", 6),
            ]),
    'TR': (8, [('turkish', 3), ('kurdish', 1)], ['tr'], (2019, 2025), [
            (4, 'asylum_procedure', None, 6),
            (2, 'residence_permit', "§ 28 Abs. 1 S. 1 Nr. 1 AufenthG", 36),
            (1, 'residence_permit', "§ 25 Abs. 2 S. 1 Alt. 1 AufenthG", 36),
            (1, 'settlement_permit', "§ 9 AufenthG", None),
            ]),
    'IQ': (8, [('arabic', 2), ('kurdish', 2)], ['ar'], (2015, 2024), [
            (3, 'toleration', "§ 60a Abs. 2 S. 1 AufenthG", 6),
            (2, 'residence_permit', "§ 25 Abs. 3 AufenthG", 12),
            (1, 'residence_permit', "§ 25b AufenthG", 24),
            (1, 'residence_permit', "§ 104c AufenthG", 18),
            (1, 'toleration_60b', None, 6),
            (1, 'residence_permit', "§ 25 Abs. 2 S. 1 Alt. 2 AufenthG", 12),
            ]),
    'ER': (5, [('eritrean', 1)], ['ti'], (2015, 2024), [
            (4, 'residence_permit', "§ 25 Abs. 2 S. 1 Alt. 1 AufenthG", 36),
            (2, 'residence_permit', "§ 36a AufenthG", 24),
            (1, 'settlement_permit', "§ 26 Abs. 3 AufenthG", None),
            ]),
    'IR': (4, [('persian', 1)], ['fa'], (2016, 2025), [
            (2, 'asylum_procedure', None, 6),
            (2, 'residence_permit', "§ 25 Abs. 2 S. 1 Alt. 1 AufenthG", 36),
            (1, 'residence_permit', "§ 18b AufenthG", 48),
            ]),
    'SO': (3, [('somali', 1)], ['so'], (2016, 2024), [
            (2, 'residence_permit', "§ 25 Abs. 2 S. 1 Alt. 2 AufenthG", 12),
            (1, 'toleration', "§ 60a Abs. 2 S. 1 AufenthG", 6),
            ]),
    'GN': (2, [('westafrican', 1)], ['fr'], (2016, 2024), [
            (2, 'toleration', "§ 60a Abs. 2 S. 1 AufenthG", 6),
            (1, 'toleration_60b', None, 3),
            (1, 'residence_permit', "§ 104c AufenthG", 18),
            (1, 'residence_permit', "§ 25a AufenthG", 24),
            ]),
    'NG': (2, [('nigerian', 1)], ['en'], (2016, 2024), [
            (2, 'toleration', "§ 60a Abs. 2 S. 1 AufenthG", 6),
            (1, 'asylum_procedure', None, 6),
            (1, 'residence_permit', "§ 25b AufenthG", 24),
            ]),
    'RU': (2, [('russian', 1)], ['ru'], (2022, 2025), [
            (2, 'asylum_procedure', None, 6),
            (1, 'residence_permit', "§ 18a AufenthG", 48),
            ]),
    'RO': (4, [('romanian', 1)], ['ro'], (2014, 2025), [
            (1, 'eu_free_movement', None, None),
            ]),
    'BG': (4, [('bulgarian', 1)], ['bg'], (2014, 2025), [
            (1, 'eu_free_movement', None, None),
            ]),
    'PL': (1, [('polish', 1)], ['pl'], (2010, 2024), [
            (1, 'eu_free_movement', None, None),
            ]),
    'AL': (2, [('albanian', 1)], ['sq'], (2015, 2025), [
            (2, 'residence_permit', "§ 19c Abs. 1 AufenthG i. V. m. "
                "§ 26 Abs. 2 BeschV", 24),
            (1, 'toleration', "§ 60a Abs. 2 S. 1 AufenthG", 6),
            ]),
    'RS': (1, [('serbian', 1)], ['sr'], (2015, 2024), [
            (1, 'toleration', "§ 60a Abs. 2 S. 1 AufenthG", 6),
            (1, 'residence_permit', "§ 25b AufenthG", 24),
            ]),
    'MK': (1, [('albanian', 1)], ['sq'], (2015, 2024), [
            (1, 'residence_permit', "§ 19c Abs. 1 AufenthG i. V. m. "
                "§ 26 Abs. 2 BeschV", 24),
            ]),
    'LB': (1, [('arabic', 1)], ['ar', 'fr'], (2019, 2025), [
            (1, 'residence_permit', "§ 16b AufenthG", 24),
            (1, 'asylum_procedure', None, 6),
            ]),
    'MA': (1, [('maghreb', 1)], ['ar', 'fr'], (2017, 2025), [
            (1, 'toleration', "§ 60a Abs. 2 S. 1 AufenthG", 6),
            (1, 'residence_permit', "§ 28 Abs. 1 S. 1 Nr. 1 AufenthG", 36),
            ]),
    'GE': (1, [('georgian', 1)], ['ru'], (2019, 2025), [
            (1, 'asylum_procedure', None, 6),
            (1, 'toleration', "§ 60a Abs. 2 S. 1 AufenthG", 6),
            ]),
    'DE': (2, [('german', 2), ('turkish', 1), ('arabic', 1)], ['de'],
        (1995, 2016), [
            (1, 'german_citizen', None, None),
            ]),
    'stateless': (1, [('kurdish', 1), ('arabic', 1)], ['ar', 'kmr'],
        (2015, 2023), [
            (1, 'residence_permit', "§ 25 Abs. 2 S. 1 Alt. 1 AufenthG", 36),
            (1, 'toleration', "§ 60a Abs. 2 S. 1 AufenthG", 6),
            ]),
    }
# End of the temporary protection of people from Ukraine (EU decision)
UA_PROTECTION_UNTIL = dt.date(2027, 3, 4)
