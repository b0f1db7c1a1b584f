#!/usr/bin/env python3
# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Run the tests of every module and of the suite on one database backend.

The backend comes from the environment as for Tryton's own tests
(DB_NAME, TRYTOND_DATABASE__URI). Prints one line 'N passed, N failed'."""
import argparse
import os
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def modules():
    path = os.path.join(ROOT, 'modules')
    return sorted(
        name for name in os.listdir(path)
        if os.path.isfile(os.path.join(path, name, 'tryton.cfg')))


def suite(loader, pattern=None):
    if pattern:
        if '*' not in pattern:
            pattern = f'*{pattern}*'
        loader.testNamePatterns = [pattern]
    tests = unittest.TestSuite()
    for module in modules():
        for name in ['test_module', 'test_scenario']:
            if os.path.isfile(os.path.join(
                        ROOT, 'modules', module, 'tests', name + '.py')):
                tests.addTests(loader.loadTestsFromName(
                        f'trytond.modules.{module}.tests.{name}'))
    tests.addTests(loader.discover(
            os.path.join(ROOT, 'tests'), pattern='test_*.py',
            top_level_dir=ROOT))
    return tests


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--label', default='')
    parser.add_argument(
        '-k', dest='pattern', help="only tests whose name matches")
    parser.add_argument('-v', '--verbose', action='store_true')
    args = parser.parse_args()
    runner = unittest.TextTestRunner(verbosity=2 if args.verbose else 1)
    result = runner.run(suite(unittest.TestLoader(), args.pattern))
    failed = len(result.failures) + len(result.errors) + len(
        result.unexpectedSuccesses)
    # A class skipped in setUpClass is a skip that ran no test
    ran_skipped = [t for t, _ in result.skipped
        if isinstance(t, unittest.TestCase)]
    passed = result.testsRun - failed - len(ran_skipped)
    label = f'{args.label}: ' if args.label else ''
    print(f'{label}{passed} passed, {failed} failed, '
        f'{len(result.skipped)} skipped')
    return 0 if result.wasSuccessful() and result.testsRun else 1


if __name__ == '__main__':
    sys.exit(main())
