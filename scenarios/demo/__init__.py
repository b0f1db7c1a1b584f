# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The demo of the KIM NRW suite: the Kommune "Stadt Musterstadt" with its
Kommunales Integrationszentrum and four Träger of the Freie
Wohlfahrtspflege, built by one part per module in the database:

- organisation.py (kim): German, the countries, the organisations and
  the administrator; the staff, hired by the first part that needs them;
- case.py (kim_case): the logins of the staff, the network partners, a few
  hundred clients and cases of Baustein 2 and the structural barriers;
- funding.py (kim_funding): the funding of 2025 and 2026;
- steering.py (kim_steering): a year of the Lenkungsgruppe: the local
  network, the steering group with its members and logins, four meetings
  of 2026 with their resolutions, the generative themes, a project group
  with its proposal, two case reconstructions and, with kim_case, the
  barriers taken up by the coordination;
- authority.py (kim_authority): the foreigners' and the naturalisation
  authority of the city with three logins and thirteen procedures of
  2024–2026 with the residence history of the person and the checklist
  confirmed with its evidence: § 25a granted and in pre-check, § 25b
  granted and in progress, three § 104c permits (two converted in time
  into § 25b and § 25a, one whose conversion deadline has come and is
  notified), naturalisations under § 10 StAG granted, applied without B1
  and withdrawn, and one under § 8 StAG in progress.

base.py holds what they share (the sessions per login, the clock of
ir.date, the random generator), people.py draws the clients and the course
of their cases, data/ holds the fixed data and __main__.py runs the parts:
``python -m scenarios.demo --help`` from the repository root.

The demo of another module is a Part (base.py) in its own file, with its
data in data/, added to PARTS in __main__.py after the parts it uses.

All names, addresses and stories are invented; the random generator has a
fixed seed, so two runs on the same day give the same data.
"""
