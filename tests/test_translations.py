# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""A German user never meets an English string: every module ships a
complete locale/de.po whose messages keep their placeholders."""
import ast
import glob
import os
import re
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLACEHOLDER = re.compile(r'%\(\w+\)s')


def parse_po(path):
    "Yield (msgctxt, msgid, msgstr) of a po file"
    with open(path, encoding='utf-8') as fp:
        content = fp.read()
    for block in content.split('\n\n'):
        entry, key = {'fuzzy': False}, None
        for line in block.splitlines():
            if line.startswith('#,') and 'fuzzy' in line:
                entry['fuzzy'] = True
            if line.startswith('#'):
                continue
            match = re.match(r'^(msgctxt|msgid|msgstr) (".*")$', line)
            if match:
                key = match.group(1)
                entry[key] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and key:
                entry[key] += ast.literal_eval(line)
        if entry.get('msgid'):
            # Tryton ignores fuzzy translations.
            msgstr = '' if entry['fuzzy'] else entry['msgstr']
            yield entry.get('msgctxt', ''), entry['msgid'], msgstr


class TranslationTestCase(unittest.TestCase):

    def modules(self):
        return sorted(
            os.path.basename(os.path.dirname(p))
            for p in glob.glob(
                os.path.join(ROOT, 'modules', '*', 'tryton.cfg')))

    def test_german_complete(self):
        for module in self.modules():
            path = os.path.join(ROOT, 'modules', module, 'locale', 'de.po')
            with self.subTest(module=module):
                self.assertTrue(os.path.exists(path), f"{module}: no de.po")
                missing = [
                    (ctx, msgid) for ctx, msgid, msgstr in parse_po(path)
                    if not msgstr.strip()]
                self.assertEqual(missing, [])

    def test_placeholders_kept(self):
        for module in self.modules():
            path = os.path.join(ROOT, 'modules', module, 'locale', 'de.po')
            if not os.path.exists(path):
                continue
            for ctx, msgid, msgstr in parse_po(path):
                with self.subTest(module=module, msgctxt=ctx):
                    self.assertEqual(
                        sorted(PLACEHOLDER.findall(msgid)),
                        sorted(PLACEHOLDER.findall(msgstr)))
