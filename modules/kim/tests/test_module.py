# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase


class KimTestCase(CompanyTestMixin, ModuleTestCase):
    "Test KIM module"
    module = 'kim'


del ModuleTestCase
