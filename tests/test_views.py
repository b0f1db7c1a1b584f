# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The views show what a German user expects to read."""
import glob
import os
import unittest

from lxml import etree

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class ViewTestCase(unittest.TestCase):

    def test_years_without_thousands_separator(self):
        "A year reads 2025, not 2.025: its integer field has grouping 0"
        checked = 0
        for path in sorted(glob.glob(
                    os.path.join(ROOT, 'modules', '*', 'view', '*.xml'))):
            tree = etree.parse(path)
            if tree.getroot().tag not in {'form', 'tree', 'data'}:
                continue
            for node in tree.iter('field'):
                name = node.get('name', '')
                if name == 'year' or name.endswith('_year'):
                    checked += 1
                    with self.subTest(view=os.path.relpath(path, ROOT)):
                        self.assertEqual(node.get('grouping'), '0')
        self.assertGreater(checked, 0)
