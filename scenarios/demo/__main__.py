# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Load the demo data of the KIM modules activated in a database.

Run from the repository root, on a database where the modules are
activated (scripts/demo.sh does both):

    python -m scenarios.demo -d kim_demo -c var/trytond.conf

Each part is loaded unless it is already there, so on a demo database
built before a module was activated only the data of that module is added.
"""
import argparse
import sys

from .authority import AuthorityDemo
from .base import PASSWORD, Demo
from .case import CaseDemo
from .data.organisations import ADMIN_ROLE, ORGANISATIONS_SHORT
from .funding import FundingDemo
from .organisation import OrganisationDemo
from .steering import SteeringDemo

# In the order they build on each other
PARTS = [OrganisationDemo, CaseDemo, FundingDemo, SteeringDemo,
    AuthorityDemo]


def print_logins(password=PASSWORD, file=sys.stdout):
    names = dict(ORGANISATIONS_SHORT)
    rows = [('admin', "Administrator", ADMIN_ROLE, "all")]
    for part in PARTS:
        for login, first, last, org, role in part.staff:
            rows.append((login, f"{first} {last}", part.roles[role],
                    "all" if role == 'coordination' else names[org]))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    print(f"All logins use the password: {password}", file=file)
    print(file=file)
    for row in rows:
        print("  " + "  ".join(
                v.ljust(w) for v, w in zip(row, widths + [0])).rstrip(),
            file=file)


def build(demo):
    "Build the missing parts of the activated modules; return if any"
    activated = demo.activated_modules()
    built = []
    for part in (Part(demo) for Part in PARTS):
        if part.module not in activated:
            print(f"   {part.title}: {part.module} is not activated")
        elif part.is_loaded():
            print(f"   {part.title}: already loaded")
            part.lookup()
        else:
            part.build()
            built.append(part)
    # The figures of the parts built after the funding in its drafts
    funding = [p for p in built if isinstance(p, FundingDemo)]
    later = [p for p in built if PARTS.index(type(p)) > PARTS.index(
            FundingDemo)]
    if later and 'kim_funding' in activated:
        (funding or [FundingDemo(demo)])[0].refresh_draft_proofs()
    return bool(built)


def main():
    parser = argparse.ArgumentParser(prog='python -m scenarios.demo',
        description=__doc__.split('\n\n')[0])
    parser.add_argument('-d', '--database', help="database name")
    parser.add_argument('-c', '--config', dest='config_file',
        help="trytond configuration file")
    parser.add_argument('--password', default=PASSWORD,
        help="password of the demo users (default: %(default)s)")
    parser.add_argument('--print-logins', action='store_true',
        help="print the demo logins and exit")
    options = parser.parse_args()
    if options.print_logins:
        print_logins(options.password)
        return 0
    if not options.database:
        parser.error("the database is required")
    demo = Demo(options.database, options.config_file, options.password)
    if build(demo):
        for key, value in sorted(demo.counts.items()):
            print(f"   {key:30} {value:6}")
        print("   logins: python -m scenarios.demo --print-logins")
    else:
        print("   nothing to add")
    return 0


if __name__ == '__main__':
    sys.exit(main())
