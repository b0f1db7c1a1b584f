# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The bulk data of kim_steering, kim_funding and kim_authority (and the
structural barriers of kim_case) for generate.py --all-modules.

Everything is written with INSERT ... SELECT from the temporary tables of
generate.py's Loader (b_org, b_emp, b_svc, b_case, b_client) and b_staff,
the staff of the other roles made here."""
import datetime as dt

# The roles of the other modules: (login suffix, groups as (module, XML id),
# number per organisation from its number of case managers)
ROLES = {
    'coord': ([('kim', 'group_kim_coordination'),
            ('kim_steering', 'group_kim_steering_member')],
        lambda n_emp: 1),
    'fin': ([('kim_funding', 'group_kim_funding_municipality')],
        lambda n_emp: 2),
    'abh': ([('kim_authority', 'group_kim_authority_abh')],
        lambda n_emp: max(2, round(n_emp / 8))),
    'ebh': ([('kim_authority', 'group_kim_authority_ebh')],
        lambda n_emp: max(1, round(n_emp / 20))),
    }
MODULES = ['kim_case', 'kim_steering', 'kim_funding', 'kim_authority']
SUMMARY_TABLES = [
    'kim_case_barrier', 'kim_case_barrier-kim_case', 'kim_steering_group',
    'kim_steering_member', 'kim_steering_meeting',
    'kim_steering_meeting_attendance', 'kim_steering_resolution',
    'kim_steering_resolution_follow_up',
    'kim_steering_resolution-kim_case_barrier', 'kim_funding_grant',
    'kim_funding_grant_line', 'kim_funding_post', 'kim_funding_staffing',
    'kim_funding_proof', 'kim_funding_proof_line', 'kim_authority_procedure',
    'kim_authority_requirement', 'kim_authority_residence_period',
    ]
DISTRICT_GOVERNMENTS = ["Bezirksregierung Arnsberg",
    "Bezirksregierung Detmold", "Bezirksregierung Düsseldorf",
    "Bezirksregierung Köln", "Bezirksregierung Münster"]
BARRIERS = [
    "Lange Wartezeiten auf Termine der Ausländerbehörde",
    "Keine Kinderbetreuung während der Integrationskurse",
    "Anerkennungsverfahren dauern über ein Jahr",
    "Fehlende Sprachmittlung im Jobcenter",
    "Wohnungsmarkt: Ablehnung wegen Duldung",
    "Kein Zugang zu Berufssprachkursen für Geduldete",
    "Krankenversicherung nach Statuswechsel ungeklärt",
    "Schulplätze für Seiteneinsteiger fehlen",
    "Digitale Antragsverfahren ohne Unterstützung",
    "Unklare Zuständigkeit zwischen Sozialamt und Jobcenter",
    ]
RESOLUTIONS = [
    "Sprechstunde der Ausländerbehörde im KI einrichten",
    "Kinderbetreuung für Kursteilnehmende organisieren",
    "Lotsenstelle Anerkennung schaffen",
    "Pool von Sprachmittlerinnen aufbauen",
    "Runder Tisch Wohnen einberufen",
    "Fallkonferenzen mit dem Jobcenter vereinbaren",
    "Handreichung zum Statuswechsel erstellen",
    "Kooperationsvereinbarung mit den Schulen",
    "Digitale Sprechstunde einführen",
    "Zuständigkeiten in einer Matrix klären",
    ]
FOLLOW_UPS = [
    "Stand in der Arbeitsgruppe besprochen, erste Schritte umgesetzt.",
    "Abstimmung mit den beteiligten Stellen läuft.",
    "Umsetzung verzögert sich wegen fehlender Stellen.",
    "Maßnahme umgesetzt, Auswertung folgt.",
    ]
# flat rates per FTE and year (building block, kind)
LINES = [
    ('1', 'coordination', 'coord', 81_000),
    ('1', 'administration', 'fin', 52_000),
    ('2', 'case_management', 'manager', 74_000),
    ('3', 'foreigners_authority', 'abh', 70_000),
    ('3', 'naturalisation_authority', 'ebh', 70_000),
    ]


def staff(loader, company, n_emp, rng, first, last, ids, rows):
    """Add the staff of the other roles of one organisation to rows
    (parties, employees, users, user_companies, user_employees,
    user_groups, staff) and return the next ids"""
    party_id, employee_id, user_id = ids
    parties, employees, users, u_companies, u_employees, u_groups, b_staff = \
        rows
    for role, (groups, count) in ROLES.items():
        for k in range(count(n_emp)):
            name = f"{rng.choice(first)} {rng.choice(last)}"
            parties.append((party_id, name))
            employees.append((employee_id, company, party_id))
            users.append((user_id, name, f"kim{company}_{role}{k}", company,
                    employee_id))
            u_companies.append((user_id, company))
            u_employees.append((user_id, employee_id))
            for module, fs_id in groups:
                u_groups.append((user_id, loader.group_id(fs_id, module)))
            b_staff.append((company, role, k, employee_id, user_id))
            party_id += 1
            employee_id += 1
            user_id += 1
    return party_id, employee_id, user_id


def district_governments(party_id, parties):
    "The granting authorities, as parties"
    for name in DISTRICT_GOVERNMENTS:
        parties.append((party_id, name))
        party_id += 1
    return party_id


class ModulesLoader:
    "Fill the other modules after the cases and their lines"

    def __init__(self, loader, log):
        self.loader = loader
        self.x = loader.x
        self.log = log
        self.today = dt.date.today()

    def run(self):
        self.x("CREATE INDEX ON b_case (company, id)")
        self.x("ANALYZE b_staff; ANALYZE b_case")
        self.barriers()
        self.steering()
        self.funding()
        self.authority()

    def barriers(self):
        "Structural barriers of kim_case reported by the case managers"
        ld = self.loader.ids('kim_legal_domain')
        foa = self.loader.ids('kim_field_of_action')
        tg = self.loader.ids('kim_case_target_group')
        self.x("""
            INSERT INTO kim_case_barrier (company, name, description,
                reported_by, date, field_of_action, legal_domain,
                target_group, state, create_uid, create_date)
            SELECT o.company, (%(names)s::text[])[1 + mod(s, %(n)s)]
                    || ' (' || s || ')',
                'In mehreren Fällen beobachtet; Details in den Fallakten.',
                e.employee, x.date,
                (%(foa)s::int[])[1 + floor(random()
                    * cardinality(%(foa)s::int[]))::int],
                CASE WHEN random() < 0.7 THEN (%(ld)s::int[])[1 + floor(
                    random() * cardinality(%(ld)s::int[]))::int] END,
                CASE WHEN random() < 0.5 THEN (%(tg)s::int[])[1 + floor(
                    random() * cardinality(%(tg)s::int[]))::int] END,
                CASE WHEN random() < 0.85 THEN 'reported' ELSE 'draft' END,
                e.usr, x.date + time '14:00'
            FROM b_org o
            CROSS JOIN LATERAL generate_series(1,
                GREATEST(3, round(o.n_emp * 1.5))::int) s
            CROSS JOIN LATERAL (SELECT date '2019-01-01' + floor(random()
                * (current_date - date '2019-01-01') + s * 0)::int AS date,
                floor(random() * o.n_emp + s * 0)::int AS k) x
            JOIN b_emp e ON e.company = o.company AND e.k = x.k""",
            {'names': BARRIERS, 'n': len(BARRIERS), 'foa': foa, 'ld': ld,
                'tg': tg})
        self.log(f"{self.loader.cur.rowcount} barriers")
        # each names 3-8 cases of its organisation; it is dated after
        # the start of the last of them
        self.x("""
            INSERT INTO "kim_case_barrier-kim_case" (barrier, "case",
                create_uid, create_date)
            SELECT b.id, c.id, 1, now()
            FROM kim_case_barrier b
            CROSS JOIN LATERAL (SELECT floor(random() * %(n)s + b.id * 0)
                    AS top, 3 + floor(random() * 6 + b.id * 0)::int AS n) r
            CROSS JOIN LATERAL (SELECT k.id FROM b_case k
                WHERE k.company = b.company AND k.id <= r.top
                ORDER BY k.id DESC LIMIT r.n) c""",
            {'n': self.loader.args.cases})
        rows = self.loader.cur.rowcount
        self.x("""
            UPDATE kim_case_barrier b SET date = LEAST(current_date,
                    GREATEST(b.date, l.last + 30))
            FROM (SELECT x.barrier, MAX(k.start_date) AS last
                FROM "kim_case_barrier-kim_case" x
                JOIN kim_case k ON k.id = x.case GROUP BY x.barrier) l
            WHERE l.barrier = b.id""")
        self.log(f"{rows} barrier cases")

    def steering(self):
        "One steering group per organisation, its meetings and resolutions"
        self.x("""
            INSERT INTO kim_steering_group (name, code, company, active,
                create_uid, create_date)
            SELECT 'Lenkungsgruppe KIM ' || p.name,
                'LG', o.company, true, 1, now()
            FROM b_org o
            JOIN company_company c ON c.id = o.company
            JOIN party_party p ON p.id = c.party""")
        # ten members: the services of the organisation, the first chairs
        self.x("""
            INSERT INTO kim_steering_member ("group", party, role,
                start_date, "user", create_uid, create_date)
            SELECT g.id, s.party, CASE s.k WHEN 0 THEN 'chair'
                    WHEN 1 THEN 'deputy_chair' ELSE 'member' END,
                date '2019-01-01', CASE WHEN s.k = 0 THEN st.usr END,
                1, now()
            FROM kim_steering_group g
            JOIN b_svc s ON s.company = g.company AND s.k < 10
            LEFT JOIN b_staff st ON st.company = g.company
                AND st.role = 'coord' AND st.k = 0""")
        # quarterly meetings from 2019 to the end of this year
        self.x("""
            INSERT INTO kim_steering_meeting ("group", name, start, "end",
                place, invitation_date, minutes, minutes_approval_date,
                state, create_uid, create_date)
            SELECT g.id, 'Sitzung ' || to_char(m.day, 'MM/YYYY'),
                m.day + time '10:00', m.day + time '12:00',
                'Kreishaus, Sitzungsraum 2', m.day - 21,
                CASE WHEN m.day < current_date
                    THEN 'Protokoll der Sitzung vom '
                        || to_char(m.day, 'DD.MM.YYYY') END,
                CASE WHEN m.day < current_date - 60 THEN m.day + 42 END,
                CASE WHEN m.day < current_date - 60 THEN 'approved'
                    WHEN m.day < current_date THEN 'held'
                    WHEN m.day < current_date + 21 THEN 'invited'
                    ELSE 'planned' END,
                1, m.day - 30 + time '09:00'
            FROM kim_steering_group g
            CROSS JOIN LATERAL (SELECT (d + (mod(g.id, 20)
                    || ' days')::interval)::date AS day
                FROM generate_series(date '2019-03-01',
                    date_trunc('year', current_date)::date + 364,
                    interval '3 months') d) m""")
        self.log(f"{self.loader.cur.rowcount} meetings")
        self.x("""
            INSERT INTO kim_steering_meeting_attendance (meeting, member,
                status, create_uid, create_date)
            SELECT m.id, b.id, CASE WHEN m.state IN ('planned', 'invited')
                    THEN 'invited'
                    WHEN random() < 0.8 THEN 'present'
                    WHEN random() < 0.6 THEN 'excused' ELSE 'absent' END,
                1, now()
            FROM kim_steering_meeting m
            JOIN kim_steering_member b ON b."group" = m."group"
            WHERE m.state <> 'planned'""")
        # 2-6 resolutions of each meeting held, numbered per group and year
        self.x("""
            INSERT INTO kim_steering_resolution ("group", number, meeting,
                date, kind, name, text, responsible_organisation,
                responsible_user, due_date, state, create_uid, create_date)
            SELECT r."group", 'LG ' || extract(year FROM r.date) || '/'
                    || row_number() OVER (PARTITION BY r."group",
                        extract(year FROM r.date) ORDER BY r.meeting, r.s),
                r.meeting, r.date,
                (ARRAY['decision', 'decision', 'recommendation',
                    'mandate'])[1 + floor(random() * 4)::int],
                r.name, 'Die Lenkungsgruppe beschließt: ' || r.name || '.',
                sv.party, st.usr, r.date + 90 + floor(random() * 270)::int,
                CASE WHEN r.date > current_date - 90 THEN 'adopted'
                    WHEN random() < 0.55 THEN 'implemented'
                    WHEN random() < 0.6 THEN 'in_progress'
                    WHEN random() < 0.5 THEN 'adopted'
                    WHEN random() < 0.6 THEN 'rejected'
                    ELSE 'withdrawn' END,
                1, r.date + time '12:00'
            FROM (SELECT m."group", m.id AS meeting, m.start::date AS date, s,
                    g.company, (%(names)s::text[])[1 + floor(random()
                        * %(n)s + s * 0)::int] AS name,
                    floor(random() * 10 + s * 0)::int AS svc
                FROM kim_steering_meeting m
                JOIN kim_steering_group g ON g.id = m."group"
                CROSS JOIN LATERAL generate_series(1,
                    2 + floor(random() * 5 + m.id * 0)::int) s
                WHERE m.state IN ('held', 'approved')) r
            JOIN b_svc sv ON sv.company = r.company AND sv.k = r.svc
            LEFT JOIN b_staff st ON st.company = r.company
                AND st.role = 'coord' AND st.k = 0""",
            {'names': RESOLUTIONS, 'n': len(RESOLUTIONS)})
        self.log(f"{self.loader.cur.rowcount} resolutions")
        self.x("""
            INSERT INTO kim_steering_meeting_item (meeting, name, resolution,
                sequence, create_uid, create_date)
            SELECT r.meeting, r.name, r.id, row_number() OVER (
                    PARTITION BY r.meeting ORDER BY r.id), 1, now()
            FROM kim_steering_resolution r""")
        self.x("""
            INSERT INTO kim_steering_resolution_follow_up (resolution, date,
                author, text, create_uid, create_date)
            SELECT r.id, LEAST(current_date, r.date + 60 * s),
                COALESCE(r.responsible_user, 1),
                (%(texts)s::text[])[1 + floor(random() * %(n)s)::int],
                1, now()
            FROM kim_steering_resolution r
            CROSS JOIN generate_series(1, 2) s
            WHERE r.state IN ('in_progress', 'implemented')
                AND (s = 1 OR random() < 0.5)""",
            {'texts': FOLLOW_UPS, 'n': len(FOLLOW_UPS)})
        # a third of the reported barriers taken up by a resolution
        self.x("""
            INSERT INTO "kim_steering_resolution-kim_case_barrier"
                (resolution, barrier, create_uid, create_date)
            SELECT DISTINCT ON (b.id) r.id, b.id, 1, now()
            FROM kim_case_barrier b
            JOIN kim_steering_group g ON g.company = b.company
            JOIN kim_steering_resolution r ON r."group" = g.id
                AND r.date > b.date AND r.date < b.date + 200
            WHERE b.state = 'reported' AND mod(b.id, 3) = 0
            ORDER BY b.id, r.date""")
        self.log(f"{self.loader.cur.rowcount} barriers in resolutions")

    def funding(self):
        "A grant per organisation and year from 2023, its posts and proofs"
        authorities = self.loader.ids(
            'party_party', "name LIKE 'Bezirksregierung %'")
        year = self.today.year
        self.x("""
            INSERT INTO kim_funding_grant (company, authority, number, date,
                start_date, end_date, vacancy_rule, state, create_uid,
                create_date)
            SELECT o.company, (%(auth)s::int[])[1 + mod(o.company, 5)],
                'KIM-' || y || '-' || lpad(o.company::text, 3, '0'),
                make_date(y - 1, 12, 15), make_date(y, 1, 1),
                make_date(y, 12, 31), 'day', 'confirmed', 1, now()
            FROM b_org o, generate_series(2023, %(year)s) y""",
            {'auth': authorities, 'year': year})
        self.x("CREATE TEMP TABLE b_role_count AS "
            "SELECT company, role, COUNT(*) AS n FROM ("
            "SELECT company, role FROM b_staff UNION ALL "
            "SELECT company, 'manager' FROM b_emp) s GROUP BY 1, 2")
        # the FTE of a line: all coordination and authority staff, a
        # third of the case managers funded
        self.x("""
            INSERT INTO kim_funding_grant_line ("grant", building_block, kind,
                start_date, end_date, fte, rate, create_uid, create_date)
            SELECT g.id, l.block, l.kind, g.start_date, g.end_date,
                CASE WHEN l.role = 'manager' THEN GREATEST(1,
                        round(n.n / 3.0))
                    WHEN l.role = 'fin' THEN 0.5 ELSE n.n END,
                l.rate, 1, now()
            FROM kim_funding_grant g
            CROSS JOIN (SELECT * FROM unnest(%(block)s::text[],
                %(kind)s::text[], %(role)s::text[], %(rate)s::numeric[])
                AS l(block, kind, role, rate)) l
            JOIN b_role_count n ON n.company = g.company AND n.role = l.role
            """, {'block': [b for b, _, _, _ in LINES],
                'kind': [k for _, k, _, _ in LINES],
                'role': [r for _, _, r, _ in LINES],
                'rate': [r for _, _, _, r in LINES]})
        self.x("""
            INSERT INTO kim_funding_post (company, "grant", line, name, fte,
                start_date, end_date, pay_grade, create_uid, create_date)
            SELECT g.company, g.id, l.id,
                initcap(replace(l.kind, '_', ' ')) || ' ' || s
                    || ' (' || extract(year FROM g.start_date) || ')',
                LEAST(1, l.fte - (s - 1)), l.start_date, l.end_date,
                CASE WHEN l.building_block = '2' THEN 'TVöD-SuE S 12'
                    ELSE 'TVöD E 10' END, 1, now()
            FROM kim_funding_grant_line l
            JOIN kim_funding_grant g ON g.id = l."grant"
            CROSS JOIN LATERAL generate_series(1, ceil(l.fte)::int) s""")
        self.log(f"{self.loader.cur.rowcount} funded posts")
        # staffed by the staff of the role, a tenth from two months late
        self.x("""
            INSERT INTO kim_funding_staffing (post, employee, start_date,
                end_date, fte, create_uid, create_date)
            SELECT p.id, COALESCE(st.employee, e.employee),
                CASE WHEN random() < 0.1 THEN p.start_date + 61
                    ELSE p.start_date END, p.end_date, p.fte, 1, now()
            FROM (SELECT p.*, l.kind, row_number() OVER (
                        PARTITION BY p.line ORDER BY p.id) - 1 AS k
                    FROM kim_funding_post p
                    JOIN kim_funding_grant_line l ON l.id = p.line) p
            JOIN b_role_count n ON n.company = p.company
                AND n.role = (%(roles)s::jsonb ->> p.kind)
            LEFT JOIN b_staff st ON st.company = p.company
                AND st.role = n.role AND st.k = mod(p.k, n.n)
            LEFT JOIN b_emp e ON n.role = 'manager'
                AND e.company = p.company AND e.k = mod(p.k, n.n)""",
            {'roles': '{%s}' % ', '.join(
                    f'"{k}": "{r}"' for _, k, r, _ in LINES)})
        # the proofs of use: accepted up to two years ago, last year's
        # submitted, this year's in draft
        self.x("""
            INSERT INTO kim_funding_proof (company, "grant", year, state,
                due_date, submitted_date, accepted_date, activities,
                create_uid, create_date)
            SELECT g.company, g.id, y,
                CASE WHEN y <= %(year)s - 2 THEN 'accepted'
                    WHEN y = %(year)s - 1 THEN 'submitted' ELSE 'draft' END,
                make_date(y + 1, 6, 30),
                CASE WHEN y < %(year)s THEN make_date(y + 1, 5, 20) END,
                CASE WHEN y <= %(year)s - 2 THEN make_date(y + 1, 9, 1) END,
                'Fallmanagement, Koordinierung und Arbeit der Behörden '
                    || 'nach dem Förderbescheid.', 1, now()
            FROM kim_funding_grant g,
                LATERAL (SELECT extract(year FROM g.start_date)::int AS y) x
            """, {'year': year})
        self.x("""
            INSERT INTO kim_funding_proof_line (proof, post, fte,
                eligible_amount, approved_amount, create_uid, create_date)
            SELECT f.id, p.id, p.fte, round(p.fte * l.rate, 2),
                round(p.fte * l.rate, 2), 1, now()
            FROM kim_funding_proof f
            JOIN kim_funding_post p ON p."grant" = f."grant"
            JOIN kim_funding_grant_line l ON l.id = p.line
            WHERE f.state <> 'draft'""")
        self.log(f"{self.loader.cur.rowcount} proof lines")

    def authority(self):
        "Procedures of the ABH and EBH for a sixth of the clients"
        kinds_abh = ['25a', '25b', '104c', '104c_25a', '104c_25b', 'other']
        # The authority keeps a person of its own, as the handover from
        # case management makes one: the clients' persons are read only
        # with their client files.
        self.x("""
            CREATE TEMP TABLE b_proc AS
            SELECT c.id AS client, c.company, c.party AS client_party,
                %(base)s + row_number() OVER (ORDER BY c.id) AS party,
                c.birth_date,
                c.start_date, x.authority,
                CASE WHEN x.authority = 'ebh' THEN
                        CASE WHEN random() < 0.8 THEN 'stag10' ELSE 'stag8'
                        END
                    ELSE (%(abh)s::text[])[1 + floor(power(random(), 1.3)
                        * cardinality(%(abh)s::text[]))::int] END AS kind,
                x.r
            FROM b_client c,
                LATERAL (SELECT CASE WHEN random() < 0.8 + c.id * 0
                        THEN 'abh' ELSE 'ebh' END AS authority,
                    random() + c.id * 0 AS r) x
            WHERE mod(c.id * 7919, 6) = 0""",
            {'abh': kinds_abh,
                'base': self.loader.next_id('party_party') - 1})
        self.x("""
            INSERT INTO party_party (id, code, code_alnum, code_digit, name,
                active, create_uid, create_date)
            SELECT b.party, b.party::text, b.party::text, b.party, c.name,
                true, 1, now()
            FROM b_proc b JOIN party_party c ON c.id = b.client_party""")
        self.x("""
            INSERT INTO kim_authority_procedure (company, authority, kind,
                party, birth_date, german_level, origin, "user",
                application_date, decision_date, decision, fee,
                permit_valid_from, permit_valid_until, outcome, state,
                minor_child, minor_with_parent, override, create_uid,
                create_date)
            SELECT p.company, p.authority, p.kind, p.party, p.birth_date,
                NULLIF(upper(k.german_level), 'NONE'),
                (ARRAY['case_management', 'case_management', 'application',
                    'application', 'application', 'own'])[
                    1 + floor(random() * 6)::int],
                st.usr, d.applied, d.decided,
                CASE WHEN d.state IN ('granted', 'refused')
                    THEN 'Bescheid vom ' || to_char(d.decided, 'DD.MM.YYYY')
                    END,
                CASE WHEN p.authority = 'ebh' THEN 255 END,
                CASE WHEN d.state = 'granted' THEN d.decided END,
                CASE WHEN d.state = 'granted' THEN d.decided
                    + CASE WHEN p.kind = '104c' THEN 548 ELSE 1095 END END,
                CASE WHEN d.state IN ('granted', 'refused', 'withdrawn')
                    THEN d.state END,
                d.state, random() < 0.3, false, false, st.usr,
                COALESCE(d.applied, current_date) + time '08:30'
            FROM b_proc p
            JOIN kim_case_client k ON k.id = p.client
            JOIN b_role_count n ON n.company = p.company
                AND n.role = p.authority
            JOIN b_staff st ON st.company = p.company
                AND st.role = p.authority
                AND st.k = mod(p.client, n.n)
            CROSS JOIN LATERAL (SELECT
                    CASE WHEN p.r < 0.1 THEN NULL
                        ELSE LEAST(current_date, p.start_date + 30
                            + floor(random() * 700)::int) END AS applied,
                    random() AS r2) a
            CROSS JOIN LATERAL (SELECT a.applied,
                CASE WHEN a.applied IS NULL THEN NULL
                    WHEN a.applied > current_date - 120 THEN NULL
                    ELSE LEAST(current_date, a.applied + 30
                        + floor(a.r2 * 200)::int) END AS decided,
                CASE WHEN a.applied IS NULL THEN 'precheck'
                    WHEN a.applied > current_date - 40 THEN 'applied'
                    WHEN a.applied > current_date - 120 THEN 'in_progress'
                    WHEN a.r2 < 0.75 THEN 'granted'
                    WHEN a.r2 < 0.9 THEN 'refused' ELSE 'withdrawn' END
                    AS state) d""")
        self.log(f"{self.loader.cur.rowcount} authority procedures")
        self.x("""
            INSERT INTO kim_authority_requirement (procedure, template, name,
                mandatory, "check", language_level, sequence, state,
                create_uid, create_date)
            SELECT p.id, t.id, t.name, t.mandatory, t."check",
                t.language_level, t.sequence,
                CASE WHEN p.state IN ('granted', 'in_progress') THEN 'met'
                    WHEN p.state = 'precheck' AND random() < 0.6
                        THEN 'unknown'
                    WHEN random() < 0.8 THEN 'met' ELSE 'not_met' END,
                1, now()
            FROM kim_authority_procedure p
            JOIN kim_authority_requirement_template t ON t.kind = p.kind""")
        self.log(f"{self.loader.cur.rowcount} requirements")
        statuses = self.loader.ids('kim_authority_residence_status')
        self.x("""
            INSERT INTO kim_authority_residence_period (procedure, status,
                start_date, end_date, create_uid, create_date)
            SELECT p.id, (%(st)s::int[])[1 + floor(random()
                    * (cardinality(%(st)s::int[]) - 1))::int],
                COALESCE(k.entry_date, p.create_date::date - 900),
                NULL, 1, now()
            FROM kim_authority_procedure p
            JOIN b_proc b ON b.party = p.party
            JOIN kim_case_client k ON k.id = b.client""",
            {'st': statuses})
        self.log(f"{self.loader.cur.rowcount} residence periods")
